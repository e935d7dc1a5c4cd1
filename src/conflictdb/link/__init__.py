"""Linking: mentions of one event from many documents become one reconciled `Incident`.

    link(store)            new mentions join the store's incidents or found new ones (incremental)
    dissolve(store, ids)   delete incidents, returning their surviving mentions to link again
    Linker                 the in-memory linker that `link` drives, on `match.Features`
    same_event(a, b)       whether two mentions describe one event
    lineages(documents)    near-duplicate documents (MinHash LSH, confirmed by rapidfuzz) as lineages

Reads `Mention`s and their `Document`s (published date, outlet, external id, text); sets `Incident`s.

An incident's id is `content_id("inc", founder)`, its first mention's id, stable as reports join.
`Incident.sources` counts independent lineages (a document, its syndicated copies and its outlet's
other reports are one lineage). `grade` is one of `GRADES`, in Airwars' spirit, with `grade_reason`:
'confirmed' (a claim of responsibility, or a confirmation by the perpetrator), 'discounted' (every
source now reports it denied), 'contested' (a denial, or sources naming different perpetrators),
'corroborated' (two or more independent lineages), 'single source'. `status` is one of STATUSES:
'confirmed', 'denied', 'reported' (some source states it as fact) or 'alleged'.
`fatalities` is ACLED's lowest credible figure, `fatalities_low/best/high` UCDP's across lineages.

`Incident.details` keys (JSON-ready):
    founder        the first mention's id
    documents      document ids, earliest published first
    external_ids   the documents' external ids as given at ingest (the record's own id), in order
    lineages       [{"id": first document of the lineage, "documents": [ids]}]
    copies         {document id: the earlier document it nearly duplicates}
    reports        one per mention: mention_id, document_id, external_id, outlet, published, url, title,
                   lineage, copy_of, background, event_type, sub_event_type, event_date, time_precision,
                   actor1, actor2, location, admin1, country, latitude, longitude, geo_precision,
                   fatalities, fatalities_low, fatalities_best, fatalities_high, status, claimed_by,
                   evidence ({field: [[start, end], ...]} into that document's text)
    timeline       [{"date", "step", "by", "document_id", "mention_id", "span"?, "quote"?}] in date order;
                   step is the first report's status ('alleged', 'reported' ...) or a response:
                   'investigation announced', 'denied', 'confirmed', 'responsibility claimed', 'condemned' ...
    disagreements  [{"field", "values": [{"value", "documents": [ids]}]}] where lineages' current
                   reports differ (event_type, sub_event_type, event_date, actor1, actor2, location, fatalities)
"""

from conflictdb.link.dedup import Deduplicator, lineages
from conflictdb.link.linker import Cluster, Linker
from conflictdb.link.match import Features, features, same_event
from conflictdb.link.reconcile import GRADES, reconcile
from conflictdb.link.stage import LinkResult, dissolve, link

__all__ = [
    "GRADES",
    "Cluster",
    "Deduplicator",
    "Features",
    "LinkResult",
    "Linker",
    "dissolve",
    "features",
    "lineages",
    "link",
    "reconcile",
    "same_event",
]
