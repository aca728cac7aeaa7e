"""Calls of Frappe's whitelisted routes as the desk and the REST API make them (security tests).

``call`` resolves the method like an HTTP request does (``frappe.handler.execute_cmd``: the app's
``override_whitelisted_methods`` apply), after the app's ``before_request`` hooks ran.
"""

import frappe
import frappe.api.v1
import frappe.handler


def start_request() -> None:
	for method in frappe.get_hooks("before_request"):
		frappe.call(method)


def call(method: str, **form) -> object:
	start_request()
	frappe.local.form_dict = frappe._dict(
		{k: v if isinstance(v, str | int) or v is None else frappe.as_json(v) for k, v in form.items()}
	)
	frappe.local.response = frappe._dict(docs=[])
	request = getattr(frappe.local, "request", None)
	frappe.local.request = frappe._dict(method="POST")
	try:
		return frappe.handler.execute_cmd(method)
	finally:
		frappe.local.request = request
		frappe.local.form_dict = frappe._dict()


def rest_list(doctype: str, **form) -> list:
	"""``GET /api/resource/<doctype>?…``"""
	start_request()
	frappe.local.form_dict = frappe._dict(
		{k: v if isinstance(v, str | int) else frappe.as_json(v) for k, v in form.items()}
	)
	try:
		return frappe.api.v1.document_list(doctype)
	finally:
		frappe.local.form_dict = frappe._dict()


def as_user(user: str, read, *args, **kwargs):
	frappe.set_user(user)
	try:
		return read(*args, **kwargs)
	finally:
		frappe.set_user("Administrator")
