"""The ``attribution`` command: formats, explain, exit codes and hostile input files.

Format tests swap in a tiny fake pipeline so they check the CLI's rendering, not
the parser's judgement; robustness tests run the real pipeline, since a hang or
a traceback there is exactly what they must catch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import regex

import attribution.parse.pipeline
from attribution.cli import main
from attribution.parse.model import Attribution, Span

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "corpus").glob("*.txt"))

ARTICLE = (
    "Defense Secretary Lloyd Austin spoke in Rome on Wednesday.\n\n"
    "“It is Europe’s most serious moment,” Austin said at a press conference.\n\n"
    'Ukraine\'s president wrote: "We will respond."\n'
)

_QUOTE = regex.compile(r"[“\"]([^“”\"\n]+)[”\"]")


def _fake_extract(text: str) -> tuple[Attribution, ...]:
    """Every quote in straight or curly double marks, credited to Ada Lovelace."""
    found = []
    for match in _QUOTE.finditer(text):
        quote = Span.of(text, match.start(1), match.end(1))
        cue = regex.search(r"said|wrote", text[match.end() :])
        cue_span = (
            Span.of(text, match.end() + cue.start(), match.end() + cue.end()) if cue else None
        )
        found.append(
            Attribution(
                quote=quote,
                speaker="Ada Lovelace" if cue else None,
                mention=cue_span,
                cue=cue_span,
                venue=Span.of(text, 0, 7) if cue else None,
                date=None,
                rule="cue-in-next-sentence" if cue else "unattributed",
                steps=("quote found", "next cue word taken") if cue else (),
            )
        )
    return tuple(found)


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attribution.parse.pipeline, "extract", _fake_extract)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def run_main(*argv: str | Path) -> tuple[int, str, str]:
        status = main([str(arg) for arg in argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return status, out, err

    return run_main


# --- formats --------------------------------------------------------------------------


@pytest.mark.usefixtures("fake_pipeline")
def test_jsonl_is_one_object_per_file_with_offsets_into_the_text(run: Run, article: Path) -> None:
    status, out, err = run("extract", "--format", "jsonl", article, article)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["path"] == str(article)
    first = record["quotes"][0]
    assert set(first) == {"text", "start", "end", "speaker", "mention", "cue", "venue"} | {
        "date",
        "rule",
        "kind",
        "candidates",
        "ambiguous",
    }
    assert first["text"] == "It is Europe’s most serious moment,"
    assert ARTICLE[first["start"] : first["end"]] == first["text"]
    assert first["cue"] == {"start": ARTICLE.index("said"), "end": ARTICLE.index("said") + 4} | {
        "text": "said"
    }
    assert first["speaker"] == "Ada Lovelace"
    assert first["venue"] == "Defense"
    assert first["date"] is None
    assert [q["text"] for q in record["quotes"]] == [a.quote.text for a in _fake_extract(ARTICLE)]


@pytest.mark.usefixtures("fake_pipeline")
def test_jsonl_is_the_default_and_keeps_non_ascii_readable(run: Run, article: Path) -> None:
    status, out, _ = run("extract", article)
    assert status == 0
    assert "“" not in out  # the marks are outside the quoted words
    assert "’" in out
    assert "\\u" not in out
    assert json.loads(out)["quotes"][1]["text"] == "We will respond."


@pytest.mark.usefixtures("fake_pipeline")
def test_json_is_one_array_of_the_same_objects(run: Run, article: Path, tmp_path: Path) -> None:
    status, out, _ = run("extract", "--format", "json", article, tmp_path / "missing.txt", article)
    assert status == 1
    records = json.loads(out)
    assert [r["path"] for r in records] == [str(article), str(article)]
    status, jsonl, _ = run("extract", "--format", "jsonl", article)
    assert records[0] == json.loads(jsonl)


def test_json_with_every_file_failing_is_still_valid_json(run: Run, tmp_path: Path) -> None:
    status, out, err = run("extract", "--format", "json", tmp_path / "nope.txt")
    assert status == 1
    assert json.loads(out) == []
    assert err.count("\n") == 1


@pytest.mark.usefixtures("fake_pipeline")
def test_text_is_a_table_per_file(run: Run, article: Path) -> None:
    status, out, err = run("extract", "--format", "text", article)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"== {article}  (2 quotations)"
    header = lines[1]
    for column in ("SPEAKER", "RULE", "VENUE", "DATE", "QUOTE"):
        assert column in header
    rows = lines[2:4]
    assert rows[0].startswith("  Ada Lovelace  cue-in-next-sentence")
    assert rows[1].startswith("  -             unattributed ")
    assert "“It is Europe’s most serious moment,”" in rows[0]
    # columns line up: every row's quote starts where the header's QUOTE does
    assert {row.index("“") for row in rows} == {header.index("QUOTE")}
    assert lines[-1] == "2 quotations in 1 file, 1 attributed"


@pytest.mark.usefixtures("fake_pipeline")
def test_text_shortens_long_quotes_and_flattens_newlines(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text('"' + "word " * 200 + 'end," he said.\n', encoding="utf-8")
    status, out, _ = run("extract", "--format", "text", path)
    assert status == 0
    row = out.splitlines()[2]
    assert row.endswith("…")
    assert len(row) <= 160


@pytest.mark.usefixtures("fake_pipeline")
def test_explain_shows_rule_steps_and_context(run: Run, article: Path) -> None:
    status, out, err = run("explain", article)
    assert (status, err) == (0, "")
    assert "[1] “It is Europe’s most serious moment,”" in out
    assert "rule     cue-in-next-sentence" in out
    assert "speaker  Ada Lovelace" in out
    assert "1. quote found" in out and "2. next cue word taken" in out
    assert "⟦It is Europe’s most serious moment,⟧” Austin" in out
    start = ARTICLE.index("said")
    cue = next(line for line in out.splitlines() if line.startswith("    cue "))
    assert "moment,” Austin ⟦said⟧ at a press conference. Ukraine's" in cue
    assert cue.endswith(f"  @{start}-{start + 4}")
    assert "rule     unattributed" in out


def test_explain_with_the_real_pipeline_on_the_corpus(run: Run) -> None:
    status, out, err = run("explain", *CORPUS)
    assert (status, err) == (0, "")
    assert out.count("== ") == len(CORPUS)


def test_extract_with_the_real_pipeline_on_the_corpus(run: Run) -> None:
    for fmt in ("jsonl", "json", "text"):
        status, out, err = run("extract", "--format", fmt, *CORPUS)
        assert (status, err) == (0, "")
    status, out, _ = run("extract", *CORPUS)
    for line, path in zip(out.splitlines(), CORPUS, strict=True):
        record = json.loads(line)
        text = path.read_text(encoding="utf-8")
        for quote in record["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]


# --- hostile input files ----------------------------------------------------------------

GOOD = "“Fine,” she said.\n"

# name -> (bytes, the error text expected on stderr or None when the file is fine)
CASES: dict[str, tuple[bytes, str | None]] = {
    "empty": (b"", None),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL byte at byte 8)"),
    "invalid_utf8": ("“Café,” he said.".encode("latin-1", "replace") + b"\xe9", "invalid UTF-8"),
    "nul": (b'"Hello," he said.\x00\n', "binary file (NUL byte at byte 17)"),
    "bom": ("\ufeff“Hello,” Ann Smith said.\n".encode(), None),
    "crlf": ("Intro.\r\n\r\n“Hello,” Ann Smith said.\r\n".encode(), None),
    "cr_only": (b'Intro.\r\r"Hello," Ann Smith said.\r', None),
    "megabyte_line": (("word " * 220_000 + '"a quote" he said').encode(), None),
    "unbalanced_marks": (("“ " * 3000 + "” ‘ « „ ‹ \" ' " * 500 + GOOD).encode(), None),
    "cue_words": (("said told added according to " * 3000 + GOOD).encode(), None),
    "quote_chars": (b'"' * 50_000, None),
}


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_among_good_ones(run: Run, tmp_path: Path, name: str) -> None:
    data, error = CASES[name]
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good", GOOD.encode())
    status, out, err = run("extract", good, bad, good)
    printed = [json.loads(line)["path"] for line in out.splitlines()]
    if error is None:
        assert (status, err) == (0, "")
        assert printed == [str(good), str(bad), str(good)]
        text = open(bad, encoding="utf-8").read()  # noqa: SIM115 - the reference reading
        for quote in json.loads(out.splitlines()[1])["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
    else:
        assert status == 1
        assert printed == [str(good), str(good)]
        assert err.count("\n") == 1
        assert err.startswith(f"attribution: {bad}: ")
        assert error in err


def test_invalid_utf8_names_the_byte(run: Run, tmp_path: Path) -> None:
    bad = _write(tmp_path, "latin1", "naïve".encode("latin-1"))
    status, _, err = run("extract", bad)
    assert status == 1
    assert err == f"attribution: {bad}: invalid UTF-8 at byte 2 (0xef): invalid continuation byte\n"


@pytest.mark.usefixtures("fake_pipeline")
def test_bom_and_crlf_offsets_match_open_read(run: Run, tmp_path: Path) -> None:
    path = _write(tmp_path, "both", "\ufeffIntro.\r\n\r\n“Hello,” she said.\r\n".encode())
    status, out, _ = run("extract", path)
    assert status == 0
    text = open(path, encoding="utf-8").read()  # noqa: SIM115 - the reference reading
    assert text.startswith("\ufeffIntro.\n\n")
    quote = json.loads(out)["quotes"][0]
    assert (quote["start"], quote["end"]) == (text.index("Hello"), text.index(",”") + 1)
    assert quote["cue"]["start"] == text.index("said")


def test_directory_and_missing_file(run: Run, tmp_path: Path) -> None:
    good = _write(tmp_path, "good", GOOD.encode())
    missing = tmp_path / "missing.txt"
    status, out, err = run("extract", tmp_path, good, missing)
    assert status == 1
    assert [json.loads(line)["path"] for line in out.splitlines()] == [str(good)]
    assert err.splitlines() == [
        f"attribution: {tmp_path}: is a directory",
        f"attribution: {missing}: no such file or directory",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(run: Run, tmp_path: Path) -> None:
    secret = _write(tmp_path, "secret", GOOD.encode())
    secret.chmod(0)
    status, _, err = run("extract", secret)
    assert status == 1
    assert err == f"attribution: {secret}: permission denied\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_refused_rather_than_waited_on(run: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status, _, err = run("extract", fifo)
    assert status == 1
    assert err == f"attribution: {fifo}: not a regular file\n"


def test_a_newline_in_a_file_name_still_gives_one_line(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "two\nlines.txt"
    status, _, err = run("extract", missing)
    assert status == 1
    assert err.count("\n") == 1
    assert "two\\nlines.txt" in err


def test_every_kind_of_failure_in_one_call(run: Run, tmp_path: Path) -> None:
    paths = [_write(tmp_path, name, data) for name, (data, _) in sorted(CASES.items())]
    paths += [tmp_path, tmp_path / "missing.txt"]
    status, out, err = run("extract", "--format", "text", *paths)
    assert status == 1
    failing = sum(1 for _, error in CASES.values() if error) + 2
    assert len(err.splitlines()) == failing
    assert out.count("\n== ") + out.startswith("== ") == len(paths) - failing


def test_a_bug_in_a_stage_costs_only_its_file(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def fragile(text: str) -> tuple[Attribution, ...]:
        if "boom" in text:
            raise ValueError("stage fell over")
        return ()

    monkeypatch.setattr(attribution.parse.pipeline, "extract", fragile)
    good = _write(tmp_path, "good", GOOD.encode())
    bad = _write(tmp_path, "bad", b"boom")
    status, out, err = run("extract", bad, good)
    assert status == 1
    assert len(out.splitlines()) == 1
    assert (
        err == f"attribution: {bad}: internal error: ValueError: stage fell over (please report)\n"
    )


# --- exit codes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [[], ["extract"], ["extract", "--format", "xml", "a.txt"], ["frobnicate"], ["explain"]],
)
def test_usage_errors_exit_2(run: Run, argv: list[str]) -> None:
    status, out, err = run(*argv)
    assert status == 2
    assert out == ""
    assert "usage: attribution" in err


def test_help_exits_0(run: Run) -> None:
    status, out, _ = run("extract", "--help")
    assert status == 0
    assert "--format" in out


def test_interrupt_exits_130(run: Run, monkeypatch: pytest.MonkeyPatch, article: Path) -> None:
    def interrupted(text: str) -> tuple[Attribution, ...]:
        raise KeyboardInterrupt

    monkeypatch.setattr(attribution.parse.pipeline, "extract", interrupted)
    assert run("extract", article)[0] == 130


class _ClosedPipe:
    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_is_quiet_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["extract", str(article)]) == 141
    assert capsys.readouterr().err == ""


# --- the real process -----------------------------------------------------------------


def _python_m(*args: str, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "attribution", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **env},
        cwd=REPO,
    )


def test_python_m_attribution(tmp_path: Path) -> None:
    good = _write(tmp_path, "good", GOOD.encode())
    process = _python_m("extract", str(good), str(tmp_path / "missing.txt"))
    out, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert json.loads(out)["path"] == str(good)
    assert err.decode() == f"attribution: {tmp_path / 'missing.txt'}: no such file or directory\n"


def test_output_closed_early_is_quiet(tmp_path: Path) -> None:
    good = _write(tmp_path, "good", GOOD.encode())
    process = _python_m("extract", *[str(good)] * 3000)  # ~200 kB: more than a pipe holds
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert err == b""


def test_ascii_only_stdout_gets_escaped_json_and_a_readable_table(tmp_path: Path) -> None:
    good = _write(tmp_path, "café", GOOD.encode())
    process = _python_m("extract", str(good), PYTHONIOENCODING="ascii")
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"")
    assert json.loads(out.decode("ascii"))["path"] == str(good)
    process = _python_m("extract", "--format", "text", str(good), PYTHONIOENCODING="ascii")
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"")
    assert b"caf?.txt" in out


def test_extract_does_not_import_yaml_or_the_records(tmp_path: Path) -> None:
    """Start-up time is most of a small run: extract must not load what only check needs."""
    good = _write(tmp_path, "good", GOOD.encode())
    probe = (
        "import sys\nfrom attribution.cli import main\n"
        f"main(['extract', {str(good)!r}])\n"
        "print(sorted(m for m in sys.modules if m in ('yaml', 'attribution.runner')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=60)
    assert done.stdout.decode().splitlines()[-1] == "[]"


def test_check_subcommand_stays_wired(run: Run) -> None:
    status, out, _ = run("check", "--help")
    assert status == 0
    assert "--report" in out


# --- check ----------------------------------------------------------------------------

RECORDS = """\
articles: ../corpus/*.txt
unverified: fail
quotes:
  - id: doe-plan
    speaker: Jane Doe
    text: "We will publish the full plan next week in Geneva."
"""
MISQUOTE = '"We will publish the whole plan next week," Jane Doe said.\n'
GOOD_QUOTE = '"We will publish the full plan next week," Jane Doe said.\n'


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A newsroom repository: a pytest.ini, a CI workflow, records and two articles."""
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "ci.yml").write_text("on: push\njobs: {build: {runs-on: x}}\n", "utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "good.txt").write_text(GOOD_QUOTE, encoding="utf-8")
    (tmp_path / "corpus" / "misquote.txt").write_text(MISQUOTE, encoding="utf-8")
    (tmp_path / "expectations").mkdir()
    (tmp_path / "expectations" / "events.yaml").write_text(RECORDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_dot_reads_only_the_record_files(run: Run, newsroom: Path) -> None:
    status, out, err = run("check", ".")
    assert status == 1
    assert err == ""
    assert out.startswith("corpus/good.txt: ok\n\ncorpus/misquote.txt: 1 misquote\n")
    assert "ci.yml" not in out

    status, out, err = run("check", ".github")
    assert (status, out) == (2, "")
    assert err == (
        "attribution check: no record files in .github "
        "(record files are YAML files in a folder named 'expectations')\n"
    )


@pytest.mark.parametrize(
    ("name", "settings"),
    [
        ("pytest.ini", "[pytest]\nattribution_expectations =\n    records/*.yml\n"),
        (
            "pyproject.toml",
            '[tool.pytest.ini_options]\nattribution_expectations = ["records/*.yml"]\n',
        ),
    ],
)
def test_check_honours_the_ini_globs(run: Run, newsroom: Path, name: str, settings: str) -> None:
    (newsroom / "pytest.ini").unlink()
    (newsroom / name).write_text(settings, encoding="utf-8")
    (newsroom / "records").mkdir()
    moved = RECORDS.replace("doe-plan", "doe-plan-moved")
    (newsroom / "records" / "events.yml").write_text(moved, encoding="utf-8")
    status, out, _ = run("check", ".")
    assert status == 1
    assert "record doe-plan-moved" in out
    assert "record doe-plan\n" not in out and "record doe-plan " not in out
    # from a subfolder, the rootdir is still where the ini is
    os.chdir(newsroom / "records")
    status, again, _ = run("check", ".")
    assert (status, again) == (1, out)


def test_check_takes_a_baseline(run: Run, newsroom: Path) -> None:
    accepted = {
        "article": "corpus/misquote.txt",
        "kind": "misquote",
        "record": "doe-plan",
        "speaker": "Jane Doe",
        "quote": "We will publish the whole plan next week,",
    }
    gone = {**accepted, "article": "corpus/good.txt"}
    (newsroom / "baseline.json").write_text(json.dumps({"accepted": [accepted, gone]}), "utf-8")
    status, out, _ = run("check", ".", "--baseline", "baseline.json")
    assert status == 0
    assert "1 accepted by the baseline baseline.json" in out
    assert "accepted finding gone: misquote: corpus/good.txt record doe-plan" in out
    (newsroom / "baseline.json").write_text('{"accepted": 1}', "utf-8")
    status, out, err = run("check", ".", "--baseline", "baseline.json")
    assert (status, out) == (2, "")
    assert err.startswith("attribution check: baseline.json: baseline must be")


def test_check_reports_everything_else_then_exits_2_for_an_unreadable_article(
    run: Run, newsroom: Path
) -> None:
    (newsroom / "corpus" / "legacy.txt").write_bytes("A line.\n“Old,” she said.\n".encode("cp1252"))
    status, out, err = run("check", "expectations", "--report", "r.json")
    assert status == 2
    assert "corpus/misquote.txt: 1 misquote" in out
    assert err == (
        "attribution check: corpus/legacy.txt:2: cannot read article: invalid UTF-8 at byte 8 "
        "(0x93), likely Windows-1252 (byte 0x93 is '“' there): save it as UTF-8\n"
    )
    findings = json.loads((newsroom / "r.json").read_text(encoding="utf-8"))["findings"]
    assert [f["article"] for f in findings] == ["corpus/misquote.txt"]


def test_check_uses_every_record_file_covering_an_article(run: Run, newsroom: Path) -> None:
    (newsroom / "corpus" / "roundup.txt").write_text(
        GOOD_QUOTE + '\n"The budget is balanced," Richard Roe said.\n', encoding="utf-8"
    )
    (newsroom / "expectations" / "budget.yaml").write_text(
        "articles: ../corpus/roundup.txt\nunverified: fail\nquotes:\n"
        "  - {speaker: Richard Roe, text: The budget is balanced for the first time.}\n",
        encoding="utf-8",
    )
    status, out, _ = run("check", "expectations")
    assert status == 1
    assert "corpus/roundup.txt: ok" in out
    assert "unverified" not in out
    status, out, _ = run("check", "expectations/budget.yaml")
    assert (status, out.splitlines()[0]) == (0, "corpus/roundup.txt: ok")


def test_check_keeps_parses_in_the_pytest_cache(
    run: Run, newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from attribution import runner as check

    parsed: list[str] = []
    real = check.attributions

    def counting(text: str) -> tuple[Attribution, ...]:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(check, "attributions", counting)
    status, first, _ = run("check", ".", "--no-cache")
    assert (status, len(parsed)) == (1, 2)
    assert not (newsroom / ".pytest_cache").exists()
    run("check", ".")
    assert len(parsed) == 4
    assert (newsroom / ".pytest_cache" / ".gitignore").read_text("utf-8").endswith("*\n")
    status, again, _ = run("check", ".")
    assert (status, len(parsed), again) == (1, 4, first)
    (newsroom / "corpus" / "good.txt").write_text(GOOD_QUOTE + "\nA new line.\n", "utf-8")
    run("check", ".")
    assert len(parsed) == 5


def test_a_folder_named_on_purpose_gives_the_record_files_that_declare_articles(
    run: Run, newsroom: Path
) -> None:
    (newsroom / "expectations" / "events.yaml").unlink()  # the folder named is the only one
    (newsroom / "records").mkdir()
    moved = RECORDS.replace("doe-plan", "doe-plan-here")
    (newsroom / "records" / "events.yaml").write_text(moved, encoding="utf-8")
    (newsroom / "records" / "notes.yaml").write_text("owner: desk\n", encoding="utf-8")
    status, out, err = run("check", "records")
    assert status == 1 and err == ""
    assert "corpus/misquote.txt: 1 misquote" in out and "record doe-plan-here" in out
    # a workflow next to them declares no articles: never read as a record file
    status, out, _ = run("check", ".github")
    assert status == 2 and out == ""


def test_an_unwritable_report_is_a_one_line_error_before_any_work(run: Run, newsroom: Path) -> None:
    (newsroom / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    status, out, err = run("check", "--report", "taken/report.json", "expectations")
    assert (status, out) == (2, "")
    assert err.startswith("attribution check: cannot write taken/report.json: ")
    assert err.count("\n") == 1
