"""The five seed articles in corpus/: every quote by the people they quote goes to them.

These are the reports the product was started for (issue 2, section 8): four
outlets quoting Austin, Cha, Zelensky (spelt three ways), Dakhlallah and Patel,
with titles, surnames, pronouns, split quotes and a continued paragraph. Each
quote is named by its opening words so the tables read like the articles.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from attribution.parse.model import Attribution
from attribution.parse.pipeline import extract

CORPUS = Path(__file__).parent.parent / "corpus"

AUSTIN = "Lloyd Austin"
AUSTIN_III = "Lloyd J. Austin III"
CHA = "Victor Cha"

# (article, opening words of the quote, the full name it must resolve to)
BY_NAMED_SPEAKERS: list[tuple[str, str, str]] = [
    ("000", "very serious", AUSTIN),
    ("000", "Allies possess verified evidence", "Farah Dakhlallah"),
    ("000", "If North Korean soldiers die for Putin", CHA),
    ("000", "The growing unwillingness among citizens", "Volodymyr Zelenskyy"),
    ("001", "very serious", AUSTIN_III),
    ("001", "What exactly are you doing?", AUSTIN_III),
    ("001", "left to be seen.", AUSTIN_III),
    ("001", "This is a real ‘no-limits partnership", CHA),
    ("001", "We are in a whole different era", CHA),
    ("001", "I wouldn’t say", "Volodymyr Zelensky"),
    ("001", "However, reluctance to mobilize", "Volodymyr Zelensky"),
    ("001", "This indicates that consequences", "Volodymyr Zelensky"),
    ("002", "very serious", AUSTIN_III),
    ("002", "What exactly are they doing?", AUSTIN_III),
    ("003", "What exactly they’re doing", AUSTIN),
    ("003", "All things that we’re trying", AUSTIN),
    ("003", "You’ve heard talk about the significant casualties", AUSTIN),
    ("004", "There is evidence that North Korean troops", AUSTIN),
    ("004", "We don’t know what exactly", AUSTIN),
    ("004", "We’re trying to recreate it", AUSTIN),
    ("004", "intentions to enter this war", AUSTIN),
    ("004", "serious problem", AUSTIN),
    ("004", "This is a challenge, but we know", "Volodymyr Zelenskiy"),
    ("004", "dangerous and deeply concerning development", "Vedant Patel"),
    ("004", "about the implications of such drastic action", "Vedant Patel"),
]

# Quotes in the seeds that none of the five said: they must not be credited to them.
NOT_BY_THEM: list[tuple[str, str]] = [
    ("003", "comprehensive strategic partnership"),  # an agreement Kim and Putin signed
    ("004", "related cooperation"),  # South Korea's demand
]

SURNAMES = ("Austin", "Cha", "Zelensky", "Zelenskyy", "Zelenskiy", "Dakhlallah", "Patel")


def _path(article: str) -> Path:
    (path,) = CORPUS.glob(f"{article}_*.txt")
    return path


@cache
def _read(article: str) -> str:
    # As the CLI reads it: offsets are code points into this string.
    return _path(article).read_text(encoding="utf-8")


@cache
def _found(article: str) -> tuple[Attribution, ...]:
    return extract(_read(article))


def _quote(article: str, opening: str) -> Attribution:
    """The one quotation of ``article`` whose words start with ``opening``."""
    matches = [a for a in _found(article) if a.quote.text.startswith(opening)]
    assert len(matches) == 1, (article, opening, [a.quote.text for a in _found(article)])
    return matches[0]


def _surname(name: str) -> str:
    return next(part for part in reversed(name.split()) if part not in ("III", "Jr."))


@pytest.mark.parametrize(
    ("article", "opening", "speaker"),
    BY_NAMED_SPEAKERS,
    ids=[f"{a}:{o[:30]}" for a, o, _ in BY_NAMED_SPEAKERS],
)
def test_each_quote_goes_to_its_speaker(article: str, opening: str, speaker: str) -> None:
    found = _quote(article, opening)
    assert found.speaker is not None, found.steps
    assert _surname(speaker) in found.speaker, found.steps
    # Titles dropped and surnames resolved: the full name the article introduced.
    assert found.speaker == speaker, found.steps


@pytest.mark.parametrize(("article", "opening"), NOT_BY_THEM)
def test_quotes_by_others_are_not_credited_to_them(article: str, opening: str) -> None:
    speaker = _quote(article, opening).speaker or ""
    assert not any(name in speaker for name in SURNAMES), speaker


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_every_quote_credited_to_them_is_in_the_table(article: str) -> None:
    """No quote is credited to one of the five beyond the ones they said."""
    listed = {opening for a, opening, _ in BY_NAMED_SPEAKERS if a == article}
    for found in _found(article):
        if found.speaker and any(name in found.speaker for name in SURNAMES):
            assert any(found.quote.text.startswith(o) for o in listed), found.quote.text


def test_he_said_in_a_video_address_is_zelenskiy() -> None:
    found = _quote("004", "This is a challenge, but we know")
    assert found.speaker == "Volodymyr Zelenskiy"
    assert found.mention is not None and found.mention.text == "he"
    assert found.cue is not None and found.cue.text == "said"
    assert found.venue is not None and found.venue.text == "in a video address"


def test_dakhlallah_statement_keeps_venue_and_date() -> None:
    found = _quote("000", "Allies possess verified evidence")
    assert found.venue is not None and found.venue.text == "In a statement"
    assert found.date is not None and found.date.text == "on October 23"


def test_austin_told_reporters_in_rome() -> None:
    found = _quote("004", "There is evidence that North Korean troops")
    assert found.venue is not None and "Rome" in found.venue.text


@pytest.mark.parametrize("article", ["000", "001", "002", "003", "004"])
def test_spans_slice_back_into_the_seed(article: str) -> None:
    text = _read(article)
    found = _found(article)
    assert found
    for a in found:
        for span in (a.quote, a.mention, a.cue, a.venue, a.date):
            if span is not None:
                assert 0 <= span.start < span.end <= len(text)
                assert text[span.start : span.end] == span.text
        # The quote is the words inside the marks: no marks or spaces at its edges.
        assert a.quote.text == a.quote.text.strip()
        assert a.quote.text[0] not in '“"«„'
