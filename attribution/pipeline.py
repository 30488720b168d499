"""The only module that knows the order of the stages.

text -> quotation spans -> cues and speakers -> venues and dates -> attributions.
"""

from __future__ import annotations

from attribution import attributions, cues, frame, quotes, speakers, venues
from attribution.model import Attribution


def extract(text: str) -> tuple[Attribution, ...]:
    """Every quotation in ``text`` with its speaker, cue, venue and date."""
    quotations = quotes.find_quotations(text)
    if not quotations:
        return ()
    framed = frame.build(text, quotations)
    found = cues.find_cues(text, framed)
    resolved = speakers.resolve(text, framed, found)
    settings = tuple(venues.find_setting(text, framed, cue) for cue in found)
    return attributions.link(framed, quotations, found, resolved, settings)
