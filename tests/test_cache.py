"""The parse cache: entries round-trip exactly, and a bad entry is never trusted."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from attribution.cache import ParseCache, parser_version
from attribution.model import Attribution
from attribution.pipeline import extract

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "corpus").glob("*.txt"))
TEXT = "“We will publish the whole plan next week,” Jane Doe said in Geneva on Monday.\n"


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> tuple[Attribution, ...]:
        self.calls += 1
        return extract(text)


def entry(cache: ParseCache, text: str) -> Path:
    return cache.folder / f"{hashlib.sha256(text.encode()).hexdigest()}.json"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_cached_parse_equals_a_fresh_one(tmp_path: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    parse = Counting()
    first = ParseCache(tmp_path).get(text, parse)
    again = ParseCache(tmp_path).get(text, parse)
    assert parse.calls == 1
    assert again == first == extract(text)


def _tamper(document: dict[str, object]) -> list[dict[str, object]]:
    rows = document["attributions"]
    assert isinstance(rows, list) and rows
    row = rows[0]
    variants = []
    for index, value in enumerate(row):
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
            bads: list[object] = [[0, 10_000], [5, 2], [-1, 3], ["0", 3], [True, 3], [1, 2, 3]]
            for bad in bads:
                changed = [list(r) for r in rows]
                changed[0][index] = bad
                variants.append({**document, "attributions": changed})
    for key, bad in (("parser", "other"), ("text", "0" * 64), ("format", 0)):
        variants.append({**document, key: bad})
    variants.append({**document, "attributions": [[*row, "extra"]]})
    variants.append({**document, "attributions": [[None] * len(row)]})
    variants.append({**document, "attributions": "x"})
    return variants


def test_a_tampered_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    parse = Counting()
    cache = ParseCache(tmp_path)
    fresh = cache.get(TEXT, parse)
    assert fresh and fresh[0].venue is not None
    path = entry(cache, TEXT)
    good = path.read_bytes()
    variants = _tamper(json.loads(good))
    assert len(variants) > 10
    for variant in variants:
        path.write_text(json.dumps(variant), encoding="utf-8")
        before = parse.calls
        assert ParseCache(tmp_path).get(TEXT, parse) == fresh
        assert parse.calls == before + 1, variant
        assert path.read_bytes() == good
    for raw in (b"", b"\xff\xfe", b"[" * 100_000, b"null", b'{"format": 1}'):
        path.write_bytes(raw)
        assert ParseCache(tmp_path).get(TEXT, parse) == fresh
        assert path.read_bytes() == good


def test_entries_are_deterministic_and_other_parser_versions_go(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    stale = one / "parse-0123456789abcdef0123"
    stale.mkdir(parents=True)
    (stale / "x.json").write_text("{}", encoding="utf-8")
    ParseCache(one).get(TEXT, extract)
    assert not stale.exists()
    assert [p.name for p in one.iterdir()] == [f"parse-{parser_version()}"]
    ParseCache(two).get(TEXT, extract)
    assert entry(ParseCache(two), TEXT).read_bytes() == entry(ParseCache(one), TEXT).read_bytes()


def test_an_unwritable_folder_means_no_cache_not_a_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = ParseCache(blocker)
    assert cache.get(TEXT, extract) == extract(TEXT)
    assert cache.parsed == 1
