"""The ``attribution`` command: extract and explain quote attributions in article files.

Every per-file problem becomes one ``attribution: PATH: message`` line on stderr
and the run carries on with the next file, so one bad file in a batch of
thousands costs only itself. Exit codes: 0 all good, 1 some file failed,
2 usage error, 130 interrupted, 141 stdout closed early (``| head``).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

import regex

from attribution.errors import AttributionError, InputError
from attribution.parse.model import Attribution, Span

__all__ = ["main"]

FORMATS = ("jsonl", "json", "text")

_SPACE = regex.compile(r"\s+")
_CONTROL = regex.compile(r"[\p{Cc}\p{Zl}\p{Zp}]")

ARTICLES_HELP = "UTF-8 articles: plain text, Markdown (.md) or HTML (.html)"

Renderer = Callable[[str, str, Sequence[Attribution], TextIO], None]


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of raising SystemExit."""
    try:
        return _run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 141


def _run(argv: list[str]) -> int:
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    parser = _build_parser(command)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


def _build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; ``command`` is the subcommand about to run, if known."""
    from attribution import __version__

    parser = argparse.ArgumentParser(
        prog="attribution",
        description="Who said each quotation in a news article, where and when; no LLM.",
    )
    parser.add_argument("--version", action="version", version=f"attribution {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="print every quotation with its speaker, cue, venue and date",
        description="Print every quotation with its speaker, cue, venue and date. "
        "Offsets are code points into the text as open(path, encoding='utf-8') reads it.",
    )
    extract.add_argument("files", nargs="+", metavar="FILE", help=ARTICLES_HELP)
    extract.add_argument(
        "--format",
        choices=FORMATS,
        default="jsonl",
        help="jsonl: one object per file (default); json: one array; text: a table for people",
    )
    extract.set_defaults(run=_cmd_extract)

    explain = commands.add_parser(
        "explain",
        help="show the rule and the steps that linked each quotation to its speaker",
    )
    explain.add_argument("files", nargs="+", metavar="FILE", help=ARTICLES_HELP)
    explain.set_defaults(run=_cmd_explain)

    check = commands.add_parser(
        "check",
        help="check articles against YAML records of who said what; print the findings",
    )
    if command == "check":
        # records and comparison (docs/records.md) pull in yaml and difflib: a cost
        # extract must not pay on every start, so only `check` imports them.
        from attribution import runner as checking

        checking.add_arguments(check)
        check.set_defaults(run=checking.run_args)

    agree = commands.add_parser(
        "consensus",
        help="group the quotes several articles report and show where outlets depart",
        description="Group the quotes of several articles that report the same words of the "
        "same speaker; show each group's variants with word diffs, the wording most outlets "
        "agree on, and which articles depart from it.",
    )
    draft = commands.add_parser(
        "draft",
        help="write a record file (YAML) from what the articles quote, for an editor to review",
    )
    if command in ("consensus", "draft"):
        from attribution.check import consensus
        from attribution.check import draft as drafting

        consensus.add_arguments(agree)
        agree.set_defaults(run=consensus.run_args)
        drafting.add_arguments(draft)
        draft.set_defaults(run=drafting.run_args)
    return parser


# --- commands -------------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    out = sys.stdout
    fmt: str = args.format
    if fmt == "text":
        _tolerate_unencodable(out)
        return _each_file(args.files, _render_text, out, footer=True)
    ascii_only = not _is_utf8(out)
    if fmt == "jsonl":

        def jsonl(path: str, text: str, found: Sequence[Attribution], out: TextIO) -> None:
            record = {"path": path, "quotes": [a.as_dict() for a in found]}
            out.write(json.dumps(record, ensure_ascii=ascii_only, separators=(",", ":")) + "\n")

        return _each_file(args.files, jsonl, out)

    first = True

    def json_array(path: str, text: str, found: Sequence[Attribution], out: TextIO) -> None:
        nonlocal first
        record = {"path": path, "quotes": [a.as_dict() for a in found]}
        out.write(("[\n" if first else ",\n") + json.dumps(record, ensure_ascii=ascii_only))
        first = False

    status = _each_file(args.files, json_array, out)
    out.write("[]\n" if first else "\n]\n")
    return status


def _cmd_explain(args: argparse.Namespace) -> int:
    _tolerate_unencodable(sys.stdout)
    return _each_file(args.files, _render_explain, sys.stdout)


def _each_file(paths: Sequence[str], render: Renderer, out: TextIO, *, footer: bool = False) -> int:
    """Read, extract and render each file; a failure costs that file only."""
    from attribution.check.formats import read_document
    from attribution.parse.pipeline import extract

    failed = 0
    quotes = attributed = files = 0
    for path in paths:
        try:
            document = read_document(path)  # Markdown and HTML read as plain text
            found = document.attributions(extract(document.text))  # spans into the file
            text = document.original
            for note in document.notes:
                _complain(path, f"warning: {note}")
        except AttributionError as exc:
            where = exc.path if isinstance(exc, InputError) else path
            message = exc.message if isinstance(exc, InputError) else str(exc)
            _complain(where, message)
            failed += 1
            continue
        except RecursionError:
            _complain(path, "internal error: input nested too deeply (please report)")
            failed += 1
            continue
        except MemoryError:
            _complain(path, "out of memory")
            failed += 1
            continue
        except Exception as exc:  # a bug in a stage must not hide the other files' results
            if os.environ.get("ATTRIBUTION_DEBUG"):
                raise
            _complain(path, f"internal error: {type(exc).__name__}: {exc} (please report)")
            failed += 1
            continue
        render(path, text, found, out)
        files += 1
        quotes += len(found)
        attributed += sum(1 for a in found if a.speaker)
    if footer and files:
        out.write(
            f"{quotes} quotation{'s' if quotes != 1 else ''} in {files} "
            f"file{'s' if files != 1 else ''}, {attributed} attributed\n"
        )
    return 1 if failed else 0


def _complain(path: str, message: str) -> None:
    """Exactly one line, even for a path or message holding a newline."""
    sys.stderr.write(f"attribution: {_one_line(path)}: {_one_line(message)}\n")
    sys.stderr.flush()


# --- text table -----------------------------------------------------------------------

_COLUMNS = (("SPEAKER", 26), ("RULE", 26), ("VENUE", 24), ("DATE", 16))
_NONE = "-"


def _render_text(path: str, text: str, found: Sequence[Attribution], out: TextIO) -> None:
    count = f"{len(found)} quotation{'s' if len(found) != 1 else ''}"
    lines = [f"== {_one_line(path)}  ({count})"]
    if found:
        caps = [cap for _, cap in _COLUMNS]
        rows = [
            tuple(
                _clip(cell, cap)
                for cell, cap in zip(
                    (
                        (f"{a.speaker}?" if a.ambiguous else a.speaker) or _NONE,
                        a.rule or _NONE,
                        _flat(a.venue.text) if a.venue else _NONE,
                        _flat(a.date.text) if a.date else _NONE,
                    ),
                    caps,
                    strict=True,
                )
            )
            for a in found
        ]
        widths = [
            max(len(name), *(len(row[i]) for row in rows)) for i, (name, _) in enumerate(_COLUMNS)
        ]
        room = max(40, _width() - 2 - sum(w + 2 for w in widths))
        header = "  ".join(name.ljust(w) for (name, _), w in zip(_COLUMNS, widths, strict=True))
        lines.append(f"  {header}  QUOTE")
        for a, row in zip(found, rows, strict=True):
            cells = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            lines.append(f"  {cells}  {_clip('“' + _flat(a.quote.text) + '”', room)}")
    out.write("\n".join(lines) + "\n\n")


def _width() -> int:
    """Terminal width (140 when piped), kept between 80 and 160 so rows stay readable."""
    import shutil

    return min(160, max(80, shutil.get_terminal_size((140, 24)).columns))


# --- explain --------------------------------------------------------------------------


def _render_explain(path: str, text: str, found: Sequence[Attribution], out: TextIO) -> None:
    count = f"{len(found)} quotation{'s' if len(found) != 1 else ''}"
    lines = [f"== {_one_line(path)}  ({count})", ""]
    for number, a in enumerate(found, 1):
        lines.append(f"[{number}] {_clip('“' + _flat(a.quote.text) + '”', 100)}")
        lines.append(f"    speaker  {a.speaker or '(none)'}")
        if a.ambiguous:
            lines.append(f"    or       {', '.join(a.candidates[1:])} (the mention fits them too)")
        lines.append(f"    rule     {a.rule or '(none)'}")
        lines.append(f"    quote    {_snippet(text, a.quote)}  @{a.quote.start}-{a.quote.end}")
        for label, span in (("mention", a.mention), ("cue", a.cue)):
            if span is not None:
                lines.append(f"    {label:<8} {_snippet(text, span)}  @{span.start}-{span.end}")
        for label, span in (("venue", a.venue), ("date", a.date)):
            if span is not None:
                lines.append(f"    {label:<8} {_flat(span.text)}  @{span.start}-{span.end}")
        if a.steps:
            lines.append("    steps")
            lines.extend(f"      {i}. {_one_line(step)}" for i, step in enumerate(a.steps, 1))
        lines.append("")
    out.write("\n".join(lines) + "\n")


def _snippet(text: str, span: Span, *, radius: int = 40, inner: int = 80) -> str:
    """The span marked ⟦like this⟧ in a line of its surrounding text."""
    before = _flat(text[max(0, span.start - radius) : span.start])
    after = _flat(text[span.end : span.end + radius])
    if span.start > radius:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    if span.end + radius < len(text):
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else after + "…"
    body = _flat(span.text)
    if len(body) > inner:
        half = (inner - 1) // 2
        body = body[:half] + "…" + body[-half:]
    return f"{before}⟦{body}⟧{after}"


# --- small helpers --------------------------------------------------------------------


def _flat(value: str) -> str:
    """All whitespace (newlines of multi-paragraph quotes included) as single spaces."""
    return _CONTROL.sub(" ", _SPACE.sub(" ", value))


def _one_line(value: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], value)


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: max(0, width - 1)] + "…"


def _is_utf8(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding in ("utf-8", "utf8")


def _tolerate_unencodable(stream: TextIO) -> None:
    """Human-facing output: a '?' for what the terminal cannot show beats a crash."""
    if not _is_utf8(stream) and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
