"""Role workspaces (issue 15): each role lands on its own workspace (programme/workspace/*, synced by
Frappe with the module). Here: the "My Day" blocks they show (Custom HTML Blocks, made from desk_blocks/)
and the users' default workspace, which is where Frappe sends a desk user after login and from the logo.

Frappe has no default workspace per role, only per user (User.default_workspace): users of a role get the
role's workspace when they have none (at migrate, and when a user is saved, hooks.py); uninstall clears it."""

from pathlib import Path

import frappe

BLOCKS_DIR = Path(__file__).resolve().parents[1] / "desk_blocks"
# Custom HTML Block -> the desk_home method it shows
BLOCKS = {"MQ Counsellor Day": "counsellor_day", "MQ Coach Day": "coach_day"}
# role -> workspace, first match wins for users with several roles
ROLE_WORKSPACES = {
	"Counsellor": "QS Arbeit",
	"Business Coach": "QS Wirtschaft",
	"Project Lead": "MehrWertQuartier",
	"Data Protection Officer": "Datenschutz",  # data_protection/workspace/datenschutz
}


def create_blocks() -> None:
	script = (BLOCKS_DIR / "my_day.js").read_text(encoding="utf-8")
	style = (BLOCKS_DIR / "my_day.css").read_text(encoding="utf-8")
	for name, method in BLOCKS.items():
		values = {
			"html": f'<div class="mq-day" data-method="{method}"></div>',
			"script": script,
			"style": style,
		}
		if frappe.db.exists("Custom HTML Block", name):
			block = frappe.get_doc("Custom HTML Block", name)
			if all(block.get(k) == v for k, v in values.items()):
				continue
			block.update(values)
			block.save(ignore_permissions=True)
		else:
			block = frappe.get_doc(
				{"doctype": "Custom HTML Block", "__newname": name, "private": 0, **values}
			)
			block.insert(ignore_permissions=True)


def delete_blocks() -> None:
	for name in BLOCKS:
		frappe.db.delete("Workspace Custom Block", {"custom_block_name": name})
		if frappe.db.exists("Custom HTML Block", name):
			frappe.delete_doc("Custom HTML Block", name, ignore_permissions=True, force=True)


def role_workspace(roles: list[str]) -> str | None:
	return next((ws for role, ws in ROLE_WORKSPACES.items() if role in roles), None)


def set_default_workspaces() -> None:
	"""Users of the app's roles without a default workspace get their role's."""
	users = frappe.get_all(
		"Has Role",
		filters={"role": ("in", list(ROLE_WORKSPACES)), "parenttype": "User"},
		fields=["parent", "role"],
	)
	roles: dict[str, list[str]] = {}
	for row in users:
		roles.setdefault(row.parent, []).append(row.role)
	for user, user_roles in roles.items():
		workspace = role_workspace(user_roles)
		if workspace and frappe.db.exists("Workspace", workspace):
			if not frappe.db.get_value("User", user, "default_workspace"):
				frappe.db.set_value("User", user, "default_workspace", workspace, update_modified=False)


def user_default_workspace(doc, method=None) -> None:
	"""doc_event User.validate: a user given an app role lands on the role's workspace."""
	if doc.default_workspace or doc.user_type != "System User":
		return
	workspace = role_workspace([r.role for r in doc.get("roles", [])])
	if workspace and frappe.db.exists("Workspace", workspace):
		doc.default_workspace = workspace


def clear_default_workspaces() -> None:
	"""Before uninstall: the workspaces go with the module, users must not point at them."""
	frappe.db.set_value(
		"User", {"default_workspace": ("in", list(set(ROLE_WORKSPACES.values())))}, "default_workspace", None
	)


def after_migrate() -> None:
	create_blocks()
	set_default_workspaces()


def before_uninstall() -> None:
	clear_default_workspaces()
	delete_blocks()
