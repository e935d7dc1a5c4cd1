"""ACLED's regional names for unnamed doers, decided from the text: 'Unidentified Gang' where a report ties
armed men to organised crime, 'Southern Muslim Separatists (Thailand)' in Thailand's Deep South."""

from __future__ import annotations

import re

from conflictdb.extract.actor_forces import in_country
from conflictdb.extract.actor_registry import UNIDENTIFIED
from conflictdb.models import Actor

__all__ = ["GANG", "SEPARATISTS", "regional_names"]

# Words that tie unnamed armed men to organised crime: ACLED's 'Unidentified Gang' in Latin America, where a
# report says so (elsewhere the registry names it 'Unidentified Armed Group' again, once the country is known).
_GANG = re.compile(
    r"\b(?:gang\w*|drive-by|criminal (?:groups?|gangs?|organi[sz]ations?|cells?|bands?)|organi[sz]ed crime|cartels?|"
    r"drugs?|narco\w*|traffick\w*|extort\w*|sicarios?|hitm[ae]n|tortured?|dismember\w*|mutilat\w*|behead\w*|"
    # ... and the marks of an execution by organised crime: victims bound, a shot to finish them, heads left
    r"decapitat\w*|(?:hands?|feet|legs) (?:and (?:hands?|feet|legs) )?(?:were |was )?tied|tied (?:hands?|feet|up)|"
    r"handcuffed|blindfolded|coup de grace|human (?:heads?|remains)|executed|armed criminals?)\b",
    re.IGNORECASE,
)
GANG = "Unidentified Gang ({country})"

# Thailand's Deep South, where ACLED names unnamed insurgents 'Southern Muslim Separatists'.
# Its provinces and their districts (Songkhla's four in the insurgency); not 'Mayo', 'Raman', 'Chana', which
# are also names elsewhere.
_DEEP_SOUTH = re.compile(
    r"\b(?:Narathiwat|Pattani|Patani|Yala|Songkhla|Deep South|southern border provinces|"
    r"Khok Pho|Nong Chik|Panare|Thung Yang Daeng|Sai Buri|Saiburi|Mai Kaen|Yaring|Yarang|Kapho|Mae Lan|Betong|"
    r"Bannang Sata|Than To|Yaha|Krong Pinang|Tak Bai|Bacho|Yi-?ngo|Rangae|Rueso|Ruesoh|Si Sakhon|Sukhirin|"
    r"Su-?ngai Kolok|Sungai Kolok|Su-?ngai Padi|Sungai Padi|Cho-?airong|Thepha|Na Thawi|Saba Yoi)\b"
)
SEPARATISTS = "Southern Muslim Separatists (Thailand)"


_Sides = tuple[Actor | None, Actor | None]


def regional_names(text: str, *, violent: bool, sides: _Sides) -> _Sides:
    """The two sides under the names ACLED gives unnamed armed men where the text shows the region or the trade."""
    a1, a2 = sides
    if violent and _DEEP_SOUTH.search(text):  # ACLED's name for the Deep South's insurgents
        separatists = Actor(name=SEPARATISTS, inter=2, country="Thailand")
        a1, a2 = (separatists if a is not None and a.name == UNIDENTIFIED else a for a in (a1, a2))
        a1, a2 = (in_country(a, "Thailand") for a in (a1, a2))  # its 'rangers' are Thailand's, not Pakistan's
    if _GANG.search(text):  # armed men of organised crime: a gang where ACLED names them so
        a1, a2 = (Actor(name=GANG, inter=3) if a is not None and a.name == UNIDENTIFIED else a for a in (a1, a2))
    return a1, a2
