"""Near-duplicate documents: syndicated copies, one wire text under several headlines.

Candidates come from MinHash LSH over word shingles (datasketch), so finding the copies of a
document costs the same at any scale; each candidate is confirmed by a character-level similarity
(rapidfuzz) before it counts, because shingle overlap alone also pairs short reports written from
one template. Copies are kept and shown; they form one source *lineage* with their original, and a
lineage is never independent corroboration of itself. Documents from one outlet are one lineage too.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH
from rapidfuzz import fuzz

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Copy:
    """`document_id` is a near-duplicate of the earlier `original`."""

    document_id: str
    original: str
    similarity: float  # rapidfuzz ratio, 0..100


def _normalize(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@functools.cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH (bands, rows) for a threshold: datasketch finds them by numeric integration, so once per process."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class Deduplicator:
    """Finds, for each document added, the earlier document it copies, if any."""

    def __init__(self, *, threshold: float = 0.5, num_perm: int = 64, shingle: int = 4, confirm: float = 90.0) -> None:
        self.num_perm = num_perm
        self.shingle = shingle
        self.confirm = confirm
        self._lsh = MinHashLSH(num_perm=num_perm, params=_bands(threshold, num_perm))
        self._texts: dict[str, str] = {}
        self._order: dict[str, int] = {}

    def _minhash(self, words: list[str]) -> MinHash:
        k = self.shingle
        shingles = {" ".join(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}
        m = MinHash(num_perm=self.num_perm, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingles])
        return m

    @staticmethod
    def _similarity(a: str, b: str) -> float:
        """Character similarity; a copy with a footer or a byline added counts by its aligned part."""
        sim = fuzz.ratio(a, b)
        short, long = sorted((len(a), len(b)))
        if sim < 100 and short >= 0.6 * long:
            sim = max(sim, fuzz.partial_ratio(a, b))
        return sim

    def add(self, document_id: str, text: str) -> Copy | None:
        """Index a document; the earliest added document it nearly duplicates, or None."""
        if document_id in self._texts:
            return None
        norm = _normalize(text)
        words = norm.split()
        if not words:
            return None
        m = self._minhash(words)
        best: Copy | None = None
        for other in sorted(self._lsh.query(m), key=self._order.__getitem__):
            sim = self._similarity(norm, self._texts[other])
            if sim >= self.confirm:
                best = Copy(document_id, other, sim)
                break
        self._lsh.insert(document_id, m)
        self._texts[document_id] = norm
        self._order[document_id] = len(self._order)
        return best


def lineages(
    documents: Iterable[tuple[str, str]], *, outlets: Mapping[str, str | None] | None = None
) -> tuple[dict[str, str], list[Copy]]:
    """Each document's lineage (the id of its lineage's first document) and the copies found.

    `documents` are (id, text) pairs in the order they appeared (earliest first); `outlets` maps a
    document to its outlet, whose documents form one lineage whatever their wording.
    """
    dedup = Deduplicator()
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            # The earlier document stays the root, so lineage ids do not depend on arrival of later copies.
            first, second = (ra, rb) if order[ra] <= order[rb] else (rb, ra)
            parent[second] = first

    copies: list[Copy] = []
    order: dict[str, int] = {}
    by_outlet: dict[str, str] = {}
    for document_id, text in documents:
        if document_id in order:
            continue
        order[document_id] = len(order)
        parent[document_id] = document_id
        copy = dedup.add(document_id, text)
        if copy is not None:
            copies.append(copy)
            union(copy.original, document_id)
        outlet = (outlets or {}).get(document_id)
        key = " ".join(outlet.lower().split()) if outlet else ""
        if key:
            if key in by_outlet:
                union(by_outlet[key], document_id)
            else:
                by_outlet[key] = document_id
    return {d: root(d) for d in order}, copies
