"""``articles:`` globs: the same files as ``glob``, without its hangs and escapes."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import glob_patterns, tree_paths

from attribution.check.globs import GlobError, OutsideRoot, expand, within


def build(root: Path, paths: list[str]) -> None:
    """Files at ``paths`` (a path that is also a folder of another stays a folder)."""
    for path in sorted(paths, key=lambda p: -p.count("/")):
        target = root / path
        if target.exists():
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("text", encoding="utf-8")
        except (FileExistsError, NotADirectoryError):
            continue  # a file where this path needs a folder: the tree keeps the first


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(paths=tree_paths, pattern=glob_patterns)
def test_the_same_files_as_glob_without_links(
    tmp_path_factory: pytest.TempPathFactory, paths: list[str], pattern: str
) -> None:
    root = tmp_path_factory.mktemp("tree")
    build(root, paths)
    expected = sorted(  # glob gives a file twice for "**/**"; the records want it once
        {
            Path(m).resolve()
            for m in glob.glob(str(root / pattern), recursive=True)
            if os.path.isfile(m)  # not Path(m): it drops the slash of "x.txt/" that glob gives
        }
    )
    assert expand(pattern, base=root, root=root) == expected


@pytest.mark.parametrize(
    ("pattern", "found"),
    [
        ("**/*.txt", ["a.txt", "d/b.txt", "d/e/c.txt"]),  # ** takes no folder too
        ("*.txt", ["a.txt"]),
        ("d/**", ["d/b.txt", "d/e/c.txt", "d/e/f.md"]),
        ("d/*/*.md", ["d/e/f.md"]),
        ("**/*hidden.txt", []),  # a wildcard never matches a dot-name ...
        ("**/.hidden.txt", ["d/.hidden.txt"]),
        (".h/*.txt", [".h/g.txt"]),  # ... a name with the dot does
        ("d/e/c.txt", ["d/e/c.txt"]),
    ],
)
def test_glob_forms(tmp_path: Path, pattern: str, found: list[str]) -> None:
    build(tmp_path, ["a.txt", "d/b.txt", "d/e/c.txt", "d/e/f.md", ".h/g.txt", "d/.hidden.txt"])
    assert expand(pattern, base=tmp_path, root=tmp_path) == [tmp_path / f for f in found]


def test_a_link_loop_is_walked_once(tmp_path: Path) -> None:
    # two links back up the tree made glob walk for minutes (issue 9, hostile record files)
    build(tmp_path, ["articles/a.txt", "articles/deep/b.txt"])
    (tmp_path / "articles" / "up").symlink_to("..")
    (tmp_path / "articles" / "deep" / "again").symlink_to("../../articles")
    found = expand("articles/**/*.txt", base=tmp_path, root=tmp_path)
    assert found == [tmp_path / "articles/a.txt", tmp_path / "articles/deep/b.txt"]


def test_a_link_inside_the_root_is_followed(tmp_path: Path) -> None:
    build(tmp_path, ["stories/2024/a.txt"])
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "latest").symlink_to(tmp_path / "stories" / "2024")
    assert expand("articles/**/*.txt", base=tmp_path, root=tmp_path) == [
        tmp_path / "stories/2024/a.txt"
    ]


def test_a_link_out_of_the_root_is_an_error_not_a_walk(tmp_path: Path) -> None:
    root = tmp_path / "project"
    build(tmp_path, ["elsewhere/secret.txt", "project/articles/a.txt"])
    (root / "articles" / "out").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(GlobError, match=r"follows the link .*articles/out outside the rootdir"):
        expand("articles/**/*.txt", base=root, root=root)
    # a glob that could not match below the link never looks at it
    assert expand("articles/*.txt", base=root, root=root) == [root / "articles/a.txt"]


def test_a_walk_has_a_limit(tmp_path: Path) -> None:
    build(tmp_path, [f"articles/{n}.txt" for n in range(30)])
    assert len(expand("articles/*.txt", base=tmp_path, root=tmp_path, limit=30)) == 30
    with pytest.raises(GlobError, match="walks more than 29 files and folders"):
        expand("articles/*.txt", base=tmp_path, root=tmp_path, limit=29)


def test_a_missing_folder_matches_nothing(tmp_path: Path) -> None:
    assert expand("nowhere/**/*.txt", base=tmp_path, root=tmp_path) == []


def test_a_path_without_wildcards_is_looked_up_not_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one record file per article names its article by path: walking the folder for each
    # made collection grow with the square of the archive (issue 7, archive scale)
    build(tmp_path, ["corpus/a.txt", "corpus/b.txt"])

    def no_walk(path: object) -> None:
        raise AssertionError(f"walked {path}")

    monkeypatch.setattr("attribution.check.globs.os.scandir", no_walk)
    assert expand("corpus/b.txt", base=tmp_path, root=tmp_path) == [tmp_path / "corpus/b.txt"]
    assert expand("corpus/c.txt", base=tmp_path, root=tmp_path) == []
    assert expand("corpus", base=tmp_path, root=tmp_path) == []  # a folder is not an article


@pytest.mark.parametrize(
    "pattern",
    ["../elsewhere/*.txt", "../elsewhere/secret.txt", "../nowhere/*.txt", "../**/*.txt"],
    ids=["folder", "path", "missing-folder", "double-star"],
)
def test_a_glob_starting_outside_the_root_is_refused_before_any_walk(
    tmp_path: Path, pattern: str
) -> None:
    """expand() is the one home of the check: a literal path and a folder that does not
    exist are refused too, not reported as matching nothing."""
    root = tmp_path / "project"
    build(tmp_path, ["elsewhere/secret.txt", "project/articles/a.txt"])
    with pytest.raises(GlobError) as err:
        expand(pattern, base=root, root=root)
    assert str(err.value) == "reaches outside the rootdir"


@pytest.mark.parametrize("pattern", ["articles/*.txt", "articles/link.txt", "**/link.txt"])
def test_a_match_linked_out_of_the_root_is_refused(tmp_path: Path, pattern: str) -> None:
    root = tmp_path / "project"
    build(tmp_path, ["elsewhere/secret.txt", "project/articles/a.txt"])
    (root / "articles" / "link.txt").symlink_to(tmp_path / "elsewhere" / "secret.txt")
    with pytest.raises(OutsideRoot) as err:
        expand(pattern, base=root, root=root)
    assert err.value.real == tmp_path.resolve() / "elsewhere" / "secret.txt"
    assert str(err.value) == f"reaches outside the rootdir: {err.value.real}"


def test_within_resolves_inside_and_refuses_outside(tmp_path: Path) -> None:
    build(tmp_path, ["project/a.txt", "other.txt"])
    root = (tmp_path / "project").resolve()
    assert within(root / "sub" / ".." / "a.txt", root=root) == root / "a.txt"
    assert within(root, root=root) == root
    with pytest.raises(OutsideRoot):
        within(root / ".." / "other.txt", root=root)
    (root / "b.txt").symlink_to(tmp_path / "other.txt")
    with pytest.raises(OutsideRoot):
        within(root / "b.txt", root=root)
