"""Toponyms in a text, with the gazetteer entries each may be.

`find_toponyms` reads a text once: capitalized runs looked up in the gazetteer (longest first), each
with the cues around it ('near X', 'N km north of X', 'X district', 'X (Bankass, Mopti)'), and the
country words (names, demonyms) that say which country the text is about. `choose.resolve` then
picks each toponym's entry in context.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from conflictdb.geocode.country_words import country_word_weight, names_a_building, possessive_country
from conflictdb.geocode.cues import (
    ACTOR_NOUNS,
    CONNECTORS,
    DESIGNATOR_LEVEL,
    DETERMINERS,
    FACILITY,
    GENERIC,
    NAME_ENDINGS,
    NATIONAL_UNITS,
    NATIONAL_UNITS_RE,
    NATURAL_FEATURES,
    TITLE_WORDS,
    WORD_RE,
    cue_before,
    home_before,
    is_common,
    is_not_name,
    not_places_words,
)
from conflictdb.geocode.gazetteer import Entry, Gazetteer, fold, prominent
from conflictdb.geocode.grievance import grievance_spans, in_grievance
from conflictdb.geocode.peoples import named_actor_countries, regional_first_words
from conflictdb.geocode.reading import CountryWord, Reading, Toponym
from conflictdb.models import Span

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_CAP_WORD = rf"[{_UPPER}](?:[\w'’\-]*\w)"
# The Arabic article takes the sound of a 'sun letter' after it ('ash Shams', 'at Tall', 'Deir ez Zor'):
# only before that letter is 'at', 'as' or 'an' an article, not English ('a Polyclinic at Ajumako').
_SUN_ARTICLES = {
    "ad": "D",
    "an": "N",
    "ar": "R",
    "as": "S",
    "ash": "S",
    "at": "T",
    "ath": "T",
    "az": "Z",
    "es": "S",
    "ez": "Z",
}


# Arabic articles that open place names ('Al Hishah', 'As Sawiyah').
ARTICLES = frozenset(["al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath"])


def _is_article(word: str, following: str = "") -> bool:
    """An Arabic article opening a name: 'Al', 'As', 'el'; lower-case 'at', 'as', 'an' are English words, and so
    are 'At', 'As', 'An' opening a sentence unless the sun letter they take follows ('At Tall', not 'At Nababpur')."""
    letter = _SUN_ARTICLES.get(word.lower())
    if letter is not None and following and following[:1].upper() != letter:
        return False
    return word.lower() in ARTICLES and (word[:1].isupper() or word in ("al", "el"))


def _article(word: str, space: str) -> str:
    letter = _SUN_ARTICLES.get(word)
    return f"{word}(?={space}[{letter}{letter.lower()}])" if letter else word


_CONNECTOR_ALT = "|".join(_article(c, "[ ]{1,2}") for c in sorted(CONNECTORS, key=len, reverse=True))
_OPENING_ALT = "|".join(_article(c, "[ \\-]") for c in ("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath"))
_RUN_RE = re.compile(
    # an Arabic article may open a name in lower case: 'el Hermel', 'al Bayda'; the lookahead on the first
    # letter (a capital, or an article's 'a' or 'e') lets the search pass most positions at once
    rf"(?=[{_UPPER}ae])(?<![\w'’\-])(?:(?:{_OPENING_ALT})[ \-])?{_CAP_WORD}"
    rf"(?:[ ]{{1,2}}(?:(?:{_CONNECTOR_ALT})[ ]{{1,2}}){{0,2}}{_CAP_WORD})*"  # two connectors: 'Amatlan de los Reyes'
)
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
_LOWER_WORD_RE = re.compile(r"(?=[a-z])(?<![\w'’\-])[a-z][a-z'’\-]*")  # lookahead first, as _RUN_RE


# Country acronyms that spell a common word: in a text in capitals they say nothing.
WORD_ACRONYMS = frozenset({"CAR", "US"})


@lru_cache(maxsize=8)
def _is_shouting(text: str) -> bool:
    """Whether a text is written in capitals (wire copy, MUC-4), so that case says nothing."""
    # counted in the UTF-8 bytes (other letters encode to bytes above 127): one C pass each, no match objects
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _ASCII_LOWER)) > len(data.translate(None, _ASCII_UPPER))


def _is_short_shout(key: str, not_places: frozenset[str]) -> bool:
    """Whether a word of four letters or fewer, in a text in capitals, is a common word rather than a name."""
    return key in not_places or len(key) < 3


def _plausible_in_capitals(top: Toponym) -> bool:
    """In a text in capitals, a name is a place where a word before or after says so ('IN USULUTAN',
    'USULUTAN DEPARTMENT'), or where it is too well known to be a common word ('MANAGUA'): not 'ONE MAN'."""
    if top.surface.startswith("THE ") and not any(e.fcode == "PPLC" for e in top.entries):
        return False  # 'NEAR THE BANK'
    return bool(top.cue or top.designator is not None or any(prominent(e) for e in top.entries))


def _well_known(entry: Entry) -> bool:
    return entry.fcode in ("PPLC", "PPLA") or entry.level == 1 or entry.pop >= 100_000


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalized words (connectors allowed inside), as lists of (start, end) offsets."""
    if _is_shouting(text):
        return _upper_runs(text)
    # a run without a space is one word (its article, hyphens and apostrophes are word characters to WORD_RE)
    return [
        [m.span()] if text.find(" ", m.start(), m.end()) < 0 else [w.span() for w in WORD_RE.finditer(text, *m.span())]
        for m in _RUN_RE.finditer(text)
    ]


def _upper_runs(text: str) -> list[list[tuple[int, int]]]:
    """A text in capitals (wire copy, MUC-4) has no case to go by: every word may start a name."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    last_end = -1
    for m in WORD_RE.finditer(text):
        gap = text[last_end : m.start()] if last_end >= 0 else " "
        if gap != " " and (len(gap) > 3 or any(ch in gap for ch in ',.;:()[]/"!?\n')) and current:
            runs.append(current)
            current = []
        current.append((m.start(), m.end()))
        last_end = m.end()
    if current:
        runs.append(current)
    return runs


def find_toponyms(text: str, gazetteer: Gazetteer) -> Reading:
    """The toponyms and country words of a text."""
    toponyms: list[Toponym] = []
    countries: list[CountryWord] = []
    not_places = not_places_words()
    words = gazetteer.country_words
    lower_words = set(_LOWER_WORD_RE.findall(text))
    shouting = _is_shouting(text)
    has_endings = bool(_ENDINGS_RE.search(text))
    regional_words = regional_first_words()
    regional = False
    for run in _runs(text):
        regional = regional or any(text[a:b].lower() in regional_words for a, b in run)
        i = 0
        unmatched: list[int] = []  # token indexes of this run that no name covers
        found: list[Toponym] = []
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
                if shouting and surface in WORD_ACRONYMS:
                    continue  # 'CAR BOMB' in wire copy
                hits = words.get(surface) if surface.isupper() and len(surface) <= 5 else None
                hits = hits or words.get(key)
                if not hits and key[-1:] == "s" and surface[-2:-1].islower():
                    hits = possessive_country(text, start, key, words)
                elif hits and _names_a_unit(text, end, key, hits, gazetteer):
                    hits = None  # 'the Somali region' is Ethiopia's: a unit, no country word
                if hits and not (surface.isupper() and len(surface) <= 5 and surface not in words):
                    if names_a_building(text, end):
                        i, matched = j, True  # 'Burma Market', 'Somalia Embassy': a building, elsewhere
                        break
                    for cc, kind in hits:
                        countries.append(CountryWord(Span(start, end), cc, kind == "demonym"))
                    if any(kind == "name" for _, kind in hits):
                        entries = tuple(e for e in gazetteer.lookup(key) if e.level == 0) or ()
                        found.append(_toponym(text, start, end, surface, key, entries, country=hits[0][0]))
                    i, matched = j, True
                    break
                # in capitals a short word is no acronym by its case alone: 'IN LIMA' is Lima, but only a
                # well-known place ('GAZA', 'CALI'), not a hamlet called 'Bank' or 'Home'
                short_caps = shouting and j - i == 1 and len(surface) <= 4
                common = (
                    _is_short_shout(key, not_places) if short_caps else is_common(surface, key, not_places, lower_words)
                )
                if (
                    j - i == 1
                    and common
                    and (
                        key in DETERMINERS
                        or key in FACILITY
                        or key in GENERIC
                        or not _followed_by_designator(text, end)
                    )
                ):
                    continue  # 'The village of X': a determiner before a designator names nothing
                entries = gazetteer.lookup(key) or _without_article(surface, key, gazetteer, not_places)
                if short_caps and not _followed_by_designator(text, end):
                    entries = tuple(e for e in entries if _well_known(e))
                last = key.rsplit(" ", 1)[-1] if j - i > 1 else ""
                head = key[: -len(last)].strip() if last else ""
                if (
                    DESIGNATOR_LEVEL.get(last, 3) < 3
                    and head not in GENERIC
                    and head not in not_places
                    and head not in DESIGNATOR_LEVEL
                    and head not in NATURAL_FEATURES
                ):
                    # 'Central Region': the units known by their bare name ('Central') are candidates too
                    bare = gazetteer.lookup(head)
                    entries = entries + tuple(e for e in bare if e.level in (1, 2) and e not in entries)
                elif DESIGNATOR_LEVEL.get(last, 3) == 1 and head in GENERIC:
                    # 'Central Region', 'Northern Province': the first-order units of that name, in every country
                    # that has one; the text's country picks among them
                    bare = gazetteer.lookup(head)
                    entries = entries + tuple(e for e in bare if e.level == 1 and e not in entries)
                else:
                    last = ""
                if entries:
                    top = _toponym(text, start, end, surface, key, entries)
                    if shouting and not _plausible_in_capitals(top):
                        continue
                    top.possessive = end < run[j - 1][1]
                    if last in DESIGNATOR_LEVEL:
                        top.designator, top.cue = DESIGNATOR_LEVEL[last], 2
                    found.append(top)
                    i, matched = j, True
                    break
            if not matched:
                pieces = []
                token = text[run[i][0] : run[i][1]]
                if "-" in token:
                    follower = fold(text[run[i + 1][0] : run[i + 1][1]]) if i + 1 < len(run) else ""
                    pieces = _hyphenated(text, run[i], gazetteer, follower=follower)
                if pieces:
                    found.extend(pieces)
                # 'the Sudan-Kenya border' names two countries, which the country words count: no place
                elif not ("-" in token and all(fold(p) in gazetteer.country_words for p in token.split("-"))):
                    unmatched.append(i)
                i += 1
        if len(run) > 1 and fold(text[run[-1][0] : run[-1][1]]) in TITLE_WORDS:
            found, unmatched = [t for t in found if t.designator == 0], []  # 'the Motor Vehicles Act' names no place
        if found and len(run) > 1:  # one word found whole, or none found: nothing to merge
            found, unmatched = _merge_names(
                text, run, found, unmatched, not_places=not_places, has_endings=has_endings, shouting=shouting
            )
        for top in found:
            top.run_end = run[-1][1]
        toponyms.extend(found)
        for top in _unknown(text, run, unmatched, not_places, lower_words) if unmatched else ():
            # 'in Mojolo Sinaloa': the known names after an unknown one in the same run enclose it
            top.context.extend(t for t in found if t.span.start > top.span.end)
            for t in top.context:
                t.is_context = True
            toponyms.append(top)
    toponyms.sort(key=lambda t: t.span.start)
    for top in toponyms if grievance_spans(text) else ():
        top.grievance = in_grievance(text, top.span.start)
    _link_context(text, toponyms)
    toponyms = [t for t in toponyms if not t.needs_context or t.context or t.is_context]
    votes: defaultdict[str, float] = defaultdict(float)
    named = {w.cc for w in countries if not w.demonym}
    # unit words that only some countries use say which country the text is about
    for m in NATIONAL_UNITS_RE.finditer(text):
        for cc in NATIONAL_UNITS[m.group().lower()]:
            votes[cc] += 3.0 / len(NATIONAL_UNITS[m.group().lower()])
            named.add(cc)
    for word in countries:
        weight = country_word_weight(text, word)
        if weight > 0:  # a country's people or offices abroad name no country the text is about
            votes[word.cc] += weight
    return Reading(toponyms, countries, dict(votes), frozenset(named), regional=regional, text=text)


def _without_article(surface: str, key: str, gazetteer: Gazetteer, not_places: frozenset[str]) -> tuple[Entry, ...]:
    """The entries of a name the gazetteer lacks with its Arabic article but holds without it ('Ar-Raqqa' is
    'Raqqa'): transliterations keep or drop the article at will. Only an article joined by a hyphen, as
    an English word never is ('coded as Siaya'), and not a group's name ('Al-Shabab')."""
    article, _, rest = key.partition(" ")
    if (
        article not in ARTICLES
        or surface[len(article) : len(article) + 1] != "-"
        or len(rest) < 4
        or rest in not_places
        or named_actor_countries(surface)
    ):
        return ()
    return gazetteer.lookup(rest)


def _names_a_unit(text: str, end: int, key: str, hits: list[tuple[str, str]], gazetteer: Gazetteer) -> bool:
    """Whether a demonym before a designator names a first-order unit of its own ('Somali Region', 'Afar
    region' of Ethiopia) rather than the country of its people."""
    return (
        all(kind == "demonym" for _, kind in hits)
        and _followed_by_designator(text, end)
        and any(e.level == 1 for e in gazetteer.lookup(key))
    )


def _merge_names(
    text: str,
    run: list[tuple[int, int]],
    found: list[Toponym],
    unmatched: list[int],
    *,
    not_places: frozenset[str],
    has_endings: bool,
    shouting: bool,
) -> tuple[list[Toponym], list[int]]:
    """The names found in a run of several words, less those that are pieces of a longer name the gazetteer
    lacks, and the run's words that no name left covers."""
    keys = [fold(text[a:b]) for a, b in run]  # each word's key, folded once for the tests below
    # designators and common words beside a name ('Chuka Town') do not make it part of a longer name
    unknown_words = [k for k in unmatched if keys[k] not in DESIGNATOR_LEVEL and keys[k] not in not_places]
    # a word that ends a locality's name ('Tilak Nagar', 'Lal Chowk') makes the run one name, whatever
    # known names it holds ('Tilak', a town elsewhere; 'Nagar', another)
    endings = [k for k in range(1, len(run)) if keys[k] in NAME_ENDINGS] if has_endings else []
    unknown_words += endings
    ending_end = run[endings[-1]][1] if endings else -1
    facility_run = any(key in FACILITY or key in ACTOR_NOUNS for key in keys)
    if any(key in NATURAL_FEATURES for key in keys[1:]):
        # 'Garo Hills', 'Tirah Valley', 'Lake Victoria': a feature named after a place, not the place;
        # nor is the feature's word a place of its own ('Valley' in 'Rift Valley')
        found = [t for t in found if t.key not in NATURAL_FEATURES or t.span.start == run[0][0]]
        unknown_words = unknown_words or [k for k in range(len(run)) if keys[k] in NATURAL_FEATURES]
        facility_run = False
    # two known names run together with nothing between ('Cerro Navia', 'Ain al Arab') are one name the
    # gazetteer lacks, unless the last is a unit that encloses the first ('Mojolo Sinaloa')
    # ('in the vicinity of Abu Rasin': 'near' before the run is no road between them); one name twice ('Mau Mau')
    joined = (
        not unknown_words
        and len(found) >= 2
        and all(t.designator != 0 for t in found)
        and not any(t.near for t in found[1:])
        and (not any(e.level in (1, 2) for e in found[-1].entries) or found[-1].key == found[0].key)
    )
    if (
        not shouting  # in capitals a run is the whole clause: its other words are no part of a name
        and (unknown_words or joined)
        and found
        and not facility_run
        and not any(t.possessive for t in found)
    ):
        # a known name inside a longer unknown one ('Omar' in 'Omar Khel', 'Kenda' in 'Miti Kenda') is not
        # the place: the whole name is, as a name the gazetteer lacks
        whole = [
            t
            for t in found
            if t.designator == 0
            or (t.span.end == run[-1][1] and t.span.end > ending_end and any(e.level in (1, 2) for e in t.entries))
            and not (joined and t.key == found[0].key)
        ]
        designated = _followed_by_designator(text, run[-1][1])
        # where the name itself opens: after the common words a sentence opens with ('Several Karnataka ...')
        # or a body's acronym ('the JI Mardan chapter')
        opening = next(
            (
                a
                for k, (a, b) in enumerate(run)
                if keys[k] not in not_places and not (b > a + 1 and text[a:b].isupper())
            ),
            run[0][0],
        )
        merged = []
        for top in found:
            if top not in whole:
                top.cue = 0
                top.partial = True
                # a well-known place opening a longer name is where that body is ('Kumasi Technical
                # Institute'); a small one is a piece of a village's name ('Omar Khel', 'Nam Kart'),
                # and a name inside a body's name is part of that name ('Arignar Anna Sugar Mills')
                # a name before a designator is whole ('Puli Alam district')
                if (
                    joined
                    or designated
                    or top.span.start > opening
                    or not any(e.level < 3 or e.pop >= 20_000 for e in top.entries)
                ):
                    merged.append(top)
        keep = [t for t in found if t not in merged]
        covered = {k for k, (a, b) in enumerate(run) for t in keep if t.span.start <= a and b <= t.span.end}
        unmatched = [k for k in range(len(run)) if k not in covered]
        found = keep
    return found, unmatched


def _unknown(
    text: str, run: list[tuple[int, int]], unmatched: list[int], not_places: frozenset[str], lower_words: set[str]
) -> list[Toponym]:
    """Names the gazetteer lacks that the words around mark as places: 'X (A, B)', 'in X village'."""
    out = []
    cased = not _is_shouting(text)
    stretches: list[list[int]] = []
    for k in unmatched:
        if stretches and stretches[-1][-1] == k - 1:
            stretches[-1].append(k)
        else:
            stretches.append([k])
    for stretch in stretches:
        # 'In Nanur', 'Daudkandi Upazila': common words and designators are not part of the name
        while (
            stretch
            and is_not_name(text[run[stretch[0]][0] : run[stretch[0]][1]], not_places, lower_words, cased=cased)
            # an Arabic article opens the name it is part of ('Al Hishah'), as ACLED writes it
            and not (
                len(stretch) > 1
                and _is_article(
                    text[run[stretch[0]][0] : run[stretch[0]][1]], text[run[stretch[1]][0] : run[stretch[1]][1]]
                )
            )
        ):
            stretch = stretch[1:]
        while stretch and fold(text[run[stretch[-1]][0] : run[stretch[-1]][1]]) in DESIGNATOR_LEVEL:
            stretch = stretch[:-1]
        if not stretch:
            continue
        start, end = run[stretch[0]][0], run[stretch[-1]][1]
        surface = text[start:end]
        if len(stretch) == 1 and is_common(surface, fold(surface), not_places, lower_words):
            continue
        if _KIND_OF_RE.search(text[max(0, start - 10) : start]):
            continue  # 'a Fulani camp', 'a Luhya village': a kind of place, not a name
        after = text[end : end + 2]
        # the first unit in 'X (A, B)', or the unit after a designated one ('Chora district, Urozgan')
        opened = text[max(0, start - 8) : start].rstrip().endswith("(") or bool(
            text[max(0, start - 4) : start].rstrip().endswith(",")
            and _AFTER_UNIT_RE.search(text, max(0, start - 30), start)
        )
        words = [fold(text[a:b]) for a, b in run[stretch[0] : stretch[-1] + 1]]
        if (
            any(w in FACILITY or (w in not_places and w not in ARTICLES) or w in ACTOR_NOUNS for w in words[1:])
            or (
                words[0] in FACILITY
                or words[0] in ACTOR_NOUNS
                or (words[0] in not_places and not _is_article(*surface.split()[:2]))
            )
            or (cased and any(text[a:b].isupper() and b - a > 1 for a, b in run[stretch[0] : stretch[-1] + 1]))
        ):
            continue
        top = _toponym(text, start, end, surface, fold(surface), ())  # after the tests of the words alone
        if top.facility or not (after == " (" or opened or top.designator == 3 or top.cue == 2 or top.home):
            continue
        if after == " (" and _ACRONYM_IN_PARENS_RE.match(text, end):
            continue  # 'Improvised Explosive Device (IED)': a thing or a body with its acronym
        # 'X (A, B)' and '(A, B)' make X and A places only when the text gives known units with them
        top.needs_context = (after == " (" or opened) and top.designator != 3 and top.cue < 2
        top.run_end = run[-1][1]
        out.append(top)
    return out


# Patterns used once a name, compiled here rather than looked up in re's cache at each call.
_KIND_OF_RE = re.compile(r"\b(?:an?|one|another|each|every|some|any)\s+$", re.IGNORECASE)
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z\-]+)")
_ENDINGS_RE = re.compile(r"\b(?:" + "|".join(NAME_ENDINGS) + r")\b", re.IGNORECASE)
_AFTER_UNIT_RE = re.compile(
    r"[A-Za-z] (?:" + "|".join(k for k, v in DESIGNATOR_LEVEL.items() if v < 3) + r"),\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# 'Improvised Explosive Device (IED)', 'Lashkar-e-Toiba (LeT)': two capitals or more, no lower-case word
_ACRONYM_IN_PARENS_RE = re.compile(r" \((?=[^()]*[A-Z][^()]*[A-Z])[A-Z][A-Za-z\-&]{1,7}\)")


def _followed_by_designator(text: str, end: int) -> bool:
    m = _NEXT_WORD_RE.match(text[end : end + 20])
    return bool(m and m.group(1).lower() in DESIGNATOR_LEVEL)


def _toponym(
    text: str, start: int, end: int, surface: str, key: str, entries: tuple[Entry, ...], *, country: str | None = None
) -> Toponym:
    before = text[max(0, start - 40) : start]
    after = _NEXT_WORD_RE.match(text[end : end + 20])
    designator = DESIGNATOR_LEVEL.get(after.group(1).lower()) if after else None
    near, cue = cue_before(before)
    follower = after.group(1) if after else ""
    facility = (follower.lower() in FACILITY and follower[:1].isupper()) or follower.lower() in ACTOR_NOUNS
    # 'National Health Mission (NHM)': the last word of a body's name, given with its acronym
    facility = facility or (text[end : end + 2] == " (" and _ACRONYM_IN_PARENS_RE.match(text, end) is not None)
    home = not facility and home_before(before)
    if facility:
        cue = 0
    elif follower.lower() in _RESIDENTS or home:
        cue = max(cue, 1)  # 'Meru residents', 'residents of Meru': the people of a place, where they act
    elif designator is not None or text[end : end + 2] == " (":
        cue = 2
    top = Toponym(Span(start, end), surface, key, entries, designator=designator, near=near, cue=cue, facility=facility)
    top.home = cue == 1 and home
    if country is not None:
        top.designator = 0
    return top


# Words after a name that make it the home of people: 'Meru residents', 'Kibera villagers'.
_RESIDENTS = frozenset(["residents", "villagers", "inhabitants", "locals", "townspeople", "dwellers"])

_LINK_RE = re.compile(
    r"(?:\s+(?P<designator>[A-Za-z\-]+)(?:\s+(?:headquarters|hq|area))?)?\s*"
    r"(?:\(|,|(?:,\s*)?(?:in|of|under|within)\s)\s*(?:the\s+)?(?:(?:district|province|region|county|state)\s+of\s+)?"
    # the land around a town, which a coder codes to it: 'X village in the eastern countryside of Y', 'in rural Y'
    r"(?:(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+)?(?:countryside|outskirts|suburbs|rural areas?)\s+of\s+"
    r"(?:the\s+)?|rural\s+)?"
)


# Capitalized words after a hyphenated pair of places that keep it a route: the 'Abuja-Kaduna Expressway'.
_ROUTE_WORDS = frozenset(
    [
        "road",
        "highway",
        "expressway",
        "express",
        "way",
        "railway",
        "rail",
        "line",
        "border",
        "route",
        "axis",
        "corridor",
        "bus",
        "train",
    ]
)


def _hyphenated(text: str, token: tuple[int, int], gazetteer: Gazetteer, *, follower: str = "") -> list[Toponym]:
    """The places a hyphenated pair names: the 'Abuja-Kaduna' road, the 'Rangpur-Bogra' highway.

    Followed by another name ('Coca-Cola Bottling Company'), the pair is part of that name.
    """
    start, end = token
    word = text[start:end]
    if "-" not in word or (follower and follower not in _ROUTE_WORDS):
        return []
    if any(fold(part) in gazetteer.country_words for part in word.split("-")):
        return []  # 'the Kenya-Sudan border': countries, which the country words already count
    out = []
    offset = start
    for part in word.split("-"):
        key = fold(part)
        if len(key) >= 3 and part[:1].isupper():
            entries = gazetteer.lookup(key)
            if entries:
                top = _toponym(text, offset, offset + len(part), part, key, entries)
                top.near, top.cue = True, 1  # on a road between places, near each
                out.append(top)
        offset += len(part) + 1
    return out if len(out) == len(word.split("-")) else []


# A city large enough that a coder codes its quarters to it.
_CITY = 200_000


def _link_context(text: str, toponyms: list[Toponym]) -> None:
    """Mark the units named beside a toponym: 'X (A, B)', 'X, B', 'X village under A upazila in B district'."""
    for k, top in enumerate(toponyms):
        if (
            top.possessive
            and k + 1 < len(toponyms)
            and 0 < toponyms[k + 1].span.start - top.span.end <= 3
            and not any(e.fclass == "P" and e.pop >= _CITY for e in top.entries)
        ):
            # "Yala's Yaha district": the place before 's encloses the one after it; a city's quarter ("Yangon's
            # Hledan") is coded to the city
            toponyms[k + 1].context.append(top)
            top.is_context = True
        if top.designator == 0 or top.facility:
            continue  # 'X Airport in Accra': the units go with the place the body is in, not with X
        end = max(top.span.end, top.run_end)
        for other in toponyms[k + 1 : k + 4]:
            m = _LINK_RE.fullmatch(text, end, other.span.start)
            if m is None or (m.group("designator") and m.group("designator").lower() not in DESIGNATOR_LEVEL):
                break
            if other.designator == 0 and top.designator == 0:
                break
            top.context.append(other)
            other.is_context = True
            end = max(other.span.end, other.run_end)
