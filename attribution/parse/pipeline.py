"""The only module that knows the order of the stages.

text -> quotation spans -> cues -> entities -> speakers -> venues and dates -> attributions.
"""

from __future__ import annotations

from attribution.parse import attributions, cues, entities, frame, quotes, speakers, venues
from attribution.parse.model import Attribution, Cue


def extract(text: str) -> tuple[Attribution, ...]:
    """Every quotation in ``text`` with its speaker, cue, venue and date."""
    quotations = quotes.find_quotations(text)
    if not quotations:
        return ()
    framed = frame.build(text, quotations)
    found = cues.find_cues(text, framed)
    # the tracker is read by the speakers stage only: not kept alive through linking
    resolved = speakers.resolve(text, framed, found, entities.track(text, framed, found))
    settings: dict[int, venues.Setting] = {}

    def setting_of(cue: Cue) -> venues.Setting:
        if cue.cue.start not in settings:
            settings[cue.cue.start] = venues.find_setting(text, framed, cue)
        return settings[cue.cue.start]

    return attributions.link(framed, quotations, found, resolved, setting_of)
