"""Articles as newsrooms store them: Markdown and HTML read as plain text, offsets into the file.

Golden files (``tests/golden_formats/``, format in its README) pin what each format
yields and where in the file it is; the properties show that a plain article
written as HTML paragraphs or Markdown paragraphs is read as the same plain text,
so it gets the same attributions, with every span pointing into the file.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import article_texts

from attribution.check.findings import Finding
from attribution.check.formats import (
    HTML_IN_TEXT,
    Document,
    Kind,
    looks_like_html,
    parse,
    read_document,
)
from attribution.parse.model import Attribution, Span
from attribution.parse.pipeline import extract

GOLDEN = Path(__file__).parent / "golden_formats"
PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=30)
# (each example parses two articles: enough to find a mapping slip, cheap on a shared machine)
SPANS = ("quote", "mention", "cue", "venue", "date")


def spans(found: Attribution) -> dict[str, Span]:
    return {name: s for name in SPANS if (s := getattr(found, name)) is not None}


def in_order(words: str, characters: str) -> bool:
    """Every non-space character of ``words`` appears in ``characters``, in order."""
    rest = iter(characters)
    return all(char in rest for char in words if not char.isspace())


def assert_in_file(document: Document, found: tuple[Attribution, ...]) -> None:
    """Spans lie in the file, and the file's characters under each hold its words."""
    original = document.original
    for attribution in found:
        for name, span in spans(attribution).items():
            assert 0 <= span.start <= span.end <= len(original), (name, span)
            if document.kind == "text":
                assert original[span.start : span.end] == span.text
                continue
            under = original[span.start : span.end]
            # also "&amp" with no semicolon, as browsers do; NUL read as U+FFFD (CommonMark)
            # or kept, where the HTML reader copies a text run as it stands
            decoded = html.unescape(under)
            # or only the entities that end in ";" ("&ldquo;&amp": CommonMark reads the
            # first, and keeps "&amp" as it stands)
            strict = re.sub(r"&#?\w+;", lambda m: html.unescape(m.group()), under)
            assert any(
                in_order(span.text, form)
                for form in (decoded, decoded.replace("\x00", "\ufffd"), under, strict)
            ), (name, span)


def read(document: Document) -> tuple[Attribution, ...]:
    return document.attributions(extract(document.text))


def line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


# --- golden files -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Case:
    file: str
    expect: tuple[dict[str, Any], ...]
    headline: str | None
    warning: str | None


def load_cases() -> list[Case]:
    raw = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))
    cases = []
    for entry in raw:
        unknown = set(entry) - {"file", "expect", "headline", "warning"}
        assert not unknown, (entry.get("file"), unknown)
        for expected in entry["expect"]:
            extra = set(expected) - {"quote", "speaker", "rule", "original", "at", *SPANS}
            assert not extra and "quote" in expected and "speaker" in expected, expected
        cases.append(
            Case(
                file=entry["file"],
                expect=tuple(entry["expect"]),
                headline=entry.get("headline"),
                warning=entry.get("warning"),
            )
        )
    return cases


CASES = load_cases()


def test_every_golden_file_has_a_case_and_every_format_is_covered() -> None:
    listed = {case.file for case in CASES}
    on_disk = {p.name for p in GOLDEN.iterdir() if p.name not in ("cases.json", "README.md")}
    assert listed == on_disk
    kinds = {read_document(str(GOLDEN / name)).kind for name in listed}
    assert kinds == {"text", "markdown", "html"}


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_golden_format(case: Case) -> None:
    document = read_document(str(GOLDEN / case.file))
    found = read(document)
    assert_in_file(document, found)
    if case.headline is not None:
        assert document.text.split("\n", 1)[0] == case.headline
    assert document.notes == ((case.warning,) if case.warning else ())
    assert [a.quote.text for a in found] == [e["quote"] for e in case.expect]
    for attribution, expected in zip(found, case.expect, strict=True):
        got: dict[str, Any] = {"quote": attribution.quote.text, "speaker": attribution.speaker}
        for key in expected:
            if key == "rule":
                got[key] = attribution.rule
            elif key == "original":
                got[key] = document.original[attribution.quote.start : attribution.quote.end]
            elif key == "at":
                got[key] = line_column(document.original, attribution.quote.start)
            elif key in SPANS:
                span = getattr(attribution, key)
                got[key] = span.text if span is not None else None
        assert got == expected


# --- how each format reads ------------------------------------------------------------------


def test_plain_text_is_its_own_plain_text() -> None:
    text = "\ufeff“Hello,” she said.\n\n<p>not markup here</p>\n"
    document = parse(text, path="a.txt")
    assert document.text is text and document.pieces == () and document.notes == ()
    found = extract(text)
    assert document.attributions(found) == found


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("---\ntitle: x\n---\nBody.\n", "Body."),
        ("---\ntitle: x\n...\nBody.\n", "Body."),
        ("+++\ntitle = 'x'\n+++\nBody.\n", "Body."),
        ("---\n---\nBody.\n", "Body."),
        ("\ufeff---\na: 1\n---\n# Head Line\n\nBody.\n", "Head Line\n\nBody."),
        # no closing fence: not front matter, but a rule and a paragraph
        ("---\ntitle: x\n\nBody.\n", "title: x\n\nBody."),
        ("Setext Heading\n===\n\nBody *one* and **two**.\n", "Setext Heading\n\nBody one and two."),
        ("A line\nand the next\n", "A line and the next"),
        ("Escaped \\*stars\\* and AT&amp;T.\n", "Escaped *stars* and AT&T."),
        ("See ![a chart of “costs”](c.png) here.\n", "See here."),
        ("Raw <span class='x'>html</span> inline.\n", "Raw html inline."),
        ("Code `x = 1` inline.\n\n    code block\n\n```\nfenced\n```\n", "Code x = 1 inline."),
        ("<div>\nraw block\n</div>\n\nAfter.\n", "After."),
        ("1. one\n2. two\n\n> quoted\n> on\n", "one\n\ntwo\n\nquoted on"),
        ('[Jane Doe](https://x.org/said "she said") said it.\n', "Jane Doe said it."),
        ("[Jane][ref] said it.\n\n[ref]: https://x.org\n", "Jane said it."),
    ],
)
def test_markdown_reads_as(source: str, plain: str) -> None:
    document = parse(source, path="story.md")
    assert document.kind == "markdown"
    assert document.text == plain
    assert_pieces_tile(document)


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>  spaced \n  out  </p>", "spaced out"),
        ("<p>a<br>b<br/>c</p>", "a\n\nb\n\nc"),
        ("<p>AT&T &amp; &copy; &#169; &#xA9; &bogus; &</p>", "AT&T & © © © &bogus; &"),
        ("<p>no&nbsp;break</p>", "no\xa0break"),
        ("<script>x = '<p>no</p>'</script><style>p{}</style><p>yes</p>", "yes"),
        ("<nav>menu</nav><aside>related</aside><p>story</p><footer>legal</footer>", "story"),
        ("<html><head><title>Tab</title><body><p>unclosed head</p>", "unclosed head"),
        ("<pre>code</pre><p>text <code>inline</code> kept</p>", "text inline kept"),
        ("<ul><li>one</li><li>two <em>2</em></li></ul>", "one\n\ntwo 2"),
        ("\ufeff<h1>Head</h1>text", "Head\n\ntext"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<!-- a comment --><p>after</p>", "after"),
    ],
)
def test_html_reads_as(source: str, plain: str) -> None:
    document = parse(source, path="story.html")
    assert document.kind == "html"
    assert document.text == plain
    assert_pieces_tile(document)


def assert_pieces_tile(document: Document) -> None:
    """The pieces cover the plain text end to end; copied ones are the file's characters."""
    if document.kind == "text":
        assert document.text == document.original and not document.pieces
        return
    at = 0
    for piece in document.pieces:
        assert piece.plain == at and piece.size > 0
        assert 0 <= piece.start <= piece.end <= len(document.original)
        if piece.copied:
            plain = document.text[piece.plain : piece.plain + piece.size]
            assert document.original[piece.start : piece.end] == plain
        at += piece.size
    assert at == len(document.text)


@pytest.mark.parametrize(
    ("text", "html_like"),
    [
        ("<!DOCTYPE html><p>x</p>", True),
        ("  <!-- saved page -->\n<html lang='en'>", True),
        ("\ufeff<!doctype html>", True),
        ("<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>\n<p>Four.</p>\n", True),
        ("“We love you <3,” she said. The <b> key sticks.", False),
        ("Prose " * 500 + "<p>a</p><p>b</p><br><br>", False),
        ("", False),
    ],
)
def test_looks_like_html(text: str, html_like: bool) -> None:
    assert looks_like_html(text) is html_like


def test_html_named_txt_is_read_as_text_with_a_note() -> None:
    document = parse("<!doctype html>\n<p>&ldquo;Hi,&rdquo; she said.</p>", path="a.txt")
    assert document.kind == "text" and document.notes == (HTML_IN_TEXT,)
    assert extract(document.text) == ()  # entities stay entities: why the note matters
    as_html = parse(document.original, path="a.html")
    assert [a.quote.text for a in extract(as_html.text)] == ["Hi,"]


def test_steps_and_findings_point_into_the_file() -> None:
    source = "<h1>Head</h1>\n<p>\n  &ldquo;We will go,&rdquo;\n  Jane Doe said.</p>\n"
    document = parse(source, path="a.html")
    (found,) = read(document)
    assert source[found.quote.start : found.quote.end] == "We will go,"
    assert found.steps[0] == f"quotation {found.quote.start}-{found.quote.end}"
    assert found.cue is not None
    assert f"at {found.cue.start}-{found.cue.end}" in " ".join(found.steps)
    (plain,) = extract(document.text)
    line = document.text.count("\n", 0, plain.quote.start) + 1
    column = plain.quote.start - document.text.rfind("\n", 0, plain.quote.start)
    finding = Finding(
        kind="misquote",
        article="a.html",
        record="r",
        speaker="Jane Doe",
        quote="We will go,",
        expected="We will stay.",
        line=line,
        column=column,
    )
    moved = document.finding(finding)
    assert (moved.line, moved.column) == (3, 10)
    assert line_column(source, found.quote.start) == "3:10"
    missing = Finding(
        kind="missing-quote",
        article="a.html",
        record="r",
        speaker=None,
        quote="",
        expected="x",
        line=None,
        column=None,
    )
    assert document.finding(missing) == missing


# --- properties -----------------------------------------------------------------------------

#: How an HTML writer may spell each quotation mark or apostrophe.
ENTITIES = {
    "“": ("&ldquo;", "&#8220;", "&#x201C;"),
    "”": ("&rdquo;", "&#8221;", "&#x201d;"),
    "‘": ("&lsquo;", "&#8216;"),
    "’": ("&rsquo;", "&#8217;"),
    '"': ("&quot;", "&#34;"),
    "'": ("&apos;", "&#39;"),
    "«": ("&laquo;",),
    "»": ("&raquo;",),
    "„": ("&bdquo;",),
}


@st.composite
def written(draw: st.DrawFn, kind: Kind) -> tuple[str, str]:
    """A plain article (paragraphs joined by blank lines) and the same one as ``kind``."""
    paragraphs = [p for p in draw(article_texts()).split("\n") if p.strip()]
    plain = "\n\n".join(paragraphs)
    out = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        if kind == "html":
            encoded = "".join(
                draw(st.sampled_from((c, *ENTITIES[c]))) if c in ENTITIES else html.escape(c)
                for c in paragraph
            )
            words = encoded.split(" ")
        breaks = [draw(st.sampled_from((" ", " ", " ", "\n", "\n  "))) for _ in words[1:]]
        body = words[0] + "".join(b + w for b, w in zip(breaks, words[1:], strict=True))
        out.append(f"<p>{body}</p>" if kind == "html" else body)
    if kind == "html":
        head = draw(st.sampled_from(("", "<!DOCTYPE html>\n<html><body>\n")))
        return plain, head + "\n".join(out)
    front = draw(st.sampled_from(("", "---\ntitle: A story\n---\n")))
    return plain, front + "\n\n".join(out) + "\n"


def assert_same_reading(plain: str, source: str, kind: Kind) -> None:
    document = parse(source, path=f"story.{'html' if kind == 'html' else 'md'}")
    assert document.text == plain
    assert_pieces_tile(document)
    found = read(document)
    expected = extract(plain)
    assert [(a.speaker, a.rule, a.quote.text) for a in found] == [
        (a.speaker, a.rule, a.quote.text) for a in expected
    ]
    assert_in_file(document, found)
    if kind == "markdown":  # nothing to decode: line breaks are the only difference
        for attribution in found:
            for span in spans(attribution).values():
                under = document.original[span.start : span.end]
                paragraphs = under.split("\n\n")
                assert "\n\n".join(re.sub(r"\n *", " ", p) for p in paragraphs) == span.text


@PROPERTY
@given(written("html"))
@example(("“Yes,” she said.", "<p>&ldquo;Yes,&#8221;\n  she said.</p>"))
def test_html_paragraphs_read_as_the_plain_article(case: tuple[str, str]) -> None:
    assert_same_reading(*case, "html")


@PROPERTY
@given(written("markdown"))
@example(('"Yes," she said.', '---\ntitle: A story\n---\n"Yes,"\n  she said.\n'))
def test_markdown_paragraphs_read_as_the_plain_article(case: tuple[str, str]) -> None:
    assert_same_reading(*case, "markdown")


MARKUP = st.sampled_from(
    (
        "<p>", "</p>", "<br>", "<script>", "</script>", "<nav>", "</nav>", "&ldquo;", "&#8221;",
        "&amp", "&", "<", ">", "<!--", "-->", "<![CDATA[", "]]>", "<!doctype", "\n", " ", "“",
        "\"", "*", "_", "`", "```", "[", "](", ")", "![", "#", "---", "+++", "> ", "- ", "1. ",
        "\\", "    ", "said", "Jane Doe",
    )
)  # fmt: skip


@PROPERTY
@given(st.lists(st.one_of(MARKUP, st.text(max_size=4)), max_size=40).map("".join))
@example("\r0")  # a lone CR ends a Markdown line (CommonMark), as LF does
@example("0```\x00")  # CommonMark reads NUL as U+FFFD
@example("```\x00&ldquo;")  # the HTML reader keeps a NUL in a copied run
@example("“&ldquo;&amp")  # an entity decoded, "&amp" with no ";" kept as it stands
@example("&ldquo;<p>“")  # the words are the entity, not the same mark after the tag
def test_any_text_reads_in_every_format(text: str) -> None:
    """Malformed markup never raises, and every piece of the map stays inside the file."""
    for path in ("a.md", "a.html", "a.txt"):
        document = parse(text, path=path)
        assert_pieces_tile(document)
        assert_in_file(document, read(document))
