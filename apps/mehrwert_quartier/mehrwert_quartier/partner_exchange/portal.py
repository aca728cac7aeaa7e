"""Whitelisted methods for partners (portal page /partner, command-line client ``cli.py``).

Each method reads the batch with the user's permissions first: a partner reaches only the batches of their
own organisations (``partners.py``); the error report is a private attachment sent only through here.
"""

import frappe
from frappe import _

from mehrwert_quartier.partner_exchange.api import batch_counts, send_file


def readable_batch(batch: str):
	doc = frappe.get_doc("Import Batch", batch)
	doc.check_permission("read")
	return doc


def batch_summary(doc) -> dict:
	return {
		"name": doc.name,
		"import_doctype": doc.import_doctype,
		"partner_organisation": doc.partner_organisation,
		"status": doc.status,
		"has_error_report": bool(doc.error_report),
		"counts": batch_counts(doc),
	}


@frappe.whitelist()
def batch_status(batch: str) -> dict:
	"""Status and counts of a batch the user may read."""
	return batch_summary(readable_batch(batch))


@frappe.whitelist(methods=["POST"])
def import_batch(batch: str) -> dict:
	"""Import a validated batch the user may read and run (``ImportBatch.check_may_run``)."""
	doc = readable_batch(batch)
	result = doc.import_rows()
	return {**batch_summary(doc), "queued": bool(result.get("queued"))}


@frappe.whitelist(methods=["POST"])
def confirm_mapping(batch: str, mapping: str) -> dict:
	"""The mapping step of a batch the user may read and run: the confirmed mapping becomes the organisation's
	Import Profile for this header shape, then the dry run runs."""
	doc = readable_batch(batch)
	doc.confirm_mapping(mapping)
	return mapping_summary(doc)


def mapping_summary(doc) -> dict:
	"""The batch's summary with its messages and, while it waits for the mapping, the proposal."""
	proposal = frappe.parse_json(doc.mapping or "{}") or {}
	return {
		**batch_summary(doc),
		"messages": doc.flags.messages or [],
		"import_profile": doc.import_profile,
		"mapping": proposal if proposal.get("columns") else None,
	}


@frappe.whitelist()
def download_error_report(batch: str):
	"""The error report of a batch the user may read."""
	doc = readable_batch(batch)
	if not doc.error_report:
		frappe.throw(_("This batch has no error report"), frappe.DoesNotExistError)
	file = frappe.get_doc("File", {"file_url": doc.error_report, "attached_to_name": doc.name})
	with open(file.get_full_path(), "rb") as f:
		send_file(file.file_name, f.read())
