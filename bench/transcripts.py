"""Benchmark (not a test): 200 articles checked against a 20,000-word transcript.

Why: a transcript's turns are records, and a press conference is long; the check
must find candidate stretches through the word-pair index rather than align every
quote against every turn (attribution/check/transcripts.py). Target: under 5 s.

Everything is generated here from a fixed seed: a labelled transcript of three
speakers (two quotable, the reporters' ``Q`` not), and articles whose quotes are
stretches of the turns, some verbatim, some with one word changed, some credited to
the other speaker. The script prints the planted and found verdicts and the time of
``attribution.runner.run`` (article parsing included), median of three runs:

    .venv/bin/python bench/transcripts.py
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from attribution import runner as check

SEED = 8
TRANSCRIPT_WORDS = 20_000
ARTICLES = 200
QUOTES_PER_ARTICLE = 6
SPEAKERS = {
    "SECRETARY AUSTIN": ("Lloyd Austin", "Austin"),
    "MINISTER CROSETTO": ("Guido Crosetto", "Crosetto"),
}
_COMMON_WORDS = """the of and to in that is we it for on are with this be have not as our they
what there will about from very but at all so by more"""
COMMON = tuple(_COMMON_WORDS.split())


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """Pronounceable made-up words, so no quote is anyone's real words."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    out: set[str] = set()
    while len(out) < size:
        out.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(out)


def sentence(rng: random.Random, words: list[str]) -> str:
    """Common words and made-up ones in a Zipf-Mandelbrot mix, like speech."""
    picked = [
        rng.choice(COMMON)
        if rng.random() < 0.4
        else rng.choices(words, cum_weights=_zipf(words))[0]
        for _ in range(rng.randint(8, 18))
    ]
    return " ".join(picked).capitalize() + "."


_WEIGHTS: dict[int, list[float]] = {}


def _zipf(words: list[str]) -> list[float]:
    if len(words) not in _WEIGHTS:
        total, out = 0.0, []
        for rank in range(len(words)):
            total += 1 / (rank + 10)
            out.append(total)
        _WEIGHTS[len(words)] = out
    return _WEIGHTS[len(words)]


def transcript(rng: random.Random, words: list[str]) -> tuple[str, list[tuple[str, list[str]]]]:
    """The transcript text and its turns as (label, sentences)."""
    turns: list[tuple[str, list[str]]] = []
    total = 0
    labels = list(SPEAKERS)
    while total < TRANSCRIPT_WORDS:
        turns.append(("Q", [sentence(rng, words)]))
        said = [sentence(rng, words) for _ in range(rng.randint(3, 14))]
        turns.append((rng.choice(labels), said))
        total += sum(len(s.split()) for _, ss in turns[-2:] for s in ss)
    lines = ["SYNTHETIC TRANSCRIPT (bench/transcripts.py)", ""]
    for label, said in turns:
        half = len(said) // 2 or 1
        lines.append(f"{label}: {' '.join(said[:half])}")
        if said[half:]:
            lines.extend(["", " ".join(said[half:])])  # a turn over two paragraphs
        lines.append("")
    return "\n".join(lines), turns


def articles(
    rng: random.Random, turns: list[tuple[str, list[str]]], words: list[str]
) -> tuple[list[str], Counter[str]]:
    """Articles quoting stretches of the turns; the verdicts each should get."""
    quotable = [(label, said) for label, said in turns if label in SPEAKERS]
    planted: Counter[str] = Counter()
    out: list[str] = []
    for n in range(ARTICLES):
        paragraphs = [
            "Officials Meet in Rome",
            "ROME (Wire) -- Defense Secretary Lloyd Austin and Italian Defense Minister "
            f"Guido Crosetto spoke to reporters on Wednesday, report {n}.",
        ]
        for _ in range(QUOTES_PER_ARTICLE):
            label, said = rng.choice(quotable)
            flat = " ".join(said).split()
            length = rng.randint(6, 14)
            start = rng.randrange(0, max(1, len(flat) - length))
            quote = flat[start : start + length]  # may cross a sentence boundary
            credited = SPEAKERS[label][1]
            roll = rng.random()
            if roll < 0.2:
                at = rng.randrange(1, len(quote) - 1)
                quote[at] = rng.choice(words)
                planted["misquote"] += 1
            elif roll < 0.35:
                other = next(lab for lab in SPEAKERS if lab != label)
                credited = SPEAKERS[other][1]
                planted["misattribution"] += 1
            else:
                planted["verbatim"] += 1
            text = " ".join(quote).rstrip(".")
            paragraphs.append(f'"{text}," {credited} said.')
        out.append("\n\n".join(paragraphs) + "\n")
    return out, planted


def main() -> int:
    rng = random.Random(SEED)
    words = vocabulary(rng, 3000)
    text, turns = transcript(rng, words)
    stories, planted = articles(rng, turns, words)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "transcripts").mkdir()
        (root / "transcripts" / "briefing.txt").write_text(text, encoding="utf-8")
        (root / "corpus").mkdir()
        for n, story in enumerate(stories):
            (root / "corpus" / f"{n:03d}.txt").write_text(story, encoding="utf-8")
        (root / "expectations").mkdir()
        (root / "expectations" / "briefing.yaml").write_text(
            "articles: [../corpus/*.txt]\n"
            "sources:\n"
            "  - path: ../transcripts/briefing.txt\n"
            "    speakers: {SECRETARY AUSTIN: Lloyd Austin, MINISTER CROSETTO: Guido Crosetto,"
            ' "Q": null}\n',
            encoding="utf-8",
        )
        times, cpu = [], []
        for _ in range(3):
            check.attributions.cache_clear()  # parse the articles every run
            began, began_cpu = time.perf_counter(), time.process_time()
            report = check.run([root / "expectations"], root=root)
            times.append(time.perf_counter() - began)
            cpu.append(time.process_time() - began_cpu)
    found = Counter(f.kind for f in report.findings)
    n_words = len(text.split())
    print(
        f"{ARTICLES} articles, {sum(planted.values())} quotes "
        f"({', '.join(f'{n} {k}' for k, n in sorted(planted.items()))}) "
        f"against a {n_words:,}-word transcript of {len(turns)} turns"
    )
    print(f"found: {', '.join(f'{n} {k}' for k, n in sorted(found.items())) or 'nothing'}")
    print(
        f"median of 3: {statistics.median(times):.2f} s wall, {statistics.median(cpu):.2f} s CPU "
        f"(wall: {', '.join(f'{t:.2f}' for t in times)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
