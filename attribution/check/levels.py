"""Levels per finding kind, set by the newsroom, and paragraphs an editor has cleared.

A record file sets ``unverified`` and ``possible-misquote``; a newsroom sets the rest
once for the whole repository, as Vale's levels do::

    [tool.attribution.levels]          # pyproject.toml
    possible-misquote = "fail"
    unverified-quote = "ignore"

    [[tool.attribution.paths]]         # stricter or looser for some articles
    glob = "wire/**"
    levels = { misquote = "warn" }

Later ``paths`` entries win over earlier ones, and any entry over the top-level
``levels``. An editor clears one paragraph of one story with a comment in it or on the
line before it, ``<!-- attribution: ignore -->``; its findings are kept, marked
``suppressed``, and shown in the report, never silently dropped.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import regex

from attribution.check.findings import KINDS, Finding
from attribution.errors import InputError

LevelName = Literal["fail", "warn", "ignore"]
LEVELS: tuple[LevelName, ...] = ("fail", "warn", "ignore")

# An editor's mark that the paragraph it stands in (or the one after it) is cleared.
SUPPRESS = regex.compile(
    r"""
    <!--[ \t]*attribution:[ \t]*ignore[ \t]*-->   # an HTML comment, in any article format
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PathLevels:
    """Levels for the articles a glob matches."""

    glob: str
    levels: Mapping[str, LevelName]


@dataclass(frozen=True, slots=True, kw_only=True)
class Levels:
    """The repository's levels: kind -> fail | warn | ignore, overall and per path."""

    levels: Mapping[str, LevelName] = dataclasses.field(default_factory=dict)
    paths: tuple[PathLevels, ...] = ()

    def level(self, kind: str, article: str) -> LevelName | None:
        """The level set for ``kind`` in ``article`` (a path relative to the root), if any."""
        found = self.levels.get(kind)
        for entry in self.paths:
            if fnmatch.fnmatch(article, entry.glob) and kind in entry.levels:
                found = entry.levels[kind]
        return found

    def apply(self, findings: Iterable[Finding]) -> tuple[Finding, ...]:
        """The findings at the levels set here; ``ignore`` drops them."""
        out = []
        for finding in findings:
            level = self.level(finding.kind, finding.article)
            if level == "ignore":
                continue
            if level is not None and level != finding.level and not finding.suppressed:
                finding = dataclasses.replace(finding, level=level)
            out.append(finding)
        return tuple(out)


def load(pyproject: Path) -> Levels:
    """``[tool.attribution]`` of ``pyproject``; no file or no table sets nothing."""
    try:
        raw = pyproject.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Levels()
    except OSError as err:
        raise InputError(str(pyproject), f"cannot read: {err.strerror}") from None
    try:
        table = tomllib.loads(raw).get("tool", {}).get("attribution", {})
    except tomllib.TOMLDecodeError as err:
        raise InputError(str(pyproject), f"not valid TOML: {err}") from None
    return parse(table, where=str(pyproject))


def parse(table: Any, *, where: str) -> Levels:
    """The ``[tool.attribution]`` table, checked: one-line errors name the key at fault."""
    if not isinstance(table, dict):
        raise InputError(where, "[tool.attribution] must be a table")
    unknown = set(table) - {"levels", "paths"}
    if unknown:
        raise InputError(where, f"[tool.attribution] has unknown key {sorted(unknown)[0]!r}")
    levels = _levels(table.get("levels", {}), where=where, key="levels")
    paths = []
    for i, entry in enumerate(table.get("paths", [])):
        key = f"paths[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("glob"), str):
            raise InputError(where, f"[tool.attribution] {key} needs a 'glob' string")
        extra = set(entry) - {"glob", "levels"}
        if extra:
            raise InputError(
                where, f"[tool.attribution] {key} has unknown key {sorted(extra)[0]!r}"
            )
        paths.append(
            PathLevels(
                glob=entry["glob"],
                levels=_levels(entry.get("levels", {}), where=where, key=f"{key}.levels"),
            )
        )
    return Levels(levels=levels, paths=tuple(paths))


def _levels(raw: Any, *, where: str, key: str) -> dict[str, LevelName]:
    if not isinstance(raw, dict):
        raise InputError(where, f"[tool.attribution] {key} must be a table of kind = level")
    for kind, level in raw.items():
        if kind not in KINDS:
            raise InputError(
                where,
                f"[tool.attribution] {key}: unknown kind {kind!r} (one of {', '.join(KINDS)})",
            )
        if level not in LEVELS:
            raise InputError(
                where, f"[tool.attribution] {key}.{kind}: {level!r} is not fail, warn or ignore"
            )
    return {kind: cast(LevelName, level) for kind, level in raw.items()}


def cleared_lines(text: str) -> frozenset[int]:
    """The 1-based lines of every paragraph an editor cleared with the ignore comment.

    The comment clears the paragraph it stands in; standing alone, the next paragraph.
    """
    if "attribution" not in text:
        return frozenset()
    lines = text.splitlines()
    out: set[int] = set()
    for m in SUPPRESS.finditer(text):
        line = text.count("\n", 0, m.start())  # 0-based
        alone = not SUPPRESS.sub("", lines[line]).strip()
        start = line
        if alone:  # the paragraph after the comment
            start = line + 1
            while start < len(lines) and not lines[start].strip():
                start += 1
        else:
            while start > 0 and lines[start - 1].strip():
                start -= 1
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        out.update(range(start + 1, end + 1))
    return frozenset(out)


def suppress(findings: Iterable[Finding], cleared: frozenset[int]) -> tuple[Finding, ...]:
    """Findings in cleared paragraphs, marked so: they show in the report and never fail."""
    return tuple(
        dataclasses.replace(f, level="warn", suppressed=True)
        if f.line is not None and f.line in cleared
        else f
        for f in findings
    )
