"""Duplicate check at intake: fuzzy match on name, date of birth and postcode."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

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
	"""(a, b, match) for every pair of ``records`` the intake rule finds likely the same person."""
	return likely_pairs_in_blocks([records], threshold)


# the most the date of birth (30) and the postcode (10) add to the name's share of the score
_OTHER_POINTS = 40


def similarity_floor(threshold: int) -> float:
	"""The name similarity below which no pair can reach ``threshold`` (one point below, against rounding)."""
	return max(0.0, (threshold - _OTHER_POINTS - 0.5) / 0.6 - 1)


def likely_pairs_in_blocks(blocks: Iterable[list[dict]], threshold: int = LIKELY):
	"""(a, b, match) for every pair within each block that the intake rule finds likely the same person.

	The data-quality worklist scores thousands of blocks (records sharing a date of birth): names are
	normalised once per record, the name similarity of every pair is computed in one call of rapidfuzz
	(``cpdist``, in C), and only the few pairs whose similarity could reach the threshold are scored by the
	rule itself (``_score``), so the result is the rule's, pair by pair.
	"""
	left, right = [], []
	for block in blocks:
		named = [(r, normalise_name(r.get("first_name"), r.get("last_name"))) for r in block]
		for a, b in combinations(named, 2):
			left.append(a)
			right.append(b)
	if not left:
		return
	floor = similarity_floor(threshold)
	similarities = cpdist(
		[name for _r, name in left],
		[name for _r, name in right],
		scorer=fuzz.token_sort_ratio,
		score_cutoff=floor,
	)
	for (a, a_name), (b, b_name), similarity in zip(left, right, similarities.tolist(), strict=True):
		if similarity < floor:
			continue  # below the floor even a shared birthday and postcode cannot lift it to the threshold
		match = _score(a_name, b_name, a, b)
		if match.score >= threshold:
			yield a, b, match
