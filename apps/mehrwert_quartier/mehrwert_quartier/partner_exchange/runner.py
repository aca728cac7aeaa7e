"""Run an Import Batch: dry run (validate) or import, inline for small files, as a background job for large ones."""

import errno
import json
import time

import frappe
from frappe import _
from frappe.utils import now_datetime
from frappe.utils.background_jobs import get_job
from rq.job import JobStatus

from mehrwert_quartier.partner_exchange import partners, profiles
from mehrwert_quartier.partner_exchange.engine import process
from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.registry import field_specs, natural_key, refused_headers
from mehrwert_quartier.partner_exchange.rows import Mapping, inspect_file, report_table
from mehrwert_quartier.partner_exchange.xlsx import write_error_report

BACKGROUND_ROWS = 2000
RECONNECT_SECONDS = 120  # how long a job whose database connection was cut waits for the server to return
# MariaDB client errors of a connection that is gone: server gone away, lost, not reachable, killed, shutting down
CONNECTION_LOST = {2006, 2013, 2003, 1927, 1053, 4031}


class DiskFull(frappe.ValidationError):
	"""The error report could not be written: no space left. The batch stays retryable."""


def start(batch, action: str, background_rows: int = BACKGROUND_ROWS) -> dict:
	"""Run now, or enqueue when the file has more than ``background_rows`` rows. A file whose mapping is not
	certain, and for which neither an Import Profile nor a confirmed mapping exists, stops at the mapping step."""
	batch.flags.mq_runner = True  # the runner writes the computed fields (ImportBatch.COMPUTED_FIELDS)
	inspection = inspect(batch)
	if action == "validate" and not batch.flags.mq_mapping_decided and profiles.needs_mapping(inspection):
		batch.mapping = json.dumps(
			profiles.proposal(inspection, batch.flags.mq_mapping), default=str, ensure_ascii=False
		)
		batch.total_rows = len(inspection.rows)
		finish(batch, "Needs Mapping", [bilingual("needs_mapping"), *inspection.errors, *inspection.warnings])
		return {"queued": False, "status": batch.status, "needs_mapping": True}
	if inspection.match and inspection.table:
		shown = profiles.proposal(inspection, batch.flags.mq_mapping)
		shown["confirmed"] = bool(batch.flags.mq_mapping_decided)
		batch.mapping = json.dumps(shown, default=str, ensure_ascii=False)
	if len(inspection.rows) > background_rows:
		drop_dead_job(batch.name, action)
		frappe.enqueue(
			"mehrwert_quartier.partner_exchange.runner.run_job",
			queue="long",
			timeout=3 * 3600,
			batch=batch.name,
			action=action,
			enqueue_after_commit=True,
			job_id=job_id(batch.name, action),
			deduplicate=True,  # Import clicked twice: one job
		)
		# the job's id closes the line: lost_jobs.py finds a batch still waiting for it
		queued = _("Queued as a background job ({0} rows)").format(len(inspection.rows))
		batch.add_log(f"{queued} [{job_id(batch.name, action)}]")
		batch.save()
		return {"queued": True}
	run(batch, action, inspection)
	return {"queued": False, "status": batch.status}


def job_id(batch: str, action: str) -> str:
	return f"mq-import-batch::{batch}::{action}"


def drop_dead_job(batch: str, action: str) -> None:
	"""A job whose worker died (killed, machine restarted) stays *started* in RQ until its timeout (hours); with
	the batch's fixed job id, Frappe's deduplication would then refuse *Import* again. The batch's database
	lock tells: a running job holds it, a dead one's went with its connection. The dead job is removed."""
	job = get_job(job_id(batch, action))
	if job and job.get_status() == JobStatus.STARTED and lock_is_free(batch):
		job.delete()


def lock_is_free(batch: str) -> bool:
	return bool(frappe.db.sql("select is_free_lock(%s)", (lock_name(batch),))[0][0])


def run_job(batch: str, action: str):
	"""Background job: a failure marks the batch Failed; the import can be started again (it resumes).

	One job per batch at a time: a second one (Import clicked twice) ends at once. The database lock goes with
	the job's connection, so a worker that dies mid-way leaves no lock behind."""
	if not batch_lock(batch):
		frappe.publish_realtime("msgprint", bilingual("already_running"), user=frappe.session.user)
		return
	try:
		doc = frappe.get_doc("Import Batch", batch)
		doc.flags.mq_runner = True
		doc.flags.ignore_permissions = partners.is_partner()  # checked before the job was queued
		try:
			run(doc, action, inspect(doc), partial=doc.valid_rows_only)
		except Exception as failure:
			lost = rollback_or_reconnect()
			doc.reload()
			doc.status = "Failed"
			if lost:
				doc.add_log(bilingual("database_lost"))
			doc.add_log(str(failure) if isinstance(failure, DiskFull) else frappe.get_traceback())
			doc.save(ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: background job ends its own transaction
	finally:
		frappe.db.sql("select release_lock(%s)", (lock_name(batch),))


def rollback_or_reconnect(seconds: float = RECONNECT_SECONDS) -> bool:
	"""Roll back the failed run. When the database connection is gone (the server restarted), a new one,
	waiting up to ``seconds`` for the server: the batch must still end *Failed*, with what was committed kept.
	True when the connection had been lost."""
	try:
		frappe.db.rollback()
		return False
	except Exception as error:
		if not connection_lost(error):
			raise
	deadline = time.monotonic() + seconds
	while True:
		try:
			frappe.db.connect()  # the cut connection's transaction is gone with it (and its named lock)
			frappe.db.begin()
			return True
		except Exception as error:
			if not connection_lost(error) or time.monotonic() > deadline:
				raise
			time.sleep(2)


def connection_lost(error: Exception) -> bool:
	if frappe.db.is_interface_error(error):  # pymysql: the socket was closed by the failed query
		return True
	return (
		isinstance(error, frappe.db.OperationalError)
		and bool(error.args)
		and error.args[0] in CONNECTION_LOST
	)


def lock_name(batch: str) -> str:
	return f"mq_import_batch:{frappe.local.site}:{batch}"[:64]


def batch_lock(batch: str) -> bool:
	"""MariaDB's named lock of the batch, without waiting: False while another job holds it."""
	return bool(frappe.db.sql("select get_lock(%s, 0)", (lock_name(batch),))[0][0])


def inspect(batch):
	"""The file read with the batch's mapping: the one confirmed for it, else the Import Profile named on
	upload or found by the header shape, else the proposal; values for the whole file from the title rows."""
	file = frappe.get_doc("File", batch.own_file())  # checked in ImportBatch.check_may_run
	doctype = batch.import_doctype
	with open(file.get_full_path(), "rb") as f:  # File.get_content() decodes text files
		content = f.read()
	specs = field_specs(doctype)
	refused = refused_headers(doctype, specs)
	mapping, decided = batch_mapping(batch)
	inspection = inspect_file(file.file_name, content, specs, natural_key(doctype), refused, mapping)
	if not decided and inspection.table and not batch.import_profile:
		found = profiles.find_profile(
			doctype, batch.partner_organisation, profiles.signature(doctype, inspection.table.headers)
		)
		if found:
			batch.import_profile, decided = found, True
			mapping = profiles.profile_mapping(found, doctype, batch.partner_organisation)
			inspection = inspect_file(file.file_name, content, specs, natural_key(doctype), refused, mapping)
	if decided and batch.import_profile:
		inspection.warnings.insert(0, bilingual("profile_applied", profile=batch.import_profile))
	from_title = title_values(inspection, mapping, partners.is_partner())
	if from_title:
		mapping.provided.update({f: name for f, (name, _label) in from_title.items()})
		inspection = inspect_file(file.file_name, content, specs, natural_key(doctype), refused, mapping)
		inspection.warnings += [
			bilingual("value_from_title", field=inspection.field_specs[f].label_de, value=label)
			for f, (_name, label) in from_title.items()
		]
	batch.flags.mq_mapping, batch.flags.mq_mapping_decided = mapping, decided
	return inspection


def batch_mapping(batch) -> tuple[Mapping, bool]:
	"""(mapping, whether it was decided by a person): confirmed for the batch, or the batch's profile."""
	stored = frappe.parse_json(batch.mapping or "{}") or {}
	if stored.get("confirmed"):
		return Mapping.from_dict(stored.get("chosen")), True
	if batch.import_profile:
		return profiles.profile_mapping(
			batch.import_profile, batch.import_doctype, batch.partner_organisation
		), True
	return Mapping(), False


def title_values(inspection, mapping: Mapping, as_partner: bool) -> dict:
	"""A required link the file does not hold (the workshop of an attendance list), named in a title row: taken
	when exactly one record the user may read has its title there (and its date, when the title has one)."""
	from mehrwert_quartier.partner_exchange.lookups import records_in_title

	if not inspection.match or not inspection.table or not inspection.table.title:
		return {}
	found = {}
	for fieldname in inspection.match.missing:
		spec = inspection.field_specs[fieldname]
		if spec.fieldtype == "Link" and fieldname not in mapping.provided:
			names = records_in_title(spec.link, " ".join(inspection.table.title), as_partner)
			if len(names) == 1:
				found[fieldname] = names[0]
	return found


def run(batch, action: str, inspection, partial: bool = False):
	write = action == "import"
	batch.total_rows = len(inspection.rows)
	if inspection.errors:
		if inspection.match and inspection.match.refused:
			drop_file(batch)
		return finish(batch, "Rejected", inspection.errors + inspection.warnings)
	frappe.db.savepoint("mq_import_batch")

	def progress(done, total):
		frappe.publish_progress(
			done * 100 / total,
			title=_("Import Batch"),
			doctype="Import Batch",
			docname=batch.name,
			description=_("{0} of {1} rows").format(done, total),
		)

	outcome = process(
		inspection,
		batch.import_doctype,
		natural_key(batch.import_doctype),
		write,
		progress,
		partial,
		as_system=partners.is_partner(),
	)
	batch.changes = json.dumps(outcome.changes, default=str, ensure_ascii=False)
	batch.new_rows, batch.updated_rows = outcome.counts["new"], outcome.counts["update"]
	batch.unchanged_rows, batch.error_rows = outcome.counts["unchanged"], outcome.counts["error"]
	failed = outcome.counts["error"] and not batch.valid_rows_only
	if write and failed:
		frappe.db.rollback(save_point="mq_import_batch")
	attach_error_report(batch, inspection)
	if write and failed:
		return finish(batch, "Failed", [bilingual("not_saved"), *inspection.warnings])
	if write:
		batch.imported_on = now_datetime()
		return finish(batch, "Imported", inspection.warnings)
	batch.validated_on = now_datetime()
	return finish(batch, "Rejected" if failed else "Validated", inspection.warnings)


def drop_file(batch):
	"""A file with a column that is never imported is deleted: readers of the batch must not read it."""
	frappe.delete_doc("File", batch.own_file(), ignore_permissions=True)


def finish(batch, status: str, messages: list[str]):
	batch.status = status
	batch.flags.messages = messages  # why a file was refused, for the portal (api.upload)
	for message in messages:
		batch.add_log(message)
	batch.add_log(
		_("{0}: {1} rows, {2} new, {3} updated, {4} unchanged, {5} with errors").format(
			_(status),
			batch.total_rows or 0,
			batch.new_rows or 0,
			batch.updated_rows or 0,
			batch.unchanged_rows or 0,
			batch.error_rows or 0,
		)
	)
	batch.save()


def attach_error_report(batch, inspection):
	batch.error_report = None
	if not any(row.errors for row in inspection.rows):
		return
	columns = sorted(inspection.match.columns)
	content = write_error_report(*report_table(inspection.table, inspection.rows, columns))
	try:
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{batch.name}-fehlerbericht.xlsx",
				"is_private": 1,
				"attached_to_doctype": "Import Batch",
				"attached_to_name": batch.name,
				"content": content,
			}
		).insert(ignore_permissions=True)
	except OSError as error:
		if error.errno != errno.ENOSPC:
			raise
		# the request (or the job) rolls back what this run wrote; committed chunks count as unchanged
		frappe.throw(bilingual("disk_full"), DiskFull, title=_("No disk space left"))
	batch.error_report = file.file_url
