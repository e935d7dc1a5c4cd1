"""A country's office-holders and national bodies, as evidence of the country a text is about.

'Riots broke out after the announcement of Kibaki's re-election' names no place, but Mwai Kibaki was
Kenya's president; 'protesters gathered outside the IEBC offices' names Kenya's electoral commission.
The names come from data/geo/country_cues.tsv, written by hand: heads of state and government and
national party leaders, some only after a title ('President Sharif') or in the years a name says that
country ('President Traore' is Mali's before 1991, Burkina Faso's from 2022).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# One country's cues, however many the text gives: as much as a demonym ('Kenyan'), less than the
# country's name, a place given with its units, or a national outlet.
CUE_WEIGHT = 2.0

# Titles before a name that is a common surname on its own; given names may come between
# ('President Mwai Kibaki', 'Prime Minister Nawaz Sharif'). Notes write titles in lower case too.
_TITLE_RE = re.compile(
    r"(?i:\b(?:president|prime minister|premier|pm|vice[- ]president|deputy president|chief minister|king|"
    r"general|gen\.|field marshal|presidential candidate))\s+(?:[A-Z][\w'’\-]*\.?\s+){0,3}$"
)
# How far before a name its country's word says the text introduces him from abroad.
_FOREIGN_SPAN = 60
# The capitalized words of a text, to test at one pass whether any cue may be in it.
_CAPITALIZED_RE = re.compile(r"[A-Z][^\W\d_]*")


@dataclass(frozen=True, slots=True)
class _Cue:
    cc: str
    first: int | None
    last: int | None
    title: bool


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[_Cue, ...]], re.Pattern[str] | None, frozenset[str]]:
    """Form -> its cues; one pattern for every form; the capitalized words a form is found by."""
    text = resources.files("conflictdb").joinpath("data", "geo", "country_cues.tsv").read_text(encoding="utf-8")
    cues: defaultdict[str, list[_Cue]] = defaultdict(list)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms, cc, years, title = (line.split("\t") + ["", ""])[:4]
        first, _, last = years.partition("-")
        cue = _Cue(cc.strip(), int(first) if first else None, int(last) if last else None, title.strip() == "title")
        for form in forms.split("|"):
            cues[form.strip()].append(cue)
    if not cues:
        return {}, None, frozenset()
    alternatives = "|".join(re.escape(form) for form in sorted(cues, key=len, reverse=True))
    # a name whole, with a possessive, written with or without its apostrophe ('Kibakis re-election')
    pattern = re.compile(rf"(?<![\w\-])(?:{alternatives})(?='s|’s|s\b|(?![\w\-]))")
    keys = {word for form in cues for word in _CAPITALIZED_RE.findall(form)[:1]}
    keys |= {f"{word}s" for word in keys}  # 'Kibakis' is 'Kibaki'
    return {form: tuple(found) for form, found in cues.items()}, pattern, frozenset(keys)


def cue_countries(
    text: str, *, year: int | None = None, country_words: Iterable[tuple[int, str]] = ()
) -> dict[str, float]:
    """ISO country code -> weight, for the countries whose office-holders or bodies the text names.

    `country_words` are the ends and countries of the text's country names and demonyms: a leader
    introduced by his country ('Indian Prime Minister Narendra Modi', 'Kenya's President Kibaki') is
    named from abroad, and that word counts already.
    """
    cues, pattern, keys = _table()
    if pattern is None or keys.isdisjoint(_CAPITALIZED_RE.findall(text)):
        return {}  # most texts: no cue's word at all, found in one pass
    votes: dict[str, float] = {}
    for m in pattern.finditer(text):
        for cue in cues[m.group()]:
            if year is not None and (
                (cue.first is not None and year < cue.first) or (cue.last is not None and year > cue.last)
            ):
                continue
            if cue.title and not _TITLE_RE.search(text, max(0, m.start() - 60), m.start()):
                continue
            if any(cc == cue.cc and m.start() - _FOREIGN_SPAN <= end <= m.start() for end, cc in country_words):
                continue
            votes[cue.cc] = CUE_WEIGHT
    return votes
