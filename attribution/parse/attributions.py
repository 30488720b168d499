"""Stage 4: quotations + cues + speakers + settings -> attributions.

Each quotation takes the nearest cue of its own sentence. Without one, news
conventions decide, in this order:

* ``previous-sentence``: a split quote (`"A," she said. "B."`, also `But "B."`) or a
  quote right after a sentence that reports the same speaker;
* ``subject-continues``: a quote after a sentence whose subject is the speaker before it
  (`"A," says X. X works in retail. "B."`);
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
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import regex

from attribution.parse.char_classes import MASK, MASK_ESCAPE
from attribution.parse.cues import (
    CONTENTLESS_CUES,
    INTRODUCTORY,
    OPENING_REACH,
    PARTICIPLE_RULES,
    SUBORDINATORS,
    clause_subject,
    keeps_period,
    remark_after,
    word_after,
)
from attribution.parse.entities import PRONOUN_GENDER
from attribution.parse.frame import QUOTE, Frame
from attribution.parse.model import Attribution, Cue, Quotation, Rule, Span
from attribution.parse.speakers import Speaker
from attribution.parse.venues import Setting
from attribution.parse.wordlists import given_names, opening_connectives, table, words

# The words of a quotation, to tell a title ("Meet the Press") from speech.
TITLE_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.\-]*")

# Lower-case words a title may keep ("Bridge of Spies", "The Art of the Deal").
TITLE_SMALL_WORDS = frozenset(words("title_small_words.txt"))
TITLE_MAX_WORDS = 10
SCARE_MAX_WORDS = 5

# Quotations joined by "and" or "or" between a quotation and its cue.
JOINED_QUOTATIONS = regex.compile(
    rf"""
    (?: [ ,]* (?:and|or)? [ ]* {QUOTE}+ )+    # "and" and a quotation, once or more
    [ ,]*
    """,
    regex.VERBOSE,
)

# Word lists read right around a quotation (see not_speech).
REMARK_DETERMINERS = frozenset(words("remark_determiners.txt"))
SCARE_MARKERS = frozenset(w.lower() for w in words("scare_quote_markers.txt"))
TITLE_NOUNS = frozenset(w.lower() for w in words("title_nouns.txt"))
TITLE_FOLLOWERS = frozenset(w.lower() for w in words("title_followers.txt"))

# Characters that end the run of words before a quotation, and those stripped off a word.
WORD_STOPS = frozenset('.!?;:()[]"\u2014\u2013' + MASK)
WORD_STRIP = '.,;:()[]"' + MASK

# Prepositions of appearing before a title: on 'Meet the Press', to 'CBS This Morning'.
TITLE_PREPOSITIONS = frozenset(words("title_prepositions.txt"))

# Verbs that name a work after a common noun: "a play called 'Q'", "a show titled 'Q'".
NAMING_VERBS = frozenset(words("naming_verbs.txt"))
# Verbs that only ever name a work: "a column entitled, 'Why Electing Hillary ...'".
TITLING_VERBS = frozenset(words("titling_verbs.txt"))

# What a speaker may call something: "called it 'Q'", "called him 'Q'" stay speech.
OBJECT_PRONOUNS = frozenset(words("object_pronouns.txt"))


# Rules whose cue heads a main reporting clause that can hold another one
# ("Rubio said that ..., whom he called a 'con artist'").
OUTER_RULES: frozenset[Rule] = frozenset({"speaker-cue", "speaker-appositive-cue"})

# Verbs that take a reported clause as their object, so a cue after them reports what
# their speaker said ("X said Y called it 'Q'"); not "called", "praised", "thanked".
OUTER_CUES = frozenset(words("clause_cues.txt"))

# A connective that may stand before a quotation continuing the same speaker:
# '"It's not do or die," he said. But "his candidacy is strengthened."'
OPENING_CONNECTIVE = regex.compile(
    r"""
    (?:{words})      # a coordinating or linking word, or a contrast (opening_connectives.txt)
    ,?[ ]+{mask}     # then the quotation, nothing between
    """.format(words="|".join(opening_connectives("quotation")), mask=MASK_ESCAPE),
    regex.VERBOSE,
)


# A sentence that is a name and then its quoted predicate: 'Biden "kind of misspoke."'.
SUBJECT_THEN_QUOTE = regex.compile(
    r"""
    \p{Lu}[\p{L}'\-]*(?:[ ]\p{Lu}[\p{L}'\-]*){0,2}   # a name of up to three words
    [ ]                                              # then the quotation
    """,
    regex.VERBOSE,
)

# A quotation standing alone as a paragraph of at most this many words is a subhead.
SUBHEAD_WORDS = 5

# Colon cues: a paragraph that ends with one introduces the quotation opening the next.
COLON_RULES: frozenset[Rule] = frozenset({"colon-clause-subject", "name-colon", "label-colon"})

# How far back the outer clause is looked for: a few cues, a few hundred characters (news
# sentences are shorter; the bound keeps linking linear on text that is one long sentence).
OUTER_LOOKBACK = 4
OUTER_REACH = 400

# Relative pronouns: a mention that is one refers back to a name ("..., said X, who").
RELATIVE = frozenset(w for w, role in table("pronouns.txt").items() if role == "relative")

# Between two cues: a clause of its own rather than the first one's object
# ("X said A, but Y told reporters 'Q'"; "X said A; Y called it 'Q'").
COORDINATION = regex.compile(
    rf"""
    [;:]                                         # a semicolon or colon ends the clause
    | , [ \t]* (?:and|but|while|whereas|yet|though|although)\b  # ", but Y said"
    | \b(?:while|whereas|although|though)\b     # "while Y called it"
    | , [ \t]* (?:to|at|after|upon) [ ]which\b     # ", to which Y interjected: ..."
    | {MASK_ESCAPE} [ \t]* ,? [ \t]* (?:and|but) \b   # '"A" and Y said': a quotation of its own
    """,
    regex.VERBOSE,
)


def _words_before(masked: str, pos: int, count: int) -> tuple[list[str], bool]:
    """Up to ``count`` words ending before ``pos`` (nearest first), and whether a comma
    stands between the last of them and ``pos`` ("his book, 'Q'").

    String methods only: this runs for every quotation.
    """
    chunk = masked[max(0, pos - 60) : pos]
    chunk = chunk[chunk.rfind("\n") + 1 :].rstrip(" \t")  # this line only
    comma = chunk.endswith(",")
    if comma:
        chunk = chunk[:-1].rstrip(" \t")
    if chunk[-1:] == "." and keeps_period(chunk.rsplit(None, 1)[-1]):
        pass  # "Gov. C.L. 'Butch' Otter": an initial, not a sentence's end
    elif not chunk or chunk[-1] in WORD_STOPS:
        return [], comma  # the line's start, punctuation or a quotation right before it
    found = chunk.rsplit(None, count)[-count:]
    found.reverse()
    out: list[str] = []
    for word in found:
        if word[-1:] in WORD_STOPS and out:
            break
        out.append(word.strip(WORD_STRIP))
        if word[:1] in WORD_STOPS:
            break
    return out, comma


def not_speech(masked: str, q: Quotation) -> Literal["title", "scare-quote"] | None:
    """Why a quotation is no one's words ("title", "scare-quote"), or None for speech.

    Read from the words right around it: a marker before it ("so-called", "the term"),
    a noun after it ("the 'Avatar' star"), or, for words in title case, a work's noun
    ("his book"), an outlet's possessive ("NBC's"), a preposition of appearing ("on"),
    "a play called", "known as", "told" or a name around it (a nickname).
    """
    before, comma = _words_before(masked, q.open_mark, 1)
    word = before[0] if before else ""
    first = word.lower()
    if first in TITLING_VERBS and q.span.text[:1].isupper():
        return "title"  # a column entitled, 'Why Electing Hillary in '16 Is ...', however long
    if q.span.text.count(" ") >= TITLE_MAX_WORDS:
        return None  # a whole sentence of speech: no title, term or scare quote is so long
    if first in SCARE_MARKERS:
        return "scare-quote"
    quoted = q.span.text
    following = ""
    if quoted[-1:] not in ".,!?;:\u2026":  # bare words: maybe a name used as a modifier
        after = word_after(masked, q.outer_end, min(len(masked), q.outer_end + 30))
        following = masked[after[0] : after[1]] if after is not None else ""
        if following.lower() in TITLE_FOLLOWERS and quoted.count(" ") < SCARE_MAX_WORDS:
            return "scare-quote"
    if not quoted[:1].isupper() or quoted.count(" ") >= TITLE_MAX_WORDS:
        return None  # a title starts with a capital and is short: most speech is neither
    if not _title_cased(TITLE_WORD.findall(quoted)):
        return None
    if first in TITLE_NOUNS:
        return "title"
    if comma or not word:
        return None
    if word[:1].isupper() and (word.endswith("'s") or word.endswith("'")):
        return "title"  # NBC's 'Today'
    if first in TITLE_PREPOSITIONS:
        return "title"  # on 'Meet the Press'
    if first in NAMING_VERBS or first == "as":
        more, _ = _words_before(masked, q.open_mark, 3)
        if first == "as" and len(more) >= 2 and more[1].lower() == "known":
            return "title"  # the hacker known as 'Q'
        named = len(more) >= 2 and more[1].islower() and more[1] not in OBJECT_PRONOUNS
        if first != "as" and named:
            return "title"  # a play called 'Q', a news organization called 'Q'
    if first == "told" and " " in quoted.strip():
        return "title"  # told 'Fox and Friends'
    if word[:1].isupper() and " " not in quoted.strip():
        if not following:
            after = word_after(masked, q.outer_end, min(len(masked), q.outer_end + 30))
            following = masked[after[0] : after[1]] if after is not None else ""
        if following[:1].isupper() and following[1:2].islower():
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
    origin: Rule | Literal["quote"]  # a cue's rule, or "quote" for an attributed quotation


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
        # "X spoke ...": a speaker for the quotation paragraphs after it, not a cue of the
        # words quoted in its own sentence
        contentless = cue.cue.text.lower() in CONTENTLESS_CUES
        sentence.cued = sentence.cued or not contentless
        if cue.mention is not None:
            event = _Event(
                pos=cue.cue.start,
                speaker=speaker,
                mention=cue.mention,
                cue=cue.cue,
                source=cue,
                origin=cue.rule,
            )
            if not contentless:
                sentence.cues.append(event)
                sentence.positions.append(event.pos)
            sentence.add(event)
    for q in quotations:
        info[sentence_of(q.open_mark)].quoted = True
    # where quotations whose words end in a comma close: the mask hides that comma
    comma_ends = [q.outer_end for q in quotations if q.span.text.endswith(",")]  # in order
    paragraphs = _Paragraphs(frame, info)

    out: list[Attribution] = []
    for q in quotations:
        si = sentence_of(q.open_mark)
        kind = not_speech(frame.masked, q)
        if kind is not None:
            why = f"a {kind.replace('-', ' ')}, not anyone's words"
            out.append(_attribute(q, kind, None, why, setting_of))
            continue
        if _named_remark(frame.masked, q):
            why = "the name of a remark ('the \"Q\" comment'): whose, the sentence does not say"
            out.append(_attribute(q, "unattributed", None, why, setting_of))
            continue
        chosen = _nearest_cue(info[si], q, frame.masked, frame.sentences[si].start, comma_ends)
        rule: Rule
        if chosen is not None:
            assert chosen.origin != "quote"  # only cue events are nearest cues
            rule, why = chosen.origin, "cue in the same sentence"
        else:
            (rule, chosen), why = _neighbour(frame, si, info, paragraphs, q)
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


def _nearest_cue(
    sentence: _Sentence, q: Quotation, masked: str, start: int, comma_ends: list[int]
) -> _Event | None:
    """The cue that attributes the quotation in its own sentence.

    A cue right after the quotation wins (`"Q," she said`); otherwise the last cue
    before it, or rather the outermost reporting clause that holds that cue
    ("Obama said he expected Americans will say 'no'": Obama; "X told a voter, who had
    asked ..., that 'Q'": X); with no cue before it, the first one after it.
    """
    k = bisect_right(sentence.positions, q.open_mark)
    after = sentence.cues[k] if k < len(sentence.cues) else None
    if after is not None and after.mention.text.lower() in RELATIVE:
        after = None  # "a 'paperwork error' that was reported": a clause about the words
    if after is not None and after.origin == "subordinate-clause-subject":
        after = None  # '"A," while Trump calls him "B"': its subject speaks only after it
    if after is not None and _adjacent(masked, q, after):
        if q.outer_end <= _opening_end(masked, start, after.pos, comma_ends):
            # 'After Scalia said they might do better at "less advanced schools," Trump
            # said:': a quotation that ends the opening phrase is its cue's, not the next;
            # with no cue in the phrase ('While Sullivan proclaims the article a "terrific
            # piece," Clinton fixates on'), no one's the sentence names
            return sentence.cues[k - 1] if k > 0 else None
        claim = sentence.cues[k - 1] if k > 0 else None
        if (
            claim is not None
            and claim.origin == "possessive-claim"
            and after.origin in (PARTICIPLE_RULES)
        ):
            # "Trump's claim that Obama 'founded ISIS,' saying they were nitpicking": the
            # claim holds the words; the participle goes on to words of its own
            return claim
        return after
    if k == 0:
        return after
    chosen = sentence.cues[k - 1]
    if chosen.mention.start >= q.outer_end:
        return chosen  # a cue inside a quotation's reach, yet its speaker after it
    if k == 1:
        return chosen  # no other cue before it that could hold it
    intro_end = _opening_end(masked, start, q.open_mark, comma_ends)
    for outer in sentence.cues[max(0, k - 1 - OUTER_LOOKBACK) : k - 1]:
        if chosen.pos - outer.pos <= OUTER_REACH and _dominates(masked, outer, chosen, intro_end):
            return outer
    return chosen


def _opening_end(masked: str, start: int, end: int, comma_ends: list[int]) -> int:
    """Where the sentence's opening phrase ends (``start`` when it has none).

    'After Scalia said they might do better at "less advanced schools," Trump said:':
    a subordinate clause ends with the comma inside a quotation, which the mask hides.
    It is read again with each such quotation (``comma_ends``: where they close, in
    order) shown as plain letters and its comma.
    """
    opening = INTRODUCTORY.match(masked, start, end)
    if opening is not None:
        return opening.end()
    end = min(end, start + OPENING_REACH)  # an opening phrase is short: linear time
    lo, hi = bisect_right(comma_ends, start), bisect_right(comma_ends, end)
    if lo == hi:
        return start
    view = masked[start:end]
    if view.split(" ", 1)[0].lower() not in SUBORDINATORS:
        # only a clause of its own ("After Scalia said ...", "While Sullivan proclaims
        # ...") ends at a quotation's comma: 'Yet Trump is also a "change agent," Cole
        # said' and 'For example: "Q," he told' are the cue's after the quotation
        return start
    for at in comma_ends[lo:hi]:
        close = at - start
        open_ = close - 1
        while open_ > 0 and view[open_ - 1] == QUOTE:
            open_ -= 1
        view = view[:open_] + "x" * (close - open_ - 1) + "," + view[close:]
    opening = INTRODUCTORY.match(view)
    return start + opening.end() if opening is not None else start


def _named_remark(masked: str, q: Quotation) -> bool:
    """ "Pence was asked about the 'not there yet' comment": a determiner, the quotation
    and a noun of saying name a remark; the sentence's cue is not its speaker's."""
    if remark_after().match(masked, q.outer_end) is None:
        return False
    before, comma = _words_before(masked, q.open_mark, 1)
    return bool(before) and not comma and before[0].lower() in REMARK_DETERMINERS


def _adjacent(masked: str, q: Quotation, event: _Event) -> bool:
    """Whether only punctuation stands between the quotation and the cue's clause."""
    assert event.cue is not None
    # the clause starts at the cue, or at a speaker standing after the quotation; a
    # subject before the quotation ("Republicans ..., with X tweeting 'Q' and asking")
    # does not make a far cue adjacent
    mention = event.mention.start if event.mention.start >= q.outer_end else event.cue.start
    gap = masked[q.outer_end : min(event.cue.start, mention)]
    # '"A" and "B," Trump said', 'Trump's "divisive" and "mean-spirited" comments':
    # quotations joined to it share its cue
    return not gap.strip(" \t,.;:!?\u2014\u2013-") or JOINED_QUOTATIONS.fullmatch(gap) is not None


def _dominates(masked: str, outer: _Event, inner: _Event, intro_end: int) -> bool:
    """Whether ``inner`` is reported speech inside what ``outer``'s speaker says."""
    assert outer.cue is not None and inner.cue is not None
    if outer.origin not in OUTER_RULES or outer.cue.start < intro_end:
        return False  # "When X said ..., Y replied": an opening phrase, not the main clause
    verb = outer.cue.text.lower().split()[-1] if outer.cue.text.split() else ""
    if outer.mention.text.lower() in RELATIVE or verb not in OUTER_CUES:
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
    frame: Frame, si: int, info: list[_Sentence], paragraphs: _Paragraphs, q: Quotation
) -> tuple[tuple[Rule, _Event | None], str]:
    """The rule and event that attribute a quotation whose sentence has no cue."""
    sentences = frame.sentences
    para = sentences[si].paragraph
    if info[si].cued:
        return ("unattributed", None), "its own cue names no one: no speaker is borrowed"
    previous = info[si - 1] if si > 0 and sentences[si - 1].paragraph == para else None
    # Only a quotation that opens its sentence continues a neighbour's speaker; one inside
    # a sentence of the reporter's own words ("Turnout showed a 'surprising' swing") does not.
    opens = frame.masked[sentences[si].start] == QUOTE or (
        previous is not None
        and OPENING_CONNECTIVE.match(frame.masked, sentences[si].start, sentences[si].end)
        is not None
    )
    if not opens and previous is not None:
        # 'said Jock Finlayson. Now, "within the business community ..."': an opening
        # phrase and its comma, then the quotation, nothing else of the reporter's
        intro = INTRODUCTORY.match(frame.masked, sentences[si].start, q.open_mark)
        opens = intro is not None and intro.end() == q.open_mark
    if not opens and previous is not None and previous.last_quote is not None:
        # '"We thought only Trump was insensitive," said Aida. Biden "kind of misspoke."':
        # the reporter names whom the quoted words are about; they are still Aida's
        named = SUBJECT_THEN_QUOTE.fullmatch(frame.masked, sentences[si].start, q.open_mark)
        opens = named is not None and q.outer_end >= sentences[si].end - 1
    if previous is not None and previous.last is not None and opens:
        # The speaker of the previous sentence's quotation, not a cue after it in a
        # clause of its own ('"A," Clinton said after she called Sanders. "B."').
        last = previous.last_quote or previous.last
        rule: Rule = "split-quote" if last.origin == "quote" else "previous-sentence"
        return (rule, last), "no cue in its sentence; the previous one names the speaker"
    if (
        opens
        and previous is not None
        and previous.last is None
        and not previous.cued
        and not previous.quoted
        and si >= 2
        and sentences[si - 2].paragraph == para
    ):
        # '"A," says Melissa Roloson. Roloson supports Clinton. "B."': a sentence about
        # the speaker between her quotations does not end her turn
        earlier = info[si - 2].last_quote or info[si - 2].last
        between = sentences[si - 1]
        if earlier is not None and earlier.speaker.kind == "person" and earlier.speaker.name:
            subject = clause_subject(frame.masked, between, between.end)
            if subject is not None and _refers_to(
                frame.masked[subject[0] : subject[1]], earlier.speaker.name
            ):
                why = "no cue in its sentence; the sentence before is about the speaker before it"
                return ("subject-continues", earlier), why
    nxt = si + 1
    if nxt < len(sentences) and sentences[nxt].paragraph == para:
        following = info[nxt]
        if following.cues and not following.quoted and opens:
            why = "no cue in its sentence; the next one names one"
            return ("cue-in-next-sentence", following.cues[0]), why
    elif nxt < len(sentences) and sentences[nxt].paragraph == para + 1:
        byline = info[nxt].cues[0] if info[nxt].cues else None
        if byline is not None and byline.origin == "dash-byline":
            why = "the next paragraph is a dash byline naming the speaker"
            return ("dash-byline", byline), why
    first_of_para = paragraphs.first[para]
    opens_paragraph = first_of_para == si and frame.masked[sentences[si].start] == QUOTE
    if opens_paragraph and _subhead(frame, si, q):
        return ("unattributed", None), "a short quotation standing alone: a subhead"
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
            chosen = person or ending.last
            if chosen.cue is not None and chosen.cue.text.lower() in CONTENTLESS_CUES:
                # "Trump spoke only in evasive bromides." then paragraphs of quotation:
                # his, when they hold nothing else, and only as a reader's inference
                if not _only_quotation(frame, si):
                    return ("unattributed", None), "no cue nearby names a speaker"
                guess = f"{chosen.speaker.name!r} spoke just before: inferred from context"
                speaker = replace(
                    chosen.speaker, kind="inferred", steps=(*chosen.speaker.steps, guess)
                )
                chosen = replace(chosen, speaker=speaker)
            why = "a paragraph of quotation continues the previous paragraph's speaker"
            return ("continues-previous-paragraph", chosen), why
    return ("unattributed", None), "no cue nearby names a speaker"


def _refers_to(subject: str, name: str) -> bool:
    """Whether a sentence's subject plainly names the speaker: a he or she, or the
    speaker's surname ("Roloson" for Melissa Roloson)."""
    words_ = subject.replace("\u2019", "'").removesuffix("'s").split()
    if len(words_) == 1 and words_[0].lower() in PRONOUN_GENDER:
        # not a "she" after a man the first-name table knows
        sex = given_names().get(name.split()[0].casefold())
        return sex is None or sex == PRONOUN_GENDER[words_[0].lower()]
    return bool(words_) and words_[-1] == name.split()[-1]


def _only_quotation(frame: Frame, si: int) -> bool:
    """Whether the paragraph that sentence ``si`` opens holds nothing but quotation."""
    sentences = frame.sentences
    last = si
    while last + 1 < len(sentences) and sentences[last + 1].paragraph == sentences[si].paragraph:
        last += 1
    rest = frame.masked[sentences[si].start : sentences[last].end]
    return not rest.strip(QUOTE + " \t\r\n.,;:!?\u2014\u2013-\"'\u201c\u201d\u2018\u2019")


def _subhead(frame: Frame, si: int, q: Quotation) -> bool:
    """A paragraph that is nothing but a few quoted words ("'A healthy environment.'"):
    a subhead or a pull quote, which continues no one."""
    sentence = frame.sentences[si]
    alone = q.open_mark <= sentence.start and q.outer_end >= sentence.end
    last_of_paragraph = si + 1 == len(frame.sentences) or (
        frame.sentences[si + 1].paragraph != sentence.paragraph
    )
    introduced = frame.masked[max(0, sentence.start - 6) : sentence.start].rstrip().endswith(":")
    short = len(q.span.text.split()) <= SUBHEAD_WORDS
    return alone and last_of_paragraph and short and not introduced  # "X interjected:" then it


@lru_cache(maxsize=1024)
def _mention_step(mention: str, origin: str) -> str:
    """The explain step naming the mention, one string shared by every quotation that
    repeats it ("he", "Trump"): the steps are most of the result's memory (issue 9)."""
    return f"speaker mention {mention!r} ({origin})"


def _attribute(
    q: Quotation,
    rule: Rule,
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
    steps.append(_mention_step(event.mention.text, event.origin))
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
