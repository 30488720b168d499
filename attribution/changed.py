"""``--changed REF``: check only what a change touched.

An article is checked when git sees it differ from REF (``git diff --name-only REF``:
committed, staged or not) or when it is untracked; every article of a record file
that differs or is untracked is checked too, since a changed record may change any
verdict. Git is asked once per run; its errors become one line naming REF.
"""

from __future__ import annotations

import dataclasses
import subprocess
from dataclasses import dataclass
from pathlib import Path

from attribution.check.records import RecordFile
from attribution.errors import AttributionError


class ChangedError(AttributionError):
    """Not a git repository, an unknown ref, or git missing: one line for the user."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Changes:
    """The files that differ from ``ref`` (resolved absolute paths)."""

    ref: str
    paths: frozenset[Path]

    def touches(self, path: Path) -> bool:
        return path.resolve() in self.paths

    def narrow(self, records: RecordFile) -> RecordFile:
        """The record file as it applies to this change: all its articles, or the changed ones."""
        if self.touches(records.path):
            return records
        kept = tuple(a for a in records.articles if self.touches(a))
        return dataclasses.replace(records, articles=kept)


def changes(ref: str, *, cwd: Path) -> Changes:
    """Ask git what differs from ``ref`` in the work tree that holds ``cwd``."""
    if ref.startswith("-"):
        raise ChangedError(f"--changed {ref}: not a git ref")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd=cwd, ref=ref).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=top, ref=ref)
    differ = _git(["diff", "--name-only", "-z", ref, "--"], cwd=top, ref=ref)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], cwd=top, ref=ref)
    names = [n for n in (differ + untracked).split("\0") if n]
    return Changes(ref=ref, paths=frozenset((top / n).resolve() for n in names))


def _git(args: list[str], *, cwd: Path, ref: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            check=False,
        )
    except FileNotFoundError:
        raise ChangedError(f"--changed {ref}: git is not installed") from None
    if done.returncode == 0:
        return done.stdout
    if args[0] == "rev-parse" and args[1] == "--show-toplevel":
        raise ChangedError(f"--changed {ref}: {cwd} is not inside a git repository")
    if args[0] == "rev-parse":
        raise ChangedError(f"--changed {ref}: unknown git ref {ref!r}")
    message = " ".join(done.stderr.split()) or f"git {args[0]} failed"
    raise ChangedError(f"--changed {ref}: {message}")
