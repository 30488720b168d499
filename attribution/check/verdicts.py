"""Verdicts: what an article quote compared with the records is, in an editor's terms.

A quote that is a record's words (``align`` cost zero) credited to the record's
speaker (``names``) is fine; credited by name to someone else it is a
``misattribution``; closely resembling a record it is a ``misquote`` (the same
sentence changed), loosely a warning-level ``possible-misquote``; matching no
record and credited to someone, ``unverified-quote``. The thresholds below are the
policy, each pinned by a test on either side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from attribution.check.align import Alignment, Token, align, content_words, kept, tokens, words
from attribution.check.findings import DiffOp, Finding, Kind, parsed
from attribution.check.names import name_fits, same_surname, venue_fits
from attribution.check.records import Record, RecordFile
from attribution.check.source import line_column
from attribution.parse.frame import headline_end
from attribution.parse.model import Attribution, Rule

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
BORROWED_RULES: frozenset[Rule] = frozenset(
    {"previous-sentence", "subject-continues", "continues-previous-paragraph"}
)


#: How an article quote that is not a record's words resembles it: ``close`` is the same
#: sentence changed (a ``misquote``), ``loose`` only worth a ``possible-misquote`` warning.
Resemblance = Literal["close", "loose"]


def close_budget(words: int) -> int:
    """How many changed words a quote of ``words`` words may have and still be close: a quarter."""
    return max(1, words // 4)


def classify(
    *, words: int, stretch: int, cost: int, kept: int, own: bool, other: bool, related: bool
) -> Resemblance | None:
    """How an article quote resembles a record it was aligned with; None when not enough.

    ``words`` is the quote's length, ``stretch`` the record words it spans, ``cost`` its
    changed words and ``kept`` the words it keeps in order; ``own`` says the record is the
    credited speaker's, ``other`` that the article names someone else, ``related`` that
    the quote shares content words with the credited speaker's record.

    >>> classify(words=8, stretch=8, cost=2, kept=6, own=False, other=False, related=False)
    'close'
    >>> classify(words=8, stretch=8, cost=3, kept=5, own=False, other=False, related=False)
    >>> classify(words=8, stretch=8, cost=3, kept=6, own=True, other=False, related=False)
    'close'

    Three words are close only as a cut of a longer stretch, never when someone else is
    named for them ("not there yet" is anyone's words):

    >>> classify(words=3, stretch=4, cost=1, kept=2, own=True, other=False, related=False)
    'close'
    >>> classify(words=3, stretch=4, cost=1, kept=2, own=False, other=True, related=False)

    Loosely: the credited speaker's subject, a third of the words kept in order.

    >>> classify(words=9, stretch=12, cost=6, kept=3, own=True, other=False, related=True)
    'loose'
    >>> classify(words=9, stretch=12, cost=6, kept=2, own=True, other=False, related=True)
    """
    long_enough = (words if other else max(words, stretch)) >= MIN_CLOSE_WORDS
    if long_enough and (
        cost <= close_budget(words)
        # the credited speaker's sentence with a few words moved or swapped
        or (own and kept >= OWN_KEPT * words)
    ):
        return "close"
    if related and kept >= LOOSE_KEPT * words:
        return "loose"
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordCheck:
    """A record an article uses or must carry, with what the article got wrong."""

    record: Record
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
        return tuple(sorted(out, key=Finding.order))


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
                checks.append(RecordCheck(record=record, findings=tuple(found.get(record.id, ()))))
            elif record.required:
                missing = self._finding("missing-quote", record, None, article=article, text=text)
                checks.append(RecordCheck(record=record, findings=(missing,)))
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
        """A stray word glued to a recorded speaker's surname (``names.same_surname``)."""
        return any(same_surname(credited, known) for known in self.names.values())

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
        budget = close_budget(n_words)
        best: tuple[int, int, int, _Prepared, Alignment] | None = None
        for p in self.prepared:
            own = p.record.speaker in owners
            shared = len(quote_content & p.content)
            related = own and (shared >= 2 or (shared >= 1 and 2 * shared >= len(quote_content)))
            present = sum(w in p.vocabulary for w in quote_words)
            # A dropped word leaves a quote one word shorter than the stretch it garbles:
            # judge the length by the record's side as well ("ab aaaa aaaaa" from
            # "ab aaa aaaa aaaaa" is a four-word quote with a word missing).
            maybe_close = n_words + 1 >= MIN_CLOSE_WORDS and present >= n_words - budget
            if not (related or maybe_close):
                continue
            alignment = align(quote, p.words)
            resemblance = classify(
                words=n_words,
                stretch=alignment.end - alignment.start,
                cost=alignment.cost,
                kept=kept(alignment),
                own=own,
                other=named and not own,
                related=related,
            )
            if resemblance is None:
                continue
            close = resemblance == "close"
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
            **parsed(attribution),
            kind=kind,
            article=article,
            record=record.id if record else None,
            expected=record.text if record else None,
            line=line,
            column=column,
            record_speaker=record.speaker if record else None,
            record_file=self.shown_path,
            record_line=record.line if record else None,
            expected_venue=record.venue if record else None,
            diff=diff,
            level="fail" if policy == "fail" else "warn",
        )


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
