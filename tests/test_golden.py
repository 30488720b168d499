"""Golden cases: news sentences and what the parser must find in them, kept as data.

The cases live in ``tests/golden/*.json`` (format in ``tests/golden/README.md``) so
that a new construction is one more entry, not one more function. The list of
quotations found must equal the expected list exactly: a missed quote and an
invented one are both failures. Known parser bugs stay in as strict xfails, so
a fix shows up as an XPASS failure until the mark is removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from attribution.parse import cues, frame, quotes
from attribution.parse.model import RULES, Attribution, Span
from attribution.parse.pipeline import extract

GOLDEN = Path(__file__).parent / "golden"

CASE_KEYS = {"name", "text", "expect", "xfail", "ignore_paragraphs"}
EXPECT_KEYS = {"quote", "speaker", "mention", "cue", "venue", "date", "rule"}
SPAN_FIELDS = ("mention", "cue", "venue", "date")


@dataclass(frozen=True, slots=True)
class Case:
    """One golden case, checked for shape when loaded so a typo cannot pass silently."""

    topic: str
    name: str
    text: str
    expect: tuple[dict[str, str | None], ...]
    xfail: str | None
    ignore_paragraphs: frozenset[int]


def _fail(where: str, why: str) -> ValueError:
    return ValueError(f"{where}: {why}")


def _text(raw: object, where: str) -> str:
    """A case's text: one string, or a list of paragraphs joined by line breaks."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, list) and raw and all(isinstance(p, str) for p in raw):
        return "\n".join(raw)
    raise _fail(where, "'text' must be a string or a non-empty list of strings")


def _expectation(raw: object, where: str) -> dict[str, str | None]:
    if not isinstance(raw, dict):
        raise _fail(where, "each 'expect' entry must be an object")
    unknown = set(raw) - EXPECT_KEYS
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    if not isinstance(raw.get("quote"), str) or "speaker" not in raw:
        raise _fail(where, "'quote' (a string) and 'speaker' are required")
    for key, value in raw.items():
        if value is not None and not isinstance(value, str):
            raise _fail(where, f"{key!r} must be a string or null")
    return dict(raw)


def _case(topic: str, raw: dict[str, Any], where: str) -> Case:
    unknown = set(raw) - CASE_KEYS
    if unknown:
        raise _fail(where, f"unknown keys {sorted(unknown)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        raise _fail(where, "'name' must be a non-empty string")
    where = f"{where} ({name})"
    expect = raw.get("expect")
    if not isinstance(expect, list):
        raise _fail(where, "'expect' must be a list")
    xfail = raw.get("xfail")
    if xfail is not None and (not isinstance(xfail, str) or not xfail.strip()):
        raise _fail(where, "'xfail' must be a non-empty reason")
    ignore = raw.get("ignore_paragraphs", [])
    if not isinstance(ignore, list) or not all(isinstance(i, int) for i in ignore):
        raise _fail(where, "'ignore_paragraphs' must be a list of paragraph indexes")
    return Case(
        topic=topic,
        name=name,
        text=_text(raw.get("text"), where),
        expect=tuple(_expectation(e, where) for e in expect),
        xfail=xfail,
        ignore_paragraphs=frozenset(ignore),
    )


def load_cases() -> list[Case]:
    """Every case of every golden file, in file order; names unique per file."""
    cases: list[Case] = []
    for path in sorted(GOLDEN.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, list) or not raw:
            raise _fail(path.name, "a golden file is a non-empty list of cases")
        topic = path.stem
        names: set[str] = set()
        for index, entry in enumerate(raw):
            if not isinstance(entry, dict):
                raise _fail(f"{path.name}[{index}]", "a case must be an object")
            case = _case(topic, entry, f"{path.name}[{index}]")
            if case.name in names:
                raise _fail(path.name, f"duplicate case name {case.name!r}")
            names.add(case.name)
            cases.append(case)
    return cases


CASES = load_cases()


def _param(case: Case) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=f"{case.topic}:{case.name}", marks=marks)


def _paragraph_of(text: str, pos: int) -> int:
    """Index of the line (paragraph) that ``pos`` falls in."""
    return text.count("\n", 0, pos)


def _field(found: Attribution, key: str) -> str | None:
    """What the case names ``key``: the speaker and rule as strings, spans by their text."""
    if key == "speaker":
        return found.speaker
    if key == "rule":
        return found.rule
    span: Span | None = getattr(found, key)
    return span.text if span is not None else None


def test_there_are_enough_golden_cases_per_topic() -> None:
    """Guards against a file silently dropping out (renamed, emptied, unparsed)."""
    topics = {case.topic for case in CASES}
    assert {"quotes", "constructions", "resolution", "venues"} <= topics
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_golden(case: Case) -> None:
    found = [
        a
        for a in extract(case.text)
        if _paragraph_of(case.text, a.quote.start) not in case.ignore_paragraphs
    ]
    for a in found:
        for span in (a.quote, a.mention, a.cue, a.venue, a.date):
            if span is not None:
                assert case.text[span.start : span.end] == span.text
    assert [a.quote.text for a in found] == [e["quote"] for e in case.expect]
    got = [{key: _field(a, key) for key in e} for a, e in zip(found, case.expect, strict=True)]
    assert got == list(case.expect)


def test_every_rule_is_met_by_a_golden_case() -> None:
    """Each rule the parser can name is shown working on some case (a cue's own rule,
    such as ``according-to-document``, may only show on the cue it found)."""
    seen: set[str] = set()
    for case in load_cases():
        seen.update(a.rule for a in extract(case.text))
        found = quotes.find_quotations(case.text)
        if found:
            seen.update(c.rule for c in cues.find_cues(case.text, frame.build(case.text, found)))
    assert set(RULES) - seen == set()
    assert seen <= set(RULES)
