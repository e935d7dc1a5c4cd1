"""Geocoding: which of a text's places is the event's, and which entry a name is, when the text says more."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.models import Place

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (501, "Maharashtra", "", 19.5, 75.5, "A", "ADM1", "IN", "16", "", 112000000),
    (502, "Mumbai Suburban", "", 19.15, 72.88, "A", "ADM2", "IN", "16", "MS", 9300000),
    (503, "Rajasthan", "", 26.6, 73.8, "A", "ADM1", "IN", "24", "", 68000000),
    (504, "Nagar", "", 27.43, 77.1, "P", "PPL", "IN", "24", "", 25000),
    (505, "Punjab", "", 30.9, 75.4, "A", "ADM1", "IN", "23", "", 27000000),
    (506, "Tarn Taran", "", 31.45, 74.93, "P", "PPL", "IN", "23", "", 66000),
    (507, "Gujarat", "", 22.7, 71.6, "A", "ADM1", "IN", "09", "", 60000000),
    (508, "Maliya", "", 23.09, 70.76, "P", "PPL", "IN", "09", "", 19000),
]
_ADMIN1 = [("IN.16", "Maharashtra"), ("IN.24", "Rajasthan"), ("IN.23", "Punjab"), ("IN.09", "Gujarat")]
_ADMIN2 = [("IN.16.MS", "Mumbai Suburban")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1, _ADMIN2)


def _place(geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    return place_of(geocoder, text, trigger, event_type="Riots")


def test_geocode_choice_a_chain_of_units_lies_in_its_largest_unit(geocoder: Geocoder) -> None:
    # 'Nagar' is also a town in Rajasthan; the chain ends in Maharashtra, which encloses it all
    text = "Two men were beaten in Shivaji Nagar area of Govandi suburb (Mumbai Suburban, Maharashtra) on Sunday."
    place = _place(geocoder, text, "beaten")
    assert place.admin1 == "Maharashtra"
    assert place.latitude == pytest.approx(19.15, abs=0.5)


def test_geocode_choice_a_misspelt_village_is_sought_only_in_the_unit_named_with_it(geocoder: Geocoder) -> None:
    # 'Maliyan' is spelt like Maliya, in Gujarat; the village named with Tarn Taran is in Punjab
    place = _place(geocoder, "Residents of Maliyan village in Tarn Taran protested on Monday.", "protested")
    assert place.admin1 == "Punjab"
    assert place.name != "Maliya"


def test_geocode_choice_a_body_named_after_a_place_yields_to_a_place(geocoder: Geocoder) -> None:
    text = "The Nagar Traders Union held a protest. Police dispersed the crowd in Punjab."
    place = _place(geocoder, text, "protest")
    assert place.admin1 == "Punjab"
    # alone, the body's place is still a clue
    place = _place(geocoder, "The Nagar Traders Union held a protest on Monday.", "protest")
    assert place.admin1 == "Rajasthan"


def test_geocode_choice_a_quarters_name_ending_in_nagar_is_one_name(geocoder: Geocoder) -> None:
    # 'Nagar' is a town in Rajasthan; 'Ram Nagar' is a quarter the gazetteer lacks, in the place named with it
    place = _place(geocoder, "Gunmen attacked a shop in Ram Nagar, Tarn Taran on Monday.", "attacked")
    assert (place.name, place.admin1) == ("Ram Nagar", "Punjab")
