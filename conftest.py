"""This repository's own house rule for the bundled gate (``expectations/``).

A newsroom writes rules like this in its ``conftest.py``: the plugin calls
``pytest_attribution_article`` once per article with the parsed quotes and the
records' findings, and every finding returned becomes a test item of its own and
goes into the report, the SARIF file and the baseline (docs/adopt.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from attribution.check.findings import Finding
from attribution.check.house import Article

#: A quotation this long carries an argument: the reader must be told who made it.
LONG_QUOTE_WORDS = 8
#: Speakers a reader can look up: a named person or organisation.
NAMED = frozenset({"person", "organisation"})


def pytest_attribution_article(
    article: Article, findings: tuple[Finding, ...]
) -> Iterator[Finding]:
    """House rule: a quote of eight words or more names its speaker."""
    for quote in article.attributions:
        words = len(quote.quote.text.split())
        if words < LONG_QUOTE_WORDS or (quote.speaker and quote.speaker_kind in NAMED):
            continue
        who = f"credits it to {quote.speaker!r}" if quote.speaker else "credits it to no one"
        yield article.finding(
            quote,
            kind="long-quote-unnamed",
            message=f"quotes {words} words and {who}: a quote this long names its speaker",
        )
