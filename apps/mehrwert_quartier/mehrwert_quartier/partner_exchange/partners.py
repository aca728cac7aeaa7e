"""Partner scoping (hooks.py): a Programme Partner works for the Partner Organisation(s) listing them as user.

Scoped partners (``rules.partners.is_scoped_partner``) see and create only Import Batches of their own
organisations and import only the DocTypes registered with ``"partner_import": True`` in
``mq_importable_doctypes``. The rows of a partner batch are written by the system after these checks, so a
partner needs no permission on the target DocType and never reads its records (the per-row changes sit at
permlevel 1 of the batch).
"""

import frappe
from frappe import _

from mehrwert_quartier.partner_exchange.registry import importable_doctypes
from mehrwert_quartier.rules.partners import PartnerScopeError, is_scoped_partner, resolve_organisation


def is_partner(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return user not in ("Administrator", "Guest") and is_scoped_partner(frappe.get_roles(user))


def own_organisations(user: str | None = None) -> list[str]:
	"""The Partner Organisations whose user table lists ``user``."""
	return frappe.get_all(
		"Partner Organisation User",
		filters={"user": user or frappe.session.user, "parenttype": "Partner Organisation"},
		pluck="parent",
		distinct=True,
		order_by="parent asc",
	)


def partner_doctypes() -> list[str]:
	"""The DocTypes partners may import (``"partner_import": True`` in ``mq_importable_doctypes``)."""
	return sorted(d for d, config in importable_doctypes().items() if config.get("partner_import"))


def check_may_import(doctype: str):
	"""Partners: a partner-importable DocType; everybody else: create permission on it."""
	if not is_partner():
		frappe.has_permission(doctype, "create", throw=True)
	elif doctype not in partner_doctypes():
		frappe.throw(_("Partner organisations cannot import {0}").format(_(doctype)), frappe.PermissionError)


def scope_batch(batch):
	"""Import Batch validate: a partner's batch belongs to one of their organisations and cannot be moved."""
	if not is_partner():
		return
	check_may_import(batch.import_doctype)
	if not batch.is_new():
		for field in ("partner_organisation", "import_doctype", "import_file"):
			if batch.has_value_changed(field):
				frappe.throw(_("This batch can no longer be changed"), frappe.PermissionError)
		return
	try:
		batch.partner_organisation = resolve_organisation(batch.partner_organisation, own_organisations())
	except PartnerScopeError:
		frappe.throw(_("You can only upload for your own partner organisation"), frappe.PermissionError)
	if batch.import_file and not file_is_readable(batch.import_file):
		frappe.throw(_("The uploaded file was not found"), frappe.PermissionError)


def file_is_readable(file_url: str) -> bool:
	files = frappe.get_all("File", filters={"file_url": file_url}, pluck="name")
	return any(frappe.has_permission("File", "read", doc=frappe.get_doc("File", f)) for f in files)


def _own_organisations_condition(column: str, user: str | None) -> str:
	"""SQL condition limiting a scoped partner to its own organisations (names escaped); "" for staff."""
	user = user or frappe.session.user
	if not is_partner(user):
		return ""
	organisations = own_organisations(user)
	if not organisations:
		return "1=0"
	names = ", ".join(frappe.db.escape(o) for o in organisations)
	return f"{column} in ({names})"


def batch_query_conditions(user: str | None = None) -> str:
	return _own_organisations_condition("`tabImport Batch`.`partner_organisation`", user)


def batch_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if not is_partner(user):
		return None
	if ptype == "create" and not doc.get("partner_organisation"):
		return True  # set from the user's organisation in validate
	return doc.get("partner_organisation") in own_organisations(user)


def organisation_query_conditions(user: str | None = None) -> str:
	"""Partner Organisation: a scoped partner lists its own organisations only (issue 11, leak 11)."""
	return _own_organisations_condition("`tabPartner Organisation`.`name`", user)


def organisation_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	user = user or frappe.session.user
	if not is_partner(user):
		return None
	return doc.name in own_organisations(user)
