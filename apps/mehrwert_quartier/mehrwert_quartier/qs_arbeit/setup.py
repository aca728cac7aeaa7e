"""QS Arbeit setup, called from setup/install.py: the workflow of Coaching Plan. Idempotent.

Uninstall removes the workflow, and the states and actions that no other workflow uses.
"""

from mehrwert_quartier.setup.workflows import WorkflowSpec, delete_workflow, ensure_workflow, rename_actions

COUNSELLORS = ("Counsellor",)
# not "Discontinue": its German "Abbrechen" is every Cancel button's label (issue 15); the form asks first
DISCONTINUE = "Record Discontinuation"
RENAMED_ACTIONS = {"Discontinue": DISCONTINUE}
COACHING_PLAN_WORKFLOW = WorkflowSpec(
	name="Coaching Plan",
	document_type="Coaching Plan",
	state_field="status",
	states=[
		("Draft", "", COUNSELLORS),
		("Agreed", "Info", COUNSELLORS),
		("Active", "Primary", COUNSELLORS),
		("Completed", "Success", COUNSELLORS),
		("Discontinued", "Inverse", COUNSELLORS),
	],
	transitions=[
		("Draft", "Agree", "Agreed", COUNSELLORS),
		("Agreed", "Activate", "Active", COUNSELLORS),
		("Active", "Complete", "Completed", COUNSELLORS),
		("Draft", DISCONTINUE, "Discontinued", COUNSELLORS),
		("Agreed", DISCONTINUE, "Discontinued", COUNSELLORS),
		("Active", DISCONTINUE, "Discontinued", COUNSELLORS),
	],
)


def after_migrate() -> None:
	ensure_workflow(COACHING_PLAN_WORKFLOW)
	rename_actions(COACHING_PLAN_WORKFLOW, RENAMED_ACTIONS)


def before_uninstall() -> None:
	delete_workflow(COACHING_PLAN_WORKFLOW)
