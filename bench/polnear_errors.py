"""List the parser's errors on PolNeAR, grouped by kind and rule, with their context.

Scores as ``../shared/bench/score.py`` does (a prediction is correct when half its
characters lie in one gold quote and its mention overlaps that quote's source) and
prints, per kind, the cases with the sentence around them:

* ``fp-no-gold``: an attributed quotation no gold quote holds (a title, a scare quote,
  or a quotation the annotators left out), by linking rule;
* ``fp-wrong-mention``: an attributed quotation whose mention misses the gold source,
  by linking rule;
* ``miss-unattributed``: a gold quote found but left without a speaker;
* ``miss-not-found``: a gold quote no predicted quotation covers.

Usage (from the repo root)::

    .venv/bin/python bench/polnear_errors.py [GOLD.jsonl] [--kind KIND] [--rule RULE]
        [--limit N] [--summary]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attribution.parse.model import Attribution
from attribution.parse.pipeline import extract

CONTEXT = 160


@dataclass(frozen=True, slots=True, kw_only=True)
class Error:
    kind: str
    rule: str
    article: str
    text: str
    quote: tuple[int, int]
    mention: tuple[int, int] | None
    gold_source: tuple[tuple[int, int], ...]
    gold_cue: str

    def show(self) -> str:
        start = max(0, min([self.quote[0], *(s for s, _ in self.gold_source)]) - CONTEXT)
        end = min(len(self.text), self.quote[1] + CONTEXT)
        marks = [(self.quote[0], "[["), (self.quote[1], "]]")]
        if self.mention is not None:
            marks += [(self.mention[0], "<P:"), (self.mention[1], ">")]
        for s, e in self.gold_source:
            marks += [(s, "{G:"), (e, "}")]
        piece = ""
        last = start
        for pos, mark in sorted(m for m in marks if start <= m[0] <= end):
            piece += self.text[last:pos] + mark
            last = pos
        piece += self.text[last:end]
        piece = piece.replace("\n", " / ")
        return f"-- {self.kind} {self.rule} {self.article} cue={self.gold_cue!r}\n   {piece}"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span(attribution: Attribution) -> tuple[int, int]:
    return attribution.quote.start, attribution.quote.end


def errors_of(article: str, gold: dict[str, Any], found: tuple[Attribution, ...]) -> list[Error]:
    """The errors in one article."""
    text: str = gold["text"]
    gq = [q for q in gold["quotes"] if q["source"]]
    ignore = [(q["start"], q["end"]) for q in gold["quotes"] if not q["source"]]
    out: list[Error] = []

    def error(kind: str, rule: str, quote: tuple[int, int], mention: Any, g: Any) -> Error:
        source = tuple((s, e) for s, e in g["source"]) if g else ()
        return Error(
            kind=kind,
            rule=rule,
            article=article,
            text=text,
            quote=quote,
            mention=mention,
            gold_source=source,
            gold_cue=str(g.get("cue", "")) if g else "",
        )

    attributed = [a for a in found if a.mention is not None]
    for q in gq:
        span = (q["start"], q["end"])
        cover = [a for a in found if _overlap(span, _span(a)) > 0]
        if sum(_overlap(span, _span(a)) for a in cover) * 2 < span[1] - span[0]:
            out.append(error("miss-not-found", "-", span, None, q))
            continue
        with_mention = [a for a in cover if a.mention is not None]
        if not with_mention:
            out.append(error("miss-unattributed", cover[0].rule, span, None, q))
    for a in attributed:
        assert a.mention is not None
        span = _span(a)
        size = max(1, span[1] - span[0])
        if any(_overlap(span, i) * 2 >= size for i in ignore):
            continue
        best = max(gq, key=lambda q: _overlap(span, (q["start"], q["end"])), default=None)
        mention = (a.mention.start, a.mention.end)
        if best is None or _overlap(span, (best["start"], best["end"])) * 2 < size - 2:
            out.append(error("fp-no-gold", a.rule, span, mention, None))
        elif not any(_overlap(mention, (s, e)) > 0 for s, e in best["source"]):
            out.append(error("fp-wrong-mention", a.rule, span, mention, best))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("gold", nargs="?", default=None)
    parser.add_argument("--data", default="../shared/data/polnear-train")
    parser.add_argument("--kind", default=None)
    parser.add_argument("--rule", default=None)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--summary", action="store_true")
    args = parser.parse_args()
    if args.gold:
        lines = Path(args.gold).read_text(encoding="utf-8").splitlines()
    else:
        builder = Path("../shared/bench/polnear_gold.py")
        lines = subprocess.run(
            [sys.executable, str(builder), args.data], check=True, capture_output=True, text=True
        ).stdout.splitlines()
    everything: list[Error] = []
    for line in lines:
        gold = json.loads(line)
        everything.extend(errors_of(gold["id"], gold, extract(gold["text"])))
    counts = Counter((e.kind, e.rule) for e in everything)
    for (kind, rule), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{kind:20} {rule:32} {n}")
    if args.summary:
        return 0
    shown = 0
    for e in everything:
        if (args.kind and e.kind != args.kind) or (args.rule and e.rule != args.rule):
            continue
        print(e.show())
        shown += 1
        if shown >= args.limit:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
