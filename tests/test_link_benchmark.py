"""The linking benchmark: its scores, its generator (on facts we write), and the eval command."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdb.cli import main
from conflictdb.link.benchmark import Fact, Generator, evaluate, generate, read_facts, score
from conflictdb.link.match import distance_km
from conflictdb.models import Actor
from tests.conftest import SHARED

ARMED = Actor("Eastern Front Brigade", 2)
ARMY = Actor("Military Forces of Testland", 1)


def fact(key: str, *, day: date = date(2021, 5, 3), lat: float = 10.0, lon: float = 20.0, **kw: object) -> Fact:
    base: dict[str, object] = dict(
        key=key,
        event_date=day,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=ARMED,
        actor2=ARMY,
        country="Testland",
        admin1="North",
        admin2="Hill",
        location=f"Town {key}",
        lat=lat,
        lon=lon,
        geo_precision=1,
        fatalities=6,
    )
    base.update(kw)
    return Fact(**base)  # type: ignore[arg-type]


def test_link_benchmark_scores_perfect_and_merged() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "3"}
    perfect = score(dict(gold), gold)
    assert perfect.pairwise_f1 == 1.0 and perfect.bcubed_f1 == 1.0
    merged = score({"a": "x", "b": "x", "c": "x", "d": "y"}, gold, distractor_of={"2": "1"})
    assert merged.pairwise_precision == pytest.approx(1 / 3) and merged.pairwise_recall == 1.0
    assert merged.distractors_merged == 1 and merged.distractor_pairs == 1
    split = score({"a": "x", "b": "y", "c": "z", "d": "w"}, gold)
    assert split.pairwise_recall == 0.0 and split.bcubed_precision == 1.0 and split.bcubed_recall == pytest.approx(0.75)


def test_link_benchmark_generator_writes_reports_copies_and_distractors() -> None:
    # Towns 66 km apart along a meridian, their events weeks apart: each has a neighbour for the 'near' distractor.
    facts = [fact(str(i), day=date(2021, 1, 1) + timedelta(days=20 * i), lat=10.0 + 0.6 * i) for i in range(40)]
    gens = generate(facts, events=40, seed=3)
    clusters = {g.cluster for g in gens}
    assert {f.key for f in facts} <= clusters
    kinds = {c.split("~")[1] for c in clusters if "~" in c}
    assert kinds == {"week", "near", "type"}
    assert any("-copy-" in (g.document.external_id or "") for g in gens)
    assert len({g.document.id for g in gens}) == len(gens)
    for g in gens:
        assert g.mention.document_id == g.document.id
        if g.cluster.endswith("~near") and g.mention.place and g.mention.place.latitude is not None:
            origin = next(f for f in facts if f.key == g.distractor_of)
            assert distance_km(origin.lat, origin.lon, g.mention.place.latitude, g.mention.place.longitude) > 45
        if g.cluster.endswith("~type"):
            assert g.mention.event_type == "Violence against civilians"
    # The facts' words appear; generic actor names are written as a reporter would.
    assert any("Eastern Front Brigade" in g.document.text for g in gens)


def test_link_benchmark_nearby_prefers_a_known_place() -> None:
    gen = Generator([fact("a"), fact("b", lat=10.55, lon=20.0)], seed=1)
    near = gen._nearby(fact("a"))
    assert near is not None and near.location == "Town b"


def test_link_benchmark_reads_facts_and_evaluates(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    with path.open("w") as fh:
        for i in range(30):
            gold = {
                "event_date": f"2021-0{1 + i % 9}-1{i % 10}",
                "event_type": "Protests|Riots",
                "inter1": "6",
                "actor1": "Protesters (Testland)",
                "country": "Testland",
                "admin1": f"Region {i}",
                "location": f"Town {i}",
                "latitude": str(i),
                "longitude": str(2 * i),
                "geo_precision": "1",
                "fatalities": "0",
            }
            fh.write(json.dumps({"id": f"t{i}", "text": "not used", "gold": gold}) + "\n")
    facts = read_facts(path)
    assert len(facts) == 30 and facts[0].event_type == "Protests"
    ev = evaluate(path, events=30, end_to_end=False)
    assert ev.linker.items == ev.reports and ev.linker.bcubed_f1 > 0.8
    assert ev.linker.distractors_merged == 0


@pytest.mark.slow
def test_link_eval_links_command(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    gold = {
        "event_date": "2021-03-04",
        "event_type": "Battles",
        "actor1": "Eastern Front Brigade",
        "inter1": "2",
        "country": "Testland",
        "location": "Town",
        "latitude": "1",
        "longitude": "2",
        "fatalities": "3",
    }
    path.write_text(json.dumps({"id": "x", "text": "", "gold": gold}) + "\n")
    out = CliRunner().invoke(main, ["eval", "--links", "--gold", str(path), "--limit", "5"])
    assert out.exit_code == 0, out.output
    assert "pairwise P" in out.output and "B-cubed" in out.output and "distractors merged" in out.output


@pytest.mark.slow
def test_link_benchmark_on_dev_facts_meets_targets() -> None:
    dev = SHARED / "bench" / "dev.jsonl"
    assert dev.is_file(), f"missing {dev}"
    ev = evaluate(dev, events=150, every=3, end_to_end=False)
    assert ev.linker.pairwise_f1 >= 0.9 and ev.linker.bcubed_f1 >= 0.9
