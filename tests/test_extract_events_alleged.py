"""Event coding where the words of another deed stand beside the event: the deed someone is accused of, an earlier
incident told after 'after', a victim the parse hangs elsewhere, a private guard. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event

from conflictdb.extract.event_masks import alleged, masks
from conflictdb.models import Span


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # the riot the detained men are accused of is not the vigil held for them
        (
            "Relatives held a vigil outside the prison in Mombasa against the detention of four men accused of "
            "rioting at the port.",
            "Protests",
        ),
        # the crime the gang members were suspected of is no attack: the police killed armed men
        ("Police tracked and shot dead two gang members suspected of raping a girl in Kisumu.", "Battles"),
        # a headline whose only deed is the one someone is implicated in tells that deed
        ("Soldier implicated in murder of a farmer near Garissa", "Violence against civilians"),
        # the riots of the week before are the background of the march, not its violence
        (
            "Farmers marched through Kitale on Tuesday, after the riots at the maize depot in the previous week.",
            "Protests",
        ),
        # a bodyguard or a watchman is no party to the fighting: shooting one is an attack on a civilian
        ("Gunmen shot and injured the watchman of a bank in Nakuru on Friday night.", "Violence against civilians"),
    ],
)
def test_extract_events_other_deeds_and_victims(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == event_type


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("Protesters demanded the release of two men accused of burning a bus.", "burning a bus", "Protesters"),
        ("Police arrested those involved in the killing of a chief.", "the killing of a chief", "arrested"),
        # a finite verb tells the deed itself
        ("Soldiers were accused of beating villagers in Lamu.", None, "beating"),
        # a protest within the phrase: the regular expression cannot tell where it ends, so nothing is hidden
        ("Guards involved in the transport of cash held a protest in Nairobi.", None, "protest"),
    ],
)
def test_extract_events_alleged_deed_masked(text: str, hidden: str | None, kept: str) -> None:
    span = Span(0, len(text))
    found = [m.of(text) for m in alleged(text, span)]
    assert found == ([hidden] if hidden else [])
    start = text.index(kept)
    assert not any(m.start <= start < m.end for m in masks(text, span))


def test_extract_events_earlier_incident_masked() -> None:
    text = "Residents rallied in Voi after the clashes at the market the day before."
    span = Span(0, len(text))
    assert "the clashes at the market" in [m.of(text) for m in masks(text, span)]


def _parsed(spec: str) -> Any:
    """A parse written out by hand, one 'word/TAG/POS/dep/head' per token (head: the head's index), so that the test
    holds whatever the model parses: the rules read the parse they are given, and models err on exactly these."""
    import spacy
    from spacy.tokens import Doc

    rows = [t.split("/") for t in spec.split()]
    words = [r[0] for r in rows]
    lemmas = [r[5] if len(r) > 5 else r[0].lower() for r in rows]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))],
        tags=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=lemmas,
    )


@pytest.mark.parametrize(
    ("spec", "trigger", "name"),
    [
        # a scene told before the verb is no target; the noun before 'was' is the patient the parse left unhung
        (
            "On/IN/ADP/prep/8 Monday/NNP/PROPN/pobj/0 ,/,/PUNCT/punct/8 a/DT/DET/det/4 policeman/NN/NOUN/appos/1 "
            "from/IN/ADP/prep/4 Sololo/NNP/PROPN/pobj/5 was/VBD/AUX/auxpass/8 attacked/VBN/VERB/ROOT/8 "
            "././PUNCT/punct/8",
            "attacked",
            "assault",
        ),
        # a passive joined to a verb shares that verb's subject
        (
            "A/DT/DET/det/1 soldier/NN/NOUN/nsubj/2 found/VBD/VERB/ROOT/2 near/IN/ADP/prep/2 the/DT/DET/det/5 "
            "border/NN/NOUN/pobj/3 was/VBD/AUX/auxpass/7 shot/VBN/VERB/conj/2 ././PUNCT/punct/2",
            "shot",
            "assault",
        ),
        # 'died' takes no object: the object of the verb joined to it is that verb's
        (
            "The/DT/DET/det/1 soldier/NN/NOUN/nsubj/2 died/VBD/VERB/ROOT/2 and/CC/CCONJ/cc/2 the/DT/DET/det/5 "
            "gunmen/NNS/NOUN/nsubj/6 fled/VBD/VERB/conj/2 the/DT/DET/det/8 scene/NN/NOUN/dobj/6 ././PUNCT/punct/2",
            "died",
            "kill",
        ),
        # the object of the later of two joined verbs is the earlier one's too
        (
            "Bandits/NNS/NOUN/nsubj/1 shoot/VBP/VERB/ROOT/1 and/CC/CCONJ/cc/1 injure/VBP/VERB/conj/1 a/DT/DET/det/5 "
            "policeman/NN/NOUN/dobj/3 ././PUNCT/punct/1",
            "shoot",
            "assault",
        ),
        # who survived an attack suffered it
        (
            "The/DT/DET/det/1 officer/NN/NOUN/nsubj/2 survived/VBD/VERB/ROOT/2/survive the/DT/DET/det/4 "
            "attack/NN/NOUN/dobj/2 ././PUNCT/punct/2",
            "attack",
            "assault",
        ),
    ],
)
def test_extract_events_patient_the_parse_hangs_elsewhere(spec: str, trigger: str, name: str) -> None:
    from conflictdb.extract.event_parse import victims

    sdoc = _parsed(spec)
    text = sdoc.text
    start = text.index(trigger)
    assert victims({name: [Span(start, start + len(trigger))]}, sdoc, text) == (True, False)
