"""MUC-4 scoring: perpetrator organisations and individuals, read from the pipeline's events and responses.

A gold entity is a list of the names it answers to; a prediction is right when one of its forms equals one
of them or holds it as whole words ('fmln urban commandos' answers to 'FMLN'). A bracket glosses a name
('ELN [ARMY OF NATIONAL LIBERATION]'): either form counts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from conflictdb.models import Actor, Document, Mention, Span

if TYPE_CHECKING:
    from conflictdb.eval import Scores
    from conflictdb.extract.actor_registry import Entry

# Actors that name no organisation: their words are MUC-4's 'perpetrator individuals' ('guerrillas').
_GENERIC = re.compile(r"^(?:civilians|unidentified|protesters|rioters|islamist militia|\{country\})", re.IGNORECASE)


def _muc_forms(value: str) -> set[str]:
    text = " ".join(value.lower().replace('"', " ").replace("[", "(").replace("]", ")").split())
    text = re.sub(r"^the\s+", "", text)
    forms = {text}
    # a bracket glosses a name: 'eln [army of national liberation] guerrillas', 'farabundo marti national
    # liberation front [fmln]'; the name is either form, with or without the words after it
    m = re.match(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$", text)
    if m:
        name, gloss, rest = m.groups()
        forms.add(f"{name} {rest}")
        if len(name.split()) == 1 or len(gloss.split()) == 1:
            forms.update({name, gloss, f"{gloss} {rest}"})
    return {f.strip() for f in forms if f.strip()}


def _muc_match(predicted: set[str], gold_entity: list[str]) -> bool:
    gold_forms = set().union(*(_muc_forms(g) for g in gold_entity)) if gold_entity else set()
    return any(p == g or (len(g) > 3 and re.search(rf"\b{re.escape(g)}\b", p)) for p in predicted for g in gold_forms)


# MUC-4 templates are terrorist incidents: attacks on civilians, bombings, kidnappings, arson. A battle
# between two armed sides, an air strike, a riot, a protest, an arrest or an agreement is none.
_TERROR_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
_MILITARY_OPERATIONS = frozenset({"Air/drone strike"})
# Words that name no one in particular: a claim 'by the group' names no organisation.
_NO_NAME = frozenset({
    "the", "a", "an", "this", "that", "group", "groups", "organization", "organisation", "guerrillas", "guerrilla",
    "rebels", "rebel", "terrorists", "terrorist", "men", "people", "persons", "someone", "unknown", "unidentified",
    "armed", "clandestine", "its", "their", "it", "they", "those", "these",
})  # fmt: skip


def _perpetrators(doc: Document) -> tuple[list[set[str]], list[set[str]]]:
    """Organisations and individuals the pipeline names as perpetrators of terrorist incidents: actor1 of
    new attacks on civilians and bombings, whoever claims an attack, and whoever is accused of one. An
    organisation is one entity, named by every form the document gives it (the registry's name, the text's
    words for it)."""
    orgs: dict[str, set[str]] = {}
    people: list[set[str]] = []
    for mention in doc.mentions:
        if mention.background:
            continue
        # a claim of responsibility names a perpetrator, whatever the event; so does an accusation of an act
        # (MUC-4's perpetrators include the 'suspected or accused'). They are read from the whole story, so
        # an old incident that heads it (one dated by its year) does not date them.
        for response in mention.responses:
            words = {"claim_of_responsibility": response.by, "accusation": response.against}.get(response.kind, "")
            words = words.strip()
            organisation = _ORGANISATION.search(words) or _ACRONYM.search(words) or _known_group(words)
            if response.kind == "accusation" and not organisation:
                continue  # one accused person ('Gonzalez', 'certain officers') is no organisation
            if words and set(words.lower().split()) - _NO_NAME:
                claimant = _claimant(doc.text, words)
                if claimant is not None:
                    orgs.setdefault(claimant[0], set()).update(claimant[1])
        if mention.event_type not in _TERROR_TYPES or mention.sub_event_type in _MILITARY_OPERATIONS:
            continue
        if _dated_history(doc.text, mention) or _spoken(doc.text, mention):
            continue
        named_by = [span.of(doc.text) for span in mention.evidence.get("actor1", ())]
        if _voice(mention) or _far_force(doc.text, mention) or _far_group(doc.text, mention):
            continue
        if _victims_side(doc.text, mention):
            continue
        if _abroad(mention):
            continue  # the act is placed outside MUC-4's nine countries (claims and accusations are read above)
        if _named_as_topic(doc.text, mention) or _policing(doc.text, mention):
            continue
        for actor, spans in ((mention.actor1, named_by), *((a, []) for a in mention.assoc_actor_1)):
            if actor is None:
                continue
            if _GENERIC.match(actor.name) or not actor.name:
                if actor.words:
                    people.append(_muc_forms(actor.words))
                continue
            if not actor.known and len(actor.name.split()) < 2:
                continue  # one word the registry lacks ('Spanish', 'personnel') is no organisation's name
            if {entry.role for entry in _registry_entries().get(actor.name, ())} == {"party"}:
                continue  # a party named beside an act is its members' or victims' side; accused, it counts above
            names = (actor.name.replace("{country}", ""), actor.words, *spans, *_other_names(doc.text, actor))
            orgs.setdefault(actor.name, set()).update(*(_muc_forms(x) for x in names if x))
            # 'FMLN guerrillas', 'Extraditables hitmen': the organisation's members who did it are MUC-4's
            # perpetrator individuals
            doers = {m.group(1).lower() for x in spans if (m := _DOERS.search(x))}
            if doers:
                people.append(doers)
    # MUC-4 templates incidents in nine Latin American countries only: a group or force of another country
    # (the Contras, the forces of Nicaragua or the United States, a namesake elsewhere) is none of theirs
    return [forms for name, forms in orgs.items() if _of_muc_country(name)], people


# The countries whose terrorist incidents MUC-4 templates (its task definition).
MUC_COUNTRIES = frozenset(
    ["Argentina", "Bolivia", "Chile", "Colombia", "Ecuador", "El Salvador", "Guatemala", "Honduras", "Peru"]
)
# The names of a state's own forces, whatever the country
_STATE_FORCES = ("Military Forces of", "Police Forces of")
_STATE_OF = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?:the )?(.+?)(?: \(\d{4}-\d{0,4}\))?$")


def _abroad(mention: Mention) -> bool:
    """Whether the act's own place lies in a country outside MUC-4's nine."""
    place = mention.place
    return place is not None and bool(place.country) and place.country not in MUC_COUNTRIES


def _of_muc_country(name: str) -> bool:
    """Whether the actor named `name` may act in MUC-4's countries: a state's forces of one of them, a
    registry group of one of them, or an actor whose country is not known."""
    state = _STATE_OF.match(name)
    # a registry actor's own country, or else the countries it operates in ('Wagner Group' in Mali ...)
    entries = _registry_entries().get(name, ())
    own = {c for e in entries for c in ([e.country] if e.country else [c for c, _ in e.operates])}
    countries = {state.group(1)} if state else own
    return not countries or any("{" in c or c in MUC_COUNTRIES for c in countries)


@functools.cache
def _registry_entries() -> dict[str, tuple[Entry, ...]]:
    """The registry's entries by actor name (one name may stand in several regions' lists)."""
    from conflictdb.extract.actor_registry import Registry

    found: dict[str, list[Entry]] = {}
    for _, entry in Registry.load().aliases:
        entries = found.setdefault(entry.name, [])
        if entry not in entries:
            entries.append(entry)
    return {name: tuple(entries) for name, entries in found.items()}


def _voice(mention: Mention) -> bool:
    """Whether the doer's words are the event's source or a responder's ('the army said', 'the police are
    investigating'): a voice about the act, not its author (a claim of responsibility aside)."""
    words = (mention.actor1.words if mention.actor1 else "").lower()
    voices = [*mention.claimed_by, *(r.by for r in mention.responses if r.kind != "claim_of_responsibility")]
    return bool(words) and any(words in v.lower() for v in voices)


def _far_force(text: str, mention: Mention) -> bool:
    """Whether the doer is a state force that the act's own sentence never names: in a long story, the army
    or police named elsewhere (hunting the killers, telling of the act) are seldom its authors."""
    actor = mention.actor1
    triggers = mention.evidence.get("event_type", ())
    if actor is None or not actor.name.startswith(_STATE_FORCES) or not triggers:
        return False
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, triggers[0].start)), default=0)
    end = _SENTENCE_END.search(text, triggers[0].end)
    stop = end.start() if end else len(text)
    return not any(start <= span.start < stop for span in mention.evidence.get("actor1", ()))


# How many sentences from the act a group may be named and still be taken for its doer: further off, in a
# long story, it is another incident's doer, a victim's party or the subject of commentary.
NEAR_SENTENCES = 4


def _far_group(text: str, mention: Mention) -> bool:
    """Whether every word that names the doer stands more than `NEAR_SENTENCES` sentences from the act."""
    triggers = mention.evidence.get("event_type", ())
    spans = mention.evidence.get("actor1", ())
    if not triggers or not spans:
        return False
    at = triggers[0].start

    def apart(span: Span) -> int:
        low, high = min(span.start, at), max(span.start, at)
        return sum(1 for _ in _SENTENCE_END.finditer(text, low, high))

    return min(apart(span) for span in spans) > NEAR_SENTENCES


# Words after a name that make it the victims' own: 'X members were killed', 'the X policemen died'.
_SUFFERED = re.compile(
    r"[^.;:]{0,40}?\b(?:was|were|have been|has been|had been|being|been)\s+(?:\w+\s+)?(?:killed|murdered|"
    r"assassinated|injured|wounded|kidnapped|kidnaped|abducted|shot|attacked|burned|tortured|executed|massacred|"
    r"beaten|hurt)\b|\s+(?:\w+\s+)?(?:died|burned to death)\b",
    re.IGNORECASE,
)


def _victims_side(text: str, mention: Mention) -> bool:
    """Whether every word that names the doer names the victims' side instead: whose candidate, leader or
    member someone is ('a leader of the X', 'the X mayor'), or the subject of a violent verb's passive ('the
    X policemen were killed'). The actor is read beyond the parse; a perpetrator is its doer."""
    from conflictdb.extract.actor_sides import affiliation

    spans = mention.evidence.get("actor1", ())
    if mention.actor1 is None or not spans:
        return False
    return all(affiliation(text, span) or _SUFFERED.match(text, span.end, span.end + 80) for span in spans)


# 'the demobilization of the X', 'detentions of soldiers': a noun before 'of' that is neither the group's part
# ('members of', 'a unit of') nor its act ('attacks of', 'the involvement of') makes the group a topic.
_OF_HEAD = re.compile(r"\b(\w+)\s+of\s+(?:the\s+)?(?:so-called\s+)?[\"“]?\s*$", re.IGNORECASE)
_PART_OR_ACT = re.compile(
    r"^(?:members?|units?|guerrillas?|terrorists?|rebels?|commandos?|commands?|columns?|cells?|fronts?|squads?|"
    r"groups?|forces|troops|soldiers|militants|men|fighters|elements|detachments?|patrols?|wings?|factions?|gunmen|"
    r"hitmen|personnel|agents|battalions?|brigades?|murders?|killings?|assassinations?|kidnappings?|attacks?|"
    r"bombings?|massacres?|actions?|crimes?|offensive|participation|involvement)$",
    re.IGNORECASE,
)
# 'the conditions demanded by the X': the agent of a verb of no violence.
_BY_NO_ACT = re.compile(
    r"\b(?:demanded|proposed|promoted|called|announced|offered|released|issued|signed|presented|rejected|said)"
    r"\s+by\s+(?:the\s+)?[\"“]?\s*$",
    re.IGNORECASE,
)


def _named_as_topic(text: str, mention: Mention) -> bool:
    """Whether every word that names the doer makes it a topic, not the act's author: the complement of a
    noun that is neither its part nor its act ('the demobilization of the X'), or the agent of a verb of no
    violence ('the conditions demanded by the X')."""
    spans = mention.evidence.get("actor1", ())

    def topic(span: Span) -> bool:
        before = text[max(0, span.start - 60) : span.start]
        head = _OF_HEAD.search(before)
        return bool(head and not _PART_OR_ACT.match(head.group(1))) or bool(_BY_NO_ACT.search(before))

    return mention.actor1 is not None and bool(spans) and all(topic(span) for span in spans)


# Verbs of a force that hunts, guards or rescues, in the active voice a few words after its name: the state force
# is the act's responder, not its doer ('security forces last night defused a bomb', 'army and police forces have
# raided'); 'soldiers were arrested' is no such verb, and nouns ('an army patrol') are left out.
_POLICING = re.compile(
    r"(?:\s+(?!(?:was|were|been|being|is|are|be|to)\b)\w+){0,4}?\s+(?:raided|defused|deactivated|dismantled|"
    r"prevented|foiled|thwarted|deployed|arrested|captured|detained|seized|confiscated|discovered|rescued|freed|"
    r"pursued|combed|searched|patrolled|guarded|reinforced|surrounded|investigating)\b",
    re.IGNORECASE,
)


def _policing(text: str, mention: Mention) -> bool:
    """Whether a word that names a state force as the doer is the subject of a verb of policing (one is
    enough: a force that hunts the doers is named again as it reports or guards)."""
    actor = mention.actor1
    spans = mention.evidence.get("actor1", ())
    if actor is None or not actor.name.startswith(_STATE_FORCES):
        return False
    return any(_POLICING.match(text, span.end, span.end + 60) for span in spans)


# Nouns for the members of a group who act: after a group's name they are its perpetrator individuals.
_DOERS = re.compile(
    r"\b(guerrillas?|rebels?|terrorists?|subversives?|insurgents?|soldiers|troops|commandos?|gunmen|hitmen|"
    r"assassins|extremists|militants|sappers|urban commandos?|policemen)\W*$",
    re.IGNORECASE,
)


# A wire story dates its fresh incidents by the day ('today', 'on 12 January'); a date that spells out its
# year ('in November 1985', 'on 22 January 1986') recounts an earlier incident, which MUC-4 does not template.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_history(text: str, mention: Mention) -> bool:
    return any(_YEAR.search(span.of(text)) for span in mention.evidence.get("event_date", ()))


# A speaker's own words ('we must respond because the FMLN is attacking the people', a recorded interview)
# are rhetoric about the war, not a report of an incident; a claim of responsibility is read above.
_FIRST_PERSON = re.compile(r"\b(?:we|our|ourselves|i|my)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def _spoken(text: str, mention: Mention) -> bool:
    """Whether every word that names the event stands in a first-person sentence or a recording."""
    triggers = mention.evidence.get("event_type", ())
    return bool(triggers) and all(_in_speech(text, span.start) for span in triggers)


def _in_speech(text: str, at: int) -> bool:
    if text.rfind("(BEGIN RECORDING)", 0, at) > text.rfind("(END RECORDING)", 0, at):
        return True
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return bool(_FIRST_PERSON.search(text, start, end.start() if end else len(text)))


# Words that make an accused phrase an organisation's: a group, a force, a cartel, a government's sectors.
_ORGANISATION = re.compile(
    r"\b(?:front|army|armed forces|air force|forces|movement|militia|brigades?|battalion|groups?|party|cartels?|"
    r"mafias?|gangs?|squads?|commandos?|sectors|organi[sz]ations?|alliance|government|regime|police|guard|services)\b",
    re.IGNORECASE,
)


# A name given with its acronym in brackets is an organisation's: 'the Federation of ... (FEMADE)'.
_ACRONYM = re.compile(r"\w\s*\(\s*[A-Z][A-Z-]{1,11}\s*(?:\)|$)")


def _known_group(words: str) -> bool:
    from conflictdb.extract.actor_registry import Registry

    return any(not m.entry.generic for m in Registry.load().match(words))


def _claimant(text: str, words: str) -> tuple[str, set[str]] | None:
    """The entity a claim names: a group the registry knows ('the ELN's Martha Elena Baron unit' is the ELN),
    with every form the text gives it, or else the claim's own words; None for a generic word ('workers')."""
    from conflictdb.extract.actor_registry import Registry

    forms = _muc_forms(words)
    found = Registry.load().match(words)
    known = [m.entry for m in found if not m.entry.generic]
    if not known:
        whole = len(found) == 1 and " ".join(found[0].words.split()).lower() == " ".join(words.split()).lower()
        return None if whole else (words.lower(), forms)
    actor = known[0].actor(words)
    names = (actor.name, *_other_names(text, actor))
    return actor.name, forms.union(*(_muc_forms(x) for x in names if x))


def _other_names(text: str, actor: Actor) -> list[str]:
    """The words a text uses elsewhere for the same actor: for a named group, every registry match of it
    ('Sendero Luminoso' beside 'Shining Path'); for a state force, 'the army', 'the armed forces' beside
    the soldiers of one sentence."""
    from conflictdb.extract.actor_registry import Registry

    if actor.name.startswith(_STATE_FORCES):
        generic = "Military Forces of {country}" if actor.name.startswith("Military") else "Police Forces of {country}"
        same: tuple[str, ...] = (actor.name, generic)
    elif actor.known and not actor.generic:
        same = (actor.name,)
    else:
        return []
    return [m.words for m in Registry.load().match(text) if m.entry.name in same]


def score_muc(scores: Scores, set_name: str, gold: Mapping[str, Any], doc: Document) -> None:
    """Perpetrator organisations and individuals: recall over gold entities, precision over predictions."""
    orgs, people = _perpetrators(doc)
    for slot, predicted, prefix in (
        ("perpetrator_organizations", orgs, "perp_org"),
        ("perpetrator_individuals", people, "perp_individual"),
    ):
        entities = [list(e) for e in gold.get(slot, [])]
        found = sum(1 for e in entities if any(_muc_match(p, e) for p in predicted))
        scores.add(set_name, f"{prefix}_recall", found, len(entities))
        unique = []
        for p in predicted:
            if p not in unique:
                unique.append(p)
        right = sum(1 for p in unique if any(_muc_match(p, e) for e in entities))
        scores.add(set_name, f"{prefix}_precision", right, len(unique))
