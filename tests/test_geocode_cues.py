"""Geocoding: what says which country a text is about without naming a place in it."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.geocode.outlets import outlet_country
from conflictdb.models import Document, Mention, Span

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (401, "Nairobi", "", -1.28, 36.82, "P", "PPLC", "KE", "30", "", 2750000),
    (402, "Marsabit", "", 2.33, 37.99, "P", "PPLA", "KE", "25", "", 15000),
    (403, "Mogadishu", "", 2.04, 45.34, "P", "PPLC", "SO", "13", "", 2500000),
    (404, "Addis Ababa", "", 9.02, 38.75, "P", "PPLC", "ET", "44", "", 3000000),
    (405, "Ouagadougou", "", 12.37, -1.53, "P", "PPLC", "BF", "53", "", 1100000),
    (406, "Paris", "", 48.85, 2.35, "P", "PPLC", "FR", "11", "", 2100000),
    (407, "Somali", "", 6.66, 43.79, "A", "ADM1", "ET", "49", "", 5000000),
    (408, "Ar Raqqah", "Raqqa", 35.95, 39.01, "P", "PPLA", "SY", "04", "", 530000),
    (409, "Shabab", "", 30.0, 31.0, "P", "PPL", "EG", "01", "", 3000),
    (410, "Eastleigh", "", -26.13, 28.15, "P", "PPL", "ZA", "06", "", 110000),
    (411, "Pietermaritzburg", "", -29.6, 30.38, "P", "PPL", "ZA", "02", "", 400000),
    (412, "Msambweni", "", -4.47, 39.48, "P", "PPL", "KE", "28", "", 15000),
]
_ADMIN1 = [("KE.30", "Nairobi"), ("KE.25", "Marsabit"), ("SO.13", "Banaadir"), ("ET.44", "Addis Ababa")]
_ADMIN1 += [
    ("BF.53", "Centre"),
    ("FR.11", "Ile-de-France"),
    ("ET.49", "Somali"),
    ("SY.04", "Ar-Raqqa"),
    ("ZA.06", "Gauteng"),
    ("ZA.02", "KwaZulu-Natal"),
    ("KE.28", "Kwale"),
]


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


def test_geocode_cues_a_feeds_qualifier_before_a_papers_name(geocoder: Geocoder) -> None:
    gaz = geocoder.gazetteer
    # 'Pak Banker' is in the table of national outlets; feeds list it as 'Daily The Pak Banker'
    assert outlet_country("Daily The Pak Banker", gaz) == "PK"
    assert outlet_country("The Daily Dawn", gaz) == "PK"
    assert outlet_country("Daily The Unknown Herald", gaz) is None


def test_geocode_cues_national_outlets_whose_names_do_not_say_their_country(geocoder: Geocoder) -> None:
    gaz = geocoder.gazetteer
    assert outlet_country("DPR Armed Forces Press Service", gaz) == "UA"
    assert outlet_country("LPR People's Militia Press Service", gaz) == "UA"
    assert outlet_country("Murr TV", gaz) == "LB"
    assert outlet_country("Indo-Asian News Service", gaz) == "IN"


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


def test_geocode_cues_a_head_of_state_says_his_country(geocoder: Geocoder) -> None:
    from conflictdb.geocode.national import cue_countries

    # a distinctive name alone, with its possessive written with or without the apostrophe
    assert cue_countries("Riots followed the announcement of Kibakis re-election.", year=2008) == {"KE": 2.0}
    assert cue_countries("Rioters burned tyres after Kibaki's swearing-in.", year=2008) == {"KE": 2.0}
    assert cue_countries("Students at Kenyatta University rioted.", year=2001) == {"KE": 2.0}
    # a common surname only after a title, given names between or not
    assert cue_countries("Supporters of Prime Minister Nawaz Sharif rallied.", year=2015) == {"PK": 2.0}
    assert cue_countries("Fans of the actor Omar Sharif gathered.", year=2015) == {}
    # the same title and name say another country in another time
    assert cue_countries("Crowds backed President Traore.", year=1985) == {"ML": 2.0}
    assert cue_countries("Crowds backed President Traore.", year=2023) == {"BF": 2.0}
    assert cue_countries("Crowds backed President Traore.", year=2005) == {}
    # a region known by a unit since abolished, and a national landmark
    assert cue_countries("Ethnic clashes in Rift Valley left five dead.", year=2008) == {"KE": 2.0}
    assert cue_countries("Protesters marched from Uhuru Park.", year=2006) == {"KE": 2.0}
    # a part of a longer word is no name
    assert cue_countries("The Kibakiville estate was quiet.", year=2008) == {}


def test_geocode_cues_a_leader_introduced_by_his_country_is_named_from_abroad(geocoder: Geocoder) -> None:
    from conflictdb.geocode.national import cue_countries

    text = "Protesters burnt effigies of the Indian Prime Minister Narendra Modi."
    assert cue_countries(text, year=2015) == {"IN": 2.0}
    indian = text.index("Indian") + len("Indian")
    assert cue_countries(text, year=2015, country_words=[(indian, "IN")]) == {}
    # the Indian word counts for India already, once: the leader adds nothing to it
    assert geocoder.read(text, year=2015).votes == {"IN": 2.0}


def test_geocode_cues_an_office_holder_places_a_text_that_names_no_place(geocoder: Geocoder) -> None:
    # no publication date: every year's names count
    text = "Rioting broke out after the announcement of Kibakis presidential win."
    place = place_of(geocoder, text, "Rioting", event_type="Riots")
    # only the country is known: coded at its capital, as ACLED codes it
    assert place is not None and (place.country, place.name, place.how) == ("Kenya", "Nairobi", "country")
    # without the name, nothing says where
    text = "Rioting broke out after the announcement of the presidential win."
    place = place_of(geocoder, text, "Rioting", event_type="Riots")
    assert place is not None and place.country is None


def test_geocode_cues_a_demonym_before_a_designator_may_name_a_unit(geocoder: Geocoder) -> None:
    # Ethiopia's Somali region is a first-order unit: the words name it, not Somalia
    reading = geocoder.read("Clans clashed in Salahad, Somali region, on Monday.")
    assert "SO" not in reading.votes
    unit = next(t for t in reading.toponyms if t.surface == "Somali")
    assert unit.chosen is not None and (unit.chosen.cc, unit.designator) == ("ET", 1)
    place = place_of(geocoder, "Clans clashed in Salahad, Somali region, on Monday.", "clashed", event_type="Battles")
    assert place is not None and (place.country, place.admin1) == ("Ethiopia", "Somali")
    # the people are still Somalia's, and so is a demonym before a designator that names no unit
    assert geocoder.read("Somali militia attacked a village.").votes.get("SO", 0.0) > 0
    assert geocoder.read("Kenyan region officials met.").votes.get("KE", 0.0) > 0


def test_geocode_cues_a_name_known_without_its_hyphenated_arabic_article(geocoder: Geocoder) -> None:
    # the gazetteer holds 'Raqqa' and 'Ar Raqqah', not 'Ar-Raqqa'
    place = place_of(geocoder, "Turkish forces shelled several villages in Ar-Raqqa.", "shelled", event_type="Battles")
    assert place is not None and (place.country, place.admin1) == ("Syria", "Ar-Raqqa")
    # a group's name keeps its article: 'Al-Shabab' is no village called Shabab
    reading = geocoder.read("Fighters of Al-Shabab attacked a convoy.")
    assert not any(e.cc == "EG" for t in reading.toponyms for e in t.entries)


def test_geocode_cues_a_town_of_some_size_abroad_is_a_namesake_when_the_text_points_home(geocoder: Geocoder) -> None:
    def place(text: str) -> object:
        start = text.index("arrested")
        mention = Mention(
            document_id="d",
            index=0,
            event_type="Strategic developments",
            evidence={"event_type": (Span(start, start + 8),)},
        )
        doc = Document(id="d", text=text, sha256="", outlet="Evening Star (Kenya)", mentions=(mention,))
        return geocoder(doc).mentions[0].place

    # a Nairobi quarter the gazetteer lacks, named like a South African town of 110,000: a Kenyan paper's
    # report of it is in Kenya, under its own name
    found = place("Police arrested 40 people in Eastleigh on Monday.")
    assert (found.country, found.name) == ("Kenya", "Eastleigh")  # type: ignore[attr-defined]
    # a city is named from abroad as often as at home
    found = place("Police arrested 40 people in Pietermaritzburg on Monday.")
    assert found.country == "South Africa"  # type: ignore[attr-defined]


def test_geocode_cues_a_capitalized_sub_county_is_a_designator(geocoder: Geocoder) -> None:
    # 'Sub-County' capitalized runs on from the name: it is the unit's word, not part of a longer name
    text = "Youths clashed with police in Msambweni Sub-County on Monday."
    place = place_of(geocoder, text, "clashed", event_type="Riots")
    assert place is not None and (place.country, place.admin1, place.name) == ("Kenya", "Kwale", "Msambweni")


def test_geocode_cues_a_demonym_without_a_demonyms_ending_is_still_a_demonym(geocoder: Geocoder) -> None:
    # 'French' is France's people: it weighs as 'Kenyan' does, and is no place named France
    reading = geocoder.read("French forces carried out an airstrike on Monday.")
    assert [(w.cc, w.demonym) for w in reading.countries] == [("FR", True)]
    assert reading.votes == {"FR": 2.0}
    assert not reading.toponyms
    assert geocoder.read("Troops crossed into France on Monday.").votes == {"FR": 3.0}
