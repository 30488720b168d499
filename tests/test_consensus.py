"""Consensus across outlets and drafted records, on the seed corpus and on small articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from attribution import runner as check
from attribution.check import consensus, records
from attribution.check.consensus import Article, Group, build, same_speaker
from attribution.check.findings import diff_text, parsed
from attribution.check.source import read_article
from attribution.cli import main
from attribution.parse.pipeline import extract
from attribution.report.text import describe

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "corpus").glob("*.txt"))


def _articles(paths: list[Path]) -> list[Article]:
    out = []
    for path in paths:
        text = read_article(str(path))
        out.append(Article(path=path.name[:3], text=text, attributions=extract(text)))
    return out


@pytest.fixture(scope="module")
def seeds() -> tuple[Group, ...]:
    return build(_articles(CORPUS))


def _group(groups: tuple[Group, ...], speaker: str, words: str) -> Group:
    found = [g for g in groups if g.speaker == speaker and any(words in v.text for v in g.variants)]
    assert len(found) == 1, found
    return found[0]


def test_the_seed_groups_and_their_outliers(seeds: tuple[Group, ...]) -> None:
    several = [g for g in seeds if g.verdict != "single"]
    assert len(several) == 4
    assert {(g.speaker, g.verdict, g.outliers) for g in several} == {
        ("Lloyd Austin", "majority", ("001", "004")),  # "What exactly are you doing?"
        ("Lloyd Austin", "majority", ("004",)),  # "very serious" / fidelity
        ("Victor Cha", "disputed", ()),
        ("Volodymyr Zelensky", "disputed", ()),
    }


def test_001_says_you_where_the_others_say_they(seeds: tuple[Group, ...]) -> None:
    group = _group(seeds, "Lloyd Austin", "What exactly are you doing?")
    status = {(v.article, v.text): v.status for v in group.variants}
    assert status == {
        ("001", "What exactly are you doing?"): "words",
        ("001", "left to be seen."): "agrees",
        ("002", "What exactly are they doing?"): "form",
        ("003", "What exactly they’re doing [in Russia]? Left to be seen,"): "consensus",
        ("004", "We don’t know what exactly they’re doing yet,"): "words",
    }
    you = next(v for v in group.variants if v.text == "What exactly are you doing?")
    assert (you.added, you.dropped) == (("you",), ("they",))
    assert diff_text(you.diff) == "What exactly [-they’re-] {+are you+} doing"
    assert set(group.agreeing) == {"001", "002", "003"} - {"001"}
    assert group.names[:2] == ("Lloyd Austin", "Lloyd J. Austin III")


def test_004s_machine_translation_departs_instead_of_joining(seeds: tuple[Group, ...]) -> None:
    group = _group(seeds, "Lloyd Austin", "very serious")
    assert group.outliers == ("004",)
    assert [v.status for v in group.variants if v.article == "004"] == ["paraphrase"]
    assert sorted(v.article for v in group.variants if v.status == "agrees") == [
        "000",
        "001",
        "002",
    ]


def test_the_single_outlet_groups_are_no_findings_but_broken_words_show(
    seeds: tuple[Group, ...],
) -> None:
    patel = [g for g in seeds if g.speaker == "Vedant Patel"]
    assert [g.verdict for g in patel] == ["single", "single"]
    zelensky = [g for g in seeds if g.speaker == "Volodymyr Zelensky"]
    assert {g.names for g in zelensky} == {
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelensky", "Volodymyr Zelenskiy")
    }
    broken = {w for g in zelensky for v in g.variants for w in v.suspect}
    assert broken == {"y", "re"}  # "y have" for "they have", "re are" for "there are"
    assert not any(consensus.group_findings(g, record_file="x") for g in patel)


def test_names_that_are_one_person() -> None:
    assert same_speaker("Austin", "Lloyd J. Austin III")
    assert same_speaker("Volodymyr Zelensky", "Volodymyr Zelenskiy")
    assert same_speaker("Volodymyr Zelenskyy", "Volodymyr Zelensky")
    assert not same_speaker("Eric Trump", "Donald Trump")
    assert not same_speaker("Mike Pence", "Mike Pompeo")


def test_output_is_deterministic(seeds: tuple[Group, ...]) -> None:
    again = build(_articles(CORPUS))
    assert [g.as_dict() for g in again] == [g.as_dict() for g in seeds]


def _doe(text: str, who: str = "Jane Doe") -> str:
    return f'"{text}," {who} said.\n'


def _fake(*texts: str) -> list[Article]:
    return [Article(path=f"a{i}.txt", text=t, attributions=extract(t)) for i, t in enumerate(texts)]


def test_a_majority_names_the_outlier_and_a_tie_is_disputed() -> None:
    plan = "We will publish the full plan next week"
    changed = "We will publish the whole plan next week"
    three = build(_fake(_doe(plan), _doe(plan, "Doe"), _doe(changed, "Ms. Jane Doe")))
    assert [(g.verdict, g.outliers) for g in three] == [("majority", ("a2.txt",))]
    (finding,) = consensus.group_findings(three[0], record_file="r.yaml")
    assert (finding.kind, finding.article, finding.level) == ("misquote", "a2.txt", "fail")
    two = build(_fake(_doe(plan), _doe(changed)))
    assert [g.verdict for g in two] == ["disputed"]
    (warning,) = consensus.group_findings(two[0], record_file="r.yaml")
    assert (warning.kind, warning.level) == ("disputed", "warn")
    other = build(_fake(_doe(plan), _doe(plan, "Richard Roe")))
    assert [g.verdict for g in other] == ["single", "single"]  # another speaker's words


def test_a_consensus_finding_carries_the_parsers_fields_as_every_finding_does() -> None:
    """findings.parsed() is their one home: the speaker, the mention and the others it
    also fits, as a comparison finding reports them ("also: the mention also fits")."""
    plan = "We will publish the full plan next week"
    ambiguous = f'John Smith met Bob Jones on Monday. "{plan}," he said.\n'
    groups = build(
        _fake(_doe(plan, "John Smith"), _doe(plan, "Smith"), ambiguous.replace("full", "whole"))
    )
    (group,) = [g for g in groups if g.verdict == "majority"]
    (finding,) = consensus.group_findings(group, record_file="r.yaml")
    (outlier,) = [v for v in group.variants if v.article == finding.article]
    assert (finding.speaker, finding.mention, finding.candidates) == (
        "John Smith",
        "he",
        ("Bob Jones",),
    )
    fields = parsed(outlier.attribution)
    assert {key: getattr(finding, key) for key in fields} == fields
    assert "also   : the mention also fits Bob Jones" in describe(finding)


def test_cli_consensus_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["consensus", *map(str, CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "departing: " in out and "001_7a1efa37b150c4ac.txt" in out
    assert "What exactly [-they’re-] {+are you+} doing" in out
    assert "'y': broken words?" in out
    assert out.rstrip().endswith("12 reported by one outlet (--all shows them)")
    assert main(["consensus", "--format", "json", *map(str, CORPUS)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["groups"]) == 16
    assert sum(g["verdict"] == "majority" for g in document["groups"]) == 2


def test_cli_consensus_bad_file_costs_only_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["consensus", str(missing), str(CORPUS[0])]) == 1
    err = capsys.readouterr().err
    assert err == f"attribution: {missing}: no such file or directory\n"


def test_a_draft_loads_and_passes_except_where_outlets_disagree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in CORPUS:
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "expectations" / "drafted.yaml"
    files = [str(p) for p in sorted(corpus.iterdir())]
    assert main(["draft", *files, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    loaded = records.load(out, root=tmp_path)
    assert len(loaded.records) == 16
    assert len(loaded.articles) == 5
    austin = next(s for s in loaded.speakers if s.name == "Lloyd Austin")
    assert "Lloyd J. Austin III" in austin.aliases
    assert (
        "#   ../corpus/001_7a1efa37b150c4ac.txt:2:206 DEPARTS: What exactly are you doing?" in text
    )
    result = check.run([out], root=tmp_path)
    assert result.failing() == ()
    # warnings only for the quotes that differ from the other outlets (in words or in form)
    departing = {
        (v.article, v.text)
        for g in build(_articles(sorted(corpus.iterdir())))
        for v in g.variants
        if v.departs or v.status == "form"
    }
    warned = {(Path(f.article).name[:3], f.quote) for f in result.findings}
    assert warned == departing
    # never overwrites without --force
    capsys.readouterr()
    out.write_text("# mine\n", encoding="utf-8")
    assert main(["draft", *files, "-o", str(out)]) == 1
    assert "exists; --force overwrites it" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "# mine\n"
    assert main(["draft", *files, "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8") == text


def test_draft_quotes_every_value_safely() -> None:
    from attribution.check.draft import scalar

    assert scalar('say "no"\u2028') == '"say \\"no\\"\\u2028"'


def _seed_copy(tmp_path: Path) -> list[str]:
    (tmp_path / "corpus").mkdir()
    for path in CORPUS:
        shutil.copy(path, tmp_path / "corpus" / path.name)
    shutil.copytree(REPO / "transcripts", tmp_path / "transcripts")
    return [str(p) for p in sorted((tmp_path / "corpus").iterdir())]


def test_a_draft_from_a_transcript_takes_its_wording_and_fails_only_where_outlets_disagree(
    tmp_path: Path,
) -> None:
    files = _seed_copy(tmp_path)
    transcript = tmp_path / "transcripts" / "austin-rome-2024-10-23.txt"
    out = tmp_path / "expectations" / "drafted.yaml"
    speakers = "SECRETARY AUSTIN=Lloyd Austin,Q="
    argv = ["draft", *files, "--transcript", str(transcript), "--speakers", speakers]
    assert main([*argv, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    loaded = records.load(out, root=tmp_path)
    (source,) = loaded.sources
    assert source.path == transcript
    assert source.speakers == (("SECRETARY AUSTIN", "Lloyd Austin"), ("Q", None))
    by_start = {r.text.split()[0]: r for r in loaded.records if r.speaker == "Lloyd Austin"}
    # the transcript's words, not the consensus ("What exactly they're doing [in Russia]?")
    assert by_start["What"].text == "What exactly are they doing? Left to be seen"
    assert by_start["All"].text.endswith("that is a very serious issue")
    assert "  # wording from the transcript, " in text
    assert "transcripts/austin-rome-2024-10-23.txt:11\n" in text
    # a group the transcript does not hold keeps the consensus and says so
    assert "  # NOT IN THE TRANSCRIPT: the consensus wording" in text
    result = check.run([out], root=tmp_path)
    failing = {(Path(f.article).name[:3], f.quote) for f in result.failing()}
    assert ("001", "What exactly are you doing?") in failing
    # nothing fails but quotes in groups where the outlets disagree (in words or in form)
    disagree = {
        (v.article, v.text)
        for g in build(_articles(sorted((tmp_path / "corpus").iterdir())))
        if any(v.departs or v.status == "form" for v in g.variants)
        for v in g.variants
    }
    assert failing and failing <= disagree


def test_a_draft_reads_the_transcripts_own_labels_without_speakers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _seed_copy(tmp_path)
    transcript = str(tmp_path / "transcripts" / "austin-rome-2024-10-23.txt")
    assert main(["draft", *files, "--transcript", transcript]) == 0
    text = capsys.readouterr().out
    assert '    speakers: {"SECRETARY AUSTIN": "Lloyd Austin"}\n' in text
    assert "    unlisted: named  # other labels are their own names: review them\n" in text
    assert '    text: "What exactly are they doing? Left to be seen"\n' in text
    # a label left out of --speakers is the transcript's one-line error, and nothing is written
    out = tmp_path / "d.yaml"
    argv = ["draft", *files, "--transcript", transcript, "-o", str(out)]
    assert main([*argv, "--speakers", "SECRETARY AUSTIN=Lloyd Austin"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"attribution: {transcript}:7: speaker label 'Q' is not in the")
    assert err.count("\n") == 1
    assert not out.exists()
    assert main([*argv, "--speakers", "Lloyd Austin"]) == 1
    assert capsys.readouterr().err == (
        "attribution: --speakers: expected 'LABEL=Name' (or 'LABEL=' for no one), "
        "not 'Lloyd Austin'\n"
    )


PLAN = "We will publish the full plan next week"
#: The same story as plain text, Markdown (front matter, a heading, emphasis) and HTML
#: (entities for the quotation marks): the quote sits on a later line and column in the file
#: than in the plain text the parser reads.
FORMATTED = {
    "plain.txt": f"Plans\n\n“{PLAN},” Jane Doe said.\n",
    "story.md": (
        f"---\ntitle: Plans\n---\n# Plans\n\nIn the news *today*: “{PLAN},” Jane Doe said.\n"
    ),
    "story.html": (
        "<html><body>\n<h1>Plans</h1>\n<p>Today,\n  &ldquo;We will publish the <b>whole</b> "
        "plan next week,&rdquo; Jane Doe said.</p>\n</body></html>\n"
    ),
}


def _formatted(tmp_path: Path) -> list[str]:
    for name, text in FORMATTED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in FORMATTED]


def _where(name: str, words: str) -> str:
    """``line:column`` of ``words`` in the file as written (1-based)."""
    text = FORMATTED[name]
    offset = text.index(words)
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def test_consensus_reads_markdown_and_html_and_points_into_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _formatted(tmp_path)
    assert main(["consensus", "--format", "json", *files]) == 0
    (group,) = json.loads(capsys.readouterr().out)["groups"]
    assert group["verdict"] == "majority"
    assert [Path(a).name for a in group["outliers"]] == ["story.html"]
    where = {Path(v["article"]).name: f"{v['line']}:{v['column']}" for v in group["variants"]}
    assert where == {
        "plain.txt": _where("plain.txt", "We will"),
        "story.md": _where("story.md", "We will"),
        "story.html": _where("story.html", "We will"),
    }
    assert where["story.md"] == "6:23" and where["story.html"] == "4:10"  # not the plain text's
    assert main(["consensus", *files]) == 0
    assert f"story.html:{where['story.html']}  “We will publish the whole plan" in (
        capsys.readouterr().out
    )


def test_draft_reads_markdown_and_html_and_its_comments_point_into_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _formatted(tmp_path)
    assert main(["draft", *files]) == 0
    text = capsys.readouterr().out
    assert f"story.md:{_where('story.md', 'We will')} agrees: {PLAN}," in text
    departs = f"story.html:{_where('story.html', 'We will')} DEPARTS: We will publish the whole"
    assert departs in text
    assert f'    text: "{PLAN}"' in text
