"""Geocoding: the country of a place whose name is also a namesake's abroad, a person's or a common word's."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder, place_of

from conflictdb.geocode import Geocoder
from conflictdb.models import Actor, Document, Mention, Place, Span

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (401, "Islamabad", "", 33.72, 73.04, "P", "PPLC", "PK", "08", "", 600000),
    (402, "Chattogram", "Chittagong,Islamabad", 22.34, 91.83, "P", "PPLA", "BD", "84", "", 3900000),
    (403, "Tarinkot", "", 32.63, 65.88, "P", "PPLA", "AF", "32", "", 10000),
    (404, "Washington", "", 38.9, -77.04, "P", "PPLC", "US", "DC", "", 700000),
    (405, "Dadaab", "", 0.06, 40.31, "P", "PPL", "KE", "16", "", 11000),
    (406, "Nairobi", "", -1.28, 36.82, "P", "PPLC", "KE", "30", "", 2750000),
    (407, "Mogadishu", "", 2.04, 45.34, "P", "PPLC", "SO", "02", "", 2500000),
    (408, "Lokichoggio", "", 4.2, 34.35, "P", "PPL", "KE", "42", "", 11000),
    (409, "Khartoum", "", 15.55, 32.53, "P", "PPLC", "SD", "29", "", 1970000),
    (412, "Walters", "Voters", 34.36, -98.31, "P", "PPL", "US", "OK", "", 2500),
    (416, "Granada", "Grenade", 37.18, -3.6, "P", "PPLA2", "ES", "AN", "", 230000),
    (417, "Perm", "Molotov", 58.0, 56.25, "P", "PPLA", "RU", "90", "", 980000),
    (418, "El Alto", "", 24.1, -110.4, "P", "PPL", "MX", "03", "", 2000),
    (419, "La Paz", "", 24.14, -110.31, "P", "PPLA", "MX", "03", "", 250000),
    (420, "La Paz Department", "La Paz", -15.0, -68.0, "A", "ADM1", "BO", "04", "", 2900000),
    (421, "La Paz", "", -16.5, -68.15, "P", "PPLG", "BO", "04", "", 800000),
    (422, "Saraj", "", 41.98, 21.33, "A", "ADM1", "MK", "66", "", 16000),
    (423, "Helmand", "", 31.0, 64.0, "A", "ADM1", "AF", "10", "", 1400000),
    (424, "Lashkar Gah", "", 31.59, 64.37, "P", "PPLA", "AF", "10", "", 200000),
]
_ADMIN1 = [
    ("PK.08", "Islamabad"),
    ("BD.84", "Chittagong"),
    ("AF.32", "Uruzgan"),
    ("US.DC", "Washington, D.C."),
    ("KE.16", "Garissa"),
    ("KE.30", "Nairobi"),
    ("SO.02", "Banadir"),
    ("KE.42", "Turkana"),
    ("SD.29", "Khartoum"),
    ("US.OK", "Oklahoma"),
    ("ES.AN", "Andalusia"),
    ("RU.90", "Perm Krai"),
    ("MX.03", "Baja California Sur"),
    ("BO.04", "La Paz"),
    ("MK.66", "Saraj"),
    ("AF.10", "Helmand"),
]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1)


def _place(geocoder: Geocoder, text: str, trigger: str, *, actor1: Actor | None = None) -> Place | None:
    if actor1 is None:
        return place_of(geocoder, text, trigger, event_type="Protests")
    start = text.index(trigger)
    evidence = {"event_type": (Span(start, start + len(trigger)),)}
    mention = Mention(document_id="d", index=0, event_type="Battles", evidence=evidence, actor1=actor1)
    return geocoder(Document(id="d", text=text, sha256="", mentions=(mention,))).mentions[0].place


def test_geocode_namesakes_a_dateline_is_read_in_the_country_the_text_names(geocoder: Geocoder) -> None:
    # 'Islamabad' is also an old name of Chittagong, a larger city: the text is about Pakistan
    text = "ISLAMABAD, Feb. 3 -- Doctors protested against an attack on a colleague, the third in Pakistan this year."
    place = _place(geocoder, text, "protested")
    assert place is not None and (place.country, place.name, place.how) == ("Pakistan", "Islamabad", "dateline")


def test_geocode_namesakes_a_foreign_force_does_not_make_a_town_a_namesake(geocoder: Geocoder) -> None:
    # forces act abroad: an airstrike by the United States' forces in Tarinkot district is in Afghanistan
    us = Actor(name="Military Forces of the United States", inter=1, country="United States")
    place = _place(geocoder, "An airstrike killed six militants in Tarinkot district.", "airstrike", actor1=us)
    assert place is not None and (place.country, place.name) == ("Afghanistan", "Tarinkot")


def test_geocode_namesakes_a_district_the_text_names_outweighs_a_groups_country(geocoder: Geocoder) -> None:
    text = (
        "Two masked men attacked a cinema in Dadaab District at night. Six people were injured in the attack. "
        "The attackers are believed to belong to al Shabaab."
    )
    place = _place(geocoder, text, "injured")
    assert place is not None and (place.country, place.name) == ("Kenya", "Dadaab")


def test_geocode_namesakes_a_refugee_camp_named_by_its_country_is_in_it(geocoder: Geocoder) -> None:
    reading = geocoder.read("Somali bandits shot dead two Somali refugees in a Kenyan refugee camp.")
    assert reading.votes.get("KE", 0.0) > reading.votes.get("SO", 0.0)
    refugees = geocoder.read("Somali refugees protested in the camp.")
    assert refugees.votes.get("SO", 0.0) == 0.0  # the refugees themselves are abroad


def test_geocode_namesakes_a_border_between_two_countries_is_no_place(geocoder: Geocoder) -> None:
    place = _place(geocoder, "Sudanese war veterans blocked roads at the Sudan-Kenya border at Lokichoggio.", "blocked")
    assert place is not None and (place.country, place.name) == ("Kenya", "Lokichoggio")


def test_geocode_namesakes_common_words_are_no_places(geocoder: Geocoder) -> None:
    # 'Voters' is also a small place's other name in the United States
    place = _place(geocoder, "Voters in Bonchari protested after the nomination was cancelled.", "protested")
    assert place is None or place.country != "United States"


def test_geocode_namesakes_country_names_are_written_in_ascii(geocoder: Geocoder) -> None:
    # as ACLED writes them, whatever the country table the gazetteer was built from spells
    assert geocoder.gazetteer.country_name("CW") == "Curacao"
    assert all(name.isascii() for name, *_ in geocoder.gazetteer.countries.values())


def test_geocode_namesakes_one_persons_origin_says_less_than_a_peoples(geocoder: Geocoder) -> None:
    priest = geocoder.read("Police shot dead an Irish priest at his home after a dispute.")
    raiders = geocoder.read("Police shot dead an Irish raider at his home after a dispute.")
    assert 0.0 < priest.votes["IE"] < raiders.votes["IE"]


def test_geocode_namesakes_a_weapon_is_no_place(geocoder: Geocoder) -> None:
    reading = geocoder.read("Grenade blasts at a restaurant killed six; a Molotov cocktail was thrown at a bank.")
    assert not [t.surface for t in reading.toponyms]


def test_geocode_namesakes_a_national_outlet_keeps_a_place_and_its_unit_at_home(geocoder: Geocoder) -> None:
    # 'El Alto, La Paz' agree as a pair only in Mexico; a Bolivian paper's El Alto is one the gazetteer lacks
    text = "In El Alto, La Paz, residents blocked a road to demand elections."
    start = text.index("blocked")
    mention = Mention(
        document_id="d", index=0, event_type="Protests", evidence={"event_type": (Span(start, start + 7),)}
    )
    doc = Document(id="d", text=text, sha256="", outlet="Los Tiempos (Bolivia)", mentions=(mention,))
    place = geocoder(doc).mentions[0].place
    assert place is not None and (place.country, place.admin1) == ("Bolivia", "La Paz")


def test_geocode_namesakes_the_province_named_last_encloses_the_chain(geocoder: Geocoder) -> None:
    # 'Saraj' alone is a municipality of Skopje; the province named last says the district is Afghan
    text = "A policeman was killed by a sniper in the Makhter Kala area of Nahri Saraj district, Helmand."
    place = _place(geocoder, text, "killed")
    assert place is not None and (place.country, place.admin1) == ("Afghanistan", "Helmand")
