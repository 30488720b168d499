"""The plugin where reviewers look, through pytester: item locations on the article,
JUnit, GitHub annotations, ``--attribution-sarif``, ``--changed REF`` and house rules
in a newsroom's ``conftest.py`` (the ``pytest_attribution_article`` hook).
"""

from __future__ import annotations

import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

pytest_plugins = ["pytester"]

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
  - id: roe-budget
    speaker: Richard Roe
    text: "The budget is balanced for the first time in a decade."
"""

ARTICLES = {
    "good.txt": '"The budget is balanced," Richard Roe said.\n',
    # line 3: one word changed
    "misquote.txt": 'Plans\n\n"We will publish the whole plan next week," Jane Doe said.\n',
    # nobody recorded this: a warning
    "new.txt": 'Intro.\n"Nobody has written this sentence down anywhere," John Smith said.\n',
}

#: A house rule as a newsroom would write it: a long quote must name its speaker.
HOUSE_RULE = """
def pytest_attribution_article(article, findings):
    for quote in article.attributions:
        if len(quote.quote.text.split()) >= 8 and quote.speaker is None:
            yield article.finding(
                quote,
                kind="long-quote-unnamed",
                message=f"quotes {len(quote.quote.text.split())} words and names no speaker",
            )
"""
UNNAMED = (
    'Budget day.\n\n"Every department will cut its spending by a tenth this year."\n\n'
    '"The budget is balanced," Richard Roe said.\n'
)


def make(pytester: pytest.Pytester, articles: dict[str, str] | None = None) -> None:
    pytester.makeini("[pytest]\njunit_family = xunit1\n")
    (pytester.path / "corpus").mkdir()
    for name, text in (articles or ARTICLES).items():
        (pytester.path / "corpus" / name).write_text(text, encoding="utf-8")
    (pytester.path / "expectations").mkdir()
    (pytester.path / "expectations" / "events.yaml").write_text(RECORDS, encoding="utf-8")


def validate(document: object) -> None:
    jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    ).validate(document)


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_items_sit_on_the_article_line_in_junit_and_warnings_are_properties(
    pytester: pytest.Pytester,
) -> None:
    make(pytester)
    result = pytester.runpytest("--junitxml", "junit.xml")
    result.assert_outcomes(passed=2, failed=1, warnings=1)
    cases = {
        case.get("name"): case for case in ET.parse(pytester.path / "junit.xml").iter("testcase")
    }
    # xunit1 writes file and line (0-based, as pytest counts): the article's, not the YAML's
    assert {name: (c.get("file"), c.get("line")) for name, c in cases.items()} == {
        "good.txt": ("corpus/good.txt", None),
        "misquote.txt": ("corpus/misquote.txt", "2"),
        "new.txt": ("corpus/new.txt", "1"),
    }
    tree = ET.parse(pytester.path / "junit.xml")
    properties = [(p.get("name"), p.get("value")) for p in tree.iter("property")]
    # only one-line strings: no shipped lists of findings
    assert properties == [
        (
            "attribution-warning",
            "unverified-quote: corpus/new.txt:2:2 quotes John Smith, and no record has these words",
        )
    ]
    # the summary header names the item by its article and its record file
    result.stdout.fnmatch_lines(
        [
            "*_ corpus/misquote.txt (records: expectations/events.yaml) _*",
            "misquote: corpus/misquote.txt:3:2*",
        ]
    )


def test_github_annotations_land_on_the_article(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    make(pytester)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.delenv("PYTEST_RUN_PATH", raising=False)
    result = pytester.runpytest()
    errors = [line for line in result.errlines if line.startswith("::")]
    assert [line.split("::")[1] for line in errors] == [
        "error file=corpus/misquote.txt,line=3",
        "warning file=corpus/new.txt,line=2",
    ]
    assert "misquote: corpus/misquote.txt:3:2 quotes Jane Doe" in errors[0]


def test_sarif_from_the_plugin_is_valid_and_marks_accepted_findings(
    pytester: pytest.Pytester,
) -> None:
    make(pytester)
    pytester.runpytest(
        "--attribution-baseline",
        "base.json",
        "--attribution-baseline-update",
        "-p",
        "no:cacheprovider",
    )
    (pytester.path / "corpus" / "more.txt").write_text(
        '"The budget is balanced for the first time," Jane Doe said.\n', encoding="utf-8"
    )
    result = pytester.runpytest(
        "--attribution-baseline",
        "base.json",
        "--attribution-sarif",
        "out/attribution.sarif",
        "--attribution-report",
        "out/report.json",
    )
    result.assert_outcomes(passed=3, failed=1, warnings=1)
    document = read_json(pytester.path / "out" / "attribution.sarif")
    validate(document)
    results = document["runs"][0]["results"]
    located = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            "suppressions" in r,
        )
        for r in results
    ]
    assert located == [
        ("misquote", "error", "corpus/misquote.txt", 3, True),
        ("misattribution", "error", "corpus/more.txt", 1, False),
        ("unverified-quote", "warning", "corpus/new.txt", 2, False),
    ]
    assert results[0]["relatedLocations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "expectations/events.yaml"},
        "region": {"startLine": 5},
    }
    report = read_json(pytester.path / "out" / "report.json")
    assert [f["record_line"] for f in report["findings"]] == [5, 8, None]
    assert sorted(p.name for p in (pytester.path / "out").iterdir()) == [
        "attribution.sarif",
        "report.json",
    ]


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )


def test_changed_runs_only_the_articles_a_change_touched(pytester: pytest.Pytester) -> None:
    make(pytester)
    result = pytester.runpytest("--changed", "HEAD")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: --changed HEAD: {pytester.path} is not inside a git*"])

    git(pytester.path, "init", "-q", "-b", "main")
    git(pytester.path, "add", ".")
    git(pytester.path, "commit", "-q", "-m", "news")
    result = pytester.runpytest("--changed", "nope")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: --changed nope: unknown git ref 'nope'"])

    result = pytester.runpytest("--changed", "HEAD")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
    (pytester.path / "corpus" / "good.txt").write_text(
        '"The budget is balanced for the first time," Jane Doe said.\n', encoding="utf-8"
    )
    result = pytester.runpytest("--attribution-changed", "HEAD", "-rA")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["FAILED expectations/events.yaml::good.txt - *"])


def test_a_house_rule_in_conftest_makes_items_reports_and_baselines(
    pytester: pytest.Pytester,
) -> None:
    make(pytester, {"budget.txt": UNNAMED})
    pytester.makeconftest(HOUSE_RULE)
    result = pytester.runpytest("-rA", "--attribution-report", "report.json")
    result.assert_outcomes(failed=1)  # the article's item: Roe's quote is right, the rule fails
    result.stdout.fnmatch_lines(
        [
            "long-quote-unnamed: corpus/budget.txt:3:2 quotes 11 words and names no speaker",
            "attribution: 1 articles, 1 long-quote-unnamed",
            "FAILED expectations/events.yaml::budget.txt - long-quote-unnamed: *",
        ]
    )
    (finding,) = read_json(pytester.path / "report.json")["findings"]
    assert finding["kind"] == "long-quote-unnamed"
    assert finding["message"] == "quotes 11 words and names no speaker"

    pytester.runpytest("--attribution-baseline", "base.json", "--attribution-baseline-update")
    result = pytester.runpytest("--attribution-baseline", "base.json", "--attribution-sarif", "s")
    result.assert_outcomes(passed=1)
    sarif = read_json(pytester.path / "s")
    validate(sarif)
    assert sarif["runs"][0]["tool"]["driver"]["rules"][-1]["id"] == "long-quote-unnamed"
    assert sarif["runs"][0]["results"][0]["suppressions"]


def test_a_house_rule_returning_nonsense_is_a_one_line_error(pytester: pytest.Pytester) -> None:
    make(pytester, {"budget.txt": UNNAMED})
    pytester.makeconftest(
        "def pytest_attribution_article(article, findings):\n"
        "    return [article.finding(article.attributions[0], kind='misquote', message='x')]\n"
    )
    result = pytester.runpytest()
    # house rules run with the article's item (the article is parsed then): it fails
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "corpus/budget.txt: a house rule's kind must be its own, lower-case words joined "
            "by hyphens, not 'misquote'"
        ]
    )
    assert "Traceback" not in result.stdout.str()


PLAN = '"We will publish the full plan next week in Geneva,"'


def test_the_repositorys_own_house_rule(pytester: pytest.Pytester) -> None:
    """The root conftest.py's rule: a quote of eight words or more names its speaker."""
    root = Path(__file__).resolve().parent.parent
    pytester.makeconftest((root / "conftest.py").read_text(encoding="utf-8"))
    make(
        pytester,
        {
            "budget.txt": UNNAMED,
            "spokes.txt": f"{PLAN} a spokeswoman said.\n",
            "named.txt": f"{PLAN} Jane Doe said.\n",
        },
    )
    result = pytester.runpytest("--attribution-report", "report.json")
    found = read_json(pytester.path / "report.json")["findings"]
    assert [(f["article"], f["kind"], f["line"], f["message"]) for f in found] == [
        (
            "corpus/budget.txt",
            "long-quote-unnamed",
            3,
            "quotes 11 words and credits it to no one: a quote this long names its speaker",
        ),
        (
            "corpus/spokes.txt",
            "long-quote-unnamed",
            1,
            "quotes 10 words and credits it to 'a spokeswoman': "
            "a quote this long names its speaker",
        ),
    ]
    result.assert_outcomes(passed=1, failed=2)  # an item per article


@pytest.mark.parametrize("option", ["--attribution-report", "--attribution-sarif"])
def test_an_unwritable_output_is_a_one_line_usage_error_before_any_work(
    pytester: pytest.Pytester, option: str
) -> None:
    pytester.makeini("[pytest]\n")
    (pytester.path / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    result = pytester.runpytest(f"{option}=taken/out.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: cannot write taken/out.json: *"])
    assert "Traceback" not in result.stderr.str() + result.stdout.str()
