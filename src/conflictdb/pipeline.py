"""The stages in order.

    ingest  ->  extract  ->  geocode  ->  link
    files       Document     Document     Incidents
    -> Document  +mentions   +places

Ingest and link work on the store; extraction and geocoding are per-document stages, callables
`Document -> Document`, built once (they load models and gazetteers) and applied in this order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tqdm import tqdm

from conflictdb.errors import ConfigError
from conflictdb.ingest import IngestReport, Options, read, store_items
from conflictdb.models import Document, Reject, content_id
from conflictdb.store.base import Store

Stage = Callable[[Document], Document]


def document_stages(*, model: str | Path | None = None, gazetteer: str | Path | None = None) -> tuple[Stage, ...]:
    """The per-document stages, ready to apply: extraction, then geocoding."""
    from conflictdb.extract import Extractor
    from conflictdb.geocode import Geocoder

    return (Extractor(model=model), Geocoder(gazetteer=gazetteer))


# Spaces that the stages' patterns, the parser and the registry do not take for spaces ('Jamaat-ul-Mujahideen
# Bangladesh' joined by a no-break space): the stages read a copy with plain spaces, one character for one, so
# every span they return still points into the original text, which the document keeps.
_ODD_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2007\u2009\u200a\u202f", " "))


def analyze(documents: Iterable[Document], stages: tuple[Stage, ...]) -> Iterator[Document]:
    """Apply the stages to a stream of documents, lazily.

    A stage with a `pipe(documents)` method gets the whole stream, so that it can batch (spaCy's
    `nlp.pipe` on both cores); any other stage is called on one document at a time.
    """
    originals: dict[str, list[str]] = {}

    def plain(docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            text = doc.text.translate(_ODD_SPACES)
            if text != doc.text:
                originals.setdefault(doc.id, []).append(doc.text)
                doc = replace(doc, text=text)
            yield doc

    stream: Iterable[Document] = plain(documents)
    for stage in stages:
        pipe = getattr(stage, "pipe", None)
        stream = pipe(stream) if pipe is not None else map(stage, stream)
    for doc in stream:
        kept = originals.get(doc.id)
        if kept:
            doc = replace(doc, text=kept.pop(0))
            if not kept:
                del originals[doc.id]
        yield doc


@dataclass
class RunReport:
    ingest: IngestReport
    analyzed: int = 0
    mentions: int = 0
    failed: int = 0
    incidents: int = 0

    def summary(self) -> str:
        return (
            f"{self.ingest.summary()}; {self.analyzed} documents analysed, {self.mentions} events, "
            f"{self.failed} failed; {self.incidents} incidents in the store"
        )


def run(
    store: Store,
    paths: Iterable[str],
    *,
    options: Options | None = None,
    model: str | Path | None = None,
    gazetteer: str | Path | None = None,
    progress: bool = False,
    workers: int = 1,
) -> RunReport:
    """Ingest the inputs, analyse every document not yet analysed, and link the new events."""
    items = read(paths, options=options, workers=workers)
    report = RunReport(ingest=store_items(store, tqdm(items, desc="ingest", unit="doc", disable=not progress)))
    analyze_stored(store, report, model=model, gazetteer=gazetteer, progress=progress)
    return report


def analyze_stored(
    store: Store,
    report: RunReport,
    *,
    ids: Iterable[str] | None = None,
    model: str | Path | None = None,
    gazetteer: str | Path | None = None,
    progress: bool = False,
    chunk: int = 256,
) -> None:
    """Run the document stages over stored documents not yet analysed, then link what they found.

    Documents are read a chunk at a time, so memory does not grow with the size of the store.
    """
    wanted = set(ids) if ids is not None else None
    pending = [i for i in store.document_ids(unextracted=True) if wanted is None or i in wanted]
    _analyse(store, report, pending, model=model, gazetteer=gazetteer, progress=progress, chunk=chunk)


def reanalyse(
    store: Store,
    report: RunReport,
    *,
    ids: Iterable[str] | None = None,
    model: str | Path | None = None,
    gazetteer: str | Path | None = None,
    progress: bool = False,
) -> None:
    """Analyse stored documents again (all, or `ids`): after an upgrade, or with a model fitted by `train`.

    Their old events are replaced, and the incidents that held them are linked again: each such incident
    is dissolved and its other reports linked afresh with the new events, so no incident keeps an event
    that is gone. A document that now fails keeps its old events and becomes a reject.
    """
    known = store.document_ids()
    pending = known if ids is None else list(dict.fromkeys(ids))
    missing = sorted(set(pending) - set(known))
    if missing:
        raise ConfigError(f"no such document: {', '.join(missing[:5])}", hint="see `conflictdb search`")
    _analyse(store, report, pending, model=model, gazetteer=gazetteer, progress=progress, again=True)


def _analyse(
    store: Store,
    report: RunReport,
    pending: list[str],
    *,
    model: str | Path | None,
    gazetteer: str | Path | None,
    progress: bool,
    chunk: int = 256,
    again: bool = False,
) -> None:
    if not pending:
        report.incidents = store.counts()["incidents"]
        return
    from conflictdb.link import dissolve, link

    stages = document_stages(model=model, gazetteer=gazetteer)
    new_mentions: list[str] = []
    touched: set[str] = set()  # incidents that held a re-analysed document's old events
    bar = tqdm(total=len(pending), desc="analyse", unit="doc", disable=not progress)
    for start in range(0, len(pending), chunk):
        batch = list(store.documents(ids=pending[start : start + chunk]))
        for document in _analyze_isolated(batch, stages, store, report):
            if again:
                touched.update(store.incidents_of(m.id for m in store.mentions(document_id=document.id)).values())
            store.save_extraction(document.id, document.sentences, document.mentions)
            report.analyzed += 1
            report.mentions += len(document.mentions)
            new_mentions += [m.id for m in document.mentions]
        bar.update(len(batch))
    bar.close()
    link(store, mention_ids=[*new_mentions, *dissolve(store, sorted(touched))])
    report.incidents = store.counts()["incidents"]


def _analyze_isolated(
    batch: list[Document], stages: tuple[Stage, ...], store: Store, report: RunReport
) -> list[Document]:
    """Analyse a batch; if it fails, one document at a time, so a bad document never stops the rest."""
    try:
        return list(analyze(batch, stages))
    except Exception:  # noqa: BLE001 - isolated below, and every failure is kept as a reject
        pass
    done: list[Document] = []
    for document in batch:
        try:
            done.extend(analyze([document], stages))
        except Exception as exc:  # noqa: BLE001 - a bad document becomes a reject, never stops the batch
            report.failed += 1
            store.add_reject(
                Reject(
                    id=content_id("rej", "extract", document.id),
                    uri=document.sources[0].uri if document.sources else document.id,
                    stage="extract",
                    reason=f"{type(exc).__name__}: {exc}",
                    sha256=document.sha256,
                    options={"document_id": document.id},
                )
            )
    return done
