"""Unit tests for stage 2 (cues and speaker mentions), run on a real frame.

The golden cases see only the speaker a quote ends up with; these pin the
cue-level facts behind it: which words count as cues, which mention each one
attaches to, and the rule name ``attribution explain`` will show.
"""

from __future__ import annotations

import pytest

from attribution.parse.cues import find_cues
from attribution.parse.frame import build
from attribution.parse.model import Cue
from attribution.parse.quotes import find_quotations


def _cues(text: str) -> tuple[Cue, ...]:
    found = find_cues(text, build(text, find_quotations(text)))
    for cue in found:
        for span in (cue.cue, cue.mention, cue.sentence):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return found


def _summary(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.cue.text, c.mention.text if c.mention else None, c.rule) for c in _cues(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Q,” said Victor Cha.", ("said", "Victor Cha", "quote-cue-speaker")),
        ("“Q,” Jennifer Walsh said.", ("said", "Jennifer Walsh", "speaker-cue")),
        ("Austin also said it was “Q.”", ("said", "Austin", "speaker-cue")),
        (
            "Kevin McCarthy has repeatedly said it was “Q.”",
            ("said", "Kevin McCarthy", "speaker-cue"),
        ),
        (
            "Victor Cha, a scholar at CSIS, noted, “Q.”",
            ("noted", "Victor Cha", "speaker-appositive-cue"),
        ),
        (
            "It was “Q,” according to the Pentagon.",
            ("according to", "the Pentagon", "according-to"),
        ),
        ("He attacked Cruz and said it was “Q.”", ("said", "He", "coordinated-clause-subject")),
        (
            "“Q,” says psychologist Mary Alvord.",
            ("says", "psychologist Mary Alvord", "quote-cue-speaker"),
        ),
    ],
)
def test_cue_mention_and_rule(text: str, expected: tuple[str, str, str]) -> None:
    assert _summary(text) == [expected]


def test_participle_takes_the_subject_of_the_cue_before_it() -> None:
    assert _summary("“Q,” Austin said, adding that it was “R.”") == [
        ("said", "Austin", "speaker-cue"),
        ("adding", "Austin", "participle-cue-subject"),
    ]


def test_participle_without_a_cue_before_takes_the_clause_subject() -> None:
    assert _summary("Austin went after Hegseth, calling him “a stiff.”") == [
        ("calling", "Austin", "participle-clause-subject"),
    ]


def test_with_then_participle_takes_the_noun_phrase_before_it() -> None:
    assert _summary("Critics piled on, with Senator Ruth Gale calling it “a mess.”") == [
        ("calling", "Senator Ruth Gale", "with-participle"),
    ]


def test_told_never_takes_the_listener_as_speaker() -> None:
    """'told reporters' after a quote: the speaker is before the cue, never after it."""
    assert _summary("“Q,” Maria Ruiz told reporters.") == [("told", "Maria Ruiz", "speaker-cue")]


def test_cue_words_inside_quotations_are_not_cues() -> None:
    assert _summary("“I said no, and I told them why,” she added.") == [
        ("added", "she", "speaker-cue")
    ]


def test_capitalised_cue_word_mid_sentence_is_not_a_cue() -> None:
    """A headline's 'Says' is a word of the title, not a reporting verb."""
    assert _summary("Pentagon Says Troops Will Stay\n“Q,” Pat Ryder said.") == [
        ("said", "Pat Ryder", "speaker-cue")
    ]


def test_a_cue_after_a_bare_quote_with_no_name_has_no_mention() -> None:
    assert _summary("“Q,” said. Nothing else.")[0][1:] == (None, "no-speaker")


def test_each_cue_carries_its_own_sentence() -> None:
    text = "“One,” said Ana Lee. “Two,” said Bob Kerr."
    first, second = _cues(text)
    assert first.sentence.text == "“One,” said Ana Lee."
    assert second.sentence.text == "“Two,” said Bob Kerr."


def test_no_sentences_no_cues() -> None:
    assert _cues("“Everything here is quoted.”") == ()


def test_spoke_gives_the_next_paragraphs_of_quotation_a_speaker_only_inferred() -> None:
    """'X spoke ...' reports no words: the bare quotation paragraphs after it are X's only
    as a reader's inference (never a failing credit), and a paragraph with words of its
    own after the quotation ('"Q," reacted Y') is not continued."""
    from attribution.parse.pipeline import extract

    text = (
        "Gov. Ann Lee spoke only in generalities on Tuesday.\n"
        "\u201cWe have to be careful with every dollar we spend.\u201d\n"
        "\u201cThat is a budget with no plan in it at all,\u201d reacted the mayor."
    )
    first, second = extract(text)
    assert (first.speaker, first.speaker_kind) == ("Ann Lee", "inferred")
    assert second.speaker != "Ann Lee"


def _remarks(text: str) -> list[tuple[str, str | None]]:
    """The named-remark cues of ``text``: (noun, mention) each."""
    return [
        (c.cue.text, c.mention.text if c.mention else None)
        for c in _cues(text)
        if c.rule == "possessive-claim"
    ]


@pytest.mark.parametrize(
    "earlier",
    [
        "“We won,” Lee said on Monday.",  # a quotation no remark noun follows
        "Hale called it “a farce” remark by remark.",  # a remark noun, no owner before it
        "Ms. Park mocked Lee’s “divisive” comments.",  # an owner, one word only
        "Voters heard That’s “all for now” message.",  # an owner that is no name
    ],
)
def test_a_named_remark_after_a_quotation_that_is_none(earlier: str) -> None:
    """Each quotation is weighed on its own: one that is not a named remark does not end
    the search for those after it."""
    text = f"{earlier} Then Mayor Hale mocked Gov. Ann Lee’s “broken promises” remark."
    assert _remarks(text)[-1:] == [("remark", "Gov. Ann Lee")]


def test_a_named_remark_needs_its_owner_right_before_it() -> None:
    assert _remarks("Lee’s plan drew a “broken promises” remark from voters.") == []
    assert _remarks("Mayor Hale mocked Lee’s “broken promises” remark.") == [("remark", "Lee")]
    assert _remarks("Hale mocked his own “broken promises” remark.") == [
        ("remark", "his own “broken promises” remark")
    ]
