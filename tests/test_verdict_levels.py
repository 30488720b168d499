"""bench/verdict_levels.py reads a kept verdict-bench run and splits false alarms by level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts import load_script


def test_false_alarms_split_by_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = tmp_path / "clean" / "records"
    records.mkdir(parents=True)
    for name, ids in (("a", ("q1", "q2")), ("b", ("q1", "q2"))):
        quotes = "".join(f"  - id: {i}\n    speaker: X\n    text: y\n" for i in ids)
        (records / f"{name}.yaml").write_text(f"articles: [x]\nquotes:\n{quotes}")
    rows = [
        ("a", "q1", "misattribution", "fail"),
        ("a", "q1", "possible-misquote", "warn"),  # the same record: counted once
        ("b", "q2", "possible-misquote", "warn"),
    ]
    with open(tmp_path / "clean_findings.jsonl", "w", encoding="utf-8") as out:
        for article, record, kind, level in rows:
            finding = {"record": record, "kind": kind, "level": level}
            out.write(json.dumps({"article": article, "finding": finding}) + "\n")
    assert load_script("bench/verdict_levels.py").main([str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "records 4" in printed
    assert "false alarms, any level  0.500 (2 records)" in printed
    assert "false alarms that fail   0.250 (1)" in printed
