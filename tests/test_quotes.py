"""Unit tests for stage 1 (quotation spans) and the masked frame built on it.

The golden cases check quote texts; these check what only the stage functions
expose: where the marks stand (``open_mark``, ``close_mark``, ``outer_end``), how
many paragraphs a quotation spans, and that the mask keeps every offset.
"""

from __future__ import annotations

import pytest

from attribution.parse.frame import QUOTE, build, mask
from attribution.parse.model import Quotation
from attribution.parse.quotes import find_quotations


def _only(text: str) -> Quotation:
    (q,) = find_quotations(text)
    return q


def test_curly_marks_offsets() -> None:
    q = _only("“Yes,” she said.")
    assert (q.open_mark, q.span.start, q.span.end, q.close_mark, q.outer_end) == (0, 1, 5, 5, 6)
    assert q.paragraphs == 1


def test_two_character_nyt_marks_end_two_characters_after_the_close() -> None:
    q = _only("''Yes,'' he said.")
    assert q.span.text == "Yes,"
    assert (q.open_mark, q.span.start, q.close_mark, q.outer_end) == (0, 2, 6, 8)


def test_spaces_inside_guillemets_are_not_part_of_the_words() -> None:
    text = "« Bonjour », dit-il."
    q = _only(text)
    assert q.span.text == "Bonjour"
    assert text[q.open_mark] == "«"
    assert q.close_mark is not None and text[q.close_mark] == "»"
    assert q.outer_end == q.close_mark + 1


def test_unclosed_quotation_runs_to_its_paragraph_end() -> None:
    text = "“We need more time, said Ana Ruiz.\nThe committee adjourned."
    q = _only(text)
    assert q.close_mark is None
    assert q.span.text == "We need more time, said Ana Ruiz."
    assert q.outer_end == q.span.end == text.index("\n")


def test_paragraph_break_empties_the_stack() -> None:
    """A mark left open in one paragraph cannot pair with one in the next."""
    first, second = find_quotations("“open\nsecond “quote” here")
    assert (first.span.text, first.close_mark) == ("open", None)
    assert (second.span.text, second.open_mark, second.close_mark) == ("quote", 13, 19)


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\n\n"])
def test_multi_paragraph_quotation_counts_its_paragraphs(brk: str) -> None:
    text = f"“One.{brk}“Two.{brk}“Three.” he said."
    q = _only(text)
    assert q.paragraphs == 3
    assert q.open_mark == 0
    assert q.close_mark == text.index("”")
    assert q.span.text == f"One.{brk}“Two.{brk}“Three."


def test_a_closed_quotation_is_not_continued_by_the_next_paragraph() -> None:
    first, second = find_quotations("“One,” she said.\n“Two.”")
    assert first.paragraphs == second.paragraphs == 1


def test_nested_quotation_stays_inside_and_is_not_reported() -> None:
    q = _only("“He said ‘no’ twice,” she said.")
    assert q.span.text == "He said ‘no’ twice,"
    assert q.outer_end == q.span.end + 1


def test_empty_marks_give_no_quotation() -> None:
    assert find_quotations('“” and "" and ‘’ mean nothing') == ()


@pytest.mark.parametrize(
    "text",
    [
        "It’s the Smiths’ best album since the ’90s.",
        "Rock ’n’ roll, y’all, O’Brien's dog and 5'11\" tall.",
        "Don't, won't, can't, 'til and 'em.",
    ],
)
def test_apostrophes_alone_make_no_quotation(text: str) -> None:
    assert find_quotations(text) == ()


def test_straight_and_curly_single_marks_both_quote() -> None:
    first, second = find_quotations("'Yes,' she said. ‘No,’ he said.")
    assert (first.span.text, second.span.text) == ("Yes,", "No,")


def test_mask_keeps_length_and_every_offset() -> None:
    text = "It’s late. “We’re done,” said O’Brien.\n‘Fine,’ he said."
    quotations = find_quotations(text)
    masked = mask(text, quotations)
    assert len(masked) == len(text)
    covered: set[int] = set()
    for q in quotations:
        covered.update(range(q.open_mark, q.outer_end))
        assert masked[q.open_mark : q.outer_end] == QUOTE * (q.outer_end - q.open_mark)
    for i, ch in enumerate(text):
        if i not in covered:
            assert masked[i] == ("'" if ch == "’" else ch)


def test_sentences_never_split_inside_a_quotation() -> None:
    text = "“Stop. Now. Please,” he said. Then he left."
    first, second = build(text, find_quotations(text)).sentences
    assert text[first.start : first.end] == "“Stop. Now. Please,” he said."
    assert text[second.start : second.end] == "Then he left."


def test_titles_and_initials_do_not_end_a_sentence() -> None:
    text = "Lt. Gen. Kyrylo Budanov said so. Lloyd J. Austin III agreed, calling it “serious.”"
    sentences = build(text, find_quotations(text)).sentences
    assert [text[s.start : s.end] for s in sentences] == [
        "Lt. Gen. Kyrylo Budanov said so.",
        "Lloyd J. Austin III agreed, calling it “serious.”",
    ]


def test_sentences_carry_their_paragraph_and_blank_lines_are_skipped() -> None:
    text = "One. Two.\n\n“Three,” she said.\nFour."
    sentences = build(text, find_quotations(text)).sentences
    assert [(text[s.start : s.end], s.paragraph) for s in sentences] == [
        ("One.", 0),
        ("Two.", 0),
        ("“Three,” she said.", 1),
        ("Four.", 2),
    ]
