"""Geocoding: what says which country a text is about without naming a place in it."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.geocode.outlets import outlet_country

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (401, "Nairobi", "", -1.28, 36.82, "P", "PPLC", "KE", "30", "", 2750000),
    (402, "Marsabit", "", 2.33, 37.99, "P", "PPLA", "KE", "25", "", 15000),
    (403, "Mogadishu", "", 2.04, 45.34, "P", "PPLC", "SO", "13", "", 2500000),
    (404, "Addis Ababa", "", 9.02, 38.75, "P", "PPLC", "ET", "44", "", 3000000),
    (405, "Ouagadougou", "", 12.37, -1.53, "P", "PPLC", "BF", "53", "", 1100000),
    (406, "Paris", "", 48.85, 2.35, "P", "PPLC", "FR", "11", "", 2100000),
]
_ADMIN1 = [("KE.30", "Nairobi"), ("KE.25", "Marsabit"), ("SO.13", "Banaadir"), ("ET.44", "Addis Ababa")]
_ADMIN1 += [("BF.53", "Centre"), ("FR.11", "Ile-de-France")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1)


def test_geocode_cues_agencies_named_after_a_country_report_from_everywhere(geocoder: Geocoder) -> None:
    gaz = geocoder.gazetteer
    assert outlet_country("Agence France Presse", gaz) is None
    assert outlet_country("Xinhua News Agency - French", gaz) is None
    # a national paper still says its country, and one of three outlets no longer outvotes the other two
    assert outlet_country("Le Monde (France)", gaz) == "FR"
    assert outlet_country("Agence France Presse; Burkina Echo; Xinhua News Agency - French", gaz) == "BF"


def test_geocode_cues_a_countrys_possessive_without_its_apostrophe_is_its_demonym(geocoder: Geocoder) -> None:
    reading = geocoder.read("Protesters marched in Kenyas capital against a new railway line.")
    assert [(w.cc, w.demonym) for w in reading.countries] == [("KE", True)]
    assert reading.votes["KE"] == 3.0  # before a place noun, as much as 'a Kenyan town'
    text = "Protesters marched in Kenyas capital against a new railway line."
    place = place_of(geocoder, text, "marched", event_type="Protests")
    assert place is not None and (place.country, place.name) == ("Kenya", "Nairobi")
    # a group of a country is its demonym's, not its soil: the Kenyan place decides
    text = "Somalias Al-Shabab fighters attacked a police post in Marsabit."
    place = place_of(geocoder, text, "attacked", event_type="Battles")
    assert place is not None and (place.country, place.name) == ("Kenya", "Marsabit")


def test_geocode_cues_plural_demonyms_and_the_americas_are_no_possessive(geocoder: Geocoder) -> None:
    assert geocoder.read("Hundreds of Somalis fled the fighting.").votes.get("SO", 0.0) < 3.0
    assert not geocoder.read("Migrants from across the Americas gathered.").votes
