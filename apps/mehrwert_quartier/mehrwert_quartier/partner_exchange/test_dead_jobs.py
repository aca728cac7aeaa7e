"""A background import whose worker died must not block *Import* again (issue 16; found by the browser
layer's killed-worker test once jobs got a fixed id per batch for Frappe's deduplication)."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils.background_jobs import create_job_id, get_job, get_redis_conn
from rq.job import Job, JobStatus

from mehrwert_quartier.partner_exchange import runner


def started_job(batch: str, action: str = "import") -> Job:
	"""What a killed worker leaves in RQ: the batch's job, still marked started."""
	job = Job.create(
		"frappe.ping", id=create_job_id(runner.job_id(batch, action)), connection=get_redis_conn()
	)
	job.save()
	job.set_status(JobStatus.STARTED)
	return job


class TestDeadJobs(FrappeTestCase):
	def setUp(self):
		self.batch = f"IMP-TEST-{frappe.generate_hash(length=8)}"
		self.job = started_job(self.batch)
		self.addCleanup(self.job.delete)

	def test_a_started_job_without_its_lock_is_dropped(self):
		runner.drop_dead_job(self.batch, "import")
		self.assertIsNone(get_job(runner.job_id(self.batch, "import")))

	def test_a_running_job_holding_the_lock_stays(self):
		self.assertTrue(runner.batch_lock(self.batch))
		self.addCleanup(frappe.db.sql, "select release_lock(%s)", (runner.lock_name(self.batch),))
		runner.drop_dead_job(self.batch, "import")
		self.assertEqual(get_job(runner.job_id(self.batch, "import")).get_status(), JobStatus.STARTED)

	def test_a_queued_job_stays(self):
		self.job.set_status(JobStatus.QUEUED)
		runner.drop_dead_job(self.batch, "import")
		self.assertEqual(get_job(runner.job_id(self.batch, "import")).get_status(), JobStatus.QUEUED)
