"""bench/fuzz.py runs with no generated articles (``--count 0``): the shapes only."""

from __future__ import annotations

import sys

import pytest
from scripts import load_script


def test_count_zero_prints_the_shapes_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "path", [*sys.path])  # the script prepends the repository
    fuzz = load_script("bench/fuzz.py")
    # one small shape, measured in its own process as the script does
    monkeypatch.setattr(fuzz, "SHAPES", {"quote_said_pairs": fuzz.SHAPES["quote_said_pairs"]})
    monkeypatch.setattr(sys, "argv", ["fuzz.py", "--count", "0", "--shapes-mb", "0.002"])
    assert fuzz.main() == 0
    printed = capsys.readouterr().out
    assert "generated articles" not in printed
    assert "quote_said_pairs" in printed
    assert printed.splitlines()[-1].startswith("worst: ")
