"""Whitelisted endpoints of the partner exchange: templates, exports, upload through the REST API."""

import base64

import frappe
from frappe import _
from frappe.desk.reportview import validate_filters
from frappe.model import get_permitted_fields

from mehrwert_quartier.data_protection import access_log
from mehrwert_quartier.partner_exchange import partners
from mehrwert_quartier.partner_exchange.messages import ExchangeError, bilingual
from mehrwert_quartier.partner_exchange.reader import check_file_size, check_file_type
from mehrwert_quartier.partner_exchange.registry import (
	field_specs,
	importable_doctypes,
	link_choices,
	natural_key,
)
from mehrwert_quartier.partner_exchange.template import write_template
from mehrwert_quartier.partner_exchange.xlsx import write_rows

EXPORT_LIMIT = 100000
FILTER_OPERATORS = {"=", "!=", "<", ">", "<=", ">=", "like", "not like", "in", "not in", "is", "between"}


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def importable_doctype_query(
	doctype: str, txt: str, searchfield: str, start: int, page_len: int, filters: dict | None = None
):
	"""Link query of Import Batch: the registered DocTypes the user may create."""
	names = [d for d in importable_doctypes() if frappe.has_permission(d, "create")]
	found = [[d, _(d)] for d in sorted(names) if txt.casefold() in f"{d} {_(d)}".casefold()]
	return found[int(start) : int(start) + int(page_len)]


@frappe.whitelist()
def download_template(doctype: str):
	"""The import template of a registered DocType (create permission on it, or partner-importable)."""
	partners.check_may_import(doctype)
	specs = field_specs(doctype)
	examples = importable_doctypes()[doctype].get("example") or {}
	content = write_template(specs, natural_key(doctype), link_choices(specs), examples)
	send_file(f"vorlage-{frappe.scrub(doctype)}.xlsx", content)


@frappe.whitelist()
def export_list(doctype: str, filters: str | dict | None = None):
	"""The records the user may read, with German headers; fields of permlevels the user cannot read are left out."""
	frappe.has_permission(doctype, "export", throw=True)
	content = export_content(doctype, checked_filters(doctype, filters))
	access_log.after_export(doctype)  # issue 14: exports of participant data are logged
	send_file(f"{frappe.scrub(doctype)}.xlsx", content)


def checked_filters(doctype: str, filters) -> list | None:
	"""``[[fieldname, operator, value], ...]`` on fields the user may read, as the report view checks them
	(``frappe.desk.reportview.validate_filters``); anything else is a ValidationError (417), never SQL."""
	if not filters:
		return None
	try:
		parsed = frappe.parse_json(filters) if isinstance(filters, str) else filters
		conditions = [filter_condition(doctype, c) for c in filter_items(parsed)]
		validate_filters(frappe._dict(doctype=doctype), conditions)
	except (ValueError, TypeError, frappe.DataError, frappe.PermissionError):
		frappe.clear_messages()
		frappe.throw(bilingual("bad_filter"), frappe.ValidationError, title=_("Invalid Filter"))
	return conditions


def filter_items(filters) -> list:
	if isinstance(filters, dict):
		return [
			[k, *(v if isinstance(v, list | tuple) and len(v) == 2 else ["=", v])] for k, v in filters.items()
		]
	if isinstance(filters, list):
		return filters
	raise ValueError(filters)


def filter_condition(doctype: str, condition) -> list:
	if not isinstance(condition, list | tuple) or len(condition) not in (3, 4):
		raise ValueError(condition)
	if len(condition) == 4:
		if condition[0] != doctype:
			raise ValueError(condition)
		condition = condition[1:]
	fieldname, operator, value = condition
	readable = get_permitted_fields(doctype, permission_type="read")
	if not isinstance(fieldname, str) or fieldname not in readable:
		raise ValueError(fieldname)
	if not isinstance(operator, str) or operator.lower() not in FILTER_OPERATORS:
		raise ValueError(operator)
	values = value if isinstance(value, list | tuple) else [value]
	if not all(v is None or isinstance(v, str | int | float) for v in values):
		raise ValueError(value)
	return [fieldname, operator.lower(), value]


def export_content(doctype: str, filters=None) -> bytes:
	permitted = set(get_permitted_fields(doctype, permission_type="read"))
	specs = [
		s for s in field_specs(doctype) if s.fieldname in permitted or s.fieldtype == "Table MultiSelect"
	]
	simple = [s.fieldname for s in specs if s.fieldtype != "Table MultiSelect"]
	records = frappe.get_list(
		doctype, fields=["name", *simple], filters=filters, limit=EXPORT_LIMIT, order_by="name"
	)
	tables = {
		s.fieldname: child_values(doctype, s, [r.name for r in records]) for s in specs if s.child_field
	}
	rows = (
		[
			", ".join(tables[s.fieldname].get(r.name, [])) if s.child_field else r.get(s.fieldname)
			for s in specs
		]
		for r in records
	)
	return write_rows([s.label_de or s.label for s in specs], rows)


def child_values(doctype: str, spec, names: list[str]) -> dict[str, list[str]]:
	if not names or spec.fieldname not in get_permitted_fields(doctype, permission_type="read"):
		return {}
	meta = frappe.get_meta(doctype).get_field(spec.fieldname)
	values: dict[str, list[str]] = {}
	for row in frappe.get_all(
		meta.options,
		filters={"parent": ("in", names), "parenttype": doctype, "parentfield": spec.fieldname},
		fields=["parent", spec.child_field],
		order_by="idx",
	):
		values.setdefault(row.parent, []).append(row.get(spec.child_field))
	return values


def send_file(filename: str, content: bytes):
	frappe.response.filename = filename
	frappe.response.filecontent = content
	frappe.response.type = "binary"


@frappe.whitelist(methods=["POST"])
def upload(
	import_doctype: str,
	filename: str,
	filedata: str,
	partner_organisation: str | None = None,
	valid_rows_only: bool = False,
	import_rows: bool = False,
	import_profile: str | None = None,
	mapping: str | dict | None = None,
) -> dict:
	"""REST upload: ``filedata`` base64. Creates an Import Batch, runs the dry run, imports when asked and valid.

	``import_profile``: the name of an Import Profile of the organisation; ``mapping``: a mapping as JSON
	(``{"columns": {header: fieldname}, "values": {fieldname: {value: option}}, "provided": {fieldname: value}}``),
	taken as confirmed. Without either, a profile that fits the headers is applied, or the batch stops at the
	mapping step (status *Needs Mapping*) when the proposed mapping is not certain."""
	frappe.has_permission("Import Batch", "create", throw=True)
	partners.check_may_import(import_doctype)
	batch = frappe.get_doc(
		{
			"doctype": "Import Batch",
			"import_doctype": import_doctype,
			"partner_organisation": partner_organisation,
			"valid_rows_only": int(bool(valid_rows_only)),
			"import_profile": import_profile or None,
		}
	)
	chosen = None
	if mapping:
		from mehrwert_quartier.partner_exchange.profiles import check_mapping

		parsed = frappe.parse_json(mapping) if isinstance(mapping, str) else mapping
		chosen = check_mapping(import_doctype, parsed if isinstance(parsed, dict) else {})
	try:
		check_file_size(len(filedata or "") * 3 // 4)  # refused by its size before it is decoded or saved
		check_file_type(filename)  # and by its type before it is stored
	except ExchangeError as e:
		frappe.throw(str(e), title=_("Import Batch"))
	content = base64.b64decode(filedata)
	if not content:
		frappe.throw(bilingual("empty"), title=_("Import Batch"))
	batch.import_file = save_private_file(filename, content)
	batch.insert()
	frappe.db.set_value(
		"File",
		{"file_url": batch.import_file, "attached_to_name": ("is", "not set")},
		{"attached_to_doctype": "Import Batch", "attached_to_name": batch.name},
	)
	if chosen is not None:
		batch.mapping = frappe.as_json({"confirmed": True, "chosen": chosen})
	result = batch.validate_file()
	if import_rows and batch.status == "Validated" and not result.get("queued"):
		result = batch.import_rows()
	return {
		"import_profile": batch.import_profile,
		"mapping": (frappe.parse_json(batch.mapping or "{}") or {}) or None,
		"name": batch.name,
		"status": batch.status,
		**result,
		"counts": batch_counts(batch),
		"messages": batch.flags.messages or [],
		"has_error_report": bool(batch.error_report),
	}


def save_private_file(filename: str, content: bytes) -> str:
	file = frappe.get_doc(
		{"doctype": "File", "file_name": filename, "is_private": 1, "content": content}
	).insert(ignore_permissions=True)
	return file.file_url


def batch_counts(batch) -> dict:
	fields = ("total_rows", "new_rows", "updated_rows", "unchanged_rows", "error_rows")
	return {f: batch.get(f) for f in fields}
