"""Training on a user's own coded events: an event-type classifier and actor aliases.

Reads records in the bench format (`{"text": ..., "gold": {"event_type", "sub_event_type", "actor1",
...}}`); writes one `.npz` file. `load_model(path)` gives a `Model` whose `classify(text)` returns
`(event_type, sub_event_type, confidence)` and whose `actor_aliases` feed `ActorFinder(extra_aliases=...)`.

The classifier is multinomial naive Bayes over word unigrams and bigrams (numbers folded to 0), each
word counted once per text; its confidence is the posterior, tempered on a held-out tenth so that
it reads as a probability. Everything is deterministic: the same data gives the same file.
"""

from __future__ import annotations

import collections
import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from conflictdb.errors import ConfigError, InputError
from conflictdb.models import EVENT_TYPES

FORMAT = "conflictdb-model/1"
_WORD = re.compile(r"[^\W_]+")
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")
# ACLED's generic names, which the actor templates already cover: not learned as aliases.
_GENERIC = re.compile(
    r"^(?:civilians|protesters|rioters|unidentified|military forces of|police forces of|government of|"
    r"private security forces)\b|\((?:international|[^)]*)\)$",
    re.IGNORECASE,
)
_TEMPERATURES = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0)


def features(text: str) -> set[str]:
    """A text's features: its lower-cased words and word pairs, digits folded to 0."""
    words = [re.sub(r"\d", "0", w) for w in _WORD.findall(text.lower())]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def label_of(gold: Mapping[str, Any]) -> str | None:
    """'event_type|sub_event_type' for a record coded in ACLED's current taxonomy, else None."""
    event_type = str(gold.get("event_type") or "")
    sub = str(gold.get("sub_event_type") or "")
    if gold.get("taxonomy", "current") != "current" or event_type not in EVENT_TYPES:
        return None
    if sub and sub not in EVENT_TYPES[event_type]:
        return None
    return f"{event_type}|{sub}"


@dataclass(frozen=True)
class Model:
    """A trained classifier and the actor aliases learned with it."""

    classes: tuple[str, ...]
    vocabulary: Mapping[str, int]
    log_prior: np.ndarray  # (classes,)
    log_likelihood: np.ndarray  # (classes, features)
    temperature: float = 1.0
    actor_aliases: Mapping[str, str] = field(default_factory=dict)
    info: Mapping[str, Any] = field(default_factory=dict)

    def scores(self, text: str) -> np.ndarray | None:
        """Untempered log scores per class, or None when the text shares no feature with the training data."""
        columns = [self.vocabulary[f] for f in features(text) if f in self.vocabulary]
        if not columns or not self.classes:
            return None
        return np.asarray(self.log_prior + self.log_likelihood[:, sorted(columns)].sum(axis=1))

    def probabilities(self, text: str) -> np.ndarray | None:
        """The tempered posterior over classes."""
        scores = self.scores(text)
        return None if scores is None else _softmax(scores * self.temperature)

    def classify(self, text: str) -> tuple[str, str, float] | None:
        """(event_type, sub_event_type, confidence) for a text, or None when the model cannot tell."""
        probs = self.probabilities(text)
        if probs is None:
            return None
        best = int(np.argmax(probs))
        event_type, _, sub = self.classes[best].partition("|")
        return event_type, sub, float(probs[best])

    def save(self, path: str | Path) -> None:
        """Write the model to one `.npz` file (no pickles)."""
        vocab = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {
            "format": FORMAT,
            "temperature": self.temperature,
            "actor_aliases": dict(sorted(self.actor_aliases.items())),
            "info": dict(self.info),
        }
        with open(path, "wb") as fh:  # a file object keeps numpy from adding '.npz' to the name
            np.savez_compressed(
                fh,
                classes=np.array(self.classes, dtype=str),
                vocabulary=np.array(vocab, dtype=str),
                log_prior=self.log_prior.astype(np.float32),
                log_likelihood=self.log_likelihood.astype(np.float32),
                meta=np.array(json.dumps(meta, ensure_ascii=False)),
            )


def load_model(path: str | Path) -> Model:
    """Read a model written by `Model.save` (or `conflictdb train`)."""
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if meta.get("format") != FORMAT:
                raise ConfigError(f"{path}: not a conflictdb model ({meta.get('format')!r})")
            vocab = [str(v) for v in data["vocabulary"]]
            return Model(
                classes=tuple(str(c) for c in data["classes"]),
                vocabulary={v: i for i, v in enumerate(vocab)},
                log_prior=data["log_prior"].astype(np.float64),
                log_likelihood=data["log_likelihood"].astype(np.float64),
                temperature=float(meta.get("temperature", 1.0)),
                actor_aliases=dict(meta.get("actor_aliases", {})),
                info=dict(meta.get("info", {})),
            )
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"cannot read model {path}: {exc}", hint="train one with `conflictdb train`") from exc


def read_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file of coded events, streamed."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {number}: not JSON ({exc.msg})", uri=str(path), stage="train") from exc
            if isinstance(record, dict):
                yield record


def _fit(
    examples: list[tuple[set[str], str]], *, alpha: float, min_count: int, max_features: int
) -> tuple[tuple[str, ...], dict[str, int], np.ndarray, np.ndarray]:
    """Multinomial naive Bayes: class priors and smoothed feature likelihoods."""
    classes = tuple(sorted({label for _, label in examples}))
    index = {c: i for i, c in enumerate(classes)}
    df: collections.Counter[str] = collections.Counter()
    for feats, _ in examples:
        df.update(feats)
    kept = sorted((f for f, n in df.items() if n >= min_count), key=lambda f: (-df[f], f))[:max_features]
    vocabulary = {f: i for i, f in enumerate(sorted(kept))}
    counts = np.zeros((len(classes), len(vocabulary)), dtype=np.float64)
    priors = np.zeros(len(classes), dtype=np.float64)
    for feats, label in examples:
        row = index[label]
        priors[row] += 1
        columns = [vocabulary[f] for f in feats if f in vocabulary]
        counts[row, columns] += 1
    smoothed = counts + alpha
    log_likelihood = np.log(smoothed) - np.log(smoothed.sum(axis=1, keepdims=True))
    log_prior = np.log(priors / priors.sum())
    return classes, vocabulary, log_prior, log_likelihood


def _softmax(scores: np.ndarray) -> np.ndarray:
    exp = np.exp(scores - scores.max())
    return np.asarray(exp / exp.sum())


def _temperature(model: Model, held: list[tuple[str, str]]) -> float:
    """The temperature that makes held-out posteriors best calibrated (least log loss)."""
    rows = [(model.scores(text), model.classes.index(label)) for text, label in held if label in model.classes]
    best, best_loss = 1.0, math.inf
    for t in _TEMPERATURES:
        loss = -sum(math.log(max(float(_softmax(s * t)[i]), 1e-12)) for s, i in rows if s is not None)
        if loss < best_loss:
            best, best_loss = t, loss
    return best


def learn_aliases(records: Iterable[Mapping[str, Any]], *, min_count: int = 2) -> dict[str, str]:
    """Words in the texts that name a coded actor ('Sultan Murad Division' -> its ACLED name).

    Each named actor's name and, for 'ABBR: Full name', both parts are looked for in its record's text;
    a form found at least `min_count` times, and for one actor in at least four cases of five, is kept.
    ACLED's generic names (civilians, protesters, state forces ...) are left to the templates.
    """
    seen: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    spelled: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for record in records:
        gold = record.get("gold") or {}
        text = str(record.get("text") or "")
        names = [gold.get("actor1"), gold.get("actor2")]
        for key in ("assoc_actor_1", "assoc_actor_2"):
            names.extend(str(gold.get(key) or "").split(";"))
        for raw in names:
            name = _PERIOD.sub("", str(raw or "")).strip()
            if not name or _GENERIC.search(name):
                continue
            forms = {name, *(p.strip() for p in name.split(": ", 1))}
            forms.add(re.sub(r"\s+(?:militia|ethnic militia|communal militia|clan militia)$", "", name, flags=re.I))
            for form in forms:
                found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) if len(form) >= 3 else None
                if found:
                    seen[form.lower()][name] += 1
                    spelled[form.lower()][found.group()] += 1  # as the texts write it: 'ADF' stays in capitals
    aliases: dict[str, str] = {}
    for form, counts in sorted(seen.items()):
        name, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= min_count and n >= 0.8 * sum(counts.values()):
            words, _ = max(spelled[form].items(), key=lambda kv: (kv[1], kv[0]))
            aliases[words] = name
    return aliases


def train(
    records: Iterable[Mapping[str, Any]],
    *,
    alpha: float = 0.1,
    min_count: int = 2,
    max_features: int = 50_000,
    min_alias_count: int = 2,
) -> Model:
    """Fit the classifier and learn actor aliases from coded records."""
    kept = [r for r in records if isinstance(r.get("text"), str)]
    examples = [(features(r["text"]), label) for r in kept if (label := label_of(r.get("gold") or {}))]
    if not examples:
        raise InputError("no record with a text and an ACLED event type to learn from", stage="train")
    # temper on every tenth example, then fit on all
    held = [(str(kept_text), label) for i, (kept_text, label) in enumerate(_texts(kept)) if i % 10 == 9]
    fitted = _fit(
        [e for i, e in enumerate(examples) if i % 10 != 9], alpha=alpha, min_count=min_count, max_features=max_features
    )
    probe = Model(*fitted)
    temperature = _temperature(probe, held) if held else 1.0
    classes, vocabulary, log_prior, log_likelihood = _fit(
        examples, alpha=alpha, min_count=min_count, max_features=max_features
    )
    return Model(
        classes=classes,
        vocabulary=vocabulary,
        log_prior=log_prior,
        log_likelihood=log_likelihood,
        temperature=temperature,
        actor_aliases=learn_aliases(kept, min_count=min_alias_count),
        info={"records": len(kept), "examples": len(examples), "alpha": alpha, "features": len(vocabulary)},
    )


def _texts(records: list[Mapping[str, Any]]) -> Iterator[tuple[str, str]]:
    for record in records:
        label = label_of(record.get("gold") or {})
        if label:
            yield str(record["text"]), label


def evaluate(model: Model, records: Iterable[Mapping[str, Any]], *, threshold: float = 0.8) -> dict[str, Any]:
    """Accuracy of a model on coded records: event type and sub-event type, overall and above `threshold`."""
    n = right_type = right_sub = confident = confident_right = 0
    for record in records:
        label = label_of(record.get("gold") or {})
        if not label or not isinstance(record.get("text"), str):
            continue
        event_type, _, sub = label.partition("|")
        got = model.classify(record["text"])
        n += 1
        if got is None:
            continue
        right_type += got[0] == event_type
        right_sub += got[0] == event_type and got[1] == sub
        if got[2] >= threshold:
            confident += 1
            confident_right += got[0] == event_type and got[1] == sub
    return {
        "records": n,
        "event_type": right_type / n if n else None,
        "sub_event_type": right_sub / n if n else None,
        "confident_share": confident / n if n else None,
        "confident_sub_event_type": confident_right / confident if confident else None,
        "threshold": threshold,
    }
