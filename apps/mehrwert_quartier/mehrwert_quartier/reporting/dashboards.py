"""Number cards, dashboard charts and the workspaces that show them: QS Arbeit, QS Wirtschaft and Programme
(for the Project Lead). Created idempotently at install/migrate, removed at uninstall (setup/install.py);
labels are English sources with German translations in de.csv (the desk translates widget titles).
"""

import json
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import getdate, today

# name -> Number Card values ("Custom" cards call a method of this module)
NUMBER_CARDS: dict[str, dict] = {
	"Active Participants": {
		"type": "Document Type",
		"document_type": "Participant",
		"function": "Count",
		"filters_json": [["Participant", "exit_date", "is", "not set"]],
		"color": "#2490EF",
	},
	"Consultations This Month": {
		"type": "Document Type",
		"document_type": "Consultation",
		"function": "Count",
		"filters_json": [["Consultation", "consultation_date", "Timespan", "this month"]],
		"color": "#29CD42",
	},
	"Overdue Six-Month Follow-ups": {
		"type": "Document Type",
		"document_type": "Participant",
		"function": "Count",
		"filters_json": [["Participant", "follow_up_done_on", "is", "not set"]],
		"dynamic_filters_json": [["Participant", "follow_up_due", "<", "frappe.datetime.get_today()"]],
		"color": "#FF5858",
	},
	"Participants with Data-Quality Issues": {
		"type": "Custom",
		"method": "mehrwert_quartier.reporting.dashboards.data_quality_card",
		"document_type": "Participant",
		"color": "#ECAD4B",
	},
	"Supported Businesses": {
		"type": "Custom",
		"method": "mehrwert_quartier.reporting.dashboards.supported_businesses_card",
		"document_type": "Enterprise Support Case",
		"color": "#29CD42",
	},
	"Vacant Commercial Units": {
		"type": "Document Type",
		"document_type": "Commercial Unit",
		"function": "Count",
		"filters_json": [["Commercial Unit", "status", "=", "Vacant"]],
		"color": "#743EE2",
	},
	"ESF Participants (cumulative)": {
		"type": "Custom",
		"method": "mehrwert_quartier.reporting.dashboards.esf_total_card",
		"document_type": "Participant",
		"color": "#2490EF",
	},
	"In Employment upon Leaving (cumulative)": {
		"type": "Custom",
		"method": "mehrwert_quartier.reporting.dashboards.esf_employed_card",
		"document_type": "Participant",
		"color": "#29CD42",
	},
	"Supported SMEs (cumulative)": {
		"type": "Custom",
		"method": "mehrwert_quartier.reporting.dashboards.esf_sme_card",
		"document_type": "Enterprise Support Case",
		"color": "#743EE2",
	},
	"ESF Entry Data Incomplete": {
		"type": "Document Type",
		"document_type": "Participant",
		"function": "Count",
		"filters_json": [["Participant", "esf_complete", "=", 0]],
		"color": "#FF5858",
	},
}

DASHBOARD_CHARTS: dict[str, dict] = {
	"Support Cases by Stage": {
		"chart_type": "Group By",
		"document_type": "Enterprise Support Case",
		"group_by_type": "Count",
		"group_by_based_on": "status",
		"type": "Bar",
	},
	"Entries per Month": {
		"chart_type": "Count",
		"document_type": "Participant",
		"based_on": "entry_date",
		"timeseries": 1,
		"timespan": "Last Year",
		"time_interval": "Monthly",
		"type": "Bar",
	},
	"Exits per Month": {
		"chart_type": "Count",
		"document_type": "Participant",
		"based_on": "exit_date",
		"timeseries": 1,
		"timespan": "Last Year",
		"time_interval": "Monthly",
		"type": "Bar",
	},
	"Consultations per Month": {
		"chart_type": "Count",
		"document_type": "Consultation",
		"based_on": "consultation_date",
		"timeseries": 1,
		"timespan": "Last Year",
		"time_interval": "Monthly",
		"type": "Line",
	},
}

# workspace -> (roles, icon, number cards, charts, shortcuts as (label, type, link_to))
WORKSPACES: dict[str, dict] = {
	"QS Arbeit": {
		# the desk shows a workspace only to users who can read a DocType of its module
		"module": "QS Arbeit",
		"roles": ["Counsellor", "Project Lead", "System Manager"],
		"icon": "users",
		"cards": [
			"Active Participants",
			"Consultations This Month",
			"Overdue Six-Month Follow-ups",
			"Participants with Data-Quality Issues",
		],
		"charts": ["Consultations per Month"],
		"shortcuts": [
			("Participant", "DocType", "Participant"),
			("Consultation", "DocType", "Consultation"),
			("ESF Data Quality", "Report", "ESF Data Quality"),
		],
	},
	"QS Wirtschaft": {
		"module": "QS Wirtschaft",
		"roles": ["Business Coach", "Project Lead", "System Manager"],
		"icon": "organization",
		"cards": ["Supported Businesses", "Vacant Commercial Units"],
		"charts": ["Support Cases by Stage"],
		"shortcuts": [
			("Enterprise Support Case", "DocType", "Enterprise Support Case"),
			("Commercial Unit", "DocType", "Commercial Unit"),
		],
	},
	"Programme": {
		"module": "Programme",
		"roles": ["Project Lead", "System Manager"],
		"icon": "chart",
		"cards": [
			"ESF Participants (cumulative)",
			"In Employment upon Leaving (cumulative)",
			"Supported SMEs (cumulative)",
			"ESF Entry Data Incomplete",
		],
		"charts": ["Entries per Month", "Exits per Month"],
		"shortcuts": [
			("ESF Plus Indicators", "Report", "ESF Plus Indicators"),
			("Programme Activity", "Report", "Programme Activity"),
			("ESF Data Quality", "Report", "ESF Data Quality"),
			("Area Profile", "Report", "Area Profile"),
		],
	},
}


def create_dashboards() -> None:
	# Frappe shows a card or chart only to users who may read its DocType and a DocType of its module
	module_of = {
		item: spec["module"] for spec in WORKSPACES.values() for item in (*spec["cards"], *spec["charts"])
	}
	for name, values in NUMBER_CARDS.items():
		upsert(
			"Number Card", name, {"label": name, "is_public": 1, "module": module_of[name], **encoded(values)}
		)
	for name, values in DASHBOARD_CHARTS.items():
		chart = {
			"chart_name": name,
			"is_public": 1,
			"filters_json": "[]",
			"module": module_of[name],
			**values,
		}
		upsert("Dashboard Chart", name, chart)
	for name, spec in WORKSPACES.items():
		if shipped(name):
			add_figures(name, spec)
		else:
			upsert("Workspace", name, workspace_values(name, spec))


def shipped(name: str) -> bool:
	"""A workspace the app ships as a file (the role workspaces QS Arbeit and QS Wirtschaft, synced by Frappe
	with their module): the figures join it instead of replacing it."""
	module = frappe.db.get_value("Workspace", name, "module")
	return bool(module) and (Path(frappe.get_module_path(module)) / "workspace" / frappe.scrub(name)).is_dir()


def add_figures(name: str, spec: dict) -> None:
	"""Put the number cards and charts of ``spec`` under the first heading of a shipped workspace, once."""
	doc = frappe.get_doc("Workspace", name)
	content = json.loads(doc.content or "[]")
	present = {block.get("id") for block in content}
	blocks = [block for block in figure_blocks(spec) if block["id"] not in present]
	cards = [c for c in spec["cards"] if c not in {row.number_card_name for row in doc.number_cards}]
	charts = [c for c in spec["charts"] if c not in {row.chart_name for row in doc.charts}]
	if not (blocks or cards or charts):
		return
	doc.content = json.dumps(content[:1] + blocks + content[1:])
	for card in cards:
		doc.append("number_cards", {"number_card_name": card, "label": card})
	for chart in charts:
		doc.append("charts", {"chart_name": chart, "label": chart})
	doc.save(ignore_permissions=True)


def figure_blocks(spec: dict) -> list[dict]:
	blocks = [
		{"id": f"mq-dash-n{i}", "type": "number_card", "data": {"number_card_name": card, "col": 3}}
		for i, card in enumerate(spec["cards"])
	]
	return blocks + [
		{"id": f"mq-dash-c{i}", "type": "chart", "data": {"chart_name": chart, "col": 6}}
		for i, chart in enumerate(spec["charts"])
	]


def delete_dashboards() -> None:
	for name in WORKSPACES:
		frappe.delete_doc("Workspace", name, ignore_missing=True, force=True, ignore_permissions=True)
	for doctype, names in (("Number Card", NUMBER_CARDS), ("Dashboard Chart", DASHBOARD_CHARTS)):
		for name in names:
			frappe.delete_doc(doctype, name, ignore_missing=True, force=True, ignore_permissions=True)


def encoded(values: dict) -> dict:
	return {k: json.dumps(v) if k.endswith("_json") else v for k, v in values.items()}


def upsert(doctype: str, name: str, values: dict) -> None:
	"""Create the record, or bring an existing one back to its definition (the app owns these records)."""
	if frappe.db.exists(doctype, name):
		doc = frappe.get_doc(doctype, name)
		for table in ("roles", "number_cards", "charts", "shortcuts"):
			if table in values and doc.meta.get_field(table):
				doc.set(table, [])
		doc.update(values)
		doc.save(ignore_permissions=True)
	else:
		doc = frappe.get_doc({"doctype": doctype, "name": name, **values})
		doc.insert(ignore_permissions=True)


def workspace_values(name: str, spec: dict) -> dict:
	content = [{"id": "mq-dash-h1", "type": "header", "data": {"text": f"<b>{name}</b>", "col": 12}}]
	content += figure_blocks(spec)
	content += [
		{"id": f"mq-dash-s{i}", "type": "shortcut", "data": {"shortcut_name": label, "col": 4}}
		for i, (label, _type, _link) in enumerate(spec["shortcuts"])
	]
	return {
		"module": spec["module"],
		"label": name,
		"title": name,
		"icon": spec["icon"],
		"public": 1,
		"is_hidden": 0,
		"content": json.dumps(content),
		"roles": [{"role": role} for role in spec["roles"]],
		"number_cards": [{"number_card_name": card, "label": card} for card in spec["cards"]],
		"charts": [{"chart_name": chart, "label": chart} for chart in spec["charts"]],
		"shortcuts": [
			{
				"label": label,
				"type": kind,
				"link_to": link,
				**({"doc_view": "List"} if kind == "DocType" else {}),
			}
			for label, kind, link in spec["shortcuts"]
		],
	}


# custom number cards -------------------------------------------------------------------------------------
def _int(value: int) -> dict:
	return {"value": value, "fieldtype": "Int"}


def _esf_figures():
	from mehrwert_quartier.reporting import esf_query

	if not frappe.get_cached_doc("Report", "ESF Plus Indicators").is_permitted():
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	return esf_query, {"cut_off": getdate(today())}


@frappe.whitelist()
def data_quality_card(filters: str | dict | None = None) -> dict:
	from mehrwert_quartier.reporting.report.esf_data_quality.esf_data_quality import open_participant_count

	frappe.has_permission("Participant", "read", throw=True)
	return _int(open_participant_count())


@frappe.whitelist()
def supported_businesses_card(filters: str | dict | None = None) -> dict:
	"""Unique businesses with a support step done up to today (the EECO19 rule, every size)."""
	from mehrwert_quartier.reporting import esf_query

	frappe.has_permission("Enterprise Support Case", "read", throw=True)
	return _int(len(esf_query.supported_enterprises({"cut_off": getdate(today())}, False, None)))


@frappe.whitelist()
def esf_total_card(filters: str | dict | None = None) -> dict:
	from mehrwert_quartier.rules.esf_indicators import INDICATORS, figure_key

	esf_query, params = _esf_figures()
	return _int(esf_query.figures_by_gender(params, False, None)[figure_key(INDICATORS[0])]["Total"])


@frappe.whitelist()
def esf_employed_card(filters: str | dict | None = None) -> dict:
	from mehrwert_quartier.rules.esf_indicators import INDICATORS, figure_key

	esf_query, params = _esf_figures()
	eecr04 = next(i for i in INDICATORS if i.code == "EECR04")
	return _int(esf_query.figures_by_gender(params, False, None)[figure_key(eecr04)]["Total"])


@frappe.whitelist()
def esf_sme_card(filters: str | dict | None = None) -> dict:
	esf_query, params = _esf_figures()
	return _int(esf_query.enterprise_counts(params, False, None)["Total"])
