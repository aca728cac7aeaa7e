"""Demo data of the partner exchange (issue 12): an Import Profile of the Jobcenter's participant export, so that
its next file of that shape needs no mapping step, and staff see what a profile holds."""

import frappe

from mehrwert_quartier.partner_exchange.profiles import signature
from mehrwert_quartier.partner_exchange.testdata_partner import JOBCENTER_COLUMNS


def make_import_profiles(rng=None) -> int:
	organisation = "Jobcenter Leipzig"
	if not frappe.db.exists("Partner Organisation", organisation):
		return 0
	headers = list(JOBCENTER_COLUMNS)
	shape = signature("Participant", headers)
	if frappe.db.exists("Import Profile", {"header_signature": shape, "partner_organisation": organisation}):
		return 0
	columns = {header: fieldname or "" for header, fieldname in JOBCENTER_COLUMNS.items()}
	frappe.get_doc(
		{
			"doctype": "Import Profile",
			"profile_name": "Jobcenter Leipzig: Zuweisungen (Export)",
			"import_doctype": "Participant",
			"partner_organisation": organisation,
			"header_signature": shape,
			"headers": " | ".join(headers),
			"mapping": frappe.as_json({"columns": columns}),
		}
	).insert(ignore_permissions=True)
	return 1
