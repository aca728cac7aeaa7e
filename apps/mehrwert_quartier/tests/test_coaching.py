from datetime import date

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.coaching import check_plan, is_closed


def test_goals_are_needed_once_the_plan_is_agreed():
	check_plan("Draft", 0, None, None)
	check_plan("Discontinued", 0, None, None)
	check_plan("Agreed", 1, None, None)
	for status in ("Agreed", "Active", "Completed"):
		with pytest.raises(RuleError, match=status):
			check_plan(status, 0, None, None)


def test_end_date_not_before_start():
	check_plan("Completed", 2, date(2026, 1, 1), date(2026, 1, 1))
	with pytest.raises(RuleError):
		check_plan("Completed", 2, date(2026, 1, 2), date(2026, 1, 1))


def test_closed_states():
	assert is_closed("Completed") and is_closed("Discontinued")
	assert not is_closed("Active")
