import frappe
from frappe.model.workflow import apply_workflow, get_transitions
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_arbeit.setup import COACHING_PLAN_WORKFLOW, DISCONTINUE, after_migrate
from mehrwert_quartier.setup.workflows import ensure_workflow
from mehrwert_quartier.tests.factories import make_participant, make_user

GOAL = {
	"goal": "Sozialversicherungspflichtige Beschäftigung",
	"goal_area": "Employment",
	"measure": "Bewerbungstraining",
}


def make_plan(**values):
	participant = make_participant()
	doc = frappe.get_doc(
		{"doctype": "Coaching Plan", "participant": participant.name, "counsellor": "Administrator", **values}
	)
	return doc.insert(ignore_permissions=True)


class TestCoachingPlan(FrappeTestCase):
	def test_workflow_is_installed_once(self):
		ensure_workflow(COACHING_PLAN_WORKFLOW)
		ensure_workflow(COACHING_PLAN_WORKFLOW)
		self.assertEqual(frappe.db.count("Workflow", {"document_type": "Coaching Plan"}), 1)
		workflow = frappe.get_doc("Workflow", COACHING_PLAN_WORKFLOW.name)
		self.assertEqual(workflow.workflow_state_field, "status")
		self.assertEqual({s.state for s in workflow.states}, {s[0] for s in COACHING_PLAN_WORKFLOW.states})
		self.assertEqual(len(workflow.transitions), len(COACHING_PLAN_WORKFLOW.transitions))

	def test_plan_runs_from_draft_to_completed(self):
		plan = make_plan(goals=[GOAL])
		self.assertEqual(plan.status, "Draft")
		plan = apply_workflow(plan, "Agree")
		plan = apply_workflow(plan, "Activate")
		self.assertEqual(plan.status, "Active")
		self.assertFalse(plan.end_date)
		plan = apply_workflow(plan, "Complete")
		self.assertEqual(frappe.db.get_value("Coaching Plan", plan.name, "status"), "Completed")
		self.assertTrue(plan.end_date)
		self.assertEqual(get_transitions(plan), [])

	def test_plan_without_goals_cannot_be_agreed_but_can_be_discontinued(self):
		plan = make_plan()
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(plan, "Agree")
		plan.reload()
		plan = apply_workflow(plan, DISCONTINUE)
		self.assertEqual(plan.status, "Discontinued")

	def test_only_counsellors_move_the_plan(self):
		plan = make_plan(goals=[GOAL])
		frappe.set_user(make_user("Project Lead"))
		try:
			self.assertEqual(get_transitions(plan), [])
			with self.assertRaises(frappe.ValidationError):
				apply_workflow(plan, "Agree")
		finally:
			frappe.set_user("Administrator")
		frappe.set_user(make_user("Counsellor"))
		try:
			self.assertEqual({t.action for t in get_transitions(plan)}, {"Agree", DISCONTINUE})
		finally:
			frappe.set_user("Administrator")

	def test_migrate_renames_the_old_discontinue_action(self):
		old = {"parent": COACHING_PLAN_WORKFLOW.name, "action": DISCONTINUE}
		if not frappe.db.exists("Workflow Action Master", "Discontinue"):
			frappe.get_doc(
				{"doctype": "Workflow Action Master", "workflow_action_name": "Discontinue"}
			).insert()
		frappe.db.set_value("Workflow Transition", old, "action", "Discontinue")
		after_migrate()
		after_migrate()
		actions = frappe.get_all(
			"Workflow Transition", filters={"parent": COACHING_PLAN_WORKFLOW.name}, pluck="action"
		)
		self.assertEqual(actions.count(DISCONTINUE), 3)
		self.assertNotIn("Discontinue", actions)
		self.assertFalse(frappe.db.exists("Workflow Action Master", "Discontinue"))
