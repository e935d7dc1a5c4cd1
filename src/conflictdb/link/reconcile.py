"""The incident record: the mentions of one event reconciled, every value with its provenance.

Each source lineage (a document and its syndicated copies, or one outlet) has one vote, cast by its
latest report, so a revised toll replaces the first one and twenty copies of a wire story weigh as
one. Fatalities follow UCDP (low / best / high across sources) and ACLED (the lowest credible
figure); the credibility grade follows Airwars' scheme, with the reason spelled out.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from conflictdb.models import Actor, Incident, Mention, Place, content_id

# Airwars-style grades, strongest first.
GRADES = ("confirmed", "corroborated", "contested", "single source", "discounted")

# Response kinds as steps of the status timeline.
_STEP = {
    "investigation": "investigation announced",
    "denial": "denied",
    "confirmation": "confirmed",
    "claim_of_responsibility": "responsibility claimed",
    "condemnation": "condemned",
    "arrest": "arrests",
    "other": "other response",
}
_GENERIC = ("Civilians", "Protesters", "Rioters", "Unidentified")


@dataclass(frozen=True, slots=True)
class Report:
    """One mention with what linking knows of its document."""

    mention: Mention
    lineage: str  # the first document of its lineage
    published: str | None = None
    outlet: str | None = None
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    copy_of: str | None = None  # the document it nearly duplicates
    text: str | None = None  # the document's text, to quote responses

    @property
    def document_id(self) -> str:
        return self.mention.document_id


def incident_id(founder: str) -> str:
    """The incident id: from its first mention, so it stays as the incident grows."""
    return content_id("inc", founder)


def _order(r: Report) -> tuple[str, str, int]:
    return (r.published or "", r.document_id, r.mention.index)


def _latest_by_lineage(reports: Sequence[Report]) -> dict[str, Report]:
    """Each lineage's latest report (its current word), background reports only where it has nothing else."""
    out: dict[str, Report] = {}
    for r in sorted(reports, key=lambda r: (not r.mention.background, _order(r))):
        out[r.lineage] = r
    return out


def _vote(values: list[tuple[Any, str]], *, order: list[Any]) -> Any:
    """The value most lineages give; ties go to the value first seen in `order`."""
    counts = Counter(v for v, _ in values)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in order if counts.get(v) == top)


def _place_rank(p: Place | None) -> tuple[int, int]:
    if p is None:
        return (9, 9)
    return (p.where_prec or 7, p.geo_precision or 3)


def _actor_key(a: Actor | None) -> str | None:
    return a.name if a else None


def _figures(m: Mention) -> tuple[int | None, int | None, int | None, int | None]:
    best = m.fatalities_best if m.fatalities_best is not None else m.fatalities
    low = m.fatalities_low if m.fatalities_low is not None else best
    high = m.fatalities_high if m.fatalities_high is not None else best
    acled = m.fatalities if m.fatalities is not None else low
    return low, best, high, acled


def _field_values(r: Report) -> dict[str, Any]:
    m = r.mention
    p = m.place
    low, best, high, acled = _figures(m)
    return {
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type or None,
        "event_date": m.event_date,
        "actor1": _actor_key(m.actor1),
        "actor2": _actor_key(m.actor2),
        "location": p.name if p else None,
        "fatalities": acled,
        "civilian_targeting": m.civilian_targeting,
    }


def _disagreements(latest: dict[str, Report]) -> list[dict[str, Any]]:
    out = []
    fields = ("event_type", "sub_event_type", "event_date", "actor1", "actor2", "location", "fatalities")
    per = {lin: _field_values(r) for lin, r in latest.items()}
    for name in fields:
        groups: dict[Any, list[str]] = {}
        for lin in sorted(per, key=lambda x: _order(latest[x])):
            value = per[lin][name]
            if value is not None:
                groups.setdefault(value, []).append(latest[lin].document_id)
        if len(groups) > 1:
            out.append({"field": name, "values": [{"value": v, "documents": docs} for v, docs in groups.items()]})
    return out


def _timeline(reports: Sequence[Report]) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = []
    seen_lineage: set[str] = set()
    for r in sorted(reports, key=_order):
        m = r.mention
        if r.lineage not in seen_lineage:
            seen_lineage.add(r.lineage)
            steps.append(
                {
                    "date": r.published,
                    "step": m.status,
                    "by": r.outlet or "",
                    "document_id": r.document_id,
                    "mention_id": m.id,
                }
            )
        for resp in m.responses:
            step = {
                "date": r.published,
                "step": _STEP.get(resp.kind, resp.kind),
                "by": resp.by,
                "document_id": r.document_id,
                "mention_id": m.id,
                "span": [resp.span.start, resp.span.end],
            }
            if r.text is not None:
                step["quote"] = resp.span.of(r.text)
            steps.append(step)
    return steps


def _responsible(by: str, actors: set[str]) -> bool:
    """Whether the one responding (in the text's words) is one of the actors (by name or words)."""
    words = by.lower().strip()
    return bool(words) and any(a.lower() in words or words in a.lower() for a in actors if a)


def _grade(reports: Sequence[Report], latest: dict[str, Report], actor1: Actor | None) -> tuple[str, str, str]:
    """(status, grade, reason)."""
    perpetrators = {actor1.name, actor1.words} if actor1 else set()
    # A claim of responsibility is the responsible party accepting it; a confirmation only when it is theirs
    # (officials confirming a toll confirm that it happened, not who did it).
    confirmed_by = [
        resp.by
        for r in reports
        for resp in r.mention.responses
        if resp.kind == "claim_of_responsibility"
        or (resp.kind == "confirmation" and _responsible(resp.by, perpetrators))
    ]
    denials = [resp.by for r in reports for resp in r.mention.responses if resp.kind == "denial"]
    current = [r for r in latest.values() if not r.mention.background] or list(latest.values())
    sources = len(current)
    if confirmed_by:
        return "confirmed", "confirmed", f"the responsible party accepts it ({confirmed_by[0]})"
    if current and all(r.mention.status == "denied" for r in current):
        return "denied", "discounted", "every source now reports it as denied or untrue"
    perps = {
        r.mention.actor1.name for r in current if r.mention.actor1 and not r.mention.actor1.name.startswith(_GENERIC)
    }
    if denials or len(perps) > 1:
        why = (
            f"denied by {denials[0]}" if denials else "sources name different perpetrators: " + ", ".join(sorted(perps))
        )
        return ("denied" if denials else _status(current)), "contested", f"contested between parties: {why}"
    if sources >= 2:
        return _status(current), "corroborated", f"{sources} independent sources"
    return _status(current), "single source", "one source lineage only"


def _status(current: list[Report]) -> str:
    if any(r.mention.status == "confirmed" for r in current):
        return "confirmed"
    return "reported" if any(r.mention.status == "reported" for r in current) else "alleged"


def reconcile(incident: str, founder: str, reports: Sequence[Report]) -> Incident:
    """One incident from the reports of its mentions."""
    if not reports:
        raise ValueError(f"incident {incident} has no reports")
    reports = sorted(reports, key=_order)
    latest = _latest_by_lineage(reports)
    votes = list(latest.values())
    seen = [r.mention for r in reports]

    event_type = _vote([(r.mention.event_type, r.lineage) for r in votes], order=[m.event_type for m in seen])
    sub = _vote(
        [
            (r.mention.sub_event_type, r.lineage)
            for r in votes
            if r.mention.event_type == event_type and r.mention.sub_event_type
        ],
        order=[m.sub_event_type for m in seen],
    )
    precision = min(m.time_precision for m in seen if m.event_date) if any(m.event_date for m in seen) else 3
    event_date = _vote(
        [
            (r.mention.event_date, r.lineage)
            for r in votes
            if r.mention.event_date and r.mention.time_precision == precision
        ]
        or [(m.event_date, "") for m in seen if m.event_date and m.time_precision == precision],
        order=[m.event_date for m in seen],
    )
    best_rank = min(_place_rank(m.place) for m in seen)
    places = [m.place for m in seen if m.place is not None and _place_rank(m.place) == best_rank]
    place_name = _vote([(p.name, "") for p in places], order=[p.name for p in places])
    place = next((p for p in places if p.name == place_name), None)

    def actor(role: str) -> Actor | None:
        cands = [(getattr(r.mention, role), r.lineage) for r in votes if getattr(r.mention, role) is not None]
        specific = [(a, lin) for a, lin in cands if not a.name.startswith(_GENERIC)] or cands
        name = _vote([(a.name, lin) for a, lin in specific], order=[a.name for a, _ in specific])
        return next((a for a, _ in specific if a.name == name), None)

    actor1, actor2 = actor("actor1"), actor("actor2")
    civilian = bool(_vote([(r.mention.civilian_targeting, r.lineage) for r in votes], order=[True, False]))

    # Fatalities: each lineage's current figure; a source that now denies the event gives none.
    figures = [_figures(r.mention) for r in votes if r.mention.status != "denied"]
    lows = [f[0] for f in figures if f[0] is not None]
    bests = [f[1] for f in figures if f[1] is not None]
    highs = [f[2] for f in figures if f[2] is not None]
    acleds = [f[3] for f in figures if f[3] is not None]
    status, grade, reason = _grade(reports, latest, actor1)

    documents = list(dict.fromkeys(r.document_id for r in reports))
    lineages: dict[str, list[str]] = {}
    for r in reports:
        docs = lineages.setdefault(r.lineage, [])
        if r.document_id not in docs:
            docs.append(r.document_id)
    details: dict[str, Any] = {
        "founder": founder,
        "documents": documents,
        "external_ids": list(dict.fromkeys(r.external_id for r in reports if r.external_id)),
        "lineages": [{"id": lin, "documents": docs} for lin, docs in lineages.items()],
        "copies": {r.document_id: r.copy_of for r in reports if r.copy_of},
        "reports": [_report_detail(r) for r in reports],
        "timeline": _timeline(reports),
        "disagreements": _disagreements(latest),
    }
    return Incident(
        id=incident,
        mention_ids=tuple(r.mention.id for r in reports),
        event_type=event_type,
        sub_event_type=sub or "",
        event_date=event_date,
        time_precision=precision,
        actor1=actor1,
        actor2=actor2,
        place=place,
        civilian_targeting=civilian,
        fatalities=min(acleds) if acleds else None,
        fatalities_low=min(lows) if lows else None,
        fatalities_best=statistics.median_low(bests) if bests else None,
        fatalities_high=max(highs) if highs else None,
        sources=len([r for r in votes if not r.mention.background]) or 1,
        documents=len(documents),
        status=status,
        grade=grade,
        grade_reason=reason,
        details=details,
    )


def _report_detail(r: Report) -> dict[str, Any]:
    m = r.mention
    p = m.place
    low, best, high, acled = _figures(m)
    return {
        "mention_id": m.id,
        "document_id": r.document_id,
        "external_id": r.external_id,
        "outlet": r.outlet,
        "published": r.published,
        "url": r.url,
        "title": r.title,
        "lineage": r.lineage,
        "copy_of": r.copy_of,
        "background": m.background,
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "event_date": m.event_date,
        "time_precision": m.time_precision,
        "actor1": _actor_key(m.actor1),
        "actor2": _actor_key(m.actor2),
        "location": p.label if p else None,  # for a reader: the country of a country-only report
        "admin1": p.admin1 if p else None,
        "country": p.country if p else None,
        "latitude": p.latitude if p else None,
        "longitude": p.longitude if p else None,
        "geo_precision": p.geo_precision if p else None,
        "fatalities": acled,
        "fatalities_low": low,
        "fatalities_best": best,
        "fatalities_high": high,
        "status": m.status,
        "claimed_by": list(m.claimed_by),
        "evidence": {k: [[s.start, s.end] for s in v] for k, v in m.evidence.items()},
    }
