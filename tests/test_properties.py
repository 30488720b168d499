"""Properties of ``extract`` that hold for every text, checked with hypothesis.

Offsets are the contract the YAML records and the pytest plugin build on, so a
span that does not slice back to its own text is the worst bug this package can
have; these tests hunt for one in generated news prose and in arbitrary unicode.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from strategies import arbitrary_article_texts, article_texts, mangled_article_texts

from attribution.model import Attribution, Span
from attribution.pipeline import extract

# deadline off: the machine is shared, and time is tests/test_linear_time.py's job
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans(found: Attribution) -> dict[str, Span | None]:
    return {
        "quote": found.quote,
        "mention": found.mention,
        "cue": found.cue,
        "venue": found.venue,
        "date": found.date,
    }


def _assert_spans_slice_back(text: str) -> tuple[Attribution, ...]:
    result = extract(text)
    assert isinstance(result, tuple)
    for found in result:
        assert isinstance(found, Attribution)
        for name, span in _spans(found).items():
            if span is None:
                continue
            assert 0 <= span.start <= span.end <= len(text), (name, span)
            assert text[span.start : span.end] == span.text, (name, span)
    return result


@PROPERTY
@given(article_texts())
@example("“Very serious,” Lloyd Austin said in Rome on Wednesday.")
@example("\ufeff“Hello,” she said.\n\n“Next paragraph,” he added.")
def test_spans_slice_back_in_news_text(text: str) -> None:
    _assert_spans_slice_back(text)


@PROPERTY
@given(mangled_article_texts())
def test_spans_slice_back_when_marks_are_stray(text: str) -> None:
    _assert_spans_slice_back(text)


@settings(PROPERTY, max_examples=200)
@given(arbitrary_article_texts())
@example("")
@example("\x00\r\n\u2028\u2029\x85")
@example("“”\"‘’'«»„‹›" * 20)
@example("It’s the ’90s: rock ’n’ roll, the Smiths’ and Jones' records.")
@example("„Hallo“, sagte er. «Bonjour», dit-elle. ‹Oui›.")
@example("😀 “𝒜 quote with astral characters,” 😀 said Zoë.")
def test_arbitrary_text_never_raises(text: str) -> None:
    result = _assert_spans_slice_back(text)
    json.dumps([found.as_dict() for found in result])


@PROPERTY
@given(arbitrary_article_texts())
def test_the_same_input_gives_the_same_output(text: str) -> None:
    assert extract(text) == extract(text)


@PROPERTY
@given(arbitrary_article_texts(), article_texts())
def test_extract_is_a_pure_function_of_the_text(text: str, other: str) -> None:
    before = extract(text)
    extract(other)  # nothing carries over from one article to the next
    copy = "".join(list(text))
    assert copy is not text or len(text) < 2  # CPython shares one-character strings
    assert extract(copy) == before
