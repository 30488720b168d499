"""An ``articles:`` glob expanded by a walk that cannot hang, loop or leave the project.

``glob.glob(recursive=True)`` follows every link to a folder: a link to ``..`` under
the articles makes ``**`` walk the same folders again and again, exponentially, for
minutes. This walk visits each real folder once, follows a link to a folder only
when it stays inside the rootdir (one that leads out is an error, as a file out
there would be), counts what it visits, and otherwise matches as ``glob`` does:
``*``, ``?`` and ``[...]`` within one path component, ``**`` for any number of
folders, and no wildcard matches a name starting with a dot unless it starts with
one too.
"""

from __future__ import annotations

import fnmatch
import functools
import glob
import os
from pathlib import Path, PurePosixPath

#: A walk that visits more folders and files than this is refused in one line.
MAX_VISITED = 1_000_000


class GlobError(Exception):
    """Why a glob cannot be expanded, in one line for the record file's error."""


class OutsideRoot(GlobError):
    """A path that leads out of the rootdir, once its links and ``..`` are followed."""

    def __init__(self, real: Path) -> None:
        super().__init__(f"reaches outside the rootdir: {real}")
        self.real = real


def within(path: Path, *, root: Path) -> Path:
    """``path`` resolved, or OutsideRoot when that leaves ``root`` (resolved): the one test
    of whether a path a record file names reads outside the project, for the record file
    itself, its globs and their matches, and its transcript sources alike."""
    real = path.resolve()
    if not real.is_relative_to(root):
        raise OutsideRoot(real)
    return real


def expand(pattern: str, *, base: Path, root: Path, limit: int = MAX_VISITED) -> list[Path]:
    """The files ``pattern`` (relative to ``base``) matches, resolved, sorted, inside ``root``.

    GlobError when the folders it names before its first wildcard lie outside ``root``
    (whether or not they exist), or when a match or a link it would follow does.
    """
    root = root.resolve()
    parts = PurePosixPath(pattern.replace(os.sep, "/")).parts
    fixed = 0  # the folders named before the first wildcard: where the walk starts
    while fixed < len(parts) - 1 and not glob.has_magic(parts[fixed]):
        fixed += 1
    top = base.joinpath(*parts[:fixed])
    try:
        real_top = within(top, root=root)
    except OutsideRoot:
        raise GlobError("reaches outside the rootdir") from None
    if not glob.has_magic(pattern):  # a path, not a pattern: looked up, never walked for
        path = base / pattern
        return [within(path, root=root)] if path.is_file() else []
    wanted = parts[fixed:]
    if not top.is_dir():
        return []
    found: set[Path] = set()
    visited = {real_top}
    budget = [limit, limit]  # what is left, and the limit, for the message
    _walk(top, (), wanted, root=root, visited=visited, found=found, budget=budget)
    return sorted(found)


def _walk(
    folder: Path,
    here: tuple[str, ...],
    wanted: tuple[str, ...],
    *,
    root: Path,
    visited: set[Path],
    found: set[Path],
    budget: list[int],
) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # unreadable folders are skipped, as glob skips them
    for entry in entries:
        budget[0] -= 1
        if budget[0] < 0:
            raise GlobError(f"walks more than {budget[1]:,} files and folders")
        path = (*here, entry.name)
        try:
            is_dir = entry.is_dir()  # follows a link, as glob does
        except OSError:
            continue
        if is_dir:
            if not _may_descend(wanted, path):
                continue
            real = Path(entry.path).resolve()
            if entry.is_symlink() and not real.is_relative_to(root):
                link = os.path.normpath(entry.path)
                raise GlobError(f"follows the link {link} outside the rootdir")
            if real in visited:
                continue  # a link loop, or a folder reached twice: its files are found once
            visited.add(real)
            _walk(
                Path(entry.path),
                path,
                wanted,
                root=root,
                visited=visited,
                found=found,
                budget=budget,
            )
        elif _matches(wanted, path):
            try:
                if entry.is_file():
                    found.add(within(Path(entry.path), root=root))
            except OSError:
                continue


def _matches(wanted: tuple[str, ...], path: tuple[str, ...]) -> bool:
    """Whether the path components below the walk's top match the pattern's components."""
    return _match(wanted, path, 0, 0, partial=False)


def _may_descend(wanted: tuple[str, ...], path: tuple[str, ...]) -> bool:
    """Whether some file below the folder ``path`` could still match: prunes the walk."""
    return _match(wanted, path, 0, 0, partial=True)


@functools.lru_cache(maxsize=65536)
def _match(
    wanted: tuple[str, ...], path: tuple[str, ...], i: int, j: int, *, partial: bool
) -> bool:
    """``wanted[i:]`` against ``path[j:]``; ``partial``: ``path`` may be a prefix."""
    if j == len(path):
        return partial or i == len(wanted)
    if i == len(wanted):
        return False
    head = wanted[i]
    if head == "**" and i == len(wanted) - 1:
        # a final ** takes every component left, one at least, none of them hidden
        return not any(part.startswith(".") for part in path[j:])
    if head == "**":
        # ** takes no folder, or one more (never a hidden one)
        return _match(wanted, path, i + 1, j, partial=partial) or (
            not path[j].startswith(".") and _match(wanted, path, i, j + 1, partial=partial)
        )
    return _component(head, path[j]) and _match(wanted, path, i + 1, j + 1, partial=partial)


def _component(pattern: str, name: str) -> bool:
    if name.startswith(".") and not pattern.startswith("."):
        return False
    return fnmatch.fnmatchcase(name, pattern)
