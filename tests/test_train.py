"""Training: the event-type classifier and actor aliases fitted on a user's own coded events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictdb.cli import main
from conflictdb.errors import ConfigError, InputError
from conflictdb.extract.actors import ActorFinder
from conflictdb.extract.train import evaluate, features, label_of, learn_aliases, load_model, train

PLACES = ["Northtown", "Riverside", "Hillcrest", "Lakeview", "Stonebridge", "Oakdale", "Westfield", "Brookside"]


def records() -> list[dict]:
    """Coded events we write ourselves: three kinds, each in several wordings and places."""
    out = []
    for i, place in enumerate(PLACES * 3):
        out.append(
            {
                "text": f"On {i + 1} March, teachers marched peacefully in {place} demanding unpaid salaries.",
                "gold": {
                    "event_type": "Protests",
                    "sub_event_type": "Peaceful protest",
                    "actor1": "Protesters (Freedonia)",
                },
            }
        )
        out.append(
            {
                "text": f"On {i + 2} April, Blue Lions Militia gunmen shot dead {i % 4 + 2} villagers in {place}.",
                "gold": {
                    "event_type": "Violence against civilians",
                    "sub_event_type": "Attack",
                    "actor1": "BLM: Blue Lions Militia",
                    "actor2": "Civilians (Freedonia)",
                },
            }
        )
        out.append(
            {
                "text": f"Soldiers clashed with Blue Lions Militia fighters near {place}; the fighting lasted hours.",
                "gold": {
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "actor1": "Military Forces of Freedonia (2010-)",
                    "actor2": "BLM: Blue Lions Militia",
                },
            }
        )
    return out


def test_train_features_fold_numbers_and_pair_words() -> None:
    assert features("Killed 12 people") == {"killed", "00", "people", "killed 00", "00 people"}


def test_train_labels_only_current_taxonomy() -> None:
    assert label_of({"event_type": "Battles", "sub_event_type": "Armed clash"}) == "Battles|Armed clash"
    assert label_of({"event_type": "Protests|Riots", "taxonomy": "pre2019"}) is None
    assert label_of({"event_type": "Battles", "sub_event_type": "Peaceful protest"}) is None


def test_train_classifier_learns_event_types() -> None:
    model = train(records())
    assert model.classify("Teachers marched peacefully in Eastport demanding pay.")[:2] == (
        "Protests",
        "Peaceful protest",
    )
    event_type, sub, confidence = model.classify("Militia gunmen shot dead three villagers in Eastport.")
    assert (event_type, sub) == ("Violence against civilians", "Attack")
    assert 0.0 < confidence <= 1.0
    assert model.classify("zzz qqq") is None


def test_train_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    train(records()).save(first)
    train(records()).save(second)
    assert first.read_bytes() == second.read_bytes()
    loaded = load_model(first)
    text = "Soldiers clashed with militia fighters near Eastport."
    assert loaded.classify(text) == train(records()).classify(text)
    assert loaded.actor_aliases["Blue Lions Militia"] == "BLM: Blue Lions Militia"


def test_train_aliases_skip_generic_names() -> None:
    aliases = learn_aliases(records())
    assert aliases == {"Blue Lions Militia": "BLM: Blue Lions Militia"}


def test_train_aliases_feed_the_actor_finder() -> None:
    finder = ActorFinder(extra_aliases=train(records()).actor_aliases)
    found = [m.entry for m in finder.matches("Blue Lions Militia fighters attacked a market.")]
    assert [(e.name, e.inter) for e in found] == [("BLM: Blue Lions Militia", 3)]


def test_train_evaluate_reports_accuracy() -> None:
    data = records()
    scores = evaluate(train(data[::2]), data[1::2])
    assert scores["records"] == len(data[1::2])
    assert scores["event_type"] >= 0.9


def test_train_rejects_data_without_labels() -> None:
    with pytest.raises(InputError):
        train([{"text": "nothing coded", "gold": {}}])


def test_train_load_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(ConfigError):
        load_model(bad)


def test_train_command_writes_a_model(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
    out = tmp_path / "model.npz"
    result = CliRunner().invoke(main, ["train", "--gold", str(gold), "-o", str(out), "--holdout", "4"])
    assert result.exit_code == 0, result.output
    assert "held out every 4th record" in result.output
    assert load_model(out).classify("Teachers marched in Eastport.")[0] == "Protests"
