"""Evaluation: name comparison, per-field scoring, streaming the gold file, and the eval command."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdb import eval as evaluation
from conflictdb import eval_muc
from conflictdb.models import Actor, Document, Mention, Place, Response, Span


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Military Forces of Yemen", "Military Forces of Yemen (2012-)", True),
        ("military forces of yemen (2016-2020)", "Military Forces of Yemen (2012-)", True),
        ("JNIM", "JNIM: Group for Support of Islam and Muslims", True),
        ("Group for Support of Islam and Muslims", "JNIM: Group for Support of Islam and Muslims", True),
        ("Protesters (Kenya)", "Protesters (Ghana)", False),
        ("", "", True),
        ("Taliban", "", False),
        ("", "Taliban", False),
    ],
)
def test_eval_names_match(predicted: str, gold: str, same: bool) -> None:
    assert evaluation.names_match(predicted, gold) is same


def _mention(**kwargs: object) -> Mention:
    base: dict[str, object] = {
        "document_id": "doc_x",
        "index": 0,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
    }
    base.update(kwargs)
    return Mention(**base)  # type: ignore[arg-type]


GOLD = {
    "event_date": "2020-05-09", "event_type": "Battles", "sub_event_type": "Armed clash", "taxonomy": "current",
    "actor1": "Taliban", "actor2": "Military Forces of Afghanistan (2014-)", "country": "Afghanistan",
    "admin1": "Balkh", "location": "Dawlat Abad", "latitude": "36.9882", "longitude": "66.8207", "fatalities": "12",
}  # fmt: skip


def test_eval_scores_every_field_of_a_right_answer() -> None:
    mention = _mention(
        event_date="2020-05-09",
        actor1=Actor("Taliban", 2),
        actor2=Actor("Military Forces of {country}", 1),
        fatalities=12,
        place=Place("Dawlat Abad", country="Afghanistan", admin1="Balkh", latitude=36.99, longitude=66.82),
    )
    scores = evaluation.Scores()
    evaluation.score_acled(scores, "s", GOLD, mention)
    for name in ("event_type", "sub_event_type", "fatalities", "actor1", "actor_pair_f1", "country", "admin1",
                 "location", "coords_25km", "coords_100km", "event_date"):  # fmt: skip
        assert scores.value("s", name) == (1.0, 1), name
        assert scores.value("all", name) == (1.0, 1), name
    assert scores.value("s", "civilian_targeting") == (None, 0)  # not coded in this record: not scored


def test_eval_scores_wrong_and_missing_answers() -> None:
    scores = evaluation.Scores()
    kabul = Place("Kabul", country="Afghanistan", latitude=34.5, longitude=69.2)
    mention = _mention(
        event_type="Violence against civilians", sub_event_type="Attack", fatalities=None,
        actor1=Actor("Taliban", 2), place=kabul,
    )  # fmt: skip
    evaluation.score_acled(scores, "s", GOLD, mention)
    evaluation.score_acled(scores, "s", GOLD, None)
    assert scores.value("s", "event_type") == (0.0, 2)
    assert scores.value("s", "fatalities") == (0.0, 2)
    assert scores.value("s", "actor1") == (0.5, 2)
    assert scores.value("s", "actor_pair_f1")[0] == pytest.approx((2 * 1 / 3) / 2)
    assert scores.value("s", "country") == (0.5, 2)
    assert scores.value("s", "coords_100km") == (0.0, 2)


def test_eval_counts_gold_locations_the_text_names() -> None:
    scores = evaluation.Scores()
    evaluation.score_acled(scores, "s", GOLD, None, text="Fighting near DAWLAT ABAD left twelve dead.")
    evaluation.score_acled(scores, "s", GOLD, None, text="Fighting in the north left twelve dead.")
    evaluation.score_acled(scores, "s", GOLD, None, text="Fighting near Dawlat Abadi left twelve dead.")
    assert (scores.locations, scores.locations_named) == (3, 1)
    assert scores.to_dict()["locations_named_in_text"] == pytest.approx(1 / 3, abs=1e-4)


@pytest.mark.parametrize(
    ("text", "name", "named"),
    [("Clashes in Ségou town", "Segou", True), ("Clashes in Segou town", "Ségou", True),
     ("Clashes in Ségoubougou", "Segou", False), ("Clashes in the region", "", False)],
)  # fmt: skip
def test_eval_named_in_ignores_case_and_accents_not_word_ends(text: str, name: str, named: bool) -> None:
    assert evaluation.named_in(text, name) is named


def test_eval_pre2019_taxonomy_rules() -> None:
    scores = evaluation.Scores()
    gold = {"event_type": "Protests|Riots", "sub_event_type": "", "taxonomy": "pre2019"}
    evaluation.score_acled(scores, "old", gold, _mention(event_type="Riots", sub_event_type="Mob violence"))
    evaluation.score_acled(scores, "old", gold, _mention(event_type="Protests", sub_event_type="Peaceful protest"))
    assert scores.value("old", "event_type") == (1.0, 2)
    assert scores.value("old", "sub_event_type") == (None, 0)


def test_eval_muc_perpetrator_organisations() -> None:
    text = "GUERRILLAS OF THE FMLN KIDNAPPED A MAYOR."
    doc = Document(id="d", text=text, sha256="")
    mention = _mention(
        event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        actor1=Actor("FMLN: Farabundo Marti National Liberation Front", 2, words="FMLN"),
    )
    gold = {
        "perpetrator_organizations": [["FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"]],
        "perpetrator_individuals": [["GUERRILLAS"]],
    }
    scores = evaluation.Scores()
    evaluation.score_muc(scores, "muc", gold, _with(doc, mention))
    assert scores.value("muc", "perp_org_recall") == (1.0, 1)
    assert scores.value("muc", "perp_org_precision") == (1.0, 1)
    assert scores.value("muc", "perp_individual_recall") == (0.0, 1)
    none = evaluation.Scores()
    evaluation.score_muc(none, "muc", {"perpetrator_organizations": []}, _with(doc, mention))
    assert none.value("muc", "perp_org_precision") == (0.0, 1)  # an organisation named where the gold has none


def test_eval_muc_perpetrators_of_terrorist_incidents_only() -> None:
    text = "THE ARMY CLASHED WITH THE ELN. THE ELN HAS CLAIMED RESPONSIBILITY FOR THE BOMBING OF THE PIPELINE."
    doc = Document(id="d", text=text, sha256="")
    battle = _mention(
        actor1=Actor("Military Forces of {country}", 1, words="ARMY"),
        actor2=Actor("ELN: National Liberation Army", 2, words="ELN"),
    )
    orgs, _ = eval_muc._perpetrators(_with(doc, battle))
    assert orgs == []  # two armed sides fighting: no perpetrator of terrorism
    claimed = dataclasses.replace(battle, responses=(Response("claim_of_responsibility", "THE ELN", Span(31, 70)),))
    orgs, _ = eval_muc._perpetrators(_with(doc, claimed))
    assert len(orgs) == 1 and "eln" in orgs[0]  # whoever claims an attack is its perpetrator
    assert "eln: national liberation army" in orgs[0]  # the group the registry knows, by its name


def test_eval_muc_claim_by_a_unit_names_its_group() -> None:
    text = "THE ELN'S MARTHA ELENA BARON UNIT CLAIMED RESPONSIBILITY FOR THE BOMBING."
    doc = Document(id="d", text=text, sha256="")
    bombing = _mention(
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        responses=(Response("claim_of_responsibility", "ELN'S MARTHA ELENA BARON UNIT", Span(4, 33)),),
    )
    orgs, _ = eval_muc._perpetrators(_with(doc, bombing))
    assert len(orgs) == 1 and {"eln", "eln's martha elena baron unit"} <= orgs[0]


def test_eval_muc_incident_dated_by_its_year_is_history() -> None:
    text = "IN NOVEMBER 1985 THE M-19 ATTACKED THE PALACE OF JUSTICE. TODAY THE M-19 LEADERS MET."
    doc = Document(id="d", text=text, sha256="")
    attack = _mention(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor("M-19: 19th of April Movement", 2, words="M-19"),
        evidence={"event_date": (Span(0, 16),)},
    )
    assert eval_muc._perpetrators(_with(doc, attack))[0] == []
    today = dataclasses.replace(attack, evidence={"event_date": (Span(58, 63),)})
    assert eval_muc._perpetrators(_with(doc, today))[0] != []


def test_eval_muc_one_unknown_word_names_no_organisation() -> None:
    text = "SPANISH GUNMEN KILLED A JUDGE; THE SECRET ANTICOMMUNIST FRONT KILLED A LAWYER."
    doc = Document(id="d", text=text, sha256="")
    word = _mention(event_type="Violence against civilians", actor1=Actor("SPANISH", 3, words="SPANISH", known=False))
    assert eval_muc._perpetrators(_with(doc, word))[0] == []
    name = dataclasses.replace(
        word, actor1=Actor("SECRET ANTICOMMUNIST FRONT", 3, words="SECRET ANTICOMMUNIST FRONT", known=False)
    )
    assert eval_muc._perpetrators(_with(doc, name))[0] == [{"secret anticommunist front"}]


def _with(doc: Document, mention: Mention) -> Document:
    import dataclasses

    return dataclasses.replace(doc, mentions=(mention,))


def _write_gold(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            record = {
                "id": f"r{i}",
                "set": "a" if i % 2 else "b",
                "text": f"Text {i}.",
                "published": "2021-01-02",
                "gold": {},
            }
            fh.write(json.dumps(record) + "\n")


def test_eval_read_gold_streams_samples(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    _write_gold(path, 20)
    assert [r["id"] for r in evaluation.read_gold(path, sample_every=5)] == ["r0", "r5", "r10", "r15"]
    assert [r["id"] for r in evaluation.read_gold(path, limit=3, set_name="a")] == ["r1", "r3", "r5"]


def test_eval_read_gold_reports_bad_lines(tmp_path: Path) -> None:
    from conflictdb.errors import InputError

    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": 1, "text": "x", "gold": {}}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        list(evaluation.read_gold(path))


@pytest.mark.slow
def test_eval_command_end_to_end(tmp_path: Path) -> None:
    from conflictdb.cli import main

    path = tmp_path / "gold.jsonl"
    records = [
        {"id": "1", "set": "ours", "published": "2021-06-04",
         "text": "On 3 June 2021, about 200 nurses marched to the health ministry in Nairobi demanding their salaries.",
         "gold": {"event_date": "2021-06-03", "event_type": "Protests", "sub_event_type": "Peaceful protest",
                  "taxonomy": "current", "actor1": "Protesters (Kenya)", "actor2": "", "country": "Kenya",
                  "fatalities": "0"}},
        {"id": "2", "set": "ours", "published": "2021-06-04",
         "text": "On 3 June 2021, unidentified gunmen shot dead two traders in Mandera town.",
         "gold": {"event_date": "2021-06-03", "event_type": "Violence against civilians", "sub_event_type": "Attack",
                  "taxonomy": "current", "country": "Kenya", "fatalities": "2"}},
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(main, ["eval", "--gold", str(path), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "event_type" in result.output and "documents/second" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"] == 2
    assert data["sets"]["ours"]["event_type"] == {"score": 1.0, "n": 2}
    assert data["sets"]["ours"]["fatalities"] == {"score": 1.0, "n": 2}
    assert data["sets"]["ours"]["event_date"] == {"score": 1.0, "n": 2}
    assert "gold location names that the text itself gives" not in result.output  # no location coded


def test_eval_muc_claim_by_a_generic_word_names_no_organisation() -> None:
    text = "WORKERS CLAIMED RESPONSIBILITY FOR THE BOMBING."
    doc = Document(id="d", text=text, sha256="")
    bombing = _mention(
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        responses=(Response("claim_of_responsibility", "WORKERS", Span(0, 7)),),
    )
    assert eval_muc._perpetrators(_with(doc, bombing))[0] == []


def test_eval_muc_attack_in_a_speakers_own_words_is_rhetoric() -> None:
    text = "THE MINISTER SAID: WE MUST RESPOND BECAUSE THE FMLN IS ATTACKING THE PEOPLE. FMLN REBELS KILLED A MAYOR."
    doc = Document(id="d", text=text, sha256="")
    said = _mention(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor("FMLN: Farabundo Marti National Liberation Front", 2, words="FMLN"),
        evidence={"event_type": (Span(text.index("ATTACKING"), text.index("ATTACKING") + 9),)},
    )
    assert eval_muc._perpetrators(_with(doc, said))[0] == []
    reported = dataclasses.replace(
        said, evidence={"event_type": (Span(text.index("KILLED"), text.index("KILLED") + 6),)}
    )
    assert eval_muc._perpetrators(_with(doc, reported))[0] != []
