"""The lexicons' compiled patterns: guarded alternatives match exactly what the plain alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictdb.extract import lexicons

# Texts we wrote ourselves, with the lexicons' kinds of words in them.
TEXTS = [
    "Gunmen killed three villagers and wounded two others near the market on Tuesday, police said.",
    "Protesters gathered outside the governor's office demanding the release of detained students.",
    "An IED exploded under a military truck; the army said the militants had fired back.",
    "The anti-government rally turned violent when youths torched a bus and pelted police with stones.",
    "Officials condemned the killings and announced an investigation; the group denied involvement.",
    "KILLED, kill-team, re-killed, skill, killings: words inside words are no match.",
    "Soldiers clashed with bandits in a gun-battle lasting two hours, residents told reporters.",
]


def _plain(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def _tables() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in ("events", "discourse"):
        for key, value in lexicons.load(name).items():
            if isinstance(value, list):
                out[f"{name}:{key}"] = value
            elif isinstance(value, dict):
                out.update({f"{name}:{key}:{label}": v for label, v in value.items() if isinstance(v, list)})
    return out


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_extract_lexicons_guarded_patterns_match_as_plain_alternation() -> None:
    for name, patterns in _tables().items():
        fast, plain = lexicons.compile_alternatives(patterns), _plain(patterns)
        for text in TEXTS:
            assert _matches(fast, text) == _matches(plain, text), name


def test_extract_lexicons_first_chars() -> None:
    assert lexicons._first_chars(r"kill(ed|s)?") == {"k"}
    assert lexicons._first_chars(r"(gun(s)? down|shot)") == {"g", "s"}
    assert lexicons._first_chars(r"(an? )?attack") == {"a"}
    assert lexicons._first_chars(r"[0-9]+ dead") == set("0123456789")
    assert lexicons._first_chars(r"\w+ fled") is None  # any word character
    assert lexicons._first_chars(r"(a)?") is None  # can match nothing


def test_extract_lexicons_fallback_keeps_lookbehind() -> None:
    pattern = lexicons.compile_alternatives([r"\w+ fled", r"kill"])
    assert pattern.pattern.startswith(r"(?<![\w-])")
    assert [m.group() for m in pattern.finditer("they kill; some fled, self-kill")] == ["kill", "some fled"]


ALTERNATIVES = st.lists(
    st.sampled_from(["kill(ed|s)?", "shot", "(an? )?attack", "gun(s)? down", "fled", "[0-9]+ dead", r"k\w+", "ré"]),
    min_size=1,
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(patterns=ALTERNATIVES, text=st.text(alphabet="akilshotcdfenur- 0123KÉé", max_size=60))
def test_extract_lexicons_guarded_patterns_property(patterns: list[str], text: str) -> None:
    fast, plain = lexicons.compile_alternatives(patterns), _plain(patterns)
    assert _matches(fast, text) == _matches(plain, text)
    start = len(text) // 3
    a, b = fast.search(text, start), plain.search(text, start)
    assert (a and a.span()) == (b and b.span())
