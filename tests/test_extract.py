"""Extraction: figures, dates, sentence labels (fast), and event coding through spaCy (slow)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictdb.extract import dates, figures, sentences
from conflictdb.models import Span

WORDS = {1: "one", 2: "two", 3: "three", 7: "seven", 12: "twelve", 20: "twenty", 24: "twenty-four", 45: "forty five"}


def _figures(text: str) -> figures.Figures:
    return figures.extract(text, sentences.split(text))


@given(st.integers(min_value=0, max_value=100_000))
def test_extract_parse_number_digits_round_trip(n: int) -> None:
    assert figures.parse_number(str(n)) == n
    assert figures.parse_number(f"{n:,}") == n


@pytest.mark.parametrize(("n", "words"), sorted(WORDS.items()))
def test_extract_parse_number_words(n: int, words: str) -> None:
    assert figures.parse_number(words) == n


@pytest.mark.parametrize(
    ("words", "n"), [("a", 1), ("an", 1), ("several", 3), ("dozens of", 12), ("a dozen", 12), ("hundreds of", 100)]
)
def test_extract_parse_number_acled_conventions(words: str, n: int) -> None:
    assert figures.parse_number(words) == n


def test_extract_parse_number_rejects_words() -> None:
    assert figures.parse_number("soldiers") is None


@pytest.mark.parametrize(
    ("text", "fatalities", "low", "best", "high"),
    [
        ("Gunmen opened fire on a bus, resulting in the deaths of at least 24 civilians.", 24, 24, 24, None),
        ("Dozens of people were killed when the market was shelled.", 12, 12, 12, None),
        ("Several soldiers were killed in the ambush.", 3, 3, 3, None),
        ("A man was shot dead by unknown assailants.", 1, 1, 1, 1),
        ("The raiders attacked the camp, killing 3 soldiers and 5 civilians.", 8, 8, 8, 8),
        ("Between 10 and 15 people were killed in the fighting.", 10, 10, 12, 15),
        ("Officials said 40 people were killed over four days of fighting.", 10, 10, 10, 10),
        ("Police said 12 Taliban militants including 2 commanders were killed.", 12, 12, 12, 12),
        ("The blast damaged a bridge. No casualties were reported.", 0, 0, 0, 0),
    ],
)
def test_extract_fatalities_by_acled_rules(text: str, fatalities: int, low: int, best: int, high: int | None) -> None:
    got = _figures(text)
    assert (got.fatalities, got.fatalities_low, got.fatalities_best, got.fatalities_high) == (
        fatalities,
        low,
        best,
        high,
    )
    assert got.evidence["fatalities"], "a count needs its evidence"


def test_extract_fatalities_note_split_across_events() -> None:
    got = _figures("Fighting went on along three fronts. 20 fatalities split up between 3 events.")
    assert got.fatalities == 7


def test_extract_injuries_counted_apart_from_deaths() -> None:
    got = _figures("Two traders were killed and seven others were injured when a grenade exploded.")
    assert got.fatalities == 2
    assert got.injuries == 7


def test_extract_fatalities_none_when_no_death_is_reported() -> None:
    assert _figures("Students marched to the ministry demanding lower fees.").fatalities is None


@pytest.mark.parametrize(
    ("text", "published", "date", "precision"),
    [
        ("On 9 May 2020, medical workers protested in the square.", "2020-05-10", "2020-05-09", 1),
        ("Around 9 May 2020 (as reported), a man was found dead.", "2020-05-10", "2020-05-09", 2),
        ("Gunmen attacked the village on Wednesday, residents said.", "2021-06-10", "2021-06-09", 1),
        ("Police dispersed the crowd yesterday.", "2021-06-10", "2021-06-09", 1),
        ("The attack took place on March 3, 2019 near the border.", None, "2019-03-03", 1),
        ("Traders went on strike on the 4th, the union said.", "2021-06-10", "2021-06-04", 1),
    ],
)
def test_extract_event_date(text: str, published: str | None, date: str, precision: int) -> None:
    found = dates.find(text, sentences.split(text), published=published)
    assert found is not None
    assert (found.date, found.precision) == (date, precision)
    assert found.spans


def test_extract_date_defaults_to_publication_with_low_precision() -> None:
    text = "Unidentified gunmen kidnapped two traders."
    assert dates.find(text, sentences.split(text), published="2021-06-10") is None
    undated = dates.default("2021-06-10")
    assert (undated.date, undated.precision) == ("2021-06-09", 3)
    assert dates.default("2021-06-10", lag_days=0).date == "2021-06-10"
    assert dates.default(None).date is None


def test_extract_old_reference_date_is_not_the_event_date() -> None:
    text = "Protesters burned tyres against the result of the 26 October poll."
    assert dates.find(text, sentences.split(text), published="2017-11-21") is None


def test_extract_sentence_labels() -> None:
    text = (
        "Gunmen killed four farmers near the river on Monday. "
        "Witnesses said the attackers came on motorbikes. "
        "This tragedy highlights the complete disregard for human life and must serve as a wake-up call."
    )
    labels = [i.label for i in sentences.label(text, sentences.split(text))]
    assert labels == ["fact", "claim", "commentary"]


def test_extract_sentence_split_keeps_offsets() -> None:
    text = "First sentence here.  Second one follows!\n\nA third."
    spans = sentences.split(text)
    assert [s.of(text) for s in spans] == ["First sentence here.", "Second one follows!", "A third."]
    assert all(isinstance(s, Span) for s in spans)


# --- through spaCy -----------------------------------------------------------------------------


CASES = [
    ("On 3 June 2021, about 200 nurses marched to the health ministry in the capital demanding unpaid salaries.",
     "Protests", "Peaceful protest"),
    ("On 3 June 2021, police fired tear gas to disperse traders protesting against new market fees.",
     "Protests", "Protest with intervention"),
    ("On 3 June 2021, rioting youths burned tyres and pelted police with stones after a local leader was arrested.",
     "Riots", "Violent demonstration"),
    ("On 3 June 2021, an angry mob lynched a suspected thief at the bus station.", "Riots", "Mob violence"),
    ("On 3 June 2021, soldiers clashed with militants near the border post. Five militants were killed.",
     "Battles", "Armed clash"),
    ("On 3 June 2021, a roadside bomb exploded under a minibus, wounding six passengers.",
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("On 3 June 2021, an air strike hit a rebel position in the hills, killing four fighters.",
     "Explosions/Remote violence", "Air/drone strike"),
    ("On 3 June 2021, a suicide bomber blew himself up at a checkpoint.", "Explosions/Remote violence", "Suicide bomb"),
    ("On 3 June 2021, unidentified gunmen kidnapped three aid workers on the road to the camp.",
     "Violence against civilians", "Abduction/forced disappearance"),
    ("On 3 June 2021, armed men shot dead a shopkeeper in his store.", "Violence against civilians", "Attack"),
    ("On 3 June 2021, police defused an explosive device found near the school.",
     "Strategic developments", "Disrupted weapons use"),
    ("On 3 June 2021, the two armed groups signed a ceasefire agreement in the capital.",
     "Strategic developments", "Agreement"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "event_type", "sub_event_type"), CASES)
def test_extract_event_types_by_codebook(extractor, text: str, event_type: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.extract import extract_text

    doc = extract_text(text, published="2021-06-04", extractor=extractor)
    main = doc.mentions[0]
    assert (main.event_type, main.sub_event_type) == (event_type, sub_event_type)
    assert main.event_date == "2021-06-03"
    assert main.evidence["event_type"], "the trigger is the event type's evidence"


@pytest.mark.slow
def test_extract_commentary_creates_no_event(extractor) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.extract import extract_text

    doc = extract_text(
        "Such massacres must stop and the killers should be held accountable, "
        "as the world's silence only emboldens them.",
        extractor=extractor,
    )
    assert [s.label for s in doc.sentences] == ["commentary"]
    assert doc.mentions == ()


@pytest.mark.slow
def test_extract_background_event_never_main(extractor) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.extract import extract_text

    text = (
        "Gunmen abducted twelve schoolgirls from a school in the north on Tuesday, officials said. "
        "Two years ago, the same group killed 30 villagers in a raid on a nearby market."
    )
    doc = extract_text(text, published="2021-06-10", extractor=extractor)
    assert doc.mentions[0].sub_event_type == "Abduction/forced disappearance"
    assert not doc.mentions[0].background
    assert doc.mentions[0].fatalities == 0
    assert [m.background for m in doc.mentions[1:]] == [True]
    assert doc.mentions[1].fatalities == 30


@pytest.mark.slow
def test_extract_pipe_matches_call(extractor) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.models import Document

    texts = [t for t, _, _ in CASES[:4]]
    docs = [Document(id=Document.make_id(t), text=t, sha256="", published="2021-06-04") for t in texts]
    piped = list(extractor.pipe(docs))
    called = [extractor(d) for d in docs]
    assert [d.mentions for d in piped] == [d.mentions for d in called]
    assert all(d.sentences for d in piped)


@pytest.mark.slow
def test_extract_all_caps_wire_story(extractor) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.extract import extract_text

    text = (
        "TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) KIDNAPPED FIVE PEASANTS "
        "IN SAN MIGUEL DEPARTMENT YESTERDAY, THE ARMY REPORTED."
    )
    doc = extract_text(text, published="1989-12-31", extractor=extractor)
    main = doc.mentions[0]
    assert main.sub_event_type == "Abduction/forced disappearance"
    assert main.event_date == "1989-12-30"
    assert doc.text == text  # offsets still point into the capitals


def test_extract_dateline_is_the_reference_not_the_event_date() -> None:
    text = "BAMAKO, 12 March 2024 - Gunmen attacked a village on Sunday, killing four."
    line = dates.dateline(text)
    assert line is not None and line[0] == "2024-03-12"
    found = dates.find(text, sentences.split(text), published=line[0], skip=line[1])
    assert found is not None and found.date == "2024-03-10"


def test_extract_dateline_year_is_no_count() -> None:
    dateline = "MOPTI, 14 March 2024 - Gunmen on motorbikes killed at least 9 civilians, including two children."
    assert _figures(dateline).fatalities == 9
    assert _figures("The army said 12 rebels and 2 soldiers were killed in the fighting.").fatalities == 14


def test_extract_negated_claim_is_no_response() -> None:
    from conflictdb.extract import extract_text

    doc = extract_text(
        "Gunmen killed five villagers near Gao on Monday, residents said. No group has claimed responsibility. "
        "The army has not opened an investigation.",
        published="2024-05-07",
    )
    kinds = {r.kind for r in doc.mentions[0].responses}
    assert "claim_of_responsibility" not in kinds and "investigation" not in kinds
    claimed = extract_text(
        "Gunmen killed five villagers near Gao on Monday. JNIM claimed responsibility for the attack.",
        published="2024-05-07",
    )
    assert [r.kind for r in claimed.mentions[0].responses] == ["claim_of_responsibility"]


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a coder's note sets the figure and shares it out, in the same sentence
        ("Clashes were reported on three fronts. Unknown fatalities coded as 10 and spread between 2 locations.", 5),
        ("Heavy fighting on two fronts. Fatalities and injuries coded as 6.", 6),
        # the note's own share for each event wins over the arithmetic
        ("Troops killed 14 rebels in three districts. Fatalities are split across 3 events (4).", 4),
        ("Total fatalities divided equally across three events. Raiders killed 9 herders.", 3),
        # who the dead were, in brackets, is part of one count
        ("7 villagers (3 men, 2 women and 2 children) were killed when gunmen raided the village.", 7),
        # 'killed or wounded': how many died is unknown
        ("Two soldiers were killed or wounded by sniper fire at the checkpoint.", 0),
        # a claimant's own count yields to another source's, and stands alone when there is none
        ("A bomb killed 3 soldiers on the road. The rebels claim 12 dead.", 3),
        ("The rebels claimed to have killed 5 soldiers in the ambush.", 5),
        ("Police fatally shot two men at a roadblock.", 2),
        ("The corpses of around thirty fighters were found near the river after the air strikes.", 30),
        ("A farmer's body was found in a ditch with gunshot wounds.", 1),
        ("Gunmen killed either one or four guards at the depot.", 1),
        ("Clashes between two clans over grazing land. FATALITIES: 6 - details not given.", 6),
        ("Residents lynched two men who were accused of killing three people.", 2),
        ("Twelve were captured and 2 killed when troops raided the camp.", 2),
        ("Raiders stole cattle (police shot 3 raiders dead, coded separately). Two herders were wounded.", 0),
        ("Four people die in clashes with police in the slum.", 4),
        ("One soldier killed 5 injured in a bomb blast at the market.", 1),
        ("Gunmen raided the village. Reports on fatalities range from 2 to 4.", 2),
        ("A bomb killed 1 soldier at the checkpoint. Other sources report that 2 soldiers were killed.", 1),
        ("The raid was on 21/12 and killed 2 herders.", 2),
        ("Constable Peter Otieno was shot dead at his post near the market.", 1),
        ("A trader injured in the raid later died in hospital.", 1),
        ("Nobody was killed in the blast at the depot.", 0),
        ("Soldiers shot two smugglers to death near the river.", 2),
        # a long subject, a headline's bare singular, burning alive, and a count inside another's noun phrase
        ("11 fighters belonging to the outlawed northern liberation front were killed in the raid.", 11),
        ("Village chief dies after gunmen storm his compound at night.", 1),
        ("Three traders were burnt alive when attackers torched their shop.", 3),
        ("A mortar round fired at the base left three recruits killed and others wounded.", 3),
        ("A father of six is killed by a mob over a land dispute.", 1),
        # a subject joined by 'and' is one count; a pair and a clause joined by 'and' are not
        ("At least five suspected rebel and bandit fighters were killed in the air strikes.", 5),
        ("Two goat thieves were killed by angry villagers at the market.", 2),
        ("A herder and his nephew were shot dead near the waterhole.", 2),
        ("The councillor was attacked by three youths and later died in hospital.", 1),
        ("Three soldiers were killed along with 12 insurgents when the convoy was ambushed.", 15),
    ],
)
def test_extract_fatalities_coder_notes_and_claims(text: str, fatalities: int) -> None:
    assert (_figures(text).fatalities or 0) == fatalities  # no figure is coded 0


def test_extract_fatalities_note_elsewhere_in_the_report() -> None:
    text = (
        "Troops killed 10 militants in two districts. In another attack, a soldier was wounded. "
        "Fatalities split over 2 locations."
    )
    spans = sentences.split(text)
    assert figures.extract(text, spans[:1]).fatalities == 10
    assert figures.extract(text, spans[:1], notes=spans).fatalities == 5


@pytest.mark.slow
def test_extract_attribute_rules_match_spacy_ruler() -> None:
    """The attribute ruler's rules applied without its matcher give spaCy's own tags, morphology and lemmas."""
    import spacy

    from conflictdb.extract import nlp

    ours = nlp.load()
    assert "attribute_rules" in ours.pipe_names and "attribute_ruler" not in ours.pipe_names
    theirs = spacy.load(nlp.MODEL, exclude=["lemmatizer"])
    text = (
        "I don't know what they're doing, but it's the 3rd time he has been arrested. There is nothing we can do, "
        "gonna wait and see if the police let's them go.  Its members were seen; the men who had fled didn't return."
    )
    got = [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours(text)]
    want = [(t.pos_, str(t.morph), t.lemma_, t.dep_) for t in theirs(text)]
    assert got == want


@pytest.mark.slow
def test_extract_long_text_entities_on_demand(extractor) -> None:  # type: ignore[no-untyped-def]
    """A long report's entities are recognised only where extraction reads them, with the same result."""
    from conflictdb.extract import nlp
    from conflictdb.models import Document

    filler = " ".join(f"Traders in the market said prices of maize rose for the {n}th week running." for n in range(12))
    text = (
        "Gunmen of the Popular Resistance Brigade killed four villagers near Gao on Monday, residents said. "
        f"{filler} A group calling itself the Sons of the Desert Front claimed responsibility for the attack."
    )
    doc = Document(id=Document.make_id(text), text=text, sha256="", published="2024-05-07")
    lazy = extractor(doc)
    full = extractor.apply(doc, extractor.nlp(text))
    sdoc = extractor.nlp(text, disable=["ner"])
    assert len(sdoc) >= nlp.LAZY_ENTITIES_FROM
    assert lazy.mentions == full.mentions
    assert lazy.mentions[0].fatalities == 4


@pytest.mark.slow
def test_extract_workers_keep_order(extractor) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.extract import PARALLEL_FROM, Extractor
    from conflictdb.models import Document

    texts = [f"On 3 June 2021, gunmen killed {n} villagers near Gao." for n in range(1, PARALLEL_FROM + 9)]
    docs = [Document(id=Document.make_id(t), text=t, sha256="", published="2021-06-04") for t in texts]
    two = Extractor(n_process=2, batch_size=4)
    try:
        got = [d.mentions[0].fatalities for d in two.pipe(docs)]
    finally:
        two.close()
    assert got == list(range(1, PARALLEL_FROM + 9))


def test_extract_last_week_is_dated_like_an_undated_report() -> None:
    text = "Raiders attacked three lorries on the highway last week and looted them."
    found = dates.find(text, sentences.split(text), published="2021-06-10")
    assert found is not None and (found.date, found.precision) == ("2021-06-09", 2)
    found = dates.find(text, sentences.split(text), published="2021-06-10", lag_days=0)
    assert found is not None and found.date == "2021-06-10"


@pytest.mark.slow
def test_extract_a_group_named_only_to_deny_is_not_the_doer(extractor) -> None:  # type: ignore[no-untyped-def]
    from conflictdb.extract import extract_text

    text = (
        "A roadside bomb hit an army truck near Ghazni on Monday, killing two soldiers, officials said. "
        "The Taliban denied any involvement."
    )
    main = extract_text(text, published="2019-05-14", extractor=extractor).mentions[0]
    assert main.actor1 is not None and main.actor1.name.startswith("Unidentified Armed Group")
    assert main.status == "denied"
    claimed = "A roadside bomb hit an army truck near Ghazni on Monday. The Taliban claimed responsibility."
    main = extract_text(claimed, published="2019-05-14", extractor=extractor).mentions[0]
    assert main.actor1 is not None and main.actor1.name == "Taliban"
