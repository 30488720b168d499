"""Tests that kill mutmut's surviving mutants of align.py, names.py and verdicts.py.

Each test pins one rule a newsroom depends on (tests/mutants_align.md, mutants_names.md
and mutants_verdicts.md list the mutants that cannot change behaviour). Test ids are
plain ASCII on purpose: mutmut selects tests by node id.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_compare import AUSTIN, SERIOUS  # the same two Austin records

from attribution.check.align import Alignment, Token, align, tokens, words
from attribution.check.findings import DiffOp
from attribution.check.names import name_fits, name_forms, venue_fits
from attribution.check.records import Policy, Record, RecordFile, Speaker
from attribution.check.source import line_column
from attribution.check.verdicts import ArticleCheck, Matcher
from attribution.parse.model import Attribution, Span

LEFT = "What exactly are they doing? Left to be seen."
KIRBY = Record(
    id="kirby-same-line",
    speaker="John Kirby",
    text=LEFT,
    venue=None,
    date=None,
    required=False,
    line=20,
)
AUSTIN_BRUSSELS = Record(
    id="left-to-be-seen-brussels",
    speaker="Lloyd Austin",
    text=LEFT,
    venue="Brussels",
    date="2024-10-24",
    required=False,
    line=30,
)


def matcher(*records: Record, possible: Policy = "warn", unverified: Policy = "warn") -> Matcher:
    file = RecordFile(
        path=Path("expectations/x.yaml"),
        articles=(),
        unverified=unverified,
        speakers=(Speaker(name="Lloyd Austin", aliases=("Austin", "Lloyd J. Austin III")),),
        records=records or (AUSTIN, SERIOUS),
        possible_misquote=possible,
    )
    return Matcher(file, shown_path="expectations/x.yaml")


def quoted(
    text: str,
    quote: str,
    speaker: str | None,
    *,
    kind: str = "person",
    venue: str | None = None,
    candidates: tuple[str, ...] = (),
    mention: str | None = None,
    cue: str | None = None,
) -> Attribution:
    start = text.index(quote)

    def span(word: str | None) -> Span | None:
        if word is None:
            return None
        at = text.index(word, start + len(quote))
        return Span.of(text, at, at + len(word))

    return Attribution(
        quote=Span.of(text, start, start + len(quote)),
        speaker=speaker,
        mention=span(mention),
        cue=span(cue),
        venue=span(venue),
        date=None,
        rule="speaker-cue",
        speaker_kind=kind if speaker is not None else "unknown",
        candidates=candidates,
    )


def story(*quotes: tuple[str, str | None]) -> tuple[str, list[Attribution]]:
    """An article with one paragraph per quote, each credited as given."""
    text = "Headline\n\n" + "".join(f"“{q},” {s or 'someone'} said.\n\n" for q, s in quotes)
    return text, [quoted(text, q, s) for q, s in quotes]


def check(m: Matcher, *quotes: tuple[str, str | None]) -> ArticleCheck:
    text, attributions = story(*quotes)
    return m.check(article="a.txt", text=text, attributions=attributions)


def verdicts(m: Matcher, *quotes: tuple[str, str | None]) -> list[tuple[str, str | None, str]]:
    return [(f.kind, f.record, f.level) for f in check(m, *quotes).findings]


def judge(quote: str, speaker: str | None) -> list[tuple[str, str | None, str]]:
    return verdicts(matcher(), (quote, speaker))


def word(shown: str) -> Token:
    return Token(tag="word", norm=shown.lower(), shown=shown)


# --- tokens() and words() --------------------------------------------------------------


def test_tokens_keep_sic_out_and_gaps_and_brackets_as_their_own_units() -> None:
    # [sic] vanishes, an ellipsis is one gap shown as "…", brackets keep their words and size
    assert tokens("Left [sic] to … be [the troops] seen") == (
        word("Left"),
        word("to"),
        Token(tag="gap", norm="…", shown="…"),
        word("be"),
        Token(tag="bracket", norm="the troops", shown="[the troops]", size=2),
        word("seen"),
    )


def test_consecutive_ellipses_are_one_gap() -> None:
    # "… ..." and "[...] …" are a single omission, not two
    assert [t.tag for t in tokens("What exactly … ... [...] seen")] == [
        "word",
        "word",
        "gap",
        "word",
    ]


def test_a_quote_may_open_with_an_ellipsis() -> None:
    # a leading ellipsis is a gap, and the rest of the quote is still compared
    assert [t.tag for t in tokens("… left to be seen")] == ["gap", "word", "word", "word", "word"]
    assert judge("… left to be seen", "Austin") == []


def test_a_records_words_are_all_plain_words() -> None:
    # a record is only words: every one is a word token
    assert words("Left to be seen.") == (word("Left"), word("to"), word("be"), word("seen"))


def test_words_after_sic_are_still_compared() -> None:
    # [sic] must not end the comparison: a change after it is a misquote
    assert judge("What exactly are they [sic] doing? Left to be heard", "Austin") == [
        ("misquote", "left-to-be-seen", "fail")
    ]


def test_words_after_an_ellipsis_are_still_compared() -> None:
    # an ellipsis must not end the comparison; the diff shows the ellipsis as kept
    (finding,) = check(matcher(), ("What exactly … Left to be heard", "Austin")).findings
    assert (finding.kind, finding.record, finding.level) == ("misquote", "left-to-be-seen", "fail")
    assert finding.diff == (
        DiffOp(
            tag="equal",
            record=("What", "exactly", "are", "they", "doing", "Left", "to", "be"),
            article=("What", "exactly", "…", "Left", "to", "be"),
        ),
        DiffOp(tag="replace", record=("seen",), article=("heard",)),
    )


def test_words_after_a_bracket_are_still_compared() -> None:
    # a bracket must not end the comparison; the bracket itself is shown as kept, not changed
    (finding,) = check(
        matcher(), ("What exactly are [the troops] doing? Left to be heard", "Austin")
    ).findings
    assert (finding.kind, finding.record, finding.level) == ("misquote", "left-to-be-seen", "fail")
    assert finding.diff == (
        DiffOp(
            tag="equal",
            record=("What", "exactly", "are", "they", "doing", "Left", "to", "be"),
            article=("What", "exactly", "are", "[the troops]", "doing", "Left", "to", "be"),
        ),
        DiffOp(tag="replace", record=("seen",), article=("heard",)),
    )


# --- align(), _widen(), _trace() ---------------------------------------------------------


def test_a_dropped_word_is_a_delete_in_the_diff() -> None:
    # the diff tags a word the article left out as "delete"
    a = align(tokens("What exactly are doing? Left to be seen"), words(LEFT))
    assert a == Alignment(
        cost=1,
        start=0,
        end=9,
        ops=(
            DiffOp(
                tag="equal", record=("What", "exactly", "are"), article=("What", "exactly", "are")
            ),
            DiffOp(tag="delete", record=("they",), article=()),
            DiffOp(
                tag="equal",
                record=("doing", "Left", "to", "be", "seen"),
                article=("doing", "Left", "to", "be", "seen"),
            ),
        ),
    )


def test_a_word_dropped_just_before_the_records_last_is_a_delete() -> None:
    # dropped-word moves reach the record's last columns: "Left to [-be-] seen"
    a = align(tokens("Left to seen"), words(LEFT))
    assert (a.cost, a.start, a.end) == (1, 5, 9)
    assert a.ops == (
        DiffOp(tag="equal", record=("Left", "to"), article=("Left", "to")),
        DiffOp(tag="delete", record=("be",), article=()),
        DiffOp(tag="equal", record=("seen",), article=("seen",)),
    )


def test_a_changed_last_word_replaces_the_records_next_word() -> None:
    # _widen: words added at the end pair with the record word they displaced
    a = align(tokens("left to be decided"), words(LEFT))
    assert (a.cost, a.start, a.end) == (1, 5, 9)
    assert a.ops[-1] == DiffOp(tag="replace", record=("seen",), article=("decided",))


def test_words_added_past_the_records_end_are_an_insert() -> None:
    # _widen: nothing after the record's last word to replace, so the diff is an insertion
    a = align(tokens("Left to be seen soon"), words(LEFT))
    assert (a.cost, a.start, a.end) == (1, 5, 9)
    assert a.ops[-1] == DiffOp(tag="insert", record=(), article=("soon",))


def test_a_changed_first_word_replaces_the_records_previous_word() -> None:
    # _widen: a word added at the start pairs with the record word before the quote
    a = align(tokens("Still left to be seen"), words(LEFT))
    assert a == Alignment(
        cost=1,
        start=4,
        end=9,
        ops=(
            DiffOp(tag="replace", record=("doing",), article=("Still",)),
            DiffOp(
                tag="equal",
                record=("Left", "to", "be", "seen"),
                article=("left", "to", "be", "seen"),
            ),
        ),
    )


def test_a_changed_first_word_pairs_with_the_records_very_first_word() -> None:
    # _widen at the record's second word: the first word is still there to pair with
    a = align(tokens("Frankly, left to be seen"), words("They are left to be seen"))
    assert (a.cost, a.start, a.end) == (1, 1, 6)
    assert a.ops[0] == DiffOp(tag="replace", record=("are",), article=("Frankly",))
    a = align(tokens("Frankly, left to be seen"), words("They left to be seen"))
    assert (a.cost, a.start, a.end) == (1, 0, 5)
    assert a.ops[0] == DiffOp(tag="replace", record=("They",), article=("Frankly",))


def test_more_words_added_at_the_end_than_the_record_has_left() -> None:
    # _widen takes only the record words there are: the diff ends at the record's end
    a = align(tokens("left to be decided today"), words(LEFT))
    assert (a.cost, a.start, a.end) == (2, 5, 9)
    assert a.ops[-1] == DiffOp(tag="replace", record=("seen",), article=("decided", "today"))


def test_a_bracket_stands_for_at_most_three_more_words_than_it_holds() -> None:
    # the +3 bracket slack: "[ministry]" may stand for four record words, not five
    four = words("The ministry of foreign affairs said no")
    five = words("The ministry of defence and veterans said no")
    assert align(tokens("The [ministry] said no"), four).cost == 0
    assert align(tokens("The [ministry] said no"), five).cost == 1


def test_a_bracket_absorbs_as_few_record_words_as_will_do() -> None:
    # a leading bracket takes no record words when the rest already matches
    a = align(tokens("[He] said no"), words("The minister said no"))
    assert a == Alignment(
        cost=0,
        start=2,
        end=4,
        ops=(DiffOp(tag="equal", record=("said", "no"), article=("[He]", "said", "no")),),
    )


def test_an_ellipsis_starts_from_the_earliest_match() -> None:
    # a gap takes the first of equally cheap starting points, so the quote starts there
    a = align(tokens("We will … win"), words("We will fight and we will win"))
    assert (a.cost, a.start, a.end) == (0, 0, 7)


# --- names and venues --------------------------------------------------------------------


def test_an_initial_is_not_a_first_name() -> None:
    # initials are dropped: "L. Austin" is a bare surname and fits Lloyd Austin
    assert name_fits("L. Austin", ["Lloyd Austin"])


def test_a_two_letter_first_name_is_a_first_name() -> None:
    # "Al Gore" is not Tipper Gore: only one-letter parts are initials
    assert not name_fits("Al Gore", ["Tipper Gore"])
    assert name_forms("Al Gore") == ("al", "gore")


def test_a_name_of_titles_only_keeps_them() -> None:
    # a bare title is all the name there is
    assert name_forms("President") == ("president",)


def test_a_name_with_no_letters_fits_no_one() -> None:
    # punctuation is nobody
    assert not name_fits("—", ["Lloyd Austin"])


def test_a_placeholder_name_of_no_letters_does_not_hide_the_names_after_it() -> None:
    # an editor's "?" or "—" among the aliases fits nothing, and the next alias still counts
    assert name_fits("Austin", ["—", "Lloyd Austin"])
    assert name_fits("Lloyd Austin", ["?", "Austin"])
    assert not name_fits("Kirby", ["—", "Lloyd Austin"])


def test_a_middle_name_still_fits_either_way() -> None:
    # same first and last name, with or without a middle name
    assert name_fits("Lloyd James Austin", ["Lloyd Austin"])
    assert name_fits("Lloyd Austin", ["Lloyd James Austin"])
    assert not name_fits("Lloyd James Kirby", ["Lloyd Austin"])


def test_a_venue_with_no_place_word_fits_any_record() -> None:
    # "during his comments" names no place, so it cannot contradict "Rome, Italy"
    assert venue_fits("during his comments", "Rome, Italy")


# --- Matcher.check -------------------------------------------------------------------------

MISQUOTE = ("What exactly are you doing? Left to be seen", "Austin")


def test_a_quote_of_no_words_does_not_stop_the_check() -> None:
    # a bare ellipsis in quotation marks is skipped, and later quotes are still checked
    assert verdicts(matcher(), ("…", "Austin"), MISQUOTE) == [
        ("misquote", "left-to-be-seen", "fail")
    ]


def test_an_unattributed_quote_does_not_stop_the_check() -> None:
    # a quote credited to nobody that matches nothing says nothing, and checking goes on
    assert verdicts(matcher(), ("We will get back to you", None), MISQUOTE) == [
        ("misquote", "left-to-be-seen", "fail")
    ]


def test_an_unverified_quote_does_not_stop_the_check() -> None:
    # an unverified quote is reported and the rest of the article is still checked
    assert verdicts(matcher(), ("Our budget is balanced this year", "Austin"), MISQUOTE) == [
        ("unverified-quote", None, "warn"),
        ("misquote", "left-to-be-seen", "fail"),
    ]


def test_an_article_check_names_its_article() -> None:
    # the result travels on (transcripts rebuild it): it must say which article it is about
    m = matcher()
    text, attributions = story(MISQUOTE)
    assert m.check(article="world/a.txt", text=text, attributions=attributions).article == (
        "world/a.txt"
    )


def test_a_record_check_lists_the_records_used_and_the_required_ones_missing() -> None:
    # a record the article uses is listed without findings; a required one it lacks, with one
    required = Record(
        id="required",
        speaker="Lloyd Austin",
        text="We stand with Ukraine.",
        venue=None,
        date=None,
        required=True,
        line=40,
    )
    text, attributions = story(("Left to be seen", "Austin"))
    result = matcher(AUSTIN, required).check(article="a.txt", text=text, attributions=attributions)
    used, missing = result.records
    assert (used.record.id, used.findings) == ("left-to-be-seen", ())
    assert missing.record.id == "required"
    (finding,) = missing.findings
    assert (finding.kind, finding.record, finding.expected, finding.quote, finding.level) == (
        "missing-quote",
        "required",
        "We stand with Ukraine.",
        "",
        "fail",
    )


def test_a_finding_carries_mention_cue_venue_and_other_candidates() -> None:
    # the report shows what the article said: mention, cue, venue and the other candidates
    quote = "What exactly are you doing? Left to be seen"
    text = f"“{quote},” he said in Rome.\n"
    attribution = quoted(
        text,
        quote,
        "Lloyd Austin",
        mention="he",
        cue="said",
        venue="Rome",
        candidates=("Lloyd Austin", "John Kirby", "Victor Cha"),
    )
    result = matcher().check(article="a.txt", text=text, attributions=[attribution])
    (finding,) = result.findings
    assert (finding.kind, finding.article, finding.mention, finding.cue, finding.venue) == (
        "misquote",
        "a.txt",
        "he",
        "said",
        "Rome",
    )
    assert finding.candidates == ("John Kirby", "Victor Cha")


def test_a_venue_mismatch_names_its_article() -> None:
    # venue-mismatch is reported against the article it was found in
    quote = "Left to be seen"
    text = f"“{quote},” Austin said in Brussels.\n"
    attribution = quoted(text, quote, "Austin", venue="Brussels")
    (finding,) = matcher().check(article="a.txt", text=text, attributions=[attribution]).findings
    assert (finding.kind, finding.article, finding.record) == (
        "venue-mismatch",
        "a.txt",
        "left-to-be-seen",
    )


# --- _credit and _same_surname -----------------------------------------------------------


def test_an_organisation_credited_with_someones_words_is_a_misattribution() -> None:
    # an organisation the article names is someone other than the record's speaker
    text = "“What exactly are they doing?” the Pentagon said.\n"
    attribution = quoted(text, "What exactly are they doing?", "the Pentagon", kind="organisation")
    result = matcher().check(article="a.txt", text=text, attributions=[attribution])
    assert [(f.kind, f.record) for f in result.findings] == [("misattribution", "left-to-be-seen")]


def test_a_bare_other_surname_credited_with_someones_words_is_a_misattribution() -> None:
    # "Kirby" shares no surname with any recorded speaker: he is someone else
    assert judge("What exactly are they doing?", "Kirby") == [
        ("misattribution", "left-to-be-seen", "fail")
    ]


def test_a_namesake_with_a_title_and_a_first_name_is_someone_else() -> None:
    # "Colonel Julia Austin" has a first name Lloyd Austin lacks: a different Austin
    file = RecordFile(
        path=Path("x.yaml"), articles=(), unverified="warn", speakers=(), records=(AUSTIN,)
    )
    m = Matcher(file, shown_path="x.yaml")
    assert verdicts(m, ("What exactly are they doing?", "Colonel Julia Austin")) == [
        ("misattribution", "left-to-be-seen", "fail")
    ]
    assert verdicts(m, ("What exactly are they doing?", "Colonel Austin")) == []


# --- thresholds -------------------------------------------------------------------------


def test_three_words_of_someone_elses_record_are_a_misattribution() -> None:
    # MIN_MISATTRIBUTION_WORDS = 3: three exact words credited to another are enough
    assert judge("Left to be", "Kirby") == [("misattribution", "left-to-be-seen", "fail")]
    assert judge("be seen", "Kirby") == [("unverified-quote", None, "warn")]


def test_two_words_around_an_ellipsis_credited_to_nobody_are_no_finding() -> None:
    # MIN_CLOSE_WORDS = 4: a two-word quote is too short to be a close misquote
    assert judge("What … doing", None) == []


def test_the_close_budget_is_a_quarter_of_the_words() -> None:
    # n_words // 4: eight words credited to nobody may change two, not three
    two = "What exactly are you saying? Left to be seen"
    three = "What exactly are you saying? Left to be heard"
    assert judge(two, None) == [("misquote", "left-to-be-seen", "fail")]
    assert judge(three, None) == []


def test_four_words_with_one_changed_credited_to_nobody_are_a_misquote() -> None:
    # MIN_CLOSE_WORDS = 4 on the quote's own length: four words, one changed, anyone's record
    assert judge("Left to be heard", None) == [("misquote", "left-to-be-seen", "fail")]
    assert judge("to be heard", None) == []  # three words, one changed: too short to say


def test_three_words_with_one_dropped_credited_to_nobody_are_a_misquote() -> None:
    # a dropped word: the record's four-word stretch is what must be long enough, unless the
    # article names someone else for the words (then "not there yet" is anyone's)
    assert judge("Left be seen", None) == [("misquote", "left-to-be-seen", "fail")]
    assert judge("Left be seen", "Kirby") == [("unverified-quote", None, "warn")]


def test_own_sentence_keeping_three_of_four_words_is_a_misquote() -> None:
    # OWN_KEPT = 0.75: four words with three kept in order is the speaker's sentence changed
    assert judge("exactly they are doing", "Austin") == [("misquote", "left-to-be-seen", "fail")]


def test_one_shared_content_word_of_two_is_loose_enough() -> None:
    # loose resemblance: one content word of two shared, a third of the words kept
    assert judge("What are we doing here?", "Austin") == [
        ("possible-misquote", "left-to-be-seen", "warn")
    ]


def test_one_shared_content_word_of_three_is_not_loose_enough() -> None:
    # loose resemblance needs half the content words when only one is shared
    assert judge("What are we doing in Kyiv today?", "Austin") == [
        ("unverified-quote", None, "warn")
    ]


def test_a_loose_resemblance_must_keep_a_third_of_the_words() -> None:
    # LOOSE_KEPT = 1/3: two of six words kept is enough, two of seven is not
    assert judge("Doing nothing is seen as weak", "Austin") == [
        ("possible-misquote", "left-to-be-seen", "warn")
    ]
    assert judge("I am doing it and seen it", "Austin") == [("unverified-quote", None, "warn")]


# --- choosing the record ------------------------------------------------------------------


def test_the_credited_speakers_record_wins_over_the_same_words_by_another() -> None:
    # of equally close records, the credited speaker's: a misquote, not a misattribution
    m = matcher(KIRBY, AUSTIN)
    assert verdicts(m, MISQUOTE) == [("misquote", "left-to-be-seen", "fail")]


def test_of_two_identical_records_the_first_is_reported() -> None:
    # equally good records: the file's first one is named, every time
    m = matcher(AUSTIN, AUSTIN_BRUSSELS)
    assert verdicts(m, MISQUOTE) == [("misquote", "left-to-be-seen", "fail")]


def test_a_loose_record_does_not_stop_the_search_for_a_closer_one() -> None:
    # a record that shares words but keeps too few is skipped, and later records still count
    chance = Record(
        id="chance",
        speaker="Lloyd Austin",
        text="We have seen what Russia is doing and nothing is left to chance, exactly.",
        venue=None,
        date=None,
        required=False,
        line=50,
    )
    m = matcher(chance, AUSTIN)
    assert verdicts(m, MISQUOTE) == [("misquote", "left-to-be-seen", "fail")]


# --- line and column -----------------------------------------------------------------------


def test_an_article_that_opens_with_a_blank_line_counts_it() -> None:
    # the first character may be a newline: line 2, column 1
    assert line_column("\n“Left to be seen,” he said.", 1) == (2, 1)


def test_missing_quotes_are_listed_by_record_id() -> None:
    # the report lists missing quotes in a stable order: by record id, not file order
    def required(record_id: str, line: int) -> Record:
        return Record(
            id=record_id,
            speaker="Lloyd Austin",
            text=f"Statement {record_id}.",
            venue=None,
            date=None,
            required=True,
            line=line,
        )

    result = check(matcher(required("zz-last", 1), required("aa-first", 2)), MISQUOTE)
    assert [(f.kind, f.record) for f in result.findings] == [
        ("missing-quote", "aa-first"),
        ("missing-quote", "zz-last"),
        ("unverified-quote", None),
    ]


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("The Wall Street Journal", ("wall", "street", "journal")),
        ("the Vox Populi (Voice of the People) column", ("vox", "populi", "column")),
        ("Rep. Tom Cole (R-Okla.)", ("tom", "cole")),
        ("The", ("the",)),  # a name of one word keeps it
        ("The Post", ("post",)),  # two words: "the" goes
        ("Lloyd (the) Austin", ("lloyd", "austin")),
    ],
)
def test_name_forms_drop_a_leading_the_and_brackets(name: str, forms: tuple[str, ...]) -> None:
    assert name_forms(name) == forms


def test_a_masthead_with_or_without_the_is_one_outlet() -> None:
    assert name_fits("Wall Street Journal", ["The Wall Street Journal"])
    assert name_fits("The Wall Street Journal", ["Wall Street Journal"])
    assert not name_fits("The Washington Post", ["The Wall Street Journal"])
