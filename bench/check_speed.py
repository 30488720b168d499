"""How long checking 1,000 articles against 10 records each takes (target: under 30 s).

Generates a corpus in a temporary folder: each article has its own record file
of ten quotes by five speakers, and quotes them in news style, some exactly,
some as fragments, some with a changed word, some credited to the wrong
person, plus a quote no record covers. Then runs the same ``check.run`` the
plugin and ``attribution check`` use, several times, and prints the median.

    .venv/bin/python bench/check_speed.py [--articles 1000] [--records 10] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from attribution import runner as check

SPEAKERS = (
    ("Lloyd Austin", "Austin"),
    ("Volodymyr Zelensky", "Zelensky"),
    ("Victor Cha", "Cha"),
    ("Farah Dakhlallah", "Dakhlallah"),
    ("Vedant Patel", "Patel"),
)
_WORDS = (
    "troops evidence war escalation partnership Russia Ukraine allies serious issue soldiers "
    "training deployment support mobilize society forces weapons intelligence casualties "
    "border statement talks region ministry security people country months weeks year plan"
)
VOCABULARY = tuple(_WORDS.split())
FILLER = (
    "Officials in several capitals declined to comment on the reports.",
    "The ministry did not respond to a request for comment on Tuesday.",
    "Analysts said the move could reshape the balance of forces in the region.",
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(8, 18))]
    return " ".join(["We", "have", *words]).capitalize() + "."


def build(folder: Path, *, articles: int, records: int, seed: int = 7) -> None:
    """Write ``articles`` articles and a record file per article into ``folder``."""
    rng = random.Random(seed)
    (folder / "corpus").mkdir()
    (folder / "expectations").mkdir()
    for n in range(articles):
        quotes = [(SPEAKERS[i % len(SPEAKERS)], sentence(rng)) for i in range(records)]
        lines = [f"articles: [../corpus/article-{n:04d}.txt]", "unverified: warn", "quotes:"]
        for i, ((name, _), text) in enumerate(quotes):
            lines += [f"  - id: q{i}", f"    speaker: {name}", f'    text: "{text}"']
        (folder / "expectations" / f"article-{n:04d}.yaml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
        paragraphs = []
        for i, ((name, surname), text) in enumerate(quotes):
            words = text.rstrip(".").split()
            style = i % 5
            if style == 1:  # a fragment
                words = words[2:-1]
            elif style == 2:  # one word changed
                words[len(words) // 2] = "allegedly"
            credited = name if i else f"Secretary {name}"
            if style == 3:  # someone else's words
                credited = SPEAKERS[(i + 1) % len(SPEAKERS)][0]
            said = rng.choice((f"{credited} said", f"said {surname}" if style != 3 else "she said"))
            paragraphs.append(f"“{' '.join(words)},” {said}.")
            paragraphs.append(rng.choice(FILLER))
        paragraphs.append("“Nobody wrote this one down anywhere,” John Smith said.")
        (folder / "corpus" / f"article-{n:04d}.txt").write_text(
            "\n\n".join(paragraphs) + "\n", encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--records", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build(folder, articles=args.articles, records=args.records)
        times: list[float] = []
        for _ in range(args.runs):
            check.attributions.cache_clear()  # parse every article again in every run
            began = time.perf_counter()
            result = check.run([folder / "expectations"], root=folder)
            times.append(time.perf_counter() - began)
        kinds = sorted({f.kind for f in result.findings})
        print(
            f"{len(result.articles)} articles x {args.records} records: "
            f"{len(result.findings)} findings ({', '.join(kinds)})"
        )
        print(f"runs: {', '.join(f'{t:.2f}s' for t in times)}")
        print(f"median: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
