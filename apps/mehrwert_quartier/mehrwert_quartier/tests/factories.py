"""Factory helpers for integration tests: each call creates a fresh record with unique values."""

import frappe
from frappe.utils import random_string


def unique(prefix: str) -> str:
	return f"{prefix} {random_string(8)}"


def make_user(*roles: str, user_type: str = "System User", email: str | None = None) -> str:
	email = email or f"{random_string(10).lower()}@test.mehrwert.example"
	user = frappe.get_doc(
		{"doctype": "User", "email": email, "first_name": "Test", "last_name": random_string(6),
		"send_welcome_email": 0, "user_type": user_type, "language": "de"}
	)
	user.append_roles(*roles)
	user.insert(ignore_permissions=True)
	return user.name


def make_partner_organisation(**values) -> "frappe.model.document.Document":
	doc = frappe.get_doc(
		{
			"doctype": "Partner Organisation",
			"organisation_name": unique("Testverein"),
			"organisation_type": "Association",
			"programme_areas": [{"programme_area": "Grünau"}],
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def make_postcode_area(postcode: str, area: str = "Grünau") -> "frappe.model.document.Document":
	if frappe.db.exists("Postcode Area", postcode):
		frappe.delete_doc("Postcode Area", postcode, ignore_permissions=True, force=True)
	return frappe.get_doc({"doctype": "Postcode Area", "postcode": postcode, "programme_area": area}).insert(
		ignore_permissions=True
	)
