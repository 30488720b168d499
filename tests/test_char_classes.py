"""The mask character has one home, char_classes.MASK, and every pattern names it so.

A pattern that spelled the code point itself would keep working until the mask
changed, then silently stop seeing quotations; these checks catch the spelling
before that day, and check that the escape the patterns use matches the mask.
"""

from __future__ import annotations

import re
from pathlib import Path

import regex

import attribution
from attribution.parse import frame, quotes
from attribution.parse.char_classes import MASK, MASK_ESCAPE

PACKAGE = Path(attribution.__file__).parent
HOME = PACKAGE / "parse" / "char_classes.py"

# Every way Python source can spell the mask (ASCII SUB, 0x1a): the character itself and
# its string escapes in any case, its name, and chr() of its code point.
SPELLINGS = re.compile(
    r"""
    \x1a                          # the character itself
    | \\x1a                       # \x1a
    | \\u001a | \\U0000001a       # \u001a, \U0000001a
    | \\N\{SUBSTITUTE\}           # \N{SUBSTITUTE}
    | \bchr\(\s*(?:26|0x1a)\s*\)  # chr(26)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_only_char_classes_spells_the_mask() -> None:
    spelled = [
        f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}"
        for path in _modules()
        if path != HOME
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SPELLINGS.search(line)
    ]
    assert spelled == []


def test_the_check_sees_every_spelling() -> None:
    """The scan above would pass on an empty pattern; here it must find each spelling."""
    for line in ["'\x1a'", r"'\x1a'", r"'\X1A'", r"'\u001a'", r"'\N{SUBSTITUTE}'", "chr(26)"]:
        assert SPELLINGS.search(line), line
    assert SPELLINGS.search(HOME.read_text(encoding="utf-8")), "char_classes defines the mask"
    assert not SPELLINGS.search(r"'\x1b' '\u2014' chr(260) MASK_ESCAPE")


def test_the_escape_matches_the_mask_alone() -> None:
    for compile_ in (re.compile, regex.compile):
        assert compile_(MASK_ESCAPE).fullmatch(MASK)
        assert compile_(f"[{MASK_ESCAPE}]").fullmatch(MASK)
        assert compile_(f"[^{MASK_ESCAPE}]").fullmatch(MASK) is None
        assert compile_(MASK_ESCAPE, re.VERBOSE).fullmatch(MASK)  # no space to be dropped
        assert compile_(MASK_ESCAPE).search('said "a\u2019b" - \x1b') is None


def test_the_frame_masks_quotations_with_it() -> None:
    text = 'Austin said: "We are ready." Then he left.'
    masked = frame.build(text, quotes.find_quotations(text)).masked
    assert frame.QUOTE == MASK
    assert masked == text.replace('"We are ready."', MASK * len('"We are ready."'))
