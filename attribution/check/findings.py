"""What the comparison hands to the report and the plugin.

A finding is self-contained (plain strings and ints) so that pytest-xdist can
ship it from a worker to the controller and a baseline file can store it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

if TYPE_CHECKING:
    from attribution.parse.model import Attribution

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
#: A house rule's findings (a newsroom's ``pytest_attribution_article`` hook) carry a kind of
#: their own: lower-case words joined by hyphens, not one of KINDS.
HOUSE_KIND = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

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
    ``kind`` is one of KINDS, or a house rule's own kind (``HOUSE_KIND``), whose
    words for the editor are in ``message``.
    """

    kind: Kind | str
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
    #: What a house rule says about the quote (None for the built-in kinds).
    message: str | None = None
    #: For a finding of consensus across outlets: each outlet's wording, one line each.
    outlets: tuple[str, ...] = field(default=())
    #: In a paragraph an editor cleared (``<!-- attribution: ignore -->``): shown, never failing.
    suppressed: bool = False
    #: For a record read from a transcript (``sources:``): the transcript and where in it the
    #: nearest stretch begins, ``path:line`` or, for WebVTT captions, ``path:cue-start-time``.
    source: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The report's shape: where, what, and the record's side beside the article's."""
        return {
            "article": self.article,
            "kind": self.kind,
            "level": self.level,
            "line": self.line,
            "column": self.column,
            "quote": self.quote,
            "speaker": self.speaker,
            "venue": self.venue,
            "record": self.record,
            "record_file": self.record_file,
            "record_line": self.record_line,
            "expected": self.expected,
            "record_speaker": self.record_speaker,
            "record_venue": self.expected_venue,
            "message": self.message,
            "suppressed": self.suppressed,
            "source": self.source,
        }

    def to_json(self) -> dict[str, Any]:
        """Every field as JSON values, for shipping between processes; ``from_json`` inverts it."""
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["diff"] = [[op.tag, list(op.record), list(op.article)] for op in self.diff]
        out["candidates"] = list(self.candidates)
        out["outlets"] = list(self.outlets)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        values["diff"] = tuple(
            DiffOp(tag=tag, record=tuple(record), article=tuple(article))
            for tag, record, article in data.get("diff", ())
        )
        values["candidates"] = tuple(data.get("candidates", ()))
        values["outlets"] = tuple(data.get("outlets", ()))
        return cls(**values)

    def order(self) -> tuple[str, int, int, str, str]:
        """Where a report lists it: by article, place in the article, kind and record."""
        return (self.article, self.line or 0, self.column or 0, self.kind, self.record or "")

    def key(self) -> tuple[str, str, str | None, str | None, str]:
        """Identity for the baseline: no line or column, so edits elsewhere keep it accepted."""
        return (self.article, self.kind, self.record, self.speaker, " ".join(self.quote.split()))


class Parsed(TypedDict):
    """What the parser said of a quote, as every finding about it carries it."""

    speaker: str | None
    quote: str
    venue: str | None
    rule: str | None
    mention: str | None
    cue: str | None
    candidates: tuple[str, ...]


def parsed(attribution: Attribution | None) -> Parsed:
    """The parser's fields of a finding about ``attribution`` (none for a missing quote).

    One home for them, so the comparison, transcripts and house rules report a quote
    the same way: ``candidates`` are the others the mention also fits, best first.
    """
    if attribution is None:
        return Parsed(
            speaker=None, quote="", venue=None, rule=None, mention=None, cue=None, candidates=()
        )
    return Parsed(
        speaker=attribution.speaker,
        quote=attribution.quote.text,
        venue=attribution.venue.text if attribution.venue else None,
        rule=attribution.rule,
        mention=attribution.mention.text if attribution.mention else None,
        cue=attribution.cue.text if attribution.cue else None,
        candidates=attribution.candidates[1:],
    )


def diff_text(ops: Sequence[DiffOp]) -> str:
    """One line of ``git diff --word-diff`` marks: equal words as the record has them,
    ``[-removed-]`` and ``{+added+}`` for the changes (report, consensus and draft alike)."""
    parts: list[str] = []
    for op in ops:
        if op.tag == "equal":
            parts.append(" ".join(op.record or op.article))
            continue
        if op.record:
            parts.append("[-" + " ".join(op.record) + "-]")
        if op.article:
            parts.append("{+" + " ".join(op.article) + "+}")
    return " ".join(parts)
