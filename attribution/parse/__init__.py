"""The parser: plain text in, attributions with offsets out.

One module per stage, in the order ``pipeline`` runs them: quotes (quotation
spans), cues (the verbs and clauses that attribute them), entities (every person
and organisation mention, tracked through the article), speakers (the mention a
cue names, resolved), venues (place, audience, occasion and date), attributions
(one per quotation, with the rule that made it). ``model`` holds the values that
cross stages, ``frame`` the article's shape (headline, paragraphs, sentences),
``wordlists`` the data files in ``attribution/data``. Nothing here reads files
other than those word lists, or imports anything from ``check`` or ``report``.
"""
