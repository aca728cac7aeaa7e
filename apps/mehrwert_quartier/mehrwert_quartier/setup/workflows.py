"""Frappe Workflows of the app, created idempotently at install/migrate and removed at uninstall.

A module describes its workflow as a :class:`WorkflowSpec`; ``ensure_workflow`` creates the states,
actions and the workflow when missing, ``delete_workflow`` removes them again (states and actions only
when no other workflow uses them).
"""

from dataclasses import dataclass

import frappe


@dataclass(frozen=True)
class WorkflowSpec:
	name: str
	document_type: str
	state_field: str
	states: list[tuple[str, str, tuple[str, ...]]]  # state, style, roles that may edit in it
	transitions: list[tuple[str, str, str, tuple[str, ...]]]  # from, action, to, roles allowed


def ensure_workflow(spec: WorkflowSpec) -> None:
	for state, style, _roles in spec.states:
		if not frappe.db.exists("Workflow State", state):
			doc = {"doctype": "Workflow State", "workflow_state_name": state, "style": style}
			frappe.get_doc(doc).insert(ignore_permissions=True)
	for action in sorted({t[1] for t in spec.transitions}):
		if not frappe.db.exists("Workflow Action Master", action):
			doc = {"doctype": "Workflow Action Master", "workflow_action_name": action}
			frappe.get_doc(doc).insert(ignore_permissions=True)
	if frappe.db.exists("Workflow", spec.name):
		return
	frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": spec.name,
			"document_type": spec.document_type,
			"workflow_state_field": spec.state_field,
			"is_active": 1,
			"send_email_alert": 0,
			"states": [
				{"state": state, "doc_status": "0", "allow_edit": role}
				for state, _style, roles in spec.states
				for role in roles
			],
			"transitions": [
				{"state": a, "action": action, "next_state": b, "allowed": role, "allow_self_approval": 1}
				for a, action, b, roles in spec.transitions
				for role in roles
			],
		}
	).insert(ignore_permissions=True)


def rename_actions(spec: WorkflowSpec, renamed: dict[str, str]) -> None:
	"""Rename actions of an existing workflow (old name -> new); an old action no workflow uses goes."""
	for old, new in renamed.items():
		transitions = {"parent": spec.name, "parenttype": "Workflow", "action": old}
		if frappe.db.exists("Workflow Transition", transitions):
			frappe.db.set_value("Workflow Transition", transitions, "action", new)
			frappe.clear_cache(doctype=spec.document_type)
		if frappe.db.exists("Workflow Action Master", old) and not frappe.db.exists(
			"Workflow Transition", {"action": old}
		):
			frappe.delete_doc("Workflow Action Master", old, ignore_permissions=True, force=True)


def delete_workflow(spec: WorkflowSpec) -> None:
	if frappe.db.exists("Workflow", spec.name):
		frappe.delete_doc("Workflow", spec.name, ignore_permissions=True, force=True)
	for state, _style, _roles in spec.states:
		if frappe.db.exists("Workflow State", state) and not frappe.db.exists(
			"Workflow Document State", {"state": state}
		):
			frappe.delete_doc("Workflow State", state, ignore_permissions=True, force=True)
	for action in {t[1] for t in spec.transitions}:
		if frappe.db.exists("Workflow Action Master", action) and not frappe.db.exists(
			"Workflow Transition", {"action": action}
		):
			frappe.delete_doc("Workflow Action Master", action, ignore_permissions=True, force=True)
