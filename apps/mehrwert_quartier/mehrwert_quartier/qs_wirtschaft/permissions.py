"""Who sees enterprise support cases of entrepreneurs receiving social transfers (hooks.py).

Only the roles that may see the restricted flag "receives social transfers" on the CRM records
(Business Coach, Project Lead; System Manager administers) see cases of that type.
"""

import frappe

from mehrwert_quartier.rules.enterprise_support import RESTRICTED_CASE_TYPE, may_see_restricted


def case_query_conditions(user: str | None = None) -> str:
	user = user or frappe.session.user
	if user == "Administrator" or may_see_restricted(frappe.get_roles(user)):
		return ""
	return f"ifnull(`tabEnterprise Support Case`.`case_type`, '') != {frappe.db.escape(RESTRICTED_CASE_TYPE)}"


def case_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if doc.get("case_type") == RESTRICTED_CASE_TYPE and user != "Administrator":
		return may_see_restricted(frappe.get_roles(user))
	return None
