"""The linking stage on a store: new mentions join the incidents already there, or found new ones."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from conflictdb.link.dedup import lineages
from conflictdb.link.linker import Cluster, Linker
from conflictdb.link.match import Features, features
from conflictdb.link.reconcile import Report, incident_id, reconcile
from conflictdb.models import Document, Incident, Mention
from conflictdb.store.base import Store

_BATCH = 500
_REACH_DAYS = 40  # how far from a new mention's dates an incident can still be joined


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What one `link` call did."""

    mentions: int  # mentions linked in this call
    created: tuple[str, ...]  # new incident ids
    updated: tuple[str, ...]  # existing incidents that new mentions joined
    background: int  # background mentions that matched no incident (they never found one)
    skipped: int  # mentions already linked


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _BATCH):
        yield items[i : i + _BATCH]


def _documents(store: Store, ids: Iterable[str]) -> dict[str, Document]:
    wanted = sorted(set(ids))
    out: dict[str, Document] = {}
    for chunk in _chunks(wanted):
        out.update({d.id: d for d in store.documents(ids=chunk)})
    return out


def _mentions(store: Store, ids: Iterable[str]) -> dict[str, Mention]:
    wanted = sorted(set(ids))
    out: dict[str, Mention] = {}
    for chunk in _chunks(wanted):
        out.update({m.id: m for m in store.mentions(ids=chunk)})
    return out


def _sort_key(m: Mention, f: Features) -> tuple[int, int, str, str]:
    """Precise mentions first, so that incidents are anchored on precise facts; then by date and id."""
    place_rank = 0 if f.radius is not None else 1 if f.admin1 else 2
    return (m.time_precision, place_rank, m.event_date or "9999", m.id)


def link(store: Store, *, mention_ids: Iterable[str] | None = None) -> LinkResult:
    """Link mentions not yet in an incident (or just `mention_ids`) and save the incidents they touch.

    Deterministic: the same store gives the same incidents with the same ids; an incident's id derives
    from its first mention and does not change as later reports join it.
    """
    if mention_ids is None:
        new = list(store.unlinked_mentions())
        skipped = 0
    else:
        ids = list(dict.fromkeys(mention_ids))
        held = store.incidents_of(ids)
        found = _mentions(store, [i for i in ids if i not in held])
        new = [found[i] for i in sorted(found)]
        skipped = len(held)
    if not new:
        return LinkResult(0, (), (), 0, skipped)
    docs = _documents(store, (m.document_id for m in new))
    feats = {m.id: features(m, published=docs[m.document_id].published if m.document_id in docs else None) for m in new}

    # Existing incidents that the new mentions could join: same countries, dates within reach. They are
    # seeded from their mentions and the publication dates kept in their records, not re-linked.
    linker = Linker()
    days = [f.lo for f in feats.values() if f.lo is not None] + [f.hi for f in feats.values() if f.hi is not None]
    countries = {f.country for f in feats.values() if f.country}
    existing: list[Incident] = []
    if days:
        lo, hi = min(days) - _REACH_DAYS, max(days) + _REACH_DAYS
        start, end = date.fromordinal(max(1, int(lo))).isoformat(), date.fromordinal(int(hi) + 1).isoformat()
        existing = list(store.incidents_near(countries=countries, start=start, end=end))
    members = _mentions(store, (mid for inc in existing for mid in inc.mention_ids))
    for inc in existing:
        ms = [members[mid] for mid in inc.mention_ids if mid in members]
        if not ms:
            continue
        published = {r.get("mention_id"): r.get("published") for r in inc.details.get("reports", [])}
        seeded = [(m.id, m.document_id, features(m, published=published.get(m.id))) for m in ms]
        linker.seed(seeded, incident_id=inc.id, founder=str(inc.details.get("founder", ms[0].id)))

    background = 0
    for m in sorted(new, key=lambda m: _sort_key(m, feats[m.id])):
        if linker.add(m.id, m.document_id, feats[m.id], found=not m.background) is None:
            background += 1

    mentions = {**members, **{m.id: m for m in new}}
    changed = [c for c in linker.clusters if c.changed]
    docs.update(_documents(store, {mentions[mid].document_id for c in changed for mid in c.mention_ids} - docs.keys()))
    incidents = [_incident(c, mentions, docs) for c in changed]
    store.save_incidents(incidents)
    created = tuple(sorted(i.id for i, c in zip(incidents, changed, strict=True) if c.incident_id is None))
    updated = tuple(sorted(c.incident_id for c in changed if c.incident_id is not None))
    return LinkResult(len(new) - background, created, updated, background, skipped)


def dissolve(store: Store, incident_ids: Sequence[str]) -> list[str]:
    """Delete these incidents and return the mentions they held that still exist, to be linked again."""
    held = [mid for iid in incident_ids if (inc := store.incident(iid)) is not None for mid in inc.mention_ids]
    store.delete_incidents(incident_ids)
    return sorted(_mentions(store, held))


def _incident(cluster: Cluster, mentions: dict[str, Mention], docs: dict[str, Document]) -> Incident:
    ms = [mentions[mid] for mid in cluster.mention_ids]
    doc_ids = list(dict.fromkeys(m.document_id for m in ms))
    ordered = sorted(doc_ids, key=lambda d: ((docs[d].published or "") if d in docs else "", d))
    lineage, copies = lineages(
        [(d, docs[d].text if d in docs else "") for d in ordered],
        outlets={d: docs[d].outlet if d in docs else None for d in ordered},
    )
    copy_of = {c.document_id: c.original for c in copies}
    reports = []
    for m in ms:
        doc = docs.get(m.document_id)
        reports.append(
            Report(
                mention=m,
                lineage=lineage.get(m.document_id, m.document_id),
                published=doc.published if doc else None,
                outlet=doc.outlet if doc else None,
                external_id=_external_id(doc),
                url=doc.url if doc else None,
                title=doc.title if doc else None,
                copy_of=copy_of.get(m.document_id),
                text=doc.text if doc else None,
            )
        )
    if cluster.incident_id is not None:
        return reconcile(cluster.incident_id, cluster.founder, reports)
    # A new incident is named after its earliest report, so that reports linked in one batch or one by
    # one, in the order they were published, give the same id; it then never changes.
    founder = min(reports, key=lambda r: (r.published or "9999", r.mention.id)).mention.id
    return reconcile(incident_id(founder), founder, reports)


def _external_id(doc: Document | None) -> str | None:
    if doc is None:
        return None
    if doc.external_id:
        return doc.external_id
    return next((s.external_id for s in doc.sources if s.external_id), None)
