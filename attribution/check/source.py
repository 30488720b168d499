"""Stage 0, text in: an article file as the exact string every offset points into.

Offsets must match ``open(path, encoding="utf-8").read()``, so this mirrors what
text mode does (strict UTF-8, BOM kept as U+FEFF, universal newlines) while
reading bytes first, so a bad file is reported precisely instead of surfacing
as a traceback halfway through a run.
"""

from __future__ import annotations

import os
import stat

from attribution.errors import InputError

__all__ = ["decode_article", "line_column", "read_article"]


def read_article(path: str) -> str:
    """The text of the article at ``path``; raises InputError when it is not UTF-8 text."""
    try:
        # stat first: opening a FIFO or a device would block or never end.
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise InputError(path, _os_message(exc)) from None
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a directory")
    if not stat.S_ISREG(mode):
        raise InputError(path, "not a regular file")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise InputError(path, _os_message(exc)) from None
    return decode_article(data, path=path)


def decode_article(data: bytes, *, path: str = "<bytes>") -> str:
    """Decode like ``open(encoding="utf-8")`` would, naming the first bad byte otherwise."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"invalid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}): {exc.reason}"
        ) from None
    # newline=None: "\r\n" and a lone "\r" both read as "\n".
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _os_message(exc: OSError) -> str:
    """The OS's own words ("No such file or directory"), without the errno clutter."""
    return exc.strerror.lower() if exc.strerror else type(exc).__name__


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``: how editors and CI name a place."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
