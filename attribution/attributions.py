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
    setting: Setting
    origin: str


def link(
    frame: Frame,
    quotations: tuple[Quotation, ...],
    cues: tuple[Cue, ...],
    speakers: tuple[Speaker, ...],
    settings: tuple[Setting, ...],
) -> tuple[Attribution, ...]:
    """One attribution per quotation, in document order."""
    starts = [s.start for s in frame.sentences]

    def sentence_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    n = len(frame.sentences)
    events: list[list[_Event]] = [[] for _ in range(n)]
    quoted = [False] * n
    cued = [False] * n  # sentences with a cue, even one whose speaker was not found
    for cue, speaker, setting in zip(cues, speakers, settings, strict=True):
        cued[sentence_of(cue.cue.start)] = True
        if cue.mention is not None:
            events[sentence_of(cue.cue.start)].append(
                _Event(
                    pos=cue.cue.start,
                    speaker=speaker,
                    mention=cue.mention,
                    cue=cue.cue,
                    setting=setting,
                    origin=cue.rule,
                )
            )
    for q in quotations:
        if frame.sentences:
            quoted[sentence_of(q.open_mark)] = True

    out: list[Attribution] = []
    for q in quotations:
        if not frame.sentences:
            out.append(_unattributed(q))
            continue
        si = sentence_of(q.open_mark)
        own = [e for e in events[si] if e.origin != "quote"]
        chosen: _Event | None
        if own:
            chosen = min(own, key=lambda e: _distance(e, q))
            out.append(_attribute(q, chosen, chosen.origin, ("cue in the same sentence",)))
        else:
            attribution, chosen = _neighbour(frame, si, q, events, quoted, cued)
            out.append(attribution)
        if chosen is not None:
            events[si].append(
                _Event(
                    pos=q.open_mark,
                    speaker=chosen.speaker,
                    mention=chosen.mention,
                    cue=chosen.cue,
                    setting=chosen.setting,
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
    q: Quotation,
    events: list[list[_Event]],
    quoted: list[bool],
    cued: list[bool],
) -> tuple[Attribution, _Event | None]:
    sentences = frame.sentences
    para = sentences[si].paragraph
    if cued[si]:
        return _unattributed(q), None  # its own cue names no one: don't borrow a speaker
    if si > 0 and sentences[si - 1].paragraph == para and events[si - 1]:
        last = max(events[si - 1], key=lambda e: e.pos)
        rule = "split-quote" if last.origin == "quote" else "previous-sentence"
        why = ("no cue in its sentence; the previous one names the speaker",)
        return _attribute(q, last, rule, why), last
    if si + 1 < len(sentences) and sentences[si + 1].paragraph == para and not quoted[si + 1]:
        if events[si + 1]:
            first = min(events[si + 1], key=lambda e: e.pos)
            why = ("no cue in its sentence; the next one attributes it",)
            return _attribute(q, first, "cue-in-next-sentence", why), first
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
            why = ("a paragraph of quotation continues the previous paragraph's speaker",)
            return _attribute(q, last, "continues-previous-paragraph", why), last
    return _unattributed(q), None


def _attribute(q: Quotation, event: _Event, rule: str, why: tuple[str, ...]) -> Attribution:
    steps = [f"quotation {q.span.start}-{q.span.end}", *why]
    if event.cue is not None:
        steps.append(f"cue {event.cue.text!r} at {event.cue.start}-{event.cue.end}")
    steps.append(f"speaker mention {event.mention.text!r} ({event.origin})")
    steps.extend(event.speaker.steps)
    steps.extend(event.setting.steps)
    return Attribution(
        quote=q.span,
        speaker=event.speaker.name,
        mention=event.mention,
        cue=event.cue,
        venue=event.setting.venue,
        date=event.setting.date,
        rule=rule,
        steps=tuple(steps),
    )


def _unattributed(q: Quotation) -> Attribution:
    return Attribution(
        quote=q.span,
        speaker=None,
        mention=None,
        cue=None,
        venue=None,
        date=None,
        rule="unattributed",
        steps=(f"quotation {q.span.start}-{q.span.end}", "no cue nearby names a speaker"),
    )
