"""Who did and who suffered an event's violence, read from spaCy's parse of its trigger words.

The patient of a violent verb (its object, its passive subject, the noun after 'on') says whether armed
men or civilians were hit; its agent (its subject, the noun after passive 'by') whether a crowd did it.
events.py decides with them between a battle, an attack on civilians and mob violence.
"""

from __future__ import annotations

import re
from typing import Any

from conflictdb.extract import lexicons
from conflictdb.models import Span

Hits = dict[str, list[Span]]

# Words for attackers that may name a crowd as well as an armed group.
LOOSE = re.compile(
    r"attackers|assailants|thugs|criminals|miscreants|robbers|gangsters?|gang members|suspects?|"
    r"\b(?:persons|people|individuals)\b",
    re.IGNORECASE,
)

_VIOLENT_VERBS = ("kill", "assault", "abduction", "sexual", "clash")


def victims(hits: Hits, sdoc: Any, text: str) -> tuple[bool, bool] | None:
    """Whether the parse puts armed people, or unarmed people, on the receiving end of the violence.

    The patient of a violent verb: its object, its passive subject, or the noun after 'on'/'of'
    ('an attack on a police vehicle', 'the deaths of 24 civilians'). None when the parse names none.
    """
    cue = lexicons.cues("events")
    armed = civilian = False
    seen = False
    for name in _VIOLENT_VERBS:
        for hit in hits.get(name, ()):
            span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None:
                continue
            for patient in _patients(span.root):
                patient = _antecedent(patient, span.root)
                start, end = _phrase(patient)
                words = text[start:end]
                seen = True
                # a named group's leader or sympathiser, shot at home, is no armed side
                named = any(
                    start <= n.start and n.end <= end and not LOOSE.fullmatch(n.of(text))
                    for n in hits.get("named_armed", ())
                )
                # the noun that says who the patient is decides: 'a separatist leader', 'a police informer'
                head = _head_noun(patient)
                if _PRIVATE_GUARD.search(words):
                    civilian = True  # a bodyguard or a watchman is no party to the conflict (ACLED: civilians)
                elif _FORCE_OFFICIAL.search(words):
                    armed = True  # 'a police official', 'security officials': members of a force
                elif (
                    head is not None
                    and cue["civilian_party"].fullmatch(head)
                    and not cue["armed_party"].fullmatch(head)
                    and not _MEMBER.fullmatch(head)
                ):
                    civilian = True
                elif _CIVIL_OFFICER.search(words):
                    civilian = True  # 'an agricultural extension officer', 'a party officer': no police
                elif cue["armed_party"].search(words) or (named and not _CIVIL_ROLE.search(words)):
                    armed = True
                elif cue["civilian_party"].search(words):
                    civilian = True
    return (armed, civilian) if seen else None


_PRIVATE_GUARD = re.compile(r"\b(?:body ?guards?|watchm[ae]n|(?:security|night) guards?)\b", re.IGNORECASE)
_FORCE_OFFICIAL = re.compile(r"\b(?:police|security|army|military)\s+officials?\b", re.IGNORECASE)

# 'two policemen were on Friday shot dead': the subject of a passive told before the violence
_PASSIVE_GAP = re.compile(r"\s+(?:were|was|are|is|have been|has been)\b[^.;:,]{0,40}?\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s")
_BY = re.compile(r"\b(?:by|from|after|when|as)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)


def after_violence(hits: Hits, text: str) -> tuple[bool, bool]:
    """Without a parse: armed men or civilians named after the violence (not after 'by') were hit."""
    violent = [s.start for n in _VIOLENT_VERBS for s in hits.get(n, ())]
    if not violent:
        return False, bool(hits.get("civilian_party"))
    first = min(violent)

    def by(s: Span) -> bool:
        # a 'by', 'from' ... after the violence word that comes before: 'attack Kenyan civilians' is not
        # read through 'soldiers from Ethiopia' before it
        low = max([s.start - 40, *(v for v in violent if v < s.start)])
        return bool(_BY.search(text[max(0, low) : s.start]))

    def hit(name: str) -> bool:
        # (in the violence's own sentence: 'the police commander said ...' in the next one suffered nothing)
        return any(
            (any(v < s.start and not _SENTENCE_END.search(text, v, s.start) for v in violent) and not by(s))
            or (s.end <= first and _PASSIVE_GAP.fullmatch(text, s.end, first))
            for s in hits.get(name, ())
        )

    civilians = any(not by(s) for s in hits.get("civilian_party", ()))
    # without a parse, named civilians decide: armed men near them are more often the attackers
    return hit("armed_party") and not civilians, civilians


_UNNAMED = re.compile(r"\b(?:unknown|unidentified|armed|masked|hooded|suspected)\b", re.IGNORECASE)


def doers(
    hits: Hits, sdoc: Any, text: str, *, parties: bool = True, names: tuple[str, ...] = ("kill", "assault")
) -> str | None:
    """Who the parse makes the doer of the violence: 'crowd' (residents, a mob, students), 'armed' (armed
    men outside the state's forces, unknown attackers, a communal or party militia), 'state', or None.

    The doer of a violent verb: its subject (a verb joined to another shares its subject), or the noun
    after passive 'by'. Any armed doer outweighs a crowd. With `parties` false, a party's men are no militia.
    `names`: the triggers read (the damage's, 'riot' and 'looting', to ask who burnt or smashed something).
    """
    cue = lexicons.cues("events")
    # a party's men attacking its rivals are its militia (codebook: political militias)
    armed = [*hits.get("named_armed", ()), *hits.get("communal_party", ())]
    if parties:
        armed.extend(hits.get("named_party", ()))
    state = [*hits.get("state_party", ()), *hits.get("named_state", ())]
    found: set[str] = set()
    for name in names:
        for hit in hits.get(name, ()):
            span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None or span.root.lower_ in _NO_DEED or span.root.lower_.startswith("storm"):
                continue  # storming a building hurts no one by itself
            for agent in _agents(span.root):
                agent = _referent(agent)
                start, end = agent.left_edge.idx, agent.right_edge.idx + len(agent.right_edge.text)
                words = text[start:end]
                if any(start <= a.start < end for a in state):
                    found.add("state")
                elif (
                    cue["armed_party"].search(words)
                    or _UNNAMED.search(words)
                    or any(start <= a.start < end for a in armed)
                ):
                    found.add("armed")
                elif cue["mob_party"].search(words):
                    found.add("crowd")
    return next((k for k in ("armed", "state", "crowd") if k in found), None)


def _referent(token: Any) -> Any:
    """'The students walked out ... They beat up the principal': a subject 'they' stands for the nearest
    plural subject told before it (or the token itself when there is none)."""
    if token.lower_ != "they":
        return token
    doc = token.doc
    for k in range(token.i - 1, max(-1, token.i - 60), -1):
        t = doc[k]
        if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and t.lower_ != "they":
            return t
    return token


def state_doer(hit: Span, hits: Hits, sdoc: Any, text: str) -> bool:
    """Whether the parse makes the state's forces the subject of the verb at `hit` ('troops captured two
    posts'), or its agent after passive 'by' ('the camp was captured by the army')."""
    span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    state = [*hits.get("state_party", ()), *hits.get("named_state", ())]
    # (only the doer's phrase counts: 'rebels captured an army post' names the state in its object)
    for doer in _agents(span.root):
        start, end = doer.left_edge.idx, doer.right_edge.idx + len(doer.right_edge.text)
        if any(start <= a.start < end for a in state):
            return True
    return False


def agent(hit: Span, sdoc: Any) -> bool:
    """Whether the parse makes the phrase at `hit` the doer of a verb: its active subject, or the noun after
    passive 'by' ('suspected rustlers shot two men', 'shot by suspected rustlers')."""
    span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        return True
    return bool(root.dep_ == "pobj" and (root.head.dep_ == "agent" or root.head.lower_ == "by"))


def told_doer(hit: Span, sdoc: Any) -> bool:
    """Whether the parse makes the phrase at `hit` the doer of a finite verb or the agent after passive 'by'
    ('the attackers demanded ...', 'killed by armed men'); a subject of 'were' or of a participle is left
    out, as the parse often hangs a passive's patient there ('two policemen were ... shot dead')."""
    span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "nsubj":
        return bool(root.head.pos_ == "VERB" and root.head.tag_ in ("VBD", "VBZ", "VBP"))
    return bool(root.dep_ == "pobj" and (root.head.dep_ == "agent" or root.head.lower_ == "by"))


def targeted(hits: Hits, name: str, sdoc: Any) -> list[Span]:
    """The triggers of `name` that the parse makes the patient of the violence ('gunmen fired at a rally',
    'an attack on a procession'): the gathering was attacked, it did nothing."""
    patients: set[int] = set()
    for verb in ("assault",):  # (a death word's subject suffered, it was not attacked)
        for hit in hits.get(verb, ()):
            span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is not None:
                patients.update(p.i for p in _patients(span.root))
                # 'fired shots at a rally': what the fire was aimed at
                for prep in span.root.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "upon", "towards", "into"):
                        patients.update(c.i for c in prep.children if c.dep_ == "pobj")
    out: list[Span] = []
    for hit in hits.get(name, ()):
        span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None and span.root.i in patients:
            out.append(hit)
    return out


_AT = frozenset(["at", "during", "from", "after", "before", "near", "outside"])


def setting(hits: Hits, name: str, sdoc: Any) -> list[Span]:
    """The triggers of `name` that the parse puts in a phrase of place or time ('at a rally', 'returning from a
    march', 'during a procession'): where something happened, not what was done."""
    out: list[Span] = []
    for hit in hits.get(name, ()):
        span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _AT:
            out.append(hit)
    return out


# Nouns that say the victims were no fighters ('people' may be anyone, and is left out).
_NONCOMBATANT = re.compile(
    r"civilians?|bystanders?|passers-?by|non-?combatants|villagers?|residents?|women|children|girls?|boys?|babies|"
    r"infants|pupils|students?|schoolchildren|worshippers|passengers|farmers|fishermen|traders|shoppers|journalists?|"
    r"nurses?|doctors?|patients?|pedestrians?",
    re.IGNORECASE,
)


def noncombatants_hit(hits: Hits, sdoc: Any) -> bool:
    """Whether a violent verb's patient is named as no fighter ('killed three civilians', 'two bystanders were
    shot'), with no armed patient beside them."""
    found = False
    for name in ("kill", "assault"):
        for hit in hits.get(name, ()):
            span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
            if span is None:
                continue
            for patient in _patients(span.root):
                head = _head_noun(patient)
                if head is None:
                    continue
                if _NONCOMBATANT.fullmatch(head):
                    found = True
                elif lexicons.cues("events")["armed_party"].fullmatch(head):
                    return False
    return found


def set_alight(hit: Span, sdoc: Any) -> bool:
    """Whether what the parse makes the patient of the verb at `hit` is a person ('a boy was set on fire', 'set the
    man ablaze'), by the noun that heads it ('a passenger bus' is a bus)."""
    span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    cue = lexicons.cues("events")
    heads = [_head_noun(p) for p in _patients(span.root)]
    return any(h is not None and cue["civilian_party"].fullmatch(h) for h in heads)


def verbal(hits: Hits, name: str, sdoc: Any) -> bool:
    """Whether a trigger of `name` is a verb ('they clashed'), not a noun naming the setting ('during clashes')."""
    for hit in hits.get(name, ()):
        span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is not None and span.root.pos_ in ("VERB", "AUX"):
            return True
    return False


def crowd_stormed(hits: Hits, sdoc: Any, text: str) -> list[Span]:
    """The 'stormed' triggers whose doers are a crowd ('protesters stormed the governor's office'): forcing
    a way into a building, which the codebook counts among a demonstration's violence."""
    cue = lexicons.cues("events")
    out: list[Span] = []
    for hit in hits.get("assault", ()):
        span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None or not span.root.lower_.startswith("storm"):
            continue
        for doer in _agents(span.root):
            words = text[doer.left_edge.idx : doer.right_edge.idx + len(doer.right_edge.text)]
            if (cue["mob_party"].search(words) or cue["crowd_party"].search(words)) and not (
                cue["armed_party"].search(words) or cue["state_party"].search(words)
            ):
                out.append(hit)
    return out


def mob_doers(hits: Hits, sdoc: Any, text: str) -> bool:
    """Whether the parse makes an unorganised crowd, and no armed men, the doers of the violence."""
    return doers(hits, sdoc, text) == "crowd"


_NO_DEED = frozenset(["found", "discovered", "recovered", "died", "dead", "death", "deaths", "lost"])


# Verbs that need an object: with none, 'ten people killed' is a headline's passive, whatever the tagger says.
_TRANSITIVE = frozenset(["killed", "injured", "wounded", "hurt", "shot", "beaten", "abducted", "kidnapped", "murdered"])


def _headline_passive(token: Any) -> bool:
    # ('police shot and killed him': 'shot' shares the object of the verb joined to it)
    # ('police shot into the crowd': a preposition takes the object's place)
    # A transitive verb with no object is a passive when its subject is counted ('ten people killed'), when a
    # 'by' names the doer ('a guard shot dead by gunmen') or when the result follows it ('a reservist shot
    # dead'): 'X shot Y dead' needs its Y.
    return (
        token.lower_ in _TRANSITIVE
        and token.dep_ != "conj"
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "conj", "prt") for c in token.children)
        and not any(c.dep_ == "prep" and c.lower_ in ("at", "into", "on", "upon", "towards") for c in token.children)
        and any(c.dep_ == "nsubj" for c in token.children)
        and (
            any(c.dep_ == "nsubj" and any(g.dep_ in ("nummod", "quantmod") for g in c.children) for c in token.children)
            or any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in token.children)
            or any(c.dep_ in ("acomp", "oprd", "advmod") and c.lower_ == "dead" for c in token.children)
            # 'police reservist killed when raiders attack', 'two herders killed in Turkana': the verb's setting
            # follows at once where its object would stand
            or any(
                c.left_edge.i == token.i + 1
                and (
                    (c.dep_ == "advcl" and c.left_edge.lower_ in _SETTING)
                    or (c.dep_ == "prep" and c.lower_ in _SETTING)
                )
                for c in token.children
            )
        )
    )


_SETTING = frozenset(["in", "near", "during", "while", "after", "when", "as"])


def _agents(token: Any) -> list[Any]:
    # 'three people killed in ...': a participle with no auxiliary is a passive too
    # ('residents beat up and lynched a thief': a participle's tag with an object, its own or its joined
    # verb's, is a past tense)
    passive = (
        any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        or (
            token.tag_ == "VBN"
            and not any(c.dep_ == "aux" for c in token.children)
            and not any(c.dep_ == "dobj" for v in (token, *token.conjuncts) for c in v.children)
        )
        or _headline_passive(token)
    )
    out = [c for c in token.children if c.dep_ == "nsubj" and not passive]
    for child in token.children:
        if child.dep_ == "agent" or (
            child.dep_ == "prep" and child.lower_ == "by" and (token.pos_ == "NOUN" or passive)
        ):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if not out and token.dep_ == "conj" and token.head is not token and not passive:
        return _agents(token.head)  # 'residents seized him and beat him'
    if not out and passive:
        # 'beaten to death and set on fire by residents': joined passives share the 'by'
        for verb in token.conjuncts:
            for child in verb.children:
                if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                    out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


# 'the attack of assailants': after these nouns 'of' names the doers, not the victims
# A member of a named group in one of these roles is no fighter when attacked.
_CIVIL_ROLE = re.compile(
    r"\b(?:leaders?|sympathi[sz]ers?|clerics?|relations?|relatives?|sons?|daughters?|wi(?:fe|ves)|brothers?|"
    r"politicians?|candidates?|councill?ors?|officials?|supporters?|workers?|"
    # an office-holder of a party or an organisation ('the general secretary of the ASWJ unit')
    r"secretar(?:y|ies)|president|chairm[ae]n|chairpersons?|spokes(?:m[ae]n|persons?)|treasurers?)\b",
    re.IGNORECASE,
)
_BY_OF = frozenset(["attack", "attacks", "assault", "assaults", "raid", "raids", "shooting", "firing"])
_NOUN_PARTS = frozenset(["det", "nummod", "amod", "compound", "poss", "nmod", "quantmod", "case", "punct"])


def _phrase(token: Any) -> tuple[int, int]:
    """Character offsets of a noun phrase without its clauses: 'three people' in 'three people killed as
    raiders attacked', 'members of the group' with its 'of'."""
    tokens = [token]
    for child in token.children:
        # (a comma hung on the noun closes it: 'tourist killed by armed men, ...' is no part of 'tourist')
        if child.dep_ == "punct" and child.tag_ != "HYPH":
            continue
        if child.dep_ in _NOUN_PARTS or (child.dep_ == "prep" and child.lower_ == "of"):
            tokens.extend(child.subtree)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


# Head nouns that leave the decision to the whole phrase: a group's own ('a Maoist leader', 'an al Shabaab
# suspect') and generic nouns ('an army man').
# Officers of civil services, elections or parties: officials, not police.
_CIVIL_OFFICER = re.compile(
    r"\b(?:(?i:extension|education|health|medical|revenue|returning|presiding|electoral|election|agricultural|"
    r"agriculture|veterinary|probation|welfare|information|project|loan|bank|administrative|tax|land|fisheries|"
    r"livestock|party|district|county))\s+(?i:officers?)\b"
)
_MEMBER = re.compile(r"(?:suspect|leader|member)s?|m[ae]n|wom[ae]n|persons?|people|individuals?", re.IGNORECASE)


def _antecedent(patient: Any, verb: Any) -> Any:
    """'targeted two guards, killing them': a pronoun object of a verb hung on another is that verb's object."""
    if patient.lower_ not in ("him", "her", "them") or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return patient
    return next((c for c in verb.head.children if c.dep_ == "dobj"), patient)


def _head_noun(token: Any) -> str | None:
    """The last common noun of a patient's phrase up to its head ('informer' in 'police informer Ramesh')."""
    nouns = [t for t in token.subtree if t.i <= token.i and t.pos_ == "NOUN"]
    return nouns[-1].text if nouns else None


_LOSE = ("lose", "loses", "lost", "losing")
_DEATH = frozenset([*_LOSE, "died", "die", "dies"])  # ("shot dead four herders": a parse may give "dead" an object)


def _patients(token: Any) -> list[Any]:
    out: list[Any] = []
    # a passive verb has no object: a noun parsed as one is an aside ('was killed (unidentified assailant)')
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    # 'two police killed on duty', 'a guard shot dead by gunmen': the subject of a bare participle, or of
    # a verb with a 'by' agent, suffers it
    bare = (
        (token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in token.children))
        # 'two officers died', 'two officers lost their lives': the dead suffered it
        or token.lower_ in ("died", "dead", "die", "dies", *_LOSE)
        or _headline_passive(token)
    ) and (
        # ('rustlers shot dead four herders': with an object of its own, the subject did it; 'bandits attacked
        # and injured two herders': or with the object of a verb joined to it, the tagger's participle is a past)
        # ('the soldier died and the assailants fled the scene': a death verb takes no object, so one joined to it
        # is another verb's)
        token.lower_ in _DEATH or not any(c.dep_ == "dobj" for v in (token, *token.conjuncts) for c in v.children)
    )
    by = any(c.dep_ == "agent" for c in token.children)
    for child in token.children:
        if (
            (child.dep_ == "dobj" and not passive)
            or child.dep_ == "nsubjpass"
            or (child.dep_ == "nsubj" and (bare or by))
        ):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
        elif (
            child.dep_ == "prep"
            # ('On 2 May, on the road to X, a police officer was attacked': a phrase told before the verb sets the
            # scene; the attack's target follows it)
            and (child.i > token.i or token.pos_ != "VERB")
            and (child.lower_ in ("on", "against", "upon") or (child.lower_ == "of" and token.lower_ not in _BY_OF))
        ):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    if not out and token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
        out.append(token.head)  # 'civilians killed in the attack'
    if not out:
        out = _shared_patients(token, passive=passive or bare or by)
    return out


_SURVIVE = frozenset(["survive", "escape"])
_SUBJECTS = ("nsubj", "nsubjpass")


def _shared_patients(token: Any, *, passive: bool) -> list[Any]:
    """Patients the parse hangs elsewhere: the object of a verb joined after ('shoot and injure a police officer'),
    the subject of the verb a passive is joined to ('a soldier found on the border was shot'), the subject that
    survived an attack ('the officer survived the attack'), or the noun told right before a passive's 'was' when the
    parse gives it no subject ('a police officer from X was attacked')."""
    if token.pos_ == "NOUN":
        if token.dep_ == "dobj" and token.head.lemma_ in _SURVIVE:
            return [c for c in token.head.children if c.dep_ == "nsubj"]
        return []
    if not passive:
        return [c for v in token.conjuncts if v.i > token.i for c in v.children if c.dep_ == "dobj"][:1]
    verb = token
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
        found = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if found:
            return found
    aux = next((c for c in token.children if c.dep_ == "auxpass" and c.i < token.i), None)
    if aux is None or aux.i == 0:
        return []
    noun = token.doc[aux.i - 1]
    # ('a police officer from Huitzuco was attacked': the place is the officer's, the officer was attacked)
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return [noun] if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ not in _SUBJECTS else []


_NOT_ACTIVE = re.compile(r"\b(?:is|are|was|were|been|being|by|who|that)\b|[.;:]", re.IGNORECASE)


def does(party: Span, hits: Hits, sdoc: Any, text: str) -> bool:
    """Whether the people at `party` do the violence: the parse makes them a doer, or a violent verb follows
    them closely in the active voice (a parse may miss it: 'Suspected rustlers from X shot ...')."""
    if agent(party, sdoc):
        return True
    words = sdoc.char_span(party.start, party.end, alignment_mode="expand")
    if words is None or any(t.pos_ not in ("DET", "PUNCT", "SPACE") for t in sdoc[words.sent.start : words.start]):
        return False  # not the sentence's opening phrase: its subject, if any, is elsewhere
    return any(
        0 <= x.start - party.end <= 40 and not _NOT_ACTIVE.search(text, party.end, x.start)
        for n in ("kill", "assault")
        for x in hits.get(n, ())
    )


def armed_seized(hits: Hits, sdoc: Any, text: str) -> bool:
    """Whether armed men, and no civilians, were seized, and no civilians were killed ('soldiers abducted and
    then killed'): an attack on armed men, which the codebook counts as a battle."""
    seized = victims({"abduction": hits["abduction"]}, sdoc, text)
    killed = victims({"kill": hits["kill"]}, sdoc, text)
    return seized == (True, False) and not (killed is not None and killed[1])


_DIRECT = re.compile(
    r"\b(?:gunfire|gunshots?|gun attack|gun and (?:rocket|grenade|mortar)|small arms|heavy firing|direct fire|"
    r"(?:opened|open|opening) fire|fir(?:ed|ing) (?:their |his )?(?:weapons|guns|rifles)|stormed|raided)\b",
    re.IGNORECASE,
)
_GUNSHOT = re.compile(
    r"\b(?:shot|shoots?|shooting|gun\w*|opened fire|opens? fire|fired|firing)\b(?! (?:\w+ ){0,2}arrows)", re.IGNORECASE
)


def gunshot(hit: Span, text: str) -> bool:
    """Whether a violent trigger tells a shooting ('shot dead', 'opened fire'; not 'shot arrows', 'set on fire')."""
    found = _GUNSHOT.search(text[hit.start : hit.end + 20])
    return found is not None and found.start() < hit.end - hit.start


def direct_fire(hits: Hits, text: str) -> bool:
    """Whether guns were fired at close range beside the remote weapons ('gunshots and explosions', 'rocket
    fire and then militants stormed the base'), in the event's own words."""
    spans = [x for n in ("assault", "clash", "kill", "shelling", "ied", "grenade") for x in hits.get(n, ())]
    if not spans:
        return False
    start, end = min(x.start for x in spans), max(x.end for x in spans)
    return bool(_DIRECT.search(text, max(0, start - 80), min(len(text), end + 80)))
