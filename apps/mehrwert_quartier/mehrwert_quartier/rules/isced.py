"""German school and vocational qualifications as ISCED 2011 levels (domain notes, NOTES.md).

ohne Abschluss → 1; Haupt-/Realschulabschluss, Mittlere Reife → 2; Abitur, Fachhochschulreife → 3; a vocational
training (dual or school-based) → 3, together with Abitur or Fachhochschulreife → 4; Meister, Techniker,
Fachwirt, Bachelor → 6; Master, Diplom (Universität), Magister, Staatsexamen → 7; Promotion → 8. Anything
else is not read (``None``): an unknown qualification is the user's choice, never a guess.
"""

import re

# (pattern on the lower-cased text, level), the highest qualification first
LEVELS = [
	(r"promotion|promoviert|doktor|dr\.|phd|doctorate", 8),
	(r"master|diplom|magister|staatsexamen", 7),
	(r"bachelor|meister|techniker|fachwirt|betriebswirt \(ihk\)", 6),
	(r"abitur|fachhochschulreife|fachabitur|hochschulreife|fhr|allgemeine hochschulreife", 3),
	(r"berufsausbildung|ausbildung|berufsabschluss|facharbeiter|gesell|lehre|berufsschul|fachkraft", 3),
	(r"realschul|mittlere reife|mittlerer schulabschluss|msa|hauptschul|berufsreife|polytechnische", 2),
	(r"förderschul", 1),
]
NEGATED = re.compile(r"\b(?:ohne|keine?n?)\s+(?:schul|berufs)?(?:ausbildung|abschluss)\b")
VOCATIONAL = r"berufsausbildung|ausbildung|berufsabschluss|facharbeiter|gesell|lehre|fachkraft"
SCHOOL_3 = r"abitur|fachhochschulreife|fachabitur|hochschulreife"
DIRECT = re.compile(r"^(?:isced)?\s*(?:stufe|level)?\s*([0-8])$")


def isced_level(text: str) -> int | None:
	"""The ISCED level of a qualification as partners write it, or None when it cannot be read."""
	value = " ".join(str(text or "").casefold().split())
	if not value:
		return None
	direct = DIRECT.match(value.replace("-", " "))
	if direct:
		return int(direct.group(1))
	stripped = NEGATED.sub(" ", value)
	if stripped != value and not stripped.strip(" ,;/+-und"):
		return 1
	value = stripped
	if re.search(VOCATIONAL, value) and re.search(SCHOOL_3, value):
		return 4
	for pattern, level in LEVELS:
		if re.search(pattern, value):
			return level
	return None
