"""Participant export for a partner organisation, limited by consent (``rules/partners.py``).

Only participants with a valid consent for the organisation's sharing purpose *naming this organisation as
recipient* are exported (Jobcenter: "Data sharing with the Jobcenter"; project and cooperation partners,
education providers: "Profile sharing with employers"; other types get nothing). Missing, withdrawn or
another recipient's consent excludes a participant. Only the fields of ``SHARED_FIELDS`` at permlevel 0.
"""

import frappe
from frappe import _

from mehrwert_quartier.data_protection import access_log
from mehrwert_quartier.partner_exchange import partners
from mehrwert_quartier.partner_exchange.api import send_file
from mehrwert_quartier.partner_exchange.xlsx import write_rows
from mehrwert_quartier.qs_arbeit.doctype.consent.consent import has_valid_consent
from mehrwert_quartier.rules.partners import SHARED_FIELDS, sharing_purpose


@frappe.whitelist()
def export_participants(partner_organisation: str):
	"""Workbook of the consenting participants for ``partner_organisation``."""
	check_may_export(partner_organisation)
	send_file(f"teilnehmende-{frappe.scrub(partner_organisation)}.xlsx", export_content(partner_organisation))


def check_may_export(partner_organisation: str):
	if partners.is_partner():
		if partner_organisation not in partners.own_organisations():
			frappe.throw(_("You can only export for your own partner organisation"), frappe.PermissionError)
	else:
		frappe.has_permission("Participant", "export", throw=True)


def consenting_participants(partner_organisation: str) -> tuple[str, list[str]]:
	kind = frappe.db.get_value("Partner Organisation", partner_organisation, "organisation_type")
	purpose = sharing_purpose(kind)
	if not purpose:
		frappe.throw(
			_("Participant data is not shared with organisations of type {0}").format(_(kind or "")),
			frappe.PermissionError,
		)
	candidates = frappe.get_all(
		"Consent",
		filters={"purpose": purpose, "recipient": partner_organisation},
		pluck="participant",
		distinct=True,
		order_by="participant asc",
	)
	return purpose, [p for p in candidates if has_valid_consent(p, purpose, recipient=partner_organisation)]


def export_content(partner_organisation: str) -> bytes:
	purpose, names = consenting_participants(partner_organisation)
	meta = frappe.get_meta("Participant")
	fields = [f for f in SHARED_FIELDS[purpose] if meta.get_field(f) and not meta.get_field(f).permlevel]
	# a participant restricted by a data subject request (Art. 18) is not shared
	records = frappe.get_all(
		"Participant",
		filters={"name": ("in", names or [""]), "restricted": 0},
		fields=["name", *fields],
		order_by="name",
	)
	access_log.after_export("Participant", participants=[r.name for r in records])
	headers = [_("ID", lang="de")] + [_(meta.get_field(f).label, lang="de") for f in fields]
	return write_rows(headers, ([r.name, *(r.get(f) for f in fields)] for r in records))
