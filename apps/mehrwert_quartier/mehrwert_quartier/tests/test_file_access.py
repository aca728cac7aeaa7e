"""Issue 11, leak 1: a File row may point only at a file its creator could already read, and an Import Batch
imports only the file its owner attached to it."""

import base64

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.test_partner_scope import make_partner
from mehrwert_quartier.partner_exchange.testdata import csv_bytes
from mehrwert_quartier.tests.factories import make_training_provider, make_user, unique


def private_file(owner: str, content: bytes) -> str:
	frappe.set_user(owner)
	return api.save_private_file(f"{unique('upload')}.csv".replace(" ", "-"), content)


class TestFileAccess(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.partner, cls.organisation = make_partner()
		cls.counsellor = make_user("Counsellor")
		cls.provider = make_training_provider().name
		cls.secret = f"postcode,programme_area\n{unique('geheim')},Grünau\n".encode()
		cls.url = private_file(cls.partner, cls.secret)
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def pointer(self, url: str, **values):
		return frappe.get_doc({"doctype": "File", "file_url": url, "is_private": 1, **values})

	def test_a_file_row_cannot_point_at_a_private_file_of_another_user(self):
		for user in (self.counsellor, make_partner()[0]):
			frappe.set_user(user)
			with self.assertRaises(frappe.PermissionError):
				self.pointer(self.url).insert()
			self.assertFalse(frappe.db.exists("File", {"file_url": self.url, "owner": user}))
		frappe.set_user(self.counsellor)
		with self.assertRaises(frappe.PermissionError):  # a missing file reads the same
			self.pointer("/private/files/gibt-es-nicht.csv").insert()

	def test_the_attach_route_and_moving_a_row_are_refused_too(self):
		frappe.set_user(self.counsellor)
		own = frappe.get_doc({"doctype": "File", "file_name": "eigen.txt", "is_private": 1, "content": b"x1"})
		own.insert()
		own.file_url = private_file(make_partner()[0], unique("fremd").encode())
		frappe.set_user(self.counsellor)
		with self.assertRaises(frappe.PermissionError):
			own.save()

	def test_own_uploads_and_readable_files_still_work(self):
		frappe.set_user(self.partner)
		copy = self.pointer(self.url).insert()  # the partner may read its own upload
		self.assertEqual(copy.file_url, self.url)
		frappe.set_user(self.counsellor)
		same = frappe.get_doc(
			{"doctype": "File", "file_name": "x.csv", "is_private": 1, "content": self.secret}
		)
		same.insert()  # identical content uploaded by the counsellor: their own upload
		self.assertTrue(same.name)

	def test_an_import_batch_reads_only_the_file_its_owner_attached(self):
		frappe.set_user(self.counsellor)
		batch = frappe.get_doc(  # another user's upload typed into the Attach field of a new batch
			{"doctype": "Import Batch", "import_doctype": "Training Offer", "import_file": self.url}
		).insert()
		with self.assertRaises(frappe.PermissionError):
			batch.validate_file()
		self.assertNotIn("geheim", frappe.db.get_value("Import Batch", batch.name, "changes") or "")
