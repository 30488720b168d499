"""Work kept across runs: a re-run after editing one article parses and compares one article.

Three kinds of entry, JSON files in a folder named by the parser's version (a
hash of the package's own source and word lists, every subpackage's included, so
any change to a stage, to the comparison, to the record loader or to this codec
starts a fresh folder, and the stale ones are removed):

- ``records-<sha256 of a record file's text>.json``: what the text alone decides
  (``records.Draft``, its first problem included); the globs and transcript paths
  are looked up at every load, so an added or deleted article is never missed;
- ``parse-<sha256 of the text>.json``: the article's attributions;
- ``check-<sha256 of the text and the records>.json``: the findings of the
  article against the record files covering it (their paths and contents, in
  order, and the article's path are part of the key).

Entries are written atomically (a temporary file, then a rename), so concurrent
xdist workers never see half an entry. An entry is never trusted blindly: it must
be valid JSON of the expected shape, name the same key and parser version, and
hold values of the declared types (spans inside the text, kinds that exist);
anything else is ignored, the work done again and the entry rewritten. JSON, not
pickle, so a tampered cache cannot run code.
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
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from attribution.check import records
from attribution.check.findings import Finding
from attribution.check.records import Draft
from attribution.parse.model import Attribution, Span

FORMAT = 2
PREFIX = "v-"

Parse = Callable[[str], tuple[Attribution, ...]]
T = TypeVar("T")


@functools.cache
def parser_version() -> str:
    """A hash of everything a parse or a check depends on: the package's code and data."""
    return version_of(Path(__file__).resolve().parent)


def version_of(package: Path) -> str:
    """A hash of the package's modules, its subpackages' included, and its word lists."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]}".encode())
    for path in sorted([*package.rglob("*.py"), *package.glob("data/*")]):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def digest(*parts: str) -> str:
    """SHA-256 of ``parts``, each length-prefixed so no two lists of parts collide."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


class Cache:
    """Parses and findings stored below ``folder``; counts what it reused and redid."""

    def __init__(self, folder: Path) -> None:
        self.version = parser_version()
        self.folder = folder / f"{PREFIX}{self.version}"
        self.parsed = 0  # articles parsed because no good entry was found
        self.reused = 0
        self.drafted = 0  # record files validated because no good entry was found
        self._ready = False

    def parse(self, text: str, parse: Parse) -> tuple[Attribution, ...]:
        """The cached parse of ``text``, or ``parse(text)``, stored for next time."""
        key = digest(text)
        path = self.folder / f"parse-{key}.json"
        found = self._read(path, key, lambda rows: _decode_rows(Attribution, rows, text))
        if found is not None:
            self.reused += 1
            return found
        result = parse(text)
        self.parsed += 1
        self._write(path, key, _encode_rows(result, text))
        return result

    def draft(self, source: str) -> Draft:
        """The cached draft of a record file's text, or ``records.draft(source)``, stored.

        Only what the text alone decides is kept, its first problem included; globs and
        transcript paths are looked up at every load (``records.realise``).
        """
        key = digest(source)
        path = self.folder / f"records-{key}.json"
        found = self._read(path, key, lambda rows: _decode_rows(Draft, rows, source))
        if found is not None and len(found) == 1:
            return found[0]
        result = records.draft(source)
        self.drafted += 1
        self._write(path, key, _encode_rows((result,), source))
        return result

    def check(
        self, key: str, text: str, compute: Callable[[], tuple[Finding, ...]]
    ) -> tuple[Finding, ...]:
        """The cached findings under ``key`` (see ``digest``), or ``compute()``, stored."""
        path = self.folder / f"check-{key}.json"
        found = self._read(path, key, lambda rows: _decode_rows(Finding, rows, text))
        if found is not None:
            return found
        result = compute()
        self._write(path, key, _encode_rows(result, text))
        return result

    def _read(
        self, path: Path, key: str, decode: Callable[[object], tuple[T, ...] | None]
    ) -> tuple[T, ...] | None:
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        try:
            document = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        if not isinstance(document, dict) or (
            document.get("format"),
            document.get("parser"),
            document.get("key"),
        ) != (FORMAT, self.version, key):
            return None
        return decode(document.get("rows"))

    def _write(self, path: Path, key: str, rows: list[object] | None) -> None:
        if rows is None:
            return
        document = {"format": FORMAT, "parser": self.version, "key": key, "rows": rows}
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
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
        """Create this version's folder; remove the folders of other versions."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.folder.parent.glob(f"{PREFIX}*"):
            if stale != self.folder and stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
        self._ready = True


# --- codec: frozen dataclasses as JSON lists, checked field by field on the way back ----


class _Bad(Exception):
    """An entry that does not fit the declared types."""


@functools.cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _encode_rows(values: tuple[Any, ...], text: str) -> list[object] | None:
    try:
        for cls in {type(value) for value in values}:
            _decoder(typing.cast(Any, cls))  # a type the decoder cannot read is never stored
        return [_encode(value, text) for value in values]
    except (_Bad, TypeError):
        return None


def _decode_rows(cls: type[T], rows: object, text: str) -> tuple[T, ...] | None:
    if not isinstance(rows, list):
        return None
    try:
        decode = _decoder(typing.cast(Any, cls))
        return tuple(typing.cast(T, decode(row, text)) for row in rows)
    except (_Bad, RecursionError, TypeError):  # TypeError: a field type the codec lacks
        return None


def _encode(value: object, text: str) -> object:
    if isinstance(value, Span):
        if text[value.start : value.end] != value.text:
            raise _Bad  # spans are rebuilt from the text: never store one that is not
        return [value.start, value.end]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name), text) for f in dataclasses.fields(value)]
    if isinstance(value, tuple):
        return [_encode(v, text) for v in value]
    if value is None or isinstance(value, str | int | bool):
        return value
    raise _Bad


Decoder = Callable[[object, str], Any]


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A checking decoder for ``hint``, built once per type (entries hold thousands of values)."""
    origin = typing.get_origin(hint)
    if hint is Span:
        return _span
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _record(hint)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        members = [a for a in args if a is not type(None)]
        if str in members and any(typing.get_origin(a) is typing.Literal for a in members):
            # ``Kind | str``: the str is a house rule's own kind, and those are never cached;
            # an entry holds only the values the Literal names
            members.remove(str)
        others = [_decoder(a) for a in members]
        optional = type(None) in args

        def union(value: object, text: str) -> Any:
            if value is None and optional:
                return None
            for decode in others:  # the first member type that reads it (``Kind | str``)
                try:
                    return decode(value, text)
                except _Bad:
                    continue
            raise _Bad

        return union
    if origin is tuple:
        args = typing.get_args(hint)
        if Ellipsis not in args:  # ``tuple[str, str | None]``: so many values, each its type
            each = tuple(_decoder(a) for a in args)

            def fixed(value: object, text: str) -> Any:
                if not isinstance(value, list) or len(value) != len(each):
                    raise _Bad
                return tuple(d(v, text) for d, v in zip(each, value, strict=True))

            return fixed
        if len(args) != 2:
            raise TypeError(f"cannot cache a value of type {hint}")
        if args[0] is str:  # words and names: checked without a call each

            def strings(value: object, text: str) -> Any:
                if not isinstance(value, list) or not all(type(v) is str for v in value):
                    raise _Bad
                return tuple(value)

            return strings
        item = _decoder(args[0])

        def sequence(value: object, text: str) -> Any:
            if not isinstance(value, list):
                raise _Bad
            return tuple([item(v, text) for v in value])

        return sequence
    if origin is typing.Literal:
        allowed = frozenset(typing.get_args(hint))

        def literal(value: object, text: str) -> Any:
            if isinstance(value, str) and value in allowed:
                return value
            raise _Bad

        return literal
    if hint in (str, int, bool):
        exact = hint

        def plain(value: object, text: str) -> Any:
            if type(value) is exact:
                return value
            raise _Bad

        return plain
    raise TypeError(f"cannot cache a value of type {hint}")


#: Field types a record decoder checks inline, as ``plain`` and ``union`` would: the
#: expression that is true when the value ``v`` is one.
_INLINE = {
    str: "type({v}) is str",
    int: "type({v}) is int",
    bool: "type({v}) is bool",
    str | None: "{v} is None or type({v}) is str",
    int | None: "{v} is None or type({v}) is int",
}


def _record(cls: type) -> Decoder:
    """A decoder for the dataclass ``cls``: its fields in order, each of its declared type.

    Generated once per class (as ``dataclasses`` generates ``__init__``): an entry holds
    tens of thousands of values, and a call and a dict per field cost as much as the
    reading itself. Plain fields are checked inline, the others by their own decoder.
    """
    fields = _hints(cls)
    namespace: dict[str, Any] = {"cls": cls, "Bad": _Bad}
    names = [f"a{n}" for n in range(len(fields))]
    checks, arguments = [], []
    for (name, hint), v in zip(fields, names, strict=True):
        inline = _INLINE.get(hint)
        if typing.get_origin(hint) is typing.Literal:  # as ``literal`` checks it
            namespace[f"allowed_{v}"] = frozenset(typing.get_args(hint))
            inline = f"type({{v}}) is str and {{v}} in allowed_{v}"
        if inline is not None:
            checks.append(f"    if not ({inline.format(v=v)}): raise Bad")
            arguments.append(f"{name}={v}")
        else:
            namespace[f"d_{v}"] = _decoder(hint)
            arguments.append(f"{name}=d_{v}({v}, text)")
    source = "\n".join(
        [
            "def record(value, text):",
            f"    if not isinstance(value, list) or len(value) != {len(fields)}: raise Bad",
            f"    {', '.join(names)}, = value" if names else "    pass",
            *checks,
            f"    return cls({', '.join(arguments)})",
        ]
    )
    exec(source, namespace)  # built above from field names and types, never from an entry
    decode: Decoder = namespace["record"]
    return decode


def _span(value: object, text: str) -> Span:
    if (
        isinstance(value, list)
        and len(value) == 2
        and type(value[0]) is int
        and type(value[1]) is int
        and 0 <= value[0] <= value[1] <= len(text)
    ):
        return Span.of(text, value[0], value[1])
    raise _Bad
