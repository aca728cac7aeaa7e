"""The printable summary of the access export (GDPR Art. 15): the same sections as the workbook
(``access_export.gather``), each record as a form of its filled fields, each log as a table; rendered from the
Jinja page ``templates/access_summary.html`` and printed to PDF by wkhtmltopdf (installed by scripts/setup.sh).

Not a print format of Participant on purpose: any role that may print a participant could choose a print
format, and the summary shows what only the Data Protection Officer reads (history, confidential notes)."""

import frappe
from frappe import _
from frappe.utils import format_datetime, formatdate, now_datetime
from frappe.utils.pdf import get_pdf

from mehrwert_quartier.data_protection.access_export import Section, gather, plain

TEMPLATE = "mehrwert_quartier/data_protection/templates/access_summary.html"


def filled(value) -> bool:
	return value not in (None, "", "[]", "{}")


def standard_labels() -> dict[str, str]:
	return {
		"name": _("ID"),
		"owner": _("Created By"),
		"creation": _("Created On"),
		"modified": _("Last Modified On"),
		"modified_by": _("Last Modified By"),
	}


def labels(section: Section) -> list[str]:
	meta, standard = frappe.get_meta(section.doctype), standard_labels()
	return [standard.get(f) or (_(meta.get_label(f)) if meta.get_field(f) else f) for f in section.fields]


def readable(meta, fieldname: str, value):
	"""A value as the desk shows it: translated options, yes / no, German dates; the rest as in the workbook."""
	df = meta.get_field(fieldname)
	fieldtype = df.fieldtype if df else ("Datetime" if fieldname in ("creation", "modified") else None)
	if fieldtype == "Select" and isinstance(value, str):
		return _(value)
	if fieldtype == "Check":
		return _("Yes") if value else _("No")
	if fieldtype == "Date" and value:
		return formatdate(value)
	if fieldtype == "Datetime" and value:
		return format_datetime(value)
	return plain(value)


def record_chapter(section: Section) -> dict:
	meta = frappe.get_meta(section.doctype)
	return {
		"title": section.title,
		"history": False,
		"records": [
			{
				"name": record.get("name") or "",
				"fields": [
					(label, readable(meta, f, record.get(f)))
					for f, label in zip(section.fields, labels(section), strict=True)
					if filled(record.get(f))
				],
			}
			for record in section.records
		],
	}


def history_chapter(section: Section) -> dict:
	meta = frappe.get_meta(section.doctype)
	return {
		"title": section.title,
		"history": True,
		"header": labels(section),
		"rows": [[readable(meta, f, r.get(f)) for f in section.fields] for r in section.records],
	}


def context(participant: str, sections: list[Section]) -> dict:
	doc = frappe.db.get_value("Participant", participant, ["full_name"], as_dict=True) or {}
	return {
		"lang": frappe.local.lang or "de",
		"title": _("Information on Personal Data (Art. 15 GDPR)"),
		"person": f"{doc.get('full_name') or ''} ({participant})",
		"made": _("Made on {0} by {1}").format(
			format_datetime(now_datetime(), "dd.MM.yyyy HH:mm"), frappe.session.user
		),
		"intro": _(
			"Everything the programme holds about this person: the record, every linked record, the data "
			"subject requests, their history, comments, messages, tasks, files and the log of who read them."
		),
		"field_label": _("Field"),
		"value_label": _("Value"),
		"record_label": _("Record"),
		"chapters": [history_chapter(s) if s.history else record_chapter(s) for s in sections],
	}


def render_html(participant: str, sections: list[Section] | None = None) -> str:
	sections = gather(participant) if sections is None else sections
	return frappe.render_template(TEMPLATE, context(participant, sections), is_path=True)


def render_pdf(participant: str, sections: list[Section] | None = None) -> bytes:
	"""The summary as PDF: no header, footer, scripts or assets to fetch (inline styles only)."""
	return get_pdf(render_html(participant, sections), {"page-size": "A4"})
