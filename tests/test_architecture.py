"""The package's shape: imports flow one way, and each outside library has one home.

parse <- check <- report <- the runner, the CLI and the plugin: a stage never reaches
up to the code that uses it, so the parser can be used (and tested) alone and a new
output format cannot change a verdict. Read from the source with ``ast``, so a lazy
import inside a function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "attribution"
#: Lower layers never import higher ones. ``errors`` is below everything.
LAYERS = {"errors": 0, "parse": 1, "check": 2, "report": 3}
TOP = 4  # runner, cli, plugin, cache, baseline, changed, hookspecs, __init__, __main__


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def layer(dotted: str) -> int:
    """The layer of ``attribution.X[.Y]``."""
    parts = dotted.split(".")
    if len(parts) > 1 and parts[1] == "__version__":
        return 0  # the package's version string, set before anything is imported
    return LAYERS.get(parts[1], TOP) if len(parts) > 1 else TOP


def dotted_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of the package or an outside library in ``path``."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module == "attribution":  # from attribution import runner
                out.extend((node.lineno, f"attribution.{a.name}") for a in node.names)
            else:
                out.extend((node.lineno, f"{node.module}.{a.name}") for a in node.names)
    return out


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path) -> None:
    me = dotted_name(path)
    upward = [
        f"line {line}: {name}"
        for line, name in imports(path)
        if name.startswith("attribution.") and layer(name) > layer(me)
    ]
    assert not upward, f"{me} imports a higher layer: {upward}"


@pytest.mark.parametrize(
    ("library", "home"),
    [("yaml", "attribution.check.records"), ("pytest", "attribution.plugin")],
)
def test_each_outside_library_has_one_home(library: str, home: str) -> None:
    users = {
        dotted_name(path)
        for path in modules()
        for _, name in imports(path)
        if name == library or name.startswith(f"{library}.")
    }
    assert users == {home}


def test_the_layer_test_sees_an_upward_import(tmp_path: Path) -> None:
    """The walk itself: a parse module importing the runner is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from attribution import runner\n", encoding="utf-8")
    assert imports(bad) == [(2, "attribution.runner")]
    assert layer("attribution.runner") > layer("attribution.parse.cues")
    assert layer("attribution.check.verdicts") > layer("attribution.parse.cues")
    assert layer("attribution.report.sarif") > layer("attribution.check.findings")
