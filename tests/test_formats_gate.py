"""Markdown and HTML articles through ``extract``, ``explain``, ``check`` and the pytest plugin.

Every offset, line and column these report must point into the file as the user
has it (tags, entities and front matter included), and HTML named ``.txt`` is read
as text with a warning, never silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribution.cli import main

pytest_plugins = ["pytester"]

RECORDS = """\
articles:
  - ../news/*
unverified: warn
quotes:
  - id: doe-plan
    speaker: Jane Doe
    text: "We will publish the full plan next week."
"""

#: Doe misquoted ("whole" for "full"): the quote starts on line 5, column 11 of the file.
HTML = """\
<!DOCTYPE html>
<html><head><title>Plan Delayed</title></head>
<body><nav>Home</nav>
<h1>City Delays Its Plan Again</h1>
<p>&ldquo;We will publish the whole plan next week,&rdquo;
   Jane Doe said on Monday.</p>
</body></html>
"""
#: The same misquote after YAML front matter: line 6, column 2.
MARKDOWN = """\
---
title: Plan delayed
---
# City Delays Its Plan Again

"We will publish the *whole* plan next week," Jane Doe said on Monday.
"""
#: A correct quote, but in HTML named .txt: its entities hide it from the parser.
HTML_AS_TEXT = """\
<!doctype html>
<p>&ldquo;We will publish the full plan next week,&rdquo; Jane Doe said.</p>
"""
WARNING = "looks like HTML but is not named .html: read as plain text, tags and all"


def newsroom(root: Path) -> Path:
    (root / "news").mkdir()
    (root / "news" / "plan.html").write_text(HTML, encoding="utf-8")
    (root / "news" / "plan.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "news" / "saved.txt").write_text(HTML_AS_TEXT, encoding="utf-8")
    (root / "expectations").mkdir()
    (root / "expectations" / "plan.yaml").write_text(RECORDS, encoding="utf-8")
    return root


def test_extract_reports_offsets_into_the_html_and_markdown_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = newsroom(tmp_path)
    files = [str(root / "news" / name) for name in ("plan.html", "plan.md", "saved.txt")]
    assert main(["extract", *files]) == 0
    out, err = capsys.readouterr()
    html, markdown, saved = (json.loads(line) for line in out.splitlines())
    (quote,) = html["quotes"]
    assert quote["text"] == "We will publish the whole plan next week,"
    assert HTML[quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker"] == "Jane Doe" and HTML.index("Jane Doe") == quote["mention"]["start"]
    (quote,) = markdown["quotes"]
    assert quote["text"] == "We will publish the whole plan next week,"
    assert MARKDOWN[quote["start"] : quote["end"]] == "We will publish the *whole* plan next week,"
    assert saved["quotes"] == []
    assert err == f"attribution: {files[2]}: warning: {WARNING}\n"


def test_explain_shows_the_file_around_each_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = newsroom(tmp_path)
    assert main(["explain", str(root / "news" / "plan.html")]) == 0
    out = capsys.readouterr().out
    start = HTML.index("We will")
    assert f"@{start}-{start + len('We will publish the whole plan next week,')}" in out
    assert "&ldquo;⟦We will publish the whole plan next week,⟧&rdquo;" in out
    assert f"1. quotation {start}-" in out


def test_check_locates_findings_in_the_original_files_and_warns_about_html_in_txt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = newsroom(tmp_path)
    monkeypatch.chdir(root)
    assert main(["check", "--format", "json", "expectations"]) == 1
    out, err = capsys.readouterr()
    found = {(f["article"], f["kind"]): f for f in json.loads(out)["findings"]}
    assert set(found) == {("news/plan.html", "misquote"), ("news/plan.md", "misquote")}
    html, markdown = found["news/plan.html", "misquote"], found["news/plan.md", "misquote"]
    assert (html["line"], html["column"]) == (5, 11)
    assert (markdown["line"], markdown["column"]) == (6, 2)
    assert html["quote"] == markdown["quote"] == "We will publish the whole plan next week,"
    assert err == f"attribution check: warning: news/saved.txt: {WARNING}\n"


def test_the_gate_runs_markdown_and_html_articles(pytester: pytest.Pytester) -> None:
    newsroom(pytester.path)
    pytester.makeini("[pytest]\n")
    result = pytester.runpytest("-rA", "-p", "no:cacheprovider", "--attribution-report=r.json")
    assert result.ret == 1
    failed = [line for line in result.outlines if line.startswith("FAILED ")]
    # one item per (record file, article): the ids name the articles
    assert sorted(line.split()[1] for line in failed) == [
        "expectations/plan.yaml::plan.html",
        "expectations/plan.yaml::plan.md",
    ]
    result.stdout.fnmatch_lines([f"*news/saved.txt: {WARNING}*"])
    report = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))
    lines = {f["article"]: (f["line"], f["column"]) for f in report["findings"]}
    assert lines == {"news/plan.html": (5, 11), "news/plan.md": (6, 2)}
