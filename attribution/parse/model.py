"""The values that cross stage boundaries.

Every offset is a code-point index into the article text exactly as the user's
file decodes, so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

#: Every rule that links a quotation to its speaker, or to no one; ``explain`` and the JSON
#: output name them, and ``tests/test_golden.py`` checks each one is met by a golden case.
Rule = Literal[
    # a cue in the quotation's own sentence, by where its speaker stands (cues.py)
    "speaker-cue",  # "Q," Austin said / Austin said "Q"
    "speaker-appositive-cue",  # Austin, the secretary, said "Q"
    "comma-cue-speaker",  # ... for the EU, said Geert Wilders
    "quote-cue-speaker",  # "Q," said Victor Cha
    "opening-cue-speaker",  # Stated Stone: "Q"
    "quote-subject-verb",  # "Go back," Trump barked
    "subordinate-clause-subject",  # "A," while Trump calls him "B" (B's speaker only)
    "participle-cue-subject",  # Hollande said ..., noting "Q"
    "participle-clause-subject",  # Speaking in Rome, Austin called it "Q"
    "absolute-participle",  # ..., with Sen. McCain calling it "Q"
    "with-participle",  # with X saying "Q"
    "gerund-object",  # scolded Romney for suggesting "Q"
    "gerund-subject",  # think of Carson saying "Q"
    "coordinated-cue-subject",  # Lazar said ... and added, "Q"
    "coordinated-clause-subject",  # Huckabee proposed we "Q" and said ...
    "what-they-call",  # what he calls the "Washington cartel"
    "according-to",  # "Q," according to Reuters
    "according-to-document",  # according to a statement: no one
    "passive-agent",  # Rubio was asked by Gerard Baker whether "Q"
    "possessive-claim",  # Grayson's claim that the vote was "rigged"
    "sentence-subject",  # Austin: a sentence whose subject is the speaker
    "sentence-subject-term",  # the same, for a quoted term
    "colon-clause-subject",  # Governor Lane issued the following statement: "Q"
    "name-colon",  # - Carl Ruiz: "Q"
    "label-colon",  # TRUMP: ... (a transcript label)
    "dash-byline",  # "Q" - First Last
    "no-speaker",  # a cue whose clause names no speaker
    # no cue in its sentence: a neighbour's speaker (attributions.py)
    "previous-sentence",  # a quote right after a sentence that reports the speaker
    "split-quote",  # "A," she said. "B."
    "subject-continues",  # "A," said X. She works in retail. "B."
    "cue-in-next-sentence",  # "Q." So said Austin.
    "continues-previous-paragraph",  # a paragraph of quotation continues the speaker
    "colon-next-paragraph",  # X said: / "Q" as the next paragraph
    # no one's words, or no one found
    "title",  # a show, book or song: told NBC's "Today"
    "scare-quote",  # the so-called "fairness rule"
    "unattributed",  # nobody the text names
]
RULES: tuple[Rule, ...] = get_args(Rule)


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A stretch of the original text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start=start, end=end, text=text[start:end])

    def as_dict(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Quotation:
    """Words between quotation marks, before anyone is credited with them.

    ``span`` covers the words inside the marks; ``open_mark``/``close_mark`` are
    the offsets where the marks start (``close_mark`` is None when the quotation
    runs to the end of its paragraph unclosed) and ``outer_end`` is where the
    closing mark ends (a mark may be two characters: NYT-style ''). ``paragraphs``
    counts the paragraphs a news-style multi-paragraph quotation runs over.
    """

    span: Span
    open_mark: int
    close_mark: int | None
    outer_end: int
    paragraphs: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    """A reporting expression and the speaker mention it attaches to."""

    cue: Span
    mention: Span | None
    rule: Rule
    sentence: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """One quotation credited (or not) to a speaker, as the pipeline's result.

    ``speaker`` is the resolved full name ("Lloyd J. Austin III"); ``mention``
    is what the text says locally ("he", "Austin"). ``rule`` names the rule that
    linked them and ``steps`` records how, for ``attribution explain``.
    """

    quote: Span
    speaker: str | None
    mention: Span | None
    cue: Span | None
    venue: Span | None
    date: Span | None
    rule: Rule
    steps: tuple[str, ...] = field(default=())
    #: person | organisation | group | self | unknown: only a person or an organisation
    #: named by the text can be said to be "someone else" than a record's speaker.
    speaker_kind: str = "unknown"
    #: Everyone the mention may refer to, the chosen speaker first ("she" after two women).
    candidates: tuple[str, ...] = field(default=())
    ambiguous: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "text": self.quote.text,
            "start": self.quote.start,
            "end": self.quote.end,
            "speaker": self.speaker,
            "mention": self.mention.as_dict() if self.mention else None,
            "cue": self.cue.as_dict() if self.cue else None,
            "venue": self.venue.text if self.venue else None,
            "date": self.date.text if self.date else None,
            "rule": self.rule,
            "kind": self.speaker_kind,
            "candidates": list(self.candidates),
            "ambiguous": self.ambiguous,
        }
