"""The word lists in attribution/data/ stay sorted, unique and sourced.

They are data so that editors can extend them without touching the rules; these
checks keep a hand edit from leaving a duplicate, an entry out of order (which
hides duplicates from review) or an entry nobody can trace to where it came from.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

import attribution
from attribution.parse import speakers, wordlists

DATA = Path(attribution.__file__).parent / "data"
LISTS = sorted(p.name for p in DATA.glob("*.txt"))

# ``entry  # source``: two spaces, a hash, then a non-empty source.
SOURCED_LINE = re.compile(r"^(?P<entry>\S(?:.*\S)?)  # \S.*$")
# ``entry  category`` for pronouns.txt.
PRONOUN_LINE = re.compile(r"^(?P<entry>[a-z]+)  (?P<category>[a-z]+)$")
# ``name  m`` or ``name  f`` for first_names.txt.
FIRST_NAME_LINE = re.compile(r"^(?P<entry>[a-z]+)  (?P<category>[mf])$")
# The two-column tables, whose source is stated once in their header comment.
TABLES = {"pronouns.txt": PRONOUN_LINE, "first_names.txt": FIRST_NAME_LINE}
SOURCED = [name for name in LISTS if name not in TABLES]
# Lists matched as written, where a capitalised entry is a different word from its lower
# case ("The" opening a sentence is dropped from a mention, "A" is not): a duplicate is
# the same entry twice, to the letter.
CASE_SENSITIVE = {"leading_determiners.txt"}
# Tagged lists (``entry  tag  # source``), read through wordlists.tagged(), and the tags
# the rules ask for; "both" is read by every one of them.
TAGS = {
    "opening_connectives.txt": {"subject", "quotation"},
    "organisation_joiners.txt": {"run", "mention"},
}

# What speakers.py does with a pronoun: a person (he, she), a group or organisation
# (it, they), the writer (I, we), the one addressed (you) or the antecedent of "who".
PRONOUN_CATEGORIES = {"person", "group", "self", "addressee", "relative"}


def _entry_lines(name: str) -> list[str]:
    """The lines that hold entries, as wordlists._lines sees them."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _entries(name: str) -> list[str]:
    pattern = TABLES.get(name, SOURCED_LINE)
    out = []
    for line in _entry_lines(name):
        m = pattern.match(line)
        assert m is not None, f"{name}: malformed line {line!r}"
        out.append(m.group("entry"))
    return out


def test_the_lists_are_all_here() -> None:
    assert {"cue_verbs.txt", "pronouns.txt", "titles.txt", "venue_nouns.txt"} <= set(LISTS)


@pytest.mark.parametrize("name", SOURCED)
def test_every_entry_names_its_source(name: str) -> None:
    _entries(name)  # asserts the `entry  # source` shape line by line


@pytest.mark.parametrize("name", LISTS)
def test_sorted_case_insensitively(name: str) -> None:
    entries = _entries(name)
    assert entries, name
    out_of_order = [(a, b) for a, b in pairwise(entries) if a.lower() > b.lower()]
    assert not out_of_order, f"{name}: {out_of_order[:5]}"


@pytest.mark.parametrize("name", LISTS)
def test_no_duplicates(name: str) -> None:
    lowered = [e if name in CASE_SENSITIVE else e.lower() for e in _entries(name)]
    duplicates = sorted({e for e in lowered if lowered.count(e) > 1})
    assert not duplicates, f"{name}: {duplicates}"


@pytest.mark.parametrize("name", SOURCED)
def test_loader_reads_the_entries_as_written(name: str) -> None:
    """words() drops the source comment and nothing else."""
    assert list(wordlists.words(name)) == _entries(name)


def test_cue_verbs_are_lower_case() -> None:
    """cue_pattern() adds the capitalised form itself; a capital entry would match mid-sentence."""
    assert [e for e in _entries("cue_verbs.txt") if e != e.lower()] == []


def test_pronoun_categories_are_the_ones_speakers_handles() -> None:
    table = wordlists.table("pronouns.txt")
    assert set(table) == set(_entries("pronouns.txt"))
    assert set(table.values()) <= PRONOUN_CATEGORIES, table
    source = Path(speakers.__file__).read_text(encoding="utf-8")
    for category in set(table.values()):
        assert f'"{category}"' in source, f"speakers.py never handles {category!r}"
    # Every role the resolver distinguishes is used by some pronoun.
    assert {"person", "group"} <= set(table.values())


def test_loading_is_cached() -> None:
    """The lists are read once per process: each call returns the very same object."""
    assert wordlists.words("cue_verbs.txt") is wordlists.words("cue_verbs.txt")
    assert wordlists.table("pronouns.txt") is wordlists.table("pronouns.txt")
    assert wordlists.cue_pattern() is wordlists.cue_pattern()
    assert wordlists.word_set("places.txt") is wordlists.word_set("places.txt")
    assert wordlists.word_set("places.txt") == frozenset(wordlists.words("places.txt"))


def test_a_cached_list_does_not_read_the_file_again(monkeypatch: pytest.MonkeyPatch) -> None:
    wordlists.words("titles.txt")  # warm

    def no_reading(name: str) -> list[str]:
        raise AssertionError(f"{name} read again")

    monkeypatch.setattr(wordlists, "_lines", no_reading)
    assert "President" in wordlists.words("titles.txt")


def test_every_title_abbreviation_is_a_title() -> None:
    from attribution.parse.cues import titles

    assert set(wordlists.table("title_abbreviations.txt")) <= set(titles())


@pytest.mark.parametrize("name", sorted(TAGS))
def test_every_tag_is_one_a_rule_reads(name: str) -> None:
    """A mistyped tag would silently drop its entry from every rule."""
    table = wordlists.table(name)
    assert set(table.values()) <= TAGS[name] | {"both"}, table
    for tag in TAGS[name]:
        read = wordlists.tagged(name, tag)
        assert read == tuple(w for w, t in table.items() if t in (tag, "both"))
        assert read, f"{name}: nothing tagged {tag!r}"


def test_tags_keep_the_two_rules_apart() -> None:
    """The cue rules join "Johnson & Johnson"; the mention classifier reads "Committee on"."""
    assert "&" in wordlists.tagged("organisation_joiners.txt", "run")
    assert "&" not in wordlists.tagged("organisation_joiners.txt", "mention")
    assert "on" in wordlists.tagged("organisation_joiners.txt", "mention")
    assert "on" not in wordlists.tagged("organisation_joiners.txt", "run")


@pytest.mark.parametrize("name", LISTS)
def test_every_list_is_read_by_the_code(name: str) -> None:
    """A list no module names is dead data: an editor's additions to it would change nothing."""
    package = Path(attribution.__file__).parent
    sources = (p.read_text(encoding="utf-8") for p in package.rglob("*.py"))
    assert any(f'"{name}"' in source for source in sources), name


def test_every_list_the_code_names_is_here() -> None:
    """A list renamed or split (date_words.txt became three) fails here, not at run time."""
    package = Path(attribution.__file__).parent
    named = {
        m.group(1)
        for p in package.rglob("*.py")
        for m in re.finditer(r'"([a-z_]+\.txt)"', p.read_text(encoding="utf-8"))
    }
    assert named, "no list named in the code: the pattern above is wrong"
    assert sorted(named - set(LISTS)) == []


def test_date_words_are_the_calendar_lists() -> None:
    """Months, weekdays and relative days have one home each; the date words are all three."""
    assert wordlists.date_words() == (
        wordlists.word_set("months.txt")
        | wordlists.word_set("weekdays.txt")
        | wordlists.word_set("relative_days.txt")
    )
    assert {"October", "Tuesday", "Yesterday"} <= wordlists.date_words()
    assert "Oct." not in wordlists.date_words()  # abbreviations are read in dates only


def test_relative_pronouns_come_from_the_pronoun_table() -> None:
    from attribution.parse import attributions

    relative = {w for w, role in wordlists.table("pronouns.txt").items() if role == "relative"}
    assert relative == {"who", "which", "that"}
    assert relative == attributions.RELATIVE
