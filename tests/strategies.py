"""Hypothesis strategies shared by the property tests (append new ones, keep names distinct).

Article text: news-like prose built from the constructions the parser must
handle, the same prose with its marks mangled, and arbitrary unicode heavy in
quotation marks, apostrophes and newlines; the likely sources of an
off-by-one or an exception.
"""

from __future__ import annotations

from hypothesis import strategies as st

# --- article text (tests/test_properties.py) ------------------------------------------

QUOTE_MARKS = "“”\"‘’'«»„‹›"
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("‹", "›"))
CUE_VERBS = (
    "said",
    "says",
    "told reporters",
    "added",
    "noted",
    "remarked",
    "stated",
    "emphasized",
    "warned",
    "wrote",
    "tweeted",
    "asked",
    "argued",
    "insisted",
    "explained",
)
FIRST_NAMES = ("Lloyd", "Farah", "Victor", "Volodymyr", "Kash", "Ann", "José", "Zoë")
LAST_NAMES = ("Austin", "Dakhlallah", "Cha", "Zelensky", "Patel", "O’Neill", "Smith-Jones")
TITLES = ("", "", "Dr. ", "Mr. ", "Gov. ", "President ", "Secretary of Defense ", "spokesperson ")
ORGANISATIONS = ("NATO", "the Kremlin", "The New York Post", "the Pentagon")
PRONOUNS = ("he", "she", "they")
VENUES = ("in Rome", "at a press conference", "in a statement", "in a video address", "on X")
DATES = ("on Wednesday", "on October 23", "last week")
WORDS = (
    "the",
    "troops",
    "war",
    "it’s",
    "we",
    "will",
    "not",
    "’90s",
    "rock ’n’ roll",
    "the Smiths’",
    "very",
    "serious",
    "escalation",
    "Russia",
    "don't",
)


def article_names() -> st.SearchStrategy[str]:
    """A speaker as a news text names them: maybe titled, maybe an organisation."""
    person = st.builds(
        lambda title, first, last: f"{title}{first} {last}",
        st.sampled_from(TITLES),
        st.sampled_from(FIRST_NAMES),
        st.sampled_from(LAST_NAMES),
    )
    return st.one_of(person, st.sampled_from(LAST_NAMES), st.sampled_from(ORGANISATIONS))


def article_words(*, min_size: int = 1, max_size: int = 6) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size).map(" ".join)


@st.composite
def article_quote_sentences(draw: st.DrawFn) -> str:
    """One sentence in a construction from issue 2 section 3, with venue and date maybe."""
    open_, close = draw(st.sampled_from(QUOTE_PAIRS))
    words = draw(article_words()).capitalize()
    more = draw(article_words())
    name = draw(article_names())
    cue = draw(st.sampled_from(CUE_VERBS))
    pronoun = draw(st.sampled_from(PRONOUNS))
    venue = draw(st.sampled_from(("", *VENUES)))
    date = draw(st.sampled_from(("", *DATES)))
    where = " ".join(part for part in (venue, date) if part)
    where = f" {where}" if where else ""
    forms = (
        f"{open_}{words},{close} {name} {cue}{where}.",
        f"{open_}{words},{close} {cue} {name}{where}.",
        f"{name} {cue}{where}: {open_}{words}.{close}",
        f"{name} {cue} that {open_}{more}{close}.",
        f"{open_}{words},{close} {pronoun} {cue}, {open_}{more}.{close}",
        f"{open_}{words},{close} {pronoun} {cue}. {open_}{more.capitalize()}.{close}",
        f"{name}, a senior official at {draw(st.sampled_from(ORGANISATIONS))}, {cue}: "
        f"{open_}{words}.{close}",
        f"{open_}{words},{close} {cue} {name}, who {cue} {pronoun} would go.",
        f"According to {name}, {open_}{more}.{close}",
        f"{open_}{words}",  # a paragraph that opens a quotation and never closes it
        f"{name} {cue}{where} that {more}.",  # no quotation at all
        f"{words.capitalize()}.",
    )
    return draw(st.sampled_from(forms))


@st.composite
def article_texts(draw: st.DrawFn, *, max_paragraphs: int = 5) -> str:
    """A news-like article: paragraphs of quote sentences, blank-line or newline separated."""
    paragraphs = draw(
        st.lists(
            st.lists(article_quote_sentences(), min_size=1, max_size=3).map(" ".join),
            min_size=0,
            max_size=max_paragraphs,
        )
    )
    return draw(st.sampled_from(("\n\n", "\n"))).join(paragraphs)


@st.composite
def mangled_article_texts(draw: st.DrawFn) -> str:
    """News-like text with marks inserted, dropped or swapped: stray and unbalanced quotes."""
    chars = list(draw(article_texts()))
    edits = draw(st.integers(min_value=1, max_value=6))
    for _ in range(edits):
        at = draw(st.integers(min_value=0, max_value=len(chars)))
        kind = draw(st.sampled_from(("insert", "delete", "replace")))
        if kind == "insert" or not chars or at == len(chars):
            chars.insert(at, draw(st.sampled_from(QUOTE_MARKS + "\n")))
        elif kind == "delete":
            del chars[at]
        else:
            chars[at] = draw(st.sampled_from(QUOTE_MARKS))
    return "".join(chars)


def quote_heavy_texts() -> st.SearchStrategy[str]:
    """Arbitrary strings over marks, apostrophes, whitespace, cue words and capitals."""
    pieces = st.sampled_from(
        (*QUOTE_MARKS, " ", "\n", "\n\n", "\r", ",", ".", ":", "said", "he", "Austin", "Dr.")
    )
    return st.lists(st.one_of(pieces, st.text(max_size=3)), max_size=60).map("".join)


def arbitrary_article_texts() -> st.SearchStrategy[str]:
    """Anything a UTF-8 file can hold (no lone surrogates): unicode, marks, prose, mangled."""
    return st.one_of(
        st.text(),
        quote_heavy_texts(),
        article_texts(),
        mangled_article_texts(),
    )


# --- records and comparison (tests/test_compare_properties.py) ------------------------

RECORD_LETTERS = "abcdefghijklmnopqrstuvwxyzéøñ"
RECORD_SEPARATORS = (" ", " ", ", ", "; ", " — ", ": ", "? ", "! ", " -- ", "\n")


def record_words(*, min_size: int = 4, max_size: int = 16) -> st.SearchStrategy[list[str]]:
    """Distinct lower-case words, so a changed quote cannot coincide with another fragment."""
    word = st.text(alphabet=RECORD_LETTERS, min_size=2, max_size=9)
    return st.lists(word, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def typeset(draw: st.DrawFn, words: list[str]) -> str:
    """The same words as a writer might set them: any case, punctuation and spacing."""
    out: list[str] = []
    for i, word in enumerate(words):
        style = draw(st.sampled_from(("lower", "upper", "title")))
        out.append(word.upper() if style == "upper" else word.title() if style == "title" else word)
        if i < len(words) - 1:
            out.append(draw(st.sampled_from(RECORD_SEPARATORS)))
    end = draw(st.sampled_from(("", ".", "?", ",", "!", "...")))
    return "".join(out) + end


# --- people renamed through an article (tests/test_entities.py) -----------------------

#: Wire copy with two people, each introduced in full and then by surname and pronoun;
#: {A_FIRST} {A_LAST} and {B_FIRST} {B_LAST} are filled in by ``renamed_articles``.
STORY = (
    "Officials met on Tuesday to discuss the budget.\n\n"
    "{A_FIRST} {A_LAST}, the county clerk, spoke first. "
    '"We cannot keep the libraries open," {A_LAST} said.\n\n'
    '"The numbers do not add up," she said.\n\n'
    "{B_FIRST} {B_LAST}, a council member, disagreed. "
    '"There is money in the reserve," he told reporters.\n\n'
    '"We will find it," {B_LAST} said.\n'
)
SURNAMES = ("Whitfield", "Okafor", "Lindqvist", "Moreau", "Castillo", "Brennan", "Tanaka")


def renamed_articles() -> st.SearchStrategy[tuple[dict[str, str], dict[str, str]]]:
    """Two consistent namings of the same story's people (same genders, new names)."""
    women = st.sampled_from(("Dana", "Maria", "Susan", "Helen", "Karen"))
    men = st.sampled_from(("James", "Robert", "Thomas", "Daniel", "George"))
    naming = st.fixed_dictionaries(
        {
            "A_FIRST": women,
            "A_LAST": st.sampled_from(SURNAMES),
            "B_FIRST": men,
            "B_LAST": st.sampled_from(SURNAMES),
        }
    ).filter(lambda n: n["A_LAST"] != n["B_LAST"])
    return st.tuples(naming, naming)


# --- folder trees and globs (tests/test_globs.py) ----------------------------------------

#: Names a tree is built from: hidden ones, ones that look alike, files and folders.
TREE_NAMES = ("a", "b", "ab", ".h", "x.txt", "y.md", ".z.txt", "a.txt")
#: One component of an ``articles:`` glob.
GLOB_PARTS = ("*", "**", "*.txt", "a", "?", ".h", "[ab]", "a*", "*.md", "x.txt", ".*")

tree_paths = st.lists(
    st.lists(st.sampled_from(TREE_NAMES), min_size=1, max_size=4).map("/".join),
    max_size=12,
)
glob_patterns = st.lists(st.sampled_from(GLOB_PARTS), min_size=1, max_size=4).map("/".join)
