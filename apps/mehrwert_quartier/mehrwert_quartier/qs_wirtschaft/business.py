"""Businesses of QS Wirtschaft as Dynamic Links (Lead, Prospect or Customer): their name and area."""

import frappe

from mehrwert_quartier.rules.enterprise_support import BUSINESS_DOCTYPES, check_business_doctype
from mehrwert_quartier.validation import rule_check

# the field that holds a business's name, by DocType
NAME_FIELDS = {"Lead": "company_name", "Prospect": "company_name", "Customer": "customer_name"}


def business_details(doctype: str | None, name: str | None) -> frappe._dict | None:
	"""Name, programme area and sector of a business; None when the record is missing (the link
	validation reports it). A DocType other than Lead, Prospect or Customer is refused."""
	with rule_check("Business"):
		check_business_doctype(doctype)
	if not name:
		return None
	values = frappe.db.get_value(
		doctype, name, [NAME_FIELDS[doctype], "mq_programme_area", "mq_sector"], as_dict=True
	)
	if not values:
		return None
	return frappe._dict(
		title=values.get(NAME_FIELDS[doctype]) or name,
		programme_area=values.mq_programme_area,
		sector=values.mq_sector,
	)


__all__ = ["BUSINESS_DOCTYPES", "NAME_FIELDS", "business_details"]
