"""What a reading of a text holds: its toponyms (names with their candidate entries and cues) and country words."""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictdb.geocode.gazetteer import Entry
from conflictdb.models import Span


@dataclass(slots=True)
class Toponym:
    """A name in the text that the gazetteer knows (or that a cue says is a place)."""

    span: Span
    surface: str
    key: str
    entries: tuple[Entry, ...]
    designator: int | None = None  # level named by the word after it ('district' -> 2)
    near: bool = False  # 'near X', 'N km north of X', 'between X and Y'
    cue: int = 0  # how surely the words around say it is a place: 0 none, 1 weak, 2 strong
    facility: bool = False  # 'X University', 'X Road': names a place's building or body
    home: bool = False  # 'residents of X': where people live, and most often act, unless the text says elsewhere
    grievance: bool = False  # in what a protest is against ('protested against the raids in Gaza'), not where it is

    @property
    def cued(self) -> bool:
        return self.cue > 0

    context: list[Toponym] = field(default_factory=list)  # the admin names beside it: 'X (A, B)', 'X, B province'
    is_context: bool = False  # an admin name given beside another toponym
    dateline: bool = False
    possessive: bool = False  # "Shamli's Gangeru": the name before 's is whole
    needs_context: bool = False  # an unknown name that is a place only if units are named beside it
    partial: bool = False  # a known name inside a longer unknown one ('Suna' in 'Suna West')
    respelt: bool = False  # a unit found under another spelling of its name ('Urozgan' for Uruzgan)
    abroad: bool = False  # its entries are namesakes abroad of a place the gazetteer lacks, in units at home
    run_end: int = 0  # where the run of capitalized words it belongs to ends
    coherent: bool = True  # whether the chosen entry agrees with the units named beside it
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
    votes: dict[str, float]  # country code -> weight of the text's evidence for it
    named: frozenset[str] = frozenset()  # countries the text names, or whose own kinds of unit it uses
    regions: tuple[str, ...] = ()  # first-order units (codes) of the regional groups the text names
    regional: bool = False  # whether a capitalized word of the text may open a regional group's name
    text: str = ""  # the text read
    outlet: str | None = None  # the country of the national outlet that published it
