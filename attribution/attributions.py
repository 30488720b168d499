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


def link(
    frame: Frame,
    quotations: tuple[Quotation, ...],
    cues: tuple[Cue, ...],
    speakers: tuple[Speaker, ...],
    setting_of: Callable[[Cue], Setting],
) -> tuple[Attribution, ...]:
    """One attribution per quotation, in document order.

    ``setting_of`` gives a cue's venue and date; it is asked only for the cues that
    end up attributing a quotation.
    """
    starts = [s.start for s in frame.sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    n = len(frame.sentences)
    events: list[list[_Event]] = [[] for _ in range(n)]
    quoted = [False] * n
    cued = [False] * n  # sentences with a cue, even one whose speaker was not found
    for cue, speaker in zip(cues, speakers, strict=True):
        cued[sentence_of(cue.cue.start)] = True
        if cue.mention is not None:
            events[sentence_of(cue.cue.start)].append(
                _Event(
                    pos=cue.cue.start,
                    speaker=speaker,
                    mention=cue.mention,
                    cue=cue.cue,
                    source=cue,
                    origin=cue.rule,
                )
            )
    for q in quotations:
        if frame.sentences:
            quoted[sentence_of(q.open_mark)] = True

    out: list[Attribution] = []
    for q in quotations:
        if not frame.sentences:  # a text that is nothing but quotation
            out.append(_attribute(q, "unattributed", None, "no text around it", setting_of))
            continue
        si = sentence_of(q.open_mark)
        own = [e for e in events[si] if e.origin != "quote"]
        chosen: _Event | None
        if own:
            chosen = min(own, key=lambda e: _distance(e, q))
            found: tuple[str, _Event | None] = (chosen.origin, chosen)
            why = "cue in the same sentence"
        else:
            found, why = _neighbour(frame, si, events, quoted, cued)
            chosen = found[1]
        out.append(_attribute(q, found[0], chosen, why, setting_of))
        if chosen is not None:
            events[si].append(
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


def _distance(event: _Event, q: Quotation) -> int:
    assert event.cue is not None  # only cue events are measured
    if event.cue.start >= q.outer_end:
        return event.cue.start - q.outer_end
    if event.cue.end <= q.open_mark:
        return q.open_mark - event.cue.end
    return 0


def _neighbour(
    frame: Frame,
    si: int,
    events: list[list[_Event]],
    quoted: list[bool],
    cued: list[bool],
) -> tuple[tuple[str, _Event | None], str]:
    """The rule and event that attribute a quotation whose sentence has no cue."""
    sentences = frame.sentences
    para = sentences[si].paragraph
    if cued[si]:
        return ("unattributed", None), "its own cue names no one: no speaker is borrowed"
    if si > 0 and sentences[si - 1].paragraph == para and events[si - 1]:
        last = max(events[si - 1], key=lambda e: e.pos)
        rule = "split-quote" if last.origin == "quote" else "previous-sentence"
        return (rule, last), "no cue in its sentence; the previous one names the speaker"
    nxt = si + 1
    if (
        nxt < len(sentences)
        and sentences[nxt].paragraph == para
        and events[nxt]
        and not quoted[nxt]
    ):
        first = min(events[nxt], key=lambda e: e.pos)
        return ("cue-in-next-sentence", first), "no cue in its sentence; the next one names one"
    first_of_para = si
    while first_of_para > 0 and sentences[first_of_para - 1].paragraph == para:
        first_of_para -= 1
    para_end = si
    while para_end + 1 < len(sentences) and sentences[para_end + 1].paragraph == para:
        para_end += 1
    opens_paragraph = first_of_para == si and frame.masked[sentences[si].start] == QUOTE
    cue_in_paragraph = any(cued[i] for i in range(first_of_para, para_end + 1))
    if opens_paragraph and not cue_in_paragraph and first_of_para > 0:
        prev_last = first_of_para - 1
        if sentences[prev_last].paragraph == para - 1 and events[prev_last]:
            # The previous paragraph ended with this speaker's quote or attribution.
            # Prefer a person over "officials" reported in passing after them.
            ending = events[prev_last]
            people = [e for e in ending if e.speaker.kind == "person"]
            last = max(people or ending, key=lambda e: e.pos)
            why = "a paragraph of quotation continues the previous paragraph's speaker"
            return ("continues-previous-paragraph", last), why
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
    )
