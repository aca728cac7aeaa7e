"""Background jobs of Import Batches lost with the job queue (issue 16, faults).

A queued dry run or import lives in Redis until a worker takes it. Redis restarted without its snapshot (a
queue configured without persistence, or a crash) forgets it, and the batch would wait for ever with "Queued
as a background job" as the last line of its log. Every five minutes (``hooks.scheduler_events``) the batches
whose log still ends with the queued job's id, and whose job is neither queued nor running, are reported: the
log says what happened and the batch can be started again (an import: *Failed*, which *Import* resumes; a dry
run: *Uploaded*). Nothing was written by a job that never ran.
"""

import re

import frappe
from frappe.utils import add_to_date, now_datetime
from frappe.utils.background_jobs import is_job_enqueued

from mehrwert_quartier.partner_exchange import runner
from mehrwert_quartier.partner_exchange.messages import bilingual

QUEUED = re.compile(r"\[(?P<job>mq-import-batch::.+::(?P<action>validate|import))\]$")
GRACE_MINUTES = 2  # a job is enqueued when the request that queued it commits


def report_lost_jobs(minutes: int = GRACE_MINUTES) -> list[str]:
	"""Scheduled: the batches (not changed for ``minutes``) whose queued job is gone, reported. Their names."""
	since = add_to_date(now_datetime(), minutes=-minutes)
	names = frappe.get_all(
		"Import Batch", filters={"status": ("!=", "Imported"), "modified": ("<=", since)}, pluck="name"
	)
	return [name for name in names if report_if_lost(frappe.get_doc("Import Batch", name))]


def waiting_for(batch) -> re.Match | None:
	"""The job the batch waits for: its log ends with the line that queued it."""
	last = (batch.log or "").rstrip("\n").rsplit("\n", 1)[-1]
	return QUEUED.search(last)


def report_if_lost(batch) -> bool:
	waiting = waiting_for(batch)
	if not waiting or is_job_enqueued(waiting["job"]):
		return False
	if not runner.batch_lock(batch.name):  # a job of the batch runs after all
		return False
	try:
		batch.flags.mq_runner = True  # the runner's fields (ImportBatch.COMPUTED_FIELDS)
		batch.status = "Failed" if waiting["action"] == "import" else "Uploaded"
		batch.add_log(bilingual("job_lost"))
		batch.save(ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: scheduled job, one batch at a time
	finally:
		frappe.db.sql("select release_lock(%s)", (runner.lock_name(batch.name),))
	return True
