"""Query: incidents filtered, sorted and paged, and counted by month, country, actor or event type.

Plain SQL over the store's `incidents` table and the indexes of migration 2, written so that a
filtered page of a 1,000,000-incident store comes back in milliseconds:

- a page is read through the most selective filter's index and sorted when that filter is
  selective (measured on the index, not guessed: conflict data is skewed), and otherwise in the
  sort order's index until the page is full, so neither case scans the table;
- an actor is either side of an incident: each side is read through its own index, then merged;
- free text searches the documents behind the incidents (the `documents_fts` table).

Reads the store; writes nothing.
"""

from __future__ import annotations

import calendar
import json
import re
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from conflictdb.errors import ConfigError

# A page's `total` is exact up to here; past it, counting would cost more than the page itself.
COUNT_CAP = 10_000
# A filter matching at most this many incidents is read through its index, and its matches sorted.
SELECTIVE = 20_000
# Free text matching at most this many documents drives the query from the documents.
TEXT_FEW = 2_000
# Seconds to walk an index in sort order looking for a page of matches, before sorting them instead.
WALK_BUDGET = 0.015
# SQLite virtual-machine steps between two looks at the clock.
BUDGET_STEPS = 1_000
# Incidents read to estimate a count that would take too long to make exactly.
SAMPLE = 500
_SORT_INDEXES = {
    "event_date": "incidents_wide",
    "fatalities": "incidents_fatalities",
    "country": "incidents_country_stats",
    "event_type": "incidents_type_stats",
    "status": "incidents_status",
    "grade": "incidents_grade",
}
_INDEXES = {
    "country": "incidents_country_stats",
    "admin1": "incidents_admin1",
    "event_type": "incidents_type_stats",
    "sub_event_type": "incidents_subtype",
    "status": "incidents_status",
    "grade": "incidents_grade",
}

# The summary columns of a list row; the full record is in `data` (`Incident` as JSON).
COLUMNS = (
    "id", "event_date", "event_type", "sub_event_type", "country", "admin1", "location", "latitude",
    "longitude", "actor1", "actor2", "civilian_targeting", "fatalities", "status", "grade", "sources",
)
SORTS = ("event_date", "fatalities", "country", "event_type", "sources", "grade", "status")
AGGREGATES = ("month", "year", "country", "admin1", "actor", "event_type", "sub_event_type", "status", "grade")

# aggregate name -> the SQL expression grouped on (the month's matches the index of migration 2)
_GROUPS = {
    "month": "substr(event_date, 1, 7)",
    "year": "substr(event_date, 1, 4)",
    "country": "country",
    "admin1": "admin1",
    "event_type": "event_type",
    "sub_event_type": "sub_event_type",
    "status": "status",
    "grade": "grade",
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What an analyst narrows incidents down to; every field left at None is no constraint."""

    country: str | None = None
    admin1: str | None = None
    actor: str | None = None  # either side, by the name the registry gives
    event_type: str | None = None
    sub_event_type: str | None = None
    date_from: str | None = None  # ISO date, inclusive; a year or month is its first day
    date_to: str | None = None  # ISO date, inclusive; a year or month is its last day
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    civilian_targeting: bool | None = None
    status: str | None = None
    grade: str | None = None
    text: str | None = None  # words in the reports behind the incident

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise ConfigError(f"bad {name} {value!r}", hint="write dates as YYYY-MM-DD, YYYY-MM or YYYY")
        for name in ("fatalities_min", "fatalities_max"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ConfigError(f"bad {name} {value}", hint="fatalities are counts: 0 or more")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Filters:
        """Filters from loose strings (query parameters, CLI options); empty values are no constraint."""
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            value = data.get(f.name)
            if value is None or value == "":
                continue
            if f.name in ("fatalities_min", "fatalities_max"):
                try:
                    value = int(value)
                except (TypeError, ValueError) as exc:
                    raise ConfigError(f"bad {f.name} {value!r}", hint="give a whole number") from exc
            elif f.name == "civilian_targeting" and isinstance(value, str):
                value = value.lower() in ("1", "true", "yes", "on")
            kwargs[f.name] = value
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True, slots=True)
class Page:
    """One page of incidents: summary rows, and how many match in all (exact up to `COUNT_CAP`)."""

    rows: list[dict[str, Any]]
    total: int
    total_exact: bool
    limit: int
    offset: int
    sort: str


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word must appear; a text with quotes is taken as FTS5 syntax."""
    if '"' in text:
        return text
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words)


def _bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    # '2020' .. '2020' covers the year: dates compare as strings, so the upper bound is padded high.
    upper = None
    if date_to is not None:
        upper = date_to + ("-12-31" if len(date_to) == 4 else "-31" if len(date_to) == 7 else "")
    return date_from, upper


def where(
    filters: Filters, *, skip_actor: bool = False, text_ids: list[int] | None = None
) -> tuple[list[str], list[Any]]:
    """SQL conditions and their arguments for the filters."""
    conds: list[str] = []
    args: list[Any] = []
    for column in ("country", "admin1", "event_type", "sub_event_type", "status", "grade"):
        value = getattr(filters, column)
        if value is not None:
            conds.append(f"{column} = ?")
            args.append(value)
    if filters.actor is not None and not skip_actor:
        conds.append("(actor1 = ? OR actor2 = ?)")
        args += [filters.actor, filters.actor]
    low, high = _bounds(filters.date_from, filters.date_to)
    if low is not None:
        conds.append("event_date >= ?")
        args.append(low)
    if high is not None:
        conds.append("event_date <= ?")
        args.append(high)
    if filters.fatalities_min is not None:
        conds.append("fatalities >= ?")
        args.append(filters.fatalities_min)
    if filters.fatalities_max is not None:
        conds.append("fatalities <= ?")
        args.append(filters.fatalities_max)
    if filters.civilian_targeting is not None:
        conds.append("civilian_targeting = ?")
        args.append(int(filters.civilian_targeting))
    if filters.text:
        if text_ids is not None:  # few matching documents: their incidents, found once by the caller
            conds.append("rowid IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(text_ids))
        else:  # many: each candidate is checked against the matching documents as the scan meets it
            conds.append(
                "EXISTS (SELECT 1 FROM incident_mentions im JOIN mentions m ON m.id = im.mention_id"
                " JOIN documents d ON d.id = m.document_id WHERE im.incident_id = incidents.id"
                " AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))"
            )
            args.append(fts_query(filters.text))
    return conds, args


def _sql_where(conds: list[str]) -> str:
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def _order(sort: str) -> str:
    """ORDER BY for `sort` ('-fatalities' is descending), the rowid breaking ties."""
    desc = sort.startswith("-")
    column = sort.lstrip("-")
    if column not in SORTS:
        raise ConfigError(f"cannot sort by {column!r}", hint="sort by one of: " + ", ".join(SORTS))
    direction = " DESC" if desc else ""
    return f" ORDER BY {column}{direction}, rowid{direction}"


def _execute(db: sqlite3.Connection, sql: str, args: list[Any]) -> sqlite3.Cursor:
    try:
        return db.execute(sql, args)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in str(exc):
            raise ConfigError(f"bad search text: {exc}", hint='quote phrases: "women and children"') from exc
        raise


def _capped(db: sqlite3.Connection, sql: str, args: list[Any], cap: int) -> int:
    return int(_execute(db, f"SELECT count(*) FROM ({sql} LIMIT ?)", [*args, cap + 1]).fetchone()[0])


def _counts(db: sqlite3.Connection, filters: Filters, *, side: str | None) -> list[tuple[int, str]]:
    """(matches, index) for each filter that has an index, counted on that index up to `SELECTIVE` + 1.

    SQLite's planner knows only average rows per key, and conflict data is skewed (one country or
    one actor can hold a tenth of all incidents), so each filter is measured instead, at a cost of
    at most `SELECTIVE` index entries.
    """
    candidates: list[tuple[str, str, list[Any]]] = []
    for column, index in _INDEXES.items():
        value = getattr(filters, column)
        if value is not None:
            candidates.append((index, f"{column} = ?", [value]))
    if side is not None:
        candidates.append((f"incidents_{side}", f"{side} = ?", [filters.actor]))
    if filters.fatalities_min is not None or filters.fatalities_max is not None:
        low = filters.fatalities_min if filters.fatalities_min is not None else -1
        high = filters.fatalities_max if filters.fatalities_max is not None else 2**62
        candidates.append(("incidents_fatalities", "fatalities BETWEEN ? AND ?", [low, high]))
    low_date, high_date = _bounds(filters.date_from, filters.date_to)
    if low_date is not None or high_date is not None:
        # The wide index leads with the date and holds every filter column and fatalities: what a
        # date range matches is checked and sorted without reading a row.
        candidates.append(("incidents_wide", "event_date BETWEEN ? AND ?", [low_date or "", high_date or "9999"]))
    return sorted(
        (_capped(db, f"SELECT 1 FROM incidents INDEXED BY {index} WHERE {cond}", args, SELECTIVE), index)
        for index, cond, args in candidates
    )


@dataclass(frozen=True, slots=True)
class _Plan:
    conds: list[str]
    args: list[Any]
    selective: str | None  # the index of a filter matching at most SELECTIVE incidents
    walk: str | None  # else an index to walk in the sort order, checking the other filters
    text_in: bool

    def sql(self, columns: str, order: str = "", *, walk: bool = False) -> str:
        index = self.selective or (self.walk if walk else None)
        hint = f" INDEXED BY {index}" if index else ""
        return f"SELECT {columns} FROM incidents{hint}{_sql_where(self.conds)}{order}"


def text_ids(db: sqlite3.Connection, filters: Filters) -> list[int] | None:
    """The rowids of the incidents behind documents matching the free text, when few documents match."""
    if not filters.text:
        return None
    query = fts_query(filters.text)
    if _capped(db, "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", [query], TEXT_FEW) > TEXT_FEW:
        return None
    sql = (
        "SELECT DISTINCT i.rowid FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
        " JOIN mentions m ON m.document_id = d.id JOIN incident_mentions im ON im.mention_id = m.id"
        " JOIN incidents i ON i.id = im.incident_id WHERE documents_fts MATCH ?"
    )
    return [r[0] for r in _execute(db, sql, [query])]


def _plan(
    db: sqlite3.Connection,
    filters: Filters,
    *,
    side: str | None = None,
    sort: str = "-event_date",
    found: list[int] | None = None,
) -> _Plan:
    """How to read these filters (one actor side when `side`): conditions, and which index to go through.

    `found` is `text_ids(filters)`, found once for every plan of a request.
    """
    conds, args = where(filters, skip_actor=side is not None, text_ids=found)
    if side is not None:
        conds, args = [f"{side} = ?", *conds], [filters.actor, *args]
    if found is not None:  # the matching documents' incidents, by rowid: nothing narrower
        return _Plan(conds, args, None, None, True)
    counts = _counts(db, filters, side=side)
    if counts and counts[0][0] <= SELECTIVE:
        return _Plan(conds, args, counts[0][1], None, False)
    # Every filter matches many: walk the sort column's index until the page is full.
    # Dates: the wide index holds every filter column, so the walk checks them without reading rows.
    return _Plan(conds, args, None, _SORT_INDEXES.get(sort.lstrip("-")), False)


def _sides(filters: Filters) -> tuple[str | None, ...]:
    return ("actor1", "actor2") if filters.actor is not None else (None,)


def count(db: sqlite3.Connection, filters: Filters, *, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many incidents match, and whether that is exact (it stops counting past `cap`)."""
    found = text_ids(db, filters)
    plans = {side: _plan(db, filters, side=side, found=found) for side in _sides(filters)}
    return _total(db, filters, plans, found, cap=cap)


def _total(
    db: sqlite3.Connection, filters: Filters, plans: dict[str | None, _Plan], found: list[int] | None, *, cap: int
) -> tuple[int, bool]:
    if filters.text and found is None:
        # Words in many reports: checking every candidate against them to count exactly costs more
        # than the page. Estimated: the incidents the other filters match, times the share of reports
        # with the words.
        query = fts_query(filters.text)
        matched = int(_execute(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?",
                               [query]).fetchone()[0])
        documents = int(db.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 0) or 1
        base = replace(filters, text=None)
        others, exact = count(db, base, cap=cap)
        if not exact:
            others = max(others, _estimate(db, {side: _plan(db, base, side=side) for side in _sides(base)}))
        return round(others * min(1.0, matched / documents)), False
    if found is not None and len(filters.to_dict()) == 1:  # the words are the only filter
        return (len(found), True) if len(found) <= cap else (cap, False)
    return _count(db, filters, plans, cap=cap)


def _count(db: sqlite3.Connection, filters: Filters, plans: dict[str | None, _Plan], *, cap: int) -> tuple[int, bool]:
    try:
        with _budget(db, WALK_BUDGET):
            counts = [_capped(db, plan.sql("1"), plan.args, cap) for plan in plans.values()]
            if len(counts) == 2 and max(counts) <= cap:
                # An incident with the actor on both sides was counted twice; the smaller side finds them.
                side, other = ("actor1", "actor2") if counts[0] <= counts[1] else ("actor2", "actor1")
                plan = plans[side]
                both = _Plan([*plan.conds, f"{other} = ?"], [*plan.args, filters.actor], plan.selective, None, False)
                counts.append(-_capped(db, both.sql("1"), both.args, cap))
    except _OverBudget:
        # Broad filters that rarely hold together: counting them exactly means reading every
        # incident that one of them matches. Estimate from the first SAMPLE instead.
        return _estimate(db, plans), False
    n = sum(counts)
    return (cap, False) if n > cap else (n, True)


def _estimate(db: sqlite3.Connection, plans: dict[str | None, _Plan]) -> int:
    """The share of the most recent `SAMPLE` incidents that match, times all incidents."""
    everything = int(db.execute("SELECT max(rowid) FROM incidents").fetchone()[0] or 0)
    held = 0
    for plan in plans.values():
        recent = f"SELECT rowid FROM incidents INDEXED BY incidents_wide ORDER BY event_date DESC LIMIT {SAMPLE}"
        conds = [f"rowid IN ({recent})", *plan.conds]
        held += int(db.execute(f"SELECT count(*) FROM incidents{_sql_where(conds)}", plan.args).fetchone()[0])
    return round(held * everything / SAMPLE)


def list_incidents(
    db: sqlite3.Connection, filters: Filters, *, sort: str = "-event_date", limit: int = 50, offset: int = 0
) -> Page:
    """One page of matching incidents, as summary rows (`COLUMNS`)."""
    if not 0 < limit <= 5000:
        raise ConfigError(f"bad limit {limit}", hint="ask for 1 to 5000 incidents a page")
    if offset < 0:
        raise ConfigError(f"bad offset {offset}", hint="offsets start at 0")
    order = _order(sort)
    found = text_ids(db, filters)
    plans = {side: _plan(db, filters, side=side, sort=sort, found=found) for side in _sides(filters)}
    total, exact = _total(db, filters, plans, found, cap=COUNT_CAP)
    try:
        rowids = _page(db, plans, order=order, limit=limit, offset=offset, walk=True)
    except _OverBudget:
        # The filters are each broad but rarely hold together: walking the sort order meets few
        # matches, so read them through the smallest filter's index and sort them instead.
        rowids = _page(db, plans, order=order, limit=limit, offset=offset, walk=False)
    return Page(rows=_rows(db, rowids), total=total, total_exact=exact, limit=limit, offset=offset, sort=sort)


class _OverBudget(Exception):
    pass


def _page(
    db: sqlite3.Connection, plans: dict[str | None, _Plan], *, order: str, limit: int, offset: int, walk: bool
) -> list[int]:
    # An actor is either side: each side's first offset+limit through its own index, merged and cut.
    parts = [f"SELECT rowid FROM ({plan.sql('rowid', order, walk=walk)} LIMIT ?)" for plan in plans.values()]
    args = [a for plan in plans.values() for a in (*plan.args, offset + limit)]
    sql = f"SELECT rowid FROM incidents WHERE rowid IN ({' UNION '.join(parts)}){order} LIMIT ? OFFSET ?"
    if not walk or not any(p.walk for p in plans.values()) or any("documents_fts" in c for p in plans.values()
                                                                  for c in p.conds):
        # Words in many reports: walking the sort order and checking each incident's reports is the
        # best plan there is (any other checks every incident of the other filters), so no budget.
        return [r[0] for r in _execute(db, sql, [*args, limit, offset])]
    with _budget(db, WALK_BUDGET):
        return [r[0] for r in _execute(db, sql, [*args, limit, offset])]


@contextmanager
def _budget(db: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt the statements inside after `seconds`, raising `_OverBudget`."""
    deadline = time.perf_counter() + seconds
    db.set_progress_handler(lambda: int(time.perf_counter() > deadline), BUDGET_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise _OverBudget from exc
        raise
    finally:
        db.set_progress_handler(None, 0)


def _rows(db: sqlite3.Connection, rowids: list[int]) -> list[dict[str, Any]]:
    if not rowids:
        return []
    sql = f"SELECT rowid, {', '.join(COLUMNS)} FROM incidents WHERE rowid IN ({','.join('?' * len(rowids))})"
    by_rowid = {r[0]: _row(r[1:]) for r in db.execute(sql, rowids)}
    return [by_rowid[r] for r in rowids]


def _row(values: tuple[Any, ...]) -> dict[str, Any]:
    row = dict(zip(COLUMNS, values, strict=True))
    row["civilian_targeting"] = bool(row["civilian_targeting"])
    return row


def iter_incidents(
    db: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    by_date: bool = True,
    batch: int = 5000,
    columns: str = "id, data",
    args: tuple[Any, ...] = (),
) -> Iterator[tuple[Any, ...]]:
    """Every matching incident as a row of `columns` (SQL over `incidents`; default: id and stored record).

    In date order (undated first), or in storage order with `by_date=False`, the fastest for whole
    exports. Reads in keyset batches, so a million incidents never sit in memory and no long read
    holds the database. `args` bind the parameters of `columns`.
    """
    conds, where_args = where(filters or Filters())
    if by_date:
        yield from _keyset(db, [*conds, "event_date IS NULL"], where_args, "rowid", batch, columns, args)
        yield from _keyset(db, [*conds, "event_date IS NOT NULL"], where_args, "event_date, rowid", batch, columns,
                           args)
    else:
        yield from _keyset(db, conds, where_args, "rowid", batch, columns, args)


def _keyset(
    db: sqlite3.Connection, conds: list[str], args: list[Any], key: str, batch: int, columns: str,
    column_args: tuple[Any, ...],
) -> Iterator[tuple[Any, ...]]:
    width = key.count(",") + 1
    last: tuple[Any, ...] | None = None
    while True:
        page_conds, page_args = list(conds), list(args)
        if last is not None:
            page_conds.append(f"({key}) > ({', '.join('?' * width)})" if width > 1 else f"{key} > ?")
            page_args += list(last)
        sql = f"SELECT {key}, {columns} FROM incidents{_sql_where(page_conds)} ORDER BY {key} LIMIT ?"
        rows = _execute(db, sql, [*column_args, *page_args, batch]).fetchall()
        for row in rows:
            yield tuple(row[width:])
        if len(rows) < batch:
            return
        last = tuple(rows[-1][:width])


def aggregate(db: sqlite3.Connection, by: str, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Incidents and fatalities per month, year, country, actor, event type ...: [{key, incidents, fatalities}].

    Months and years come in time order, everything else most incidents first. An incident counts
    once for each of its two actors. Counts that the rollup holds (by month, year, country, event
    type or actor; filtered by country, event type, actor or whole months) are read from it.
    """
    filters = filters or Filters()
    if by not in AGGREGATES:
        raise ConfigError(f"cannot count by {by!r}", hint="count by one of: " + ", ".join(AGGREGATES))
    rows = _from_rollup(db, by, filters)
    if rows is None:
        rows = _from_incidents(db, by, filters)
    if by in ("month", "year"):
        rows.sort(key=lambda r: r[0] or "")
    else:
        rows.sort(key=lambda r: (-r[1], r[0] or ""))
    return [{"key": key, "incidents": int(n), "fatalities": int(f or 0)} for key, n, f in rows if n]


_ROLLUP_KEYS = {"month": "month", "year": "substr(month, 1, 4)", "country": "country", "event_type": "event_type",
                "actor": "actor"}


def _from_rollup(db: sqlite3.Connection, by: str, filters: Filters) -> list[tuple[Any, int, int]] | None:
    rolled = {"country", "event_type", "actor", "date_from", "date_to"}
    if by not in _ROLLUP_KEYS or set(filters.to_dict()) - rolled or not _whole_months(filters):
        return None
    if by == "actor" and filters.actor is not None:  # the other sides of one actor's incidents: not rolled up
        return None
    conds, args = [], []
    table = "actor_rollup" if by == "actor" or filters.actor is not None else "incident_rollup"
    for column in ("actor", "country", "event_type"):
        if getattr(filters, column) is not None:
            conds.append(f"{column} = ?")
            args.append(getattr(filters, column))
    if filters.date_from is not None:
        conds.append("month >= ?")
        args.append(filters.date_from[:7])
    if filters.date_to is not None:
        conds.append("month <= ? AND month != ''")
        args.append(filters.date_to[:7] if len(filters.date_to) >= 7 else filters.date_to + "-12")
    key = _ROLLUP_KEYS[by]
    sql = f"SELECT {key}, sum(incidents), sum(fatalities) FROM {table}{_sql_where(conds)} GROUP BY {key}"
    return [(k if k != "" else None, n, f) for k, n, f in db.execute(sql, args)]


def _whole_months(filters: Filters) -> bool:
    """Whether the date range starts and ends on month boundaries, as the rollup counts."""
    low, high = filters.date_from, filters.date_to
    if low is not None and len(low) == 10 and not low.endswith("-01"):
        return False
    if high is not None and len(high) == 10:
        year, month, day = (int(x) for x in high.split("-"))
        return day == calendar.monthrange(year, month)[1]
    return True


def _from_incidents(db: sqlite3.Connection, by: str, filters: Filters) -> list[tuple[Any, int, int]]:
    plan = _plan(db, filters, found=text_ids(db, filters)) if filters.to_dict() else _Plan([], [], None, None, False)
    conds, args = plan.conds, plan.args
    hint = f" INDEXED BY {plan.selective}" if plan.selective else ""
    if by == "actor":
        a_conds = [*conds, "actor1 IS NOT NULL"]
        b_conds = [*conds, "actor2 IS NOT NULL"]
        sql = (
            "SELECT key, sum(n), sum(f) FROM ("
            f"SELECT actor1 AS key, count(*) AS n, sum(fatalities) AS f FROM incidents{hint}{_sql_where(a_conds)}"
            " GROUP BY actor1 UNION ALL "
            f"SELECT actor2, count(*), sum(fatalities) FROM incidents{hint}{_sql_where(b_conds)} GROUP BY actor2"
            ") GROUP BY key"
        )
        args = args + args
    else:
        expr = _GROUPS[by]
        sql = f"SELECT {expr}, count(*), sum(fatalities) FROM incidents{hint}{_sql_where(conds)} GROUP BY {expr}"
    return [tuple(r) for r in _execute(db, sql, args)]


def actors(db: sqlite3.Connection, *, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Actor names with their incident counts, most active first; `q` keeps names containing it."""
    rows = aggregate(db, "actor")
    if q:
        needle = q.casefold()
        rows = [r for r in rows if r["key"] and needle in r["key"].casefold()]
    return [{"name": r["key"], "incidents": r["incidents"], "fatalities": r["fatalities"]} for r in rows[:limit]]


def tune(db: sqlite3.Connection) -> None:
    """Settings for a reading connection: map the file into memory and keep a large page cache.

    A page of incidents reads scattered rows; through mmap each costs a memory access, not a read(2).
    """
    db.execute("PRAGMA mmap_size = 17179869184")
    db.execute("PRAGMA cache_size = -262144")
