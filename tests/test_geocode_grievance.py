"""Geocoding: what a protest is against or about is not where it was."""

from __future__ import annotations

import pytest
from small_gazetteer import build_geocoder

from conflictdb.geocode import Geocoder
from conflictdb.geocode.grievance import grievance_spans, in_grievance
from conflictdb.models import Document, Mention, Place, Span

# GeoNames-format rows written for these tests (coordinates rounded from public knowledge).
_FEATURES = [
    (601, "Gaza", "", 31.5, 34.47, "P", "PPLA", "PS", "GZ", "", 410000),
    (602, "Nairobi", "", -1.28, 36.82, "P", "PPLC", "KE", "30", "", 2750000),
    (603, "Kisumu", "", -0.1, 34.75, "P", "PPLA", "KE", "17", "", 400000),
    (604, "Bangkok", "", 13.75, 100.5, "P", "PPLC", "TH", "40", "", 5100000),
]
_ADMIN1 = [("PS.GZ", "Gaza Strip"), ("KE.30", "Nairobi"), ("KE.17", "Kisumu"), ("TH.40", "Bangkok")]


@pytest.fixture(scope="module")
def geocoder(tmp_path_factory: pytest.TempPathFactory) -> Geocoder:
    return build_geocoder(tmp_path_factory.mktemp("gaz"), _FEATURES, _ADMIN1)


def _place(geocoder: Geocoder, text: str, trigger: str, *, outlet: str | None = None) -> Place | None:
    start = text.index(trigger)
    mention = Mention(
        document_id="d", index=0, event_type="Protests", evidence={"event_type": (Span(start, start + len(trigger)),)}
    )
    doc = Document(id="d", text=text, sha256="", outlet=outlet, mentions=(mention,))
    return geocoder(doc).mentions[0].place


def test_geocode_grievance_spans_run_from_the_protests_object_to_the_sentences_end() -> None:
    text = "Traders protested against new taxes on imports from China. Police arrested two."
    (span,) = grievance_spans(text)
    assert text[span[0] : span[1]] == "new taxes on imports from China"
    assert not grievance_spans("Fighters clashed over a well near the border.")  # no protest: a fight over water
    assert not in_grievance("Protesters gathered in Accra.", 0)


def test_geocode_grievance_a_city_abroad_a_protest_is_against_is_not_its_place(geocoder: Geocoder) -> None:
    text = "Muslims protest against Israeli air raids in Gaza. Police fired tear gas at them."
    place = _place(geocoder, text, "protest", outlet="The Standard (Kenya)")
    assert place is not None and place.country == "Kenya"


def test_geocode_grievance_a_country_a_protest_is_about_weighs_little(geocoder: Geocoder) -> None:
    reading = geocoder.read("Herders protested over a government decision to export wild animals to Thailand.")
    assert reading.votes["TH"] == 1.0
    place = _place(geocoder, "Kenyan herders protested over a decision to export animals to Thailand.", "protested")
    assert place is not None and place.country == "Kenya"


def test_geocode_grievance_a_place_at_home_in_the_grievance_stays_the_place(geocoder: Geocoder) -> None:
    # the killing and the protest are in the same town: nothing else says where
    place = _place(geocoder, "Residents demonstrated against the killing of a boy by police in Kisumu.", "demonstrated")
    assert place is not None and (place.country, place.name) == ("Kenya", "Kisumu")
