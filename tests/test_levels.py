"""Levels per kind and path from pyproject.toml, and paragraphs an editor cleared."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution.check.findings import Finding
from attribution.check.levels import Levels, cleared_lines, load, parse, suppress
from attribution.errors import InputError
from attribution.report.text import describe


def finding(kind: str, article: str = "news/a.txt", line: int | None = 3) -> Finding:
    return Finding(
        kind=kind,
        article=article,
        record="r",
        speaker="Jane Roe",
        quote="We will win",
        expected="We will win.",
        line=line,
        column=1,
        level="fail",
    )


def test_levels_per_kind_and_per_path_the_later_entry_winning() -> None:
    levels = parse(
        {
            "levels": {"possible-misquote": "fail", "unverified-quote": "ignore"},
            "paths": [
                {"glob": "wire/**", "levels": {"misquote": "warn"}},
                {"glob": "wire/urgent/*", "levels": {"misquote": "fail"}},
            ],
        },
        where="pyproject.toml",
    )
    assert levels.level("possible-misquote", "news/a.txt") == "fail"
    assert levels.level("misquote", "news/a.txt") is None
    assert levels.level("misquote", "wire/b.txt") == "warn"
    assert levels.level("misquote", "wire/urgent/c.txt") == "fail"
    kept = levels.apply(
        [finding("unverified-quote"), finding("misquote", "wire/b.txt"), finding("misquote")]
    )
    assert [(f.kind, f.article, f.level) for f in kept] == [
        ("misquote", "wire/b.txt", "warn"),
        ("misquote", "news/a.txt", "fail"),
    ]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"level": {}}, "unknown key 'level'"),
        ({"levels": {"misquotes": "warn"}}, "unknown kind 'misquotes'"),
        ({"levels": {"misquote": "error"}}, "'error' is not fail, warn or ignore"),
        ({"levels": ["misquote"]}, "levels must be a table"),
        ({"paths": [{"levels": {}}]}, "paths[0] needs a 'glob' string"),
        ({"paths": [{"glob": "a/*", "level": {}}]}, "paths[0] has unknown key 'level'"),
    ],
)
def test_a_bad_table_is_a_one_line_error_naming_the_key(table: object, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse(table, where="pyproject.toml")
    assert message in str(err.value)
    assert "\n" not in str(err.value)
    assert "pyproject.toml" in str(err.value)


def test_load_reads_pyproject_and_nothing_when_absent(tmp_path: Path) -> None:
    assert load(tmp_path / "pyproject.toml") == Levels()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.attribution.levels]\n"possible-misquote" = "fail"\n', encoding="utf-8"
    )
    assert load(tmp_path / "pyproject.toml").level("possible-misquote", "a.txt") == "fail"
    (tmp_path / "pyproject.toml").write_text("[tool.attribution\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load(tmp_path / "pyproject.toml")


TEXT = (
    "Headline\n"  # 1
    "\n"
    "The mayor spoke. <!-- attribution: ignore --> She said it was fine.\n"  # 3
    "Still the same paragraph.\n"  # 4
    "\n"
    "<!-- attribution: ignore -->\n"  # 6
    "\n"
    "The next paragraph is cleared.\n"  # 8
    "\n"
    "This one is not.\n"  # 10
)


def test_the_comment_clears_its_own_paragraph_or_standing_alone_the_next() -> None:
    assert cleared_lines(TEXT) == {3, 4, 8}
    assert cleared_lines("No comment here.\n") == frozenset()


def test_cleared_findings_are_kept_marked_and_never_fail() -> None:
    found = suppress(
        [finding("misquote", line=4), finding("misquote", line=10)], cleared_lines(TEXT)
    )
    assert [(f.line, f.level, f.suppressed) for f in found] == [
        (4, "warn", True),
        (10, "fail", False),
    ]
    # a repository level cannot make a cleared paragraph fail again
    levels = parse({"levels": {"misquote": "fail"}}, where="pyproject.toml")
    assert [f.level for f in levels.apply(found)] == ["warn", "fail"]


def test_check_applies_pyproject_levels_and_cleared_paragraphs(tmp_path: Path) -> None:
    from attribution import runner as check

    (tmp_path / "corpus").mkdir()
    (tmp_path / "expectations").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(
        'Jane Roe spoke.\n\n"We will lose this election in the autumn," Jane Roe said.\n\n'
        '<!-- attribution: ignore -->\n\n"We will never give in to the voters," Jane Roe said.\n',
        encoding="utf-8",
    )
    (tmp_path / "expectations" / "r.yaml").write_text(
        "articles: [../corpus/a.txt]\nquotes:\n"
        "  - id: win\n    speaker: Jane Roe\n    text: We will win this election in the autumn.\n"
        "  - id: never\n    speaker: Jane Roe\n    text: We will never give up on the voters.\n",
        encoding="utf-8",
    )
    found = check.run([tmp_path / "expectations"], root=tmp_path).findings
    assert [(f.line, f.level, f.suppressed) for f in found] == [
        (3, "fail", False),
        (7, "warn", True),
    ]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.attribution.levels]\nmisquote = "warn"\n', encoding="utf-8"
    )
    found = check.run([tmp_path / "expectations"], root=tmp_path).findings
    assert [f.level for f in found] == ["warn", "warn"]
    assert "cleared: an editor's" in describe(found[1])
