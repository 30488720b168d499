"""Consensus across outlets: the same words of the same speaker, as several articles print them.

No record is needed. Quotes are grouped when they are credited to the same speaker
(names that fit as records' names do, ``compare.name_fits``, or one transliteration
apart: Zelensky, Zelenskyy) and share enough words; candidate pairs come from an
index of word bigrams per speaker, so the work grows with the number of quotes, not
with its square. Within a group the consensus is the member wording that most
outlets' quotes agree with, and every other outlet's quote is read against it with
the records' word alignment (``compare.align``):

- ``consensus``/``agrees``: the quote is that wording or a fragment of it;
- ``form``: the same words in another order or contraction ("are they" for "they're");
- ``words``: words changed, added or dropped ("you" for "they");
- ``paraphrase``: a quote that keeps under three quarters of its words in any other
  outlet's version (a machine translation, a rewrite);
- ``elsewhere``: another stretch of the same statement that this wording does not cover.

An outlet departs when one of its quotes is ``words`` or ``paraphrase``. A group has
a majority when more outlets agree with the consensus than share any one departure;
then the departing outlets are its outliers. A group one outlet reports is no finding.
"""

from __future__ import annotations

import argparse
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regex

from attribution.check.align import STOPWORDS, Token, align, normalise, tokens, words
from attribution.check.findings import DiffOp, Finding, Kind, diff_text, parsed
from attribution.check.names import name_fits, name_forms
from attribution.check.records import RecordFile
from attribution.check.source import line_column
from attribution.parse.model import Attribution

Status = Literal["consensus", "agrees", "form", "words", "paraphrase", "elsewhere"]
Verdict = Literal["agree", "majority", "disputed", "single"]

#: A quote that keeps this share of its words in another outlet's version is that quote.
CLOSE = 0.75
#: Quotes are the same words when the shorter keeps this share of its words in the longer.
LINK = 0.4
#: Words kept in a row that show two quotes are one statement.
RUN = 3
#: An index key held by more quotes of one speaker than this says nothing about which.
MAX_POSTINGS = 40
#: At most this many member wordings are tried as a group's consensus.
MAX_CANDIDATES = 8
#: Quotes this short are also indexed by their content words ("very serious", "serious problem").
SHORT = 4
#: Kinds of speaker whose names can be compared across articles; others must be spelled alike.
NAMED_KINDS = frozenset({"person", "organisation"})

_DEPARTS: frozenset[Status] = frozenset({"words", "paraphrase"})
_RANK: dict[Status, int] = {
    "consensus": 0,
    "agrees": 0,
    "elsewhere": 0,  # neutral: never counted for or against
    "form": 1,
    "words": 2,
    "paraphrase": 2,
}

_CONTRACTIONS = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'m", "am"),
    ("'d", "would"),
)
_IRREGULAR = {"won't": ("will", "not"), "can't": ("can", "not"), "shan't": ("shall", "not")}
#: Letters that stand as a word only in broken text ("y have" for "they have").
_FRAGMENTS = frozenset({*"bcdefghjklmnpqrstuvwxyz", "re", "ve", "ll", "nt"})
SLUG_RUN = regex.compile(
    r"""
    [^\p{L}\p{N}]+   # anything that is not a letter or digit becomes one hyphen
    """,
    regex.VERBOSE,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article as the consensus reads it: its path as shown, the file's text, and the
    attributions with every span in that text (Markdown and HTML mapped back by
    ``formats.Document``), so lines and columns point into the file as written."""

    path: str
    text: str
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Variant:
    """One article quote in a group, read against the group's consensus wording."""

    article: str
    attribution: Attribution
    line: int
    column: int
    status: Status
    #: The word diff from the consensus to this quote (empty when it agrees).
    diff: tuple[DiffOp, ...]
    #: Words this quote has that the consensus lacks there, and the other way round.
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    #: Words that look broken ("y", "re"): letters lost in the article's text.
    suspect: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.attribution.quote.text

    @property
    def departs(self) -> bool:
        return self.status in _DEPARTS


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """Quotes of one speaker that report the same words, and what the outlets agree on."""

    id: str
    speaker: str
    #: Every name the articles use for the speaker (resolved names and named mentions).
    names: tuple[str, ...]
    consensus: Variant
    variants: tuple[Variant, ...]
    articles: tuple[str, ...]
    verdict: Verdict
    outliers: tuple[str, ...]

    @property
    def agreeing(self) -> tuple[str, ...]:
        """Outlets whose quotes of these words agree with the consensus (in words, if not form)."""
        departing = set(self.departing)
        return tuple(
            dict.fromkeys(
                v.article
                for v in self.variants
                if v.status != "elsewhere" and v.article not in departing
            )
        )

    @property
    def departing(self) -> tuple[str, ...]:
        """Outlets with a quote in other words than the consensus (outliers, if a majority)."""
        return tuple(dict.fromkeys(v.article for v in self.variants if v.departs))

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "speaker": self.speaker,
            "names": list(self.names),
            "verdict": self.verdict,
            "articles": list(self.articles),
            "outliers": list(self.outliers),
            "consensus": {"article": self.consensus.article, "text": self.consensus.text},
            "variants": [
                {
                    "article": v.article,
                    "text": v.text,
                    "line": v.line,
                    "column": v.column,
                    "speaker": v.attribution.speaker,
                    "status": v.status,
                    "diff": diff_text(v.diff),
                    "added": list(v.added),
                    "dropped": list(v.dropped),
                    "suspect": list(v.suspect),
                }
                for v in self.variants
            ],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class _Member:
    """A quote as the grouping sees it."""

    number: int
    article: int
    attribution: Attribution
    cluster: int
    tokens: tuple[Token, ...]
    record_words: tuple[Token, ...]
    norms: tuple[str, ...]
    #: The quote's words with contractions spelled out, counted: a cheap bound on what
    #: an alignment with another quote can keep.
    bag: Counter[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Relation:
    """How one quote reads inside another wording."""

    cost: int
    diff: tuple[DiffOp, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    kept: int
    kept_content: int
    size: int
    #: The longest run of words kept in order.
    run: int


@functools.lru_cache(maxsize=65536)
def expand(norm: str) -> tuple[str, ...]:
    """A normalised word with its contraction spelled out ("they're" -> they, are)."""
    if norm in _IRREGULAR:
        return _IRREGULAR[norm]
    for tail, full in _CONTRACTIONS:
        if norm.endswith(tail) and len(norm) > len(tail):
            return (norm[: -len(tail)], full)
    return (norm,)


def suspect_words(quote: Sequence[Token]) -> tuple[str, ...]:
    """Words that stand alone only when letters were lost ("y have", "re are")."""
    return tuple(t.shown for t in quote if t.tag == "word" and t.norm in _FRAGMENTS)


def relate(quote: Sequence[Token], wording: Sequence[Token]) -> _Relation:
    """Read ``quote`` inside ``wording`` as the records do, and sum up what changed."""
    alignment = align(quote, wording)
    plus: Counter[str] = Counter()
    minus: Counter[str] = Counter()
    for op in alignment.ops:
        if op.tag == "equal":
            continue
        plus.update(w for word in op.article for w in expand(normalise(word)))
        minus.update(w for word in op.record for w in expand(normalise(word)))
    added, dropped = plus - minus, minus - plus
    mine = Counter(w for t in quote if t.tag == "word" for w in expand(t.norm))
    kept = mine - added
    return _Relation(
        cost=alignment.cost,
        diff=alignment.ops if alignment.cost else (),
        added=tuple(sorted(added.elements())),
        dropped=tuple(sorted(dropped.elements())),
        kept=sum(kept.values()),
        kept_content=sum(n for w, n in kept.items() if w not in STOPWORDS),
        size=sum(mine.values()),
        run=max((len(op.record) for op in alignment.ops if op.tag == "equal"), default=0),
    )


def same_speaker(a: str, b: str) -> bool:
    """Names of one person: as records fit names, or one transliteration apart."""
    if name_fits(a, (b,)):
        return True
    mine, theirs = name_forms(a), name_forms(b)
    if len(mine) < 2 or len(theirs) < 2 or mine[0] != theirs[0]:
        return False
    x, y = mine[-1], theirs[-1]
    shared = 0
    for p, q in zip(x, y, strict=False):
        if p != q:
            break
        shared += 1
    return shared >= max(5, min(len(x), len(y)) - 2)


def build(articles: Sequence[Article]) -> tuple[Group, ...]:
    """Every group of quotes of the same words, in the order they first appear."""
    names = _speaker_names(articles)
    clusters = _cluster(names)
    members: list[_Member] = []
    for index, article in enumerate(articles):
        for attribution in article.attributions:
            if attribution.speaker is None:
                continue
            quote = tokens(attribution.quote.text)
            norms = tuple(t.norm for t in quote if t.tag == "word")
            if not norms:
                continue
            members.append(
                _Member(
                    number=len(members),
                    article=index,
                    attribution=attribution,
                    cluster=clusters[(attribution.speaker, _kind_key(attribution))],
                    tokens=quote,
                    record_words=words(attribution.quote.text),
                    norms=norms,
                    bag=Counter(w for n in norms for w in expand(n)),
                )
            )
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    close: set[int] = set()
    for a, b in _candidate_pairs(members):
        short, long = (a, b) if len(a.norms) <= len(b.norms) else (b, a)
        size = sum(short.bag.values())
        shared = short.bag & long.bag
        if sum(shared.values()) < LINK * size or not any(w not in STOPWORDS for w in shared):
            continue  # no alignment can keep enough of the shorter quote
        rel = relate(short.tokens, long.record_words)
        if _linked(rel):
            parent[find(a.number)] = find(b.number)
            if rel.kept >= CLOSE * rel.size:
                close.update((a.number, b.number))
    grouped: dict[int, list[_Member]] = {}
    for member in members:
        grouped.setdefault(find(member.number), []).append(member)
    canonical = _canonical_names(articles, clusters)
    mentioned = _mentioned_names(articles, clusters)
    out: list[Group] = []
    taken: set[str] = set()
    for group_members in grouped.values():
        group = _judge(group_members, articles, close, canonical, mentioned, taken)
        taken.add(group.id)
        out.append(group)
    return tuple(out)


def _linked(rel: _Relation) -> bool:
    """Enough shared words to be the same statement.

    A short quote must keep two words, one of them a content word, and half of its
    words ("very serious" in "that is a very serious issue"); a longer one two content
    words and ``LINK`` of its words. Unless it keeps three quarters of its words
    ("are they" for "they're" breaks a run), some must be kept as a run (three, or the
    whole of a shorter quote): quotes that share only scattered words are different
    statements on the same subject.
    """
    if rel.run < min(RUN, rel.size) and rel.kept < CLOSE * rel.size:
        return False
    if rel.size <= SHORT:
        return rel.kept >= 2 and rel.kept_content >= 1 and 2 * rel.kept >= rel.size
    return rel.kept_content >= 2 and rel.kept >= LINK * rel.size


def _kind_key(attribution: Attribution) -> str:
    return "named" if attribution.speaker_kind in NAMED_KINDS else attribution.speaker_kind


def _speaker_names(articles: Sequence[Article]) -> list[tuple[str, str]]:
    seen: dict[tuple[str, str], None] = {}
    for article in articles:
        for a in article.attributions:
            if a.speaker is not None:
                seen.setdefault((a.speaker, _kind_key(a)), None)
    return list(seen)


def _cluster(names: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Speaker names that are one person, by surname bucket (no all-pairs comparison)."""
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[tuple[str, ...], list[int]] = {}
    for i, (name, kind) in enumerate(names):
        if kind != "named":
            key: tuple[str, ...] = (kind, name.casefold())
        else:
            forms = name_forms(name)
            key = ("named", forms[-1][:5] if forms else name.casefold())
        buckets.setdefault(key, []).append(i)
    for bucket in buckets.values():
        for x, i in enumerate(bucket):
            for j in bucket[x + 1 :]:
                if names[i][1] != "named" or same_speaker(names[i][0], names[j][0]):
                    parent[find(i)] = find(j)
    return {name: find(i) for i, name in enumerate(names)}


def _canonical_names(
    articles: Sequence[Article], clusters: dict[tuple[str, str], int]
) -> dict[int, str]:
    """Each person's name as most quotes give it, preferring full names."""
    counts: dict[int, Counter[str]] = {}
    for article in articles:
        for a in article.attributions:
            if a.speaker is not None:
                cluster = clusters[(a.speaker, _kind_key(a))]
                counts.setdefault(cluster, Counter())[a.speaker] += 1
    return {
        cluster: min(c, key=lambda n: (len(name_forms(n)) < 2, -c[n], n))
        for cluster, c in counts.items()
    }


def _mentioned_names(
    articles: Sequence[Article], clusters: dict[tuple[str, str], int]
) -> dict[int, list[str]]:
    """Each person's names as the articles spell them: resolved names and named mentions."""
    out: dict[int, dict[str, None]] = {}
    for article in articles:
        for a in article.attributions:
            if a.speaker is None:
                continue
            cluster = clusters[(a.speaker, _kind_key(a))]
            seen = out.setdefault(cluster, {})
            seen.setdefault(a.speaker, None)
            mention = " ".join(a.mention.text.split()) if a.mention else ""
            if (
                mention
                and a.speaker_kind in NAMED_KINDS
                and mention[0].isupper()
                and name_fits(mention, (a.speaker,))
            ):
                seen.setdefault(mention, None)
    return {cluster: list(seen) for cluster, seen in out.items()}


def _index_keys(member: _Member) -> set[tuple[str, ...]]:
    norms = [w for n in member.norms for w in expand(n)]
    keys: set[tuple[str, ...]] = {(norms[i], norms[i + 1]) for i in range(len(norms) - 1)}
    if len(norms) <= SHORT:
        keys.update((w,) for w in norms if w not in STOPWORDS)
    return keys


def _candidate_pairs(members: Sequence[_Member]) -> Iterable[tuple[_Member, _Member]]:
    """Pairs of quotes by one speaker in different articles sharing an index key."""
    postings: dict[tuple[int, tuple[str, ...]], list[_Member]] = {}
    for member in members:
        for key in _index_keys(member):
            postings.setdefault((member.cluster, key), []).append(member)
    seen: set[tuple[int, int]] = set()
    for _, held in sorted(postings.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if len(held) > MAX_POSTINGS:
            continue
        for x, a in enumerate(held):
            for b in held[x + 1 :]:
                if a.article == b.article or (a.number, b.number) in seen:
                    continue
                seen.add((a.number, b.number))
                yield a, b


def _judge(
    members: Sequence[_Member],
    articles: Sequence[Article],
    close: set[int],
    canonical: dict[int, str],
    mentioned: dict[int, list[str]],
    taken: set[str],
) -> Group:
    outlets = sorted({m.article for m in members})
    several = len(outlets) > 1
    paraphrases = {m.number for m in members if several and m.number not in close}
    pool = [m for m in members if m.number not in paraphrases] or list(members)
    pool.sort(key=lambda m: (-len(m.norms), m.article, m.attribution.quote.start))
    best: tuple[tuple[int, int, int], _Member, list[tuple[_Member, Status, _Relation]]] | None
    best = None
    for candidate in pool[:MAX_CANDIDATES]:
        read = [(m, *_status(m, candidate, paraphrases)) for m in members]
        worst: dict[int, int] = {}
        for m, status, _ in read:
            if status != "elsewhere":
                worst[m.article] = max(worst.get(m.article, 0), _RANK[status])
        score = (
            sum(rank < 2 for rank in worst.values()),
            sum(rank == 0 for rank in worst.values()),
            len(candidate.norms),
        )
        if best is None or score > best[0]:
            best = (score, candidate, read)
    assert best is not None
    _, chosen, read = best
    variants: list[Variant] = []
    for m, status, rel in sorted(read, key=lambda r: (r[0].article, r[0].attribution.quote.start)):
        article = articles[m.article]
        line, column = line_column(article.text, m.attribution.quote.start)
        variants.append(
            Variant(
                article=article.path,
                attribution=m.attribution,
                line=line,
                column=column,
                status=status,
                diff=rel.diff if status != "elsewhere" else (),
                added=rel.added if status in _DEPARTS else (),
                dropped=rel.dropped if status in _DEPARTS else (),
                suspect=suspect_words(m.tokens),
            )
        )
    consensus = next(v for v in variants if v.status == "consensus")
    paths = tuple(articles[i].path for i in outlets)
    verdict, outliers = _verdict(variants, paths)
    cluster = chosen.cluster
    speaker = canonical[cluster]
    return Group(
        id=_slug(speaker, chosen.attribution.quote.text, taken),
        speaker=speaker,
        names=tuple(mentioned[cluster]),
        consensus=consensus,
        variants=tuple(variants),
        articles=paths,
        verdict=verdict,
        outliers=outliers,
    )


def _status(member: _Member, chosen: _Member, paraphrases: set[int]) -> tuple[Status, _Relation]:
    if member is chosen:
        return "consensus", _same(member)
    rel = relate(member.tokens, chosen.record_words)
    if rel.cost == 0:
        return "agrees", rel
    if member.number in paraphrases:
        return "paraphrase", rel
    if rel.kept == 0:
        return "elsewhere", rel
    if not rel.added and not rel.dropped:
        return "form", rel
    return "words", rel


def _same(member: _Member) -> _Relation:
    size = sum(len(expand(n)) for n in member.norms)
    return _Relation(
        cost=0, diff=(), added=(), dropped=(), kept=size, kept_content=0, size=size, run=size
    )


def _verdict(
    variants: Sequence[Variant], outlets: tuple[str, ...]
) -> tuple[Verdict, tuple[str, ...]]:
    if len(outlets) < 2:
        return "single", ()
    departures: dict[str, list[tuple[object, ...]]] = {}
    for v in variants:
        if v.departs:
            key: tuple[object, ...] = (
                (v.status, v.added, v.dropped) if v.status == "words" else (v.article,)
            )
            departures.setdefault(v.article, []).append(key)
    if not departures:
        return "agree", ()
    agreeing = len({v.article for v in variants if v.status != "elsewhere"} - set(departures))
    shared = Counter(tuple(sorted(map(repr, keys))) for keys in departures.values())
    if agreeing > max(shared.values()):
        return "majority", tuple(a for a in outlets if a in departures)
    return "disputed", ()


def _slug(speaker: str, text: str, taken: set[str]) -> str:
    surname = speaker.split()[-1] if speaker.split() else "quote"
    first = " ".join(text.split()[:5])
    base = SLUG_RUN.sub("-", f"{surname} {first}".casefold()).strip("-") or "quote"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


# --- the gate: ``consensus: true`` in a record file -----------------------------------

LABELS: dict[Status, str] = {
    "consensus": "consensus",
    "agrees": "agrees",
    "form": "same words, other form",
    "words": "departs",
    "paraphrase": "paraphrase",
    "elsewhere": "other words of it",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupCheck:
    """One quote group reported by several outlets, and what fails or warns about it."""

    group: Group
    findings: tuple[Finding, ...]


def check_file(
    records: RecordFile,
    *,
    root: Path,
    parse: Callable[[str], tuple[Attribution, ...]] | None = None,
) -> tuple[GroupCheck, ...]:
    """The groups of the file's articles that several outlets report, with their findings.

    ``parse`` (default: ``parse.pipeline.extract``) is how an article's text is parsed:
    the plugin and ``attribution check`` pass their parse cache's.
    """
    from attribution.check.articles import read_document
    from attribution.check.layout import shown
    from attribution.parse.pipeline import extract as parse_text

    extract = parse or parse_text
    articles = []
    for path in records.articles:
        document = read_document(path, root=root)
        found = document.attributions(extract(document.text))
        articles.append(Article(path=shown(path, root), text=document.original, attributions=found))
    record_file = shown(records.path, root)
    return tuple(
        GroupCheck(group=group, findings=group_findings(group, record_file=record_file))
        for group in build(articles)
        if group.verdict != "single"
    )


def group_findings(group: Group, *, record_file: str) -> tuple[Finding, ...]:
    """``misquote`` for each outlier's departing quote, or one ``disputed`` warning."""
    outlets = tuple(
        f"{v.article}:{v.line}:{v.column} ({LABELS[v.status]}) {v.text}" for v in group.variants
    )
    if group.verdict == "majority":
        return tuple(
            _finding("misquote", group, v, record_file=record_file, outlets=outlets)
            for v in group.variants
            if v.departs and v.article in group.outliers
        )
    if group.verdict == "disputed":
        first = next(v for v in group.variants if v.departs)
        return (_finding("disputed", group, first, record_file=record_file, outlets=outlets),)
    return ()


def _finding(
    kind: Kind, group: Group, variant: Variant, *, record_file: str, outlets: tuple[str, ...]
) -> Finding:
    return Finding(
        **parsed(variant.attribution),
        kind=kind,
        article=variant.article,
        record=group.id,
        expected=group.consensus.text,
        line=variant.line,
        column=variant.column,
        record_speaker=group.speaker,
        record_file=record_file,
        record_line=None,
        diff=variant.diff,
        level="fail" if kind == "misquote" else "warn",
        outlets=outlets,
    )


# --- ``attribution consensus FILES...`` ------------------------------------------------


def read_articles(paths: Sequence[str]) -> tuple[list[Article], int]:
    """Read and parse each file; one ``attribution: PATH: message`` line for each that fails.

    Markdown and HTML are read as ``attribution check`` reads them (formats.py), and
    every line and column shown is the file's own; a note about a file (HTML named
    ``.txt``) is one warning line.
    """
    import os
    import sys

    from attribution.check.formats import read_document
    from attribution.errors import AttributionError, InputError
    from attribution.parse.pipeline import extract

    out: list[Article] = []
    failed = 0
    for path in dict.fromkeys(paths):
        try:
            document = read_document(path)
            found = document.attributions(extract(document.text))
        except AttributionError as exc:
            message = exc.message if isinstance(exc, InputError) else str(exc)
            sys.stderr.write(f"attribution: {_one_line(path)}: {_one_line(message)}\n")
            failed += 1
            continue
        except Exception as exc:  # a bug in a stage costs its file only
            if os.environ.get("ATTRIBUTION_DEBUG"):
                raise
            sys.stderr.write(
                f"attribution: {_one_line(path)}: internal error: "
                f"{type(exc).__name__}: {_one_line(str(exc))} (please report)\n"
            )
            failed += 1
            continue
        for note in document.notes:
            sys.stderr.write(f"attribution: warning: {_one_line(path)}: {_one_line(note)}\n")
        out.append(Article(path=path, text=document.original, attributions=found))
    return out, failed


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="articles: plain text, Markdown or HTML (UTF-8)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="also show quotes only one outlet reports (text format; json has them all)",
    )


def run_args(args: argparse.Namespace) -> int:
    """Print the groups; exit 1 when a file could not be read, else 0."""
    import json
    import sys

    articles, failed = read_articles(args.files)
    groups = build(articles)
    if args.format == "json":
        document = {"articles": [a.path for a in articles], "groups": [g.as_dict() for g in groups]}
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render(groups, articles=len(articles), everything=args.all))
    return 1 if failed else 0


def render(groups: Sequence[Group], *, articles: int, everything: bool = False) -> str:
    """The groups as editors read them: variants side by side, diffs, the verdict."""
    lines: list[str] = []
    for group in groups:
        broken = any(v.suspect for v in group.variants)
        if group.verdict == "single" and not (everything or broken):
            continue
        lines.append(f"== {group.id}: {group.speaker}, {_verdict_text(group)}")
        for v in group.variants:
            label = "DEPARTS" if v.departs else LABELS[v.status]
            lines.append(f"  {label:<22} {v.article}:{v.line}:{v.column}  “{_one_line(v.text)}”")
            if v.diff:
                lines.append(f"  {'':<22} diff  {diff_text(v.diff)}")
            if v.suspect:
                shown = ", ".join(f"'{w}'" for w in v.suspect)
                lines.append(f"  {'':<22} note  {shown}: broken words? (letters lost)")
        lines.append("")
    counts = Counter(g.verdict for g in groups)
    several = len(groups) - counts["single"]
    lines.append(
        f"{several} quote group{'s' if several != 1 else ''} reported by several outlets "
        f"in {articles} article{'s' if articles != 1 else ''}: {counts['agree']} agree, "
        f"{counts['majority']} with outliers, {counts['disputed']} disputed; "
        f"{counts['single']} reported by one outlet" + ("" if everything else " (--all shows them)")
    )
    return "\n".join(lines) + "\n"


def _verdict_text(group: Group) -> str:
    n = len(group.articles)
    outlets = f"{n} outlet{'s' if n != 1 else ''}"
    if group.verdict == "single":
        return f"{outlets} (nothing to compare)"
    if group.verdict == "agree":
        return f"{outlets} agree"
    if group.verdict == "majority":
        return f"{outlets}: most agree; departing: {', '.join(group.outliers)}"
    return f"{outlets}: disputed, no wording has a majority"


def _one_line(text: str) -> str:
    return " ".join(text.split())
