"""What a sentence tells that is not its event: a reason ('in reprisal for clashes'), a trend ('a wave of
kidnappings'), what a crowd protests or what set it off, what did not happen ('no protests'), a figure of
speech ('to battle the coronavirus'), the deed someone is accused of ('two men accused of burning a bus'), an incident
dated before the event ('after the riots in the previous week'). events.find() leaves the triggers inside these out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from conflictdb.models import Span

# 'militants might attack the town again', 'so that the people could kill them': an act a modal with the bare verb
# says is possible is not told as done. A modal perfect ('soldiers could have killed the priests', 'may be involved
# in the attack') hedges who did a deed that was done: that stays an event (MUC-4 names the suspected doers).
_POSSIBLE = re.compile(
    r"\b(?:may|might|could)\s+(?:not\s+|well\s+|also\s+|even\s+|again\s+)?"
    r"(?:kill|murder|kidnap|abduct|attack|bomb|blow|burn|assassinat|execut|behead|storm|shoot|shot|torch|massacr|"
    r"raid|ambush|loot|set)\w*|"
    # 'as we have demonstrated through our operations': 'demonstrate' in a comment clause means 'show'
    r"\bas\s+(?:(?:we|I|you|it|this|they|he|she)\s+)?(?:have|has|had)\s+(?:\w+\s+)?(?:been\s+)?demonstrated\b",
    re.IGNORECASE,
)
# 'a reprisal for clashes with ...': the clashes are the reason, not the event.
_REASON = re.compile(
    r"\b(?:(?:reprisal|retaliation|revenge|retribution|response|reaction)\s+(?:for|to|against|over|after)|"
    r"in the (?:context|wake|aftermath) of|amid)\s+[^,.;:]*|"
    # 'soldiers fought raiders following an attack on farmers': the attack that set the fight off
    r"\bfollowing\s+(?:an?\s+|the\s+|their\s+)?(?:\w+\s+)?(?:attacks?|raids?)\s+(?:on|against)\s+[^,.;:]*|"
    # 'linked to the ongoing post-election violence': the conflict an incident belongs to
    r"\b(?:linked|related|connected|tied) (?:to|with) (?:[\w'-]+ ){0,4}?"
    r"(?:violence|clash\w*|conflicts?|fighting|attacks|disputes?|feuds?|tensions?|unrest|killings)\b|"
    # 'a wave of kidnappings', 'the campaign of bombings': a trend, not one incident
    r"\b(?:wave|waves|series|spate|campaign|string|escalation|upsurge|surge) of (?:\w+ ){0,2}?(?:terrorist |violent )?"
    r"(?:kidnapp?ings|bombings|murders|killings|assassinations|attacks|massacres|abductions|violence|terrorism)\b|"
    # 'deployed to prevent violence', 'to quell any rioting': what was to be averted did not happen
    r"\b(?:(?:to|would|could)\s+(?:prevent|avert|forestall|avoid|pre-?empt|deter|head off)|"
    r"(?:quell|contain|stop)\s+any)"
    r"\s+(?:any\s+|further\s+|possible\s+|more\s+)?(?:[\w-]+\s+){0,2}?(?:violence|clash\w*|riot\w*|attacks?|unrest|"
    r"fighting|bloodshed|trouble|skirmish\w*|tension)\b|"
    # 'threatened to kill ten judges', 'urged the army to stop murdering': an act intended or to end, not done
    r"\b(?:threaten\w*|vow(?:s|ed|ing)?|plann(?:ed|ing)|plans?|plott(?:ed|ing)|intend\w*|pledg\w*)\s+to\s+"
    r"(?:\w+\s+){0,2}?(?:kill|murder|kidnap|abduct|attack|bomb|blow|burn|assassinat|execut|behead|storm|shoot|torch)\w*|"
    r"\b(?:stop|end|halt|cease)(?:s|ped|ping|ed|ing)?\s+(?:the\s+)?"
    r"(?:killing|murdering|kidnapp?ing|abducting|bombing|attacking|massacring|torturing)s?\b",
    re.IGNORECASE,
)


# What a crowd protests ('a rally against the attack on police', 'demanding the arrest of those who set fire
# to the crops'): its grievance, a phrase that ends where the crowd's own words begin ('... on Saturday
# torched a bus', '... turned violent', '... and burned tyres').
_PROTESTED = re.compile(
    r"\b(?:against|over|demand(?:ed|ing)|to demand|condemn(?:ed|ing)|denounc(?:ed|ing))\s+"
    r"(?P<object>(?:(?!\b(?:and|on|in|at|by|to|with|amid|when|while|as|after|before|turn(?:s|ed|ing)?|bec(?:a|o)mes?|went|broke|began|"
    r"(?<!who )(?<!that )(?<!the )(?<!an )(?<!a )(?<!alleged )(?<!were )(?<!was )(?<!been )"
    r"(?:threw|throw|throwing|hurled|torched|burn\w*|pelt\w*|stoned|attack\w*|clash\w*|beat|lynch\w*|"
    r"fought|fighting|block\w*|set|vandali[sz]\w*|ransack\w*|loot\w*|damag\w*|raid\w*|storm\w*))\b)[^,.;:(\[])+)",
    re.IGNORECASE,
)
# 'residents demonstrated after gunmen set the market alight': what set a protest off, told after its verb,
# runs to the clause's end or to the crowd's own next act ('... and burned tyres'); an after-clause that
# tells the crowd's own acts ('after they threw stones') is none.
_SET_OFF = re.compile(
    r"\b(?:protest(?:s|ed|ing)?|demonstrat(?:e|es|ed|ing|ions?)|rall(?:y|ies|ied)|march(?:ed|es)?|sit-ins?|strikes?|"
    r"picket(?:s|ed|ing)?|agitat(?:e|ed|ing|ions?))\b"
    r"(?:\([^)]{0,40}\)|[^,.;:(]){0,80}?\b(?:after|following)\s+"
    r"(?!(?:they|them|the (?:protesters|demonstrators|crowd|students|youths|rioters|mob|marchers))\b)"
    r"(?P<object>(?:(?!\band\s+(?:then\s+)?(?:threw|hurled|torched|burn\w*|pelt\w*|stoned|attack\w*|clash\w*|"
    r"fought|block\w*|set|vandali[sz]\w*|ransack\w*|loot\w*|storm\w*|beat|lynch\w*|march\w*|rall\w*|"
    r"demonstrat\w*|protest\w*)\b)[^,.;:(\[])+)",
    re.IGNORECASE,
)
# 'arrested for their involvement in arson attacks', 'detained over the killing of a chief': the deed people
# are held for is past, or told as its own event elsewhere; the phrase ends where the sentence goes on
# ('... was killed in a gunfight')
_HELD_FOR = re.compile(
    r"\b(?:(?:arrested|detained|booked|nabbed|apprehended|remanded|held|rounded up)"
    r"(?:\s+(?!(?:after|when|as|while|because|following)\b)[\w'-]+){0,4}?\s+"
    r"(?:for|over|in connection with)|(?:involvement|complicity) in)\s+(?!\d)"
    # (a protest people were held for is the event: ACLED codes the protest)
    r"(?![^,.;:]*\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|march\w*|strike|effig\w*|flags|slogans|picket\w*|sit-ins?|"
    r"block\w*)\b)"
    r"(?P<object>(?:(?!\b(?:was|were|is|are|has|have|had|who|which|when|while|after|before|by)\b)[^,.;:(\[])+)",
    re.IGNORECASE,
)
# 'two activists accused of vandalising a bank', 'gang members suspected of raping a woman', 'those involved in the
# killing': the deed a person named by a noun is accused of is what the report's event answers (an arrest, a protest,
# a killing of the suspects), not the event; 'police were accused of beating civilians' tells the event itself
# (a finite verb, not a noun's participle)
_ALLEGED = re.compile(
    r"(?<!\bwere )(?<!\bwas )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bget )(?<!\bgot )"
    r"(?<!\bwho )(?<!\bthat )(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\band )(?<!\bor )(?<!\bthe )"
    r"(?<!\ban )\b(?:accused|suspected|charged|convicted|involved|implicated)\s+(?:of|in|with)\s+(?!\d)"
    # (a phrase with a protest in it runs into the sentence's own act: 'workers involved in power distribution held
    # a protest'; a regular expression cannot tell where the participle's phrase ends there)
    # (the month is no march: 'accused of burning a bus on March 10')
    r"(?![^,.;:]*\b(?:protest\w*|demonstrat\w*|rall(?:y|ies)|(?<!\d )march\w*(?! \d)|strike|picket\w*|sit-ins?)\b)"
    r"(?P<object>(?:(?!\b(?:was|were|is|are|has|have|had|who|which|when|while|after|before|by)\b)[^,.;:(\[])+)",
    re.IGNORECASE,
)
# 'after the protests and riots in the prisons in the previous week': an event an 'after' phrase dates before the
# report's own is its background
_EARLIER = re.compile(
    r"\b(?:after|following)\s+(?P<object>[^,.;:()]{1,120}?)\s+(?:"
    r"(?:in|on|during) the (?:previous|preceding) (?:day|week|weekend|night|month)|"
    r"the (?:previous|preceding) (?:day|week|weekend|night|month)|the (?:day|night|week) before|"
    r"(?:a|one|two|three|four|five|six|several|few|\d+) (?:days?|weeks?|months?|nights?) (?:earlier|before|ago)|"
    r"earlier (?:that|this|in the) (?:day|week|month|morning|evening|night))\b",
    re.IGNORECASE,
)
# 'wanted in cases including the 2003 attack on a police unit in which three were killed': an event the report names by
# its year is an earlier one it refers to; a relative clause after the noun ('on a police unit in which ...') belongs to
# it, to its clause's end ('survivors of the 2008 violence in Kiambaa gathered ...': the rest is the sentence's own)
_DATED = re.compile(
    r"\b(?:the|its|their|his|her)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+)?"
    r"(?:19|20)\d\d\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|explosions?|massacres?|killings?|murders?|assassinations?|riots?|clash(?:es)?|"
    r"violence|raids?|ambush(?:es)?|kidnapp?ings?|abductions?|shootings?|fighting|war|conflict|uprising|unrest|"
    r"insurgency|coup|protests?|demonstrations?|hartals?|strikes?)\b"
    r"(?:(?:\s+(?:on|in|at|against|of|near|by|from|targeting)(?:\s+[\w'-]+){1,8}?)?"
    r"\s+(?:in which|during which|which|that|where|who)\b[^,.;:()\[]*?"
    r"(?=\s+(?:as|when|while|but|before|after|and then)\b|[,.;:()\[]|$))?",
    re.IGNORECASE,
)
# 'Iraqi forces killed 2 IS suicide bombers', 'police arrested a would-be suicide bomber': bombers killed or caught
# set off no blast; between the verb and the bomber only a count, an article or a name ('killed five people
# including the suicide bomber' tells a blast)
_CAUGHT_BOMBER = re.compile(
    r"\b(?:killed|shot dead|arrested|captured|apprehended|nabbed|neutrali[sz]ed|intercepted|caught)\s+"
    r"(?:(?:a|an|the|two|three|four|five|six|\d+|would-be|potential|(?-i:[A-Z][\w-]*))\s+){0,3}"
    r"(?P<object>suicide bombers?)\b",
    re.IGNORECASE,
)
# 'no protests took place', 'devoid of running battles', 'without violence': what did not happen
_DENIED = re.compile(
    r"\b(?:no|nobody|none|without|devoid of|free of|nor|never)\s+(?!(?:fewer|less|more|sooner|longer)\b)"
    r"(?:[\w'-]+\s+){0,3}[\w'-]+",
    re.IGNORECASE,
)
_CROWD_ACT = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:ed|es)?|sit-ins?|strikes?|picket\w*|agitat\w*|"
    r"dharnas?|gheraos?|boycott\w*)\b",
    re.IGNORECASE,
)
# 'measures to battle the coronavirus': a fight that is a figure of speech
_FIGURATIVE = re.compile(
    r"\b(?:battl|fight|combat)\w*\s+(?:against\s+)?(?:the\s+)?(?:coronavirus|covid(?:-19)?|virus|pandemic|epidemic|"
    r"disease|corruption|poverty|drugs|drug abuse|crime|inflation|unemployment|hunger|illiteracy)\b",
    re.IGNORECASE,
)


def masks(text: str, span: Span) -> list[Span]:
    """Parts of a sentence that give a reason ('in reprisal for clashes'), a trend ('a wave of
    kidnappings'), a protest's grievance or a figure of speech, not the event itself."""
    chunk = span.of(text)
    found = [m for pattern in (_REASON, _FIGURATIVE, _DENIED, _POSSIBLE, _DATED) for m in pattern.finditer(chunk)]
    spans = [Span(span.start + m.start(), span.start + m.end()) for m in found]
    spans += _objects(_SET_OFF.finditer(chunk), span.start) + _objects(_HELD_FOR.finditer(chunk), span.start)
    spans += alleged(text, span)
    spans += _objects(_EARLIER.finditer(chunk), span.start)
    spans += _objects(_CAUGHT_BOMBER.finditer(chunk), span.start)
    protested = (m for m in _PROTESTED.finditer(chunk) if _CROWD_ACT.search(chunk, 0, m.start()))
    return spans + _objects(protested, span.start)


def alleged(text: str, span: Span) -> list[Span]:
    """The deeds a sentence says someone named by a noun is accused or suspected of ('two activists accused of
    vandalising a bank'). A sentence that tells nothing else ('reservist implicated in murder of farmer', a headline
    with its verb left out) tells the deed itself: events.find() then reads them."""
    return _objects(_ALLEGED.finditer(span.of(text)), span.start)


def _objects(matches: Iterable[re.Match[str]], offset: int) -> list[Span]:
    """Where each match's 'object' group lies in the text, its sentence starting at `offset`."""
    return [Span(offset + m.start("object"), offset + m.end("object")) for m in matches]


# What tells one incident: a place, a time or a count ('bombings in Kandahar', 'on Monday', 'two attacks').
_ANCHOR = frozenset(["GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY"])
_ANCHOR_DEPS = frozenset(["det", "nummod", "poss", "prep", "quantmod", "relcl", "acl"])


def trend(hit: Span, sdoc: Any) -> bool:
    """Whether a trigger names a trend, not an incident ('the province has long suffered cruel bombings'): a plural
    act noun with no determiner, number, owner or phrase of its own, an object in a sentence that tells no
    place, time or count."""
    span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # (a trend is told in the perfect or the progressive: 'has suffered bombings'; 'carried out raids' was one
    # time, and a headline's present 'hurl grenades' tells one incident)
    if root.tag_ != "NNS" or root.dep_ != "dobj" or root.head.tag_ not in ("VBN", "VBG"):
        return False
    if not any(c.dep_ == "aux" and c.lemma_ in ("have", "be") for c in root.head.children):
        return False
    if any(c.dep_ in _ANCHOR_DEPS for c in root.children):
        return False
    return not any(e.label_ in _ANCHOR for e in root.sent.ents)
