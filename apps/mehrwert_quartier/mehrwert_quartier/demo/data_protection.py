"""Demo data of the Data Protection Officer: programme dates and last payment, two open data subject requests."""

import random

import frappe
from frappe.model.workflow import apply_workflow

DPO = "datenschutz@mehrwert.example"


def make_data_protection(rng: random.Random) -> int:
	settings = frappe.get_single("Programme Settings")
	settings.update(
		{"programme_start": "2023-01-01", "programme_end": "2026-12-31", "last_payment_date": "2027-06-30"}
	)
	settings.flags.ignore_permissions = True
	settings.save()
	participants = frappe.get_all("Participant", filters={"anonymised": 0}, pluck="name", order_by="name")
	if not participants or frappe.db.count("Data Subject Request"):
		return 0
	handler = DPO if frappe.db.exists("User", DPO) else "Administrator"
	requests = [
		{"request_type": "Access", "requester_name": "Demo-Antrag Auskunft", "received_on": "2026-11-20"},
		{
			"request_type": "Erasure",
			"requester_name": "Demo-Antrag Löschung",
			"received_on": "2026-11-25",
			"identity_evidence": "Personalausweis vorgelegt",
		},
	]
	for values in requests:
		doc = frappe.get_doc(
			{
				"doctype": "Data Subject Request",
				"participant": rng.choice(participants),
				"handled_by": handler,
				**values,
			}
		).insert(ignore_permissions=True)
		if doc.identity_evidence:
			apply_workflow(doc, "Confirm Identity")
	return len(requests)
