"""Frappe's ``Meta.get_*_fields`` filter all fields of the DocType on every call, a dozen times for each
record saved. While many records of one DocType are checked and written, the filtered lists are remembered."""

from contextlib import contextmanager

import frappe


@contextmanager
def fields_remembered(doctype: str):
	"""Within the block, ``meta.get("fields", filters)`` of the DocType and its child tables is remembered."""
	meta = frappe.get_meta(doctype)
	metas = [meta, *(frappe.get_meta(df.options) for df in meta.get_table_fields())]
	for each in metas:
		each.get = _remembering(each)
	try:
		yield
	finally:
		for each in metas:
			each.__dict__.pop("get", None)


def _remembering(meta):
	original = type(meta).get
	remembered: dict[tuple, list] = {}

	def get(key, filters=None, limit=None, default=None):
		if key != "fields" or not isinstance(filters, dict):
			return original(meta, key, filters, limit, default)
		signature = (repr(filters), limit)
		if signature not in remembered:
			remembered[signature] = original(meta, key, filters, limit, default)
		return list(remembered[signature])

	return get
