"""Draft a record file from the articles themselves, for an editor to review.

``attribution draft FILES... [-o PATH] [--force]`` groups the articles' quotes as
``attribution consensus`` does and writes one record per group: the wording most
outlets agree on, the speaker under the name most quotes give, the venue and date
where the articles state them, and above each record a comment listing every
variant and the articles that carry it. The speakers section lists every name the
articles use. The YAML is written as text here (only ``records.py`` imports yaml):
every value is a double-quoted scalar, which JSON string syntax produces.

A record's wording comes from ``wording(group)``: the consensus, or with
``--transcript T`` the stretch of the speaker's own turn in T that the consensus
wording aligns to (``TranscriptWording``); a group the transcript does not hold keeps
the consensus, and the comment above each record says which it is. The transcript is
then also listed under ``sources:``, so quotes the groups do not cover are checked
against its turns too. Who each label is: ``--speakers 'LABEL=Name,...'`` (``LABEL=``
marks turns nobody is quoted from; a label left out is an error naming the transcript
line), or without it the transcript's own labels, a label that fits one speaker the
articles quote ("SECRETARY AUSTIN" for Lloyd Austin) being that speaker, and every
other label its own name (``unlisted: named``).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from attribution.check.align import align, tokens, words
from attribution.check.consensus import (
    CLOSE,
    LABELS,
    Article,
    Group,
    Variant,
    build,
    read_articles,
    relate,
    same_speaker,
)
from attribution.check.findings import diff_text
from attribution.check.names import name_fits, venue_fits
from attribution.check.records import RecordFile, Source
from attribution.check.transcripts import Index, Transcript, read
from attribution.check.verdicts import BORROWED_RULES
from attribution.errors import AttributionError, ExpectationError

#: Characters a YAML double-quoted scalar must not hold raw: they become ``\\uXXXX``.
_UNSAFE = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]")
_LEADING_PREPOSITION = regex.compile(r"^(?i:in|at|from|during|on)\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Worded:
    """A record's text and, for the comment above it, where the text comes from."""

    text: str
    note: str | None = None


Wording = Callable[[Group], Worded]


def consensus_wording(group: Group) -> Worded:
    """The record text: the wording most outlets agree on."""
    return Worded(text=" ".join(group.consensus.text.split()).strip(" ,"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Drafted:
    """A transcript a draft takes its wording from, as the record file will list it."""

    transcript: Transcript
    #: ``LABEL: name`` pairs written under the source's ``speakers`` (None: not quotable).
    speakers: tuple[tuple[str, str | None], ...]
    #: Without ``--speakers``: labels not listed are their own names.
    named: bool


class TranscriptWording:
    """The stretch of the speaker's own turn that a group's consensus wording aligns to."""

    def __init__(self, drafted: Drafted) -> None:
        self.drafted = drafted
        self.index = Index(drafted.transcript.turns)

    def __call__(self, group: Group) -> Worded:
        fallback = consensus_wording(group)
        quote = tokens(group.consensus.text)
        owners = frozenset(
            t.speaker
            for t in self.index.turns
            if t.quotable and same_speaker(t.speaker, group.speaker)
        )
        if not owners:
            return fallback  # someone the transcript does not hold
        best: tuple[tuple[int, int], str, str] | None = None
        for t, (lo, hi) in self.index.windows(quote, owners).items():
            turn = self.index.turns[t]
            if turn.speaker not in owners:
                continue
            window = words(turn.text[turn.words[lo].start : turn.words[hi - 1].end])
            if relate(quote, window).kept < CLOSE * sum(1 for q in quote if q.tag == "word"):
                continue
            found = align(quote, window)
            start = lo + min(found.start, len(window) - 1)
            end = lo + max(found.end, found.start + 1)
            first, last = turn.words[start], turn.words[min(end, len(turn.words)) - 1]
            stretch = " ".join(turn.text[first.start : last.end].split())
            where = f"{turn.source.shown}:{first.at}"
            if best is None or (found.cost, t) < best[0]:
                best = ((found.cost, t), stretch, f"wording from the transcript, {where}")
        if best is None:
            return replace(
                fallback,
                note="NOT IN THE TRANSCRIPT: the consensus wording; check it, or delete this "
                "record to have the transcript judge these quotes",
            )
        return Worded(text=best[1], note=best[2])


def scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax), non-printing characters escaped."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def draft(
    articles: Sequence[Article],
    *,
    base: Path,
    wording: Wording = consensus_wording,
    transcript: Transcript | None = None,
) -> str:
    """The record file's text; article and transcript paths are relative to ``base``."""
    articles = [
        Article(
            path=Path(os.path.relpath(os.path.abspath(a.path), os.path.abspath(base))).as_posix(),
            text=a.text,
            attributions=a.attributions,
        )
        for a in articles
    ]
    groups = build(articles)
    source = None if transcript is None else _labelled(transcript, groups)
    if source is not None and wording is consensus_wording:
        wording = TranscriptWording(source)
    lines = [
        f"# Drafted by `attribution draft` from {len(articles)} article"
        f"{'s' if len(articles) != 1 else ''}: review every record before relying on it.",
        "# Each record is the wording most outlets agree on; the comment above it lists every",
        "# variant and the articles that carry it. Dates are as the articles state them:",
        "# replace them with YYYY-MM-DD. Format: docs/records.md.",
        "articles:",
    ]
    for article in articles:
        lines.append(f"  - {scalar(glob.escape(article.path))}")
    lines += ["unverified: warn", "possible-misquote: warn", "", "speakers:"]
    lines += _speakers(groups)
    if source is not None:
        lines += ["", *_source(source, base)]
    lines += ["", "quotes:"]
    taken: set[str] = set()
    for group in groups:
        lines += _record(group, wording(group), taken)
    return "\n".join(lines) + "\n"


def _speakers(groups: Sequence[Group]) -> list[str]:
    names: dict[str, dict[str, None]] = {}
    for group in groups:
        names.setdefault(group.speaker, {}).update(dict.fromkeys(group.names))
    owner: dict[str, str] = {}
    for speaker in names:
        owner[speaker.casefold()] = speaker
    out: list[str] = []
    for speaker, seen in names.items():
        aliases = []
        for name in seen:
            if owner.setdefault(name.casefold(), speaker) == speaker and name != speaker:
                aliases.append(name)
        out.append(f"  {scalar(speaker)}: [{', '.join(scalar(a) for a in aliases)}]")
    return out


def load_transcript(path: str, speakers: str | None) -> Transcript:
    """Read ``--transcript`` with ``--speakers 'LABEL=Name,...'`` or, without it, its labels."""
    pairs: list[tuple[str, str | None]] = []
    for item in (speakers or "").split(","):
        if not item.strip():
            continue
        label, equals, name = item.partition("=")
        if not equals or not label.strip():
            raise ExpectationError(
                "--speakers", None, f"expected 'LABEL=Name' (or 'LABEL=' for no one), not {item!r}"
            )
        pairs.append((" ".join(label.split()), " ".join(name.split()) or None))
    resolved = Path(path).resolve()
    source = Source(
        path=resolved,
        shown=path,
        venue=None,
        date=None,
        speakers=tuple(pairs),
        unlisted="error" if speakers is not None else "named",
        line=1,
    )
    if not resolved.is_file():
        raise ExpectationError(path, None, "transcript not found")
    empty = RecordFile(path=resolved, articles=(), unverified="warn", speakers=(), records=())
    return read(source, record_file=empty, shown_record="--speakers")


def _labelled(transcript: Transcript, groups: Sequence[Group]) -> Drafted:
    """Who each label is: as given, or a label fitting one quoted speaker is that speaker."""
    source = transcript.source
    if source.unlisted != "named":
        return Drafted(transcript=transcript, speakers=source.speakers, named=False)
    quoted = list(dict.fromkeys(g.speaker for g in groups))
    mapped: dict[str, str] = {}
    for turn in transcript.turns:
        if turn.label in mapped or not any(len(w) > 1 for w in turn.label.split()):
            continue
        fits = [n for n in quoted if name_fits(turn.label, (n,))]
        if fits and all(same_speaker(fits[0], other) for other in fits):
            mapped[turn.label] = fits[0]
    turns = tuple(replace(t, speaker=mapped.get(t.label, t.speaker)) for t in transcript.turns)
    return Drafted(
        transcript=replace(transcript, turns=turns),
        speakers=tuple(mapped.items()),
        named=True,
    )


def _source(drafted: Drafted, base: Path) -> list[str]:
    path = drafted.transcript.source.path
    shown = Path(os.path.relpath(path, os.path.abspath(base))).as_posix()
    pairs = ", ".join(
        f"{scalar(label)}: {'null' if name is None else scalar(name)}"
        for label, name in drafted.speakers
    )
    lines = [
        "# The transcript: every speaker turn is that speaker's record (docs/records.md).",
        "sources:",
        f"  - path: {scalar(shown)}",
        f"    speakers: {{{pairs}}}",
    ]
    if drafted.named:
        lines.append("    unlisted: named  # other labels are their own names: review them")
    return lines


def _record(group: Group, worded: Worded, taken: set[str]) -> list[str]:
    n = len(group.articles)
    if group.verdict == "single":
        summary = "one outlet"
    elif group.verdict == "agree":
        summary = f"{n} outlets agree"
    elif group.verdict == "majority":
        summary = f"{n} outlets, most agree; departing: {', '.join(group.outliers)}"
    else:
        summary = f"{n} outlets, DISPUTED: no wording has a majority; check the source"
    lines = ["", f"  # {group.speaker}: {summary}"]
    if worded.note is not None:
        lines.append(f"  # {_flat(worded.note)}")
    for v in group.variants:
        label = "DEPARTS" if v.departs else LABELS[v.status]
        lines.append(f"  #   {v.article}:{v.line}:{v.column} {label}: {_flat(v.text)}")
        if v.diff:
            lines.append(f"  #     diff: {_flat(diff_text(v.diff))}")
        if v.suspect:
            words = ", ".join(f"'{w}'" for w in v.suspect)
            lines.append(f"  #     note: {_flat(words)} look like broken words (letters lost?)")
    venue, date = _venue(group), _date(group)
    record_id = group.id
    while record_id in taken:
        record_id += "-x"
    taken.add(record_id)
    lines += [
        f"  - id: {scalar(record_id)}",
        f"    speaker: {scalar(group.speaker)}",
        f"    text: {scalar(worded.text)}",
    ]
    if venue is not None:
        lines.append(f"    venue: {scalar(venue)}")
    if date is not None:
        lines.append(f"    date: {scalar(date)}  # as stated")
    return lines


def _agreeing(group: Group) -> list[Variant]:
    return [v for v in group.variants if v.status in ("consensus", "agrees", "form")]


def _venue(group: Group) -> str | None:
    """The venue agreeing articles state in their own attributing clause, if they all fit it."""
    stated = [
        v.attribution.venue.text
        for v in _agreeing(group)
        if v.attribution.venue is not None and v.attribution.rule not in BORROWED_RULES
    ]
    if not stated:
        return None
    venue = _LEADING_PREPOSITION.sub("", _flat(stated[0])) or _flat(stated[0])
    return venue if all(venue_fits(s, venue) for s in stated) else None


def _date(group: Group) -> str | None:
    for v in _agreeing(group):
        if v.attribution.date is not None:
            return _flat(v.attribution.date.text)
    return None


def _flat(text: str) -> str:
    return " ".join(text.split())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="articles: plain text, Markdown or HTML (UTF-8)"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="write the record file here (default: stdout, article paths relative to .)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing --output")
    parser.add_argument(
        "--transcript",
        metavar="T",
        help="take each record's wording from this transcript (labelled text or WebVTT) "
        "and list it under 'sources:'",
    )
    parser.add_argument(
        "--speakers",
        metavar="'LABEL=Name,...'",
        help="who each transcript label is ('Q=' for no one); default: the labels themselves, "
        "a label that fits a quoted speaker's name being that speaker",
    )


def run_args(args: argparse.Namespace) -> int:
    """Write the draft; 1 when a file could not be read or the output exists."""
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        sys.stderr.write(f"attribution: {output}: exists; --force overwrites it\n")
        return 1
    if args.speakers is not None and args.transcript is None:
        sys.stderr.write("attribution: --speakers needs --transcript\n")
        return 1
    transcript = None
    if args.transcript is not None:
        try:
            transcript = load_transcript(args.transcript, args.speakers)
        except AttributionError as err:
            sys.stderr.write(f"attribution: {_flat(str(err))}\n")
            return 1
    articles, failed = read_articles(args.files)
    base = output.parent if output is not None else Path.cwd()
    text = draft(articles, base=base, transcript=transcript)
    if output is None:
        sys.stdout.write(text)
        return 1 if failed else 0
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as err:
        sys.stderr.write(f"attribution: {output}: cannot write: {err.strerror or err}\n")
        return 1
    sys.stderr.write(f"attribution: wrote {output} ({text.count('  - id: ')} records)\n")
    return 1 if failed else 0
