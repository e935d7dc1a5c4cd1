"""Linking: same-event matching, look-alikes kept apart, near-duplicates, the store stage, the record."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from click.testing import CliRunner

from conflictdb.cli import main
from conflictdb.link import Linker, features, lineages, link, same_event
from conflictdb.link.dedup import Deduplicator
from conflictdb.models import Actor, Document, Mention, Place, Response, Source, Span, sha256_hex
from conflictdb.store import SQLiteStore

WAGNER = Actor("Wagner Group", 8, words="Wagner mercenaries")
ARMY = Actor("Military Forces of Mali (2021-)", 1, words="the Malian army")
JNIM = Actor("JNIM: Group for Support of Islam and Muslims", 2, words="JNIM fighters")
CIVILIANS = Actor("Civilians (Mali)", 7, words="villagers")
MOURA = Place(
    "Moura", country="Mali", admin1="Mopti", admin2="Djenne", latitude=14.13, longitude=-4.65, geo_precision=1
)
# About 60 km east of Moura.
FAR = Place(
    "Sofara", country="Mali", admin1="Mopti", admin2="Djenne", latitude=14.13, longitude=-4.095, geo_precision=1
)


def mention(doc: str, **kw: object) -> Mention:
    base: dict[str, object] = dict(
        document_id=doc,
        index=0,
        event_type="Violence against civilians",
        sub_event_type="Attack",
        event_date="2024-03-10",
        time_precision=1,
        actor1=WAGNER,
        actor2=CIVILIANS,
        place=MOURA,
        fatalities=24,
        civilian_targeting=True,
    )
    base.update(kw)
    return Mention(**base)  # type: ignore[arg-type]


def test_link_same_event_differently_reported() -> None:
    a = mention("d1")
    b = mention(
        "d2",
        place=dataclasses.replace(MOURA, name="Moura", geo_precision=2, latitude=14.15),
        fatalities=27,
        sub_event_type="",
    )
    assert same_event(a, b, published_a="2024-03-11", published_b="2024-03-12")


def test_link_same_village_a_week_later_stays_apart() -> None:
    assert not same_event(mention("d1"), mention("d2", event_date="2024-03-17"))


def test_link_same_day_60km_away_stays_apart() -> None:
    assert not same_event(mention("d1"), mention("d2", place=FAR))


def test_link_clash_then_massacre_stays_apart() -> None:
    clash = mention("d1", event_type="Battles", sub_event_type="Armed clash", actor2=JNIM, civilian_targeting=False)
    massacre = mention("d2", event_date="2024-03-11")
    assert not same_event(clash, massacre)


def test_link_region_only_report_needs_a_named_actor() -> None:
    region = Place("Mopti", country="Mali", admin1="Mopti", geo_precision=3)
    named = mention("d2", place=region)
    generic = mention("d3", place=region, actor1=Actor("Unidentified Armed Group (Mali)", 3), fatalities=None)
    assert same_event(mention("d1"), named)
    assert not same_event(mention("d1"), generic)


def test_link_undated_country_report_joins_by_actor_and_toll() -> None:
    """The seed's shape: no date, no town; the publication date bounds it, Wagner and the toll tie it."""
    seed = mention(
        "d2", event_date=None, time_precision=3, place=Place("Mali", country="Mali", geo_precision=3), status="alleged"
    )
    assert same_event(mention("d1"), seed, published_a="2024-03-11", published_b="2024-03-14")
    assert not same_event(mention("d1"), seed, published_a="2024-03-11", published_b="2024-06-30")


def test_link_linker_vague_report_does_not_chain_lookalikes() -> None:
    linker = Linker()
    first = linker.add("m1", "d1", features(mention("d1")))
    later = linker.add("m2", "d2", features(mention("d2", event_date="2024-03-17")))
    vague = linker.add("m3", "d3", features(mention("d3", event_date="2024-03-14", time_precision=2)))
    assert first is not None and later is not None and first is not later
    # The week-precision report fits both within the margin: it joins neither.
    assert vague is not first and vague is not later


def test_link_dedup_finds_syndicated_copy_only() -> None:
    wire = (
        "Gunmen attacked the market town of Moura on Sunday, killing 24 people including women and children, "
        "local officials said, adding that the attackers fled on motorbikes towards the river."
    )
    copy = wire + " (Republished by Feed Central.)"
    other = (
        "Residents of Moura said armed men on motorbikes opened fire at the weekly market on Sunday; "
        "a health worker counted 27 bodies."
    )
    lin, copies = lineages([("a", wire), ("b", copy), ("c", other)])
    assert lin["b"] == lin["a"] == "a"
    assert lin["c"] == "c"
    assert [(c.document_id, c.original) for c in copies] == [("b", "a")]
    assert Deduplicator().add("x", "") is None


def test_link_same_outlet_is_one_lineage() -> None:
    lin, _ = lineages(
        [("a", "one text entirely"), ("b", "something else written")], outlets={"a": "Radio X", "b": "radio x"}
    )
    assert lin["b"] == "a"


def _add(
    store: SQLiteStore,
    doc_id: str,
    text: str,
    mentions: list[Mention],
    *,
    published: str,
    outlet: str,
    external_id: str,
) -> str:
    doc = Document(
        id=Document.make_id(text),
        text=text,
        sha256=sha256_hex(text.encode()),
        published=published,
        outlet=outlet,
        external_id=external_id,
    )
    store.add_document(
        doc,
        source=Source(
            uri=f"test:{doc_id}",
            retrieved="2024-03-20T00:00:00+00:00",
            sha256=doc.sha256,
            media_type="text/plain",
            external_id=external_id,
            outlet=outlet,
        ),
        original=text.encode(),
    )
    store.save_extraction(doc.id, (), [dataclasses.replace(m, document_id=doc.id) for m in mentions])
    return doc.id


TEXT1 = "Wagner mercenaries killed 24 civilians in Moura on 10 March, witnesses said."
TEXT2 = "At least 27 villagers died when Wagner forces fired on vehicles near Moura on Sunday, a local radio said."
TEXT3 = "The army denied that Wagner troops killed civilians in Moura and announced an investigation."


def _fill(store: SQLiteStore) -> None:
    _add(store, "1", TEXT1, [mention("x")], published="2024-03-11", outlet="Wire A", external_id="ext-1")
    _add(
        store,
        "2",
        TEXT2,
        [mention("x", fatalities=27, place=dataclasses.replace(MOURA, geo_precision=2))],
        published="2024-03-12",
        outlet="Radio B",
        external_id="ext-2",
    )
    _add(
        store,
        "1c",
        TEXT1 + " (Republished by Feed Central.)",
        [mention("x")],
        published="2024-03-12",
        outlet="Feed Central",
        external_id="ext-1c",
    )


def test_link_store_links_and_reconciles(store: SQLiteStore) -> None:
    _fill(store)
    result = link(store)
    incidents = list(store.incidents())
    assert len(incidents) == 1 and result.created == (incidents[0].id,)
    inc = incidents[0]
    assert inc.documents == 3
    assert inc.sources == 2  # the syndicated copy is not independent corroboration
    assert inc.grade == "corroborated"
    assert (inc.fatalities, inc.fatalities_low, inc.fatalities_high) == (24, 24, 27)
    assert sorted(inc.details["external_ids"]) == ["ext-1", "ext-1c", "ext-2"]
    assert len(inc.details["copies"]) == 1
    assert {d["field"] for d in inc.details["disagreements"]} == {"fatalities"}


def test_link_store_incremental_keeps_id_and_adds_timeline(store: SQLiteStore) -> None:
    _fill(store)
    link(store)
    (before,) = store.incidents()
    denial = Response("denial", "the army", Span(0, 8))
    inquiry = Response("investigation", "the army", Span(TEXT3.index("announced"), len(TEXT3) - 1))
    _add(
        store,
        "3",
        TEXT3,
        [mention("x", fatalities=None, status="denied", responses=(denial, inquiry))],
        published="2024-03-13",
        outlet="Army statement",
        external_id="ext-3",
    )
    result = link(store)
    (after,) = store.incidents()
    assert result.updated == (before.id,) and result.created == ()
    assert after.id == before.id and after.documents == 4
    assert after.grade == "contested" and "denied by the army" in after.grade_reason
    steps = [s["step"] for s in after.details["timeline"]]
    assert steps[0] == "reported" and "denied" in steps and "investigation announced" in steps
    assert any(s.get("quote", "").startswith("announced") for s in after.details["timeline"])
    assert link(store).mentions == 0  # nothing new: nothing done


def test_link_store_is_deterministic(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        with SQLiteStore(tmp_path / name) as s:
            _fill(s)
            link(s)
            ids.append([(i.id, i.mention_ids) for i in s.incidents()])
    assert ids[0] == ids[1]


def test_link_background_mentions_never_found_incidents(store: SQLiteStore) -> None:
    old = mention("x", event_date="2019-03-23", background=True)
    _add(
        store,
        "4",
        "In 2019 a massacre in Ogossagou killed 160.",
        [old],
        published="2024-03-11",
        outlet="C",
        external_id="ext-4",
    )
    result = link(store)
    assert list(store.incidents()) == [] and result.background == 1


def test_link_confirmed_when_the_perpetrator_accepts(store: SQLiteStore) -> None:
    claim = Response("claim_of_responsibility", "Wagner Group", Span(0, 6))
    _add(
        store,
        "5",
        "Wagner said it led the operation.",
        [mention("x", responses=(claim,))],
        published="2024-03-11",
        outlet="D",
        external_id="ext-5",
    )
    link(store)
    (inc,) = store.incidents()
    assert inc.grade == "confirmed" and inc.status == "confirmed"


def test_link_show_prints_record_sources_and_evidence(tmp_path: Path) -> None:
    db = tmp_path / "show.db"
    with SQLiteStore(db) as s:
        m = mention("x", evidence={"fatalities": (Span(TEXT1.index("24"), TEXT1.index("24") + 2),)})
        _add(s, "1", TEXT1, [m], published="2024-03-11", outlet="Wire A", external_id="ext-1")
        link(s)
        (inc,) = s.incidents()
    out = CliRunner().invoke(main, ["show", inc.id, "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "Violence against civilians" in out.output and "Wire A" in out.output and "fatalities: 24" in out.output
    missing = CliRunner().invoke(main, ["show", "inc_nope", "--db", str(db)])
    assert missing.exit_code == 1 and "hint" in missing.output


def test_link_show_says_when_only_the_country_is_known(tmp_path: Path) -> None:
    db = tmp_path / "show.db"
    capital = Place("Bamako", country="Mali", admin1="Bamako", latitude=12.65, longitude=-8.0, geo_precision=3,
                    how="country")  # fmt: skip
    with SQLiteStore(db) as s:
        _add(s, "1", TEXT1, [mention("x", place=capital)], published="2024-03-11", outlet="Wire A", external_id="e1")
        link(s)
        (inc,) = s.incidents()
    out = CliRunner().invoke(main, ["show", inc.id, "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "Mali: only the country is known, coded at its capital (Bamako)" in " ".join(out.output.split())


def test_link_store_incremental_equals_batch(tmp_path: Path) -> None:
    """Reports arriving one by one end in the same incidents, with the same ids, as all at once."""
    with SQLiteStore(tmp_path / "batch.db") as batch, SQLiteStore(tmp_path / "steps.db") as steps:
        _fill(batch)
        link(batch)
        _add(steps, "1", TEXT1, [mention("x")], published="2024-03-11", outlet="Wire A", external_id="ext-1")
        link(steps)
        _fill(steps)  # the first document again (a no-op) and the two later ones
        result = link(steps)
        assert result.created == () and len(result.updated) == 1
        assert [(i.id, sorted(i.mention_ids)) for i in batch.incidents()] == [
            (i.id, sorted(i.mention_ids)) for i in steps.incidents()
        ]


def test_link_store_given_ids_skips_linked_mentions(store: SQLiteStore) -> None:
    _fill(store)
    first = link(store)
    (inc,) = store.incidents()
    again = link(store, mention_ids=inc.mention_ids)
    assert first.mentions == 3 and again.skipped == 3 and again.mentions == 0


def test_link_officials_confirming_a_toll_do_not_make_it_confirmed(store: SQLiteStore) -> None:
    police = Response("confirmation", "the police", Span(0, 10))
    _add(
        store,
        "6",
        "The police confirmed 24 deaths in Moura.",
        [mention("x", responses=(police,), status="confirmed")],
        published="2024-03-11",
        outlet="E",
        external_id="ext-6",
    )
    link(store)
    (inc,) = store.incidents()
    assert inc.grade == "single source" and inc.status == "confirmed"
