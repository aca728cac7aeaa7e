"""Existing records of many rows at once: by natural key (upsert), with the values the import may change.

The database compares the keys, as it would for a single lookup (its collation decides about case and accents):
the rows' keys go into the query as a derived table of parameters, joined with the DocType's table.
"""

import frappe
from frappe import _

from mehrwert_quartier.partner_exchange.normalise import is_blank
from mehrwert_quartier.partner_exchange.rows import Row
from mehrwert_quartier.partner_exchange.spec import FieldSpec

KEY_CHUNK = 500


def existing_names(doctype: str, key: list[str], rows: list[Row]) -> dict[int, list[str]]:
	"""Row number -> names of the records with the row's natural key (more than one: ambiguous)."""
	check_columns(doctype, key)
	found: dict[int, list[str]] = {}
	complete = []
	for row in rows:
		if not any(is_blank(row.values.get(f)) for f in key):
			complete.append(row)
		else:  # an optional key field left empty: one query for the row
			filters = {f: row.values.get(f) for f in key}
			found[row.number] = frappe.get_all(doctype, filters=filters, pluck="name", limit=2)
	for start in range(0, len(complete), KEY_CHUNK):
		part = complete[start : start + KEY_CHUNK]
		first = "select %s as n, " + ", ".join(f"%s as k{i}" for i in range(len(key)))
		rest = " union all select " + ", ".join(["%s"] * (len(key) + 1))
		derived = first + rest * (len(part) - 1)
		join = " and ".join(f"d.`{fieldname}` = t.k{i}" for i, fieldname in enumerate(key))
		query = f"select t.n, d.name from ({derived}) t join `tab{doctype}` d on {join}"  # nosemgrep
		values = [v for row in part for v in (row.number, *(row.values[f] for f in key))]
		for number, name in frappe.db.sql(query, values):
			found.setdefault(int(number), []).append(name)
	return found


def current_values(doctype: str, names: list[str], specs: dict[str, FieldSpec]) -> dict[str, dict]:
	"""name -> the stored values of the importable fields (Table MultiSelect: the rows' link values)."""
	plain = [f for f, spec in specs.items() if spec.fieldtype != "Table MultiSelect"]
	check_columns(doctype, plain)
	records: dict[str, dict] = {}
	for start in range(0, len(names), KEY_CHUNK):
		part = names[start : start + KEY_CHUNK]
		for record in frappe.get_all(doctype, filters={"name": ("in", part)}, fields=["name", *plain]):
			records[record.name] = record
		for fieldname, spec in specs.items():
			if spec.fieldtype != "Table MultiSelect":
				continue
			for record in part:
				records.setdefault(record, frappe._dict(name=record))[fieldname] = []
			child_doctype = frappe.get_meta(doctype).get_field(fieldname).options
			for child in frappe.get_all(
				child_doctype,
				filters={"parent": ("in", part), "parenttype": doctype, "parentfield": fieldname},
				fields=["parent", spec.child_field],
			):
				records[child.parent][fieldname].append(child)
	return records


def check_columns(doctype: str, fieldnames: list[str]):
	"""Fieldnames from hooks.py and DocType meta only, but checked before they become part of a query."""
	valid = set(frappe.get_meta(doctype).get_valid_columns())
	unknown = [f for f in fieldnames if f not in valid]
	if unknown:
		frappe.throw(_("{0} has no fields {1}").format(_(doctype), ", ".join(unknown)))
