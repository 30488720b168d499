"""Score the parser on PolNeAR as run_polnear.sh does, and on the quotes its gold can hold.

The shared gold builder (``../shared/bench/polnear_gold.py``) only knows double marks
(“ ” " „ «). The New York Times articles in PolNeAR print every quotation between
typewriter '' marks, so the gold has no quotations there and every speaker we find
for them counts as a false positive. This script prints both figures and how many
predictions sit on quotations the gold cannot contain, so the gap is measured rather
than guessed. Usage (from the repo root):

    .venv/bin/python bench/polnear_breakdown.py [POLNEAR_DIR] [--bench DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from attribution.parse.pipeline import extract

GOLD_OPENERS = ("\u201c", '"', "\u201e", "\u00ab")  # what polnear_gold.py recognises


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="../shared/data/polnear-train")
    parser.add_argument("--bench", default="../shared/bench")
    args = parser.parse_args()
    data, bench = Path(args.data), Path(args.bench)
    if not (bench / "score.py").exists() or not (data / "text").is_dir():
        print(f"PolNeAR or its bench not found at {data} / {bench}", file=sys.stderr)
        return 2
    score = _module(bench / "score.py")
    lines = subprocess.run(
        [sys.executable, str(bench / "polnear_gold.py"), str(data)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    gold: dict[str, Any] = {}
    for line in lines:
        obj = json.loads(line)
        gold[obj["id"]] = obj
    every: dict[str, Any] = {}
    visible: dict[str, Any] = {}
    hidden = 0
    for key, article in gold.items():
        text: str = article["text"]
        found = extract(text)
        quotes = [a.as_dict() for a in found]
        seen = [a.as_dict() for a in found if _opener(text, a.quote.start) in GOLD_OPENERS]
        hidden += sum(
            1
            for a in found
            if a.mention is not None and _opener(text, a.quote.start) not in GOLD_OPENERS
        )
        every[key] = {"quotes": quotes}
        visible[key] = {"quotes": seen}
    for label, pred in (("as run_polnear.sh scores", every), ("gold-visible quotes", visible)):
        result = score.score(gold, pred)
        print(f"{label:28} " + "  ".join(f"{k} {v}" for k, v in result.items()))
    print(f"attributed quotes under marks the gold builder ignores ('' and '): {hidden}")
    return 0


def _opener(text: str, start: int) -> str:
    """The opening mark of the quotation whose words start at ``start``."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


if __name__ == "__main__":
    raise SystemExit(main())
