"""Sentence labels: which sentences tell the news and which recall the past (a toll, a habit, a trial)."""

from __future__ import annotations

import pytest

from conflictdb.extract import sentences


def _background(text: str, eventful: list[bool]) -> list[bool]:
    return [i.background for i in sentences.label(text, sentences.split(text), eventful=eventful)]


@pytest.mark.parametrize(
    "recalled",
    [
        "The war has lasted ten years and killed more than 70,000 people.",
        "Over the past five years the group has kidnapped 40 businessmen.",
        "Bombing markets is a common practice of the rebels.",
        "The group, founded in 1970, became known when it held ambassadors hostage.",
        "Three officers are on trial for the murder of the priests.",
    ],
)
def test_extract_sentences_toll_habit_or_trial_deep_in_a_story_is_background(recalled: str) -> None:
    text = (
        "The two sides met in the capital on Monday. The talks lasted six hours. "
        "Both delegations called them useful. " + recalled
    )
    assert _background(text, [False, False, False, True]) == [False, False, False, True]


def test_extract_sentences_lead_is_the_news_whatever_it_recalls() -> None:
    text = "Teachers who have worked as guest teachers for the past several years gathered in the capital."
    assert _background(text, [False]) == [False]
    lead = "Rebels killed a mayor on Monday, the worst attack since 1990. The war has lasted ten years."
    assert _background(lead, [True, True]) == [False, True]


def test_extract_sentences_daily_news_is_no_background() -> None:
    text = "Protesters marched in the capital. Demonstrators and police were injured in clashes on a daily basis."
    assert _background(text, [True, True]) == [False, False]
