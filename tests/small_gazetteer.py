"""A gazetteer of a few GeoNames-format rows written for a test module, and one mention geocoded in it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from conflictdb.geocode import Geocoder, import_files
from conflictdb.geocode.gazetteer import build_base
from conflictdb.models import Document, Mention, Place, Span

# GeoNames' columns: id, name, ascii name, alternate names, lat, lon, feature class and code, country, cc2,
# admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modified
_COLUMNS = "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t\t{}\t{}\t\t\t{}\t\t0\tUTC\t2020-01-01"

# (geonameid, name, alternate names, lat, lon, feature class, feature code, country, admin1, admin2, population)
Feature = tuple[int, str, str, float, float, str, str, str, str, str, int]


def build_geocoder(
    root: Path,
    features: Sequence[Feature],
    admin1: Sequence[tuple[str, str]],
    admin2: Sequence[tuple[str, str]] = (),
) -> Geocoder:
    """A geocoder over a gazetteer built in `root` from the rows given (no registry packages)."""
    dump = root / "XX.txt"
    rows = [
        _COLUMNS.format(g, n, n, alts, la, lo, fc, code, cc, a1, a2, pop)
        for g, n, alts, la, lo, fc, code, cc, a1, a2, pop in features
    ]
    dump.write_text("\n".join(rows) + "\n", encoding="utf-8")
    files = [dump]
    for name, units in (("admin1CodesASCII.txt", admin1), ("admin2Codes.txt", admin2)):
        if units:
            files.append(root / name)
            files[-1].write_text("".join(f"{c}\t{n}\t{n}\t0\n" for c, n in units), encoding="utf-8")
    path = root / "gazetteer.sqlite"
    build_base(path, registry=False)
    import_files(path, files)
    return Geocoder(gazetteer=path)


def place_of(geocoder: Geocoder, text: str, trigger: str, *, event_type: str) -> Place | None:
    """The place of the one event of `text`, whose trigger is the word `trigger`."""
    start = text.index(trigger)
    evidence = {"event_type": (Span(start, start + len(trigger)),)}
    mention = Mention(document_id="d", index=0, event_type=event_type, evidence=evidence)
    doc = Document(id="d", text=text, sha256="", mentions=(mention,))
    return geocoder(doc).mentions[0].place
