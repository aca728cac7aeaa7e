from datetime import date

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.portfolio import (
	add_months,
	check_referral_dates,
	check_referral_transition,
	needs_review,
	rank_offers,
	review_due_on,
)

TODAY = date(2026, 11, 24)


def test_add_months_keeps_the_day_or_the_month_end():
	assert add_months(date(2026, 1, 15), 6) == date(2026, 7, 15)
	assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
	assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)


def test_offer_needs_review_six_months_after_the_last_review():
	assert review_due_on(date(2026, 5, 24)) == TODAY
	assert needs_review(date(2026, 5, 24), TODAY)
	assert not needs_review(date(2026, 5, 25), TODAY)
	assert needs_review(None, TODAY)


@pytest.mark.parametrize(
	"old, new",
	[
		(None, "Proposed"),
		("Proposed", "Applied"),
		("Applied", "Accepted"),
		("Accepted", "Started"),
		("Started", "Completed"),
		("Started", "Dropped"),
		("Applied", "Rejected"),
		("Proposed", "Proposed"),
	],
)
def test_allowed_referral_steps(old, new):
	check_referral_transition(old, new)


@pytest.mark.parametrize(
	"old, new",
	[
		(None, "Applied"),
		("Proposed", "Started"),
		("Completed", "Started"),
		("Rejected", "Applied"),
		("Dropped", "Proposed"),
		("Started", "Rejected"),
		("Proposed", "Unknown"),
	],
)
def test_forbidden_referral_steps(old, new):
	with pytest.raises(RuleError):
		check_referral_transition(old, new)


def test_referral_dates_follow_the_course():
	check_referral_dates({"proposed_on": date(2026, 1, 1), "applied_on": date(2026, 1, 2), "ended_on": None})
	with pytest.raises(RuleError) as err:
		check_referral_dates({"proposed_on": date(2026, 1, 5), "started_on": date(2026, 1, 2)})
	assert err.value.params == {"first": "Proposed On", "second": "Started On"}


def offer(name, **values):
	return {"name": name, "start_date": date(2026, 12, 1), "last_reviewed": TODAY, **values}


def test_ranking_on_a_hand_made_case():
	participant = {"languages": "Arabisch, Arabic", "programme_area": "Grünau", "tg_migrant_women": 1}
	offers = [
		offer(
			"far-away",
			programme_area="Leipziger Osten",
			language_of_instruction="German",
			start_date=date(2027, 6, 1),
			last_reviewed=date(2025, 1, 1),
		),
		offer("best", programme_area="Grünau", language_of_instruction="Arabic", tg_migrant_women=1),
		offer("second", programme_area="Grünau", language_of_instruction="German", tg_migrant_women=1),
		offer("third", programme_area="Grünau", language_of_instruction="English"),
		offer("past", programme_area="Grünau", start_date=date(2026, 1, 1)),
		offer("full", programme_area="Grünau", seats=10, seats_left=0),
	]
	ranked = rank_offers(participant, offers, TODAY)
	assert [m.offer["name"] for m in ranked] == ["best", "second", "third", "far-away"]
	assert ranked[0].score == 100
	assert "Fits the participant's target group" in ranked[0].reasons
	assert ranked[-1].score == 25 and ranked[-1].reasons == ["Taught in a language the participant speaks"]


def test_ranking_filters():
	participant = {"languages": "", "programme_area": "Grünau"}
	offers = [
		offer("lang", category="Language", language_of_instruction="German", programme_area="Grünau"),
		offer(
			"digital",
			category="Digital Skills",
			language_of_instruction="English",
			programme_area="Leipziger Osten",
		),
	]
	assert [m.offer["name"] for m in rank_offers(participant, offers, TODAY, category="Digital Skills")] == [
		"digital"
	]
	assert [m.offer["name"] for m in rank_offers(participant, offers, TODAY, language="german")] == ["lang"]
	assert [m.offer["name"] for m in rank_offers(participant, offers, TODAY, area="Grünau")] == ["lang"]
	assert rank_offers(participant, offers, TODAY, start_from=date(2027, 1, 1)) == []
