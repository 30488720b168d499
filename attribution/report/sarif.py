"""Findings as SARIF 2.1.0, the format code-scanning tools and IDEs read.

Each finding is a result whose location is the article (path relative to the root,
line and column of the quote's first word, columns in code points) and whose related
location is the record it was checked against (record file and line). Rules are the
finding kinds; a result's level is ``error`` for a finding that fails the gate and
``warning`` for one that only warns. A finding the baseline accepts carries an
external suppression, so code scanning shows it as dismissed, not as new.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable
from pathlib import Path
from urllib.parse import quote

from attribution.check.findings import KINDS, Finding
from attribution.report.files import write_atomic
from attribution.report.text import describe

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"

#: What each built-in kind means, for the rule's short description.
RULES: dict[str, str] = {
    "misquote": "An article quotes a record's sentence with words changed.",
    "possible-misquote": "An article quote resembles a record without being the same sentence.",
    "misattribution": "An article credits a record's words to someone else.",
    "venue-mismatch": "An article places a recorded quote somewhere the record does not.",
    "unverified-quote": "An attributed quote that no record covers.",
    "missing-quote": "An article lacks a quote its record file requires.",
}
HOUSE_RULE = "A house rule of this newsroom (a pytest_attribution_article hook)."


def document(
    findings: Iterable[Finding], *, accepted: Collection[Finding] = ()
) -> dict[str, object]:
    """The SARIF log: one run of the attribution tool, results in report order."""
    from attribution import __version__

    ordered = sorted(findings, key=_order)
    kinds = [*KINDS, *sorted({f.kind for f in ordered} - set(KINDS))]
    index = {kind: i for i, kind in enumerate(kinds)}
    accepted_keys = {f.key() for f in accepted}
    rules = [
        {
            "id": kind,
            "name": "".join(part.title() for part in kind.split("-")),
            "shortDescription": {"text": RULES.get(kind, HOUSE_RULE)},
            "defaultConfiguration": {"level": "warning" if kind in _WARN_BY_DEFAULT else "error"},
        }
        for kind in kinds
    ]
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "attribution",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.kind], f.key() in accepted_keys) for f in ordered],
            }
        ],
    }


def dumps(
    findings: Iterable[Finding], *, accepted: Collection[Finding] = (), ascii_only: bool = False
) -> str:
    """The log as JSON text; ``ascii_only`` writes ``\\u`` escapes instead of UTF-8."""
    text = json.dumps(document(findings, accepted=accepted), indent=2, ensure_ascii=ascii_only)
    return text + "\n"


def write(path: Path, findings: Iterable[Finding], *, accepted: Collection[Finding] = ()) -> None:
    write_atomic(path, dumps(findings, accepted=accepted))


_WARN_BY_DEFAULT = frozenset({"possible-misquote", "unverified-quote"})


def _result(finding: Finding, rule_index: int, accepted: bool) -> dict[str, object]:
    region: dict[str, int] = {}
    if finding.line is not None:
        region["startLine"] = finding.line
        if finding.column is not None:
            region["startColumn"] = finding.column
    result: dict[str, object] = {
        "ruleId": finding.kind,
        "ruleIndex": rule_index,
        "level": "error" if finding.level == "fail" else "warning",
        "message": {"text": describe(finding)},
        "locations": [_location(finding.article, region)],
        "partialFingerprints": {"attributionFinding/v1": _fingerprint(finding)},
    }
    if finding.record_file is not None and finding.record is not None:
        related = _location(
            finding.record_file,
            {"startLine": finding.record_line} if finding.record_line is not None else {},
        )
        related["id"] = 1
        related["message"] = {"text": f"record {finding.record} ({finding.record_speaker})"}
        result["relatedLocations"] = [related]
    if accepted:
        result["suppressions"] = [
            {"kind": "external", "justification": "accepted by the attribution baseline"}
        ]
    return result


def _location(path: str, region: dict[str, int]) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": quote(path)}}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def _fingerprint(finding: Finding) -> str:
    """The baseline's identity (no line or column), so a finding keeps its alert across edits."""
    return hashlib.sha256(json.dumps(finding.key(), ensure_ascii=False).encode()).hexdigest()


def _order(f: Finding) -> tuple[str, int, int, str, str, str]:
    return (f.article, f.line or 0, f.column or 0, f.kind, f.record or "", f.quote)
