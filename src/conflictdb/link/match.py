"""Whether two mentions describe the same event.

A mention is reduced to `Features`: what linking compares, each at the precision its report
allows. The same type merges a group of mentions (an incident in the making) into one profile:
dates intersect, the most precise place wins, actors unite. `score` compares a mention with a
profile (or another mention): it returns None when the two cannot be one event (another country,
incompatible event types, dates that cannot overlap, places too far apart at both precisions) and
otherwise a score, each piece of evidence adding to it; `THRESHOLD` decides.

Look-alikes stay apart by construction: the same village a week later fails the date test at day
precision, the same day 60 km away fails the distance test (two 'near X' reports tolerate 40 km
between them, precise ones 10 km), the same actors in a clash and then in a massacre fail the
event type test.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from conflictdb.models import Mention, Place

THRESHOLD = 2.0
MARGIN = 0.5  # a mention that fits two incidents within this margin of each other joins neither

# Event types that one event may be coded as by different reports; any other pair cannot be one event.
# Violent types never mix: a clash and a massacre by the same actors are two events (ACLED codes
# remote violence against civilians as Explosions/Remote violence, so the type follows the weapon).
_COMPATIBLE = {
    frozenset({"Protests", "Riots"}): 0.5,
}
# Blocking families: only mentions of one family are ever compared.
FAMILIES = {
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Protests|Riots": "demonstration",
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Strategic developments": "strategic",
}
# Generic actor names say nothing about which event it was.
_PERIOD = re.compile(r"\s*\(\d{4}-\d{0,4}\)")  # ACLED's validity periods: 'Military Forces of Mali (2021-)'
_STATE = ("military forces of", "police forces of")
_GENERIC_PREFIXES = ("civilians", "protesters", "rioters", "unidentified", "labour group", "students")

# Place radius (km) by UCDP where_prec, then by ACLED geo_precision; None: known only by admin unit.
_WHERE_RADIUS = {1: 5.0, 2: 20.0}
_GEO_RADIUS = {1: 5.0, 2: 20.0}
# Half-widths of a date, in days, by ACLED time_precision: a day, a week, a month or vaguer.
_DATE_HALF = {1: 0.5, 2: 3.5, 3: 31.0}
_UNDATED_BACK = 31  # an undated report is about the month before it was published


@dataclass(frozen=True, slots=True)
class Features:
    """What linking compares of a mention, or of the mentions of one incident merged."""

    family: str
    types: frozenset[str]
    sub_types: frozenset[str]
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None  # a named site below the admin units (a town, a camp), when the report names one
    lat: float | None
    lon: float | None
    radius: float | None  # km around (lat, lon); None where only admin units are known
    lo: float | None  # date interval in days since 0001-01-01
    hi: float | None
    day_precise: bool
    actors: frozenset[str]  # specific (non-generic) actor names, all roles
    perpetrators: frozenset[str]  # specific actor1 names
    fat_lo: int | None
    fat_hi: int | None


@functools.lru_cache(maxsize=1 << 16)
def normalize(name: str | None) -> str | None:
    """A place or actor name folded for comparison: no accents, lower case, single spaces."""
    if not name:
        return None
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = _PERIOD.sub("", folded)
    return " ".join(folded.lower().replace("-", " ").split()) or None


def family(event_type: str) -> str:
    return FAMILIES.get(event_type, "other")


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _specific(name: str) -> bool:
    return not name.lower().startswith(_GENERIC_PREFIXES)


@functools.lru_cache(maxsize=1 << 16)
def _place(
    place: Place | None,
) -> tuple[str | None, str | None, str | None, str | None, float | None, float | None, float | None]:
    """(country, admin1, admin2, site, lat, lon, radius) of a place; places repeat, so this is cached."""
    if place is None:
        return None, None, None, None, None, None, None
    lat = lon = radius = None
    country = place.country or place.country_code
    admin1, admin2 = normalize(place.admin1), normalize(place.admin2)
    if place.latitude is not None and place.longitude is not None:
        # The coarser of the two precision codes decides: a point standing for a region is no point.
        radii = [_WHERE_RADIUS.get(place.where_prec) if place.where_prec is not None else 0.0]
        radii.append(_GEO_RADIUS.get(place.geo_precision) if place.geo_precision is not None else 0.0)
        known = [r for r in radii if r is not None]
        radius = max(known) or _GEO_RADIUS[1] if len(known) == len(radii) else None
        if radius is not None:
            lat, lon = place.latitude, place.longitude
    location = normalize(place.name)
    if radius is None and location in (admin1, admin2, normalize(country)):
        location = None  # a region-level place named after its region names no site (a town may share the name)
    return country, admin1, admin2, location, lat, lon, radius


@functools.lru_cache(maxsize=1 << 16)
def _actors(actor1: str | None, others: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(specific actor names, specific perpetrators)."""
    specific = frozenset(n for name in (actor1, *others) if name and _specific(name) and (n := normalize(name)))
    perp = normalize(actor1) if actor1 else None
    return specific, (frozenset({perp}) if perp and perp in specific else frozenset())


def features(mention: Mention, *, published: str | None = None) -> Features:
    """The features of one mention; `published` (its document's date) bounds an event's date."""
    day = _ordinal(mention.event_date)
    pub = _ordinal(published)
    lo: float | None
    hi: float | None
    if day is not None:
        half = _DATE_HALF.get(mention.time_precision, 31.0)
        lo, hi = day - half, day + half
        if pub is not None:
            # Nothing happens after it is reported; a day of slack for time zones and overnight events.
            hi = min(hi, pub + 1.0)
            lo = min(lo, hi)
    elif pub is not None:
        lo, hi = pub - _UNDATED_BACK, pub + 1.0
    else:
        lo = hi = None
    country, admin1, admin2, location, lat, lon, radius = _place(mention.place)
    actor1 = mention.actor1.name if mention.actor1 else None
    others = tuple(a.name for a in (mention.actor2, *mention.assoc_actor_1, *mention.assoc_actor_2) if a)
    specific, perps = _actors(actor1, others)
    fat = mention.fatalities_best if mention.fatalities_best is not None else mention.fatalities
    return Features(
        family=family(mention.event_type),
        types=frozenset({mention.event_type}),
        sub_types=frozenset({mention.sub_event_type}) if mention.sub_event_type else frozenset(),
        country=country,
        admin1=admin1,
        admin2=admin2,
        location=location,
        lat=lat,
        lon=lon,
        radius=radius,
        lo=lo,
        hi=hi,
        day_precise=day is not None and mention.time_precision == 1,
        actors=specific,
        perpetrators=perps,
        fat_lo=fat,
        fat_hi=fat,
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def type_score(a: frozenset[str], b: frozenset[str]) -> float | None:
    """1 for a shared type, less for compatible ones, None when some pair cannot be one event."""
    best = 1.0 if a & b else 0.0
    for x in a:
        for y in b:
            if x == y:
                continue
            pair = _COMPATIBLE.get(frozenset({x, y}))
            if pair is None:
                return None
            best = max(best, pair)
    return best


def score(f: Features, g: Features) -> float | None:
    """How strongly two feature sets describe one event; None when they cannot."""
    if f.country and g.country and f.country != g.country:
        return None
    types = type_score(f.types, g.types)
    if types is None:
        return None
    total = types + (0.2 if f.sub_types & g.sub_types else 0.0)

    # Date: the intervals must overlap.
    same_day = False
    if f.lo is None or g.lo is None or f.hi is None or g.hi is None:
        return None
    lo, hi = max(f.lo, g.lo), min(f.hi, g.hi)
    if lo > hi:
        return None
    if f.day_precise and g.day_precise:
        same_day = hi - lo >= 1.0
        total += 1.0 if same_day else 0.6
    else:
        total += 0.3

    # Place: distance at both precisions, else the enclosing units.
    coarse = False
    if f.radius is not None and g.radius is not None:
        d = distance_km(f.lat, f.lon, g.lat, g.lon)  # type: ignore[arg-type]
        tolerance = f.radius + g.radius
        if d > tolerance:
            return None
        total += 1.0 if d <= 2.0 or (f.location and f.location == g.location) else 1.0 - 0.5 * d / tolerance
    elif f.location and f.location == g.location:
        total += 1.0
    else:
        if f.admin1 and g.admin1 and f.admin1 != g.admin1:
            return None
        if f.location and g.location:
            return None  # two differently named sites that cannot be measured apart
        coarse = True
        if f.admin2 and g.admin2 and f.admin2 == g.admin2:
            total += 0.5
        elif f.admin1 and f.admin1 == g.admin1:
            total += 0.3
        elif f.country:
            total += 0.1

    # Actors: a shared specific actor is strong evidence; two different perpetrators weigh against.
    shared = f.actors & g.actors
    shared_actor = bool(shared)
    if shared_actor:
        total += 1.0
    elif f.perpetrators and g.perpetrators:
        total -= 0.8

    # Casualty figures: tolls get revised, so only a large gap counts against.
    same_toll = False
    toll_conflict = False
    if f.fat_lo is not None and g.fat_lo is not None:
        near = min(abs(f.fat_lo - g.fat_hi), abs(f.fat_hi - g.fat_lo))  # type: ignore[operator]
        inside = g.fat_lo <= f.fat_lo <= g.fat_hi or f.fat_lo <= g.fat_lo <= f.fat_hi  # type: ignore[operator]
        small = min(f.fat_lo, g.fat_lo)
        if inside or near <= max(2, 0.25 * small):
            total += 0.3
            same_toll = small >= 3
        else:
            toll_conflict = True
            if near > 2 * small + 5:
                total -= 0.6
    if coarse:
        # Only a region is known on one side, and many events share a region and a day: it takes a named
        # group in common (not the state's forces, which fight in many places at once) or the same day
        # and the same toll to say which event it was, and a different toll says it was another.
        named = any(not a.startswith(_STATE) for a in shared)
        if toll_conflict or not (named or (same_day and same_toll)):
            return None
    return total


def merge(p: Features, f: Features) -> Features:
    """The profile of an incident after `f` joins it: dates intersect, the most precise place wins."""
    take_f_place = (f.radius or math.inf) < (p.radius or math.inf) or (p.radius is None and p.admin1 is None)
    place = f if take_f_place else p
    lo = f.lo if p.lo is None else p.lo if f.lo is None else max(p.lo, f.lo)
    hi = f.hi if p.hi is None else p.hi if f.hi is None else min(p.hi, f.hi)
    fats = [x for x in (p.fat_lo, p.fat_hi, f.fat_lo, f.fat_hi) if x is not None]
    return Features(
        family=p.family,
        types=p.types | f.types,
        sub_types=p.sub_types | f.sub_types,
        country=p.country or f.country,
        admin1=place.admin1 or p.admin1 or f.admin1,
        admin2=place.admin2 or p.admin2 or f.admin2,
        location=place.location or p.location or f.location,
        lat=place.lat,
        lon=place.lon,
        radius=place.radius,
        lo=lo,
        hi=hi,
        day_precise=lo is not None and hi is not None and hi - lo <= 1.0,
        actors=p.actors | f.actors,
        perpetrators=p.perpetrators | f.perpetrators,
        fat_lo=min(fats) if fats else None,
        fat_hi=max(fats) if fats else None,
    )


def same_event(a: Mention, b: Mention, *, published_a: str | None = None, published_b: str | None = None) -> bool:
    """Whether two mentions describe one event (never two mentions of one document)."""
    if a.document_id == b.document_id:
        return False
    s = score(features(a, published=published_a), features(b, published=published_b))
    return s is not None and s >= THRESHOLD
