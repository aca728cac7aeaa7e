"""Rules of the neighbourhood economy analysis (issue 18): bands, innovation score, periods, change."""

import itertools
import json
from datetime import date

import pytest
from conftest import PACKAGE

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.analysis import (
	FOUNDING_COHORTS,
	INNOVATION_AREAS,
	INNOVATION_RATINGS,
	NEED_TOPICS,
	NOT_RECORDED,
	SIZE_CLASSES,
	TRAINING_TOPICS,
	URGENCIES,
	band_of,
	change,
	innovation_score,
	months_between,
	previous_period,
	rating_value,
	share,
	training_action,
)


@pytest.mark.parametrize(
	"employees,label",
	[
		(0, "No employees"),
		(1, "1-9 employees"),
		(9, "1-9 employees"),
		(10, "10-49 employees"),
		(249, "50-249 employees"),
		(250, "250 employees and more"),
		(None, NOT_RECORDED),
		(-1, NOT_RECORDED),
		# the headcount is stored as text; blank is unknown, never "No employees"
		("12", "10-49 employees"),
		("0", "No employees"),
		("", NOT_RECORDED),
	],
)
def test_size_classes_at_their_bounds(employees, label):
	assert band_of(employees, SIZE_CLASSES) == label


@pytest.mark.parametrize(
	"year,label",
	[
		(1989, "Founded before 1990"),
		(0, NOT_RECORDED),
		(1990, "Founded 1990-1999"),
		(2019, "Founded 2010-2019"),
		(2026, "Founded 2020 or later"),
	],
)
def test_founding_cohorts(year, label):
	assert band_of(year, FOUNDING_COHORTS) == label


def test_bands_leave_no_gap_between_them():
	for bands in (SIZE_CLASSES, FOUNDING_COHORTS):
		for (_a, _low, high), (_b, low, _high) in itertools.pairwise(bands):
			assert low == high + 1


def all_rated(value):
	return {area: value for area, _label in INNOVATION_AREAS}


def test_innovation_score_sums_the_six_ratings():
	ratings = dict(
		zip([a for a, _l in INNOVATION_AREAS], INNOVATION_RATINGS + INNOVATION_RATINGS[:2], strict=True)
	)
	assert innovation_score(ratings) == 0 + 1 + 2 + 3 + 0 + 1
	assert innovation_score(all_rated("3 - Advanced")) == 18
	assert innovation_score(all_rated(0)) == 0  # 0 is a rating, not a blank


def test_innovation_check_not_done_has_no_score():
	assert innovation_score({}) is None
	assert innovation_score(all_rated("")) is None


def test_a_partial_innovation_check_is_refused_naming_the_missing_area():
	ratings = all_rated("2 - Developed")
	ratings["innovation_cooperation"] = None
	with pytest.raises(RuleError) as error:
		innovation_score(ratings)
	assert error.value.params == {"area": "Cooperation"}


@pytest.mark.parametrize("bad", ["4 - Great", "x", -1, 7])
def test_a_rating_outside_0_to_3_is_refused(bad):
	with pytest.raises(RuleError):
		rating_value(bad)


def test_previous_period_has_the_same_length_just_before():
	assert previous_period(date(2026, 1, 1), date(2026, 12, 31)) == (date(2025, 1, 1), date(2025, 12, 31))
	assert previous_period(date(2026, 3, 1), date(2026, 3, 31)) == (date(2026, 1, 29), date(2026, 2, 28))
	with pytest.raises(RuleError):
		previous_period(date(2026, 2, 1), date(2026, 1, 1))


def test_change_and_share():
	assert change(12, 8) == (4, 50.0)
	assert change(3, 0) == (3, None)
	assert change(None, 4) == (None, None)
	assert share(1, 3) == 33.3
	assert share(2, 0) is None


def test_months_between_counts_whole_months_like_mariadb():
	assert months_between(date(2026, 1, 31), date(2026, 2, 28)) == 0
	assert months_between(date(2026, 1, 15), date(2026, 3, 15)) == 2
	assert months_between(date(2027, 1, 1), date(2026, 1, 1)) == 0


def test_training_action():
	assert training_action(0, 0, 0) == "No demand recorded"
	assert training_action(3, 0, 0) == "Plan an event"
	assert training_action(3, 1, 0) == "Event planned"
	assert training_action(3, 0, 2) == "Held; plan a follow-up"


def doctype(path: str) -> dict:
	return json.loads((PACKAGE / path).read_text(encoding="utf-8"))


def options(doc: dict, fieldname: str) -> list[str]:
	field = next(f for f in doc["fields"] if f["fieldname"] == fieldname)
	return [o for o in field["options"].split("\n") if o]


def test_doctypes_offer_the_rules_lists():
	need = doctype("qs_wirtschaft/doctype/enterprise_support_need/enterprise_support_need.json")
	assert options(need, "topic") == NEED_TOPICS
	training = doctype("qs_wirtschaft/doctype/enterprise_training_need/enterprise_training_need.json")
	assert options(training, "topic") == TRAINING_TOPICS
	assert sorted(options(training, "urgency")) == sorted(URGENCIES)
	event = doctype("programme_events/doctype/programme_event/programme_event.json")
	assert options(event, "topic") == TRAINING_TOPICS
	case = doctype("qs_wirtschaft/doctype/enterprise_support_case/enterprise_support_case.json")
	for fieldname, _label in INNOVATION_AREAS:
		assert options(case, fieldname) == INNOVATION_RATINGS
