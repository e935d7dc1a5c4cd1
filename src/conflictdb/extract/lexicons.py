"""The lexicons in data/lexicons/, compiled once: cue name -> one regular expression."""

from __future__ import annotations

import functools
import re
from importlib import resources
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import yaml

from conflictdb.models import Span


@functools.lru_cache(maxsize=8)
def load(name: str) -> dict[str, Any]:
    """The raw YAML of data/lexicons/<name>.yaml."""
    text = resources.files("conflictdb").joinpath("data", "lexicons", f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def compile_alternatives(patterns: list[str]) -> re.Pattern[str]:
    r"""One case-insensitive pattern matching any of `patterns` as whole words.

    It matches what `(?<![\w-])(?:p1|p2|...)(?![\w])` matches, faster: each alternative is guarded by a
    look-ahead for the characters it can start with (the regex engine otherwise enters every alternative at
    every word), and when every alternative starts with a word character, the word start is tested as
    `\b(?<!-)` (the same there) before one look-ahead for all their first characters.
    """
    parts: list[str] = []
    union: set[str] = set()
    words = True
    for p in patterns:
        first = _first_chars(p)
        if first is None:
            parts.append(f"(?:{p})")
            words = False
        else:
            union |= first
            words = words and all(_WORD_CHAR.match(c) for c in first)
            parts.append(f"(?={_charset(first)})(?:{p})")
    body = "|".join(parts)
    lead = rf"\b(?<!-)(?={_charset(union)})" if words and union else r"(?<![\w-])"
    return re.compile(rf"{lead}(?:{body})(?![\w])", re.IGNORECASE)


_WORD_CHAR = re.compile(r"\w")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _charset(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _first_chars(pattern: str) -> set[str] | None:
    """The characters a (case-insensitive) match of `pattern` can start with, as written; None when any
    character may start one, or the pattern can match the empty string."""
    first, nullable = _first_of_sequence(sre_parse.parse(pattern, re.IGNORECASE).data)
    return None if first is None or nullable or not first else first


def _first_of_sequence(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_op(op, av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of_op(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether it can match the empty string) of one parsed item."""
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, arg in av:
            if kind is sre.LITERAL:
                chars.add(chr(arg))
            elif kind is sre.RANGE and arg[1] - arg[0] < 128:
                chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
            else:
                return None, False  # a negated set or a category (\w): anything
        return chars, False
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return (None, False) if add_flags or del_flags else _first_of_sequence(sub.data)
    if op is sre.BRANCH:
        out: set[str] = set()
        nullable = False
        for alternative in av[1]:
            first, empty = _first_of_sequence(alternative.data)
            if first is None:
                return None, False
            out |= first
            nullable = nullable or empty
        return out, nullable
    if op in _REPEATS:
        low, _, sub = av
        first, empty = _first_of_sequence(sub.data)
        return (None, False) if first is None else (first, empty or low == 0)
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False


@functools.lru_cache(maxsize=8)
def cues(name: str) -> dict[str, re.Pattern[str]]:
    """Every list in the lexicon `name`, compiled (nested tables are skipped)."""
    return {key: compile_alternatives(value) for key, value in load(name).items() if isinstance(value, list)}


@functools.lru_cache(maxsize=8)
def labelled(name: str, table: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """A nested table of the lexicon: label -> compiled pattern, in file order."""
    return tuple((label, compile_alternatives(patterns)) for label, patterns in load(name)[table].items())


def find(pattern: re.Pattern[str], text: str, *, offset: int = 0) -> list[Span]:
    """Spans of every match of `pattern` in `text`, shifted by `offset`."""
    return [Span(m.start() + offset, m.end() + offset) for m in pattern.finditer(text)]
