"""Stage 2: cues and speaker mentions, read from the frame around the quotations.

A cue is a reporting expression ("said", "told", "according to"). Its speaker
mention is found by the word order news copy uses:

* before the cue, the noun phrase that is its subject ("Austin said", "he said",
  "Victor Cha, a scholar at CSIS, noted"), skipping adverbs and auxiliaries:
  ``speaker-cue``, ``speaker-appositive-cue``;
* after the cue when the cue follows a quotation or opens the sentence ("..." said
  Victor Cha; advises psychologist Alvord; according to X): ``quote-cue-speaker``,
  ``comma-cue-speaker``, ``opening-cue-speaker``, ``according-to``;
* the subject of the clause, for participles and coordinated verbs ("Austin said,
  adding ..."; "He attacked Cruz and said ..."): ``participle-cue-subject``,
  ``participle-clause-subject``, ``coordinated-cue-subject``,
  ``coordinated-clause-subject``; but a "for"-gerund after an object is the object's
  ("scolded Romney for suggesting ..."): ``gerund-object``, and a name after "of",
  "about" or "from" is its gerund's subject ("think of Carson saying ..."):
  ``gerund-subject``;
* after a quotation, a name and a verb the cue list lacks ('"Go back," Trump barked'):
  ``quote-subject-verb``; when a conjunction opens that clause ('"A," while Trump
  calls him "B"') its subject speaks only what follows: ``subordinate-clause-subject``.

Every rule name is one of ``model.Rule``, with an example there.

Everything runs on the masked frame (see ``frame``), so quoted words never count
as cues and every span found is a span of the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import regex

from attribution.parse.char_classes import MASK_ESCAPE
from attribution.parse.frame import QUOTE, Frame, Sentence
from attribution.parse.model import Cue, Rule, Span
from attribution.parse.wordlists import (
    AsciiFast,
    cue_pattern,
    date_words,
    is_given_name,
    opening_connectives,
    table,
    tagged,
    trie_pattern,
    word_set,
    words,
)

# A word of the frame: letters and digits with inner apostrophes, periods and hyphens
# (O'Brien, U.S., Jean-Pierre).
WORD = AsciiFast(regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}'.\-]*[\p{L}\p{M}\p{N}.])?"))

# Adverbs and auxiliaries that may stand between a speaker and the cue
# ("Austin also said", "she has repeatedly said", "he later told").
BETWEEN_SUBJECT_AND_CUE = frozenset(words("between_subject_and_cue.txt"))

# ", with" and the subject of an absolute participle right before it, up to the participle
# (searched with ``endpos`` there): "..., with many marchers and spectators chanting 'Q'",
# "..., with one of her ads asking 'Q'". Words only: punctuation ends the subject.
WITH_SUBJECT = regex.compile(
    r"""
    [,\u2014\u2013][ ]+with[ ]+                       # the comma or dash, then "with"
    (?P<np> [\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.\-]*   # the subject's first word
            (?:[ ]+[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.\-]*){0,7} )  # up to seven more
    [ ]+$                                           # then the participle
    """,
    regex.VERBOSE,
)
WITH_REACH = 90
# The participle rules that fall back on a clause's subject: after "and", a participle
# coordinated with a "with" participle shares its subject instead.
PARTICIPLE_RULES: frozenset[Rule] = frozenset(
    {"participle-cue-subject", "participle-clause-subject"}
)

# Verbs of speaking that report no words ("Trump spoke only in evasive bromides during the
# interview"): no quotation of their own sentence is theirs, but a paragraph of bare
# quotation after them continues their speaker, as after "said".
CONTENTLESS_CUES = frozenset(words("contentless_cues.txt"))

# Words that open a time phrase between a subject and its cue ("X on Friday described").
TIME_PREPOSITIONS = frozenset(words("time_prepositions.txt"))

# Nouns and adjectives in -ly, which a speaker phrase may end in; other -ly words are adverbs.
LY_NOT_ADVERBS = frozenset(words("ly_not_adverbs.txt"))

# Words that can never be the head of a speaker noun phrase.
NOT_A_SPEAKER = frozenset(words("not_speakers.txt"))

# A party affiliation in brackets after a politician's name, US style: "Sen. Tammy Baldwin
# (D-Wis.) said", "Gov. John Kasich (R-OH), said", "Bernie Sanders (I-Vt.)".
PARTY = r"""
    \( \s* (?:D|R|I|Dem|Rep|Ind|DFL)                            # the party's letter
    (?: \s* [-\u2013\u2014] \s*                                  # a dash and the state,
        (?: \p{Lu}[\p{L}.]* (?:[ ]\p{Lu}[\p{L}.]*)? )? )? \s* \)  #   maybe left out: "(D)"
"""

# A party affiliation ending just before a cue or an appositive comma (searched with
# ``endpos`` at that point).
PARTY_BEFORE = regex.compile(
    PARTY
    + r"""
    [ \t]* ,? [ \t]* $                                         # then the cue or the comma
    """,
    regex.VERBOSE,
)

# What may follow an inverted speaker ("..., said Geert Wilders, founder of ..."): the end of
# the clause or a phrase about the saying, never a verb ("..., said the days are gone").
CLAUSE_ENDS_AFTER_SPEAKER = regex.compile(
    rf"""
    \s* (?: [,.;:!?{MASK_ESCAPE})] | $ )                         # punctuation or the end
    | \s* \( \s* (?:D|R|I|Dem|Rep|Ind|DFL) \s* [-\u2013\u2014]  # a party: "Jim Clyburn (D-S.C.)"
    | \s+ (?:in|at|on|during|who|last|this|earlier|told|to|of)\b  # where, when, who
    """,
    regex.VERBOSE,
)

# Documents that "according to" may name: no speaker ("according to a statement from ...").
DOCUMENTS = frozenset(words("documents.txt"))

# Lowercase determiners and possessives that open a common-noun speaker phrase.
DETERMINERS = frozenset(words("determiners.txt"))

# Titles written with a period are abbreviations of at most this many letters (Gov., Capt.).
ABBREVIATED_TITLE = 4

# Lowercase words that join the words of an organisation's name as it is read off the
# text: "Bank of England", "Department for Business and Trade", "Johnson & Johnson".
ORGANISATION_JOINERS = frozenset(tagged("organisation_joiners.txt", "run"))

# Lowercase particles inside names: Ursula von der Leyen, Charles de Gaulle.
PARTICLES = frozenset(words("name_particles.txt"))

# Sentence openers that introduce a phrase to skip before the subject
# ("In a statement on October 23, Dakhlallah confirmed").
INTRODUCTORY = AsciiFast(
    regex.compile(
        rf"""
    (?: (?:In|At|During|Speaking|From|On|After|Before|Asked|When|While|Earlier|Later|Last
          |Responding|Writing|Addressing|Appearing|Following|Under|Since|Despite|According
          |Like|Unlike|Standing|Reacting|Referring|Talking|Testifying|Even|Although|Though
          |Because|If|As|Once|Until|Without|With|For|By|Over|Throughout|Amid|Among|Within
          |Shortly|Moments|Minutes|Hours|Days|Weeks|Months|Years|Just|Back|Then|Instead
          |Meanwhile|However|Still|Yet|Now|Today|Yesterday|Also|Again|Separately|Indeed
          |Reached|Contacted|Pressed|Questioned|Interviewed|Continuing|Weighing|Campaigning
          |Commenting|Reflecting|Discussing|Defending|Explaining|Visiting|Facing
          |Immediately|Soon|Afterward|Afterwards|Previously|Recently|Ultimately|Finally
          |Eventually|Initially|Originally|Moreover|Furthermore|Nevertheless|Nonetheless
          |Perhaps|Apparently|Notably|Privately|Publicly|Here|There
          |Given|Outside|Inside|Beyond|Early|Ever)\b
                                                                          # a leading phrase
         [^,{MASK_ESCAPE}]{{0,160}}, \s*                                         # up to its comma
    )
    """,
        regex.VERBOSE,
    ),
    re.VERBOSE,
)


# How far an opening phrase reaches: INTRODUCTORY's word and its 160 characters up to
# the comma, and room to spare.
OPENING_REACH = 200

# A relative clause set off by a comma: "host Bill Maher, who is supporting Sanders".
RELATIVE_CLAUSE = regex.compile(r",[ ](?P<who>who)\b")

# Prepositions whose name and gerund make one phrase ("think of Carson saying").
GERUND_SUBJECT_PREPOSITIONS = frozenset(words("gerund_subject_prepositions.txt"))

# Conjunctions that open a clause of their own (subordinating_conjunctions.txt).
SUBORDINATORS = frozenset(words("subordinating_conjunctions.txt"))

# A subordinate clause after an opening phrase, up to its comma: "Last month, when I asked
# him, he said".
SUBORDINATE_CLAUSE = regex.compile(
    r"""
    (?: """
    + "|".join(regex.escape(w) for w in sorted(SUBORDINATORS, key=lambda w: (-len(w), w)))
    + r""" ) \b                                       # a conjunction of time, cause or contrast
    [^,"""
    + QUOTE
    + r"""]{0,160} , \s*                                   # up to its comma
    """,
    regex.VERBOSE,
)

# Rules whose speaker stands before the cue as the subject of its clause, which a
# participle later in the sentence shares ("Hollande said Tuesday, noting ...").
SUBJECT_FIRST_RULES: frozenset[Rule] = frozenset({"speaker-cue", "speaker-appositive-cue"})

# Words after which a quotation inside a sentence reports someone's words rather than
# naming a term: "defended his comments as being 'sarcastic'", "vowed to 'fight ...'".
INTRODUCES_WORDS = frozenset(words("introducing_words.txt"))

# A colon that introduces a quotation: in the same sentence ("X interjected: 'Q'") or at the
# end of a paragraph whose next paragraph opens with one ("X issued the following
# statement:" then the statement).
COLON_BEFORE_QUOTE = regex.compile(
    rf"""
    : [ \t]*
    (?: (?={MASK_ESCAPE})                  # "...: 'Q'" in the same sentence
      | (?= (?:\r?\n[ \t]*)+ {MASK_ESCAPE} )   # "...:" ending the paragraph, 'Q' opening the next
    )
    """,
    regex.VERBOSE,
)

# A transcript's speaker label opening a paragraph: "TRUMP: ...", "JAKE TAPPER: ...".
# One to three words in capitals (ASCII: the standard library's engine, which scans the
# whole frame line by line fastest), a colon, then the words.
TRANSCRIPT_LABEL = re.compile(
    r"""
    ^ [ \t]*
    (?P<label> [A-Z][A-Z.'\-]+ (?: [ ][A-Z][A-Z.'\-]+ ){0,2} )  # the label in capitals
    : [ \t]+ (?= \S )                                        # a colon, then the words
    """,
    re.VERBOSE | re.MULTILINE,
)

# A dash byline after a quotation: '"Q" ― First Last', '"Q" — First Last', or a paragraph
# "- First Last." right after a paragraph of quotation (fact-check and quote-box copy).
# Matched at the end of each quotation; that a capital follows is checked by hand.
DASH_BYLINE = regex.compile(
    r"""
    [.,]? [ \t]* (?: \r?\n [ \t]* )*                    # maybe a stop, spaces, line breaks
    (?P<dash> [\u2015\u2014\u2013] | -{1,2} ) [ \t]*    # a horizontal bar, em or en dash, hyphens
    """,
    regex.VERBOSE,
)

# The dashes a byline may use, and how far after a quotation one is looked for.
DASHES = frozenset("-\u2013\u2014\u2015")
BYLINE_LOOKAHEAD = 8

# A quotation in the frame: a run of the mask character. The standard library's engine
# finds a run of one literal character fastest.
QUOTE_RUN = re.compile(QUOTE + "+")

# Closing marks (and spaces) stripped to see how a quotation's words end.
CLOSING_MARKS = "\"'\u201d\u2019\u00bb\u203a \t"

# A verb in the past or present tense right after a quotation's speaker: "Trump barked",
# "an angry Hollande retaliated", "he went on" (ends in -ed or -s, or a common irregular).
VERB_AFTER_SPEAKER = regex.compile(r"\p{Ll}+(?:ed|s)|went|shot|spoke|wrote|said|told")

# A quotation in the frame: where its masked run starts and ends, and its sentence.
QuoteRun = tuple[int, int, Sentence | None]

# How far before a quotation a possessive "claim" may stand.
CLAIM_REACH = 200

# A dash before a name and its colon, maybe with more names joined by "and": "Pollsters
# agree - Carl Ruiz:", "EARLY - Mark Blumenthal and Jon Cohen:" (searched with endpos).
AFTER_DASH = regex.compile(
    r"""
    (?: ^ | \s ) (?: -{1,2} | [\u2013\u2014\u2015] ) \s*      # the dash
    (?: \p{Lu}[\p{L}\p{M}.'\-]* \s+ (?: (?:and|&) \s+ )? )*  # names before the last one
    $
    """,
    regex.VERBOSE,
)

# A name that opens a paragraph before a colon is a speaker's only when short ("Kasich:",
# "Sen. Bernie Sanders:"), not a capitalised headline ("Trump Addresses Munich Attack:").
HEADLINE_NAME_WORDS = 3

# After a colon rule's subject: a lower-case word (its verb, or an auxiliary), maybe after
# an adverb ("He then listed the qualities ...:").
SUBJECT_THEN_VERB = regex.compile(
    r"""
    (?:'s)?                                  # "Trump's" written as "Trump is"
    (?: ,[ \t]+ (?:who|which) [ ]              # "X, who was killed in 2011, is shown":
        [^,\n"""
    + QUOTE
    + r"""]{1,120} ,                            #   a relative clause set off by commas
    )?
    [ \t]+\p{Ll}                              # then the verb, in lower case
    """,
    regex.VERBOSE,
)

# What may follow a byline's name: the end of the line, a full stop or comma, a bracket
# ("(@handle)"), never more words of a sentence.
BYLINE_END = regex.compile(r"[ \t]*(?:[.,(]|\r?\n|$)")

# "he's", "she'd", "they've": a pronoun with a contracted auxiliary, written as one word.
CONTRACTED_PRONOUN = regex.compile(r"(?P<pronoun>\p{L}+)'(?:s|d|ll|re|ve|m)", regex.IGNORECASE)


# What _proper_name wants before a capitalised word to call it a name, and after it.
LOWER_OR_COMMA = regex.compile(r"[\p{Ll},]")
WORD_BOUNDARY = regex.compile(r"\b")


# A conjunction opening a sentence, before its subject: "And Mr. Christie gloated: ...".
# Where a clause with a subject of its own begins inside a sentence.
CLAUSE_BOUNDARY = regex.compile(
    r"""
    ,[ ]+(?:while|whereas|although|though|but)[ ]+   # ", while Mike Huckabee ..."
    | ;[ ]+                                          # "...; Huckabee proposed ..."
    """,
    regex.VERBOSE,
)

#: A connective before a cue's subject ("But he said"): opening_connectives.txt.
LEADING_CONJUNCTION = regex.compile(
    r"(?:{words})[ \t]+(?=\p{{Lu}}|(?:he|she|they|we)\b)".format(
        words="|".join(opening_connectives("subject"))
    )
)

# The same connective before an opening phrase ("But after Tuesday's debate, X said"):
# read only where that phrase follows.
CONJUNCTION_BEFORE_OPENER = regex.compile(
    r"(?:{words})[ \t]+".format(words="|".join(opening_connectives("subject")))
)


@cache
def pronouns() -> dict[str, str]:
    """Speaker pronouns and what each may refer to (pronouns.txt)."""
    return table("pronouns.txt")


@cache
def titles() -> frozenset[str]:
    """Titles that stand before a name and are not part of it (titles.txt)."""
    return word_set("titles.txt")


@cache
def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in words("function_words.txt"))


@cache
def cue_words() -> frozenset[str]:
    return frozenset(e for e in words("cue_verbs.txt") if " " not in e)


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a name (not 'But', not 'Says'), or a surname
    joined to its particle ("al-Awlaki", "el-Sisi")."""
    low = word.lower()
    if not is_capitalised(word):
        return particle_surname(word)
    return low not in _function_words() and low not in cue_words()


def particle_surname(word: str) -> bool:
    """A surname that opens with a lower-case particle: "al-Awlaki", "el-Sisi"."""
    particle, dash, rest = word.partition("-")
    return bool(dash) and particle in PARTICLES and rest[:1].isupper()


def plural_agreement(cue: str) -> bool:
    """Whether a cue's verb agrees with a plural subject: "Allies say" (a group of people,
    whatever its capital letter), not "Sanders says"; "said" tells neither. Only a cue
    that opens with its verb tells: not "went on to say", "will say"."""
    first = cue.lower().split()[:1]
    return bool(first) and first[0] in cue_words() and first[0] + "s" in cue_words()


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and word[-1:].isalpha() and word.isupper())


def word_before(masked: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The word ending just before ``pos`` (spaces skipped), or None at punctuation."""
    i = pos
    while i > floor and masked[i - 1] in " \t":
        i -= 1
    j = i
    while j > floor and (masked[j - 1].isalnum() or masked[j - 1] in "'.-"):
        j -= 1
    while j < i and not masked[j].isalnum():
        j += 1
    end = i
    while end > j and masked[end - 1] in "'.-" and not keeps_period(masked[j:end]):
        end -= 1
    if end <= j:
        return None
    return j, end


def keeps_period(word: str) -> bool:
    """Whether a trailing period belongs to the word (initials and abbreviations)."""
    if not word.endswith("."):
        return False
    core = word.rstrip(".")
    if len(core) == 1 or "." in core or core in ("Jr", "Sr", "St"):
        return True
    return core in titles() and len(core) <= ABBREVIATED_TITLE  # "Gov." but not "Defence."


def word_after(masked: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    """The word starting just after ``pos`` (spaces skipped), or None at punctuation."""
    m = WORD.match(masked, _skip_spaces(masked, pos, ceiling), ceiling)
    if m is None:
        return None
    end = m.end()
    if masked[m.start() : end].endswith(".") and not keeps_period(masked[m.start() : end]):
        end -= 1
    return m.start(), end


def _skip_spaces(masked: str, pos: int, ceiling: int) -> int:
    while pos < ceiling and masked[pos] in " \t":
        pos += 1
    return pos


def name_run_before(masked: str, end_word: tuple[int, int], floor: int) -> tuple[int, int]:
    """Extend a capitalised word leftwards over the rest of its name.

    "of" joins capitalised words ("Bank of England"); "for", "and" and "&" only inside an
    organisation's name ("the Department for Business and Trade"), so "Clinton and
    Sanders" stays two names.
    """
    start, end = end_word
    cur = end_word
    plain_start = -1  # where the run started before it first crossed "for" or "and"
    while True:
        prev = word_before(masked, cur[0], floor)
        if prev is None or masked[prev[1] : cur[0]].strip():
            break
        w = masked[prev[0] : prev[1]]
        if _name_word(w):
            start, cur = prev[0], prev
            continue
        if w in PARTICLES or w in ORGANISATION_JOINERS:
            before = word_before(masked, prev[0], floor)
            if before is None or not is_capitalised(masked[before[0] : before[1]]):
                break
            if plain_start < 0 and w not in PARTICLES and w != "of":
                plain_start = start
            start, cur = before[0], before
            continue
        break
    if plain_start >= 0 and not any(
        word in word_set("organisation_words.txt") for word in masked[start:end].split()
    ):
        start = plain_start  # "Clinton and Sanders": no organisation joins them
    return start, end


def _name_run_after(masked: str, first: tuple[int, int], ceiling: int) -> tuple[int, int]:
    """Extend a capitalised word rightwards over the rest of its name.

    Particles join names ("Ursula von der Leyen"); "of", "for", "and" and "&" (maybe with
    "the") only once the run holds an organisation word ("the Ministry of Defence").
    """
    start, end = first
    cur = first
    organisation = masked[first[0] : first[1]] in word_set("organisation_words.txt")
    while True:
        nxt = word_after(masked, cur[1], ceiling)
        if nxt is None or masked[cur[1] : nxt[0]].strip():
            break
        w = masked[nxt[0] : nxt[1]]
        if _name_word(w):
            end, cur = nxt[1], nxt
            organisation = organisation or w in word_set("organisation_words.txt")
            continue
        if (
            cur == first
            and is_capitalised(w)
            and is_given_name(masked[first[0] : first[1]])
            and masked[nxt[1] : nxt[1] + 1] in (",", ".", ";", "")
        ):
            end = nxt[1]  # "said Al From, who helped found the DLC": a surname like a word
            break
        joins = w in PARTICLES or (organisation and w in ORGANISATION_JOINERS)
        if joins:
            after = word_after(masked, nxt[1], ceiling)
            if after and w != "the" and masked[after[0] : after[1]] == "the":
                after = word_after(masked, after[1], ceiling)
            if after and _name_word(masked[after[0] : after[1]]):
                end, cur = after[1], after
                continue
        break
    return start, end


def _role_then_name(masked: str, run: tuple[int, int], ceiling: int) -> tuple[int, int]:
    """A capitalised run that only qualifies a role before the name it belongs to.

    "Republican presidential hopeful Sen. Ted Cruz was critical": the subject runs on
    over the lower-case role ("presidential hopeful") to the name, when the role ends in
    a noun for one person (a title, a person or gendered noun), never a verb.
    """
    cur = run
    role: list[str] = []
    while len(role) < ROLE_WORDS:
        nxt = word_after(masked, cur[1], ceiling)
        if nxt is None or masked[cur[1] : nxt[0]] != " ":
            return run
        w = masked[nxt[0] : nxt[1]]
        if is_capitalised(w):
            break
        if not w.isalpha() or w in _function_words() or w in cue_words():
            return run
        role.append(w)
        cur = nxt
    else:
        return run
    if not role or not one_person_noun(role[-1]):
        return run
    name = word_after(masked, cur[1], ceiling)
    assert name is not None  # the loop broke on it
    end = _name_run_after(masked, name, ceiling)
    return run[0], end[1]


# At most this many lower-case role words between a qualifier and its name.
ROLE_WORDS = 3


@cache
def one_person_noun(word: str) -> bool:
    """A noun for one person: a title, a person noun, a gendered noun ("hopeful", "clerk")."""
    return (
        word.title() in titles()
        or word in word_set("person_nouns.txt")
        or word in table("gendered_words.txt")
    )


def contracted_pronoun(masked: str, w: tuple[int, int]) -> tuple[int, int]:
    """The pronoun of a contraction ("he's" -> "he"), or the word itself."""
    if "'" not in masked[w[0] : w[1]]:
        return w
    m = CONTRACTED_PRONOUN.fullmatch(masked, w[0], w[1])
    if m is not None and m.group("pronoun").lower() in pronouns():
        return w[0], m.end("pronoun")
    return w


def _surname_after_quote(masked: str, w: tuple[int, int], floor: int) -> bool:
    """Whether a capitalised function word right after a quotation is a surname: '"Q,"
    From said' (Al From), '"Q," Rather said' (Dan Rather). Mid-sentence, only a name is
    capitalised; at a sentence's start ("From there, ...") it is not one."""
    before = masked[floor : w[0]].rstrip(" \t")
    return before[-1:] == QUOTE or before.endswith((QUOTE + ",", "\u201d", '"'))


def _bare_word(masked: str, w: tuple[int, int], floor: int) -> bool:
    """Whether no lower-case word runs into ``w`` from the left (a determiner or a
    modifier would: "the ruling", "the newly accused"); punctuation or a name may."""
    prev = word_before(masked, w[0], floor)
    if prev is None or masked[prev[1] : w[0]].strip():
        return True
    return not masked[prev[0] : prev[1]].islower()


def noun_phrase_before(masked: str, pos: int, floor: int) -> tuple[int, int] | None:
    """The speaker noun phrase ending at ``pos``: a pronoun, a name or 'the spokesman'.

    A party affiliation in brackets between the name and ``pos`` is stepped over
    ("Sen. Tammy Baldwin (D-Wis.) said"); the mention is the name without it.
    """
    if masked[max(floor, pos - 4) : pos].rstrip(" ,").endswith(")"):
        party = PARTY_BEFORE.search(masked, max(floor, pos - 40), pos)
        if party is not None:
            pos = party.start()
    w = word_before(masked, pos, floor)
    if w is None:
        return None
    w = contracted_pronoun(masked, w)
    text = masked[w[0] : w[1]]
    low = text.lower()
    if low in pronouns():
        if pronouns()[low] == "relative" and not text.islower():
            return None  # "That said, ..." opens a sentence; it is no relative pronoun
        return w
    if is_capitalised(text):
        if low in _function_words() and not _surname_after_quote(masked, w, floor):
            return None
        return name_run_before(masked, w, floor)
    if low in NOT_A_SPEAKER or not text.replace("-", "").isalpha():
        return None  # "the Democratic front-runner" is a speaker phrase; "9/11" is not
    if low.endswith(("ing", "ed")) and _bare_word(masked, w, floor):
        return None  # "..., giving states more power": a verb, not "the ruling said"
    # A common-noun phrase: walk left over modifiers up to a determiner.
    start = w[0]
    cur = w
    for _ in range(5):
        prev = word_before(masked, cur[0], floor)
        if prev is None or masked[prev[1] : cur[0]].strip():
            break
        pw = masked[prev[0] : prev[1]]
        plow = pw.lower()
        if plow in DETERMINERS:
            start = prev[0]
            break
        if plow in NOT_A_SPEAKER or plow in pronouns():
            break
        start, cur = prev[0], prev
    return start, w[1]


def _through_role(masked: str, run: tuple[int, int], ceiling: int) -> tuple[int, int]:
    """Carry a capitalised run over role words to the person they describe.

    "said RNC spokesman Sean Spicer", "says Florida-based Republican strategist Al
    Cardenas": the organisation or party before the role is not the speaker; the name
    after it is (the speaker stage drops everything before the name).
    """
    cur = run
    for _ in range(ROLE_WORDS_AFTER + 1):  # the role words, then the name
        nxt = word_after(masked, cur[1], ceiling)
        if nxt is None or masked[cur[1] : nxt[0]].strip():
            return _role_noun_end(masked, run, cur)
        w = masked[nxt[0] : nxt[1]]
        low = w.lower()
        if is_capitalised(w):
            if cur is run or low in _function_words():
                return run
            return run[0], _name_run_after(masked, nxt, ceiling)[1]
        if low in _function_words() or low in NOT_A_SPEAKER or low in cue_words():
            return _role_noun_end(masked, run, cur)
        cur = nxt
    return run


# At most this many lower-case role words after a qualifier: "said Clinton's top foreign
# policy aide Jake Sullivan".
ROLE_WORDS_AFTER = 4


def _role_noun_end(masked: str, run: tuple[int, int], cur: tuple[int, int]) -> tuple[int, int]:
    """The run carried through the role words to ``cur`` when they end in a noun for one
    person and no name follows: "wrote the American ambassador, John E. Herbst" is the
    ambassador (named in apposition), not "the American"."""
    if cur is run or not one_person_noun(masked[cur[0] : cur[1]].lower()):
        return run
    return run[0], cur[1]


def noun_phrase_after(masked: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    """The speaker after an inverted cue: 'said Victor Cha', 'says psychologist Alvord'."""
    pos = _skip_spaces(masked, pos, ceiling)
    first = word_after(masked, pos, ceiling)
    if first is None:
        return None
    text = masked[first[0] : first[1]]
    low = text.lower()
    if low in pronouns():
        return first if pronouns()[low] != "relative" else None
    if text in date_words():
        return None  # "said Tuesday that ...": a day, not the speaker
    if is_capitalised(text) and low not in _function_words():
        return _through_role(masked, _name_run_after(masked, first, ceiling), ceiling)
    # Lowercase modifiers then a name or a head noun: "psychologist Alvord",
    # "the campaign's spokesman".
    cur = first
    start = first[0]
    for _ in range(6):
        w = masked[cur[0] : cur[1]]
        if is_capitalised(w) and w not in date_words():
            # not "a Wednesday editorial": a day qualifies the noun after it
            return start, _through_role(masked, _name_run_after(masked, cur, ceiling), ceiling)[1]
        nxt = word_after(masked, cur[1], ceiling)
        if nxt is None or masked[cur[1] : nxt[0]].strip():
            if w.lower() in NOT_A_SPEAKER:
                return None
            return start, cur[1]
        nlow = masked[nxt[0] : nxt[1]].lower()
        if pronouns().get(nlow) == "relative":
            return start, cur[1]  # "said the man who built his career": the man
        if nlow in NOT_A_SPEAKER and nlow not in DETERMINERS:
            if w.lower() in NOT_A_SPEAKER:
                return None
            return start, cur[1]
        cur = nxt
    return None


# Number words that open a time phrase ("Eight years ago, ...").
NUMBER_WORDS = frozenset(words("number_words.txt"))

# A news dateline opening a paragraph: "WASHINGTON, Dec. 8 (UPI) — ", "LA CROSSE, Wis. — ".
DATELINE = regex.compile(
    rf"""
    (?: \p{{Lu}}[\p{{Lu}}\s.\-]{{2,40}}                       # the city in capitals
        (?:,\s*[^\u2014\u2013{MASK_ESCAPE}]{{1,40}}?)?        # , the state or the date and agency
      | \p{{Lu}}[\p{{L}}\s.]{{2,40}}?\s*\([\p{{Lu}}\p{{L}}]{{2,8}}\)   # Washington (AFP)
    )
    \s*(?:[\u2014\u2013]|--)\s*                         # the dash before the story
    """,
    regex.VERBOSE,
)

# A noun phrase set before the subject it describes: "An immigrant from Uganda who became
# a citizen in 2013, she plans to vote": the pronoun after the comma is the subject.
FRONTED_APPOSITIVE = regex.compile(
    rf"""
    (?:An?|The)[ ]                           # a determiner opens the phrase
    [^,;:!?\n\u2014\u2013{MASK_ESCAPE}]{{1,120}}  # the phrase: no clause end, dash or quotation
    ,[ ]
    (?P<subject>[Hh]e|[Ss]he)                # the subject: a he or a she
    [ ](?!said\b|says\b|added\b|told\b)    # not a parenthetical cue ("The plan, she said,")
    """,
    regex.VERBOSE,
)

# What may close an opening phrase after its comma: a state or country after a city,
# or the day ("in Ames, Iowa, on Sunday, Mrs. Clinton").
PLACE_OR_DAY_TAIL = regex.compile(
    r"""
    \s*
    (?: \p{Lu}[\p{L}]*\.(?:\p{Lu}\.)*                  # an abbreviated state: N.H., Calif.
      | \p{Lu}[\p{Ll}]+(?:\s\p{Lu}[\p{Ll}]+)?          # a state or country: Iowa, New Hampshire
      | on\s\p{Lu}[\p{Ll}]+day                          # the day: on Sunday
    )
    \s*,\s*
    """,
    regex.VERBOSE,
)


def clause_subject(masked: str, sentence: Sentence, before: int) -> tuple[int, int] | None:
    """The subject of a sentence: its first speaker-like phrase after an opening phrase."""
    pos = sentence.start
    while pos < before and (masked[pos] == QUOTE or masked[pos] in " ,\u2014\u2013-:"):
        pos += 1
    conjunction = LEADING_CONJUNCTION.match(masked, pos, before)
    if conjunction is not None:
        pos = conjunction.end()  # "And Mr. Christie gloated: ..."
    else:
        conjunction = CONJUNCTION_BEFORE_OPENER.match(masked, pos, before)
        if conjunction is not None:
            # "But after the debate, Mr. Christie gloated: ...": the opening phrase read as
            # if it began the sentence (a capital for its first letter: same length)
            rest = masked[conjunction.end() : min(before, conjunction.end() + OPENING_REACH)]
            lead = INTRODUCTORY.match(rest[:1].upper() + rest[1:])
            if lead is not None:
                pos = conjunction.end() + lead.end()
    dateline = DATELINE.match(masked, pos, before)
    if dateline is not None:
        pos = dateline.end()  # "WASHINGTON, Dec. 8 (UPI) — Hillary Clinton ..."
    m = INTRODUCTORY.match(masked, pos, before)
    if m:
        pos = m.end()
        # "At a rally in Portsmouth, N.H., on Tuesday, Bernie Sanders ...": the place
        # and the day that end the opening phrase are not the subject.
        tail = PLACE_OR_DAY_TAIL.match(masked, pos, before)
        while tail is not None and tail.end() > pos:
            pos = tail.end()
            tail = PLACE_OR_DAY_TAIL.match(masked, pos, before)
        # "Last month, when I asked Bernie Sanders ..., he looked ...": a second opening
        # phrase, a subordinate clause, before the subject
        clause = SUBORDINATE_CLAUSE.match(masked, pos, before)
        if clause is not None:
            pos = clause.end()
    fronted = FRONTED_APPOSITIVE.match(masked, pos, before)
    if fronted is not None:
        return fronted.span("subject")
    first = word_after(masked, pos, before)
    opener = masked[first[0] : first[1]] if first is not None else ""
    manner = False  # "Hastily politicizing": an adverb and a participle, not "Kelly said"
    if first is not None and opener.endswith("ly"):
        after_opener = word_after(masked, first[1], before)
        manner = after_opener is not None and masked[after_opener[0] : after_opener[1]].endswith(
            "ing"
        )
    if (
        opener in date_words()
        or opener.lower() in NUMBER_WORDS
        or manner
        or (first is not None and _opening_participle(masked, first, before))
    ):
        # "Sunday morning, Clinton slammed ...", "Eight years ago, he supported ...",
        # "Hastily politicizing the tragedy, Trump cast ...": a time or manner opener;
        # "Reprising one of her lines, the former secretary talked about": a participle's
        comma = masked.find(",", pos, before)
        if comma != -1:
            first = word_after(masked, comma + 1, before)
    while first is not None:
        first = contracted_pronoun(masked, first)
        text = masked[first[0] : first[1]]
        low = text.lower()
        if low in pronouns():
            return first if pronouns()[low] != "relative" else None
        if is_capitalised(text) and low not in _function_words():
            run = _role_then_name(masked, _name_run_after(masked, first, before), before)
            return _possessed_after(masked, run, before)
        if low in DETERMINERS or low not in NOT_A_SPEAKER:
            phrase_end = _common_noun_end(masked, first, before)
            return (first[0], phrase_end) if phrase_end else None
        return None
    return None


def _opening_participle(masked: str, first: tuple[int, int], ceiling: int) -> bool:
    """Whether the sentence opens with a participle phrase ("Reprising one of her lines,"):
    a capitalised word in -ing (long: "King", "Ewing" are names) that takes a lower-case
    object or preposition, not an auxiliary ("Beijing has said" names a government)."""
    word = masked[first[0] : first[1]]
    if len(word) < 7 or not word.endswith("ing") or not word[1:].islower():
        return False
    if is_given_name(word) or word in word_set("places.txt"):
        return False
    nxt = word_after(masked, first[1], ceiling)
    if nxt is None or masked[first[1] : nxt[0]] != " ":
        return False
    follower = masked[nxt[0] : nxt[1]]
    return follower.islower() and not _verb_like(follower.lower())


def _verb_like(low: str) -> bool:
    """A lower-case word that ends a subject as its verb: a word in -ed (not a compound
    adjective: "al Qaeda-linked", "Florida-based"), a cue word, an auxiliary or adverb."""
    return (
        (low.endswith("ed") and "-" not in low)
        or low in cue_words()
        or low in BETWEEN_SUBJECT_AND_CUE
    )


def _possessed_after(masked: str, run: tuple[int, int], ceiling: int) -> tuple[int, int]:
    """A possessive name runs on over what it owns: "Ryan's campaign shrugged off ...,
    telling" is the campaign's clause, not Ryan's. The nouns end before the verb (a word
    in -ed, a cue word, a function word) and number at most three."""
    if not masked.endswith("'s", run[0], run[1]):
        return run
    end = run[1]
    cur = word_after(masked, end, ceiling)
    for _ in range(3):
        if cur is None or masked[end : cur[0]] != " ":
            break
        w = masked[cur[0] : cur[1]]
        low = w.lower()
        if not w.isalpha() or not w.islower() or _verb_like(low) or low in _function_words():
            break
        end = cur[1]
        cur = word_after(masked, end, ceiling)
    return run[0], end


# A common-noun subject is at most this many words; its role words may lead to a name
# within the longer reach ("the al Qaeda-linked Islamic extremist cleric Anwar al-Awlaki").
SUBJECT_WORDS = 5
SUBJECT_REACH = 8


def _common_noun_end(masked: str, first: tuple[int, int], ceiling: int) -> int | None:
    """End of a short common-noun subject ('the spokesman', 'U.S. officials'), or of
    the name its role words lead to ('the ... cleric Anwar al-Awlaki')."""
    cur = first
    end = None
    role = False  # the last word read is a lower-case content word
    for read in range(SUBJECT_REACH):
        word = masked[cur[0] : cur[1]]
        w = word.lower()
        compound = "-" in word and w.endswith(("ed", "ing"))  # "Qaeda-linked": no name
        if role and is_capitalised(word) and not compound and word not in date_words():
            # "the al Qaeda-linked cleric Anwar al-Awlaki": the name after the role; one
            # capitalised word is an adjective ("radical Islamist preacher"), not a name
            named = _name_run_after(masked, cur, ceiling)
            if " " in masked[named[0] : named[1]]:
                return named[1]
        role = word.isalpha() and word.islower() and w not in DETERMINERS
        if w in NOT_A_SPEAKER and w not in DETERMINERS:
            break
        if w not in DETERMINERS and read < SUBJECT_WORDS:
            end = cur[1]
        nxt = word_after(masked, cur[1], ceiling)
        if nxt is None or masked[cur[1] : nxt[0]].strip():
            break
        cur = nxt
    return end


def _before_verb(masked: str, np: tuple[int, int]) -> tuple[int, int]:
    """A common-noun subject cut before its verb: "The governor denounced" -> "The governor".

    The verb is a word in -ed, a cue word or an auxiliary; a name or pronoun is kept whole.
    """
    first = word_after(masked, np[0], np[1])
    if first is not None and masked[first[0] : first[1]].lower() in DETERMINERS:
        first = word_after(masked, first[1], np[1])  # "The governor": look past "The"
    if first is None or is_capitalised(masked[first[0] : first[1]]):
        return np
    end = first[1]
    cur = word_after(masked, end, np[1])
    while cur is not None:
        w = masked[cur[0] : cur[1]].lower()
        if _verb_like(w):
            break
        end = cur[1]
        cur = word_after(masked, end, np[1])
    return np[0], end


def _head(masked: str, np: tuple[int, int]) -> str:
    """The last word of a noun phrase ("a statement" -> "statement")."""
    w = word_before(masked, np[1], np[0])
    return masked[w[0] : w[1]] if w is not None else ""


def _after_quote_or_start(masked: str, sentence: Sentence, cue_start: int) -> bool:
    """Whether only a quotation (or nothing) and punctuation stand before the cue."""
    i = cue_start
    while i > sentence.start and masked[i - 1] in " \t,\u2014\u2013-":
        i -= 1
    return i == sentence.start or masked[i - 1] == QUOTE


# "As John Cornyn, the No. 2 in the leadership, put it:": "As" and a name read as an
# opening phrase, yet the name is the subject of the verb after the appositive.
AS_NAME = regex.compile(
    r"""
    As[ ]
    (?:\p{Lu}[\p{L}.'\-]*[ ]){0,3}\p{Lu}[\p{L}.'\-]*   # a name of up to four words
    ,[ ]*
    """,
    regex.VERBOSE,
)


def _appositive_subject(masked: str, sentence: Sentence, comma: int) -> tuple[int, int] | None:
    """'Victor Cha, a scholar at CSIS, noted': the name before an appositive.

    The appositive may stand between dashes too ("Gingrich — mentioned as a running
    mate — told Fox News"): ``comma`` is then the closing dash.
    """
    mark = masked[comma]
    # The sentence's subject, when a comma follows it: "Clinton, during a town hall in
    # Columbus, Ohio, said", "Marco Rubio, whose hometown, Miami, is ..., argues".
    subject = clause_subject(masked, sentence, comma)
    if subject is not None and masked[subject[1] : subject[1] + 1] == mark:
        head = masked[subject[0] : subject[1]]
        person = is_capitalised(head) or head.lower() in pronouns()
        if person and pronouns().get(head.lower()) != "relative":
            return subject
    floor = max(sentence.start, comma - 200)
    opening = INTRODUCTORY.match(masked, sentence.start, comma)
    if opening is not None and not AS_NAME.fullmatch(masked, sentence.start, opening.end()):
        floor = max(floor, opening.end() - 1)  # "In a statement to the Observer, ...": not it
    j = comma - 1
    while j > floor:
        ch = masked[j]
        if ch == mark:
            np = noun_phrase_before(masked, j, sentence.start)
            if np is not None:
                head = masked[np[0] : np[1]]
                if (
                    (is_capitalised(head) or head.lower() in pronouns())
                    and not (mark == "," and _object_of_description(masked, np, sentence.start))
                    and not _place(masked, np)
                ):
                    return np
            if mark != ",":
                return None
            # "Giovanni Vian, the editor of the paper, L'Osservatore Romano, said": a
            # description holds commas of its own; the name stands before them all.
        j -= 1
    if mark == ",":
        # "Another delegate on the slate, Jim Poolman, said": the name is the appositive.
        np = noun_phrase_before(masked, comma, sentence.start)
        if np is not None and is_capitalised(masked[np[0] : np[1]]) and not _place(masked, np):
            return np
    return None


def _place(masked: str, np: tuple[int, int]) -> bool:
    """Whether a capitalised phrase is a place: listed ("Calif", "Ohio"), or a city set
    off by the state after it ("San Bernardino, Calif., based on ..."): no speaker."""
    places = word_set("places.txt")
    if masked[np[0] : np[1]].rstrip(".") in places:
        return True
    after = word_after(masked, np[1] + 1, min(len(masked), np[1] + 20))
    return (
        after is not None
        and masked.startswith(", ", np[1])
        and masked[after[0] : after[1]].rstrip(".") in places
    )


def _object_of_description(masked: str, np: tuple[int, int], floor: int) -> bool:
    """Whether a name ends a description ("the director of the Federal Bureau of
    Investigation, James B. Comey, said"): a preposition after a lower-case noun stands
    before it, so the person is the name in apposition, not the organisation."""
    w = word_before(masked, np[0], floor)
    if w is not None and masked[w[0] : w[1]].lower() == "the":
        w = word_before(masked, w[0], floor)
    if w is None or masked[w[0] : w[1]] not in DESCRIPTION_PREPOSITIONS:
        return False
    noun = word_before(masked, w[0], floor)
    return noun is not None and masked[noun[0] : noun[1]].islower()


# The prepositions that join a role to its organisation: "the director of the FBI", "a
# spokeswoman for the trust", "a scholar at CSIS".
DESCRIPTION_PREPOSITIONS = frozenset(words("description_prepositions.txt"))


def find_cues(text: str, frame: Frame) -> tuple[Cue, ...]:
    """Every cue in the frame with the speaker mention it attaches to (or None).

    One pass of the cue pattern over the whole frame, then each match is placed
    in its sentence: far cheaper than one search per sentence.
    """
    out: list[Cue] = []
    sentences = frame.sentences
    if not sentences:
        return ()
    masked = frame.masked
    index = 0
    sent_span: Span | None = None
    earlier: tuple[int, int] | None = None
    with_subject: tuple[int, int] | None = None  # the subject of "..., with X saying"
    for m in cue_pattern().finditer(masked, sentences[0].start, sentences[-1].end):
        start, end = m.span()
        while index < len(sentences) and sentences[index].end <= start:
            index += 1
            sent_span = None
        if index == len(sentences):
            break
        sentence = sentences[index]
        if start < sentence.start or end > sentence.end:
            continue  # between sentences, or running over a sentence end
        if m.group()[0].isupper() and not m.group().startswith("According"):
            np = _opening_inverted(masked, sentences[index], start, end)
            if np is None:
                continue  # "the United States", "Says" in a title: a cue is lower case
            if sent_span is None:
                sent_span = Span.of(text, sentence.start, sentence.end)
                earlier = None
            out.append(
                Cue(
                    cue=Span.of(text, start, end),
                    mention=Span.of(text, *np),
                    rule="opening-cue-speaker",  # "Stated Stone: 'Q'"
                    sentence=sent_span,
                )
            )
            continue
        if sent_span is None:
            sent_span = Span.of(text, sentence.start, sentence.end)
            earlier = None  # a new sentence: no cue before this one in it
            with_subject = None
        mention, rule = _mention_for(masked, sentence, m.group().lower(), start, end, earlier)
        agent = _passive_agent(masked, sentence, start, end)
        if agent is not None:
            mention, rule = agent, "passive-agent"  # "Rubio was asked by Gerard Baker"
        if mention is not None and rule in SUBJECT_FIRST_RULES and mention[1] <= start:
            earlier = mention
        if rule == "with-participle":
            with_subject = mention
        elif with_subject is not None and rule in PARTICIPLE_RULES:
            conjunction = word_before(masked, start, sentence.start)
            if conjunction is not None and masked[conjunction[0] : conjunction[1]] == "and":
                # "..., with Trump tweeting that it was a 'disaster' and asking, 'Q'"
                mention, rule = with_subject, "with-participle"
        out.append(
            Cue(
                cue=Span.of(text, start, end),
                mention=Span.of(text, *mention) if mention else None,
                rule=rule,
                sentence=sent_span,
            )
        )
    starts = [s.start for s in sentences]
    # The quotations, masked, each with the sentence it opens in (or None).
    runs = [
        (m.start(), m.end(), _sentence_at(sentences, starts, m.start()))
        for m in QUOTE_RUN.finditer(masked)
    ]
    extra = [
        *_colon_cues(text, frame, out, starts),
        *_byline_cues(text, frame, starts, runs),
        *_claim_cues(text, frame, runs),
        *_remark_cues(text, frame, runs),
    ]
    cued = {c.sentence.start for c in out if c.cue.text.lower() not in CONTENTLESS_CUES}
    cued.update(c.sentence.start for c in extra)
    verbs = _quote_verb_cues(text, frame, cued, runs)
    # a subordinate clause's subject speaks only after it: the main clause still has one
    cued.update(c.sentence.start for c in verbs if c.rule != "subordinate-clause-subject")
    extra.extend(verbs)
    extra.extend(_subject_cues(text, frame, cued, runs))
    if extra:
        out = sorted([*out, *extra], key=lambda c: c.cue.start)
    return tuple(out)


def _gerund_object(masked: str, sentence: Sentence, gerund: int) -> tuple[int, int] | None:
    """The name a "for"-gerund belongs to: "Priebus scolded Romney for suggesting that
    immigrants should 'self-deport'" is Romney's suggestion, the object's, not the
    subject's. Only a name stands there; "was criticized for saying" keeps its subject."""
    w = word_before(masked, gerund, sentence.start)
    if w is None or masked[w[0] : w[1]] != "for":
        return None
    named = word_before(masked, w[0], sentence.start)
    if named is None or named[1] != w[0] - 1 or not _name_word(masked[named[0] : named[1]]):
        return None
    run = name_run_before(masked, named, sentence.start)
    if run[0] == sentence.start:
        return None  # the sentence's own subject: "Romney for saying" is no clause
    return run


def _between_subject_and_cue(masked: str, w: tuple[int, int], floor: int) -> bool:
    """Whether the word at ``w`` stands between a speaker and the cue: an auxiliary or adverb.

    Beyond the listed ones, any lower-case -ly word right after a name, a pronoun or a
    listed word is an adverb ("he infamously referred to", "Kasich has also broadly
    called for"); the nouns in -ly ("the Italian daily said") are listed apart.
    """
    word = masked[w[0] : w[1]]
    if word.lower() in BETWEEN_SUBJECT_AND_CUE:
        return True
    if len(word) < 5 or not word.endswith("ly") or not word.isalpha() or not word.islower():
        return False
    if word in LY_NOT_ADVERBS:
        return False
    prev = word_before(masked, w[0], floor)
    if prev is None or masked[prev[1] : w[0]].strip():
        return False
    before = masked[prev[0] : prev[1]]
    low = before.lower()
    return is_capitalised(before) or low in pronouns() or low in BETWEEN_SUBJECT_AND_CUE


def _passive_agent(masked: str, sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """The asker of a passive cue: "Rubio was asked by moderator Gerard Baker whether".

    The words quoted after it are the asker's question, not the subject's.
    """
    # "by" after the cue first: it fails at once for nearly every cue in the text
    by = PASSIVE_BY.match(masked, end, sentence.end)
    if by is None or not PASSIVE_AUXILIARY.search(masked, max(sentence.start, start - 6), start):
        return None
    return noun_phrase_after(masked, by.end(), sentence.end)


# "was asked by", "were pressed by": the auxiliary right before a passive cue ...
PASSIVE_AUXILIARY = regex.compile(r"\b(?:was|were|been|being)[ ]$")
# ... and the "by" right after it that introduces the agent.
PASSIVE_BY = regex.compile(r"[ ]+by[ ]+")


def _sentence_at(sentences: tuple[Sentence, ...], starts: list[int], pos: int) -> Sentence | None:
    i = bisect_right(starts, pos) - 1
    if i < 0 or pos >= sentences[i].end:
        return None
    return sentences[i]


def _colon_cues(text: str, frame: Frame, found: list[Cue], starts: list[int]) -> list[Cue]:
    """Colons that introduce a quotation in a sentence with no cue before them.

    The speaker is the name right before the colon ("TRUMP: ...", "- Carl Ruiz: 'Q'") or
    the subject of the sentence ("Governor Lane issued the following statement:").
    """
    masked = frame.masked
    if ":" not in masked:
        return []
    sentences = frame.sentences
    cued = {c.sentence.start for c in found}
    out: list[Cue] = []
    labelled: set[int] = set()
    for m in TRANSCRIPT_LABEL.finditer(masked):
        sentence = _sentence_at(sentences, starts, m.start("label"))
        if sentence is None or sentence.start in cued:
            continue  # "TRUMP: I said 'no'": the cue in the paragraph names the speaker
        labelled.add(m.end("label"))
        out.append(
            Cue(
                cue=Span.of(text, m.end("label"), m.end("label") + 1),
                mention=Span.of(text, m.start("label"), m.end("label")),
                rule="label-colon",
                sentence=Span.of(text, sentence.start, sentence.end),
            )
        )
    for introduces in COLON_BEFORE_QUOTE.finditer(masked):
        colon = introduces.start()
        sentence = _sentence_at(sentences, starts, colon)
        if sentence is None or sentence.start in cued or colon in labelled:
            continue  # "X said: 'Q'": the cue names the speaker
        mention, rule = _colon_speaker(masked, sentence, colon)
        if mention is None:
            continue
        out.append(
            Cue(
                cue=Span.of(text, colon, colon + 1),
                mention=Span.of(text, *mention),
                rule=rule,
                sentence=Span.of(text, sentence.start, sentence.end),
            )
        )
    return out


def _colon_speaker(
    masked: str, sentence: Sentence, colon: int
) -> tuple[tuple[int, int] | None, Rule]:
    end = colon
    if masked[max(sentence.start, colon - 2) : colon].rstrip(" \t").endswith(")"):
        # "Rep. Trey Gowdy (R-S.C.): 'Q'": the name before its party affiliation
        party = PARTY_BEFORE.search(masked, max(sentence.start, colon - 40), colon)
        if party is not None:
            end = party.start()
            while end > sentence.start and masked[end - 1] in " \t":
                end -= 1
    w = word_before(masked, end, sentence.start)
    if w is not None and w[1] == end and _name_word(masked[w[0] : w[1]]):
        run = name_run_before(masked, w, sentence.start)
        at_start = not masked[sentence.start : run[0]].strip(" \t-\u2014\u2013")
        if at_start and masked[run[0] : run[1]].isupper():
            return run, "label-colon"  # "TRUMP: ..." in a transcript
        after_dash = AFTER_DASH.search(masked, max(sentence.start, run[0] - 40), run[0])
        short = len(masked[run[0] : run[1]].split()) <= HEADLINE_NAME_WORDS
        if ((at_start and short) or after_dash) and _proper_name(masked, run, sentence):
            return run, "name-colon"  # "Pollsters agree - Carl Ruiz: 'Q'"
        # otherwise the name is an object ("told the newspaper NRC Handelsblad:")
    subject = sentence_subject(masked, sentence, colon)
    return subject, "colon-clause-subject" if subject is not None else "no-speaker"


def sentence_subject(masked: str, sentence: Sentence, before: int) -> tuple[int, int] | None:
    """The subject of a sentence's main clause when it is plainly one: a pronoun, a name
    or "the/a ..." noun phrase followed by a lower-case word (its verb), or None."""
    subject = clause_subject(masked, sentence, before)
    if subject is None or not SUBJECT_THEN_VERB.match(masked, subject[1], before):
        return None  # "Calif., a familiar voice ...": no subject and verb
    head = masked[subject[0] : subject[1]]
    low = head.lower()
    if low in pronouns():
        if pronouns()[low] in ("relative", "group") and low != "they":
            return None  # "It's not enough ...:", "which ...:"
        return subject
    if head.islower() and masked[subject[0] : subject[1]].split()[0] not in DETERMINERS:
        return None  # "Then, later that month on CNN:"
    if is_capitalised(head) and not _proper_name(masked, subject, sentence):
        return None  # "Wait, it gets better:": a capital opens the sentence
    if _head(masked, subject).lower() in NOT_A_SPEAKER | DOCUMENTS:
        return None
    return _before_verb(masked, subject)


def _quote_verb_cues(text: str, frame: Frame, cued: set[int], runs: list[QuoteRun]) -> list[Cue]:
    """'"Go back to Univision," Trump barked': a quotation that ends in a comma, "!" or
    "?", then a name or pronoun and a verb the cue list lacks. The cue is the verb."""
    masked = frame.masked
    out: list[Cue] = []
    for run_start, run_end, sentence in runs:
        words = text[max(run_start, run_end - 4) : run_end].rstrip(CLOSING_MARKS)
        if words[-1:] not in (",", "!", "?"):
            continue
        if sentence is None or sentence.start in cued:
            continue
        np = noun_phrase_after(masked, run_end, sentence.end)
        if np is None:
            continue
        head = masked[np[0] : np[1]]
        if not (is_capitalised(head.split()[-1]) or head.lower() in pronouns()):
            continue  # a name or a pronoun speaks: "the plan won", not "the plan"
        verb = word_after(masked, np[1], sentence.end)
        if verb is None or not VERB_AFTER_SPEAKER.fullmatch(masked, verb[0], verb[1]):
            continue
        conjunction = head.split()[0]
        if conjunction in SUBORDINATORS:
            # '"Mr. Trump," while Trump refers to the governor as "Chris."': a clause of
            # its own, whose subject speaks the quotations after its verb, not before
            subject = word_after(masked, np[0] + len(conjunction), sentence.end)
            if subject is not None:
                out.append(
                    Cue(
                        cue=Span.of(text, *verb),
                        mention=Span.of(text, subject[0], np[1]),
                        rule="subordinate-clause-subject",
                        sentence=Span.of(text, sentence.start, sentence.end),
                    )
                )
            continue
        out.append(
            Cue(
                cue=Span.of(text, *verb),
                mention=Span.of(text, *np),
                rule="quote-subject-verb",
                sentence=Span.of(text, sentence.start, sentence.end),
            )
        )
    return out


def _subject_cues(text: str, frame: Frame, cued: set[int], runs: list[QuoteRun]) -> list[Cue]:
    """A sentence with no cue that holds a quotation after its own words: its subject
    ("Trump later defended his comments as being 'sarcastic'"), never the speaker of
    the sentence before. The cue is the verb after the subject."""
    masked = frame.masked
    out: list[Cue] = []
    for at, _, sentence in runs:  # the first quotation of each sentence that has one
        if sentence is None or sentence.start in cued:
            continue
        cued.add(sentence.start)  # one look a sentence
        if not masked[sentence.start : at].strip(" \t,\u2014\u2013-"):
            continue  # a quotation that opens the sentence: a split quote's
        subject = sentence_subject(masked, sentence, at)
        verb = word_after(masked, subject[1], at) if subject is not None else None
        if subject is None or verb is None:
            continue
        words = _reports_words(masked, at)
        out.append(
            Cue(
                cue=Span.of(text, *verb),
                # "Reyes won a 'virtual tie'": a term, no one's words; the sentence has a
                # subject of its own, so it borrows no speaker from the one before either.
                mention=Span.of(text, *subject) if words else None,
                rule="sentence-subject" if words else "sentence-subject-term",
                sentence=Span.of(text, sentence.start, sentence.end),
            )
        )
    return out


def _reports_words(masked: str, at: int) -> bool:
    """Whether the quotation at ``at`` reads as someone's words, not a term: it follows a
    colon or a word that introduces words ("that", "as", "to", "is", "being")."""
    before = masked[max(0, at - 12) : at].rstrip(" \t")
    if before.endswith((":", ",")):
        return True
    words_before = before.split()
    return bool(words_before) and words_before[-1].lower() in INTRODUCES_WORDS


def _proper_name(masked: str, run: tuple[int, int], sentence: Sentence) -> bool:
    """Whether a capitalised run is a name: two words or more, or written capitalised
    after a lower-case word somewhere in the article (not just opening a sentence)."""
    words_in = masked[run[0] : run[1]].split()
    if len(words_in) >= 2 or run[0] > sentence.start:
        return True
    word = words_in[0] if words_in else ""
    # "[\p{Ll},] word\b" anywhere in the article, tested only where " word" stands (found
    # with str.find): no pattern is compiled a word, and most letters are never tried.
    needle = " " + word
    at = masked.find(needle, 1)
    while at != -1:
        after = at + len(needle)
        if LOWER_OR_COMMA.match(masked, at - 1) and WORD_BOUNDARY.match(masked, after):
            return True
        at = masked.find(needle, at + 1)
    return False


@cache
def remark_after() -> re.Pattern[str]:
    """After a quotation, the noun that makes it a remark's name: 'the "47 percent"
    comment', 'Trump's "divisive" and "mean-spirited" comments' (speech_nouns.txt)."""
    body = trie_pattern(list(words("speech_nouns.txt")))
    return re.compile(
        rf"""
        (?:[ ](?:and|or)[ ]{QUOTE}+)*   # more quotations joined to it
        [ ](?P<noun>{body})             # then the noun of saying
        (?![\w'\-])
        """,
        re.VERBOSE,
    )


# Before a remark's quotation, whose it is: a possessive name ("Mitt Romney's"), a
# possessive pronoun ("his"), perhaps with a modifier ("Trump's now-infamous").
REMARK_OWNER = regex.compile(
    r"""
    (?: (?P<name>\p{Lu}[\p{L}\-.]*)'s?     # a possessive capitalised word: its name runs left
      | \b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)  # or a possessive pronoun
    )
    [ ](?:[a-z][a-z\-]*[ ])?                # perhaps one modifier
    $""",
    regex.VERBOSE,
)


def _remark_cues(text: str, frame: Frame, runs: list[QuoteRun]) -> list[Cue]:
    """ "Mitt Romney's '47 percent' comment": the quoted words are the possessor's.

    The cue is the noun after the quotation, the mention the possessor before it; a
    remark named with no possessor ("the 'not there yet' comment") is left to
    ``attributions``, which credits it to no one.
    """
    masked = frame.masked
    out: list[Cue] = []
    for run_start, run_end, sentence in runs:
        if sentence is None:
            continue
        after = remark_after().match(masked, run_end)
        if after is None:
            continue
        # the owner ends with the space before the quotation: a short look back suffices
        owner = REMARK_OWNER.search(masked, max(sentence.start, run_start - 60), run_start)
        if owner is None:
            continue
        if " " not in text[run_start:run_end].strip():
            continue  # 'Trump's "divisive" comments': one word describes the remark
        if owner.group("name") is not None:
            if not _name_word(owner.group("name")):
                continue  # "That's": a function word, not a name
            mention = name_run_before(masked, owner.span("name"), sentence.start)
        else:
            # "his 'Second Amendment people' remark": the speaker stage resolves "his"
            # as it does "his remark"
            mention = (owner.start("pronoun"), after.end("noun"))
        out.append(
            Cue(
                cue=Span.of(text, after.start("noun"), after.end("noun")),
                mention=Span.of(text, *mention),
                rule="possessive-claim",
                sentence=Span.of(text, sentence.start, sentence.end),
            )
        )
    return out


@cache
def _claim_noun_pattern() -> re.Pattern[str]:
    """A possessive, up to two modifiers and a noun of saying from claim_nouns.txt.

    It scans the whole frame, so it uses the standard library's faster engine and
    starts at the apostrophe, a character it finds fast.
    """
    body = trie_pattern(list(words("claim_nouns.txt")))
    return re.compile(rf"(?<=\w)'s?[ \t]+(?:[a-z\-]+[ \t]+){{0,2}}(?P<noun>{body})s?(?![\w'\-])")


def _claim_cues(text: str, frame: Frame, runs: list[QuoteRun]) -> list[Cue]:
    """ "Grayson's claim that the vote was 'rigged'": the possessive name is the speaker.

    Up to two modifiers may stand between ("Mr. Comey's most surprising suggestion");
    the sentence must hold a quotation after the noun.
    """
    masked = frame.masked
    if QUOTE not in masked:
        return []
    out: list[Cue] = []
    seen: set[int] = set()
    for run_start, _, sentence in runs:
        if sentence is None:
            continue
        floor = max(sentence.start, run_start - CLAIM_REACH)
        if masked.find("'", floor, run_start) >= 0:  # a possessive name: told cheaply
            for m in _claim_noun_pattern().finditer(masked, floor, run_start):
                if m.start() not in seen:
                    seen.add(m.start())
                    out.extend(_claim_cue(text, masked, sentence, m))
        for m in _pronoun_claim_pattern().finditer(masked, floor, run_start):
            if m.start() not in seen:
                # "her claim that she 'never sent' it": the speaker stage resolves "her"
                seen.add(m.start())
                out.append(
                    Cue(
                        cue=Span.of(text, m.start("noun"), m.end()),
                        mention=Span.of(text, m.start(), m.end()),
                        rule="possessive-claim",
                        sentence=Span.of(text, sentence.start, sentence.end),
                    )
                )
    return out


@cache
def _pronoun_claim_pattern() -> re.Pattern[str]:
    """A possessive pronoun, up to two modifiers and a noun of saying: "her claim"."""
    body = trie_pattern(list(words("claim_nouns.txt")))
    return re.compile(
        rf"\b(?:[Hh]is|[Hh]er)[ \t]+(?:[a-z\-]+[ \t]+){{0,2}}(?P<noun>{body})s?(?![\w'\-])"
    )


def _claim_cue(text: str, masked: str, sentence: Sentence, m: re.Match[str]) -> list[Cue]:
    """The cue of one possessive noun of saying, if a name owns it."""
    apostrophe = m.start()  # "Grayson's", "Sanders'"
    start = apostrophe
    while start > sentence.start and (masked[start - 1].isalnum() or masked[start - 1] in ".-"):
        start -= 1
    if start == apostrophe or not _name_word(masked[start:apostrophe]):
        return []  # "the group's claim", "his claim": no name to credit
    run = name_run_before(masked, (start, apostrophe), sentence.start)
    cue = Cue(
        cue=Span.of(text, m.start("noun"), m.end()),
        mention=Span.of(text, *run),
        rule="possessive-claim",
        sentence=Span.of(text, sentence.start, sentence.end),
    )
    return [cue]


# Verbs that name their object ("labeled Trump 'unfit'", "called him 'a disgrace'").
# Past and present forms: "X, director of ..., calls Horgos 'Q'".
NAMING_CUES = frozenset(words("naming_cues.txt"))


def _byline_cues(text: str, frame: Frame, starts: list[int], runs: list[QuoteRun]) -> list[Cue]:
    """Dash bylines after a quotation: '"Q" ― First Last' or a "- First Last." paragraph."""
    masked = frame.masked
    if QUOTE not in masked:
        return []
    sentences = frame.sentences
    out: list[Cue] = []
    for run_start, run_end, _ in runs:
        if DASHES.isdisjoint(masked[run_end : run_end + BYLINE_LOOKAHEAD]):
            continue  # the common case, told cheaply: no dash right after the quotation
        m = DASH_BYLINE.match(masked, run_end)
        if m is None or not masked[m.end() : m.end() + 1].isupper():
            continue  # no dash, or no capitalised name after it
        sentence = _sentence_at(sentences, starts, m.end())
        if sentence is None:
            continue
        if masked[sentence.start : run_start].strip(" \t\u2014\u2013-"):
            continue  # 'his party was "Q."--Kim Hjelmgaard': a reporter signs off a brief
        first = word_after(masked, m.end(), sentence.end)
        if first is None or not _name_word(masked[first[0] : first[1]]):
            continue
        run = _name_run_after(masked, first, sentence.end)
        if not BYLINE_END.match(masked, run[1]):
            continue  # "'Q' - Trump said later": a sentence goes on, not a byline
        out.append(
            Cue(
                cue=Span.of(text, m.start("dash"), m.end("dash")),
                mention=Span.of(text, *run),
                rule="dash-byline",
                sentence=Span.of(text, sentence.start, sentence.end),
            )
        )
    return out


def _opening_inverted(
    masked: str, sentence: Sentence, start: int, end: int
) -> tuple[int, int] | None:
    """ "Stated Stone: 'Q'", "Continued Stone, 'Q'": a capitalised cue opening its sentence,
    then a name and a colon or comma before a quotation."""
    if start != sentence.start and masked[sentence.start : start].strip():
        return None
    np = noun_phrase_after(masked, end, sentence.end)
    if np is None or not is_capitalised(masked[np[0] : np[1]]):
        return None
    after = masked[np[1] : np[1] + 6].lstrip(" \t")
    return np if after[:1] in (":", ",") and QUOTE in after[1:] else None


def _mention_for(
    masked: str,
    sentence: Sentence,
    cue: str,
    start: int,
    end: int,
    earlier: tuple[int, int] | None = None,
) -> tuple[tuple[int, int] | None, Rule]:
    """The speaker mention of the cue at ``start:end`` and the rule that found it.

    ``earlier`` is the mention of the last cue before it in its sentence whose speaker
    stands before that cue: a participle after it ("Hollande said ..., noting") shares it.
    """
    if cue.startswith("according"):
        np = noun_phrase_after(masked, end, sentence.end)
        if np is not None and _head(masked, np).lower() in DOCUMENTS:
            return None, "according-to-document"  # "according to the report": no one
        return np, "according-to"
    # "told" takes its listener after it; a participle ("..., saying in a post") its object.
    inverted_ok = not cue.startswith(("told", "tell")) and not cue.endswith("ing")
    if inverted_ok and _after_quote_or_start(masked, sentence, start):
        np = noun_phrase_after(masked, end, sentence.end)
        if np is not None:
            return np, "quote-cue-speaker"
    if cue.endswith("ing") and not cue.startswith("according"):
        subject_end = start  # "with Trump reportedly saying": the subject ends before the adverb
        for _ in range(2):
            w = word_before(masked, subject_end, sentence.start)
            if w is None or not _between_subject_and_cue(masked, w, sentence.start):
                break
            subject_end = w[0]
        np = noun_phrase_before(masked, subject_end, sentence.start)
        if np is not None:
            w = word_before(masked, np[0], sentence.start)
            if w is not None and masked[w[0] : w[1]].lower() == "with":
                return np, "with-participle"  # "..., with Sen. John McCain calling it 'Q'"
            if (
                w is not None
                and masked[w[0] : w[1]].lower() in GERUND_SUBJECT_PREPOSITIONS
                and _name_word(masked[np[0] : np[1]].split()[0])
                # "with the campaign of the senator from Pennsylvania saying": the name
                # after "from" ends a longer subject that "with" opens
                and WITH_SUBJECT.search(
                    masked, max(sentence.start, subject_end - WITH_REACH), subject_end
                )
                is None
            ):
                # "What do you think of Carson privately saying 'pray for him'?": the
                # name before the gerund is its subject
                return np, "gerund-subject"
            head = masked[np[0] : np[1]]
            gap = masked[max(sentence.start, np[0] - 3) : np[0]].rstrip(" \t")
            if gap[-1:] in (",", "\u2014", "\u2013") and (
                is_capitalised(head) or head.lower() in pronouns()
            ):
                return np, "absolute-participle"  # "... together, Ryan saying he was 'Q'"
        with_np = WITH_SUBJECT.search(
            masked, max(sentence.start, subject_end - WITH_REACH), subject_end
        )
        if with_np is not None:
            # "..., with the American Federation of Teachers calling her 'Q'"
            return with_np.span("np"), "with-participle"
        object_np = _gerund_object(masked, sentence, subject_end)
        if object_np is not None:
            return object_np, "gerund-object"  # "scolded Romney for suggesting 'Q'"
        if earlier is not None:
            return earlier, "participle-cue-subject"  # "Hollande said ..., noting 'Q'"
        subject = clause_subject(masked, sentence, start)
        return subject, "participle-clause-subject"
    pos = start
    skipped = 0
    while skipped < 3:
        w = word_before(masked, pos, sentence.start)
        if w is None:
            break
        if not _between_subject_and_cue(masked, w, sentence.start):
            # "Trump, who ..., on Friday described": a time phrase, then the subject
            if masked[w[0] : w[1]] not in date_words():
                break
            prep = word_before(masked, w[0], sentence.start)
            if prep is None or masked[prep[0] : prep[1]].lower() not in TIME_PREPOSITIONS:
                break
            w = prep
        pos = w[0]
        skipped += 1
    i = pos
    while i > sentence.start and masked[i - 1] in " \t":
        i -= 1
    # "Meg Whitman, who runs HPE, labeled Mr. Trump 'unfit'": after a naming verb the
    # name is its object, never a speaker inverted after the cue.
    inverted_ok = inverted_ok and cue.split()[-1] not in NAMING_CUES
    passive_naming = cue.split()[-1] in NAMING_CUES and masked.startswith(" " + QUOTE, end)
    if i > sentence.start and masked[i - 1] == "," and pos == start and passive_naming:
        named = noun_phrase_before(masked, i - 1, sentence.start)
        if (
            named is not None
            and is_capitalised(masked[named[0] : named[1]])
            and masked.startswith(", ", named[0] - 2)
        ):
            # "a country that the previous nominee, Mitt Romney, called 'Q'": a name in
            # apposition, the subject of the naming verb
            return named, "speaker-appositive-cue"
        # "The plan, called 'a disgrace,' was shelved": a passive participle names the
        # noun before it; whoever called it so is not in the clause
        return None, "no-speaker"
    if i > sentence.start and masked[i - 1] == "," and masked[i - 2 : i - 1] == ")":
        # "Gov. John Kasich (R-OH), said": the name before its party affiliation
        np = noun_phrase_before(masked, i - 1, sentence.start)
        if np is not None and np[1] < i - 2:
            return np, "speaker-cue"
    if i > sentence.start and masked[i - 1] == ",":
        if inverted_ok and pos == start:
            # '... for the EU, said Geert Wilders': the name after the cue speaks, not
            # the last noun of the clause before the comma.
            np = noun_phrase_after(masked, end, sentence.end)
            if (  # noun_phrase_after never starts a speaker with a day
                np is not None
                and is_capitalised(masked[np[0] : np[1]])
                and CLAUSE_ENDS_AFTER_SPEAKER.match(masked, np[1], sentence.end)
            ):
                return np, "comma-cue-speaker"
        np = _appositive_subject(masked, sentence, i - 1)
        if np is not None:
            return np, "speaker-appositive-cue"
        if inverted_ok and pos == start:
            # '... for the EU, said Geert Wilders': a comma, the cue, then the speaker.
            np = noun_phrase_after(masked, end, sentence.end)
            if np is not None and CLAUSE_ENDS_AFTER_SPEAKER.match(masked, np[1], sentence.end):
                return np, "comma-cue-speaker"
        if _after_quote_or_start(masked, sentence, i):
            return None, "no-speaker"
    elif i > sentence.start and masked[i - 1] in "\u2014\u2013":
        np = _appositive_subject(masked, sentence, i - 1)
        if np is not None:
            return np, "speaker-appositive-cue"
    np = noun_phrase_before(masked, pos, sentence.start)
    if np is not None:
        what = None
        if masked[max(sentence.start, np[0] - 6) : np[0]].rstrip().lower().endswith("what"):
            what = word_before(masked, np[0], sentence.start)
        if (
            what is not None
            and masked[what[0] : what[1]].lower() == "what"
            and masked[np[0] : np[1]].lower() in pronouns()
        ):
            # "Cruz has railed against what he calls the 'Washington cartel'": the
            # pronoun stands for the clause's subject, who is the speaker.
            subject = clause_subject(masked, sentence, what[0])
            if subject is not None and subject[1] <= what[0]:
                return _before_verb(masked, subject), "what-they-call"
        if pronouns().get(masked[np[0] : np[1]].lower()) == "relative":
            antecedent = word_before(masked, np[0], sentence.start)
            if antecedent is not None and masked[antecedent[0] : antecedent[1]].lower() in word_set(
                "writings.txt"
            ):
                # "a shirt that read 'Fascist Trump'": the words are printed, not said
                return None, "no-speaker"
        return np, "speaker-cue"
    w = word_before(masked, pos, sentence.start)
    if w is not None and masked[w[0] : w[1]].lower() in ("and", "but", "then"):
        if earlier is not None:
            main = clause_subject(masked, sentence, w[0])
            if main is not None and main[0] >= earlier[1]:
                # "when I asked him ..., he looked ... and said": the earlier cue is in an
                # opening clause; the verb shares the main clause's subject
                return main, "coordinated-clause-subject"
            return earlier, "coordinated-cue-subject"  # "Lazar said ... and added, 'Q'"
        # "Jindal signed an order, while Mike Huckabee proposed we 'Q' and said ...": the
        # coordinated verb shares the subject of its own clause, not the sentence's first.
        clause = sentence
        for boundary in CLAUSE_BOUNDARY.finditer(masked, sentence.start, w[0]):
            clause = Sentence(start=boundary.end(), end=sentence.end, paragraph=sentence.paragraph)
        # the last relative clause before the verb, if any
        relative = max(
            RELATIVE_CLAUSE.finditer(masked, clause.start, w[0]),
            default=None,
            key=lambda m: m.start(),
        )
        if relative is not None:
            # "asked by host Bill Maher, who is supporting Sanders, but has dismissed the
            # story": the verb shares the relative clause's subject, whom "who" stands for
            antecedent = noun_phrase_before(masked, relative.start(), sentence.start)
            return antecedent or relative.span("who"), "coordinated-clause-subject"
        subject = clause_subject(masked, clause, w[0])
        if subject is not None:
            return subject, "coordinated-clause-subject"
    return None, "no-speaker"
