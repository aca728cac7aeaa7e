"""Workflow steps of a settlement request and what they do to the chosen commercial unit."""

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.settlement_request import check_settled_business, check_step, unit_change


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
