"""Programme Events setup, called from setup/install.py: the event workflow. Idempotent."""

from mehrwert_quartier.setup.workflows import WorkflowSpec, delete_workflow, ensure_workflow

ORGANISERS = ("Counsellor", "Business Coach", "Project Lead")
EVENT_WORKFLOW = WorkflowSpec(
	name="Programme Event",
	document_type="Programme Event",
	state_field="status",
	states=[
		("Planned", "", ORGANISERS),
		("Open for Registration", "Primary", ORGANISERS),
		("Held", "Info", ORGANISERS),
		("Documented", "Success", ("Project Lead",)),
	],
	transitions=[
		("Planned", "Open Registration", "Open for Registration", ORGANISERS),
		("Open for Registration", "Mark as Held", "Held", ORGANISERS),
		("Held", "Mark as Documented", "Documented", ORGANISERS),
	],
)


def after_migrate() -> None:
	ensure_workflow(EVENT_WORKFLOW)


def before_uninstall() -> None:
	delete_workflow(EVENT_WORKFLOW)
