"""Stage 2b: speaker mentions -> full names.

News introduces a person once in full ("U.S. Defense Secretary Lloyd J. Austin III")
and then writes "Austin", "Mr. Austin" or "he". Resolution walks the cues in
document order, keeping the speakers seen so far: titles are dropped, a surname
goes to the first full name that ends with it, and a pronoun goes to the most
recent speaker that fits it (a person for he/she, an organisation or group for
it/they).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from attribution.parse import entities
from attribution.parse.cues import (
    PARTICIPLE_RULES,
    PARTICLES,
    name_run_before,
    noun_phrase_before,
    particle_surname,
    plural_agreement,
    pronouns,
    titles,
    word_after,
    word_before,
)
from attribution.parse.entities import (
    HONORIFIC_GENDER,
    POSSESSIVE_GENDER,
    SUFFIXES,
    Resolution,
    Tracker,
    is_adjective_compound,
    is_organisation_word,
    party_words,
)
from attribution.parse.frame import Frame
from attribution.parse.model import Cue, Rule, Span
from attribution.parse.wordlists import given_names, is_given_name, tagged, word_set, words

# The speaker history's fallback also reads object pronouns ("told her").
PRONOUN_GENDER = {**entities.PRONOUN_GENDER, "him": "m", "her": "f"}
# How far back a pronoun looks for its speaker: news copy never reaches further, and the
# bound keeps resolution linear on text that is nothing but pronouns.
RECENT_SPEAKERS = 30
# Two or more capitalised words: a full name a pronoun may fall back on, looked for only
# in the stretch before the pronoun.
FULL_NAME = regex.compile(
    r"""
    \p{{Lu}}[\p{{L}}\p{{M}}'\-]+                 # a first capitalised word
    (?: [ ]+ (?: \p{{Lu}}[\p{{L}}\p{{M}}'\-]*\.?   # then more, initials included
              | (?:{particles}) ) )+            # or name particles (name_particles.txt)
    """.format(particles="|".join(sorted(PARTICLES, key=lambda p: (-len(p), p)))),
    regex.VERBOSE,
)
PRONOUN_WINDOW = 600
# How far back "the newspaper" or "the column" looks for the outlet it refers to.
OUTLET_WINDOW = 1500
# The outlet nouns a masthead alone answers ("The Wall Street Journal": "the newspaper").
NEWSPAPER_NOUNS = word_set("newspaper_nouns.txt")
# A capitalised name, and the outlet noun that may follow it: "the Vox Populi (Voice of
# the People) column", "the Asahi newspaper", "The Wall Street Journal".
OUTLET_NAME = regex.compile(
    r"""
    (?P<name>\p{Lu}[\p{L}\p{M}'\-]*(?:[ ]+\p{Lu}[\p{L}\p{M}'\-]*)*)   # capitalised words
    (?:[ ]+\([^()\n]{1,60}\))?                  # a gloss in brackets: (Voice of the People)
    (?:[ ]+(?P<noun>\p{Ll}+))?                    # the word after it: "column", "newspaper"
    """,
    regex.VERBOSE,
)
# The outlet a writing is printed in, right after it: "reads a Wednesday editorial in The
# Des Moines Register", "an op-ed by The Washington Post".
OUTLET_AFTER = regex.compile(
    r"""
    [ ]+ (?: in | by | from ) [ ]+               # the preposition
    (?P<outlet> (?:The[ ]+)? \p{Lu}[\p{L}\p{M}'\-]* (?:[ ]+\p{Lu}[\p{L}\p{M}'\-]*)* )  # its name
    """,
    regex.VERBOSE,
)
# What stands before the mention an unnamed source is "familiar with": "a person familiar
# with the discussions said" is said by the person, who is no one the text names.
UNNAMED_SOURCE = regex.compile(
    r"""
    (?: \b(?:familiar|close|knowledgeable)[ ]+(?:with|to|about)   # familiar with, close to
      | \b(?:briefed|informed)[ ]+(?:on|about)                   # briefed on
    )
    [ ]+(?:the[ ]+|a[ ]+|an[ ]+)?$                               # right before the mention
    """,
    regex.VERBOSE,
)
# What may stand between a description and the name in apposition to it: a comma, after
# a time phrase that dates the description ("wrote the American ambassador at the time,
# John E. Herbst").
APPOSITIVE_GAP = regex.compile(
    r"""
    (?: [ ] (?: at[ ]the[ ]time | then | now ) )?   # the description's time
    ,[ ]                                           # the comma before the name
    """,
    regex.VERBOSE,
)
# Determiners dropped from the front of a mention, as written ("The" but not "A").
LEADING_DETERMINERS = frozenset(words("leading_determiners.txt"))
# Lower-case words inside an organisation's name: the Bank of England, the Department for
# Business and Trade.
ORG_JOINERS = frozenset(tagged("organisation_joiners.txt", "mention"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Speaker:
    """Who a cue's mention refers to, and how that was decided."""

    name: str | None
    kind: str  # person | organisation | group | self | unknown
    steps: tuple[str, ...]
    #: Everyone the mention may refer to, ``name`` first; more than one makes it ambiguous.
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


# How a nationality noun ends ("American", "Russian", "Chinese", "Briton", "Israeli"):
# "the American said" describes someone; it is not a name.
DEMONYM_ENDINGS = words("demonym_endings.txt")


def _masthead(name: str) -> bool:
    """Whether a name holds a newspaper's masthead word ("Journal", "Daily", "Times")."""
    return any(w in word_set("publication_words.txt") for w in name.split())


def _is_title(token: str) -> bool:
    return token.rstrip(".") in titles() or token.lower() in ("former", "then-", "acting")


@lru_cache(maxsize=16384)
def classify(mention: str) -> tuple[str, str]:
    """A mention's clean name and kind: titles and determiners dropped (cached: pure)."""
    tokens = mention.replace("\u2019", "'").split()
    determined = bool(tokens) and tokens[0] in LEADING_DETERMINERS
    while tokens and tokens[0] in LEADING_DETERMINERS:
        tokens = tokens[1:]
    if not tokens:
        return mention, "unknown"
    if determined and len(tokens) == 1 and tokens[0].endswith(DEMONYM_ENDINGS):
        return tokens[0], "group"  # "the American", "the Russian": someone described
    for i, token in enumerate(tokens[:-1]):
        # "CNN's Gloria Borger": the outlet owns the person, it is not their name.
        if token.endswith("'s") and tokens[i + 1][:1].isupper():
            tokens = tokens[i + 1 :]
            break
    joiners = [i for i, t in enumerate(tokens[1:-1], 1) if t in ORG_JOINERS]
    if joiners and any(is_organisation_word(t) for t in tokens[: joiners[0]]):
        # "the Bank of England", "the Department for Business and Trade": one name
        return " ".join(tokens), "organisation"
    if "of" in tokens[1:-1]:
        # "Rep. Tom Cole of Oklahoma" is Tom Cole; "the Bank of England" stays whole.
        cut = tokens.index("of")
        before_of, kind_of = classify(" ".join(tokens[:cut]))
        after_of, kind_after = classify(" ".join(tokens[cut + 1 :]))
        named_after = kind_after == "person" and len(after_of.split()) >= 2
        if kind_of == "person" and len(before_of.split()) >= 2 and not named_after:
            return before_of, kind_of  # not "Secretary of Defense Lloyd J. Austin III"
    if not tokens[-1][:1].isupper() and not particle_surname(tokens[-1]):
        return " ".join(tokens), "group"  # "officials", "the spokesman", "U.S. officials"
    name: list[str] = []
    for token in reversed(tokens):
        if _is_title(token) and any(t not in SUFFIXES for t in name):
            break  # a title before the name ("Secretary Austin"), not in it ("Martin King")
        if token.islower() and token not in PARTICLES:
            break  # "NATO spokesperson Farah Dakhlallah"
        if is_adjective_compound(token):
            break  # "al Qaeda-linked Islamic": an adjective ends the name
        name.insert(0, token)
    titled = len(name) < len(tokens)  # "State Department Deputy Spokesman Vedant Patel"
    while (
        len(name) > 1 and name[0].lower() in pronouns_and_function() and not is_given_name(name[0])
    ):
        name = name[1:]  # "Before Trump's": a sentence's first word, not a first name
    if not titled and _names_no_one(name):
        return " ".join(name), "unknown"  # "Republican", "Iowa", "It's", "Reached"
    if not titled and any(is_organisation_word(t) for t in tokens):
        return " ".join(tokens), "organisation"  # NATO, the Kremlin, The New York Post
    if titled and any(is_organisation_word(t) for t in name):
        return " ".join(tokens), "organisation"  # "Defense Department", "State Department"
    return " ".join(name), "person"


def _possessed_nouns(rule: Rule) -> frozenset[str]:
    """Nouns whose possessor is the speaker: of speech always ("her statement read"); of
    disposition ("his willingness") only as the subject of a speech participle, where
    the possessor is the one who acts ("his willingness to fight - attacking X as 'Q'")."""
    if rule == "possessive-claim":
        return _speech_or_claim()  # "her claim that she 'never sent' it"
    return _speech_or_disposition() if rule in PARTICIPLE_RULES else word_set("speech_nouns.txt")


@cache
def _speech_or_claim() -> frozenset[str]:
    return word_set("speech_nouns.txt") | word_set("claim_nouns.txt")


@cache
def _speech_or_disposition() -> frozenset[str]:
    return word_set("speech_nouns.txt") | word_set("disposition_nouns.txt")


def _names_no_one(name: list[str]) -> bool:
    """A capitalised word that is not a speaker: a place, a party, a contraction, a verb.

    News starts sentences with these ("It's", "Reached by phone, ..."), headlines
    capitalise them, and "Republican strategist X" leaves "Republican" when the rest is
    cut: crediting them would make a wrong speaker look like a name.
    """
    joined = " ".join(name)
    if joined in word_set("places.txt") or joined.rstrip("s") in party_words():
        return True
    if len(name) != 1:
        return False
    word = name[0]
    if word.lower() in pronouns_and_function():
        return True  # "You", "That": a sentence's first word taken for a name
    stem, _, tail = word.partition("'")
    if tail in ("s", "m", "re", "ve", "ll", "d") and stem.lower() in pronouns_and_function():
        return True
    # "Reached", "Continuing": a participle opening a sentence (long: Ted and Ed are names)
    return len(word) >= 7 and word.endswith(("ing", "ed")) and word[1:].islower()


@cache
def function_words() -> frozenset[str]:
    """Function words, lower case (function_words.txt): "from", "rather", "still"."""
    return frozenset(w.lower() for w in words("function_words.txt"))


@cache
def pronouns_and_function() -> frozenset[str]:
    return frozenset(pronouns()) | frozenset(w.lower() for w in words("function_words.txt"))


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word in ``text``."""
    out = []
    at = text.find(word)
    while at != -1:
        before = text[at - 1] if at else " "
        end = at + len(word)
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "'-") and not (after.isalnum() or after in "'-"):
            out.append(at)
        at = text.find(word, at + 1)
    return out


def _first_name_gender(name: str) -> str | None:
    parts = name.split()
    return given_names().get(parts[0].casefold()) if len(parts) >= 2 else None


def _possessor_end(mention: str) -> int | None:
    """Where the possessor ends in "Hale's statement" or "the senator's answer", if any.

    Only a possessive before the phrase's last word counts; "his" and "her" are asked of
    the tracker instead.
    """
    cut = max(mention.rfind("'s "), mention.rfind("\u2019s "))
    if cut <= 0 or " " in mention[cut + 3 :].strip():
        return None
    return cut


def surname(name: str) -> str:
    parts = [p for p in name.split() if p not in SUFFIXES]
    return parts[-1] if parts else name


class _Document:
    """The speakers of one article, in the order the text met them."""

    def __init__(self, text: str, frame: Frame, tracker: Tracker) -> None:
        self.text = text
        self.frame = frame
        self.tracker = tracker
        self._full: dict[str, list[tuple[int, str]]] = {}
        self.history: list[tuple[str, str]] = []
        self.gender: dict[str, str] = {}

    def _full_names(self, short: str) -> list[tuple[int, str]]:
        """Full person names ending in ``short`` and where they stand, found on first need.

        Looking up the few surnames an article uses is cheaper than finding every
        name in it.
        """
        if short not in self._full:
            masked = self.frame.masked
            found: list[tuple[int, str]] = []
            for at in _occurrences(masked, short):
                start, end = name_run_before(masked, (at, at + len(short)), max(0, at - 200))
                after = word_after(masked, end, min(len(masked), end + 6))
                if after is not None and masked[after[0] : after[1]] in SUFFIXES:
                    end = after[1]
                following = word_after(masked, end, min(len(masked), end + 30))
                if (
                    following is not None
                    and masked[end : following[0]] == " "
                    and is_organisation_word(masked[following[0] : following[1]])
                ):
                    continue  # "George Washington University": a name, not a person's
                name, kind = classify(self.text[start:end])
                if kind == "person" and len(name.split()) >= 2 and surname(name) == short:
                    found.append((start, name))
            # A headline in title case ("Republican Donor Adelson and Trump Meet") names
            # no one in full: its runs count only when the body never gives the name.
            body = [(pos, name) for pos, name in found if pos >= self.tracker.headline]
            self._full[short] = body or found
        return self._full[short]

    def full_name(self, short: str, before: int) -> str | None:
        """The first full name introduced before ``before`` that ends with ``short``."""
        found = self._full_name_with_place(short, before)
        return found[1] if found else None

    def _full_name_with_place(self, short: str, before: int) -> tuple[int, str] | None:
        """Where and what that full name is; a later one only when none comes earlier."""
        names = self._full_names(short)
        earlier = [(pos, name) for pos, name in names if pos < before]
        if earlier:
            return earlier[0]
        return names[0] if names else None

    def resolve(self, cue: Cue) -> Speaker:
        if cue.mention is None:
            return Speaker(name=None, kind="unknown", steps=("no speaker mention",))
        mention = cue.mention.text
        low = mention.lower()
        pronoun = pronouns().get(low)
        if pronoun == "relative":
            return self._antecedent(cue)
        if pronoun == "self":
            return Speaker(name=None, kind="self", steps=(f"{mention!r} is the writer",))
        if pronoun == "addressee":
            why = f"{mention!r} is whom the writer addresses, not a speaker"
            return Speaker(name=None, kind="unknown", steps=(why,))
        if pronoun is not None:
            tracked = self.tracker.pronoun(cue.mention.start)
            if tracked is not None and tracked.name is not None:
                return self._tracked(tracked, tracked.kind)
            return self._pronoun(low, pronoun, cue.mention.start)
        name, kind = classify(mention)
        if kind == "person" and " " not in name and plural_agreement(cue.cue.text):
            # "Allies say", "Aides say": a plural noun that opens its sentence, not a name
            why = f"mention {mention!r} takes a plural verb: a group"
            return Speaker(name=name, kind="group", steps=(why,))
        if kind == "unknown" and name.lower() in function_words() and name[:1].isupper():
            # '"Q," From said' after "Al From": a surname that is also a common word
            full = self._full_name_with_place(name, cue.mention.start)
            if full is not None:
                self.history.append((full[1], "person"))
                why = f"{name!r} resolves to {full[1]!r}, named in full"
                return Speaker(name=full[1], kind="person", steps=(why,))
        before = self.frame.masked[max(0, cue.mention.start - 30) : cue.mention.start]
        if kind in ("group", "organisation") and UNNAMED_SOURCE.search(before):
            why = f"{mention!r} is what an unnamed source knows about, not the speaker"
            return Speaker(name=None, kind="unknown", steps=(why,))
        if kind == "group" and name.split()[-1].lower() in word_set("writings.txt"):
            # '"Welcome to Iowa," read the sign': printed words, nobody's speech
            return Speaker(name=None, kind="unknown", steps=(f"{mention!r} is printed, not said",))
        if kind in ("group", "organisation"):
            described = self.tracker.name_at(cue.mention.start, cue.mention.start + 1)
            if described is not None and described.kind == "description":
                why = f"mention {mention!r} belongs to {described.name!r}, described, not named"
                return self._tracked(described, "description", first=why)
        if kind == "group":
            named = self._appositive_name(cue.mention.end)
            if named is not None:
                # "Her campaign manager, Robby Mook, suggested": the name in apposition
                self.history.append((named, "person"))
                why = f"mention {mention!r} is named in apposition: {named!r}"
                return Speaker(name=named, kind="person", steps=(why,))
        first_word = low.split()[0] if low.split() else ""
        head = low.split()[-1] if low.split() else ""
        if (
            kind == "group"
            and first_word in POSSESSIVE_GENDER
            and len(low.split()) > 1
            and head in _possessed_nouns(cue.rule)
        ):
            # "His remarks", "her statement": the words are the possessor's; "his
            # willingness to fight - attacking X as 'Q'": so is the attacking
            owner = self.tracker.possessor(cue.mention.start, first_word)
            if owner is not None and owner.name is not None:
                first = f"mention {mention!r} belongs to whom {first_word!r} refers to"
                return self._tracked(owner, owner.kind, first=first)
        owner_end = _possessor_end(mention) if kind == "group" else None
        if owner_end is not None and head in _possessed_nouns(cue.rule):
            # "Hale's statement said", "The Florida senator's answer was blunt: ...": the
            # words are the possessor's, resolved as the possessor's own mention is
            owner_span = Span.of(self.text, cue.mention.start, cue.mention.start + owner_end)
            owned = self.resolve(replace(cue, mention=owner_span))
            if owned.name is not None:
                why = f"mention {mention!r}: the words of {owner_span.text!r}"
                return replace(owned, steps=(why, *owned.steps))
        if kind == "group":
            role = self.tracker.role(name, cue.mention.start)
            if role is not None:
                first = f"mention {mention!r} is a description"
                return self._tracked(role, role.kind, first=first)
            if head in word_set("outlet_nouns.txt"):
                printed = OUTLET_AFTER.match(self.frame.masked, cue.mention.end)
                if printed is not None:
                    paper, paper_kind = classify(printed.group("outlet"))
                    if paper_kind == "organisation" or _masthead(paper):
                        self.history.append((paper, "organisation"))
                        why = f"mention {mention!r} is printed in {paper!r}: the outlet's words"
                        return Speaker(name=paper, kind="organisation", steps=(why,))
                outlet = self._outlet_before(head, cue.mention.start)
                if outlet is not None:
                    return outlet
        article = "an" if kind in ("organisation", "unknown") else "a"  # "an unknown"
        steps = [f"mention {mention!r} is {article} {kind}"]
        if name != mention:
            steps.append(f"titles dropped: {name!r}")
        if kind == "person":
            honorific = next(
                (g for t, g in HONORIFIC_GENDER.items() if mention.startswith(t)), None
            )
            # A name with a known first name is complete; anything else may be completed
            # or told apart by the tracker ("Mrs. Clinton", "Sanders", "De Blasio").
            parts = name.split()
            complete = len(parts) >= 2 and is_given_name(parts[0]) and not honorific
            tracked = None if complete else self.tracker.name_at(cue.mention.start, cue.mention.end)
            if len(name.split()) == 1:
                # "Mrs. Clinton", "Trump" after Eric Trump: the tracker knows which of the
                # people with that surname is meant; the text is searched only without it
                tracked_full = tracked.name.split() if tracked and tracked.name else []
                known = len(tracked_full) > 1 and tracked_full[-1] == name
                full = None if known else self._full_name_with_place(name, cue.mention.start)
                if full is not None:
                    where = "introduced earlier" if full[0] < cue.mention.start else "named later"
                    steps.append(f"{name!r} resolves to {full[1]!r}, {where}")
                    name = full[1]
            if tracked is not None and tracked.name is not None:
                mine = name.casefold().split()
                theirs = tracked.name.casefold().split()
                if len(theirs) > len(mine) and theirs[-len(mine) :] == mine:
                    steps.append(f"{name!r} is {tracked.name!r}, as the article names them in full")
                    name = tracked.name
            if honorific:
                self.gender.setdefault(name, honorific)
            if tracked is not None and tracked.name == name and len(tracked.candidates) > 1:
                others = ", ".join(tracked.candidates[1:])
                steps.append(f"the surname also fits: {others}: ambiguous")
                self.history.append((name, kind))
                return Speaker(
                    name=name, kind=kind, steps=tuple(steps), candidates=tracked.candidates
                )
        self.history.append((name, kind))
        return Speaker(name=name, kind=kind, steps=tuple(steps))

    def _outlet_before(self, noun: str, at: int) -> Speaker | None:
        """ "the newspaper", "the column": the nearest outlet named before that fits the noun.

        An outlet fits when the text named it with that noun ("the Vox Populi column") or,
        for a newspaper, by its masthead ("The Wall Street Journal"). Found by recency, so
        it is a reader's inference, never evidence that the article credits someone else.
        """
        lo = max(0, at - OUTLET_WINDOW)
        newspaper = noun in NEWSPAPER_NOUNS
        for m in reversed(list(OUTLET_NAME.finditer(self.frame.masked, lo, at))):
            name, kind = classify(self.text[m.start("name") : m.end("name")])
            followed = (m.group("noun") or "").lower() == noun
            masthead = newspaper and kind == "organisation" and _masthead(name)
            if followed or masthead:
                self.history.append((name, "organisation"))
                why = f"{noun!r} refers back to {name!r}, the nearest {noun} named before it"
                return Speaker(name=name, kind="inferred", steps=(why, "inferred from context"))
        return None

    def _appositive_name(self, end: int) -> str | None:
        """The full name set off by commas right after a description, if any, or ending
        the sentence ('..." wrote the ambassador, John E. Herbst.'; '... at the time,').
        """
        masked = self.frame.masked
        gap = APPOSITIVE_GAP.match(masked, end)
        if gap is None:
            return None
        m = entities.NAME_RUN.match(masked, gap.end())
        after = masked[m.end() : m.end() + 2] if m is not None else ""
        if m is None or not (after[:1] in (",", ";") or after in (".", ". ", ".\n")):
            return None
        name, kind = classify(self.text[m.start() : m.end()])
        return name if kind == "person" and len(name.split()) >= 2 else None

    def _tracked(self, found: Resolution, kind: str, *, first: str | None = None) -> Speaker:
        assert found.name is not None
        self.history.append((found.name, kind))
        steps = (first, *found.steps) if first else found.steps
        return Speaker(name=found.name, kind=kind, steps=steps, candidates=found.candidates)

    def _pronoun(self, pronoun: str, refers: str, at: int) -> Speaker:
        want = PRONOUN_GENDER.get(pronoun)
        for name, kind in reversed(self.history[-RECENT_SPEAKERS:]):
            if refers == "person" and kind != "person":
                continue
            if refers == "group" and kind == "person":
                continue
            if want and self.gender.get(name, _first_name_gender(name) or want) != want:
                continue  # "she" is not Ben Jacobs
            if want:
                self.gender.setdefault(name, want)
            self.history.append((name, kind))
            # Recency among earlier speakers, with no agreement to go on but gender: a
            # reader's guess, so never evidence that the article credits someone else.
            steps = (
                f"pronoun {pronoun!r} refers to the most recent {refers}: {name!r}",
                "inferred from earlier speakers",
            )
            return Speaker(name=name, kind="inferred", steps=steps)
        if refers == "person":
            named = self._person_named_before(at, want)
            if named is not None:
                self.history.append((named, "person"))
                why = f"pronoun {pronoun!r}: no earlier speaker fits; {named!r} is named before it"
                return Speaker(name=named, kind="inferred", steps=(why, "inferred from context"))
        return _no_antecedent(pronoun)

    def _person_named_before(self, at: int, want: str | None) -> str | None:
        """The nearest full person name before ``at`` ("Zelenskiy spoke late. ... he said").

        A first name of the other sex rules a name out: "she" is not Ben Jacobs.
        """
        window = self.frame.masked[max(0, at - PRONOUN_WINDOW) : at]
        offset = max(0, at - PRONOUN_WINDOW)
        for m in reversed(list(FULL_NAME.finditer(window))):
            name, kind = classify(self.text[offset + m.start() : offset + m.end()])
            if kind == "person" and len(name.split()) >= 2:
                if want is not None and _first_name_gender(name) not in (None, want):
                    continue
                return name
        return None

    def _antecedent(self, cue: Cue) -> Speaker:
        assert cue.mention is not None
        masked = self.frame.masked
        pos = cue.mention.start
        while pos > cue.sentence.start and masked[pos - 1] in " ,":
            pos -= 1
        np = noun_phrase_before(masked, pos, cue.sentence.start)
        if np is None:
            w = word_before(masked, pos, cue.sentence.start)
            if w is None:
                return Speaker(name=None, kind="unknown", steps=("'who' has no antecedent",))
            np = w
        name, kind = classify(self.text[np[0] : np[1]])
        if kind == "group":
            role = self.tracker.role(name, np[0])
            if role is not None:
                return self._tracked(role, role.kind, first=f"'who' refers to {name!r} before it")
        if kind == "person" and len(name.split()) == 1:
            name = self.full_name(name, np[0]) or name
        self.history.append((name, kind))
        return Speaker(name=name, kind=kind, steps=(f"'who' refers to {name!r} before it",))


@lru_cache(maxsize=64)
def _no_antecedent(pronoun: str) -> Speaker:
    """One shared (immutable) result per pronoun: an article of many unresolved "he"s
    would otherwise hold a Speaker and its step for each (issue 9, memory per MB)."""
    return Speaker(name=None, kind="unknown", steps=(f"pronoun {pronoun!r} has no antecedent",))


def resolve(
    text: str, frame: Frame, cues: tuple[Cue, ...], tracker: Tracker
) -> tuple[Speaker, ...]:
    """The speaker each cue's mention refers to, resolved in document order."""
    doc = _Document(text, frame, tracker)
    return tuple(doc.resolve(cue) for cue in cues)
