"""The data model: content ids, spans, and the dict round trip every store relies on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import conflictdb
from conflictdb.models import Actor, Document, Incident, Mention, Place, Response, Span, from_dict, to_dict

texts = st.text(min_size=1, max_size=200)
spans = st.builds(lambda a, b: Span(min(a, b), max(a, b)), st.integers(0, 500), st.integers(0, 500))
actors = st.builds(Actor, name=st.text(max_size=30), inter=st.integers(0, 8), words=st.text(max_size=30),
                   country=st.none() | st.text(max_size=20), known=st.booleans())
places = st.builds(Place, name=st.text(max_size=30), latitude=st.none() | st.floats(-90, 90),
                   longitude=st.none() | st.floats(-180, 180), geo_precision=st.none() | st.integers(1, 3))
mentions = st.builds(
    Mention,
    document_id=st.text(min_size=1, max_size=20),
    index=st.integers(0, 20),
    event_type=st.sampled_from(list(conflictdb.models.EVENT_TYPES)),
    actor1=st.none() | actors,
    assoc_actor_1=st.lists(actors, max_size=2).map(tuple),
    place=st.none() | places,
    fatalities=st.none() | st.integers(0, 10_000),
    claimed_by=st.lists(st.text(max_size=10), max_size=3).map(tuple),
    responses=st.lists(st.builds(Response, kind=st.text(max_size=10), by=st.text(max_size=10), span=spans),
                       max_size=2).map(tuple),
    evidence=st.dictionaries(st.sampled_from(["event_type", "fatalities", "actor1"]),
                             st.lists(spans, min_size=1, max_size=3).map(tuple)),
)


@given(mentions)
def test_models_mention_round_trip(mention: Mention) -> None:
    assert from_dict(Mention, to_dict(mention)) == mention


@given(texts)
def test_models_document_id_depends_only_on_text(text: str) -> None:
    assert Document.make_id(text) == Document.make_id(str(text))
    assert Document.make_id(text) != Document.make_id(text + " ")


def test_models_ids_stable_across_processes() -> None:
    code = "from conflictdb.models import Document; print(Document.make_id('Gunmen killed 3 in Gao.'))"
    env = {**os.environ, "PYTHONPATH": str(Path(conflictdb.__file__).parent.parent), "PYTHONHASHSEED": "random"}
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
            for _ in range(2)}
    assert runs == {Document.make_id("Gunmen killed 3 in Gao.") + "\n"}


def test_models_span_rejects_backwards_offsets() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)
    assert Span(0, 6).of("Gunmen killed") == "Gunmen"


def test_models_actor_localize_fills_generic_names() -> None:
    civilians = Actor("Civilians ({country})", 7)
    police = Actor("Police Forces of {country}", 1)
    assert civilians.generic and civilians.localize("Mali").name == "Civilians (Mali)"
    assert police.localize("Kenya").name == "Police Forces of Kenya"
    assert civilians.localize(None).name == "Civilians"
    assert police.localize("Philippines").name == "Police Forces of the Philippines"
    assert civilians.localize("Philippines").name == "Civilians (Philippines)"
    wagner = Actor("Wagner Group", 8)
    assert wagner.localize("Mali") is wagner


def test_models_interaction_codes() -> None:
    def m(i1: int, i2: int | None) -> Mention:
        return Mention("d", 0, "Battles", actor1=Actor("a", i1), actor2=Actor("b", i2) if i2 is not None else None)

    assert m(6, None).interaction == 60
    assert m(1, 2).interaction == 12
    assert m(7, 3).interaction == 37
    assert m(8, 7).type_of_violence == 3
    assert m(1, 2).type_of_violence == 1
    assert m(2, 3).type_of_violence == 2


def test_models_incident_round_trip() -> None:
    incident = Incident("inc_1", ("men_a", "men_b"), "Battles", actor1=Actor("X", 2),
                        details={"sources": [{"uri": "a", "fatalities": 3}]})
    assert from_dict(Incident, to_dict(incident)) == incident


def test_exported_members() -> None:
    exported = {name for name in dir(conflictdb) if not name.startswith("_")}
    assert set(conflictdb.__all__) - {"__version__"} <= exported
    for name in conflictdb.__all__:
        assert getattr(conflictdb, name) is not None


def test_models_place_label_names_the_country_of_a_country_only_report() -> None:
    capital = Place("Bamako", country="Mali", latitude=12.65, longitude=-8.0, geo_precision=3, how="country")
    assert capital.label == "Mali (country only)"
    assert Place("Bamako", country="Mali", geo_precision=1).label == "Bamako"
    village = Place("Bankass", country="Mali", geo_precision=2, locality="Diallassagou")
    assert village.label == "Diallassagou (in Bankass)"
