"""The parse cache: entries round-trip exactly, and a bad entry is never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from attribution.cache import Cache, digest, parser_version
from attribution.parse.model import Attribution
from attribution.parse.pipeline import extract

REPO = Path(__file__).resolve().parent.parent
CORPUS = sorted((REPO / "corpus").glob("*.txt"))
TEXT = "“We will publish the whole plan next week,” Jane Doe said in Geneva on Monday.\n"


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> tuple[Attribution, ...]:
        self.calls += 1
        return extract(text)


def entry(cache: Cache, text: str) -> Path:
    return cache.folder / f"parse-{digest(text)}.json"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_cached_parse_equals_a_fresh_one(tmp_path: Path, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    parse = Counting()
    first = Cache(tmp_path).parse(text, parse)
    again = Cache(tmp_path).parse(text, parse)
    assert parse.calls == 1
    assert again == first == extract(text)


def _tamper(document: dict[str, object]) -> list[dict[str, object]]:
    rows = document["rows"]
    assert isinstance(rows, list) and rows
    row = rows[0]
    variants = []
    for index, value in enumerate(row):
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
            bads: list[object] = [[0, 10_000], [5, 2], [-1, 3], ["0", 3], [True, 3], [1, 2, 3]]
            for bad in bads:
                changed = [list(r) for r in rows]
                changed[0][index] = bad
                variants.append({**document, "rows": changed})
    for key, bad in (("parser", "other"), ("key", "0" * 64), ("format", 0)):
        variants.append({**document, key: bad})
    variants.append({**document, "rows": [[*row, "extra"]]})
    variants.append({**document, "rows": [[None] * len(row)]})
    variants.append({**document, "rows": "x"})
    return variants


def test_a_tampered_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    parse = Counting()
    cache = Cache(tmp_path)
    fresh = cache.parse(TEXT, parse)
    assert fresh and fresh[0].venue is not None
    path = entry(cache, TEXT)
    good = path.read_bytes()
    variants = _tamper(json.loads(good))
    assert len(variants) > 10
    for variant in variants:
        path.write_text(json.dumps(variant), encoding="utf-8")
        before = parse.calls
        assert Cache(tmp_path).parse(TEXT, parse) == fresh
        assert parse.calls == before + 1, variant
        assert path.read_bytes() == good
    for raw in (b"", b"\xff\xfe", b"[" * 100_000, b"null", b'{"format": 1}'):
        path.write_bytes(raw)
        assert Cache(tmp_path).parse(TEXT, parse) == fresh
        assert path.read_bytes() == good


def test_entries_are_deterministic_and_other_parser_versions_go(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    stale = one / "v-0123456789abcdef0123"
    stale.mkdir(parents=True)
    (stale / "x.json").write_text("{}", encoding="utf-8")
    Cache(one).parse(TEXT, extract)
    assert not stale.exists()
    assert [p.name for p in one.iterdir()] == [f"v-{parser_version()}"]
    Cache(two).parse(TEXT, extract)
    assert entry(Cache(two), TEXT).read_bytes() == entry(Cache(one), TEXT).read_bytes()


def test_an_unwritable_folder_means_no_cache_not_a_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = Cache(blocker)
    assert cache.parse(TEXT, extract) == extract(TEXT)
    assert cache.parsed == 1


def test_findings_round_trip_and_a_bad_entry_is_computed_again(tmp_path: Path) -> None:
    from attribution.check.findings import DiffOp, Finding

    finding = Finding(
        kind="misquote",
        article="corpus/a.txt",
        record="doe-plan",
        speaker="Jane Doe",
        quote="the whole plan",
        expected="the full plan",
        line=1,
        column=2,
        record_file="expectations/r.yaml",
        record_line=7,
        diff=(
            DiffOp(tag="equal", record=("the",), article=("the",)),
            DiffOp(tag="replace", record=("full",), article=("whole",)),
        ),
        level="warn",
        candidates=("John Roe",),
    )
    calls: list[int] = []

    def compute() -> tuple[Finding, ...]:
        calls.append(1)
        return (finding,)

    key = digest(TEXT, "corpus/a.txt", "records")
    assert Cache(tmp_path).check(key, TEXT, compute) == (finding,)
    assert Cache(tmp_path).check(key, TEXT, compute) == (finding,)
    assert len(calls) == 1
    path = Cache(tmp_path).folder / f"check-{key}.json"
    good = path.read_text(encoding="utf-8")
    for bad in ('"misquote"', '"warn"', '"replace"'):
        path.write_text(good.replace(bad, '"nonsense"', 1), encoding="utf-8")
        assert Cache(tmp_path).check(key, TEXT, compute) == (finding,)
        assert path.read_text(encoding="utf-8") == good
    assert len(calls) == 4


def test_consensus_findings_round_trip_and_house_kinds_are_never_served(tmp_path: Path) -> None:
    import dataclasses

    from attribution.check.findings import Finding

    disputed = Finding(
        kind="disputed",
        article="corpus/a.txt",
        record="doe-we-will",
        speaker="Jane Doe",
        quote="the whole plan",
        expected="the full plan",
        line=1,
        column=2,
        level="warn",
        outlets=("corpus/a.txt:1:2 (departs) the whole plan", "corpus/b.txt:1:2 (agrees) x"),
    )
    house = dataclasses.replace(disputed, kind="long-quote-unnamed", message="names no one")
    for finding, computed in ((disputed, 1), (house, 2)):
        calls: list[int] = []

        def compute(finding: Finding = finding, calls: list[int] = calls) -> tuple[Finding, ...]:
            calls.append(1)
            return (finding,)

        key = digest(TEXT, finding.kind)
        assert Cache(tmp_path).check(key, TEXT, compute) == (finding,)
        assert Cache(tmp_path).check(key, TEXT, compute) == (finding,)
        # a kind of a house rule's own is not the cache's to vouch for: computed each time
        assert len(calls) == computed
