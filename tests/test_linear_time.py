"""Extraction time grows linearly with the input, even for input built to hurt.

Two measures, neither a wall-clock limit (the machine is shared and noisy):

* Python work, counted exactly: the number of source lines the ``attribution``
  package executes, traced with ``sys.settrace``. Deterministic, so the bound is
  tight: 8x the input may cost at most 12x the lines (linear is <= 8x, n log n
  about 10x, quadratic about 64x).
* Work inside C (the ``regex`` engine, where catastrophic backtracking would
  hide from the line count): the minimum CPU time of three runs, with the small
  input grown until it costs a few milliseconds so timer noise cannot dominate,
  and a generous bound: 8x the input under 30x the time.
"""

from __future__ import annotations

import math
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
import regex

import attribution
from attribution.parse.pipeline import extract

PACKAGE = str(Path(attribution.__file__).resolve().parent)


def _name(number: int) -> str:
    """A distinct capitalised word for every number: Baa, Bab, ... (people who never merge)."""
    letters = ""
    number += 26 * 27
    while number:
        number, digit = divmod(number, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[digit] + letters
    return letters.capitalize()


def _two_halves(first: str, second: str) -> Callable[[int], str]:
    """An input of ``first`` repeated over half its size, then ``second``."""
    return lambda chars: _repeat(first, chars // 2) + _repeat(second, chars // 2)


def _people(template: str) -> Callable[[int], str]:
    """``template`` filled with ever new names ({a}, {b}) until the input is ``chars`` long."""

    def build(chars: int) -> str:
        out: list[str] = []
        size = number = 0
        while size < chars:
            piece = template.format(a=_name(number), b=_name(number + 7))
            out.append(piece)
            size += len(piece)
            number += 1
        return "".join(out)

    return build


# name -> one unit of adversarial text, the input being the unit repeated; or a function
# from the input's size to the input, for shapes no one unit makes
ADVERSARIAL: dict[str, str | Callable[[int], str]] = {
    "opening_marks_only": "“word ",
    "every_mark_stray": "“ ” \" ‘ ’ ' « » „ ‹ › ",
    "double_quote_chars": '"',
    "said_said_said": "said ",
    "cue_words_mixed": "said told added according to warned, ",
    "line_without_punctuation": "word ",
    "capitalised_words": "Lloyd Austin Secretary Defense ",
    "titles_and_initials": "Dr. Mr. Gov. J. President ",
    "apostrophes": "rock ’n’ roll the Smiths’ ’90s it’s Jones' ",
    "nested_unclosed": "“a ‘b “c ‘d « „ ",
    "unclosed_paragraphs": "“We will go on, he said\n\n",
    "quote_said_pairs": "“Yes,” he said. ",
    "pronouns": "he she they said “x” ",
    "dots": ". ",
    "newlines": "\n",
    # the entity tracker: every sentence a new person, a role and a reference back
    "people_and_roles": "Dana Whitfield, the county clerk, spoke. “Q,” the clerk said. ",
    "described_speakers": "“Q,” a spokeswoman for the trust said. “R,” she said. ",
    "namesakes": "Mrs. Clinton met Bill Clinton. “Q,” Clinton said. ",
    # issue 9's fuzzing: a paragraph of stray single openers, then double closers (each
    # closer looked through every opener for its own)
    "openers_then_closers": _two_halves("‘x ", "y” "),
    # one sentence of ever new people, then pronouns: each weighed everyone before it
    "names_then_pronouns": lambda chars: (
        _people("Dr. {a} {b} and ")(chars // 2)
        + _repeat("he and she and ", chars // 2)
        + "“Q,” he said."
    ),
    # people sharing one surname: each new full name looked through all the others
    "one_surname": _people("“Q,” Dr. {a} Smith said. “R,” Smith said. "),
    # a line of a thousand "!": each was tried as the start of a sentence end, reading
    # the rest of the run again
    "exclamation_marks": lambda chars: "“Q,” he said " + "!" * chars,
    # one line of quotations that end their sentences: each read the line back to its
    # start for a stop and a cue
    "quotations_on_one_line": "“Q.” Yes ",
    # people sharing one role: each "the clerk" ranked every clerk so far
    "one_role": _people("Dr. {a} {b}, the county clerk, spoke. “Q,” the clerk said. "),
    # one sentence of comma-ending quotations, each with its cue after it: an opening
    # phrase's end was read again over every such quotation of the article
    "comma_quotes_in_one_sentence": "“Q,” he said, and ",
    # one sentence of named remarks: each looked back for its owner
    "named_remarks": "Lee’s “tax and spend” remark and ",
}

SMALL_CHARS = 2_000
MIN_CPU_SECONDS = 0.004
MAX_CHARS = 400_000


def _repeat(unit: str, chars: int) -> str:
    return unit * max(1, math.ceil(chars / len(unit)))


def _build(shape: str | Callable[[int], str], chars: int) -> str:
    return _repeat(shape, chars) if isinstance(shape, str) else shape(chars)


def _lines_executed(text: str) -> int:
    """How many lines of the attribution package run to extract from ``text``."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        extract(text)
    finally:
        sys.settrace(previous)
    return count


def _cpu_seconds(text: str, *, runs: int = 3, enough: float = 0.0) -> float:
    """Minimum CPU time over ``runs``, stopping early once a run is within ``enough``."""
    best = math.inf
    for _ in range(runs):
        start = time.process_time()
        extract(text)
        best = min(best, time.process_time() - start)
        if best <= enough:
            break
    return best


def _cpu_growth(unit: str | Callable[[int], str]) -> tuple[bool, str]:
    """Whether 8x the input stays under 30x the CPU time, and the figures."""
    chars = SMALL_CHARS
    small = _cpu_seconds(_build(unit, chars))
    while small < MIN_CPU_SECONDS and chars * 8 * 2 <= MAX_CHARS:
        chars *= 2
        small = _cpu_seconds(_build(unit, chars))
    # the additive millisecond absorbs timer granularity when both are tiny
    bound = 30 * small + 0.001
    large = _cpu_seconds(_build(unit, 8 * chars), enough=bound)
    return large <= bound, f"{small:.4f} s for {chars} chars, {large:.4f} s for 8x"


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Turn a hang into a failure (where SIGALRM exists) instead of a stuck suite."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"extraction ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_python_work_grows_linearly(name: str) -> None:
    unit = ADVERSARIAL[name]
    with _deadline(30):
        small = _lines_executed(_build(unit, SMALL_CHARS))
        large = _lines_executed(_build(unit, 8 * SMALL_CHARS))
    assert large <= 12 * max(small, 1), f"{name}: {small} lines for 1x, {large} for 8x"


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_cpu_time_grows_linearly(name: str) -> None:
    unit = ADVERSARIAL[name]
    with _deadline(30):
        linear, figures = _cpu_growth(unit)
    assert linear, f"{name}: {figures}"


def test_the_line_count_sees_a_quadratic_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """The yardstick itself: a deliberately quadratic stage must fail the bound."""
    import attribution.parse.pipeline as pipeline

    def quadratic(text: str) -> tuple[()]:
        pairs = 0
        for i in range(len(text) // 50):
            for _ in range(i):
                pairs += 1
        return ()

    quadratic.__code__ = quadratic.__code__.replace(co_filename=pipeline.__file__)
    monkeypatch.setattr(sys.modules[__name__], "extract", quadratic)
    small = _lines_executed("x" * SMALL_CHARS)
    large = _lines_executed("x" * 8 * SMALL_CHARS)
    assert large > 12 * small


def test_the_cpu_time_sees_a_backtracking_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    """The yardstick itself: the textbook quote regex is quadratic on unclosed marks."""
    naive = regex.compile(r"“[^”]*”")
    monkeypatch.setattr(sys.modules[__name__], "extract", naive.findall)
    with _deadline(30):
        linear, figures = _cpu_growth("“ ")
    assert not linear, figures
