"""spaCy EntityRuler patterns from the actor registry: named actors, ethnic groups, parties and state forces.

The entity ruler runs before spaCy's `ner`, so that actor names are labelled 'ACTOR' (with the canonical
name as the entity id) rather than as people or places.
"""

from __future__ import annotations

import functools
from typing import Any

from conflictdb.extract.actor_registry import ETHNIC, MILITARY, NAMED, PARTY, POLICE, STATE, Registry, is_acronym

__all__ = ["patterns"]

_PATTERN_FORCES = ("army", "military", "soldiers", "troops", "forces", "security forces", "police", "policemen")


@functools.lru_cache(maxsize=2)
def patterns(registry: Registry) -> list[dict[str, Any]]:
    """Patterns with label 'ACTOR' and the canonical name as id (cached per registry)."""
    import spacy  # only here: building patterns needs spaCy's tokenizer, matching does not

    tokenizer = spacy.blank("en").tokenizer
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(alias: str, name: str, cased: bool) -> None:
        if (alias.lower(), name) in seen:
            return
        seen.add((alias.lower(), name))
        pattern = [{"ORTH": t.text} if cased else {"LOWER": t.lower_} for t in tokenizer(alias)]
        out.append({"label": "ACTOR", "pattern": pattern, "id": name})

    for alias, entry in registry.aliases:
        if "{country}" not in entry.name and entry.role in (NAMED, STATE, ETHNIC, PARTY):
            add(alias, entry.name, is_acronym(alias))
    for country, names in registry.country_names.items():
        for name in names[:3]:
            for word in _PATTERN_FORCES:
                template = POLICE if word.startswith("police") else MILITARY
                add(f"{name} {word}", template.replace("{country}", registry.country_forms[country]), False)
    return out
