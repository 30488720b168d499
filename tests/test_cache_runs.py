"""What the caches keep across runs goes stale exactly when what it depends on changes.

Record files: the draft of a text (``Cache.draft``) is served only for the same text
and parser version; globs and transcript paths are looked up at every load. Findings:
keyed by the article's text, its path, the covering records and the parser version;
levels and cleared paragraphs are applied afterwards, so a settings edit shows at once.
``--no-cache`` (``check``) and ``-p no:cacheprovider`` (pytest) bypass both: a planted
entry that a cached run serves is not seen by them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from attribution.cache import Cache, parser_version, version_of
from attribution.check.records import load
from attribution.errors import ExpectationError
from attribution.runner import main

ARTICLE = "“We will publish the whole plan next week,” Jane Doe said in Geneva on Monday.\n"
RECORDS = """\
articles: ../corpus/*.txt
quotes:
  - id: plan
    speaker: Jane Doe
    text: We will publish the full plan next week.
"""


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "expectations").mkdir()
    (tmp_path / "expectations" / "r.yaml").write_text(RECORDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *options: str) -> list[tuple[str, str]]:
    """``attribution check --format json expectations``: (kind, record) of each finding."""
    main(["--format", "json", "--exit-zero", *options, "expectations"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return [(f["kind"], f["record"]) for f in json.loads(out)["findings"]]


def folder(newsroom: Path) -> Path:
    return newsroom / ".pytest_cache" / "d" / "attribution"


# --- record files ---------------------------------------------------------------------


def test_an_edited_record_file_is_validated_again(newsroom: Path) -> None:
    path = newsroom / "expectations" / "r.yaml"
    cache = Cache(folder(newsroom))
    first = load(path, root=newsroom, drafts=cache.draft)
    assert cache.drafted == 1
    again = Cache(folder(newsroom))
    assert load(path, root=newsroom, drafts=again.draft) == first
    assert again.drafted == 0
    path.write_text(RECORDS.replace("full plan", "entire plan"), encoding="utf-8")
    edited = Cache(folder(newsroom))
    assert (
        load(path, root=newsroom, drafts=edited.draft)
        .records[0]
        .text.startswith("We will publish the entire plan")
    )
    assert edited.drafted == 1
    path.write_text(RECORDS.replace("speaker: Jane Doe", "speaker: [Jane]"), encoding="utf-8")
    broken = Cache(folder(newsroom))
    with pytest.raises(ExpectationError, match=r"r.yaml:4: 'speaker' must be text"):
        load(path, root=newsroom, drafts=broken.draft)
    with pytest.raises(ExpectationError, match=r"r.yaml:4: 'speaker' must be text"):
        load(path, root=newsroom, drafts=Cache(folder(newsroom)).draft)  # the error, cached


def test_globs_and_sources_are_looked_up_at_every_load(newsroom: Path) -> None:
    path = newsroom / "expectations" / "r.yaml"
    load(path, root=newsroom, drafts=Cache(folder(newsroom)).draft)
    (newsroom / "corpus" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    cache = Cache(folder(newsroom))
    loaded = load(path, root=newsroom, drafts=cache.draft)
    assert [a.name for a in loaded.articles] == ["a.txt", "b.txt"]
    assert cache.drafted == 0
    for article in (newsroom / "corpus").iterdir():
        article.unlink()
    with pytest.raises(ExpectationError, match=r"r.yaml:1: glob '../corpus/\*.txt' matches no"):
        load(path, root=newsroom, drafts=Cache(folder(newsroom)).draft)
    (newsroom / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    sources = RECORDS + "sources:\n  - path: ../talk.txt\n    speakers: {J: Jane Doe}\n"
    path.write_text(sources, encoding="utf-8")
    with pytest.raises(ExpectationError, match=r"r.yaml:7: source '../talk.txt' not found"):
        load(path, root=newsroom, drafts=Cache(folder(newsroom)).draft)
    (newsroom / "talk.txt").write_text("J: We will publish it.\n", encoding="utf-8")
    cache = Cache(folder(newsroom))
    assert load(path, root=newsroom, drafts=cache.draft).sources[0].shown == "talk.txt"
    assert cache.drafted == 0  # the same text: its draft, errors aside, was kept


def test_the_version_covers_every_subpackage_and_word_list(tmp_path: Path) -> None:
    package = tmp_path / "attribution"
    shutil.copytree(Path(version_of.__code__.co_filename).parent, package)
    seen = {version_of(package)}
    for changed in ("cache.py", "parse/quotes.py", "check/records.py", "data/titles.txt"):
        with (package / changed).open("a", encoding="utf-8") as out:
            out.write("\n")
        seen.add(version_of(package))
    assert len(seen) == 5
    assert parser_version() == version_of(Path(version_of.__code__.co_filename).parent)


# --- whole runs: a planted entry shows what is served, and what bypasses it -------------


def plant(newsroom: Path, prefix: str, old: str, new: str) -> None:
    """Rewrite every entry of ``prefix`` in the cache, replacing ``old`` by ``new``."""
    entries = (folder(newsroom) / f"v-{parser_version()}").glob(f"{prefix}-*.json")
    texts = {entry: entry.read_text(encoding="utf-8") for entry in entries}
    assert any(old in text for text in texts.values())
    for entry, text in texts.items():
        entry.write_text(text.replace(old, new), encoding="utf-8")


def test_check_serves_record_drafts_and_no_cache_bypasses_them(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys) == [("misquote", "plan")]
    plant(newsroom, "records", '"plan"', '"planted"')
    plant(newsroom, "check", '"plan"', '"planted"')
    assert check(capsys) == [("misquote", "planted")]  # served: the text did not change
    assert check(capsys, "--no-cache") == [("misquote", "plan")]
    records = newsroom / "expectations" / "r.yaml"
    records.write_text(RECORDS.replace("id: plan", "id: plan2"), encoding="utf-8")
    assert check(capsys) == [("misquote", "plan2")]


def test_findings_go_stale_with_the_article_the_records_and_the_version(
    newsroom: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert check(capsys) == [("misquote", "plan")]
    plant(newsroom, "check", '"misquote"', '"possible-misquote"')
    assert check(capsys) == [("possible-misquote", "plan")]  # served: nothing changed
    article = newsroom / "corpus" / "a.txt"
    article.write_text(ARTICLE + "\nMore.\n", encoding="utf-8")
    assert check(capsys) == [("misquote", "plan")]
    plant(newsroom, "check", '"misquote"', '"possible-misquote"')
    records = newsroom / "expectations" / "r.yaml"
    records.write_text(RECORDS + "  - speaker: Jane Doe\n    text: Something else.\n", "utf-8")
    assert check(capsys) == [("misquote", "plan")]
    plant(newsroom, "check", '"misquote"', '"possible-misquote"')
    monkeypatch.setattr("attribution.cache.parser_version", lambda: "0" * 20)
    assert check(capsys) == [("misquote", "plan")]


def test_levels_apply_to_cached_findings(
    newsroom: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(capsys) == [("misquote", "plan")]
    (newsroom / "pyproject.toml").write_text(
        '[tool.attribution.levels]\nmisquote = "ignore"\n', encoding="utf-8"
    )
    assert check(capsys) == []
    (newsroom / "pyproject.toml").unlink()
    assert check(capsys) == [("misquote", "plan")]


def test_the_plugin_serves_record_drafts_and_no_cacheprovider_bypasses_them(
    pytester: pytest.Pytester,
) -> None:
    newsroom = pytester.path
    pytester.makeini("[pytest]\n")
    (newsroom / "corpus").mkdir()
    (newsroom / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (newsroom / "expectations").mkdir()
    (newsroom / "expectations" / "r.yaml").write_text(RECORDS, encoding="utf-8")

    def records(*options: str) -> list[str]:
        pytester.runpytest("expectations", "--attribution-report=r.json", *options)
        report = json.loads((newsroom / "r.json").read_text(encoding="utf-8"))
        return [f["record"] for f in report["findings"]]

    assert records() == ["plan"]
    plant(newsroom, "records", '"plan"', '"planted"')
    plant(newsroom, "check", '"plan"', '"planted"')
    assert records() == ["planted"]
    assert records("-p", "no:cacheprovider") == ["plan"]
