"""Properties of ``extract`` that hold for every text, checked with hypothesis.

Offsets are the contract the YAML records and the pytest plugin build on, so a
span that does not slice back to its own text is the worst bug this package can
have; these tests hunt for one in generated news prose and in arbitrary unicode.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import arbitrary_article_texts, article_texts, mangled_article_texts

from attribution.check.source import decode_article
from attribution.errors import InputError
from attribution.parse.model import Attribution, Span
from attribution.parse.pipeline import extract
from attribution.parse.speakers import classify

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


def _as_open_reads(data: bytes) -> str:
    """What ``open(path, encoding="utf-8").read()`` returns for a file holding ``data``."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


@PROPERTY
@given(st.text(alphabet=st.sampled_from("a“ \r\n\ufeff\u2028\x85é😀")))
@example("\ufeffa\r\nb\rc\r\r\nd\n\r")
def test_decoding_matches_open_in_text_mode(text: str) -> None:
    data = text.encode("utf-8")
    assert decode_article(data) == _as_open_reads(data)


@PROPERTY
@given(st.binary())
@example(b"\xef\xbb\xbf\r\n\xe9")
def test_undecodable_bytes_are_an_input_error(data: bytes) -> None:
    if b"\x00" in data:
        with pytest.raises(InputError, match="binary file"):
            decode_article(data)
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        with pytest.raises(InputError, match=f"invalid UTF-8 at byte {exc.start} "):
            decode_article(data)
        with pytest.raises(UnicodeDecodeError):
            _as_open_reads(data)  # open() refuses the same files
        return
    assert decode_article(data) == _as_open_reads(data)


def _explain_is_true(text: str) -> None:
    """The steps ``explain`` shows say what the result is, never something else."""
    for a in extract(text):
        assert a.steps[0] == f"quotation {a.quote.start}-{a.quote.end}"
        if a.cue is not None:
            assert any(f"cue {a.cue.text!r}" in step for step in a.steps)
        if a.speaker is not None:
            assert a.mention is not None
            named = classify(a.mention.text)[0] == a.speaker
            assert named or any(a.speaker in step for step in a.steps), a.steps
        if a.ambiguous:
            assert any("ambiguous" in step for step in a.steps), a.steps
            assert a.candidates[0] == a.speaker
        if a.speaker_kind == "inferred":
            assert any("inferred" in step for step in a.steps), a.steps


@given(article_texts())
def test_explain_steps_name_the_result_they_explain(text: str) -> None:
    _explain_is_true(text)


def test_explain_steps_name_the_result_on_the_seed_corpus() -> None:
    for path in sorted(Path("corpus").glob("*.txt")):
        _explain_is_true(path.read_text(encoding="utf-8"))
