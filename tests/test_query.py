"""Query: filters, sorting, paging and aggregates, checked against plain Python over the same incidents."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from conflictdb import query
from conflictdb.errors import ConfigError
from conflictdb.models import Actor, Document, Incident, Mention, Place, Source, Span, sha256_hex
from conflictdb.query import Filters, aggregate, count, list_incidents
from conflictdb.store import SQLiteStore

PLACES = (
    ("Mali", "ML", "Mopti", "Sevare", 14.53, -4.10),
    ("Mali", "ML", "Gao", "Ansongo", 15.66, 0.50),
    ("Niger", "NE", "Tillaberi", "Ayorou", 14.73, 0.92),
    ("Kenya", "KE", "Nairobi", "Kibera", -1.31, 36.78),
)
ACTORS = (
    Actor("Wagner Group", 8), Actor("Military Forces of Mali", 1), Actor("JNIM", 2), Actor("Civilians (Mali)", 7),
    Actor("Protesters (Kenya)", 6), Actor("Police Forces of Kenya", 1),
)
TYPES = (
    ("Violence against civilians", "Attack"), ("Battles", "Armed clash"), ("Protests", "Peaceful protest"),
    ("Explosions/Remote violence", "Air/drone strike"), ("Riots", "Mob violence"),
)
WORDS = ("convoy", "market", "village", "checkpoint", "ambush", "rally")


def make_store(path: Path, *, n: int = 120, seed: int = 3) -> tuple[SQLiteStore, list[Incident]]:
    """A store of `n` incidents, each from one document we write here, with mentions and evidence."""
    rng = random.Random(seed)
    store = SQLiteStore(path)
    incidents = []
    for i in range(n):
        event_type, sub = rng.choice(TYPES)
        country, cc, admin1, town, lat, lon = rng.choice(PLACES)
        a1, a2 = rng.sample(ACTORS, 2)
        fatalities = None if i % 17 == 0 else rng.randrange(0, 40)
        day = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 500))
        event_date = None if i % 23 == 0 else day.isoformat()
        word = WORDS[i % len(WORDS)]
        text = (f"Report {i}: {a1.name} attacked a {word} near {town} in {country}, "
                f"killing {fatalities if fatalities is not None else 'an unknown number of'} people.")
        doc = Document(id=Document.make_id(text), text=text, sha256=sha256_hex(text.encode()), title=f"Report {i}",
                       outlet=f"Outlet {i % 3}", published=day.isoformat(), external_id=f"ext-{i}")
        source = Source(uri=f"test:{i}", retrieved="2024-01-01T00:00:00+00:00", sha256=doc.sha256,
                        media_type="text/plain", external_id=f"ext-{i}", outlet=doc.outlet)
        store.add_document(doc, source=source, original=text.encode())
        killed = text.index("killing ") + len("killing ")
        evidence = {"actor1": (Span(text.index(a1.name), text.index(a1.name) + len(a1.name)),),
                    "location": (Span(text.index(town), text.index(town) + len(town)),)}
        if fatalities is not None:
            evidence["fatalities"] = (Span(killed, killed + len(str(fatalities))),)
        place = Place(name=town, country=country, country_code=cc, admin1=admin1, latitude=lat, longitude=lon,
                      geo_precision=1)
        mention = Mention(document_id=doc.id, index=0, event_type=event_type, sub_event_type=sub,
                          event_date=event_date, time_precision=1, actor1=a1, actor2=a2, place=place,
                          fatalities=fatalities, civilian_targeting=a2.inter == 7, evidence=evidence)
        store.save_extraction(doc.id, [], [mention])
        status = ("alleged", "reported", "confirmed", "denied")[i % 4]
        grade = ("single source", "corroborated", "contested", "confirmed", "discounted")[i % 5]
        incidents.append(Incident(
            id=f"inc_{i:04d}", mention_ids=(mention.id,), event_type=event_type, sub_event_type=sub,
            event_date=event_date, time_precision=1, actor1=a1, actor2=a2, place=place,
            civilian_targeting=a2.inter == 7, fatalities=fatalities, fatalities_low=fatalities,
            fatalities_best=fatalities, status=status, grade=grade, grade_reason="one report",
            details={"documents": [doc.id], "external_ids": [f"ext-{i}"]},
        ))
    store.save_incidents(incidents)
    return store, incidents


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SQLiteStore, list[Incident]]:
    return make_store(tmp_path_factory.mktemp("query") / "q.db")


def _matches(inc: Incident, f: Filters) -> bool:
    place = inc.place
    checks = [
        f.country is None or (place and place.country) == f.country,
        f.admin1 is None or (place and place.admin1) == f.admin1,
        f.actor is None or f.actor in {a.name for a in (inc.actor1, inc.actor2) if a},
        f.event_type is None or inc.event_type == f.event_type,
        f.sub_event_type is None or inc.sub_event_type == f.sub_event_type,
        f.date_from is None or (inc.event_date is not None and inc.event_date >= f.date_from),
        f.date_to is None or (inc.event_date is not None and inc.event_date <= f.date_to),
        f.fatalities_min is None or (inc.fatalities is not None and inc.fatalities >= f.fatalities_min),
        f.fatalities_max is None or (inc.fatalities is not None and inc.fatalities <= f.fatalities_max),
        f.civilian_targeting is None or inc.civilian_targeting == f.civilian_targeting,
        f.status is None or inc.status == f.status,
        f.grade is None or inc.grade == f.grade,
    ]
    return all(checks)


CASES = [
    Filters(),
    Filters(country="Mali"),
    Filters(country="Mali", admin1="Gao"),
    Filters(actor="Wagner Group"),
    Filters(actor="Wagner Group", country="Mali", civilian_targeting=True),
    Filters(event_type="Battles", sub_event_type="Armed clash"),
    Filters(date_from="2023-03-01", date_to="2023-08-31"),
    Filters(fatalities_min=10, fatalities_max=20),
    Filters(civilian_targeting=False, status="alleged"),
    Filters(grade="contested", country="Kenya"),
    Filters(country="Atlantis"),
]


@pytest.mark.parametrize("filters", CASES, ids=lambda f: repr(f.to_dict()))
def test_query_filters_match_python(built: tuple[SQLiteStore, list[Incident]], filters: Filters) -> None:
    store, incidents = built
    expected = {i.id for i in incidents if _matches(i, filters)}
    page = list_incidents(store.db, filters, limit=5000)
    assert {r["id"] for r in page.rows} == expected
    assert (page.total, page.total_exact) == (len(expected), True)


def test_query_text_searches_the_reports(built: tuple[SQLiteStore, list[Incident]]) -> None:
    store, incidents = built
    page = list_incidents(store.db, Filters(text="checkpoint"), limit=5000)
    expected = {inc.id for n, inc in enumerate(incidents) if WORDS[n % len(WORDS)] == "checkpoint"}
    assert {r["id"] for r in page.rows} == expected
    both = list_incidents(store.db, Filters(text="checkpoint", country="Mali"), limit=5000)
    assert {r["id"] for r in both.rows} == {i for i in expected if i in {x.id for x in incidents if x.place and
                                                                         x.place.country == "Mali"}}


def test_query_text_many_documents_takes_the_other_path(
    built: tuple[SQLiteStore, list[Incident]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = built
    few = {r["id"] for r in list_incidents(store.db, Filters(text="village"), limit=5000).rows}
    monkeypatch.setattr(query, "TEXT_FEW", 0)  # every word now counts as common
    many = {r["id"] for r in list_incidents(store.db, Filters(text="village"), limit=5000).rows}
    assert few == many and len(few) == 20


@pytest.mark.parametrize("sort", ["-event_date", "event_date", "-fatalities", "fatalities", "country"])
def test_query_sorts_and_pages(built: tuple[SQLiteStore, list[Incident]], sort: str) -> None:
    store, _ = built
    everything = list_incidents(store.db, Filters(), sort=sort, limit=5000).rows
    column = sort.lstrip("-")
    values = [r[column] for r in everything]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=sort.startswith("-"))
    pages = [list_incidents(store.db, Filters(), sort=sort, limit=25, offset=o).rows for o in range(0, 120, 25)]
    assert [r["id"] for page in pages for r in page] == [r["id"] for r in everything]


def test_query_selective_and_walking_plans_agree(
    built: tuple[SQLiteStore, list[Incident]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, _ = built
    filters = Filters(country="Mali", status="reported")
    through_index = [r["id"] for r in list_incidents(store.db, filters, limit=10).rows]
    monkeypatch.setattr(query, "SELECTIVE", 0)  # nothing counts as selective: walk the date index
    walking = [r["id"] for r in list_incidents(store.db, filters, limit=10).rows]
    monkeypatch.setattr(query, "WALK_BUDGET", 0.0)  # and give up walking at once: sort instead
    monkeypatch.setattr(query, "BUDGET_STEPS", 1)
    sorting = [r["id"] for r in list_incidents(store.db, filters, limit=10).rows]
    assert through_index == walking == sorting and len(through_index) == 10


def test_query_count_estimates_past_its_budget(
    built: tuple[SQLiteStore, list[Incident]], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, incidents = built
    monkeypatch.setattr(query, "WALK_BUDGET", 0.0)
    monkeypatch.setattr(query, "BUDGET_STEPS", 1)
    monkeypatch.setattr(query, "SELECTIVE", 0)
    n, exact = count(store.db, Filters(country="Mali"))
    truth = sum(1 for i in incidents if i.place and i.place.country == "Mali")
    assert not exact and n > 0 and abs(n - truth) <= len(incidents)


@pytest.mark.parametrize("by", ["month", "year", "country", "actor", "event_type", "status", "grade", "admin1"])
@pytest.mark.parametrize("filters", [Filters(), Filters(country="Mali"), Filters(actor="JNIM"),
                                     Filters(date_from="2023-02", date_to="2023-11"),
                                     Filters(date_from="2023-02-10"), Filters(fatalities_min=5)],
                         ids=lambda f: repr(f.to_dict()))
def test_query_aggregates_match_python(built: tuple[SQLiteStore, list[Incident]], by: str, filters: Filters) -> None:
    store, incidents = built
    bounded = Filters(**{**filters.to_dict(), "date_to": "2023-11-30"}) if filters.date_to else filters
    n: Counter[str | None] = Counter()
    dead: Counter[str | None] = Counter()
    for inc in incidents:
        if not _matches(inc, bounded):
            continue
        if by == "actor":
            keys = list(dict.fromkeys(a.name for a in (inc.actor1, inc.actor2) if a))
        else:
            place = inc.place
            key = {"month": (inc.event_date or "")[:7] or None, "year": (inc.event_date or "")[:4] or None,
                   "country": place.country if place else None, "admin1": place.admin1 if place else None,
                   "event_type": inc.event_type, "status": inc.status, "grade": inc.grade}[by]
            keys = [key]
        for key in keys:
            n[key] += 1
            dead[key] += inc.fatalities or 0
    rows = aggregate(store.db, by, filters)
    assert {r["key"]: (r["incidents"], r["fatalities"]) for r in rows} == {k: (n[k], dead[k]) for k in n}
    if by == "month":
        assert [r["key"] for r in rows if r["key"]] == sorted(r["key"] for r in rows if r["key"])


def test_query_rollup_follows_replace_and_delete(tmp_path: Path) -> None:
    store, incidents = make_store(tmp_path / "r.db", n=30)
    changed = [Incident(**{**{f: getattr(i, f) for f in i.__slots__}, "fatalities": 100}) for i in incidents[:5]]
    store.save_incidents(changed)
    store.delete_incidents([i.id for i in incidents[5:8]])
    rolled = aggregate(store.db, "country")
    raw = query._from_incidents(store.db, "country", Filters())
    assert {r["key"]: (r["incidents"], r["fatalities"]) for r in rolled} == {k: (n, f) for k, n, f in raw}
    assert sum(r["incidents"] for r in rolled) == 27


@pytest.mark.parametrize(
    "bad",
    [{"date_from": "last week"}, {"fatalities_min": "many"}, {"fatalities_max": -1}],
)
def test_query_rejects_bad_filters(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError) as err:
        Filters.from_mapping(bad)
    assert err.value.hint


def test_query_rejects_bad_sort_and_aggregate(built: tuple[SQLiteStore, list[Incident]]) -> None:
    store, _ = built
    with pytest.raises(ConfigError, match="cannot sort"):
        list_incidents(store.db, Filters(), sort="id; DROP TABLE incidents")
    with pytest.raises(ConfigError, match="cannot count"):
        aggregate(store.db, "weather")


def test_query_from_mapping_reads_loose_strings() -> None:
    f = Filters.from_mapping({"country": "Mali", "fatalities_min": "3", "civilian_targeting": "true", "grade": ""})
    assert f == Filters(country="Mali", fatalities_min=3, civilian_targeting=True)
