"""The pytest plugin end to end, through pytester, on small articles the parser reads.

Articles use the plainest news construction, ``"Words," Jane Doe said.``, so
that these tests exercise the plugin and not the parser's harder rules.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

RECORDS = """\
articles:
  - ../corpus/*.txt
unverified: {unverified}
speakers:
  Jane Doe: [Doe, Janet Doe]
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
    # every quote right: two passing items
    "good.txt": (
        '"We will publish the full plan next week," Jane Doe said in Geneva.\n\n'
        '"The budget is balanced," Richard Roe said.\n'
    ),
    # one word changed
    "misquote.txt": '"We will publish the whole plan next week," Jane Doe said.\n',
    # Roe's words credited to Doe
    "misattributed.txt": '"The budget is balanced for the first time," Jane Doe said.\n',
    # Doe's words, said somewhere else
    "venue.txt": '"We will publish the full plan," Jane Doe said in Berlin.\n',
    # nobody recorded this
    "unverified.txt": '"Nobody has written this sentence down anywhere," John Smith said.\n',
}


def make(
    pytester: pytest.Pytester,
    *,
    unverified: str = "fail",
    articles: dict[str, str] | None = None,
    records: str | None = None,
) -> None:
    pytester.makeini("[pytest]\n")
    corpus = pytester.path / "corpus"
    corpus.mkdir(exist_ok=True)
    for old in corpus.iterdir():
        old.unlink()
    for name, text in (ARTICLES if articles is None else articles).items():
        (corpus / name).write_text(text, encoding="utf-8")
    folder = pytester.path / "expectations"
    folder.mkdir(exist_ok=True)
    source = RECORDS.format(unverified=unverified) if records is None else records
    (folder / "events.yaml").write_text(source, encoding="utf-8")


def outcomes(result: pytest.RunResult) -> dict[str, str]:
    """Test id -> outcome, from ``-rA`` short summary lines."""
    found: dict[str, str] = {}
    for line in result.outlines:
        for outcome in ("PASSED", "FAILED", "ERROR"):
            if line.startswith(outcome + " "):
                found[line.split()[1]] = outcome
    return found


ITEM = "expectations/events.yaml::{}"


def test_each_verdict_kind_fails_its_own_item(pytester: pytest.Pytester) -> None:
    make(pytester)
    result = pytester.runpytest("expectations", "-rA")
    assert outcomes(result) == {
        ITEM.format("good.txt"): "PASSED",
        ITEM.format("misattributed.txt"): "FAILED",
        ITEM.format("misquote.txt"): "FAILED",
        ITEM.format("unverified.txt"): "FAILED",
        ITEM.format("venue.txt"): "FAILED",
    }
    assert result.ret == 1
    text = result.stdout.str()
    assert "Traceback" not in text
    assert "def runtest" not in text
    result.stdout.fnmatch_lines(
        [
            "misquote: corpus/misquote.txt:1:2 quotes Jane Doe differently from record doe-plan",
            "  record : We will publish the full plan next week in Geneva.",
            "  article: We will publish the whole plan next week,",
            "  diff   : We will publish the [-full-] {+whole+} plan next week",
            "  from   : expectations/events.yaml:7",
            "  parser : rule *",
        ]
    )
    result.stdout.fnmatch_lines(
        ["misattribution: corpus/misattributed.txt:1:2 credits Richard Roe's words *Jane Doe"]
    )
    result.stdout.fnmatch_lines(
        ["venue-mismatch: corpus/venue.txt:1:2 places record doe-plan 'in Berlin'*Geneva*"]
    )
    result.stdout.fnmatch_lines(["unverified-quote: corpus/unverified.txt:1:2 quotes John Smith*"])


def test_unverified_warn_passes_with_a_warning_and_ignore_drops_the_finding(
    pytester: pytest.Pytester,
) -> None:
    articles = {"unverified.txt": ARTICLES["unverified.txt"]}
    make(pytester, unverified="warn", articles=articles)
    result = pytester.runpytest("expectations", "-rA")
    assert outcomes(result) == {ITEM.format("unverified.txt"): "PASSED"}
    result.stdout.fnmatch_lines(["*UnverifiedQuoteWarning: unverified-quote: corpus/*"])
    assert result.ret == 0

    make(pytester, unverified="ignore", articles=articles)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "r.json")
    assert outcomes(result) == {ITEM.format("unverified.txt"): "PASSED"}
    assert "UnverifiedQuoteWarning" not in result.stdout.str()
    assert json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["findings"] == []


def test_a_required_record_an_article_lacks_is_a_missing_quote(pytester: pytest.Pytester) -> None:
    records = RECORDS.format(unverified="fail").replace(
        "    venue: Geneva\n", "    venue: Geneva\n    required: true\n"
    )
    make(pytester, articles={"good.txt": ARTICLES["good.txt"], "bare.txt": "No quotes.\n"})
    (pytester.path / "expectations" / "events.yaml").write_text(records, encoding="utf-8")
    result = pytester.runpytest("expectations", "-rA")
    assert outcomes(result)[ITEM.format("bare.txt")] == "FAILED"
    assert outcomes(result)[ITEM.format("good.txt")] == "PASSED"
    result.stdout.fnmatch_lines(
        ["missing-quote: corpus/bare.txt does not carry required record doe-plan (Jane Doe)"]
    )


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ("articles: [x\n", "expectations/events.yaml:2: YAML syntax error: *"),
        ("", "expectations/events.yaml: empty file*"),
        (
            "articles: ../corpus/*.txt\n",
            "expectations/events.yaml:1: missing required key 'quotes'",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {speaker: Jane Doe, txt: hi}\n",
            "expectations/events.yaml:3: unknown key 'txt' in a quote (did you mean 'text'?)",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {speaker: No, text: hi}\n",
            "expectations/events.yaml:3: 'speaker' must be text, not a boolean (quote it)",
        ),
        (
            "articles: ../nowhere/*.txt\nquotes:\n  - {speaker: A, text: hi}\n",
            "expectations/events.yaml:1: glob '../nowhere/*.txt' matches no file",
        ),
        (
            "articles: ../../*/corpus/*.txt\nquotes:\n  - {speaker: A, text: hi}\n",
            "expectations/events.yaml:1: glob '../../*/corpus/*.txt' reaches outside the rootdir*",
        ),
        (
            "articles: ../corpus/*.txt\nunverified: loud\nquotes:\n  - {speaker: A, text: hi}\n",
            "expectations/events.yaml:2: 'unverified' must be one of fail, warn, ignore, *",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {id: a, speaker: A, text: hi}\n"
            "  - {id: a, speaker: A, text: ho}\n",
            "expectations/events.yaml:4: duplicate id 'a' (first used on line 3)",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n"
            "  - {speaker: !!python/object/apply:os.system ['touch pwned'], text: hi}\n",
            "expectations/events.yaml:3: 'speaker' must be text, not a value tagged *",
        ),
    ],
)
def test_a_malformed_record_file_is_a_one_line_collection_error(
    pytester: pytest.Pytester, records: str, message: str
) -> None:
    make(pytester, records=records, articles={"good.txt": ARTICLES["good.txt"]})
    result = pytester.runpytest("expectations")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([message])
    assert "Traceback" not in result.stdout.str()
    assert not (pytester.path / "pwned").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "Plain first line.\n\n“Curly quotes,” Jane Doe said.\n".encode("cp1252"),
            "corpus/broken.txt:3: cannot read article: invalid UTF-8 at byte 19 (0x93), "
            "likely Windows-1252 (byte 0x93 is '“' there): save it as UTF-8",
        ),
        (
            '"Hello," Jane Doe said.\n'.encode("utf-16"),
            "corpus/broken.txt:1: cannot read article: UTF-16 (little-endian, "
            "with a byte-order mark), not UTF-8: save it as UTF-8",
        ),
        (
            '"Hello," Jane Doe said.\n'.encode("utf-16-be"),
            "corpus/broken.txt:1: cannot read article: UTF-16 (big-endian: "
            "every other byte is NUL), not UTF-8: save it as UTF-8",
        ),
    ],
)
def test_an_unreadable_article_fails_its_own_item_and_the_rest_run(
    pytester: pytest.Pytester, data: bytes, message: str
) -> None:
    make(pytester, articles={"misquote.txt": ARTICLES["misquote.txt"]})
    (pytester.path / "corpus" / "broken.txt").write_bytes(data)
    result = pytester.runpytest("expectations", "-rA")
    assert outcomes(result) == {
        ITEM.format("broken.txt"): "FAILED",
        ITEM.format("misquote.txt"): "FAILED",
    }
    result.stdout.fnmatch_lines([message, "misquote: corpus/misquote.txt:1:2 *"])
    assert "Traceback" not in result.stdout.str()


def test_report_json_shape(pytester: pytest.Pytester) -> None:
    make(pytester)
    pytester.runpytest("expectations", "--attribution-report", "out/report.json")
    document = json.loads((pytester.path / "out" / "report.json").read_text(encoding="utf-8"))
    assert document["articles"] == len(ARTICLES)
    kinds = [(f["article"], f["kind"]) for f in document["findings"]]
    assert kinds == [
        ("corpus/misattributed.txt", "misattribution"),
        ("corpus/misquote.txt", "misquote"),
        ("corpus/unverified.txt", "unverified-quote"),
        ("corpus/venue.txt", "venue-mismatch"),
    ]
    keys = {
        "article",
        "kind",
        "level",
        "line",
        "column",
        "quote",
        "speaker",
        "venue",
        "record",
        "record_file",
        "record_line",
        "expected",
        "record_speaker",
        "record_venue",
        "message",
        "suppressed",
        "source",
    }
    assert all(set(f) == keys for f in document["findings"])
    # the file says unverified: fail, so every finding here fails the build
    assert [f["level"] for f in document["findings"]] == ["fail"] * 4
    misquote = document["findings"][1]
    assert misquote == {
        "article": "corpus/misquote.txt",
        "kind": "misquote",
        "level": "fail",
        "line": 1,
        "column": 2,
        "quote": "We will publish the whole plan next week,",
        "speaker": "Jane Doe",
        "venue": None,
        "record": "doe-plan",
        "record_file": "expectations/events.yaml",
        "record_line": 7,
        "expected": "We will publish the full plan next week in Geneva.",
        "record_speaker": "Jane Doe",
        "record_venue": "Geneva",
        "message": None,
        "suppressed": False,
        "source": None,
    }
    venue = document["findings"][3]
    assert (venue["venue"], venue["record_venue"]) == ("in Berlin", "Geneva")
    assert document["findings"][2]["record"] is None


def test_baseline_accepts_known_findings_and_reports_gone_ones(pytester: pytest.Pytester) -> None:
    make(pytester)
    baseline = "ci/baseline.json"
    result = pytester.runpytest(
        "expectations", "--attribution-baseline", baseline, "--attribution-baseline-update"
    )
    assert result.ret == 0
    accepted = json.loads((pytester.path / baseline).read_text(encoding="utf-8"))["accepted"]
    assert len(accepted) == 4

    result = pytester.runpytest("expectations", "--attribution-baseline", baseline)
    assert result.ret == 0
    result.stdout.fnmatch_lines(["*4 accepted by the baseline*"])

    corpus = pytester.path / "corpus"
    (corpus / "misquote.txt").write_text(ARTICLES["good.txt"].split("\n")[0] + "\n", "utf-8")
    (corpus / "new.txt").write_text('"We will publish no plan," Jane Doe said.\n', "utf-8")
    result = pytester.runpytest("expectations", "--attribution-baseline", baseline, "-rA")
    assert result.ret == 1
    assert outcomes(result)[ITEM.format("new.txt")] == "FAILED"
    assert outcomes(result)[ITEM.format("misquote.txt")] == "PASSED"
    result.stdout.fnmatch_lines(
        ["accepted finding gone: misquote: corpus/misquote.txt record doe-plan *"]
    )


def test_baseline_counts_and_gone_findings_are_the_same_from_xdist_workers(
    pytester: pytest.Pytester,
) -> None:
    """Workers ship the baseline keys of their findings, not the findings: the controller's
    summary (accepted, gone) must not change."""
    make(pytester)
    baseline = "ci/baseline.json"
    pytester.runpytest(
        "expectations", "--attribution-baseline", baseline, "--attribution-baseline-update"
    )
    corpus = pytester.path / "corpus"
    (corpus / "misquote.txt").write_text(ARTICLES["good.txt"].split("\n")[0] + "\n", "utf-8")
    (corpus / "new.txt").write_text('"We will publish no plan," Jane Doe said.\n', "utf-8")
    serial = pytester.runpytest("expectations", "--attribution-baseline", baseline)
    parallel = pytester.runpytest_subprocess(
        "expectations", "--attribution-baseline", baseline, "-n", "2", "-p", "xdist"
    )

    def summary(result: pytest.RunResult) -> list[str]:
        return [line for line in result.outlines if line.startswith(("attribution: ", "accepted"))]

    assert summary(parallel) == summary(serial)
    assert any("3 accepted by the baseline" in line for line in summary(serial))
    gone = [line for line in summary(serial) if line.startswith("accepted finding gone")]
    assert len(gone) == 1 and "corpus/misquote.txt record doe-plan" in gone[0]
    parallel.stdout.fnmatch_lines(["*2 workers*"])


def test_baseline_errors_are_usage_errors(pytester: pytest.Pytester) -> None:
    make(pytester)
    result = pytester.runpytest("expectations", "--attribution-baseline", "absent.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*absent.json: baseline not found*"])
    result = pytester.runpytest("expectations", "--attribution-baseline-update")
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_k_x_lf_and_junitxml(pytester: pytest.Pytester) -> None:
    make(pytester)
    result = pytester.runpytest("expectations", "-k", "misquote", "-rA")
    assert list(outcomes(result)) == [ITEM.format("misquote.txt")]

    result = pytester.runpytest("expectations", "-x")
    result.assert_outcomes(passed=1, failed=1)

    pytester.runpytest("expectations")  # records the failures for --lf
    result = pytester.runpytest("expectations", "--lf", "-rA")
    assert set(outcomes(result).values()) == {"FAILED"}
    assert len(outcomes(result)) == 4

    result = pytester.runpytest("expectations", "--junitxml", "junit.xml")
    tree = ET.parse(pytester.path / "junit.xml")
    cases = {f"{case.get('classname')}::{case.get('name')}": case for case in tree.iter("testcase")}
    assert set(cases) >= {
        "expectations.events.yaml::good.txt",
        "expectations.events.yaml::misquote.txt",
    }
    failure = cases["expectations.events.yaml::misquote.txt"].find("failure")
    assert failure is not None
    assert (failure.text or "").startswith("misquote: corpus/misquote.txt:1:2")


def test_default_collection_takes_only_expectations_folders_and_named_files(
    pytester: pytest.Pytester,
) -> None:
    make(pytester)
    elsewhere = pytester.mkdir("config")
    (elsewhere / "other.yaml").write_text("not: [records\n", encoding="utf-8")
    (elsewhere / "events.yaml").write_text(
        RECORDS.format(unverified="fail").replace("../corpus", "../corpus/good.txt#"), "utf-8"
    )
    result = pytester.runpytest("--collect-only", "-q")
    assert "config/" not in result.stdout.str()
    assert "expectations/events.yaml::good.txt" in result.stdout.str()

    named = pytester.path / "config" / "named.yaml"
    named.write_text(RECORDS.format(unverified="fail"), encoding="utf-8")
    result = pytester.runpytest("config/named.yaml", "--collect-only", "-q")
    assert "config/named.yaml::good.txt" in result.stdout.str()


def test_a_folder_named_on_the_command_line_gives_the_files_that_declare_articles(
    pytester: pytest.Pytester,
) -> None:
    make(pytester)
    (pytester.path / "expectations" / "events.yaml").unlink()
    records = pytester.mkdir("records")
    (records / "events.yaml").write_text(RECORDS.format(unverified="fail"), encoding="utf-8")
    workflows = pytester.mkdir("workflows")
    (workflows / "ci.yml").write_text("on: [push]\njobs: {}\n", encoding="utf-8")
    result = pytester.runpytest("records", "workflows", "--collect-only", "-q")
    assert "records/events.yaml::good.txt" in result.stdout.str()
    assert "ci.yml" not in result.stdout.str()
    # a folder from testpaths, not the command line, is read by the layout alone
    pytester.makeini("[pytest]\ntestpaths = records\n")
    result = pytester.runpytest("--collect-only", "-q")
    assert "records/events.yaml" not in result.stdout.str()


def test_ini_globs_change_where_it_looks(pytester: pytest.Pytester) -> None:
    make(pytester)
    folder = pytester.mkdir("records")
    (folder / "events.yml").write_text(RECORDS.format(unverified="fail"), encoding="utf-8")
    pytester.makeini("[pytest]\nattribution_expectations = records/*.yml\n")
    result = pytester.runpytest("--collect-only", "-q")
    out = result.stdout.str()
    assert "records/events.yml::good.txt" in out
    assert "expectations/events.yaml" not in out


def _report(pytester: pytest.Pytester, result: pytest.RunResult, name: str) -> object:
    assert result.ret == 1
    return json.loads((pytester.path / name).read_text(encoding="utf-8"))


def test_xdist_gives_the_same_verdicts(pytester: pytest.Pytester) -> None:
    make(pytester)
    serial = pytester.runpytest(
        "expectations",
        "--attribution-report",
        "serial.json",
        "--attribution-sarif",
        "s.sarif",
        "-rA",
    )
    parallel = pytester.runpytest_subprocess(
        "expectations",
        "-n",
        "2",
        "-p",
        "xdist",
        "--attribution-report",
        "parallel.json",
        "--attribution-sarif",
        "p.sarif",
        "-rA",
    )
    assert _report(pytester, serial, "serial.json") == _report(pytester, parallel, "parallel.json")
    # the controller rebuilds every finding whole from what the workers ship
    assert _report(pytester, serial, "s.sarif") == _report(pytester, parallel, "p.sarif")
    assert outcomes(serial) == outcomes(parallel)
    parallel.stdout.fnmatch_lines(["*2 workers*"])
    # without a file to write, the controller keeps counts, not findings: the same summary
    counted = pytester.runpytest_subprocess("expectations", "-n", "2", "-p", "xdist")

    def summary(result: pytest.RunResult) -> list[str]:
        return [line for line in result.outlines if line.startswith("attribution: ")]

    assert summary(counted) == summary(serial)
    assert summary(serial) == [
        "attribution: 5 articles, 1 misquote, 1 misattribution, 1 venue-mismatch, "
        "1 unverified-quote"
    ]


def test_article_paths_are_relative_to_the_rootdir(pytester: pytest.Pytester) -> None:
    make(pytester, articles={"misquote.txt": ARTICLES["misquote.txt"]})
    sub = pytester.mkdir("sub")
    result = pytester.runpytest(
        str(pytester.path / "expectations"), "--attribution-report", "r.json", "--rootdir", "."
    )
    assert result.ret == 1
    del sub
    document = json.loads(Path(pytester.path / "r.json").read_text(encoding="utf-8"))
    assert [f["article"] for f in document["findings"]] == ["corpus/misquote.txt"]


RESEMBLES = {
    # Doe's plan, paraphrased: alike, not the same sentence
    "paraphrase.txt": '"The whole plan goes out in Geneva next week, we hope," Jane Doe said.\n',
}


@pytest.mark.parametrize(("policy", "outcome"), [("warn", "PASSED"), ("fail", "FAILED")])
def test_a_possible_misquote_warns_or_fails_as_the_file_says(
    pytester: pytest.Pytester, policy: str, outcome: str
) -> None:
    records = RECORDS.format(unverified="ignore").replace(
        "unverified: ignore\n", f"unverified: ignore\npossible-misquote: {policy}\n"
    )
    make(pytester, articles=RESEMBLES, records=records)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "r.json")
    assert outcomes(result) == {"expectations/events.yaml::paraphrase.txt": outcome}
    if policy == "warn":
        result.stdout.fnmatch_lines(["*PossibleMisquoteWarning: possible-misquote: *"])
        assert result.ret == 0
    else:
        assert result.ret == 1
    (finding,) = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["findings"]
    assert (finding["kind"], finding["level"]) == ("possible-misquote", policy)


def test_possible_misquote_ignore_drops_the_finding(pytester: pytest.Pytester) -> None:
    records = RECORDS.format(unverified="ignore").replace(
        "unverified: ignore\n", "unverified: ignore\npossible-misquote: ignore\n"
    )
    make(pytester, articles=RESEMBLES, records=records)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "r.json")
    assert result.ret == 0
    assert json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["findings"] == []


def test_a_bad_possible_misquote_policy_is_a_one_line_error(pytester: pytest.Pytester) -> None:
    records = RECORDS.format(unverified="ignore").replace(
        "unverified: ignore\n", "unverified: ignore\npossible-misquote: loud\n"
    )
    make(pytester, articles=RESEMBLES, records=records)
    result = pytester.runpytest("expectations")
    result.stdout.fnmatch_lines(
        ["*events.yaml:4: 'possible-misquote' must be one of fail, warn, ignore, not 'loud'*"]
    )
    assert "Traceback" not in result.stdout.str()


CONSENSUS = """\
articles:
  - ../corpus/*.txt
consensus: true
"""

PLAN = "We will publish the full plan next week"
BUDGET = "The budget is balanced for the first time"
OUTLETS = {
    "a.txt": f'"{PLAN}," Jane Doe said.\n\n"{BUDGET}," Roe said.\n',
    "b.txt": f'"{PLAN}," Doe said.\n\n"{BUDGET}," Roe said.\n',
    "c.txt": '"We will publish the whole plan next week," Ms. Doe said.\n\n'
    '"The budget is not balanced for the first time," Richard Roe said.\n\n'
    '"Only this outlet has these words at all," Richard Roe said.\n',
}


def test_consensus_items_fail_on_outliers_and_warn_when_disputed(
    pytester: pytest.Pytester,
) -> None:
    make(pytester, articles=OUTLETS, records=CONSENSUS)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "report.json")
    assert outcomes(result) == {
        ITEM.format("doe-we-will-publish-the-full"): "FAILED",
        ITEM.format("roe-the-budget-is-balanced-for"): "FAILED",
    }
    result.stdout.fnmatch_lines(
        [
            "misquote: corpus/c.txt:1:2 quotes Jane Doe differently from the other outlets "
            "(consensus group doe-we-will-publish-the-full)",
            "  most   : We will publish the full plan next week,",
            "  diff   : We will publish the [-full-] {+whole+} plan next week",
            "  outlets: corpus/a.txt:1:2 (consensus) We will publish the full plan next week,",
        ]
    )
    document = json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))
    assert [(f["article"], f["kind"], f["level"]) for f in document["findings"]] == [
        ("corpus/c.txt", "misquote", "fail"),
        ("corpus/c.txt", "misquote", "fail"),
    ]

    two = {k: v for k, v in OUTLETS.items() if k != "b.txt"}
    make(pytester, articles=two, records=CONSENSUS)
    result = pytester.runpytest("expectations", "-rA")
    assert set(outcomes(result).values()) == {"PASSED"}
    assert len(outcomes(result)) == 2  # one outlet's own words make no item
    result.stdout.fnmatch_lines(
        [
            "*DisputedQuoteWarning: disputed: corpus/a.txt:3:2 and the other outlets quote "
            "Richard Roe*"
        ]
    )


@pytest.mark.parametrize(
    ("records", "message"),
    [
        (
            "articles: ../corpus/*.txt\nconsensus: maybe\n",
            "expectations/events.yaml:2: 'consensus' must be true or false, not a value tagged *",
        ),
        (
            "articles: ../corpus/*.txt\nconsensus: false\n",
            "expectations/events.yaml:1: missing required key 'quotes'",
        ),
        (
            "articles: ../corpus/*.txt\nconsenus: true\n",
            "*unknown key 'consenus' in the file (did you mean 'consensus'?)",
        ),
    ],
)
def test_a_bad_consensus_key_is_a_one_line_error(
    pytester: pytest.Pytester, records: str, message: str
) -> None:
    make(pytester, records=records, articles={"a.txt": OUTLETS["a.txt"]})
    result = pytester.runpytest("expectations")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([message])
    assert "Traceback" not in result.stdout.str()


STEEL_RECORDS = """\
articles:
  - ../corpus/**/steel-*.txt
  - ../corpus/roundup.txt
unverified: fail
quotes:
  - id: steel-tariff
    speaker: Jane Doe
    text: "The tariff on steel will stay until the talks are done."
    required: true
"""

BUDGET_RECORDS = """\
articles:
  - ../corpus/budget-*.txt
  - ../corpus/roundup.txt
unverified: fail
quotes:
  - id: budget-balanced
    speaker: Richard Roe
    text: "The budget is balanced for the first time in a decade."
    required: true
"""

ROUNDUP = {
    "steel-daily.txt": '"The tariff on steel will stay," Jane Doe said.\n',
    "budget-daily.txt": '"The budget is balanced for the first time," Richard Roe said.\n',
    # one story each, and a quote neither file has
    "roundup.txt": (
        '"The tariff on steel will stay until the talks are done," Jane Doe said.\n\n'
        '"The budget is balanced," Richard Roe said.\n\n'
        '"Nobody has written this sentence down anywhere," John Smith said.\n'
    ),
}


def make_roundup(pytester: pytest.Pytester) -> None:
    make(pytester, articles=ROUNDUP, records=STEEL_RECORDS)
    (pytester.path / "expectations" / "events.yaml").unlink()
    (pytester.path / "expectations" / "steel.yaml").write_text(STEEL_RECORDS, encoding="utf-8")
    (pytester.path / "expectations" / "budget.yaml").write_text(BUDGET_RECORDS, encoding="utf-8")


def test_a_roundup_is_checked_against_every_record_file_that_covers_it(
    pytester: pytest.Pytester,
) -> None:
    make_roundup(pytester)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "r.json")
    assert outcomes(result) == {
        "expectations/budget.yaml::budget-daily.txt": "PASSED",
        # the unverified quote is the only finding, and it belongs to one file
        "expectations/budget.yaml::roundup.txt": "FAILED",
        "expectations/steel.yaml::roundup.txt": "PASSED",
        "expectations/steel.yaml::steel-daily.txt": "PASSED",
    }
    findings = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["findings"]
    assert [(f["article"], f["kind"], f["quote"]) for f in findings] == [
        (
            "corpus/roundup.txt",
            "unverified-quote",
            "Nobody has written this sentence down anywhere,",
        )
    ]
    # `required` stays with each file's own articles: steel-daily need not carry the budget
    result.stdout.no_fnmatch_line("*missing-quote*")

    # Only one file named: the other still vouches for its quote in the roundup.
    result = pytester.runpytest("expectations/steel.yaml", "-rA")
    assert outcomes(result)["expectations/steel.yaml::roundup.txt"] == "PASSED"


def test_a_required_record_of_one_file_is_not_demanded_of_the_other_files_articles(
    pytester: pytest.Pytester,
) -> None:
    make_roundup(pytester)
    roundup = pytester.path / "corpus" / "roundup.txt"
    roundup.write_text(ROUNDUP["roundup.txt"].split("\n\n")[0] + "\n", encoding="utf-8")
    result = pytester.runpytest("expectations", "-rA")
    assert outcomes(result) == {
        "expectations/budget.yaml::budget-daily.txt": "PASSED",
        "expectations/budget.yaml::roundup.txt": "FAILED",
        "expectations/steel.yaml::roundup.txt": "PASSED",
        "expectations/steel.yaml::steel-daily.txt": "PASSED",
    }
    result.stdout.fnmatch_lines(
        ["missing-quote: corpus/roundup.txt does not carry required record budget-balanced *"]
    )


HOUSE_RULE = """
import json


def pytest_attribution_article(article, findings):
    with open("calls.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps([article.path, sorted(f.kind for f in findings)]) + "\\n")
    if article.path == "corpus/roundup.txt":
        yield article.finding(article.attributions[0], kind="roundup-rule", message="seen")
"""


def test_a_house_rule_runs_once_per_article_with_every_covering_files_findings(
    pytester: pytest.Pytester,
) -> None:
    make_roundup(pytester)
    roundup = ROUNDUP["roundup.txt"].replace("steel will stay", "steel will go")  # a misquote
    (pytester.path / "corpus" / "roundup.txt").write_text(roundup, encoding="utf-8")
    pytester.makeconftest(HOUSE_RULE)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "r.json")
    calls = [
        json.loads(line)
        for line in (pytester.path / "calls.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(calls) == [
        ["corpus/budget-daily.txt", []],
        # both files' findings: steel.yaml's misquote and budget.yaml's unverified quote
        ["corpus/roundup.txt", ["misquote", "unverified-quote"]],
        ["corpus/steel-daily.txt", []],
    ]
    assert outcomes(result) == {
        "expectations/budget.yaml::budget-daily.txt": "PASSED",
        "expectations/budget.yaml::roundup.txt": "FAILED",
        "expectations/steel.yaml::roundup.txt": "FAILED",
        "expectations/steel.yaml::steel-daily.txt": "PASSED",
    }
    findings = json.loads((pytester.path / "r.json").read_text(encoding="utf-8"))["findings"]
    owners = sorted((f["kind"], f["record_file"]) for f in findings)
    assert owners == [
        ("misquote", "expectations/steel.yaml"),
        # the house rule's finding belongs to the article's first covering file
        ("roundup-rule", "expectations/budget.yaml"),
        ("unverified-quote", "expectations/budget.yaml"),
    ]


def test_a_baseline_matches_findings_by_identity_not_by_test_id(
    pytester: pytest.Pytester,
) -> None:
    make_roundup(pytester)
    unverified = {
        "article": "corpus/roundup.txt",
        "kind": "unverified-quote",
        "record": None,
        "speaker": "John Smith",
        "quote": "Nobody has written this sentence down anywhere,",
    }

    def misquote(article: str, record: str) -> dict[str, object]:
        return {
            "article": article,
            "kind": "misquote",
            "record": record,
            "speaker": "Jane Doe",
            "quote": "Words nobody prints any more,",
        }

    accepted = [
        # ids of the earlier layout (article::record) and no record_file: an older baseline
        {**unverified, "item": "expectations/budget.yaml::roundup.txt::unverified-5-2"},
        {
            **misquote("corpus/budget-daily.txt", "budget-balanced"),
            "item": "expectations/budget.yaml::budget-daily.txt::budget-balanced",
        },
        {
            **misquote("corpus/roundup.txt", "steel-tariff"),
            "record_file": "expectations/steel.yaml",
            "item": "expectations/steel.yaml::roundup.txt",
        },
    ]
    base = pytester.path / "base.json"
    base.write_text(json.dumps({"accepted": accepted}), encoding="utf-8")
    result = pytester.runpytest("expectations/budget.yaml", "--attribution-baseline", "base.json")
    assert result.ret == 0  # the unverified quote is accepted whatever its id was
    result.stdout.fnmatch_lines(
        ["accepted finding gone: misquote: corpus/budget-daily.txt record budget-balanced *"]
    )
    # steel.yaml did not run: its finding about the roundup is not judged gone
    assert "record steel-tariff" not in result.stdout.str()
    result = pytester.runpytest("expectations", "--attribution-baseline", "base.json")
    assert result.ret == 0
    result.stdout.fnmatch_lines(
        ["accepted finding gone: misquote: corpus/roundup.txt record steel-tariff *"]
    )

    result = pytester.runpytest(
        "expectations", "--attribution-baseline", "new.json", "--attribution-baseline-update"
    )
    (entry,) = json.loads((pytester.path / "new.json").read_text(encoding="utf-8"))["accepted"]
    assert entry == {
        **unverified,
        "record_file": "expectations/budget.yaml",
        "item": "expectations/budget.yaml::roundup.txt",
    }


def test_warnings_made_errors_fail_with_the_finding_text(pytester: pytest.Pytester) -> None:
    make(pytester, unverified="warn", articles={"unverified.txt": ARTICLES["unverified.txt"]})
    result = pytester.runpytest(
        "expectations", "-rA", "-W", "error::attribution.plugin.UnverifiedQuoteWarning"
    )
    assert outcomes(result) == {ITEM.format("unverified.txt"): "FAILED"}
    result.stdout.fnmatch_lines(
        ["unverified-quote: corpus/unverified.txt:1:2 quotes John Smith, and no record *"]
    )
    text = result.stdout.str()
    assert "Traceback" not in text
    assert "_pytest" not in text
    assert len(result.outlines) < 30


def test_verbose_ids_select_their_item_when_pasted_back(pytester: pytest.Pytester) -> None:
    make_roundup(pytester)
    other = pytester.path / "corpus" / "more"
    other.mkdir()
    (other / "steel-daily.txt").write_text(ROUNDUP["steel-daily.txt"], encoding="utf-8")
    result = pytester.runpytest("expectations", "-v", "-p", "no:cacheprovider")
    shown = [line.split(" ")[0] for line in result.outlines if line.endswith("%]")]
    assert "expectations/steel.yaml::corpus/steel-daily.txt" in shown
    assert "expectations/budget.yaml::roundup.txt" in shown
    assert len(shown) == 5
    again = pytester.runpytest(*shown, "-q", "--co", "-p", "no:cacheprovider")
    assert again.outlines[: len(shown)] == shown


def test_k_on_a_record_id_or_an_article_name_selects_the_items_that_hold_it(
    pytester: pytest.Pytester,
) -> None:
    make_roundup(pytester)

    def selected(expression: str) -> list[str]:
        result = pytester.runpytest("expectations", "--co", "-q", "-k", expression)
        return [line for line in result.outlines if "::" in line]

    # a record id: every item of the record file that holds it (the items check its records)
    assert selected("steel-tariff") == [
        "expectations/steel.yaml::roundup.txt",
        "expectations/steel.yaml::steel-daily.txt",
    ]
    assert selected("roundup") == [
        "expectations/budget.yaml::roundup.txt",
        "expectations/steel.yaml::roundup.txt",
    ]
    assert selected("budget-balanced and roundup.txt") == ["expectations/budget.yaml::roundup.txt"]
    assert selected("no-such-record") == []


def test_articles_are_parsed_when_their_items_run_and_once_across_runs(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    from attribution import runner as check

    parsed: list[str] = []
    real = check.attributions

    def counting(text: str) -> tuple[object, ...]:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(check, "attributions", counting)
    make(pytester)
    pytester.runpytest("expectations", "--co")
    assert parsed == []  # collection lists articles, it does not read them
    pytester.runpytest("expectations", "-k", "misquote")
    assert parsed == [ARTICLES["misquote.txt"]]
    del parsed[:]
    first = pytester.runpytest("expectations", "-rA")
    assert len(parsed) == len(ARTICLES) - 1  # misquote.txt came from the cache
    del parsed[:]
    again = pytester.runpytest("expectations", "-rA")
    assert parsed == []
    assert outcomes(again) == outcomes(first)
    (pytester.path / "corpus" / "good.txt").write_text(ARTICLES["misquote.txt"], "utf-8")
    edited = pytester.runpytest("expectations", "-rA")
    assert parsed == []  # the same text as misquote.txt: one entry serves both
    assert outcomes(edited)[ITEM.format("good.txt")] == "FAILED"
    (pytester.path / "corpus" / "good.txt").write_text("“Brand new,” she said.\n", "utf-8")
    pytester.runpytest("expectations")
    assert parsed == ["“Brand new,” she said.\n"]


def test_a_corrupt_cache_entry_is_ignored_and_rewritten(pytester: pytest.Pytester) -> None:
    make(pytester)
    first = pytester.runpytest("expectations", "-rA", "--attribution-report", "a.json")
    entries = sorted((pytester.path / ".pytest_cache" / "d" / "attribution").glob("v-*/*"))
    # a parse and a check (the findings against the record files) per article, and the
    # validated text of the one record file
    kinds = sorted(e.name.split("-")[0] for e in entries)
    assert kinds == sorted(["parse", "check"] * len(ARTICLES) + ["records"])
    for n, entry in enumerate(entries):
        entry.write_bytes([b"", b"{not json", b'{"format": 1}', b"[]", b"\xff"][n % 5])
    again = pytester.runpytest("expectations", "-rA", "--attribution-report", "b.json")
    assert outcomes(again) == outcomes(first)
    report = pytester.path / "a.json"
    assert report.read_text("utf-8") == (pytester.path / "b.json").read_text("utf-8")
    assert all(e.read_bytes().startswith(b'{"format":2,') for e in entries)


def test_failures_are_summarised_without_rescanning_every_report(pytester: pytest.Pytester) -> None:
    """pytest scans the silent setup/teardown reports once per failure: the gate keeps none."""
    make(pytester)
    pytester.makeconftest(
        """
        import pytest

        @pytest.hookimpl(tryfirst=True)
        def pytest_terminal_summary(terminalreporter):
            kept = terminalreporter.stats.get("", [])
            terminalreporter.write_line(f"silent reports kept: {len(kept)}")
        """
    )
    result = pytester.runpytest("expectations", "-n", "2", "-p", "xdist")
    result.assert_outcomes(passed=1, failed=4)
    result.stdout.fnmatch_lines(["silent reports kept: 0"])
    result = pytester.runpytest("expectations")
    result.stdout.fnmatch_lines(["silent reports kept: 0"])
