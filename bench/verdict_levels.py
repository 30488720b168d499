"""False alarms by level, from a kept run of the shared verdict bench.

    python3 ../shared/bench/verdict_bench.py ../shared/data/polnear-train --keep DIR
    .venv/bin/python bench/verdict_levels.py DIR

The shared bench counts every finding on an untouched article as a false alarm,
warnings included. What fails an editor's build is the ``fail`` level only: this
prints both rates, and the false alarms by kind and level, from the files the bench
keeps (``clean_findings.jsonl`` and the records under ``clean/records``).
"""

from __future__ import annotations

import argparse
import collections
import json
from collections.abc import Sequence
from pathlib import Path


def count_records(folder: Path) -> int:
    """Records the bench wrote: one ``- id:`` line each in its generated YAML files."""
    return sum(
        line.lstrip().startswith("- id:")
        for path in sorted(folder.glob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kept", type=Path, help="the folder given to verdict_bench.py --keep")
    args = parser.parse_args(argv)
    records = count_records(args.kept / "clean" / "records")
    flagged: dict[str, set[tuple[str, str]]] = {"fail": set(), "warn": set()}
    kinds: collections.Counter[tuple[str, str]] = collections.Counter()
    with open(args.kept / "clean_findings.jsonl", encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            finding = row["finding"]
            level = str(finding.get("level", "fail"))
            flagged.setdefault(level, set()).add((row["article"], str(finding["record"])))
            kinds[(str(finding["kind"]), level)] += 1
    any_level = flagged["fail"] | flagged["warn"]
    print(f"records {records}")
    print(f"false alarms, any level  {len(any_level) / records:.3f} ({len(any_level)} records)")
    print(f"false alarms that fail   {len(flagged['fail']) / records:.3f} ({len(flagged['fail'])})")
    for (kind, level), n in sorted(kinds.items()):
        print(f"  {kind:<18} {level:<5} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
