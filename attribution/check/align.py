"""Word alignment of an article quote inside a record, forgiving of typography.

Quotes are compared as sequences of normalised words, so case, punctuation,
quote-mark style, Unicode form and whitespace never matter. An article quote may
be any fragment of a record; an ellipsis stands for omitted words, ``[bracketed]``
words may replace or add words, and ``[sic]`` is ignored. Matching is a
semi-global alignment: free record words before and after the quote, every other
change costs one. A cost of zero is a match. What a cost means is ``verdicts``'s
business, and whether a name fits is ``names``'s.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from attribution.check.findings import DiffOp
from attribution.parse.char_classes import (
    COMPARE_APOSTROPHES,
    INVISIBLES,
    WORD_INSIDE,
    WORD_START,
    escaped,
)
from attribution.parse.wordlists import word_set

#: A word as the comparison reads it: letters and digits of any script, accents as
#: combining marks (NFD text), the invisible characters text pasted from the web leaves
#: inside words (soft hyphen, zero-width space and joiners), and inner apostrophes of
#: every form (O'Neill, O’Neill). A name's parts are read the same way (names.py).
_APOSTROPHES = escaped(COMPARE_APOSTROPHES)
WORD = f"[{WORD_START}][{WORD_INSIDE}]*(?:['{_APOSTROPHES}][{WORD_START}][{WORD_INSIDE}]*)*"

TOKEN = regex.compile(
    rf"""
      (?P<sic>\[\s*sic\s*\])                       # [sic]: the speaker's own slip, kept on purpose
    | (?P<gap>\[\s*(?:…|\.\s*\.\s*\.)\s*\]          # [...] or […]: omitted words, bracketed
      | \.\s?\.\s?\.                               # ... or . . .: omitted words
      | …)                                         # the single ellipsis character
    | \[(?P<bracket>[^\[\]]*)\]                    # [words]: the writer's replacement or addition
    | (?P<word>{WORD})                             # a word
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

#: Typographic apostrophes, and the left mark or prime set for one: compare equal to '.
APOSTROPHE = regex.compile(f"[{_APOSTROPHES}]")

#: Characters that change nothing a reader sees inside a word, dropped before comparing.
INVISIBLE = dict.fromkeys(map(ord, INVISIBLES))

#: Words too common to show that two quotes are about the same thing.
STOPWORDS = word_set("comparison_stopwords.txt")

#: One changed word; the units below it only break ties between equally cheap alignments.
EDIT = 1 << 20
#: A changed word costs a hair more than an added or dropped one, so diffs keep equal words equal.
SUBSTITUTE = EDIT + 2
INDEL = EDIT + 1
#: A small reward per kept word: of equally cheap alignments, the one that keeps most words wins.
SAME = -3

#: The back pointer of a cell no trace follows: row 0, and a cell before its move is chosen.
NO_MOVE = (-1, -1)

Tag = Literal["word", "gap", "bracket"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Token:
    """One unit of a quote: a word, an ellipsis, or a bracketed insertion."""

    tag: Tag
    norm: str
    shown: str
    size: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment:
    """The cheapest way to read an article quote out of a record."""

    cost: int
    start: int
    end: int
    ops: tuple[DiffOp, ...]


def tokens(text: str) -> tuple[Token, ...]:
    """An article quote as the matcher sees it."""
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        if m.group("sic") is not None:
            continue
        if m.group("gap") is not None:
            if not out or out[-1].tag != "gap":
                out.append(Token(tag="gap", norm="…", shown="…"))
            continue
        inner = m.group("bracket")
        if inner is not None:
            size = len(words(inner))
            out.append(Token(tag="bracket", norm=inner, shown=f"[{inner}]", size=size))
            continue
        word = m.group("word")
        out.append(Token(tag="word", norm=normalise(word), shown=word))
    return tuple(out)


def words(text: str) -> tuple[Token, ...]:
    """A record's words: its own brackets are the editor's and count as words."""
    return tuple(
        Token(tag="word", norm=normalise(m.group("word")), shown=m.group("word"))
        for m in TOKEN.finditer(text)
        if m.group("word") is not None
    )


def normalise(word: str) -> str:
    """A word as compared: one Unicode form (NFC), no invisible characters, one apostrophe,
    no case. Only the comparison sees this; offsets and shown words stay as written."""
    composed = unicodedata.normalize("NFC", word.translate(INVISIBLE))
    return APOSTROPHE.sub("'", composed).casefold()


def content_words(norms: Iterable[str]) -> frozenset[str]:
    """The words that say what a quote is about (two quotes sharing them may be one)."""
    return frozenset(w for w in norms if w not in STOPWORDS)


def align(quote: Sequence[Token], record: Sequence[Token]) -> Alignment:
    """Semi-global word alignment of ``quote`` inside ``record`` (free record ends)."""
    n, m = len(quote), len(record)
    inf = (n + m + 1) * EDIT
    width = m + 1  # a column before each record word, and one after the last
    cost = [[0] * width] + [[inf] * width for _ in range(n)]
    # back[i][j] = (previous i, previous j) for the cell's best move
    back: list[list[tuple[int, int]]] = [[NO_MOVE] * width for _ in range(n + 1)]
    for i in range(1, n + 1):
        tok, prev, row, brow = quote[i - 1], cost[i - 1], cost[i], back[i]
        if tok.tag == "word":
            for j in range(m + 1):
                best, src = prev[j] + INDEL, (i - 1, j)  # article word not in the record
                if j:
                    c = prev[j - 1] + (SUBSTITUTE if record[j - 1].norm != tok.norm else SAME)
                    if c <= best:
                        best, src = c, (i - 1, j - 1)
                row[j], brow[j] = best, src
        elif tok.tag == "gap":
            low, at = inf, 0
            for j in range(m + 1):
                if prev[j] < low:
                    low, at = prev[j], j
                row[j], brow[j] = low, (i - 1, at)
        else:
            span = tok.size + 3
            for j in range(m + 1):
                best, src = inf, (i - 1, j)
                for k in range(max(0, j - span), j + 1):
                    if prev[k] + (j - k) < best:  # absorb as few words as will do
                        best, src = prev[k] + (j - k), (i - 1, k)
                row[j], brow[j] = best, src
        for j in range(1, m + 1):  # a record word the article dropped
            if row[j - 1] + INDEL < row[j]:
                row[j], brow[j] = row[j - 1] + INDEL, (i, j - 1)
    end = min(range(m + 1), key=lambda j: (cost[n][j], j))
    start, ops = _trace(quote, record, back, n, end)
    start, end, ops = _widen(record, start, end, ops)
    return Alignment(cost=round(cost[n][end] / EDIT), start=start, end=end, ops=ops)


def _widen(
    record: Sequence[Token], start: int, end: int, ops: tuple[DiffOp, ...]
) -> tuple[int, int, tuple[DiffOp, ...]]:
    """Show words added at either edge as replacing the record's neighbouring words.

    The alignment leaves record words outside the quote free, so an article that
    swaps a record's last words shows only additions; pairing them with the words
    they displaced is the diff an editor expects.
    """
    out = list(ops)
    if out and out[-1].tag == "insert" and end < len(record):
        take = min(len(out[-1].article), len(record) - end)
        rec = tuple(t.shown for t in record[end : end + take])
        out[-1] = DiffOp(tag="replace", record=rec, article=out[-1].article)
        end += take
    if out and out[0].tag == "insert" and start > 0:
        take = min(len(out[0].article), start)
        rec = tuple(t.shown for t in record[start - take : start])
        out[0] = DiffOp(tag="replace", record=rec, article=out[0].article)
        start -= take
    return start, end, tuple(out)


def _trace(
    quote: Sequence[Token],
    record: Sequence[Token],
    back: list[list[tuple[int, int]]],
    n: int,
    end: int,
) -> tuple[int, tuple[DiffOp, ...]]:
    """Walk the back pointers into diff runs, merging neighbours of the same kind.

    A step only says whether it keeps the words (an ellipsis or a bracket keeps what it
    stands for); whether a changed run deletes, inserts or replaces is read from its words.
    """
    steps: list[tuple[bool, tuple[str, ...], tuple[str, ...]]] = []  # (kept, record, article)
    i, j = n, end
    while i > 0:
        pi, pj = back[i][j]
        if pi == i:
            steps.append((False, (record[pj].shown,), ()))  # a record word the article dropped
        else:
            tok = quote[i - 1]
            rec = tuple(t.shown for t in record[pj:j])
            if tok.tag == "word" and pj == j:
                steps.append((False, (), (tok.shown,)))  # an article word the record lacks
            elif tok.tag == "word":
                steps.append((record[pj].norm == tok.norm, rec, (tok.shown,)))
            else:
                steps.append((True, rec, (tok.shown,)))
        i, j = pi, pj
    steps.reverse()
    ops: list[DiffOp] = []
    for same, rec, art in steps:
        if ops and (ops[-1].tag == "equal") == same:
            last = ops.pop()
            rec, art = last.record + rec, last.article + art
        ops.append(DiffOp(tag=_tag(same, rec, art), record=rec, article=art))
    return j, tuple(ops)


def _tag(
    same: bool, rec: tuple[str, ...], art: tuple[str, ...]
) -> Literal["equal", "replace", "delete", "insert"]:
    if same:
        return "equal"
    if not art:
        return "delete"
    if not rec:
        return "insert"
    return "replace"


def kept(alignment: Alignment) -> int:
    """Quote words the alignment keeps unchanged."""
    return sum(len(op.record) for op in alignment.ops if op.tag == "equal")
