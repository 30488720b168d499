"""Stage 2b: every person mentioned in the article, merged into entities.

News introduces a person once ("Dana Whitfield, the county clerk") and then writes
"Whitfield", "Ms. Whitfield", "the clerk" or "she". The tracker reads the masked
frame once, sentence by sentence, and keeps for each person the names, the roles
("county clerk", "french president") and the gender the text gives them: from an
honorific, a gendered title, a first name in the census table, or a he/she already
resolved to them. Unknown stays unknown.

A pronoun goes to the best entity mentioned in its own sentence before it, else in
the previous sentence, else a few sentences further back: first by agreement
(gender), then salience (the subject of a sentence and the speaker of a cue over a
name in passing), then recency. Everyone else who agrees in that window stays a
candidate, so a verdict never rests on a guess between two people.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice

import regex

from attribution.parse.cues import (
    INTRODUCTORY,
    NOT_A_SPEAKER,
    cue_words,
    one_person_noun,
    plural_agreement,
    pronouns,
    titles,
)
from attribution.parse.frame import Frame, headline_end
from attribution.parse.model import Cue
from attribution.parse.wordlists import AsciiFast, ascii_twin, given_names, table, word_set, words

# A name: capitalised words, initials, abbreviated titles and particles, on one line.
_NAME_WORD = r"""
    (?: (?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Del|Adm|Maj|Cmdr|Pres|Supt
         |Jr|Sr|St)\.                              # an abbreviated title or suffix
      | \p{Lu}\.(?:\p{Lu}\.)*                      # an initial, or U.S.
      | \p{Lu}[\p{L}\p{M}\p{N}'\-]*[\p{L}\p{M}\p{N}]   # a capitalised word
      | \p{Lu}                                     # a one-letter word
    )
"""
NAME_RUN = regex.compile(
    rf"""
    (?=\p{{Lu}})                 # every name word starts with a capital: cheap to rule out
    (?<![\p{{L}}\p{{N}}'\-])
    {_NAME_WORD}
    (?: [ \u00a0]+
        (?: {_NAME_WORD}
          | (?:de|del|der|van|von|bin|al|da|di|du|la|le)(?=[ ]\p{{Lu}})   # name particles
          | (?:al|el|bin|ibn|abu)-\p{{Lu}}[\p{{L}}\p{{M}}\p{{N}}'\-]*       # al-Awlaki, el-Sisi
        )
    )*
    """,
    regex.VERBOSE,
)


# The same for an all-ASCII frame (most articles once quotations are masked), in the
# standard library's engine: the same matches, twice as fast.
NAME_RUN_ASCII = ascii_twin(NAME_RUN.pattern, re.VERBOSE)

# The subject pronouns that stand for a person (the speaker of "he said"). The standard
# library's engine: a plain word search it runs several times faster than ``regex``. The
# pattern opens with a character class so the engine skips ahead to an h or an s; the
# word boundary before it is checked from there (twice as fast as a leading look-behind).
PERSON_PRONOUN = re.compile(
    r"""
    [HhSs] (?<![\w\-].)             # h or s, no word character before it
    (?: (?<=[Hh]) | (?<=[Ss])h ) e   # he, she; "he's" too
    (?![\w\-])
    """,
    re.VERBOSE,
)

# A preposition after a lower-case word, between a clause's start and a name: the name
# is its object, not the clause's subject ("The race between Clinton and Sanders", "A
# clip of Donald Trump"); not a title's "Secretary of State Hillary Clinton".
PREPOSITION = re.compile(
    r"""
    (?<![\w\-]) [a-z][\w'\-]* [ ]+                    # a lower-case word ("race", "clip")
    (?: of | between | with | for | against | from | by | about | among | to | at | on
      | in | into | like | over | under | after | before | toward | towards )  # a preposition
    (?![\w\-])
    """,
    re.VERBOSE,
)

# An appositive role after a name: "Dana Whitfield, the county clerk, said".
APPOSITIVE_ROLE = regex.compile(
    r"""
    ,[ ]+
    (?:the|a|an|his|her|its|their)[ ]+                 # a determiner opens the role
    (?P<role>[\p{Ll}][\p{L}\-]*(?:[ ]+[\p{L}][\p{L}\-.']*){0,5}?)   # a few words
    (?=[ ]*(?:,|[ ]who\b|[ ]said\b|[ ]says\b))       # up to the comma or the relative
    """,
    regex.VERBOSE,
)

# A role set off before a name: "the former first lady, Laura Bush".
PRE_APPOSITIVE_ROLE = regex.compile(
    r"""
    (?<![\p{L}])(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)[ ]+   # a determiner opens the role
    (?P<role>\p{Ll}[\p{L}\-]*(?:[ ]+\p{Ll}[\p{L}\-]*){0,3})   # one to four lower-case words
    ,[ ]$                                            # the comma before the name
    """,
    regex.VERBOSE,
)
APPOSITIVE_ROLE_FAST = AsciiFast(APPOSITIVE_ROLE, re.VERBOSE)  # tried at a name's every comma

# The role before "for"/"of"/"at" in a description of an unnamed speaker, up to the
# organisation the cue stage took as the mention: "a spokesperson for [the hospital trust]".
DESCRIPTION_HEAD = regex.compile(
    r"""
    (?:\b(?:[Aa]n?|[Tt]he)[ ]+)                    # its determiner
    (?P<role>\p{Ll}[\p{L}\-]*(?:[ ]+\p{Ll}[\p{L}\-]*){0,2})   # one to three role words
    [ ]+(?:for|of|at|with|from)[ ]+(?:the[ ]+)?$   # the preposition before the mention
    """,
    regex.VERBOSE,
)
DESCRIPTION_HEAD_FAST = AsciiFast(DESCRIPTION_HEAD, re.VERBOSE)  # before every described speaker

# "a 52-year-old resident named Caroline": the word before a name given alone.
NAMED = " named "

# Nationality adjectives: two or more of them name no one ("Mexican American").
NATIONALITIES = frozenset(words("nationalities.txt"))

HONORIFIC_GENDER = {"Mr.": "m", "Mr": "m", "Mrs.": "f", "Mrs": "f", "Ms.": "f", "Ms": "f"}
PRONOUN_GENDER = {"he": "m", "she": "f"}
POSSESSIVE_GENDER = {"his": "m", "her": "f"}
SUFFIXES = frozenset(words("name_suffixes.txt"))
# How many sentences back a pronoun looks after its own and the previous one.
FURTHER_BACK = 4
# How many people a reference weighs in each window, the most recently mentioned: no
# news sentence names more, and a built sentence of thousands of names or namesakes
# would otherwise cost every pronoun in it a pass over all of them (quadratic).
WEIGHED = 32


@cache
def gendered_words() -> dict[str, str]:
    """Titles and role nouns that give a gender (gendered_words.txt), lower case."""
    return table("gendered_words.txt")


@cache
def relation_nouns() -> frozenset[str]:
    """Kinship and relationship nouns ("brother", "wife"): no office (relation_nouns.txt)."""
    return word_set("relation_nouns.txt")


@cache
def title_abbreviations() -> dict[str, str]:
    """ "sen" -> "senator": the role noun a later "the senator" uses (title_abbreviations.txt)."""
    return {k.lower(): v for k, v in table("title_abbreviations.txt").items()}


@lru_cache(maxsize=4096)
def normal_role(role: str) -> str:
    """A role as a later reference words it: "Sen." -> "senator", "hosts" -> "host".

    "Morning Joe hosts Joe Scarborough and Mika Brzezinski" gives each of them the
    role a later "the host" names.
    """
    out = [title_abbreviations().get(w.rstrip("."), w.rstrip(".")) for w in role.lower().split()]
    if out:
        head = out[-1]
        if head.endswith("s") and not head.endswith("ss") and head[:-1].title() in titles():
            out[-1] = head[:-1]
    return " ".join(out)


@cache
def _non_names() -> frozenset[str]:
    """Lower-case words that never start a name or end a role ("the", "officials")."""
    return frozenset(w.lower() for w in words("function_words.txt")) | NOT_A_SPEAKER


@dataclass(slots=True)
class Entity:
    """A person as the tracker knows them so far (mutable while the text is read)."""

    name: str
    first: str | None
    gender: str | None
    gender_from: str
    roles: list[str] = field(default_factory=list)
    #: False for someone the article describes but never names ("a spokesperson for X").
    named: bool = True
    #: Roles only a reader's inference gave them ("the Vermont senator said" taken to be
    #: the man of the previous sentence): a later "the senator" is inferred too.
    inferred_roles: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Run:
    """What a capitalised run says on its own: its name words, title words and gender.

    Runs repeat ("Donald Trump", "White House"), so this pure part is cached.
    """

    offsets: tuple[int, ...]  # where the name's words start, from the run's start
    spelled: str  # the name's words joined by single spaces
    names: tuple[str, ...]  # the same without suffixes
    role_words: tuple[str, ...]
    gender: str | None
    gender_from: str
    titled: bool


def _role_before(stretch: str) -> str | None:
    """The one to three lower-case role words that end ``stretch``: "county clerk"."""
    # rsplit: only the last few words are read (the same ones split(" ") gives)
    words_ = stretch.rsplit(" ", 4)[-4:-1] if stretch.endswith(" ") else []
    stop = _not_role_words()
    role: list[str] = []
    for word in reversed(words_):
        if not word or not word[:1].islower() or not word.replace("-", "").isalpha():
            break
        if word in stop:
            break
        role.insert(0, word)
    return " ".join(role) or None


@cache
def _not_role_words() -> frozenset[str]:
    """Words that end a role read leftwards: function words, non-speakers and cue words."""
    return _non_names() | cue_words()


@lru_cache(maxsize=16384)
def _analyse(run: str) -> _Run | None:
    """The name in a run, or None when it holds none (an organisation, a title alone)."""
    tokens: list[tuple[int, str]] = []
    at = 0
    for tok in run.replace("\u00a0", " ").split(" "):
        if tok:
            tokens.append((at, tok))
        at += len(tok) + 1
    # "CNN's John Doe": the name is after the possessive; "Clinton's": before it.
    for i, (_, tok) in enumerate(tokens):
        if tok.endswith("'s") and i + 1 < len(tokens):
            tokens = tokens[i + 1 :]
            break
    if tokens and tokens[-1][1].endswith("'s"):
        at, tok = tokens[-1]
        tokens[-1] = (at, tok[:-2])
    while tokens and _token_kind(tokens[0][1]) & NON_NAME:
        tokens = tokens[1:]
    gender: str | None = None
    gender_from = ""
    role_words: list[str] = []
    # Everything up to the last title is the role ("French President Emmanuel Macron").
    cut = 0
    for i, (_, tok) in enumerate(tokens[:-1]):
        if _token_kind(tok) & (TITLE | HONORIFIC):
            cut = i + 1
    for _, tok in tokens[:cut]:
        if tok in HONORIFIC_GENDER:
            gender, gender_from = HONORIFIC_GENDER[tok], f"honorific {tok!r}"
            continue
        role_words.append(tok.lower())
        if gender is None and tok.lower() in gendered_words():
            gender, gender_from = gendered_words()[tok.lower()], f"title {tok!r}"
    tokens = tokens[cut:]
    names = tuple(tok for _, tok in tokens if not _token_kind(tok) & SUFFIX)
    if not names or any(_token_kind(t) & ORGANISATION for t in names):
        return None
    rest = " ".join(t for t in names if not _token_kind(t) & NON_NAME)
    if len(names) >= 2 and all(t in NATIONALITIES for t in names):
        # "Mexican American journalists" (alone, "Cuban" may be Mark Cuban's surname)
        return None
    if not rest or rest in word_set("places.txt"):
        # "Former Democratic candidate Bernie Sanders", "the former Vermont Democratic
        # governor": a title, a party and a place name no one
        return None
    if len(names) >= 2 and gender is None:
        table = given_names().get(names[0].casefold())
        if table is not None:
            gender, gender_from = table, f"first name {names[0]!r}"
    return _Run(
        offsets=tuple(at for at, _ in tokens),
        spelled=" ".join(tok for _, tok in tokens),
        names=names,
        role_words=tuple(role_words),
        gender=gender,
        gender_from=gender_from,
        titled=cut > 0,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """Whom a pronoun or a description refers to, the others that fit, and why."""

    name: str | None
    candidates: tuple[str, ...]
    steps: tuple[str, ...]
    #: person, or description for someone described and never named
    kind: str = "person"


@dataclass(slots=True)
class _Mention:
    entity: int
    pos: int
    salient: bool


#: Per entity, what a window of mentions says about it: the order of its first mention in
#: the window (a count of mentions read), where its latest and its latest salient one are
#: (-1 when none is salient).
_Seen = list[int]


class Tracker:
    """The people of one article, built in one pass over its frame."""

    def __init__(self, text: str, frame: Frame, cues: tuple[Cue, ...]) -> None:
        self.text = text
        self.frame = frame
        self.entities: list[Entity] = []
        self.by_key: dict[tuple[str, str], int] = {}
        self.by_last: dict[str, list[int]] = {}
        # Indexes that keep a name's look-ups short when many people share a surname:
        # each surname's people by latest mention, those known by it alone (some may
        # have been given a first name since), and everyone by their name's last two
        # words (a name may have changed since).
        self.surname: dict[int, str] = {}
        self.by_recency: dict[str, dict[int, None]] = {}
        self.bare: dict[str, list[int]] = {}
        self.by_last_two: dict[tuple[str, ...], list[int]] = {}
        self.mentions: list[list[_Mention]] = [[] for _ in frame.sentences]
        # The same per sentence, summed up per entity and ordered by latest mention, so a
        # pronoun weighs each person once, not each of their mentions.
        self.seen: list[dict[int, _Seen]] = [{} for _ in frame.sentences]
        self._read = 0  # mentions recorded so far
        self.pronoun_at: dict[int, Resolution] = {}
        self.entity_at: dict[int, int] = {}  # mention start -> entity
        # Full names seen with no evidence yet that they are people, by surname: the
        # name a later "Sanders said" completes to.
        self.unconfirmed: dict[str, str] = {}
        self.headline = headline_end(text)
        self.by_role_head: dict[str, dict[int, None]] = {}  # "clerk" -> who carried it
        self.last_seen: dict[int, int] = {}  # entity -> offset of its latest mention
        self._latest = -1  # offset of the latest mention of anyone
        self._starts = [sentence.start for sentence in frame.sentences]
        # The cues that name someone; not a lone word with a plural verb ("Allies say"):
        # a group, which no "he" or "she" refers back to.
        named = [c for c in cues if c.mention is not None and not _plural_group(c)]
        self.speaker_starts = frozenset(c.mention.start for c in named if c.mention)
        # One-word names the article makes a speaker somewhere ("Obama said"): a person
        # wherever else they stand ("Obama defended the process. ... the president said").
        self.speaker_words = frozenset(
            c.mention.text.casefold()
            for c in named
            if c.mention is not None
            and c.mention.text[:1].isupper()
            and " " not in c.mention.text
            and c.mention.text.casefold() not in pronouns()
        )
        self.descriptions = [
            (c.mention.start, c.mention.end)
            for c in cues
            if c.mention is not None and c.mention.text.lower() not in pronouns()
        ]
        self._si = 0
        self._first = True
        self._subject_from = -1
        self._events = self._scan()
        self._next: tuple[int, int, int] | None = next(self._events, None)

    # -- reading -----------------------------------------------------------------------

    def _mention(self, si: int, index: int, pos: int, salient: bool) -> None:
        self.mentions[si].append(_Mention(entity=index, pos=pos, salient=salient))
        self.last_seen[index] = pos
        self._latest = max(self._latest, pos)
        key = self.surname.get(index)
        if key is not None:
            recent = self.by_recency[key]
            recent.pop(index, None)
            recent[index] = None  # moved to the end: the latest mentioned
        self._read += 1
        _note(self.seen[si], index, self._read, pos, salient)

    def _add_role(self, index: int, role: str, *, inferred: bool = False) -> None:
        entity = self.entities[index]
        role = normal_role(role)
        if role in entity.roles:
            return
        entity.roles.append(role)
        if inferred:
            entity.inferred_roles.add(role)
        head = role.split()[-1] if role.split() else ""
        self.by_role_head.setdefault(head, {})[index] = None

    def _scan(self) -> Iterator[tuple[int, int, int]]:
        """Names, pronouns and described speakers in text order, read as questions need them.

        The speaker stage asks in document order, so the tracker reads only as far as
        the last question: the rest of the article is never read.
        """
        masked = self.frame.masked
        sentences = self.frame.sentences
        if not sentences:
            return iter(())
        lo, hi = sentences[0].start, sentences[-1].end
        common = _non_names()
        runs = NAME_RUN_ASCII if masked.isascii() else NAME_RUN
        events = [
            (m.start(), m.end(), NAME)
            for m in runs.finditer(masked, lo, hi)
            if m.group().lower() not in common  # "The", "But": a sentence's first word
        ]
        events.extend(
            (m.start(), m.end(), PRONOUN) for m in PERSON_PRONOUN.finditer(masked, lo, hi)
        )
        events.extend((start, end, DESCRIPTION) for start, end in self.descriptions)
        events.sort()
        return iter(events)

    def _read_to(self, upto: int) -> None:
        """Read every event that starts before ``upto``.

        This loop sees every name, pronoun and description of the article, so its state
        (the sentence, whether its subject is taken, where the subject may start) is kept
        in locals while it runs and stored back at the end.
        """
        nxt = self._next
        if nxt is None or nxt[0] >= upto:
            return
        masked = self.frame.masked
        sentences = self.frame.sentences
        last = len(sentences) - 1
        speakers, by_last, events = self.speaker_starts, self.by_last, self._events
        si, first, subject_from = self._si, self._first, self._subject_from
        sentence_end = sentences[si].end
        while nxt is not None and nxt[0] < upto:
            start, end, what = nxt
            nxt = next(events, None)
            if sentence_end <= start:
                while si < last and sentences[si].end <= start:
                    si += 1
                    first = True
                    subject_from = -1
                sentence_end = sentences[si].end
            if what == NAME and start not in speakers:
                run = masked[start:end]
                bare = run[:-2] if run.endswith("'s") else run
                # most runs are one capitalised word that names no one known yet
                if (
                    " " not in run
                    and "\u00a0" not in run
                    and bare.casefold() not in by_last
                    and bare.casefold() not in self.speaker_words
                    and not masked.endswith(NAMED, 0, start)
                ):
                    continue
            if subject_from < 0:
                # "As for the notion that people vote for Clinton, Fiorina offered ...":
                # the subject comes after an opening phrase, not in it.
                sentence = sentences[si]
                intro = INTRODUCTORY.match(masked, sentence.start, sentence_end)
                subject_from = intro.end() if intro is not None else sentence.start
            # Only a mention after the opening phrase can be the sentence's subject, and
            # not one set off by commas ("On the topic of another tough guy, Mr. Putin,
            # Mr. Trump was pressed"): that is an apposition to the phrase.
            subject_place = start >= subject_from and not (
                masked.startswith(", ", start - 2) and masked.startswith(",", end)
            )
            if subject_place and first:
                # "The race between Clinton and Sanders has ...", "Footage of Al-Awlaki
                # appears": a name after a preposition of the clause is no subject.
                clause = max(subject_from, masked.rfind(",", subject_from, start) + 1)
                subject_place = PREPOSITION.search(masked, clause, start) is None
            salient = start in speakers or (first and subject_place)
            if what == PRONOUN:
                self._pronoun(si, start, end, salient)
                taken = True
            elif what == DESCRIPTION:
                taken = self._described(si, start, end)
            else:
                taken = self._name(si, start, end, salient)
            if taken and subject_place:
                first = False
        self._next, self._si, self._first, self._subject_from = nxt, si, first, subject_from

    def _described(self, si: int, start: int, end: int) -> bool:
        """A speaker the article describes and never names: "a spokesperson for the trust".

        Such a person is the subject of their sentence, so a "she said" after them is
        theirs, not the last named woman's. A definite description that refers back
        ("the spokesperson") is the role question, asked by the speaker stage.
        """
        masked = self.frame.masked
        floor = self.frame.sentences[si].start
        head_start = start
        before = DESCRIPTION_HEAD_FAST.search(masked, max(floor, start - 60), start)
        if before is not None:
            head_start = before.start()
            role = before.group("role")
        else:
            words_ = masked[start:end].split()
            if not _is_description(masked[start:end]):
                return False  # a name: the name events have it
            if words_[0].lower() in ("the", "this", "that"):
                return False  # refers back: the speaker stage asks role()
            if words_[0].lower() not in ("a", "an"):
                return False  # a bare word ("state"), not someone described
            kept: list[str] = []
            for w in words_:
                if w in ("for", "of", "at", "with", "from"):
                    break  # "a spokeswoman for the Royal Nursing Association"
                if w.lower() not in ("a", "an"):
                    kept.append(w)
            role = " ".join(kept) or words_[-1]
        head = role.split()[-1]
        if not one_person_noun(head):
            return False  # "the hospital trust", "officials": not one person
        index = len(self.entities)
        gender = gendered_words().get(head)
        self.entities.append(
            Entity(
                name=" ".join(self.text[head_start:end].split()),
                first=None,
                gender=gender,
                gender_from=f"role {head!r}" if gender else "",
                named=False,
            )
        )
        self._add_role(index, role)
        self._mention(si, index, start, True)
        self.entity_at[start] = index
        self.entity_at[head_start] = index
        return True

    def _name(self, si: int, start: int, end: int, salient: bool) -> bool:
        masked = self.frame.masked
        run = masked[start:end]
        # _read_to has already let through only the lone words someone is known by
        if run.removesuffix("'s").lower() in pronouns():
            return False  # "He said": the pronoun events have it
        parsed = _analyse(run)
        if parsed is None:
            return False
        names = list(parsed.names)
        gender, gender_from = parsed.gender, parsed.gender_from
        role_words = list(parsed.role_words)
        titled = parsed.titled
        first_name = names[0] if len(names) >= 2 else None
        after = None
        if masked.startswith(", ", end):
            after = APPOSITIVE_ROLE_FAST.match(masked, end, self.frame.sentences[si].end)
        floor = self.frame.sentences[si].start
        role_before = None
        if start - 2 >= floor and masked[start - 1] == " " and masked[start - 2].islower():
            role_before = _role_before(masked[max(floor, start - 40) : start])
        elif masked.startswith(", ", start - 2):
            # "the county clerk, Dana Whitfield, said": the role set off before the name
            before = PRE_APPOSITIVE_ROLE.search(masked, max(floor, start - 60), start)
            role_before = before.group("role") if before is not None else None
        # Evidence of a person: a title, a known first name, or a role beside the name
        # ("Olusegun Adeyemi, a trader,"; "political science professor Brigid Harrison").
        person = (
            titled
            or (first_name is not None and first_name.casefold() in given_names())
            or (first_name is not None and after is not None)
            or (first_name is not None and role_before is not None)
        )
        last = names[-1]
        index = self._entity_for(first_name, last, names, gender)
        if index is None:
            spoke = any(start + at in self.speaker_starts for at in parsed.offsets) or (
                first_name is None
                and (last.casefold() in self.speaker_words or masked.endswith(NAMED, 0, start))
            )
            if not person and not spoke:
                if first_name is not None and start >= self.headline:
                    # "Bernie Sanders" before "Sanders said" (not a title-case headline's
                    # "Republican Donor Adelson")
                    self.unconfirmed.setdefault(last.casefold(), " ".join(names))
                return False
            name = parsed.spelled
            if first_name is None and last.casefold() in self.unconfirmed:
                name = self.unconfirmed[last.casefold()]
                first_name = name.split()[0]
                table = given_names().get(first_name.casefold())
                if gender is None and table is not None:
                    gender, gender_from = table, f"first name {first_name!r}"
            if first_name is None and gender is None and masked.endswith(NAMED, 0, start):
                # "a resident named Caroline": a first name alone, its sex from the table
                table = given_names().get(last.casefold())
                if table is not None:
                    gender, gender_from = table, f"first name {last!r}"
            index = len(self.entities)
            self.entities.append(
                Entity(
                    name=name,
                    first=first_name,
                    gender=gender,
                    gender_from=gender_from,
                )
            )
            if first_name is not None:
                self.by_key[(first_name.casefold(), last.casefold())] = index
            else:
                self.bare.setdefault(last.casefold(), []).append(index)
            self.by_last.setdefault(last.casefold(), []).append(index)
            self.surname[index] = last.casefold()
            self.by_recency.setdefault(last.casefold(), {})
            self._index_last_two(index)
        entity = self.entities[index]
        if entity.first is None and first_name is not None:
            entity.name, entity.first = parsed.spelled, first_name
            self._index_last_two(index)
        if entity.gender is None and gender is not None:
            entity.gender, entity.gender_from = gender, gender_from
        if role_words:
            self._add_role(index, " ".join(role_words))
        if role_before is not None:
            self._add_role(index, role_before)
            self._gender_from_role(entity, role_before)
        if after is not None:
            self._add_role(index, after.group("role"))
            self._gender_from_role(entity, after.group("role"))
        self._mention(si, index, start, salient)
        self.entity_at[start] = index
        for at in parsed.offsets:
            self.entity_at[start + at] = index
        return True

    def _gender_from_role(self, entity: Entity, role: str) -> None:
        if entity.gender is not None:
            return
        for word in role.split():
            gender = gendered_words().get(word)
            if gender is not None:
                entity.gender, entity.gender_from = gender, f"role {role!r}"
                return

    def _entity_for(
        self, first: str | None, last: str, names: list[str], gender: str | None = None
    ) -> int | None:
        """The known person a name refers to; a full name completes a surname seen first.

        "Sanders said ... Bernie Sanders" is one person: the entity first known by the
        bare surname takes the full name. A bare surname goes to the latest person
        with it (Hillary after Bill Clinton); the speaker stage keeps the others.
        """
        key_last = last.casefold()
        if first is None:
            # "Mrs. Clinton" after Bill and Hillary: the latest Clinton of her gender, the
            # one mentioned last: "Eric Trump wrote ... Trump said" is Eric
            for i in islice(reversed(self.by_recency.get(key_last, {})), WEIGHED):
                if gender is None or self.entities[i].gender in (None, gender):
                    return i
            return None
        index = self.by_key.get((first.casefold(), key_last))
        if index is None:
            # the latest person known by the surname alone
            bare = self.bare.get(key_last, [])
            while bare and self.entities[bare[-1]].first is not None:
                bare.pop()  # given a first name since
            if bare:
                index = bare[-1]
            else:
                # "Wasserman Schultz" after "Debbie Wasserman Schultz": the end of a longer name
                wanted = [w.casefold() for w in names]
                longer = [
                    i
                    for i in self.by_last_two.get(tuple(wanted[-2:]), [])
                    if self.surname[i] == key_last
                    and [w.casefold() for w in self.entities[i].name.split()[-len(names) :]]
                    == wanted
                ]
                index = max(longer, default=None)
            if index is not None:
                self.by_key[(first.casefold(), key_last)] = index
        return index

    def _index_last_two(self, index: int) -> None:
        """File a person's name under its last two words, for ``_entity_for``."""
        tail = tuple(w.casefold() for w in self.entities[index].name.split()[-2:])
        if len(tail) == 2:
            self.by_last_two.setdefault(tail, []).append(index)

    def _pronoun(self, si: int, start: int, end: int, salient: bool) -> None:
        word = self.frame.masked[start:end].lower()
        found = self._search(si, start, PRONOUN_GENDER[word], f"pronoun {word!r}")
        if found is None:
            return
        index, resolution = found
        chosen = self.entities[index]
        if len(resolution.candidates) == 1 and chosen.gender is None:
            chosen.gender, chosen.gender_from = PRONOUN_GENDER[word], f"{word!r} resolved to them"
        self.pronoun_at[start] = resolution
        self._mention(si, index, start, salient)

    def _search(
        self,
        si: int,
        start: int,
        want: str | None,
        what: str,
        *,
        own: bool = True,
        head: str | None = None,
    ) -> tuple[int, Resolution] | None:
        """The best person for a reference at ``start``: own sentence, previous, further back.

        Within the first window that has anyone who agrees: a known matching gender
        over an unknown one, then the subject or speaker of a sentence, then the most
        recent. Everyone who agrees there is a candidate. A description does not look
        in its own sentence (``own``): "In an interview with Joe Scarborough, the
        candidate said" is not about Scarborough. A description's ``head`` noun ranks
        last whoever the article gave only other roles: "the former president" is not
        "the former first lady, Laura Bush".
        """
        windows = [
            ("its own sentence", self._own_window(si, start) if own else {}),
            ("the previous sentence", self.seen[si - 1] if si > 0 else {}),
            (
                "the sentences before",
                _merged(self.seen[k] for k in range(max(0, si - 1 - FURTHER_BACK), si - 1)),
            ),
        ]
        for where, seen in windows:
            # entity -> (rank, when it is first mentioned in the window): the rank of its
            # best mention (salient over not, then the latest), ties in mention order
            fitting: dict[int, tuple[tuple[int, int, int, int], int]] = {}
            for index in islice(reversed(seen), WEIGHED):
                first, latest, latest_salient = seen[index]
                entity = self.entities[index]
                gender = entity.gender
                if want is not None and gender is not None and gender != want:
                    continue
                # A kinship ("his older brother") is no office: it rules nobody out.
                offices = [r for r in entity.roles if r.split()[-1] not in relation_nouns()]
                other_role = (
                    head is not None
                    and bool(offices)
                    and all(role.split()[-1] != head for role in offices)
                )
                rank = (
                    1 if other_role else 0,
                    0 if latest_salient >= 0 else 1,
                    0 if want is None or gender == want else 1,
                    -(latest_salient if latest_salient >= 0 else latest),
                )
                fitting[index] = (rank, first)
            if not fitting:
                continue
            order = sorted(fitting, key=lambda e: fitting[e])
            chosen = self.entities[order[0]]
            best = fitting[order[0]][0]
            steps = [
                f"{what}: {len(order)} {'person fits' if len(order) == 1 else 'people fit'}"
                f" in {where}"
            ]
            reasons = []
            if want is not None:
                reasons.append(
                    f"gender from {chosen.gender_from}" if best[2] == 0 else "gender unknown"
                )
            if best[1] == 0:
                reasons.append("a subject or speaker")
            reasons.append("the most recent such")
            steps.append(f"{chosen.name!r} chosen ({', '.join(reasons)})")
            names = tuple(self.entities[e].name for e in order)
            if len(order) > 1:
                steps.append(f"also fits: {', '.join(names[1:])}: ambiguous")
            kind = "person" if chosen.named else "description"
            return order[0], Resolution(
                name=chosen.name, candidates=names, steps=tuple(steps), kind=kind
            )
        return None

    def _own_window(self, si: int, start: int) -> dict[int, _Seen]:
        """The people mentioned in sentence ``si`` before ``start``."""
        mentions = self.mentions[si]
        if not mentions or mentions[-1].pos < start:
            return self.seen[si]  # the usual case: the tracker has read no further
        seen: dict[int, _Seen] = {}
        for count, m in enumerate(mentions[: bisect_left(mentions, start, key=lambda m: m.pos)]):
            _note(seen, m.entity, count, m.pos, m.salient)
        return seen

    # -- questions the speaker stage asks ------------------------------------------------

    def pronoun(self, start: int) -> Resolution | None:
        """The resolution of the he/she at ``start``, if the tracker found one."""
        self._read_to(start + 1)
        return self.pronoun_at.get(start)

    def possessor(self, start: int, word: str) -> Resolution | None:
        """Whom "his" or "her" at ``start`` refers to ("His remarks were blunt: 'Q'").

        The same search as a he/she at that place, without recording a mention.
        """
        self._read_to(start)
        si = max(0, bisect_right(self._starts, start) - 1)
        found = self._search(si, start, POSSESSIVE_GENDER[word], f"possessive {word!r}")
        return None if found is None else found[1]

    def name_at(self, start: int, end: int) -> Resolution | None:
        """The entity a name mention belongs to, with others sharing its surname."""
        self._read_to(end)
        for at in range(start, end):
            index = self.entity_at.get(at)
            if index is not None:
                entity = self.entities[index]
                kind = "person" if entity.named else "description"
                names = [entity.name]
                mention = self.frame.masked[start:end].removesuffix("'s")
                if " " not in mention:
                    # a bare surname: "Trump" after Donald and Eric Trump may be either
                    recent = self.by_recency.get(mention.casefold(), {})
                    names += [
                        self.entities[i].name
                        for i in islice(reversed(recent), WEIGHED)
                        if i != index
                    ]
                return Resolution(name=entity.name, candidates=tuple(names), steps=(), kind=kind)
        return None

    def role(self, description: str, before: int) -> Resolution | None:
        """ "the French president", "the clerk": the entity that carried that role earlier.

        The head noun must match a role someone carried. A capitalised modifier (a party,
        a nation, a state: "the Democratic candidate", "the French president") must be in
        that role too; lower-case ones ("the presidential candidate") only rank the
        holders, since articles vary them. Everyone who fits stays a candidate.
        """
        wanted = [w for w in normal_role(description).split() if w not in _DESCRIPTION_NOISE]
        if not wanted:
            return None
        self._read_to(before)
        head, modifiers = wanted[-1], wanted[:-1]
        proper = {
            w.lower()
            for w in description.split()[:-1]
            if w[:1].isupper() and w.lower() not in _DESCRIPTION_NOISE
        }
        # the holders given the role most recently, in the order they were given it
        holders = [
            index
            for index in islice(reversed(self.by_role_head.get(head, {})), WEIGHED)
            if any(proper <= set(role.split()) for role in self.entities[index].roles)
        ][::-1]
        if not holders:
            return self._description(description, head, before)

        def rank(index: int) -> tuple[int, int]:
            roles = [role.split() for role in self.entities[index].roles]
            shared = max(sum(w in words_ for w in modifiers) for words_ in roles)
            return (-shared, -self.last_seen.get(index, -1))

        latest = sorted(holders, key=rank)
        names = tuple(self.entities[i].name for i in latest)
        steps = [f"description {description!r} names the role of {names[0]!r}"]
        if len(names) > 1:
            steps.append(f"also carried by: {', '.join(names[1:])}: ambiguous")
        chosen = self.entities[latest[0]]
        kind = "person" if chosen.named else "description"
        carried = [r for r in chosen.roles if r.split()[-1] == head and proper <= set(r.split())]
        if all(r in chosen.inferred_roles for r in carried):
            # the role came from an earlier description a reader resolved: still a guess
            steps.append("that role was itself inferred from context")
            kind = "inferred"
        if len(names) == 1 and kind != "inferred":
            self._referred(latest[0], before)
        return Resolution(name=names[0], candidates=names, steps=tuple(steps), kind=kind)

    def _referred(self, index: int, pos: int) -> None:
        """A description that speaks ("..., the host said") is a mention of whom it names:
        the subject of its sentence, so "But he wanted to know" next is the host's.

        Only for a role one person carried, named (a guess would steer every pronoun
        after it), and when the tracker has read no mention after it, so mentions stay
        in order.
        """
        if pos > self._latest:
            self._mention(max(0, bisect_right(self._starts, pos) - 1), index, pos, True)

    def _description(self, description: str, head: str, before: int) -> Resolution | None:
        """ "the governor" with no governor named: the person the passage is about, if any.

        Only a singular noun for one person refers this way (a title, a gendered or a
        person noun: "governor", "host", "tycoon"); plural and organisation nouns
        ("officials", "the campaign") do not.
        """
        if (head.endswith("s") and not head.endswith("ss")) or not one_person_noun(head):
            return None
        si = max(0, bisect_right(self._starts, before) - 1)
        found = self._search(
            si,
            before,
            gendered_words().get(head),
            f"description {description!r}",
            own=False,
            head=head,
        )
        if found is None:
            return None
        # Nobody in the text carried that title: a reader's inference, never evidence
        # that the article credits someone else. The one chosen carries it from now on
        # ("the independent Vermont senator said" ... "the senator said"), as inferred.
        index, resolution = found
        self._add_role(index, description, inferred=True)
        return Resolution(
            name=resolution.name,
            candidates=resolution.candidates,
            steps=(*resolution.steps, "no one is given that title: inferred from context"),
            kind="inferred",
        )


def _plural_group(cue: Cue) -> bool:
    """A one-word mention, not a pronoun, whose verb agrees with a plural ("Allies say")."""
    assert cue.mention is not None
    text = cue.mention.text
    return " " not in text and text.casefold() not in pronouns() and plural_agreement(cue.cue.text)


# Words of a description that say nothing of the role ("the former chairman").
_DESCRIPTION_NOISE = frozenset(words("description_noise.txt"))


def _note(seen: dict[int, _Seen], index: int, count: int, pos: int, salient: bool) -> None:
    """Count the ``count``-th mention, at ``pos`` (the latest so far), in a window's summary."""
    known = seen.pop(index, None)
    if known is None:
        seen[index] = [count, pos, pos if salient else -1]
    else:
        known[1] = pos
        if salient:
            known[2] = pos
        seen[index] = known  # moved to the end: the latest mentioned


def _merged(windows: Iterator[dict[int, _Seen]]) -> dict[int, _Seen]:
    """Several sentences' summaries, in text order, as one (the most recent people of each)."""
    out: dict[int, _Seen] = {}
    for seen in windows:
        for index in reversed(list(islice(reversed(seen), WEIGHED))):
            first, latest, latest_salient = seen[index]
            known = out.pop(index, None)
            if known is None:
                out[index] = [first, latest, latest_salient]
            else:
                out[index] = [known[0], latest, max(known[2], latest_salient)]
    return out


NON_NAME, TITLE, HONORIFIC, ORGANISATION, SUFFIX = 1, 2, 4, 8, 16
NAME, PRONOUN, DESCRIPTION = 0, 1, 2


def _is_description(mention: str) -> bool:
    """A cue mention that describes rather than names: "a spokesperson", "the hospital trust"."""
    first = mention.split()[0] if mention.split() else ""
    return first in ("a", "an", "A", "An", "the", "The") or first[:1].islower()


@cache
def party_words() -> frozenset[str]:
    """Parties that stand before a name and are not part of it (party_words.txt)."""
    return word_set("party_words.txt")


@cache
def _token_kind(token: str) -> int:
    """What a capitalised word of a name run can be, as flags (cached: names repeat)."""
    kind = 0
    if token.lower() in _non_names() or token.lower() in cue_words() or token in party_words():
        kind |= NON_NAME  # "The", "Stated Harmon: ...", "Republican Christine Todd Whitman"
    if is_adjective_compound(token):
        kind |= NON_NAME  # "Qaeda-linked", "Obama-era": an adjective, not "Lopez-Garcia"
    if token.rstrip(".") in titles():
        kind |= TITLE
    if token in HONORIFIC_GENDER:
        kind |= HONORIFIC
    if token in SUFFIXES:
        kind |= SUFFIX
    core = token.replace(".", "")
    acronym = len(core) >= 2 and core.isupper() and core.isalpha() and not kind & SUFFIX
    if token.rstrip(".,") in word_set("organisation_words.txt") or (acronym and token != "U.S."):
        kind |= ORGANISATION
    return kind


# The lower-case ends of compounds that make a capitalised word an adjective
# ("Qaeda-linked", "Obama-era", "Trump-style"); any "-ed" end counts too. Korean and
# other given names keep lower-case ends of their own ("Tae-yong", "Jong-un").
ADJECTIVE_ENDS = frozenset(words("adjective_compound_ends.txt"))


def is_adjective_compound(token: str) -> bool:
    """ "Qaeda-linked", "Obama-era": a capitalised adjective that is no part of a name."""
    head, dash, tail = token.rpartition("-")
    if not head or not dash or not tail[:1].islower():
        return False
    return tail.endswith("ed") or tail.rstrip(".,") in ADJECTIVE_ENDS


def is_organisation_word(token: str) -> bool:
    """A word that makes a name an organisation's: "Department", "Kremlin", NATO."""
    return bool(_token_kind(token) & ORGANISATION)


def track(text: str, frame: Frame, cues: tuple[Cue, ...]) -> Tracker:
    """Everyone the article mentions, ready for the speaker stage's questions."""
    return Tracker(text, frame, cues)


__all__ = [
    "Entity",
    "Resolution",
    "Tracker",
    "is_adjective_compound",
    "is_organisation_word",
    "party_words",
    "pronouns",
    "track",
]
