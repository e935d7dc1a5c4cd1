"""Event type and sub-event type in ACLED's codebook, and which sentences tell which event.

Triggers (data/lexicons/events.yaml) are found in fact and claim sentences only. The codebook's
hierarchy decides when forms of violence co-occur: a crowd's violence is a riot, state violence
against a peaceful crowd is excessive force against protesters, remote violence met by no fight is
Explosions/Remote violence, an exchange of fire is a battle, one-sided violence against unarmed
people is violence against civilians, and strategic developments come last.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from conflictdb.extract import lexicons
from conflictdb.extract.event_groups import SD_LABEL, STRATEGIC, VIOLENT
from conflictdb.extract.event_groups import Group as Group  # re-exported: extraction reads these from here
from conflictdb.extract.event_groups import eventful as eventful
from conflictdb.extract.event_groups import group as group
from conflictdb.extract.event_groups import merged as merged
from conflictdb.extract.event_groups import salient as salient
from conflictdb.extract.event_masks import alleged, trend
from conflictdb.extract.event_masks import masks as masks  # re-exported: callers read it from here
from conflictdb.extract.event_names import named_parties
from conflictdb.extract.event_parse import (
    LOOSE,
    after_violence,
    armed_seized,
    crowd_stormed,
    direct_fire,
    doers,
    does,
    gunshot,
    mob_doers,
    noncombatants_hit,
    set_alight,
    setting,
    state_doer,
    targeted,
    told_doer,
    verbal,
    victims,
)
from conflictdb.extract.event_parse import Hits as Hits  # re-exported: extraction reads it from here
from conflictdb.extract.event_sides import crowd_against_state
from conflictdb.models import Span

# 'clash' words that say two armed sides fought, as opposed to a one-sided attack on a post. ('An offensive'
# names a campaign, not a fight: the murders and kidnappings told during one are attacks on civilians.)
_FIGHT = re.compile(
    r"\b(?:clash\w*|gun[- ]?battle\w*|gun-?fight\w*|fire-?fight\w*|shoot-?out\w*|"
    r"exchang\w* (?:of )?(?:\w+ ){0,2}fire|(?:gun|gunfire|fire|bullet|shelling|artillery|mortar|rocket) exchanges?|"
    r"in both directions|"
    r"traded (?:\w+ ){0,2}fire|fighting|fought|"
    r"battl\w+|skirmish\w*|repuls\w+|repell?\w+|fought off|beat back|encounter\w*|engag\w+|counter-?attack\w*|"
    r"pushed back|(?:shot|fired|fought|hit|struck) back|respond\w*|"
    r"react\w* with (?:\w+ )?(?:gunfire|fire|shots|firing)|"
    r"(?:inter-?\w+|ethnic|tribal|clan) (?:conflicts?|fights?|feuds?)|"
    r"inter-?(?:clan|communal|ethnic|tribal) violence|"
    r"(?:fights?|violence|conflict|feud|hostilities) between|targeted each other|"
    r"small arms|sniper fire|shots? (?:were )?fired|thwarted|foiled|operations?|return(?:ed|ing)? (?:the )?fire|"
    r"(?:fired|firing|shot|shooting) (?:on|at|upon) each other|each other'?s positions)\b",
    re.IGNORECASE,
)

_GUNFIGHT = re.compile(
    r"gun[- ]?battle|gun-?fight|fire-?fight|shoot-?out|exchang\w* (?:of )?(?:\w+ ){0,2}fire|"
    r"(?:gun|gunfire|fire|bullet) exchanges?|traded (?:\w+ ){0,2}fire|"
    r"return(?:ed|ing)? (?:the )?fire|in both directions|"
    r"encounter|sniper",
    re.IGNORECASE,
)

# Words that tell of fire exchanged by two armed sides ('a fake encounter' is a killing staged as one).
_EXCHANGE = re.compile(
    r"gun[- ]?battle|gun-?fight|fire-?fight|shoot-?out|exchang\w* (?:of )?(?:\w+ ){0,2}fire|"
    r"(?:gun|gunfire|fire|bullet) exchanges?|traded (?:\w+ ){0,2}fire|"
    r"return(?:ed|ing)? (?:the )?fire|(?<!fake )(?<!staged )encounter",
    re.IGNORECASE,
)
_MET = re.compile(
    r"respond|retaliat|react|fired back|returned|(?:opened|gun) ?fire (?:in|after)|exchanged|ambush", re.IGNORECASE
)
_A_BATTLE = re.compile(r"(?<!running )\bbattle\b", re.IGNORECASE)
# A crowd's fight, as opposed to the police firing shots to disperse it.
_BRAWL = re.compile(r"clash\w*|fought|fighting|fights?|battl\w+|skirmish\w*|confront\w*|scuffl\w*", re.IGNORECASE)
_PEACEFUL = re.compile(r"\bpeaceful(?:ly)?\b", re.IGNORECASE)
_RIOT_WORD = re.compile(r"riot|rampage|unrest|mob|vandal", re.IGNORECASE)
# death words that name no killing at a protest ('died in custody' is what was protested; masks cover most)
_NO_KILL = re.compile(r"^(?:died|dies|deaths?|dead|lost|found)", re.IGNORECASE)
_GUNS = re.compile(r"shot|shoot|fire|firing|gun", re.IGNORECASE)
_SENTENCE_GAP = re.compile(r"[.;!?]\s")
_SHATTERED = re.compile(r"smash|shatter|broke", re.IGNORECASE)
_WEAK_RIOT = re.compile(r"unrest|tension|chaos", re.IGNORECASE)
_DAMAGE_RIOT = re.compile(
    r"burn|torch|fire|ablaze|alight|petrol|crude|cocktail|molotov|bomb|vandal|ransack|broke|smash|shatter",
    re.IGNORECASE,
)
_ON_FIRE = re.compile(r"ablaze|afire|alight|on fire|burn|torch", re.IGNORECASE)
_BOMB = re.compile(r"bomb|cocktail|molotov", re.IGNORECASE)
_FIREBOMB = re.compile(r"petrol|cocktail|molotov|fire-?bomb", re.IGNORECASE)
_HARMED = re.compile(
    r"(?<!no one )(?<!nobody )(?<!none )\b(?:(?:suffered|sustained|received) (?:\w+ ){0,2}(?:injur\w*|wounds|burns)|"
    r"burn injur\w*|(?:were|was) (?:\w+ )?(?:injured|wounded|hurt|burnt|burned|killed)|injuring|wounding|killing)\b",
    re.IGNORECASE,
)
_DAMAGE = re.compile(
    r"burn|torch|fire|ablaze|alight|afire|arson|loot|vandal|ransack|destroy|damag|wreck", re.IGNORECASE
)
_SUSPECTS = re.compile(r"(?:suspected|accused)\b", re.IGNORECASE)
_GRIEVANCE = re.compile(r"demoli|encroach|evict", re.IGNORECASE)
_DEMONSTRATION = re.compile(r"riot|tyres|tires|barricad|demonstrat|protest|rally|march|strike|blockade", re.IGNORECASE)
_WENT_OFF = re.compile(r"explod|explosion|went off|detonat|blast|blew|blown|threw|hurled|lobbed|attack", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Coding:
    """An event's type and sub-type, with the triggers that decided it."""

    event_type: str
    sub_event_type: str
    triggers: tuple[Span, ...]
    civilian_targeting: bool = False


def find(text: str, span: Span) -> Hits:
    """Every trigger in one sentence, by signal name, outside its masked reasons.

    The actor registry's names add to the parties: a named armed group is armed, a named force is the
    state's, an ethnic group or clan is a communal side, a party's supporters are a crowd.
    """
    hits = _cues(text, span, masks(text, span))
    accused = alleged(text, span)
    if accused and not eventful(hits):  # the headline 'X implicated in murder of Y' tells the murder
        hits = _cues(text, span, [m for m in masks(text, span) if m not in accused])
    for name, found in named_parties(text, span).items():
        hits.setdefault(name, []).extend(found)
    for sub, pattern in lexicons.labelled("events", "sd_labels"):
        found = lexicons.find(pattern, span.of(text), offset=span.start)
        if found:
            hits[SD_LABEL + sub] = found
    return hits


def _cues(text: str, span: Span, hidden: list[Span]) -> Hits:
    """The lexicon's cues found in one sentence outside the `hidden` parts."""
    hits: Hits = {}
    chunk = span.of(text)
    present = _present(text)
    for name, pattern in lexicons.cues("events").items():
        if name not in present:
            continue
        found = [
            s
            for s in lexicons.find(pattern, chunk, offset=span.start)
            if not any(m.start <= s.start < m.end for m in hidden)
        ]
        if found:
            hits[name] = found
    return hits


@functools.lru_cache(maxsize=4)
def _present(text: str) -> frozenset[str]:
    """The cues found anywhere in a document: a sentence is searched only for these (most cues are absent)."""
    return frozenset(name for name, pattern in lexicons.cues("events").items() if pattern.search(text))


def _first(hits: Hits, *names: str) -> tuple[Span, ...]:
    spans = [s for n in names for s in hits.get(n, ())]
    return tuple(sorted(spans, key=lambda s: s.start)[:3])


# An armed man attacked off duty, at home or on his way somewhere is attacked as a civilian (codebook:
# violence against civilians includes attacks on unarmed or off-duty members of armed forces).
_OFF_DUTY = re.compile(
    r"\b(?:off[- ]duty|on leave|(?:at|outside|near|in front of|inside|in) (?:his|her|their) (?:own )?"
    r"(?:home|house|residence|compound)|while (?:sleeping|asleep|praying)|in civilian clothes|unarmed)\b",
    re.IGNORECASE,
)


# 'to protest', 'in protest of' right before the protest word: the purpose of someone's act.
_PURPOSE = re.compile(r"\b(?:to|in)\s+$", re.IGNORECASE)


def _violent(hits: Hits, *, before: int) -> bool:
    """Whether someone was killed, abducted or bombed before offset `before` (after 'to protest', the
    killing is what a crowd protests against)."""
    return any(x.start < before for n in ("kill", "abduction", "ied", "grenade", "suicide") for x in hits.get(n, ()))


def sides(hits: Hits) -> tuple[bool, bool, bool]:
    """Who is there to fight: armed men outside the state's forces (communal sides among them), state
    forces, an unarmed crowd."""
    state = [*hits.get("state_party", ()), *hits.get("named_state", ())]
    armed = [*hits.get("armed_party", ()), *hits.get("named_armed", ())]
    nonstate = bool(hits.get("communal_party")) or any(
        not any(s.start <= a.start and a.end <= s.end for s in state) for a in armed
    )
    return nonstate, bool(state), bool(hits.get("crowd_party"))


def _organised(hits: Hits, text: str) -> bool:
    """Whether an armed group is named, not just 'assailants' or 'attackers' (who may be a crowd); the state's
    forces, named by a word or by the registry, are none."""
    state = [*hits.get("state_party", ()), *hits.get("named_state", ())]
    armed = [*hits.get("named_armed", ()), *hits.get("armed_party", ())]
    return bool(hits.get("communal_party")) or any(not LOOSE.search(x.of(text)) for x in armed if x not in state)


def _named_group(hits: Hits, sdoc: Any, text: str) -> bool:
    """Whether an armed group named by a name of its own ('suspected al-Shabaab'), not 'gunmen', did the violence
    ('killed by suspected al-Shabaab'; not 'a cleric with links to al-Shabaab killed by unknown men')."""
    return any(told_doer(x, sdoc) for x in hits.get("named_group", ()))


def _armed_riots(hits: Hits, text: str) -> Hits:
    """Riot words that name armed men or a communal side as the crowd ('two groups of Samburu warriors clashed')
    are left out: their fight is no rioters' (a crowd named by a loose word, 'thugs', may still riot)."""
    if not hits.get("riot"):
        return hits
    state = [*hits.get("state_party", ()), *hits.get("named_state", ())]
    armed = [
        x
        for x in (*hits.get("armed_party", ()), *hits.get("communal_party", ()))
        if not LOOSE.search(x.of(text)) and not any(s.start <= x.start and x.end <= s.end for s in state)
    ]
    kept = [r for r in hits["riot"] if not any(r.start <= a.start and a.end <= r.end for a in armed)]
    if len(kept) == len(hits["riot"]):
        return hits
    return {**hits, "riot": kept} if kept else {k: v for k, v in hits.items() if k != "riot"}


def _among(hit: Span, stopped: list[Span], text: str) -> bool:
    """Whether `hit` follows a seizure or an interception in the same sentence: one of the items."""
    return any(d.start <= hit.start and not _SENTENCE_GAP.search(text, d.end, hit.start) for d in stopped)


def classify(hits: Hits, text: str, *, sdoc: Any = None) -> Coding | None:
    """ACLED's event type and sub-event type from an event's triggers, by the codebook's hierarchy."""
    labelled = next((k for k in hits if k.startswith(SD_LABEL)), None)
    if labelled is not None:  # the coder's own label for a strategic development
        return Coding("Strategic developments", labelled[len(SD_LABEL) :], tuple(hits[labelled][:1]))
    if sdoc is not None:  # 'has long suffered cruel bombings': a trend, no incident
        hits = {
            k: v
            for k, v in ((k, [x for x in v if k not in VIOLENT or not trend(x, sdoc)]) for k, v in hits.items())
            if v
        }
    if sdoc is not None and hits.get("mob"):
        # 'suspected rustlers shot two men': suspects who do the violence are no mob's victims
        # ('police fired at suspected robbers': suspects that the state's forces or armed men shot are no mob's)
        forces = doers(hits, sdoc, text, parties=False) in ("state", "armed")
        kept = [x for x in hits["mob"] if not (_SUSPECTS.match(x.of(text)) and (forces or does(x, hits, sdoc, text)))]
        hits = {**hits, "mob": kept} if kept else {k: v for k, v in hits.items() if k != "mob"}
    if sdoc is not None and hits.get("looting"):
        # 'a boy was set on fire by two assailants': setting a person on fire attacks the person, not property
        burnt = [x for x in hits["looting"] if _ON_FIRE.search(x.of(text)) and set_alight(x, sdoc)]
        if burnt:
            hits = {**hits, "assault": [*hits.get("assault", ()), *burnt]}
    if (
        sdoc is not None
        and hits.get("protest")
        and not hits.get("excessive_force")
        and len(targeted(hits, "protest", sdoc)) == len(hits["protest"])
        and (hits.get("armed_party") or hits.get("named_armed"))
        and (doers(hits, sdoc, text, parties=False) or ("state" if sides(hits)[1] else None)) in ("armed", None)
    ):
        # 'gunmen fired at a rally': the gathering is the target of an armed attack, not a protest
        hits = {k: v for k, v in hits.items() if k not in ("protest", "crowd_party")}
    elif (
        sdoc is not None
        and hits.get("protest")
        and not hits.get("excessive_force")
        and hits.get("assault")
        and len(setting(hits, "protest", sdoc)) == len(hits["protest"])
        and doers(hits, sdoc, text, parties=False) == "armed"
    ):
        # 'armed thugs attacked supporters at a rally': the gathering is only where armed men attacked people
        hits = {k: v for k, v in hits.items() if k not in ("protest", "crowd_party")}
    hits = _armed_riots(hits, text)
    nonstate, state, crowd = sides(hits)
    parsed = victims(hits, sdoc, text) if sdoc is not None else None
    if parsed is not None and any(parsed):
        armed_victims, civilians = parsed
    else:  # the parse names no patient: who comes after the violence, not after 'by', was hit
        # ('she was attacked, the attackers warned her ...': armed men the parse makes doers suffered nothing)
        doing = [x for x in hits.get("armed_party", ()) if told_doer(x, sdoc)] if sdoc is not None else []
        unhit = {**hits, "armed_party": [x for x in hits.get("armed_party", ()) if x not in doing]}
        armed_victims, civilians = after_violence(unhit, text)
    if (
        armed_victims
        and _OFF_DUTY.search(text)
        and not any(_EXCHANGE.search(text, x.start, x.end) for x in hits.get("clash", ()))
    ):
        armed_victims, civilians = False, True
    # 'kidnapped him to protest the visit': the protest is the violence's purpose, not a crowd's act
    if (
        hits.get("protest")
        and all(_PURPOSE.search(text, 0, x.start) for x in hits["protest"])
        and _violent(hits, before=min(x.start for x in hits["protest"]))
    ):
        hits = {k: v for k, v in hits.items() if k != "protest"}
    # damage alone (a torched bus, a petrol bomb), with no crowd or demonstration told of, is no riot
    # when people were hurt by it (an attack on them) or an armed group or force did it
    damage_only = (
        bool(hits.get("riot"))
        and all(_DAMAGE_RIOT.search(x.of(text)) for x in hits["riot"])
        and not (crowd or hits.get("protest") or hits.get("mob") or hits.get("crowd_violence"))
    )
    if (
        damage_only
        and not armed_victims
        and any(_FIREBOMB.search(x.of(text)) for x in hits["riot"])
        and (hits.get("kill") or hits.get("assault") or _HARMED.search(text))
    ):
        return Coding("Violence against civilians", "Attack", _first(hits, "riot", "kill", "assault"), True)
    # (the state's forces named beside the damage did not do it when the parse makes a crowd its doers: 'residents
    # burnt tyres outside the police commander's home')
    crowd_damage = sdoc is not None and doers(hits, sdoc, text, parties=False, names=("riot", "looting")) == "crowd"
    if (
        damage_only
        and ((state and not crowd_damage) or _organised(hits, text))
        and not any(_BOMB.search(x.of(text)) for x in hits["riot"])
    ):
        hits = {k: v for k, v in hits.items() if k != "riot"}
    # windows shattered by a blast: the damage is the bomb's, no crowd's
    blast = any(_WENT_OFF.search(x.of(text)) for n in ("ied", "grenade", "suicide") for x in hits.get(n, ()))
    if damage_only and blast and all(_SHATTERED.search(x.of(text)) for x in hits.get("riot", ())):
        hits = {k: v for k, v in hits.items() if k != "riot"}
    # stones thrown by gunmen who shot a candidate: armed men's violence, with no crowd, mob or protest
    # told of, is no riot; nor is vandalism by a named armed group, whatever the word (the codebook's rioters are
    # unorganised people)
    if (
        sdoc is not None
        and hits.get("riot")
        and not any(hits.get(k) for k in ("protest", "mob", "crowd_party"))
        and (hits.get("kill") or hits.get("assault"))
    ):
        doer = doers(hits, sdoc, text, parties=False)
        loose = not any(_RIOT_WORD.search(x.of(text)) for x in hits["riot"])
        if doer == "armed" and (loose or _named_group(hits, sdoc, text)):
            hits = {k: v for k, v in hits.items() if k != "riot"}
    has = {k: bool(v) for k, v in hits.items()}

    def h(*names: str) -> bool:
        return any(has.get(n) for n in names)

    fight = any(_FIGHT.search(s.of(text)) for s in hits.get("clash", ()))
    # a crowd fighting another crowd or the state's forces riots; a battle needs armed groups, and a
    # gunfight says there were
    # ('locals clashed with police': residents, villagers or youths fighting the state's forces, with no armed
    # group among them, are a crowd too; fighting each other, they may be communal militias)
    crowd_fight = (
        fight
        and (crowd or (state and sdoc is not None and crowd_against_state(hits, sdoc, text)))
        and not nonstate
        and not h("air", "shelling", "ied", "grenade")
        and not any(_GUNFIGHT.search(x.of(text)) for x in hits.get("clash", ()))
    )
    violence = h(*VIOLENT)
    # ('the grenade failed to detonate': a blast word inside what was disrupted went off nowhere)
    went_off = any(
        _WENT_OFF.search(x.of(text)) and not any(d.start <= x.start < d.end for d in hits.get("disrupted", ()))
        for n in ("ied", "grenade", "suicide")
        for x in hits.get(n, ())
    )
    # ('recovered a rifle and two mortar shells', 'shot down a drone': weapons and shots named in what was
    # seized or stopped were not used; a remote weapon told after a seizure in its sentence is among the items)
    stopped = hits.get("disrupted", [])
    used = [x for n in ("air", "shelling") for x in hits.get(n, ()) if not _among(x, stopped, text)]
    fought = [
        x for n in ("kill", "clash") for x in hits.get(n, ()) if not any(d.start <= x.start < d.end for d in stopped)
    ]
    if stopped and not fought and not used and not went_off:
        return Coding("Strategic developments", "Disrupted weapons use", _first(hits, "disrupted"))
    if h("chemical"):
        return Coding("Explosions/Remote violence", "Chemical weapon", _first(hits, "chemical"), civilians)
    # a bomber who blows himself up in the midst of a gunfight is one side of a battle
    gunfight = any(_GUNFIGHT.search(x.of(text)) or _A_BATTLE.search(x.of(text)) for x in hits.get("clash", ()))
    if h("suicide") and not gunfight:
        return Coding("Explosions/Remote violence", "Suicide bomb", _first(hits, "suicide"), civilians)
    crowd_strong = h("protest") or (h("riot") and not h("air", "shelling")) or (h("mob") and h("kill", "assault"))
    # an exchange of fire says both sides were armed: a battle, whatever rally or crowd it broke up
    exchange = any(_EXCHANGE.search(text, x.start, x.end) for x in hits.get("clash", ()))
    if crowd_strong and not exchange and not (fight and not h("riot", "protest")):
        # a demonstration has a purpose; a crowd's violence without one is mob violence
        demonstrating = h("protest") or any(_DEMONSTRATION.search(x.of(text)) for x in hits.get("riot", ()))
        if h("mob") and h("kill", "assault", "riot") and not h("protest"):
            return Coding("Riots", "Mob violence", _first(hits, "mob", "riot"), civilians)
        # 'a peaceful march': what else the report tells of (a past riot, a demolition) is its reason
        peaceful = bool(_PEACEFUL.search(" ".join(x.of(text) for x in hits.get("protest", ()))))
        brawl = not peaceful and any(_BRAWL.search(x.of(text)) for x in hits.get("clash", ()))
        # what a crowd protests against (a demolition, looted public funds) is no damage it did
        damage = not peaceful and any(not _GRIEVANCE.search(x.of(text)) for x in hits.get("looting", ()))
        rioting = [x for x in hits.get("riot", ()) if not (peaceful and _WEAK_RIOT.search(x.of(text)))]
        # force against demonstrators who stoned or burnt first is met violence, not excessive force
        if h("excessive_force") and not rioting and not damage:
            return Coding(
                "Protests", "Excessive force against protesters", _first(hits, "excessive_force", "protest"), True
            )
        if h("protest") and not peaceful and sdoc is not None and mob_doers(hits, sdoc, text):
            rioting.extend(hits.get("assault", ()))  # protesters who beat someone up riot
        if h("protest") and not peaceful and sdoc is not None:
            rioting.extend(crowd_stormed(hits, sdoc, text))
        if (
            rioting
            or (h("protest") and (brawl or h("crowd_violence")))
            or (h("protest") and damage and not h("intervention"))
        ):
            sub = "Violent demonstration" if demonstrating else "Mob violence"
            return Coding("Riots", sub, _first(hits, "riot", "protest", "clash", "crowd_violence", "looting"))
        if h("protest") and h("intervention"):
            # a dispersal that killed someone is more than an intervention (codebook: lethal force against a
            # peaceful crowd is excessive force)
            if any(not _NO_KILL.search(x.of(text)) for x in hits.get("kill", ())):
                return Coding(
                    "Protests", "Excessive force against protesters", _first(hits, "intervention", "kill"), True
                )
            return Coding("Protests", "Protest with intervention", _first(hits, "protest", "intervention"))
        if h("protest"):
            return Coding("Protests", "Peaceful protest", _first(hits, "protest"))
    if crowd_fight:
        demonstrating = any(_DEMONSTRATION.search(x.of(text)) for x in hits.get("riot", ()))
        return Coding("Riots", "Violent demonstration" if demonstrating else "Mob violence", _first(hits, "clash"))
    remote = next((n for n in ("air", "shelling", "grenade", "ied") if h(n)), None)
    # (people who shot someone are armed men, not a mob: mobs beat, stone, burn)
    shot = any(gunshot(x, text) for n in ("kill", "assault") for x in hits.get(n, ()))
    if (
        remote is None
        and not fight
        and not shot
        and h("kill", "assault")
        and sdoc is not None
        and mob_doers(hits, sdoc, text)
    ):
        return Coding("Riots", "Mob violence", _first(hits, "kill", "assault", "mob"), civilians)
    if (
        remote is None
        and not fight
        and sdoc is not None
        and not any(_GUNS.search(x.of(text)) for x in hits.get("assault", ()))
        and crowd_stormed(hits, sdoc, text)
    ):
        # a crowd forcing its way into a polling station or an office riots (codebook: mob violence)
        return Coding("Riots", "Mob violence", _first(hits, "assault", "mob"))
    # a post, camp or base captured was taken from armed men who held it: a fight even when none is told
    # (codebook: a capture of territory by force is a battle, by whichever side took it)
    stormed = hits.get("captured_post", [])
    if stormed and not (fight or violence):
        if h("regains") or (sdoc is not None and state_doer(stormed[0], hits, sdoc, text)):
            return Coding("Battles", "Government regains territory", tuple(stormed[:1]))
        return Coding("Battles", "Non-state actor overtakes territory", tuple(stormed[:1]))
    if h("regains") and (fight or violence):
        return Coding("Battles", "Government regains territory", _first(hits, "regains"))
    if h("overtakes") and (fight or violence):
        return Coding("Battles", "Non-state actor overtakes territory", _first(hits, "overtakes"))
    remote = next((n for n in ("air", "shelling", "grenade", "ied") if h(n)), None)
    # remote violence that armed men answered, or that opened an ambush on them, is one side of a battle
    met = any(_MET.search(x.of(text)) for x in hits.get("clash", ()))
    if remote is not None and met and armed_victims:
        return Coding("Battles", "Armed clash", _first(hits, "clash"))
    # shells, rockets or grenades in a ground assault with guns on armed men are part of a battle (codebook:
    # remote violence within a clash is coded as the clash)
    if remote is not None and armed_victims and remote != "air" and direct_fire(hits, text):
        return Coding("Battles", "Armed clash", _first(hits, "clash", "assault", remote))
    if remote is not None and not fight:
        sub = {
            "air": "Air/drone strike",
            "shelling": "Shelling/artillery/missile attack",
            "grenade": "Grenade",
            "ied": "Remote explosive/landmine/IED",
        }[remote]
        return Coding("Explosions/Remote violence", sub, _first(hits, remote), civilians and not armed_victims)
    if (
        h("clash")
        and not armed_victims
        and h("kill", "assault")
        and sdoc is not None
        and noncombatants_hit(hits, sdoc)
        and not verbal(hits, "clash", sdoc)
        and not any(_EXCHANGE.search(text, x.start, x.end) or _A_BATTLE.search(x.of(text)) for x in hits["clash"])
    ):
        # 'three bystanders killed during a gun battle', 'militia attack civilians, sparking clashes': the fight
        # is the setting, named by a noun; what the report tells is violence against named civilians
        return Coding("Violence against civilians", "Attack", _first(hits, "kill", "assault"), True)
    if fight or (h("clash") and armed_victims):
        return Coding("Battles", "Armed clash", _first(hits, "clash"))
    if h("sexual"):
        return Coding("Violence against civilians", "Sexual violence", _first(hits, "sexual"), True)
    if h("abduction") and not (h("kill") and sdoc is not None and armed_seized(hits, sdoc, text)):
        return Coding("Violence against civilians", "Abduction/forced disappearance", _first(hits, "abduction"), True)
    if h("kill", "assault"):
        if armed_victims:  # an attack on armed men is a battle, whoever else was hit
            return Coding("Battles", "Armed clash", _first(hits, "kill", "assault"))
        # 'police pursued the raiders and killed many': the state's forces killing people the report does not
        # name, with armed men and no civilians told of, fought those armed men
        if not civilians and nonstate and sdoc is not None and doers(hits, sdoc, text, parties=False) == "state":
            return Coding("Battles", "Armed clash", _first(hits, "kill", "assault"))
        return Coding("Violence against civilians", "Attack", _first(hits, "kill", "assault"), True)
    if h("mob"):
        return Coding("Riots", "Mob violence", _first(hits, "mob"))
    if h("riot"):
        demonstrating = any(_DEMONSTRATION.search(x.of(text)) for x in hits["riot"])
        return Coding("Riots", "Violent demonstration" if demonstrating else "Mob violence", _first(hits, "riot"))
    if h("clash"):
        return Coding("Battles", "Armed clash", _first(hits, "clash"))
    if (
        h("looting")
        and not _organised(hits, text)
        and (not state or crowd_damage)
        and any(_DAMAGE.search(x.of(text)) for x in hits["looting"])
    ):
        # a crowd's or unnamed arsonists' damage, with no one hurt and no armed group named, is a riot
        demonstrating = h("protest") or any(_DEMONSTRATION.search(x.of(text)) for x in hits.get("riot", ()))
        return Coding("Riots", "Violent demonstration" if demonstrating else "Mob violence", _first(hits, "looting"))
    if h("intervention") and not h("arrest"):
        # people dispersed by the police were gathered for something: a protest
        return Coding("Protests", "Protest with intervention", _first(hits, "intervention"))
    if h("demand") and h("civilian_party") and not h("armed_party"):
        return Coding("Protests", "Peaceful protest", _first(hits, "demand"))
    if h("vague_violence") and not h(*STRATEGIC, "other_sd"):
        return Coding("Riots", "Mob violence", _first(hits, "vague_violence"))
    if h("dispute") and not h(*STRATEGIC, "other_sd"):
        return Coding("Battles", "Armed clash", _first(hits, "dispute"))
    for name, sub in (
        ("disrupted", "Disrupted weapons use"),
        ("looting", "Looting/property destruction"),
        ("agreement", "Agreement"),
        ("arrest", "Arrests"),
        ("headquarters", "Headquarters or base established"),
        ("transfer", "Non-violent transfer of territory"),
        ("regains", "Non-violent transfer of territory"),
        ("overtakes", "Non-violent transfer of territory"),
        ("change_group", "Change to group/activity"),
        ("other_sd", "Other"),
    ):
        if h(name):
            return Coding("Strategic developments", sub, _first(hits, name))
    return None


def refine(coding: Coding, *, inter1: int, inter2: int, text: str = "") -> Coding:
    """The codebook's reading by who fought whom, once the actors are known.

    One-sided violence by an armed actor on civilians (inter 7) is violence against civilians.
    """
    armed = {1, 2, 3, 4, 8}
    # (no flip from violence against civilians to a battle: an ethnic group's name on the victims
    # says whose village was attacked, not that armed men defended it)
    fought = any(_FIGHT.search(t.of(text)) for t in coding.triggers) if text else False
    if (
        coding.event_type == "Battles"
        and coding.sub_event_type == "Armed clash"
        and inter2 == 7
        and inter1 in armed
        and not fought
    ):
        return Coding("Violence against civilians", "Attack", coding.triggers, True)
    if coding.event_type == "Explosions/Remote violence" and inter2 == 7:
        return Coding(coding.event_type, coding.sub_event_type, coding.triggers, True)
    return coding
