"""Draft a record file from the articles themselves, for an editor to review.

``attribution draft FILES... [-o PATH] [--force]`` groups the articles' quotes as
``attribution consensus`` does and writes one record per group: the wording most
outlets agree on, the speaker under the name most quotes give, the venue and date
where the articles state them, and above each record a comment listing every
variant and the articles that carry it. The speakers section lists every name the
articles use. The YAML is written as text here (only ``records.py`` imports yaml):
every value is a double-quoted scalar, which JSON string syntax produces.

A record's wording comes from ``wording(group)``; today that is the consensus. A
transcript (issue 8, section 1) would pass its own function that returns the
speaker turn's stretch for the group, leaving the rest of the draft unchanged.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

from attribution.compare import BORROWED_RULES, venue_fits
from attribution.consensus import LABELS, Article, Group, Variant, build, diff_text, read_articles

#: Characters a YAML double-quoted scalar must not hold raw: they become ``\\uXXXX``.
_UNSAFE = regex.compile(r"[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]")
_LEADING_PREPOSITION = regex.compile(r"^(?i:in|at|from|during|on)\s+")

Wording = Callable[[Group], str]


def consensus_wording(group: Group) -> str:
    """The record text: the wording most outlets agree on."""
    return " ".join(group.consensus.text.split()).strip(" ,")


def scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax), non-printing characters escaped."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def draft(
    articles: Sequence[Article],
    *,
    base: Path,
    wording: Wording = consensus_wording,
) -> str:
    """The record file's text; article paths are written relative to ``base``."""
    articles = [
        Article(
            path=Path(os.path.relpath(os.path.abspath(a.path), os.path.abspath(base))).as_posix(),
            text=a.text,
            attributions=a.attributions,
        )
        for a in articles
    ]
    groups = build(articles)
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


def _record(group: Group, text: str, taken: set[str]) -> list[str]:
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
        f"    text: {scalar(text)}",
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
    parser.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 plain-text articles")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help="write the record file here (default: stdout, article paths relative to .)",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing --output")


def run_args(args: argparse.Namespace) -> int:
    """Write the draft; 1 when a file could not be read or the output exists."""
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        sys.stderr.write(f"attribution: {output}: exists; --force overwrites it\n")
        return 1
    articles, failed = read_articles(args.files)
    base = output.parent if output is not None else Path.cwd()
    text = draft(articles, base=base)
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
