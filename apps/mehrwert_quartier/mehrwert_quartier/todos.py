"""Follow-up reminders as ToDos for the responsible person: created once, moved when the date moves."""

import frappe


def user_language(user: str | None) -> str:
	"""The language a ToDo of ``user`` is written in: the user's, else the site's (German), never the
	language of whoever saved the record that made it (a demo load or import runs in English)."""
	lang = frappe.db.get_value("User", user, "language") if user else None
	return lang or frappe.db.get_default("lang") or "de"


def ensure_todo(
	existing: str | None,
	allocated_to: str,
	date,
	reference_type: str,
	reference_name: str,
	description: str,
) -> str:
	"""The name of the ToDo for this follow-up: ``existing`` moved to ``date``, or a new one."""
	if existing and frappe.db.exists("ToDo", existing):
		if str(frappe.db.get_value("ToDo", existing, "date")) != str(date):
			frappe.db.set_value("ToDo", existing, "date", date)
		return existing
	todo = frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": allocated_to,
			"date": date,
			"reference_type": reference_type,
			"reference_name": reference_name,
			"description": description,
		}
	)
	return todo.insert(ignore_permissions=True).name
