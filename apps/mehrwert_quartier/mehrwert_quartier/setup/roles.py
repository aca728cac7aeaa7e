"""The programme's roles: created at install and migrate, removed at uninstall."""

import frappe

# name -> desk access; German labels come from translations/de.csv
ROLES: dict[str, dict] = {
	"Counsellor": {"desk_access": 1, "description": "Counsellor / case manager of QS Arbeit"},
	"Business Coach": {"desk_access": 1, "description": "Business coach of QS Wirtschaft"},
	"Project Lead": {"desk_access": 1, "description": "Programme management: all records and reports"},
	"Programme Partner": {"desk_access": 0, "description": "Partner organisation (portal user)"},
	"Data Protection Officer": {"desk_access": 1, "description": "Data protection officer: consents, audits"},
}


def create_roles() -> None:
	for name, props in ROLES.items():
		if frappe.db.exists("Role", name):
			role = frappe.get_doc("Role", name)
			if all(role.get(k) == v for k, v in props.items()):
				continue
			role.update(props)
			role.save(ignore_permissions=True)
		else:
			frappe.get_doc({"doctype": "Role", "role_name": name, **props}).insert(ignore_permissions=True)


def delete_roles() -> None:
	roles = [r for r in ROLES if frappe.db.exists("Role", r)]
	if not roles:
		return
	for child in ("Has Role", "Custom DocPerm", "DocPerm"):
		frappe.db.delete(child, {"role": ("in", roles)})
	for role in roles:
		frappe.delete_doc("Role", role, force=True, ignore_permissions=True)
