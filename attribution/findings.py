"""What the comparison hands to the report and the plugin.

A finding is self-contained (plain strings and ints) so that pytest-xdist can
ship it from a worker to the controller and a baseline file can store it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

Kind = Literal[
    "misquote",
    "possible-misquote",
    "misattribution",
    "venue-mismatch",
    "unverified-quote",
    "missing-quote",
    "disputed",
]
KINDS: tuple[Kind, ...] = get_args(Kind)  # in report order

#: How a finding weighs: ``fail`` breaks the build, ``warn`` is shown and lets it pass.
Level = Literal["fail", "warn"]

DiffTag = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True, slots=True, kw_only=True)
class DiffOp:
    """One run of a word diff: ``record`` words became ``article`` words."""

    tag: DiffTag
    record: tuple[str, ...]
    article: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One contradiction between an article and a record (or a quote no record covers).

    ``record`` is the record id (None for unverified quotes); ``quote`` the
    article's words; ``expected`` the record's words. ``line``/``column`` are
    1-based and point at the quote's first word, None for a missing quote.
    """

    kind: Kind
    article: str
    record: str | None
    speaker: str | None
    quote: str
    expected: str | None
    line: int | None
    column: int | None
    record_speaker: str | None = None
    record_file: str | None = None
    record_line: int | None = None
    venue: str | None = None
    expected_venue: str | None = None
    rule: str | None = None
    mention: str | None = None
    cue: str | None = None
    diff: tuple[DiffOp, ...] = field(default=())
    level: Level = "fail"
    #: Other speakers the article's mention also fits ("she" after two women), best first.
    candidates: tuple[str, ...] = field(default=())
    #: For a finding of consensus across outlets: each outlet's wording, one line each.
    outlets: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        """The report's shape: exactly the keys the issue names."""
        return {
            "article": self.article,
            "kind": self.kind,
            "record": self.record,
            "speaker": self.speaker,
            "quote": self.quote,
            "expected": self.expected,
            "line": self.line,
            "column": self.column,
            "level": self.level,
        }

    def key(self) -> tuple[str, str, str | None, str | None, str]:
        """Identity for the baseline: no line or column, so edits elsewhere keep it accepted."""
        return (self.article, self.kind, self.record, self.speaker, " ".join(self.quote.split()))
