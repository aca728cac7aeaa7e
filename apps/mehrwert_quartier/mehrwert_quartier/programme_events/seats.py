"""Seats of a programme event: counts, and moving registrations up from the waitlist."""

import frappe

from mehrwert_quartier.rules.events import ACTIVE, next_on_waitlist


def seats_taken(event: str) -> int:
	return frappe.db.count("Event Registration", {"event": event, "status": ("in", ACTIVE)})


def refresh_counts(event: str) -> None:
	frappe.db.set_value(
		"Programme Event",
		event,
		{
			"registered_count": seats_taken(event),
			"waitlist_count": frappe.db.count("Event Registration", {"event": event, "status": "Waitlisted"}),
		},
		update_modified=False,
	)


def fill_free_seats(event: str) -> list[str]:
	"""Move waitlisted registrations up while seats are free; returns the names moved up."""
	capacity = frappe.db.get_value("Programme Event", event, "capacity", for_update=True)
	moved = []
	while not capacity or seats_taken(event) < capacity:
		waitlist = frappe.get_all(
			"Event Registration",
			filters={"event": event, "status": "Waitlisted"},
			fields=["name", "waitlist_position", "creation"],
		)
		first = next_on_waitlist(waitlist)
		if not first:
			break
		frappe.db.set_value(
			"Event Registration", first["name"], {"status": "Registered", "waitlist_position": 0}
		)
		moved.append(first["name"])
	refresh_counts(event)
	return moved
