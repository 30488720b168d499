"""Stage 1: text -> quotation spans.

Quotation marks are paired with a stack per paragraph, in one linear pass. A mark
is a possible opener when it is *left-flanking* (nothing but space or opening
punctuation before it, a word after it) and a possible closer when it is
*right-flanking*; curly marks carry their direction too. Apostrophes (it’s,
’90s, the Smiths’, rock ’n’ roll) are told apart from single quotation marks by
the same flanking test plus a short list of elisions. An odd mark can only ever
cost its own paragraph: the stack is emptied at every paragraph break.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from attribution.parse.char_classes import (
    ANGLES,
    DOUBLE_CLOSERS,
    DOUBLE_OPENERS,
    GUILLEMETS,
    SINGLE_CLOSERS,
    SINGLE_OPENERS,
    escaped,
)
from attribution.parse.model import Quotation, Span

# The marks, by family (parse/char_classes.py). A closer only closes an opener of its own
# family; the typewriter marks and doubled singles ('' and ``) open or close by context.
FAMILY = {
    "''": "double",
    "``": "double",
    **dict.fromkeys('"' + DOUBLE_OPENERS + DOUBLE_CLOSERS, "double"),
    **dict.fromkeys("'" + SINGLE_OPENERS + SINGLE_CLOSERS, "single"),
    **dict.fromkeys(GUILLEMETS, "guillemet"),
    **dict.fromkeys(ANGLES, "angle"),
}
#: Every curly mark, for the scan below.
_CURLY = escaped(DOUBLE_OPENERS + DOUBLE_CLOSERS + SINGLE_OPENERS + GUILLEMETS + ANGLES)
_APOSTROPHE = escaped(SINGLE_CLOSERS)

# Every mark, plus the line breaks that end a paragraph, in one alternation so that
# a single finditer walks the text once.
MARK_OR_BREAK = regex.compile(
    rf"""
    (?P<mark> (?<=\S)'(?=''(?!'))        # a single closing inside a double, typed ''' : ' then ''
            | ''|``                      # typewriter doubles: ''NYT style'' and ``TeX''
            | ["{_CURLY}]                 # straight double and every curly mark but ’
            | (?<![\p{{L}}\p{{N}}])['{_APOSTROPHE}]  # ' and ’ unless inside a word (it's, O’Brien):
            | ['{_APOSTROPHE}](?![\p{{L}}\p{{N}}])  #   skipped here, as the roles would skip them
    )
    | (?P<brk>\r\n?|\n|\u2028|\u2029)   # a line break ends a paragraph
    """,
    regex.VERBOSE,
)

# Elisions written with a leading apostrophe: never the start of a quotation.
ELISION_AFTER = regex.compile(
    r"""
    (?: \d\d?s?\b                                 # ’90s, '08
      | (?:em|n|til|cause|bout|tis|twas|round|nuff|kay|sup)\b  # ’em, rock ’n’ roll, 'til
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# What may stand right before an opening mark besides a space: brackets, dashes, slashes,
# colons and other marks (for nesting like “‘ ).
OPEN_CONTEXT = set("([{<\u2014\u2013-/:;\u2026") | set(FAMILY)


@dataclass(slots=True)
class _Open:
    """An opener waiting on the stack."""

    pos: int
    end: int
    family: str
    char: str


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _is_wordish(ch: str) -> bool:
    return ch != "" and (ch.isalnum() or ch in "%$€£")


def _roles(text: str, i: int, j: int, ch: str) -> tuple[bool, bool]:
    """Whether the mark at ``i:j`` may open and may close a quotation."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[j] if j < len(text) else ""
    # A space between two marks ('Oh, yes,' " and " 'Oh) is typesetting, not a word gap.
    if prev == " ":
        k = i - 1  # where the spaces before the mark start (at most three of them)
        while k > 0 and k > i - 3 and text[k - 1] == " ":
            k -= 1
        if k >= 1 and text[k - 1] in FAMILY:
            prev = text[k - 1]
    if nxt == " " and j + 1 < len(text) and text[j + 1] in FAMILY:
        nxt = text[j + 1]
    left_flanking = not _is_space(nxt) and (_is_space(prev) or prev in OPEN_CONTEXT)
    right_flanking = not _is_space(prev) and (
        _is_space(nxt) or not _is_wordish(nxt) or prev in ".,!?;:\u2026"
    )
    if ch == "``":
        return True, False
    if ch in DOUBLE_OPENERS or ch in SINGLE_OPENERS:
        # “ closes in German-style „…“ quotations, so it keeps its right-flanking role.
        can_close = ch == "\u201c" and right_flanking
        can_open = not _is_space(nxt)
        if ch == "\u2018" and ELISION_AFTER.match(text, i + 1):
            return False, False  # ‘90s typed with the wrong mark
        return can_open, can_close
    if ch == "\u201d":
        return False, True
    if ch in "'\u2019" and i >= 2 and text[i - 1] in "nN" and text[i - 2] in "'\u2019":
        return False, False  # the second mark of rock ’n’ roll
    if ch == "\u2019":
        if _is_wordish(prev) and _is_wordish(nxt):
            return False, False  # it’s, O’Brien
        return False, right_flanking
    if ch in "\u00ab\u2039":
        return True, False
    if ch in "\u00bb\u203a":
        return False, True
    # Straight marks carry no direction: flanking decides.
    if _is_wordish(prev) and _is_wordish(nxt):
        return False, False  # don't, 5'11, a"b
    if ch == '"' and prev == " " and _is_space(nxt) and i >= 2 and text[i - 2] in ",.!?":
        return False, True  # 'a disgrace that he is doing this, " Trump said': a stray space
    if ch == "'" and left_flanking and ELISION_AFTER.match(text, i + 1):
        return False, False
    return left_flanking, right_flanking


def find_quotations(text: str) -> tuple[Quotation, ...]:
    """Top-level quotations in ``text``; nested ones stay inside their outer quotation."""
    found: list[Quotation] = []
    stack: list[_Open] = []
    # Where the double-family openers stand in the stack, innermost last: a double closer
    # finds its opener at once, however many stray single openers lie above it.
    doubles: list[int] = []
    # A quotation left open at a paragraph end, waiting to see if the next paragraph
    # reopens it (the news convention for quotes that run over several paragraphs).
    pending: _Open | None = None
    pending_end = 0
    paragraphs = 1
    para_start = 0

    def emit(opener: _Open, close: int | None, close_end: int, paras: int) -> None:
        start, end = opener.end, close if close is not None else close_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            found.append(
                Quotation(
                    span=Span.of(text, start, end),
                    open_mark=opener.pos,
                    close_mark=close,
                    outer_end=close_end if close is not None else end,
                    paragraphs=paras,
                )
            )

    def flush_pending() -> None:
        nonlocal pending, paragraphs
        if pending is not None:
            emit(pending, None, pending_end, paragraphs)
            pending = None
            paragraphs = 1

    for m in MARK_OR_BREAK.finditer(text):
        i = m.start()
        if m.lastgroup == "brk":  # the one group that matched; cheaper than group("brk")
            if pending is not None and text[para_start:i].strip():
                flush_pending()  # a whole paragraph went by without reopening it
            if stack:
                # The paragraph ends with a quotation still open.
                pending, pending_end = stack[0], i
            stack.clear()
            doubles.clear()
            para_start = m.end()
            continue
        ch = m.group("mark")
        family = FAMILY[ch]
        j = m.end()
        can_open, can_close = _roles(text, i, j, ch)
        if pending is not None and not stack:
            # First mark after a paragraph break that left a quotation open.
            # News reopens with the very mark it opened with; a stray " left open is
            # not continued by the next paragraph's “.
            if text[para_start:i].strip() == "" and can_open and _same_style(pending.char, ch):
                stack.append(_Open(pos=pending.pos, end=pending.end, family=family, char=ch))
                if family == "double":
                    doubles.append(0)
                paragraphs += 1
                pending = None
                continue
            flush_pending()
        if can_close and stack and _possessive(text, i, j, ch, stack[-1]):
            can_close = False  # the Smiths’ fans: a later mark closes the quotation
        if can_close and stack:
            depth = _matching(stack, family, ch, doubles)
            if depth is not None:
                opener = stack[depth]
                del stack[depth:]
                while doubles and doubles[-1] >= depth:
                    doubles.pop()
                if not stack:
                    emit(opener, i, j, paragraphs)
                    paragraphs = 1
                continue
        if can_open:
            if family == "double":
                doubles.append(len(stack))
            stack.append(_Open(pos=i, end=j, family=family, char=ch))
    if stack:
        pending, pending_end = stack[0], len(text)
    flush_pending()
    return tuple(found)


def _same_style(first: str, again: str) -> bool:
    """Whether a reopening mark is typeset like the opening one (curly, straight, guillemet)."""
    return first == again or (first in DOUBLE_OPENERS and again in DOUBLE_OPENERS)


# A mark after the plural possessive that could still close a single quotation later in
# the paragraph: right-flanking ’ or ' within the next few hundred characters.
LATER_SINGLE_CLOSER = regex.compile(r"[^\s\n]['\u2019](?![\p{L}\p{N}])")
POSSESSIVE_LOOKAHEAD = 300


def _possessive(text: str, i: int, j: int, ch: str, top: _Open) -> bool:
    """Whether ’ after an s inside single quotes is a plural possessive, not the closer.

    "‘The Smiths’ fans never gave up,’ he said": the first ’ is followed by a word and
    another closing mark comes later in the paragraph, so it is an apostrophe.
    """
    if ch not in "'\u2019" or top.family != "single" or text[i - 1 : i] not in ("s", "S"):
        return False
    if not text[j : j + 2].startswith(" ") or not text[j + 1 : j + 2].isalpha():
        return False
    end = text.find("\n", j)
    limit = min(j + POSSESSIVE_LOOKAHEAD, len(text) if end == -1 else end)
    return LATER_SINGLE_CLOSER.search(text, j, limit) is not None


def _matching(stack: list[_Open], family: str, ch: str, doubles: list[int]) -> int | None:
    """Index of the opener this closer closes: the innermost one of its family.

    A double closer passes over anything left open inside it (a stray ‘ inside “…”,
    a guillemet), which is dropped with it; any other closer closes only the innermost
    opener. ``doubles`` are the double openers' indexes, so neither looks far.
    """
    if family != "double":
        return len(stack) - 1 if stack[-1].family == family else None
    if not doubles:
        return None
    depth = doubles[-1]
    if ch == "\u201c" and stack[depth].char != "\u201e":
        return None  # “ only closes German „
    return depth
