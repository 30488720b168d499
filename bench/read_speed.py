"""What reading Markdown and HTML costs next to parsing: CPU milliseconds per article.

The corpus articles, written as HTML paragraphs (quotation marks and apostrophes as
entities) and as Markdown paragraphs under front matter, are read through
``attribution.check.formats``; the plain text is parsed for comparison. Best of five runs
of CPU time, so a busy machine inflates the figures less.

    taskset -c 0 .venv/bin/python bench/read_speed.py
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from attribution.check.formats import parse
from attribution.parse.pipeline import extract

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def as_html(text: str) -> str:
    marks = {"“": "&ldquo;", "”": "&rdquo;", "’": "&rsquo;"}
    paragraphs = (html.escape(p, quote=False) for p in text.split("\n") if p.strip())
    body = "".join(f"<p>{''.join(marks.get(c, c) for c in p)}</p>\n" for p in paragraphs)
    return f"<!DOCTYPE html><html><body>\n{body}</body></html>\n"


def as_markdown(text: str) -> str:
    return "---\ntitle: A story\n---\n" + "\n\n".join(p for p in text.split("\n") if p.strip())


def per_article(work: Callable[[str], object], items: Sequence[str], repeat: int) -> float:
    """Best of five runs, in CPU milliseconds per item."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for _ in range(repeat):
            for item in items:
                work(item)
        best = min(best, (time.process_time() - start) / (repeat * len(items)))
    return best * 1000


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    pages = [as_html(t) for t in texts]
    notes = [as_markdown(t) for t in texts]
    parse(notes[0], path="warm.md")  # markdown-it-py is imported on first use
    size = sum(map(len, texts)) // len(texts)
    print(f"{len(texts)} articles, {size} characters each on average; CPU ms per article")
    print(f"  read HTML      {per_article(lambda s: parse(s, path='a.html'), pages, 30):.2f}")
    print(f"  read Markdown  {per_article(lambda s: parse(s, path='a.md'), notes, 30):.2f}")
    print(f"  parse          {per_article(extract, texts, 5):.2f}")


if __name__ == "__main__":
    main()
