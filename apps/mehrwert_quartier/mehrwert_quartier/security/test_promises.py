"""The promise table matches the permissions declared on the site (DocPerm and Custom DocPerm)."""

import frappe
from frappe.permissions import get_perms_for
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.security.promises import OWN_ONLY, PROMISES, PROTECTED_FIELDS, ROLES

BASIC = {"read": "r", "write": "w", "create": "c", "delete": "d", "export": "x"}


def effective_roles(role: str) -> list[str]:
	if role == "Guest":
		return ["Guest"]
	extra = ["Desk User"] if role != "Programme Partner" else []
	return [role, "All", "Guest", *extra]


def declared_rules(doctype: str, roles: list[str], permlevel: int = 0) -> list[dict]:
	custom = frappe.get_all("Custom DocPerm", filters={"parent": doctype}, pluck="name", limit=1)
	table = "Custom DocPerm" if custom else "DocPerm"
	rules = get_perms_for(roles, table) if permlevel == 0 else []
	if permlevel:
		rules = frappe.get_all(table, fields=["*"], filters={"permlevel": permlevel, "role": ["in", roles]})
	return [r for r in rules if r.parent == doctype]


def declared(doctype: str, role: str) -> tuple[str, bool]:
	rules = declared_rules(doctype, effective_roles(role))
	letters = {letter for r in rules for ptype, letter in BASIC.items() if r.get(ptype)}
	if any(r.read or r.print for r in rules):
		letters.add("p")
	if any(r.read or r.select for r in rules):
		letters.add("n")
	own_only = bool(rules) and all(r.if_owner for r in rules)
	return "".join(sorted(letters)), own_only


class TestPromises(FrappeTestCase):
	def test_the_table_matches_the_declared_permissions(self):
		for doctype, promised in PROMISES.items():
			for role in ROLES:
				letters, own_only = declared(doctype, role)
				self.assertEqual(letters, "".join(sorted(promised.get(role, ""))), f"{doctype} / {role}")
				if own_only:
					self.assertIn((doctype, role), OWN_ONLY)

	def test_every_protected_field_is_promised_with_its_readers(self):
		listed = {(dt, field): (level, set(readers)) for dt, field, level, readers in PROTECTED_FIELDS}
		for doctype in PROMISES:
			for df in frappe.get_meta(doctype).fields:
				if df.permlevel and df.fieldtype not in ("Section Break", "Column Break", "Tab Break"):
					if df.fieldname.startswith("mq_") or frappe.get_meta(doctype).module in APP_MODULES:
						self.assertIn((doctype, df.fieldname), listed, f"{doctype}.{df.fieldname} unlisted")
		for (doctype, field), (level, readers) in listed.items():
			self.assertEqual(frappe.get_meta(doctype).get_field(field).permlevel, level)
			for role in set(ROLES) - {"Guest"}:
				reads = any(r.read for r in declared_rules(doctype, [role], level))
				reads = reads and "r" in PROMISES[doctype].get(role, "")
				self.assertEqual(reads, role in readers, f"{doctype}.{field} / {role}")


APP_MODULES = {"Programme", "QS Arbeit", "QS Wirtschaft", "Programme Events", "Partner Exchange", "Reporting"}
