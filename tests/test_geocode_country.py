"""Geocoding: which country a text's place is in, when its words, its actors and its places disagree."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.geocode.choose import resolve
from conflictdb.models import Actor, Document, Mention, Place, Span

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (301, "Mandera County", "Mandera", 3.5, 40.5, "A", "ADM1", "KE", "33", "", 870000),
    (302, "Takaba", "", 3.4, 40.23, "P", "PPL", "KE", "33", "", 9000),
    (303, "Kwale County", "Kwale", -4.2, 39.2, "A", "ADM1", "KE", "28", "", 100000),
    (304, "Kwale", "", 5.71, 6.43, "P", "PPL", "NG", "36", "", 20000),
    (305, "Garissa", "", -0.45, 39.65, "P", "PPLA", "KE", "16", "", 120000),
    (306, "Dhobley", "", 0.41, 41.0, "P", "PPL", "SO", "09", "", 15000),
    (307, "Gopalganj District", "Gopalganj", 23.0, 89.9, "A", "ADM2", "BD", "81", "GG", 1200000),
    (308, "Gopalganj District", "Gopalganj", 26.5, 84.4, "A", "ADM2", "IN", "34", "GG", 2500000),
    (309, "Kandi", "", 26.47, 84.44, "P", "PPL", "IN", "34", "GG", 50000),
    (310, "Ar Raqqah", "Raqqa,Ar-Raqqa", 35.95, 39.01, "P", "PPLA", "SY", "04", "", 530000),
    (311, "Ar Raqqah Governorate", "Raqqa", 35.9, 39.0, "A", "ADM1", "SY", "04", "", 900000),
    (312, "Ankara", "", 39.92, 32.85, "P", "PPLC", "TR", "68", "", 3500000),
]
_ADMIN1 = [
    ("KE.33", "Mandera"),
    ("KE.28", "Kwale"),
    ("NG.36", "Delta"),
    ("KE.16", "Garissa"),
    ("SO.09", "Lower Juba"),
    ("BD.81", "Dhaka"),
    ("IN.34", "Bihar"),
    ("SY.04", "Ar-Raqqah"),
    ("TR.68", "Ankara"),
]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1)


def _place(geocoder: Geocoder, text: str, trigger: str) -> Place | None:
    return place_of(geocoder, text, trigger, event_type="Battles")


def _place_with(geocoder: Geocoder, text: str, trigger: str, actor1: Actor) -> Place | None:
    start = text.index(trigger)
    evidence = {"event_type": (Span(start, start + len(trigger)),)}
    mention = Mention(document_id="d", index=0, event_type="Battles", evidence=evidence, actor1=actor1)
    return geocoder(Document(id="d", text=text, sha256="", mentions=(mention,))).mentions[0].place


def test_geocode_country_a_place_given_with_its_unit_outweighs_a_groups_country(geocoder: Geocoder) -> None:
    # al-Shabaab is a Somali group, but 'Takaba (Mandera)' names a Kenyan place and its county
    place = _place(
        geocoder, "Suspected al-Shabaab militants attacked a school in Takaba (Mandera) at night.", "attacked"
    )
    assert (place.country, place.admin1, place.name) == ("Kenya", "Mandera", "Takaba")


def test_geocode_country_a_namesake_near_the_country_pointed_to_wins(geocoder: Geocoder) -> None:
    text = "Security forces killed a suspected militant in Kwale on Sunday."
    reading = geocoder.read(text)
    kwale = next(t for t in reading.toponyms if t.surface == "Kwale")
    # the actors point to Somalia, which has no Kwale: the Kenyan county, next door, is meant
    resolve(reading, admin_keys={}, actor_countries=("SO", "SO"), centres={"SO": (2.04, 45.34)})
    assert kwale.chosen is not None and kwale.chosen.cc == "KE"
    # without a country to be near, the town (a bare name is a town before it is a region)
    resolve(reading, admin_keys={}, actor_countries=("SO", "SO"))
    assert kwale.chosen is not None and kwale.chosen.cc == "NG"


def test_geocode_country_a_countrys_border_says_less_than_its_soil(geocoder: Geocoder) -> None:
    near = geocoder.read("Gunmen ambushed a convoy near the Somali border on Monday.")
    inside = geocoder.read("Gunmen crossed the Somali border and ambushed a convoy on Monday.")
    soil = geocoder.read("Gunmen ambushed a convoy on Somali soil on Monday.")
    assert near.votes["SO"] < inside.votes["SO"] == soil.votes["SO"]


def test_geocode_country_a_place_and_its_units_found_abroad_yield_to_the_units_at_home(geocoder: Geocoder) -> None:
    # an upazila is Bangladeshi: the only Kandi known, near an Indian Gopalganj, is a namesake of a village
    # the gazetteer lacks, in Bangladesh's Gopalganj
    text = "Two groups clashed at Kandi village under Kotalipara upazila in Gopalganj district on Tuesday."
    place = _place(geocoder, text, "clashed")
    # the unlisted village is coded to the unlisted upazila it lies in, which a coder's gazetteer knows more often
    assert (place.country, place.admin1, place.name) == ("Bangladesh", "Dhaka", "Kotalipara")
    # without the Bangladeshi unit word, the text does not say which
    place = _place(geocoder, "Two groups clashed at Kandi village in Gopalganj district on Tuesday.", "clashed")
    assert place.country == "India"


def test_geocode_country_a_force_named_by_its_demonym_counts_once(geocoder: Geocoder) -> None:
    # 'Ethiopian troops' is one piece of evidence, whether read as a word or as the actor it names: the
    # country named as the one they entered says more
    army = Actor("Military Forces of Ethiopia", 1, country="Ethiopia")
    place = _place_with(
        geocoder, "Ethiopian troops crossed into Kenya and attacked herders on Sunday.", "attacked", army
    )
    assert place is not None and place.country == "Kenya"


def test_geocode_country_a_town_the_text_places_the_event_in_outweighs_a_demonym(geocoder: Geocoder) -> None:
    army = Actor("Military Forces of Turkey", 1, country="Turkey")
    # an unlisted village, coded to the known town whose countryside it is in
    text = "Turkish troops shelled Tell Samen village and a highway in the countryside of Ain Issa in Raqqa."
    place = _place_with(geocoder, text, "shelled", army)
    assert place is not None and (place.country, place.name) == ("Syria", "Raqqa")
    text = "Turkish troops shelled Tell Samen village in the eastern countryside of Raqqa."
    place = _place_with(geocoder, text, "shelled", army)
    assert place is not None and (place.country, place.name, place.locality) == ("Syria", "Raqqa", "Tell Samen")


@pytest.mark.parametrize(
    "text",
    [
        "Protesters marched on the Turkish embassy and burnt flags.",
        "Protesters gathered outside the embassy of Turkey on Friday.",
        "Turkish refugees clashed with police at the camp.",
        "Gunmen robbed two Turkish nationals at a hotel.",
        "A businessman of Turkish origin was shot outside a bank.",
    ],
)
def test_geocode_country_a_countrys_people_and_offices_abroad_say_nothing(geocoder: Geocoder, text: str) -> None:
    assert geocoder.read(text).votes.get("TR", 0.0) == 0.0
    # nor is the report placed in that country when it names no other
    place = _place(geocoder, text, text.split()[1])
    assert place is not None and place.country is None


def test_geocode_country_a_country_beside_the_place_says_little(geocoder: Geocoder) -> None:
    inside = geocoder.read("A bomb went off in Somalia on Tuesday.").votes["SO"]
    assert geocoder.read("A bomb went off near the border with Somalia on Tuesday.").votes["SO"] < inside
    assert geocoder.read("A bomb went off in a refugee camp near Somalia on Tuesday.").votes["SO"] < inside
