"""Parses kept across runs: a re-run after editing one article parses one article.

An entry is a JSON file named by the SHA-256 of the article's text, in a folder
named by the parser's version: a hash of the package's own source and word
lists, so any change to a stage (or to this codec) starts a fresh folder and the
stale ones are removed. Entries are written atomically (a temporary file, then a
rename), so concurrent xdist workers never see half an entry. An entry is never
trusted blindly: it must be valid JSON of the expected shape, name the same text
hash and parser version, and hold spans inside the text; anything else is
ignored, the article is parsed again and the entry rewritten. JSON, not pickle,
so a tampered cache cannot run code.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
import typing
from collections.abc import Callable
from pathlib import Path

from attribution.model import Attribution, Span

FORMAT = 1
PREFIX = "parse-"

Parse = Callable[[str], tuple[Attribution, ...]]


@functools.cache
def parser_version() -> str:
    """A hash of everything a parse depends on: the package's modules and data files."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]}".encode())
    for path in sorted([*package.glob("*.py"), *package.glob("data/*")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


class ParseCache:
    """Attributions of article texts, stored below ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.version = parser_version()
        self.folder = folder / f"{PREFIX}{self.version}"
        self.parsed = 0  # articles parsed because no good entry was found
        self.reused = 0
        self._ready = False

    def get(self, text: str, parse: Parse) -> tuple[Attribution, ...]:
        """The cached parse of ``text``, or ``parse(text)``, stored for next time."""
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        path = self.folder / f"{key}.json"
        try:
            raw = path.read_bytes()
        except OSError:
            raw = None
        if raw is not None:
            found = _decode(raw, text=text, key=key, version=self.version)
            if found is not None:
                self.reused += 1
                return found
        result = parse(text)
        self.parsed += 1
        self._store(path, _encode(result, text=text, key=key, version=self.version))
        return result

    def _store(self, path: Path, data: bytes | None) -> None:
        if data is None:
            return
        try:
            if not self._ready:
                self._prepare()
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            return  # a read-only checkout runs without a cache

    def _prepare(self) -> None:
        """Create this version's folder; remove the folders of other parser versions."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.parent.glob(f"{PREFIX}*"):
            if stale != self.folder and stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
        self._ready = True


# --- codec ---------------------------------------------------------------------------

_SPAN, _OPTIONAL_SPAN, _STR, _OPTIONAL_STR, _STRS, _BOOL = range(6)
_KINDS = {
    Span: _SPAN,
    Span | None: _OPTIONAL_SPAN,
    str: _STR,
    str | None: _OPTIONAL_STR,
    tuple[str, ...]: _STRS,
    bool: _BOOL,
}


@functools.cache
def _fields() -> tuple[tuple[str, int], ...] | None:
    """Attribution's fields and how each is stored; None (no caching) for a type not known."""
    hints = typing.get_type_hints(Attribution)
    out: list[tuple[str, int]] = []
    for field in dataclasses.fields(Attribution):
        kind = _KINDS.get(hints[field.name])
        if kind is None:
            return None
        out.append((field.name, kind))
    return tuple(out)


def _encode(found: tuple[Attribution, ...], *, text: str, key: str, version: str) -> bytes | None:
    fields = _fields()
    if fields is None:
        return None
    rows: list[list[object]] = []
    for attribution in found:
        row: list[object] = []
        for name, _ in fields:
            value = getattr(attribution, name)
            if isinstance(value, Span):
                if text[value.start : value.end] != value.text:
                    return None  # spans are rebuilt from the text: never store one that is not
                row.append([value.start, value.end])
            elif isinstance(value, tuple):
                row.append(list(value))
            else:
                row.append(value)
        rows.append(row)
    document = {"format": FORMAT, "parser": version, "text": key, "attributions": rows}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode(raw: bytes, *, text: str, key: str, version: str) -> tuple[Attribution, ...] | None:
    """The entry's attributions, or None when anything about it is off."""
    fields = _fields()
    if fields is None:
        return None
    try:
        document = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict) or (
        document.get("format"),
        document.get("parser"),
        document.get("text"),
    ) != (FORMAT, version, key):
        return None
    rows = document.get("attributions")
    if not isinstance(rows, list):
        return None
    out: list[Attribution] = []
    for row in rows:
        if not isinstance(row, list) or len(row) != len(fields):
            return None
        values: dict[str, object] = {}
        for (name, kind), value in zip(fields, row, strict=True):
            decoded = _value(kind, value, text)
            if decoded is _BAD:
                return None
            values[name] = decoded
        out.append(Attribution(**values))  # type: ignore[arg-type]
    return tuple(out)


_BAD = object()


def _value(kind: int, value: object, text: str) -> object:
    if kind in (_SPAN, _OPTIONAL_SPAN):
        if value is None and kind == _OPTIONAL_SPAN:
            return None
        if (
            isinstance(value, list)
            and len(value) == 2
            and all(type(v) is int for v in value)
            and 0 <= value[0] <= value[1] <= len(text)
        ):
            return Span.of(text, value[0], value[1])
        return _BAD
    if kind == _STRS:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return _BAD
    if kind == _BOOL:
        return value if isinstance(value, bool) else _BAD
    if kind == _OPTIONAL_STR and value is None:
        return None
    return value if isinstance(value, str) else _BAD
