"""Geocoding: units named as the gazetteer does not name them, district seats, retired codes, regional groups."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.models import Place

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (201, "Paktika Province", "", 32.5, 68.8, "A", "ADM1", "AF", "29", "", 400000),
    (202, "Sharan", "", 33.18, 68.73, "P", "PPLA", "AF", "29", "", 20000),
    (211, "Central Region", "", 5.5, -1.0, "A", "ADM1", "GH", "04", "", 2000000),
    (212, "Ajumako/Enyan/Essiam", "", 5.45, -0.9, "A", "ADM2", "GH", "04", "205", 100000),
    (213, "Cape Coast", "", 5.1, -1.25, "P", "PPLA", "GH", "04", "", 170000),
    (221, "Yorosso Cercle", "Yorosso", 12.3, -4.7, "A", "ADM2", "ML", "07", "Y1", 200000),
    (222, "Koury", "", 12.16, -4.8, "P", "PPLA2", "ML", "07", "Y1", 20000),
    (231, "Sololo", "", 3.56, 38.64, "P", "PPL", "KE", "03", "", 7000),
    (232, "Moyale", "", 3.52, 39.05, "P", "PPL", "KE", "34", "", 47000),
    (233, "Marsabit County", "Marsabit", 2.9, 38.3, "A", "ADM1", "KE", "34", "", 460000),
    (234, "Garissa County", "Garissa", -0.5, 40.0, "A", "ADM1", "KE", "16", "", 840000),
    (241, "Luhansk Oblast", "Luhansk", 48.7, 39.2, "A", "ADM1", "UA", "14", "", 2100000),
    (242, "Odessa Oblast", "Odessa", 46.6, 30.2, "A", "ADM1", "UA", "17", "", 2300000),
    (243, "Lviv Oblast", "Lviv", 49.8, 24.0, "A", "ADM1", "UA", "15", "", 2500000),
    (244, "Luhansk", "", 48.57, 39.31, "P", "PPLA", "UA", "14", "", 400000),
    (245, "Odesa", "", 46.48, 30.72, "P", "PPLA", "UA", "17", "", 1000000),
    (246, "Lviv", "", 49.84, 24.03, "P", "PPLA", "UA", "15", "", 720000),
    (247, "Troitske", "", 48.55, 38.3, "P", "PPL", "UA", "14", "", 900),
    (248, "Troitske", "", 46.5, 30.0, "P", "PPL", "UA", "17", "", 3000),
    (249, "Stepove", "", 49.7, 24.2, "P", "PPL", "UA", "15", "", 800),
]
_ADMIN1 = [
    ("AF.29", "Paktika"),
    ("GH.04", "Central"),
    ("ML.07", "Sikasso"),
    ("KE.34", "Marsabit"),
    ("KE.16", "Garissa"),
    ("UA.14", "Luhansk"),
    ("UA.17", "Odessa"),
    ("UA.15", "Lviv"),
]
_ADMIN2 = [("GH.04.205", "Ajumako/Enyan/Essiam"), ("ML.07.Y1", "Yorosso")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1, _ADMIN2)


def _place(geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    return place_of(geocoder, text, trigger, event_type="Riots")


def test_geocode_units_a_unit_spelt_otherwise_encloses_an_unlisted_place(geocoder: Geocoder) -> None:
    # 'Paktica' is Paktika spelt another way: the unlisted village lies in that unit, which is named as the
    # gazetteer names it, not as the text misspells it
    place = _place(
        geocoder, "Afghan soldiers fought the Taliban in Gardan village of Shahid district, Paktica.", "fought"
    )
    assert (place.country, place.admin1, place.locality) == ("Afghanistan", "Paktika", "Gardan")
    assert place.name == "Shahid"  # coded to the unlisted district it lies in, whose name a coder's gazetteer knows
    assert place.geo_precision == 2
    # a word that is only like a unit's name is no unit
    place = _place(
        geocoder, "Afghan soldiers fought the Taliban in Gardan village of Shahid district, Xyzzyq.", "fought"
    )
    assert place.admin1 is None


def test_geocode_units_one_part_of_a_joined_unit_name_is_that_unit(geocoder: Geocoder) -> None:
    place = _place(
        geocoder, "Ghanaian party youths clashed at a polling station in Bisase (Ajumako, Central).", "clashed"
    )
    assert (place.country, place.admin1, place.admin2, place.name) == (
        "Ghana",
        "Central",
        "Ajumako/Enyan/Essiam",
        "Bisase",
    )


def test_geocode_units_a_district_keeps_its_name_at_its_seats_point(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Gunmen attacked a convoy in Yorosso district of Mali on Monday.", "attacked")
    assert (place.name, place.admin1, place.geo_precision) == ("Yorosso", "Sikasso", 2)
    assert (place.latitude, place.longitude) == pytest.approx((12.16, -4.8))  # Koury, the cercle's seat


def test_geocode_units_a_retired_unit_code_takes_the_unit_of_the_nearest_place(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Kenyan herders clashed over a well in Sololo on Monday.", "clashed")
    assert (place.name, place.country, place.admin1) == ("Sololo", "Kenya", "Marsabit")


def test_geocode_units_regional_groups_pull_a_namesake_into_their_unit(geocoder: Geocoder) -> None:
    # a larger Troitske lies in Odessa; the LPR acts in Luhansk
    place = _place(geocoder, "LPR forces shelled Ukrainian positions near Troitske on Monday.", "shelled")
    assert (place.name, place.admin1) == ("Troitske", "Luhansk")
    assert place.latitude == pytest.approx(48.55)
    # without the group, the larger namesake
    place = _place(geocoder, "Unknown men shelled Ukrainian positions near Troitske on Monday.", "shelled")
    assert place.admin1 == "Odessa"


def test_geocode_units_a_village_known_only_far_from_the_groups_unit_is_kept_in_it(geocoder: Geocoder) -> None:
    # the only Stepove known is in Lviv: the one the LPR shelled is unlisted, in Luhansk
    place = _place(geocoder, "LPR forces shelled Ukrainian positions near Stepove on Monday.", "shelled")
    assert (place.name, place.admin1, place.geo_precision) == ("Stepove", "Luhansk", 2)
    assert place.latitude == pytest.approx(48.57)  # Luhansk, the unit's capital
