"""The JSON report CI keeps (``--report``, ``--attribution-report``): every finding, in order.

Each finding is ``Finding.as_dict()``: the fields docs/cli.md lists, with its level.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from attribution.check.findings import Finding
from attribution.report.files import write_atomic


def as_json(articles: int, findings: Iterable[Finding]) -> dict[str, object]:
    """The ``--attribution-report`` document."""
    ordered = sorted(findings, key=Finding.order)
    return {"articles": articles, "findings": [f.as_dict() for f in ordered]}


def write_json(path: Path, articles: int, findings: Iterable[Finding]) -> None:
    document = as_json(articles, findings)
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
