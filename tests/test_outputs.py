"""``attribution check``'s output formats (text, json, sarif, github), ``--changed REF``
and the report files: real records over small real articles, run in-process.

Every SARIF document is validated against the official SARIF 2.1.0 schema
(``tests/sarif/``, where it came from is in its README).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from attribution.check.findings import Finding
from attribution.report import github, sarif
from attribution.report.files import write_atomic
from attribution.runner import main

SCHEMA = json.loads(
    (Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)

RECORDS = """\
articles:
  - ../corpus/*.txt
unverified: warn
quotes:
  - id: doe-plan
    speaker: Jane Doe
    text: "We will publish the full plan next week in Geneva."
    venue: Geneva
  - id: roe-budget
    speaker: Richard Roe
    text: "The budget is balanced for the first time in a decade."
"""

ARTICLES = {
    "good.txt": '"The budget is balanced," Richard Roe said.\n',
    # line 3, column 2: one word changed
    "misquote.txt": 'Plans\n\n"We will publish the whole plan next week," Jane Doe said.\n',
    # Doe's words, said somewhere else
    "venue.txt": '"We will publish the full plan," Jane Doe said in Berlin.\n',
    # Roe's words credited to Doe
    "swap.txt": '"The budget is balanced for the first time," Jane Doe said.\n',
    # nobody recorded this: a warning (unverified: warn)
    "new.txt": '"Nobody has written this sentence down anywhere," John Smith said.\n',
}

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "expectations").mkdir()
    (tmp_path / "expectations" / "events.yaml").write_text(RECORDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def go(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return go


def validate(document: object) -> None:
    jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    ).validate(document)


def test_json_gives_the_record_side_beside_the_article_side(newsroom: Path, run: Run) -> None:
    status, out, _ = run("--format", "json", "--report", "out/report.json", "expectations")
    assert status == 1
    document = json.loads(out)
    assert document == json.loads((newsroom / "out" / "report.json").read_text(encoding="utf-8"))
    assert document["articles"] == 5
    found = {(f["article"], f["kind"]): f for f in document["findings"]}
    assert list(found) == [
        ("corpus/misquote.txt", "misquote"),
        ("corpus/new.txt", "unverified-quote"),
        ("corpus/swap.txt", "misattribution"),
        ("corpus/venue.txt", "venue-mismatch"),
    ]
    assert found["corpus/misquote.txt", "misquote"]["line"] == 3
    venue = found["corpus/venue.txt", "venue-mismatch"]
    assert {k: venue[k] for k in ("line", "column", "venue", "record_venue", "level")} == {
        "line": 1,
        "column": 2,
        "venue": "in Berlin",
        "record_venue": "Geneva",
        "level": "fail",
    }
    swap = found["corpus/swap.txt", "misattribution"]
    assert (swap["speaker"], swap["record_speaker"]) == ("Jane Doe", "Richard Roe")
    assert (swap["record"], swap["record_file"], swap["record_line"]) == (
        "roe-budget",
        "expectations/events.yaml",
        9,
    )
    new = found["corpus/new.txt", "unverified-quote"]
    # no record, but the file whose policy made it a warning
    assert (new["level"], new["record"], new["record_file"]) == (
        "warn",
        None,
        "expectations/events.yaml",
    )


def test_sarif_is_valid_and_points_at_the_article_and_the_record(newsroom: Path, run: Run) -> None:
    status, out, _ = run("--format", "sarif", "expectations")
    assert status == 1
    document = json.loads(out)
    validate(document)
    (log,) = document["runs"]
    rules = [rule["id"] for rule in log["tool"]["driver"]["rules"]]
    assert rules[:6] == [
        "misquote",
        "possible-misquote",
        "misattribution",
        "venue-mismatch",
        "unverified-quote",
        "missing-quote",
    ]
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): r
               for r in log["results"]}  # fmt: skip
    misquote = results["misquote", "corpus/misquote.txt"]
    assert misquote["level"] == "error"
    assert rules[misquote["ruleIndex"]] == "misquote"
    assert misquote["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 2,
    }
    (related,) = misquote["relatedLocations"]
    assert related["physicalLocation"] == {
        "artifactLocation": {"uri": "expectations/events.yaml"},
        "region": {"startLine": 5},
    }
    assert related["message"]["text"] == "record doe-plan (Jane Doe)"
    assert misquote["message"]["text"].startswith("misquote: corpus/misquote.txt:3:2 quotes")
    unverified = results["unverified-quote", "corpus/new.txt"]
    assert unverified["level"] == "warning"
    assert "relatedLocations" not in unverified
    # the fingerprint is the baseline's identity: no line, so moving the quote keeps it
    assert len({r["partialFingerprints"]["attributionFinding/v1"] for r in log["results"]}) == 4


def test_sarif_with_house_kinds_missing_quotes_and_accepted_findings_is_valid() -> None:
    base: dict[str, Any] = {"record": None, "speaker": None, "expected": None}
    findings = [
        Finding(kind="missing-quote", article="a b/ü.txt", quote="", line=None, column=None,
                **{**base, "record": "r1"}, record_file="e.yaml", record_line=3),
        Finding(kind="long-quote-unnamed", article="a.txt", quote="q", line=2, column=5,
                message="names no speaker", level="warn", **base),
    ]  # fmt: skip
    document: Any = sarif.document(findings, accepted=findings[:1])
    validate(document)
    (log,) = document["runs"]
    assert log["tool"]["driver"]["rules"][-1]["id"] == "long-quote-unnamed"
    missing, house = log["results"]  # in report order: by article path
    assert missing["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "a%20b/%C3%BC.txt"}
    }
    assert missing["suppressions"][0]["kind"] == "external"
    assert missing["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert house["ruleId"] == "long-quote-unnamed"
    assert house["level"] == "warning"
    assert house["message"]["text"] == (
        "long-quote-unnamed: a.txt:2:5 names no speaker\n  article: q"
    )
    assert "suppressions" not in house
    assert sarif.dumps(findings) == sarif.dumps(list(reversed(findings)))


def test_github_commands_escape_as_the_toolkit_does() -> None:
    assert github.escape_data("50% of\r\nthem: a, b") == "50%25 of%0D%0Athem: a, b"
    assert github.escape_property("50% of\r\nthem: a, b") == "50%25 of%0D%0Athem%3A a%2C b"
    finding = Finding(
        kind="misquote",
        article="news/a,b:c.txt",
        record="doe-plan",
        speaker="Jane Doe",
        quote="x",
        expected="y",
        line=3,
        column=2,
        record_speaker="Jane Doe",
    )
    line = github.command(finding)
    assert line.startswith(
        "::error file=news/a%2Cb%3Ac.txt,line=3,col=2,title=attribution misquote "
        "(record doe-plan)::misquote: news/a,b:c.txt:3:2 quotes Jane Doe differently"
    )
    assert "\n" not in line
    assert "%0A  record : y%0A  article: x" in line


def test_github_format_annotates_each_finding(newsroom: Path, run: Run) -> None:
    status, out, _ = run("--format", "github", "expectations")
    assert status == 1
    lines = out.splitlines()
    heads = [line.split("::")[1] for line in lines[:-1]]
    assert heads == [
        "error file=corpus/misquote.txt,line=3,col=2,title=attribution misquote (record doe-plan)",
        "warning file=corpus/new.txt,line=1,col=2,title=attribution unverified-quote",
        "error file=corpus/swap.txt,line=1,col=2,"
        "title=attribution misattribution (record roe-budget)",
        "error file=corpus/venue.txt,line=1,col=2,"
        "title=attribution venue-mismatch (record doe-plan)",
    ]
    assert lines[-1] == "attribution: 4 findings, 3 fail the gate"


def test_exit_zero_and_text_stay_as_they_were(newsroom: Path, run: Run) -> None:
    status, out, _ = run("--exit-zero", "expectations")
    assert status == 0
    assert out.splitlines()[-1] == (
        "5 articles checked: 1 misquote, 1 misattribution, 1 venue-mismatch, "
        "1 unverified-quote (3 fail the gate, 1 only warn)"
    )


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def committed(newsroom: Path) -> None:
    git(newsroom, "init", "-q", "-b", "main")
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-q", "-m", "articles and records")


def articles_checked(out: str) -> list[str]:
    return [line.split(":")[0] for line in out.splitlines() if line.startswith("corpus/")]


def test_changed_checks_what_differs_from_the_ref(newsroom: Path, run: Run) -> None:
    committed(newsroom)
    status, out, _ = run("--changed", "HEAD", "expectations")
    assert (status, articles_checked(out)) == (0, [])
    assert out.strip() == "0 articles checked: no findings"

    # an edited article and a new, untracked one; the others are not read
    (newsroom / "corpus" / "swap.txt").write_text('"Fine," Jane Doe said.\n', encoding="utf-8")
    (newsroom / "corpus" / "later.txt").write_text('"Later," Jane Doe said.\n', encoding="utf-8")
    status, out, _ = run("--changed", "HEAD", "expectations")
    assert articles_checked(out) == ["corpus/later.txt", "corpus/swap.txt"]

    # a changed record file brings in every article it covers, committed or not
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-q", "-m", "edits")
    with (newsroom / "expectations" / "events.yaml").open("a", encoding="utf-8") as records:
        records.write("  - speaker: Jane Doe\n    text: Later.\n")
    status, out, _ = run("--changed", "HEAD", "expectations")
    assert articles_checked(out) == [f"corpus/{n}" for n in sorted([*ARTICLES, "later.txt"])]

    # a ref further back: what changed since then, committed or not
    status, out, _ = run("--changed", "HEAD~1", "expectations", "--format", "json")
    assert json.loads(out)["articles"] == 6


def test_changed_outside_git_or_with_an_unknown_ref_is_one_line(newsroom: Path, run: Run) -> None:
    status, out, err = run("--changed", "HEAD", "expectations")
    assert (status, out) == (2, "")
    assert err == f"attribution check: --changed HEAD: {newsroom} is not inside a git repository\n"
    committed(newsroom)
    for ref in ("no-such-branch", "HEAD~5"):
        status, out, err = run("--changed", ref, "expectations")
        assert (status, out) == (2, "")
        assert err == f"attribution check: --changed {ref}: unknown git ref '{ref}'\n"


def test_report_files_are_replaced_whole(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "report.json"
    write_atomic(target, "old\n")
    mask = os.umask(0o022)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask

    with pytest.raises(TypeError):  # a write that fails half-way leaves the old file
        write_atomic(target, 5)  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_terminal_that_cannot_encode_utf8_gets_escapes_not_a_traceback(
    newsroom: Path, fmt: str
) -> None:
    (newsroom / "corpus" / "curly.txt").write_text(
        "“We will publish the full plan next week’s end,” Jane Doe said.\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "attribution", "check", "--format", fmt, "expectations"],
        cwd=newsroom,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, b"")
    assert done.stdout.isascii()
    if fmt in ("json", "sarif"):
        document = json.loads(done.stdout)
        assert "next week’s end" in json.dumps(document, ensure_ascii=False)
