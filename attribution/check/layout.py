"""Where record files are, decided one way for the plugin and for ``attribution check``.

A YAML file is a record file when its path relative to the rootdir matches one of
the ``attribution_expectations`` globs of the pytest ini, or, without globs, when it
lies in a folder named ``expectations``; a file named on the command line always is.
``attribution check`` finds the rootdir and the ini the way pytest does (the first
``pytest.ini``, ``.pytest.ini``, ``pyproject.toml`` with ``[tool.pytest.ini_options]``,
``tox.ini`` with ``[pytest]`` or ``setup.cfg`` with ``[tool:pytest]`` from the paths'
common folder upwards), so ``attribution check .`` at the top of a repository never
reads ``.github/workflows/ci.yml``.

No pytest and no yaml here: the plugin passes pytest's own rootdir and ini values in.
"""

from __future__ import annotations

import configparser
import fnmatch
import functools
import os
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from attribution.errors import AttributionError

YAML_SUFFIXES = (".yaml", ".yml")
FOLDER = "expectations"
INI_GLOBS = "attribution_expectations"
#: pytest's default ``norecursedirs``: folders never searched for record files.
SKIPPED = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Layout:
    """The rootdir, the record globs (empty: ``expectations`` folders) and the cache folder."""

    root: Path
    globs: tuple[str, ...] = ()
    cache_dir: Path | None = None

    def is_record(self, path: Path) -> bool:
        """Whether ``path`` (a YAML file below the root) is a record file by the layout."""
        if path.suffix not in YAML_SUFFIXES:
            return False
        posix = relative(path, self.root)
        if posix is None:
            return False
        if self.globs:
            return any(fnmatch.fnmatch(posix, g) for g in self.globs)
        return FOLDER in posix.split("/")[:-1]

    def find(self, folder: Path, *, named: bool = False) -> Iterator[Path]:
        """Record files below ``folder`` in a stable order, skipping what pytest skips.

        Without ini globs, a folder ``named`` on the command line also gives the YAML
        files in it that declare ``articles:`` at their top level, wherever they sit: a
        folder of record files handed over on purpose ("attribution check records/"),
        while a workflow or a pre-commit file under ``attribution check .`` is still
        left alone. Globs in the ini say exactly which files are records.
        """
        sniff = named and not self.globs
        for top, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not _skipped(Path(top) / d))
            for name in sorted(files):
                if not name.endswith(YAML_SUFFIXES):  # an archive's articles: no stat each
                    continue
                path = Path(top) / name
                if not path.is_file():
                    continue
                if self.is_record(path) or (sniff and declares_articles(path)):
                    yield path


def shown(path: Path, root: Path) -> str:
    """A path as reports show it: relative to the root, with forward slashes."""
    return relative(path, _resolved(root)) or path.as_posix()


@functools.lru_cache(maxsize=16)
def _resolved(root: Path) -> Path:
    """``root.resolve()``, once per root: a call costs a system call per component, and
    ``shown`` runs for every article and finding of a run."""
    return root.resolve()


def relative(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` (resolved), with forward slashes; None when outside.

    An absolute path without ``..`` is taken as it is spelled when it lies under the
    root (resolving every path costs a system call a component, thousands a run).
    """
    if path.is_absolute() and ".." not in path.parts:
        spelled, top = str(path), str(root)
        if spelled.startswith(top.rstrip(os.sep) + os.sep):  # strings: no Path objects made
            return PurePath(spelled[len(top.rstrip(os.sep)) + 1 :]).as_posix()
        if spelled == top:
            return "."
    resolved = path.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else None


# A record file's own key at the start of a line: "articles:" (the only key every record
# file has but a consensus one may leave out; a workflow or a config file never has it).
DECLARES_ARTICLES = re.compile(r"^articles[ \t]*:", re.MULTILINE)
#: How much of a YAML file is read to see whether it declares articles.
SNIFF_BYTES = 65536


def declares_articles(path: Path) -> bool:
    """Whether a YAML file declares ``articles:`` at its top level (read from its start)."""
    if path.suffix not in YAML_SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES).decode("utf-8", "replace")
    except OSError:
        return False
    return DECLARES_ARTICLES.search(head) is not None


def _skipped(folder: Path) -> bool:
    if any(fnmatch.fnmatch(folder.name, pattern) for pattern in SKIPPED):
        return True
    if folder.name == "__pycache__":
        return True
    return (folder / "pyvenv.cfg").is_file() or (folder / "conda-meta" / "history").is_file()


def find_layout(paths: Sequence[Path], *, root: Path | None = None) -> Layout:
    """The layout ``attribution check PATH...`` works in, as pytest would see it.

    ``root`` (``--root``) overrides the rootdir; the ini is looked for from the
    paths' common folder upwards, and the rootdir is its folder, else the current
    folder.
    """
    here = Path.cwd().resolve()
    folders = [(p if p.is_dir() else p.parent).resolve() for p in paths] or [here]
    start = Path(os.path.commonpath(folders))
    found = _find_ini(start)
    base = found[0] if found else here
    values = found[1] if found else {}
    top = (root.resolve() if root is not None else base).resolve()
    globs = tuple(_lines(values.get(INI_GLOBS)))
    cache = values.get("cache_dir")
    cache_dir = base / (cache if isinstance(cache, str) and cache else ".pytest_cache")
    return Layout(root=top, globs=globs, cache_dir=cache_dir)


def _find_ini(start: Path) -> tuple[Path, dict[str, object]] | None:
    for folder in (start, *start.parents):
        for name in ("pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"):
            path = folder / name
            if not path.is_file():
                continue
            values = _read_ini(path)
            if values is not None:
                return folder, values
    return None


def _read_ini(path: Path) -> dict[str, object] | None:
    """The pytest settings in ``path``, or None when it holds none (as pytest decides)."""
    try:
        if path.suffix == ".toml":
            with path.open("rb") as handle:
                document = tomllib.load(handle)
            tool = document.get("tool", {})
            section = tool.get("pytest", {}).get("ini_options") if isinstance(tool, dict) else None
            return dict(section) if isinstance(section, dict) else None
        parser = configparser.ConfigParser(interpolation=None)
        parser.read(path, encoding="utf-8")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, configparser.Error) as err:
        raise AttributionError(f"{path}: cannot read the pytest settings: {err}") from None
    name = {"setup.cfg": "tool:pytest"}.get(path.name, "pytest")
    if not parser.has_section(name):
        return {} if path.name == "pytest.ini" else None  # pytest.ini counts even when empty
    return dict(parser.items(name))


def _lines(value: object) -> list[str]:
    """An ini ``linelist``: one glob a line (or a TOML list)."""
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return []
