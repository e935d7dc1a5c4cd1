"""The data model that flows through the pipeline.

One container, `Document`, goes through the stages as spaCy's `Doc` does: ingest makes it,
extraction adds `sentences` and `mentions`, geocoding fills each mention's `place`, linking groups
mentions of many documents into `Incident`s. Every extracted value carries evidence: `Span`s of
character offsets into `Document.text`, kept in `Mention.evidence` under the field's name.

Identifiers derive from content, so the same input always gives the same ids.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

T = TypeVar("T")

SENTENCE_LABELS = ("fact", "claim", "commentary")
STATUSES = ("alleged", "reported", "confirmed", "denied")

# ACLED's codebook: event type -> sub-event types.
EVENT_TYPES: Mapping[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# ACLED inter codes (actor types).
INTER_CODES: Mapping[int, str] = {
    0: "No actor",
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


# ACLED writes 'Military Forces of the Philippines', 'Police Forces of the United States'.
COUNTRIES_WITH_THE = frozenset(
    {
        "Bahamas",
        "Central African Republic",
        "Democratic Republic of Congo",
        "Dominican Republic",
        "Maldives",
        "Netherlands",
        "Philippines",
        "Republic of Congo",
        "United Arab Emirates",
        "United Kingdom",
        "United States",
    }
)


def content_id(prefix: str, *parts: str) -> str:
    """A stable id: `prefix_` and 16 hex digits of the SHA-256 of the parts."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Source:
    """One provenance record: where a document's original bytes came from and when."""

    uri: str  # file path, URL, or "stdin"
    retrieved: str  # ISO 8601, UTC
    sha256: str  # of the original bytes, which the store keeps under this key
    media_type: str  # text/plain, text/html, application/rss+xml, application/jsonl ...
    external_id: str | None = None  # the record's own id in a JSONL/CSV batch or feed
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    label: str  # one of SENTENCE_LABELS; commentary never creates or changes an event


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as ACLED names it.

    A generic actor's name holds a `{country}` placeholder ('Civilians ({country})',
    'Police Forces of {country}') until geocoding knows the country; see `localize`.
    An actor missing from the registry keeps the text's words, with `known=False`.
    """

    name: str
    inter: int  # INTER_CODES
    words: str = ""  # as the text says it
    country: str | None = None
    known: bool = True

    @property
    def generic(self) -> bool:
        return "{country}" in self.name

    def localize(self, country: str | None) -> Actor:
        if not self.generic:
            return self
        if country is None:
            return dataclasses.replace(self, name=self.name.replace(" ({country})", "").replace(" of {country}", ""))
        name = self.name
        if country in COUNTRIES_WITH_THE:
            name = name.replace(" of {country}", " of the {country}")
        return dataclasses.replace(self, name=name.format(country=country), country=country)


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, at the precision the text allows."""

    name: str  # the location as ACLED writes it; for a country-only report (how='country'), its capital
    country: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None  # ACLED: 1 town, 2 near/part of a region, 3 larger region
    where_prec: int | None = None  # UCDP: 1 exact .. 7 country
    geonameid: int | None = None
    how: str = "text"  # text | dateline | country | unresolved
    locality: str | None = None  # a named place the gazetteer lacks, inside `name` ('Ogossagou' near Bankass)

    @property
    def label(self) -> str:
        """The place for a reader: a country-only report names its country, not the capital it is coded at; a
        place the gazetteer lacks is named with the known place it is coded to."""
        if self.how == "country" and self.country:
            return f"{self.country} (country only)"
        return f"{self.locality} (in {self.name})" if self.locality else self.name


@dataclass(frozen=True, slots=True)
class Response:
    """What happened next, as the text reports it: an investigation, a denial, a condemnation ..."""

    # investigation | denial | condemnation | claim_of_responsibility | accusation | confirmation | arrest | other
    kind: str
    by: str  # who responds, in the text's words
    span: Span
    against: str = ""  # whom an accusation holds responsible, in the text's words


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as one document reports it. Field names follow ACLED's columns."""

    document_id: str
    index: int  # salience rank in its document; 0 is the document's main incident
    event_type: str
    sub_event_type: str = ""
    event_date: str | None = None  # ISO date
    time_precision: int = 3  # ACLED: 1 day, 2 week, 3 month or vaguer
    actor1: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    actor2: Actor | None = None
    assoc_actor_2: tuple[Actor, ...] = ()
    civilian_targeting: bool = False
    place: Place | None = None
    fatalities: int | None = None  # ACLED: the lowest credible figure
    fatalities_low: int | None = None  # UCDP's low / best / high
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    women_victims: bool = False
    children_victims: bool = False
    status: str = "reported"  # STATUSES
    claimed_by: tuple[str, ...] = ()  # who says so: witnesses, officials, a military source ...
    responses: tuple[Response, ...] = ()
    modality: tuple[str, ...] = ()  # firing on vehicles, air strike ...
    context: tuple[str, ...] = ()  # reprisal ...
    tags: tuple[str, ...] = ()
    background: bool = False  # a past event mentioned for context, never the main incident
    evidence: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return content_id("men", self.document_id, str(self.index))

    @property
    def inter1(self) -> int:
        return self.actor1.inter if self.actor1 else 0

    @property
    def inter2(self) -> int:
        return self.actor2.inter if self.actor2 else 0

    @property
    def interaction(self) -> int:
        """ACLED's two-digit interaction code, the smaller inter code first."""
        a, b = sorted((self.inter1, self.inter2))
        return b * 10 if a == 0 else a * 10 + b

    @property
    def type_of_violence(self) -> int | None:
        """UCDP: 1 state-based, 2 non-state, 3 one-sided; None for events UCDP does not code."""
        if self.event_type in ("Protests", "Strategic developments"):
            return None
        if self.civilian_targeting or self.event_type == "Violence against civilians" or self.inter2 == 7:
            return 3
        if 1 in (self.inter1, self.inter2):
            return 1
        return 2

    @property
    def country(self) -> str | None:
        return self.place.country if self.place else None


@dataclass(frozen=True, slots=True)
class Document:
    """A report, as ingested: its text and metadata, then what the stages add."""

    id: str  # content_id("doc", text)
    text: str
    sha256: str  # of the original bytes
    media_type: str = "text/plain"
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str | None = None
    external_id: str | None = None
    sources: tuple[Source, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()

    @staticmethod
    def make_id(text: str) -> str:
        return content_id("doc", text)


@dataclass(frozen=True, slots=True)
class Incident:
    """Mentions of one event from many documents, linked and reconciled."""

    id: str
    mention_ids: tuple[str, ...]
    event_type: str
    sub_event_type: str = ""
    event_date: str | None = None
    time_precision: int = 3
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: Place | None = None
    civilian_targeting: bool = False
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    sources: int = 1  # independent source lineages
    documents: int = 1
    status: str = "reported"
    grade: str = "single source"
    grade_reason: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)  # provenance, timeline, disagreements


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that a stage could not take: kept with the reason, listed and retried, never lost."""

    id: str
    uri: str
    stage: str
    reason: str
    sha256: str | None = None  # of the kept bytes, when there are any
    created: str = ""
    attempts: int = 1
    options: Mapping[str, Any] = field(default_factory=dict)  # how it was read, for retry


def to_dict(obj: Any) -> Any:
    """A JSON-ready dict of a model object (nested, with tuples as lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Mapping):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    return obj


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """The inverse of `to_dict`."""
    hints: tuple[tuple[str, Any], ...] = _field_hints(cast(Hashable, cls))
    return cls(**{name: _convert(hint, data[name]) for name, hint in hints if name in data})


@functools.cache
def _field_hints(cls: Any) -> tuple[tuple[str, Any], ...]:
    # get_type_hints evaluates annotations: costly, and the same for every record of a class.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        return tuple(_convert(args[0], v) for v in value)
    if origin in (Mapping, dict) or hint is Mapping:
        if args and args[1] is not Any:
            return {k: _convert(args[1], v) for k, v in value.items()}
        return dict(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value
