"""Which of a text's toponyms names where an event was (`pick_toponym`), and a dateline's place.

The place nearest the event's trigger, in its sentence first; one the words around mark as a place; in the
country the text is about; a body's name ('Madhesh Morcha') only when nothing else says where.
"""

from __future__ import annotations

import bisect
import re

from conflictdb.geocode.checks import SENTENCE_RE, main_country, significant
from conflictdb.geocode.choose import resolve
from conflictdb.geocode.cues import ORGANISATIONS
from conflictdb.geocode.gazetteer import Gazetteer, fold, prominent
from conflictdb.geocode.peoples import people_names
from conflictdb.geocode.reading import Reading, Toponym
from conflictdb.geocode.resolve import find_toponyms
from conflictdb.models import Document, Mention, Span

DATELINE_RE = re.compile(
    r"^\s*([A-Z][A-Za-z'\-]+(?:[ ][A-Z][A-Za-z'\-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+)?\s*"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)|\((?:AFP|Reuters|AP|Xinhua|IRIN)\)|[—–-]{1,2}\s)"
)


# A body named after a place, the place last: 'the University of Nairobi', 'the Bank of Ghana'.
_BODY_OF_RE = re.compile(
    r"\b(?:University|College|Bank|Institute|Polytechnic|Governor|Archdiocese|Diocese) of (?:the )?$"
)


# A site named after the town it is in: 'Garissa University', 'Kisii Teaching Hospital'.
_SITE_AFTER_RE = re.compile(r" (?:(?:Teaching|Referral|General|District) )?(?:University|Hospital|Polytechnic)\b")


def _last_word(text: str) -> str:
    """The last word of a text, in lower case: what a run of capitalized words names ('... Traders Union')."""
    words = text.split()
    return words[-1].lower() if words else ""


def pick_toponym(
    doc: Document, mention: Mention | None, reading: Reading, *, support: dict[str, float] | None = None
) -> Toponym | None:
    """The toponym that names where the mention's event was: in or near its trigger's sentence, marked as a
    place by the words around it, in the country the text is about, the smallest unit first."""
    sentences: list[tuple[int, int, str | None]] = [(s.span.start, s.span.end, s.label) for s in doc.sentences] or [
        (m.start(), m.end(), None) for m in SENTENCE_RE.finditer(doc.text)
    ]
    trigger = None
    if mention is not None and mention.evidence.get("event_type"):
        trigger = mention.evidence["event_type"][0].start

    starts = [start for start, _end, _label in sentences]

    def sentence_of(pos: int) -> int:
        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 and pos < sentences[k][1] else len(sentences)

    trigger_sentence = sentence_of(trigger) if trigger is not None else 0
    main = main_country(reading)
    dateline = DATELINE_RE.match(doc.text)
    body = dateline.end(1) if dateline else 0  # the dateline's place counts only when the text names none
    # a country the text names ('in Mali') rules out places elsewhere; a demonym ('Saudi investors')
    # names an actor's country, which says less about where the event was
    named = reading.named
    peoples = people_names()
    ranked = []
    for top in reading.toponyms:
        if top.span.start < body:
            continue
        if top.is_context or top.designator == 0:
            continue
        if top.surface in peoples and not (top.designator or (top.cue == 2 and not top.near)):
            continue  # 'Kikuyu', 'Maasai' name peoples unless the text makes them places ('in Kisii')
        # a name the gazetteer lacks counts when the text marks it as a place ('Kansafra town', 'X (A, B)')
        if top.chosen is None and not (top.context or top.designator == 3 or top.cue == 2 or top.home):
            continue
        k = sentence_of(top.span.start)
        if top.chosen is None and not top.context and k != trigger_sentence:
            continue  # an unknown name far from the event says little about where it was
        if k < len(sentences) and sentences[k][2] == "commentary":
            continue
        entry = top.chosen or next((c.chosen for c in top.context if c.chosen), None)
        # a name the words around do not mark as a place must be in a country the text's other evidence
        # (country words, outlet, actors) points to, when there is such evidence
        unbacked = entry is not None and (
            (bool(named) and entry.cc not in named)
            or (
                support is not None
                and bool(support)
                and not support.get(entry.cc)
                and not prominent(entry)
                # a town a university or hospital is named after is where it is ('Garissa University'), unless
                # the name is a person's or a god's that is also a town's other name ('Jagannath University')
                and not (
                    significant(entry) and fold(entry.name) == top.key and _SITE_AFTER_RE.match(doc.text, top.span.end)
                )
            )
        )
        if (
            top.cue == 0
            and not top.context
            and (len(top.entries) > 3 or top.score < 2.5 or unbacked or not significant(top.chosen))
        ):
            continue
        if top.cue == 1 and not top.context and not top.home and (unbacked or top.score < 2.0):
            continue
        # a namesake abroad of a place whose units the text gives at home ('Pangani (Starehe, Nairobi)') is not foreign
        foreign = (
            entry is not None
            and main is not None
            and entry.cc != main
            and not any(c.chosen is not None and c.chosen.cc == main for c in top.context)
        )
        if foreign and (k != trigger_sentence or (top.grievance and significant(entry))):
            continue  # a place abroad far from the event, or a city a protest is against ('raids in Gaza')
        distance = abs(k - trigger_sentence) * 2 + (1 if k > trigger_sentence else 0)
        level = entry.level if top.chosen is not None and entry is not None else 3
        # ACLED's own notes put the event's place first, with its units in parentheses: 'in X (A, B)'
        framed = bool(top.context) and doc.text[top.span.end : top.span.end + 12].lstrip(
            " abcdefghijklmnopqrstuvwxyz"
        ).startswith(("(", ","))
        weak_unknown = top.chosen is None and not top.context and top.designator != 3
        # in its sentence, the place nearest the trigger ('protested in X' rather than a place named before)
        offset = abs(top.span.start - trigger) if trigger is not None and k == trigger_sentence else top.span.start
        # a body named after a town ('Dron Rehri Patri Union') says where only when nothing else does; one
        # named after a state or province ('Tamil Nadu Association') says which it acts in
        body = level == 3 and (
            _last_word(doc.text[top.span.end : max(top.run_end, top.span.end)]) in ORGANISATIONS
            or _BODY_OF_RE.search(doc.text, max(0, top.span.start - 30), top.span.start) is not None
        )
        ranked.append((body, foreign, distance, -min(top.cue, 2), weak_unknown, not framed, -level, offset, top))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[:8])
    best = ranked[0][8]
    if best.chosen is None or best.chosen.level not in (1, 2) or best.designator == 3:
        return best  # a place, not a region: nothing to refine
    candidates = [r[8] for r in ranked if not r[0] and not r[1]]
    # then any other name the text gives in that region, however unsure its words ('the JSQM Khairpur chapter')
    ranked_ids = {id(t) for t in candidates}
    candidates += [t for t in reading.toponyms if t.designator != 0 and not t.partial and id(t) not in ranked_ids]
    return _within(best, candidates)


def _within(best: Toponym, others: list[Toponym]) -> Toponym:
    """A place the text names inside the region or province chosen ('protests across Sindh ... in Hyderabad'):
    an event coded at the most precise place the report gives, not at the region's seat."""
    region = best.chosen
    if region is None or region.level not in (1, 2) or best.designator == 3:
        return best
    for top in others:
        entry = top.chosen
        if entry is None or entry.level <= region.level or entry.a1 != region.a1:
            continue
        if region.level == 1 or (region.a2 is not None and entry.a2 == region.a2):
            return top
    return best


def dateline_toponym(
    text: str, gazetteer: Gazetteer, admin_keys: dict[str, str], *, votes: dict[str, float] | None = None
) -> Toponym | None:
    """The place of a dateline ('BAMAKO, July 3 -'), for a text that names none of its own; the text's country
    evidence (`votes`) picks among namesakes ('ISLAMABAD' is also an old name of Chittagong)."""
    m = DATELINE_RE.match(text)
    if not m:
        return None
    surface = m.group(1)
    reading = find_toponyms(surface.title() if surface.isupper() else surface, gazetteer)
    if votes:
        reading.votes = {**reading.votes, **votes}
    resolve(reading, admin_keys=admin_keys)
    tops = [t for t in reading.toponyms if t.chosen is not None]
    if not tops:
        return None
    top = tops[0]
    top.span = Span(m.start(1) + top.span.start, m.start(1) + top.span.end)
    top.dateline = True
    return top
