"""What the app leaves in a site: used to prove that uninstall removes everything it added."""

import frappe

from mehrwert_quartier.data_protection.setup import REQUEST_WORKFLOW
from mehrwert_quartier.programme_events.setup import EVENT_WORKFLOW
from mehrwert_quartier.qs_arbeit.setup import COACHING_PLAN_WORKFLOW
from mehrwert_quartier.qs_wirtschaft.b2b_setup import KANBAN_BOARD, SETTLEMENT_WORKFLOW
from mehrwert_quartier.qs_wirtschaft.crm_fields import CRM_DOCTYPES
from mehrwert_quartier.qs_wirtschaft.opportunity_form import HIDDEN_FIELDS, setter_name
from mehrwert_quartier.qs_wirtschaft.setup import APP_SETTERS, CASE_WORKFLOW, DEFAULT_TYPE_SETTER
from mehrwert_quartier.setup.custom_fields import get_app_custom_fields
from mehrwert_quartier.setup.roles import ROLES
from mehrwert_quartier.setup.workspaces import BLOCKS, ROLE_WORKSPACES


def app_modules() -> list[str]:
	return frappe.get_module_list("mehrwert_quartier")


def app_footprint() -> dict[str, list[str]]:
	"""Records of the app in the current site, by kind (empty lists after a clean uninstall), each list
	sorted: a migrate that touches a role or workspace changes the order ``frappe.get_all`` answers in."""
	return {kind: sorted(names) for kind, names in _footprint().items()}


def _footprint() -> dict[str, list[str]]:
	modules = app_modules()
	fields = get_app_custom_fields()
	custom_fields = [
		f"{row.dt}.{row.fieldname}"
		for row in frappe.get_all("Custom Field", fields=["dt", "fieldname", "module"])
		if row.module in modules or row.fieldname in {f["fieldname"] for f in fields.get(row.dt, [])}
	]
	return {
		"roles": frappe.get_all("Role", filters={"name": ("in", list(ROLES))}, pluck="name"),
		"doctypes": frappe.get_all("DocType", filters={"module": ("in", modules)}, pluck="name"),
		"module_defs": frappe.get_all("Module Def", filters={"app_name": "mehrwert_quartier"}, pluck="name"),
		"workspaces": frappe.get_all("Workspace", filters={"module": ("in", modules)}, pluck="name"),
		"number_cards": frappe.get_all("Number Card", filters={"module": ("in", modules)}, pluck="name"),
		"dashboard_charts": frappe.get_all(
			"Dashboard Chart", filters={"module": ("in", modules)}, pluck="name"
		),
		"custom_fields": sorted(custom_fields),
		"workflows": frappe.get_all(
			"Workflow",
			filters={
				"name": (
					"in",
					[
						w.name
						for w in (
							CASE_WORKFLOW,
							COACHING_PLAN_WORKFLOW,
							EVENT_WORKFLOW,
							SETTLEMENT_WORKFLOW,
							REQUEST_WORKFLOW,
						)
					],
				)
			},
			pluck="name",
		),
		"property_setters": frappe.get_all("Property Setter", filters=DEFAULT_TYPE_SETTER, pluck="name")
		+ frappe.get_all("Property Setter", filters=APP_SETTERS, pluck="name")
		+ frappe.get_all(
			"Property Setter", filters={"name": ("in", [setter_name(f) for f in HIDDEN_FIELDS])}, pluck="name"
		),
		"kanban_boards": frappe.get_all("Kanban Board", filters={"name": KANBAN_BOARD}, pluck="name"),
		"custom_docperms": custom_docperms(),
		"custom_html_blocks": frappe.get_all(
			"Custom HTML Block", filters={"name": ("in", list(BLOCKS))}, pluck="name"
		),
		"default_workspaces": frappe.get_all(
			"User", filters={"default_workspace": ("in", list(set(ROLE_WORKSPACES.values())))}, pluck="name"
		),
		"defaults": frappe.get_all(
			"DefaultValue", filters={"parent": "__default", "defkey": ("like", "mq\\_%")}, pluck="defkey"
		),
		"installed": ["mehrwert_quartier"] if "mehrwert_quartier" in frappe.get_installed_apps() else [],
	}


def custom_docperms() -> list[str]:
	"""Custom permission rules of the app's roles and on the CRM DocTypes the app extends."""
	rows = frappe.get_all("Custom DocPerm", fields=["parent", "role", "permlevel"])
	return sorted(
		f"{r.parent}:{r.role}:{r.permlevel}" for r in rows if r.parent in CRM_DOCTYPES or r.role in ROLES
	)
