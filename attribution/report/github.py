"""Findings as GitHub Actions workflow commands: annotations on the pull request's lines.

``::error file=PATH,line=L,col=C,title=TITLE::MESSAGE`` for a finding that fails the
gate, ``::warning ...`` for one that only warns. Values are escaped as GitHub's own
toolkit escapes them (``%`` ``\\r`` ``\\n`` everywhere, ``:`` and ``,`` in properties too),
so a quote holding a newline or a colon stays one command.
"""

from __future__ import annotations

from collections.abc import Iterable

from attribution.check.findings import Finding
from attribution.report.text import describe


def escape_data(value: str) -> str:
    """The message after ``::``."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A ``key=value`` property before ``::``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """One workflow command line for one finding."""
    properties = [("file", finding.article)]
    if finding.line is not None:
        properties.append(("line", str(finding.line)))
        if finding.column is not None:
            properties.append(("col", str(finding.column)))
    title = f"attribution {finding.kind}"
    if finding.record is not None:
        title += f" (record {finding.record})"
    properties.append(("title", title))
    name = "error" if finding.level == "fail" else "warning"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{name} {props}::{escape_data(describe(finding))}"


def render(findings: Iterable[Finding]) -> str:
    """Every finding as a command, in report order, then a one-line summary."""
    ordered = sorted(findings, key=lambda f: (f.article, f.line or 0, f.column or 0, f.kind))
    lines = [command(f) for f in ordered]
    failing = sum(f.level == "fail" for f in ordered)
    lines.append(f"attribution: {len(ordered)} findings, {failing} fail the gate")
    return "\n".join(lines)


__all__ = ["command", "escape_data", "escape_property", "render"]
