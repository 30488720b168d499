"""Record-file behaviour a newsroom depends on, pinned where mutmut found it unpinned.

Each test is a way editors really write records (no ``id``, a speaker with no aliases,
``**`` globs, ``yes``/``on`` flags, a timestamp or a bad ``date``), checked for the
exact value or error the loader gives; tests/mutants_records.md lists the mutants of
attribution/check/records.py that cannot change behaviour. Test ids are plain ASCII:
mutmut selects tests by node id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from attribution.check.records import Record, RecordFile, load
from attribution.check.verdicts import Matcher
from attribution.errors import ExpectationError
from attribution.parse.model import Attribution, Span


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "corpus" / "world" / "europe").mkdir(parents=True)
    (site / "corpus" / "a.txt").write_text("text", encoding="utf-8")
    (site / "corpus" / "world" / "b.txt").write_text("text", encoding="utf-8")
    (site / "corpus" / "world" / "europe" / "c.txt").write_text("text", encoding="utf-8")
    (site / "expectations").mkdir()
    return site


def load_text(root: Path, source: str) -> RecordFile:
    path = root / "expectations" / "r.yaml"
    path.write_text(source, encoding="utf-8")
    return load(path, root=root)


def error(root: Path, source: str) -> ExpectationError:
    with pytest.raises(ExpectationError) as info:
        load_text(root, source)
    return info.value


def quotes(*lines: str, head: str = "articles: ../corpus/a.txt\n") -> str:
    return head + "quotes:\n" + "".join(f"  - {line}\n" for line in lines)


# --- a record without an id, end to end --------------------------------------------------


def test_an_id_less_record_keeps_every_field(root: Path) -> None:
    source = (
        "articles: ../corpus/a.txt\n"
        "quotes:\n"
        "  - speaker: Lloyd Austin\n"
        "    text: That is a very serious issue.\n"
        "    venue: Rome\n"
        "    date: 2024-10-23\n"
        "    required: yes\n"
    )
    (record,) = load_text(root, source).records
    assert record == Record(
        id="austin-that-is-a-very-serious",
        speaker="Lloyd Austin",
        text="That is a very serious issue.",
        venue="Rome",
        date="2024-10-23",
        required=True,
        line=3,
    )


def test_an_id_less_record_is_checked_and_reported_under_its_derived_id(root: Path) -> None:
    """The derived id is what the report, the baseline and ``missing-quote`` name."""
    source = quotes(
        "{speaker: Lloyd Austin, text: What exactly are they doing, required: true}",
        "{speaker: Lloyd Austin, text: Left to be seen, venue: Rome}",
    )
    m = Matcher(load_text(root, source), shown_path="expectations/r.yaml")
    text = 'Austin said in Paris: "Left to be seen."'
    start = text.index("Left")
    quote = Span.of(text, start, start + len("Left to be seen."))
    venue = Span.of(text, text.index("Paris"), text.index("Paris") + 5)
    got = m.check(
        article="a.txt",
        text=text,
        attributions=[
            Attribution(
                quote=quote,
                speaker="Austin",
                mention=None,
                cue=None,
                venue=venue,
                date=None,
                rule="speaker-cue",
                speaker_kind="person",
                steps=(),
            )
        ],
    )
    found = [(f.kind, f.record, f.record_speaker, f.expected_venue) for f in got.findings]
    assert found == [
        ("missing-quote", "austin-what-exactly-are-they-doing", "Lloyd Austin", None),
        ("venue-mismatch", "austin-left-to-be-seen", "Lloyd Austin", "Rome"),
    ]


def test_an_explicit_id_after_an_id_less_record_keeps_its_own_id(root: Path) -> None:
    """An explicit id is the editor's: a derived id steps aside for it, never the reverse."""
    source = quotes(
        "{speaker: Jane Doe, text: Same words here}",
        "{id: doe-same-words-here, speaker: Jane Doe, text: Other words}",
    )
    ids = [r.id for r in load_text(root, source).records]
    assert ids == ["doe-same-words-here-2", "doe-same-words-here"]


def test_a_duplicate_explicit_id_after_an_id_less_record_is_refused(root: Path) -> None:
    source = quotes(
        "{speaker: Jane Doe, text: First}",
        "{id: x, speaker: Jane Doe, text: Second}",
        "{id: x, speaker: Jane Doe, text: Third}",
    )
    err = error(root, source)
    assert err.line == 5
    assert err.message == "duplicate id 'x' (first used on line 4)"


def test_three_id_less_records_of_the_same_words_count_on(root: Path) -> None:
    source = quotes(*["{speaker: Jane Doe, text: Same words}"] * 3)
    ids = [r.id for r in load_text(root, source).records]
    assert ids == ["doe-same-words", "doe-same-words-2", "doe-same-words-3"]


def test_a_derived_id_takes_the_surname_and_five_words(root: Path) -> None:
    source = quotes("{speaker: Mary Jane O'Neill, text: 'One, two: three four five six seven'}")
    (record,) = load_text(root, source).records
    assert record.id == "o-neill-one-two-three-four-five"


def test_a_derived_id_of_no_letters_is_quote(root: Path) -> None:
    (record,) = load_text(root, quotes("{speaker: '?', text: '...'}")).records
    assert record.id == "quote"


# --- speakers ---------------------------------------------------------------------------


def test_a_speaker_with_no_aliases_is_canonical(root: Path) -> None:
    source = (
        "articles: ../corpus/a.txt\n"
        "speakers:\n"
        "  Jane Doe:\n"
        "  Lloyd Austin: Austin\n"
        "quotes:\n"
        "  - {speaker: jane doe, text: Words}\n"
        "  - {speaker: AUSTIN, text: More words}\n"
    )
    loaded = load_text(root, source)
    assert [(s.name, s.aliases) for s in loaded.speakers] == [
        ("Jane Doe", ()),
        ("Lloyd Austin", ("Austin",)),
    ]
    assert [r.speaker for r in loaded.records] == ["Jane Doe", "Lloyd Austin"]


def test_a_speaker_may_list_their_own_name_as_an_alias(root: Path) -> None:
    source = (
        "articles: ../corpus/a.txt\n"
        "speakers:\n"
        "  Jane Doe: [jane doe, Doe]\n"
        "quotes:\n"
        "  - {speaker: Doe, text: Words}\n"
    )
    loaded = load_text(root, source)
    assert loaded.speakers[0].aliases == ("jane doe", "Doe")
    assert loaded.records[0].speaker == "Jane Doe"


def test_an_alias_two_speakers_share_in_another_case_is_refused(root: Path) -> None:
    source = (
        "articles: ../corpus/a.txt\n"
        "speakers:\n"
        "  Jane Doe: [Doe]\n"
        "  John Doe: [DOE]\n"
        "quotes:\n"
        "  - {speaker: Doe, text: Words}\n"
    )
    err = error(root, source)
    assert err.line == 4
    assert err.message == "'DOE' names both Jane Doe and John Doe"


@pytest.mark.parametrize(
    ("speakers", "line", "message"),
    [
        (
            "speakers: [Jane Doe]\n",
            2,
            "'speakers' must map each canonical name to a list of aliases",
        ),
        (
            "speakers:\n  Jane Doe: [Doe, 3]\n",
            3,
            "an alias of Jane Doe must be text, not a number (quote it)",
        ),
        ("speakers:\n  Jane Doe: {a: b}\n", 3, "aliases must be a list"),
        ("speakers:\n  '': [Doe]\n", 3, "a speaker name must not be empty"),
    ],
)
def test_a_malformed_speakers_map_names_its_line(
    root: Path, speakers: str, line: int, message: str
) -> None:
    err = error(
        root, "articles: ../corpus/a.txt\n" + speakers + "quotes: [{speaker: A, text: b}]\n"
    )
    assert (err.line, err.message) == (line, message)


# --- globs ------------------------------------------------------------------------------


def test_a_double_star_glob_reaches_every_depth(root: Path) -> None:
    loaded = load_text(root, quotes("{speaker: A, text: b}", head="articles: ../corpus/**/*.txt\n"))
    assert [p.relative_to(root).as_posix() for p in loaded.articles] == [
        "corpus/a.txt",
        "corpus/world/b.txt",
        "corpus/world/europe/c.txt",
    ]


def test_a_double_star_glob_below_a_folder_starts_there(root: Path) -> None:
    head = "articles: ../corpus/world/**/*.txt\n"
    loaded = load_text(root, quotes("{speaker: A, text: b}", head=head))
    assert [p.name for p in loaded.articles] == ["b.txt", "c.txt"]


def test_overlapping_globs_give_each_article_once_and_sorted(root: Path) -> None:
    head = "articles:\n  - ../corpus/world/*.txt\n  - ../corpus/**/*.txt\n  - ../corpus/a.txt\n"
    loaded = load_text(root, quotes("{speaker: A, text: b}", head=head))
    assert [p.name for p in loaded.articles] == ["a.txt", "b.txt", "c.txt"]
    assert all(p.is_absolute() for p in loaded.articles)


def test_a_glob_matching_only_folders_matches_no_file(root: Path) -> None:
    err = error(
        root,
        quotes("{speaker: A, text: b}", head="articles:\n  - ../corpus/*\n  - ../corpus/wor*\n"),
    )
    assert (err.line, err.message) == (3, "glob '../corpus/wor*' matches no file")


def test_a_glob_under_a_magic_folder_inside_the_root_is_walked(root: Path) -> None:
    loaded = load_text(root, quotes("{speaker: A, text: b}", head="articles: ../corp*/*/b.txt\n"))
    assert [p.name for p in loaded.articles] == ["b.txt"]


def test_an_empty_articles_list_is_refused(root: Path) -> None:
    err = error(root, quotes("{speaker: A, text: b}", head="articles: []\n"))
    assert (err.line, err.message) == (1, "'articles' must list at least one glob")


def test_a_glob_matching_too_many_paths_is_refused(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from attribution.check import records

    monkeypatch.setattr(records, "MAX_GLOB_MATCHES", 2)
    head = "articles: ../corpus/**/*.txt\n"
    err = error(root, quotes("{speaker: A, text: b}", head=head))
    assert (err.line, err.message) == (1, "glob '../corpus/**/*.txt' matches more than 2 files")
    monkeypatch.setattr(records, "MAX_GLOB_MATCHES", 3)
    assert len(load_text(root, quotes("{speaker: A, text: b}", head=head)).articles) == 3


# --- flags, policies and dates ----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("true", True),
        ("yes", True),
        ("on", True),
        ("True", True),
        ("false", False),
        ("off", False),
        ("no", False),
    ],
)
def test_yaml_booleans_of_every_spelling_set_required_and_consensus(
    root: Path, written: str, value: bool
) -> None:
    source = f"consensus: {written}\n" + quotes(f"{{speaker: A, text: b, required: {written}}}")
    loaded = load_text(root, source)
    assert loaded.consensus is value
    assert loaded.records[0].required is value


def test_consensus_that_is_not_a_boolean_names_its_line(root: Path) -> None:
    err = error(root, "articles: ../corpus/a.txt\nconsensus: maybe\n")
    assert (err.line, err.message) == (
        2,
        "'consensus' must be true or false, not a value tagged tag:yaml.org,2002:str",
    )


def test_a_consensus_file_needs_no_quotes_but_still_needs_articles(root: Path) -> None:
    loaded = load_text(root, "articles: ../corpus/a.txt\nconsensus: true\n")
    assert (loaded.consensus, loaded.records) == (True, ())
    err = error(root, "consensus: true\n")
    assert (err.line, err.message) == (1, "missing required key 'articles'")


def test_policies_default_to_warn_and_follow_the_file(root: Path) -> None:
    default = load_text(root, quotes("{speaker: A, text: b}"))
    assert (default.unverified, default.possible_misquote) == ("warn", "warn")
    assert default.policy("misquote") == "fail"
    set_ = load_text(
        root, "unverified: ignore\npossible-misquote: fail\n" + quotes("{speaker: A, text: b}")
    )
    assert [
        set_.policy(k) for k in ("unverified-quote", "possible-misquote", "misattribution")
    ] == [
        "ignore",
        "fail",
        "fail",
    ]


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("2024-10-23", "2024-10-23"),
        ("'23 October 2024'", "23 October 2024"),
        ("2024-10-23 14:05:00", "2024-10-23 14:05:00"),
    ],
)
def test_a_date_is_kept_as_written(root: Path, written: str, kept: str) -> None:
    (record,) = load_text(root, quotes(f"{{speaker: A, text: b, date: {written}}}")).records
    assert record.date == kept


@pytest.mark.parametrize(
    ("written", "loaded_as"),
    [
        ("2024", "a number"),
        ("''", "a value tagged tag:yaml.org,2002:str"),
        ("[2024]", "a list"),
        ("null", "empty"),
    ],
)
def test_a_bad_date_is_one_line_naming_its_line(root: Path, written: str, loaded_as: str) -> None:
    err = error(root, quotes("{speaker: A, text: b}", f"{{speaker: A, text: c, date: {written}}}"))
    assert err.line == 4
    assert err.message == f"'date' must be a date such as 2024-10-23, not {loaded_as}"


# --- values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "message"),
    [
        ("{speaker: '  ', text: b}", "'speaker' must not be empty"),
        ("{speaker: A, text: b, venue: ''}", "'venue' must not be empty"),
        ("{speaker: A, text: b, id: 7}", "'id' must be text, not a number (quote it)"),
        ("{speaker: A, text: b, required: 1}", "'required' must be true or false, not a number"),
        (
            "{speaker: A, text: !!binary aGk=}",
            "'text' must be text, not a value tagged tag:yaml.org,2002:binary (quote it)",
        ),
        (
            "{speaker: A, text: !custom b}",
            "'text' must be text, not a value tagged !custom (quote it)",
        ),
        ("[speaker, text]", "a quote must be a mapping of keys to values"),
    ],
)
def test_a_bad_value_in_a_quote_is_one_line(root: Path, quote: str, message: str) -> None:
    err = error(root, quotes(quote))
    assert (err.line, err.message) == (3, message)


def test_quotes_as_one_string_is_refused(root: Path) -> None:
    err = error(root, "articles: ../corpus/a.txt\nquotes: everything he said\n")
    assert (err.line, err.message) == (2, "'quotes' must be a non-empty list of records")


def test_an_unknown_key_far_from_any_gets_no_hint(root: Path) -> None:
    err = error(root, quotes("{speaker: A, text: b, zzzzzz: c}"))
    assert err.message == "unknown key 'zzzzzz' in a quote"


def test_a_key_that_is_not_text_names_itself(root: Path) -> None:
    err = error(root, quotes("{speaker: A, text: b, 3: c}"))
    assert err.message == "a key must be text, not a number (quote it)"


def test_a_file_of_one_null_is_empty(root: Path) -> None:
    err = error(root, "null\n")
    assert (err.line, err.message) == (
        None,
        "empty file: expected the keys 'articles' and 'quotes'",
    )


def test_a_yaml_error_without_a_mark_is_one_line(root: Path) -> None:
    err = error(root, "articles: *missing\n")
    assert err.line == 1
    assert err.message.startswith("YAML syntax error: found undefined alias")


def test_record_lines_are_where_each_quote_starts(root: Path) -> None:
    source = quotes("{speaker: A, text: b}") + "  # a comment\n" + "  - {speaker: B, text: c}\n"
    assert [r.line for r in load_text(root, source).records] == [3, 5]


# --- sources: transcripts as records ----------------------------------------------------


def with_sources(entries: str) -> str:
    return "articles: ../corpus/a.txt\nspeakers:\n  Lloyd Austin: [Austin]\nsources:\n" + entries


def test_a_source_keeps_its_path_venue_date_and_labels(root: Path) -> None:
    (root / "transcripts").mkdir()
    (root / "transcripts" / "t.txt").write_text("AUSTIN: Words.\n", encoding="utf-8")
    source = with_sources(
        "  - path: ../transcripts/t.txt\n"
        "    venue: Rome\n"
        "    date: 2024-10-23\n"
        "    unlisted: unquotable\n"
        "    speakers:\n"
        "      SECRETARY   AUSTIN: austin\n"
        "      Q: null\n"
        "      MR. KIRBY: John Kirby\n"
    )
    loaded = load_text(root, source)
    assert loaded.records == ()  # sources stand in for quotes
    (got,) = loaded.sources
    assert got.path == (root / "transcripts" / "t.txt").resolve()
    assert got.shown == "transcripts/t.txt"
    assert (got.venue, got.date, got.unlisted, got.line) == ("Rome", "2024-10-23", "unquotable", 5)
    assert got.speakers == (
        ("SECRETARY AUSTIN", "Lloyd Austin"),  # spaces folded, the alias made canonical
        ("Q", None),  # nobody is quoted from a reporter's question
        ("MR. KIRBY", "John Kirby"),
    )


def test_a_source_without_options_errs_on_unlisted_labels(root: Path) -> None:
    (root / "t.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (got,) = load_text(root, with_sources("  - path: ../t.vtt\n")).sources
    assert (got.venue, got.date, got.speakers, got.unlisted) == (None, None, (), "error")


@pytest.mark.parametrize(
    ("entries", "line", "message"),
    [
        ("  - venue: Rome\n", 5, "source is missing required key 'path'"),
        ("  - path: ../nothing.txt\n", 5, "source '../nothing.txt' not found"),
        ("  - path: ../corpus\n", 5, "source '../corpus' not found"),
        (
            "  - path: ../t.txt\n    unlisted: sometimes\n",
            6,
            "'unlisted' must be one of error, unquotable, named, not 'sometimes'",
        ),
        (
            "  - path: ../t.txt\n    unlisted: [named]\n",
            6,
            "'unlisted' must be one of error, unquotable, named, not a list",
        ),
        (
            "  - path: ../t.txt\n    speakers: [A]\n",
            6,
            "a source's 'speakers' must map each transcript label to a name or null",
        ),
        (
            "  - path: ../t.txt\n    speakers:\n      A B: x\n      A  B: y\n",
            8,
            "duplicate label 'A B' in a source's 'speakers'",
        ),
        (
            "  - path: ../t.txt\n    speakers:\n      A: 3\n",
            7,
            "the name of label 'A' must be text, not a number (quote it)",
        ),
        ("  ../t.txt\n", 5, "'sources' must be a non-empty list of transcripts"),
        ("  []\n", 5, "'sources' must be a non-empty list of transcripts"),
        (
            "  - path: ../t.txt\n    date: 5\n",
            6,
            "'date' must be a date such as 2024-10-23, not a number",
        ),
    ],
    ids=[
        "no-path",
        "missing",
        "folder",
        "unlisted-word",
        "unlisted-list",
        "speakers-list",
        "duplicate-label",
        "label-number",
        "one-string",
        "empty",
        "bad-date",
    ],
)
def test_a_malformed_source_is_one_line(root: Path, entries: str, line: int, message: str) -> None:
    (root / "t.txt").write_text("A: Words.\n", encoding="utf-8")
    err = error(root, with_sources(entries))
    assert (err.line, err.message) == (line, message)


def test_a_source_outside_the_root_is_refused(root: Path) -> None:
    err = error(root, with_sources("  - path: ../../outside.txt\n"))
    assert err.line == 5
    assert err.message.startswith("source '../../outside.txt' reaches outside the rootdir: /")


@pytest.mark.parametrize(
    ("entries", "line", "message"),
    [
        ("  3\n", 5, "'sources' must be a list"),
        ("  - 3\n", 5, "a source must be a mapping of keys to values"),
        ("  - path: 3\n", 5, "'path' must be text, not a number (quote it)"),
        (
            "  - path: ../t.txt\n    venue: [Rome]\n",
            6,
            "'venue' must be text, not a list (quote it)",
        ),
        (
            "  - path: ../t.txt\n    speakers: {3: x}\n",
            6,
            "a transcript label must be text, not a number (quote it)",
        ),
        (
            "  - path: ../t.txt\n    speakers: !labels {Q: null}\n",
            6,
            "a source's 'speakers' must map each transcript label to a name or null",
        ),
    ],
    ids=[
        "sources-number",
        "source-number",
        "path-number",
        "venue-list",
        "label-number",
        "tagged-labels",
    ],
)
def test_each_part_of_a_source_names_itself_when_wrong(
    root: Path, entries: str, line: int, message: str
) -> None:
    (root / "t.txt").write_text("A: Words.\n", encoding="utf-8")
    err = error(root, with_sources(entries))
    assert (err.line, err.message) == (line, message)


@pytest.mark.parametrize(
    ("value", "loaded_as"),
    [
        ("{a: b}", "a mapping"),
        ("[a]", "a list"),
        ("yes", "a boolean"),
        ("12", "a number"),
        ("1.5", "a number"),
        ("2024-10-23", "a date"),
        ("null", "empty"),
        ("!!python/name:os.system", "a value tagged tag:yaml.org,2002:python/name:os.system"),
    ],
    ids=["mapping", "list", "boolean", "int", "float", "date", "null", "python-tag"],
)
def test_a_speaker_that_is_not_text_says_what_it_loaded_as(
    root: Path, value: str, loaded_as: str
) -> None:
    err = error(root, quotes(f"{{speaker: {value}, text: b}}"))
    assert (err.line, err.message) == (3, f"'speaker' must be text, not {loaded_as} (quote it)")


def test_yaml_1_1_short_booleans_tagged_explicitly_are_read(root: Path) -> None:
    """``!!bool y`` is YAML 1.1's short true; the loader reads flags without constructing."""
    source = "consensus: !!bool y\n" + quotes("{speaker: A, text: b, required: !!bool Y}")
    loaded = load_text(root, source)
    assert (loaded.consensus, loaded.records[0].required) == (True, True)
    source = "consensus: !!bool n\n" + quotes("{speaker: A, text: b, required: !!bool N}")
    loaded = load_text(root, source)
    assert (loaded.consensus, loaded.records[0].required) == (False, False)


def test_quotes_that_are_not_a_list_say_so(root: Path) -> None:
    err = error(root, "articles: ../corpus/a.txt\nquotes: 3\n")
    assert (err.line, err.message) == (2, "'quotes' must be a list")


def test_a_tagged_speakers_map_is_an_unexpected_tag_not_a_mapping(root: Path) -> None:
    """Tags are never constructed: ``!names {...}`` is refused, not read as a plain map."""
    source = "articles: ../corpus/a.txt\nspeakers: !names {Jane Doe: [Doe]}\n" + quotes(
        "{speaker: Doe, text: b}", head=""
    )
    err = error(root, source)
    assert (err.line, err.message) == (
        2,
        "'speakers' must map each canonical name to a list of aliases",
    )


@pytest.mark.parametrize(
    ("articles", "message"),
    [
        ("3", "'articles' must be a list"),
        ("!globs [../corpus/a.txt]", "'articles' must be a list"),
        ("[3]", "an 'articles' glob must be text, not a number (quote it)"),
    ],
    ids=["number", "tagged-list", "number-in-list"],
)
def test_articles_that_are_not_globs_say_so(root: Path, articles: str, message: str) -> None:
    err = error(root, quotes("{speaker: A, text: b}", head=f"articles: {articles}\n"))
    assert (err.line, err.message) == (1, message)


def test_an_article_linked_from_outside_the_root_is_refused_at_its_glob(root: Path) -> None:
    """The glob starts inside, but a match that resolves outside reads someone else's file."""
    outside = root.parent / "secret.txt"
    outside.write_text("text", encoding="utf-8")
    (root / "corpus" / "world" / "link.txt").symlink_to(outside)
    head = "articles:\n  - ../corpus/a.txt\n  - ../corpus/world/*.txt\n"
    err = error(root, quotes("{speaker: A, text: b}", head=head))
    assert err.line == 3
    assert err.message == (
        f"glob '../corpus/world/*.txt' reaches outside the rootdir: {outside.resolve()}"
    )


def test_a_file_of_one_string_is_not_a_mapping(root: Path) -> None:
    err = error(root, "just some words\n")
    assert (err.line, err.message) == (1, "the file must be a mapping of keys to values")


def test_a_refused_record_file_is_named_with_the_whole_reason(tmp_path: Path) -> None:
    import os

    (tmp_path / "expectations").mkdir()
    fifo = tmp_path / "expectations" / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ExpectationError) as info:
        load(fifo, root=tmp_path)
    assert str(info.value) == "expectations/fifo.yaml: not a regular file"
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere.yaml"
    outside.write_text("articles: []\n", encoding="utf-8")
    link = tmp_path / "expectations" / "out.yaml"
    link.symlink_to(outside)
    with pytest.raises(ExpectationError) as info:
        load(link, root=tmp_path)
    assert str(info.value) == (
        "expectations/out.yaml: lies outside the project (a link out of the rootdir)"
    )


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("\x0barticles: a\n", 1),  # the very first character
        ("\narticles: a\x0b\nquotes: b\x0b\n", 2),  # a blank first line; the first of two
    ],
    ids=["first-character", "first-of-two"],
)
def test_a_control_character_names_the_line_of_its_first_occurrence(
    root: Path, source: str, line: int
) -> None:
    err = error(root, source)
    assert (err.line, err.message.split(":")[0]) == (line, "YAML error")
    assert "#x000b" in err.message


def test_a_record_file_of_exactly_the_size_limit_is_read(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from attribution.check import records

    monkeypatch.setattr(records, "MAX_RECORD_BYTES", 12)
    assert "larger than" not in error(root, "#" * 11 + "\n").message  # 12 bytes: read
    err = error(root, "#" * 12 + "\n")  # 13 bytes: refused before reading
    assert (err.path, err.line) == ("expectations/r.yaml", None)
    assert err.message == "larger than 0 MB: not a record file"


def test_an_undecodable_record_file_says_why(root: Path) -> None:
    path = root / "expectations" / "latin1.yaml"
    path.write_bytes("speaker: Jos\xe9\n".encode("latin-1"))
    with pytest.raises(ExpectationError) as info:
        load(path, root=root)
    assert info.value.message.startswith("cannot read: 'utf-8' codec can't decode byte 0xe9")


# --- what an editor reads when the YAML itself is wrong -----------------------------------
# PyYAML raises a marked error (with a line) or a ReaderError for every input we know of;
# the loader also keeps shapes PyYAML does not raise today (no mark, no problem, a character
# given as bytes, a bare YAMLError) to one line naming the file, so that a PyYAML or libyaml
# upgrade cannot turn a bad record file into a traceback. Those shapes are raised here by
# standing in for ``yaml.compose``.


def said(root: Path, source: str) -> str:
    """The one line an editor sees for ``source`` as expectations/r.yaml."""
    return str(error(root, source))


def yaml_raises(monkeypatch: pytest.MonkeyPatch, err: yaml.YAMLError) -> None:
    def compose(*_args: object, **_kwargs: object) -> None:
        raise err

    monkeypatch.setattr(yaml, "compose", compose)


ANY = "articles: ../corpus/a.txt\nquotes: []\n"


# --- marked errors without a mark or a problem ---------------------------------------------


def test_a_marked_error_without_a_mark_names_the_file_without_a_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.MarkedYAMLError(problem="found something odd"))
    assert said(root, ANY) == "expectations/r.yaml: YAML syntax error: found something odd"


def test_a_marked_error_without_problem_or_context_says_invalid_yaml(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.MarkedYAMLError())
    assert said(root, ANY) == "expectations/r.yaml: YAML syntax error: invalid YAML"


def test_a_marked_error_with_only_a_context_shows_the_context(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.MarkedYAMLError(context="while scanning a thing"))
    assert said(root, ANY) == "expectations/r.yaml: YAML syntax error: while scanning a thing"


# --- reader errors the loader cannot place --------------------------------------------------


def reader_error(character: int | bytes) -> yaml.reader.ReaderError:
    return yaml.reader.ReaderError(
        "r.yaml", 0, character, "utf-8", "special characters are not allowed"
    )


def test_a_reader_error_with_a_byte_character_says_x0000_without_a_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, reader_error(b"\x81"))
    assert said(root, "articles: x\nquotes: []\n\n") == (
        "expectations/r.yaml: YAML error: unacceptable character #x0000:"
        " special characters are not allowed"
    )


def test_a_reader_error_for_a_character_not_in_the_text_has_no_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not the line of the end of the text, nor of any other: the character is not there.
    yaml_raises(monkeypatch, reader_error(0x85))
    assert said(root, "articles: x\nquotes: []\n\n") == (
        "expectations/r.yaml: YAML error: unacceptable character #x0085:"
        " special characters are not allowed"
    )


def test_a_real_control_character_is_placed_on_its_line(root: Path) -> None:
    # The same branch reached by PyYAML itself: the line is found in the text.
    message = said(root, "articles: ../corpus/a.txt\nquotes:\n  - speaker: A\x07\n")
    assert message.startswith("expectations/r.yaml:3: YAML error: unacceptable character #x0007")


# --- any other YAML error: its first line -----------------------------------------------------


def test_another_yaml_error_keeps_only_its_first_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.YAMLError("too deep to compose\n  in <string>, line 9"))
    assert said(root, ANY) == "expectations/r.yaml: YAML error: too deep to compose"


def test_another_yaml_error_without_text_says_invalid_yaml(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.YAMLError())
    assert said(root, ANY) == "expectations/r.yaml: YAML error: invalid YAML"


# --- filesystem problems before a text problem are reported first ---------------------------


def test_a_glob_that_matches_nothing_is_reported_before_a_later_problem(root: Path) -> None:
    source = "articles: ../corpus/missing-*.txt\nunverified: loud\nquotes: []\n"
    assert (
        said(root, source)
        == "expectations/r.yaml:1: glob '../corpus/missing-*.txt' matches no file"
    )


def test_a_missing_transcript_is_reported_before_a_later_source_problem(root: Path) -> None:
    source = (
        "articles: ../corpus/a.txt\nsources:\n"
        "  - path: ../transcripts/gone.txt\n"
        "  - venue: Senate hearing\n"
    )
    assert said(root, source) == "expectations/r.yaml:3: source '../transcripts/gone.txt' not found"
