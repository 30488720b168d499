"""The characters the rules name, in one place: quote marks, apostrophes, invisibles.

Modelled on spaCy's ``lang/char_classes.py``: named pieces that the regexes of
every stage (and of the comparison) are built from, so "which marks open a
quotation" or "what counts as an apostrophe" has one answer. Pieces are plain
strings of characters (for ``in`` tests and ``str.translate``) or regex class
bodies (for building patterns); each says which.
"""

from __future__ import annotations

# --- quotation marks, by family (characters); a closer only closes its own family -------
DOUBLE_OPENERS = "\u201c\u201e\u201f"  # “ „ ‟
DOUBLE_CLOSERS = "\u201d"  # ”
SINGLE_OPENERS = "\u2018\u201a\u201b"  # ‘ ‚ ‛
SINGLE_CLOSERS = "\u2019"  # ’ (also the typographic apostrophe)
GUILLEMETS = "\u00ab\u00bb"  # « »
ANGLES = "\u2039\u203a"  # ‹ ›

# --- the mask (a character) ------------------------------------------------------------
#: What a quotation becomes in the reporter's frame (parse/frame.py), one for each of its
#: characters: ASCII SUB is never in news text, and keeps an ASCII article one byte a
#: character for the fast ASCII regexes.
MASK = "\x1a"

# --- apostrophes (characters) -----------------------------------------------------------
#: Typographic apostrophes the parser's rules read as ``'`` (O’Neill, it’s): the
#: right single mark, the left one set for it by autocorrect, the modifier letter.
RULE_APOSTROPHES = "\u2019\u2018\u02bc"  # ’ ‘ ʼ
#: What the comparison reads as ``'`` as well: those and the prime (′), which text
#: pasted from PDFs sets for an apostrophe.
COMPARE_APOSTROPHES = RULE_APOSTROPHES + "\u2032"  # ’ ‘ ʼ ′

# --- invisible characters (characters) --------------------------------------------------
#: Characters that change nothing a reader sees inside a word, common in text pasted
#: from the web: soft hyphen, zero-width space, non-joiner and joiner, word joiner.
INVISIBLES = "\u00ad\u200b\u200c\u200d\u2060"

# --- regex class bodies (for building patterns with ``regex``) ---------------------------


def escaped(characters: str) -> str:
    """Characters as ``\\uXXXX`` escapes, safe inside a class of a VERBOSE pattern."""
    return "".join(f"\\u{ord(c):04x}" for c in characters)


#: The mask as a regex escape, in or out of a class: patterns over the masked frame
#: name it through this, never by its code point.
MASK_ESCAPE = escaped(MASK)
#: A character that can start a word: a letter or digit of any script.
WORD_START = r"\p{L}\p{N}"
#: A character that can continue a word: letters, combining marks (accents in NFD
#: text), digits, and the invisibles above.
WORD_INSIDE = r"\p{L}\p{M}\p{N}" + escaped(INVISIBLES)
