"""Import Profiles: a confirmed mapping per partner organisation, DocType and header shape, applied to the next
file of the same shape without asking; and the decision whether a file needs the mapping step at all.

A profile is found by the *header shape*: the header row reduced as headers are matched (case, spaces,
punctuation and umlauts ignored), so a file whose title row names another month still finds it. Profiles are
written by the system when a user confirms a mapping (a partner may not read or write them); staff list, edit
and delete them in the desk.
"""

import hashlib

import frappe
from frappe import _
from frappe.utils import now_datetime

from mehrwert_quartier.partner_exchange.columns import HIGH, plausible
from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.rows import Inspection, Mapping
from mehrwert_quartier.partner_exchange.spec import header_key
from mehrwert_quartier.partner_exchange.values import value_key

# fields that may be given once for the whole file in the mapping step
BATCH_WIDE_TYPES = ("Link", "Select", "Date", "Check")


def signature(doctype: str, headers: list[str]) -> str:
	keys = "|".join(k for k in (header_key(h) for h in headers) if k)
	return hashlib.sha256(f"{doctype}\n{keys}".encode()).hexdigest()[:20]


def find_profile(doctype: str, organisation: str | None, shape: str) -> str | None:
	return frappe.db.get_value(
		"Import Profile",
		{
			"import_doctype": doctype,
			"partner_organisation": organisation or ("is", "not set"),
			"header_signature": shape,
		},
		"name",
		order_by="modified desc",
	)


def profile_mapping(name: str, doctype: str, organisation: str | None) -> Mapping:
	"""The mapping of a profile named on upload: of the batch's DocType and organisation, else refused (a
	partner never learns whether another organisation's profile exists)."""
	profile = frappe.db.get_value(
		"Import Profile", name, ["import_doctype", "partner_organisation", "mapping"], as_dict=True
	)
	if (
		not profile
		or profile.import_doctype != doctype
		or (profile.partner_organisation or None) != (organisation or None)
	):
		frappe.throw(
			bilingual("unknown_profile", profile=name), frappe.ValidationError, title=_("Import Profile")
		)
	return Mapping.from_dict(frappe.parse_json(profile.mapping or "{}"))


def check_mapping(doctype: str, data: dict) -> dict:
	"""A mapping as stored: known fieldnames and options only; anything else is refused in both languages."""
	from mehrwert_quartier.partner_exchange.registry import field_specs

	specs = {s.fieldname: s for s in field_specs(doctype)}
	mapping = Mapping.from_dict(data if isinstance(data, dict) else {})
	for header, fieldname in mapping.columns.items():
		if fieldname and fieldname not in specs:
			frappe.throw(bilingual("bad_mapping_field", header=header, field=fieldname))
	for fieldname, chosen in mapping.values.items():
		spec = specs.get(fieldname)
		allowed = ("0", "1") if spec and spec.fieldtype == "Check" else (spec.options if spec else ())
		for value, option in chosen.items():
			if option not in allowed:
				frappe.throw(bilingual("bad_mapping_value", value=value, field=fieldname, option=option))
	for fieldname in mapping.provided:
		if fieldname not in specs or specs[fieldname].fieldtype not in BATCH_WIDE_TYPES:
			frappe.throw(bilingual("bad_mapping_field", header="-", field=fieldname))
	mapping.columns = {header_key(h): f for h, f in mapping.columns.items()}
	mapping.values = {f: {value_key(v): o for v, o in m.items()} for f, m in mapping.values.items()}
	return mapping.as_dict()


def save_profile(batch, headers: list[str], mapping: Mapping) -> str:
	"""The profile of the batch's organisation, DocType and header shape, created or updated."""
	shape = signature(batch.import_doctype, headers)
	name = find_profile(batch.import_doctype, batch.partner_organisation, shape)
	doc = frappe.get_doc("Import Profile", name) if name else frappe.new_doc("Import Profile")
	doc.update(
		{
			"profile_name": doc.profile_name
			or f"{batch.partner_organisation or _('Staff')}: {_(batch.import_doctype)} ({len([h for h in headers if h])})",
			"import_doctype": batch.import_doctype,
			"partner_organisation": batch.partner_organisation,
			"header_signature": shape,
			"headers": " | ".join(h for h in headers if h),
			"mapping": frappe.as_json(mapping.as_dict()),
			"last_used_on": now_datetime(),
		}
	)
	doc.flags.ignore_permissions = True
	doc.save()
	return doc.name


def needs_mapping(inspection: Inspection) -> bool:
	"""Whether the user must look at the mapping before the dry run: a column matched with less than a high
	confidence, or a required field missing that an unmatched column of a similar name could fill. A file whose
	missing field no column resembles, or in which no column names a field at all, is refused by the dry run as
	before; the proposal stays on the batch, so a value for the whole file (a Link, Select, Date or Check
	field: the workshop of an attendance list) can still be given in the mapping step and the dry run rerun."""
	match = inspection.match
	if match is None or (inspection.errors and not match.missing):
		return False
	if not any(c.fieldname for c in match.choices):  # nothing in the file resembles this DocType
		return False
	if any(c.fieldname and c.confidence < HIGH for c in match.choices):
		return True
	if not match.missing:
		return False
	unmatched = [c.header for c in match.choices if c.fieldname is None and c.header not in match.refused]
	specs = inspection.field_specs
	return any(plausible(h, specs[f]) for h in unmatched for f in match.missing)


def proposal(inspection: Inspection, mapping: Mapping) -> dict:
	"""What the mapping step shows: the header row and skipped rows, each column with its field and
	confidence, the fields to choose from, the distinct values no list knows, the values for the whole file."""
	from mehrwert_quartier.partner_exchange.layout import skipped_messages

	table, match = inspection.table, inspection.match
	specs = inspection.field_specs
	return {
		"headers": table.headers,
		"sheet": table.sheet,
		"header_row": table.header_row,
		"title": table.title,
		"skipped": skipped_messages(table),
		"columns": [c.as_dict() for c in match.choices],
		"missing": match.missing,
		"fields": [
			{
				"fieldname": s.fieldname,
				"label": s.label_de or s.label,
				"reqd": s.reqd,
				"fieldtype": s.fieldtype,
			}
			for s in specs.values()
		],
		"unknown_values": inspection.unknown_values,
		"options": {
			f: [[o, s.options_de.get(o, o)] for o in s.options]
			if s.fieldtype != "Check"
			else [["1", "Ja"], ["0", "Nein"]]
			for f, s in specs.items()
			if f in inspection.unknown_values or (f in match.missing and s.fieldtype == "Select")
		},
		"batch_wide": [f for f in match.missing if specs[f].fieldtype in BATCH_WIDE_TYPES],
		"provided": {k: str(v) for k, v in inspection.provided.items()},
		"chosen": mapping.as_dict(),
	}
