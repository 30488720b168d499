"""House rules: what a newsroom's ``pytest_attribution_article`` hook sees and returns."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from attribution.check.findings import HOUSE_KIND, KINDS, Finding, Level, parsed
from attribution.check.source import line_column
from attribution.errors import AttributionError
from attribution.parse.model import Attribution


class HouseRuleError(AttributionError):
    """A house rule returned something that is not a finding of its own kind."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One article as the gate read it: ``path`` relative to the root, the text, its quotes."""

    path: str
    text: str
    attributions: tuple[Attribution, ...]

    def finding(
        self,
        attribution: Attribution,
        *,
        kind: str,
        message: str,
        level: Level = "fail",
    ) -> Finding:
        """A house-rule finding at ``attribution``'s quote."""
        line, column = line_column(self.text, attribution.quote.start)
        return Finding(
            **parsed(attribution),
            kind=kind,
            article=self.path,
            record=None,
            expected=None,
            line=line,
            column=column,
            level=level,
            message=message,
        )


def collect(article: Article, results: Iterable[Iterable[Finding] | None]) -> tuple[Finding, ...]:
    """The findings every hook implementation returned, checked, in a stable order."""
    found: list[Finding] = []
    for result in results:
        if result is None:
            continue
        for finding in result:
            if not isinstance(finding, Finding):
                raise HouseRuleError(
                    f"{article.path}: a pytest_attribution_article hook returned "
                    f"{type(finding).__name__}, not a Finding (use article.finding(...))"
                )
            if finding.kind in KINDS or not HOUSE_KIND.fullmatch(finding.kind):
                raise HouseRuleError(
                    f"{article.path}: a house rule's kind must be its own, lower-case words "
                    f"joined by hyphens, not {finding.kind!r}"
                )
            if finding.level not in ("fail", "warn"):
                raise HouseRuleError(
                    f"{article.path}: a house rule's level is 'fail' or 'warn', "
                    f"not {finding.level!r}"
                )
            if finding.article != article.path:
                raise HouseRuleError(
                    f"{article.path}: a house rule returned a finding for {finding.article!r}"
                )
            found.append(finding)
    return tuple(sorted(set(found), key=_order))


def _order(f: Finding) -> tuple[int, int, str, str, str]:
    return (f.line or 0, f.column or 0, f.kind, f.quote, f.message or "")
