"""Employers of vacancies and placements: an ERPNext Customer or Prospect."""

import frappe

NAME_FIELD = {"Customer": "customer_name", "Prospect": "company_name"}


def employer_name(employer_type: str | None, employer: str | None) -> str | None:
	if not employer or employer_type not in NAME_FIELD:
		return None
	return frappe.db.get_value(employer_type, employer, NAME_FIELD[employer_type]) or employer
