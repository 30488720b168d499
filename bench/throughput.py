"""Throughput of the whole ``attribution extract`` process, the figure issue 2 asks for.

    .venv/bin/python bench/throughput.py [--runs N] [--dir DIR] [--check]

Runs ``python -m attribution extract --format jsonl`` over the PolNeAR train
texts (``../shared/data/polnear-train/text``; 840 articles copied from corpus/
when that is absent), pinned to one core, several times. The machine is shared,
so it also times a trivial baseline process (interpreter start-up plus reading
the same files) in alternation: the ratio to it stays comparable across noisy
runs when the raw articles/s does not. An in-process median per article shows
how much of the total is the parser itself rather than start-up and output.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear-train" / "text"
FALLBACK_ARTICLES = 840
TARGET = 500.0  # articles per second, whole process, one core (issue 2, section 7)

BASELINE = "import sys\nfor p in sys.argv[1:]:\n    open(p, encoding='utf-8').read()\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class Timing:
    """One process run: wall seconds (what run_polnear.sh reports) and child CPU seconds."""

    wall: float
    cpu: float


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="process runs of each kind (5)")
    parser.add_argument("--dir", type=Path, default=POLNEAR, help="folder of *.txt articles")
    parser.add_argument("--check", action="store_true", help=f"exit 1 below {TARGET:.0f}/s")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="attribution-bench-") as scratch:
        files, source = _articles(args.dir, Path(scratch))
        cpu = None if args.no_pin else _one_core()
        pin = f"pinned to CPU {cpu}" if cpu is not None else "not pinned"
        print(f"throughput: {len(files)} articles from {source}, {args.runs} runs, {pin}")

        out = Path(scratch) / "pred.jsonl"
        tool = [sys.executable, "-m", "attribution", "extract", "--format", "jsonl", *files]
        base = [sys.executable, "-c", BASELINE, *files]
        _run(tool, out, cpu)  # warm the page cache and .pyc files before timing
        tools: list[Timing] = []
        bases: list[Timing] = []
        for _ in range(args.runs):
            bases.append(_run(base, out, cpu))
            tools.append(_run(tool, out, cpu))
        per_article = _in_process(files)

    rates = sorted(len(files) / t.wall for t in tools)
    cpu_rates = sorted(len(files) / t.cpu for t in tools if t.cpu > 0)
    tool_wall = statistics.median(t.wall for t in tools)
    base_wall = statistics.median(t.wall for t in bases)
    print(
        f"  whole process  median {statistics.median(rates):6.0f} articles/s"
        f"  (min {rates[0]:.0f}, max {rates[-1]:.0f}; {tool_wall:.3f} s per run wall)"
    )
    if cpu_rates:
        print(f"                 median {statistics.median(cpu_rates):6.0f} articles/s of CPU time")
    print(f"  baseline       {base_wall:.3f} s: python start-up and reading the same files")
    print(f"  ratio          {tool_wall / base_wall:.1f}x the baseline's wall time")

    median_ms = statistics.median(per_article) * 1000
    p90_ms = (
        statistics.quantiles(per_article, n=10)[-1] * 1000 if len(per_article) > 1 else median_ms
    )
    print(
        f"  in-process     median {median_ms:.3f} ms per article (p90 {p90_ms:.3f} ms, "
        f"max {max(per_article) * 1000:.1f} ms); {len(files) / sum(per_article):.0f} articles/s "
        "of CPU for read + extract alone"
    )
    median_rate = statistics.median(rates)
    verdict = "meets" if median_rate >= TARGET else "BELOW"
    print(f"  target         {verdict} {TARGET:.0f} articles/s (whole process, one core)")
    return 1 if args.check and median_rate < TARGET else 0


def _articles(folder: Path, scratch: Path) -> tuple[list[str], str]:
    """The PolNeAR texts, or corpus/ copied round-robin to the same count when absent."""
    files = sorted(str(path) for path in folder.glob("*.txt")) if folder.is_dir() else []
    if files:
        return files, _shown(folder)
    seeds = sorted((REPO / "corpus").glob("*.txt"))
    if not seeds:
        raise SystemExit(f"bench: no articles in {folder} and none in corpus/")
    made = []
    for number in range(FALLBACK_ARTICLES):
        seed = seeds[number % len(seeds)]
        path = scratch / f"{number:04d}_{seed.name}"
        path.write_bytes(seed.read_bytes())
        made.append(str(path))
    return made, f"corpus/ repeated ({folder} is absent)"


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path, Path.cwd())
    except ValueError:
        return str(path)


def _one_core() -> int | None:
    """The first core this process may use, or None where affinity is not supported."""
    if not hasattr(os, "sched_getaffinity"):
        return None
    return min(os.sched_getaffinity(0))


def _run(command: list[str], out: Path, cpu: int | None) -> Timing:
    """Run ``command`` to completion with stdout to ``out``; fail loudly if it fails."""
    pin: Callable[[], None] | None = None
    if cpu is not None:
        core = cpu

        def pin() -> None:
            os.sched_setaffinity(0, {core})

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out.open("wb") as sink:
        start = time.perf_counter()
        done = subprocess.run(
            command, stdout=sink, stderr=subprocess.PIPE, preexec_fn=pin, cwd=REPO, check=False
        )
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"bench: {command[1:4]} exited {done.returncode}")
    cpu_seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall=wall, cpu=cpu_seconds)


def _in_process(files: Sequence[str]) -> list[float]:
    """Per article, the least CPU time of three reads + extractions, after a warm-up pass.

    CPU time, not wall time: this process is not pinned, and on a shared machine
    preemption would otherwise land in whichever article happened to be running.
    """
    sys.path.insert(0, str(REPO))
    from attribution.check.source import read_article
    from attribution.parse.pipeline import extract

    for path in files[:50]:
        extract(read_article(path))
    timings = []
    for path in files:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            extract(read_article(path))
            best = min(best, time.process_time() - start)
        timings.append(best)
    return timings


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # `bench/throughput.py | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(141) from None
