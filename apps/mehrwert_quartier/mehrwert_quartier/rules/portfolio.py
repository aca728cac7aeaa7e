"""Provider portfolio: staleness of offers, referral status transitions, ranking offers for a participant."""

from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.languages import language_key, language_keys

REVIEW_MONTHS = 6
TARGET_GROUPS = ("tg_migrant_women", "tg_older", "tg_single_parent", "tg_returner", "tg_young_adult")


def add_months(day: date, months: int) -> date:
	month = day.month - 1 + months
	year, month = day.year + month // 12, month % 12 + 1
	leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
	last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
	return date(year, month, min(day.day, last))


def review_due_on(last_reviewed: date | None) -> date | None:
	"""The day from which an offer counts as not reviewed (six months after its last review)."""
	return add_months(last_reviewed, REVIEW_MONTHS) if last_reviewed else None


def needs_review(last_reviewed: date | None, today: date) -> bool:
	"""An offer never reviewed, or last reviewed six months ago or earlier, must be reviewed."""
	due = review_due_on(last_reviewed)
	return due is None or today >= due


# Referral of a participant to an offer
REFERRAL_FLOW: dict[str, set[str]] = {
	"Proposed": {"Applied", "Rejected", "Dropped"},
	"Applied": {"Accepted", "Rejected", "Dropped"},
	"Accepted": {"Started", "Dropped"},
	"Started": {"Completed", "Dropped"},
	"Completed": set(),
	"Dropped": set(),
	"Rejected": set(),
}
REFERRAL_DATE_FIELD = {
	"Proposed": "proposed_on",
	"Applied": "applied_on",
	"Accepted": "accepted_on",
	"Started": "started_on",
	"Completed": "ended_on",
	"Dropped": "ended_on",
	"Rejected": "ended_on",
}


def check_referral_transition(old: str | None, new: str) -> None:
	if new not in REFERRAL_FLOW:
		raise RuleError("Unknown referral status {status}", status=new)
	if old is None:
		if new != "Proposed":
			raise RuleError("A new referral starts as Proposed, not {status}", status=new)
		return
	if old != new and new not in REFERRAL_FLOW[old]:
		raise RuleError("A referral cannot go from {old} to {new}", old=old, new=new)


DATE_LABELS = {
	"proposed_on": "Proposed On",
	"applied_on": "Applied On",
	"accepted_on": "Accepted On",
	"started_on": "Started On",
	"ended_on": "Ended On",
}


def check_referral_dates(dates: dict[str, date | None]) -> None:
	"""Dates of a referral follow its course: proposed <= applied <= accepted <= started <= ended."""
	known = [(label, dates[f]) for f, label in DATE_LABELS.items() if dates.get(f)]
	for (first, a), (second, b) in pairwise(known):
		if b < a:
			raise RuleError("The date {second} lies before {first}", first=first, second=second)


@dataclass
class OfferMatch:
	offer: dict
	score: int
	reasons: list[str] = field(default_factory=list)


def split_languages(text: str | None) -> set[str]:
	return {part.strip().casefold() for part in (text or "").replace(";", ",").split(",") if part.strip()}


def rank_offers(
	participant: dict,
	offers: list[dict],
	today: date,
	category: str | None = None,
	language: str | None = None,
	area: str | None = None,
	start_from: date | None = None,
) -> list[OfferMatch]:
	"""Offers for a participant: filtered by the given criteria, best first, each with its reasons.

	Past offers and offers without seats left are left out. Score: target groups 30, language 25,
	programme area 20, starts within 60 days 15, needs no review 10.
	"""
	# German counts as spoken by everyone: the programme's courses are in German, language courses included
	wanted_languages = language_keys(participant.get("languages")) | {"German"}
	matches = []
	for offer in offers:
		start = offer.get("start_date")
		if start and start < (start_from or today):
			continue
		if (
			offer.get("seats") is not None
			and offer.get("seats_left") is not None
			and offer["seats_left"] <= 0
		):
			continue
		if category and offer.get("category") != category:
			continue
		taught_in = language_key(offer.get("language_of_instruction"))
		if language and taught_in != language_key(language):
			continue
		if area and offer.get("programme_area") not in (area, None, ""):
			continue
		match = OfferMatch(offer, 0)
		shared = [tg for tg in TARGET_GROUPS if participant.get(tg) and offer.get(tg)]
		if shared:
			match.score += 30
			match.reasons.append("Fits the participant's target group")
		if taught_in in wanted_languages:
			match.score += 25
			match.reasons.append("Taught in a language the participant speaks")
		if offer.get("programme_area") and offer.get("programme_area") == participant.get("programme_area"):
			match.score += 20
			match.reasons.append("In the participant's programme area")
		if start and (start - today).days <= 60:
			match.score += 15
			match.reasons.append("Starts within 60 days")
		if not needs_review(offer.get("last_reviewed"), today):
			match.score += 10
			match.reasons.append("Offer details are up to date")
		matches.append(match)
	matches.sort(key=lambda m: (-m.score, m.offer.get("start_date") or date.max, m.offer.get("name") or ""))
	return matches
