"""Data protection setup, called from setup/install.py: default retention rules and the workflow of data
subject requests. Idempotent; uninstall removes the workflow (the DocTypes go with the module)."""

from mehrwert_quartier.data_protection.retention import ensure_default_rules
from mehrwert_quartier.setup.workflows import WorkflowSpec, delete_workflow, ensure_workflow

DPO = ("Data Protection Officer",)
REQUEST_WORKFLOW = WorkflowSpec(
	name="Data Subject Request",
	document_type="Data Subject Request",
	state_field="status",
	states=[
		("Received", "", DPO),
		("Identity checked", "Info", DPO),
		("Decided", "Primary", DPO),
		("Done", "Success", DPO),
		("Refused", "Danger", DPO),
	],
	transitions=[
		("Received", "Confirm Identity", "Identity checked", DPO),
		("Identity checked", "Decide", "Decided", DPO),
		("Decided", "Carry Out", "Done", DPO),
		("Received", "Refuse", "Refused", DPO),
		("Identity checked", "Refuse", "Refused", DPO),
		("Decided", "Refuse", "Refused", DPO),
	],
)


def after_migrate() -> None:
	ensure_default_rules()
	ensure_workflow(REQUEST_WORKFLOW)


def before_uninstall() -> None:
	delete_workflow(REQUEST_WORKFLOW)
