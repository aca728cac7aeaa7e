"""Setup of B2B relations and settlement requests (called from ``qs_wirtschaft.setup``), idempotent:
the default cross-selling rules, the workflow of Settlement Request and the Kanban board of opportunities
by sales stage. Uninstall removes the workflow and the board; the rules go with their DocType.
"""

import json

import frappe

from mehrwert_quartier.qs_wirtschaft.crm_fields import RESTRICTED_ROLES, WZ_SECTIONS
from mehrwert_quartier.setup.workflows import WorkflowSpec, delete_workflow, ensure_workflow

SECTOR = {s[0]: s for s in WZ_SECTIONS}
# sector letters (WZ 2008) and why they complement each other; a rule works both ways
DEFAULT_RULES = [
	("G", "I", "Food retail supplies gastronomy; cafés and restaurants sell local products"),
	("F", "L", "Property owners need craftspeople for renovation and maintenance"),
	("C", "G", "Local manufacturers and craft workshops sell through neighbourhood shops"),
	("I", "R", "Cafés and restaurants host concerts, readings and exhibitions"),
	("J", "G", "IT services help shops with online sales and card payment"),
	("M", "S", "Accounting, design and marketing for small service businesses"),
	("N", "Q", "Translation and facility services for care and health providers"),
	("P", "R", "Joint courses and cultural offers for children and families"),
]

SETTLEMENT_WORKFLOW = WorkflowSpec(
	name="Settlement Request",
	document_type="Settlement Request",
	state_field="status",
	states=[
		("Open", "Primary", RESTRICTED_ROLES),
		("Units Proposed", "Info", RESTRICTED_ROLES),
		("Reserved", "Warning", RESTRICTED_ROLES),
		("Settled", "Success", RESTRICTED_ROLES),
		("Withdrawn", "Inverse", RESTRICTED_ROLES),
	],
	transitions=[
		("Open", "Propose Units", "Units Proposed", RESTRICTED_ROLES),
		("Units Proposed", "Reserve Unit", "Reserved", RESTRICTED_ROLES),
		("Reserved", "Settle", "Settled", RESTRICTED_ROLES),
		("Open", "Withdraw", "Withdrawn", RESTRICTED_ROLES),
		("Units Proposed", "Withdraw", "Withdrawn", RESTRICTED_ROLES),
		("Reserved", "Withdraw", "Withdrawn", RESTRICTED_ROLES),
	],
)

KANBAN_BOARD = "Opportunities by Sales Stage"
# what a card shows besides the deal's title: type, programme area, coach (Frappe v15 shows the board's
# "fields"; public/js/opportunity_list.js has the list query fetch them)
KANBAN_CARD_FIELDS = ["opportunity_type", "mq_programme_area", "opportunity_owner"]


def after_migrate() -> None:
	create_default_rules()
	ensure_workflow(SETTLEMENT_WORKFLOW)
	create_kanban_board()


def before_uninstall() -> None:
	delete_workflow(SETTLEMENT_WORKFLOW)
	if frappe.db.exists("Kanban Board", KANBAN_BOARD):
		frappe.delete_doc("Kanban Board", KANBAN_BOARD, ignore_permissions=True, force=True)


def create_default_rules() -> None:
	"""The default rules, once per pair of sectors: a rule staff changed or deactivated stays as it is."""
	for a, b, reason in DEFAULT_RULES:
		sector_a, sector_b = SECTOR[a], SECTOR[b]
		pair = {"sector_a": ("in", [sector_a, sector_b]), "sector_b": ("in", [sector_a, sector_b])}
		if frappe.db.exists("Cross-selling Rule", pair):
			continue
		rule = {"doctype": "Cross-selling Rule", "sector_a": sector_a, "sector_b": sector_b, "reason": reason}
		frappe.get_doc({**rule, "active": 1}).insert(ignore_permissions=True)


def create_kanban_board() -> None:
	"""A shared Kanban board of opportunities with one column per sales stage of the programme."""
	from mehrwert_quartier.qs_wirtschaft.setup import SALES_STAGES

	if frappe.db.exists("Kanban Board", KANBAN_BOARD):
		set_card_fields()
		return
	colours = ["Gray", "Blue", "Cyan", "Orange", "Green"]
	frappe.get_doc(
		{
			"doctype": "Kanban Board",
			"kanban_board_name": KANBAN_BOARD,
			"reference_doctype": "Opportunity",
			"field_name": "sales_stage",
			"private": 0,
			"show_labels": 1,
			"fields": json.dumps(KANBAN_CARD_FIELDS),
			"columns": [
				{"column_name": stage, "status": "Active", "indicator": colour}
				for stage, colour in zip(SALES_STAGES, colours, strict=True)
			],
		}
	).insert(ignore_permissions=True)


def set_card_fields() -> None:
	"""A board made before the cards had fields gets them; fields chosen by staff (Kanban settings) stay."""
	if json.loads(frappe.db.get_value("Kanban Board", KANBAN_BOARD, "fields") or "[]"):
		return
	frappe.db.set_value("Kanban Board", KANBAN_BOARD, "fields", json.dumps(KANBAN_CARD_FIELDS))
