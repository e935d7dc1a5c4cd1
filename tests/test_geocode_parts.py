"""Geocoding: unlisted parts of known places, and first-order units named as ACLED names them."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.models import Actor, Document, Mention, Place, Span

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (101, "Koutiala", "", 12.39, -5.46, "P", "PPL", "ML", "07", "", 140000),
    (102, "Sikasso", "", 11.32, -5.67, "P", "PPLA", "ML", "07", "", 225000),
    (103, "Sikasso Region", "", 11.5, -6.0, "A", "ADM1", "ML", "07", "", 2600000),
    (104, "Kadiolo", "", 10.56, -5.76, "P", "PPL", "ML", "07", "", 24000),
    (105, "Kadiolo Cercle", "Kadiolo", 10.6, -5.7, "A", "ADM2", "ML", "07", "K1", 160000),
    (106, "Ar Raqqah", "Raqqa,Rakka", 35.95, 39.01, "P", "PPLA", "SY", "04", "", 180000),
    (107, "Beirut", "Beyrouth", 33.89, 35.50, "P", "PPLC", "LB", "04", "", 1900000),
    (108, "Berlin", "", 52.52, 13.40, "P", "PPLC", "DE", "16", "", 3400000),
    (109, "Kabale", "", -1.25, 29.99, "P", "PPLA2", "UG", "W", "34", 53000),
]
_ADMIN1 = [("ML.07", "Sikasso"), ("SY.04", "Ar-Raqqah"), ("LB.04", "Beyrouth"), ("UG.W", "Western Region")]
_ADMIN2 = [("ML.07.K1", "Kadiolo"), ("UG.W.34", "Kabale District")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1, _ADMIN2)


def _place(geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    return place_of(geocoder, text, trigger, event_type="Riots")


def test_geocode_unlisted_part_of_a_town_takes_the_towns_name(geocoder: Geocoder) -> None:
    # a quarter or an area the gazetteer lacks, inside a town named with it: ACLED names the town
    for text in (
        "Youths rioted in Bamanan, Koutiala town (Koutiala, Sikasso) on Monday.",
        "Youths rioted in Bamanan area of Koutiala (Sikasso) on Monday.",
        "Youths rioted at Bamanan in Koutiala city on Monday.",
    ):
        place = _place(geocoder, text, "rioted")
        assert (place.name, place.locality, place.admin1) == ("Koutiala", "Bamanan", "Sikasso"), text
    # the town's coordinates, not the region's
    assert place.latitude == pytest.approx(12.39)


def test_geocode_unlisted_place_given_with_its_unit_keeps_its_name(geocoder: Geocoder) -> None:
    # 'X, Y' and 'X village (A, B)' are how coders give a place of their own with its units
    for text in (
        "Youths rioted in Bamanan, Koutiala on Monday.",
        "Youths rioted in Bamanan village (Koutiala, Sikasso) on Monday.",
    ):
        place = _place(geocoder, text, "rioted")
        assert (place.name, place.admin1) == ("Bamanan", "Sikasso"), text
    # 'X in Y', Y a town that is also its unit's seat: coded to the town, as a part of a known town is
    place = _place(geocoder, "Youths rioted in Bamanan in Sikasso on Monday.", "rioted")
    assert (place.name, place.locality, place.admin1) == ("Sikasso", "Bamanan", "Sikasso")


def test_geocode_first_order_unit_takes_the_name_acled_codes_it_under(geocoder: Geocoder) -> None:
    # GeoNames' French or transliterated name gives way to ACLED's, whatever spelling the text uses
    place = _place(geocoder, "Protesters blocked a road in Beirut on Friday.", "blocked")
    assert (place.name, place.admin1) == ("Beirut", "Beirut")
    place = _place(geocoder, "Shells fell on a market in Raqqa on Friday.", "fell")
    assert place.admin1 == "Ar-Raqqa"


def test_geocode_raiders_named_by_a_demonym_count_once(geocoder: Geocoder) -> None:
    # 'Malian raiders' counts for Mali as a word of the text; the raiders' actor does not count it again,
    # so the people attacked at home ('Burkinabe villagers') say where it was
    text = "Malian raiders attack Burkinabe villagers, steal cattle"
    start = text.index("attack")
    mention = Mention(
        document_id="d",
        index=0,
        event_type="Violence against civilians",
        evidence={"event_type": (Span(start, start + 6),)},
        actor1=Actor("Unidentified Armed Group (Mali)", 3, country="Mali"),
        actor2=Actor("Civilians ({country})", 7),
    )
    doc = geocoder(Document(id="d", text=text, sha256="", mentions=(mention,)))
    assert doc.mentions[0].place is not None and doc.mentions[0].place.country == "Burkina Faso"


def test_geocode_unlisted_name_keeps_its_arabic_article(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Shells fell on Al Hishah (Raqqa) on Friday.", "fell")
    assert (place.name, place.admin1) == ("Al Hishah", "Ar-Raqqa")
    # English 'at' before a name is no article
    place = _place(geocoder, "Militants fired at soldiers at Tahab village (Raqqa).", "fired")
    assert place.name == "Tahab"


def test_geocode_outlet_named_after_a_region_or_city_is_of_its_country(geocoder: Geocoder) -> None:
    from conflictdb.geocode.outlets import outlet_country

    gazetteer = geocoder.gazetteer
    assert outlet_country("Sikasso Tribune", gazetteer) == "ML"
    # a spelt-out name in parentheses
    assert outlet_country("UNM (United News of Mali)", gazetteer) == "ML"
    # words of outlets' names are not places, and the global press reports from everywhere
    assert outlet_country("Free Press", gazetteer) is None
    assert outlet_country("Berlin Morning Post", gazetteer) is None


def test_geocode_country_coded_by_its_districts_takes_the_district_as_first_order_unit(geocoder: Geocoder) -> None:
    # ACLED codes Uganda by district: Kabale, not the Western Region
    place = _place(geocoder, "Police arrested students in Kabale on Monday.", "arrested")
    assert (place.name, place.admin1) == ("Kabale", "Kabale")


def test_geocode_named_groups_country_does_not_depend_on_hash_order() -> None:
    # an acronym two countries' groups share ('ASWJ': Pakistan's and Somalia's) names both, in every run
    import os
    import subprocess
    import sys

    import conflictdb

    src = str(Path(conflictdb.__file__).resolve().parents[1])
    code = (
        "from conflictdb.geocode.peoples import named_actor_countries as f;"
        "print(sorted(f('ASWJ workers clashed with police near the court.')))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": src},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(runs) == 1, runs


def test_geocode_seat_named_with_a_word_for_seat_keeps_the_texts_name() -> None:
    from conflictdb.geocode.checks import variant

    # GeoNames names some district seats 'Alaqahdari X', 'Hukumat-e X': the text's 'X' is that seat's name
    assert variant("‘Alaqahdari Shah Joy", "Shah Joy")
    assert variant("Hukumat-e Nad ‘Ali", "Nad Ali")
    assert not variant("Qalat", "Shah Joy")
