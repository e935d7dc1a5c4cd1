"""What extraction finds in a text written for a test: its main event's type, and whom it accuses."""

from __future__ import annotations

from conflictdb.extract import Extractor, extract_text


def main_event(extractor: Extractor, text: str, *, published: str) -> tuple[str, str] | None:
    """The main (first non-background) event's type and sub-event type; None where there is no event."""
    doc = extract_text(text, published=published, extractor=extractor)
    main = next((m for m in doc.mentions if not m.background), None)
    return None if main is None else (main.event_type, main.sub_event_type)


def accusations(extractor: Extractor, text: str, *, published: str = "1990-03-02") -> list[str]:
    """Whom the text's accusations name, spaces evened out."""
    doc = extract_text(text, published=published, extractor=extractor)
    return [" ".join(r.against.split()) for m in doc.mentions for r in m.responses if r.kind == "accusation"]
