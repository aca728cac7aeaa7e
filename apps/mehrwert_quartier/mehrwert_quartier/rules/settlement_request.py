"""Settlement requests (Ansiedlungsanfragen): what a workflow step needs and does to the chosen unit."""

from datetime import date

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.settlement import AVAILABLE

STATUSES = ("Open", "Units Proposed", "Reserved", "Settled", "Withdrawn")
NEEDS_UNIT = ("Reserved", "Settled")


def check_step(status: str, previous: str | None, unit: str | None, unit_status: str | None) -> None:
	"""A request that moves to Reserved or Settled names a unit that is free for it."""
	if status not in NEEDS_UNIT:
		return
	if not unit:
		raise RuleError("Choose a commercial unit before the request moves to {status}", status=status)
	if status == previous:
		return
	free = (*AVAILABLE, "Reserved") if previous == "Reserved" else AVAILABLE
	if unit_status not in free:
		raise RuleError(
			"Commercial unit {unit} is not available ({unit_status})", unit=unit, unit_status=unit_status
		)


def check_settled_business(status: str, business_doctype: str | None) -> None:
	"""A let unit names its business as a Customer: a lead or prospect is converted before it settles."""
	if status == "Settled" and business_doctype != "Customer":
		raise RuleError("Convert the business to a customer before it settles")


def unit_change(status: str, previous: str | None) -> str | None:
	"""The status the chosen unit takes when the request moves from ``previous`` to ``status``."""
	if status == previous:
		return None
	if status == "Reserved":
		return "Reserved"
	if status == "Settled":
		return "Let"
	if status == "Withdrawn" and previous == "Reserved":
		return "Vacant"  # the reservation is released
	return None


def settlement_date(status: str | None, settled_on: date | None, today: date) -> date | None:
	"""The day a request settled (the activity report counts settlements by it): today when the request
	becomes Settled without a day given, editable afterwards, never in the future; blank before it settles."""
	if status != "Settled":
		return None
	if settled_on is None:
		return today
	if settled_on > today:
		raise RuleError(
			"The settlement date {settled_on} lies in the future", settled_on=settled_on.isoformat()
		)
	return settled_on
