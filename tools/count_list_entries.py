"""Count how often each entry of a word list occurs in a corpus, and say so in its comment.

    .venv/bin/python tools/count_list_entries.py LIST... [--corpus DIR] [--write]

LIST is a file name in attribution/data/ (``titles.txt``). For each entry, the number
of case-insensitive whole-word occurrences in the corpus (default: the 840 PolNeAR
train texts, ../shared/data/polnear-train/text) is printed; ``--write`` puts it at
the end of the entry's comment as ``; PolNeAR train: N`` (replacing an earlier
count), so where an entry came from is a figure anyone can check by running this
again. The rest of each comment, the human reason, is kept as written. Entries
that are patterns or tables (two columns) are counted by their first column.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "attribution" / "data"
DEFAULT = REPO.parent / "shared" / "data" / "polnear-train" / "text"
COUNT = re.compile(r"; PolNeAR train: [\d,]+$")


def count(entry: str, text: str) -> int:
    """Whole-word, case-insensitive occurrences; a trailing dot ("Sen.") is part of it."""
    tail = r"(?!\w)" if entry[-1:].isalnum() else ""
    return len(re.findall(rf"(?<!\w){re.escape(entry)}{tail}", text, flags=re.IGNORECASE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lists", nargs="+")
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.iterdir()) if p.is_file()]
    corpus = "\n".join(texts)
    for name in args.lists:
        path = DATA / name
        out = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                out.append(line)
                continue
            entry, _, comment = line.partition("#")
            key = entry.strip().split("  ")[0]
            n = count(key, corpus)
            print(f"{name}: {key!r} {n}")
            reason = COUNT.sub("", comment.strip())
            out.append(f"{entry.rstrip()}  # {reason}; PolNeAR train: {n:,}")
        if args.write:
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"({len(texts)} texts in {args.corpus})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
