from datetime import datetime

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.events import (
	check_attended_hours,
	duration_hours,
	next_on_waitlist,
	status_on_registration,
)


def test_seat_while_free_then_waitlist():
	assert status_on_registration(2, 0) == "Registered"
	assert status_on_registration(2, 1) == "Registered"
	assert status_on_registration(2, 2) == "Waitlisted"
	assert status_on_registration(None, 500) == "Registered"
	assert status_on_registration(0, 500) == "Registered"


def test_waitlist_is_first_come_first_served():
	waitlist = [
		{"name": "c", "waitlist_position": 3, "creation": datetime(2026, 1, 3)},
		{"name": "a", "waitlist_position": 1, "creation": datetime(2026, 1, 1)},
		{"name": "b", "waitlist_position": 2, "creation": datetime(2026, 1, 2)},
	]
	assert next_on_waitlist(waitlist)["name"] == "a"
	assert next_on_waitlist([]) is None


def test_duration_in_hours():
	assert duration_hours(datetime(2026, 5, 1, 9), datetime(2026, 5, 1, 12, 30)) == 3.5
	assert duration_hours(datetime(2026, 5, 1, 9), None) is None
	with pytest.raises(RuleError):
		duration_hours(datetime(2026, 5, 1, 9), datetime(2026, 5, 1, 8))


def test_attended_hours_within_the_event():
	check_attended_hours(3, 3)
	check_attended_hours(None, 3)
	with pytest.raises(RuleError) as err:
		check_attended_hours(4, 3)
	assert err.value.params == {"hours": 4, "event_hours": 3}
	with pytest.raises(RuleError):
		check_attended_hours(-1, 3)


def test_a_man_registered_for_an_event_for_women_is_warned_about():
	from mehrwert_quartier.rules.events import target_group_warning

	assert target_group_warning("Migrant Women", "Male")
	assert target_group_warning("Women Returning to Work", "Male")
	assert target_group_warning("Migrant Women", "Female") is None
	assert target_group_warning("Migrant Women", None) is None  # unknown: no warning
	assert target_group_warning("All Residents", "Male") is None
