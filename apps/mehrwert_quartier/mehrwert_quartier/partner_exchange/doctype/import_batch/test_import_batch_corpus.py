"""Every malformed file of the corpus, uploaded through the REST endpoint, ends in a bilingual message and
writes no record of the target DocType; the corpus (with its 50 MB file) is generated once for the class."""

import base64

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.messages import MESSAGES
from mehrwert_quartier.partner_exchange.testdata import (
	CELL_ERRORS,
	IN_COLUMNS_UNKNOWN_TO_PARTNER_ORGANISATION,
	corpus,
)

DOCTYPE = "Partner Organisation"
# no batch: the file is not even stored (empty, refused by its size before it is decoded, or by its type:
# a PDF is no spreadsheet, and Frappe would parse it as a PDF on saving)
REFUSED_BEFORE_SAVING = ("empty_file", "oversized_50_mb", "wrong_extension")


def message_start(code: str) -> tuple[str, str]:
	german, english = MESSAGES[code]
	return german.split("{")[0].split("„")[0], english.split("{")[0].split("'")[0]


class TestMalformedUploads(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.cases = {case: item for case, item in corpus().items() if item[2]}

	def setUp(self):
		frappe.set_user("Administrator")

	def upload(self, filename: str, content: bytes) -> dict:
		data = base64.b64encode(content).decode()
		return api.upload(DOCTYPE, filename, data, import_rows=True)

	def test_the_corpus_is_large_enough(self):
		self.assertGreaterEqual(len(self.cases), 25)

	def test_every_malformed_file_is_rejected_with_a_bilingual_message_and_writes_nothing(self):
		records, batches = frappe.db.count(DOCTYPE), frappe.db.count("Import Batch")
		for case, (filename, content, expected) in sorted(self.cases.items()):
			german, english = message_start(expected)
			with self.subTest(case=case):
				if case in REFUSED_BEFORE_SAVING:
					with self.assertRaises(frappe.ValidationError) as raised:
						self.upload(filename, content)
					self.assertIn(german, str(raised.exception))
					self.assertIn(english, str(raised.exception))
					self.assertEqual(frappe.db.count("Import Batch"), batches)
					continue
				result = self.upload(filename, content)
				batches += 1
				batch = frappe.get_doc("Import Batch", result["name"])
				self.assertEqual(batch.status, "Rejected")
				self.assertFalse(batch.imported_on)
				if expected in CELL_ERRORS:
					errors = [e for c in frappe.parse_json(batch.changes) for e in c.get("errors", [])]
					self.assertEqual(batch.error_rows, batch.total_rows)
					self.assertTrue(errors and all(" / " in e for e in errors), errors)
					if case not in IN_COLUMNS_UNKNOWN_TO_PARTNER_ORGANISATION:
						self.assertTrue(any(german in e and english in e for e in errors), errors)
				else:
					self.assertEqual(batch.total_rows or 0, 0)
					self.assertIn(f"{german}", batch.log)
					self.assertIn(english, batch.log)
			self.assertEqual(frappe.db.count(DOCTYPE), records, case)
