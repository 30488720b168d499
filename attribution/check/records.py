"""Load and validate the editors' YAML records of who said what.

The only module that imports yaml. It composes the node tree with the safe
loader (libyaml's when available) and never constructs Python objects from it,
so a ``!!python/...`` tag is just an unexpected tag here, and every value keeps
its line number for the error message.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regex
import yaml

from attribution.check.globs import GlobError, OutsideRoot, expand, within
from attribution.check.layout import shown as shown_path
from attribution.errors import ExpectationError

Policy = Literal["fail", "warn", "ignore"]
POLICIES: tuple[Policy, ...] = ("fail", "warn", "ignore")

TOP_KEYS = (
    "articles",
    "unverified",
    "possible-misquote",
    "speakers",
    "quotes",
    "consensus",
    "sources",
)
QUOTE_KEYS = ("id", "speaker", "text", "venue", "date", "required")
SOURCE_KEYS = ("path", "venue", "date", "speakers", "unlisted")
#: What a transcript label missing from a source's ``speakers`` is (transcripts.py).
Unlisted = Literal["error", "unquotable", "named"]
UNLISTED: tuple[Unlisted, ...] = ("error", "unquotable", "named")

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"

SLUG_RUN = regex.compile(
    r"""
    [^\p{L}\p{N}]+   # anything that is not a letter or digit becomes one hyphen
    """,
    regex.VERBOSE,
)

#: libyaml's safe loader where PyYAML has it (about eight times faster), else the Python one.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """A canonical name and the other names articles may use for the same person."""

    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One thing someone said, as the editor wrote it down; ``speaker`` is canonical."""

    id: str
    speaker: str
    text: str
    venue: str | None
    date: str | None
    required: bool
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """A transcript or caption file whose speaker turns are records (``sources:``).

    Only the reference is validated here; reading the file is transcripts.py's job, so
    its errors can name the transcript's own lines. ``speakers`` maps each label as
    written in the transcript to a canonical name, or to None for turns nobody may be
    quoted from (a reporter's ``Q:``).
    """

    path: Path
    shown: str
    venue: str | None
    date: str | None
    speakers: tuple[tuple[str, str | None], ...]
    unlisted: Unlisted
    line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordFile:
    """A validated expectations file and the articles it covers (sorted, resolved)."""

    path: Path
    articles: tuple[Path, ...]
    unverified: Policy
    speakers: tuple[Speaker, ...]
    records: tuple[Record, ...]
    #: A quote that only resembles a record (shares words, not a sentence): warn by default.
    possible_misquote: Policy = "warn"
    #: ``consensus: true``: the articles are also checked against each other (consensus.py).
    consensus: bool = False
    #: ``sources:``: transcripts whose speaker turns are records too (transcripts.py).
    sources: tuple[Source, ...] = ()

    def policy(self, kind: str) -> Policy:
        """What a finding of ``kind`` does in this file: the two judgement calls are settable."""
        if kind == "unverified-quote":
            return self.unverified
        if kind == "possible-misquote":
            return self.possible_misquote
        return "fail"


#: A record file larger than this is refused (the largest real ones are kilobytes).
MAX_RECORD_BYTES = 10_000_000


def load(path: Path, *, root: Path) -> RecordFile:
    """Read and validate one file; any problem raises ExpectationError naming file and line."""
    shown = shown_path(path, root)
    # Only a regular file inside the root, of a size a record file has: a FIFO or a
    # device would hang or fill memory, a link out of the project reads someone else's.
    if not path.is_file():
        raise ExpectationError(shown, None, "not a regular file")
    try:
        within(path, root=root.resolve())
    except OutsideRoot:
        raise ExpectationError(
            shown, None, "lies outside the project (a link out of the rootdir)"
        ) from None
    if path.stat().st_size > MAX_RECORD_BYTES:
        limit = MAX_RECORD_BYTES // 1_000_000
        raise ExpectationError(shown, None, f"larger than {limit} MB: not a record file")
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ExpectationError(shown, None, f"cannot read: {err}") from None
    return parse(source, path=path, root=root)


def parse(source: str, *, path: Path, root: Path) -> RecordFile:
    """Validate ``source`` as if it were the contents of ``path``."""
    shown = shown_path(path, root)
    try:
        top = yaml.compose(source, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = err.problem or err.context or "invalid YAML"
        raise ExpectationError(shown, line, f"YAML syntax error: {problem}") from None
    except yaml.reader.ReaderError as err:
        # A control character (pasted from a word processor) has no mark: find its line, and
        # keep the error to one line (PyYAML's own text adds where it read the string).
        character = err.character if isinstance(err.character, int) else 0
        at = source.find(chr(character))
        line = source.count("\n", 0, at) + 1 if character and at >= 0 else None
        what = f"unacceptable character #x{character:04x}: {err.reason}"
        raise ExpectationError(shown, line, f"YAML error: {what}") from None
    except yaml.YAMLError as err:
        first = str(err).splitlines()[0] if str(err) else "invalid YAML"
        raise ExpectationError(shown, None, f"YAML error: {first}") from None
    if top is None or (top.tag == _NULL and isinstance(top, yaml.ScalarNode)):
        raise ExpectationError(shown, None, "empty file: expected the keys 'articles' and 'quotes'")
    v = _Validator(shown)
    fields = v.mapping(top, "the file", TOP_KEYS)
    consensus = _flag(v, fields["consensus"], "consensus") if "consensus" in fields else False
    for key in ("articles", "quotes"):
        if key not in fields and not (key == "quotes" and (consensus or "sources" in fields)):
            raise ExpectationError(shown, _line(top), f"missing required key '{key}'")
    articles = _articles(v, fields["articles"], base=path.parent, root=root)
    unverified = _policy(v, fields.get("unverified"), "unverified")
    possible = _policy(v, fields.get("possible-misquote"), "possible-misquote")
    speakers = _speakers(v, fields["speakers"]) if "speakers" in fields else ()
    records = _records(v, fields["quotes"], speakers) if "quotes" in fields else ()
    sources = (
        _sources(v, fields["sources"], speakers, base=path.parent, root=root)
        if "sources" in fields
        else ()
    )
    return RecordFile(
        path=path,
        articles=articles,
        unverified=unverified,
        speakers=speakers,
        records=records,
        possible_misquote=possible,
        consensus=consensus,
        sources=sources,
    )


def _flag(v: _Validator, node: yaml.Node, key: str) -> bool:
    if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
        v.fail(node, f"'{key}' must be true or false, not {_kind(node)}")
    value = node.value
    assert isinstance(value, str)
    return value.lower() in ("true", "yes", "on", "y")


def _policy(v: _Validator, node: yaml.Node | None, key: str) -> Policy:
    if node is None:
        return "warn"
    value = node.value if isinstance(node, yaml.ScalarNode) else None
    if node.tag != _STR or value not in POLICIES:
        shown_value = repr(value) if isinstance(value, str) else _kind(node)
        v.fail(node, f"'{key}' must be one of fail, warn, ignore, not {shown_value}")
    return next(p for p in POLICIES if p == value)


class _Validator:
    """Turns nodes into plain values, failing with the node's line."""

    def __init__(self, shown: str) -> None:
        self.shown = shown

    def fail(self, node: yaml.Node, message: str) -> None:
        raise ExpectationError(self.shown, _line(node), message)

    def mapping(self, node: yaml.Node, what: str, keys: tuple[str, ...]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
            self.fail(node, f"{what} must be a mapping of keys to values")
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self.text(key_node, "a key")
            if key not in keys:
                close = difflib.get_close_matches(key, keys, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.fail(key_node, f"unknown key '{key}' in {what}{hint}")
            if key in out:
                self.fail(key_node, f"duplicate key '{key}' in {what}")
            out[key] = value_node
        return out

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.tag != _STR:
            self.fail(node, f"{what} must be text, not {_kind(node)} (quote it)")
        value = node.value
        assert isinstance(value, str)
        if not value.strip():
            self.fail(node, f"{what} must not be empty")
        return value

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            return [node]
        if not isinstance(node, yaml.SequenceNode) or node.tag != _SEQ:
            self.fail(node, f"{what} must be a list")
        items = node.value
        assert isinstance(items, list)
        return items


def _articles(v: _Validator, node: yaml.Node, *, base: Path, root: Path) -> tuple[Path, ...]:
    """Expand each glob relative to the record file; every glob must match, inside the root."""
    root = root.resolve()
    found: set[Path] = set()
    patterns = v.sequence(node, "'articles'")
    if not patterns:
        v.fail(node, "'articles' must list at least one glob")
    for item in patterns:
        pattern = v.text(item, "an 'articles' glob")
        if Path(pattern).is_absolute():
            v.fail(item, f"glob '{pattern}' must be relative to the record file")
        try:
            files = expand(pattern, base=base, root=root)
        except GlobError as err:
            v.fail(item, f"glob '{pattern}' {err}")
        if len(files) > MAX_GLOB_MATCHES:
            v.fail(item, f"glob '{pattern}' matches more than {MAX_GLOB_MATCHES:,} files")
        if not files:
            v.fail(item, f"glob '{pattern}' matches no file")
        found.update(files)  # all inside the root: expand() refuses any other
    return tuple(sorted(found))


#: An articles glob that matches more files than this is refused in one line.
MAX_GLOB_MATCHES = 100_000


def _speakers(v: _Validator, node: yaml.Node) -> tuple[Speaker, ...]:
    if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
        v.fail(node, "'speakers' must map each canonical name to a list of aliases")
    out: list[Speaker] = []
    seen: dict[str, str] = {}
    for key_node, value_node in node.value:
        name = v.text(key_node, "a speaker name")
        aliases: list[str] = []
        if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL):
            aliases = [v.text(a, f"an alias of {name}") for a in v.sequence(value_node, "aliases")]
        for spelled in (name, *aliases):
            owner = seen.get(spelled.casefold())
            if owner is not None and owner != name:
                v.fail(key_node, f"'{spelled}' names both {owner} and {name}")
            seen[spelled.casefold()] = name
        out.append(Speaker(name=name, aliases=tuple(aliases)))
    return tuple(out)


def _records(v: _Validator, node: yaml.Node, speakers: tuple[Speaker, ...]) -> tuple[Record, ...]:
    canonical = {spelled.casefold(): s.name for s in speakers for spelled in (s.name, *s.aliases)}
    items = v.sequence(node, "'quotes'")
    if not items or (isinstance(node, yaml.ScalarNode)):
        v.fail(node, "'quotes' must be a non-empty list of records")
    raw: list[tuple[yaml.Node | None, Record]] = []
    for item in items:
        fields = v.mapping(item, "a quote", QUOTE_KEYS)
        for key in ("speaker", "text"):
            if key not in fields:
                v.fail(item, f"quote is missing required key '{key}'")
        speaker = v.text(fields["speaker"], "'speaker'")
        text = v.text(fields["text"], "'text'")
        venue = v.text(fields["venue"], "'venue'") if "venue" in fields else None
        date = _date(v, fields["date"]) if "date" in fields else None
        required = False
        if "required" in fields:
            flag = fields["required"]
            if not isinstance(flag, yaml.ScalarNode) or flag.tag != _BOOL:
                v.fail(flag, f"'required' must be true or false, not {_kind(flag)}")
            required = flag.value.lower() in ("true", "yes", "on", "y")
        id_node = fields.get("id")
        record_id = v.text(id_node, "'id'") if id_node is not None else ""
        record = Record(
            id=record_id,
            speaker=canonical.get(speaker.casefold(), speaker),
            text=text,
            venue=venue,
            date=date,
            required=required,
            line=_line(item) or 0,
        )
        raw.append((id_node, record))
    explicit: dict[str, int] = {}
    for id_node, record in raw:
        if id_node is None:
            continue
        if record.id in explicit:
            v.fail(
                id_node, f"duplicate id '{record.id}' (first used on line {explicit[record.id]})"
            )
        explicit[record.id] = record.line
    taken = set(explicit)
    out: list[Record] = []
    for id_node, record in raw:
        if id_node is None:
            record = dataclasses.replace(record, id=_derive_id(record, taken))
            taken.add(record.id)
        out.append(record)
    return tuple(out)


def _sources(
    v: _Validator,
    node: yaml.Node,
    speakers: tuple[Speaker, ...],
    *,
    base: Path,
    root: Path,
) -> tuple[Source, ...]:
    """Each transcript reference: a file below the rootdir, and who each label is."""
    canonical = {spelled.casefold(): s.name for s in speakers for spelled in (s.name, *s.aliases)}
    items = v.sequence(node, "'sources'")
    if not items or isinstance(node, yaml.ScalarNode):
        v.fail(node, "'sources' must be a non-empty list of transcripts")
    out: list[Source] = []
    for item in items:
        fields = v.mapping(item, "a source", SOURCE_KEYS)
        if "path" not in fields:
            v.fail(item, "source is missing required key 'path'")
        written = v.text(fields["path"], "'path'")
        try:
            resolved = within(base / written, root=root.resolve())
        except OutsideRoot as err:
            v.fail(fields["path"], f"source '{written}' {err}")
        if not resolved.is_file():
            v.fail(fields["path"], f"source '{written}' not found")
        labels: list[tuple[str, str | None]] = []
        if "speakers" in fields:
            labels = _labels(v, fields["speakers"], canonical)
        unlisted: Unlisted = "error"
        if "unlisted" in fields:
            got = fields["unlisted"]
            value = got.value if isinstance(got, yaml.ScalarNode) else None
            if got.tag != _STR or value not in UNLISTED:
                was = repr(value) if got.tag == _STR else _kind(got)
                v.fail(got, f"'unlisted' must be one of {', '.join(UNLISTED)}, not {was}")
            unlisted = next(u for u in UNLISTED if u == value)
        out.append(
            Source(
                path=resolved,
                shown=shown_path(resolved, root),
                venue=v.text(fields["venue"], "'venue'") if "venue" in fields else None,
                date=_date(v, fields["date"]) if "date" in fields else None,
                speakers=tuple(labels),
                unlisted=unlisted,
                line=_line(item) or 0,
            )
        )
    return tuple(out)


def _labels(
    v: _Validator, node: yaml.Node, canonical: dict[str, str]
) -> list[tuple[str, str | None]]:
    """``LABEL: name`` pairs; a null name marks turns nobody is quoted from."""
    if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
        v.fail(node, "a source's 'speakers' must map each transcript label to a name or null")
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        label = " ".join(v.text(key_node, "a transcript label").split())
        if label in seen:
            v.fail(key_node, f"duplicate label '{label}' in a source's 'speakers'")
        seen.add(label)
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL:
            out.append((label, None))
            continue
        name = v.text(value_node, f"the name of label '{label}'")
        out.append((label, canonical.get(name.casefold(), name)))
    return out


def _date(v: _Validator, node: yaml.Node) -> str:
    """Dates are kept as written; YAML's own timestamp parsing is not needed."""
    if isinstance(node, yaml.ScalarNode) and node.tag in (_STR, _TIMESTAMP) and node.value:
        value = node.value
        assert isinstance(value, str)
        return value
    v.fail(node, f"'date' must be a date such as 2024-10-23, not {_kind(node)}")
    raise AssertionError  # pragma: no cover - fail() raises


def _derive_id(record: Record, taken: set[str]) -> str:
    """Readable and stable: the speaker's surname and the first words of the quote."""
    surname = record.speaker.split()[-1] if record.speaker.split() else "quote"
    words = " ".join(record.text.split()[:5])
    base = SLUG_RUN.sub("-", f"{surname} {words}".casefold()).strip("-") or "quote"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None and node.start_mark else None


def _kind(node: yaml.Node) -> str:
    """How the editor's value loaded, in words ("a boolean" for ``speaker: No``)."""
    if not node.tag.startswith("tag:yaml.org,2002:") or node.tag.count(":") > 2:
        return f"a value tagged {node.tag}"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    names = {
        _BOOL: "a boolean",
        _NULL: "empty",
        "tag:yaml.org,2002:int": "a number",
        "tag:yaml.org,2002:float": "a number",
        _TIMESTAMP: "a date",
    }
    return names.get(node.tag, f"a value tagged {node.tag}")
