"""Stage 0, formats: an article file as the plain text the parser reads, and the way back.

Newsrooms keep stories as Markdown and HTML; the stages read plain text, one
paragraph per line. ``read_document`` turns a file into that plain text and keeps,
for every character of it, the stretch of the file it came from, so whatever is
reported (spans, lines, columns) points into the file the user has. Only this
module knows formats; the rest sees a ``Document``.

What a mapped offset means: a span covers the characters of the original file
that its words came from, and its ``text`` stays the words a reader sees. The two
agree (``original[start:end] == text``) unless the stretch holds markup or an
entity: for ``&ldquo;We&rsquo;re ready&rdquo;`` the quote's span covers
``We&rsquo;re ready`` and its text is ``We’re ready``.
"""

from __future__ import annotations

import bisect
import dataclasses
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from attribution.check.findings import Finding
from attribution.check.source import line_column, read_article
from attribution.errors import InputError
from attribution.parse.model import Attribution, Span

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["SUFFIXES", "Document", "FormatWarning", "Kind", "parse", "read_document"]

Kind = Literal["text", "markdown", "html"]

#: The format of a file, by its name; any other name reads as plain text.
SUFFIXES: dict[str, Kind] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}

#: Between two blocks (paragraphs, headings, list items): a blank line, as wire copy has.
BLOCK_BREAK = "\n\n"


class _Lazy:
    """A pattern compiled on first use: a plain-text run never pays for the others."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.source = (pattern, flags)
        self.compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self.compiled is None:
            self.compiled = re.compile(*self.source)
        return self.compiled


class FormatWarning(UserWarning):
    """A file whose name and contents disagree (HTML in a .txt file): read, but likely wrong."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Piece:
    """Plain text ``[plain, plain + size)`` came from ``original[start:end]``.

    ``copied`` pieces are the same characters (offsets map one to one); the others
    (an entity decoded, a line break read as a space, a blank line between blocks)
    map every character to the whole stretch, which may be empty.
    """

    plain: int
    size: int
    start: int
    end: int
    copied: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """An article file as read: the file's text, the plain text the stages see, the map.

    A plain-text file is its own plain text (``pieces`` empty, every method the
    identity), so the common case costs nothing. ``notes`` are warnings about the
    file for the caller to show: the reader never prints.
    """

    path: str
    kind: Kind
    original: str
    text: str
    pieces: tuple[Piece, ...] = ()
    notes: tuple[str, ...] = ()
    _starts: tuple[int, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.plain for p in self.pieces))

    def offset(self, plain: int) -> int:
        """Where plain character ``plain`` starts in the file (past the text: where it ends)."""
        if self.kind == "text":
            return plain
        if plain >= len(self.text):
            return self.pieces[-1].end if self.pieces else 0
        piece = self.pieces[bisect.bisect_right(self._starts, plain) - 1]
        return piece.start + (plain - piece.plain) if piece.copied else piece.start

    def end_offset(self, plain: int) -> int:
        """Where the plain text up to ``plain`` (exclusive) ends in the file."""
        if self.kind == "text":
            return plain
        if plain <= 0:
            return self.offset(0)
        piece = self.pieces[bisect.bisect_right(self._starts, plain - 1) - 1]
        return piece.start + (plain - piece.plain) if piece.copied else piece.end

    def span(self, span: Span) -> Span:
        """``span`` of the plain text as a span of the file, keeping its words."""
        if self.kind == "text":
            return span
        start = self.offset(span.start)
        end = self.end_offset(span.end) if span.end > span.start else start
        return Span(start=start, end=max(start, end), text=span.text)

    def attribution(self, found: Attribution) -> Attribution:
        """An attribution of the plain text with every span (and step offset) in the file."""
        if self.kind == "text":
            return found

        def maybe(span: Span | None) -> Span | None:
            return None if span is None else self.span(span)

        return dataclasses.replace(
            found,
            quote=self.span(found.quote),
            mention=maybe(found.mention),
            cue=maybe(found.cue),
            venue=maybe(found.venue),
            date=maybe(found.date),
            steps=tuple(_STEP_OFFSETS().sub(self._step_offsets, step) for step in found.steps),
        )

    def attributions(self, found: Iterable[Attribution]) -> tuple[Attribution, ...]:
        return tuple(self.attribution(a) for a in found)

    def position(self, line: int, column: int) -> tuple[int, int]:
        """A 1-based line and column of the plain text as the file's line and column."""
        if self.kind == "text":
            return line, column
        start = 0
        for _ in range(line - 1):
            start = self.text.index("\n", start) + 1
        return line_column(self.original, self.offset(start + column - 1))

    def finding(self, finding: Finding) -> Finding:
        """A finding located in the plain text, located in the file instead."""
        if self.kind == "text" or finding.line is None or finding.column is None:
            return finding
        line, column = self.position(finding.line, finding.column)
        return dataclasses.replace(finding, line=line, column=column)

    def findings(self, found: Iterable[Finding]) -> tuple[Finding, ...]:
        return tuple(self.finding(f) for f in found)

    def _step_offsets(self, match: re.Match[str]) -> str:
        start, end = int(match["start"]), int(match["end"])
        return f"{match['lead']}{self.offset(start)}-{self.end_offset(end)}"


#: An entity or a backslash escape: where a file may spell text otherwise than as it reads.
_SPELLS_OTHERWISE = _Lazy(r"[&\\]")

#: "quotation 452-497", "cue 'said' at 506-510": the offsets ``attribution explain`` shows.
_STEP_OFFSETS = _Lazy(r"(?P<lead>^quotation | at )(?P<start>\d+)-(?P<end>\d+)$")


# --- reading ------------------------------------------------------------------------------


def read_document(path: str) -> Document:
    """The article at ``path`` in the format its name gives; InputError when unreadable."""
    return parse(read_article(path), path=path)


def parse(original: str, *, path: str, kind: Kind | None = None) -> Document:
    """``original`` (a file's text as ``source`` decodes it) read as ``kind``, by default
    the format of ``path``'s suffix."""
    kind = kind or SUFFIXES.get(PurePath(path).suffix.lower(), "text")
    if kind == "text":
        notes = (HTML_IN_TEXT,) if looks_like_html(original) else ()
        return Document(path=path, kind="text", original=original, text=original, notes=notes)
    builder = _Builder(original)
    try:
        if kind == "markdown":
            _read_markdown(original, builder)
        else:
            _read_html(original, builder)
    except RecursionError:
        raise InputError(path, f"cannot read {kind}: nested too deeply") from None
    return Document(
        path=path, kind=kind, original=original, text="".join(builder.parts), pieces=builder.done()
    )


HTML_IN_TEXT = "looks like HTML but is not named .html: read as plain text, tags and all"

#: The opening of an HTML document, after any comments.
_HTML_START = _Lazy(r"\A[\s\ufeff]*(?:<!--.*?-->[\s]*)*<(?:!doctype|html[\s>])", re.I | re.S)
#: Common HTML elements' tags; prose in angle brackets rarely names one.
_HTML_TAG = _Lazy(
    r"</?(?:a|article|b|blockquote|body|br|div|em|h[1-6]|head|i|img|li|meta|ol|p|script"
    r"|section|span|strong|style|table|td|tr|ul)(?:\s[^<>]{0,500})?/?>",
    re.I,
)
#: Looked at for the test, and how dense tags must be there: one per this many characters.
_SNIFF = 8192
_TAG_EVERY = 200


def looks_like_html(text: str) -> bool:
    """Opens like an HTML document, or carries a tag every few lines (at least four)."""
    head = text[:_SNIFF]
    if "<" not in head:
        return False  # most plain text: no pattern compiled, nothing scanned
    if _HTML_START().match(head):
        return True
    tags = len(_HTML_TAG().findall(head))
    return tags >= 4 and tags * _TAG_EVERY >= len(head)


class _Builder:
    """Plain text and its pieces, block by block; whitespace collapsed as HTML renders it."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.size = 0
        self.broken = False  # a block ended since the last text
        self.space: tuple[int, int] | None = None  # whitespace waiting for more text

    def block(self) -> None:
        """A block starts or ends: the next text opens a new paragraph."""
        self.broken = True
        self.space = None

    def blank(self, start: int, end: int) -> None:
        """Whitespace at ``original[start:end]``: one space, if text follows in the block."""
        if self.size and not self.broken and self.space is None:
            self.space = (start, end)

    def copy(self, start: int, end: int) -> None:
        """Text the file holds as it is (less the spaces that would open a paragraph)."""
        if self.broken or not self.size or self.parts[-1].endswith(" "):
            while start < end and self.original[start] in " \t":
                start += 1  # no space opens a paragraph or doubles one (after an image)
        if end <= start:
            return
        self._lead(start)
        last = self.pieces[-1] if self.pieces else None
        if last is not None and last.copied and last.end == start:
            size = last.size + end - start
            self.pieces[-1] = Piece(
                plain=last.plain, size=size, start=last.start, end=end, copied=True
            )
        else:
            self.pieces.append(
                Piece(plain=self.size, size=end - start, start=start, end=end, copied=True)
            )
        self.parts.append(self.original[start:end])
        self.size += end - start

    def put(self, text: str, start: int, end: int) -> None:
        """Text the file spells otherwise (an entity, an escape) at ``original[start:end]``."""
        if not text:
            return
        self._lead(start)
        self._piece(text, start, end)

    def done(self) -> tuple[Piece, ...]:
        return tuple(self.pieces)

    def _lead(self, at: int) -> None:
        if self.broken:
            if self.size:
                self._piece(BLOCK_BREAK, at, at)
            self.broken = False
        elif self.space is not None:
            start, end = self.space
            if self.original[start:end] == " ":
                self.space = None
                self.copy(start, end)
            else:
                self._piece(" ", start, end)
        self.space = None

    def _piece(self, text: str, start: int, end: int) -> None:
        self.pieces.append(
            Piece(plain=self.size, size=len(text), start=start, end=end, copied=False)
        )
        self.parts.append(text)
        self.size += len(text)


def _line_starts(text: str) -> list[int]:
    """Where each line starts, with CommonMark's line endings (CR LF, CR or LF), as
    markdown-it-py counts the lines its ``map`` refers to."""
    return [0, *(m.end() for m in _LINE_END.finditer(text))]


_LINE_END = re.compile(r"\r\n|\r|\n")
_NUL_AS_REPLACEMENT = {0: "\ufffd"}


def _body_start(original: str) -> int:
    """Past a byte-order mark, which no reader should take for text."""
    return 1 if original.startswith("\ufeff") else 0


# --- Markdown -----------------------------------------------------------------------------

#: YAML (``---``) or TOML (``+++``) front matter: metadata, not the story.
_FRONT_MATTER = _Lazy(
    r"(?:---[ \t]*\n(?:.*?\n)?(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*?\n)?\+\+\+)[ \t]*(?:\n|\Z)", re.S
)
_ENTITY = _Lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_EMPHASIS = "*_~`"

_markdown_it: Callable[[str], list[Token]] | None = None


def _markdown_tokens(text: str) -> list[Token]:
    """CommonMark tokens; markdown-it-py is imported on first use (plain text never pays)."""
    global _markdown_it
    if _markdown_it is None:
        from markdown_it import MarkdownIt

        _markdown_it = MarkdownIt("commonmark").parse
    return _markdown_it(text)


def _read_markdown(original: str, builder: _Builder) -> None:
    """Paragraphs, headings, list items and quoted blocks; code and raw HTML blocks left out.

    markdown-it-py gives each block its lines and each inline run its words (entities
    and escapes decoded) but no character offsets, so the words are found again in
    the block's lines, in order, skipping the markup between them.
    """
    base = _body_start(original)
    front = _FRONT_MATTER().match(original, base)
    if front:
        base = front.end()
    # CommonMark reads NUL as U+FFFD; the body is searched as the parser read it (the
    # same length, so offsets hold), and the plain text carries U+FFFD, as decoded text.
    body = original[base:].translate(_NUL_AS_REPLACEMENT)
    starts = _line_starts(body)
    for token in _markdown_tokens(body):
        if token.type != "inline" or token.map is None or not token.children:
            continue
        first, last = token.map
        end = starts[last] if last < len(starts) else len(body)
        builder.block()
        _Inline(body, base, builder, starts[first], end).walk(token.children)
    builder.block()


class _Inline:
    """One inline run's children aligned with its lines of the file."""

    def __init__(self, body: str, base: int, builder: _Builder, start: int, end: int) -> None:
        self.body = body
        self.base = base
        self.out = builder
        self.at = start
        self.end = end

    def walk(self, children: Iterable[Token]) -> None:
        for child in children:
            kind = child.type
            if kind in ("text", "code_inline"):
                self.words(child.content)
            elif kind in ("softbreak", "hardbreak"):
                newline = self.body.find("\n", self.at, self.end)
                if newline >= 0:
                    self.out.blank(self.base + newline, self.base + newline + 1)
                    self.at = newline + 1
            elif kind == "link_close":
                at = self.at
                while at < self.end and self.body[at] in _EMPHASIS:
                    at += 1
                if self.body.startswith("]", at):
                    self.at = _past_destination(self.body, at + 1, self.end)
            elif kind == "image":  # alt text is not the story
                bang = self.body.find("![", self.at, self.end)
                if bang >= 0:
                    self.at = _past_brackets(self.body, bang + 1, self.end)
            elif kind == "html_inline":
                tag = self.body.find(child.content, self.at, self.end)
                if tag >= 0:
                    self.at = tag + len(child.content)

    def words(self, text: str) -> None:
        """``text`` where it next stands; character by character if the file spells it otherwise."""
        body, base, out = self.body, self.base, self.out
        found = body.find(text, self.at, self.end)
        if found >= 0 and not _SPELLS_OTHERWISE().search(body, self.at, found):
            # found as it stands, with no entity or escape before it that may spell it
            # ('&ldquo;<p>“': the words are the entity, not the mark after the tag)
            out.copy(base + found, base + found + len(text))
            self.at = found + len(text)
            return
        i, at, started = 0, self.at, False
        while i < len(text):
            plain, spelled = self._spelling(text, i, at)
            if spelled:
                if plain == spelled and body[at] == text[i]:
                    out.copy(base + at, base + at + 1)
                else:
                    out.put(text[i : i + plain], base + at, base + at + spelled)
                i, at, started = i + plain, at + spelled, True
            elif not started and at < self.end:
                at += 1  # markup before the words
            else:
                out.put(text[i], base + at, base + at)  # not in the file as such: no width
                i += 1
        self.at = at

    def _spelling(self, text: str, i: int, at: int) -> tuple[int, int]:
        """How many characters of ``text`` (from i) the file spells at ``at``, and in how many."""
        if at >= self.end:
            return 0, 0
        char = self.body[at]
        if char == "&":
            entity = _ENTITY().match(self.body, at, self.end)
            if entity:
                decoded = html.unescape(entity.group())
                if decoded != entity.group() and text.startswith(decoded, i):
                    return len(decoded), entity.end() - at
        if char == "\\" and text[i] in _ASCII_PUNCTUATION and self.body.startswith(text[i], at + 1):
            return 1, 2
        return (1, 1) if char == text[i] else (0, 0)


def _past_brackets(body: str, at: int, end: int) -> int:
    """Past ``[text]`` at ``at`` and the destination after it: an image's alt text."""
    depth = 0
    while at < end:
        char = body[at]
        if char == "\\":
            at += 2
            continue
        at += 1
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth <= 0:
                return _past_destination(body, at, end)
    return end


def _past_destination(body: str, at: int, end: int) -> int:
    """Past a link's ``(destination "title")`` or ``[label]`` at ``at``, if there is one."""
    if body.startswith("(", at):
        depth = 0
        while at < end:
            char = body[at]
            at += 1
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
    elif body.startswith("[", at):
        close = body.find("]", at, end)
        at = close + 1 if close >= 0 else at
    return min(at, end)


# --- HTML ---------------------------------------------------------------------------------


def _names(words: str) -> frozenset[str]:
    """Element names read best as plain words."""
    return frozenset(words.split())


#: Elements whose contents are not the story: code, scripts, styles, navigation, page
#: furniture, forms.
SKIPPED = _names(
    """aside button canvas footer form head iframe nav noscript object pre script select style
    svg template textarea math"""
)
#: Elements that start and end a paragraph of their own.
BLOCKS = _names(
    """address article blockquote body br caption dd details dialog div dl dt figcaption figure
    h1 h2 h3 h4 h5 h6 header hgroup hr html li main ol p section summary table tbody td tfoot
    th thead title tr ul"""
)
_VOID = _names("area base br col embed hr img input link meta source track wbr")
#: HTML's own whitespace, which a browser collapses (not the no-break space).
_HTML_SPACE = _Lazy(r"[ \t\n\r\f]+")
#: The whitespace a browser shows otherwise than written: runs, line breaks, tabs, and a
#: space at either end of a text (it may end a paragraph); a lone space is copied as it is.
_COLLAPSED = _Lazy(r"[ \t\n\r\f]{2,}|[\t\n\r\f]|\A | \Z")


def _read_html(original: str, builder: _Builder) -> None:
    base = _body_start(original)
    reader = _HtmlReader(original, base, builder)
    reader.feed(original[base:])
    reader.close()
    builder.block()


class _HtmlReader(HTMLParser):
    """The stdlib's tokenizer, which tells where each piece of text starts; entities kept
    apart (``convert_charrefs=False``) so each decoded character knows its source."""

    def __init__(self, original: str, base: int, builder: _Builder) -> None:
        super().__init__(convert_charrefs=False)
        self.original = original
        self.base = base
        self.lines = _line_starts(original[base:])
        self.out = builder
        self.skipping: list[str] = []

    def _at(self) -> int:
        line, column = self.getpos()
        return self.base + self.lines[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body" and "head" in self.skipping:
            del self.skipping[self.skipping.index("head") :]  # an unclosed <head> ends here
        if tag in SKIPPED:
            if tag not in _VOID:
                self.skipping.append(tag)
        elif tag in BLOCKS and not self.skipping:
            self.out.block()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS and not self.skipping:
            self.out.block()

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:
                index = len(self.skipping) - 1 - self.skipping[::-1].index(tag)
                del self.skipping[index:]
            return
        if tag in BLOCKS:
            self.out.block()

    def handle_data(self, data: str) -> None:
        if self.skipping or not data:
            return
        at = self._at()
        position = 0
        for match in _COLLAPSED().finditer(data):
            self.out.copy(at + position, at + match.start())
            self.out.blank(at + match.start(), at + match.end())
            position = match.end()
        self.out.copy(at + position, at + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference(1 + len(name))

    def handle_charref(self, name: str) -> None:
        self._reference(2 + len(name))

    def _reference(self, size: int) -> None:
        if self.skipping:
            return
        start = self._at()
        end = start + size
        if self.original.startswith(";", end):
            end += 1
        spelled = self.original[start:end]
        decoded = html.unescape(spelled)
        if decoded == spelled:
            self.out.copy(start, end)  # not an entity after all ("AT&T")
        elif _HTML_SPACE().fullmatch(decoded):
            self.out.blank(start, end)
        else:
            self.out.put(decoded, start, end)
