"""Who read or exported which participant's data, when and through which route (Personal Data Access).

Called from the desk's form load (``security/routes.getdoc``) and the export routes; the entries name records,
never their content, and are kept for the period of the retention rule *Access log*."""

import frappe
from frappe.utils import now_datetime

from mehrwert_quartier.data_protection.restriction import LINKED

PERSONAL = ("Participant", *LINKED)
LOG = "Personal Data Access"


def route() -> str | None:
	request = getattr(frappe.local, "request", None)
	if not request:
		return None
	referer = (getattr(request, "headers", None) or {}).get("Referer") or ""
	page = referer.split("://", 1)[-1].partition("/")[2]
	path = getattr(request, "path", None) or f"/api/method/{frappe.form_dict.get('cmd') or ''}"
	return path + (f" ← /{page}" if page else "")


def log_access(
	doctype: str, name: str | None, action: str, participant: str | None = None, count: int = 1
) -> None:
	if not frappe.db.table_exists(LOG):
		return
	frappe.get_doc(
		{
			"doctype": LOG,
			"user": frappe.session.user,
			"reference_doctype": doctype,
			"reference_name": name,
			"participant": participant,
			"action": action,
			"route": (route() or "")[:140],
			"record_count": count,
			"accessed_on": now_datetime(),
		}
	).db_insert()
	frappe.local.flags.commit = True  # a form is loaded with GET, which Frappe would roll back


def after_read(doctype: str, name: str) -> None:
	"""A form of participant data was opened."""
	if doctype not in PERSONAL:
		return
	participant = name if doctype == "Participant" else frappe.db.get_value(doctype, name, "participant")
	log_access(doctype, name, "Read", participant=participant)


def after_export(
	doctype: str | None, count: int | None = None, participants: list[str] | None = None
) -> None:
	"""Participant data left the site as a file (report builder, report export, partner export)."""
	if doctype not in PERSONAL:
		return
	if participants:
		for participant in participants:
			log_access("Participant", participant, "Export", participant=participant)
		return
	log_access(doctype, None, "Export", count=count or 0)
