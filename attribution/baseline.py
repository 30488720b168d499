"""Accepted findings: the baseline file both the plugin and ``attribution check`` read.

``{"accepted": [{"article", "kind", "record", "speaker", "quote", "item"}, ...]}``. An
entry is identified by article, kind, record id, credited speaker and the quote's
words (whitespace folded); line and column are not part of it, so edits elsewhere
in the article keep it accepted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from attribution.errors import AttributionError

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
        ({k: f.get(k) for k in (*KEY_FIELDS, "item")} for f in findings),
        key=lambda f: json.dumps(f, sort_keys=True),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"accepted": accepted}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
