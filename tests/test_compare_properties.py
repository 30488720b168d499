"""Properties of the comparison: what must always pass and what must always be a misquote."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Literal

from hypothesis import given
from hypothesis import strategies as st
from strategies import record_words, typeset

from attribution.check.findings import Finding
from attribution.check.records import Record, RecordFile
from attribution.check.verdicts import Matcher
from attribution.parse.model import Attribution, Span

SPEAKER = "Jane Doe"


def findings(record_text: str, quote: str, speaker: str | None = SPEAKER) -> tuple[Finding, ...]:
    record = Record(
        id="r", speaker=SPEAKER, text=record_text, venue=None, date=None, required=False, line=1
    )
    file = RecordFile(
        path=Path("r.yaml"), articles=(), unverified="fail", speakers=(), records=(record,)
    )
    text = f"“{quote}” {speaker or 'Someone'} said."
    attribution = Attribution(
        quote=Span.of(text, 1, 1 + len(quote)),
        speaker=speaker,
        mention=None,
        cue=None,
        venue=None,
        date=None,
        rule="speaker-cue",
    )
    matcher = Matcher(file, shown_path="r.yaml")
    return matcher.check(article="a.txt", text=text, attributions=[attribution]).findings


@given(words=record_words(min_size=1), data=st.data())
def test_a_records_own_text_always_passes(words: list[str], data: st.DataObject) -> None:
    record_text = data.draw(typeset(words))
    quote = data.draw(typeset(words))
    assert findings(record_text, quote) == ()


@given(words=record_words(min_size=1), data=st.data())
def test_any_fragment_passes(words: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    assert findings(" ".join(words), data.draw(typeset(words[start:end]))) == ()


@given(words=record_words(), data=st.data())
def test_any_one_word_change_in_four_or_more_words_is_a_misquote(
    words: list[str], data: st.DataObject
) -> None:
    fresh = data.draw(record_words(min_size=1, max_size=1).filter(lambda w: w[0] not in words))[0]
    change = data.draw(st.sampled_from(("replace", "insert", "delete")))
    changed = list(words)
    if change == "replace":
        changed[data.draw(st.integers(0, len(words) - 1))] = fresh
    elif change == "insert":
        changed.insert(data.draw(st.integers(0, len(words))), fresh)
    else:  # dropping an edge word leaves a fragment, which is fine; drop an inner one
        del changed[data.draw(st.integers(1, len(words) - 2))]
    speaker = data.draw(st.sampled_from((SPEAKER, "Doe", None)))
    (finding,) = findings(" ".join(words), data.draw(typeset(changed)), speaker)
    assert finding.kind == "misquote"
    assert finding.record == "r"


@given(words=record_words(), data=st.data())
def test_ellipses_for_omitted_words_pass(words: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(1, len(words) - 2))
    end = data.draw(st.integers(start, len(words) - 1))
    mark = data.draw(st.sampled_from((" … ", "...", " . . . ", " [...] ", "…")))
    quote = " ".join(words[:start]) + mark + " ".join(words[end:])
    assert findings(" ".join(words), quote) == ()


@given(words=record_words(), data=st.data())
def test_brackets_replacing_or_adding_words_pass(words: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(words) - 1))
    replaced = data.draw(st.integers(0, min(3, len(words) - start)))
    inserted = data.draw(
        st.lists(st.sampled_from(("the", "Russian", "Mr. Putin", "them")), max_size=3)
    )
    bracket = f"[{' '.join(inserted)}]"
    quote = " ".join([*words[:start], bracket, *words[start + replaced :]])
    assert findings(" ".join(words), quote) == ()


@given(words=record_words(), data=st.data())
def test_sic_after_any_word_passes(words: list[str], data: st.DataObject) -> None:
    at = data.draw(st.integers(1, len(words)))
    quote = " ".join([*words[:at], "[sic]", *words[at:]])
    assert findings(" ".join(words), quote) == ()


# --- Unicode forms: text pasted from the web differs from the record only invisibly ------

INVISIBLES = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060")
APOSTROPHES = ("'", "\u2019", "\u02bc", "\u2018", "\u2032")


Form = Literal["NFC", "NFD", "NFKC", "NFKD"]
FORMS: tuple[Form, ...] = ("NFC", "NFD", "NFKC", "NFKD")


@given(words=record_words(), form=st.sampled_from(FORMS))
def test_the_same_words_in_another_unicode_form_pass(words: list[str], form: Form) -> None:
    record_text = unicodedata.normalize("NFC", " ".join(words))
    assert findings(record_text, unicodedata.normalize(form, " ".join(words))) == ()
    assert findings(unicodedata.normalize("NFD", record_text), record_text) == ()


@given(words=record_words(), data=st.data())
def test_an_invisible_character_inside_a_word_passes(words: list[str], data: st.DataObject) -> None:
    index = data.draw(st.sampled_from([i for i, w in enumerate(words) if len(w) >= 2] or [0]))
    word = words[index]
    cut = data.draw(st.integers(1, max(1, len(word) - 1)))
    changed = list(words)
    changed[index] = word[:cut] + data.draw(st.sampled_from(INVISIBLES)) + word[cut:]
    assert findings(" ".join(words), " ".join(changed)) == ()


@given(words=record_words(), mark=st.sampled_from(APOSTROPHES), data=st.data())
def test_any_apostrophe_style_passes(words: list[str], mark: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(words) - 2))
    joined = [*words[:at], words[at] + "’" + words[at + 1], *words[at + 2 :]]
    styled = [*words[:at], words[at] + mark + words[at + 1], *words[at + 2 :]]
    assert findings(" ".join(joined), " ".join(styled)) == ()


@given(words=record_words(), data=st.data())
def test_a_changed_word_after_an_invisible_character_is_still_caught(
    words: list[str], data: st.DataObject
) -> None:
    fresh = data.draw(record_words(min_size=1, max_size=1).filter(lambda w: w[0] not in words))[0]
    changed = list(words)
    changed[0] = words[0][:1] + "\u00ad" + words[0][1:]
    changed[-2] = fresh
    (finding,) = findings(" ".join(words), " ".join(changed))
    assert finding.kind == "misquote"
