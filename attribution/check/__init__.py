"""Checking: records and sources in, findings out.

``records`` loads record files (the only module that imports yaml), ``layout``
finds them, ``source`` and ``formats`` read articles (plain text, Markdown,
HTML) with a map back to the file's own offsets. A quote is compared with the
records in three steps: ``align`` (word alignment that forgives typography),
``names`` (does a credited name or venue fit the record's) and ``verdicts``
(the policy that turns both into findings). ``transcripts`` checks against
transcripts, ``consensus`` outlets against each other, ``draft`` writes a
record from articles; ``levels`` and ``house`` apply a newsroom's own policy.
Imports flow from ``parse``, never from ``report`` or the front ends.
"""
