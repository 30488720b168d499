"""The record loader: what editors write, and every way they can write it wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribution.check.records import load, parse
from attribution.errors import ExpectationError

GOOD = """\
articles:
  - ../corpus/*.txt
unverified: fail
speakers:
  Lloyd Austin: [Austin, Lloyd J. Austin III]
quotes:
  - id: left-to-be-seen
    speaker: Austin
    text: "What exactly are they doing? Left to be seen."
    venue: Rome
    date: 2024-10-23
    required: true
  - speaker: Lloyd Austin
    text: That is a very serious issue.
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "corpus").mkdir(parents=True)
    (site / "corpus" / "a.txt").write_text("text", encoding="utf-8")
    (site / "corpus" / "b.txt").write_text("text", encoding="utf-8")
    (site / "expectations").mkdir()
    (tmp_path / "outside.txt").write_text("text", encoding="utf-8")
    return site


def records(root: Path, source: str, name: str = "r.yaml") -> Path:
    path = root / "expectations" / name
    path.write_text(source, encoding="utf-8")
    return path


def error(root: Path, source: str) -> ExpectationError:
    with pytest.raises(ExpectationError) as info:
        load(records(root, source), root=root)
    return info.value


def test_a_good_file_loads_into_frozen_records(root: Path) -> None:
    loaded = load(records(root, GOOD), root=root)
    assert [p.name for p in loaded.articles] == ["a.txt", "b.txt"]
    assert loaded.unverified == "fail"
    first, second = loaded.records
    assert first.id == "left-to-be-seen"
    assert first.speaker == "Lloyd Austin"  # the alias resolves to the canonical name
    assert first.venue == "Rome"
    assert first.date == "2024-10-23"
    assert first.required is True
    assert first.line == 7
    assert second.id == "austin-that-is-a-very-serious"  # derived when absent
    assert second.required is False
    with pytest.raises(AttributeError):
        first.text = "changed"  # type: ignore[misc]


def test_derived_ids_stay_unique(root: Path) -> None:
    source = """\
articles: ../corpus/a.txt
quotes:
  - {speaker: Jane Doe, text: Same words here}
  - {speaker: Jane Doe, text: Same words here}
"""
    ids = [r.id for r in load(records(root, source), root=root).records]
    assert ids == ["doe-same-words-here", "doe-same-words-here-2"]


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("articles: [a\nquotes: []\n", 2, "YAML syntax error"),
        ("", None, "empty file"),
        ("# only a comment\n", None, "empty file"),
        ("quotes:\n  - {speaker: A, text: b}\n", 1, "missing required key 'articles'"),
        ("articles: ../corpus/*.txt\n", 1, "missing required key 'quotes'"),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {text: b}\n",
            3,
            "missing required key 'speaker'",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {speaker: A}\n",
            3,
            "missing required key 'text'",
        ),
        ("articles: ../corpus/*.txt\nquotes:\n  - {speaker: No, text: b}\n", 3, "a boolean"),
        ("articles: ../corpus/*.txt\nquotes:\n  - {speaker: A, text: 12}\n", 3, "a number"),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - speaker: A\n    text: b\n    venue: [x]\n",
            5,
            "'venue' must be text, not a list",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - speaker: A\n    txt: b\n",
            4,
            "unknown key 'txt' in a quote (did you mean 'text'?)",
        ),
        (
            "articles: ../corpus/*.txt\nquote:\n  - {speaker: A, text: b}\n",
            2,
            "unknown key 'quote' in the file (did you mean 'quotes'?)",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {id: x, speaker: A, text: b}\n"
            "  - {id: x, speaker: B, text: c}\n",
            4,
            "duplicate id 'x' (first used on line 3)",
        ),
        ("articles: ../corpus/*.md\nquotes:\n  - {speaker: A, text: b}\n", 1, "matches no file"),
        (
            "articles: ../../outside.txt\nquotes:\n  - {speaker: A, text: b}\n",
            1,
            "outside the rootdir",
        ),
        (
            "articles: ../corpus/*.txt\nunverified: maybe\nquotes:\n  - {speaker: A, text: b}\n",
            2,
            "'unverified' must be one of fail, warn, ignore, not 'maybe'",
        ),
        ("articles: ../corpus/*.txt\nquotes: []\n", 2, "non-empty list"),
        ("- just\n- a list\n", 1, "the file must be a mapping"),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - {speaker: A, text: b, required: maybe}\n",
            3,
            "'required' must be true or false",
        ),
        (
            "articles: ../corpus/*.txt\nquotes:\n  - speaker: A\n    text: b\n    text: c\n",
            5,
            "duplicate key 'text'",
        ),
        (
            "articles: ../corpus/*.txt\nspeakers:\n  A: [X]\n  B: [X]\nquotes:\n"
            "  - {speaker: A, text: b}\n",
            4,
            "'X' names both A and B",
        ),
    ],
)
def test_each_malformed_file_is_one_line_naming_file_and_line(
    root: Path, source: str, line: int | None, message: str
) -> None:
    err = error(root, source)
    assert err.path == "expectations/r.yaml"
    assert err.line == line
    assert message in err.message
    assert "\n" not in str(err)
    assert str(err).startswith("expectations/r.yaml")


def test_python_tags_never_execute(root: Path, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    source = (
        "articles: ../corpus/*.txt\nquotes:\n"
        f"  - speaker: !!python/object/apply:os.system ['touch {marker}']\n"
        "    text: b\n"
    )
    err = error(root, source)
    assert err.line == 3
    assert "python/object/apply" in err.message
    assert not marker.exists()


def test_python_tag_on_the_whole_file_is_refused(root: Path) -> None:
    err = error(root, "!!python/object:collections.OrderedDict {articles: x}\n")
    assert "mapping" in err.message


def test_an_unreadable_file_names_itself(root: Path) -> None:
    path = root / "expectations" / "bad.yaml"
    path.write_bytes(b"articles: \xff\n")
    with pytest.raises(ExpectationError) as info:
        load(path, root=root)
    assert info.value.path == "expectations/bad.yaml"


def test_the_bundled_record_file_loads() -> None:
    repo = Path(__file__).resolve().parent.parent
    loaded = load(repo / "expectations" / "north-korea-troops.yaml", root=repo)
    assert len(loaded.articles) == 5
    assert len({r.id for r in loaded.records}) == len(loaded.records)
    assert {r.speaker for r in loaded.records} >= {"Lloyd Austin", "Volodymyr Zelensky"}


def test_the_schema_knows_every_key_the_loader_knows() -> None:
    from attribution.check.records import QUOTE_KEYS, TOP_KEYS

    repo = Path(__file__).resolve().parent.parent
    schema = json.loads(
        (repo / "attribution" / "data" / "expectations.schema.json").read_text(encoding="utf-8")
    )
    assert set(schema["properties"]) == set(TOP_KEYS)
    assert set(schema["required"]) == {"articles"}
    assert schema["then"] == {"required": ["quotes"]}  # unless consensus: true
    quote = schema["$defs"]["quote"]
    assert set(quote["properties"]) == set(QUOTE_KEYS)
    assert set(quote["required"]) == {"speaker", "text"}
    assert schema["properties"]["unverified"]["enum"] == ["fail", "warn", "ignore"]


def test_parse_accepts_text_directly(root: Path) -> None:
    loaded = parse(GOOD, path=root / "expectations" / "x.yaml", root=root)
    assert len(loaded.records) == 2


def test_only_a_regular_file_inside_the_root_is_read_as_records(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "expectations"
    folder.mkdir()
    fifo = folder / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ExpectationError, match="not a regular file"):
        load(fifo, root=tmp_path)  # would hang reading
    device = folder / "zero.yaml"
    device.symlink_to("/dev/zero")
    with pytest.raises(ExpectationError, match="not a regular file"):
        load(device, root=tmp_path)  # would fill memory
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    outside.write_text("articles: []\n", encoding="utf-8")
    link = folder / "out.yaml"
    link.symlink_to(outside)
    with pytest.raises(ExpectationError, match="outside the project"):
        load(link, root=tmp_path)
    big = folder / "big.yaml"
    big.write_text("#" * 10_000_001, encoding="utf-8")
    with pytest.raises(ExpectationError, match="larger than 10 MB"):
        load(big, root=tmp_path)


@pytest.mark.parametrize(
    ("glob_", "message"),
    [
        ("/**/*.txt", "glob '/**/*.txt' must be relative to the record file"),
        ("../../**/*.txt", "glob '../../**/*.txt' reaches outside the rootdir"),
        ("../../*.txt", "glob '../../*.txt' reaches outside the rootdir"),
    ],
)
def test_a_glob_never_walks_outside_the_root(root: Path, glob_: str, message: str) -> None:
    """Refused before any walk: '/**/*' would read the whole disk."""
    err = error(root, GOOD.replace("../corpus/*.txt", glob_))
    assert err.message == message
    assert err.line == 2


def test_a_link_loop_under_the_articles_loads_at_once(root: Path) -> None:
    """Two links back up the tree made '**' walk for minutes in both front ends."""
    (root / "corpus" / "up").symlink_to("..")
    (root / "corpus" / "again").symlink_to("../corpus")
    loaded = load(records(root, GOOD.replace("../corpus/*.txt", "../corpus/**/*.txt")), root=root)
    assert [p.name for p in loaded.articles] == ["a.txt", "b.txt"]


def test_a_link_out_of_the_root_under_the_articles_is_one_line(root: Path) -> None:
    (root / "corpus" / "out").symlink_to(root.parent)
    err = error(root, GOOD.replace("../corpus/*.txt", "../corpus/**/*.txt"))
    assert err.line == 2
    link = root / "corpus" / "out"
    assert err.message == f"glob '../corpus/**/*.txt' follows the link {link} outside the rootdir"
