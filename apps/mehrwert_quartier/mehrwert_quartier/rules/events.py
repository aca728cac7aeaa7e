"""Programme events: capacity and waitlist, attendance hours. Plain Python."""

from datetime import datetime

from mehrwert_quartier.rules import RuleError

ACTIVE = ("Registered", "Attended")  # holding a seat
CLOSED_EVENT_STATES = ("Held", "Documented")


def status_on_registration(capacity: int | None, seats_taken: int) -> str:
	"""A new registration gets a seat while there is one; then it goes on the waitlist."""
	if capacity and seats_taken >= capacity:
		return "Waitlisted"
	return "Registered"


def next_on_waitlist(waitlist: list[dict]) -> dict | None:
	"""The registration to move up when a seat frees: first come, first served."""
	return min(waitlist, key=lambda r: (r["waitlist_position"] or 0, r["creation"]), default=None)


def duration_hours(starts_on: datetime, ends_on: datetime | None) -> float | None:
	if not ends_on:
		return None
	if ends_on <= starts_on:
		raise RuleError("The event ends before it starts")
	return round((ends_on - starts_on).total_seconds() / 3600, 2)


def check_attended_hours(hours: float | None, event_hours: float | None) -> None:
	if hours is None:
		return
	if hours < 0:
		raise RuleError("Attended hours cannot be negative")
	if event_hours is not None and hours > event_hours:
		raise RuleError(
			"Attended hours ({hours}) exceed the length of the event ({event_hours} hours)",
			hours=hours,
			event_hours=event_hours,
		)


# target groups open to women only; a registration of someone else is allowed (staff decide) but warned about
WOMEN_ONLY = ("Migrant Women", "Women Returning to Work")


def target_group_warning(target_group: str | None, gender: str | None) -> str | None:
	"""An English source string (de.csv) when the attendee is not in the event's target group, else None."""
	if target_group in WOMEN_ONLY and gender in ("Male",):
		return "This event is meant for women ({0}): please check the registration"
	return None
