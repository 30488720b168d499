"""The gate at archive scale: ``check``, ``pytest``, ``pytest -n 2``, warm re-runs, steady state.

Generates a synthetic archive in a temporary folder (``bench/check_speed.py``'s
articles: each with its own record file of ten quotes, exact, fragments, changed
words, wrong speakers and one unverified quote, so every item fails, as on a
first adoption run), then times each command as a separate process and reads
its peak memory (the largest resident set of the process and its children):

1. ``attribution check --no-cache``: parse and compare everything, no cache;
2. ``pytest`` and ``pytest -n 2``, with the cache disabled: cold runs;
3. ``pytest`` filling the parse cache, then one article edited and ``pytest``
   again (warm: one article parsed), then ``attribution check`` warm, then another
   article edited and ``pytest -n 2`` warm;
4. pytest's own floor: as many items that fail at once with a one-line message
   (a ``conftest.py`` and nothing of this package), to tell what the gate adds;
5. the steady state, a newsroom's daily run after adoption: a baseline accepts the
   first run's findings (``--attribution-baseline-update``), so every item passes
   (the warn-level unverified quote of each article is still shown as a warning);
   one more article edited, then ``pytest`` and ``attribution check`` with the
   baseline, warm; and pytest's floor for as many items that pass.

    .venv/bin/python bench/archive.py [--articles 10000] [--records 10] [--keep DIR]

Targets (issue 7): pytest within 1.5x of check, ``-n 2`` faster than serial,
the warm re-run after one edit under 2 s (in both scenarios: pytest's floor for
as many items says how near it can come), memory flat in corpus size (run two
sizes and compare). The README's archive table comes from this script, at
``--articles 3000`` and ``--articles 10000``; the load average is printed first,
since two workers only win when a core is free.
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


#: pytest with nothing but N items that fail at once: the floor any gate of N items stands on.
FLOOR_CONFTEST = """\
import pytest

class Failing(pytest.Item):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.keywords["attribution"] = True  # the plugin's fix for pytest's quadratic summary

    def runtest(self):
        raise AssertionError("misquote")

    def repr_failure(self, excinfo, style=None):
        return "misquote: corpus/article.txt:3:2 quotes Jane Doe: 'We have' (record q1)"

    def reportinfo(self):
        return self.path, 2, self.name

class Passing(Failing):
    def runtest(self):
        pass

class Listing(pytest.File):
    def collect(self):
        count, kind = self.path.read_text().split()
        item = Failing if kind == "failing" else Passing
        for n in range(int(count)):
            yield item.from_parent(self, name=f"article-{n:04d}.txt")

def pytest_collect_file(file_path, parent):
    if file_path.name == "items.count":
        return Listing.from_parent(parent, path=file_path)
"""


def timed(name: str, command: list[str], folder: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB) and CPU seconds of ``command`` run in ``folder`` (user +
    system of the process and its children: on a loaded machine, the steadier figure)."""
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
    return seconds, peak, cpu


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
        article.write_text(article.read_text("utf-8") + "\nAnd one more.\n", "utf-8")
        figures["xdist warm"] = timed(
            "pytest -n 2 (warm, one article edited)", [*pytest, "-n", "2"], folder
        )
        bare = folder / "floor"
        bare.mkdir()
        (bare / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        (bare / "conftest.py").write_text(FLOOR_CONFTEST, encoding="utf-8")
        (bare / "items.count").write_text(f"{args.articles} failing", encoding="utf-8")
        floor = [str(BIN / "pytest"), "items.count", "-q", "-p", "no:hypothesispytest"]
        figures["floor"] = timed("pytest floor (N bare failing items)", floor, bare)
        print("steady state: a baseline accepts the first run's findings, every item passes")
        accepted = ["--attribution-baseline", "baseline.json"]
        timed(
            "pytest (writing the baseline)",
            [*pytest, *accepted, "--attribution-baseline-update"],
            folder,
        )
        timed("pytest (warm, baseline, no edit)", [*pytest, *accepted], folder)
        article = folder / "corpus" / "article-0001.txt"
        article.write_text(article.read_text("utf-8") + "\nOne more line.\n", "utf-8")
        figures["steady"] = timed(
            "pytest (warm, baseline, one edited)", [*pytest, *accepted], folder
        )
        article.write_text(article.read_text("utf-8") + "\nAnd another.\n", "utf-8")
        steady_check = [*check[:-1], "--baseline", "baseline.json", "expectations"]
        figures["steady check"] = timed("check (warm, baseline, one edited)", steady_check, folder)
        (bare / "items.count").write_text(f"{args.articles} passing", encoding="utf-8")
        figures["floor passing"] = timed("pytest floor (N bare passing items)", floor, bare)
        for name, at in (("wall", 0), ("CPU", 2)):
            ratio = figures["pytest"][at] / figures["check"][at]
            speedup = figures["pytest"][at] / figures["xdist"][at]
            print(f"  {name}: pytest / check {ratio:.2f}x (target <= 1.5), ", end="")
            print(f"pytest / pytest -n 2 {speedup:.2f}x (target > 1 in wall time)")
        print(
            f"  warm re-run after one edit: {figures['warm'][0]:.2f} s wall, "
            f"{figures['warm'][2]:.2f} s CPU (target < 2 s; "
            f"pytest's floor for as many failing items: {figures['floor'][2]:.2f} s CPU)"
        )
        speedup = figures["warm"][0] / figures["xdist warm"][0]
        print(f"  warm: pytest / pytest -n 2 {speedup:.2f}x in wall time")
        print(
            f"  steady state, warm re-run after one edit: {figures['steady'][0]:.2f} s wall, "
            f"{figures['steady'][2]:.2f} s CPU (check {figures['steady check'][2]:.2f} s CPU; "
            f"pytest's floor for as many passing items: {figures['floor passing'][2]:.2f} s CPU)"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
