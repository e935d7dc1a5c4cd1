"""Geocoding: a place the gazetteer lacks takes the unit the text names elsewhere; peoples' home units."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.models import Place

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (401, "Nagaland", "", 26.1, 94.5, "A", "ADM1", "IN", "20", "", 2000000),
    (402, "Phek District", "Phek", 25.7, 94.4, "A", "ADM2", "IN", "20", "501", 160000),
    (403, "Kohima", "", 25.67, 94.11, "P", "PPLA", "IN", "20", "500", 100000),
    (404, "Turkana County", "Turkana", 3.3, 35.6, "A", "ADM1", "KE", "51", "", 900000),
    (405, "Lodwar", "", 3.12, 35.6, "P", "PPLA", "KE", "51", "", 48000),
    (406, "Meru County", "Meru", 0.05, 37.65, "A", "ADM1", "KE", "35", "", 1500000),
    (407, "Haifa District", "Haifa", 32.7, 35.1, "A", "ADM1", "IL", "04", "", 1000000),
    (408, "Haifa", "", 32.82, 34.99, "P", "PPLA", "IL", "04", "", 285000),
    (409, "Bath", "Bat", 51.38, -2.36, "P", "PPL", "GB", "ENG", "", 100000),
    (410, "Khulna Division", "Khulna", 22.8, 89.3, "A", "ADM1", "BD", "85", "", 15000000),
    (411, "Chuadanga District", "Chuadanga", 23.6, 88.8, "A", "ADM2", "BD", "85", "CH", 1100000),
    (412, "Chuadanga", "", 23.64, 88.84, "P", "PPLA2", "BD", "85", "CH", 90000),
]
_ADMIN1 = [
    ("IN.20", "Nagaland"),
    ("KE.51", "Turkana"),
    ("KE.35", "Meru"),
    ("IL.04", "Haifa"),
    ("GB.ENG", "England"),
    ("BD.85", "Khulna"),
]
_ADMIN2 = [("IN.20.501", "Phek"), ("IN.20.500", "Kohima"), ("BD.85.CH", "Chuadanga")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1, _ADMIN2)


def _place(geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    return place_of(geocoder, text, trigger, event_type="Battles")


def test_geocode_enclosing_an_unlisted_place_takes_the_unit_named_in_another_sentence(geocoder: Geocoder) -> None:
    text = (
        "Indian troops patrolled Phek district of Nagaland on Tuesday. "
        "A gunfight broke out at Zelome, a village near the border, at night."
    )
    place = _place(geocoder, text, "gunfight")
    assert (place.country, place.admin1, place.name) == ("India", "Nagaland", "Zelome")
    assert place.geo_precision == 2


def test_geocode_enclosing_an_armed_groups_name_and_acronym_is_no_place(geocoder: Geocoder) -> None:
    # 'X (LeT)' is a body and its acronym, not a place given with its unit
    text = "Indian troops killed two militants at Zelome in Phek district. They belonged to the Hizb-e-Tariq (HeT)."
    place = _place(geocoder, text, "killed")
    assert (place.name, place.admin1) == ("Zelome", "Nagaland")
    reading = geocoder.read(text)
    assert not any(t.surface.startswith("Hizb") for t in reading.toponyms)


def test_geocode_enclosing_a_peoples_home_unit_when_no_place_is_named(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Kenyan Turkana herders clashed with raiders over pasture.", "clashed")
    assert (place.country, place.admin1, place.geo_precision) == ("Kenya", "Turkana", 3)
    # two peoples, two homes: the text does not say which
    place = _place(geocoder, "Kenyan Turkana and Meru herders clashed over pasture.", "clashed")
    assert (place.country, place.admin1) == ("Kenya", None)


def test_geocode_enclosing_a_square_of_a_city_is_coded_to_the_city(geocoder: Geocoder) -> None:
    # 'Bat' is also Bath, England; the square is a part of Haifa, which ACLED names
    place = _place(geocoder, "Interns protested in Bat Galim Square of Haifa city on Sunday.", "protested")
    assert (place.name, place.country, place.admin1) == ("Haifa", "Israel", "Haifa")


def test_geocode_enclosing_a_sadar_upazila_is_its_districts_town(geocoder: Geocoder) -> None:
    text = "A man was hurt in a clash at Hospital Para area of Chuadanga Sadar upazila in Bangladesh on Sunday."
    place = _place(geocoder, text, "clash")
    assert (place.name, place.admin1, place.admin2) == ("Chuadanga", "Khulna", "Chuadanga")
