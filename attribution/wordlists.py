"""Word lists kept as data files beside the code, loaded once.

Each line is ``entry  # where it came from``; blank lines and lines starting with
``#`` are comments. Keeping the lists as data lets editors extend them without
touching the rules, and lets a test keep them sorted and free of duplicates.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import regex

DATA = "data"


def _lines(name: str) -> list[str]:
    text = resources.files("attribution").joinpath(DATA, name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of a list file, in file order, without their source comments."""
    return tuple(line.split("#", 1)[0].strip() for line in _lines(name))


@cache
def table(name: str) -> dict[str, str]:
    """A two-column list file (``entry  value``) as a mapping."""
    out: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.split("#", 1)[0].strip().partition("  ")
        out[key] = value.strip()
    return out


@cache
def cue_pattern() -> regex.Pattern[str]:
    """Any cue expression from ``cue_verbs.txt`` as a whole word, longest first."""
    entries = sorted(words("cue_verbs.txt"), key=len, reverse=True)
    alternatives = "|".join(regex.escape(e).replace(r"\ ", r"\s+") for e in entries)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}'\-])(?:{alternatives})(?![\p{{L}}\p{{N}}'\-])", regex.IGNORECASE
    )
