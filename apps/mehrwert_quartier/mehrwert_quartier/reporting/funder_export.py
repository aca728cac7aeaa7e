"""Participant-level export for the funder's monitoring system (.xlsx through the formula-safe writer, or a
``;``-separated CSV): one row per participant of the project with entry up to the cut-off date.

Only for users who may export participants and read every exported field (its permission level).
"""

import csv
import io

import frappe
from frappe import _
from frappe.utils import getdate, today

from mehrwert_quartier.data_protection import access_log
from mehrwert_quartier.partner_exchange.xlsx import write_rows
from mehrwert_quartier.rules.esf_export import HEADERS, READ_FIELDS, csv_cell, export_row
from mehrwert_quartier.rules.esf_indicators import last_31_december

FORMATS = ("xlsx", "csv")


def check_allowed(user: str | None = None) -> None:
	"""Export permission on Participant and read access to the permission level of every exported field."""
	user = user or frappe.session.user
	if not frappe.has_permission("Participant", "export", user=user):
		frappe.throw(_("You may not export participants"), frappe.PermissionError)
	meta = frappe.get_meta("Participant")
	allowed_levels = set(meta.get_permlevel_access("read", user=user))
	hidden = [
		f for f in READ_FIELDS if meta.get_field(f) and meta.get_field(f).permlevel not in allowed_levels
	]
	if hidden:
		frappe.throw(
			_("You may not read these fields of the export: {0}").format(", ".join(hidden)),
			frappe.PermissionError,
		)


def export_rows(cut_off, programme_area: str | None = None) -> list[list]:
	p = frappe.qb.DocType("Participant")
	query = (
		frappe.qb.from_(p)
		.select(*(p[f] for f in READ_FIELDS))
		.where(p.entry_date.isnotnull() & (p.entry_date <= cut_off))
		.orderby(p.entry_date)
		.orderby(p.name)
	)
	if programme_area:
		query = query.where(p.programme_area == programme_area)
	project = frappe.conf.get("mq_esf_project_id") or "MehrWertQuartier"
	return [export_row(record, project) for record in query.run(as_dict=True)]


@frappe.whitelist()
def download(file_format: str = "xlsx", cut_off_date: str | None = None, programme_area: str | None = None):
	"""The export as a file download."""
	if file_format not in FORMATS:
		frappe.throw(_("Unknown file format {0}").format(file_format))
	check_allowed()
	if programme_area and not frappe.db.exists("Programme Area", programme_area):
		frappe.throw(_("Unknown programme area {0}").format(programme_area))
	cut_off = getdate(cut_off_date) if cut_off_date else last_31_december(getdate(today()))
	rows = export_rows(cut_off, programme_area)
	# issue 14: every participant in the file is logged for the Data Protection Officer (Personal Data Access)
	access_log.after_export("Participant", participants=[row[HEADERS.index("teilnehmer_id")] for row in rows])
	name = f"esf-teilnehmende-{cut_off.isoformat()}"
	if file_format == "xlsx":
		content = write_rows(HEADERS, rows, sheet_title="Teilnehmende")
	else:
		buffer = io.StringIO()
		writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
		writer.writerow(HEADERS)
		writer.writerows([csv_cell(v) for v in row] for row in rows)
		content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
	frappe.response["filename"] = f"{name}.{file_format}"
	frappe.response["filecontent"] = content
	frappe.response["type"] = "download"
