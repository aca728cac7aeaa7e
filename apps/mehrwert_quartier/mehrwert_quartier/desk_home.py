"""The "my day" blocks of the role workspaces (issue 15): what the logged-in user has to do today.

Workspace shortcuts and quick lists cannot filter by the current user; these methods can. Every list goes
through ``frappe.get_list`` (the user's permissions), a role without read on a DocType gets no section.
"""

import frappe
from frappe.utils import add_days, getdate, today

from mehrwert_quartier.rules.consent import is_consent_valid

LIMIT = 8


def _section(doctype: str, filters: dict, fields: list[str], order_by: str) -> dict | None:
	if not frappe.has_permission(doctype, "read"):
		return None
	return {
		"doctype": doctype,
		"filters": filters,
		# counted through the list query: permission rules (restricted case types) apply to the count too
		"count": len(frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=0)),
		"rows": frappe.get_list(
			doctype, filters=filters, fields=["name", *fields], order_by=order_by, limit_page_length=LIMIT
		),
	}


@frappe.whitelist()
def counsellor_day() -> dict:
	"""My caseload, my open ToDos, today's and this week's consultations, my participants without a valid
	consent to counselling."""
	user = frappe.session.user
	day = getdate(today())
	week_end = add_days(day, 6 - day.weekday())
	mine = {"responsible_counsellor": user, "exit_date": ("is", "not set")}
	return {
		"caseload": _section("Participant", mine, ["full_name", "programme_area"], "full_name asc"),
		"todos": _section(
			"ToDo",
			{"allocated_to": user, "status": "Open"},
			["description", "date", "reference_type", "reference_name"],
			"date asc",
		),
		"today": _section(
			"Consultation",
			{"counsellor": user, "consultation_date": day},
			["participant_name", "start_time", "consultation_type"],
			"start_time asc",
		),
		"week": _section(
			"Consultation",
			{"counsellor": user, "consultation_date": ("between", [day, week_end])},
			["participant_name", "consultation_date", "consultation_type"],
			"consultation_date asc",
		),
		"without_consent": without_consent(mine),
	}


def without_consent(filters: dict) -> dict | None:
	if not frappe.has_permission("Participant", "read") or not frappe.has_permission("Consent", "read"):
		return None
	people = frappe.get_list(
		"Participant", filters=filters, fields=["name", "full_name"], limit_page_length=0
	)
	consents = frappe.get_list(
		"Consent",
		filters={"participant": ("in", [p.name for p in people] or [""]), "purpose": "Counselling"},
		fields=["participant", "given_on", "withdrawn_on"],
		limit_page_length=0,
	)
	day = getdate(today())
	valid = {
		c.participant
		for c in consents
		if is_consent_valid(getdate(c.given_on), getdate(c.withdrawn_on) if c.withdrawn_on else None, day)
	}
	rows = [p for p in people if p.name not in valid]
	return {"doctype": "Participant", "filters": None, "count": len(rows), "rows": rows[:LIMIT]}


@frappe.whitelist()
def coach_day() -> dict:
	"""My open support cases, my steps due within a week, vacant units."""
	user = frappe.session.user
	week = add_days(today(), 7)
	steps = []
	if frappe.has_permission("Enterprise Support Case", "read"):
		steps = frappe.get_list(
			"Enterprise Support Case",
			filters=[
				["Enterprise Support Step", "responsible", "=", user],
				["Enterprise Support Step", "step_status", "=", "Open"],
				["Enterprise Support Step", "due_date", "<=", week],
			],
			fields=[
				"name",
				"business_name",
				"`tabEnterprise Support Step`.step as step",
				"`tabEnterprise Support Step`.due_date as due_date",
			],
			order_by="`tabEnterprise Support Step`.due_date asc",
			limit_page_length=LIMIT,
		)
	return {
		"cases": _section(
			"Enterprise Support Case",
			{"coach": user, "status": ("not in", ["Completed", "Dormant"])},
			["business_name", "status", "programme_area"],
			"modified desc",
		),
		"steps": {"doctype": "Enterprise Support Case", "filters": None, "count": len(steps), "rows": steps},
		"units": _section(
			"Commercial Unit",
			{"status": ("in", ["Vacant", "Under Renovation"])},
			["unit_title", "floor_space", "programme_area"],
			"available_from asc",
		),
	}
