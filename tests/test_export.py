"""Exports: each format read back gives the same incidents; the CLI's incidents and export commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from test_query import make_store

from conflictdb import export as export_module
from conflictdb.cli import main
from conflictdb.export import ACLED_COLUMNS, UCDP_COLUMNS, export
from conflictdb.models import Actor, Incident, Place, from_dict
from conflictdb.query import Filters
from conflictdb.store import SQLiteStore


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[SQLiteStore, list[Incident], Path]:
    path = tmp_path_factory.mktemp("export") / "e.db"
    store, incidents = make_store(path, n=60)
    return store, incidents, path


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches smaller than the store, so every export streams through several of them.
    monkeypatch.setattr(export_module, "BATCH", 7)


def _run(store: SQLiteStore, fmt: str, filters: Filters | None = None) -> tuple[int, bytes]:
    out = io.BytesIO()
    n = export(store, out, format=fmt, filters=filters)
    return n, out.getvalue()


def test_export_jsonl_round_trips(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    store, incidents, _ = built
    n, data = _run(store, "jsonl")
    lines = [json.loads(line) for line in data.decode().splitlines()]
    assert n == len(lines) == len(incidents)
    by_id = {i.id: i for i in incidents}
    for rec in lines:
        assert rec["external_ids"] == [f"ext-{int(rec['id'][4:])}"]
        assert len(rec["document_ids"]) == 1
        assert from_dict(Incident, rec) == by_id[rec["id"]]


def test_export_acled_round_trips(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    store, incidents, _ = built
    n, data = _run(store, "acled")
    reader = csv.DictReader(io.StringIO(data.decode()))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    rows = {r["event_id_cnty"]: r for r in reader}
    assert n == len(rows) == len(incidents)
    for inc in incidents:
        row = rows[inc.id]
        assert inc.place is not None and inc.actor1 is not None and inc.actor2 is not None
        assert row["event_date"] == (inc.event_date or "")
        assert row["year"] == (inc.event_date or "")[:4]
        assert (row["event_type"], row["sub_event_type"]) == (inc.event_type, inc.sub_event_type)
        assert (row["actor1"], int(row["inter1"]), row["actor2"], int(row["inter2"])) == (
            inc.actor1.name, inc.actor1.inter, inc.actor2.name, inc.actor2.inter)
        assert (row["country"], row["admin1"], row["location"]) == (inc.place.country, inc.place.admin1,
                                                                     inc.place.name)
        assert (float(row["latitude"]), float(row["longitude"])) == (inc.place.latitude, inc.place.longitude)
        assert row["fatalities"] == ("" if inc.fatalities is None else str(inc.fatalities))
        assert row["civilian_targeting"] == ("Civilian targeting" if inc.civilian_targeting else "")
        assert row["iso"] == {"ML": "466", "NE": "562", "KE": "404"}[inc.place.country_code or ""]
        assert row["disorder_type"] in ("Political violence", "Demonstrations", "Strategic developments",
                                        "Political violence; Demonstrations")


def test_export_ucdp_round_trips(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    store, incidents, _ = built
    n, data = _run(store, "ucdp")
    reader = csv.DictReader(io.StringIO(data.decode()))
    assert tuple(reader.fieldnames or ()) == UCDP_COLUMNS
    rows = {r["id"]: r for r in reader}
    coded = [i for i in incidents if i.event_type not in ("Protests", "Strategic developments")]
    assert n == len(rows) == len(coded) > 0
    for inc in coded:
        row = rows[inc.id]
        assert inc.actor1 is not None and inc.actor2 is not None and inc.place is not None
        one_sided = inc.civilian_targeting or inc.event_type == "Violence against civilians" or inc.actor2.inter == 7
        expected_type = 3 if one_sided else 1 if 1 in (inc.actor1.inter, inc.actor2.inter) else 2
        assert int(row["type_of_violence"]) == expected_type
        assert (row["side_a"], row["side_b"]) == (inc.actor1.name, inc.actor2.name)
        best = "" if inc.fatalities_best is None else str(inc.fatalities_best)
        assert (row["best"], row["low"], row["high"]) == (best, best, "")
        assert row["date_start"] == row["date_end"] == (inc.event_date or "")
        assert float(row["latitude"]) == inc.place.latitude
        assert row["country"] == inc.place.country


def test_export_geojson_round_trips(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    store, incidents, _ = built
    n, data = _run(store, "geojson")
    collection = json.loads(data)
    assert collection["type"] == "FeatureCollection"
    assert n == len(collection["features"]) == len(incidents)
    by_id = {i.id: i for i in incidents}
    for feat in collection["features"]:
        inc = by_id[feat["id"]]
        assert inc.place is not None
        assert feat["geometry"] == {"type": "Point", "coordinates": [inc.place.longitude, inc.place.latitude]}
        props = feat["properties"]
        assert (props["event_type"], props["fatalities"], props["country"]) == (
            inc.event_type, inc.fatalities, inc.place.country)
        assert props["external_ids"] == list(inc.details["external_ids"])


def test_export_parquet_round_trips(built: tuple[SQLiteStore, list[Incident], Path], tmp_path: Path) -> None:
    store, incidents, _ = built
    path = tmp_path / "out.parquet"
    with path.open("wb") as fh:
        n = export(store, fh, format="parquet")
    table = pq.read_table(path)
    assert n == table.num_rows == len(incidents)
    by_id = {i.id: i for i in incidents}
    for row in table.to_pylist():
        inc = by_id[row["id"]]
        assert from_dict(Incident, json.loads(row["record"])) == inc
        assert (row["event_type"], row["fatalities"], row["country"]) == (
            inc.event_type, inc.fatalities, inc.place.country if inc.place else None)


def test_export_filters_and_date_order(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    store, incidents, _ = built
    n, data = _run(store, "jsonl", Filters(country="Mali"))
    recs = [json.loads(line) for line in data.decode().splitlines()]
    assert n == len(recs) == sum(1 for i in incidents if i.place and i.place.country == "Mali")
    dated = [r["event_date"] for r in recs if r["event_date"]]
    assert dated == sorted(dated)


def test_export_unknown_format_is_a_config_error(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    from conflictdb.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown export format"):
        _run(built[0], "xlsx")


# the commands ----------------------------------------------------------------------------------------


def test_export_cli_writes_a_file(built: tuple[SQLiteStore, list[Incident], Path], tmp_path: Path) -> None:
    _, incidents, db = built
    out = tmp_path / "acled.csv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "acled", "-o", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(newline="") as fh:
        assert sum(1 for _ in csv.DictReader(fh)) == len(incidents)


def test_export_cli_incidents_jsonl_carries_external_ids(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    _, incidents, db = built
    result = CliRunner().invoke(main, ["incidents", "--db", str(db), "--format", "jsonl", "--country", "Kenya"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    kenya = {i.id: i for i in incidents if i.place and i.place.country == "Kenya"}
    assert {r["id"] for r in lines} == set(kenya)
    for rec in lines:
        assert rec["external_ids"] == list(kenya[rec["id"]].details["external_ids"])


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_export_cli_incidents_formats(built: tuple[SQLiteStore, list[Incident], Path], fmt: str) -> None:
    _, incidents, db = built
    args = ["incidents", "--db", str(db), "--format", fmt, "--actor", "Wagner Group", "--limit", "500"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    wagner = {i.id for i in incidents if "Wagner Group" in (i.actor1.name if i.actor1 else "",
                                                             i.actor2.name if i.actor2 else "")}
    if fmt == "json":
        assert {r["id"] for r in json.loads(result.output)["incidents"]} == wagner
    elif fmt == "csv":
        assert {r["id"] for r in csv.DictReader(io.StringIO(result.output))} == wagner
    else:
        assert f"of {len(wagner)} incidents" in result.output


def test_export_cli_errors_are_one_line_with_a_hint(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["incidents", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "no database" in result.output and "hint:" in result.output
    db = tmp_path / "empty.db"
    SQLiteStore(db).close()
    result = CliRunner().invoke(main, ["incidents", "--db", str(db), "--since", "yesterday"])
    assert result.exit_code == 1 and "hint:" in result.output


def test_export_cli_incidents_jsonl_lists_everything(built: tuple[SQLiteStore, list[Incident], Path]) -> None:
    _, incidents, db = built
    result = CliRunner().invoke(main, ["incidents", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == len(incidents) > 50
    table = CliRunner().invoke(main, ["incidents", "--db", str(db)])
    assert f"1-50 of {len(incidents)} incidents" in table.output


# Any incident the store can hold comes back from the JSON-lines and Parquet exports unchanged.
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_incidents = st.builds(
    Incident,
    id=st.from_regex(r"inc_[0-9a-f]{8}", fullmatch=True),
    mention_ids=st.just(()),
    event_type=st.sampled_from(["Battles", "Protests", "Violence against civilians"]),
    sub_event_type=_text,
    event_date=st.none() | st.dates().map(lambda d: d.isoformat()),
    actor1=st.none() | st.builds(Actor, name=_text, inter=st.integers(0, 8)),
    place=st.none() | st.builds(Place, name=_text, country=st.none() | _text,
                                latitude=st.none() | st.floats(-90, 90), longitude=st.none() | st.floats(-180, 180)),
    civilian_targeting=st.booleans(),
    fatalities=st.none() | st.integers(0, 10**6),
    status=st.sampled_from(["alleged", "reported", "confirmed", "denied"]),
    grade=_text,
    details=st.dictionaries(st.sampled_from(["note", "timeline"]), st.lists(_text, max_size=3), max_size=2),
)


@settings(max_examples=25, deadline=None)
@given(incidents=st.lists(_incidents, min_size=1, max_size=6, unique_by=lambda i: i.id))
def test_export_any_incident_round_trips(incidents: list[Incident]) -> None:
    with SQLiteStore(":memory:") as store:
        store.save_incidents(incidents)
        _, data = _run(store, "jsonl")
        lines = data.decode().split("\n")
        assert lines.pop() == ""
        back = [from_dict(Incident, json.loads(line)) for line in lines]
        assert sorted(back, key=lambda i: i.id) == sorted(incidents, key=lambda i: i.id)
        out = io.BytesIO()
        export(store, out, format="parquet")
        table = pq.read_table(io.BytesIO(out.getvalue()))
        assert {from_dict(Incident, json.loads(r)).id: from_dict(Incident, json.loads(r))
                for r in table.column("record").to_pylist()} == {i.id: i for i in incidents}
