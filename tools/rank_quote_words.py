"""Rank the words of attribution/data/comparison_stopwords.txt among the words of quotes.

    .venv/bin/python tools/rank_quote_words.py [TEXT_FOLDER] [--write]

Reads every article in TEXT_FOLDER (default: the 840 PolNeAR train texts in
../shared/data/polnear-train/text), counts the normalised words of the quotations
the parser finds, and prints each stopword's rank. With ``--write`` it rewrites
the list's per-entry comments with those ranks: the list stays hand-picked
(closed-class words only), and the ranks are the checkable evidence that each is
common enough to say nothing about a quote's subject.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from attribution.check.align import words  # noqa: E402
from attribution.parse.pipeline import extract  # noqa: E402

LIST = REPO / "attribution" / "data" / "comparison_stopwords.txt"
DEFAULT = REPO.parent / "shared" / "data" / "polnear-train" / "text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--write", action="store_true", help="rewrite the list's comments")
    args = parser.parse_args()
    paths = sorted(p for p in args.folder.iterdir() if p.is_file())
    counts: collections.Counter[str] = collections.Counter()
    for path in paths:
        for attribution in extract(path.read_text(encoding="utf-8")):
            counts.update(w.norm for w in words(attribution.quote.text))
    rank = {word: n for n, (word, _) in enumerate(counts.most_common(), start=1)}
    lines = LIST.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        word = line.split("#", 1)[0].strip()
        where = rank.get(word)
        note = f"rank {where} of {len(rank):,} words in quotes of {len(paths)} articles"
        print(f"{word:8} {note if where else 'not found in any quote'}")
        out.append(f"{word}  # closed-class; {note}" if where else line)
    if args.write:
        LIST.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
