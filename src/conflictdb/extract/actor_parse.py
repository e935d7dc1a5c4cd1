"""Reading a sentence's parse for an event's actors: who did it, to whom, and with whom.

Works on spaCy tokens; the pipeline runs without spaCy's lemmatizer, so verbs are known by their forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from conflictdb.extract.actor_registry import ARMED, ETHNIC, NAMED, PARTY, STATE, VICTIM, Match

__all__ = [
    "Arguments",
    "arguments",
    "assailants",
    "conjoined_agents",
    "defenders",
    "inflected",
    "is_form",
    "is_verb",
    "objects",
    "phrase",
    "pick",
    "topic_only",
    "trigger_token",
]


def inflected(lemmas: Iterable[str]) -> frozenset[str]:
    """The forms of English verbs and nouns: 'repel' -> 'repels', 'repelled', 'repelling' (the pipeline runs
    without spaCy's lemmatizer, so words are matched by their forms)."""
    irregular = {"hold": ["held"], "see": ["saw", "seen"], "hear": ["heard"], "find": ["found"], "fight": ["fought"]}
    irregular |= {"catch": ["caught"], "think": ["thought"], "say": ["said"], "beat": ["beaten"]}
    out: set[str] = set()
    for word in lemmas:
        stem = word[:-1] if word.endswith("e") else word
        out.update([word, word + "s", word + "es", stem + "ed", stem + "ing", *irregular.get(word, [])])
        out.update([word + word[-1] + "ed", word + word[-1] + "ing"])  # 'repelled'; forms that are no words do no harm
    return frozenset(out)


def is_form(token: Any, forms: frozenset[str]) -> bool:
    return token.lower_ in forms or (bool(token.lemma_) and token.lemma_.lower() in forms)


_VERB_POS = ("VERB", "AUX")
# Verbs of fighting off an attack, and the attacks they fight off: the attack's author is the first side.
_DEFEND = inflected(["repel", "repulse", "thwart", "foil", "fend", "rebuff", "resist", "counter", "beat", "push"])
_ASSAULTS = inflected(["attack", "assault", "offensive", "ambush", "raid", "advance", "incursion", "attempt", "push"])
_TARGET_PREPS = frozenset(["on", "upon", "against", "at", "targeting", "of", "into"])
_DURING = frozenset(["during", "in", "amid", "after"])
# Verbs whose passive subject did what follows ('troops are accused of executing ...').
_BLAME_VERBS = inflected(
    [
        "accuse",
        "blame",
        "suspect",
        "charge",
        "hold",
        "believe",
        "say",
        "report",
        "allege",
        "think",
        "see",
        "witness",
        "hear",
        "find",
        "catch",
        "spot",
        "observe",
    ]
)
_PHRASE_DEPS = frozenset(["prep", "appos", "compound", "nmod", "amod", "acl", "nummod", "quantmod", "poss", "det"])
_PHRASE_PREPS = frozenset(["of", "from", "belonging", "loyal", "affiliated", "linked", "including"])


@dataclass(frozen=True, slots=True)
class Arguments:
    agents: tuple[Any, ...]  # spaCy tokens heading the doer's phrase, best first
    patients: tuple[Any, ...]  # ... the target's
    partners: tuple[Any, ...]  # the other side in 'X and Y clashed', 'clashes between X and Y'


def trigger_token(doc: Any, trigger: Any) -> Any:
    if trigger is None or doc is None or not len(doc):
        return None
    if hasattr(trigger, "root"):
        return trigger.root
    if hasattr(trigger, "dep_"):
        return trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return doc[min(len(doc) - 1, max(0, _token_at(doc, trigger.start)))]
    return span.root


def _token_at(doc: Any, char: int) -> int:
    return next((t.i for t in doc if t.idx + len(t.text) > char), len(doc) - 1)


def is_verb(token: Any) -> bool:
    return bool(token.pos_ in _VERB_POS or token.tag_.startswith("VB"))


def _verb_arguments(verb: Any, agents: list[Any], patients: list[Any], partners: list[Any]) -> None:
    for child in verb.children:
        dep = child.dep_
        if dep in ("nsubj", "csubj"):
            agents.append(child)
            partners.extend(child.conjuncts)
        elif dep in ("nsubjpass", "csubjpass"):
            patients.append(child)
            patients.extend(child.conjuncts)  # '9 soldiers and 5 militiamen were killed': both were hit
        elif dep == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            agents.extend(objs)
            for obj in objs:
                agents.extend(obj.conjuncts)
        elif dep in ("dobj", "obj", "dative"):
            patients.append(child)
            patients.extend(child.conjuncts)
        elif dep == "prep" and child.lower_ in _TARGET_PREPS | {"with"}:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            (partners if child.lower_ == "with" else patients).extend(objs)


def arguments(token: Any) -> Arguments:
    """The heads of the doer's and the target's phrases for a trigger word, from the dependency parse."""
    agents: list[Any] = []
    patients: list[Any] = []
    partners: list[Any] = []
    if is_verb(token) and is_form(token, _DEFEND):
        attack = next((c for c in token.children if c.dep_ in ("dobj", "obj") and is_form(c, _ASSAULTS)), None)
        if attack is not None:  # 'troops repelled a Taliban attack': the Taliban attacked, the troops fought back
            sub = arguments(attack)
            defenders: list[Any] = []
            _verb_arguments(token, defenders, [], [])
            return Arguments(sub.agents, (), tuple(defenders) + sub.patients)
    if is_verb(token):
        _verb_arguments(token, agents, patients, partners)
        current = token
        for _ in range(4):  # climb to a governing verb for a subject the trigger shares
            if agents or current.head is current:
                break
            dep, head = current.dep_, current.head
            if dep == "acl" and not is_verb(head):
                (patients if current.tag_ == "VBN" else agents).append(head)
                break
            if dep == "relcl":
                wh = [c for c in current.children if c.tag_ in ("WDT", "WP")]
                if wh and wh[0].dep_ == "nsubj":
                    agents.append(head)
                else:
                    patients.append(head)
                break
            if dep in ("prep", "pcomp", "pobj", "xcomp", "conj", "advcl") and is_verb(head):
                passive = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive and dep in ("pcomp", "xcomp", "prep") and is_form(head, _BLAME_VERBS):
                    agents.extend(passive)
                else:
                    sub_agents: list[Any] = []
                    sub_patients: list[Any] = []
                    _verb_arguments(head, sub_agents, sub_patients, partners)
                    agents.extend(sub_agents)
                    if not patients and dep == "conj":
                        patients.extend(p for p in sub_patients if p.dep_ == "nsubjpass")
            current = head
        if not agents:  # 'killed during a Pokot raid', 'wounded in an attack by gunmen': the assault's doers
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in _DURING:
                    for obj in (g for g in child.children if g.dep_ == "pobj" and not is_verb(g)):
                        agents.extend(arguments(obj).agents if is_form(obj, _ASSAULTS) else ())
    else:
        for child in token.children:
            if child.dep_ == "prep":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                word = child.lower_
                if word in ("by", "from"):
                    agents.extend(objs)
                elif word in ("between", "among"):
                    for obj in objs:
                        agents.append(obj)
                        partners.extend(obj.conjuncts)
                elif word == "with":
                    partners.extend(objs)
                elif word in _TARGET_PREPS:
                    patients.extend(objs)
            elif child.dep_ in ("poss", "compound", "amod", "nmod", "nsubj"):
                # (a subject: a verb the tagger took for a noun, as in capitals: 'THE ARMY BOMBED THE VILLAGE')
                agents.append(child)
            elif child.dep_ == "acl" and _agentive(child):  # 'a bomb planted by X', 'an attack carried out by X'
                agents.extend(g for t in child.subtree if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj")
        head = token.head
        if token.dep_ in ("dobj", "obj") and is_verb(head):
            objects: list[Any] = []
            _verb_arguments(head, agents, objects, partners)
            patients.extend(p for p in objects if p is not token)
        elif token.dep_ in ("nsubj", "nsubjpass") and is_verb(head):
            _verb_arguments(head, [], patients, partners)
        elif token.dep_ == "pobj" and is_verb(head.head):
            _verb_arguments(head.head, agents, patients, partners)
    return Arguments(tuple(agents), tuple(patients), tuple(partners))


def phrase(token: Any, *, stop: Any = None) -> tuple[int, int]:
    """Character range of a noun phrase headed by `token`, without relative clauses or conjuncts, and without
    the clause of `stop` (the act's own participle: 'two herders | killed during a raid by Pokot bandits')."""
    start = token.left_edge.idx
    end = token.idx + len(token.text)
    for child in token.rights:
        if child is stop or (stop is not None and child.dep_ == "acl" and _agentive(child)):
            break  # ... nor a participle's own doer: 'a bomb | planted by Al Shabaab'
        if child.dep_ in _PHRASE_DEPS and (child.dep_ != "prep" or child.lower_ in _PHRASE_PREPS):
            last = child.right_edge
            end = max(end, last.idx + len(last.text))
        elif child.dep_ in ("conj", "cc", "relcl", "punct"):
            break
    return start, end


def _agentive(clause: Any) -> bool:
    """Whether a participle's clause names its doer: 'planted by X', 'suspected to have been planted by X'."""
    return any(t.dep_ == "agent" for t in clause.subtree)


def pick(heads: Iterable[Any], matches: list[Match], *, stop: Any = None) -> list[Match]:
    """The matches inside each argument's phrase, the one on the phrase's head first."""
    out: list[Match] = []
    for head in heads:
        start, end = phrase(head, stop=stop)
        inside = [
            m
            for m in matches
            if (start <= m.extent.start and m.extent.end <= end) or m.extent.start <= head.idx < m.extent.end
        ]
        # the match on the phrase's head first, unless the head is a generic word and the phrase names
        # someone: 'fighters from the Pokot tribe', 'an armed group believed to be Al Shabaab'
        # ... and a generic force named after its owner: 'LNA air force', 'Houthi forces'
        named = [
            m
            for m in inside
            if m.entry.role in (NAMED, ETHNIC, PARTY) or (m.entry.role == STATE and not m.entry.generic)
        ]
        vague = (ARMED, VICTIM) if named or any(m.entry.role == STATE for m in inside) else ()
        # a generic force word before a name it belongs to is that name: 'commandos of the Shining Path'
        owner = [g for c in head.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        before = any(
            m.extent.end <= head.idx
            or (m.entry.role == NAMED and any(m.extent.start <= g.idx < m.extent.end for g in owner))
            for m in named
        )
        inside.sort(
            key=lambda m: (
                m.entry.generic and (m.entry.role in vague or (before and m.entry.role == STATE)),
                not (m.extent.start <= head.idx < m.extent.end),
                m.extent.start,
            )
        )
        out.extend(m for m in inside if m not in out)
    return out


def defenders(sent: Any, matches: list[Match]) -> list[Match]:
    """Matches naming who fought off an attack in a sentence: 'troops repelled an attack', 'the attack was
    repelled by the armed forces'."""
    if sent is None:
        return []
    out: list[Match] = []
    for token in sent:
        if not is_form(token, _DEFEND) or not is_verb(token):
            continue
        heads: list[Any] = []
        for child in token.children:
            if child.dep_ in ("dobj", "obj") and is_form(child, _ASSAULTS):
                heads.extend(c for c in token.children if c.dep_ == "nsubj")
            elif child.dep_ == "nsubjpass" and is_form(child, _ASSAULTS):
                for agent in (c for c in token.children if c.dep_ == "agent"):
                    heads.extend(g for g in agent.children if g.dep_ == "pobj")
        for head in heads:
            for each in (head, *head.conjuncts):
                start, end = phrase(each)
                out.extend(m for m in matches if start <= m.extent.start and m.extent.end <= end)
    return out


# Setting upon the other side: the side that does it began the fight (ACLED's actor1 of a battle).
_ASSAIL = inflected(["attack", "ambush", "raid", "storm", "assault", "overrun"])
# ... a force's post or convoy stands for the force
_POSTS = frozenset({
    "post", "posts", "checkpost", "checkpoint", "checkpoints", "outpost", "outposts", "camp", "camps", "base",
    "bases", "station", "stations", "convoy", "convoys", "patrol", "patrols", "position", "positions", "barracks",
})  # fmt: skip


def assailants(sent: Any, matches: list[Match]) -> list[Match]:
    """Matches naming who set upon an armed side in a sentence: 'the Taliban attacked a check post', 'gunmen
    ambushed an army convoy' (not 'raiders attacked a village', whose people are no side of a battle)."""
    if sent is None:
        return []
    out: list[Match] = []
    for token in sent:
        if not is_verb(token) or not is_form(token, _ASSAIL):
            continue
        hit = False
        for obj in (c for c in token.children if c.dep_ in ("dobj", "obj")):
            start, end = phrase(obj)
            armed = any(
                start <= m.extent.start and m.extent.end <= end and m.entry.role in (STATE, NAMED, ARMED)
                for m in matches
            )
            hit = hit or armed or obj.lower_ in _POSTS
        if not hit:
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            for each in (subject, *subject.conjuncts):
                start, end = phrase(each)
                out.extend(m for m in matches if start <= m.extent.start and m.extent.end <= end)
    return out


def objects(token: Any) -> tuple[str, ...]:
    """The lower-cased head words of what a verb, or the verbs joined to it, acted on: 'rioted and burned
    her home' -> ('home',); 'pelted stones at the convoy' -> ('stones', 'convoy')."""
    for _ in range(2):  # a noun or modifier as the trigger ('rioters set a bank on fire'): the verb it belongs to
        if token is None or is_verb(token) or token.head is token:
            break
        token = token.head
    if token is None or not is_verb(token):
        return ()
    out: list[str] = []
    for verb in (token, *(c for c in token.conjuncts if is_verb(c))):
        for child in verb.children:
            if child.dep_ in ("dobj", "obj", "nsubjpass"):
                out.extend(t.lower_ for t in (child, *child.conjuncts))
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                out.extend(g.lower_ for g in child.children if g.dep_ == "pobj")
    return tuple(out)


def conjoined_agents(token: Any) -> tuple[Any, ...]:
    """The agent that passive verbs joined by 'and' share: 'was shot at and wounded by X' (the parse hangs
    'by X' on the last verb only)."""
    if token is None or token.tag_ != "VBN":
        return ()
    verbs = [token, *token.conjuncts]
    if not any(c.dep_ in ("nsubjpass", "auxpass") for v in verbs for c in v.children):
        return ()
    out: list[Any] = []
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in (g for g in child.children if g.dep_ == "pobj"):
                    out.extend([obj, *obj.conjuncts])
    return tuple(out)


# Acts that a group undergoes or takes part in without doing violence: named as their object ('discuss
# disarming the X', 'talks with the X', 'a blow to the X'), the group is the topic, not the doer of an attack
# told beside it.
_TOPIC_VERBS = inflected(
    ["disarm", "demobilize", "demobilise", "discuss", "negotiate", "dismantle", "legalize", "legalise", "invite"]
)
_TOPIC_NOUNS = frozenset({
    "talks", "negotiations", "negotiation", "dialogue", "disarmament", "disarming", "demobilization",
    "demobilisation", "reintegration", "amnesty", "blow", "blows", "chief", "chiefs", "delegation", "envoy",
    "communique", "communiques", "statement", "proposal", "proposals", "demands", "conditions",
})  # fmt: skip
_TOPIC_PREPS = frozenset({"of", "with", "to", "between", "by"})
# Participles of saying, asking or making something that is no attack: 'the conditions demanded by the X', 'a
# campaign developed by the X' (the X is the doer of the demand, not of the act told beside it).
_MAKING = inflected(
    ["demand", "issue", "propose", "develop", "receive", "publish", "release", "broadcast", "sign", "announce",
     "offer", "present", "reject", "accept", "request", "send", "distribute"]
)  # fmt: skip
# Links that pass a name's place in the sentence on to the word it hangs on: 'the X and the Y', 'the X (Z)'.
_THROUGH = frozenset({"conj", "appos", "compound", "nmod", "amod", "poss"})


def topic_only(doc: Any, start: int, end: int) -> bool:
    """Whether the name at characters `start`-`end` is only the object of a non-violent act: 'to discuss
    disarming the X', 'talks with the X', 'the finance chief of the X' (never an attack's doer by itself)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    token = span.root
    for _ in range(4):
        if token.dep_ not in _THROUGH or token.head is token:
            break
        token = token.head
    head = token.head
    if token.dep_ == "dobj":
        return is_form(head, _TOPIC_VERBS)
    if token.dep_ == "pobj" and head.dep_ == "agent" and head.head.dep_ == "acl":
        return is_form(head.head, _MAKING)
    if token.dep_ == "pobj" and head.lower_ in _TOPIC_PREPS and head.head is not head:
        return head.head.lower_ in _TOPIC_NOUNS or is_form(head.head, _TOPIC_VERBS)
    return False
