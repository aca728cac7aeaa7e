"""The Opportunity form as the business coach uses it (called from ``qs_wirtschaft.setup``): ERPNext's sales
fields are hidden by Property Setters, made once at install/migrate and removed at uninstall.

Hidden only: the fields stay in the DocType, keep their defaults and are neither removed nor made mandatory,
so ERPNext's own code (exchange rate, totals, lost reasons) and its Opportunity tests work as before. ERPNext's
*No of Employees* (a range) is hidden because the programme's *Employees* (``mq_employees``, a number,
carried over from the lead) says the same thing differently.
"""

import frappe
from frappe.custom.doctype.property_setter.property_setter import make_property_setter

DOCTYPE = "Opportunity"
HIDDEN_FIELDS = (
	# sales figures: probability, amount, currency and exchange rate
	"probability",
	"section_break_14",
	"currency",
	"conversion_rate",
	"opportunity_amount",
	"base_opportunity_amount",
	# the organisation as a sales target; the employees field that contradicts the programme's own
	"no_of_employees",
	"annual_revenue",
	"customer_group",
	"industry",
	"market_segment",
	"territory",
	# marketing source and campaign, competitors, the items tab with its totals
	"source",
	"campaign",
	"competitors",
	"items_section",
	"items",
	"section_break_32",
	"base_total",
	"total",
)


def setter_name(fieldname: str) -> str:
	return f"{DOCTYPE}-{fieldname}-hidden"


def hide_sales_fields() -> list[str]:
	"""Hide what is not hidden yet; a setter staff changed (Customize Form) stays as it is."""
	made = []
	fields = {df.fieldname for df in frappe.get_meta(DOCTYPE).fields}
	for fieldname in HIDDEN_FIELDS:
		if fieldname not in fields or frappe.db.exists("Property Setter", setter_name(fieldname)):
			continue
		make_property_setter(DOCTYPE, fieldname, "hidden", 1, "Check", validate_fields_for_doctype=False)
		made.append(fieldname)
	frappe.clear_cache(doctype=DOCTYPE)
	return made


def show_sales_fields() -> None:
	"""Uninstall: the app's setters go, ERPNext's form is as it was."""
	names = [setter_name(f) for f in HIDDEN_FIELDS]
	frappe.db.delete("Property Setter", {"name": ("in", names), "value": "1"})
	frappe.clear_cache(doctype=DOCTYPE)
