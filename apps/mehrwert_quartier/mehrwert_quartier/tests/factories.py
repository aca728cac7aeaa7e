"""Factory helpers for integration tests: each call creates a fresh record with unique values."""

import frappe
from frappe.utils import random_string


def unique(prefix: str) -> str:
	return f"{prefix} {random_string(8)}"


def make_user(*roles: str, user_type: str = "System User", email: str | None = None) -> str:
	email = email or f"{random_string(10).lower()}@test.mehrwert.example"
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": "Test",
			"last_name": random_string(6),
			"send_welcome_email": 0,
			"user_type": user_type,
			"language": "de",
		}
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


# QS Arbeit
ESF_ENTRY = {
	"entry_date": "2026-03-02",
	"date_of_birth": "1979-06-15",
	"gender": "Female",
	"labour_market_status": "Unemployed",
	"unemployment_months": 14,
	"isced_level": "ISCED 3",
	"household_situation": "Single-adult household with dependent children",
	"disability": "No",
	"foreign_background": "Yes",
	"third_country_national": "No answer",
	"minority": "No answer",
	"homelessness": "No",
}


def make_participant(esf: bool = True, **values) -> "frappe.model.document.Document":
	doc = frappe.get_doc(
		{
			"doctype": "Participant",
			"first_name": "Test",
			"last_name": random_string(8),
			"postcode": "04315",
			"address_line": "Eisenbahnstraße 1",
			**(ESF_ENTRY if esf else {}),
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def make_consent(
	participant: str, purpose: str = "Counselling", **values
) -> "frappe.model.document.Document":
	doc = frappe.get_doc(
		{
			"doctype": "Consent",
			"participant": participant,
			"purpose": purpose,
			"given_on": "2026-03-02",
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def make_consultation(participant: str, **values) -> "frappe.model.document.Document":
	doc = frappe.get_doc(
		{
			"doctype": "Consultation",
			"participant": participant,
			"consultation_date": "2026-03-02",
			"counsellor": "Administrator",
			"consultation_type": "First contact",
			"channel": "Walk-in",
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


# QS Wirtschaft
def make_lead(**values) -> "frappe.model.document.Document":
	name = unique("Testbetrieb")
	doc = {"doctype": "Lead", "company_name": name, "first_name": name.split()[-1], **values}
	return frappe.get_doc(doc).insert(ignore_permissions=True)


def make_support_case(
	business: "frappe.model.document.Document", **values
) -> "frappe.model.document.Document":
	doc = {
		"doctype": "Enterprise Support Case",
		"business_doctype": business.doctype,
		"business": business.name,
		**values,
	}
	return frappe.get_doc(doc).insert(ignore_permissions=True)


def make_business_relation(
	first: "frappe.model.document.Document", second: "frappe.model.document.Document", **values
) -> "frappe.model.document.Document":
	doc = {
		"doctype": "Business Relation",
		"business_a_doctype": first.doctype,
		"business_a": first.name,
		"business_b_doctype": second.doctype,
		"business_b": second.name,
		"relation_type": "Cooperation",
		**values,
	}
	return frappe.get_doc(doc).insert(ignore_permissions=True)


def make_customer(**values) -> "frappe.model.document.Document":
	doc = {"doctype": "Customer", "customer_name": unique("Testkunde"), "customer_type": "Company", **values}
	return frappe.get_doc(doc).insert(ignore_permissions=True)


def make_commercial_unit(**values) -> "frappe.model.document.Document":
	doc = {
		"doctype": "Commercial Unit",
		"unit_title": unique("Laden"),
		"address_line": "Eisenbahnstraße 1",
		"programme_area": "Leipziger Osten",
		"floor_space": 60,
		"use_type": "Retail",
		"monthly_rent": 500,
		**values,
	}
	return frappe.get_doc(doc).insert(ignore_permissions=True)


def make_training_offer(**values) -> "frappe.model.document.Document":
	provider = values.pop("provider", None) or make_training_provider().name
	doc = frappe.get_doc(
		{
			"doctype": "Training Offer",
			"offer_title": unique("Deutschkurs"),
			"provider": provider,
			"category": "Language",
			"language_of_instruction": "German",
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def make_training_provider(**values) -> "frappe.model.document.Document":
	doc = frappe.get_doc({"doctype": "Training Provider", "provider_name": unique("Bildungswerk"), **values})
	return doc.insert(ignore_permissions=True)
