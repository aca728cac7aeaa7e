"""The desk's Excel exports through the app's safe writer (issue 11, leak 10).

Frappe's ``make_xlsx`` writes text starting with ``=`` as a formula. The report builder's export
(``frappe.desk.reportview.export_query``) and the script reports' export (``frappe.desk.query_report
.export_query``) are overridden (``override_whitelisted_methods``) to run Frappe's own function, with all its
permission checks, while ``make_xlsx`` is replaced for this thread by :func:`safe_make_xlsx`; an export in the
background runs the same way in the worker.
"""

import io
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.desk import query_report, reportview
from frappe.utils import xlsxutils

from mehrwert_quartier.data_protection import access_log
from mehrwert_quartier.partner_exchange.overrides import overridden
from mehrwert_quartier.partner_exchange.xlsx import write_table


def safe_make_xlsx(data, sheet_name, wb=None, column_widths=None):
	"""Frappe's ``make_xlsx`` (HTML stripped from text), written by the safe writer."""
	rows = ([xlsxutils.handle_html(v) if isinstance(v, str) else v for v in row] for row in data)
	title = xlsxutils.INVALID_TITLE_REGEX.sub(" ", sheet_name or "Daten")[:31]
	return io.BytesIO(write_table(rows, title))


@contextmanager
def safe_xlsx():
	with overridden(xlsxutils, "make_xlsx", safe_make_xlsx):
		yield


@frappe.whitelist()
@frappe.read_only()
def export_query():
	"""Report builder export; an export in the background is queued through :func:`run_export_job`."""
	doctype = frappe.form_dict.get("doctype")
	# refused before Frappe runs the query (a Single has no table to query: 500 instead of 403); own-only
	# roles pass here and Frappe checks their records itself
	frappe.permissions.can_export(doctype, raise_exception=True, is_owner=True)
	access_log.after_export(doctype)  # issue 14: exports of participant data
	if not int(frappe.form_dict.get("export_in_background") or 0):
		with safe_xlsx():
			return reportview.export_query()
	from frappe.desk.utils import pop_csv_params

	form_params = reportview.get_form_params()
	form_params["limit_page_length"] = None
	form_params["as_list"] = True
	csv_params = pop_csv_params(form_params)
	form_params.pop("export_in_background", None)
	user_email = frappe.get_cached_value("User", frappe.session.user, "email")
	frappe.enqueue(
		"mehrwert_quartier.security.export.run_export_job",
		user_email=user_email,
		form_params=form_params,
		csv_params=csv_params,
		queue="long",
		now=frappe.flags.in_test,
	)
	frappe.msgprint(
		_(
			"Your report is being generated in the background. You will receive an email on {0} with a download link once it is ready."
		).format(user_email)
	)


def run_export_job(user_email, form_params, csv_params):
	with safe_xlsx():
		reportview.run_report_view_export_job(user_email, form_params, csv_params)


@frappe.whitelist()
def export_report():
	"""A script or query report's export (``frappe.desk.query_report.export_query``, in the foreground)."""
	report = frappe.form_dict.get("report_name")
	access_log.after_export(
		frappe.db.get_value("Report", report, "ref_doctype") if report else None
	)  # issue 14: exports of participant data
	with safe_xlsx():
		return query_report.export_query()
