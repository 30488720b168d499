"""Entity-level speaker accuracy on the hand-resolved PolNeAR quotes in bench/resolution/.

Each ``bench/resolution/<article>.json`` names, for every gold quote of one PolNeAR
article, the entity who said it (a canonical name and every full form the article uses
for it; see bench/resolution/README.md). This script runs the pipeline in-process on
each article, read as the CLI reads it, matches every quote to the predicted
attribution covering at least half of its characters, and prints:

* quotes: how many quotes the data holds, and how many of them have a speaker;
* found: how many quotes a predicted attribution covers;
* accuracy: predicted speaker (casefolded, whitespace-normalised) is one of the
  expected entity's forms, over every quote with a non-null speaker, and over the
  found ones only;
* the same accuracy with the name's written form aside (a leading "the", the
  apostrophe, a bracketed gloss): the entity is right, only its spelling differs;
* how many null-speaker quotes (scare quotes, unnamed sources) the pipeline credited
  to someone anyway, for information.

It reports and always exits 0: it is a measure, not a gate. Usage (from the repo root):

    .venv/bin/python bench/resolution.py [--data ../shared/data/polnear-train]
                                         [--dir bench/resolution] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attribution.check.source import read_article
from attribution.errors import InputError
from attribution.parse.model import Attribution
from attribution.parse.pipeline import extract


@dataclass(frozen=True, slots=True)
class Outcome:
    """One resolution quote against the pipeline's attribution of it (if any)."""

    article: str
    start: int
    text: str
    expected: str | None
    forms: tuple[str, ...]
    found: Attribution | None

    @property
    def predicted(self) -> str | None:
        return self.found.speaker if self.found is not None else None

    @property
    def correct(self) -> bool:
        predicted = self.predicted
        return predicted is not None and _norm(predicted) in {_norm(f) for f in self.forms}

    @property
    def right_entity(self) -> bool:
        """Right up to the name's written form: "Wall Street Journal" for "The Wall Street
        Journal", "Ryan's" for "Ryan’s", "Vox Populi" for "Vox Populi (Voice of the
        People)". The same entity, so the same for an editor; printed apart from ``correct``.
        """
        predicted = self.predicted
        return predicted is not None and _form(predicted) in {_form(f) for f in self.forms}


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


# A bracketed gloss after a name: "Vox Populi (Voice of the People)".
GLOSS = re.compile(r"\s*\([^()]*\)")


def _form(name: str) -> str:
    """A name without its written form: case, apostrophe, a leading "the", a gloss."""
    plain = _norm(GLOSS.sub("", name).replace("\u2019", "'"))
    return plain.removeprefix("the ")


def _cover(quote_start: int, quote_end: int, found: tuple[Attribution, ...]) -> Attribution | None:
    """The attribution overlapping the quote most, if it covers at least half of it."""
    length = quote_end - quote_start
    best: Attribution | None = None
    best_overlap = 0
    for a in found:
        overlap = min(quote_end, a.quote.end) - max(quote_start, a.quote.start)
        if overlap > best_overlap:
            best, best_overlap = a, overlap
    if best is None or 2 * best_overlap < length:
        return None
    return best


def _article(path: Path, data: Path) -> list[Outcome] | str:
    """The outcomes of one data file, or why it could not be scored."""
    obj: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    article: str = obj["article"]
    entities: dict[str, list[str]] = obj["entities"]
    try:
        text = read_article(str(data / "text" / f"{article}.txt"))
    except InputError as exc:
        return str(exc)
    found = extract(text)
    out: list[Outcome] = []
    for q in obj["quotes"]:
        start, end = int(q["start"]), int(q["end"])
        if text[start:end] != q["text"]:
            return f"quote at {start} does not slice back to the article text"
        speaker: str | None = q["speaker"]
        forms = tuple(entities.get(speaker, [])) if speaker is not None else ()
        out.append(Outcome(article, start, q["text"], speaker, forms, _cover(start, end, found)))
    return out


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.1f}%" if whole else f"{part}/0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/polnear-train", type=Path)
    parser.add_argument("--dir", default=Path(__file__).parent / "resolution", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every wrong speaker")
    args = parser.parse_args()
    files = sorted(Path(args.dir).glob("*.json"))
    outcomes: list[Outcome] = []
    for path in files:
        result = _article(path, args.data)
        if isinstance(result, str):
            print(f"skipped {path.name}: {result}", file=sys.stderr)
            continue
        outcomes.extend(result)
    named = [o for o in outcomes if o.expected is not None]
    named_found = [o for o in named if o.found is not None]
    nulls = [o for o in outcomes if o.expected is None]
    print(f"articles {len(files)}")
    print(f"quotes {len(outcomes)} (with a named speaker {len(named)}, null {len(nulls)})")
    print(f"found {_pct(sum(o.found is not None for o in outcomes), len(outcomes))}")
    print(f"entity accuracy, named quotes {_pct(sum(o.correct for o in named), len(named))}")
    print(
        "entity accuracy, found named quotes "
        f"{_pct(sum(o.correct for o in named_found), len(named_found))}"
    )
    print(
        "entity accuracy, named quotes, name form aside "
        f"{_pct(sum(o.right_entity for o in named), len(named))}"
    )
    credited = sum(o.predicted is not None for o in nulls)
    print(f"null-speaker quotes credited to someone anyway {credited}/{len(nulls)}")
    if args.errors:
        print()
        for o in named:
            if o.correct:
                continue
            if o.found is None:
                print(f"{o.article} @{o.start}: expected {o.expected!r}, not found")
                continue
            mention = o.found.mention.text if o.found.mention is not None else None
            form = "; the name's form only" if o.right_entity else ""
            print(
                f"{o.article} @{o.start}: expected {o.expected!r}, predicted {o.predicted!r}"
                f" (rule {o.found.rule}, mention {mention!r}{form})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
