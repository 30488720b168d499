"""Stage 4: quotations + cues + speakers + settings -> attributions.

Each quotation takes the nearest cue of its own sentence. Without one, news
conventions decide, in this order:

* ``previous-sentence``: a split quote (`"A," she said. "B."`) or a quote right
  after a sentence that reports the same speaker;
* ``cue-in-next-sentence``: a quote followed by a sentence that only attributes;
* ``continues-previous-paragraph``: a paragraph of pure quotation continues the
  speaker with whom the previous paragraph ended.

Anything else stays unattributed: a wrong speaker is worse than none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from attribution.frame import QUOTE, Frame
from attribution.model import Attribution, Cue, Quotation, Span
from attribution.speakers import Speaker
from attribution.venues import Setting


@dataclass(frozen=True, slots=True, kw_only=True)
class _Event:
    """A speaker seen at a place in the text: an attributing cue or an attributed quote."""

    pos: int
    speaker: Speaker
    mention: Span
    cue: Span | None
    source: Cue
    origin: str


@dataclass(slots=True)
class _Sentence:
    """What linking needs to know of one sentence, kept so every look-up is O(1)."""

    cues: list[_Event]  # attributing cues, in text order
    positions: list[int]  # their offsets, for bisection
    last: _Event | None = None  # the latest cue or attributed quote
    last_person: _Event | None = None
    quoted: bool = False
    cued: bool = False  # a cue, even one whose speaker was not found

    def add(self, event: _Event) -> None:
        if self.last is None or event.pos >= self.last.pos:
            self.last = event
        if event.speaker.kind == "person" and (
            self.last_person is None or event.pos >= self.last_person.pos
        ):
            self.last_person = event


def link(
    frame: Frame,
    quotations: tuple[Quotation, ...],
    cues: tuple[Cue, ...],
    speakers: tuple[Speaker, ...],
    setting_of: Callable[[Cue], Setting],
) -> tuple[Attribution, ...]:
    """One attribution per quotation, in document order, in time linear in the text.

    ``setting_of`` gives a cue's venue and date; it is asked only for the cues that
    end up attributing a quotation.
    """
    if not frame.sentences:  # a text that is nothing but quotation
        why = "no text around it"
        return tuple(_attribute(q, "unattributed", None, why, setting_of) for q in quotations)
    starts = [s.start for s in frame.sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    info = [_Sentence(cues=[], positions=[]) for _ in frame.sentences]
    for cue, speaker in zip(cues, speakers, strict=True):
        sentence = info[sentence_of(cue.cue.start)]
        sentence.cued = True
        if cue.mention is not None:
            event = _Event(
                pos=cue.cue.start,
                speaker=speaker,
                mention=cue.mention,
                cue=cue.cue,
                source=cue,
                origin=cue.rule,
            )
            sentence.cues.append(event)
            sentence.positions.append(event.pos)
            sentence.add(event)
    for q in quotations:
        info[sentence_of(q.open_mark)].quoted = True
    paragraphs = _Paragraphs(frame, info)

    out: list[Attribution] = []
    for q in quotations:
        si = sentence_of(q.open_mark)
        chosen = _nearest_cue(info[si], q)
        if chosen is not None:
            rule, why = chosen.origin, "cue in the same sentence"
        else:
            (rule, chosen), why = _neighbour(frame, si, info, paragraphs)
        out.append(_attribute(q, rule, chosen, why, setting_of))
        if chosen is not None:
            info[si].add(
                _Event(
                    pos=q.open_mark,
                    speaker=chosen.speaker,
                    mention=chosen.mention,
                    cue=chosen.cue,
                    source=chosen.source,
                    origin="quote",
                )
            )
    return tuple(out)


class _Paragraphs:
    """First and last sentence of each paragraph, and whether it has a cue."""

    def __init__(self, frame: Frame, info: list[_Sentence]) -> None:
        self.first: dict[int, int] = {}
        self.cued: dict[int, bool] = {}
        for i, sentence in enumerate(frame.sentences):
            self.first.setdefault(sentence.paragraph, i)
            self.cued[sentence.paragraph] = self.cued.get(sentence.paragraph, False) or info[i].cued


def _nearest_cue(sentence: _Sentence, q: Quotation) -> _Event | None:
    """The cue closest to the quotation: the last one before it or the first after it."""
    k = bisect_right(sentence.positions, q.open_mark)
    candidates = sentence.cues[max(0, k - 1) : k + 1]
    return min(candidates, key=lambda e: _distance(e, q)) if candidates else None


def _distance(event: _Event, q: Quotation) -> int:
    assert event.cue is not None  # only cue events are measured
    if event.cue.start >= q.outer_end:
        return event.cue.start - q.outer_end
    if event.cue.end <= q.open_mark:
        return q.open_mark - event.cue.end
    return 0


def _neighbour(
    frame: Frame, si: int, info: list[_Sentence], paragraphs: _Paragraphs
) -> tuple[tuple[str, _Event | None], str]:
    """The rule and event that attribute a quotation whose sentence has no cue."""
    sentences = frame.sentences
    para = sentences[si].paragraph
    if info[si].cued:
        return ("unattributed", None), "its own cue names no one: no speaker is borrowed"
    previous = info[si - 1] if si > 0 and sentences[si - 1].paragraph == para else None
    if previous is not None and previous.last is not None:
        last = previous.last
        rule = "split-quote" if last.origin == "quote" else "previous-sentence"
        return (rule, last), "no cue in its sentence; the previous one names the speaker"
    nxt = si + 1
    if nxt < len(sentences) and sentences[nxt].paragraph == para:
        following = info[nxt]
        if following.cues and not following.quoted:
            why = "no cue in its sentence; the next one names one"
            return ("cue-in-next-sentence", following.cues[0]), why
    first_of_para = paragraphs.first[para]
    opens_paragraph = first_of_para == si and frame.masked[sentences[si].start] == QUOTE
    if opens_paragraph and not paragraphs.cued[para] and si > 0:
        ending = info[si - 1]  # the last sentence of the paragraph before
        if sentences[si - 1].paragraph == para - 1 and ending.last is not None:
            # The previous paragraph ended with a quote or an attribution. A paragraph
            # of first-person quotation continues the last person who spoke there,
            # not "officials" reported in passing after them.
            person = ending.last_person
            if person is None:
                people = (info[i].last_person for i in range(paragraphs.first[para - 1], si))
                person = max(
                    (e for e in people if e is not None), key=lambda e: e.pos, default=None
                )
            why = "a paragraph of quotation continues the previous paragraph's speaker"
            return ("continues-previous-paragraph", person or ending.last), why
    return ("unattributed", None), "no cue nearby names a speaker"


def _attribute(
    q: Quotation,
    rule: str,
    event: _Event | None,
    why: str,
    setting_of: Callable[[Cue], Setting],
) -> Attribution:
    steps = [f"quotation {q.span.start}-{q.span.end}", why]
    if event is None:
        return Attribution(
            quote=q.span,
            speaker=None,
            mention=None,
            cue=None,
            venue=None,
            date=None,
            rule=rule,
            steps=tuple(steps),
        )
    if event.cue is not None:
        steps.append(f"cue {event.cue.text!r} at {event.cue.start}-{event.cue.end}")
    steps.append(f"speaker mention {event.mention.text!r} ({event.origin})")
    steps.extend(event.speaker.steps)
    setting = setting_of(event.source)
    steps.extend(setting.steps)
    return Attribution(
        quote=q.span,
        speaker=event.speaker.name,
        mention=event.mention,
        cue=event.cue,
        venue=setting.venue,
        date=setting.date,
        rule=rule,
        steps=tuple(steps),
        speaker_kind=event.speaker.kind,
        candidates=event.speaker.candidates,
        ambiguous=event.speaker.ambiguous,
    )
