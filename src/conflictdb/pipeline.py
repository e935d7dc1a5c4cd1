"""The stages in order.

    ingest  ->  extract  ->  geocode  ->  link
    files       Document     Document     Incidents
    -> Document  +mentions   +places

Ingest and link work on the store; extraction and geocoding are per-document stages, callables
`Document -> Document`, built once (they load models and gazetteers) and applied in this order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from conflictdb.models import Document

Stage = Callable[[Document], Document]


def document_stages(*, model: str | Path | None = None, gazetteer: str | Path | None = None) -> tuple[Stage, ...]:
    """The per-document stages, ready to apply: extraction, then geocoding."""
    from conflictdb.extract import Extractor
    from conflictdb.geocode import Geocoder

    return (Extractor(model=model), Geocoder(gazetteer=gazetteer))


def analyze(documents: Iterable[Document], stages: tuple[Stage, ...]) -> Iterator[Document]:
    """Apply the stages to a stream of documents, lazily.

    A stage with a `pipe(documents)` method gets the whole stream, so that it can batch (spaCy's
    `nlp.pipe` on both cores); any other stage is called on one document at a time.
    """
    stream: Iterable[Document] = documents
    for stage in stages:
        pipe = getattr(stage, "pipe", None)
        stream = pipe(stream) if pipe is not None else map(stage, stream)
    yield from stream
