"""``Document.run_method`` for many records of one DocType.

Frappe's ``run_method`` composes, on every call, the controller method with the ``doc_events`` handlers of all
apps (looked up by their dotted paths each time), then asks whether notifications, webhooks or server scripts
exist for the DocType. :class:`Triggers` looks each method's handlers up once. When the DocType has no enabled
notification, webhook or server script, it leaves those three calls out, since they would return at once;
otherwise every call goes to Frappe's own ``run_method``.
"""

from functools import partial

import frappe


class Triggers:
	def __init__(self, doctype: str):
		self.doctype = doctype
		self.handlers: dict[str, list] = {}
		self.plain = not has_automation(doctype)

	def attach(self, doc):
		"""From now on ``doc.run_method`` (also inside Frappe's own steps) runs here."""
		if self.plain:
			doc.run_method = partial(self.run, doc)

	@staticmethod
	def detach(doc):
		doc.__dict__.pop("run_method", None)

	def run(self, doc, method: str, *args, **kwargs):
		"""What ``Document.hook`` composes: the controller method, then the handlers; dicts returned are merged."""
		result = None
		own = getattr(doc, method, None)
		if callable(own):
			result = merge(result, own(*args, **kwargs))
		for handler in self.handlers_of(method):
			result = merge(result, handler(doc, method, *args, **kwargs))
		return result

	def handlers_of(self, method: str) -> list:
		if method not in self.handlers:
			doc_events = frappe.get_doc_hooks()
			paths = doc_events.get(self.doctype, {}).get(method, []) + doc_events.get("*", {}).get(method, [])
			self.handlers[method] = [frappe.get_attr(path) for path in paths]
		return self.handlers[method]


def merge(result, value):
	if value is None:
		return result
	if isinstance(value, dict):
		return {**(result if isinstance(result, dict) else {}), **value}
	return value


def has_automation(doctype: str) -> bool:
	"""An enabled notification, webhook or document-event server script for the DocType."""
	return bool(
		frappe.get_all("Notification", filters={"enabled": 1, "document_type": doctype}, limit=1)
		or frappe.get_all("Webhook", filters={"enabled": 1, "webhook_doctype": doctype}, limit=1)
		or frappe.get_all(
			"Server Script",
			filters={"disabled": 0, "script_type": "DocType Event", "reference_doctype": doctype},
			limit=1,
		)
	)
