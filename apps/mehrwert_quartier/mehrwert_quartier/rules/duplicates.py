"""Duplicate check at intake: fuzzy match on name, date of birth and postcode."""

import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
LIKELY = 80


def normalise_name(*parts: str | None) -> str:
	"""Case, umlauts (ä = ae), accents, hyphens and word order do not matter for the comparison."""
	return " ".join(sorted(token for part in parts if part for token in _tokens(part)))


@lru_cache(maxsize=65536)
def _tokens(part: str) -> tuple[str, ...]:
	"""The normalised words of one name part (character by character, so parts can be normalised alone;
	first and last names repeat, so a block of thousands of records normalises each part once)."""
	text = unicodedata.normalize("NFKD", part.casefold().translate(GERMAN))
	text = "".join(c for c in text if not unicodedata.combining(c))
	return tuple(text.replace("-", " ").split())


@dataclass(frozen=True)
class Match:
	name: str
	score: int
	reasons: tuple[str, ...]


def same_day_or_swapped(a: date | None, b: date | None) -> bool:
	"""Equal, or day and month typed the wrong way round (03.04. for 04.03.)."""
	if not a or not b:
		return False
	return a == b or (a.year == b.year and a.day == b.month and a.month == b.day)


def duplicate_score(new: dict, existing: dict) -> Match:
	"""Score 0-100: name similarity counts 60, date of birth 30, postcode 10."""
	return _score(
		normalise_name(new.get("first_name"), new.get("last_name")),
		normalise_name(existing.get("first_name"), existing.get("last_name")),
		new,
		existing,
	)


def _score(new_name: str, existing_name: str, new: dict, existing: dict) -> Match:
	similarity = fuzz.token_sort_ratio(new_name, existing_name)
	score, reasons = round(0.6 * similarity), []
	if similarity >= 85:
		reasons.append("Similar name")
	if same_day_or_swapped(new.get("date_of_birth"), existing.get("date_of_birth")):
		score += 30
		reasons.append("Same date of birth")
	if new.get("postcode") and new.get("postcode") == existing.get("postcode"):
		score += 10
		reasons.append("Same postcode")
	return Match(existing.get("name", ""), score, tuple(reasons))


def likely_duplicates(new: dict, candidates: list[dict], threshold: int = LIKELY) -> list[Match]:
	"""Candidates that are likely the same person, most likely first."""
	matches = [duplicate_score(new, c) for c in candidates if c.get("name") != new.get("name")]
	return sorted((m for m in matches if m.score >= threshold), key=lambda m: (-m.score, m.name))


def likely_pairs(records: list[dict], threshold: int = LIKELY):
	"""(a, b, match) for every pair of ``records`` the intake rule finds likely the same person; names are
	normalised once per record (the data-quality worklist scores whole blocks of records)."""
	named = [(r, normalise_name(r.get("first_name"), r.get("last_name"))) for r in records]
	for i, (a, a_name) in enumerate(named):
		for b, b_name in named[i + 1 :]:
			match = _score(a_name, b_name, a, b)
			if match.score >= threshold:
				yield a, b, match
