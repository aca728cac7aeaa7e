"""Workflow steps of a settlement request and what they do to the chosen commercial unit."""

from datetime import date

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.settlement_request import (
	check_settled_business,
	check_step,
	settlement_date,
	unit_change,
)


def test_reserving_and_settling_need_a_free_unit():
	with pytest.raises(RuleError, match="Choose a commercial unit"):
		check_step("Reserved", "Units Proposed", None, None)
	with pytest.raises(RuleError, match="not available"):
		check_step("Reserved", "Units Proposed", "GE-00001", "Let")
	with pytest.raises(RuleError, match="not available"):
		check_step("Reserved", "Units Proposed", "GE-00001", "Reserved")  # reserved for someone else
	check_step("Reserved", "Units Proposed", "GE-00001", "Vacant")
	check_step("Settled", "Reserved", "GE-00001", "Reserved")  # reserved by this request
	check_step("Reserved", "Reserved", "GE-00001", "Reserved")  # saved again in the same state
	check_step("Units Proposed", "Open", None, None)


def test_only_a_customer_settles():
	with pytest.raises(RuleError):
		check_settled_business("Settled", "Lead")
	check_settled_business("Settled", "Customer")
	check_settled_business("Reserved", "Prospect")


@pytest.mark.parametrize(
	("status", "previous", "unit_status"),
	[
		("Reserved", "Units Proposed", "Reserved"),
		("Settled", "Reserved", "Let"),
		("Withdrawn", "Reserved", "Vacant"),
		("Withdrawn", "Units Proposed", None),
		("Units Proposed", "Open", None),
		("Reserved", "Reserved", None),
	],
)
def test_unit_change(status, previous, unit_status):
	assert unit_change(status, previous) == unit_status


def test_the_settlement_date_is_today_when_the_request_settles_and_stays_editable():
	today = date(2026, 12, 2)
	assert settlement_date("Settled", None, today) == today
	assert settlement_date("Settled", date(2026, 11, 15), today) == date(2026, 11, 15)  # corrected by hand
	assert settlement_date("Reserved", date(2026, 11, 15), today) is None  # not settled: no date
	assert settlement_date("Open", None, today) is None


def test_a_settlement_date_in_the_future_is_refused():
	with pytest.raises(RuleError, match="future") as e:
		settlement_date("Settled", date(2026, 12, 3), date(2026, 12, 2))
	assert e.value.params == {"settled_on": "2026-12-03"}
