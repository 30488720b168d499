"""What an editor reads when a record file's text is wrong, pinned where mutmut found it
unpinned after records.load was split into ``draft`` (the text alone) and ``realise``.

PyYAML raises a marked error (with a line) or a ``ReaderError`` for every input we know
of; the loader also keeps errors of shapes PyYAML does not raise today (no mark, no
problem, a character given as bytes, a bare ``YAMLError``) to one line naming the file, so
that a PyYAML or libyaml upgrade cannot turn a bad record file into a traceback. Those
shapes are raised here by standing in for ``yaml.compose``. Test ids are plain ASCII:
mutmut selects tests by node id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from attribution.check.records import load
from attribution.errors import ExpectationError


@pytest.fixture
def root(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "corpus").mkdir(parents=True)
    (site / "corpus" / "a.txt").write_text("text", encoding="utf-8")
    (site / "expectations").mkdir()
    return site


def error(root: Path, source: str) -> str:
    """The one line an editor sees for ``source`` as expectations/r.yaml."""
    path = root / "expectations" / "r.yaml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ExpectationError) as info:
        load(path, root=root)
    return str(info.value)


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
    assert error(root, ANY) == "expectations/r.yaml: YAML syntax error: found something odd"


def test_a_marked_error_without_problem_or_context_says_invalid_yaml(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.MarkedYAMLError())
    assert error(root, ANY) == "expectations/r.yaml: YAML syntax error: invalid YAML"


def test_a_marked_error_with_only_a_context_shows_the_context(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.MarkedYAMLError(context="while scanning a thing"))
    assert error(root, ANY) == "expectations/r.yaml: YAML syntax error: while scanning a thing"


# --- reader errors the loader cannot place --------------------------------------------------


def reader_error(character: int | bytes) -> yaml.reader.ReaderError:
    return yaml.reader.ReaderError(
        "r.yaml", 0, character, "utf-8", "special characters are not allowed"
    )


def test_a_reader_error_with_a_byte_character_says_x0000_without_a_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, reader_error(b"\x81"))
    assert error(root, "articles: x\nquotes: []\n\n") == (
        "expectations/r.yaml: YAML error: unacceptable character #x0000:"
        " special characters are not allowed"
    )


def test_a_reader_error_for_a_character_not_in_the_text_has_no_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not the line of the end of the text, nor of any other: the character is not there.
    yaml_raises(monkeypatch, reader_error(0x85))
    assert error(root, "articles: x\nquotes: []\n\n") == (
        "expectations/r.yaml: YAML error: unacceptable character #x0085:"
        " special characters are not allowed"
    )


def test_a_real_control_character_is_placed_on_its_line(root: Path) -> None:
    # The same branch reached by PyYAML itself: the line is found in the text.
    message = error(root, "articles: ../corpus/a.txt\nquotes:\n  - speaker: A\x07\n")
    assert message.startswith("expectations/r.yaml:3: YAML error: unacceptable character #x0007")


# --- any other YAML error: its first line -----------------------------------------------------


def test_another_yaml_error_keeps_only_its_first_line(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.YAMLError("too deep to compose\n  in <string>, line 9"))
    assert error(root, ANY) == "expectations/r.yaml: YAML error: too deep to compose"


def test_another_yaml_error_without_text_says_invalid_yaml(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_raises(monkeypatch, yaml.YAMLError())
    assert error(root, ANY) == "expectations/r.yaml: YAML error: invalid YAML"


# --- filesystem problems before a text problem are reported first ---------------------------


def test_a_glob_that_matches_nothing_is_reported_before_a_later_problem(root: Path) -> None:
    source = "articles: ../corpus/missing-*.txt\nunverified: loud\nquotes: []\n"
    assert (
        error(root, source)
        == "expectations/r.yaml:1: glob '../corpus/missing-*.txt' matches no file"
    )


def test_a_missing_transcript_is_reported_before_a_later_source_problem(root: Path) -> None:
    source = (
        "articles: ../corpus/a.txt\nsources:\n"
        "  - path: ../transcripts/gone.txt\n"
        "  - venue: Senate hearing\n"
    )
    assert (
        error(root, source) == "expectations/r.yaml:3: source '../transcripts/gone.txt' not found"
    )
