"""Golden cases as data: transcripts read into turns, articles grouped by consensus.

The cases and their format: tests/golden_transcripts/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attribution.check.consensus import Article, build
from attribution.check.records import RecordFile, Source
from attribution.check.transcripts import read
from attribution.errors import ExpectationError
from attribution.parse.pipeline import extract

HERE = Path(__file__).resolve().parent / "golden_transcripts"
TRANSCRIPTS: list[dict[str, Any]] = json.loads((HERE / "transcripts.json").read_text("utf-8"))
CONSENSUS: list[dict[str, Any]] = json.loads((HERE / "consensus.json").read_text("utf-8"))


@pytest.mark.parametrize("case", TRANSCRIPTS, ids=[c["name"] for c in TRANSCRIPTS])
def test_transcript_case(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / case["file"]
    path.write_text("\n".join(case["transcript"]) + "\n", encoding="utf-8")
    source = Source(
        path=path,
        shown=case["file"],
        venue=None,
        date=None,
        speakers=tuple(case.get("speakers", {}).items()),
        unlisted=case.get("unlisted", "error"),
        line=1,
    )
    record_file = RecordFile(
        path=tmp_path / "r.yaml", articles=(), unverified="warn", speakers=(), records=()
    )
    if "error" in case:
        with pytest.raises(ExpectationError) as raised:
            read(source, record_file=record_file, shown_record="r.yaml")
        assert raised.value.path == case["file"]
        assert raised.value.line == case["line"]
        assert case["error"] in raised.value.message
        assert "\n" not in str(raised.value)
        return
    turns = read(source, record_file=record_file, shown_record="r.yaml").turns
    assert len(turns) == len(case["turns"]), [t.text for t in turns]
    for turn, want in zip(turns, case["turns"], strict=True):
        assert turn.speaker == want["speaker"]
        assert turn.text.startswith(want["starts"]), turn.text
        assert turn.quotable == want.get("quotable", True)
        if "label" in want:
            assert turn.label == want["label"]
        if "line" in want:
            assert turn.words[0].line == want["line"]
        if "at" in want:
            assert turn.words[0].at == want["at"]
        if "contains" in want:
            assert want["contains"] in " ".join(turn.text.split())
        if "text" in want:
            assert turn.text == want["text"]


@pytest.mark.parametrize("case", CONSENSUS, ids=[c["name"] for c in CONSENSUS])
def test_consensus_case(case: dict[str, Any]) -> None:
    articles = []
    for name, lines in case["articles"].items():
        text = "\n".join(lines) + "\n"
        articles.append(Article(path=name, text=text, attributions=extract(text)))
    groups = build(articles)
    got = [(g.speaker, g.verdict, list(g.articles), list(g.outliers)) for g in groups]
    want = [(w["speaker"], w["verdict"], w["articles"], w["outliers"]) for w in case["groups"]]
    assert got == want
    for group, expected in zip(groups, case["groups"], strict=True):
        if "consensus" in expected:
            assert group.consensus.text == expected["consensus"]
        if "statuses" in expected:
            assert {v.article: v.status for v in group.variants} == expected["statuses"]
