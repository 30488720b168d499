"""Transcripts as records (``sources:``): loading, verdicts, WebVTT, the plugin and the CLI."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from attribution import runner as check
from attribution.check.findings import Finding
from attribution.check.records import load
from attribution.errors import ExpectationError

pytest_plugins = ["pytester"]

REPO = Path(__file__).resolve().parent.parent

TRANSCRIPT = """\
Press conference, Rome, 23 October 2024 (a title line: no one's words)

SECRETARY AUSTIN: There is evidence that there are troops in Russia. What exactly
are they doing? Left to be seen.

(Laughter.)

We will keep watching this very closely with our allies.

Q: Will you send more weapons to the front lines this winter?

MINISTER CROSETTO (through interpreter): Italy stands with its allies and it will
not waver.
"""

SPEAKERS = '{SECRETARY AUSTIN: Lloyd Austin, MINISTER CROSETTO: Guido Crosetto, "Q": null}'

ARTICLE = """\
Austin Speaks in Rome

ROME -- Defense Secretary Lloyd Austin and Defense Minister Guido Crosetto spoke to reporters.

"What exactly are they doing? Left to be seen," Austin said.

"We will keep watching this very carefully with our allies," Austin said.

"Italy stands with its allies and it will not waver," Austin said.
"""


def project(
    root: Path,
    *,
    transcript: str = TRANSCRIPT,
    name: str = "briefing.txt",
    speakers: str = SPEAKERS,
    article: str = ARTICLE,
    extra: str = "",
) -> Path:
    """A newsroom folder: a transcript, one article, and a record file with ``sources:``."""
    (root / "transcripts").mkdir(exist_ok=True)
    (root / "transcripts" / name).write_text(transcript, encoding="utf-8")
    (root / "corpus").mkdir(exist_ok=True)
    (root / "corpus" / "story.txt").write_text(article, encoding="utf-8")
    (root / "expectations").mkdir(exist_ok=True)
    records = root / "expectations" / "briefing.yaml"
    records.write_text(
        "articles: [../corpus/*.txt]\n"
        "unverified: warn\n"
        "sources:\n"
        f"  - path: ../transcripts/{name}\n"
        "    venue: Rome, Italy\n"
        f"    speakers: {speakers}\n{extra}",
        encoding="utf-8",
    )
    return records


def findings(root: Path) -> list[Finding]:
    return list(check.run([root / "expectations"], root=root).findings)


def load_error(root: Path) -> ExpectationError:
    with pytest.raises(ExpectationError) as caught:
        check.run([root / "expectations"], root=root)
    return caught.value


# --- the three verdicts -------------------------------------------------------------------


def test_verdicts_against_a_transcript(tmp_path: Path) -> None:
    project(tmp_path)
    found = sorted(findings(tmp_path), key=lambda f: (f.line or 0, f.kind))
    # verbatim across a sentence boundary inside one turn (line 3 into line 4): no finding
    assert [(f.kind, f.line) for f in found] == [("misquote", 7), ("misattribution", 9)]
    misquote, misattribution = found
    # the record file that lists the transcript owns the finding, at its sources: entry;
    # source is the transcript line: the second paragraph of the turn, not its label line
    assert (misquote.record_file, misquote.record_line) == ("expectations/briefing.yaml", 4)
    assert misquote.source == "transcripts/briefing.txt:8"
    assert misquote.expected == "We will keep watching this very closely with our allies"
    assert [(op.record, op.article) for op in misquote.diff if op.tag != "equal"] == [
        (("closely",), ("carefully",))
    ]
    assert misattribution.record_speaker == "Guido Crosetto"
    assert misattribution.speaker == "Lloyd Austin"
    assert misattribution.source == "transcripts/briefing.txt:12"
    assert misquote.as_dict()["source"] == "transcripts/briefing.txt:8"


def test_words_of_an_unquotable_turn_credited_to_a_speaker_are_a_misattribution(
    tmp_path: Path,
) -> None:
    article = ARTICLE.split('"What')[0] + (
        '"Will you send more weapons to the front lines this winter?" Austin said.\n'
    )
    project(tmp_path, article=article)
    (found,) = findings(tmp_path)
    assert (found.kind, found.record_speaker) == ("misattribution", "Q")
    assert found.source == "transcripts/briefing.txt:10"


def test_a_quote_no_transcript_speaker_said_stays_unverified(tmp_path: Path) -> None:
    article = ARTICLE.split('"What')[0] + (
        '"Our budget is final and nothing will change it," said Jane Roe, a spokeswoman.\n'
    )
    project(tmp_path, article=article)
    assert [(f.kind, f.level) for f in findings(tmp_path)] == [("unverified-quote", "warn")]


def test_records_and_sources_together(tmp_path: Path) -> None:
    records = project(tmp_path)
    text = records.read_text(encoding="utf-8")
    records.write_text(
        text + "quotes:\n  - speaker: Lloyd Austin\n    text: We will keep watching.\n",
        encoding="utf-8",
    )
    kinds = sorted(f.kind for f in findings(tmp_path))
    assert kinds == ["misattribution", "misquote"]


# --- WebVTT -------------------------------------------------------------------------------

CAPTIONS = """\
WEBVTT - press conference, Rome

NOTE captions as a broadcaster publishes them

1
00:00:01.000 --> 00:00:04.000 align:start
<v Lloyd Austin>There is evidence that there are troops</v>

2
00:00:04.000 --> 00:00:07.500
in Russia. What exactly are they doing?

3
00:01:23.000 --> 00:01:26.000
<v.loud Guido Crosetto>Italy stands with its allies &amp; it will not waver.
"""


def test_webvtt_cue_times_are_the_line_of_a_finding(tmp_path: Path) -> None:
    article = ARTICLE.split('"What')[0] + (
        '"There is evidence that there are soldiers in Russia," Austin said.\n\n'
        '"What exactly are they doing?" Austin said.\n\n'
        '"Italy stands with its allies & it will not waver," Austin said.\n'
    )
    project(
        tmp_path,
        transcript=CAPTIONS,
        name="briefing.vtt",
        speakers="{Lloyd Austin: Lloyd Austin, Guido Crosetto: Guido Crosetto}",
        article=article,
    )
    found = sorted(findings(tmp_path), key=lambda f: f.line or 0)
    assert [(f.kind, f.source) for f in found] == [
        ("misquote", "transcripts/briefing.vtt:00:00:01.000"),
        ("misattribution", "transcripts/briefing.vtt:00:01:23.000"),
    ]
    assert found[0].record_file == "expectations/briefing.yaml"  # it lists the captions


def test_unlisted_named_takes_voice_names_as_speakers(tmp_path: Path) -> None:
    article = ARTICLE.split('"What')[0] + '"What exactly are they doing?" Austin said.\n'
    records = project(
        tmp_path,
        transcript=CAPTIONS,
        name="briefing.vtt",
        speakers="{}",
        article=article,
        extra="    unlisted: named\n",
    )
    assert load(records, root=tmp_path).sources[0].unlisted == "named"
    assert findings(tmp_path) == []


# --- bad input: one line naming the file and line -----------------------------------------


@pytest.mark.parametrize(
    ("transcript", "name", "where", "message"),
    [
        (
            TRANSCRIPT.replace("SECRETARY AUSTIN:", "SECRETARY AUSTN:"),
            "briefing.txt",
            "transcripts/briefing.txt:3",
            "speaker label 'SECRETARY AUSTN' is not in the 'speakers' of its source "
            "(expectations/briefing.yaml:4) (did you mean 'SECRETARY AUSTIN'?)",
        ),
        (
            "Just a story.\n\nNo one is labelled here.\n",
            "briefing.txt",
            "transcripts/briefing.txt:1",
            "unknown transcript format: no speaker label ('LABEL: words') and no WEBVTT header",
        ),
        ("\n\n", "briefing.txt", "transcripts/briefing.txt:1", "empty transcript"),
        (
            "1\n00:00:01,000 --> 00:00:02,000\nHello there.\n",
            "briefing.srt",
            "transcripts/briefing.srt:2",
            "a caption timing in a file without a WEBVTT header",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02\n<v Lloyd Austin>Hello.\n",
            "briefing.vtt",
            "transcripts/briefing.vtt:3",
            "bad WebVTT cue timing: '00:00:01.000 --> 00:00:02'",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n",
            "briefing.vtt",
            "transcripts/briefing.vtt:3",
            "a cue without a voice tag ('<v Name>') and no speaker before it",
        ),
    ],
)
def test_bad_transcripts_name_file_and_line(
    tmp_path: Path, transcript: str, name: str, where: str, message: str
) -> None:
    project(tmp_path, transcript=transcript, name=name)
    err = load_error(tmp_path)
    assert str(err).startswith(f"{where}: {message}")
    assert "\n" not in str(err)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("../transcripts/nowhere.txt", "source '../transcripts/nowhere.txt' not found"),
        ("../../outside.txt", "source '../../outside.txt' reaches outside the rootdir"),
    ],
)
def test_bad_source_paths_name_the_record_file_line(
    tmp_path: Path, path: str, message: str
) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("Q: hello\n", encoding="utf-8")
    records = project(root)
    text = records.read_text(encoding="utf-8").replace("../transcripts/briefing.txt", path)
    records.write_text(text, encoding="utf-8")
    with pytest.raises(ExpectationError) as caught:
        load(records, root=root)
    assert str(caught.value).startswith(f"expectations/briefing.yaml:4: {message}")


def test_a_source_key_typo_is_named(tmp_path: Path) -> None:
    records = project(tmp_path, extra="    unlisted: sometimes\n")
    with pytest.raises(ExpectationError, match=r"briefing.yaml:7: 'unlisted' must be one of"):
        load(records, root=tmp_path)


# --- the plugin and the CLI ---------------------------------------------------------------


def test_plugin_items_and_report_for_a_sources_file(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\n")
    project(pytester.path)
    result = pytester.runpytest("expectations", "-rA", "--attribution-report", "report.json")
    # one item per (record file, article): both findings fail the one story
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*expectations/briefing.yaml::story.txt*"])
    result.stdout.fnmatch_lines(
        [
            "*misquote: corpus/story.txt:7:2 quotes Lloyd Austin differently from record "
            "briefing.txt:3*",
            "*from   : transcripts/briefing.txt:8*",
        ]
    )
    report = json.loads((pytester.path / "report.json").read_text(encoding="utf-8"))
    sources = sorted(f["source"] for f in report["findings"])
    assert sources == ["transcripts/briefing.txt:12", "transcripts/briefing.txt:8"]


def test_plugin_reports_a_bad_label_as_one_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\n")
    project(pytester.path, transcript=TRANSCRIPT.replace("Q:", "QQ:"))
    result = pytester.runpytest("expectations")
    # the transcripts are read as the record file is collected: nothing of it runs
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*transcripts/briefing.txt:10: speaker label 'QQ'*"])
    assert "Traceback" not in result.stdout.str()


def test_check_command_on_a_sources_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert check.main(["--format", "json", "expectations"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert sorted(f["kind"] for f in document["findings"]) == ["misattribution", "misquote"]


def test_the_seed_sample_transcript_flags_001(tmp_path: Path) -> None:
    """The bundled sample (assembled from the seed records) over the five seed articles."""
    shutil.copytree(REPO / "corpus", tmp_path / "corpus")
    shutil.copytree(REPO / "transcripts", tmp_path / "transcripts")
    found = check.run([tmp_path / "transcripts" / "austin-rome.yaml"], root=tmp_path).findings
    failing = [(f.article, f.kind, f.source) for f in found if f.level == "fail"]
    assert (
        "corpus/001_7a1efa37b150c4ac.txt",
        "misquote",
        "transcripts/austin-rome-2024-10-23.txt:11",
    ) in failing
    assert not any(f.kind == "misattribution" for f in found)


def test_the_schema_knows_the_source_keys() -> None:
    from attribution.check.records import SOURCE_KEYS, UNLISTED

    schema = json.loads(
        (REPO / "attribution" / "data" / "expectations.schema.json").read_text(encoding="utf-8")
    )
    source = schema["$defs"]["source"]
    assert set(source["properties"]) == set(SOURCE_KEYS)
    assert source["properties"]["unlisted"]["enum"] == list(UNLISTED)
    assert {"required": ["sources"]} in schema["if"]["not"]["anyOf"]


# --- a property: stretches of the speakers' own turns pass; one changed word is caught ----

WORDS = (
    "troops",
    "russia",
    "border",
    "winter",
    "allies",
    "weapons",
    "evidence",
    "watching",
    "closely",
    "ministers",
    "budget",
    "soldiers",
    "training",
    "capital",
    "talks",
    "week",
)
PEOPLE = (
    ("SECRETARY AUSTIN", "Lloyd Austin", "Austin"),
    ("MINISTER CROSETTO", "Guido Crosetto", "Crosetto"),
)


@st.composite
def turns(draw: st.DrawFn) -> list[tuple[int, list[str]]]:
    """Turns of the two speakers, each a run of distinct-enough content words."""
    count = draw(st.integers(2, 4))
    out = []
    for k in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=8, max_size=14))
        out.append((k % 2, words))
    return out


def _write(root: Path, spoken: list[tuple[int, list[str]]], quotes: list[tuple[int, str]]) -> None:
    transcript = "Briefing\n\n" + "\n\n".join(
        f"{PEOPLE[who][0]}: {' '.join(words).capitalize()}." for who, words in spoken
    )
    article = "Officials Meet in Rome\n\n" + "\n\n".join(
        f'"{text}," {PEOPLE[who][2]} said.' for who, text in quotes
    )
    speakers = "{" + ", ".join(f"{label}: {name}" for label, name, _ in PEOPLE) + "}"
    project(root, transcript=transcript + "\n", speakers=speakers, article=article + "\n")


@settings(max_examples=15, deadline=None)
@given(spoken=turns(), data=st.data())
def test_stretches_of_the_speakers_turns_pass_and_one_changed_word_is_one_misquote(
    spoken: list[tuple[int, list[str]]], data: st.DataObject
) -> None:
    quotes = []
    for who, words in spoken:
        start = data.draw(st.integers(0, len(words) - 6))
        end = data.draw(st.integers(start + 6, len(words)))
        quotes.append((who, " ".join(words[start:end])))
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        _write(root, spoken, quotes)
        assert findings(root) == []
    # one content word of one stretch replaced by a word its speaker never said there
    k = data.draw(st.integers(0, len(quotes) - 1))
    who, text = quotes[k]
    words = text.split()
    i = data.draw(st.integers(1, len(words) - 2))
    said = set(spoken[k][1])
    fresh = data.draw(st.sampled_from(("harvest", "orchestra", "volcano", "lighthouse")))
    assume(fresh not in said)
    words[i] = fresh
    changed = [*quotes[:k], (who, " ".join(words)), *quotes[k + 1 :]]
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        _write(root, spoken, changed)
        found = findings(root)
        assert [f.kind for f in found] == ["misquote"], found
