"""Check articles against record files: the job both the plugin and ``attribution check`` do.

Usage: ``python -m attribution.check [--format text|json|sarif|github] [--report PATH]
[--changed REF] [--exit-zero] PATH...`` where each PATH is a record file or a folder
searched for ``*.yaml``/``*.yml`` (docs/cli.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import io
import json
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from attribution import formats, github, sarif
from attribution.changed import Changes, changes
from attribution.compare import ArticleCheck, Matcher
from attribution.errors import AttributionError, InputError
from attribution.findings import Finding
from attribution.formats import Document, FormatWarning
from attribution.model import Attribution
from attribution.pipeline import extract
from attribution.records import Policy, RecordFile, load
from attribution.report import as_json, render, write_json
from attribution.transcripts import SourceMatcher

YAML_SUFFIXES = (".yaml", ".yml")
FORMATS = ("text", "json", "sarif", "github")


@dataclass(frozen=True, slots=True, kw_only=True)
class FileCheck:
    """One record file's verdicts over each article it covers."""

    path: str
    unverified: Policy
    articles: tuple[ArticleCheck, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckReport:
    """A whole run; ``findings`` leaves out unverified quotes of files that ignore them."""

    files: tuple[FileCheck, ...]
    articles: tuple[str, ...]
    findings: tuple[Finding, ...]

    def failing(self) -> tuple[Finding, ...]:
        """Findings that fail the gate: warn-level ones (by the file's policy) are only shown."""
        return tuple(f for f in self.findings if f.level == "fail")


def shown(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the root, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_article(path: Path, *, root: Path) -> str:
    """The plain text the parser reads (the file itself for plain text; for Markdown and
    HTML, offsets into it need ``read_document``'s map to point into the file)."""
    return read_document(path, root=root).text


def read_document(path: Path, *, root: Path) -> Document:
    """The article as the parser reads it (Markdown and HTML as plain text, formats.py),
    with the CLI's one-line errors; what looks wrong about the file is a FormatWarning."""
    try:
        document = formats.read_document(str(path))
    except InputError as err:
        raise InputError(shown(path, root), f"cannot read article: {err.message}") from None
    for note in document.notes:  # at the article's first line, where pytest shows it
        warning = FormatWarning(f"{shown(path, root)}: {note}")
        warnings.warn_explicit(warning, FormatWarning, filename=str(path), lineno=1)
    return document


def located(document: Document, check: ArticleCheck) -> ArticleCheck:
    """A check made on the plain text, its lines, columns and spans moved into the file."""
    if document.kind == "text":
        return check
    records = tuple(
        dataclasses.replace(
            r, quotes=document.attributions(r.quotes), findings=document.findings(r.findings)
        )
        for r in check.records
    )
    unverified = document.findings(check.unverified)
    return dataclasses.replace(check, records=records, unverified=unverified)


@functools.lru_cache(maxsize=4096)
def attributions(text: str) -> tuple[Attribution, ...]:
    """Parse each distinct article once, however many record files cover it."""
    return extract(text)


def check_records(records: RecordFile, *, root: Path) -> FileCheck:
    """Every article the file covers, compared with its records."""
    record_path = shown(records.path, root)
    matcher: Matcher | SourceMatcher = (
        SourceMatcher(records, root=root, shown_path=record_path)
        if records.sources
        else Matcher(records, shown_path=record_path)
    )
    checks = []
    for article in records.articles:
        document = read_document(article, root=root)
        text = document.text
        found = matcher.check(
            article=shown(article, root), text=text, attributions=attributions(text)
        )
        checks.append(located(document, found))
    return FileCheck(path=record_path, unverified=records.unverified, articles=tuple(checks))


def discover(paths: Sequence[Path]) -> list[Path]:
    """Record files named directly, and those found under named folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
            )
        else:
            found.append(path)
    return found


def run(
    paths: Sequence[str | Path], *, root: Path | None = None, changed: Changes | None = None
) -> CheckReport:
    """Load every record file under ``paths`` and check its articles.

    With ``changed``, only the articles that change touched (all of a changed record
    file's). Raises ExpectationError for a malformed record file and InputError for an
    unreadable article.
    """
    from attribution import consensus

    base = (root or Path.cwd()).resolve()
    files: list[FileCheck] = []
    agreed: list[Finding] = []  # `consensus: true`: the articles checked against each other
    for path in discover([Path(p) for p in paths]):
        records = load(path, root=base)
        if changed:
            records = changed.narrow(records)
        if records.consensus:
            agreed.extend(f for g in consensus.check_file(records, root=base) for f in g.findings)
        if records.records or records.sources or not records.consensus:
            files.append(check_records(records, root=base))
        else:
            checks = tuple(
                ArticleCheck(article=shown(a, base), records=(), unverified=())
                for a in records.articles
            )
            files.append(FileCheck(path=shown(path, base), unverified="ignore", articles=checks))
    articles = sorted({a.article for f in files for a in f.articles})
    findings: list[Finding] = []
    for file in files:
        for article in file.articles:
            findings.extend(article.findings)
    findings.extend(agreed)
    return CheckReport(files=tuple(files), articles=tuple(articles), findings=tuple(findings))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``attribution check``, shared with the ``attribution`` command line."""
    parser.add_argument("paths", nargs="+", type=Path, help="record files or folders of them")
    parser.add_argument("--report", type=Path, help="also write the JSON report here")
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings would fail the gate"
    )
    parser.add_argument("--root", type=Path, help="articles must lie below this (default: .)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text: the editors' report (default); json: the report document; "
        "sarif: SARIF 2.1.0; github: GitHub Actions annotations",
    )
    parser.add_argument(
        "--changed",
        metavar="REF",
        help="only articles that differ from git REF (or are untracked), "
        "and every article of a record file that does",
    )


def run_args(args: argparse.Namespace) -> int:
    """Print the editors' report; 1 when the gate would fail, 2 for a malformed record."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FormatWarning)
        try:
            changed = changes(args.changed, cwd=Path.cwd()) if args.changed else None
            result = run(args.paths, root=args.root, changed=changed)
        except AttributionError as err:
            print(f"attribution check: {err}", file=sys.stderr)
            return 2
        finally:
            _show(caught)
    out = sys.stdout
    ascii_only = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-") not in (
        "utf-8",
        "utf8",
    )
    if ascii_only and isinstance(out, io.TextIOWrapper):
        out.reconfigure(errors="replace")  # the text formats: '?' rather than a traceback
    print(formatted(args.format, result, ascii_only=ascii_only))
    if args.report is not None:
        write_json(args.report, len(result.articles), result.findings)
    return 0 if args.exit_zero or not result.failing() else 1


def _show(caught: list[warnings.WarningMessage]) -> None:
    """A FormatWarning as one line on stderr, once per file; other warnings as Python shows them."""
    for note in dict.fromkeys(str(w.message) for w in caught if w.category is FormatWarning):
        print(f"attribution check: warning: {note}", file=sys.stderr)
    for w in caught:
        if w.category is not FormatWarning:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)


def formatted(fmt: str, result: CheckReport, *, ascii_only: bool = False) -> str:
    """The run in one of FORMATS, without a final newline; JSON as ``\\u`` escapes if asked."""
    if fmt == "json":
        document = as_json(len(result.articles), result.findings)
        return json.dumps(document, indent=2, ensure_ascii=ascii_only)
    if fmt == "sarif":
        return sarif.dumps(result.findings, ascii_only=ascii_only).rstrip("\n")
    if fmt == "github":
        return github.render(result.findings)
    return render(result.articles, result.findings)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m attribution.check``: the same as ``attribution check``."""
    parser = argparse.ArgumentParser(
        prog="attribution check", description="Check articles against YAML records."
    )
    add_arguments(parser)
    return run_args(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
