"""Importable DocTypes: registered with the hook ``mq_importable_doctypes`` in hooks.py.

``{"DocType": {"natural_key": [fieldnames], "aliases": {fieldname: [header, ...]}, "derived": [fieldnames]}}``:
the natural key finds the existing record of a row (upsert); the fields come from the DocType meta; a
required field the controller derives (the programme area from the postcode) need not be in the file.
"""

import frappe
from frappe import _
from frappe.model import no_value_fields as NO_VALUE_TYPES

from mehrwert_quartier.partner_exchange.spec import IMPORTABLE_TYPES, FieldSpec, header_key
from mehrwert_quartier.partner_exchange.synonyms import attach_synonyms

DATA_KINDS = {"Email", "Phone", "URL"}


def importable_doctypes() -> dict[str, dict]:
	return frappe.get_hooks("mq_importable_doctypes") or {}


def get_config(doctype: str) -> dict:
	config = importable_doctypes().get(doctype)
	if not config:
		frappe.throw(_("{0} cannot be imported").format(_(doctype)), title=_("Not Importable"))
	return config


def natural_key(doctype: str) -> list[str]:
	return list(dict.fromkeys(get_config(doctype)["natural_key"]))


def field_specs(doctype: str) -> list[FieldSpec]:
	"""The importable fields in form order: visible, editable fields of simple types at permlevel 0."""
	config = get_config(doctype)
	aliases = config.get("aliases") or {}
	derived = set(config.get("derived") or ())
	key = natural_key(doctype)
	specs = []
	for df in frappe.get_meta(doctype).fields:
		if df.permlevel:  # confidential fields (Consultation's notes) are never exchanged
			continue
		if df.fieldtype not in IMPORTABLE_TYPES or df.hidden or df.read_only or df.fetch_from:
			if df.fieldname not in key:
				continue
		spec = FieldSpec(
			fieldname=df.fieldname,
			fieldtype=df.fieldtype,
			label=df.label or df.fieldname,
			label_de=_(df.label or df.fieldname, lang="de"),
			# a required field with a default may be left out: new records get the default
			# ... and one the controller derives ("derived" in the registration) may be left out too
			reqd=(bool(df.reqd) and not df.default and df.fieldname not in derived) or df.fieldname in key,
			length=df.length or None,
			aliases=list(aliases.get(df.fieldname, [])),
		)
		if df.fieldtype == "Select":
			spec.options = [o for o in (df.options or "").split("\n") if o]
			spec.options_de = {o: _(o, lang="de") for o in spec.options}
		elif df.fieldtype == "Link":
			spec.link = df.options
		elif df.fieldtype == "Dynamic Link":
			spec.dynamic_from = df.options
		elif df.fieldtype == "Table MultiSelect":
			child = next(f for f in frappe.get_meta(df.options).fields if f.fieldtype == "Link")
			spec.link, spec.child_field = child.options, child.fieldname
		elif df.options in DATA_KINDS:
			spec.data_kind = df.options
		if df.fieldname == "postcode":
			spec.data_kind = "Postcode"
		specs.append(spec)
	specs += virtual_specs(doctype, specs)
	return attach_synonyms(
		specs, doctype, synonym_hook("mq_import_synonyms"), synonym_hook("mq_import_value_synonyms")
	)


def virtual_specs(doctype: str, specs: list[FieldSpec]) -> list[FieldSpec]:
	"""Columns that are no field of the DocType: what names a linked record (``lookups.py``: a participant
	by surname, first name and date of birth) and what a field is derived from (``derive.py``)."""
	from mehrwert_quartier.partner_exchange.lookups import LOOKUP_COLUMNS

	virtual = []
	for spec in specs:
		for fieldname, fieldtype, label in (
			LOOKUP_COLUMNS.get(spec.link or "", []) if spec.fieldtype == "Link" else []
		):
			virtual.append(
				FieldSpec(
					fieldname=f"{spec.fieldname}__{fieldname}",
					fieldtype=fieldtype,
					label=f"{spec.label}: {label}",
					label_de=f"{spec.label_de}: {_(label, lang='de')}",
				)
			)
		if spec.fieldtype == "Dynamic Link":
			from mehrwert_quartier.partner_exchange.lookups import DYNAMIC_LOOKUP_COLUMNS

			for fieldname, fieldtype, label in DYNAMIC_LOOKUP_COLUMNS:
				virtual.append(
					FieldSpec(
						fieldname=f"{spec.fieldname}__{fieldname}",
						fieldtype=fieldtype,
						label=f"{spec.label}: {label}",
						label_de=f"{spec.label_de}: {_(label, lang='de')}",
						data_kind="Postcode" if fieldname == "postcode" else None,
					)
				)
		if spec.fieldname == "unemployment_months":
			virtual.append(
				FieldSpec(
					fieldname="unemployment_months__since",
					fieldtype="Date",
					label="Unemployed Since",
					label_de=_("Unemployed Since", lang="de"),
					data_kind="Since",
				)
			)
	return virtual


def synonym_hook(name: str) -> dict:
	"""The lists other apps add through a hook: {DocType or "*": {fieldname: [...]}}, merged."""
	merged: dict = {}
	for entry in frappe.get_hooks(name) or []:
		for doctype, fields in (entry if isinstance(entry, dict) else {}).items():
			for fieldname, items in fields.items():
				target = merged.setdefault(doctype, {})
				if isinstance(items, dict):
					for option, texts in items.items():
						target.setdefault(fieldname, {}).setdefault(option, []).extend(texts)
				else:
					target.setdefault(fieldname, []).extend(items)
	return merged


def refused_headers(doctype: str, specs: list[FieldSpec]) -> set[str]:
	"""Header keys (fieldname, English and German label) of the DocType's fields that are never imported."""
	imported = {s.fieldname for s in specs}
	keys = set()
	for df in frappe.get_meta(doctype).fields:
		if df.fieldname in imported or df.fieldtype in NO_VALUE_TYPES:
			continue
		for text in (df.fieldname, df.label, _(df.label or "", lang="de")):
			if text:
				keys.add(header_key(text))
	# a synonym never lifts the refusal: only a field's own names do
	return keys - {header_key(t) for s in specs for t in (s.fieldname, s.label, s.label_de, *s.aliases) if t}


def link_choices(specs: list[FieldSpec], limit: int = 1000) -> dict[str, list[str]]:
	"""Values for the template's drop-downs: the records of each link target the user may read."""
	choices = {}
	for spec in specs:
		# a link to DocType names the target of a Dynamic Link: all DocTypes would make no drop-down
		if spec.link and spec.link != "DocType" and frappe.has_permission(spec.link, "read"):
			choices[spec.fieldname] = frappe.get_list(
				spec.link, pluck="name", limit=limit, order_by="name asc"
			)
	return choices
