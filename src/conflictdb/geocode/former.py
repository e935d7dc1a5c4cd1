"""First-order units as they were named at the event's time and are named officially.

Gazetteers hold today's units; a report from 2015 in Nepal's Rautahat district is coded to the
Central development region, not to Madhesh Province, and one from 2015 in Khyber Agency to the
Federally Administered Tribal Areas, not to Khyber Pakhtunkhwa (data/geo/former_units.tsv). A few
units that GeoNames names by an outdated or short name get their official one (data/geo/admin1_names.tsv).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from conflictdb.geocode.gazetteer import bare_name, fold


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[str, str]]:
    """(country code, folded second-order unit) -> (former first-order unit, the date it ceased)."""
    text = resources.files("conflictdb").joinpath("data", "geo", "former_units.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, str], tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, unit, until, held = line.split("\t")
        for name in held.split("|"):
            table[(cc, _key(name))] = (unit, until)
    return table


def _key(name: str) -> str:
    return fold(bare_name(name))


def former_admin1(cc: str | None, admin2: str | None, date: str | None) -> str | None:
    """The abolished first-order unit that held `admin2` on `date` (ISO), if there was one."""
    if not cc or not admin2 or not date:
        return None
    found = _table().get((cc, _key(admin2)))
    if found is None:
        return None
    unit, until = found
    return unit if date[:10] < until else None


def districts_first(cc: str | None) -> bool:
    """Whether monitors code a country's second-order units as its first ('Kabale', not 'Western', in Uganda)."""
    return bool(cc) and _official().get(cc or "") == _SECOND_ORDER


# The value in admin1_names.tsv, against a bare country code, for a country coded by its second-order units.
_SECOND_ORDER = "{admin2}"


@lru_cache(maxsize=1)
def _official() -> dict[str, str]:
    text = resources.files("conflictdb").joinpath("data", "geo", "admin1_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {code: name for code, name in rows}


def official_name(code: str | None) -> str | None:
    """The official name of a first-order unit whose GeoNames name is outdated ('Marakwet District')."""
    return _official().get(code) if code else None
