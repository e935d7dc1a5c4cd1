"""Geocoding: the faster forms of the reader's helpers give what the plain forms gave."""

import dataclasses
import re

from conflictdb.geocode.cues import _BEFORE_RE, NATIONAL_UNITS, NATIONAL_UNITS_RE, WORD_RE
from conflictdb.geocode.geocoder import _evolved
from conflictdb.geocode.resolve import _is_shouting, _runs
from conflictdb.models import Document, Mention, Span

TEXTS = [
    "Gunmen attacked Ogossagou (Bankass, Mopti) on Sunday; al-Bayda and el Hermel were calm.",
    "Police said the attackers fled towards Dar es Salaam's port and the Rift Valley.",
    "GUNMEN KILLED 3 IN USULUTAN DEPARTMENT. Ségou residents fled to Ma'rib-Sirwah.",
    "Clashes in Chuadanga Sadar upazila and Phek district, Nagaland; a tehsil of Sindh.",
]


def test_geocode_evolved_matches_replace() -> None:
    mention = Mention(document_id="d", index=0, event_type="Battles", evidence={"event_type": (Span(0, 4),)})
    doc = Document(id="d", text="text", sha256="", mentions=(mention,))
    changed = _evolved(mention, event_type="Riots", evidence={})
    assert changed == dataclasses.replace(mention, event_type="Riots", evidence={})
    assert mention.event_type == "Battles"  # the original is untouched
    assert _evolved(doc, mentions=()) == dataclasses.replace(doc, mentions=())


def test_geocode_shouting_counts_ascii_case_only() -> None:
    assert _is_shouting("GUNMEN KILLED 3 IN LIMA")
    assert not _is_shouting("Gunmen killed 3 in Lima")
    assert not _is_shouting("ÉÉÉÉÉÉ ab")  # letters outside ASCII say nothing of case here, as before
    for text in TEXTS:
        assert _is_shouting(text) == (len(re.findall("[A-Z]", text)) > len(re.findall("[a-z]", text)))


def test_geocode_runs_split_as_words() -> None:
    run_re = re.compile(r"\S+(?: \S+)*")  # only to check the spans: every run's words, in order
    for text in TEXTS[:2] + TEXTS[3:]:
        for run in _runs(text):
            start, end = run[0][0], run[-1][1]
            assert run == [w.span() for w in WORD_RE.finditer(text, start, end)]
            assert run_re.fullmatch(text, start, end)
    words = [[TEXTS[0][a:b] for a, b in run] for run in _runs(TEXTS[0])]
    assert ["al-Bayda"] in words and ["el", "Hermel"] in words  # an article opens a run, one word or two


def test_geocode_patterns_match_their_plain_forms() -> None:
    plain_before = re.compile(r"[a-z\-]+|\d+", re.IGNORECASE)
    chars = [chr(c) for c in range(0x3000)] + ["\u212a"]
    assert [c for c in chars if bool(plain_before.fullmatch(c)) != bool(_BEFORE_RE.fullmatch(c))] == []
    plain_units = re.compile(r"\b(?:" + "|".join(sorted(NATIONAL_UNITS, key=len, reverse=True)) + r")\b", re.I)
    for text in TEXTS:
        assert NATIONAL_UNITS_RE.findall(text) == plain_units.findall(text)
    assert NATIONAL_UNITS_RE.findall(TEXTS[3]) == ["upazila", "tehsil"]
