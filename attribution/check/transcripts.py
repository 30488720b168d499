"""Transcripts and captions as records: every speaker turn is that speaker's record.

Why a module of its own: the words an editor would type into ``quotes:`` usually exist
already, in the official transcript or the video's captions. A transcript is long (a
press conference runs to 10,000 words) and compare.py aligns a quote against every
record word by word, so here a transcript is read once into speaker turns, indexed by
word bigrams (and, for the credited speaker's turns, by their rarer content words), and
each article's quotes are aligned only against a few windows of the turns the index
points at. The verdicts stay compare.py's: the windows are handed to its ``Matcher`` as
records, so the evidence rules are the same ones (docs/records.md). Findings against a
window are then pointed back at the transcript: its file, the line (or for WebVTT the
cue's start time) where the nearest stretch begins, and that stretch as the record's
words.

Two formats, told apart by content, never by guessing further:

- speaker-labelled plain text, as governments and courts publish it: ``LABEL: words``
  at the start of a line, the turn running over any number of lines and paragraphs
  until the next label; text before the first label (a title, a date line) is no one's;
- WebVTT captions (``WEBVTT`` first) with voice tags ``<v Lloyd Austin>``; consecutive
  cues of one voice are one turn, and a cue without a voice tag continues the last one.

Anything else is a one-line ``ExpectationError`` naming the transcript and the line.
"""

from __future__ import annotations

import bisect
import difflib
import html
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

import regex

from attribution.check.align import TOKEN, Token, align, content_words, normalise, tokens, words
from attribution.check.findings import Finding
from attribution.check.records import Record, RecordFile, Source, Speaker
from attribution.check.verdicts import ArticleCheck, Matcher, RecordCheck
from attribution.errors import ExpectationError
from attribution.parse.model import Attribution

Format = Literal["text", "webvtt"]

#: A label in capitals: ``Q:``, ``SECRETARY AUSTIN:``, ``MR. SMITH:``, ``THE COURT:``.
CAPS_LABEL = regex.compile(
    r"""
    (?P<label>
      \p{Lu}[\p{Lu}\p{M}\p{N}.'’\-]*                 # Q, SECRETARY, MR., JEAN-PIERRE
      (?:[ ]+[\p{Lu}\p{N}][\p{Lu}\p{M}\p{N}.'’\-]*){0,5}
    )
    (?:[ ]*\((?P<aside>[^()\n]{1,60})\))?            # (through interpreter)
    [ ]*:(?:[ \t]+|$)                                # the colon, then the turn's words
    """,
    regex.VERBOSE,
)

#: A label written as a name: ``Mr. Smith:``, ``Lloyd Austin:``, ``Secretary Austin:``.
NAME_LABEL = regex.compile(
    r"""
    (?P<label>
      \p{Lu}[\p{L}\p{M}'’\-]*\.?                     # Mr. or Lloyd or McDonald
      (?:[ ]+\p{Lu}[\p{L}\p{M}'’\-]*\.?){0,4}        # Smith, Austin, III
    )
    (?:[ ]*\((?P<aside>[^()\n]{1,60})\))?
    [ ]*:(?:[ \t]+|$)
    """,
    regex.VERBOSE,
)

#: ``(Laughter.)``, ``[Applause]``: a stage direction on a line of its own is nobody's words.
DIRECTION = regex.compile(r"\([^()]*\)|\[[^\[\]]*\]")

TIMING = regex.compile(
    r"""
    (?P<start>(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})     # 00:01:23.000 or 01:23.000
    [ \t]+-->[ \t]+
    (?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}
    (?:[ \t].*)?                                      # cue settings
    """,
    regex.VERBOSE,
)
#: A SubRip timing (``00:00:01,000 --> 00:00:03,000``): captions without a WEBVTT header.
SUBRIP_TIMING = regex.compile(r"\d{2,}:[0-5]\d:[0-5]\d[,.]\d{3}[ \t]+-->[ \t]+\S.*")
VOICE = regex.compile(r"<v(?:\.[^\s>]*)?[ \t]+(?P<name>[^>]*)>")
TAG = regex.compile(r"</?[^>]*>")

#: A word pair this common locates nothing ("of the"); it is left out of the lookup.
MAX_BIGRAM_POSTINGS = 1000
#: The rarest pairs of a quote are looked up first: at least this many, then as many as
#: keep the hits read under the budget (a quote's rare pairs find it; common ones add noise).
MIN_PAIRS = 3
PAIR_BUDGET = 300
#: Content words are looked up only in the credited speaker's turns, and only when rarer.
MAX_WORD_POSTINGS = 60
#: Turns kept per quote: the best anywhere, and the best of the credited speaker's.
BEST_TURNS = 3
BEST_OWN_TURNS = 2


@dataclass(frozen=True, slots=True, kw_only=True)
class Word:
    """A word of a turn: where it is in the turn's text and in the transcript file."""

    norm: str
    start: int
    end: int
    line: int
    #: How a finding names the place: the line number, or a cue's start time.
    at: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Turn:
    """One speaker's uninterrupted words; ``speaker`` is canonical, or the label if unquotable."""

    id: str
    label: str
    speaker: str
    quotable: bool
    text: str
    words: tuple[Word, ...]
    source: Source


@dataclass(frozen=True, slots=True, kw_only=True)
class Transcript:
    """A source file read into turns."""

    source: Source
    format: Format
    turns: tuple[Turn, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Piece:
    """A line's words before they join a turn."""

    text: str
    line: int
    at: str


@dataclass(slots=True)
class _Open:
    """A turn being read."""

    label: str
    line: int
    pieces: list[_Piece]


def read(source: Source, *, record_file: RecordFile, shown_record: str) -> Transcript:
    """Read one source into speaker turns; every problem names the transcript and line."""
    try:
        text = source.path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ExpectationError(source.shown, None, f"cannot read transcript: {err}") from None
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines, 1) if line.strip()), None)
    if first is None:
        raise ExpectationError(source.shown, 1, "empty transcript")
    fmt: Format = "webvtt" if _is_webvtt(lines[first - 1]) else "text"
    opened = _webvtt(lines, source) if fmt == "webvtt" else _labelled(lines, source)
    if not any(p.text.strip() for t in opened for p in t.pieces):
        raise ExpectationError(source.shown, first, "empty transcript: no one's words in it")
    names = _Names(source, record_file=record_file, shown_record=shown_record)
    turns: list[Turn] = []
    for turn in opened:
        built = _turn(turn, source, names)
        if built is not None:
            turns.append(built)
    return Transcript(source=source, format=fmt, turns=tuple(turns))


def _is_webvtt(line: str) -> bool:
    return line == "WEBVTT" or (line.startswith("WEBVTT") and line[6] in " \t")


def _labelled(lines: Sequence[str], source: Source) -> list[_Open]:
    """``LABEL: words`` turns, each running until the next label."""
    listed = {label.casefold() for label, _ in source.speakers}
    turns: list[_Open] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if "-->" in line and (TIMING.fullmatch(line) or SUBRIP_TIMING.fullmatch(line)):
            raise ExpectationError(
                source.shown,
                number,
                "a caption timing in a file without a WEBVTT header: "
                "captions are read as WebVTT only",
            )
        label = _label(line, listed)
        if label is not None:
            name, rest = label
            turns.append(_Open(label=name, line=number, pieces=[]))
            line = rest
        if not turns:
            continue  # a title or date line before anyone speaks
        if line and not DIRECTION.fullmatch(line):
            turns[-1].pieces.append(_Piece(text=line, line=number, at=str(number)))
    if not turns:
        first = next(n for n, line in enumerate(lines, 1) if line.strip())
        raise ExpectationError(
            source.shown,
            first,
            "unknown transcript format: no speaker label ('LABEL: words') and no WEBVTT header",
        )
    return turns


def _label(line: str, listed: set[str]) -> tuple[str, str] | None:
    """The label a line opens with and the words after it, or None."""
    for pattern in (CAPS_LABEL, NAME_LABEL):
        m = pattern.match(line)
        if m is None:
            continue
        label = " ".join(m.group("label").split())
        if pattern is NAME_LABEL and label.casefold() not in listed and " " not in label:
            continue  # "Look: ..." is words; a one-word name is a label only when listed
        return label, line[m.end() :].strip()
    return None


def _webvtt(lines: Sequence[str], source: Source) -> list[_Open]:
    """Cues with voice tags; consecutive cues of one voice are one turn."""
    turns: list[_Open] = []
    blocks = _blocks(lines)
    header_line, header = blocks[0]
    for n, line in enumerate(header[1:], header_line + 1):
        if "-->" in line:
            raise ExpectationError(
                source.shown, n, "a blank line must separate the WEBVTT header from the cues"
            )
    for number, block in blocks[1:]:
        head = block[0]
        if head.split(maxsplit=1)[0] in ("NOTE", "STYLE", "REGION") and "-->" not in head:
            continue
        at = 0 if "-->" in head else 1
        if at >= len(block) or "-->" not in block[at]:
            raise ExpectationError(
                source.shown,
                number,
                "not a WebVTT cue: expected a timing line such as '00:01:23.000 --> 00:01:25.000'",
            )
        timing = TIMING.fullmatch(block[at].strip())
        if timing is None:
            raise ExpectationError(
                source.shown, number + at, f"bad WebVTT cue timing: {block[at].strip()!r}"
            )
        start = timing.group("start")
        start = start if start.count(":") == 2 else f"00:{start}"
        cue_line = number + at
        payload = "\n".join(block[at + 1 :])
        for voice, said in _voices(payload):
            if voice is None and not turns:
                if not TAG.sub("", said).strip():
                    continue
                raise ExpectationError(
                    source.shown,
                    cue_line,
                    "a cue without a voice tag ('<v Name>') and no speaker before it",
                )
            label = " ".join(voice.split()) if voice is not None else turns[-1].label
            words_said = " ".join(html.unescape(TAG.sub("", said)).split())
            if not turns or turns[-1].label != label:
                turns.append(_Open(label=label, line=cue_line, pieces=[]))
            if words_said:
                turns[-1].pieces.append(_Piece(text=words_said, line=cue_line, at=start))
    return turns


def _blocks(lines: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Runs of non-blank lines with the 1-based number of their first line."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            if not current:
                out.append((number, current))
            current.append(line)
        elif current:
            current = []
    return out


def _voices(payload: str) -> list[tuple[str | None, str]]:
    """A cue's text split at its voice tags; text before the first tag has no voice."""
    out: list[tuple[str | None, str]] = []
    last = 0
    voice: str | None = None
    for m in VOICE.finditer(payload):
        if payload[last : m.start()].strip() or voice is not None:
            out.append((voice, payload[last : m.start()]))
        voice, last = m.group("name"), m.end()
    out.append((voice, payload[last:]))
    return out


class _Names:
    """Who each label is: the source's ``speakers``, then its ``unlisted`` rule."""

    def __init__(self, source: Source, *, record_file: RecordFile, shown_record: str) -> None:
        self.source = source
        self.shown_record = shown_record
        self.by_label = {label.casefold(): name for label, name in source.speakers}
        self.canonical = {
            spelled.casefold(): s.name
            for s in record_file.speakers
            for spelled in (s.name, *s.aliases)
        }

    def speaker(self, label: str, line: int) -> tuple[str, bool]:
        """The canonical name (or the label) and whether the turn may be quoted."""
        key = label.casefold()
        if key in self.by_label:
            name = self.by_label[key]
            return (label, False) if name is None else (name, True)
        if self.source.unlisted == "unquotable":
            return label, False
        if self.source.unlisted == "named":
            return self.canonical.get(key, label), True
        listed = [label for label, _ in self.source.speakers]
        close = difflib.get_close_matches(label, listed, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ExpectationError(
            self.source.shown,
            line,
            f"speaker label '{label}' is not in the 'speakers' of its source "
            f"({self.shown_record}:{self.source.line}){hint}",
        )


def _turn(opened: _Open, source: Source, names: _Names) -> Turn | None:
    speaker, quotable = names.speaker(opened.label, opened.line)
    text = "\n".join(p.text for p in opened.pieces)
    starts: list[int] = []
    offset = 0
    for piece in opened.pieces:
        starts.append(offset)
        offset += len(piece.text) + 1
    found: list[Word] = []
    for m in TOKEN.finditer(text):
        word = m.group("word")
        if word is None:
            continue
        piece = opened.pieces[bisect.bisect_right(starts, m.start()) - 1]
        found.append(
            Word(norm=normalise(word), start=m.start(), end=m.end(), line=piece.line, at=piece.at)
        )
    if not found:
        return None
    first = opened.pieces[0]
    return Turn(
        id=f"{source.path.name}:{first.at}",
        label=opened.label,
        speaker=speaker,
        quotable=quotable,
        text=text,
        words=tuple(found),
        source=source,
    )


class Index:
    """Every word of every turn, looked up by word pair and by content word."""

    def __init__(self, turns: Sequence[Turn]) -> None:
        self.turns = tuple(turns)
        self.pairs: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.singles: dict[str, list[tuple[int, int]]] = {}
        for t, turn in enumerate(self.turns):
            norms = [w.norm for w in turn.words]
            for i, norm in enumerate(norms):
                self.singles.setdefault(norm, []).append((t, i))
                if i + 1 < len(norms):
                    self.pairs.setdefault((norm, norms[i + 1]), []).append((t, i))

    def windows(self, quote: Sequence[Token], owners: frozenset[str]) -> dict[int, tuple[int, int]]:
        """The turns a quote may come from, each with the word span worth aligning against.

        Each hit votes for where the quote would start in its turn (the diagonal:
        turn position minus quote position); per turn and per stretch of the quote
        between ellipses, the start with most votes nearby wins. A word pair hit
        anywhere counts; a content word counts only in the credited speaker's turns,
        so a loose resemblance to their own words (a ``possible-misquote``) is found
        without pinning it on anyone else.
        """
        placed: list[tuple[int, int, str]] = []  # (segment, position in quote, word)
        segment = position = 0
        runs: list[list[tuple[int, int, str]]] = [[]]
        for tok in quote:
            if tok.tag == "gap":
                segment += 1
                runs.append([])
            elif tok.tag == "bracket":
                position += tok.size
                runs.append([])
            else:
                item = (segment, position, tok.norm)
                placed.append(item)
                runs[-1].append(item)
                position += 1
        lookups: list[tuple[int, int, int, list[tuple[int, int]]]] = []
        for run in runs:
            for (seg, i, a), (_, _, b) in itertools.pairwise(run):
                found = self.pairs.get((a, b), [])
                if len(found) <= MAX_BIGRAM_POSTINGS:
                    lookups.append((len(found), seg, i, found))
        lookups.sort(key=lambda x: x[0])  # the rarest pairs locate best and cost least
        votes: dict[tuple[int, int], Counter[int]] = {}
        spent = 0
        for used, (count, seg, i, hits) in enumerate(lookups):
            if used >= MIN_PAIRS and spent + count > PAIR_BUDGET:
                break
            spent += count
            for t, at in hits:
                votes.setdefault((t, seg), Counter())[at - i] += 2
        if owners:
            for seg, i, norm in placed:
                if not content_words((norm,)):
                    continue
                spread = self.singles.get(norm, [])
                if len(spread) > MAX_WORD_POSTINGS:
                    continue
                for t, at in spread:
                    if self.turns[t].speaker in owners:
                        votes.setdefault((t, seg), Counter())[at - i] += 1
        totals: Counter[int] = Counter()
        for (t, _), counter in votes.items():
            totals[t] += sum(counter.values())
        ranked_all = sorted(totals, key=lambda t: (-totals[t], t))
        own_all = [t for t in ranked_all if self.turns[t].speaker in owners]
        shortlist = set(ranked_all[: 3 * BEST_TURNS]) | set(own_all[: 3 * BEST_OWN_TURNS])
        n_words = len(placed)
        tolerance = n_words // 4 + 2
        spans: dict[int, list[tuple[int, int]]] = {}
        scores: Counter[int] = Counter()
        for (t, seg), counter in votes.items():
            if t not in shortlist:
                continue
            best, support = _densest(counter, tolerance)
            seg_positions = [i for s, i, _ in placed if s == seg]
            spans.setdefault(t, []).append((best + seg_positions[0], best + seg_positions[-1] + 1))
            scores[t] += support
        ranked = sorted(scores, key=lambda t: (-scores[t], t))
        own = [t for t in ranked if self.turns[t].speaker in owners]
        keep = dict.fromkeys([*ranked[:BEST_TURNS], *own[:BEST_OWN_TURNS]])
        pad = tolerance + 1
        out: dict[int, tuple[int, int]] = {}
        for t in keep:
            size = len(self.turns[t].words)
            lo = max(0, min(s for s, _ in spans[t]) - pad)
            hi = min(size, max(e for _, e in spans[t]) + pad)
            if lo < hi:
                out[t] = (lo, hi)
        return out


def _densest(counter: Counter[int], tolerance: int) -> tuple[int, int]:
    """The start with most votes within ``tolerance`` of it (ties: the earliest)."""
    anchors = sorted(counter)
    best, support = anchors[0], -1
    low = high = 0
    near = 0  # votes of anchors[low:high], the anchors within tolerance of the current one
    for anchor in anchors:
        while high < len(anchors) and anchors[high] <= anchor + tolerance:
            near += counter[anchors[high]]
            high += 1
        while anchors[low] < anchor - tolerance:
            near -= counter[anchors[low]]
            low += 1
        if near > support:
            best, support = anchor, near
    return best, support


class SourceMatcher:
    """A record file with ``sources:``: its own records plus the transcripts' turns.

    Used like compare.Matcher (``check`` per article). Per article, the index picks
    windows of the turns its quotes may come from; those windows and the file's own
    records make one Matcher, whose verdicts are then pointed at the transcript.
    """

    def __init__(self, records: RecordFile, *, root: Path, shown_path: str) -> None:
        self.file = records
        self.shown_path = shown_path
        transcripts = [
            read(s, record_file=records, shown_record=shown_path) for s in records.sources
        ]
        self.transcripts = tuple(transcripts)
        self.index = Index([turn for t in transcripts for turn in t.turns])
        known = {s.name for s in records.speakers}
        extra = sorted({t.speaker for t in self.index.turns} - known)
        self.speakers = (*records.speakers, *(Speaker(name=n, aliases=()) for n in extra))
        self.names = Matcher(replace(records, records=(), speakers=self.speakers), shown_path="")

    def check(
        self, *, article: str, text: str, attributions: Sequence[Attribution]
    ) -> ArticleCheck:
        windows: dict[int, tuple[int, int]] = {}
        for attribution in attributions:
            quote = tokens(attribution.quote.text)
            if not any(t.tag == "word" for t in quote):
                continue
            owners = self._owners(attribution)
            for t, (lo, hi) in self.index.windows(quote, owners).items():
                if t in windows:
                    lo, hi = min(lo, windows[t][0]), max(hi, windows[t][1])
                windows[t] = (lo, hi)
        by_id: dict[str, tuple[Turn, int]] = {}
        records = list(self.file.records)
        for t in sorted(windows):
            turn, (lo, hi) = self.index.turns[t], windows[t]
            records.append(_window(turn, lo, hi))
            by_id[turn.id] = (turn, lo)
        matcher = Matcher(
            replace(self.file, records=tuple(records), speakers=self.speakers),
            shown_path=self.shown_path,
        )
        result = matcher.check(article=article, text=text, attributions=attributions)
        return ArticleCheck(
            article=result.article,
            records=tuple(_relocated(check, by_id) for check in result.records),
            unverified=result.unverified,
        )

    def _owners(self, attribution: Attribution) -> frozenset[str]:
        named = (attribution.speaker, *attribution.candidates) if attribution.speaker else ()
        return frozenset(c for c in map(self.names.speaker_of, named) if c)


def _window(turn: Turn, lo: int, hi: int) -> Record:
    first, last = turn.words[lo], turn.words[hi - 1]
    return Record(
        id=turn.id,
        speaker=turn.speaker,
        text=turn.text[first.start : last.end],
        venue=turn.source.venue,
        date=turn.source.date,
        required=False,
        line=first.line,
    )


def _relocated(check: RecordCheck, by_id: dict[str, tuple[Turn, int]]) -> RecordCheck:
    """Findings against a window name the transcript, and the stretch the quote is nearest."""
    placed = by_id.get(check.record.id)
    if placed is None or not check.findings:
        return check
    turn, lo = placed
    window = words(check.record.text)
    moved: list[Finding] = []
    for finding in check.findings:
        found = align(tokens(finding.quote), window)
        start = lo + min(found.start, len(window) - 1)
        end = lo + max(found.end, found.start + 1)
        first, last = turn.words[start], turn.words[min(end, len(turn.words)) - 1]
        moved.append(
            replace(
                finding,
                expected=turn.text[first.start : last.end],
                # the record file that lists the transcript owns the finding (its
                # ``sources:`` entry); ``source`` is where in the transcript the words are
                record_line=turn.source.line,
                source=f"{turn.source.shown}:{first.at}",
            )
        )
    return RecordCheck(record=check.record, findings=tuple(moved))
