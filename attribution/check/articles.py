"""An article file as the checker reads it: shown by its path in the project, with the
line and likely encoding when it is not UTF-8, and what looks wrong about a readable
file (HTML named .txt) as a warning at its first line.

Both front ends read articles through here, and so does ``consensus``.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from attribution.check import formats
from attribution.check.formats import Document, FormatWarning
from attribution.check.layout import shown
from attribution.errors import InputError


def read_article(path: Path, *, root: Path) -> str:
    """The plain text the parser reads (the file itself for plain text; for Markdown and
    HTML, offsets into it need ``read_document``'s map to point into the file)."""
    return read_document(path, root=root).text


def read_document(path: Path, *, root: Path) -> Document:
    """The article as the parser reads it (Markdown and HTML as plain text, formats.py).

    InputError names the file, and for text that is not UTF-8 the line and the likely
    encoding; what looks wrong about a readable file is a FormatWarning at its first line.
    """
    try:
        document = formats.read_document(str(path))
    except InputError as err:
        where, message = shown(path, root), f"cannot read article: {err.message}"
        try:
            diagnosis = encoding_problem(path.read_bytes())
        except OSError:
            diagnosis = None
        if diagnosis is not None:
            line, message = diagnosis
            where, message = f"{where}:{line}", f"cannot read article: {message}"
        raise InputError(where, message) from None
    for note in document.notes:  # at the article's first line, where pytest shows it
        warning = FormatWarning(f"{shown(path, root)}: {note}")
        warnings.warn_explicit(warning, FormatWarning, filename=str(path), lineno=1)
    return document


def encoding_problem(data: bytes) -> tuple[int, str] | None:
    """The line and a description of why ``data`` is not UTF-8 text, with the likely encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        order = "little" if data.startswith(b"\xff\xfe") else "big"
        return 1, f"UTF-16 ({order}-endian, with a byte-order mark), not UTF-8: save it as UTF-8"
    head = data[:4096]
    nul = data.find(b"\x00")
    if nul >= 0:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        if max(even, odd) * 3 >= len(head) // 2 and min(even, odd) * 10 < len(head) // 2:
            order = "little" if odd > even else "big"
            return (
                1,
                f"UTF-16 ({order}-endian: every other byte is NUL), not UTF-8: save it as UTF-8",
            )
        return _line(data, nul), f"binary file (NUL byte at byte {nul})"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start]
        try:
            data.decode("cp1252")
            char = data[err.start : err.start + 1].decode("cp1252")
            likely = f"likely Windows-1252 (byte 0x{bad:02x} is {char!r} there)"
        except UnicodeDecodeError:
            likely = "likely Latin-1 or another 8-bit encoding"
        return _line(data, err.start), (
            f"invalid UTF-8 at byte {err.start} (0x{bad:02x}), {likely}: save it as UTF-8"
        )
    return None


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
