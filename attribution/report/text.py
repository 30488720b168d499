"""Findings in words for editors: the terminal report of ``check`` and the plugin.

Diff marks follow ``git diff --word-diff``: ``[-record words-]{+article words+}``.
"""

from __future__ import annotations

from collections.abc import Sequence

from attribution.check.findings import KINDS, Finding, diff_text

INDENT = "  "


def where(finding: Finding) -> str:
    if finding.line is None:
        return finding.article
    return f"{finding.article}:{finding.line}:{finding.column}"


def headline(finding: Finding) -> str:
    """The first line, which always begins with the kind."""
    credited = finding.speaker or "nobody"
    if finding.kind == "misquote" and finding.outlets:
        return (
            f"misquote: {where(finding)} quotes {finding.record_speaker} differently from "
            f"the other outlets (consensus group {finding.record})"
        )
    if finding.kind == "disputed":
        return (
            f"disputed: {where(finding)} and the other outlets quote {finding.record_speaker} "
            f"in different words, and no wording has a majority (consensus group {finding.record})"
        )
    if finding.kind == "misquote":
        return (
            f"misquote: {where(finding)} quotes {finding.record_speaker} "
            f"differently from record {finding.record}"
        )
    if finding.kind == "possible-misquote":
        return (
            f"possible-misquote: {where(finding)} quotes {finding.record_speaker} in words "
            f"that resemble record {finding.record} without matching it"
        )
    if finding.kind == "misattribution":
        changed = ", with words changed," if finding.diff else ""
        return (
            f"misattribution: {where(finding)} credits {finding.record_speaker}'s words "
            f"(record {finding.record}){changed} to {credited}"
        )
    if finding.kind == "venue-mismatch":
        return (
            f"venue-mismatch: {where(finding)} places record {finding.record} "
            f"{finding.venue!r}, the record says {finding.expected_venue!r}"
        )
    if finding.kind == "missing-quote":
        return (
            f"missing-quote: {where(finding)} does not carry required record {finding.record} "
            f"({finding.record_speaker})"
        )
    if finding.kind == "unverified-quote":
        return (
            f"unverified-quote: {where(finding)} quotes {credited}, and no record has these words"
        )
    # a house rule's finding: its kind, where, and what the rule says
    said = _one_line(finding.message) if finding.message else f"quotes {credited}"
    return f"{finding.kind}: {where(finding)} {said}"


def describe(finding: Finding) -> str:
    """The full failure text: headline, words, diff, where the record is, the parser's reason."""
    lines = [headline(finding)]
    if finding.expected is not None:
        label = (
            "record "
            if not finding.outlets
            else "most   "
            if finding.kind == "misquote"
            else "wording"
        )
        lines.append(f"{INDENT}{label}: {_one_line(finding.expected)}")
    if finding.quote:
        lines.append(f"{INDENT}article: {_one_line(finding.quote)}")
    if finding.diff:
        lines.append(f"{INDENT}diff   : {diff_text(finding.diff)}")
    for number, outlet in enumerate(finding.outlets):
        lines.append(f"{INDENT}{'outlets' if number == 0 else '       '}: {_one_line(outlet)}")
    if finding.kind == "misattribution":
        lines.append(f"{INDENT}speaker: record {finding.record_speaker}, article {finding.speaker}")
    if finding.candidates:
        lines.append(f"{INDENT}also   : the mention also fits {', '.join(finding.candidates)}")
    if finding.kind == "venue-mismatch":
        lines.append(f"{INDENT}venue  : record {finding.expected_venue}, article {finding.venue}")
    if finding.source is not None:
        lines.append(f"{INDENT}from   : {finding.source}")
    elif finding.record_file is not None and finding.record is not None:
        at = "" if finding.record_line is None else f":{finding.record_line}"
        lines.append(f"{INDENT}from   : {finding.record_file}{at}")
    if finding.suppressed:
        lines.append(f"{INDENT}cleared: an editor's <!-- attribution: ignore --> on this paragraph")
    if finding.rule is not None:
        via = []
        if finding.mention:
            via.append(f"mention {finding.mention!r}")
        if finding.cue:
            via.append(f"cue {finding.cue!r}")
        extra = f" ({', '.join(via)})" if via else ""
        lines.append(f"{INDENT}parser : rule {finding.rule}{extra}")
    return "\n".join(lines)


def summary(findings: Sequence[Finding]) -> str:
    house = sorted({f.kind for f in findings} - set(KINDS))
    counts = {kind: sum(f.kind == kind for f in findings) for kind in (*KINDS, *house)}
    shown = [f"{n} {kind}" for kind, n in counts.items() if n]
    return ", ".join(shown) if shown else "no findings"


def render(articles: Sequence[str], findings: Sequence[Finding]) -> str:
    """The editors' report: each article, then what it got wrong."""
    lines: list[str] = []
    by_article: dict[str, list[Finding]] = {a: [] for a in articles}
    for finding in sorted(findings, key=Finding.order):
        by_article.setdefault(finding.article, []).append(finding)
    for article, found in by_article.items():
        verdict = summary(found) if found else "ok"
        lines.append(f"{article}: {verdict}")
        for finding in found:
            lines.extend(INDENT + line for line in describe(finding).splitlines())
        lines.append("")
    total = f"{len(by_article)} articles checked: {summary(findings)}"
    warned = sum(f.level == "warn" for f in findings)
    if findings:
        total += f" ({len(findings) - warned} fail the gate, {warned} only warn)"
    lines.append(total)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return " ".join(text.split())
