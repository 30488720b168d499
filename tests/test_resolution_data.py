"""The hand-resolved speaker data in bench/resolution/ is well formed.

Every file is checked for shape (format in bench/resolution/README.md): speakers
are keys of ``entities``, every entity has non-empty forms that include its
canonical name, quotes are in text order. When the PolNeAR train split is
present at ``../shared/data/polnear-train`` the offsets must also slice back to
the article text as the CLI reads it, and every form must occur in that text;
without the corpus those checks are skipped with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attribution.check.source import read_article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "resolution"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear-train" / "text"
FILES = sorted(DATA.glob("*.json"))
QUOTE_KEYS = {"start", "end", "text", "speaker", "why"}


def _load(path: Path) -> dict[str, Any]:
    obj: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return obj


def test_there_is_data() -> None:
    assert len(FILES) >= 1
    assert sum(len(_load(p)["quotes"]) for p in FILES) >= 1


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_shape(path: Path) -> None:
    obj = _load(path)
    assert set(obj) == {"article", "entities", "quotes"}
    assert obj["article"] == path.stem
    entities = obj["entities"]
    assert isinstance(entities, dict) and entities
    for name, forms in entities.items():
        assert isinstance(name, str) and name.strip() == name and name
        assert isinstance(forms, list) and forms, f"{name}: no forms"
        assert all(isinstance(f, str) and f.strip() == f and f for f in forms), name
        assert len(set(forms)) == len(forms), f"{name}: repeated form"
        assert name in forms, f"{name}: the canonical name is not one of its forms"
    quotes = obj["quotes"]
    assert isinstance(quotes, list) and quotes
    previous = (-1, -1)
    for q in quotes:
        assert set(q) == QUOTE_KEYS, q
        start, end = q["start"], q["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end
        assert isinstance(q["text"], str) and len(q["text"]) == end - start
        assert q["speaker"] is None or q["speaker"] in entities, q["speaker"]
        assert isinstance(q["why"], str) and q["why"].strip(), f"no reason for quote at {start}"
        assert (start, end) > previous, f"quote at {start} out of order or repeated"
        previous = (start, end)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_offsets_and_forms_match_the_article(path: Path) -> None:
    obj = _load(path)
    article = POLNEAR / f"{obj['article']}.txt"
    if not article.is_file():
        pytest.skip(f"PolNeAR train text not found at {POLNEAR}; offsets unchecked")
    text = read_article(str(article))
    for q in obj["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"], f"quote at {q['start']}"
    for name, forms in obj["entities"].items():
        for form in forms:
            assert form in text, f"{name}: form {form!r} not in the article"
