"""The speaker resolver's answers and the steps ``attribution explain`` shows for them.

Each case is a construction news uses, with the speaker, the kind the verdicts rely on
(only a person or an organisation named by the text can be someone else) and the
resolver's own steps exactly, so an explanation that says something false fails.
tests/mutants_speakers.md lists the mutants of attribution/parse/speakers.py that
cannot change behaviour. Test ids are plain ASCII: mutmut selects tests by node id.
"""

from __future__ import annotations

import pytest

from attribution.parse.model import Attribution
from attribution.parse.pipeline import extract
from attribution.parse.speakers import (
    _first_name_gender,
    _is_title,
    _names_no_one,
    _occurrences,
    surname,
)


def last(text: str) -> Attribution:
    """The article's last quotation: the one a case is about, after any that set it up."""
    return extract(text)[-1]


def resolver_steps(found: Attribution) -> tuple[str, ...]:
    """The steps after the mention: what speakers.py decided, in its words."""
    at = next(i for i, step in enumerate(found.steps) if step.startswith("speaker mention"))
    return found.steps[at + 1 :]


CASES = {
    "writer": ('"We will win," I said.', None, "self", ("'I' is the writer",)),
    "addressee": (
        '"We will win," you said.',
        None,
        "unknown",
        ("'you' is whom the writer addresses, not a speaker",),
    ),
    "unnamed-source": (
        '"The deal is off," a person familiar with the talks said.',
        None,
        "unknown",
        ("'the talks' is what an unnamed source knows about, not the speaker",),
    ),
    "printed": (
        '"Welcome to Iowa," read the sign.',
        None,
        "unknown",
        ("'the sign' is printed, not said",),
    ),
    "titles-dropped": (
        '"This is serious," Secretary Lloyd Austin said.',
        "Lloyd Austin",
        "person",
        ("mention 'Secretary Lloyd Austin' is a person", "titles dropped: 'Lloyd Austin'"),
    ),
    "surname-named-in-full-earlier": (
        '"This is serious," Secretary Lloyd Austin said.\n\n"We are watching," Austin said.',
        "Lloyd Austin",
        "person",
        (
            "mention 'Austin' is a person",
            "'Austin' is 'Lloyd Austin', as the article names them in full",
        ),
    ),
    "surname-named-later": (
        '"We are watching," Austin said. Lloyd Austin arrived in Rome.',
        "Lloyd Austin",
        "person",
        ("mention 'Austin' is a person", "'Austin' resolves to 'Lloyd Austin', named later"),
    ),
    "of-a-state": (
        '"Not now," said Sen. Tom Cole of Oklahoma.',
        "Tom Cole",
        "person",
        ("mention 'Sen. Tom Cole' is a person", "titles dropped: 'Tom Cole'"),
    ),
    "organisation-of": (
        '"We act," the Bank of England said.',
        "Bank of England",
        "organisation",
        ("mention 'Bank of England' is an organisation",),
    ),
    "outlet-owns-the-person": (
        '"We act," CNN\'s Gloria Borger said.',
        "Gloria Borger",
        "person",
        ('mention "CNN\'s Gloria Borger" is a person', "titles dropped: 'Gloria Borger'"),
    ),
    "they-with-no-group-before": (
        'The union met on Monday.\n\n"We will strike," they said.',
        None,
        "unknown",
        ("pronoun 'they' has no antecedent",),
    ),
    "who-after-a-name": (
        'The plan was praised by Dana Whitfield, who called it "a model."',
        "Dana Whitfield",
        "person",
        ("'who' refers to 'Dana Whitfield' before it",),
    ),
    "named-in-apposition": (
        'Her campaign manager, Robby Mook, said "we are ready."',
        "Robby Mook",
        "person",
        ("mention 'Her campaign manager' is named in apposition: 'Robby Mook'",),
    ),
    "he-named-before": (
        "The White House was quiet. Volodymyr Zelenskiy was tired, aides said.\n\n"
        '"We hold," he said.',
        "Volodymyr Zelenskiy",
        "inferred",
        (
            "pronoun 'he': no earlier speaker fits; 'Volodymyr Zelenskiy' is named before it",
            "inferred from context",
        ),
    ),
    "she-is-not-mr-smith": (
        '"Go," Mr. Smith said. "Stop," she said.',
        None,
        "unknown",
        ("pronoun 'she' has no antecedent",),
    ),
    "a-surname-two-people-share": (
        'Hillary Clinton and Bill Clinton arrived. "We won," Clinton said.',
        "Bill Clinton",
        "person",
        (
            "mention 'Clinton' is a person",
            "'Clinton' is 'Bill Clinton', as the article names them in full",
            "the surname also fits: Hillary Clinton: ambiguous",
        ),
    ),
    "it-is-the-organisation-before": (
        '"We act," the Kremlin said.\n\n"We will not stop," it said.',
        "Kremlin",
        "inferred",
        (
            "pronoun 'it' refers to the most recent group: 'Kremlin'",
            "inferred from earlier speakers",
        ),
    ),
    "they-is-the-organisation-before": (
        '"We act," NATO said.\n\n"We will not stop," they said.',
        "NATO",
        "inferred",
        (
            "pronoun 'they' refers to the most recent group: 'NATO'",
            "inferred from earlier speakers",
        ),
    ),
    "she-is-not-ben-jacobs": (
        '"Go," Ben Jacobs said.\n\n"Stop," she said.',
        None,
        "unknown",
        ("pronoun 'she' has no antecedent",),
    ),
    "who-after-a-role": (
        'It was the mayor who said "no more."',
        "mayor",
        "group",
        ("'who' refers to 'mayor' before it",),
    ),
    "who-after-a-surname-named-in-full-before": (
        'Lloyd Austin arrived in Rome. The plan was praised by Austin, who called it "a model."',
        "Lloyd Austin",
        "person",
        ("'who' refers to 'Lloyd Austin' before it",),
    ),
    "who-after-a-known-role": (
        "Jane Roe, the county clerk, arrived. "
        'The plan was praised by the county clerk, who called it "a model."',
        "Jane Roe",
        "person",
        (
            "'who' refers to 'county clerk' before it",
            "description 'county clerk' names the role of 'Jane Roe'",
        ),
    ),
    "who-after-a-pronoun": (
        'The plan was praised by them, who called it "a model."',
        "them",
        "group",
        ("'who' refers to 'them' before it",),
    ),
    "she-skips-the-man-named-nearer": (
        "Olena Zelenska was tired, aides said. Then Ben Jacobs was quiet, aides said.\n\n"
        '"We hold," she said.',
        "Olena Zelenska",
        "inferred",
        (
            "pronoun 'she': no earlier speaker fits; 'Olena Zelenska' is named before it",
            "inferred from context",
        ),
    ),
    "he-is-no-organisation-named-before": (
        'The White House was quiet, aides said.\n\n"We hold," he said.',
        None,
        "unknown",
        ("pronoun 'he' has no antecedent",),
    ),
    "a-bare-surname-in-apposition-is-not-a-name": (
        'Her campaign manager, Mook, said "we are ready."',
        "Her campaign manager",
        "group",
        ("mention 'Her campaign manager' is a group",),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_resolver_names_the_speaker_kind_and_its_steps(case: str) -> None:
    text, speaker, kind, steps = CASES[case]
    found = last(text)
    assert (found.speaker, found.speaker_kind) == (speaker, kind)
    assert resolver_steps(found) == steps


def test_an_ambiguous_surname_keeps_everyone_it_may_be() -> None:
    found = last('Hillary Clinton and Bill Clinton arrived. "We won," Clinton said.')
    assert found.candidates == ("Bill Clinton", "Hillary Clinton")
    assert found.ambiguous


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Smith met Smith", [0, 10]),  # at the very start and the very end
        ("JohnSmith and Smithson", []),  # inside longer words, either side
        ("O'Smith and Smith-Jones", []),  # an apostrophe or hyphen joins the word
        ("Smith, Smith. (Smith)", [0, 7, 15]),  # punctuation ends it
    ],
    ids=["edges", "inside-words", "joined", "punctuation"],
)
def test_a_surname_is_found_only_as_a_whole_word(text: str, found: list[int]) -> None:
    assert _occurrences(text, "Smith") == found


def test_a_first_name_gives_a_gender_only_before_a_surname() -> None:
    assert _first_name_gender("Mary Smith") == "f"
    assert _first_name_gender("John Smith") == "m"
    assert _first_name_gender("Mary") is None  # one word is a surname as far as we know
    assert _first_name_gender("Jordan Smith") is None  # a first name both sexes hold


def test_a_surname_skips_suffixes_and_a_name_of_suffixes_is_itself() -> None:
    assert surname("Lloyd J. Austin III") == "Austin"
    assert surname("Martin Luther King Jr.") == "King"
    assert surname("Jr.") == "Jr."


@pytest.mark.parametrize(
    ("name", "no_one"),
    [
        (["Iowa"], True),  # a place
        (["New", "York"], True),  # a place of two words
        (["Republicans"], True),  # a party, plural
        (["Democrat"], True),
        (["You"], True),  # a sentence's first word
        (["It's"], True),  # a contraction
        (["Reached"], True),  # a participle opening a sentence
        (["Continuing"], True),
        (["I'm"], True),  # every contraction of a pronoun
        (["We're"], True),
        (["They've"], True),
        (["You'll"], True),
        (["He'd"], True),
        (["Democrats"], True),  # a party's members
        (["Ted"], False),  # short: a name, not a participle
        (["Mo's"], False),  # a possessive of a name, not a contraction
        (["Jane", "Roe"], False),
        (["Iowa", "Smith"], False),  # two words are judged as a whole
    ],
    ids=lambda value: "-".join(value).replace("'", "") if isinstance(value, list) else str(value),
)
def test_words_that_name_no_one(name: list[str], no_one: bool) -> None:
    assert _names_no_one(name) is no_one


@pytest.mark.parametrize(
    ("token", "title"),
    [
        ("Sen.", True),  # abbreviated, with its full stop
        ("Sen", True),
        ("Gov.", True),
        ("Secretary", True),
        ("Former", True),  # words that go with a title
        ("then-", True),
        ("acting", True),
        (".Sen", False),  # only a trailing full stop is dropped
        ("Smith", False),
    ],
    ids=lambda value: str(value).replace(".", "dot"),
)
def test_titles_and_the_words_that_go_with_them(token: str, title: bool) -> None:
    """Called directly: speakers.classify caches its answers, hiding a change below it."""
    assert _is_title(token) is title
