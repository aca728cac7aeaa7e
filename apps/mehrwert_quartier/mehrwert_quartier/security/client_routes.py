"""``frappe.client`` and desk methods the app replaces (``override_whitelisted_methods`` in hooks.py), where
Frappe v15 looks records up without the read rules of list queries (issue 11, leak 2).

- ``frappe.client.get`` with ``filters``: the record is looked up by a plain query, so a filter on an
  unreadable field told whether a matching record exists. The filters now pass the query guard.
- ``frappe.client.get_single_value``: the field's permlevel was not checked.
- ``frappe.client.validate_link``: answered whether a record the user may not see exists.
- ``frappe.desk.doctype.dashboard_chart.dashboard_chart.get``: an ad-hoc heatmap chart counted any
  DocType by any filter without permission checks (``frappe.get_all``).
"""

import frappe
import frappe.client
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart
from frappe.utils import cint, get_datetime, getdate, nowdate

from mehrwert_quartier.security.query_guard import check_filters


@frappe.whitelist()
def get(doctype, name=None, filters=None, parent=None):
	if not name and filters:
		check_filters(doctype, frappe.parse_json(filters), parent_doctype=parent)
	return frappe.client.get(doctype, name=name, filters=filters, parent=parent)


@frappe.whitelist()
def get_single_value(doctype, field):
	df = frappe.get_meta(doctype).get_field(field)
	if df and df.permlevel and df.permlevel not in frappe.get_meta(doctype).get_permlevel_access("read"):
		frappe.throw(_("No permission for {0}").format(_(doctype)), frappe.PermissionError)
	return frappe.client.get_single_value(doctype, field)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	values = frappe.client.validate_link(doctype, docname, fields)
	if values.get("name") and doctype != "DocType" and not _may_see(doctype, values.name):
		frappe.clear_last_message()
		return frappe._dict()
	return values


def _may_see(doctype: str, name: str) -> bool:
	return any(frappe.has_permission(doctype, ptype, doc=name) for ptype in ("select", "read"))


@frappe.whitelist()
def dashboard_chart_get(chart_name=None, chart=None, filters=None, **kwargs):
	"""Charts count only what the user may list: the chart's DocType and filters pass the query guard, and
	a heatmap is counted with ``frappe.get_list`` (Frappe v15: ``frappe.get_all``, no permission at all)."""
	if chart_name:
		source = frappe.get_doc("Dashboard Chart", chart_name)
	else:
		source = frappe._dict(frappe.parse_json(chart))
	if not source.get("document_type") or source.get("chart_type") == "Report":
		return dashboard_chart.get(chart_name=chart_name, chart=chart, filters=filters, **kwargs)
	saved_filters = frappe.parse_json(source.get("filters_json")) or []
	check_filters(source.document_type, saved_filters)
	check_filters(source.document_type, frappe.parse_json(filters) or [])
	# as Frappe's cache_source: without the cache the chart's own filters apply
	chart_filters = (not kwargs.get("no_cache") and frappe.parse_json(filters)) or saved_filters
	if source.get("type") != "Heatmap" or frappe.session.user == "Administrator":
		return dashboard_chart.get(chart_name=chart_name, chart=chart, filters=filters, **kwargs)
	return heatmap(source, chart_filters, kwargs.get("heatmap_year") or source.get("heatmap_year"))


def heatmap(chart, filters: list, year) -> dict:
	"""Frappe's ``get_heatmap_chart_config`` under the user's read rules."""
	year = cint(year) or getdate(nowdate()).year
	datefield = chart.based_on
	aggregate = dashboard_chart.get_aggregate_function(chart.chart_type)
	filters = [
		*filters,
		[chart.document_type, "docstatus", "<", 2],
		[chart.document_type, datefield, ">=", f"{year}-01-01"],
		[chart.document_type, datefield, "<", f"{year + 1}-01-01"],
	]
	rows = frappe.get_list(
		chart.document_type,
		fields=[f"date({datefield}) as day", f"{aggregate}({chart.value_based_on or 1}) as count"],
		filters=filters,
		group_by=f"date({datefield})",
		order_by="day asc",
		limit_page_length=0,
	)
	points = {str(int(get_datetime(row.day).timestamp())): row.count for row in rows if row.day}
	return {"labels": [], "dataPoints": points}
