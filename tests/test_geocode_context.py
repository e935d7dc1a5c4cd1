"""Geocoding: which of a text's places is the incident's, read from the words around each name."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.models import Place

# GeoNames-format rows written for these tests: invented towns in real first-order units.
_FEATURES = [
    (901, "Nairobi", "", -1.283, 36.817, "P", "PPLC", "KE", "05", "", 2750000),
    (902, "Nairobi", "", -1.3, 36.85, "A", "ADM1", "KE", "05", "", 4397073),
    (903, "Tumbazi", "", -5.43, 38.97, "P", "PPL", "TZ", "18", "", 8000),
    (904, "Korvala", "Korvalas", 25.57, 91.88, "P", "PPL", "IN", "18", "", 9000),
    (905, "Santa Rosa de los Altos", "", 20.9, -102.3, "P", "PPL", "MX", "14", "", 12000),
    (906, "Jalisco", "", 20.5, -103.5, "A", "ADM1", "MX", "14", "", 7350000),
    (907, "Los Altos", "", 17.0, -96.7, "P", "PPL", "MX", "20", "", 900),
    (908, "Meghalaya", "", 25.5, 91.3, "A", "ADM1", "IN", "18", "", 2960000),
    (909, "Vendara", "Vendara Town", 25.2, 90.9, "P", "PPL", "IN", "18", "", 15000),
    (911, "Korvala City", "", 25.58, 91.89, "P", "PPL", "IN", "18", "", 5000),
    (912, "Zelbor", "", 40.0, -86.0, "P", "PPL", "US", "IN", "", 30000),
    (914, "Yangon", "", 16.8, 96.15, "P", "PPLA", "MM", "17", "", 4400000),
    (910, "Kilimani", "", -1.29, 36.78, "P", "PPLX", "KE", "05", "", 20000),
]
_ADMIN1 = [
    ("MM.17", "Yangon"),
    ("US.IN", "Indiana"),
    ("KE.05", "Nairobi"),
    ("TZ.18", "Tanga"),
    ("IN.18", "Meghalaya"),
    ("MX.14", "Jalisco"),
    ("MX.20", "Oaxaca"),
]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1)


def _place(geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    return place_of(geocoder, text, trigger, event_type="Riots")


def test_geocode_context_a_determiner_before_a_designator_names_nothing(geocoder: Geocoder) -> None:
    place = _place(geocoder, "The town of Korvala in Meghalaya saw a protest by farmers on Monday.", "protest")
    assert place.name == "Korvala"
    assert place.latitude == pytest.approx(25.57, abs=0.01)


def test_geocode_context_residents_of_a_place_act_there(geocoder: Geocoder) -> None:
    # 'Mbwenge' is in no gazetteer: the words before it make it the place, kept under its own name in Kenya
    text = "Residents of Mbwenge protested over a broken bridge. Kenyan police dispersed them."
    place = _place(geocoder, text, "protested")
    assert place.name == "Mbwenge"
    assert place.country == "Kenya"


def test_geocode_context_a_namesake_abroad_of_a_place_given_with_home_units_is_no_foreign_place(
    geocoder: Geocoder,
) -> None:
    # the only Tumbazi known is in Tanzania; the units named with it put this one in Nairobi, where the text is
    text = "Officers took two boys to a garage in Tumbazi (Kiraho, Nairobi) on Friday. Police called it a shootout."
    place = _place(geocoder, text, "shootout")
    assert place.name == "Tumbazi"
    assert place.country == "Kenya"
    assert place.admin1 == "Nairobi"


def test_geocode_context_spanish_articles_join_a_name(geocoder: Geocoder) -> None:
    place = _place(geocoder, "On Sunday, in Santa Rosa de los Altos, Jalisco, gunmen attacked a bar.", "attacked")
    assert place.name == "Santa Rosa de los Altos"
    assert place.admin1 == "Jalisco"


def test_geocode_context_a_town_named_in_the_region_is_more_precise_than_the_region(geocoder: Geocoder) -> None:
    text = "Teachers protested across Meghalaya on Friday. In Vendara they blocked the main road for hours."
    place = _place(geocoder, text, "protested")
    assert place.name == "Vendara"
    assert place.geo_precision == 1
    # a town of another region does not refine it
    text = "Teachers protested across Meghalaya on Friday. Their union met in Santa Rosa de los Altos."
    assert _place(geocoder, text, "protested").geo_precision == 3


def test_geocode_context_an_unlisted_part_of_an_unlisted_place_takes_that_places_name(geocoder: Geocoder) -> None:
    # neither name is in the gazetteer: the market is a part of the town, which is the place coded
    text = "A mob lynched a thief at Kiwanja market in Mbegani on Sunday. Kenyan police arrived later."
    place = _place(geocoder, text, "lynched")
    assert place.name == "Mbegani"
    assert place.country == "Kenya"
    # a village given with its own units in parentheses is a place of its own
    text = "A mob lynched a thief in Kiwanja village (Mbegani, Nairobi) on Sunday."
    assert _place(geocoder, text, "lynched").name == "Kiwanja"


def test_geocode_context_a_listed_quarter_of_a_city_is_coded_to_the_city(geocoder: Geocoder) -> None:
    # 'Kilimani' is listed as a place of its own, but the text gives it as a part of Nairobi
    text = "Police beat a hawker to death in Kilimani neighbourhood of Nairobi on Monday."
    place = _place(geocoder, text, "beat")
    assert (place.name, place.locality) == ("Nairobi", "Kilimani")
    # a quarter named alone is the place
    assert _place(geocoder, "Police beat a hawker to death in Kilimani on Monday.", "beat").name == "Kilimani"


def test_geocode_context_a_branch_named_after_a_town_places_the_event_in_it(geocoder: Geocoder) -> None:
    # the words around the town's name do not mark it as a place, but it lies in the region the text names
    text = "Activists of the Meghalaya Students Front Vendara chapter protested against the arrests."
    place = _place(geocoder, text, "protested")
    assert place.name == "Vendara"
    assert place.geo_precision == 1


def test_geocode_context_a_region_before_s_encloses_the_place_after_it(geocoder: Geocoder) -> None:
    # "Meghalaya's Dawki area": Dawki, which no gazetteer here lists, lies in Meghalaya
    text = "Gunmen shot a trader in Meghalaya's Dawki area on Friday."
    place = _place(geocoder, text, "shot")
    assert place.name == "Dawki"
    assert place.admin1 == "Meghalaya"


def test_geocode_context_the_headquarters_subdistrict_is_coded_to_its_town(geocoder: Geocoder) -> None:
    # 'Sadar' names the subdistrict that holds the town of the unit named with it, not a place of its own
    place = _place(geocoder, "A crude bomb went off at a market in Sadar tehsil of Korvala on Monday.", "bomb")
    assert place.name == "Korvala"


def test_geocode_context_a_camp_named_after_a_town_keeps_the_camps_name(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Two refugees were stabbed at the Korvala refugee camp in Meghalaya.", "stabbed")
    assert place.name == "Korvala Refugee Camp"
    assert place.latitude == pytest.approx(25.57, abs=0.01)


def test_geocode_context_a_possessive_without_its_apostrophe_names_the_town(geocoder: Geocoder) -> None:
    # 'Korvalas' is how a note may write "Korvala's": the town, whatever the gazetteer's alternate names hold
    place = _place(geocoder, "Traders rioted in Korvalas Central Market in Meghalaya on Monday.", "rioted")
    assert place.name == "Korvala"


def test_geocode_context_a_firm_named_after_its_home_country_says_nothing_of_where_it_works(
    geocoder: Geocoder,
) -> None:
    reading = geocoder.read("Workers of China Harbour Engineering Company protested at the port over unpaid wages.")
    assert "CN" not in reading.votes
    reading = geocoder.read("Workers protested in China over unpaid wages.")
    assert "CN" in reading.votes


def test_geocode_context_the_place_a_university_is_named_after_is_not_where_its_branch_acts(
    geocoder: Geocoder,
) -> None:
    text = "Students from the Vendara campus of the University of Korvala protested against fees on Monday."
    assert _place(geocoder, text, "protested").name == "Vendara"


def test_geocode_context_a_clans_name_inside_a_place_name_is_no_clan(geocoder: Geocoder) -> None:
    # 'Issa' is a clan of Ethiopia's Somali region; 'Ein Issa' is a Syrian town the gazetteer here lacks
    assert "ET" not in geocoder.read("A car bomb exploded near Ein Issa town on Monday.").votes
    assert "ET" in geocoder.read("Issa herders clashed with their neighbours on Monday.").votes


def test_geocode_context_at_opening_a_sentence_is_no_arabic_article(geocoder: Geocoder) -> None:
    # 'At' is an article only before the sun letter it takes ('At Tall'): 'At Mbwenge' is the English word
    place = _place(
        geocoder, "At Mbwenge, two men were injured in a blast. Kenyan police cordoned off the area.", "blast"
    )
    assert place.name == "Mbwenge"


def test_geocode_context_an_unlisted_place_in_a_town_that_shares_its_units_name_is_coded_to_the_town(
    geocoder: Geocoder,
) -> None:
    # Nairobi is a county and a city: a spot the gazetteer lacks, given as in it, is coded to the city
    text = "Gunmen shot a hawker in Kariokor in Nairobi on Monday."
    place = _place(geocoder, text, "shot")
    assert (place.name, place.locality) == ("Nairobi", "Kariokor")


def test_geocode_context_a_name_given_with_its_acronym_is_a_bodys(geocoder: Geocoder) -> None:
    # 'Vendara' is a town, but 'Vendara (VSM)' ends the name of a movement given with its acronym
    reading = geocoder.read("Members of the Students Movement of Vendara (VSM) protested in Meghalaya.")
    (vendara,) = [t for t in reading.toponyms if t.surface == "Vendara"]
    assert vendara.facility and vendara.cue == 0
    assert geocoder.read("Students protested in Vendara (Meghalaya) on Monday.").toponyms[0].cue == 2


def test_geocode_context_town_after_a_towns_name_is_no_part_of_it(geocoder: Geocoder) -> None:
    # the gazetteer knows 'Vendara Town' only as another name of Vendara
    assert _place(geocoder, "Traders rioted in Vendara Town on Monday.", "rioted").name == "Vendara"
    # a city whose own name ends in 'City' keeps it
    assert _place(geocoder, "Traders rioted in Korvala City on Monday.", "rioted").name == "Korvala City"


def test_geocode_context_a_coders_note_gives_the_whole_name_before_the_units(geocoder: Geocoder) -> None:
    # 'Sheikh' is a common word and the gazetteer knows only 'Tumbazi': the note's place is 'Sheikh Tumbazi'
    text = "Militants attacked a police post in Sheikh Tumbazi village (Kiraho, Nairobi) on Monday."
    assert _place(geocoder, text, "attacked").name == "Sheikh Tumbazi"
    # a region's name before a body's name is no part of a place's name
    text = "Activists of the Meghalaya Vendara Front (Korvala, Meghalaya) protested."
    assert not _place(geocoder, text, "protested").name.startswith("Meghalaya")


def test_geocode_context_a_months_short_form_is_no_place(geocoder: Geocoder) -> None:
    reading = geocoder.read("Around Sept 21st, gunmen raided a village near the border.")
    assert not [t for t in reading.toponyms if t.surface == "Sept"]


def test_geocode_context_a_place_of_the_same_name_beside_it_is_no_evidence_for_a_namesake(
    geocoder: Geocoder,
) -> None:
    # the only Tumbazi known is in Tanzania; 'Tumbazi West' beside it agrees with any Tumbazi, Nairobi does not
    text = "Gunmen attacked a trader in Tumbazi town (Tumbazi West, Nairobi), Kenyan police said."
    place = _place(geocoder, text, "attacked")
    assert (place.country, place.admin1) == ("Kenya", "Nairobi")


def test_geocode_context_a_town_far_abroad_is_a_namesake_when_the_text_names_another_country(
    geocoder: Geocoder,
) -> None:
    # the only Zelbor known is a town in the United States; the text is about Myanmar
    place = _place(geocoder, "Rebels and Myanmar army troops clashed in Zelbor township.", "clashed")
    assert (place.name, place.country) == ("Zelbor", "Myanmar")
    # without a word for another country, the known town is the place
    assert _place(geocoder, "Rebels and troops clashed in Zelbor township.", "clashed").country == "United States"
