"""Cross-selling suggestions for a business: complementary businesses of its programme area.

The ranking is plain Python (``rules/b2b.py``); this module reads the rules, the candidates the user may
read and the business's open relations, and serves the form section on Lead, Prospect and Customer.
"""

import frappe
from frappe import _

from mehrwert_quartier.qs_wirtschaft.business import BUSINESS_DOCTYPES, NAME_FIELDS, business_details
from mehrwert_quartier.rules.b2b import OPEN_STATUSES, Business, CrossSellingRule, suggest_partners


@frappe.whitelist()
def get_suggestions(doctype: str, name: str) -> list[dict]:
	"""Suggested partners of a business, best first, each with the reasons of the matching rules."""
	if doctype not in BUSINESS_DOCTYPES:
		frappe.throw(_("A business is a Lead, Prospect or Customer, not {doctype}").format(doctype=doctype))
	frappe.has_permission(doctype, "read", name, throw=True)
	details = business_details(doctype, name)
	if not details:
		frappe.throw(_("{doctype} {name} not found").format(doctype=_(doctype), name=name))
	business = Business(doctype, name, details.title, details.programme_area, details.sector)
	rules = [
		CrossSellingRule(r.sector_a, r.sector_b, r.reason, bool(r.active))
		for r in frappe.get_all("Cross-selling Rule", fields=["sector_a", "sector_b", "reason", "active"])
	]
	candidates = candidate_businesses(business.programme_area)
	ranked = suggest_partners(business, candidates, rules, open_relations(business))
	return [
		{
			"doctype": s.business.doctype,
			"name": s.business.name,
			"title": s.business.title,
			"sector": s.business.sector,
			"reasons": list(s.reasons),
		}
		for s in ranked
	]


def candidate_businesses(programme_area: str | None) -> list[Business]:
	"""Businesses of the area the user may read; converted leads are left out (their customer counts)."""
	if not programme_area:
		return []
	found = []
	for doctype in BUSINESS_DOCTYPES:
		if not frappe.has_permission(doctype, "read"):
			continue
		filters = {"mq_programme_area": programme_area, "mq_sector": ("is", "set")}
		if doctype == "Lead":
			filters["status"] = ("!=", "Converted")
		if doctype == "Customer":
			filters["disabled"] = 0
		title_field = NAME_FIELDS[doctype]
		rows = frappe.get_list(
			doctype, filters=filters, fields=["name", title_field, "mq_sector"], limit_page_length=0
		)
		found += [
			Business(doctype, r.name, r.get(title_field) or r.name, programme_area, r.mq_sector) for r in rows
		]
	return found


def open_relations(business: Business) -> set[tuple[str, str]]:
	"""The businesses this one has an open relation with (any type, either side)."""
	related = set()
	for mine, other in (("business_a", "business_b"), ("business_b", "business_a")):
		rows = frappe.get_all(
			"Business Relation",
			filters={
				f"{mine}_doctype": business.doctype,
				mine: business.name,
				"status": ("in", OPEN_STATUSES),
			},
			fields=[f"{other}_doctype as doctype", f"{other} as name"],
		)
		related |= {(r.doctype, r.name) for r in rows}
	return related
