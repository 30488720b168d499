"""The examples in the comparison's docstrings run, and hold (doctest).

The pure helpers an editor or a contributor reads first carry their behaviour as
examples: a name or venue that fits, one that does not, and the one left alone. The
functions are listed rather than discovered so that mutmut's copies of them (which
keep the docstrings) are not run as well.
"""

from __future__ import annotations

import doctest
from collections.abc import Callable

import pytest

from attribution.check import names, verdicts

EXAMPLES: dict[str, tuple[Callable[..., object], dict[str, object]]] = {
    "name_forms": (names.name_forms, vars(names)),
    "name_fits": (names.name_fits, vars(names)),
    "venue_fits": (names.venue_fits, vars(names)),
    "classify": (verdicts.classify, vars(verdicts)),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_docstring_examples_hold(name: str) -> None:
    function, globs = EXAMPLES[name]
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = doctest.DocTestFinder(recurse=False).find(function, name, globs=dict(globs))
    for test in tests:
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.attempted >= 4  # every helper shows a fit, a misfit and a good one kept
    assert result.failed == 0
