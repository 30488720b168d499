"""The pytest plugin: record files become test files, (record file, article) pairs tests.

The only module that imports pytest, and a thin one: loading, parsing and
comparing happen in ``attribution.check``. Collection only reads the record
files and lists the articles each covers; an article is read and parsed when
its item runs, in the process that runs it (so ``-k`` parses only what it
selects and xdist workers share the parsing), through the parse cache in
``.pytest_cache``. Findings travel from xdist workers to the controller as
``user_properties``; the controller writes the JSON report and the baseline.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from attribution import baseline
from attribution.cache import Cache
from attribution.check import Checker, shown
from attribution.errors import AttributionError, ExpectationError
from attribution.findings import Finding
from attribution.layout import INI_GLOBS, YAML_SUFFIXES, Layout
from attribution.records import RecordFile, load
from attribution.report import describe, summary, write_json

FINDINGS_PROPERTY = "attribution_findings"
ARTICLES_PROPERTY = "attribution_articles"
RUN = "attribution-run"
KEYWORD = "attribution"


class AttributionWarning(pytest.PytestWarning):
    """A warn-level finding: shown in the summary, never failing the build."""


class UnverifiedQuoteWarning(AttributionWarning):
    """An attributed quote no record covers, in a file whose ``unverified`` is warn."""


class PossibleMisquoteWarning(AttributionWarning):
    """A quote that resembles a record of its speaker without being the same sentence."""


WARNINGS: dict[str, type[AttributionWarning]] = {
    "unverified-quote": UnverifiedQuoteWarning,
    "possible-misquote": PossibleMisquoteWarning,
}


class AttributionFailure(Exception):
    """Raised by an item whose findings the baseline does not accept."""

    def __init__(self, findings: tuple[Finding, ...]) -> None:
        # A short message: pytest may show str(exc), and findings can be many.
        super().__init__(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
        self.findings = findings


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("attribution", "quote attribution records")
    group.addoption(
        "--attribution-report",
        metavar="PATH",
        default=None,
        help="write every finding as JSON to PATH",
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
    """One record file: an item per article it covers; nothing is parsed here."""

    def collect(self) -> Iterator[pytest.Item]:
        run = _run(self.config)
        records = run.load(self.path)
        mine = shown(self.path, run.layout.root)
        names = [a.name for a in records.articles]
        unique = len(set(names)) == len(names)
        for article in records.articles:
            yield AttributionItem.from_parent(
                self,
                name=article.name if unique else shown(article, run.layout.root),
                article=article,
                record_file=mine,
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class AttributionItem(pytest.Item):
    """One article checked against one record file's records (and the quotes it owns)."""

    def __init__(self, *, article: Path, record_file: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.record_file = record_file
        self.keywords[KEYWORD] = True  # `-k attribution` selects the gate's items

    def runtest(self) -> None:
        run = _run(self.config)
        self.user_properties.append((ARTICLES_PROPERTY, [shown(self.article, run.layout.root)]))
        found = [f for f in run.checker().check(self.article) if f.record_file == self.record_file]
        failing: list[Finding] = []
        shipped: list[dict[str, object]] = []
        warned: list[Finding] = []
        for finding in found:
            accepted = run.accepts(finding)
            shipped.append({**finding.as_dict(), "item": self.nodeid, "accepted": accepted})
            if finding.level == "warn":
                warned.append(finding)
            elif not accepted:
                failing.append(finding)
        self.user_properties.append((FINDINGS_PROPERTY, shipped))
        for finding in warned:
            category = WARNINGS.get(finding.kind, AttributionWarning)
            try:
                warnings.warn_explicit(  # points at the article line, not at this module
                    category(describe(finding)),
                    category,
                    filename=str(run.layout.root / finding.article),
                    lineno=finding.line or 1,
                )
            except AttributionWarning:  # -W error::...Warning: the finding fails like any other
                failing.append(finding)
        if failing:
            raise AttributionFailure(tuple(failing))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionFailure):
            return "\n\n".join(describe(f) for f in excinfo.value.findings)
        if isinstance(excinfo.value, AttributionError):  # an unreadable article: one line
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        # Not a suffix of the node id: pytest would show the id with '.' turned into '::'
        # (``steel-daily::txt``), and the id shown must select the item when pasted back.
        article = shown(self.article, self.config.rootpath)
        return self.path, None, f"{article} (records: {self.record_file})"


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
        self.records: dict[Path, RecordFile] = {}
        self._named: frozenset[Path] | None = None
        self._checker: Checker | None = None
        self.findings: list[dict[str, object]] = []
        self.articles: set[str] = set()
        self.items_run: set[str] = set()

    def wants(self, path: Path) -> bool:
        """Named on the command line, or a record file by the layout (ini globs or folder)."""
        if self._named is None:  # once: N files named must not cost N x N
            base = self.config.invocation_params.dir
            self._named = frozenset(
                (base / arg.split("::", 1)[0]).resolve() for arg in self.config.args
            )
        return path.resolve() in self._named or self.layout.is_record(path)

    def load(self, path: Path) -> RecordFile:
        records = load(path, root=self.layout.root)
        self.records[path.resolve()] = records
        return records

    def checker(self) -> Checker:
        """Built at the first item: every record file collected, and the layout's others."""
        if self._checker is None:
            files = dict(self.records)
            for path in self.layout.find(self.layout.root):
                if path.resolve() not in files:
                    try:
                        files[path.resolve()] = load(path, root=self.layout.root)
                    except ExpectationError:
                        continue  # reported when that file itself is collected
            cache = getattr(self.config, "cache", None)  # None under -p no:cacheprovider
            parses = Cache(cache.mkdir("attribution")) if cache is not None else None
            self._checker = Checker(files.values(), root=self.layout.root, cache=parses)
        return self._checker

    def accepts(self, finding: Finding) -> bool:
        return self.update or baseline.key(finding.as_dict()) in self.baseline

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when != "call":
            self._forget(report)
            return
        for name, value in report.user_properties:
            if name == FINDINGS_PROPERTY and isinstance(value, list):
                self.items_run.add(report.nodeid)
                self.findings.extend(value)
            elif name == ARTICLES_PROPERTY and isinstance(value, list):
                self.articles.update(str(a) for a in value)

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
        if hasattr(self.config, "workerinput"):
            return  # the xdist controller writes the files
        report = self.config.getoption("attribution_report")
        if report:
            write_json(Path(report), len(self.articles), self._as_findings())
        if self.update and self.baseline_path is not None:
            baseline.write(self.baseline_path, self.findings)

    @pytest.hookimpl
    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.items_run or hasattr(self.config, "workerinput"):
            return
        found = self._as_findings()
        accepted = sum(bool(f.get("accepted")) for f in self.findings)
        line = f"attribution: {len(self.articles)} articles, {summary(found)}"
        if self.baseline_path is not None:
            line += f" ({accepted} accepted by the baseline)"
        terminalreporter.write_sep("-", "attribution")
        terminalreporter.write_line(line)
        if self.update and self.baseline_path is not None:
            terminalreporter.write_line(f"baseline written: {self.baseline_path}")
        for gone in self._gone():
            terminalreporter.write_line(
                f"accepted finding gone: {gone.get('kind')}: {gone.get('article')} "
                f"record {gone.get('record')} {gone.get('quote')!r} (remove it from the baseline)"
            )

    def _gone(self) -> Iterator[dict[str, object]]:
        """Accepted findings that an item which ran no longer produces."""
        now = {baseline.key(f) for f in self.findings}
        for key, entry in sorted(self.baseline.items(), key=lambda kv: repr(kv[0])):
            if key not in now and entry.get("item") in self.items_run:
                yield entry

    def _as_findings(self) -> list[Finding]:
        return [
            Finding(**{k: f[k] for k in _REPORT_FIELDS})  # type: ignore[arg-type]
            for f in self.findings
        ]


_REPORT_FIELDS = (
    "article",
    "kind",
    "record",
    "speaker",
    "quote",
    "expected",
    "line",
    "column",
    "level",
)


__all__ = [
    "AttributionItem",
    "AttributionWarning",
    "PossibleMisquoteWarning",
    "RecordFileNode",
    "UnverifiedQuoteWarning",
]
