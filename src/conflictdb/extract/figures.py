"""Counts of the dead and injured, by ACLED's rules, with UCDP's low / best / high.

ACLED: the lowest credible figure; 'a'/'an' is 1, 'several' 3, 'dozens' 12, 'hundreds' 100;
a total over several days or events is split across them. UCDP: 'at least 24' is low 24, best 24,
high unknown; 'between 10 and 15' is low 10, best 12, high 15.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from conflictdb.models import Span

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "single": 1, "lone": 1,
    "couple": 2, "pair": 2, "both": 2,
}  # fmt: skip
# ACLED's conventions for vague plurals (the codebook's 'dozens' = 12); 'several' and its kin = 3.
_VAGUE = {
    "dozen": 12, "dozens": 12, "several": 3, "many": 3, "multiple": 3, "numerous": 3, "some": 3,
    "scores": 20, "hundreds": 100, "thousands": 1000, "few": 2, "a few": 2, "a number": 3,
}  # fmt: skip

NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|(?!(?:19|20)\d\d\b)\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens(?: of)?|several|scores(?: of)?|"
    r"hundreds(?: of)?|thousands(?: of)?|a few|a number of|a couple of|a pair of|many|multiple|numerous|"
    r"a|an|single|lone|both)"
)
_QUAL = r"(?:(?:at least|atleast|not less than|no fewer than|a minimum of|more than|over|upwards of|in excess of|nearly|almost|about|around|approximately|roughly|some|an estimated|up to|as many as|close to|a total of|another|the|all|a further|further|either)\s+)"
_RANGE = rf"(?:between\s+{NUMBER}\s+and\s+{NUMBER}|{NUMBER}\s*(?:-|–|to|or)\s*{NUMBER})"
_COUNT = rf"(?P<qual>{_QUAL}*)(?<![/:])(?<!\d\.)(?P<num>{_RANGE}|{NUMBER})(?![/:]\d)"  # '21/12' is a date
# Up to eight words between the count and the verb: '12 Taliban militants including 2 commanders were killed';
# a count word among them ends the subject, so the inner count is read ('A bomb left two soldiers killed').
_NOUNS = (
    rf"(?P<what>(?:(?!(?:(?:and|or)\s+(?:{NUMBER})|(?<!\bof\s)(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)|(?-i:were|was|are|is|while|who|had|have|has|when|after|but|including))\b)[A-Za-z][A-Za-z'()-]*(?:\s+|(?=,))){{0,8}}?"
    r"(?:\([^()]{1,60}\)\s*)?(?:,?\s*(?:including|among them)\s+[^,.;]{1,40}?(?:,\s*|\s+))?)"
)
_DEATH_PASSIVE = (
    r"(?:(?:were|was|have been|has been|had been|are|is|got|being|been|reportedly|allegedly|later|all|also|reported|found|confirmed|believed|"
    r"on|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last|this|morning|afternoon|"
    r"evening|night|overnight|subsequently|eventually|instantly|immediately)\s+)*"
    r"(?:killed|kiled|dead|died|dies|die|shot dead|gunned down|murdered|slain|executed|massacred|beheaded|lynched|los[et] (?:their|his|her) li(?:ves|fe)|"
    r"fatally (?:shot|stabbed|wounded|injured)|"
    r"perished|(?:burnt|burned) alive|(?:hacked|beaten|burnt|burned|stoned|stabbed|shot|clubbed|tortured|macheted|crushed|strangled) to death|succumbed|confirmed dead|feared dead|"
    r"(?:shot|stabbed|hacked|attacked|beaten|abducted|kidnapped|tortured) and (?:killed|murdered))"
)
_DEATH_ACTIVE = (
    r"(?:killed|killing|kills|kill|shot dead|shooting dead|gunned down|guns? down|gunning down|shoots? and kills?|"
    r"murdered|murdering|executed|executing|massacred|"
    r"slaughtered|beheaded|claimed the li(?:ves|fe) of|claiming the li(?:ves|fe) of|deaths? of|bodies of|corpses of|remains of|fatally (?:shot|shooting|stabbed|stabbing)|kiled|"
    r"lynched|hacked to death|beat to death|stoned to death|burned to death|shot and killed|shooting and killing)"
)
_INJURY_PASSIVE = (
    r"(?:(?:were|was|have been|has been|had been|are|is|got|being|been|reportedly|also|seriously|critically|"
    r"severely|slightly|badly)\s+)*(?:injured|wounded|hurt|hospitali[sz]ed|sustained (?:\w+ )?(?:injuries|wounds))"
)
_INJURY_ACTIVE = r"(?:injuring|wounding|injured|wounded|hurting|leaving)"
_STOP = r"(?=\s*(?:[,.;:]|and\b|$|while|when|after|in\b|at\b|on\b|during|as\b|by\b|near\b|including|were|was|who))"

# 'the group killed 30 villagers' is active: a count after the verb is its object, not its subject.
_PASSIVE = re.compile(rf"\b{_COUNT}\s+{_NOUNS}{_DEATH_PASSIVE}\b(?!\s+(?:(?:at least|more than|about|around|nearly|some|an estimated|up to|as many as)\s+)?(?:{NUMBER})\b)", re.IGNORECASE)
_ACTIVE = re.compile(
    rf"\b{_DEATH_ACTIVE}\s+{_COUNT}\b(?!\s*(?:hours?|days?|weeks?|months?|years?|km|kilomet|miles?|%))"
    rf"(?!\s+(?:others?\s+|people\s+|persons\s+)?(?:were\s+)?(?:injured|wounded|hurt)\b)",  # '1 killed 5 injured'
    re.IGNORECASE
)
_INJ_PASSIVE = re.compile(rf"\b{_COUNT}\s+{_NOUNS}{_INJURY_PASSIVE}\b(?!\s+(?:{NUMBER})\b)", re.IGNORECASE)
_INJ_ACTIVE = re.compile(rf"\b{_INJURY_ACTIVE}\s+{_COUNT}\b(?!\s*(?:hours?|days?|weeks?|years?|km|%))", re.IGNORECASE)
_ONE = (
    r"(?:man|woman|boy|girl|child|baby|person|civilian|soldier|policeman|policewoman|officer|farmer|trader|teacher|"
    r"student|driver|journalist|pastor|priest|imam|suspect|chief|leader|owner|herder|herdsman|resident|villager|"
    r"passenger|worker|member|guard|activist|official|victim|businessman|youth|teenager|pupil|fisherman|militant|fighter|"
    r"commander|elder|councillor|politician|candidate|husband|wife|son|daughter|father|mother|brother|sister|cleric|"
    r"clerk|tout|rider|operator|chairman|thief|robber|gang member|tourist|nun|monk|doctor|nurse|judge|lawyer|employee|"
    r"criminal|attorney|bodyguard|delegate|missionary|aspirant|bystander|student|headman|shopkeeper|vendor|refugee|"
    r"motorcyclist|cyclist|pedestrian|hunter|miner|labourer|laborer|watchman|guard|ranger|constable|mayor|prisoner|"
    r"inmate|gangster|worker|aid worker|fisherman|bomber|informant|spy|nephew|niece|cousin|uncle|aunt|grandson|"
    r"granddaughter|grandfather|grandmother)"
)
_SINGLE = re.compile(
    rf"\b(?:(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{_ONE}\s+(?:was\s+|is\s+|has been\s+|reportedly\s+|later\s+)*"
    rf"(?:killed|shot dead|murdered|assassinated|died|gunned down|beheaded|lynched|shot and (?:killed|died)|found dead|"
    rf"fatally \w+|(?:hacked|beaten|stabbed|burnt|burned|stoned) to death)"
    rf"|(?:^|[.:;]\s+)(?:[\w-]+\s+){{0,2}}?{_ONE}\s+(?:(?:was|is)\s+)?(?:killed|shot dead|murdered|found dead|lynched|assassinated|dies|died)"
    rf"|the\s+(?:[\w-]+\s+){{0,2}}?{_ONE}\s+(?:(?:was|is|has been|later|who)\s+)*(?:killed|shot dead|murdered|assassinated|died|found dead)"
    rf"|(?:body|corpse|remains) of (?:a|an|one) (?:[\w-]+\s+){{0,3}}?{_ONE}\b"
    rf"|\b(?:{_ONE}'s|his|her|a|an|one)\s+(?:[\w-]+\s+){{0,2}}?(?:body|corpse)\s+(?:was|has been|had been|is|were)\s+"
    rf"(?:(?:later|then|also|reportedly)\s+)?(?:found|discovered|recovered|retrieved|dumped)"
    rf"|(?:kill|kills|killed|killing|murdered|executed|shot dead|shoot dead|lynch|lynches|lynched|beheaded|assassinated|"
    rf"fatally \w+)\s+(?:(?:a|an|one|the|his|her)\s+)?(?:[\w-]+\s+){{0,3}}?{_ONE}\b(?!s)"
    rf"|(?:killed|murdered|executed|shot dead|lynched|beheaded|burnt|burned)\s+(?:him|her)\b(?!self)"
    rf"|(?:stabbed|hacked|beat|beaten|burned|burnt|stoned|shot)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){{0,3}}?{_ONE}\s+to death"
    # one person by the verb's number, named or not: 'constable X was killed', 'the mayor later died of his wounds'
    rf"|\b(?:was|is|has\s+been|had\s+been)\s+(?:(?:reportedly|allegedly|later|also|subsequently|instantly|then|eventually|brutally)\s+)*"
    rf"(?:killed|shot dead|murdered|assassinated|gunned down|beheaded|lynched|found dead|reported dead|"
    rf"(?:stabbed|hacked|beaten|stoned|burnt|burned|crushed|macheted|strangled|clubbed|tortured) to death)\b"
    rf"|\b(?:later|subsequently|eventually)\s+died\b|\bdied\s+(?:of|from)\s+(?:his|her)\s+(?:injuries|wounds)"
    rf"|\bsuccumbed\s+to\s+(?:his|her)\s+(?:injuries|wounds))",
    re.IGNORECASE,
)
# 'a man and his son were killed': two victims, neither counted.
_PAIR = re.compile(
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{_ONE}\s+and\s+(?:his|her|their|a|an)\s+(?:[\w-]+\s+){{0,2}}?{_ONE}\s+"
    rf"(?:were|have been|are)\s+(?:\w+\s+)?(?:killed|shot dead|murdered|found dead|lynched|executed)",
    re.IGNORECASE,
)
_TO_DEATH = re.compile(
    rf"\b(?:shot|stabbed|hacked|beat|beaten|burned|burnt|stoned|clubbed|macheted|strangled|tortured)\s+{_COUNT}\s+"
    rf"(?:[\w-]+\s+){{0,3}}?to\s+death\b",
    re.IGNORECASE,
)
_NOBODY = re.compile(r"\b(?:no\s*one|nobody|none|no\s+[\w-]+|neither\s+[\w-]+)\s*$", re.IGNORECASE)
_ATTEMPT = re.compile(
    r"(?:attempt\w*\s+to|tried\s+to|try\s+to|nearly|almost|threatened\s+to|plot\w*\s+to)\s*$", re.IGNORECASE
)
_FATALITY_NOTE = re.compile(
    rf"\b(?P<num>\d+|{NUMBER})\s+(?:reported\s+|civilian\s+|soldier\s+|police\s+|more\s+)?(?:fatalit(?:y|ies)|deaths?|dead|bodies|corpses)\b",
    re.IGNORECASE
)
_TOLL = re.compile(
    rf"\b(?:(?:death toll|toll|fatalities|deaths)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:range[sd]?|ranging|var(?:y|ies|ied))\s+(?:from|between)|"
    rf"(?:death toll|toll|fatalities)\s+(?:\w+\s+){{0,3}}?(?:to|of|at|is|was|stood at|rose to|reached))\s+{_COUNT}\b",
    re.IGNORECASE,
)
_CODED = re.compile(
    r"\bfatalit\w*(?:\s+and\s+injur\w*)?\s+(?:were\s+|was\s+|are\s+|is\s+)?coded\s+(?:as|at)\s+(?P<num>\d+)"
    r"|\bFATALITIES\s*:\s*(?:(?:an\s+)?estimate\s+of\s+)?(?P<num2>\d+)\b"  # older notes: 'FATALITIES: 17'
    r"|\bcoded\s+as\s+(?P<num3>\d+)\s+(?:here|for this event|in this event)\b",
    re.IGNORECASE,
)
# Deaths the victims or the accused caused before ('accused of killing 5 people'), and a note's figure for
# an event coded apart ('shooting 3 raiders dead - coded separately'): not this event's toll.
_ELSEWHERE = re.compile(
    r"\b(?:accused\s+of|suspected\s+of|wanted\s+for|charged\s+with|convicted\s+of|"
    r"(?:arrested|jailed|sentenced|detained|convicted)\s+(?:\w+\s+){0,3}?for)\s*$",
    re.IGNORECASE,
)
_CODED_APART = re.compile(r"\([^()]*\bcoded\s+(?:separately|apart|as\s+(?:a\s+)?separate)[^()]*\)", re.IGNORECASE)
_NONE_KILLED = re.compile(
    r"\b(?:no\s+(?:one|body|people|person|civilians?|lives?)\s+(?:was|were)\s+(?:killed|hurt|injured|lost)|no\s+(?:casualties|fatalities|deaths|loss of li(?:fe|ves))|without\s+(?:casualties|fatalities))\b",
    re.IGNORECASE,
)
# A coder's note that one total is shared by several events: 'split between 3 events', 'spread across
# three locations in two days', 'divided equally across three events', '... (4)' giving each one's share.
_SHARE = (
    rf"\b(?:split|divided|spread|distributed)\s+(?:up\s+)?(?:equally\s+|evenly\s+)?(?:between|across|over|among)\s+(?:the\s+)?"
    rf"(?P<n>\d+|{NUMBER})\s+(?:separate\s+|different\s+)?(?:events|days|incidents|locations|dates|places|areas|attacks)\b"
    rf"(?:\s+(?:in|over|across)\s+(?P<n2>\d+|two|three|four|five|six|seven)\s+days\b)?"
    rf"(?:\s*\((?P<each>\d+)(?:\s+each)?\)|[^.;]{{0,12}}\bwith\s+(?P<each2>\d+)\s+(?:coded\s+)?(?:to|for|in)\s+each)?"
)
_SPLIT = re.compile(
    rf"{_SHARE}"
    rf"|\b(?:over|across)\s+(?:the\s+(?:past|last|next|course\s+of)\s+)?(?P<d>\d+|two|three|four|five|six|seven|ten)\s+days\b"
    rf"|\b(?:following|after|during|in)\s+(?P<d2>\d+|two|three|four|five|six|seven|ten)\s+days\s+of\b",
    re.IGNORECASE,
)
_NOTE_SPLIT = re.compile(_SHARE, re.IGNORECASE)
# A sentence giving another source's figure: 'other sources report', 'conflicting reports', 'later reports'.
_RIVAL = re.compile(
    r"\b(?:other|another|conflicting|different|contradictory|differing|later|initial|some|local)\s+(?:sources?|reports?|accounts?|media)\b|"
    r"\bcontest(?:s|ed)?\s+(?:that|the|this)\b|\bdisput(?:e|es|ed)\s+(?:that|the|this)\b|\breports?\s+(?:differ|vary|conflict)",
    re.IGNORECASE,
)
# A count that its author claims ('Al Shabaab claims 15 dead', 'claimed to have killed 25 soldiers'): the
# claimant's word, the lowest credible figure only when the report gives no other.
_CLAIMED = re.compile(r"\bclaim(?:s|ed|ing)?\b(?:\s+(?:that|to\s+have|they\s+(?:have|had)))?[^.;,]{0,40}$", re.IGNORECASE)
# 'killed or wounded', 'killed, injured or captured': how many died is unknown.
_EITHER_FATE = re.compile(
    r"\s*(?:,\s*(?:injured|wounded|captured|arrested)\s*,?)?\s*(?:or|and/or)\s+(?:injured|wounded|captured|arrested|hurt)\b",
    re.IGNORECASE,
)
_SUBSET = re.compile(r"(?:including|among them|among whom|of whom|of them|of which|incl\.)\s*$", re.IGNORECASE)
_NOT_PEOPLE = re.compile(
    r"\b(cattle|cows|goats?|sheep|camels?|animals|livestock|dogs|hours?|days|weeks|months|years|minutes|km|metres|meters|miles|houses|vehicles|cars|buildings)\b"
    r"(?!\s+(?:thie|rustl|raid|herd|trad|keep|own|farm|deal))",  # 'cattle thieves' are people
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    best: int | None
    high: int | None
    spans: tuple[Span, ...]
    claimed: bool = False  # the claimant's own figure: it stands only when no other does


@dataclass(frozen=True, slots=True)
class Figures:
    """What extraction reports about casualties, each with its evidence."""

    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injuries: int | None = None
    evidence: dict[str, tuple[Span, ...]] = field(default_factory=dict)


def parse_number(words: str) -> int | None:
    """'24' -> 24, 'twenty-four' -> 24, 'a' -> 1, 'dozens of' -> 12, 'several' -> 3; None if not a count."""
    w = " ".join(words.lower().replace("-", " ").split())
    for suffix in (" of",):
        w = w.removesuffix(suffix)
    if not w:
        return None
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    if w in _VAGUE:
        return _VAGUE[w]
    if w.startswith(("a couple", "a pair")):
        return 2
    if w == "a dozen":
        return 12
    total = 0
    for part in w.split():
        if part not in _UNITS:
            return None
        total += _UNITS[part]
    return total


def _count(qual: str, num: str) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of one count and its qualifier, in UCDP's sense."""
    q = " ".join(qual.lower().split())
    m = _RANGE_FULL.fullmatch(num.strip())
    if m:
        a, b = parse_number(m.group(1)), parse_number(m.group(2))
        if a is not None and b is not None and a <= b:
            return a, (a + b) // 2, b
    n = parse_number(num)
    if n is None:
        return None, None, None
    if any(k in q for k in ("at least", "not less", "no fewer", "minimum", "more than", "over", "upwards", "excess")):
        return n, n, None
    if any(k in q for k in ("up to", "as many as")):
        return None, n, n
    if any(
        k in q
        for k in ("nearly", "almost", "about", "around", "approximately", "roughly", "some", "estimated", "close to")
    ):
        return n, n, n
    if (
        parse_number(num) is not None
        and num.strip().lower() in _VAGUE
        or num.strip().lower().startswith(("dozens", "scores", "hundreds", "thousands", "several", "many"))
    ):
        return n, n, None
    return n, n, n


# A word every figure pattern needs (a death, an injury, a toll, a coder's note, days to split over): most
# sentences of a news report have none, and the patterns below are slow.
_RELEVANT = re.compile(
    r"kil|dead|die|death|murder|slain|execut|massacr|behead|lynch|li(?:ves|fe)|perish|succumb|fatal|bod(?:y|ies)|corpse|"
    r"remains|gun|slaughter|sho[ot]|assassinat|injur|wound|hurt|hospital|leaving|casualt|toll|lost|loss|coded|split|"
    r"divided|spread|distributed|days|burn",
    re.IGNORECASE,
)
# Compiled once: patterns built from NUMBER are slow to compile, and re's small cache does not keep them.
_RANGE_FULL = re.compile(rf"(?:between\s+)?({NUMBER})\s*(?:-|–|to|or|and)\s*({NUMBER})", re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?:including|among them|of whom)\b.*", re.IGNORECASE | re.DOTALL)
_BRACKETS = re.compile(r"\([^()]*\)")
_MIXED = re.compile(r"\d|\bwhile\b")
# 'and' inside a short subject joins its parts ('six TTP and LeI militants', 'two men, A and B'); in a long
# one it may join clauses ('3 gunmen raided a camp and residents were killed').
_JOINED = re.compile(
    r"\band\s+(?:his|her|their|its|a|an|one|the|later|then|also|subsequently|eventually|soon|after|was|were)\b|\band\s*$",
    re.IGNORECASE,
)
_COORDINATED_BEFORE = re.compile(
    rf"{_COUNT}\s+(?:(?!(?:were|was|are|is|been|killed|injured|wounded|dead|died|hurt|captured|arrested|abducted|"
    rf"kidnapped|detained|rescued|missing|displaced|held)\b)[\w'-]+\s+){{0,3}}?(?:,|and|as well as)\s*$",
    re.IGNORECASE,
)
_ALONG_WITH = re.compile(
    rf"\s*,?\s*(?:along with|together with|alongside|as well as)\s+{_COUNT}\s+(?P<whom>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)",
    re.IGNORECASE,
)
_COORDINATED_AFTER = re.compile(
    rf"^(?:\s+[\w-]+){{0,3}}?\s*(?:,|and|as well as|in addition to|along with|plus)\s+{_COUNT}\s+"
    rf"(?!(?:were|was)\s+(?:injured|wounded))",
    re.IGNORECASE,
)


def _clauses(text: str, passive: re.Pattern[str], active: re.Pattern[str], start: int) -> list[Count]:
    counts: list[Count] = []
    taken: list[tuple[int, int]] = []
    for pattern in (passive, active):
        for m in pattern.finditer(text):
            ns, ne = m.span("num")
            if any(a <= ns < b for a, b in taken):
                continue
            what = m.groupdict().get("what") or ""
            own = _INCLUDING.sub("", what)
            own = _BRACKETS.sub("", own)  # who they were, in brackets: part of the same count
            if _NOT_PEOPLE.search(own) or (pattern is passive and _MIXED.search(own)):
                continue
            if pattern is passive and "and" in own.lower().split() and (_JOINED.search(own) or len(own.split()) > 5):
                continue
            if _SUBSET.search(text[max(0, ns - 40) : m.start("qual") if m.group("qual") else ns]):
                continue
            if pattern is passive and _EITHER_FATE.match(text, m.end()):
                continue
            if pattern is active and _ELSEWHERE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            claimed = bool(_CLAIMED.search(text[max(0, m.start() - 60) : m.start()]))
            low, best, high = _count(m.group("qual") or "", m.group("num"))
            if best is None:
                continue
            taken.append((m.start(), m.end()))
            counts.append(Count(low, best, high, (Span(start + m.start(), start + m.end()),), claimed))
            # '3 soldiers and 2 civilians were killed': counts coordinated before the passive verb add up.
            if pattern is passive:
                head = text[max(0, m.start() - 60) : m.start()]
                before = _COORDINATED_BEFORE.search(head)
                if before and not _SUBSET.search(head[: before.start()]):
                    lo2, be2, hi2 = _count(before.group("qual") or "", before.group("num"))
                    if be2 is not None:
                        base = start + max(0, m.start() - 60)
                        counts.append(Count(lo2, be2, hi2, (Span(base + before.start(), base + before.end()),)))
            # '2 soldiers were killed along with 15 militants': the same clause's other victims
            also = _ALONG_WITH.match(text, m.end()) if pattern is passive else None
            if also and not _NOT_PEOPLE.search(also.group("whom")):
                lo2, be2, hi2 = _count(also.group("qual") or "", also.group("num"))
                if be2 is not None:
                    counts.append(Count(lo2, be2, hi2, (Span(start + also.start("num"), start + also.end()),)))
            # 'killing 3 soldiers and 5 militants': the coordinated counts belong to the same clause.
            tail = text[m.end() : m.end() + 80]
            for extra in _COORDINATED_AFTER.finditer(tail):
                lo2, be2, hi2 = _count(extra.group("qual") or "", extra.group("num"))
                if be2 is not None and pattern is active:
                    es = m.end() + extra.start("num")
                    counts.append(Count(lo2, be2, hi2, (Span(start + es, start + m.end() + extra.end()),)))
    return counts


def _sum_or_max(per_sentence: list[list[Count]], *, rival: list[bool] | None = None) -> Count | None:
    """Counts in one sentence add up (different groups of victims); across sentences the largest stands
    (later sentences mostly restate the toll), unless ACLED's explicit 'N fatalities' note gives it.
    A sentence that gives another source's figure (`rival`) competes by the lowest credible figure."""
    best_total: Count | None = None
    for k, counts in enumerate(per_sentence):
        if not counts:
            continue
        low = sum(c.low for c in counts if c.low is not None) if any(c.low is not None for c in counts) else None
        best = sum(c.best or 0 for c in counts)
        high = None if any(c.high is None for c in counts) else sum(c.high or 0 for c in counts)
        spans = tuple(s for c in counts for s in c.spans)
        total = Count(low, best, high, spans)
        if best_total is None:
            best_total = total
        elif rival is not None and rival[k]:
            best_total = min(best_total, total, key=lambda c: c.best or 0)
        elif (total.best or 0) > (best_total.best or 0):
            best_total = total
    return best_total


def extract(text: str, sentences: list[Span], *, notes: list[Span] | None = None) -> Figures:
    """Fatalities and injuries reported in `sentences` of `text`.

    `notes`: more sentences (the whole report) read only for a coder's note on the event's figure
    ('fatalities coded as 10', 'split between 3 events'), which ACLED's notes may give in any sentence.
    """
    evidence: dict[str, tuple[Span, ...]] = {}
    deaths: list[list[Count]] = []
    injuries: list[list[Count]] = []
    explicit: Count | None = None
    divisor = 1
    divisor_spans: tuple[Span, ...] = ()
    zero: Span | None = None
    each: int | None = None  # a note's share for each event: 'split across 3 events (4)'
    claims: list[Count] = []
    rivals: list[bool] = []
    for sent in sentences:
        if not _RELEVANT.search(text, sent.start, sent.end):
            deaths.append([])
            injuries.append([])
            rivals.append(False)
            continue
        chunk = _CODED_APART.sub(lambda m: " " * len(m.group()), sent.of(text))  # same length: offsets hold
        split = _SPLIT.search(chunk)
        if split:
            n, share = _shares(split)
            if n > 1 or share is not None:
                divisor, each = n, share
                divisor_spans = (Span(sent.start + split.start(), sent.start + split.end()),)
        m = _CODED.search(chunk)
        if m:
            n = int(m.group("num") or m.group("num2") or m.group("num3"))
            explicit = Count(n, n, n, (Span(sent.start + m.start(), sent.start + m.end()),))
            continue
        for m in _FATALITY_NOTE.finditer(chunk):
            noted = parse_number(m.group("num"))
            if noted is not None and explicit is None:
                note = Count(noted, noted, noted, (Span(sent.start + m.start(), sent.start + m.end()),))
                if _CLAIMED.search(chunk[max(0, m.start() - 60) : m.start()]):
                    claims.append(dataclasses.replace(note, claimed=True))
                else:
                    explicit = note
        deaths.append(_clauses(chunk, _PASSIVE, _ACTIVE, sent.start))
        rivals.append(bool(_RIVAL.search(chunk)))
        if not deaths[-1]:  # 'shot two smugglers to death'
            for m in _TO_DEATH.finditer(chunk):
                low, best, high = _count(m.group("qual") or "", m.group("num"))
                if best is not None:
                    deaths[-1].append(Count(low, best, high, (Span(sent.start + m.start(), sent.start + m.end()),)))
        pair = _PAIR.search(chunk)
        if not deaths[-1] and pair:
            deaths[-1].append(Count(2, 2, 2, (Span(sent.start + pair.start(), sent.start + pair.end()),)))
        if not deaths[-1]:
            one = next(
                (
                    m
                    for m in _SINGLE.finditer(chunk)
                    if not _ATTEMPT.search(chunk[max(0, m.start() - 30) : m.start()])
                    and not _NOBODY.search(chunk[max(0, m.start() - 25) : m.start()])
                    and not _EITHER_FATE.match(chunk, m.end())
                ),
                None,
            )
            if one:
                deaths[-1].append(Count(1, 1, 1, (Span(sent.start + one.start(), sent.start + one.end()),)))
        for m in _TOLL.finditer(chunk):
            low, best, high = _count(m.group("qual") or "", m.group("num"))
            if best is not None:
                deaths[-1].append(Count(low, best, high, (Span(sent.start + m.start(), sent.start + m.end()),)))
        injuries.append(_clauses(chunk, _INJ_PASSIVE, _INJ_ACTIVE, sent.start))
        none = _NONE_KILLED.search(chunk)
        if none and zero is None:
            zero = Span(sent.start + none.start(), sent.start + none.end())
    for sent in notes or ():  # the report's own notes, outside the event's sentences
        if sent in sentences:
            continue
        chunk = sent.of(text)
        coded = _CODED.search(chunk)
        if coded and explicit is None:
            n = int(coded.group("num") or coded.group("num2") or coded.group("num3"))
            explicit = Count(n, n, n, (Span(sent.start + coded.start(), sent.start + coded.end()),))
        split = _NOTE_SPLIT.search(chunk)
        if split and divisor == 1 and each is None:
            n, share = _shares(split)
            if n > 1 or share is not None:
                divisor, each = n, share
                divisor_spans = (Span(sent.start + split.start(), sent.start + split.end()),)
    credible = [[c for c in counts if not c.claimed] for counts in deaths]
    claims += [c for counts in deaths for c in counts if c.claimed]
    total = explicit or _sum_or_max(credible, rival=rivals) or _sum_or_max([[c] for c in claims])
    fatalities: int | None
    low = best = high = None
    if total is not None:
        low, best, high = total.low, total.best, total.high
        fatalities = low if low is not None else best
        evidence["fatalities"] = total.spans + divisor_spans
        if each is not None:
            fatalities = low = best = high = each
        elif divisor > 1 and fatalities is not None:
            fatalities = _split(fatalities, divisor)
            low = _split(low, divisor) if low is not None else None
            best = _split(best, divisor) if best is not None else None
            high = _split(high, divisor) if high is not None else None
        for name, value in (("fatalities_low", low), ("fatalities_best", best), ("fatalities_high", high)):
            if value is not None:
                evidence[name] = total.spans + divisor_spans
    elif zero is not None:
        fatalities = low = best = high = 0
        for name in ("fatalities", "fatalities_low", "fatalities_best", "fatalities_high"):
            evidence[name] = (zero,)
    else:
        fatalities = None
    hurt = _sum_or_max(injuries)
    injured = None
    if hurt is not None:
        injured = hurt.low if hurt.low is not None else hurt.best
        evidence["injuries"] = hurt.spans
    return Figures(fatalities, low, best, high, injured, evidence)


def _shares(split: re.Match[str]) -> tuple[int, int | None]:
    """Into how many events a note splits a total, and each one's share when it says so."""
    groups = split.groupdict()
    n = parse_number(groups.get("n") or groups.get("d") or groups.get("d2") or "") or 1
    days = parse_number(groups.get("n2") or "")
    share = groups.get("each") or groups.get("each2")
    return n * (days or 1), int(share) if share else None


def _split(n: int, parts: int) -> int:
    """A total shared out over `parts` events, rounded half up as ACLED's notes do."""
    return int(n / parts + 0.5)
