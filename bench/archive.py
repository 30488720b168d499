"""The gate at archive scale: ``check``, ``pytest``, ``pytest -n 2`` and a warm re-run.

Generates a synthetic archive in a temporary folder (``bench/check_speed.py``'s
articles: each with its own record file of ten quotes, exact, fragments, changed
words, wrong speakers and one unverified quote, so every item fails, as on a
first adoption run), then times each command as a separate process and reads
its peak memory (the largest resident set of the process and its children):

1. ``attribution check --no-cache``: parse and compare everything, no cache;
2. ``pytest`` and ``pytest -n 2``, with the cache disabled: cold runs;
3. ``pytest`` filling the parse cache, then one article edited and ``pytest``
   again (warm: one article parsed), then ``attribution check`` warm.

    .venv/bin/python bench/archive.py [--articles 10000] [--records 10] [--keep DIR]

Targets (issue 7): pytest within 1.5x of check, ``-n 2`` faster than serial,
the warm re-run after one edit under 2 s, memory flat in corpus size (run two
sizes and compare).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import build

BIN = Path(sys.executable).parent


def timed(name: str, command: list[str], folder: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``command`` run in ``folder``; prints CPU seconds too
    (user + system of the process and its children: on a loaded machine, the steadier figure)."""
    began = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, cwd=folder, stdout=sink, stderr=subprocess.PIPE)
        assert process.stderr is not None
        _, status, usage = os.wait4(process.pid, 0)
        errors = process.stderr.read().decode(errors="replace")
        process.stderr.close()
    seconds = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    print(
        f"  {name:<34} {seconds:8.2f} s wall {cpu:8.2f} s CPU {peak:6.0f} MB peak  (exit {code})",
        flush=True,
    )
    if code not in (0, 1):
        print(errors[-2000:], file=sys.stderr)
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="build the archive here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="attribution-archive-"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        build(folder, articles=args.articles, records=args.records)
        print(
            f"archive: {args.articles} articles x {args.records} records, one record file each; "
            f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
            f"load {os.getloadavg()[0]:.1f}"
        )
        check = [str(BIN / "attribution"), "check", "--exit-zero", "expectations"]
        # The test extra's hypothesis plugin is no part of a newsroom's install: left out.
        pytest = [str(BIN / "pytest"), "expectations", "-q", "-p", "no:hypothesispytest"]
        no_cache = ["-p", "no:cacheprovider"]
        figures = {
            "check": timed("check (cold, --no-cache)", [*check, "--no-cache"], folder),
            "pytest": timed("pytest (cold, no cache)", [*pytest, *no_cache], folder),
            "xdist": timed("pytest -n 2 (cold, no cache)", [*pytest, *no_cache, "-n", "2"], folder),
        }
        timed("pytest (filling the cache)", pytest, folder)
        article = folder / "corpus" / "article-0000.txt"
        article.write_text(article.read_text("utf-8") + "\nOne more line.\n", "utf-8")
        figures["warm"] = timed("pytest (warm, one article edited)", pytest, folder)
        figures["warm check"] = timed("check (warm, one article edited)", check, folder)
        ratio = figures["pytest"][0] / figures["check"][0]
        speedup = figures["pytest"][0] / figures["xdist"][0]
        print(f"  pytest / check: {ratio:.2f}x (target <= 1.5)")
        print(f"  pytest / pytest -n 2: {speedup:.2f}x (target > 1)")
        print(f"  warm re-run after one edit: {figures['warm'][0]:.2f} s (target < 2 s)")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
