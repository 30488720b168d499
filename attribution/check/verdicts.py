"""Compare an article's attributions with the records: word-level, forgiving of typography.

Quotes are compared as sequences of normalised words, so case, punctuation,
quote-mark style and whitespace never matter. An article quote may be any
fragment of a record; an ellipsis stands for omitted words, ``[bracketed]``
words may replace or add words, and ``[sic]`` is ignored. Matching is a
semi-global alignment: free record words before and after the quote, every
other change costs one. A cost of zero is a match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from attribution.check.findings import DiffOp, Finding, Kind
from attribution.check.records import Record, RecordFile
from attribution.parse.frame import headline_end
from attribution.parse.model import Attribution
from attribution.parse.wordlists import is_given_name

TOKEN = regex.compile(
    r"""
      (?P<sic>\[\s*sic\s*\])                       # [sic]: the speaker's own slip, kept on purpose
    | (?P<gap>\[\s*(?:…|\.\s*\.\s*\.)\s*\]          # [...] or […]: omitted words, bracketed
      | \.\s?\.\s?\.                               # ... or . . .: omitted words
      | …)                                         # the single ellipsis character
    | \[(?P<bracket>[^\[\]]*)\]                    # [words]: the writer's replacement or addition
    | (?P<word>{letter}{inside}*(?:{apostrophe}{letter}{inside}*)*)  # a word; inner apostrophes too
    """.format(
        letter=r"[\p{L}\p{N}]",
        # accents as combining marks (NFD text), and the invisible characters text pasted
        # from the web leaves inside words: soft hyphen, zero-width space and joiners
        inside=r"[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]",
        apostrophe=r"['’ʼ‘′]",
    ),
    regex.VERBOSE | regex.IGNORECASE,
)

APOSTROPHE = regex.compile(
    r"""
    [’ʼ‘′]   # typographic apostrophes, and the left mark or prime set for one, compare
             # equal to the typewriter apostrophe
    """,
    regex.VERBOSE,
)

# Characters that change nothing a reader sees inside a word: soft hyphen, zero-width
# space, zero-width non-joiner and joiner, word joiner. Dropped before comparing.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060"))

NAME_PART = regex.compile(
    r"""
    [\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]*
    (?:['’ʼ‘′][\p{L}\p{N}][\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060]*)*
    # one part of a name, accents and invisibles kept; dots, commas and hyphens split
    """,
    regex.VERBOSE,
)


def _word_set(words: str) -> frozenset[str]:
    """Word lists read best as plain words."""
    return frozenset(words.split())


# Words too common to show that two quotes are about the same thing.
STOPWORDS = _word_set(
    """a an and are as at be been but by do does for from had has have he her his i if in into
    is it its me my no not of on or our she so than that the their them there these they
    this those to was we were what when which who will with would you your"""
)

# Words around a name that are not the name.
NAME_NOISE = _word_set(
    """mr mrs ms dr prof gov sen rep gen president secretary minister spokesperson spokesman
    spokeswoman jr sr ii iii iv"""
)

#: A quote this short that matches someone else's record is too common to call a misattribution.
MIN_MISATTRIBUTION_WORDS = 3
#: A quote credited to nobody in particular is a misquote only when this long and this close.
MIN_CLOSE_WORDS = 4
#: A looser resemblance to the credited speaker's record must keep this share of the quote's
#: words, in order, to be worth a ``possible-misquote`` warning.
LOOSE_KEPT = 1 / 3
#: A quote credited to the record's speaker that keeps this share of its words in order is
#: that sentence changed ("What exactly they are doing?" for "What exactly are they doing?").
OWN_KEPT = 0.75
#: Rules that borrow a speaker from a neighbouring sentence: the venue of that sentence's
#: cue is not stated for this quote, so it never makes a ``venue-mismatch``.
BORROWED_RULES = frozenset({"previous-sentence", "continues-previous-paragraph"})

#: One changed word; the units below it only break ties between equally cheap alignments.
EDIT = 1 << 20
#: A changed word costs a hair more than an added or dropped one, so diffs keep equal words equal.
SUBSTITUTE = EDIT + 2
INDEL = EDIT + 1
#: A small reward per kept word: of equally cheap alignments, the one that keeps most words wins.
SAME = -3

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


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCheck:
    """A record an article uses or must carry, with what the article got wrong."""

    record: Record
    quotes: tuple[Attribution, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleCheck:
    """Everything one record file says about one article."""

    article: str
    records: tuple[RecordCheck, ...]
    unverified: tuple[Finding, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        out = [f for check in self.records for f in check.findings]
        out.extend(self.unverified)
        return tuple(sorted(out, key=_finding_order))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Credit:
    """Whom an article credits: the file's speakers it may mean, and whether it names anyone."""

    owners: frozenset[str]
    named: bool

    def other_than(self, speaker: str) -> bool:
        """The article really credits someone else: another recorded speaker, or a clear name."""
        return speaker not in self.owners and (bool(self.owners) or self.named)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Prepared:
    """A record tokenised once, with the cheap sets used to skip hopeless alignments."""

    record: Record
    words: tuple[Token, ...]
    joined: str
    vocabulary: frozenset[str]
    content: frozenset[str]


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
    return frozenset(w for w in norms if w not in STOPWORDS)


def align(quote: Sequence[Token], record: Sequence[Token]) -> Alignment:
    """Semi-global word alignment of ``quote`` inside ``record`` (free record ends)."""
    n, m = len(quote), len(record)
    inf = (n + m + 1) * EDIT
    cost = [[0] * (m + 1)] + [[inf] * (m + 1) for _ in range(n)]
    # back[i][j] = (previous i, previous j) for the cell's best move
    back: list[list[tuple[int, int]]] = [[(-1, -1)] * (m + 1) for _ in range(n + 1)]
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
    return Alignment(cost=(cost[n][end] + EDIT // 2) // EDIT, start=start, end=end, ops=ops)


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
    """Walk the back pointers into diff runs, merging neighbours of the same kind."""
    steps: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    i, j = n, end
    while i > 0:
        pi, pj = back[i][j]
        if pi == i:
            steps.append(("delete", (record[pj].shown,), ()))
        else:
            tok = quote[i - 1]
            rec = tuple(t.shown for t in record[pj:j])
            if tok.tag == "word" and pj == j:
                steps.append(("insert", (), (tok.shown,)))
            elif tok.tag == "word":
                same = record[pj].norm == tok.norm
                steps.append(("equal" if same else "replace", rec, (tok.shown,)))
            else:
                steps.append(("equal", rec, (tok.shown,)))
        i, j = pi, pj
    steps.reverse()
    ops: list[DiffOp] = []
    for tag, rec, art in steps:
        kind = "equal" if tag == "equal" else "replace"
        if ops and (ops[-1].tag == "equal") == (kind == "equal"):
            last = ops.pop()
            rec, art = last.record + rec, last.article + art
        ops.append(DiffOp(tag=_tag(kind, rec, art), record=rec, article=art))
    return j, tuple(ops)


def _tag(
    kind: str, rec: tuple[str, ...], art: tuple[str, ...]
) -> Literal["equal", "replace", "delete", "insert"]:
    if kind == "equal":
        return "equal"
    if not art:
        return "delete"
    if not rec:
        return "insert"
    return "replace"


def name_forms(name: str) -> tuple[str, ...]:
    """A name without titles, suffixes or initials, as lower-case parts."""
    parts = [normalise(p) for p in NAME_PART.findall(name)]  # O’Neill is O'Neill
    kept = tuple(p for p in parts if p not in NAME_NOISE and len(p) > 1)
    return kept or tuple(parts)


def name_fits(credited: str, known: Iterable[str]) -> bool:
    """Does the article's name refer to one of the record's names?

    Equal after dropping titles, suffixes and initials, or a bare surname.
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
    """A stated venue fits when it shares a content word with the record's ("Rome, Italy")."""
    mine = content_words(w.norm for w in words(stated)) - VENUE_NOISE
    theirs = content_words(w.norm for w in words(recorded)) - VENUE_NOISE
    return not mine or not theirs or bool(mine & theirs)


VENUE_NOISE = _word_set("during speaking told comments")


class Matcher:
    """One record file, prepared once and applied to each of its articles."""

    def __init__(self, records: RecordFile, *, shown_path: str) -> None:
        self.file = records
        self.shown_path = shown_path
        self.names: dict[str, tuple[str, ...]] = {}
        for record in records.records:
            self.names.setdefault(record.speaker, (record.speaker,))
        for speaker in records.speakers:
            self.names[speaker.name] = (speaker.name, *speaker.aliases)
        self.prepared = tuple(_prepare(r) for r in records.records)

    def speaker_of(self, credited: str | None) -> str | None:
        """The canonical name in this file that the article's name refers to."""
        if credited is None:
            return None
        for canonical, known in self.names.items():
            if name_fits(credited, known):
                return canonical
        return None

    def check(
        self, *, article: str, text: str, attributions: Sequence[Attribution]
    ) -> ArticleCheck:
        used: dict[str, list[Attribution]] = {}
        found: dict[str, list[Finding]] = {}
        unverified: list[Finding] = []
        headline = headline_end(text)
        for attribution in attributions:
            quote = tokens(attribution.quote.text)
            if not any(t.tag == "word" for t in quote):
                continue
            outcome = self._judge(
                attribution,
                quote,
                article=article,
                text=text,
                display=attribution.quote.start < headline,
            )
            if outcome is None:
                continue
            record, judged = outcome
            if record is None:
                unverified.extend(judged)
                continue
            used.setdefault(record.id, []).append(attribution)
            kept = [f for f in judged if self.file.policy(f.kind) != "ignore"]
            found.setdefault(record.id, []).extend(kept)
        checks: list[RecordCheck] = []
        for prepared in self.prepared:
            record = prepared.record
            if record.id in used:
                checks.append(
                    RecordCheck(
                        record=record,
                        quotes=tuple(used[record.id]),
                        findings=tuple(found.get(record.id, ())),
                    )
                )
            elif record.required:
                missing = self._finding("missing-quote", record, None, article=article, text=text)
                checks.append(RecordCheck(record=record, quotes=(), findings=(missing,)))
        return ArticleCheck(
            article=article,
            records=tuple(checks),
            unverified=tuple(f for f in unverified if self.file.policy(f.kind) != "ignore"),
        )

    def _credit(self, attribution: Attribution) -> _Credit:
        """Whom the article credits, in this file's terms.

        A quote is the record speaker's when the article's name fits them or, for a
        pronoun or description that fits several people, when they are among its
        candidates. The article names someone for sure only when the parser found a
        person or an organisation whose name is not a stray word glued to a recorded
        speaker's surname.
        """
        credited = attribution.speaker
        if credited is None:
            return _Credit(owners=frozenset(), named=False)
        everyone = (credited, *attribution.candidates)
        owners = frozenset(c for c in map(self.speaker_of, everyone) if c)
        named = attribution.speaker_kind in ("person", "organisation") and not any(
            self._same_surname(c) for c in everyone
        )
        return _Credit(owners=owners, named=named)

    def _same_surname(self, credited: str) -> bool:
        """A name that shares a surname with a recorded speaker but not a known first name.

        "Maybe Smith" or "Reporter Smith" for John Smith is the parser keeping a stray
        word; "Jane Smith" is somebody else. Without evidence either way, no verdict.
        """
        mine = name_forms(credited)
        for known in self.names.values():
            for name in known:
                theirs = name_forms(name)
                if mine and theirs and mine[-1] == theirs[-1]:
                    extra = [p for p in mine[:-1] if p not in theirs]
                    if not any(is_given_name(p) for p in extra):
                        return True
        return False

    def _judge(
        self,
        attribution: Attribution,
        quote: tuple[Token, ...],
        *,
        article: str,
        text: str,
        display: bool = False,
    ) -> tuple[Record | None, tuple[Finding, ...]] | None:
        """The record a quote uses and what is wrong with it; None when it says nothing.

        A headline is compressed by design: a quotation in a title-case headline ("Ryan:
        Anti-Semitic Images Have 'No Place In A Presidential Campaign'") that resembles
        a record is at most a ``possible-misquote``. Capitals alone are no reason: case
        is forgiven, never a verdict.
        """
        credit = self._credit(attribution)
        exact = [p for p in self.prepared if _matches(quote, p)]
        n_words = sum(t.tag == "word" for t in quote)
        if exact:
            own = [p for p in exact if p.record.speaker in credit.owners]
            if own:
                record = own[0].record
                venue = attribution.venue
                if (
                    record.venue
                    and venue
                    and attribution.rule not in BORROWED_RULES
                    and not venue_fits(venue.text, record.venue)
                ):
                    return record, (
                        self._finding(
                            "venue-mismatch", record, attribution, article=article, text=text
                        ),
                    )
                return record, ()
            if n_words >= MIN_MISATTRIBUTION_WORDS:
                record = exact[0].record
                if credit.other_than(record.speaker):
                    return record, (
                        self._finding(
                            "misattribution", record, attribution, article=article, text=text
                        ),
                    )
                return record, ()  # nobody we can name for sure: no verdict
        near = self._nearest(quote, credit.owners, n_words, named=credit.named)
        if near is not None:
            prepared, alignment, close = near
            close = close and not display
            kinds: list[Kind] = ["misquote" if close else "possible-misquote"]
            if close and credit.other_than(prepared.record.speaker):
                kinds.append("misattribution")  # words changed and credited to another: say both
            return prepared.record, tuple(
                self._finding(
                    kind,
                    prepared.record,
                    attribution,
                    article=article,
                    text=text,
                    diff=alignment.ops,
                )
                for kind in kinds
            )
        if attribution.speaker is None:
            return None
        return None, (
            self._finding("unverified-quote", None, attribution, article=article, text=text),
        )

    def _nearest(
        self, quote: tuple[Token, ...], owners: frozenset[str], n_words: int, *, named: bool
    ) -> tuple[_Prepared, Alignment, bool] | None:
        """The record this quote most plausibly garbles, if any, and whether closely.

        Close: the same sentence with a few words changed (at most a quarter, or for
        the credited speaker's own record three in four words kept in order), four
        words or more; anyone's record counts. Loose: a quote credited to a recorded
        speaker that shares content words with one of their records and keeps at
        least ``LOOSE_KEPT`` of its words in order; records are partial, so this is
        only ever a ``possible-misquote``.
        """
        quote_words = [t.norm for t in quote if t.tag == "word"]
        quote_content = content_words(quote_words)
        close_budget = max(1, n_words // 4)
        best: tuple[int, int, int, _Prepared, Alignment] | None = None
        for p in self.prepared:
            own = p.record.speaker in owners
            shared = len(quote_content & p.content)
            loose = own and (shared >= 2 or (shared >= 1 and 2 * shared >= len(quote_content)))
            present = sum(w in p.vocabulary for w in quote_words)
            # A dropped word leaves a quote one word shorter than the stretch it garbles:
            # judge the length by the record's side as well ("ab aaaa aaaaa" from
            # "ab aaa aaaa aaaaa" is a four-word quote with a word missing).
            maybe_close = n_words + 1 >= MIN_CLOSE_WORDS and present >= n_words - close_budget
            if not (loose or maybe_close):
                continue
            alignment = align(quote, p.words)
            stretch = alignment.end - alignment.start
            # A dropped word may leave a quote one word short of the stretch it garbles;
            # a quote the article credits by name to someone else must itself be long
            # enough to be that sentence ("not there yet" is anyone's words).
            other = named and not own
            long_enough = (n_words if other else max(n_words, stretch)) >= MIN_CLOSE_WORDS
            close = long_enough and (
                alignment.cost <= close_budget
                # the credited speaker's sentence with a few words moved or swapped
                or (own and _kept(alignment) >= OWN_KEPT * n_words)
            )
            if not close and not (loose and _kept(alignment) >= LOOSE_KEPT * n_words):
                continue
            rank = (0 if close else 1, alignment.cost, 0 if own else 1)
            if best is None or rank < best[:3]:
                best = (*rank, p, alignment)
        return None if best is None else (best[3], best[4], best[0] == 0)

    def _finding(
        self,
        kind: Kind,
        record: Record | None,
        attribution: Attribution | None,
        *,
        article: str,
        text: str,
        diff: tuple[DiffOp, ...] = (),
    ) -> Finding:
        line = column = None
        if attribution is not None:
            line, column = line_column(text, attribution.quote.start)
        policy = self.file.policy(kind)
        return Finding(
            kind=kind,
            article=article,
            record=record.id if record else None,
            speaker=attribution.speaker if attribution else None,
            quote=attribution.quote.text if attribution else "",
            expected=record.text if record else None,
            line=line,
            column=column,
            record_speaker=record.speaker if record else None,
            record_file=self.shown_path,
            record_line=record.line if record else None,
            venue=attribution.venue.text if attribution and attribution.venue else None,
            expected_venue=record.venue if record else None,
            rule=attribution.rule if attribution else None,
            mention=attribution.mention.text if attribution and attribution.mention else None,
            cue=attribution.cue.text if attribution and attribution.cue else None,
            diff=diff,
            level="fail" if policy == "fail" else "warn",
            candidates=attribution.candidates[1:] if attribution else (),
        )


def _kept(alignment: Alignment) -> int:
    """Quote words the alignment keeps unchanged."""
    return sum(len(op.record) for op in alignment.ops if op.tag == "equal")


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _prepare(record: Record) -> _Prepared:
    ws = words(record.text)
    norms = [w.norm for w in ws]
    return _Prepared(
        record=record,
        words=ws,
        joined=f" {' '.join(norms)} ",
        vocabulary=frozenset(norms),
        content=content_words(norms),
    )


def _matches(quote: tuple[Token, ...], prepared: _Prepared) -> bool:
    if all(t.tag == "word" for t in quote):
        return f" {' '.join(t.norm for t in quote)} " in prepared.joined
    present = [t.norm for t in quote if t.tag == "word"]
    if not all(w in prepared.vocabulary for w in present):
        return False
    return align(quote, prepared.words).cost == 0


def _finding_order(f: Finding) -> tuple[str, int, int, str, str]:
    return (f.article, f.line or 0, f.column or 0, f.kind, f.record or "")
