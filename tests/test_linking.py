"""Helpers of the linking stage (``parse/attributions.py``), pinned on small texts."""

from __future__ import annotations

from attribution.parse.attributions import _named_remark, _opening_end
from attribution.parse.frame import build
from attribution.parse.quotes import find_quotations

SCALIA = (
    "After Scalia said some students might do better at “less advanced schools,” "
    "Trump said: “I don't like what he said.”"
)


def _frame(text: str) -> tuple[str, list[int]]:
    """The masked text and where its comma-ending quotations close."""
    quotations = find_quotations(text)
    ends = [q.outer_end for q in quotations if q.span.text.endswith(",")]
    return build(text, quotations).masked, ends


def test_an_opening_phrase_ends_at_its_comma() -> None:
    text = "In a statement on Friday, Gov. Ann Lee said it was “a disgrace.”"
    masked, ends = _frame(text)
    assert _opening_end(masked, 0, len(text), ends) == text.index("Gov.")


def test_an_opening_phrase_may_end_with_a_quotations_own_comma() -> None:
    masked, ends = _frame(SCALIA)
    # right after the closing mark and the space: where "Trump" starts
    assert _opening_end(masked, 0, len(SCALIA), ends) == SCALIA.index("Trump")
    # read only up to ``end``: a quotation closing after it is not looked at
    assert _opening_end(masked, 0, SCALIA.index("“less"), ends) == 0
    # a sentence starting after the quotation has no such phrase
    start = SCALIA.index("Trump")
    assert _opening_end(masked, start, len(SCALIA), ends) == start


def test_no_opening_phrase_is_its_start() -> None:
    text = "Gov. Ann Lee said, “We won,” and left."
    masked, ends = _frame(text)
    assert _opening_end(masked, 0, len(text), ends) == 0


def test_the_first_comma_ends_the_phrase_as_for_a_plain_comma() -> None:
    text = "After Lee called it “a farce,” and “a fraud,” Hale said: “No.”"
    masked, ends = _frame(text)
    assert _opening_end(masked, 0, len(text), ends) == text.index("and")
    # both quotations shown: the second ends a phrase that opens after the first
    start = text.index("and")
    assert _opening_end(masked, start, len(text), ends) == start


def test_a_named_remark_takes_a_determiner_not_a_possessive() -> None:
    for text, named in [
        ("Lee was asked about the “not there yet” comment.", True),
        ("Lee was asked about that “not there yet” remark.", True),
        ("Lee was asked about Hale’s “not there yet” comment.", False),
        ("The office gave an “inaccurate and incomplete” response.", False),
        ("Lee was asked about the “not there yet” line.", False),
        ("Lee was asked about the, “not there yet” comment.", False),
    ]:
        masked, _ = _frame(text)
        (q,) = find_quotations(text)
        assert _named_remark(masked, q) is named, text
