"""Accepted findings: the baseline file both the plugin and ``attribution check`` read.

``{"accepted": [{"article", "kind", "record", "speaker", "quote", "record_file", "item"},
...]}``. An entry is identified by article, kind, record id, credited speaker and the
quote's words (whitespace folded); line and column are not part of it, so edits
elsewhere in the article keep it accepted. Nor is the test item: ``item`` only tells
a reader where it came from (ids change shape with the plugin's layout of items).
An entry is *gone* when no finding has its key any more although its record file
(``record_file``, the finding's owner; in older baselines the first part of
``item``) checked its article in this run.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path

from attribution.errors import AttributionError
from attribution.report.files import write_atomic

KEY_FIELDS = ("article", "kind", "record", "speaker", "quote")

Key = tuple[object, ...]


def key(entry: Mapping[str, object]) -> Key:
    """Baseline identity of a finding's ``as_dict()`` or of a baseline entry."""
    quote = entry.get("quote")
    return (
        entry.get("article"),
        entry.get("kind"),
        entry.get("record"),
        entry.get("speaker"),
        " ".join(quote.split()) if isinstance(quote, str) else quote,
    )


def scope(entry: Mapping[str, object]) -> tuple[str | None, str] | None:
    """The (record file, article) whose check would produce the entry; the record file is
    None when the entry does not say (a hand-written entry), None when it names no article."""
    owner = entry.get("record_file")
    if not isinstance(owner, str):
        item = entry.get("item")
        owner = item.split("::", 1)[0] if isinstance(item, str) and "::" in item else None
    article = entry.get("article")
    return (owner, article) if isinstance(article, str) else None


def gone(
    accepted: Mapping[Key, dict[str, object]],
    produced: Iterable[Key],
    checked: Collection[tuple[str, str]],
) -> Iterator[dict[str, object]]:
    """Accepted entries no finding matches now, though their record file checked the article
    (any record file, for an entry that names none)."""
    now = set(produced)
    articles = {article for _, article in checked}
    for entry_key, entry in sorted(accepted.items(), key=lambda kv: repr(kv[0])):
        where = scope(entry)
        if entry_key in now or where is None:
            continue
        owner, article = where
        if (owner, article) in checked if owner is not None else article in articles:
            yield entry


def read(path: Path) -> dict[Key, dict[str, object]]:
    """The accepted findings by key; AttributionError (one line, naming the file) otherwise."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AttributionError(
            f"{path}: baseline not found (create it with --attribution-baseline-update)"
        ) from None
    except (OSError, ValueError) as err:
        raise AttributionError(f"{path}: cannot read baseline: {err}") from None
    entries = document.get("accepted") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise AttributionError(f'{path}: baseline must be {{"accepted": [finding, ...]}}')
    return {key(e): e for e in entries}


def write(path: Path, findings: Iterable[Mapping[str, object]]) -> None:
    """Accept every finding given (each a finding's dict with its ``item``), sorted."""
    accepted = sorted(
        ({k: f.get(k) for k in (*KEY_FIELDS, "record_file", "item")} for f in findings),
        key=lambda f: json.dumps(f, sort_keys=True),
    )
    write_atomic(path, json.dumps({"accepted": accepted}, indent=2, ensure_ascii=False) + "\n")
