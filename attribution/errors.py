"""One small error hierarchy: every error the user can cause names the file it came from."""

from __future__ import annotations


class AttributionError(Exception):
    """Base for errors reported to the user as one line, never as a traceback."""


class InputError(AttributionError):
    """An article that cannot be read as UTF-8 text."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ExpectationError(AttributionError):
    """A record file that is malformed; ``line`` is 1-based, or None when not known."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.message = message
