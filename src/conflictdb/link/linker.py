"""The in-memory linker: mentions in, clusters out, one mention at a time.

Each cluster keeps a merged profile (`match.merge`), so a mention is compared with the cluster as a
whole in constant time, and joining it needs every member's constraints to hold (the intersection of
their dates, the most precise place): a vague report between two look-alikes cannot chain them.
Candidates come from a block index keyed by (country, event family, week), a cluster being listed in
every week its date interval touches. A mention joins the best-scoring cluster above the threshold
(ties: the older cluster) or founds a new one; nothing already linked is ever revisited, which keeps
linking incremental and the cost per mention flat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from conflictdb.link.match import MARGIN, THRESHOLD, Features, merge, score

_WEEK = 7.0


@dataclass(slots=True)
class Cluster:
    """Mentions linked as one event (mutable while linking; an `Incident` once reconciled)."""

    seq: int
    founder: str  # the first mention: the incident id derives from it
    profile: Features
    mention_ids: list[str] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    incident_id: str | None = None  # when it was loaded from the store
    changed: bool = True


class Linker:
    """Links mentions into clusters; `add` them in a fixed order for a deterministic result."""

    def __init__(self, *, threshold: float = THRESHOLD, margin: float = MARGIN) -> None:
        self.threshold = threshold
        self.margin = margin
        self.clusters: list[Cluster] = []
        self._index: dict[tuple[str, str, int], list[Cluster]] = {}

    def _weeks(self, f: Features) -> range:
        assert f.lo is not None and f.hi is not None
        return range(int(f.lo // _WEEK), int(f.hi // _WEEK) + 1)

    def _register(self, cluster: Cluster) -> None:
        p = cluster.profile
        if p.lo is None or p.hi is None:
            return
        country = p.country or ""
        for week in self._weeks(p):
            self._index.setdefault((country, p.family, week), []).append(cluster)

    def seed(self, members: Iterable[tuple[str, str, Features]], *, incident_id: str, founder: str) -> Cluster:
        """Load a cluster linked earlier (an incident from the store) without re-linking it."""
        cluster: Cluster | None = None
        for mention_id, document_id, f in members:
            if cluster is None:
                cluster = Cluster(len(self.clusters), founder, f)
            else:
                cluster.profile = merge(cluster.profile, f)
            cluster.mention_ids.append(mention_id)
            cluster.documents.add(document_id)
        if cluster is None:
            raise ValueError(f"incident {incident_id} has no mentions")
        cluster.incident_id, cluster.changed = incident_id, False
        self.clusters.append(cluster)
        self._register(cluster)
        return cluster

    def best(self, document_id: str, f: Features) -> tuple[Cluster | None, float]:
        """The cluster that `f` would join, and its score."""
        if f.lo is None or f.hi is None:
            return None, 0.0
        country = f.country or ""
        best: Cluster | None = None
        best_score = self.threshold
        runner_up = -1.0
        seen: set[int] = set()
        index = self._index
        for week in self._weeks(f):
            for cluster in index.get((country, f.family, week), ()):
                if cluster.seq in seen:
                    continue
                seen.add(cluster.seq)
                if document_id in cluster.documents:
                    continue  # one document's mentions are different events by construction
                s = score(f, cluster.profile)
                if s is None or s < self.threshold:
                    continue
                if best is None or s > best_score or (s == best_score and cluster.seq < best.seq):
                    if best is not None:
                        runner_up = max(runner_up, best_score)
                    best, best_score = cluster, s
                else:
                    runner_up = max(runner_up, s)
        if best is not None and best_score - runner_up < self.margin:
            return None, 0.0  # it fits two incidents about as well: joining either would be a guess
        return best, (best_score if best is not None else 0.0)

    def add(self, mention_id: str, document_id: str, f: Features, *, found: bool = True) -> Cluster | None:
        """Link one mention; with `found=False` (a background mention) it may join but never found a cluster."""
        cluster, _ = self.best(document_id, f)
        if cluster is not None:
            # The date interval only narrows, so the cluster's index entries still cover it.
            cluster.profile = merge(cluster.profile, f)
            cluster.mention_ids.append(mention_id)
            cluster.documents.add(document_id)
            cluster.changed = True
            return cluster
        if not found:
            return None
        cluster = Cluster(len(self.clusters), mention_id, f, [mention_id], {document_id})
        self.clusters.append(cluster)
        self._register(cluster)
        return cluster
