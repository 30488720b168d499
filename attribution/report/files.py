"""Report files written whole or not at all, and checked for writability before a run."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from attribution.errors import AttributionError


def writable(path: Path) -> None:
    """Raise AttributionError, in one line, when a report cannot be written at ``path``.

    Checked before any work starts, so a typo in ``--report`` costs a second, not a run.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".probe", dir=path.parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise AttributionError(f"cannot write {path}: {err.strerror or err}") from None
    if path.is_dir():
        raise AttributionError(f"cannot write {path}: is a directory")


def write_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to a temporary file beside ``path``, then rename it over ``path``.

    A reader (CI uploading the file, a second run) sees the old file or the new one,
    never half of one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a report is not
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
