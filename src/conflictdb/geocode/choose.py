"""Each toponym's entry, chosen in context (`resolve`), and the country the evidence points to.

The country evidence of the whole text and of the actors, the admin names that the text gives beside a
toponym, the designator that follows it, the places near it, and population, weigh on which namesake
a toponym is.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache

from conflictdb.geocode.gazetteer import Entry, Gazetteer, bare_name, distance_km, fold
from conflictdb.geocode.reading import Reading, Toponym

# One actor's country, as evidence of where its event was (the side attacked counts twice: see Geocoder).
ACTOR_WEIGHT = 1.5


def resolve(
    reading: Reading,
    *,
    admin_keys: dict[str, str],
    actor_countries: tuple[str, ...] = (),
    centres: dict[str, tuple[float, float]] | None = None,
) -> None:
    """Choose each toponym's entry, in context (sets `chosen` and `score`).

    `centres` (country code -> a point in it) lets a namesake near the country the text's words and
    actors point to win over one far away, when that country has none ('al-Shabaab ... in Kwale').
    """
    votes: defaultdict[str, float] = defaultdict(float, reading.votes)
    for cc in actor_countries:
        votes[cc] += ACTOR_WEIGHT
    evidence = top_country(votes)
    centre = centres.get(evidence) if centres and evidence and votes[evidence] >= 2.0 else None
    # what the toponyms themselves say about the country: each gives one vote, spread by population
    for top in reading.toponyms:
        if not top.entries:
            continue
        weights = _country_weights(top.entries)
        share = 1.5 if top.cued else 0.7
        for cc, w in weights:
            votes[cc] += share * w
    total_votes = sum(votes.values()) or 1.0
    keys = {t.key for t in reading.toponyms}
    scores: dict[int, list[tuple[float, Entry]]] = {}
    for top in reading.toponyms:
        context_keys = {c.key for c in top.context}
        ranked = sorted(
            (
                (_score(e, top, votes, total_votes, keys, context_keys, admin_keys, reading.regions), e)
                for e in top.entries[:_MAX_ENTRIES]
            ),
            key=lambda pair: -pair[0],
        )
        if centre is not None and len(ranked) > 1 and not any(e.cc == evidence for _, e in ranked):
            ranked = sorted(((s + _neighbour(e, centre), e) for s, e in ranked), key=lambda pair: -pair[0])
        scores[id(top)] = ranked
        top.chosen, top.score = (ranked[0][1], ranked[0][0]) if ranked else (None, -math.inf)
    # namesakes: the one near the text's other places ('Shimoni' near 'Zanzibar')
    unique = {
        t.chosen.gid: t.chosen
        for t in reading.toponyms
        if t.chosen is not None and len(t.entries) == 1 and t.designator != 0
    }
    anchors = list(unique.values())[:30]  # a long text names many: the first few are enough
    if anchors:
        for top in reading.toponyms:
            ranked = scores[id(top)]
            if len(ranked) < 2 or len(top.entries) == 1:
                continue
            rescored = [(s + _proximity(e, anchors), e) for s, e in ranked]
            rescored.sort(key=lambda pair: -pair[0])
            scores[id(top)] = rescored
            top.chosen, top.score = rescored[0][1], rescored[0][0]
    # a toponym and the units named beside it are chosen together, so that they agree
    # a country the text names, or whose own kinds of unit it uses ('upazila'), not only its actors' country
    # or the country of the national outlet that published it
    home = (*reading.named, reading.outlet)
    firm = evidence if evidence is not None and votes[evidence] >= 3.0 and evidence in home else None
    for top in reading.toponyms:
        top.context = [c for c in top.context if not c.partial]
        # a unit in a longer chain ('Diani' in 'Gombato area in Diani, Kwale county') was chosen with it
        if top.context and not top.is_context:
            _resolve_group(top, scores)
            if firm is not None:
                _home_group(top, firm, scores)


def _neighbour(entry: Entry, centre: tuple[float, float]) -> float:
    """A bonus for a namesake near the country the text points to, which has none of that name."""
    km = distance_km(entry.lat, entry.lon, *centre)
    return 1.0 if km < 1200 else 0.5 if km < 2500 else 0.0


def _proximity(entry: Entry, anchors: list[Entry]) -> float:
    """A bonus for an entry close to the places the text names without ambiguity."""
    best = (
        min(distance_km(entry.lat, entry.lon, a.lat, a.lon) for a in anchors if a is not entry)
        if any(a is not entry for a in anchors)
        else 1e9
    )
    return 1.0 if best < 100 else 0.5 if best < 300 else 0.0


def _resolve_group(top: Toponym, scores: dict[int, list[tuple[float, Entry]]]) -> None:
    """Choose a toponym's entry and its units' together, so that they agree.

    A name the gazetteer lacks ('Gombato area in Diani, Kwale county') has no entry to anchor the
    units: the largest unit, named last, anchors them instead.
    """
    own = scores[id(top)][:8]
    members = top.context
    anchor_index = -1
    if not own:
        anchor_index = max((k for k, c in enumerate(members) if scores[id(c)]), default=-1)
        if anchor_index < 0:
            return
        own = scores[id(members[anchor_index])][:8]
    best: tuple[float, Entry, list[Entry | None], bool] | None = None
    for head_score, head in own:
        total, agree = head_score, False
        picks: list[Entry | None] = []
        for k, other in enumerate(members):
            if k == anchor_index:
                picks.append(head)
                continue
            # the units named beside a place are units more often than towns: every unit of the name is an option
            ranked = scores[id(other)]
            options = ranked[:8] + [(s, e) for s, e in ranked[8:] if e.level in (1, 2)]
            if not options or (other.key == top.key and not any(e.level in (1, 2) for _, e in options)):
                # a place of the same name beside it ('Tigania town (Tigania West, Meru)') agrees with any namesake

                picks.append(None)
                continue
            score, entry = max(((s + _agreement(head, e), e) for s, e in options), key=lambda pair: pair[0])
            agree = agree or _agreement(head, entry) >= 3.0
            total += score
            picks.append(entry)
        if best is None or total > best[0]:
            best = (total, head, picks, agree)
    assert best is not None
    _, head, picks, agree = best
    if anchor_index < 0:
        top.chosen = head
        top.coherent = agree
    for other, pick in zip(members, picks, strict=True):
        if pick is not None:
            other.chosen = pick


def _home_group(top: Toponym, cc: str, scores: dict[int, list[tuple[float, Entry]]]) -> None:
    """A place and its units chosen abroad, where the text points firmly to `cc` and its units have namesakes
    there: the place is one the gazetteer lacks, in those units ('Kandi village in Gopalganj district' in a
    Bangladeshi report is not Kandi near Gopalganj, India)."""
    if top.chosen is None or top.chosen.cc == cc or any(e.cc == cc for e in top.entries):
        return
    home = [(c, [e for _, e in scores[id(c)] if e.cc == cc]) for c in top.context]
    if not any(entries for _, entries in home):
        return
    top.chosen, top.abroad = None, True
    for c, entries in home:
        c.chosen = min(entries, key=lambda e: e.level) if entries else None


def _agreement(head: Entry | None, unit: Entry) -> float:
    """How well a unit named beside a place fits it: its admin1 or admin2, or a town close by."""
    if head is None:
        return 0.0
    if head.cc != unit.cc:
        return -3.0
    if unit.level == 1 and unit.a1 == head.a1:
        return 4.0
    if unit.level == 2 and unit.a2 is not None and unit.a2 == head.a2:
        return 4.0
    if unit.level == 2 and unit.a1 == head.a1:
        return 3.0
    if distance_km(head.lat, head.lon, unit.lat, unit.lon) < 60:
        return 3.0
    if unit.a1 == head.a1:
        return 2.0
    return 0.5


# A namesake in the first-order unit where a regional group the text names acts: as much as a unit named
# anywhere in the text, and more than a namesake's larger size.
REGION_BONUS = 2.0

# Namesakes beyond the most populous few are never chosen; scoring them only costs time.
_MAX_ENTRIES = 15


@lru_cache(maxsize=50_000)
def _country_weights(entries: tuple[Entry, ...]) -> tuple[tuple[str, float], ...]:
    weights: defaultdict[str, float] = defaultdict(float)
    for entry in entries:  # a country's best namesake speaks for it: many hamlets of one name are no evidence
        weights[entry.cc] = max(weights[entry.cc], 1.0 + math.log10(1 + entry.pop))
    total = sum(weights.values())
    return tuple((cc, w / total) for cc, w in weights.items())


@lru_cache(maxsize=200_000)
def _prior(entry: Entry, designator: int | None) -> float:
    """What an entry is worth before the text's context: its size, its kind, the designator after its name."""
    s = 0.35 * math.log10(2 + entry.pop)
    if designator is not None:
        if designator == entry.level or (designator == 3 and entry.fclass == "P"):
            s += 1.5
        elif designator in (1, 2) and entry.level in (1, 2):
            s += 1.0  # a county or a district is a first-order unit in some countries, second in others
        elif designator == 3 and entry.level < 3:
            s -= 0.5
        elif designator in (1, 2) and entry.fclass == "P":
            s -= 1.0
    elif entry.fclass == "P":
        s += 0.6  # a bare name is a town before it is a region
    if entry.fcode in ("PPLC", "PPLA", "PPLA2"):
        s += 0.3
    if entry.fclass not in ("P", "A"):
        s -= 1.0
    return s


def _score(
    entry: Entry,
    top: Toponym,
    votes: dict[str, float],
    total_votes: float,
    keys: set[str],
    context_keys: set[str],
    admin_keys: dict[str, str],
    regions: tuple[str, ...] = (),
) -> float:
    s = 4.0 * votes.get(entry.cc, 0.0) / total_votes + _prior(entry, top.designator)
    if entry.a1 in regions:
        s += REGION_BONUS  # a namesake where the text's regional groups act ('DPR forces' and a Donetsk village)
    # admin names given beside the toponym ('X (A, B)'), or anywhere in the text
    for code in (entry.a1, entry.a2):
        if code:
            name = admin_keys.get(code)
            if name is None:
                continue
            if name in context_keys:
                s += 4.0
            elif name in keys and name != top.key:
                s += 1.0
    return s


def top_country(votes: dict[str, float]) -> str | None:
    """The country with the most weight (the first named, on a tie); none where no country has any."""
    best = max(votes, key=votes.__getitem__) if votes else None
    return best if best is not None and votes[best] > 0 else None


def admin_keys(gazetteer: Gazetteer) -> dict[str, str]:
    """Every admin code's folded bare name."""
    return {code: fold(bare_name(name)) for code, name in gazetteer.admins.items()}
