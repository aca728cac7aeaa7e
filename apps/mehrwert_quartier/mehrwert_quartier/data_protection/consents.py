"""Consents over time: the daily job marks expired consents and reminds the responsible counsellor before a
consent expires (Programme Settings: days before). A withdrawal takes effect at once everywhere, because every
export asks ``consent.has_valid_consent``."""

import frappe
from frappe import _
from frappe.utils import add_days, getdate, today

from mehrwert_quartier.todos import ensure_todo


def reminder_days() -> int:
	value = frappe.db.get_single_value("Programme Settings", "consent_reminder_days")
	return 30 if value is None else int(value)


def daily() -> None:
	day = getdate(today())
	expired = frappe.get_all(
		"Consent",
		filters={"status": "Valid", "valid_until": ("<", day)},
		pluck="name",
	)
	for name in expired:
		frappe.db.set_value("Consent", name, "status", "Expired", update_modified=False)
	for consent in expiring(day):
		user = (
			frappe.db.get_value("Participant", consent.participant, "responsible_counsellor") or consent.owner
		)
		existing = frappe.db.get_value(
			"ToDo", {"reference_type": "Consent", "reference_name": consent.name, "status": "Open"}
		)
		ensure_todo(
			existing,
			user,
			day,
			"Consent",
			consent.name,
			_("Consent {0} expires on {1}: ask for a renewal").format(consent.name, consent.valid_until),
		)


def expiring(day, days: int | None = None) -> list:
	"""Valid consents whose last valid day lies within the reminder period."""
	last = add_days(day, reminder_days() if days is None else days)
	return frappe.get_all(
		"Consent",
		filters={"status": "Valid", "valid_until": ("between", [day, last])},
		fields=["name", "participant", "valid_until", "owner"],
	)
