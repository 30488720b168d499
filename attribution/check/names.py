"""Does the article's name, or its venue, refer to the record's?

A name fits when it is the same after dropping titles, suffixes and initials, or
is a bare surname of it ("Austin" for "Lloyd J. Austin III"); a venue fits when it
shares a content word with the record's ("Rome" for "Rome, Italy"). These are the
forgiving halves of ``misattribution`` and ``venue-mismatch``: ``verdicts`` calls
a name that does not fit someone else only when the article names them for sure.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from attribution.check.align import WORD, content_words, normalise, words
from attribution.parse.wordlists import is_given_name, word_set

#: One part of a name, as a word of a quote (accents, invisibles and inner apostrophes
#: kept: O’Neill is one part); dots, commas and hyphens split.
NAME_PART = regex.compile(WORD)

#: A bracketed part of a name: a gloss ("Vox Populi (Voice of the People)") or a party
#: and state ("Rep. Tom Cole (R-Okla.)"), never who it is.
BRACKETED = regex.compile(r"\([^()]*\)")
#: Words around a name that are not the name: honorifics, titles, suffixes.
NAME_NOISE = word_set("name_noise.txt")
#: Words of a stated venue that say how, not where ("during", "told").
VENUE_NOISE = word_set("venue_noise.txt")


def name_forms(name: str) -> tuple[str, ...]:
    """A name without titles, suffixes, initials, a leading "the" or a bracketed gloss or
    party ("(R-Ohio)"), as lower-case parts.

    >>> name_forms("Secretary Lloyd J. Austin III")
    ('lloyd', 'austin')
    >>> name_forms("Lloyd Austin")  # leaves a good name alone
    ('lloyd', 'austin')
    >>> name_forms("Mr. O’Neill")  # one apostrophe; a name of titles only keeps them
    ("o'neill",)
    >>> name_forms("Dr.")
    ('dr',)
    >>> name_forms("The Wall Street Journal")
    ('wall', 'street', 'journal')
    >>> name_forms("Vox Populi (Voice of the People)")
    ('vox', 'populi')
    """
    name = BRACKETED.sub(" ", name)
    parts = [normalise(p) for p in NAME_PART.findall(name)]  # O’Neill is O'Neill
    if len(parts) > 1 and parts[0] == "the":
        parts = parts[1:]  # "The Wall Street Journal" is the Wall Street Journal
    kept = tuple(p for p in parts if p not in NAME_NOISE and len(p) > 1)
    return kept or tuple(parts)


def name_fits(credited: str, known: Iterable[str]) -> bool:
    """Does the article's name refer to one of the record's names?

    Equal after dropping titles, suffixes and initials, or a bare surname, or the same
    first and last names around a middle name.

    >>> name_fits("Lloyd Austin", ["Lloyd Austin"])  # leaves a good name alone
    True
    >>> name_fits("Secretary Lloyd J. Austin III", ["Lloyd Austin"])
    True
    >>> name_fits("Austin", ["Lloyd J. Austin III"])  # a bare surname
    True
    >>> name_fits("Lloyd James Austin", ["Lloyd Austin"])  # a middle name
    True
    >>> name_fits("Jane Austin", ["Lloyd Austin"])  # the same surname, someone else
    False
    >>> name_fits("John Kirby", ["Lloyd Austin", "Austin"])
    False
    >>> name_fits("Wall Street Journal", ["The Wall Street Journal"])  # the article's form
    True
    """
    mine = name_forms(credited)
    for name in known:
        theirs = name_forms(name)
        if not mine or not theirs:
            continue
        if mine == theirs:
            return True
        if (len(mine) == 1 or len(theirs) == 1) and mine[-1] == theirs[-1]:
            return True
        if mine[0] == theirs[0] and mine[-1] == theirs[-1]:
            return True
    return False


def venue_fits(stated: str, recorded: str) -> bool:
    """A stated venue fits when it shares a content word with the record's ("Rome, Italy").

    A venue that says only how the words were said fits anything: records are partial.

    >>> venue_fits("in Rome", "Rome")  # leaves a good venue alone
    True
    >>> venue_fits("at a military base in Italy", "Rome, Italy")
    True
    >>> venue_fits("in Brussels", "Rome, Italy")
    False
    >>> venue_fits("during comments", "Rome")  # no place word stated
    True
    """
    mine = content_words(w.norm for w in words(stated)) - VENUE_NOISE
    theirs = content_words(w.norm for w in words(recorded)) - VENUE_NOISE
    return not mine or not theirs or bool(mine & theirs)


def same_surname(credited: str, known: Iterable[str]) -> bool:
    """A name that shares a surname with a known name but adds no known first name.

    "Maybe Smith" or "Reporter Smith" for John Smith is the parser keeping a stray
    word; "Jane Smith" is somebody else. Without evidence either way, no verdict.
    """
    mine = name_forms(credited)
    for name in known:
        theirs = name_forms(name)
        if mine and theirs and mine[-1] == theirs[-1]:
            extra = [p for p in mine[:-1] if p not in theirs]
            if not any(is_given_name(p) for p in extra):
                return True
    return False
