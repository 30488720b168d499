"""bench/fuzz.py runs with no generated articles (``--count 0``): the shapes only."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "fuzz.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_count_zero_prints_the_shapes_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "path", [*sys.path])  # the script prepends the repository
    fuzz = _load()
    # one small shape, measured in its own process as the script does
    monkeypatch.setattr(fuzz, "SHAPES", {"quote_said_pairs": fuzz.SHAPES["quote_said_pairs"]})
    monkeypatch.setattr(sys, "argv", ["fuzz.py", "--count", "0", "--shapes-mb", "0.002"])
    assert fuzz.main() == 0
    printed = capsys.readouterr().out
    assert "generated articles" not in printed
    assert "quote_said_pairs" in printed
    assert printed.splitlines()[-1].startswith("worst: ")
