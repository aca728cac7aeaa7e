"""Issue 16: the disk runs full while the error report is written. The person importing reads a clear
bilingual message, nothing of the run is left half-written, and the batch can be imported again."""

import errno
from unittest.mock import patch

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import runner
from mehrwert_quartier.partner_exchange.doctype.import_batch.test_import_batch import HEADERS, upload
from mehrwert_quartier.partner_exchange.messages import bilingual

CODES = ["04611", "04612", "04613"]


def disk_full(*args, **kwargs):
	raise OSError(errno.ENOSPC, "No space left on device")


def rows():
	return [HEADERS, *[[code, "Grünau", None] for code in CODES], ["4611x", "Grünau", None]]


def written() -> int:
	return frappe.db.count("Postcode Area", {"name": ("in", CODES)})


class TestDiskFull(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.delete("Postcode Area", {"name": ("in", CODES)})

	def test_inline_import_refuses_with_a_clear_message_and_stays_retryable(self):
		batch = frappe.get_doc("Import Batch", upload(rows(), valid_rows_only=True)["name"])
		self.assertEqual(batch.status, "Validated")
		frappe.db.savepoint("request")
		with patch("frappe.core.doctype.file.file.File.save_file", disk_full):
			with self.assertRaises(runner.DiskFull) as refused:
				runner.start(batch, "import")
		self.assertEqual(str(refused.exception), bilingual("disk_full"))
		frappe.db.rollback(save_point="request")  # what Frappe does with the failed request
		self.assertEqual(written(), 0)
		batch.reload()
		self.assertEqual(batch.status, "Validated")

		self.assertEqual(runner.start(batch, "import")["status"], "Imported")
		self.assertEqual(written(), len(CODES))
		self.assertTrue(batch.error_report)

	def test_a_background_import_ends_failed_with_the_message_and_imports_every_row_once_again(self):
		batch = frappe.get_doc("Import Batch", upload(rows(), valid_rows_only=True)["name"])
		frappe.db.commit()  # the job's rollback must not take the batch with it
		dry_run_report = batch.error_report
		try:
			with patch("frappe.core.doctype.file.file.File.save_file", disk_full):
				runner.run_job(batch.name, "import")
			batch.reload()
			self.assertEqual(batch.status, "Failed")
			self.assertIn(bilingual("disk_full"), batch.log)
			self.assertNotIn("Traceback", batch.log)
			self.assertEqual(batch.error_report, dry_run_report)  # the dry run's, nothing half-written
			before = written()  # chunks committed before the report stay; a retry counts them unchanged

			runner.run_job(batch.name, "import")
			batch.reload()
			self.assertEqual(batch.status, "Imported", batch.log)
			self.assertEqual(batch.new_rows + batch.unchanged_rows, len(CODES))
			self.assertEqual(batch.unchanged_rows, before)
			self.assertEqual(written(), len(CODES))
		finally:
			frappe.db.delete("Postcode Area", {"name": ("in", CODES)})
			frappe.delete_doc("Import Batch", batch.name, force=True, ignore_permissions=True)
			frappe.db.commit()
