"""The pytest plugin: record files become test files, (article, record) pairs become tests.

The only module that imports pytest, and a thin one: loading, parsing and
comparing happen in ``attribution.check``; this module maps the results onto
pytest's collection tree, ships findings from xdist workers to the controller
as ``user_properties``, and writes the JSON report and the baseline there.
"""

from __future__ import annotations

import fnmatch
import json
import warnings
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from attribution import consensus, hookspecs, house, sarif
from attribution.changed import Changes, changes
from attribution.check import YAML_SUFFIXES, attributions, check_records, read_document, shown
from attribution.compare import ArticleCheck
from attribution.errors import AttributionError
from attribution.findings import Finding
from attribution.records import Policy, RecordFile, load
from attribution.report import describe, headline, summary, write_atomic, write_json

INI_GLOBS = "attribution_expectations"
FOLDER = "expectations"
#: The attribute of a call's TestReport that carries its findings to the controller (xdist
#: serialises a report's attributes); kept out of ``user_properties``, which JUnit writes.
REPORT_ATTRIBUTE = "attribution"
#: JUnit properties (one-line strings) for findings that do not fail the item.
WARN_PROPERTY = "attribution-warning"
ACCEPTED_PROPERTY = "attribution-accepted"


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
        super().__init__(findings)
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
    config.pluginmanager.register(AttributionRun(config), "attribution-run")


def _run(config: pytest.Config) -> AttributionRun:
    run: AttributionRun = config.pluginmanager.getplugin("attribution-run")
    return run


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix not in YAML_SUFFIXES or not _wanted(file_path, parent.config):
        return None
    node: RecordFileNode = RecordFileNode.from_parent(parent, path=file_path)
    return node


def _wanted(path: Path, config: pytest.Config) -> bool:
    """Named on the command line, or matched by the ini globs (default: an expectations folder)."""
    if path.resolve() in _named(config):
        return True
    try:
        relative = path.resolve().relative_to(config.rootpath.resolve())
    except ValueError:
        return False
    globs: list[str] = config.getini(INI_GLOBS)
    if globs:
        return any(fnmatch.fnmatch(relative.as_posix(), g) for g in globs)
    return FOLDER in relative.parts[:-1]


def _named(config: pytest.Config) -> frozenset[Path]:
    base = config.invocation_params.dir
    return frozenset((base / arg.split("::", 1)[0]).resolve() for arg in config.args)


class RecordFileNode(pytest.File):
    """One record file; its items are computed at collection so every xdist worker agrees."""

    def collect(self) -> Iterable[pytest.Item | pytest.Collector]:
        root = self.config.rootpath
        records = load(self.path, root=root)
        changed = _run(self.config).changes
        if changed is not None:
            records = changed.narrow(records)
        if records.consensus:
            yield from self._consensus_items(records)
            if not records.records and not records.sources:
                return
        result = check_records(records, root=root)
        articles = [a.article for a in result.articles]
        names = [Path(a).name for a in articles]
        unique = len(set(names)) == len(names)
        for check in result.articles:
            yield ArticleNode.from_parent(
                self,
                name=Path(check.article).name if unique else check.article,
                check=check,
                policy=records.unverified,
                articles=articles,
            )

    def _consensus_items(self, records: RecordFile) -> Iterator[pytest.Item]:
        """One item per quote group several outlets report (``consensus: true``)."""
        root = self.config.rootpath
        articles = [shown(a, root) for a in records.articles]
        for group_check in consensus.check_file(records, root=root):
            findings = group_check.findings
            # located at the outlet that departs, else at the group's first outlet
            article = findings[0].article if findings else (articles[0] if articles else "")
            yield AttributionItem.from_parent(
                self,
                name=group_check.group.id,
                findings=findings,
                policy=records.unverified,
                articles=articles,
                article=article,
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class ArticleNode(pytest.Collector):
    """One article under one record file; a node of its own so ids read ``article::record``."""

    def __init__(
        self, *, check: ArticleCheck, policy: Policy, articles: list[str], **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.check = check
        self.policy = policy
        self.articles = articles

    def collect(self) -> Iterable[pytest.Item]:
        article = self.check.article
        for record_check in self.check.records:
            yield AttributionItem.from_parent(
                self,
                name=record_check.record.id,
                findings=record_check.findings,
                policy=self.policy,
                articles=self.articles,
                article=article,
            )
        if self.policy != "ignore":
            for finding in self.check.unverified:
                yield AttributionItem.from_parent(
                    self,
                    name=f"unverified-{finding.line}-{finding.column}",
                    findings=(finding,),
                    policy=self.policy,
                    articles=self.articles,
                    article=article,
                )
        by_name: dict[str, list[Finding]] = {}
        for finding in _run(self.config).house_findings(self.check):
            by_name.setdefault(f"{finding.kind}-{finding.line}-{finding.column}", []).append(
                finding
            )
        for name, found in by_name.items():
            yield AttributionItem.from_parent(
                self,
                name=name,
                findings=tuple(found),
                policy=self.policy,
                articles=self.articles,
                article=article,
            )

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class AttributionItem(pytest.Item):
    """One (article, record) pair, one unverified quote, or one house rule's finding.

    Its location (``reportinfo``) is the article and the line of its first finding,
    so JUnit, annotations and IDEs point at the story, not at the record file.
    """

    def __init__(
        self,
        *,
        findings: tuple[Finding, ...],
        policy: Policy,
        articles: list[str],
        article: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.findings = findings
        self.policy = policy
        self.articles = articles
        self.article = article
        self.shipped: list[dict[str, object]] = []

    def runtest(self) -> None:
        run = _run(self.config)
        failing: list[Finding] = []
        shipped = self.shipped
        shipped.clear()
        for finding in self.findings:
            accepted = run.accepts(finding)
            shipped.append({**finding.to_json(), "item": self.nodeid, "accepted": accepted})
            if finding.level == "warn":
                category = WARNINGS.get(finding.kind, AttributionWarning)
                warnings.warn_explicit(  # points at the article line, not at this module
                    category(describe(finding)),
                    category,
                    filename=str(self.config.rootpath / finding.article),
                    lineno=finding.line or 1,
                )
                self.user_properties.append((WARN_PROPERTY, headline(finding)))
            elif accepted:
                self.user_properties.append((ACCEPTED_PROPERTY, headline(finding)))
            else:
                failing.append(finding)
        if failing:
            raise AttributionFailure(tuple(failing))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, AttributionFailure):
            return "\n\n".join(describe(f) for f in excinfo.value.findings)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        assert self.parent is not None
        lines = [f.line for f in self.findings if f.line is not None]
        return (
            self.config.rootpath / self.article,
            min(lines) - 1 if lines else None,  # pytest counts lines from 0
            f"{self.parent.name}::{self.name}",
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach the call's findings to its report, which xdist ships to the controller."""
    report = yield
    if call.when == "call" and isinstance(item, AttributionItem):
        setattr(report, REPORT_ATTRIBUTE, {"findings": item.shipped, "articles": item.articles})
    return report


class AttributionRun:
    """Per-session state: the baseline, and on the controller the findings of every item."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.update = bool(config.getoption("attribution_baseline_update"))
        option = config.getoption("attribution_baseline")
        self.baseline_path = Path(option) if option else None
        self.baseline: dict[tuple[object, ...], dict[str, object]] = {}
        if self.baseline_path is not None and not self.update:
            self.baseline = _read_baseline(self.baseline_path)
        self.findings: list[dict[str, object]] = []
        self.articles: set[str] = set()
        self.items_run: set[str] = set()
        self.changes: Changes | None = None
        ref = config.getoption("attribution_changed")
        if ref:
            try:
                self.changes = changes(ref, cwd=config.invocation_params.dir)
            except AttributionError as err:
                raise pytest.UsageError(str(err)) from None
        self.house_done: set[str] = set()

    def house_findings(self, check: ArticleCheck) -> tuple[Finding, ...]:
        """The house rules' findings for an article, once per run (the first record file's)."""
        hook = self.config.hook.pytest_attribution_article
        if not hook.get_hookimpls() or check.article in self.house_done:
            return ()
        self.house_done.add(check.article)
        root = self.config.rootpath
        document = read_document(root / check.article, root=root)
        found = document.attributions(attributions(document.text))  # spans into the file
        article = house.Article(path=check.article, text=document.original, attributions=found)
        return house.collect(article, hook(article=article, findings=check.findings))

    def accepts(self, finding: Finding) -> bool:
        return self.update or _key(finding.as_dict()) in self.baseline

    @pytest.hookimpl
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        shipped = getattr(report, REPORT_ATTRIBUTE, None)
        if report.when != "call" or not isinstance(shipped, dict):
            return
        self.items_run.add(report.nodeid)
        self.findings.extend(shipped.get("findings", ()))
        self.articles.update(str(a) for a in shipped.get("articles", ()))

    @pytest.hookimpl
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
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
            entries = sorted(
                ({k: f[k] for k in (*_KEY_FIELDS, "item")} for f in self.findings),
                key=lambda f: json.dumps(f, sort_keys=True),
            )
            write_atomic(
                self.baseline_path,
                json.dumps({"accepted": entries}, indent=2, ensure_ascii=False) + "\n",
            )

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
        now = {_key(f) for f in self.findings}
        for key, entry in sorted(self.baseline.items(), key=lambda kv: repr(kv[0])):
            if key not in now and entry.get("item") in self.items_run:
                yield entry

    def _as_findings(self) -> list[Finding]:
        return [Finding.from_json(f) for f in self.findings]


_KEY_FIELDS = ("article", "kind", "record", "speaker", "quote")


def _key(entry: dict[str, object]) -> tuple[object, ...]:
    """Baseline identity; whitespace in the quote does not matter."""
    quote = entry.get("quote")
    return (
        entry.get("article"),
        entry.get("kind"),
        entry.get("record"),
        entry.get("speaker"),
        " ".join(quote.split()) if isinstance(quote, str) else quote,
    )


def _read_baseline(path: Path) -> dict[tuple[object, ...], dict[str, object]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise pytest.UsageError(
            f"{path}: baseline not found (create it with --attribution-baseline-update)"
        ) from None
    except (OSError, ValueError) as err:
        raise pytest.UsageError(f"{path}: cannot read baseline: {err}") from None
    entries = document.get("accepted") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise pytest.UsageError(f'{path}: baseline must be {{"accepted": [finding, ...]}}')
    return {_key(e): e for e in entries}


__all__ = [
    "AttributionItem",
    "AttributionWarning",
    "DisputedQuoteWarning",
    "PossibleMisquoteWarning",
    "RecordFileNode",
    "UnverifiedQuoteWarning",
]
