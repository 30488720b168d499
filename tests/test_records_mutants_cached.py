"""Every test of tests/test_records_mutants.py again, each load compared with a load through the
record cache, storing and then served (tests/records_through_a_cache.py)."""

from __future__ import annotations

from pathlib import Path

import test_records_mutants as plain
from records_through_a_cache import through_a_cache
from test_records_mutants import *  # noqa: F403 - the tests themselves, collected again here

_through_a_cache = through_a_cache(plain)


def test_the_plain_tests_are_here_and_go_through_the_cache() -> None:
    assert sum(name.startswith("test_") for name in globals()) > 10
    assert vars(plain)["load"].__name__ == "load_compared"
    assert Path(plain.__file__).name == "test_records_mutants.py"
