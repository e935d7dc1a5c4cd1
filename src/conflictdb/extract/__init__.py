"""Extraction: a report's text -> sentences and coded events (mentions), each value with its evidence.

Reads `Document.text` and `Document.published`; sets `Document.sentences` and `Document.mentions`,
ordered by salience (index 0 is the main incident, never a background event). `Mention.place` is
left to geocoding. Steps: spaCy (nlp.py) -> sentence labels (sentences.py) -> triggers and event
groups (events.py) -> actors (actors.py) -> figures, dates, attribution.
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
import re
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from conflictdb.extract import attribution, dates, events, figures, nlp, sentences
from conflictdb.extract.actor_parse import arguments, phrase, trigger_token
from conflictdb.extract.events import Coding, Group, Hits
from conflictdb.extract.sentences import SentenceInfo
from conflictdb.models import Document, Mention, Span

__all__ = ["Extractor", "extract_text"]

# Streams shorter than this are parsed in this process: a few documents are done before workers fork.
PARALLEL_FROM = 32
PEACEFUL = frozenset({"Peaceful protest", "Protest with intervention"})
# A trained classifier overrides the rules for the main event only when it is this sure.
MODEL_CONFIDENCE = 0.8

# A claim of responsibility ('X claimed responsibility', 'X was behind the attack', 'a group calling
# itself X'): the actor finder reads the names of organisations before it.
_CLAIM_CUE = re.compile(
    r"\b(?:claim\w*|took|takes|accept\w*|admit\w*)\s+(?:\w+\s+){0,2}?(?:responsibility|credit|authorship|hand|involvement)\b|"
    r"\bbehind\s+(?:the|this|these)\b|\bcall(?:s|ing|ed)?\s+(?:itself|themselves)\b|\bknown\s+as\b|\bself-(?:styled|proclaimed)\b",
    re.IGNORECASE,
)
_WOMEN = re.compile(
    r"\b(?:wom[ae]n|girls?|mothers?|wi(?:fe|ves)|pregnant|daughters?|sisters?|widows?|female)\b", re.IGNORECASE
)
_CHILDREN = re.compile(
    r"\b(?:child(?:ren)?|kids?|boys?|girls?|minors?|infants?|bab(?:y|ies)|toddlers?|schoolchildren|teenagers?|juveniles?|"
    r"sons?|daughters?|pupils?|\d{1,2}-year-old)\b",
    re.IGNORECASE,
)
_VICTIM_VERBS = re.compile(
    r"\b(?:kill\w*|execut\w*|shot|shoot\w*|murder\w*|gunned|massacr\w*|rap\w*|abduct\w*|kidnap\w*|assault\w*|attack\w*|"
    r"injur\w*|wound\w*|beat\w*|hack\w*|stabb\w*|burn\w*|tortur\w*|deaths?|dead|died|victims?|firing)\b",
    re.IGNORECASE,
)
# ACLED's 'women targeted' tags, by who the women were (codebook tag list).
_WOMEN_TAGS = (
    ("girls", re.compile(r"\bgirls?\b", re.IGNORECASE)),
    ("candidates for office", re.compile(r"\b(?:candidate|aspirant)s?\b", re.IGNORECASE)),
    ("government officials", re.compile(r"\b(?:official|councillor|mayor|minister|MP|legislator|administrator)s?\b")),
    ("journalists", re.compile(r"\b(?:journalist|reporter)s?\b", re.IGNORECASE)),
    (
        "activists/human rights defenders/social leaders",
        re.compile(r"\b(?:activist|human rights defender|social leader)s?\b", re.IGNORECASE),
    ),
    ("political party supporters", re.compile(r"\b(?:party supporters?|party members?)\b", re.IGNORECASE)),
    ("accused of witchcraft/sorcery", re.compile(r"\b(?:witch(?:craft|es)?|sorcer(?:y|ess))\b", re.IGNORECASE)),
    ("refugees/IDPs/migrants", re.compile(r"\b(?:refugees?|IDPs?|displaced|migrants?)\b")),
    (
        "relatives of targeted groups or persons",
        re.compile(r"\b(?:wife|wives|mother|sister|daughter|relative)s? of\b", re.IGNORECASE),
    ),
)


def _actor_finder(aliases: Any = None) -> Any | None:
    try:
        from conflictdb.extract.actors import ActorFinder
    except ImportError:
        return None
    return ActorFinder(extra_aliases=aliases) if aliases else ActorFinder()


def _trained(model: str | Path | None) -> Any | None:
    if model is None:
        return None
    from conflictdb.extract.train import load_model

    return load_model(model)


class Extractor:
    """The extraction stage: `Document -> Document` with sentences and mentions."""

    def __init__(
        self,
        *,
        model: str | Path | None = None,
        n_process: int | None = None,
        batch_size: int = 64,
        undated_lag_days: int = 1,
    ) -> None:
        self.nlp = nlp.load()
        self.classifier = _trained(model)
        self.actors = _actor_finder(getattr(self.classifier, "actor_aliases", None))
        self.n_process = n_process if n_process is not None else min(2, os.cpu_count() or 1)
        self.batch_size = batch_size
        self.undated_lag_days = undated_lag_days
        self._pool: Any = None

    def __call__(self, doc: Document) -> Document:
        return next(self._extract([doc]))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Extract from a stream of documents, in order: in batches, on `n_process` processes for long streams."""
        stream = iter(docs)
        head = list(itertools.islice(stream, PARALLEL_FROM))
        if self.n_process < 2 or len(head) < PARALLEL_FROM:
            yield from self._extract(itertools.chain(head, stream))
            return
        pool = self._workers()
        for done in pool.imap(_extract_in_worker, _chunks(itertools.chain(head, stream), size=self.batch_size)):
            yield from done

    def close(self) -> None:
        """Stop the worker processes, if any were started (they also stop with this process)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def _extract(self, docs: Iterable[Document]) -> Iterator[Document]:
        for batch in _chunks(docs, size=self.batch_size, chars=None):
            texts = [next(iter(nlp.prepare([d.text]))) for d in batch]
            sdocs = list(self.nlp.pipe(texts, batch_size=self.batch_size, disable=["ner"]))
            # long documents get entities only where extraction reads them (see nlp.Entities)
            deferred = [
                len(s) >= nlp.LAZY_ENTITIES_FROM and not nlp.is_shouting(d.text)
                for d, s in zip(batch, sdocs, strict=True)
            ]
            short = [s for s, lazy in zip(sdocs, deferred, strict=True) if not lazy]
            if "ner" in self.nlp.pipe_names:
                ner: Any = self.nlp.get_pipe("ner")
                for _ in ner.pipe(short, batch_size=self.batch_size):
                    pass
            for sdoc, lazy in zip(sdocs, deferred, strict=True):
                if lazy:
                    nlp.Entities.defer(sdoc)
            for doc, sdoc in zip(batch, sdocs, strict=True):
                yield self.apply(doc, sdoc)

    def _workers(self) -> Any:
        """Worker processes, started once and kept: forked, they share this process's loaded model."""
        if self._pool is None:
            global _WORKER_EXTRACTOR
            _WORKER_EXTRACTOR = self
            context = multiprocessing.get_context("fork")
            self._pool = context.Pool(self.n_process)
            weakref.finalize(self, self._pool.terminate)
        return self._pool

    def apply(self, doc: Document, sdoc: Any) -> Document:
        """Extract from one document already parsed by spaCy (`sdoc`)."""
        text = doc.text
        spans = [s for s in (_trim(text, sent.start_char, sent.end_char) for sent in sdoc.sents) if s.end > s.start]
        found = [events.find(text, span) for span in spans]
        infos = sentences.label(text, spans, eventful=[events.eventful(h) for h in found])
        hits = [h if i.label != "commentary" else {} for h, i in zip(found, infos, strict=True)]
        groups = events.group(text, infos, hits)
        codings = {
            gi: events.classify(events.merged(hits, g.sentences), text, sdoc=sdoc) for gi, g in enumerate(groups)
        }
        order = events.salient(groups, codings)
        if self.classifier is not None and order and not groups[order[0]].background:
            codings[order[0]] = self._classified(text, codings[order[0]])
        ents = nlp.Entities(self.nlp, sdoc)
        self._cover(ents, sdoc, text, [codings[gi] for gi in order], [groups[gi] for gi in order], infos)
        mentions: list[Mention] = []
        claimed = {i for gi in order[1:] if not groups[gi].background for i in groups[gi].sentences}
        for rank, gi in enumerate(order):
            coding = codings[gi]
            assert coding is not None
            # the main event answers to the story's responses outside the other new events' sentences; another
            # new event to those in its own sentences ('... were murdered by X' told within a battle's account)
            if rank == 0:
                respond = [i.span for k, i in enumerate(infos) if i.label != "commentary" and k not in claimed]
            elif not groups[gi].background:
                respond = [infos[k].span for k in groups[gi].sentences if infos[k].label != "commentary"]
            else:
                respond = []
            mentions.append(self._mention(doc, sdoc, infos, hits, groups[gi], coding, rank, respond, ents))
        return dataclasses.replace(doc, sentences=tuple(i.sentence for i in infos), mentions=tuple(mentions))

    def _cover(
        self,
        ents: nlp.Entities,
        sdoc: Any,
        text: str,
        codings: list[Coding | None],
        groups: list[Group],
        infos: list[SentenceInfo],
    ) -> None:
        """Recognise entities where the actor finder reads them: each event's trigger sentence (the doer's
        name), and sentences that may claim an attack, with the one before (a name there can be claimed)."""
        if ents.done is None:
            return
        wanted: list[Any] = []
        for coding, group in zip(codings, groups, strict=True):
            spans = [infos[i].span for i in group.sentences]
            trigger = coding.triggers[0] if coding is not None and coding.triggers else spans[0]
            token = trigger_token(sdoc, trigger)
            if token is not None and any(_names_someone(sdoc, head) for head in arguments(token).agents):
                wanted.append(token.sent)
        sents = list(sdoc.sents)
        for k, sent in enumerate(sents):
            if _CLAIM_CUE.search(text, sent.start_char, sent.end_char):
                wanted.extend(sents[max(0, k - 1) : k + 1])
        ents.cover(wanted)

    def _classified(self, text: str, coding: Coding | None) -> Coding | None:
        result = self.classifier.classify(text) if self.classifier is not None else None
        if result is None:
            return coding
        event_type, sub_event_type, confidence = result
        if confidence < MODEL_CONFIDENCE:
            return coding
        triggers = coding.triggers if coding is not None else ()
        return Coding(event_type, sub_event_type, triggers, event_type == "Violence against civilians")

    def _mention(
        self,
        doc: Document,
        sdoc: Any,
        infos: list[SentenceInfo],
        hits: list[Hits],
        group: Group,
        coding: Coding,
        rank: int,
        respond: list[Span],
        ents: nlp.Entities,
    ) -> Mention:
        text = doc.text
        spans = [infos[i].span for i in group.sentences]
        evidence: dict[str, tuple[Span, ...]] = {}
        trigger = coding.triggers[0] if coding.triggers else spans[0]
        roles = None
        if self.actors is not None:
            roles = self.actors.roles(
                text,
                spacy_doc=sdoc,
                trigger=trigger,
                event_type=coding.event_type,
                sub_event_type=coding.sub_event_type,
            )
            coding = events.refine(
                coding,
                inter1=roles.actor1.inter if roles.actor1 else 0,
                inter2=roles.actor2.inter if roles.actor2 else 0,
                text=text,
            )
            # every name of the actor, commentary included: an alias there shows who the actor is, no fact
            evidence.update({k: tuple(v) for k, v in roles.evidence.items() if v})
        evidence["event_type"] = coding.triggers or (trigger,)
        if coding.sub_event_type:
            evidence["sub_event_type"] = coding.triggers or (trigger,)
        # the date: in the event's own sentences, else anywhere reported (ACLED notes open with it)
        # a wire story's dateline is its publication date: the reference for 'on Sunday', not the event's date
        line = dates.dateline(text)
        published = doc.published or (line[0] if line else None)
        skip = line[1] if line else None
        lag = self.undated_lag_days
        found = dates.find(text, spans, published=published, skip=skip, lag_days=lag)
        if found is None and rank == 0:
            told = [i.span for i in infos if i.label != "commentary" and not i.background]
            found = dates.find(text, told, published=published, skip=skip, lag_days=lag)
        when = found or dates.default(published, lag_days=self.undated_lag_days)
        if when.spans:
            evidence["event_date"] = when.spans
            evidence["time_precision"] = when.spans
        # a coder's note on the figure ('fatalities coded as 0', 'split between 3 events') speaks of the main event
        notes = [i.span for i in infos] if rank == 0 else None
        counted = figures.extract(
            _without_reasons(text, spans) if coding.event_type == "Riots" else text, spans, notes=notes
        )
        if coding.sub_event_type in PEACEFUL:
            # the codebook's peaceful protests have no dead: deaths in their text are what they protest
            counted = figures.Figures(
                injuries=counted.injuries, evidence={k: v for k, v in counted.evidence.items() if k == "injuries"}
            )
        evidence.update(counted.evidence)
        said = attribution.attribute(sdoc, text, spans, respond, entities=ents.cover_name)
        evidence.update(said.evidence)
        women, children = _victims(text, spans)
        if women:
            evidence["women_victims"] = tuple(women)
        if children:
            evidence["children_victims"] = tuple(children)
        tags, tag_spans = _tags(text, women)
        if tags:
            evidence["tags"] = tuple(tag_spans)
        civilian = coding.civilian_targeting or (
            roles is not None and roles.actor2 is not None and roles.actor2.inter == 7
        )
        civilian = (
            civilian
            and coding.event_type not in ("Protests", "Riots", "Strategic developments")
            or (coding.sub_event_type == "Excessive force against protesters")
        )
        if civilian:
            evidence["civilian_targeting"] = coding.triggers or (trigger,)
        if group.background:
            evidence["background"] = tuple(c for i in group.sentences for c in infos[i].background_cues) or tuple(spans)
        return Mention(
            document_id=doc.id,
            index=rank,
            event_type=coding.event_type,
            sub_event_type=coding.sub_event_type,
            event_date=when.date,
            time_precision=when.precision,
            actor1=roles.actor1 if roles else None,
            assoc_actor_1=tuple(roles.assoc_actor_1) if roles else (),
            actor2=roles.actor2 if roles else None,
            assoc_actor_2=tuple(roles.assoc_actor_2) if roles else (),
            civilian_targeting=civilian,
            fatalities=counted.fatalities if counted.fatalities is not None else (0 if rank == 0 else None),
            fatalities_low=counted.fatalities_low,
            fatalities_best=counted.fatalities_best,
            fatalities_high=counted.fatalities_high,
            injuries=counted.injuries,
            women_victims=bool(women),
            children_victims=bool(children),
            status=said.status,
            claimed_by=said.claimed_by,
            responses=said.responses,
            modality=said.modality,
            context=said.context,
            tags=tuple(tags),
            background=group.background,
            evidence=evidence,
        )


# The extractor that forked workers run: set in the parent just before it forks them.
_WORKER_EXTRACTOR: Extractor | None = None
# A worker's share of a stream: enough text to batch the parse well, small enough to keep both busy.
CHUNK_CHARS = 20_000


def _extract_in_worker(docs: list[Document]) -> list[Document]:
    assert _WORKER_EXTRACTOR is not None
    return list(_WORKER_EXTRACTOR._extract(docs))


def _chunks(docs: Iterable[Document], *, size: int, chars: int | None = CHUNK_CHARS) -> Iterator[list[Document]]:
    """Documents in lists of at most `size`, or fewer once they hold `chars` characters of text."""
    chunk: list[Document] = []
    held = 0
    for doc in docs:
        chunk.append(doc)
        held += len(doc.text)
        if len(chunk) >= size or (chars is not None and held >= chars):
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def _names_someone(sdoc: Any, head: Any) -> bool:
    """Whether the doer's phrase headed by `head` holds a word that may be part of a name the rulers
    did not find: only then can the recogniser tell the actor finder more ('a group the registry lacks')."""
    start, end = phrase(head)
    words = sdoc.char_span(start, end, alignment_mode="expand")
    return words is not None and any(
        not t.ent_type and (t.pos_ == "PROPN" or ((t.is_title or t.is_upper) and not t.is_sent_start)) for t in words
    )


# What set a crowd off ('after a bus killed a girl, residents rioted') is not the riot's toll.
_REASON = re.compile(
    r"\b(?:after|following|over the (?:death|killing|murder)s?|in response to|protesting|to protest|that|who|which)\b[^,.;]*",
    re.IGNORECASE,
)


def _without_reasons(text: str, spans: list[Span]) -> str:
    """`text` with the reasons for a riot blanked (same length, so offsets hold)."""
    chars = list(text)
    for span in spans:
        for m in _REASON.finditer(span.of(text)):
            if re.search(r"\b(?:kill|dead|died|death|bod(?:y|ies)|murder)", m.group(), re.IGNORECASE):
                for i in range(span.start + m.start(), span.start + m.end()):
                    chars[i] = " "
    return "".join(chars)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _victims(text: str, spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Women and children among the victims: named in a clause with a violent verb."""
    women: list[Span] = []
    children: list[Span] = []
    for span in spans:
        for clause in re.finditer(r"[^,;:]+", span.of(text)):
            part = clause.group()
            if not _VICTIM_VERBS.search(part) or re.search(r"\b(?:protest|march|demonstrat)\w*", part, re.IGNORECASE):
                continue
            base = span.start + clause.start()
            women.extend(Span(base + m.start(), base + m.end()) for m in _WOMEN.finditer(part))
            children.extend(Span(base + m.start(), base + m.end()) for m in _CHILDREN.finditer(part))
    return women, children


def _tags(text: str, women: list[Span]) -> tuple[list[str], list[Span]]:
    """ACLED's 'women targeted: ...' tags for the women among the victims."""
    tags: list[str] = []
    spans: list[Span] = []
    for span in women:
        window = text[max(0, span.start - 40) : span.end + 40]
        for name, pattern in _WOMEN_TAGS:
            if pattern.search(window) and f"women targeted: {name}" not in tags:
                tags.append(f"women targeted: {name}")
                spans.append(span)
    return tags, spans


def extract_text(text: str, *, published: str | None = None, extractor: Extractor | None = None) -> Document:
    """Extract from a bare text: a convenience for scripts and tests. No geocoding runs, so generic actor
    names keep their '{country}' placeholder ('Protesters ({country})'); `Actor.localize` fills it."""
    doc = Document(id=Document.make_id(text), text=text, sha256="", published=published)
    return (extractor or Extractor())(doc)
