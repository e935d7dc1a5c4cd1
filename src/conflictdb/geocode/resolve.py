"""Toponyms in a text, resolved in context to gazetteer entries.

`find_toponyms` reads a text once: capitalized runs looked up in the gazetteer (longest first), each
with the cues around it ('near X', 'N km north of X', 'X district', 'X (Bankass, Mopti)'), and the
country words (names, demonyms) that say which country the text is about. `resolve` then picks each
toponym's entry: the country evidence of the whole text and the actors, the admin names that the
text gives beside it, the designator that follows it, and population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from conflictdb.geocode.gazetteer import Entry, Gazetteer, bare_name, fold
from conflictdb.models import Span

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?")
# Lower-case words allowed inside a name: 'Sar-e Pol', 'Dar es Salaam', 'Bandar-e Abbas', 'Deir ez Zor'.
_CONNECTORS = frozenset(
    "de del della di da do dos das du des la le les el al ad ag as ash at az ar an ez es e y i van von bin ibn".split()
)

# Designators after a name, and the level of unit each points to (1 first-order ... 3 a place).
DESIGNATOR_LEVEL = {
    "region": 1,
    "regions": 1,
    "province": 1,
    "provinces": 1,
    "state": 1,
    "governorate": 1,
    "oblast": 1,
    "division": 1,
    "prefecture": 2,
    "department": 2,
    "county": 2,
    "district": 2,
    "districts": 2,
    "cercle": 2,
    "circle": 2,
    "raion": 2,
    "rayon": 2,
    "tehsil": 2,
    "upazila": 2,
    "municipality": 2,
    "commune": 3,
    "sub-county": 3,
    "subcounty": 3,
    "ward": 3,
    "lga": 2,
    "constituency": 2,
    "town": 3,
    "city": 3,
    "village": 3,
    "villages": 3,
    "locality": 3,
    "area": 3,
    "neighbourhood": 3,
    "neighborhood": 3,
    "suburb": 3,
    "camp": 3,
    "market": 3,
    "township": 3,
    "settlement": 3,
    "hamlet": 3,
    "quarter": 3,
    "estate": 3,
}
_DIRECTION = r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)?"
_NEAR_RE = re.compile(
    r"(?:\bnear(?:by)?|\boutside(?: of)?|\baround|\bclose to|\bvicinity of|\bouter|\boutskirts of|\bon the road (?:to|from)|"
    r"\bkm\s+(?:\w+\s+)?(?:of|from)|\bkilometres?\s+(?:\w+\s+)?(?:of|from)|\bkilometers?\s+(?:\w+\s+)?(?:of|from)|\bmiles?\s+"
    r"(?:\w+\s+)?(?:of|from)|" + _DIRECTION + r"\s+of|\bbetween)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_IN_RE = re.compile(
    r"(?:\bin|\bat|\bof|\binto|\bfrom|\bto|\btowards|\bacross|\bthroughout|\bwithin|\binside|\bin and around|\bnear|\bon|"
    r"\band|\bvia|\bthe|\bheld|\bstormed|\battacked|\braided|\bhit)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    text = resources.files("conflictdb").joinpath("data", "geo", "not_places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@dataclass(slots=True)
class Toponym:
    """A name in the text that the gazetteer knows (or that a cue says is a place)."""

    span: Span
    surface: str
    key: str
    entries: tuple[Entry, ...]
    designator: int | None = None  # level named by the word after it ('district' -> 2)
    near: bool = False  # 'near X', 'N km north of X', 'between X and Y'
    cued: bool = False  # a preposition or designator says it is a place
    context: list[Toponym] = field(default_factory=list)  # the admin names beside it: 'X (A, B)', 'X, B province'
    is_context: bool = False  # an admin name given beside another toponym
    dateline: bool = False
    chosen: Entry | None = None
    score: float = 0.0


@dataclass(slots=True)
class CountryWord:
    span: Span
    cc: str
    demonym: bool


@dataclass(slots=True)
class Reading:
    """What a text says about places: its toponyms and country words, in text order."""

    toponyms: list[Toponym]
    countries: list[CountryWord]
    votes: Counter[str]


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalized words (connectors allowed inside), as lists of (start, end) offsets."""
    upper_text = sum(1 for c in text if c.isupper()) > 0.5 * sum(1 for c in text if c.isalpha())
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    last_end = -1
    for m in _WORD_RE.finditer(text):
        word = m.group()
        gap = text[last_end : m.start()] if last_end >= 0 else ""
        broken = last_end >= 0 and (any(ch in gap for ch in ",.;:()[]\"!?\n") or len(gap) > 3)
        if broken:
            if current:
                runs.append(current)
            current, pending = [], []
        capital = word[0].isupper() and (upper_text or not word.isupper() or len(word) > 1)
        if capital:
            current.extend(pending)
            pending = []
            current.append((m.start(), m.end()))
        elif current and word.lower() in _CONNECTORS and len(pending) < 1:
            pending.append((m.start(), m.end()))
        else:
            if current:
                runs.append(current)
            current, pending = [], []
        last_end = m.end()
    if current:
        runs.append(current)
    return runs


def find_toponyms(text: str, gazetteer: Gazetteer) -> Reading:
    """The toponyms and country words of a text."""
    toponyms: list[Toponym] = []
    countries: list[CountryWord] = []
    not_places = _not_places()
    words = gazetteer.country_words
    for run in _runs(text):
        i = 0
        while i < len(run):
            matched = False
            for j in range(min(len(run), i + 5), i, -1):
                start, end = run[i][0], run[j - 1][1]
                surface = text[start:end]
                if surface.endswith(("'s", "’s")):
                    surface, end = surface[:-2], end - 2
                key = fold(surface)
                if not key:
                    continue
                hits = words.get(surface) if surface.isupper() and len(surface) <= 5 else None
                hits = hits or words.get(key)
                if hits and not (surface.isupper() and len(surface) <= 5 and surface not in words):
                    for cc, kind in hits:
                        countries.append(CountryWord(Span(start, end), cc, kind == "demonym"))
                    if any(kind == "name" for _, kind in hits):
                        entries = tuple(e for e in gazetteer.lookup(key) if e.level == 0) or ()
                        toponyms.append(_toponym(text, start, end, surface, key, entries, country=hits[0][0]))
                    i, matched = j, True
                    break
                if j - i == 1 and (key in not_places or len(key) < 3 or (surface.isupper() and len(surface) <= 4)):
                    if not _followed_by_designator(text, end):
                        continue
                entries = gazetteer.lookup(key)
                if entries:
                    toponyms.append(_toponym(text, start, end, surface, key, entries))
                    i, matched = j, True
                    break
            if not matched:
                i += 1
    _link_context(text, toponyms)
    votes: Counter[str] = Counter()
    for word in countries:
        votes[word.cc] += 2.0 if word.demonym else 3.0
    return Reading(toponyms, countries, votes)


def _followed_by_designator(text: str, end: int) -> bool:
    m = re.match(r"\s+([A-Za-z\-]+)", text[end : end + 20])
    return bool(m and m.group(1).lower() in DESIGNATOR_LEVEL)


def _toponym(
    text: str, start: int, end: int, surface: str, key: str, entries: tuple[Entry, ...], *, country: str | None = None
) -> Toponym:
    before = text[max(0, start - 40) : start]
    after = re.match(r"\s+([A-Za-z\-]+)", text[end : end + 20])
    designator = DESIGNATOR_LEVEL.get(after.group(1).lower()) if after else None
    near = bool(_NEAR_RE.search(before))
    cued = near or designator is not None or bool(_IN_RE.search(before)) or text[end : end + 2] == " ("
    top = Toponym(Span(start, end), surface, key, entries, designator=designator, near=near, cued=cued)
    if country is not None:
        top.designator = 0
    return top


def _link_context(text: str, toponyms: list[Toponym]) -> None:
    """Mark the admin names given beside a toponym: 'X (A, B)', 'X, A district, B province', "B's X"."""
    for k, top in enumerate(toponyms):
        end = top.span.end
        for other in toponyms[k + 1 : k + 4]:
            gap = text[end : other.span.start]
            if re.fullmatch(r"\s*(?:\(|,|,?\s+in|\s+of)\s*(?:the\s+)?", gap) or (
                re.fullmatch(r"\s*[,(]?\s*", gap) and top.span.end < other.span.start <= top.span.end + 3
            ):
                top.context.append(other)
                other.is_context = True
                after = re.match(r"\s*(?:[A-Za-z\-]+)?\s*", text[other.span.end :])
                end = other.span.end + (after.end() if after else 0)
                if text[end : end + 1] in (",", "(") or text[end : end + 3] == " in":
                    continue
                break
            break


def resolve(reading: Reading, *, admin_keys: dict[str, str], actor_countries: tuple[str, ...] = ()) -> None:
    """Choose each toponym's entry, in context (sets `chosen` and `score`)."""
    votes = Counter(reading.votes)
    for cc in actor_countries:
        votes[cc] += 3.0
    # what the toponyms themselves say about the country: each gives one vote, spread by population
    for top in reading.toponyms:
        if not top.entries:
            continue
        weights = Counter[str]()
        for entry in top.entries:
            weights[entry.cc] += 1.0 + math.log10(1 + entry.pop)
        total = sum(weights.values())
        for cc, w in weights.items():
            votes[cc] += (1.5 if top.cued else 0.7) * w / total
    total_votes = sum(votes.values()) or 1.0
    keys = {t.key for t in reading.toponyms}
    for top in reading.toponyms:
        best, best_score = None, -math.inf
        for entry in top.entries:
            s = _score(entry, top, votes, total_votes, keys, admin_keys)
            if s > best_score:
                best, best_score = entry, s
        top.chosen, top.score = best, best_score


def _score(
    entry: Entry, top: Toponym, votes: Counter[str], total_votes: float, keys: set[str], admin_keys: dict[str, str]
) -> float:
    s = 4.0 * votes.get(entry.cc, 0.0) / total_votes + 0.35 * math.log10(2 + entry.pop)
    # admin names given beside the toponym ('X (A, B)'), or anywhere in the text
    context_keys = {c.key for c in top.context}
    for code in (entry.a1, entry.a2):
        if code:
            name = admin_keys.get(code)
            if name and name in context_keys:
                s += 4.0
            elif name and name in keys and name != top.key:
                s += 1.0
    if top.designator is not None:
        if top.designator == entry.level or (top.designator == 3 and entry.fclass == "P"):
            s += 1.5
        elif top.designator == 3 and entry.level < 3:
            s -= 0.5
    elif entry.fclass == "P":
        s += 0.6  # a bare name is a town before it is a region
    if entry.fcode in ("PPLC", "PPLA", "PPLA2"):
        s += 0.3
    if entry.fclass not in ("P", "A"):
        s -= 1.0
    return s


def admin_keys(gazetteer: Gazetteer) -> dict[str, str]:
    """Every admin code's folded bare name."""
    return {code: fold(bare_name(name)) for code, name in gazetteer.admins.items()}
