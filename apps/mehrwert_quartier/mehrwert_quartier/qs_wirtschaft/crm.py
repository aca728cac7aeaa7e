"""Carry the QS Wirtschaft fields along ERPNext's CRM conversions (doc_events in hooks.py).

Lead -> Customer and Lead/Prospect -> Opportunity go through ``get_mapped_doc``, which copies fields of
the same name. Lead -> Prospect (``Lead.create_prospect``) and an Opportunity entered by hand are
filled here: empty fields take the value of the lead of the prospect, or of the opportunity's party.
"""

import frappe

from mehrwert_quartier.qs_wirtschaft.crm_fields import DATA_FIELDS
from mehrwert_quartier.qs_wirtschaft.map_fields import LOCATION_FIELD
from mehrwert_quartier.rules.headcount import FIELD as HEADCOUNT
from mehrwert_quartier.rules.headcount import normalised_headcount
from mehrwert_quartier.validation import rule_check

PARTY_DOCTYPES = ("Lead", "Prospect", "Customer")
# a business keeps its place on the map (an opportunity has none)
BUSINESS_FIELDS = [*DATA_FIELDS, LOCATION_FIELD]


def fill_from(doc, source_doctype: str | None, source_name: str | None, fields: list | None = None) -> None:
	if source_doctype not in PARTY_DOCTYPES or not source_name:
		return
	values = frappe.db.get_value(source_doctype, source_name, fields or DATA_FIELDS, as_dict=True)
	for fieldname, value in (values or {}).items():
		if value and not doc.get(fieldname):
			doc.set(fieldname, value)


def prospect_before_save(doc, method=None) -> None:
	"""A prospect created from a lead takes the lead's programme data."""
	lead = next((row.lead for row in doc.get("leads") or [] if row.lead), None)
	fill_from(doc, "Lead", lead, BUSINESS_FIELDS)


def customer_before_insert(doc, method=None) -> None:
	"""A customer created from a lead (``lead_name``) or a prospect (``prospect_name``)."""
	fill_from(doc, "Lead", doc.get("lead_name"), BUSINESS_FIELDS)
	if doc.get("prospect_name"):
		fill_from(doc, "Prospect", doc.prospect_name, BUSINESS_FIELDS)


def opportunity_before_save(doc, method=None) -> None:
	"""An opportunity takes the programme data of its party where it has none of its own."""
	fill_from(doc, doc.get("opportunity_from"), doc.get("party_name"))


def validate_business(doc, method=None) -> None:
	"""The headcount is a whole number or blank (unknown), stored as text (rules/headcount.py)."""
	with rule_check("Invalid Number of Employees"):
		doc.set(HEADCOUNT, normalised_headcount(doc.get(HEADCOUNT)))
