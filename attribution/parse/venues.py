"""Stage 3: where and when words were said, from the attributing clause.

Only the clause that carries the cue is read: the words after the cue up to its
complement ("said on Tuesday that ..."), and an opening phrase before the subject
("In a statement on October 23, Dakhlallah confirmed"). Descriptions of the
speaker ("Victor Cha, a scholar at CSIS in Washington") are never read, so a
speaker's employer is not mistaken for the place the words were said.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from attribution.parse.char_classes import MASK_ESCAPE
from attribution.parse.cues import INTRODUCTORY
from attribution.parse.frame import QUOTE, Frame
from attribution.parse.model import Cue, Span
from attribution.parse.wordlists import words

# A weekday's or a month's name, full or abbreviated with its period (weekdays.txt,
# months.txt, month_abbreviations.txt). No entry is a prefix of another, so the order of
# the alternatives changes nothing a pattern matches.
WEEKDAY = "(?:" + "|".join(regex.escape(w) for w in words("weekdays.txt")) + ")"
MONTH = (
    "(?:"
    + "|".join(regex.escape(w) for w in (*words("months.txt"), *words("month_abbreviations.txt")))
    + ")"
)

ON = r"(?:(?i:on)\s+)?"  # "on", also "On" opening a sentence

DATE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}])
    (?: {ON}{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?   # on Wednesday (night)
        (?:,?\s+{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?                      #   , October 23
      | {ON}{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?     # on October 23, 2024
      | {ON}\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?                       # on 23 October 2024
      | {ON}\d{{4}}-\d\d-\d\d                                        # on 2024-10-23
      | (?:in\s+)?(?:early|mid|late)[\s-]+{MONTH}                          # in early October
      | in\s+{MONTH}(?:\s+\d{{4}})?                                        # in October 2024
      | (?:last|this|next)\s+(?:week|month|year|weekend|night|morning|{WEEKDAY})  # last week
      | earlier\s+(?:this|in\s+the)\s+(?:week|month|year|day)             # earlier this month
      | (?:yesterday|today|tonight)                                        # relative days
      | {ON}(?:Christmas|New\s+Year's)\s+(?:Day|Eve)                  # holidays
    )
    (?![\p{{L}}\p{{N}}])
    """,
    regex.VERBOSE,
)

# A place: capitalised words that are not dates ("Rome", "Rome, Italy", "Kursk region").
PLACE = rf"""
    (?!{WEEKDAY}\b|{MONTH})
    \p{{Lu}}[\p{{L}}\p{{M}}'\-.]*(?:\s+(?:of\s+)?\p{{Lu}}[\p{{L}}\p{{M}}'\-.]*){{0,3}}
    (?<!'s)(?!')                               # not a possessive: "at Trump's wording"
    (?:,\s+(?!{WEEKDAY}\b|{MONTH})\p{{Lu}}[\p{{L}}\p{{M}}'\-]+)?        # , Italy
"""

PLATFORM_PREFIX = r"(?:on|to|via|in)\s+(?:the\s+)?"


@cache
def _venue_regex() -> regex.Pattern[str]:
    nouns = sorted(words("venue_nouns.txt"), key=len, reverse=True)
    platforms = sorted(words("platforms.txt"), key=len, reverse=True)
    noun_alt = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    platform_alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in platforms)
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?: (?i:in|at|during|from|after|before|on|via|through)\s+  # a setting:
            (?:(?:a|an|the|his|her|their|its|this|that|one|[\p{{Lu}}][\p{{L}}.]*'s)\s+)?
            (?:[\p{{L}}\-]+\s+){{0,2}}?                          #   in a (brief) video address
            (?:{noun_alt})s?
            (?:\s+(?:with|to|on|for)\s+(?:the\s+)?(?:{PLACE}|reporters|journalists))?
          | (?i:in|at|from|outside)\s+(?:the\s+)?{PLACE}          # a place: in Rome
          | {PLATFORM_PREFIX}(?:{platform_alt})                   # a medium: on X, on CNN
        )
        (?![\p{{L}}\p{{N}}])
        """,
        regex.VERBOSE,
    )


# Who a "told" cue was said to: an audience, which is no place ("told reporters outside
# Downing Street" was said outside Downing Street), or a named outlet, which is the
# medium ("told The War Zone").
TOLD_OBJECT = regex.compile(
    r"""
    \s+
    (?: (?P<audience>reporters|journalists|the\s+press|the\s+media|lawmakers|supporters
                    |a\s+crowd|the\s+crowd)                     # an audience: skipped
      | (?P<obj>(?:(?:the|a)\s+(?:[\p{Ll}\-]+\s+){0,3})?
                \p{Lu}[\p{L}.'\-]*(?:\s+\p{Lu}[\p{L}.'\-]*){0,4})  # an outlet: the medium
    )
    """,
    regex.VERBOSE,
)

# Where the attributing clause ends: a complement, a quotation, or a new clause.
CLAUSE_END = regex.compile(
    rf"""
    \s+(?:that|whether|how|why|what|if)\b   # said on Tuesday that ...
    | {MASK_ESCAPE}                          # a quotation
    | [:;]                                  # said: "..."
    | ,\s+(?!(?:on|in|at|during|last|this|earlier|from)\b|\p{{Lu}})  # , using ...
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    """The venue and date the attributing clause states, each possibly absent."""

    venue: Span | None
    date: Span | None
    steps: tuple[str, ...]


def _regions(frame: Frame, cue: Cue) -> list[tuple[int, int]]:
    """The stretches of the attributing clause to read, nearest first."""
    masked = frame.masked
    sent_end = cue.sentence.end
    after = cue.cue.end
    if cue.mention is not None and cue.mention.start >= cue.cue.end:
        after = cue.mention.end
        if masked.startswith(",", after):
            comma = masked.find(",", after + 1, sent_end)
            quote = masked.find(QUOTE, after + 1, sent_end)
            after = comma + 1 if comma != -1 and (quote == -1 or comma < quote) else sent_end
    m = CLAUSE_END.search(masked, after, sent_end)
    regions = [(after, m.start() if m else sent_end)]
    intro = INTRODUCTORY.match(masked, cue.sentence.start, sent_end)
    if intro is not None and intro.end() <= cue.cue.start:
        regions.append((cue.sentence.start, intro.end()))
    return regions


def find_setting(text: str, frame: Frame, cue: Cue) -> Setting:
    """Venue and date for one cue, read from its own clause only."""
    masked = frame.masked
    venue: Span | None = None
    date: Span | None = None
    steps: list[str] = []
    told = cue.cue.text.lower().startswith(("told", "tell"))
    for index, (start, end) in enumerate(_regions(frame, cue)):
        if date is None:
            d = DATE.search(masked, start, end)
            if d is not None:
                date = Span.of(text, *d.span())
                steps.append(f"date {date.text!r} in the attributing clause")
        if venue is None:
            venue = _venue_in(text, masked, start, end, told and index == 0)
            if venue is not None:
                steps.append(f"venue {venue.text!r} in the attributing clause")
    return Setting(venue=venue, date=date, steps=tuple(steps))


def _venue_in(text: str, masked: str, start: int, end: int, told: bool) -> Span | None:
    """The first chain of venue phrases in ``[start, end)``, merged when adjacent."""
    chain_start = chain_end = -1
    pos = start
    if told:
        m = TOLD_OBJECT.match(masked, start, end)
        if m is not None and m.group("audience") is not None:
            pos = m.end()
        elif m is not None and not DATE.fullmatch(m.group("obj")):
            chain_start, chain_end = m.span("obj")
            pos = chain_end
    for m in _venue_regex().finditer(masked, pos, end):
        if DATE.fullmatch(masked, m.start(), m.end()) or _is_date_phrase(
            masked, m.start(), m.end()
        ):
            continue
        if chain_start == -1:
            chain_start, chain_end = m.span()
        elif masked[chain_end : m.start()].strip(" ,") == "":
            chain_end = m.end()
        else:
            break
    if chain_start == -1:
        return None
    while chain_end > chain_start and masked[chain_end - 1] in " ,.":
        chain_end -= 1
    return Span.of(text, chain_start, chain_end)


def _is_date_phrase(masked: str, start: int, end: int) -> bool:
    """'on Wednesday' or 'in October' look like places to the venue rule."""
    words_ = masked[start:end].split(maxsplit=1)
    return len(words_) == 2 and DATE.fullmatch(words_[1]) is not None
