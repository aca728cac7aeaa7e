"""QS Wirtschaft setup, called from setup/install.py: CRM permissions, opportunity types, sales stages
and the workflow of Enterprise Support Case. Everything is idempotent.

Uninstall removes the workflow and the permission rows; opportunity types and sales stages stay when an
opportunity uses them (deleting them would break those records), the others are removed.
"""

import frappe
from frappe import _
from frappe.custom.doctype.property_setter.property_setter import make_property_setter
from frappe.permissions import reset_perms, setup_custom_perms

from mehrwert_quartier.qs_wirtschaft import b2b_setup, opportunity_form
from mehrwert_quartier.qs_wirtschaft.crm_fields import CRM_DOCTYPES, RESTRICTED_PERMLEVEL, RESTRICTED_ROLES
from mehrwert_quartier.setup.workflows import WorkflowSpec, delete_workflow, ensure_workflow

OPPORTUNITY_TYPES = [
	"Business Advice",
	"Recruiting Support",
	"Training Need",
	"Settlement",
	"B2B Cooperation",
	"Event Participation",
]
# ERPNext defaults a new Opportunity to _("Sales"), whose record carries the name of the language the site
# was set up in ("Vertrieb" here): a user in another language got "Opportunity Type: Sales not found". The
# programme's own default type is set as the field's default instead, so ERPNext's fallback never runs.
DEFAULT_OPPORTUNITY_TYPE = "Business Advice"
SALES_STAGES = ["First Contact", "Needs Assessment", "Support Agreed", "In Support", "Completed"]
DEFAULT_TYPE_SETTER = {"doc_type": "Opportunity", "field_name": "opportunity_type", "property": "default"}
# records named in English, shown translated wherever they are linked ("Translate Link Fields", Frappe v15):
# the Opportunity form, list, Kanban cards and link search show "Unternehmensberatung", not "Business Advice"
# Print Format: the print view's format selector is a link, so "Attendance Sheet" shows as "Teilnahmeliste"
TRANSLATED_DOCTYPES = ["Opportunity Type", "Sales Stage", "Print Format"]
# DocType properties the app sets on ERPNext's DocTypes: (doctype, property, value, type)
DOCTYPE_SETTINGS = [(dt, "translated_doctype", "1", "Check") for dt in TRANSLATED_DOCTYPES] + [
	# links show the business or deal, not CRM-LEAD-2026-00005
	(dt, "show_title_field_in_link", "1", "Check")
	for dt in ("Lead", "Customer", "Opportunity")
]
APP_SETTERS = {"name": ("in", [f"{dt}-main-{prop}" for dt, prop, _value, _type in DOCTYPE_SETTINGS])}

CASE_DOCTYPE = "Enterprise Support Case"
CASE_WORKFLOW = WorkflowSpec(
	name="Enterprise Support Case",
	document_type=CASE_DOCTYPE,
	state_field="status",
	states=[
		("Contacted", "Primary", RESTRICTED_ROLES),
		("Needs Assessed", "Info", RESTRICTED_ROLES),
		("In Support", "Warning", RESTRICTED_ROLES),
		("Completed", "Success", RESTRICTED_ROLES),
		("Dormant", "Inverse", RESTRICTED_ROLES),
	],
	transitions=[
		("Contacted", "Assess Needs", "Needs Assessed", RESTRICTED_ROLES),
		("Needs Assessed", "Start Support", "In Support", RESTRICTED_ROLES),
		("In Support", "Complete", "Completed", RESTRICTED_ROLES),
		("Contacted", "Set Dormant", "Dormant", RESTRICTED_ROLES),
		("Needs Assessed", "Set Dormant", "Dormant", RESTRICTED_ROLES),
		("In Support", "Set Dormant", "Dormant", RESTRICTED_ROLES),
		("Dormant", "Reactivate", "Contacted", RESTRICTED_ROLES),
	],
)
RIGHTS = (
	"read",
	"write",
	"create",
	"delete",
	"submit",
	"cancel",
	"amend",
	"report",
	"export",
	"import",
	"share",
	"print",
	"email",
	"select",
	"if_owner",
)
# (role, permlevel) -> rights given on Lead, Prospect, Customer and Opportunity
CRM_PERMISSIONS = {
	("Business Coach", 0): ("read", "write", "create", "report", "export", "share", "print", "email"),
	("Project Lead", 0): ("read", "write", "create", "report", "export", "share", "print", "email"),
	("Business Coach", RESTRICTED_PERMLEVEL): ("read", "write"),
	("Project Lead", RESTRICTED_PERMLEVEL): ("read", "write"),
}


def after_migrate() -> None:
	setup_crm_permissions()
	create_crm_records()
	ensure_workflow(CASE_WORKFLOW)
	b2b_setup.after_migrate()
	opportunity_form.hide_sales_fields()


def before_uninstall() -> None:
	opportunity_form.show_sales_fields()
	b2b_setup.before_uninstall()
	delete_workflow(CASE_WORKFLOW)
	remove_crm_permissions()
	delete_crm_records()


def setup_crm_permissions() -> None:
	for doctype in CRM_DOCTYPES:
		setup_custom_perms(doctype)  # copies the standard rules once: custom rules replace them
		for (role, permlevel), rights in CRM_PERMISSIONS.items():
			filters = {"parent": doctype, "role": role, "permlevel": permlevel, "if_owner": 0}
			if frappe.db.exists("Custom DocPerm", filters):
				continue
			perm = frappe.get_doc(
				{
					"doctype": "Custom DocPerm",
					"parenttype": "DocType",
					"parentfield": "permissions",
					**filters,
					**{r: 1 for r in rights},
				}
			)
			perm.insert(ignore_permissions=True)
		frappe.clear_cache(doctype=doctype)


def remove_crm_permissions() -> None:
	for doctype in CRM_DOCTYPES:
		frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": ("in", RESTRICTED_ROLES)})
		# what is left is the copy of the standard rules made at install: back to the standard rules
		if _rules("Custom DocPerm", doctype) == _rules("DocPerm", doctype):
			reset_perms(doctype)
		frappe.clear_cache(doctype=doctype)


def _rules(table: str, doctype: str) -> list[tuple]:
	rows = frappe.get_all(table, filters={"parent": doctype}, fields=["role", "permlevel", *RIGHTS])
	return sorted(tuple(row[k] or 0 for k in ("role", "permlevel", *RIGHTS)) for row in rows)


def create_crm_records() -> None:
	for name in OPPORTUNITY_TYPES:
		german = _(name, lang="de")
		if not frappe.db.exists("Opportunity Type", name):
			doc = frappe.get_doc({"doctype": "Opportunity Type", "name": name, "description": german})
			doc.insert(ignore_permissions=True)
		elif frappe.db.get_value("Opportunity Type", name, "description") == name:  # the English one of old
			frappe.db.set_value("Opportunity Type", name, "description", german)
	translate_links()
	for name in SALES_STAGES:
		if not frappe.db.exists("Sales Stage", name):
			frappe.get_doc({"doctype": "Sales Stage", "stage_name": name}).insert(ignore_permissions=True)
	if not frappe.db.exists("Property Setter", DEFAULT_TYPE_SETTER):  # a default set by staff stays
		make_property_setter(
			*DEFAULT_TYPE_SETTER.values(), DEFAULT_OPPORTUNITY_TYPE, "Text", validate_fields_for_doctype=False
		)


def translate_links() -> None:
	for doctype, prop, value, prop_type in DOCTYPE_SETTINGS:
		if not frappe.db.exists("Property Setter", f"{doctype}-main-{prop}"):
			make_property_setter(doctype, None, prop, value, prop_type, for_doctype=True)
		frappe.clear_cache(doctype=doctype)


def delete_crm_records() -> None:
	frappe.db.delete("Property Setter", DEFAULT_TYPE_SETTER)
	frappe.db.delete("Property Setter", APP_SETTERS)
	for doctype, *_setting in DOCTYPE_SETTINGS:
		frappe.clear_cache(doctype=doctype)
	frappe.clear_cache(doctype="Opportunity")
	for doctype, field, names in (
		("Opportunity Type", "opportunity_type", OPPORTUNITY_TYPES),
		("Sales Stage", "sales_stage", SALES_STAGES),
	):
		for name in names:
			if frappe.db.exists(doctype, name) and not frappe.db.exists("Opportunity", {field: name}):
				frappe.delete_doc(doctype, name, ignore_permissions=True, force=True)
