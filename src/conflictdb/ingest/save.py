"""Saving what was read: documents and rejects into the store, and reading rejects again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace

from conflictdb.ingest.read import Fields, Item, Options, read, read_bytes
from conflictdb.models import content_id
from conflictdb.store.base import Store


@dataclass
class IngestReport:
    new_documents: int = 0
    new_sources: int = 0  # a known text from a new place
    unchanged: int = 0  # seen before, from the same place: nothing to do
    rejected: int = 0
    document_ids: list[str] = field(default_factory=list)  # new documents, in order

    def summary(self) -> str:
        return (
            f"{self.new_documents} new documents, {self.new_sources} new sources of known documents, "
            f"{self.unchanged} unchanged, {self.rejected} rejected"
        )


def store_items(
    store: Store, items: Iterable[Item], *, report: IngestReport | None = None, batch: int = 500
) -> IngestReport:
    """Write documents and rejects to the store, `batch` items to a transaction."""
    report = report or IngestReport()
    pending: list[Item] = []

    def flush() -> None:
        with store.transaction():
            for item in pending:
                _store_item(store, item, report)
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return report


def _store_item(store: Store, item: Item, report: IngestReport) -> None:
    if item.reject is not None:
        store.add_reject(item.reject, original=item.original if item.reject.sha256 else None)
        report.rejected += 1
        return
    assert item.document is not None and item.source is not None
    added = store.add_document(item.document, source=item.source, original=item.original)
    if added.new_document:
        report.new_documents += 1
        report.document_ids.append(added.document_id)
    elif added.new_source:
        report.new_sources += 1
    else:
        report.unchanged += 1


def retry(store: Store, *, ids: Iterable[str] | None = None, options: Options | None = None) -> IngestReport:
    """Read kept ingest rejects again, with their first options updated by `options`' non-defaults.

    A reject that now reads is removed; one that fails again stays, its attempts counted.
    """
    wanted = set(ids) if ids is not None else None
    report = IngestReport()
    for reject in store.rejects():
        if reject.stage not in ("ingest", "fetch") or (wanted is not None and reject.id not in wanted):
            continue
        merged = _merge_options(Options.from_dict(reject.options), options)
        data = store.original(reject.sha256) if reject.sha256 else None
        kind = reject.options.get("kind")
        if data is not None:
            items = list(read_bytes(data, uri=_base_uri(reject.uri), kind=kind, options=merged))
            if kind in ("jsonl", "csv"):
                items = [_relabel(it, reject.uri) for it in items]
        else:
            items = list(read([reject.uri], options=merged))
        store.remove_reject(reject.id)
        store_items(store, items, report=report)
    return report


def _merge_options(first: Options, override: Options | None) -> Options:
    if override is None:
        return first
    default = Options()
    fields = {
        name: getattr(override.fields, name)
        if getattr(override.fields, name) != getattr(default.fields, name)
        else getattr(first.fields, name)
        for name in asdict(default.fields)
    }
    return Options(
        Fields(**fields),
        override.max_bytes if override.max_bytes != default.max_bytes else first.max_bytes,
        override.encoding or first.encoding,
    )


def _base_uri(uri: str) -> str:
    return uri.split("#", 1)[0]


def _relabel(item: Item, uri: str) -> Item:
    """A kept batch record re-reads as a batch of one: give it back its first address (file.jsonl#L12)."""
    if item.source is not None:
        return replace(item, source=replace(item.source, uri=uri))
    if item.reject is not None:
        reject = item.reject
        new_id = content_id("rej", reject.stage, uri, reject.sha256 or "")
        return replace(item, reject=replace(reject, uri=uri, id=new_id))
    return item
