"""The pytest plugin: record files become test files, (record file, article) pairs tests.

The only module that imports pytest, and a thin one: loading, parsing and
comparing happen in ``attribution.runner``. Collection only reads the record
files and lists the articles each covers; an article is read and parsed when
its item runs, in the process that runs it (so ``-k`` parses only what it
selects and xdist workers share the parsing), through the parse cache in
``.pytest_cache``. A ``consensus: true`` file also has an item per quote group
several of its articles report; those groups are found at collection, since
finding them takes the parses.

An item sits on its article's path and the line of its first finding, so JUnit,
annotations and IDEs point at the story, not at the record file. Findings travel
from xdist workers to the controller on the call's report (not in
``user_properties``, which JUnit writes); the controller writes the JSON report,
the SARIF file and the baseline. House rules (a ``pytest_attribution_article``
hook in a newsroom's ``conftest.py``) run once per article, with every finding
the records make about it, in the item of the record file that owns the article's
own findings.
"""

from __future__ import annotations

import dataclasses
import functools
import linecache
import warnings
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from attribution import baseline, hookspecs
from attribution.cache import Cache
from attribution.changed import Changes, changes
from attribution.check import consensus, house, transcripts
from attribution.check.findings import KINDS, Finding
from attribution.check.layout import INI_GLOBS, YAML_SUFFIXES, Layout, declares_articles
from attribution.check.records import Draft, RecordFile, load
from attribution.errors import AttributionError, ExpectationError
from attribution.parse.model import Attribution
from attribution.report import sarif
from attribution.report.files import writable
from attribution.report.json import write_json
from attribution.report.text import describe, headline
from attribution.runner import Checker, parse, shown

#: The attribute of a call's TestReport that carries its findings to the controller (xdist
#: serialises a report's attributes); kept out of ``user_properties``, which JUnit writes.
REPORT_ATTRIBUTE = "attribution"
#: JUnit properties (one-line strings) for findings that do not fail the item.
WARN_PROPERTY = "attribution-warning"
ACCEPTED_PROPERTY = "attribution-accepted"
RUN = "attribution-run"
KEYWORD = "attribution"


class AttributionWarning(pytest.PytestWarning):
    """A warn-level finding: shown in the summary, never failing the build."""


class UnverifiedQuoteWarning(AttributionWarning):
    """An attributed quote no record covers, in a file whose ``unverified`` is warn."""


class PossibleMisquoteWarning(AttributionWarning):
    """A quote that resembles a record of its speaker without being the same sentence."""


class DisputedQuoteWarning(AttributionWarning):
    """Outlets quote the same words in different ways, and no wording has a majority."""


WARNINGS: dict[str, type[AttributionWarning]] = {
    "unverified-quote": UnverifiedQuoteWarning,
    "possible-misquote": PossibleMisquoteWarning,
    "disputed": DisputedQuoteWarning,
}


class AttributionFailure(Exception):
    """Raised by an item whose findings the baseline does not accept."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        # A short message: pytest may show str(exc), and findings can be many.
        super().__init__(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
        self.findings = findings


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(hookspecs)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("attribution", "quote attribution records")
    group.addoption(
        "--attribution-report",
        metavar="PATH",
        default=None,
        help="write every finding as JSON to PATH",
    )
    group.addoption(
        "--attribution-sarif",
        metavar="PATH",
        default=None,
        help="write every finding as SARIF 2.1.0 to PATH (code scanning, IDEs)",
    )
    group.addoption(
        "--attribution-changed",
        "--changed",
        dest="attribution_changed",
        metavar="REF",
        default=None,
        help="only articles that differ from git REF (or are untracked), "
        "and every article of a record file that does",
    )
    group.addoption(
        "--attribution-baseline",
        metavar="PATH",
        default=None,
        help="JSON file of accepted findings: only new findings fail",
    )
    group.addoption(
        "--attribution-baseline-update",
        action="store_true",
        default=False,
        help="accept every finding of this run and write them to --attribution-baseline",
    )
    parser.addini(
        INI_GLOBS,
        type="linelist",
        default=[],
        help="globs (relative to rootdir) of record files to collect; "
        "default: YAML files in any folder named 'expectations'",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("attribution_baseline_update") and not config.getoption(
        "attribution_baseline"
    ):
        raise pytest.UsageError("--attribution-baseline-update needs --attribution-baseline PATH")
    config.pluginmanager.register(AttributionRun(config), RUN)


def _run(config: pytest.Config) -> AttributionRun:
    run: AttributionRun = config.pluginmanager.getplugin(RUN)
    return run


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix not in YAML_SUFFIXES or not _run(parent.config).wants(file_path):
        return None
    node: RecordFileNode = RecordFileNode.from_parent(parent, path=file_path)
    return node


class RecordFileNode(pytest.File):
    """One record file: an item per article it covers (nothing is parsed for those), and
    for ``consensus: true`` an item per quote group several of its articles report."""

    def collect(self) -> Iterator[pytest.Item]:
        run = _run(self.config)
        records = run.load(self.path)
        mine = shown(self.path, run.layout.root)
        for entry in records.sources:  # a bad transcript is this file's collection error
            transcripts.read(entry, record_file=records, shown_record=mine)
        # `-k RECORD-ID` selects the items that check that record: pytest matches -k against
        # every node's extra keywords up the chain, so one set per file serves all its items
        self.extra_keyword_matches.update(r.id for r in records.records)
        listed = records if run.changes is None else run.changes.narrow(records)
        if listed.consensus:
            yield from self._consensus_items(listed, mine)
            if not listed.records and not listed.sources:
                return
        names = [a.name for a in records.articles]  # ids do not change with --changed
        unique = len(set(names)) == len(names)
        for article in listed.articles:
            yield AttributionItem.from_parent(
                self,
                name=article.name if unique else shown(article, run.layout.root),
                article=article,
                record_file=mine,
            )

    def _consensus_items(self, records: RecordFile, mine: str) -> Iterator[pytest.Item]:
        run = _run(self.config)
        root = run.layout.root
        for group_check in consensus.check_file(records, root=root, parse=run.parse):
            group = group_check.group
            findings = group_check.findings
            # located at the outlet that departs, else at the group's first outlet
            article = findings[0].article if findings else group.articles[0]
            yield ConsensusItem.from_parent(
                self,
                name=group.id,
                article=root / article,
                record_file=mine,
                findings=findings,
                articles=group.articles,
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class AttributionItem(pytest.Item):
    """One article checked against one record file's records (and the quotes it owns).

    Its location (``reportinfo``) is the article and, once it has run, the line of
    its first finding. Once its report is made it keeps only that line: thousands of
    items stay in the session, their findings must not.
    """

    def __init__(self, *, article: Path, record_file: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.record_file = record_file
        self.keywords[KEYWORD] = True  # `-k attribution` selects the gate's items
        root = _run(self.config).layout.root
        #: The articles this item counts, and the (record file, article) pairs it checks.
        self.articles: tuple[str, ...] = (shown(article, root),)
        #: The line of the first finding (pytest's location), once known.
        self.line: int | None = None
        #: The findings as shipped to the controller; None until the check is done, and
        #: again once the call's report carries them.
        self.shipped: list[dict[str, object]] | None = None

    def checks(self) -> tuple[Finding, ...]:
        """This item's findings: its record file's about the article, and house rules'."""
        run = _run(self.config)
        checker = run.checker()
        everything = checker.check(self.article)
        found = tuple(f for f in everything if f.record_file == self.record_file)
        if checker.owner(self.article) == self.record_file:
            found += run.house_findings(self.article, everything, owner=self.record_file)
        return found

    def runtest(self) -> None:
        run = _run(self.config)
        run.forget_lines()
        self.shipped = None
        findings = self.checks()
        lines = [f.line for f in findings if f.line is not None]
        self.line = min(lines) if lines else None
        self.__dict__.pop("location", None)  # the line is known now: the reports take it
        failing: list[Finding] = []
        shipped: list[dict[str, object]] = []
        warned: list[Finding] = []
        for finding in findings:
            data = finding.to_json()
            accepted = run.accepts(data)
            shipped.append({**data, "item": self.nodeid, "accepted": accepted})
            if finding.level == "warn":
                warned.append(finding)
            elif accepted:
                self.user_properties.append((ACCEPTED_PROPERTY, headline(finding)))
            else:
                failing.append(finding)
        self.shipped = shipped
        for finding in warned:
            category = WARNINGS.get(finding.kind, AttributionWarning)
            filename = str(run.layout.root / finding.article)
            run.lines_read.add(filename)
            try:
                warnings.warn_explicit(  # points at the article line, not at this module
                    category(describe(finding)),
                    category,
                    filename=filename,
                    lineno=finding.line or 1,
                )
            except AttributionWarning:  # -W error::...Warning: the finding fails like any other
                failing.append(finding)
            else:
                self.user_properties.append((WARN_PROPERTY, headline(finding)))
        if failing:
            raise AttributionFailure(tuple(failing))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionFailure):
            return "\n\n".join(describe(f) for f in excinfo.value.findings)
        if isinstance(excinfo.value, AttributionError):  # an unreadable article: one line
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def domain(self) -> str:
        # Not a suffix of the node id: pytest would show the id with '.' turned into '::'
        # (``steel-daily::txt``), and the id shown must select the item when pasted back.
        return f"{self.articles[0]} (records: {self.record_file})"

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = None if self.line is None else self.line - 1  # pytest counts lines from 0
        return self.article, line, self.domain()


class ConsensusItem(AttributionItem):
    """One quote group the outlets of a ``consensus: true`` file report, found at collection;
    located at the outlet that departs, else at the group's first outlet."""

    def __init__(
        self, *, findings: tuple[Finding, ...], articles: tuple[str, ...], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.found = findings
        lines = [f.line for f in findings if f.line is not None]
        self.line = min(lines) if lines else None  # the location is known before the run
        self.articles = articles

    def checks(self) -> tuple[Finding, ...]:
        return self.found

    def domain(self) -> str:
        return f"consensus group {self.name} (records: {self.record_file})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach what the controller needs of the call's findings to its report, which xdist
    ships: their kinds and how many the baseline accepts for the summary, their baseline
    keys with a baseline, and the findings themselves only when a file written at the end
    needs them (xdist serialises every value: whole findings cost workers a third of
    their time on an archive's first run)."""
    report = yield
    if call.when == "call" and isinstance(item, AttributionItem):
        run = _run(item.config)
        shipped: dict[str, object] = {"articles": list(item.articles)}
        findings = item.shipped
        if findings is not None:  # checked to the end (not an unreadable article)
            shipped["kinds"] = [f.get("kind") for f in findings]
            shipped["accepted"] = sum(bool(f.get("accepted")) for f in findings)
            if run.keep:
                shipped["findings"] = findings
            if run.baseline:
                shipped["keys"] = [baseline.key(f) for f in findings]
                shipped["checked"] = [[item.record_file, a] for a in item.articles]
            item.shipped = None  # the report carries them now
        setattr(report, REPORT_ATTRIBUTE, shipped)
    return report


class AttributionRun:
    """Per-process state: the layout, record files, the checker; on the controller, findings."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        globs: list[str] = config.getini(INI_GLOBS)
        self.layout = Layout(root=config.rootpath.resolve(), globs=tuple(globs))
        self.update = bool(config.getoption("attribution_baseline_update"))
        option = config.getoption("attribution_baseline")
        self.baseline_path = Path(option) if option else None
        self.baseline: dict[baseline.Key, dict[str, object]] = {}
        if self.baseline_path is not None and not self.update:
            try:
                self.baseline = baseline.read(self.baseline_path)
            except AttributionError as err:
                raise pytest.UsageError(str(err)) from None
        outputs = ["attribution_report", "attribution_sarif"]
        if config.getoption("attribution_baseline_update"):
            outputs.append("attribution_baseline")
        for option in outputs:
            destination = config.getoption(option)
            if destination:
                try:  # before any work: a typo costs a second, not a run
                    writable(Path(destination))
                except AttributionError as err:
                    raise pytest.UsageError(str(err)) from None
        self.changes: Changes | None = None
        ref = config.getoption("attribution_changed")
        if ref:
            try:
                self.changes = changes(ref, cwd=config.invocation_params.dir)
            except AttributionError as err:
                raise pytest.UsageError(str(err)) from None
        self.records: dict[Path, RecordFile] = {}
        self._real: dict[Path, Path] = {}
        self._named: frozenset[Path] | None = None
        self._named_dirs: tuple[Path, ...] = ()
        self._checker: Checker | None = None
        #: Every finding as shipped, kept only when a file written at the end needs them
        #: (the JSON report, SARIF, the baseline to update): an archive's first run has
        #: tens of thousands, and the summary needs only their counts.
        self.keep = bool(
            config.getoption("attribution_report")
            or config.getoption("attribution_sarif")
            or (self.update and self.baseline_path is not None)
        )
        self.findings: list[dict[str, object]] = []
        self.counts: Counter[str] = Counter()
        self.accepted = 0
        #: Baseline keys of this run's findings, and the (record file, article) pairs some
        #: item checked to the end: with a baseline, what tells an accepted finding gone.
        self.produced: set[baseline.Key] = set()
        self.checked: set[tuple[str, str]] = set()
        self.articles: set[str] = set()
        self.items_run = 0
        #: Articles whose lines a warning made pytest read (``forget_lines``).
        self.lines_read: set[str] = set()

    def wants(self, path: Path) -> bool:
        """Named on the command line, or a record file by the layout (ini globs or folder);
        as for ``attribution check``, a YAML file that declares ``articles:`` in a folder
        named on the command line (not one from ``testpaths``), when no globs are set."""
        if self._named is None:  # once: N files named must not cost N x N
            base = self.config.invocation_params.dir
            self._named = frozenset(
                (base / arg.split("::", 1)[0]).resolve() for arg in self.config.args
            )
            given = self.config.args_source == pytest.Config.ArgsSource.ARGS
            self._named_dirs = tuple(p for p in self._named if given and p.is_dir())
        resolved = self.real(path)
        if resolved in self._named or self.layout.is_record(path):
            return True
        inside = any(resolved.is_relative_to(d) for d in self._named_dirs)
        return inside and not self.layout.globs and declares_articles(path)

    def load(self, path: Path) -> RecordFile:
        records = load(path, root=self.layout.root, drafts=self.drafts)
        self.records[self.real(path)] = records
        return records

    def real(self, path: Path) -> Path:
        """``path.resolve()``, once per path a run (a system call per component, and
        collection, loading and the checker each ask about every record file)."""
        found = self._real.get(path)
        if found is None:
            found = self._real[path] = path.resolve()
        return found

    @functools.cached_property
    def parses(self) -> Cache | None:
        """The parse cache in ``.pytest_cache``; None under ``-p no:cacheprovider``."""
        cache = getattr(self.config, "cache", None)
        return Cache(cache.mkdir("attribution")) if cache is not None else None

    @functools.cached_property
    def drafts(self) -> Callable[[str], Draft] | None:
        """Record files' texts validated through the same cache (``Cache.draft``)."""
        return self.parses.draft if self.parses is not None else None

    def parse(self, text: str) -> tuple[Attribution, ...]:
        return parse(text, self.parses)

    def checker(self) -> Checker:
        """Built at the first item: every record file collected, and the layout's others."""
        if self._checker is None:
            files = dict(self.records)
            for path in self.layout.find(self.layout.root):
                if self.real(path) not in files:
                    try:
                        files[self.real(path)] = load(
                            path, root=self.layout.root, drafts=self.drafts
                        )
                    except ExpectationError:
                        continue  # reported when that file itself is collected
            self._checker = Checker(files.values(), root=self.layout.root, cache=self.parses)
        return self._checker

    def house_findings(
        self, article: Path, findings: tuple[Finding, ...], *, owner: str
    ) -> tuple[Finding, ...]:
        """The house rules' findings for an article, given every finding the records make."""
        hook = self.config.hook.pytest_attribution_article
        if not hook.get_hookimpls():
            return ()
        text, parsed = self.checker().parsed(article)
        view = house.Article(path=shown(article, self.layout.root), text=text, attributions=parsed)
        found = house.collect(view, hook(article=view, findings=findings))
        return tuple(dataclasses.replace(f, record_file=owner) for f in found)

    def forget_lines(self) -> None:
        """Drop the articles pytest read into ``linecache`` to show a warning's line.

        pytest formats an item's warnings after its teardown, through ``linecache``,
        which keeps every file it reads: an archive's worth of articles by the end. The
        next item (and the end of the session) lets go of the ones read before.
        """
        for filename in self.lines_read:
            linecache.cache.pop(filename, None)
        self.lines_read.clear()

    def accepts(self, finding: dict[str, object]) -> bool:
        """Whether the baseline accepts a finding (its ``to_json``): every one when updating."""
        return self.update or baseline.key(finding) in self.baseline

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call":
            self._forget(report)
            return
        if hasattr(self.config, "workerinput"):
            return  # an xdist worker ships the report as it is: the controller reads it
        shipped = getattr(report, REPORT_ATTRIBUTE, None)
        if not isinstance(shipped, dict):
            return
        self.articles.update(str(a) for a in shipped.get("articles", ()))
        kinds = shipped.get("kinds")
        if isinstance(kinds, list):
            self.items_run += 1
            self.counts.update(str(kind) for kind in kinds)
            self.accepted += int(shipped.get("accepted") or 0)
            if self.keep:
                self.findings.extend(shipped.get("findings", ()))
            if self.baseline:
                self.produced.update(tuple(key) for key in shipped.get("keys", ()))
                self.checked.update((str(f), str(a)) for f, a in shipped.get("checked", ()))
        # pytest keeps every report to the end of the run: it keeps no finding
        delattr(report, REPORT_ATTRIBUTE)

    def _forget(self, report: pytest.TestReport) -> None:
        """Drop a silent setup or teardown report of our item from the terminal's statistics.

        For every failure, pytest's failure summary scans all the reports kept under
        the empty category (two a test: the setup and the teardown that passed) for
        teardown output: quadratic, minutes for thousands of failing articles. Ours
        never have any; the category is left out of every count, so nothing shown
        changes. Only the report just added, and only when it is ours and silent.
        """
        if not (report.passed and not report.sections and KEYWORD in report.keywords):
            return
        terminal = self.config.pluginmanager.get_plugin("terminalreporter")
        kept = getattr(terminal, "stats", {}).get("")
        if isinstance(kept, list) and kept and kept[-1] is report:
            kept.pop()

    @pytest.hookimpl
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.forget_lines()
        if hasattr(self.config, "workerinput"):
            return  # the xdist controller writes the files
        report = self.config.getoption("attribution_report")
        if report:
            write_json(Path(report), len(self.articles), self._as_findings())
        sarif_path = self.config.getoption("attribution_sarif")
        if sarif_path:
            accepted = [
                Finding.from_json(f)
                for f in self.findings
                if f.get("accepted") and f.get("level") == "fail"
            ]
            sarif.write(Path(sarif_path), self._as_findings(), accepted=accepted)
        if self.update and self.baseline_path is not None:
            baseline.write(self.baseline_path, self.findings)

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.items_run or hasattr(self.config, "workerinput"):
            return
        line = f"attribution: {len(self.articles)} articles, {_summary(self.counts)}"
        if self.baseline_path is not None:
            line += f" ({self.accepted} accepted by the baseline)"
        terminalreporter.write_sep("-", "attribution")
        terminalreporter.write_line(line)
        if self.update and self.baseline_path is not None:
            terminalreporter.write_line(f"baseline written: {self.baseline_path}")
        for gone in baseline.gone(self.baseline, self.produced, self.checked):
            terminalreporter.write_line(
                f"accepted finding gone: {gone.get('kind')}: {gone.get('article')} "
                f"record {gone.get('record')} {gone.get('quote')!r} (remove it from the baseline)"
            )

    def _as_findings(self) -> list[Finding]:
        return [Finding.from_json(f) for f in self.findings]


def _summary(counts: Counter[str]) -> str:
    """``report.text.summary``'s line from counts per kind: the findings are not kept."""
    house = sorted(set(counts) - set(KINDS))
    shown = [f"{counts[kind]} {kind}" for kind in (*KINDS, *house) if counts[kind]]
    return ", ".join(shown) if shown else "no findings"


__all__ = [
    "AttributionItem",
    "AttributionWarning",
    "ConsensusItem",
    "DisputedQuoteWarning",
    "PossibleMisquoteWarning",
    "RecordFileNode",
    "UnverifiedQuoteWarning",
]
