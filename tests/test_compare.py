"""Comparison of hand-built attributions with records: each verdict and each non-verdict."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from attribution import runner as check
from attribution.check.align import align, tokens, words
from attribution.check.findings import Finding, diff_text
from attribution.check.names import name_fits, venue_fits
from attribution.check.records import Record, RecordFile, Speaker
from attribution.check.source import line_column
from attribution.check.verdicts import Matcher
from attribution.parse.model import Attribution, Rule, Span
from attribution.report import json as report_json
from attribution.report import text as report

AUSTIN = Record(
    id="left-to-be-seen",
    speaker="Lloyd Austin",
    text="What exactly are they doing? Left to be seen.",
    venue="Rome, Italy",
    date="2024-10-23",
    required=False,
    line=3,
)
SERIOUS = Record(
    id="serious",
    speaker="Lloyd Austin",
    text="If their intention is to participate in this war on Russia's behalf, "
    "that is a very serious issue.",
    venue=None,
    date=None,
    required=False,
    line=9,
)
CHA = Record(
    id="cha-era",
    speaker="Victor Cha",
    text="We are in a whole different era if North Korean soldiers are dying for Putin.",
    venue=None,
    date=None,
    required=False,
    line=14,
)


def matcher(*records: Record) -> Matcher:
    file = RecordFile(
        path=Path("expectations/x.yaml"),
        articles=(),
        unverified="warn",
        speakers=(Speaker(name="Lloyd Austin", aliases=("Austin", "Lloyd J. Austin III")),),
        records=records or (AUSTIN, SERIOUS, CHA),
    )
    return Matcher(file, shown_path="expectations/x.yaml")


def quoted(
    text: str,
    quote: str,
    speaker: str | None,
    *,
    venue: str | None = None,
    rule: Rule = "speaker-cue",
    kind: str = "person",
) -> Attribution:
    start = text.index(quote)
    venue_span = None
    if venue is not None:
        at = text.index(venue)
        venue_span = Span.of(text, at, at + len(venue))
    return Attribution(
        quote=Span.of(text, start, start + len(quote)),
        speaker=speaker,
        mention=None,
        cue=None,
        venue=venue_span,
        date=None,
        rule=rule,
        speaker_kind=kind if speaker is not None else "unknown",
    )


def judge(quote: str, speaker: str | None, *, venue: str | None = None) -> list[Finding]:
    text = f"Headline\n\n“{quote},” {speaker or 'someone'} said {venue or ''}.\n"
    attribution = quoted(text, quote, speaker, venue=venue)
    result = matcher().check(article="a.txt", text=text, attributions=[attribution])
    return list(result.findings)


@pytest.mark.parametrize(
    "quote",
    [
        "What exactly are they doing? Left to be seen.",
        "what exactly ARE they doing -- left to be seen",  # case and punctuation
        "What   exactly\nare they doing?",  # whitespace, and a fragment
        "Left to be seen",  # a fragment
        "What exactly … seen",  # an ellipsis for omitted words
        "What exactly are they doing ... Left to be seen",
        "What exactly are they doing. . . seen",
        "What exactly are [the North Korean troops] doing?",  # brackets replace a word
        "What exactly are they doing [in Russia]? Left to be seen",  # brackets add words
        "What exactly are they [sic] doing?",
        "if their intention is to participate in this war on Russia’s behalf",  # apostrophe style
        "that is a very serious issue",
    ],
)
def test_forgiven_differences_are_not_findings(quote: str) -> None:
    assert judge(quote, "Lloyd J. Austin III") == []


def test_a_changed_word_is_a_misquote_with_a_word_diff() -> None:
    (finding,) = judge("What exactly are you doing?", "Austin")
    assert finding.kind == "misquote"
    assert finding.record == "left-to-be-seen"
    assert finding.expected == AUSTIN.text
    assert diff_text(finding.diff) == "What exactly are [-they-] {+you+} doing"
    assert (finding.line, finding.column) == (3, 2)


@pytest.mark.parametrize(
    ("quote", "diff"),
    [
        ("What exactly are they really doing?", "What exactly are they {+really+} doing"),
        ("What exactly are doing? Left", "What exactly are [-they-] doing Left"),
        ("What exactly they are doing?", "What exactly [-are-] they {+are+} doing"),
    ],
)
def test_added_dropped_and_reordered_words_are_misquotes(quote: str, diff: str) -> None:
    (finding,) = judge(quote, "Austin")
    assert finding.kind == "misquote"
    assert diff_text(finding.diff) == diff


def test_a_loose_paraphrase_of_the_credited_speaker_is_a_possible_misquote() -> None:
    (finding,) = judge("intentions to enter this war on behalf of Russia", "Lloyd Austin")
    assert finding.kind == "possible-misquote"
    assert finding.level == "warn"
    assert finding.record == "serious"


def test_a_close_misquote_credited_to_nobody_is_still_a_misquote() -> None:
    (finding,) = judge("We are in a whole new era if North Korean soldiers are dying", None)
    assert finding.kind == "misquote"
    assert finding.record == "cha-era"


def test_words_credited_to_someone_else_are_a_misattribution() -> None:
    (finding,) = judge("What exactly are they doing?", "Victor Cha")
    assert finding.kind == "misattribution"
    assert finding.record == "left-to-be-seen"
    assert finding.speaker == "Victor Cha"
    assert finding.record_speaker == "Lloyd Austin"
    assert report.headline(finding).startswith("misattribution: a.txt:3:2 ")


def test_a_two_word_scare_quote_is_too_common_to_misattribute() -> None:
    (finding,) = judge("very serious", "The New York Times")
    assert finding.kind == "unverified-quote"


def test_a_venue_that_does_not_fit_is_a_venue_mismatch() -> None:
    (finding,) = judge("Left to be seen", "Austin", venue="in Berlin")
    assert finding.kind == "venue-mismatch"
    assert finding.venue == "in Berlin"
    assert finding.expected_venue == "Rome, Italy"


@pytest.mark.parametrize("venue", ["in Rome", "at a military base in Italy", "in Rome, Italy"])
def test_a_venue_that_shares_a_place_fits(venue: str) -> None:
    assert judge("Left to be seen", "Austin", venue=venue) == []


def test_a_quote_no_record_covers_is_unverified() -> None:
    (finding,) = judge("We will keep supporting Ukraine for as long as it takes", "Jane Doe")
    assert finding.kind == "unverified-quote"
    assert finding.record is None
    assert finding.expected is None


def test_an_unattributed_quote_contradicts_nothing() -> None:
    assert judge("We will keep supporting Ukraine for as long as it takes", None) == []
    assert judge("Left to be seen", None) == []


def test_a_required_record_the_article_lacks_is_a_missing_quote() -> None:
    required = Record(
        id="must",
        speaker="Victor Cha",
        text="Putin will likely give him what he wants.",
        venue=None,
        date=None,
        required=True,
        line=20,
    )
    text = "“Left to be seen,” Austin said.\n"
    result = matcher(AUSTIN, required).check(
        article="a.txt", text=text, attributions=[quoted(text, "Left to be seen", "Austin")]
    )
    assert [c.record.id for c in result.records] == ["left-to-be-seen", "must"]
    (finding,) = result.findings
    assert finding.kind == "missing-quote"
    assert finding.line is None
    assert report.describe(finding).startswith("missing-quote: a.txt does not carry")


def test_a_required_record_the_article_carries_is_fine() -> None:
    required = Record(
        id="must",
        speaker="Lloyd Austin",
        text=AUSTIN.text,
        venue=None,
        date=None,
        required=True,
        line=20,
    )
    text = "“Left to be seen,” Austin said.\n"
    result = matcher(required).check(
        article="a.txt", text=text, attributions=[quoted(text, "Left to be seen", "Austin")]
    )
    assert result.findings == ()
    assert [c.record.id for c in result.records] == ["must"]


@pytest.mark.parametrize(
    ("credited", "known", "fits"),
    [
        ("Lloyd J. Austin III", ["Lloyd Austin"], True),
        ("Austin", ["Lloyd Austin"], True),
        ("Mr. Austin", ["Lloyd Austin"], True),
        ("Secretary Lloyd Austin", ["Lloyd Austin"], True),
        ("Zelenskiy", ["Volodymyr Zelensky", "Zelenskiy"], True),
        ("John Austin", ["Lloyd Austin"], False),
        ("Victor Cha", ["Lloyd Austin", "Austin"], False),
        ("NATO", ["Farah Dakhlallah"], False),
    ],
)
def test_names_fit_ignoring_titles_initials_and_suffixes(
    credited: str, known: list[str], fits: bool
) -> None:
    assert name_fits(credited, known) is fits


def test_venues_fit_when_they_share_a_place_word() -> None:
    assert venue_fits("in a video address", "video address")
    assert not venue_fits("at a press conference", "video address")


def test_line_and_column_are_one_based_code_points() -> None:
    text = "ab\n“é”\ncd"
    assert line_column(text, 0) == (1, 1)
    assert line_column(text, 4) == (2, 2)
    assert line_column(text, 7) == (3, 1)


def test_alignment_keeps_equal_words_equal() -> None:
    result = align(tokens("We don't know what exactly they're doing yet"), words(AUSTIN.text))
    assert result.cost == 6
    assert [op.tag for op in result.ops] == ["insert", "equal", "replace", "equal", "replace"]
    assert diff_text(result.ops).endswith("doing [-Left-] {+yet+}")


def test_describe_names_rule_record_and_diff() -> None:
    (finding,) = judge("What exactly are you doing?", "Austin")
    text = report.describe(finding)
    lines = text.splitlines()
    assert lines[0].startswith("misquote: a.txt:3:2 ")
    assert "record : What exactly are they doing? Left to be seen." in text
    assert "article: What exactly are you doing?" in text
    assert "[-they-] {+you+}" in text
    assert "from   : expectations/x.yaml:3" in text
    assert "parser : rule speaker-cue" in text


def test_report_json_has_exactly_the_issue_keys() -> None:
    (finding,) = judge("What exactly are you doing?", "Austin")
    document = report_json.as_json(1, [finding])
    assert document["articles"] == 1
    entries = document["findings"]
    assert isinstance(entries, list)
    (entry,) = entries
    assert set(entry) == {
        "article",
        "kind",
        "record",
        "speaker",
        "quote",
        "expected",
        "line",
        "column",
        "level",
        # issue 7: the record's side beside the article's, and a house rule's words
        "venue",
        "record_file",
        "record_line",
        "record_speaker",
        "record_venue",
        "message",
        "suppressed",
        "source",
    }
    assert entry["quote"] == "What exactly are you doing?"
    assert entry["level"] == "fail"


def test_check_run_reports_each_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runner's wiring, with the parser's answer fixed so only the runner is tested."""
    (tmp_path / "corpus").mkdir()
    text = "“What exactly are you doing?” Austin said.\n"
    (tmp_path / "corpus" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "expectations").mkdir()
    (tmp_path / "expectations" / "r.yaml").write_text(
        "articles: ../corpus/*.txt\nunverified: ignore\nquotes:\n"
        "  - {id: q, speaker: Lloyd Austin, text: 'What exactly are they doing?'}\n",
        encoding="utf-8",
    )
    fixed = (quoted(text, "What exactly are you doing?", "Austin"),)
    monkeypatch.setattr(check, "attributions", lambda _text: fixed)
    result = check.run([tmp_path / "expectations"], root=tmp_path)
    assert result.articles == ("corpus/a.txt",)
    assert [f.kind for f in result.findings] == ["misquote"]
    assert result.failing() == result.findings
    rendered = report.render(result.articles, result.findings)
    assert rendered.startswith("corpus/a.txt: 1 misquote\n")
    assert rendered.endswith("1 articles checked: 1 misquote (1 fail the gate, 0 only warn)")


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


SEED_FINDINGS = [
    # 000: Cha's words paraphrased in translation; Zelensky's paraphrase has no record.
    ("000", "possible-misquote", "warn", "cha-different-era"),
    ("000", "unverified-quote", "warn", None),
    # 001: "you" for "they", and the lost "the" of "they" and "there".
    ("001", "misquote", "fail", "austin-left-to-be-seen"),
    ("001", "misquote", "fail", "zelensky-personnel"),
    ("001", "misquote", "fail", "zelensky-personnel"),
    # 003: "they're" for "are they".
    ("003", "misquote", "fail", "austin-left-to-be-seen"),
    # 004: a machine translation: every Austin quote resembles its record, none matches.
    ("004", "possible-misquote", "warn", "austin-evidence"),
    ("004", "possible-misquote", "warn", "austin-left-to-be-seen"),
    ("004", "possible-misquote", "warn", "austin-fidelity"),
    ("004", "possible-misquote", "warn", "austin-fidelity"),
    ("004", "possible-misquote", "warn", "austin-fidelity"),
    ("004", "unverified-quote", "warn", None),
]


def test_the_seed_corpus_has_the_misquotes_an_editor_would_flag(in_repo: Path) -> None:
    result = check.run([in_repo / "expectations"], root=in_repo)
    assert len(result.articles) == 5
    found = [
        (f.article[len("corpus/") : len("corpus/") + 3], f.kind, f.level, f.record)
        for f in result.findings
    ]
    assert found == SEED_FINDINGS
    quotes = {f.quote for f in result.findings}
    assert "What exactly are you doing?" in quotes
    assert "We’re trying to recreate it more faithfully." in quotes
    assert "What exactly are they doing?" not in quotes  # 002 has it right
    assert "very serious" not in quotes
    assert len(result.failing()) == 4


def test_attribution_check_command(in_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from attribution.cli import main

    assert main(["check", "expectations"]) == 1
    out = capsys.readouterr().out
    assert "What exactly are [-they-] {+you+} doing" in out
    assert "\n5 articles checked: " in out
    assert main(["check", "--exit-zero", "expectations"]) == 0
    capsys.readouterr()
    assert main(["check", "expectations/nope.yaml"]) == 2
    assert "nope.yaml" in capsys.readouterr().err


NAMED = (
    Record(
        id="ruiz",
        speaker="Ana Ruiz",
        text="We will not stop reporting on the mayor.",
        venue=None,
        date=None,
        required=False,
        line=1,
    ),
    Record(
        id="smith",
        speaker="John Smith",
        text="The budget is a disgrace for this city.",
        venue=None,
        date=None,
        required=False,
        line=2,
    ),
    Record(
        id="oneill",
        speaker="Maria O’Neill",
        text="Our clinic will stay open all winter long.",
        venue=None,
        date=None,
        required=False,
        line=3,
    ),
    Record(
        id="lopez",
        speaker="Maria Lopez-Garcia",
        text="Nobody asked the nurses what they think.",
        venue=None,
        date=None,
        required=False,
        line=4,
    ),
)


def named_judge(record: Record, speaker: str, *, kind: str = "person") -> list[str]:
    file = RecordFile(
        path=Path("expectations/x.yaml"), articles=(), unverified="warn", speakers=(), records=NAMED
    )
    text = f"“{record.text}” {speaker} said.\n"
    attribution = quoted(text, record.text, speaker, kind=kind)
    result = Matcher(file, shown_path="x.yaml").check(
        article="a.txt", text=text, attributions=[attribution]
    )
    return [f.kind for f in result.findings]


@pytest.mark.parametrize(
    ("record", "credited"),
    [
        (NAMED[0], "Journalist Ana Ruiz"),  # a job before the name
        (NAMED[0], "CNN's Ana Ruiz"),  # an outlet's possessive
        (NAMED[1], "Democrat John Smith"),  # a party before the name
        (NAMED[1], "Maybe Smith"),  # a headline word glued to the surname
        (NAMED[1], "Six Smith"),
        (NAMED[2], "Maria O'Neill"),  # a straight apostrophe for a curly one
        (NAMED[3], "Lopez-Garcia"),  # the bare hyphenated surname
    ],
)
def test_the_right_person_under_another_form_is_no_finding(record: Record, credited: str) -> None:
    assert named_judge(record, credited) == []


@pytest.mark.parametrize(
    ("record", "credited"),
    [
        (NAMED[1], "Jane Smith"),  # same surname, another known first name
        (NAMED[1], "Ana Ruiz"),  # another recorded speaker
        (NAMED[0], "Peter Okafor"),  # someone no record names
    ],
)
def test_someone_else_by_name_is_a_misattribution(record: Record, credited: str) -> None:
    assert named_judge(record, credited) == ["misattribution"]


@pytest.mark.parametrize("kind", ["unknown", "group", "description", "inferred"])
def test_a_mention_that_names_no_one_is_never_a_misattribution(kind: str) -> None:
    assert named_judge(NAMED[1], "Republican", kind=kind) == []


def test_an_ambiguous_pronoun_whose_candidates_include_the_record_speaker_is_theirs() -> None:
    file = RecordFile(
        path=Path("expectations/x.yaml"), articles=(), unverified="warn", speakers=(), records=NAMED
    )
    text = f"“{NAMED[1].text}” he said.\n"
    base = quoted(text, NAMED[1].text, "Peter Okafor")
    for candidates, expected in (
        (("Peter Okafor", "John Smith"), []),
        (("Peter Okafor", "Karl Lund"), ["misattribution"]),
    ):
        attribution = dataclasses.replace(base, candidates=candidates, ambiguous=True)
        result = Matcher(file, shown_path="x.yaml").check(
            article="a.txt", text=text, attributions=[attribution]
        )
        assert [f.kind for f in result.findings] == expected, candidates


def test_a_reworded_quote_credited_to_someone_else_gets_both_findings() -> None:
    findings = judge("What exactly are they really doing?", "Victor Cha")
    assert [f.kind for f in findings] == ["misattribution", "misquote"]
    assert all(f.diff for f in findings)
    assert report.headline(findings[0]).count("with words changed") == 1


@pytest.mark.parametrize(
    "rule", ["previous-sentence", "subject-continues", "continues-previous-paragraph"]
)
def test_a_venue_borrowed_from_a_neighbouring_sentence_never_mismatches(rule: Rule) -> None:
    text = "Headline\n\n“Left to be seen,” Austin said in Berlin.\n"
    own = quoted(text, "Left to be seen", "Austin", venue="in Berlin", rule="speaker-cue")
    borrowed = dataclasses.replace(own, rule=rule)
    assert [f.kind for f in matcher().check(article="a", text=text, attributions=[own]).findings]
    assert not matcher().check(article="a", text=text, attributions=[borrowed]).findings


@pytest.mark.parametrize(
    ("policy", "levels"), [("fail", ["fail"]), ("warn", ["warn"]), ("ignore", [])]
)
def test_possible_misquote_follows_the_file_policy(policy: str, levels: list[str]) -> None:
    file = RecordFile(
        path=Path("expectations/x.yaml"),
        articles=(),
        unverified="warn",
        speakers=(Speaker(name="Lloyd Austin", aliases=("Austin",)),),
        records=(AUSTIN, SERIOUS, CHA),
        possible_misquote=policy,  # type: ignore[arg-type]
    )
    text = "“intentions to enter this war on behalf of Russia,” Austin said.\n"
    attribution = quoted(text, "intentions to enter this war on behalf of Russia", "Austin")
    result = Matcher(file, shown_path="x.yaml").check(
        article="a", text=text, attributions=[attribution]
    )
    assert [f.level for f in result.findings] == levels
    assert all(f.kind == "possible-misquote" for f in result.findings)


def test_own_record_closeness_has_a_floor_of_three_in_four_words_kept() -> None:
    # 4 of 5 words kept, in order: the same sentence with two words swapped round.
    (close,) = judge("What exactly they are doing?", "Austin")
    assert close.kind == "misquote"
    # 4 of 6 kept: two words changed in six is a different sentence, only alike.
    (loose,) = judge("What exactly are you people doing?", "Austin")
    assert loose.kind == "possible-misquote"


def test_a_three_word_quote_is_only_the_credited_speakers_own_sentence_cut_short() -> None:
    record = Record(
        id="quite",
        speaker="John Smith",
        text="I am just not quite there yet.",
        venue=None,
        date=None,
        required=False,
        line=1,
    )
    file = RecordFile(
        path=Path("expectations/x.yaml"),
        articles=(),
        unverified="ignore",
        speakers=(),
        records=(record,),
    )
    text = "“not there yet” is what he said.\n"
    for speaker, kinds in (("John Smith", ["misquote"]), ("Mike Pence", [])):
        attribution = quoted(text, "not there yet", speaker)
        result = Matcher(file, shown_path="x.yaml").check(
            article="a", text=text, attributions=[attribution]
        )
        assert [f.kind for f in result.findings] == kinds, speaker


def test_a_headline_quote_that_rewords_a_record_only_warns() -> None:
    headline = "Austin Asks What Exactly Are They Really Doing In Russia\n\n"
    text = headline + "Lloyd Austin spoke in Rome on Wednesday.\n"
    attribution = quoted(text, "What Exactly Are They Really Doing", "Austin")
    result = matcher().check(article="a.txt", text=text, attributions=[attribution])
    assert [f.kind for f in result.findings] == ["possible-misquote"]
    # the same words in the body are the same sentence changed
    body = "Lloyd Austin spoke.\n\nHe asked, “What exactly are they really doing?”\n"
    attribution = quoted(body, "What exactly are they really doing?", "Austin")
    result = matcher().check(article="a.txt", text=body, attributions=[attribution])
    assert [f.kind for f in result.findings] == ["misquote"]
