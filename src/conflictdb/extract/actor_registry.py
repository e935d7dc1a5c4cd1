"""The actor registry: the YAML files we write, and a fast longest-match index over their names.

Reads `conflictdb/data/actors/*.yaml`: named actors (one list per region), ACLED's generic actors
with a `{country}` placeholder (`generic.yaml`), countries with their adjectives and the local names
of their forces (`countries.yaml`), and ethnic groups and clans (`ethnic.yaml`). `Registry.match`
finds their names in a text, case-insensitively except for short acronyms, and widens each over the
words that belong to it ('Russian Wagner troops').
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# (ARMED_MEMBERS re-exported: other stages read it here)
from conflictdb.extract.actor_words import ARMED_MEMBERS as ARMED_MEMBERS
from conflictdb.extract.actor_words import MEMBER_NOUNS, MEMBER_PHRASES, PRE_MODIFIERS, SHOUTING_STOP
from conflictdb.models import Actor, Span

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# What the words usually say about an actor in an event.
NAMED, STATE, ARMED, ETHNIC, PARTY, GOVERNMENT = "named", "state", "armed", "ethnic", "party", "government"
VICTIM, GROUP, PROTESTER, RIOTER = "victim", "group", "protester", "rioter"
OBSERVER = "observer"  # a monitoring mission: never a party, but its reports are of one war's two sides
PERPETRATORS = (NAMED, STATE, ETHNIC, ARMED, PARTY)

CIVILIANS = "Civilians ({country})"
UNIDENTIFIED = "Unidentified Armed Group ({country})"
PROTESTERS = "Protesters ({country})"
RIOTERS = "Rioters ({country})"
POLICE = "Police Forces of {country}"
MILITARY = "Military Forces of {country}"

_TOKEN = re.compile(r"[^\W_]+")
# What may stand between two words of one name: 'Al-Shabaab', 'U.S.', 'People's', 'Boko  Haram', and the
# line wrap of a wire story that breaks a name over two lines (never a blank line between paragraphs).
_GAP = re.compile(r"[ \t\-'’./&()]{0,3}\Z|[ \t]*-?\r?\n[ \t]*\Z")
# Acronyms of forces that are also news agencies' ('AFP' is Agence France-Presse): kept only where the
# text names the force's country, or none.
_AGENCIES = frozenset(["AFP"])
_SHOUTING = 0.8  # share of capitals above which a text is all caps (wire stories), matched without case


def fold(word: str) -> str:
    """A word as the index keys it: lower case, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> tuple[str, ...]:
    return tuple(_key(m.group()) for m in _TOKEN.finditer(text))


def _key(word: str) -> str:
    """A word's index key; 'Peoples' and 'People's' are one word (the possessive 's' is dropped below)."""
    folded = fold(word)
    return "people" if folded == "peoples" else folded


def is_acronym(alias: str) -> bool:
    """Short names in capitals match only as written: 'ANA' is not 'Ana', 'LeT' is not 'let'."""
    letters = [c for c in alias if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    short = 0 < len(letters) <= 6 and " " not in alias.strip()
    return short and (upper == len(letters) or (upper >= 2 and letters[0].isupper()))


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor of the registry."""

    name: str  # ACLED's name; generic names hold '{country}'
    inter: int
    role: str = NAMED
    country: str | None = None
    period: tuple[int | None, int | None] = (None, None)  # years in which the name applies
    successor: str | None = None  # who takes the name's place after the period
    predecessor: str | None = None  # whose name the words had before the period ('Boko Haram' before 2015)
    operates: tuple[tuple[str, tuple[int | None, int | None]], ...] = ()  # years it operated, by country
    known: bool = True  # False: made from the text's words ('Auliyan ethnic militia'), not in the registry
    sides: tuple[str, ...] = ()  # an observer's: the two sides of the war it monitors
    unit: bool = False  # a unit of a state's forces ('... Military Police'), on its state's side, not a rival faction

    @property
    def generic(self) -> bool:
        return "{country}" in self.name

    def actor(self, words: str = "") -> Actor:
        return Actor(name=self.name, inter=self.inter, words=words, country=self.country, known=self.known)


@dataclass(frozen=True, slots=True)
class Match:
    """A registry name found in a text."""

    span: Span  # the name's own words ('Wagner')
    extent: Span  # with the words around it that belong to it ('Russian Wagner troops')
    entry: Entry
    words: str
    member: str = ""  # the word after the name that widened it ('militia' in 'Pokot militia'), folded


@dataclass(frozen=True, slots=True)
class _Alias:
    keys: tuple[str, ...]
    entries: tuple[Entry, ...]
    cased: tuple[str, ...] | None  # the exact words for acronyms


class Registry:
    """The actor registry and a longest-match index over its names."""

    def __init__(
        self,
        aliases: Iterable[tuple[str, Entry]],
        *,
        countries: Mapping[str, tuple[str, ...]],
        after_country: Iterable[tuple[str, Entry]] = (),
        weak: Iterable[tuple[str, Entry]] = (),
        regional: Mapping[str, tuple[frozenset[str], str, bool]] = {},
        local: Mapping[str, Mapping[str, str]] = {},
        homes: Mapping[str, tuple[tuple[str, tuple[int | None, int | None]], ...]] = {},
    ) -> None:
        self.aliases: tuple[tuple[str, Entry], ...] = tuple(aliases)
        # Names that are someone else's in another country ('Rangers', 'Maoists'): kept only where the
        # text names no country, or names the entry's own.
        self._weak = {(_words(alias), entry.name) for alias, entry in weak}
        # Names used in some countries only ('Unidentified Gang' in Latin America), with the name used elsewhere.
        self._regional = dict(regional)
        # ... and a name one country gives it ('Unidentified Gang and/or Police Militia' in Brazil)
        self._local = {name: dict(names) for name, names in local.items()}
        # Peoples whose militias ACLED names after their home country wherever they strike, with its years
        self._homes = dict(homes)
        self._last: tuple[str | None, list[Match]] = (None, [])
        self.entries: dict[str, Entry] = {}
        for _, entry in self.aliases:
            self.entries.setdefault(entry.name, entry)
        self._index = _index(self.aliases)
        self._after = _index(after_country)  # words that name forces only after a country: 'Afghan forces'
        # Country names and adjectives, which make a generic force or armed group a country's own.
        self._countries: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for country, names in countries.items():
            for name in names:
                keys = _words(name)
                if keys:
                    self._countries.setdefault(keys[0], []).append((keys, country))
        for candidates in self._countries.values():
            candidates.sort(key=lambda c: -len(c[0]))
        self.country_forms = {c: names[0] for c, names in countries.items()}
        self.country_names = {c: names[1:] for c, names in countries.items()}

    @classmethod
    def load(cls, directory: str | Path | None = None, *, extra_aliases: Mapping[str, str] | None = None) -> Registry:
        """Read the registry's YAML files; `extra_aliases` maps more words to canonical names."""
        from conflictdb.extract.actor_load import load  # (that module builds Registry objects: imported here)

        return load(Path(directory) if directory else DATA_DIR, tuple(sorted((extra_aliases or {}).items())))

    def is_weak(self, words: str, name: str) -> bool:
        """Whether `words` name `name` only weakly: a word that other countries' forces or groups share."""
        return (_words(words), name) in self._weak

    def country_of(self, words: str) -> str | None:
        """The country that `words` name in full ('Turkish', 'Burkina Faso'), if any."""
        keys = _words(words)
        return next((c for names, c in self._countries.get(keys[0], ()) if names == keys), None) if keys else None

    def dated(self, actor: Actor, year: int | None, country: str | None) -> Actor:
        """`actor` under the name it had in `year` in `country`: 'Wagner Group' in Mali after 2024 is its
        successor there, 'Africa Corps'; in a country where it still operates it keeps its name."""
        actor = self._at_home(actor, year, country)
        entry = self.entries.get(actor.name)
        if year is None or entry is None:
            return actor
        first = entry.period[0]
        if entry.predecessor in self.entries and first is not None and year < first:
            # 'Boko Haram' in 2014 is JAS, in 2016 'Boko Haram - Wilayat Gharb Ifriqiyyah', since then either faction
            before = self.entries[entry.predecessor]
            return self.dated(dataclasses.replace(actor, name=before.name, inter=before.inter), year, country)
        if entry.successor not in self.entries:
            return actor
        successor = self.entries[entry.successor]
        years = dict(entry.operates)
        last = years[country][1] if country in years else entry.period[1]
        if last is None or year <= last:
            return actor
        followed = dict(successor.operates)
        if followed and country not in followed:
            return actor  # the successor never took over there
        return dataclasses.replace(actor, name=successor.name, inter=successor.inter)

    def _at_home(self, actor: Actor, year: int | None, country: str | None) -> Actor:
        """A people's militia that crossed a border, under its home country: the Merrile, an Ethiopian people,
        raiding in Kenya are 'Merrile Ethnic Militia (Ethiopia)'; at home they are that country's."""
        homes = self._homes.get(actor.name, ())
        home = next((c for c, (first, last) in homes if year is None or _within(year, first, last)), None)
        if home is None or country is None or country in (c for c, _ in homes):
            return actor
        return dataclasses.replace(actor, name=actor.name.replace("{country}", home), country=home)

    def match(self, text: str) -> list[Match]:
        """Every registry name in `text`, longest first, left to right; one span may name several entries.

        The last text's matches are kept: event typing and the actor stage both read a document's."""
        if self._last[0] is not text:
            self._last = (text, self._match(text))
        return list(self._last[1])

    def _match(self, text: str) -> list[Match]:
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        keys = [_key(t[2]) for t in tokens]
        letters = [c for c in text if c.isalpha()]
        shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > _SHOUTING
        out: list[Match] = []
        named: set[str] | None = None  # the countries the text names, found when first needed
        unplaced: list[Match] = []  # weak names kept only because the text names no country
        i = 0
        while i < len(tokens):
            weak = False
            entries, end = self._country_force(text, tokens, keys, i, shouting)
            if entries:  # a unit's own name outranks its country's generic force: 'Turkish gendarmerie'
                own = _alias_at(self._index, text, tokens, keys, i, shouting)
                if own is not None and i + len(own.keys) >= end and all(not e.generic for e in own.entries):
                    entries = ()
            if not entries:
                found = _alias_at(self._index, text, tokens, keys, i, shouting)
                if found is None:
                    i += 1
                    continue
                entries, end = found.entries, i + len(found.keys)
                if any(e.name in self._regional for e in entries):
                    named = self._named_countries(text, tokens, keys) if named is None else named
                    entries = tuple(self._regional_entry(e, named) for e in entries)
                if any((found.keys, e.name) in self._weak for e in entries):
                    named = self._named_countries(text, tokens, keys) if named is None else named
                    entries = tuple(
                        e for e in entries if (found.keys, e.name) not in self._weak or not named or e.country in named
                    )
                    if not entries:
                        i += 1
                        continue
                    weak = not named and any((found.keys, e.name) in self._weak for e in entries)
            start = i
            i = end
            if start > 0 and keys[start - 1] == "anti" and _joined(text, tokens, start - 1, start + 1):
                continue  # 'anti-Houthi forces' are not Houthis
            also: list[Match] = []
            after = keys[end] if end < len(keys) else ""
            if (after == "of" and any(_templated(e) for e in entries)) or (
                after == "from" and any(_templated(e) and e.role == ARMED for e in entries)
            ):
                # 'military forces of India (and Pakistan)', 'raiders from Ethiopia': the country after them
                country, k = self._country_at(text, tokens, keys, end + 1)
                if country and _joined(text, tokens, end - 1, end + 1):
                    entries = tuple(_localized(e, country, self.country_forms) for e in entries if _templated(e))
                    end += 1 + k
                    other, n = self._country_at(text, tokens, keys, end + 1) if end < len(keys) else (None, 0)
                    # ... but 'raiders from Sudan and Kenyan police': the second country has its own force
                    own_force = bool(other) and _alias_at(self._index, text, tokens, keys, end + 1 + n, shouting)
                    if other and keys[end] == "and" and not own_force:
                        second = Span(tokens[end + 1][0], tokens[end + n][1])
                        also = [
                            Match(
                                span=second,
                                extent=second,
                                entry=_localized(e, other, self.country_forms),
                                words=second.of(text),
                            )
                            for e in found.entries  # type: ignore[union-attr]
                            if _templated(e)
                        ]
            if not shouting and start > 0 and any(e.name in _UNNAMED_MILITIAS for e in entries):
                named_militia, n = _named_militia(text, tokens, start, entries)
                if named_militia:  # 'Auliyan ethnic militia': a group the registry lacks, by its own name
                    entries, start = (named_militia,), start - n
            span = Span(tokens[start][0], tokens[end - 1][1])
            first, last = self._extend(text, tokens, keys, start, end, entries)
            if last > end and last < len(keys) and keys[last] == "from" and any(e.role == ETHNIC for e in entries):
                # 'Toposa raiders from Sudan': a people's armed men from across a border are of that country
                country, k = self._country_at(text, tokens, keys, last + 1)
                if country and "{country}" in entries[0].name:
                    entries = tuple(
                        dataclasses.replace(e, name=e.name.replace("{country}", country), country=country)
                        for e in entries
                    )
                    last += 1 + k
            extent = Span(tokens[first][0], tokens[last - 1][1])
            member = " ".join(keys[end:last])
            here = [Match(span=span, extent=extent, entry=e, words=span.of(text), member=member) for e in entries]
            out.extend(here)
            out.extend(also)
            if weak:
                unplaced.extend(here)
            i = max(last, end + (len(_words(also[0].words)) + 1 if also else 0))
        if unplaced:
            # a group of another country named in the text places it: 'Maoist "Shining Path" guerrillas' in
            # a Lima story are no Indian Maoists, though the story never names Peru
            elsewhere = {m.entry.country for m in out if m not in unplaced and not m.entry.generic and m.entry.country}
            if elsewhere:
                # ... yet 'police reservists' beside Al Shabaab are still police: of the country geocoding finds
                out = [
                    m if m not in unplaced or m.entry.country in elsewhere else self._unplaced(m)
                    for m in out
                    if m not in unplaced or m.entry.country in elsewhere or self._unplaced(m) is not m
                ]
        return out

    def _unplaced(self, match: Match) -> Match:
        """A weak name of one country's force that says what it is ('police reservists') as that force of
        whatever country the event is in, else the match itself."""
        entry = match.entry
        form = self.country_forms.get(entry.country or "", "")
        if entry.role != STATE or not form or not _FORCE_WORDS.search(match.words):
            return match
        for template in (POLICE, MILITARY):
            if entry.name == template.replace("{country}", form) and template in self.entries:
                return dataclasses.replace(match, entry=self.entries[template])
        return match

    def regional(self, actor: Actor, country: str | None) -> Actor:
        """`actor` under the name used in `country`, once geocoding knows it: 'Unidentified Armed Group
        ({country})' is 'Unidentified Gang ({country})' in Mexico, though the text never names Mexico."""
        if country is None:
            return actor
        actor = _tribal(self._foreign_unit(actor, country), country)
        if actor.name in self._regional:
            other = self._regional_entry(self.entries.get(actor.name, Entry(actor.name, actor.inter)), {country})
            if other.name != actor.name:
                actor = dataclasses.replace(actor, name=other.name, inter=other.inter)
        local = self._local.get(actor.name, {}).get(country)
        if local is not None:
            inter = self.entries[local].inter if local in self.entries else actor.inter
            actor = dataclasses.replace(actor, name=local, inter=inter, country=country)
        return actor

    def _foreign_unit(self, actor: Actor, country: str) -> Actor:
        """A unit of one country's forces named only by words that other countries' forces share ('military
        police officers'), in an event elsewhere: that country's force of the same kind, not Brazil's unit."""
        entry = self.entries.get(actor.name)
        if entry is None or not entry.unit or entry.country in (None, country):
            return actor
        if not self.is_weak(actor.words, actor.name):
            return actor
        form = self.country_forms.get(entry.country or "", "")
        for template in (MILITARY, POLICE):
            if form and actor.name.startswith(template.replace("{country}", form)):
                return dataclasses.replace(actor, name=template, inter=1, country=None)
        return actor

    def _regional_entry(self, entry: Entry, named: set[str]) -> Entry:
        if entry.name not in self._regional:
            return entry
        countries, other, inside = self._regional[entry.name]
        use_other = bool(named & countries) == inside
        return self.entries.get(other, entry) if use_other else entry

    def _named_countries(self, text: str, tokens: list[tuple[int, int, str]], keys: list[str]) -> set[str]:
        found = (self._country_at(text, tokens, keys, i)[0] for i in range(len(tokens)))
        return {c for c in found if c}

    def _country_force(
        self, text: str, tokens: list[tuple[int, int, str]], keys: list[str], i: int, shouting: bool
    ) -> tuple[tuple[Entry, ...], int]:
        """'Kenyan police', 'Ethiopian bandits': a generic force or armed group of a named country."""
        country, k = self._country_at(text, tokens, keys, i)
        if not country:
            return (), i
        best: tuple[tuple[Entry, ...], int] = ((), i)
        for index in (self._index, self._after):
            found = _alias_at(index, text, tokens, keys, i + k, shouting)
            if found is None or i + k + len(found.keys) <= best[1]:
                continue
            entries = tuple(_localized(e, country, self.country_forms) for e in found.entries if _templated(e))
            if entries:
                best = (entries, i + k + len(found.keys))
        # (not a country named as a place: 'raiders from Sudan and Kenyan police')
        placed = i > 0 and keys[i - 1] in _PLACE_WORDS
        if not best[0] and not placed and i + k + 1 < len(keys) and keys[i + k] in ("and", "or"):
            # 'Indian and Pakistani troops': the force word after the second country is the first's too
            other, n = self._country_at(text, tokens, keys, i + k + 1)
            for index in (self._index, self._after) if other and other != country else ():
                found = _alias_at(index, text, tokens, keys, i + k + 1 + n, shouting)
                shared = found.entries if found else ()
                entries = tuple(_localized(e, country, self.country_forms) for e in shared if _templated(e))
                if entries:
                    return entries, i + k
        return best

    def _country_at(
        self, text: str, tokens: list[tuple[int, int, str]], keys: list[str], i: int
    ) -> tuple[str | None, int]:
        if i >= len(keys):
            return None, 0
        for names, country in self._countries.get(keys[i], ()):
            n = len(names)
            if tuple(keys[i : i + n]) == names and _joined(text, tokens, i, i + n + 1):
                return country, n
        return None, 0

    def _extend(
        self,
        text: str,
        tokens: list[tuple[int, int, str]],
        keys: list[str],
        start: int,
        end: int,
        entries: tuple[Entry, ...],
    ) -> tuple[int, int]:
        """Widen a match over words that belong to the name, for named and ethnic actors only."""
        if not any(e.role in (NAMED, ETHNIC, PARTY) or e.unit for e in entries):
            return start, end
        for extra in MEMBER_PHRASES:
            n = len(extra)
            if tuple(keys[end : end + n]) == extra and _joined(text, tokens, end - 1, end + n):
                end += n
                break
        else:
            if end < len(tokens) and keys[end] in MEMBER_NOUNS and _joined(text, tokens, end - 1, end + 1):
                end += 1
        if start > 0 and _joined(text, tokens, start - 1, start + 1):
            country, _ = self._country_at(text, tokens, keys, start - 1)
            if keys[start - 1] in PRE_MODIFIERS or country:
                start -= 1
        return start, end


def _index(aliases: Iterable[tuple[str, Entry]]) -> dict[str, list[_Alias]]:
    grouped: dict[tuple[tuple[str, ...], tuple[str, ...] | None], list[Entry]] = {}
    for alias, entry in aliases:
        keys = _words(alias)
        if not keys:
            continue
        cased = tuple(m.group() for m in _TOKEN.finditer(alias)) if is_acronym(alias) else None
        bucket = grouped.setdefault((keys, cased), [])
        if entry not in bucket:
            bucket.append(entry)
    index: dict[str, list[_Alias]] = {}
    for (keys, cased), entries in grouped.items():
        index.setdefault(keys[0], []).append(_Alias(keys, tuple(entries), cased))
    for candidates in index.values():
        candidates.sort(key=lambda a: -len(a.keys))
    return index


def _alias_at(
    index: Mapping[str, list[_Alias]],
    text: str,
    tokens: list[tuple[int, int, str]],
    keys: list[str],
    i: int,
    shouting: bool,
) -> _Alias | None:
    if i >= len(keys):
        return None
    for alias in index.get(keys[i], ()):
        n = len(alias.keys)
        if tuple(keys[i : i + n]) != alias.keys or not _joined(text, tokens, i, i + n):
            continue
        if alias.cased and not shouting and tuple(t[2] for t in tokens[i : i + n]) != alias.cased:
            continue
        if alias.cased and shouting and (len("".join(alias.keys)) < 3 or "".join(alias.keys) in SHOUTING_STOP):
            continue
        return alias
    return None


def _joined(text: str, tokens: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether tokens first..last-1 are one phrase: nothing but spaces and joiners between them."""
    last = min(last, len(tokens))
    return all(_GAP.match(text[tokens[j - 1][1] : tokens[j][0]]) for j in range(first + 1, last))


# Words before a country's name that make it a place, not a force's or a people's adjective.
_PLACE_WORDS = frozenset({"from", "in", "into", "of", "to", "at", "near", "across", "inside", "within"})
# Words that name a state force by what it is, whatever the country: 'police reservists', 'army rangers'.
_FORCE_WORDS = re.compile(r"\b(?:police\w*|army|military|soldiers?|troops)\b", re.IGNORECASE)
_UNNAMED_MILITIAS = {
    "Unidentified Ethnic Militia ({country})": "Ethnic Militia",
    "Unidentified Clan Militia ({country})": "Clan Militia",
    "Unidentified Communal Militia ({country})": "Communal Militia",
}
# Capitalised words before 'ethnic militia' that are not a group's name.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "suspected",
        "armed",
        "unidentified",
        "unknown",
        "local",
        "rival",
        "two",
        "some",
        "other",
        "several",
    ]
)


# Words that begin an Arab tribe's name ('Al Awad', 'Bani Ali'): ACLED keeps them in the militia's name.
_TRIBE_PREFIXES = frozenset(["al", "bani", "beni", "albu", "ahl", "awlad", "ouled"])
# Countries where ACLED names a tribe's armed men a 'Tribal Militia' ('Al Awad Tribal Militia (Yemen)',
# 'Unidentified Tribal Militia (Syria)'), where elsewhere a people's are an 'Ethnic Militia'.
_TRIBAL = frozenset(["Yemen", "Syria", "Iraq", "Afghanistan"])


def _named_militia(
    text: str, tokens: list[tuple[int, int, str]], start: int, entries: tuple[Entry, ...]
) -> tuple[Entry | None, int]:
    """The group the capitalised word before 'ethnic militia' names, and how many words its name has."""
    word = tokens[start - 1][2]
    if not (word[:1].isupper() and word.isalpha() and word.lower() not in _NOT_NAMES):
        return None, 0
    if not _joined(text, tokens, start - 1, start + 1):
        return None, 0
    n = 1
    before = tokens[start - 2][2] if start > 1 else ""
    if before.lower() in _TRIBE_PREFIXES and _joined(text, tokens, start - 2, start):
        word, n = f"{before[:1].upper()}{before[1:]} {word}", 2  # 'Al Bujayri tribesmen'
    kind = next(_UNNAMED_MILITIAS[e.name] for e in entries if e.name in _UNNAMED_MILITIAS)
    return Entry(name=f"{word} {kind} ({{country}})", inter=4, role=ETHNIC, known=False), n


def _tribal(actor: Actor, country: str) -> Actor:
    """A tribe's unnamed or unregistered militia under ACLED's name for it where it names tribes' militias so."""
    unlisted = not actor.known or actor.name.startswith("Unidentified ")
    if country in _TRIBAL and unlisted and actor.name.endswith(" Ethnic Militia ({country})"):
        return dataclasses.replace(actor, name=actor.name.replace(" Ethnic Militia (", " Tribal Militia ("))
    return actor


def _templated(entry: Entry) -> bool:
    """A generic force or armed group that a country's name makes concrete."""
    return entry.role in (STATE, ARMED) and entry.country is None and "{country}" in entry.name


def _localized(entry: Entry, country: str, forms: Mapping[str, str]) -> Entry:
    name = entry.name.replace("{country}", forms.get(country, country))
    return Entry(name=name, inter=entry.inter, role=entry.role, country=country)


def _within(year: int, first: int | None, last: int | None) -> bool:
    return (first is None or first <= year) and (last is None or year <= last)
