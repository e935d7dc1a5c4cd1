"""Geocoding: words that read as places or countries but are not, and cues that mark a place as the event's."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.geocode.cues import cue_before
from conflictdb.models import Place

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (501, "Abu", "", 24.59, 72.71, "P", "PPL", "IN", "24", "", 25000),
    (502, "Al Hasakah", "Al-Hasakeh", 36.5, 40.75, "P", "PPLA", "SY", "01", "", 420000),
    (503, "Mau", "", 25.94, 83.56, "P", "PPLA2", "IN", "36", "MAU", 250000),
    (504, "Mau District", "Mau", 25.95, 83.5, "A", "ADM2", "IN", "36", "MAU", 2200000),
    (505, "Detroit", "Motor,Motor City", 42.33, -83.05, "P", "PPLA2", "US", "MI", "", 650000),
    (506, "Mardan", "", 34.2, 72.05, "P", "PPLA2", "PK", "03", "", 300000),
    (507, "Colombo", "", 6.93, 79.85, "P", "PPLA", "LK", "36", "", 650000),
    (508, "Riyadh", "", 24.69, 46.72, "P", "PPLC", "SA", "10", "", 4200000),
    (509, "Nairobi", "", -1.28, 36.82, "P", "PPLC", "KE", "30", "", 2750000),
    (510, "Addis Ababa", "", 9.02, 38.75, "P", "PPLC", "ET", "44", "", 2750000),
    (511, "Lodwar", "", 3.12, 35.6, "P", "PPLA", "KE", "42", "", 80000),
    (512, "Racine", "Rasin", 42.73, -87.78, "P", "PPLA2", "US", "WI", "", 77000),
    (513, "Garissa", "", -0.45, 39.65, "P", "PPLA", "KE", "16", "", 160000),
    (514, "Puri", "Jagannath", 19.8, 85.83, "P", "PPLA2", "IN", "21", "", 200000),
]
_ADMIN1 = [
    ("IN.24", "Rajasthan"),
    ("SY.01", "Al-Hasakeh"),
    ("IN.36", "Uttar Pradesh"),
    ("US.MI", "Michigan"),
    ("PK.03", "Khyber Pakhtunkhwa"),
    ("LK.36", "Western"),
    ("SA.10", "Riyadh"),
    ("KE.30", "Nairobi"),
    ("ET.44", "Addis Ababa"),
    ("KE.42", "Turkana"),
    ("US.WI", "Wisconsin"),
    ("KE.16", "Garissa"),
    ("IN.21", "Odisha"),
]
_ADMIN2 = [("IN.36.MAU", "Mau")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1, _ADMIN2)


def _place(geocoder: Geocoder, text: str, trigger: str, event_type: str = "Protests") -> Place | None:
    return place_of(geocoder, text, trigger, event_type=event_type)


def test_geocode_misreadings_near_before_two_names_keeps_them_one_name(geocoder: Geocoder) -> None:
    # 'Abu' is a town in India, 'Rasin' another name of Racine: 'Abu Rasin' is one village the gazetteer lacks
    text = "Soldiers patrolled in the vicinity of Abu Rasin in the northern countryside of Al-Hasakeh."
    place = _place(geocoder, text, "patrolled", "Strategic developments")
    assert place is not None and (place.country, place.name) == ("Syria", "Abu Rasin")


def test_geocode_misreadings_one_name_twice_is_no_town_in_its_district(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Mau Mau veterans marched to demand compensation for colonial abuses.", "marched")
    assert place is None or place.country != "India"


def test_geocode_misreadings_a_laws_title_names_no_place(geocoder: Geocoder) -> None:
    # 'Motor' is one of Detroit's other names
    text = "Transport unions protested against a bill to replace the Motor Vehicles Act."
    assert not [t.surface for t in geocoder.read(text).toponyms]
    place = _place(geocoder, text, "protested")
    assert place is None or place.country != "United States"


def test_geocode_misreadings_a_partys_acronym_does_not_hide_its_branchs_town(geocoder: Geocoder) -> None:
    text = "The JI Mardan Chapter held a protest outside the press club."
    place = _place(geocoder, text, "protest")
    assert place is not None and (place.country, place.name) == ("Pakistan", "Mardan")


def test_geocode_misreadings_in_the_capital_marks_its_city_as_the_place(geocoder: Geocoder) -> None:
    text = "Protests were held outside the embassy in capital Colombo against Saudi Arabia's decision to execute her."
    place = _place(geocoder, text, "Protests")
    assert place is not None and (place.country, place.name) == ("Sri Lanka", "Colombo")
    assert cue_before("at the capital ") == (False, 2)
    # a distance from the capital, or a note's 'district capital = X', names no place of the event
    assert cue_before("some 150 km away of capital ")[1] == 0
    assert cue_before("(district capital = ")[1] == 0
    text = "Raiders killed two herders at Kataboe in Turkana District (district capital = Lodwar)."
    place = _place(geocoder, text, "killed", "Violence against civilians")
    assert place is not None and place.name == "Kataboe"


def test_geocode_misreadings_a_homestead_named_by_its_country_is_in_it(geocoder: Geocoder) -> None:
    reading = geocoder.read("Ethiopian rebels threw a bomb into a Kenyan homestead.")
    assert reading.votes["KE"] > reading.votes["ET"]


def test_geocode_misreadings_a_two_word_demonym_before_diplomat_is_abroad(geocoder: Geocoder) -> None:
    reading = geocoder.read("A Saudi Arabian diplomat was attacked by gangsters.")
    assert reading.votes.get("SA", 0.0) == 0.0
    assert [w.cc for w in reading.countries] == ["SA"]


def test_geocode_misreadings_pak_is_pakistans_demonym(geocoder: Geocoder) -> None:
    reading = geocoder.read("Pak troops shelled border posts overnight.")
    assert [(w.cc, w.demonym) for w in reading.countries] == [("PK", True)]


def test_geocode_misreadings_a_university_named_after_a_town_is_there(geocoder: Geocoder) -> None:
    # the group's country (Somalia) does not make the town a namesake; nothing else in the text names a place
    place = _place(geocoder, "Al Shabaab gunmen attacked Garissa University at dawn.", "attacked", "Battles")
    assert place is not None and (place.country, place.name) == ("Kenya", "Garissa")


def test_geocode_misreadings_a_university_named_after_a_god_is_not_in_his_town(geocoder: Geocoder) -> None:
    # 'Jagannath' is also Puri's other name; the university is in Dhaka, which the text does not name
    text = "Al Shabaab gunmen attacked Jagannath University at dawn."
    place = _place(geocoder, text, "attacked", "Battles")
    assert place is None or place.country != "India"
