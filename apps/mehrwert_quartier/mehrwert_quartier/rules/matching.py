"""Matching participants and job vacancies both ways, with a score explained criterion by criterion.

Weights: skills 40, languages 20, programme area 20, availability 20. A participant without a valid
consent to share their profile with employers is never proposed.
"""

from dataclasses import dataclass, field
from datetime import date

from mehrwert_quartier.rules.languages import german_name, language_keys
from mehrwert_quartier.rules.portfolio import add_months, split_languages

WEIGHTS = {"skills": 40, "languages": 20, "area": 20, "availability": 20}
CHECKPOINT_MONTHS = (1, 3, 6)


def keywords(text: str | None) -> set[str]:
	return split_languages(text)


def languages_text(keys: set[str]) -> str:
	return ", ".join(sorted(german_name(k) for k in keys)) or "-"


@dataclass
class Fit:
	record: dict
	score: int = 0
	explanation: list[tuple[str, int, str]] = field(default_factory=list)  # criterion, points, detail

	def add(self, criterion: str, points: int, detail: str | float) -> None:
		self.score += points
		self.explanation.append((criterion, points, detail))


def fit(participant: dict, vacancy: dict) -> Fit:
	"""How well a participant fits a vacancy (``record`` is left for the caller to set)."""
	result = Fit(record={})
	wanted = keywords(vacancy.get("required_skills"))
	have = keywords(participant.get("skills"))
	if wanted:
		share = len(wanted & have) / len(wanted)
		result.add("skills", round(WEIGHTS["skills"] * share), ", ".join(sorted(wanted & have)) or "-")
	else:
		result.add("skills", WEIGHTS["skills"], "-")
	needed_languages = language_keys(vacancy.get("languages"))
	spoken = language_keys(participant.get("languages"))
	if not needed_languages or needed_languages <= spoken:
		result.add("languages", WEIGHTS["languages"], languages_text(needed_languages))
	else:
		result.add("languages", 0, languages_text(needed_languages - spoken))
	same_area = bool(vacancy.get("programme_area")) and vacancy.get("programme_area") == participant.get(
		"programme_area"
	)
	result.add("area", WEIGHTS["area"] if same_area else 0, vacancy.get("programme_area") or "-")
	hours_ok = (
		not vacancy.get("hours_per_week")
		or (participant.get("available_hours") or 0) >= vacancy["hours_per_week"]
	)
	start_ok = (
		not vacancy.get("start_date")
		or not participant.get("available_from")
		or participant["available_from"] <= vacancy["start_date"]
	)
	points = (WEIGHTS["availability"] // 2) * (int(hours_ok) + int(start_ok))
	# the hours as a number: the desk writes them in the user's number format ("25,0 h")
	result.add("availability", points, float(participant.get("available_hours") or 0))
	return result


def rank_participants(vacancy: dict, participants: list[dict]) -> list[Fit]:
	"""Participants for a vacancy, best first; only those who consented to share their profile."""
	fits = []
	for participant in participants:
		if not participant.get("profile_consent"):
			continue
		result = fit(participant, vacancy)
		result.record = participant
		fits.append(result)
	return sorted(fits, key=lambda f: (-f.score, f.record.get("name") or ""))


def rank_vacancies(participant: dict, vacancies: list[dict]) -> list[Fit]:
	"""Open vacancies for a participant, best first."""
	fits = []
	for vacancy in vacancies:
		if vacancy.get("status", "Open") != "Open":
			continue
		result = fit(participant, vacancy)
		result.record = vacancy
		fits.append(result)
	return sorted(
		fits, key=lambda f: (-f.score, f.record.get("start_date") or date.max, f.record.get("name") or "")
	)


def checkpoint_dates(start: date) -> list[tuple[int, date]]:
	"""Integration follow-up checkpoints one, three and six months after the start of a placement."""
	return [(months, add_months(start, months)) for months in CHECKPOINT_MONTHS]
