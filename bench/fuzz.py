"""Adversarial articles for the parser: the worst time per KB and peak memory per MB.

    .venv/bin/python bench/fuzz.py [--count N] [--kb K] [--seed S] [--shapes-mb M] [--save DIR]

Two parts. Generated articles: each is a few phases, each phase a run of a handful of
tokens drawn from a pool of the parser's raw material (every quotation mark, cue verbs,
pronouns, names, titles, possessives, punctuation, line breaks), with random weights and
sometimes no sentence or paragraph ends at all. Homogeneous runs are what find quadratic
paths: a thousand openers then a thousand closers in one paragraph, one sentence of
50 KB. Each is extracted in this process and timed in CPU time, per KB of input.

Then the targeted shapes issue 9 named (and those the fuzzing found) at ``--shapes-mb``
megabytes, each in a process of its own: CPU time, then peak memory in a second run under
``tracemalloc`` (every Python allocation the extraction makes), per MB of input.

Issue 9's target: every input within 1 ms per KB of its size plus a constant, and peak
memory within 20x the input. A script, not a test: the figures go in the README.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The raw material: every kind of token a stage of the parser reacts to.
TOKENS: tuple[str, ...] = (
    *("\u201c", "\u201d", '"', "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e"),
    *("\u2039", "\u203a", "''", "``", "\u2019s", "'s", "s'", "s\u2019", "'90s", "rock 'n' roll"),
    *("said", "says", "told", "added", "according to", "asked by", "called it", "noting"),
    *("he", "she", "He", "She", "they", "his", "her", "who", "named", "so-called", "claim that"),
    *("Mr.", "Mrs.", "Dr.", "Sen.", "Gov.", "President", "French President", "J.", "U.S."),
    *("the president", "the clerk", "a spokeswoman for the trust", "the county clerk"),
    *("Dana", "Whitfield", "Lloyd", "Austin", "Clinton", "Bill", "Hillary", "Trump", "de"),
    *("the", "a", "of", "for", "and", "that", "was", "with", "by", "in Rome", "on Wednesday"),
    *(",", ".", ":", ";", "?", "!", "-", "\u2014", "\u2015", "(D-Wis.)", "(", ")", "...", "\u00a0"),
    *("\n", "\n\n", "TRUMP:", "- ", "word", "Yes", "We will go on"),
)
STOPS = frozenset({".", "?", "!", ":", ";", "\n", "\n\n"})
GLUED = frozenset({",", ".", ":", ";", "?", "!", "\u2019s", "'s", ")", "..."})


def _word(rng: random.Random, letters: int) -> str:
    return rng.choice(string.ascii_uppercase) + "".join(
        rng.choice(string.ascii_lowercase) for _ in range(letters - 1)
    )


def generated(seed: int, kb: int) -> str:
    """One adversarial article of about ``kb`` KB: a few phases of a few tokens each."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    phases = rng.randint(1, 3)
    no_stops = rng.random() < 0.4
    for phase in range(phases):
        pool = rng.sample(TOKENS, rng.randint(1, 6))
        if rng.random() < 0.3:
            pool.append("NAME")  # a fresh full name every time: entities that never merge
        if no_stops:
            pool = [t for t in pool if t not in STOPS] or ["word"]
        weights = [rng.random() + 0.05 for _ in pool]
        goal = kb * 1024 * (phase + 1) // phases
        while size < goal:
            token = rng.choices(pool, weights)[0]
            if token == "NAME":
                token = f"{_word(rng, 5)} {_word(rng, 8)}"
            piece = token if token in GLUED or rng.random() < 0.15 else " " + token
            out.append(piece)
            size += len(piece)
    return "".join(out)


def _names(count: int, seed: int = 1) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(_word(rng, 5), _word(rng, 8)) for _ in range(count)]


def _repeat(unit: str, chars: int) -> str:
    return unit * max(1, chars // len(unit))


# name -> (chars -> text): the shapes issue 9 reports, and those this script found.
SHAPES: dict[str, Callable[[int], str]] = {
    "quote_said_pairs": lambda n: _repeat('"Q," he said. ', n),
    "possessive_single_quotes": lambda n: _repeat("the Smiths' 'word' ", n),
    "full_names_then_surnames": lambda n: "".join(
        f'"Q," {first} {last} said. "R," {last} said. ' for first, last in _names(n // 40)
    ),
    "openers_then_closers": lambda n: _repeat("\u2018x ", n // 2) + _repeat("y\u201d ", n // 2),
    "one_sentence_of_cues": lambda n: _repeat("he said, and she told him ", n) + '"Q."',
    "exclamation_marks": lambda n: '"Q," he said ' + "!" * n,
    "quotations_on_one_line": lambda n: _repeat("\u201cQ.\u201d Yes ", n),
    "names_then_pronouns": lambda n: (
        "".join(f"Dr. {a} {b} and " for a, b in _names(n // 40))
        + _repeat("he and she and ", n // 2)
        + '"Q," he said.'
    ),
    "people_of_one_surname": lambda n: "".join(
        f'"Q," Dr. {first} Smith said. "R," Smith said. ' for first, _ in _names(n // 44)
    ),
    "people_of_one_role": lambda n: "".join(
        f'Dr. {a} {b}, the county clerk, spoke. "Q," the clerk said. ' for a, b in _names(n // 60)
    ),
}


def _child(path: str) -> None:
    """In a fresh process: CPU seconds, then peak memory (traced, KB) of extracting one file."""
    import tracemalloc

    sys.path.insert(0, str(REPO))
    from attribution.parse.pipeline import extract

    text = Path(path).read_text(encoding="utf-8")
    extract("\u201cWarm,\u201d he said.")  # load the word lists before measuring
    start = time.process_time()
    extract(text)
    cpu = time.process_time() - start
    # A second run under tracemalloc (slower, so not timed): every Python allocation the
    # extraction makes, the input text left out.
    tracemalloc.start()
    extract(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(json.dumps({"cpu": cpu, "peak_kb": peak / 1024}))


def _measure_apart(text: str, scratch: Path) -> tuple[float, float]:
    path = scratch / "input.txt"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout)
    return float(figures["cpu"]), float(figures["peak_kb"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=200, help="generated articles (200)")
    parser.add_argument("--kb", type=int, default=40, help="size of each, in KB (40)")
    parser.add_argument("--seed", type=int, default=0, help="first seed (0)")
    parser.add_argument("--shapes-mb", type=float, default=1.0, help="size of the shapes (1 MB)")
    parser.add_argument("--save", type=Path, help="write the five worst generated articles here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return 0

    sys.path.insert(0, str(REPO))
    from attribution.parse.pipeline import extract

    extract("\u201cWarm,\u201d he said.")
    results: list[tuple[float, int, float]] = []  # ms per KB, seed, seconds
    for seed in range(args.seed, args.seed + args.count):
        text = generated(seed, args.kb)
        start = time.process_time()
        extract(text)
        seconds = time.process_time() - start
        results.append((seconds * 1000 / (len(text.encode()) / 1024), seed, seconds))
    results.sort(reverse=True)
    if results:  # --count 0: the shapes only
        total = sum(r[2] for r in results)
        print(
            f"fuzz: {args.count} generated articles of {args.kb} KB (seeds {args.seed}-"
            f"{args.seed + args.count - 1}), {total:.1f} s of CPU"
        )
        worst = ", ".join(f"seed {seed} {per_kb:.2f}" for per_kb, seed, _ in results[:5])
        print(f"  worst ms per KB: {worst}")
        print(f"  median ms per KB: {results[len(results) // 2][0]:.2f}")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        for _, seed, _ in results[:5]:
            (args.save / f"fuzz-{seed}.txt").write_text(generated(seed, args.kb), encoding="utf-8")

    chars = int(args.shapes_mb * 1024 * 1024)
    print(f"shapes at {args.shapes_mb:g} MB, each in its own process:")
    worst_ms = worst_mem = 0.0
    with tempfile.TemporaryDirectory(prefix="attribution-fuzz-") as scratch:
        for name, shape in SHAPES.items():
            text = shape(chars)
            size_mb = len(text.encode()) / (1024 * 1024)
            cpu, peak_kb = _measure_apart(text, Path(scratch))
            per_kb = cpu * 1000 / (size_mb * 1024)
            per_mb = peak_kb / 1024 / size_mb
            worst_ms, worst_mem = max(worst_ms, per_kb), max(worst_mem, per_mb)
            print(
                f"  {name:26s} {size_mb:5.2f} MB  {cpu:6.2f} s  {per_kb:5.2f} ms/KB"
                f"  peak +{peak_kb / 1024:6.0f} MB  {per_mb:5.0f} MB/MB"
            )
    print(
        f"worst: {max(worst_ms, results[0][0] if results else 0.0):.2f} ms per KB,"
        f" {worst_mem:.0f} MB per MB of input"
        " (target: 1 ms per KB plus a constant, 20x the input)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
