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
    lowered = [e.lower() for e in _entries(name)]
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
