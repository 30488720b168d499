"""Stage 4: quotations + cues + speakers + settings -> attributions.

Each quotation takes the nearest cue of its own sentence. Without one, news
conventions decide, in this order:

* ``previous-sentence``: a split quote (`"A," she said. "B."`) or a quote right
  after a sentence that reports the same speaker;
* ``cue-in-next-sentence``: a quote followed by a sentence that only attributes;
* ``continues-previous-paragraph``: a paragraph of pure quotation continues the
  speaker with whom the previous paragraph ended.

Anything else stays unattributed: a wrong speaker is worse than none. So do
quotations that are no one's words: ``title`` (a show, book or song: "told NBC's
'Today'", "his book 'The Art of the Deal'") and ``scare-quote`` ("the so-called
'fairness rule'", "the 'gun violence' narrative").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import regex

from attribution.cues import INTRODUCTORY
from attribution.frame import QUOTE, Frame
from attribution.model import Attribution, Cue, Quotation, Span
from attribution.speakers import Speaker
from attribution.venues import Setting
from attribution.wordlists import trie_pattern, words

# What stands right before the title of a show, book or song (searched with ``endpos`` at
# the opening mark): an outlet's possessive or a preposition of appearing.
TITLE_CONTEXT = regex.compile(
    r"""
    (?: (?<![\p{L}\p{N}]) \p{Lu}[\p{L}\p{N}.&\-]* ' s?    # NBC's 'Today', Reuters' 'Q'
      | (?<![\p{L}\p{N}]) (?:on|to|with|of|for|from|in|at|during|by)  # on 'Meet the Press'
      | (?<![\p{L}\p{N}]) (?:a|an|the) [ \t]+ [\p{Ll}\-]+ [ \t]+        # a play called 'Q'
        (?:called|named|titled|dubbed)
      | (?<![\p{L}\p{N}]) (?:known[ \t]+as|aka|a\.k\.a\.)          # the hacker known as 'Q'
    ) [ \t]* $
    """,
    regex.VERBOSE,
)

# The words of a quotation, to tell a title ("Meet the Press") from speech.
TITLE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.\-]*")

# A nickname inside a name, Gov. C.L. 'Butch' Otter: a capitalised word ends just before
# the quotation (searched with endpos) and another starts just after it.
NAME_BEFORE_NICKNAME = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}.]*[ \t]+$")
NAME_AFTER_NICKNAME = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")

# "told" before a title of two words or more: "told 'Fox and Friends'" (searched with
# endpos at the opening mark); "told 'Yes'" stays speech.
TOLD_TITLE = regex.compile(r"(?<![\p{L}\p{N}])told[ \t]*$")

# Lower-case words a title may keep ("Bridge of Spies", "The Art of the Deal").
TITLE_SMALL_WORDS = frozenset(words("title_small_words.txt"))
TITLE_MAX_WORDS = 10
SCARE_MAX_WORDS = 5


# Rules whose cue heads a main reporting clause that can hold another one
# ("Rubio said that ..., whom he called a 'con artist'").
OUTER_RULES = frozenset({"speaker-cue", "speaker-appositive-cue"})

# Verbs that take a reported clause as their object, so a cue after them reports what
# their speaker said ("X said Y called it 'Q'"); not "called", "praised", "thanked".
OUTER_CUES = frozenset(words("clause_cues.txt"))

# Colon cues: a paragraph that ends with one introduces the quotation opening the next.
COLON_RULES = frozenset({"colon-clause-subject", "name-colon", "label-colon"})

# How far back the outer clause is looked for: a few cues, a few hundred characters (news
# sentences are shorter; the bound keeps linking linear on text that is one long sentence).
OUTER_LOOKBACK = 4
OUTER_REACH = 400

RELATIVE = frozenset({"who", "which", "that"})

# Between two cues: a clause of its own rather than the first one's object
# ("X said A, but Y told reporters 'Q'"; "X said A; Y called it 'Q'").
COORDINATION = regex.compile(
    r"""
    [;:]                                         # a semicolon or colon ends the clause
    | , [ \t]* (?:and|but|while|whereas|yet|though|although)\b  # ", but Y said"
    | \b(?:while|whereas|although|though)\b     # "while Y called it"
    | \x1a [ \t]* ,? [ \t]* (?:and|but) \b       # '"A" and Y said': a quotation of its own
    """,
    regex.VERBOSE,
)


@cache
def _before_pattern(name: str) -> regex.Pattern[str]:
    """A word from list ``name`` ending just before a quotation, maybe with a comma."""
    body = trie_pattern(list(words(name)))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}\-])(?:{body})[ \t]*,?[ \t]*$", regex.IGNORECASE)


@cache
def _after_pattern() -> regex.Pattern[str]:
    """A noun from title_followers.txt right after a quotation ("the 'Avatar' star")."""
    body = trie_pattern(list(words("title_followers.txt")))
    return regex.compile(rf"[ \t]+(?:{body})(?![\p{{L}}\p{{N}}\-])")


def not_speech(masked: str, q: Quotation) -> str | None:
    """Why a quotation is no one's words ("title", "scare-quote"), or None for speech."""
    floor = max(0, q.open_mark - 40)
    quoted = q.span.text
    bare = quoted[-1:] not in ".,!?;:\u2026"
    if _before_pattern("scare_quote_markers.txt").search(masked, floor, q.open_mark):
        return "scare-quote"
    ceiling = min(len(masked), q.outer_end + 30)
    followed = bare and _after_pattern().match(masked, q.outer_end, ceiling) is not None
    found = TITLE_WORD.findall(quoted)
    if followed and len(found) <= SCARE_MAX_WORDS:
        return "scare-quote"
    if not _title_cased(found):
        return None
    if _before_pattern("title_nouns.txt").search(masked, floor, q.open_mark):
        return "title"
    if TITLE_CONTEXT.search(masked, floor, q.open_mark):
        return "title"
    if len(found) >= 2 and TOLD_TITLE.search(masked, floor, q.open_mark):
        return "title"
    if (
        len(found) == 1
        and NAME_BEFORE_NICKNAME.search(masked, floor, q.open_mark)
        and NAME_AFTER_NICKNAME.match(masked, q.outer_end, ceiling)
    ):
        return "title"  # a nickname: Gov. C.L. 'Butch' Otter
    return None


def _title_cased(found: list[str]) -> bool:
    """Whether the words read as a title: every word capitalised but the small ones."""
    if not found or len(found) > TITLE_MAX_WORDS or not found[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in found)


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
    last_quote: _Event | None = None  # the latest attributed quote
    quoted: bool = False
    cued: bool = False  # a cue, even one whose speaker was not found

    def add(self, event: _Event) -> None:
        if self.last is None or event.pos >= self.last.pos:
            self.last = event
        latest_quote = self.last_quote is None or event.pos >= self.last_quote.pos
        if event.origin == "quote" and latest_quote:
            self.last_quote = event
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
        kind = not_speech(frame.masked, q)
        if kind is not None:
            why = f"a {kind.replace('-', ' ')}, not anyone's words"
            out.append(_attribute(q, kind, None, why, setting_of))
            continue
        chosen = _nearest_cue(info[si], q, frame.masked, frame.sentences[si].start)
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


def _nearest_cue(sentence: _Sentence, q: Quotation, masked: str, start: int) -> _Event | None:
    """The cue that attributes the quotation in its own sentence.

    A cue right after the quotation wins (`"Q," she said`); otherwise the last cue
    before it, or rather the outermost reporting clause that holds that cue
    ("Obama said he expected Americans will say 'no'": Obama; "X told a voter, who had
    asked ..., that 'Q'": X); with no cue before it, the first one after it.
    """
    k = bisect_right(sentence.positions, q.open_mark)
    after = sentence.cues[k] if k < len(sentence.cues) else None
    if after is not None and _adjacent(masked, q, after):
        return after
    if k == 0:
        return after
    chosen = sentence.cues[k - 1]
    if chosen.mention.start >= q.outer_end:
        return chosen  # a cue inside a quotation's reach, yet its speaker after it
    opening = INTRODUCTORY.match(masked, start, q.open_mark)
    intro_end = opening.end() if opening is not None else start
    for outer in sentence.cues[max(0, k - 1 - OUTER_LOOKBACK) : k - 1]:
        if chosen.pos - outer.pos <= OUTER_REACH and _dominates(masked, outer, chosen, intro_end):
            return outer
    return chosen


def _adjacent(masked: str, q: Quotation, event: _Event) -> bool:
    """Whether only punctuation stands between the quotation and the cue's clause."""
    assert event.cue is not None
    gap = masked[q.outer_end : min(event.cue.start, event.mention.start)]
    return not gap.strip(" \t,.;:!?\u2014\u2013-")


def _dominates(masked: str, outer: _Event, inner: _Event, intro_end: int) -> bool:
    """Whether ``inner`` is reported speech inside what ``outer``'s speaker says."""
    assert outer.cue is not None and inner.cue is not None
    if outer.origin not in OUTER_RULES or outer.cue.start < intro_end:
        return False  # "When X said ..., Y replied": an opening phrase, not the main clause
    if outer.mention.text.lower() in RELATIVE or outer.cue.text.lower() not in OUTER_CUES:
        return False  # "Trump, who said ..., told reporters": the relative clause is inner
    if outer.mention.end > inner.mention.start:
        return False
    between = masked[outer.cue.end : inner.mention.start]
    return COORDINATION.search(between) is None


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
        # The speaker of the previous sentence's quotation, not a cue after it in a
        # clause of its own ('"A," Clinton said after she called Sanders. "B."').
        last = previous.last_quote or previous.last
        rule = "split-quote" if last.origin == "quote" else "previous-sentence"
        return (rule, last), "no cue in its sentence; the previous one names the speaker"
    nxt = si + 1
    if nxt < len(sentences) and sentences[nxt].paragraph == para:
        following = info[nxt]
        if following.cues and not following.quoted:
            why = "no cue in its sentence; the next one names one"
            return ("cue-in-next-sentence", following.cues[0]), why
    elif nxt < len(sentences) and sentences[nxt].paragraph == para + 1:
        byline = info[nxt].cues[0] if info[nxt].cues else None
        if byline is not None and byline.origin == "dash-byline":
            why = "the next paragraph is a dash byline naming the speaker"
            return ("dash-byline", byline), why
    first_of_para = paragraphs.first[para]
    opens_paragraph = first_of_para == si and frame.masked[sentences[si].start] == QUOTE
    if opens_paragraph and not paragraphs.cued[para] and si > 0:
        ending = info[si - 1]  # the last sentence of the paragraph before
        if sentences[si - 1].paragraph == para - 1 and ending.last is not None:
            # The previous paragraph ended with a quote or an attribution. A paragraph
            # of first-person quotation continues the last person who spoke there,
            # not "officials" reported in passing after them.
            if ending.last.origin in COLON_RULES:
                why = "the previous paragraph ends with a colon that introduces it"
                return ("colon-next-paragraph", ending.last), why
            person = ending.last_person
            quoted = ending.last_quote
            if quoted is not None and quoted.speaker.kind == "person":
                person = quoted
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
    )
