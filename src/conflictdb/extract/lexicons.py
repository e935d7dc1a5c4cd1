"""The lexicons in data/lexicons/, compiled once: cue name -> one regular expression."""

from __future__ import annotations

import functools
import re
from importlib import resources
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
    """One case-insensitive pattern matching any of `patterns` as whole words."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


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
