"""Actors: the registry we write, its names found in a text, and who did what to whom in an event.

Reads the YAML files in `conflictdb/data/actors/`: named actors (one list per region), ACLED's generic
actors with a `{country}` placeholder (`generic.yaml`), countries with their adjectives and the local
names of their forces (`countries.yaml`), and ethnic groups and clans (`ethnic.yaml`).

`ActorFinder.roles` sets an event's actor1, assoc_actor_1, actor2 and assoc_actor_2, each with the
spans of the words that name it; an actor missing from the registry keeps its words, with
`known=False`, and is never dropped.
"""

from __future__ import annotations

import collections
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conflictdb.errors import ConfigError
from conflictdb.models import Actor, Span

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# What the words usually say about an actor in an event.
NAMED, STATE, ARMED, ETHNIC, PARTY, GOVERNMENT = "named", "state", "armed", "ethnic", "party", "government"
VICTIM, GROUP, PROTESTER, RIOTER = "victim", "group", "protester", "rioter"
PERPETRATORS = (NAMED, STATE, ETHNIC, ARMED, PARTY)

CIVILIANS = "Civilians ({country})"
UNIDENTIFIED = "Unidentified Armed Group ({country})"
PROTESTERS = "Protesters ({country})"
RIOTERS = "Rioters ({country})"
POLICE = "Police Forces of {country}"
MILITARY = "Military Forces of {country}"

_TOKEN = re.compile(r"[^\W_]+")
# What may stand between two words of one name: 'Al-Shabaab', 'U.S.', 'People's', 'Boko  Haram'.
_GAP = re.compile(r"[ \t\-'’./&()]{0,3}\Z")
# Words after a name that still belong to it: 'Wagner mercenaries', 'Taliban fighters'.
_MEMBER_NOUNS = frozenset(
    """troops troop forces force fighters fighter militants militant mercenaries mercenary soldiers soldier
    members member insurgents insurgent rebels rebel gunmen gunman operatives operative elements element
    militia militias militiamen jihadists jihadist terrorists terrorist group groups guerrillas guerrilla
    commandos commando cadres cadre loyalists loyalist supporters supporter activists activist men personnel
    units unit contractors contractor paramilitaries paramilitary instructors youths youth cells cell column
    columns squad squads faction factions wing army raiders warriors herders bandits attackers assailants tribe
    tribesmen clansmen clan community communities morans moran rustlers herdsmen
    combatants affiliates followers partisans workers officials leaders leader commander commanders
    """.split()
)
# Words before a name that still belong to it: 'Russian Wagner troops', 'suspected Al Shabaab militants'.
_PRE_MODIFIERS = frozenset("suspected alleged armed heavily presumed purported self-proclaimed".split())
# Words after an ethnic group's name that make its men an armed party: 'Pokot raiders', not 'Hazara men'.
_ARMED_MEMBERS = frozenset(
    """militia militias militiamen fighters fighter gunmen gunman raiders raider warriors youths youth attackers
    assailants bandits rustlers morans moran herdsmen militants insurgents rebels guerrillas tribesmen
    clansmen group groups gang gangs""".split()
) | {"ethnic militia", "ethnic militias", "ethnic militiamen", "clan militia", "clan militias", "clan militiamen",
     "communal militia", "tribal militia", "armed men"}
_MEMBER_PHRASES = tuple(
    tuple(p.split())
    for p in ("ethnic militia", "ethnic militias", "ethnic militiamen", "clan militia", "clan militias", "clan militiamen",
              "communal militia", "tribal militia", "ethnic group", "community members", "tribe members", "armed men")
)
_SHOUTING = 0.8  # share of capitals above which a text is all caps (wire stories), matched without case
# Acronyms that an all-caps text uses as words, or too short to trust there.
_SHOUTING_STOP = frozenset("ant cam fact fan mit pac pad sad sac tip ism iss nas das tak jad jas sas rab cid inc esa mas let".split())


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


def _is_acronym(alias: str) -> bool:
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
    known: bool = True  # False: made from the text's words ('Auliyan ethnic militia'), not in the registry

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
class Roles:
    """The actors of one event, with the spans that name each of them."""

    actor1: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    actor2: Actor | None = None
    assoc_actor_2: tuple[Actor, ...] = ()
    evidence: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)


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
    ) -> None:
        self.aliases: tuple[tuple[str, Entry], ...] = tuple(aliases)
        # Names that are someone else's in another country ('Rangers', 'Maoists'): kept only where the
        # text names no country, or names the entry's own.
        self._weak = {(_words(alias), entry.name) for alias, entry in weak}
        # Names used in some countries only ('Unidentified Gang' in Latin America), with the name used elsewhere.
        self._regional = dict(regional)
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
        return _load(Path(directory) if directory else DATA_DIR, tuple(sorted((extra_aliases or {}).items())))

    def country_of(self, words: str) -> str | None:
        """The country that `words` name in full ('Turkish', 'Burkina Faso'), if any."""
        keys = _words(words)
        return next((c for names, c in self._countries.get(keys[0], ()) if names == keys), None) if keys else None

    def match(self, text: str) -> list[Match]:
        """Every registry name in `text`, longest first, left to right; one span may name several entries."""
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        keys = [_key(t[2]) for t in tokens]
        letters = [c for c in text if c.isalpha()]
        shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > _SHOUTING
        out: list[Match] = []
        named: set[str] | None = None  # the countries the text names, found when first needed
        i = 0
        while i < len(tokens):
            entries, end = self._country_force(text, tokens, keys, i, shouting)
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
            start = i
            i = end
            if start > 0 and keys[start - 1] == "anti" and _joined(text, tokens, start - 1, start + 1):
                continue  # 'anti-Houthi forces' are not Houthis
            also: list[Match] = []
            if end < len(keys) and keys[end] == "of" and any(_templated(e) for e in entries):
                # 'military forces of India (and Pakistan)': the country after the force
                country, k = self._country_at(text, tokens, keys, end + 1)
                if country and _joined(text, tokens, end - 1, end + 1):
                    entries = tuple(_localized(e, country, self.country_forms) for e in entries if _templated(e))
                    end += 1 + k
                    other, n = self._country_at(text, tokens, keys, end + 1) if end < len(keys) else (None, 0)
                    if other and keys[end] == "and":
                        second = Span(tokens[end + 1][0], tokens[end + n][1])
                        also = [
                            Match(span=second, extent=second, entry=_localized(e, other, self.country_forms), words=second.of(text))
                            for e in found.entries  # type: ignore[union-attr]
                            if _templated(e)
                        ]
            if not shouting and start > 0 and any(e.name in _UNNAMED_MILITIAS for e in entries):
                named_militia = _named_militia(text, tokens, start, entries)
                if named_militia:  # 'Auliyan ethnic militia': a group the registry lacks, by its own name
                    entries, start = (named_militia,), start - 1
            span = Span(tokens[start][0], tokens[end - 1][1])
            first, last = self._extend(text, tokens, keys, start, end, entries)
            extent = Span(tokens[first][0], tokens[last - 1][1])
            member = " ".join(keys[end:last])
            out.extend(Match(span=span, extent=extent, entry=e, words=span.of(text), member=member) for e in entries)
            out.extend(also)
            i = max(last, end + (len(_words(also[0].words)) + 1 if also else 0))
        return out

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
        return best

    def _country_at(
        self, text: str, tokens: list[tuple[int, int, str]], keys: list[str], i: int
    ) -> tuple[str | None, int]:
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
        if not any(e.role in (NAMED, ETHNIC, PARTY) for e in entries):
            return start, end
        for extra in _MEMBER_PHRASES:
            n = len(extra)
            if tuple(keys[end : end + n]) == extra and _joined(text, tokens, end - 1, end + n):
                end += n
                break
        else:
            if end < len(tokens) and keys[end] in _MEMBER_NOUNS and _joined(text, tokens, end - 1, end + 1):
                end += 1
        if start > 0 and _joined(text, tokens, start - 1, start + 1):
            country, _ = self._country_at(text, tokens, keys, start - 1)
            if keys[start - 1] in _PRE_MODIFIERS or country:
                start -= 1
        return start, end


def _index(aliases: Iterable[tuple[str, Entry]]) -> dict[str, list[_Alias]]:
    grouped: dict[tuple[tuple[str, ...], tuple[str, ...] | None], list[Entry]] = {}
    for alias, entry in aliases:
        keys = _words(alias)
        if not keys:
            continue
        cased = tuple(m.group() for m in _TOKEN.finditer(alias)) if _is_acronym(alias) else None
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
    index: Mapping[str, list[_Alias]], text: str, tokens: list[tuple[int, int, str]], keys: list[str], i: int, shouting: bool
) -> _Alias | None:
    if i >= len(keys):
        return None
    for alias in index.get(keys[i], ()):
        n = len(alias.keys)
        if tuple(keys[i : i + n]) != alias.keys or not _joined(text, tokens, i, i + n):
            continue
        if alias.cased and not shouting and tuple(t[2] for t in tokens[i : i + n]) != alias.cased:
            continue
        if alias.cased and shouting and (len("".join(alias.keys)) < 3 or "".join(alias.keys) in _SHOUTING_STOP):
            continue
        return alias
    return None


def _joined(text: str, tokens: list[tuple[int, int, str]], first: int, last: int) -> bool:
    """Whether tokens first..last-1 are one phrase: nothing but spaces and joiners between them."""
    last = min(last, len(tokens))
    return all(_GAP.match(text[tokens[j - 1][1] : tokens[j][0]]) for j in range(first + 1, last))


_UNNAMED_MILITIAS = {
    "Unidentified Ethnic Militia ({country})": "Ethnic Militia",
    "Unidentified Clan Militia ({country})": "Clan Militia",
    "Unidentified Communal Militia ({country})": "Communal Militia",
}
# Capitalised words before 'ethnic militia' that are not a group's name.
_NOT_NAMES = frozenset("the a an suspected armed unidentified unknown local rival two some other several".split())


def _named_militia(text: str, tokens: list[tuple[int, int, str]], start: int, entries: tuple[Entry, ...]) -> Entry | None:
    word = tokens[start - 1][2]
    if not (word[:1].isupper() and word.isalpha() and word.lower() not in _NOT_NAMES):
        return None
    if not _joined(text, tokens, start - 1, start + 1):
        return None
    kind = next(_UNNAMED_MILITIAS[e.name] for e in entries if e.name in _UNNAMED_MILITIAS)
    return Entry(name=f"{word} {kind} ({{country}})", inter=4, role=ETHNIC, known=False)


def _templated(entry: Entry) -> bool:
    """A generic force or armed group that a country's name makes concrete."""
    return entry.role in (STATE, ARMED) and entry.country is None and "{country}" in entry.name


def _localized(entry: Entry, country: str, forms: Mapping[str, str]) -> Entry:
    name = entry.name.replace("{country}", forms.get(country, country))
    return Entry(name=name, inter=entry.inter, role=entry.role, country=country)


def _period(value: Any) -> tuple[int | None, int | None]:
    if not value:
        return (None, None)
    first, _, last = str(value).partition("-")
    return (int(first) if first.strip() else None, int(last) if last.strip() else None)


def _inter_of(name: str) -> int:
    """An inter code guessed from an ACLED-style name, for actors learned from a user's data."""
    lowered = name.lower()
    for words, inter in (
        (("military forces", "police forces", "government of"), 1),
        (("protesters",), 6),
        (("rioters",), 5),
        (("civilians",), 7),
        (("ethnic militia", "communal militia", "clan militia", "ethnic group", "vigilante"), 4),
        (("militia", "unidentified armed group", "gang"), 3),
        (("united nations", "private security", "mission"), 8),
    ):
        if any(w in lowered for w in words):
            return inter
    return 2


def _variants(word: str) -> tuple[str, ...]:
    """A generic word with its other number: 'militia' and 'militias', 'gunmen' stays as it is."""
    if word.endswith(("men", "people", "police", "youth", "military", "army", "staff", "personnel")):
        return (word,)
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return (word, word[:-1])
    return (word, word + "s")


@functools.lru_cache(maxsize=4)
def _load(directory: Path, extra: tuple[tuple[str, str], ...]) -> Registry:
    if not directory.is_dir():
        raise ConfigError(f"actor registry not found: {directory}", hint="reinstall conflictdb")
    aliases: list[tuple[str, Entry]] = []
    after: list[tuple[str, Entry]] = []
    weak: list[tuple[str, Entry]] = []
    regional: dict[str, tuple[frozenset[str], str, bool]] = {}
    by_name: dict[str, Entry] = {}

    def add(entry: Entry, words: Iterable[str]) -> None:
        entry = by_name.setdefault(entry.name, entry)
        aliases.extend((w, entry) for w in words)

    countries: dict[str, tuple[str, ...]] = {}
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "countries.yaml":
            for country, info in data.items():
                form = info.get("form", country)
                countries[country] = (form, country, *info.get("names", ()), *info.get("adj", ()))
                own = {w for name in countries[country] for w in _words(name)}
                for key, template in (("military", MILITARY), ("police", POLICE)):
                    entry = Entry(name=template.replace("{country}", form), inter=1, role=STATE, country=country)
                    add(entry, info.get(key, ()))
                    # 'Rangers', 'Military Police': other countries have them too, unlike 'KDF' or 'Malian army'
                    weak.extend((a, entry) for a in info.get(key, ()) if not _is_acronym(a) and not own & set(_words(a)))
        elif path.name == "ethnic.yaml":
            for info in data.values():
                for kind, suffix in (("ethnic", "Ethnic Militia"), ("clans", "Clan Militia")):
                    for group in info.get(kind, ()):
                        names = [group] if isinstance(group, str) else group
                        plurals = [f"{n}s" for n in names if not n.endswith("s")]  # 'Fulanis', 'Maasais'
                        add(Entry(name=f"{names[0]} {suffix} ({{country}})", inter=4, role=ETHNIC), names + plurals)
        else:
            for item in data or ():
                entry = Entry(
                    name=item["name"],
                    inter=int(item["inter"]),
                    role=item.get("role", NAMED),
                    country=item.get("country"),
                    period=_period(item.get("period")),
                    successor=item.get("successor"),
                )
                words = [v for w in item.get("words", ()) for v in _variants(w)] + list(item.get("aliases", ()))
                if entry.role in (NAMED, PARTY) and "{country}" not in entry.name:
                    words.append(entry.name)
                    if ": " in entry.name:  # 'JNIM: Group for ...': both parts name it, unless the acronym is short
                        short, full = entry.name.split(": ", 1)
                        words.extend([short, full] if len(short) > 2 and short not in item.get("weak", ()) else [full])
                add(entry, words)
                weak.extend((w, by_name[entry.name]) for w in item.get("weak", ()))
                if item.get("only_in"):  # 'otherwise': the name outside those countries; 'use': the name inside
                    other, inside = (item["use"], True) if "use" in item else (item["otherwise"], False)
                    regional[entry.name] = (frozenset(item["only_in"]), other, inside)
                add(entry, item.get("weak", ()))
                after.extend((v, by_name[entry.name]) for w in item.get("after_country", ()) for v in _variants(w))
    for alias, name in extra:
        role = ETHNIC if re.search(r"(?:ethnic|communal|clan) militia", name, re.IGNORECASE) else NAMED
        entry = by_name.get(name) or Entry(name=name, inter=_inter_of(name), role=role)
        add(entry, [alias])
    return Registry(aliases, countries=countries, after_country=after, weak=weak, regional=regional)


# ---------------------------------------------------------------- roles: who did what to whom

_VERB_POS = ("VERB", "AUX")
# Generic words that refer back to a group named before: 'the guerrillas', 'the militants'.
_ANAPHORIC = frozenset(
    """guerrillas guerrilla rebels rebel insurgents insurgent militants militant terrorists terrorist jihadists
    jihadist subversives subversive extremists extremist fighters fighter group""".split()
)
# Words after a force's name that make it a place or a voice, not a party to the event.
_NOT_ACTING = frozenset(
    """station stations post posts camp camps headquarters barracks custody checkpoint lines academy hospital
    quarters office offices chief commissioner spokesman spokesperson spokeswoman sources source report
    reports statement officials vehicle vehicles uniform uniforms""".split()
) | {"state", "county", "district", "region", "province", "township", "village", "villages", "area", "areas"}
_NOT_A_PARTY = _NOT_ACTING - {"station", "stations", "post", "posts", "camp", "camps", "headquarters", "barracks",
                              "checkpoint", "lines", "academy", "quarters", "office", "offices", "vehicle", "vehicles"}
_WORD_AFTER = re.compile(r"\W{0,3}(\w+)")
_FIGHT = re.compile(r"\b(?:clash\w*|fight\w*|rival\w*|between|brawl\w*|scuffle\w*|fought|confrontation\w*)\b", re.I)
# A group's claim after its name: 'RPF has claimed the blast'.
_CLAIMED = re.compile(r"\W{0,3}(?:\w+\s){0,2}?(?:has |have |had )?(?:claimed|claims|admitted|owned up)\b", re.I)
# Words that make an organisation's name an armed or political group's ('... Liberation Front').
_GROUP_WORDS = re.compile(
    r"\b(?:front|army|movement|militia|brigades?|battalion|group|forces?|party|league|council|alliance|"
    r"organi[sz]ation|commando|squad|cartel|gang|network|jihad|mujahideen|liberation|resistance|guards?|"
    r"division|corps|rebels?|tigers|union|coalition|islamic|ansar|jaish|lashkar|katiba|jama'?at)\b",
    re.IGNORECASE,
)
# Words before a name that identify a generic doer with it: 'believed to be', 'suspected'.
_IDENTIFIED = re.compile(
    r"\b(?:believed|suspected|thought|alleged(?:ly)?|identified|linked|affiliated|belonging|loyal|blamed|"
    r"claimed|accused|members? of|responsibility)\b[^.;!?]{0,30}$",
    re.IGNORECASE,
)
_TARGET_PREPS = frozenset("on upon against at targeting of into".split())
# Verbs whose passive subject did what follows ('troops are accused of executing ...').
_BLAME_VERBS = frozenset(
    "accuse blame suspect charge hold believe say report allege think see witness hear find catch spot observe".split()
)
_PHRASE_DEPS = frozenset("prep appos compound nmod amod acl nummod quantmod poss det".split())
_PHRASE_PREPS = frozenset("of from belonging loyal affiliated linked including".split())
_FORCE_WORDS = frozenset("police policemen officers army military soldiers troops forces".split())
_PATTERN_FORCES = ("army", "military", "soldiers", "troops", "forces", "security forces", "police", "policemen")


@dataclass(frozen=True, slots=True)
class _Arguments:
    agents: tuple[Any, ...]  # spaCy tokens heading the doer's phrase, best first
    patients: tuple[Any, ...]  # ... the target's
    partners: tuple[Any, ...]  # the other side in 'X and Y clashed', 'clashes between X and Y'


class ActorFinder:
    """Finds the actors of an event in a text, with the registry and the dependency parse."""

    def __init__(self, *, extra_aliases: Mapping[str, str] | None = None) -> None:
        self.registry = Registry.load(extra_aliases=extra_aliases)
        self._last: tuple[str, list[Match]] = ("", [])

    def matches(self, text: str) -> list[Match]:
        """Registry names in `text` (the last text's are kept, as one document has many events)."""
        if self._last[0] != text or not text:
            self._last = (text, self.registry.match(text))
        return self._last[1]

    def patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns, label 'ACTOR', id the canonical name: named actors and state forces."""
        return _patterns(self.registry)

    def roles(self, text: str, *, spacy_doc: Any, trigger: Any, event_type: str, sub_event_type: str) -> Roles:
        """actor1, assoc_actor_1, actor2 and assoc_actor_2 of the event whose trigger word is `trigger`.

        `trigger` is a spaCy Span or Token of `spacy_doc`, or a `Span` of character offsets.
        """
        matches = self.matches(text)
        token = _trigger_token(spacy_doc, trigger)
        sent = token.sent if token is not None else None
        in_sent = [m for m in matches if sent is None or sent.start_char <= m.span.start < sent.end_char]
        args = _arguments(token) if token is not None else _Arguments((), (), ())
        agents = _pick(args.agents, matches)
        patients = _pick(args.patients, matches)
        partners = _pick(args.partners, matches)
        unknown = _unknown(args.agents, spacy_doc, matches, text, self.registry)
        start = token.idx if token is not None else len(text)
        cast = _Cast(text, start, matches, in_sent, agents, patients, partners, unknown)
        return cast.decide(event_type, sub_event_type)


@dataclass
class _Cast:
    """The candidates for each role, and ACLED's rules for each event type."""

    text: str
    trigger: int  # where the trigger word starts
    matches: list[Match]
    in_sent: list[Match]
    agents: list[Match]
    patients: list[Match]
    partners: list[Match]
    unknown: Actor | None

    def decide(self, event_type: str, sub_event_type: str) -> Roles:
        first = _first
        doers = [m for m in self.agents if m.entry.role in PERPETRATORS]
        # beyond the parse, only what names an armed actor by itself: not 'the Hazara men' who were killed
        near = [m for m in self.in_sent if _armed(m) and m not in self.patients and _acting(self.text, m)]
        anywhere = [m for m in self.matches if _armed(m) and m not in self.patients and _acting(self.text, m)]
        m1 = m2 = None
        a1: Actor | None = None
        a2: Actor | None = None
        assoc1: list[Match] = []
        assoc2: list[Match] = []
        if event_type in ("Protests", "Riots"):
            protest = event_type == "Protests"
            a1 = _generic(PROTESTERS, 6) if protest else _generic(RIOTERS, 5)
            m1 = first(self.agents + self.in_sent, (PROTESTER, RIOTER))
            assoc1 = [m for m in self.agents + self.in_sent if m.entry.role in (GROUP, PARTY)]
            acting = [m for m in self.patients + self.partners + self.in_sent + self.matches if _acting(self.text, m)]
            state = first(acting, (STATE,))
            if sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
                m2 = state
                a2 = state.entry.actor(state.words) if state else _generic(POLICE, 1)
            elif not protest:
                sentence = self.text[self.in_sent[0].span.start if self.in_sent else 0 : self.trigger + 80]
                fight = bool(_FIGHT.search(sentence))  # 'supporters of rival candidates clashed'
                roles = (STATE, NAMED, PARTY, ARMED, ETHNIC, VICTIM, RIOTER, PROTESTER, GROUP)
                targets = [m for m in self.patients + self.partners if _acting(self.text, m, target=True)]
                if sub_event_type == "Mob violence":  # a mob's target first, then the police
                    m2 = first(targets, roles) or state
                else:  # a violent demonstration: the police it fought, then its target
                    m2 = first(targets + self.agents + self.in_sent, (STATE,)) or state or first(targets, roles)
                if m2 is not None and m2.entry.role == STATE:
                    a2 = m2.entry.actor(m2.words)
                elif fight and (m2 is None or m2.entry.role in (PARTY, GROUP, RIOTER, PROTESTER, ETHNIC)):
                    a2 = _generic(RIOTERS, 5)  # two crowds fighting each other
                elif m2 is not None and m2.entry.role in (VICTIM, ARMED, PARTY, GROUP, ETHNIC):
                    a2 = _generic(CIVILIANS, 7)  # 'mob lynches robbery suspect', 'attacked an MP's house'
                elif m2 is not None:
                    a2 = m2.entry.actor(m2.words)
                elif sub_event_type == "Mob violence":
                    m2 = first(self.in_sent, (VICTIM,))
                    a2 = _generic(CIVILIANS, 7)  # a mob's victims are civilians, named or not
        elif event_type == "Violence against civilians":
            m1 = _resolved(self, first(doers + near + anywhere, PERPETRATORS))
            a1 = _side(m1) if m1 else (self.unknown or _generic(UNIDENTIFIED, 3))
            if self.unknown and (m1 is None or m1 not in doers):
                a1, m1 = self.unknown, None
            a2, m2 = _generic(CIVILIANS, 7), first(self.patients, (VICTIM, GROUP)) or first(self.in_sent, (VICTIM,))
        elif event_type == "Strategic developments":
            m1 = first(doers + near, PERPETRATORS)
            a1 = m1.entry.actor(m1.words) if m1 else self.unknown
            if a1 is None and sub_event_type == "Arrests":
                a1 = _generic(POLICE, 1)
            m2 = first(self.patients, PERPETRATORS + (GROUP, PROTESTER, RIOTER, VICTIM))
            a2 = _side(m2) if m2 else None
        else:  # Battles, Explosions/Remote violence
            candidates = near + anywhere
            if event_type.startswith("Explosions") and sub_event_type not in ("Air/drone strike", "Shelling/artillery/missile attack"):
                # a bomb's doer is seldom the state: soldiers near a blast are its targets
                candidates = [m for m in candidates if m.entry.role != STATE]
            m1 = _resolved(self, first(doers + candidates, PERPETRATORS))
            if self.unknown and (m1 is None or m1 not in doers):
                a1, m1 = self.unknown, None
            elif m1:
                a1 = _side(m1)
            elif sub_event_type == "Air/drone strike":
                a1 = _generic(MILITARY, 1)
            else:
                a1 = _generic(UNIDENTIFIED, 3)
            others = [m for m in self.partners + self.patients if m.entry.role in PERPETRATORS and _acting(self.text, m, target=True)]
            others += near + anywhere
            others = [m for m in others if m1 is None or m.span != m1.span]  # one name, two readings: one side
            m2 = next((m for m in others if not _same_side(_side(m), a1)), None)
            m2 = _resolved(self, m2, other=a1)
            if m2:
                a2 = _side(m2)
            elif event_type == "Battles":
                a2 = _generic(UNIDENTIFIED, 3) if a1 is None or a1.name != UNIDENTIFIED else None
            else:
                m2 = first(self.patients, (VICTIM,)) or first(self.in_sent, (VICTIM,))
                a2 = _generic(CIVILIANS, 7) if m2 else None
        if a2 is not None and a2.name == CIVILIANS:
            assoc2 = [m for m in self.patients if m.entry.role in (GROUP, ETHNIC)]
        assoc_1 = _distinct(_as_assoc(m) for m in assoc1)
        assoc_2 = _distinct(_as_assoc(m) for m in assoc2)
        return Roles(
            actor1=_with_words(a1, m1),
            assoc_actor_1=tuple(a for a in assoc_1 if a1 is None or a.name != a1.name),
            actor2=_with_words(a2, m2),
            assoc_actor_2=tuple(a for a in assoc_2 if a2 is None or a.name != a2.name),
            evidence={
                "actor1": self._evidence(a1, m1),
                "assoc_actor_1": self._assoc_evidence(assoc_1),
                "actor2": self._evidence(a2, m2),
                "assoc_actor_2": self._assoc_evidence(assoc_2),
            },
        )

    def _evidence(self, actor: Actor | None, match: Match | None) -> tuple[Span, ...]:
        if actor is None:
            return ()
        pool = self.in_sent if actor.generic else self.matches
        spans = [m.extent for m in pool if _side(m).name == actor.name or m.entry.name == actor.name]
        if match is not None:
            spans.append(match.extent)
        return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))

    def _assoc_evidence(self, actors: list[Actor]) -> tuple[Span, ...]:
        names = {a.name for a in actors}
        spans = {m.extent for m in self.agents + self.patients + self.in_sent if _as_assoc(m).name in names}
        return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def _resolved(cast: _Cast, match: Match | None, *, other: Actor | None = None) -> Match | None:
    """A generic doer resolved to the group the text names for it: 'the guerrillas' after 'the FMLN',
    'an armed group believed to be Al Shabaab', 'the suspects are believed to be Turkana'."""
    if match is None or match.entry.role != ARMED:
        return match
    named = [
        m
        for m in cast.matches
        if m.entry.role in (NAMED, ETHNIC)
        and m.entry.inter in (2, 3, 4, 8)
        and (other is not None or m not in cast.patients)
        and not _same_side(_side(m), other)
    ]
    for m in named:
        before = cast.text[max(0, m.extent.start - 40) : m.span.start]
        if _IDENTIFIED.search(before) or _CLAIMED.match(cast.text, m.extent.end):
            return m
    last = fold(match.words.split()[-1]) if match.words.split() else ""
    if last in _ANAPHORIC:
        groups = [m for m in named if m.entry.role == NAMED]
        earlier = [m for m in groups if m.span.start < cast.trigger + 200]
        if not earlier and len({m.entry.name for m in groups}) == 1:
            earlier = groups  # the one group the text names
        if earlier:
            counts = collections.Counter(m.entry.name for m in earlier)
            top = max(counts.values())
            return next(m for m in reversed(earlier) if counts[m.entry.name] == top)
    return match


def _acting(text: str, match: Match, *, target: bool = False) -> bool:
    """Whether a match names people rather than their building or spokesman: not 'police station'.
    A target may be a building ('attacked a police post'), never a region ('Rakhine State')."""
    after = _WORD_AFTER.match(text, match.extent.end)
    word = after.group(1).lower() if after else ""
    return word not in (_NOT_A_PARTY if target else _NOT_ACTING)


def _armed(match: Match) -> bool:
    """Whether a match names an armed actor without help from the parse: an ethnic group only with
    'militia', 'raiders' and the like after it."""
    role = match.entry.role
    if role == ETHNIC:
        return match.member in _ARMED_MEMBERS or not match.entry.known
    return role in (NAMED, STATE, ARMED)


def _side(match: Match) -> Actor:
    """The actor a match stands for as a side of violence: villagers are civilians, a party's men its militia."""
    entry = match.entry
    if entry.role == VICTIM:
        return _generic(CIVILIANS, 7)
    if entry.role == PARTY:
        return Actor(name=f"{entry.name} Militia", inter=3, words=match.words, country=entry.country)
    return entry.actor(match.words)


def _same_side(actor: Actor, other: Actor | None) -> bool:
    """'Military Forces of {country}' and 'Military Forces of Myanmar' in one text are one side."""
    if other is None:
        return False
    if actor.name == other.name:
        return True
    kinds = ("Military Forces of ", "Police Forces of ")
    return any(
        actor.name.startswith(k) and other.name.startswith(k) and (actor.generic or other.generic) for k in kinds
    )


def _first(matches: Iterable[Match], roles: tuple[str, ...]) -> Match | None:
    return next((m for m in matches if m.entry.role in roles), None)


def _generic(name: str, inter: int) -> Actor:
    return Actor(name=name, inter=inter)


def _with_words(actor: Actor | None, match: Match | None) -> Actor | None:
    if actor is None or match is None or actor.words:
        return actor
    return Actor(name=actor.name, inter=actor.inter, words=match.words, country=actor.country, known=actor.known)


def _as_assoc(match: Match) -> Actor:
    """The associated actor a match stands for: an ethnic group beside civilians, a party beside protesters."""
    entry = match.entry
    if entry.role == ETHNIC:
        name = entry.name.replace(" Ethnic Militia", " Ethnic Group").replace(" Clan Militia", " Clan")
        return Actor(name=name, inter=0, words=match.words, country=entry.country)
    return Actor(name=entry.name, inter=entry.inter, words=match.words, country=entry.country)


def _distinct(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())


def _trigger_token(doc: Any, trigger: Any) -> Any:
    if trigger is None or doc is None or not len(doc):
        return None
    if hasattr(trigger, "root"):
        return trigger.root
    if hasattr(trigger, "dep_"):
        return trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return doc[min(len(doc) - 1, max(0, _token_at(doc, trigger.start)))]
    return span.root


def _token_at(doc: Any, char: int) -> int:
    return next((t.i for t in doc if t.idx + len(t.text) > char), len(doc) - 1)


def _is_verb(token: Any) -> bool:
    return bool(token.pos_ in _VERB_POS or token.tag_.startswith("VB"))


def _verb_arguments(verb: Any, agents: list[Any], patients: list[Any], partners: list[Any]) -> None:
    for child in verb.children:
        dep = child.dep_
        if dep in ("nsubj", "csubj"):
            agents.append(child)
            partners.extend(child.conjuncts)
        elif dep in ("nsubjpass", "csubjpass"):
            patients.append(child)
        elif dep == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            agents.extend(objs)
            for obj in objs:
                agents.extend(obj.conjuncts)
        elif dep in ("dobj", "obj", "dative"):
            patients.append(child)
            patients.extend(child.conjuncts)
        elif dep == "prep" and child.lower_ in _TARGET_PREPS | {"with"}:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            (partners if child.lower_ == "with" else patients).extend(objs)


def _arguments(token: Any) -> _Arguments:
    """The heads of the doer's and the target's phrases for a trigger word, from the dependency parse."""
    agents: list[Any] = []
    patients: list[Any] = []
    partners: list[Any] = []
    if _is_verb(token):
        _verb_arguments(token, agents, patients, partners)
        current = token
        for _ in range(4):  # climb to a governing verb for a subject the trigger shares
            if agents or current.head is current:
                break
            dep, head = current.dep_, current.head
            if dep == "acl" and not _is_verb(head):
                (patients if current.tag_ == "VBN" else agents).append(head)
                break
            if dep == "relcl":
                wh = [c for c in current.children if c.tag_ in ("WDT", "WP")]
                if wh and wh[0].dep_ == "nsubj":
                    agents.append(head)
                else:
                    patients.append(head)
                break
            if dep in ("prep", "pcomp", "pobj", "xcomp", "conj", "advcl") and _is_verb(head):
                passive = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive and dep in ("pcomp", "xcomp", "prep") and head.lemma_ in _BLAME_VERBS:
                    agents.extend(passive)
                else:
                    sub_agents: list[Any] = []
                    sub_patients: list[Any] = []
                    _verb_arguments(head, sub_agents, sub_patients, partners)
                    agents.extend(sub_agents)
                    if not patients and dep == "conj":
                        patients.extend(p for p in sub_patients if p.dep_ == "nsubjpass")
            current = head
    else:
        for child in token.children:
            if child.dep_ == "prep":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                word = child.lower_
                if word in ("by", "from"):
                    agents.extend(objs)
                elif word in ("between", "among"):
                    for obj in objs:
                        agents.append(obj)
                        partners.extend(obj.conjuncts)
                elif word == "with":
                    partners.extend(objs)
                elif word in _TARGET_PREPS:
                    patients.extend(objs)
            elif child.dep_ in ("poss", "compound", "amod", "nmod"):
                agents.append(child)
        head = token.head
        if token.dep_ in ("dobj", "obj") and _is_verb(head):
            sub: list[Any] = []
            _verb_arguments(head, agents, sub, partners)
            patients.extend(p for p in sub if p is not token)
        elif token.dep_ in ("nsubj", "nsubjpass") and _is_verb(head):
            _verb_arguments(head, [], patients, partners)
        elif token.dep_ == "pobj" and _is_verb(head.head):
            _verb_arguments(head.head, agents, patients, partners)
    return _Arguments(tuple(agents), tuple(patients), tuple(partners))


def _phrase(token: Any) -> tuple[int, int]:
    """Character range of a noun phrase headed by `token`, without relative clauses or conjuncts."""
    start = token.left_edge.idx
    end = token.idx + len(token.text)
    for child in token.rights:
        if child.dep_ in _PHRASE_DEPS and (child.dep_ != "prep" or child.lower_ in _PHRASE_PREPS):
            last = child.right_edge
            end = max(end, last.idx + len(last.text))
        elif child.dep_ in ("conj", "cc", "relcl", "punct"):
            break
    return start, end


def _pick(heads: Iterable[Any], matches: list[Match]) -> list[Match]:
    """The matches inside each argument's phrase, the one on the phrase's head first."""
    out: list[Match] = []
    for head in heads:
        start, end = _phrase(head)
        inside = [
            m
            for m in matches
            if (start <= m.extent.start and m.extent.end <= end) or m.extent.start <= head.idx < m.extent.end
        ]
        # the match on the phrase's head first, unless the head is a generic word and the phrase names
        # someone: 'fighters from the Pokot tribe', 'an armed group believed to be Al Shabaab'
        # ... and a generic force named after its owner: 'LNA air force', 'Houthi forces'
        named = [m for m in inside if m.entry.role in (NAMED, ETHNIC, PARTY) or (m.entry.role == STATE and not m.entry.generic)]
        vague = (ARMED, VICTIM) if named or any(m.entry.role == STATE for m in inside) else ()
        before = any(m.extent.end <= head.idx for m in named)
        inside.sort(
            key=lambda m: (
                m.entry.generic and (m.entry.role in vague or (before and m.entry.role == STATE)),
                not (m.extent.start <= head.idx < m.extent.end),
                m.extent.start,
            )
        )
        out.extend(m for m in inside if m not in out)
    return out


def _unknown(heads: Iterable[Any], doc: Any, matches: list[Match], text: str, registry: Registry) -> Actor | None:
    """A doer that the registry lacks: a named organisation heading the doer's phrase, kept with its words."""
    for head in heads:
        start, end = _phrase(head)
        if any(start <= m.extent.start and m.extent.end <= end and m.entry.role in PERPETRATORS for m in matches):
            return None
        for ent in doc.ents if doc is not None else ():
            if ent.label_ in ("ORG", "NORP") and start <= ent.start_char and ent.end_char <= end:
                words = text[ent.start_char : ent.end_char]
                country = registry.country_of(words)
                if country:  # 'Turkish shelling': the country's forces
                    name = MILITARY.replace("{country}", registry.country_forms[country])
                    return Actor(name=name, inter=1, words=words, country=country)
                if not _GROUP_WORDS.search(words):  # a university or a ministry is no party to violence
                    continue
                inter = 2 if re.search(r"front|army|liberation|movement|rebel", words, re.I) else 3
                return Actor(name=words, inter=inter, words=words, known=False)
    return None


@functools.lru_cache(maxsize=2)
def _patterns(registry: Registry) -> list[dict[str, Any]]:
    import spacy  # only here: building patterns needs spaCy's tokenizer, matching does not

    tokenizer = spacy.blank("en").tokenizer
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(alias: str, name: str, cased: bool) -> None:
        if (alias.lower(), name) in seen:
            return
        seen.add((alias.lower(), name))
        pattern = [{"ORTH": t.text} if cased else {"LOWER": t.lower_} for t in tokenizer(alias)]
        out.append({"label": "ACTOR", "pattern": pattern, "id": name})

    for alias, entry in registry.aliases:
        if "{country}" not in entry.name and entry.role in (NAMED, STATE, ETHNIC, PARTY):
            add(alias, entry.name, _is_acronym(alias))
    for country, names in registry.country_names.items():
        for name in names[:3]:
            for word in _PATTERN_FORCES:
                template = POLICE if word.startswith("police") else MILITARY
                add(f"{name} {word}", template.replace("{country}", registry.country_forms[country]), False)
    return out
