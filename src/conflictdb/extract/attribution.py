"""Who says so, how sure the report is, what followed, and why and how it happened.

status: denied > alleged > confirmed > reported (the default). claimed_by: the sources the text
names (witnesses, a military source, officials ...). responses: investigation, denial,
condemnation, claim of responsibility, and by whom (from the parse: the subject, or the agent of
'by'); accusations, and whom they hold responsible. context (reprisal ...) and modality (firing on
vehicles ...) from data/lexicons/discourse.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from conflictdb.extract import lexicons
from conflictdb.models import Response, Span

# Verbs of saying, inflected: the pipeline runs without its lemmatizer, for speed.
_SPEECH = frozenset(
    f"{stem}{ending}"
    for stem in ["say", "tell", "describe", "claim", "report", "state", "confirm", "allege", "accuse", "add", "note", "recount", "recall", "insist", "maintain", "announce", "testify", "tweet", "write", "quote"]
    for ending in ("", "s", "d", "ed", "ing")
) | frozenset(["said", "told", "wrote", "written", "saying", "telling", "describing", "stating", "confirming", "noting", "writing"])
_SOURCE_HEADS = frozenset(
    ["witness", "witnesses", "resident", "residents", "survivor", "survivors", "official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "police", "army", "military", "government", "ministry", "minister", "governor", "commander", "villager", "villagers", "relative", "relatives", "family", "families", "local", "locals", "activist", "activists", "ngo", "group", "report", "reports", "media", "outlet", "agency", "statement", "journalist", "journalists", "doctor", "doctors", "hospital", "authorities", "authority", "chief", "leader", "leaders", "elder", "elders", "monitor", "monitors", "observer", "observers", "office", "council", "mayor", "officer", "officers"]
)
_DETERMINERS = re.compile(r"^(?:the|a|an|even|some|its|their|his|her)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Attribution:
    status: str = "reported"
    claimed_by: tuple[str, ...] = ()
    responses: tuple[Response, ...] = ()
    context: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()
    evidence: dict[str, tuple[Span, ...]] = field(default_factory=dict)


def _phrase(token: Any, *, keep_article: bool = False, source: str | None = None) -> tuple[str, Span]:
    """A compact noun phrase around `token`: its left modifiers, without relative clauses."""
    left = token
    for child in token.lefts:
        if (
            child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "advmod", "quantmod")
            and child.i < left.i
        ):
            left = child
    start = left.idx
    while left.i < token.i and left.dep_ == "advmod":
        left = left.doc[left.i + 1]
        start = left.idx
    end = token.idx + len(token.text)
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.i == token.i + 1:
            end = child.idx + len(child.text)
    text = token.doc.text[start:end] if source is None else source[start:end]
    if not keep_article:
        stripped = _DETERMINERS.sub("", text)
        start += len(text) - len(stripped)
        text = stripped
    return text, Span(start, end)


def _subject(verb: Any) -> Any | None:
    # the subject nearest the verb: a parser may take a place set off by commas for a second subject
    # ('in Rionegro, Antioquia Province, the Extraditables claimed ...')
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return max(subjects, key=lambda child: child.i if child.i < verb.i else -1)
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _agent(token: Any) -> Any | None:
    """The noun after 'by' attached to `token` or to the verb it depends on."""
    for scope in (token, token.head):
        for child in scope.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def sources(
    doc: Any, spans: list[Span], *, text: str | None = None, entities: Callable[[Any], None] | None = None
) -> list[tuple[str, Span]]:
    """The sources named in the sentences `spans`: 'according to X', 'X said', 'as claimed by X'.

    `entities(token)`, when given, recognises the named entities of the token's sentence (they are
    recognised on demand in long documents).
    """
    found: list[tuple[str, Span]] = []
    for span in spans:
        sent = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sent is None:
            continue
        for token in sent:
            head: Any | None = None
            if token.lower_ == "to" and token.i > 0 and token.doc[token.i - 1].lower_ == "according":
                head = next((c for c in token.children if c.dep_ == "pobj"), None)
            elif token.lower_ in _SPEECH and token.pos_ in ("VERB", "AUX"):
                head = _agent(token) if token.tag_ == "VBN" else None
                head = head or _subject(token)
            if head is None or head.pos_ == "PRON":
                continue
            if head.lower_ not in _SOURCE_HEADS and entities is not None:
                entities(head)
            if head.lower_ not in _SOURCE_HEADS and head.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE"):
                continue
            found.append(_phrase(head, keep_article=True, source=text))
    return found


def _responses(doc: Any, text: str, spans: list[Span]) -> list[Response]:
    cue = lexicons.cues("discourse")
    out: list[Response] = []
    for kind in ("claim_of_responsibility", "denial", "condemnation", "investigation"):
        for span in spans:
            hits = lexicons.find(cue[kind], span.of(text), offset=span.start)
            for hit in hits:
                token_span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
                if token_span is None:
                    continue
                token = token_span.root
                who = _agent(token)
                if who is None:
                    verb = token if token.pos_ in ("VERB", "AUX") else token.head
                    who = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
                    # 'an investigation is underway': the subject is the investigation itself
                    if who is not None and who.i in range(token_span.start, token_span.end):
                        who = _agent(verb)
                if _negated(token, who):
                    continue  # 'no group has claimed responsibility', 'the army did not open an inquiry'
                if who is None or who.pos_ == "PRON" or who.lower_ in ("investigation", "probe", "inquiry"):
                    by, where = "", hit
                else:
                    by, where = _member_phrase(who, text)
                    where = Span(min(hit.start, where.start), max(hit.end, where.end))
                if any(
                    r.kind == kind.replace("claim_of_responsibility", "claim_of_responsibility")
                    and r.span.start <= hit.start < r.span.end
                    for r in out
                ):
                    continue
                out.append(Response(kind=kind, by=by, span=where))
    return out


# An act someone may be held responsible for: an accusation names a perpetrator only of such acts.
_ACT = re.compile(
    r"\b(?:murder\w*|kill\w*|assassinat\w*|kidnap\w*|abduct\w*|bomb\w*|dynamit\w*|explos\w*|attack\w*|massacre\w*|"
    r"slaughter\w*|crimes?|arson|burn\w*|hostages?|shot|shoot\w*|deaths?|violence|terroris\w*|sabotag\w*)\b",
    re.IGNORECASE,
)
_MODALS = frozenset(["may", "might", "could", "would", "should", "must", "can", "to"])


def _is_act(token: Any) -> bool:
    """Whether `token` names an act; 'death' in 'death squads' names a kind of group, not a death."""
    if not _ACT.fullmatch(token.text):
        return False
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return not (token.lower_ == "death" and after is not None and after.lower_.startswith("squad"))


# What makes the subject of 'to be' answer for an act: 'X is responsible for', 'guilty of', 'to blame for'.
_ANSWERABLE = frozenset(["responsible", "accountable", "guilty", "blame"])
_COPULAS = frozenset(["is", "are", "was", "were", "be", "been"])
# Heads that name part of a group: 'members of the FARC's 22d Front', 'a unit of the ELN' name the group after 'of'.
# An organisation's own name may go on through 'of' too: 'the Army of National Liberation', 'the Union of ...'.
_PART_OF = frozenset([
    "member", "members", "unit", "units", "cell", "cells", "commando", "commandos", "front", "column", "squad",
    "faction", "wing", "group", "spokesman", "spokesmen", "leader", "leaders", "militants", "fighters", "gunmen", "men",
    "army", "forces", "movement", "command", "brigade", "brigades", "organization", "organisation", "union",
    "federation", "alliance", "association", "council", "league",
])  # fmt: skip


def _accusations(doc: Any, text: str, spans: list[Span]) -> list[Response]:
    """Accusations: who holds whom responsible for an act ('police blamed the FMLN for the murder', 'the
    bombing was attributed to X', 'X is responsible for the massacre'), from the parse."""
    pattern = lexicons.cues("discourse")["accusation"]
    out: list[Response] = []
    for span in spans:
        chunk = span.of(text)
        if not _ACT.search(text, max(0, span.start - 400), span.end):  # the act may be told just before
            continue
        if _YEAR_IN.search(chunk):
            continue  # '31 assassinations in 1989 were blamed on X': a toll of past years, not this news
        for hit in lexicons.find(pattern, chunk, offset=span.start):
            words = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if words is None or any(r.span.start <= hit.start < r.span.end for r in out):
                continue
            verb = words[0]
            accused = _accused(verb)
            if accused is None or accused.pos_ == "PRON" or _negated(verb, accused):
                continue
            against, where = _member_phrase(accused, text)
            if not _act_in_scope(verb, where):
                continue  # 'accused the priests of being subversives', 'responsible for their hunger'
            accuser = _subject(verb) if not _passive(verb) else _agent(verb)
            if accuser is not None and _negated(verb, accuser):
                continue  # 'nobody blamed X'
            named = accuser is not None and accuser.pos_ != "PRON" and accuser.i != accused.i
            by = _phrase(accuser, source=text)[0] if named else ""
            where = Span(min(hit.start, where.start), max(hit.end, where.end))
            out.append(Response(kind="accusation", by=by, span=where, against=against))
    return out


# Participles of acts whose agent ('killed by X', 'the murder, carried out by X') is the doer the report names.
_DONE_BY = re.compile(
    r"(?:murdered|killed|assassinated|kidnapped|kidnaped|abducted|bombed|dynamited|attacked|massacred|executed|"
    r"shot|machinegunned|machine-gunned|ambushed|burned|torched|seized|taken|held|wounded|injured|"
    r"tortured|carried|perpetrated|committed|planted|hurled|thrown|detonated|set|staged|blew|threatened|threatens|"
    r"threaten)",
    re.IGNORECASE,
)
# Participles that name no act by themselves: their subject must ('the attack was carried out by X').
_DONE_BY_ACT_NOUN = frozenset([
    "carried", "perpetrated", "committed", "planted", "hurled", "thrown", "detonated", "set", "staged", "taken", "held",
])  # fmt: skip


def _agents_of_acts(doc: Any, text: str, spans: list[Span]) -> list[Response]:
    """The doer a report names as the agent of a violent act: 'the peasants were killed by members of the
    X', 'the murder, carried out by X terrorists' hold X responsible, whoever tells it."""
    out: list[Response] = []
    for span in spans:
        sent = doc.char_span(span.start, span.end, alignment_mode="expand")
        if sent is None or _YEAR_IN.search(span.of(text)):
            continue  # a year dates the act before the news ('killed by the army in 1985')
        for verb in sent:
            if not _DONE_BY.fullmatch(verb.text):
                continue  # (the tagger may call 'carried' in 'the murder, carried out by X' a past tense)
            doer = _doer(verb, text)
            if doer is None or doer.pos_ == "PRON" or _negated(verb, doer) or _unreal(verb):
                continue
            acting = doer.dep_ == "nsubj" and doer.head.i == verb.i  # (its act is its object, read in _doer)
            if verb.lower_ in _DONE_BY_ACT_NOUN and not acting and not _act_noun(verb):
                continue  # 'the report was carried by X', 'the meeting held by X'
            against, where = _member_phrase(doer, text)
            if not (_named_group(against) or _named_by_form(text, where)):
                continue  # 'killed by unidentified men', 'by a group', 'by soldiers': no organisation named
            source = _subject(verb.head) if verb.dep_ in ("ccomp", "xcomp") and verb.head.lower_ in _SPEECH else None
            by = _phrase(source, source=text)[0] if source is not None and source.pos_ != "PRON" else ""
            hit = Span(min(verb.idx, where.start), max(verb.idx + len(verb.text), where.end))
            out.append(Response(kind="accusation", by=by, span=hit, against=against))
    return out


# Acts whose subject in the active voice is their doer: only an organisation's is read, one the registry
# knows as an armed group or one the text names as an organisation ('the X had kidnapped the anthropologist',
# 'the "New Dawn Front" bombed two banks'); a force that 'killed' someone is mostly a battle's side.
_DID = re.compile(
    r"(?:murdered|killed|assassinated|kidnapped|kidnaped|abducted|bombed|dynamited|massacred|executed|"
    r"machinegunned|burned|torched|shot|blew)",
    re.IGNORECASE,
)
# Threats of an act are MUC-4 incidents too (its 'threat' stage): 'X threatened to kill ten judges'.
_THREATENED = frozenset(["threatened", "threatens", "threaten"])
# Verbs that make an act of their object: 'X carried out two attacks', 'X staged the bombing'.
_DID_ACT = frozenset(["carried", "perpetrated", "committed", "staged"])


def _doer(verb: Any, text: str) -> Any | None:
    """The head of the doer's phrase of an act verb: the agent of a passive, the subject of an active."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        return next((o for o in agent.children if o.dep_ == "pobj"), None)
    if verb.pos_ != "VERB" or _passive(verb):
        return None
    if verb.lower_ == "blew" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None  # 'blew up' a pylon, not the wind that blew
    if verb.lower_ in _DID_ACT:
        if not any(c.dep_ == "dobj" and _is_act(c) for c in verb.children):
            return None  # 'carried out a search', 'committed itself to talks'
    elif verb.lower_ in _THREATENED:
        if not any(c.dep_ == "xcomp" and _is_act(c) for c in verb.children):
            return None  # 'threatened to resign'; 'threatened to kill ten judges' is MUC-4's threat
    elif not _DID.fullmatch(verb.text):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    words, where = _member_phrase(subject, text)
    return subject if _named_armed_group(words) or _named_by_form(text, where) else None


def _named_by_form(text: str, where: Span) -> bool:
    """Whether the words at `where` name an organisation by their form, known to the registry or not: with its
    bracketed acronym ('the Red River Army (RRA)') or in quotes ('the "New Dawn Front"')."""
    quoted = text[max(0, where.start - 1) : where.end + 1]
    return bool(_ACRONYM.search(where.of(text)) or re.search(r"[\"“][^\"”\n]{2,60}[\"”]", quoted))


def _named_armed_group(words: str) -> bool:
    from conflictdb.extract.actor_registry import NAMED, Registry

    return any(not m.entry.generic and m.entry.role == NAMED for m in Registry.load().match(words))


_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
# A name given with its acronym in brackets is an organisation's, known to the registry or not:
# 'members of the Federation of Mothers of the Disappeared (FEMADE)'.
_ACRONYM = re.compile(r"\w\s*\(\s*[A-Z][A-Z-]{1,11}\s*(?:\)|$)")


def _act_noun(verb: Any) -> bool:
    """Whether a participle's subject, or the noun it describes, is an act: 'the murder, carried out by'."""
    heads = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    if verb.dep_ in ("acl", "relcl") or not heads:
        heads.append(verb.head)
        if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "of":  # 'kidnappings of tycoons carried out by'
            heads.append(verb.head.head.head)
    if verb.lower_ == "held" and any(c.lower_ in ("hostage", "hostages") for c in verb.children):
        return True  # 'are being held hostage by X'
    deeds = ("action", "actions", "operation", "crime", "crimes")
    return any(_is_act(h) or h.lower_ in deeds for h in heads)


def _unreal(verb: Any) -> bool:
    """A planned or possible act: 'could have been killed by', 'were to be kidnapped by'."""
    for head in (verb, verb.head):
        if any(c.dep_ in ("aux", "auxpass", "mark") and c.lower_ in _MODALS for c in head.children):
            return True
    return False


def _named_group(words: str) -> bool:
    from conflictdb.extract.actor_registry import Registry

    return any(not m.entry.generic for m in Registry.load().match(words))


# A year in the accusation's words dates the act before the news ('31 assassinations in 1989 were blamed on').
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _act_in_scope(verb: Any, accused: Span) -> bool:
    """Whether the accusing verb's own clause, outside the accused's words, names a fresh act: the act may
    also be the noun a relative clause hangs on ('the attack, which X blamed on Y') or, for 'blamed Y for
    it', anywhere in the sentence or the one before."""
    found = verb.dep_ == "relcl" and _is_act(verb.head)
    for prep in verb.children:
        if prep.dep_ == "prep" and any(o.dep_ == "pobj" and o.pos_ == "PRON" for o in prep.children):
            sent = verb.sent
            start = sent.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            told = sent.doc[start : sent.end]
            found = found or any(_is_act(t) for t in told if not accused.start <= t.idx < accused.end)
    for child in verb.children:
        if child.dep_ in ("conj", "cc", "punct", "advcl", "parataxis", "ccomp", "nsubj"):
            continue
        for token in child.subtree:
            if accused.start <= token.idx < accused.end:
                continue
            if _YEAR.match(token.text):
                return False
            found = found or _is_act(token)
    return found


def _passive(verb: Any) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _accused(verb: Any) -> Any | None:
    """Whom the accusing verb holds responsible: the object of 'blame', 'accuse', 'suspect', 'hold ...
    responsible'; the passive subject ('X was blamed'); 'on X' ('blamed the attack on X'), 'to X'
    ('attributed to X'); the subject of 'is responsible for'. None for a verb only planned or possible."""
    heads = (verb, verb.head) if verb.dep_ == "conj" else (verb,)  # 'to kill them and then attribute ...'
    if verb.pos_ not in ("VERB", "AUX") or any(
        c.dep_ in ("aux", "mark") and c.lower_ in _MODALS for h in heads for c in h.children
    ):
        return None
    word = verb.lower_

    def child(*deps: str) -> Any | None:
        return next((c for c in verb.children if c.dep_ in deps), None)

    def pobj(prep: str) -> Any | None:
        obj = child("dobj")  # 'blamed the attack on X': the parser may hang 'on X' on the act
        for head in (verb, obj) if obj is not None and _is_act(obj) else (verb,):
            for c in head.children:
                if c.dep_ in ("prep", "dative", "agent") and c.lower_ == prep:
                    return next((o for o in c.children if o.dep_ == "pobj"), None)
        return None

    if word in _COPULAS:
        return _subject(verb) if any(c.lower_ in _ANSWERABLE for c in verb.children) else None
    if word.startswith("attribut"):
        return pobj("to")
    if word.startswith("blam"):
        return pobj("on") or (child("nsubjpass") if _passive(verb) else child("dobj"))
    if word.startswith(("accus", "suspect")):
        return child("nsubjpass") if _passive(verb) else child("dobj")
    if word.startswith(("hold", "held")):
        return child("nsubjpass") if _passive(verb) else child("dobj")
    return None


_QUOTED_NAME = re.compile(r",?\s*(?:the\s+)?[\"“]([^\"”\n,]{2,60})[\"”]", re.IGNORECASE)
# A name in quotes just before the head word it qualifies: 'a self-styled "Free Valley Forces" group'.
_QUOTED_BEFORE = re.compile(r"[\"“][^\"”\n,]{2,60}[\"”]\s*$")


def _member_phrase(token: Any, text: str) -> tuple[str, Span]:
    """The phrase of `token`, through 'of X' when it names a part of a group ('members of the FARC'), and
    through 'and Y' ('government and army sectors')."""
    span = _phrase(token, source=text)[1]
    left = token.left_edge  # modifiers of modifiers too: 'armed forces elements', not 'forces elements'
    if left.idx < span.start and not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in token.doc[left.i : token.i]):
        stripped = text[left.idx : span.end]
        while _DETERMINERS.match(stripped):  # 'even the Tuareg rebels'
            stripped = _DETERMINERS.sub("", stripped, count=1)
        span = Span(span.end - len(stripped), span.end)
    named = _QUOTED_BEFORE.search(text, max(0, token.idx - 80), token.idx)
    if named is not None and named.start() < span.start:  # 'a self-styled "Free Valley Forces" group'
        span = Span(named.start(), span.end)
    called = _called(token)
    if called is not None:  # 'the guerrilla group called the X', 'a group calling itself the X'
        end = max(t.idx + len(t.text) for t in called.subtree if t.dep_ != "punct" or t.text == ")")
        return _closed(text, Span(span.start, end))
    appos = next((c for c in token.rights if c.dep_ == "appos" and c.i <= token.i + 4), None)
    quoted = _QUOTED_NAME.match(text, span.end)
    if appos is not None or quoted:  # 'the Maoist organisation, "Sendero Luminoso"'
        end = quoted.end() if quoted else _phrase(appos, source=text)[1].end
        return _closed(text, Span(span.start, end))
    conj = next((c for c in token.rights if c.dep_ == "conj" and c.i <= token.i + 4), None)
    if conj is not None and any(c.dep_ == "cc" for c in token.rights):
        end = _phrase(conj, source=text)[1].end
        return text[span.start : end], Span(span.start, end)
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if token.lower_ not in _MEMBERS or prep is None:
        return _closed(text, span)
    last = max(t.i for t in prep.subtree)
    if last + 1 < len(token.doc) and _from_group(token.doc[last + 1]):  # 'a group of terrorists from the X'
        last = max(t.i for t in token.doc[last + 1].subtree)
    last = min(last, prep.i + 20)  # (line breaks are tokens too)
    # the group's name, not where its members were or what they did: 'members of the X near the border'
    stop = next((t.i for t in token.doc[prep.i + 1 : last + 1] if _ends_name(t) and not _from_group(t)), last + 1)
    end = token.doc[max(prep.i + 1, stop - 1)]
    end_char = end.idx + len(end.text)
    return _closed(text, Span(span.start, end_char))


# Participles that give a group's name: 'a group called X', 'calling itself X', 'known as X'.
_CALLED = frozenset(["called", "calling", "named", "known", "styled"])


def _called(token: Any) -> Any | None:
    """The name a participle gives the group `token`: the head of X in 'group called X', 'known as X'."""
    for acl in token.rights:
        if acl.dep_ != "acl" or acl.lower_ not in _CALLED:
            continue
        for child in acl.children:
            reflexive = child.lower_ in ("itself", "themselves")
            if child.dep_ in ("oprd", "attr") or (child.dep_ == "dobj" and not reflexive):
                return child
            if child.dep_ == "prep" and child.lower_ == "as":
                return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _closed(text: str, span: Span) -> tuple[str, Span]:
    """The words at `span` with an acronym's closing bracket, which the parser may hang elsewhere: '(FEMADE)'."""
    close = re.match(r"\s*\)", text[span.end : span.end + 20])
    if close and text.count("(", span.start, span.end) > text.count(")", span.start, span.end):
        span = Span(span.start, span.end + close.end())
    return text[span.start : span.end], span


# Members named before the group they come from: 'a group of terrorists from the X'.
_MEMBERS = _PART_OF | frozenset(["terrorists", "guerrillas", "rebels", "insurgents", "subversives", "militiamen"])


def _from_group(token: Any) -> bool:
    """Whether `token` is the 'from' of 'terrorists from the X', which goes on to the group's name."""
    return token.lower_ == "from" and token.i > 0 and token.nbor(-1).lower_ in _MEMBERS


def _ends_name(token: Any) -> bool:
    return (token.dep_ in ("prep", "acl", "relcl") and token.lower_ != "of") or token.text in (",", ";", "--")


def _covered(response: Response, others: list[Response]) -> bool:
    return any(o.span.start < response.span.end and response.span.start < o.span.end for o in others)


def _negated(token: Any, who: Any) -> bool:
    """Whether the response is said not to have happened: a negated verb, or 'no one' / 'no group' doing it."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if any(
        child.dep_ == "neg" or (child.lower_ == "longer" and child.i > 0 and child.nbor(-1).lower_ == "no")
        for child in verb.children
    ):
        return True  # 'did not', 'is no longer accused'

    if who is None:
        return False
    # 'no foreigners are held hostage by X': the act's own subject is none
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"] if who.dep_ == "pobj" else []
    return who.lower_ in ("nobody", "none", "no-one") or any(
        child.dep_ == "det" and child.lower_ in ("no", "none") for head in (who, *subjects) for child in head.children
    )


def attribute(
    doc: Any,
    text: str,
    event_spans: list[Span],
    response_spans: list[Span],
    *,
    entities: Callable[[Any], None] | None = None,
) -> Attribution:
    """Status, sources, context and modality of one event from its sentences; responses from `response_spans`.

    `entities`: as for `sources`.
    """
    cue = lexicons.cues("discourse")
    evidence: dict[str, tuple[Span, ...]] = {}
    status = "reported"
    for name in ("denied", "alleged", "confirmed"):
        hits = [h for s in event_spans for h in lexicons.find(cue[name], s.of(text), offset=s.start)]
        if hits:
            status = name
            evidence["status"] = tuple(hits)
            break
    said = sources(doc, event_spans + [s for s in response_spans if s not in event_spans], text=text, entities=entities)
    names: list[str] = []
    spans: list[Span] = []
    for name, span in said:
        if name.lower() not in (n.lower() for n in names):
            names.append(name)
            spans.append(span)
    if names:
        evidence["claimed_by"] = tuple(spans)
    responses = _responses(doc, text, response_spans) + _accusations(doc, text, response_spans)
    responses += [r for r in _agents_of_acts(doc, text, response_spans) if not _covered(r, responses)]
    if responses:
        evidence["responses"] = tuple(r.span for r in responses)
    context: list[str] = []
    context_spans: list[Span] = []
    for label, pattern in lexicons.labelled("discourse", "context"):
        hits = [h for s in event_spans for h in lexicons.find(pattern, s.of(text), offset=s.start)]
        if hits:
            context.append(label)
            context_spans.extend(hits)
    if context:
        evidence["context"] = tuple(context_spans)
    modality: list[str] = []
    modality_spans: list[Span] = []
    for label, pattern in lexicons.labelled("discourse", "modality"):
        for s in event_spans:
            for m in pattern.finditer(s.of(text)):
                words = m.groupdict().get("object")
                name = label.format(object=" ".join(words.lower().split())) if words else label
                if name not in modality:
                    modality.append(name)
                modality_spans.append(Span(s.start + m.start(), s.start + m.end()))
    if modality:
        evidence["modality"] = tuple(modality_spans)
    return Attribution(status, tuple(names), tuple(responses), tuple(context), tuple(modality), evidence)
