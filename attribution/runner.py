"""Check articles against record files: the job both the plugin and ``attribution check`` do.

An article is checked against the union of every record file that covers it: a
roundup covered by two stories' files uses the records of both, and a quote is
unverified only when no record anywhere covers it. Each finding belongs to one
record file (``Finding.record_file``): the file of its record, or for an
unverified quote the first covering file with the strictest ``unverified``
policy; that file's items and reports show it, once. A ``consensus: true`` file
also checks its articles against each other (``attribution.check.consensus``), whatever
else covers them.

Usage: ``python -m attribution.runner [--format text|json|sarif|github] [--report PATH]
[--baseline PATH] [--changed REF] [--exit-zero] PATH...`` where each PATH is a record
file or a folder searched for record files (docs/cli.md).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import io
import json
import sys
import warnings
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from attribution import baseline as accepted_findings
from attribution.cache import Cache, digest
from attribution.changed import Changes, changes
from attribution.check.articles import read_document
from attribution.check.findings import Finding
from attribution.check.formats import FormatWarning
from attribution.check.layout import YAML_SUFFIXES, Layout, find_layout, shown
from attribution.check.levels import Levels, cleared_lines, suppress
from attribution.check.levels import load as load_levels
from attribution.check.records import POLICIES, Policy, RecordFile, Speaker, load
from attribution.check.transcripts import SourceMatcher
from attribution.check.verdicts import Matcher
from attribution.errors import AttributionError, ExpectationError, InputError
from attribution.parse.model import Attribution
from attribution.parse.pipeline import extract
from attribution.report import github, sarif
from attribution.report.files import writable
from attribution.report.json import as_json, write_json
from attribution.report.text import render

__all__ = [
    "FORMATS",
    "YAML_SUFFIXES",
    "CheckReport",
    "Checker",
    "parse",
    "run",
    "shown",
]

FORMATS = ("text", "json", "sarif", "github")

#: Matchers kept for reuse: items of one record file run one after another.
MATCHERS_KEPT = 64
#: Findings kept for articles several record files cover (each file's item asks).
SHARED_KEPT = 4096


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckReport:
    """A whole run: the findings of the record files checked, and the unreadable articles."""

    files: tuple[str, ...]
    articles: tuple[str, ...]
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...] = ()
    #: (record file, article) pairs checked to the end: a baseline entry of one of them
    #: that no finding matches now is gone.
    checked: frozenset[tuple[str, str]] = frozenset()

    def failing(self) -> tuple[Finding, ...]:
        """Findings that fail the gate: warn-level ones (by the file's policy) are only shown."""
        return tuple(f for f in self.findings if f.level == "fail")


@functools.lru_cache(maxsize=256)
def attributions(text: str) -> tuple[Attribution, ...]:
    """Parse an article (the few most recent are kept for a file's other items)."""
    return extract(text)


def parse(text: str, cache: Cache | None = None) -> tuple[Attribution, ...]:
    """An article's attributions, through ``cache`` when one is given."""
    return attributions(text) if cache is None else cache.parse(text, attributions)


class Checker:
    """Articles checked against the union of the record files that cover each.

    ``files`` are every record file known (the ones a run selects and all the
    others of the layout), so that a quote another file records is not called
    unverified. Parses go through ``cache`` when one is given. A ``consensus: true``
    file without records of its own covers no article here: its articles are checked
    against each other instead (``attribution.check.consensus``), and its ``unverified``
    policy never applies.
    """

    def __init__(
        self,
        files: Iterable[RecordFile],
        *,
        root: Path,
        cache: Cache | None = None,
        levels: Levels | None = None,
    ) -> None:
        self.root = root
        self.cache = cache
        #: The repository's levels per kind and path (``[tool.attribution]`` in the root's
        #: pyproject.toml); an editor's cleared paragraphs apply whatever they say.
        self.levels = levels if levels is not None else load_levels(root / "pyproject.toml")
        unique = {f.path.resolve(): f for f in files}
        ordered = sorted(unique.values(), key=lambda f: shown(f.path, root))
        self.files = tuple(ordered)
        self.shown = tuple(shown(f.path, root) for f in ordered)
        covering: dict[Path, list[int]] = {}
        for index, file in enumerate(ordered):
            if file.consensus and not file.records:
                continue
            for article in file.articles:
                covering.setdefault(article, []).append(index)
        self.covering = {a: tuple(c) for a, c in covering.items()}
        self._unions: OrderedDict[tuple[int, ...], _Union] = OrderedDict()
        self._shared: OrderedDict[Path, tuple[Finding, ...]] = OrderedDict()

    def check(self, article: Path) -> tuple[Finding, ...]:
        """Every finding about ``article`` (a resolved path a record file lists), in order.

        Raises InputError when the article cannot be read.
        """
        group = self.covering.get(article, ())
        if not group:
            return ()
        if len(group) > 1 and article in self._shared:
            self._shared.move_to_end(article)
            return self._shared[article]
        document = read_document(article, root=self.root)
        text = document.text  # Markdown and HTML as plain text: findings are mapped back
        union = self._union(group)
        name = shown(article, self.root)
        if self.cache is None:
            found = union.check(article=name, text=text, attributions=attributions(text))
        else:
            cache = self.cache

            def compute() -> tuple[Finding, ...]:
                parsed = cache.parse(text, attributions)
                return union.check(article=name, text=text, attributions=parsed)

            found = cache.check(digest(text, name, union.signature), text, compute)
        if document.kind != "text":
            found = document.findings(found)  # lines and columns of the file itself
        found = self.levels.apply(suppress(found, cleared_lines(document.original)))
        if len(group) > 1:
            self._shared[article] = found
            if len(self._shared) > SHARED_KEPT:
                self._shared.popitem(last=False)
        return found

    def owner(self, article: Path) -> str | None:
        """The record file that owns what is about the article as a whole (house rules'
        findings): the first covering file, as reports show it; None when none covers it."""
        group = self.covering.get(article, ())
        return self.shown[group[0]] if group else None

    def parsed(self, article: Path) -> tuple[str, tuple[Attribution, ...]]:
        """The article's file text and its parse (through the cache), spans into the file
        (Markdown and HTML mapped back); InputError when unreadable."""
        document = read_document(article, root=self.root)
        return document.original, document.attributions(self.parse(document.text))

    def parse(self, text: str) -> tuple[Attribution, ...]:
        """An article's attributions, through the cache when there is one."""
        return parse(text, self.cache)

    def _union(self, group: tuple[int, ...]) -> _Union:
        union = self._unions.get(group)
        if union is None:
            union = _Union(
                [self.files[i] for i in group], [self.shown[i] for i in group], root=self.root
            )
            self._unions[group] = union
            if len(self._unions) > MATCHERS_KEPT:
                self._unions.popitem(last=False)
        else:
            self._unions.move_to_end(group)
        return union


class _Union:
    """One matcher over the records of every file covering an article.

    Records are renamed ``<file index>/<id>`` inside so ids from different files
    never collide, and every finding is mapped back to its own file's id, path and
    policy afterwards. A single file is matched as it is. The matcher is built
    when first needed: a warm run takes every article's findings from the cache.
    """

    def __init__(
        self, files: Sequence[RecordFile], shown_paths: Sequence[str], *, root: Path
    ) -> None:
        self.root = root
        self.files = files
        self.shown_paths = shown_paths
        #: What the findings depend on besides the article: each file's path and records.
        self.signature = digest(
            *(
                f"{path}\0{(f.unverified, f.possible_misquote, f.speakers, f.records)!r}"
                f"\0{_sources_signature(f)}"
                for f, path in zip(files, shown_paths, strict=True)
            )
        )
        self.origin = {
            f"{index}/{record.id}": (index, record)
            for index, file in enumerate(files)
            for record in file.records
        }
        policies = [f.policy("unverified-quote") for f in files]
        self.unverified_policy: Policy = min(policies, key=POLICIES.index)
        self.unverified_owner = policies.index(self.unverified_policy)
        self._matcher: Matcher | SourceMatcher | None = None

    @property
    def matcher(self) -> Matcher | SourceMatcher:
        if self._matcher is None:
            self._matcher = self._build()
        return self._matcher

    def _build(self) -> Matcher | SourceMatcher:
        if len(self.files) == 1:
            file, path = self.files[0], self.shown_paths[0]
            if file.sources:  # transcripts as records (attribution.check.transcripts)
                return SourceMatcher(file, root=self.root, shown_path=path)
            return Matcher(file, shown_path=path)
        merged = self._merged()
        if merged.sources:
            return SourceMatcher(merged, root=self.root, shown_path=self.shown_paths[0])
        return Matcher(merged, shown_path=self.shown_paths[0])

    def _merged(self) -> RecordFile:
        """One record file of every covering file's records (renamed), speakers, sources."""
        speakers: dict[str, list[str]] = {}
        for file in self.files:
            for speaker in file.speakers:
                known = speakers.setdefault(speaker.name, [])
                known.extend(a for a in speaker.aliases if a not in known)
        return RecordFile(
            path=self.files[0].path,
            articles=(),
            unverified="warn",  # nothing dropped inside: each file's policy is applied after
            possible_misquote="warn",
            speakers=tuple(Speaker(name=n, aliases=tuple(a)) for n, a in speakers.items()),
            records=tuple(
                dataclasses.replace(record, id=inside)
                for inside, (_, record) in self.origin.items()
            ),
            sources=tuple(s for f in self.files for s in f.sources),
        )

    def _source_owner(self, source: str) -> int:
        """The covering file whose ``sources:`` lists the transcript ``source`` points into."""
        for index, file in enumerate(self.files):
            if any(source.startswith(f"{entry.shown}:") for entry in file.sources):
                return index
        return 0

    def check(
        self, *, article: str, text: str, attributions: Sequence[Attribution]
    ) -> tuple[Finding, ...]:
        found = self.matcher.check(article=article, text=text, attributions=attributions).findings
        if len(self.files) == 1:
            return found
        out: list[Finding] = []
        for finding in found:
            if finding.source is not None:  # a transcript's words: the file listing it
                index = self._source_owner(finding.source)
                record_id, line = finding.record, finding.record_line
                policy = self.files[index].policy(finding.kind)
            elif finding.record is None:
                index, record_id, line = self.unverified_owner, None, None
                policy = self.unverified_policy
            else:
                index, record = self.origin[finding.record]
                record_id, line = record.id, record.line
                policy = self.files[index].policy(finding.kind)
            if policy == "ignore":
                continue
            out.append(
                dataclasses.replace(
                    finding,
                    record=record_id,
                    record_file=self.shown_paths[index],
                    record_line=line,
                    level="fail" if policy == "fail" else "warn",
                )
            )
        return tuple(out)


def _sources_signature(records: RecordFile) -> str:
    """What a file's transcripts hold, so cached findings go stale when one is edited."""
    parts = []
    for entry in records.sources:
        try:
            parts.append(digest(entry.path.read_bytes().decode("utf-8", "replace")))
        except OSError:
            parts.append("unreadable")
    return ",".join(parts)


def select(paths: Sequence[Path], layout: Layout) -> list[Path]:
    """Record files named directly, and those the layout finds under named folders."""
    found: list[Path] = []
    for path in (p.absolute() for p in paths):  # absolute: shown without a resolve each
        if path.is_dir():
            found.extend(layout.find(path, named=True))
        else:
            found.append(path)
    return found


def load_all(
    selected: Sequence[Path], layout: Layout, cache: Cache | None = None
) -> tuple[list[RecordFile], list[RecordFile]]:
    """The selected record files (a malformed one raises) and every other one of the layout,
    their texts' validation through ``cache`` when one is given.

    A malformed file that was not selected is left out of the union: its own run
    reports it.
    """
    drafts = cache.draft if cache is not None else None
    chosen = [load(p, root=layout.root, drafts=drafts) for p in selected]
    spelled = {f.path for f in chosen}
    seen = {f.path.resolve() for f in chosen}
    others: list[RecordFile] = []
    for path in layout.find(layout.root):
        if path in spelled or path.resolve() in seen:  # as spelled first: no system call
            continue
        try:
            others.append(load(path, root=layout.root, drafts=drafts))
        except ExpectationError:
            continue
    return chosen, others


def run(
    paths: Sequence[str | Path],
    *,
    root: Path | None = None,
    cache: Cache | None = None,
    layout: Layout | None = None,
    changed: Changes | None = None,
) -> CheckReport:
    """Load the record files under ``paths`` and check every article they cover.

    With ``changed``, only the articles the change touched (every article of a
    changed record file); the union still holds every record file. Raises
    ExpectationError for a malformed record file, AttributionError when ``paths``
    hold no record file. An unreadable article costs only itself: it is listed in
    ``errors``.
    """
    from attribution.check import consensus  # it reads articles through this module

    named = [Path(p) for p in paths]
    layout = layout or find_layout(named, root=root)
    selected = select(named, layout)
    if not selected:
        rule = (
            f"matching {', '.join(layout.globs)}"
            if layout.globs
            else "in a folder named 'expectations'"
        )
        where = ", ".join(str(p) for p in named)
        raise AttributionError(f"no record files in {where} (record files are YAML files {rule})")
    chosen, others = load_all(selected, layout, cache)
    checker = Checker([*chosen, *others], root=layout.root, cache=cache)
    mine = {shown(f.path, layout.root) for f in chosen}
    scope = [changed.narrow(f) if changed is not None else f for f in chosen]
    articles = sorted({a for f in scope for a in f.articles}, key=lambda a: shown(a, layout.root))
    findings: list[Finding] = []
    errors: dict[str, InputError] = {}
    read: set[str] = set()
    for article in articles:
        try:
            found = checker.check(article)
        except InputError as err:
            errors.setdefault(str(err), err)
            continue
        read.add(shown(article, layout.root))
        findings.extend(f for f in found if f.record_file in mine)
    checked: set[tuple[str, str]] = set()
    for records in scope:  # `consensus: true`: the file's articles against each other
        name = shown(records.path, layout.root)
        if records.consensus:
            try:
                groups = consensus.check_file(records, root=layout.root, parse=checker.parse)
            except InputError as err:
                errors.setdefault(str(err), err)
                continue
            findings.extend(f for g in groups for f in g.findings)
        covered = (shown(a, layout.root) for a in records.articles)
        checked.update((name, a) for a in covered if a in read)
    return CheckReport(
        files=tuple(sorted(mine)),
        articles=tuple(shown(a, layout.root) for a in articles),
        findings=tuple(findings),
        errors=tuple(errors.values()),
        checked=frozenset(checked),
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``attribution check``, shared with the ``attribution`` command line."""
    parser.add_argument("paths", nargs="+", type=Path, help="record files or folders of them")
    parser.add_argument("--report", type=Path, help="also write the JSON report here")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="PATH",
        help="JSON file of accepted findings (as the plugin's --attribution-baseline): "
        "only new findings fail",
    )
    parser.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings would fail the gate"
    )
    parser.add_argument(
        "--root", type=Path, help="articles must lie below this (default: the pytest rootdir)"
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every article afresh and keep nothing "
        "(default: reuse the parses in the pytest cache folder)",
    )
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


def cache_for(layout: Layout) -> Cache | None:
    """The parse cache the plugin uses too: ``<cache_dir>/d/attribution`` of the rootdir."""
    if layout.cache_dir is None:
        return None
    top = layout.cache_dir
    try:
        if not top.exists():
            top.mkdir(parents=True)
            # as pytest makes its cache folder: never committed, skipped by backup tools
            (top / ".gitignore").write_text("# Created by attribution.\n*\n", encoding="utf-8")
            (top / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n", encoding="utf-8"
            )
    except OSError:
        return None
    return Cache(top / "d" / "attribution")


def run_args(args: argparse.Namespace) -> int:
    """Print the report in ``--format``; 1 when the gate would fail, 2 for a malformed record
    or an unreadable article (after reporting everything else)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FormatWarning)
        try:
            if args.report is not None:
                writable(args.report)  # before any work: a typo costs a second, not a run
            layout = find_layout(args.paths, root=args.root)
            accepted = accepted_findings.read(args.baseline) if args.baseline else {}
            changed = changes(args.changed, cwd=Path.cwd()) if args.changed else None
            cache = None if args.no_cache else cache_for(layout)
            result = run(args.paths, cache=cache, layout=layout, changed=changed)
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
    keys = {id(f): accepted_findings.key(f.as_dict()) for f in result.findings}
    taken = [f for f in result.findings if keys[id(f)] in accepted]
    print(formatted(args.format, result, ascii_only=ascii_only, accepted=taken))
    if args.baseline:
        # beside the editors' report; on stderr when stdout is a document (json, sarif, ...)
        notes = out if args.format == "text" else sys.stderr
        print(f"{len(taken)} accepted by the baseline {args.baseline}", file=notes)
        for entry in accepted_findings.gone(accepted, keys.values(), result.checked):
            print(
                f"accepted finding gone: {entry.get('kind')}: {entry.get('article')} "
                f"record {entry.get('record')} {entry.get('quote')!r} "
                "(remove it from the baseline)",
                file=notes,
            )
    for problem in result.errors:
        print(f"attribution check: {problem}", file=sys.stderr)
    if args.report is not None:
        write_json(args.report, len(result.articles), result.findings)
    if result.errors:
        return 2
    failing = [f for f in result.failing() if keys[id(f)] not in accepted]
    return 0 if args.exit_zero or not failing else 1


def _show(caught: list[warnings.WarningMessage]) -> None:
    """A FormatWarning as one line on stderr, once per file; other warnings as Python shows them."""
    for note in dict.fromkeys(str(w.message) for w in caught if w.category is FormatWarning):
        print(f"attribution check: warning: {note}", file=sys.stderr)
    for w in caught:
        if w.category is not FormatWarning:
            warnings.showwarning(w.message, w.category, w.filename, w.lineno)


def formatted(
    fmt: str, result: CheckReport, *, ascii_only: bool = False, accepted: Sequence[Finding] = ()
) -> str:
    """The run in one of FORMATS, without a final newline; JSON as ``\\u`` escapes if asked.

    ``accepted`` findings (by a baseline) are marked as suppressed in SARIF.
    """
    if fmt == "json":
        document = as_json(len(result.articles), result.findings)
        return json.dumps(document, indent=2, ensure_ascii=ascii_only)
    if fmt == "sarif":
        return sarif.dumps(result.findings, accepted=accepted, ascii_only=ascii_only).rstrip("\n")
    if fmt == "github":
        return github.render(result.findings)
    return render(result.articles, result.findings)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m attribution.runner``: the same as ``attribution check``."""
    parser = argparse.ArgumentParser(
        prog="attribution check", description="Check articles against YAML records."
    )
    add_arguments(parser)
    return run_args(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
