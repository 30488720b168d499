"""A ``load`` that checks the record cache against a plain load, for the records tests.

``tests/test_records_cached*.py`` run every test of the records modules again with the
module's ``load`` replaced by this one: each load is done plainly, then through a fresh
cache (which stores the draft) and then from that cache, and all three must give the
same record file or the same error. The plain result is what the test sees.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import pytest

from attribution.cache import Cache
from attribution.check.records import RecordFile, load

Outcome = tuple[str, object]


def _outcome(call: Callable[[], RecordFile]) -> Outcome:
    try:
        return ("loaded", call())
    except Exception as err:  # every error, whatever its type, must be the same
        return (type(err).__name__, str(err))


def checked_load(folder: Path) -> Callable[..., RecordFile]:
    def load_compared(path: Path, *, root: Path) -> RecordFile:
        plain = _outcome(lambda: load(path, root=root))
        for attempt in ("storing", "from the cache"):
            cache = Cache(folder)
            cached = _outcome(functools.partial(load, path, root=root, drafts=cache.draft))
            assert cached == plain, attempt
            if attempt == "from the cache":
                assert cache.drafted == 0  # a text read once is served the second time
        return load(path, root=root)

    return load_compared


def patch(module: object, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(module, "load", checked_load(folder))


def through_a_cache(module: object) -> Callable[..., None]:
    """An autouse fixture that sends every load of ``module``'s tests through a cache."""

    @pytest.fixture(autouse=True)
    def _through_a_cache(
        monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
    ) -> None:
        patch(module, monkeypatch, tmp_path_factory.mktemp("cache"))

    return _through_a_cache
