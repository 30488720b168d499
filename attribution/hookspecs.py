"""The plugin's hook: house rules a newsroom writes in its own ``conftest.py``.

::

    def pytest_attribution_article(article, findings):
        for quote in article.attributions:
            if len(quote.quote.text.split()) >= 8 and quote.speaker is None:
                yield article.finding(
                    quote, kind="long-quote-unnamed", message="names no speaker"
                )

Each implementation returns (or yields) new findings for the article; they fail the
item of the article's first covering record file and go into the report, the SARIF
file and the baseline like any other finding. This module has no pytest import of its
own: pytest reads the ``pytest_`` functions of the module it is given
(``pytest_addhooks``).
"""

from __future__ import annotations

from collections.abc import Iterable

from attribution.check.findings import Finding
from attribution.check.house import Article


def pytest_attribution_article(
    article: Article, findings: tuple[Finding, ...]
) -> Iterable[Finding] | None:
    """Return house-rule findings for ``article``, given the records' ``findings`` for it.

    Called once per article in a run, after the records are checked, with every finding
    of every record file that covers the article. A finding's kind
    must be its own (lower-case words joined by hyphens, not a built-in kind);
    ``article.finding`` builds one with the line and column of a quote.
    """
