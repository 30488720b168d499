"""The reporter's frame around the quotations: masked text, paragraphs and sentences.

Cue rules must never read the quoted words ("I said no" inside a quotation is not
a cue), and sentence splitting must not break inside a quotation. Both follow from
one length-preserving mask: every quotation, marks included, becomes a run of
``QUOTE`` characters, and typographic apostrophes become ASCII ones. Because the
mask keeps every offset, a match in the masked text is a span of the original.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import regex

from attribution.parse.char_classes import MASK, MASK_ESCAPE, RULE_APOSTROPHES
from attribution.parse.model import Quotation
from attribution.parse.wordlists import AsciiFast, cue_pattern

QUOTE = MASK  # what a quotation's characters become (char_classes.MASK)
# Spaces the rules read as a plain space: no-break (U+00A0, "Obama said\u00a0he") and the
# narrow and thin ones copy pasted from web pages.
SPACE_CHARS = ("\u00a0", "\u2009", "\u202f")

# A sentence ends at . ! ? (possibly doubled, possibly followed by a closing bracket)
# when whitespace and the start of a new sentence follow. A terminator is tried only at
# the start of its run: a later start in the run would fail just as the first did, after
# reading the run again (quadratic on a line of a thousand "!").
SENTENCE_END = regex.compile(
    rf"""
    (?<![.!?\u2026])                     # the start of a run of terminators
    (?P<end>[.!?\u2026]+[)\]]?)          # the terminator, maybe inside a bracket
    (?=\s+ (?: [\p{{Lu}}\p{{N}}(\[{MASK_ESCAPE}]  # next: a capital, digit, bracket or quotation
             | $ ))
    """,
    regex.VERBOSE,
)

# The word before a period that does not end a sentence: titles, initials, months.
ABBREVIATION = regex.compile(
    r"""
    (?: \b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Sens|Rep|Reps|St|Jr|Sr|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Cmdr
          |Prof|Rev|Hon|Pres|Supt|Gov|Atty|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos
          |vs|etc|Inc|Co|Corp|Ltd|Bros|Ft|Mt|approx|est|dept|Univ|Ave|Blvd)  # titles, months
      | \b\p{Lu}                                   # an initial: Lloyd J. Austin
      | \b(?:\p{L}\.){1,3}\p{L}                    # U.S, U.N, D.C, a.m
    )$
    """,
    regex.VERBOSE,
)
ABBREVIATION_FAST = AsciiFast(ABBREVIATION, re.VERBOSE)  # tried before every full stop

# An initialism's full stop that ends the sentence too: "... attacks in the U.S. He says",
# "in Washington, D.C. This is": a word that opens sentences, never a name, follows.
INITIALISM_END = regex.compile(
    r"""
    \b(?:\p{L}\.){1,3}\p{L}$               # U.S, D.C, p.m: before the full stop
    """,
    regex.VERBOSE,
)
SENTENCE_OPENER = regex.compile(
    r"""
    \s+ (?: He | She | They | We | It | I    # a subject pronoun
         | The | This | That                 # a determiner that opens a sentence
         | But | And                         # a connective
         ) \b (?! \. )
    """,
    regex.VERBOSE,
)

# Literal characters only: the standard library's engine finds them faster than ``regex``.
PARAGRAPH_BREAK = re.compile(r"\r\n?|\n|\u2028|\u2029")

# What follows a quotation that ends a sentence: space, then a capital or another quotation.
AFTER_QUOTE = AsciiFast(regex.compile(rf"[ \t]+(?=[\p{{Lu}}{MASK_ESCAPE}])"))

# Line breaks, and the stops that end a sentence before a quotation, as the clause that
# introduces a quotation is read: from the last ". ", "? " or "! " on its line.
LINE_BREAK = re.compile(r"\n")
STOP_SPACE = re.compile(r"[.?!](?= )")

# The first few words after a quotation, to see whether they attribute it
# ("What exactly are you doing?" Austin remarked).
NEXT_WORDS = re.compile(
    rf"[^.!?:;{MASK_ESCAPE}]{{0,60}}"
)  # no classes: the faster engine, same matches


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence of the frame; quotations inside it are whole."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """The masked article and its sentences, in document order."""

    masked: str
    sentences: tuple[Sentence, ...]


def mask(text: str, quotations: tuple[Quotation, ...]) -> str:
    """Replace each quotation (marks included) with ``QUOTE`` characters, keeping length."""
    plain = text
    for apostrophe in RULE_APOSTROPHES:  # ’ ‘ ʼ read as ' by the rules
        if apostrophe in plain:
            plain = plain.replace(apostrophe, "'")  # one character for one: offsets hold
    for space in SPACE_CHARS:
        if space in plain:
            plain = plain.replace(space, " ")
    pieces: list[str] = []
    last = 0
    for q in quotations:
        start, end = q.open_mark, q.outer_end
        if start < last:
            continue
        pieces.append(plain[last:start])
        pieces.append(QUOTE * (end - start))
        last = end
    pieces.append(plain[last:])
    return "".join(pieces)


def build(text: str, quotations: tuple[Quotation, ...]) -> Frame:
    """Split the masked text into paragraphs (line breaks) and sentences, in one pass each."""
    masked = mask(text, quotations)
    cuts = _quote_sentence_ends(text, masked, quotations)
    for m in SENTENCE_END.finditer(masked):
        if (
            m.group("end") == "."
            and ABBREVIATION_FAST.search(masked, max(0, m.start() - 12), m.start())
            and not (
                INITIALISM_END.search(masked, max(0, m.start() - 8), m.start())
                and SENTENCE_OPENER.match(masked, m.end())
            )
        ):
            continue
        cuts.add(m.end())
    ordered = sorted(cuts)
    sentences: list[Sentence] = []
    para_start = 0
    paragraph = 0
    k = 0
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(masked)]
    breaks.append(len(masked))
    for brk in breaks:
        while k < len(ordered) and ordered[k] <= para_start:
            k += 1
        if masked[para_start:brk].strip():
            begin = para_start
            while k < len(ordered) and ordered[k] < brk:
                _add(masked, begin, ordered[k], paragraph, sentences)
                begin = ordered[k]
                k += 1
            _add(masked, begin, brk, paragraph, sentences)
            paragraph += 1
        para_start = brk + 1
    return Frame(masked=masked, sentences=tuple(sentences))


def _quote_sentence_ends(text: str, masked: str, quotations: tuple[Quotation, ...]) -> set[int]:
    """Offsets just after quotations that end their sentence.

    A quotation whose words end in . ! or ? ends the reporter's sentence too, unless
    the words after it attribute it ("Why now?" Austin asked) and nothing before it
    in the sentence did already.
    """
    ends: set[int] = set()
    # Line starts and stops (". ", "? ", "! ") found once, and whether a cue stands between
    # the last stop and the quotation carried over to the next quotation after the same
    # stop: each looked up per quotation would read the line again (quadratic on a long
    # line of quotations).
    lines: list[int] = []
    stops: list[int] = []
    cued_from = cued_to = -1
    cued = False
    if quotations:
        lines = [m.start() for m in LINE_BREAK.finditer(masked)]
        stops = [m.start() for m in STOP_SPACE.finditer(masked)]
    for q in quotations:
        if q.close_mark is None or text[q.span.end - 1 : q.span.end] not in (
            ".",
            "!",
            "?",
            "\u2026",
        ):
            continue
        after = q.outer_end
        gap = AFTER_QUOTE.match(masked, after)
        if gap is None:
            continue
        k = bisect_left(lines, q.open_mark) - 1
        line_start = lines[k] if k >= 0 else 0
        k = bisect_right(stops, q.open_mark - 2) - 1
        # the clause before the quotation: from the last stop on its line, or the line start
        clause = stops[k] + 1 if k >= 0 and stops[k] >= line_start else line_start
        if clause != cued_from or q.open_mark < cued_to:
            cued_from, cued_to, cued = clause, clause, False
        if not cued:
            cued = cue_pattern().search(masked, cued_to, q.open_mark) is not None
        cued_to = max(cued_to, q.open_mark)
        introduced = cued
        following = NEXT_WORDS.match(masked, gap.end())
        attributes_it = (
            following is not None and cue_pattern().search(following.group()) is not None
        )
        if attributes_it and following is not None and text[q.span.end - 1] in ".\u2026":
            # '"B." He added, "C."', '"B." He writes that "C."': a clause that opens a
            # quotation of its own after a full stop attributes that one, and the full
            # stop ended the sentence.
            rest = following.group().rstrip()
            after_clause = masked[following.end() : following.end() + 4].lstrip(": ")
            opens = (
                rest.endswith(",")
                or rest.split()[-1:] == ["that"]
                or masked.startswith(":", following.end())
            )
            attributes_it = not (opens and after_clause.startswith(QUOTE))
        if introduced or not attributes_it:
            ends.add(after)
    return ends


def _add(masked: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start=start, end=end, paragraph=paragraph))


# A headline's words of this length or more are capitalised, at least this share of them.
HEADLINE_WORD = 4
HEADLINE_SHARE = 0.8
# ... and it has at least this many of them ("Trump Meets Donors in Las Vegas").
HEADLINE_WORDS = 3


def headline_end(text: str) -> int:
    """Where a title-case first paragraph ends (0 when the text opens with prose).

    News files often open with the headline, capitalised word by word and sometimes
    closed with a full stop ("Republican Donor Adelson and Trump May be Aligning on
    Israel."). Title case leaves short words ("and", "on", "be") in lower case, so only
    words of four letters or more are counted; prose has most of those in lower case.
    """
    newline = text.find("\n")
    if newline == -1 or not text[newline:].strip():
        return 0  # one paragraph: the story itself, not a headline over one
    first = text[:newline]
    if len(first.split()) < 4 or not _closes_its_quotes(first):
        return 0  # too short, or a quotation opens here and runs on: the story itself
    long_words = [w for w in first.split() if len(w) >= HEADLINE_WORD and w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in long_words)
    title_case = len(long_words) >= HEADLINE_WORDS and capitalised >= HEADLINE_SHARE * len(
        long_words
    )
    return len(first) if title_case else 0


def _closes_its_quotes(line: str) -> bool:
    """Whether every double quotation the line opens, it also closes."""
    curly = line.count("\u201c") + line.count("\u00ab") + line.count("\u201e")
    closing = line.count("\u201d") + line.count("\u00bb")
    return line.count('"') % 2 == 0 and curly <= closing
