"""Coaching plan (Förderplan): goals, milestones and measures agreed with a participant."""

from datetime import date

from mehrwert_quartier.rules import RuleError

STATES_NEEDING_GOALS = ("Agreed", "Active", "Completed")
CLOSED_STATES = ("Completed", "Discontinued")


def check_plan(status: str, goal_count: int, start: date | None, end: date | None) -> None:
	"""Raise :class:`RuleError` when a plan in ``status`` breaks a rule."""
	if status in STATES_NEEDING_GOALS and goal_count == 0:
		raise RuleError("Record at least one goal before the plan is {status}", status=status)
	if start and end and end < start:
		raise RuleError("The end date lies before the start date")


def is_closed(status: str) -> bool:
	return status in CLOSED_STATES
