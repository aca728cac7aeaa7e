import base64
import io

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api, portal
from mehrwert_quartier.partner_exchange.testdata import csv_bytes
from mehrwert_quartier.tests.factories import (
	make_partner_organisation,
	make_training_provider,
	make_user,
	unique,
)
from mehrwert_quartier.www.partner import index as partner_page


def make_partner(**values):
	user = make_user("Programme Partner", user_type="Website User")
	organisation = make_partner_organisation(users=[{"user": user}], **values)
	return user, organisation.name


def offers_file(*titles, provider=None, category="Language") -> str:
	rows = [["offer_title", "provider", "category"], *[[t, provider, category] for t in titles]]
	return base64.b64encode(csv_bytes(rows)).decode()


class TestPartnerScope(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.user_a, cls.org_a = make_partner()
		cls.user_b, cls.org_b = make_partner()
		# partners write offers of their own providers only (issue 11, leak 8)
		cls.providers = {
			cls.user_a: make_training_provider(partner_organisation=cls.org_a).name,
			cls.user_b: make_training_provider(partner_organisation=cls.org_b).name,
		}

	def tearDown(self):
		frappe.set_user("Administrator")

	def upload_as(self, user, *titles, category="Language", **kwargs) -> dict:
		frappe.set_user(user)
		data = offers_file(*titles, provider=self.providers[user], category=category)
		return api.upload("Training Offer", "angebote.csv", data, **kwargs)

	def test_upload_sets_own_organisation_and_refuses_others(self):
		result = self.upload_as(self.user_a, unique("Kurs"))
		self.assertEqual(
			frappe.db.get_value("Import Batch", result["name"], "partner_organisation"), self.org_a
		)
		with self.assertRaises(frappe.PermissionError):
			self.upload_as(self.user_a, unique("Kurs"), partner_organisation=self.org_b)
		frappe.set_user(self.user_a)
		with self.assertRaises(frappe.PermissionError):
			api.upload("Postcode Area", "plz.csv", offers_file("x"))

	def test_partner_imports_without_reading_the_target_doctype(self):
		title = unique("Kurs")
		result = self.upload_as(self.user_a, title, import_rows=True)
		self.assertEqual((result["status"], result["counts"]["new_rows"]), ("Imported", 1))
		self.assertTrue(frappe.db.exists("Training Offer", {"offer_title": title}))
		self.assertFalse(frappe.has_permission("Training Offer", "read"))
		# the per-row changes (values of existing records) sit at permlevel 1
		self.assertIsNone(frappe.client.get("Import Batch", result["name"]).get("changes"))
		with self.assertRaises(frappe.PermissionError):
			frappe.client.set_value("Import Batch", result["name"], "partner_organisation", self.org_b)

	def test_partner_never_sees_another_partners_batch(self):
		own = self.upload_as(self.user_a, unique("Kurs"), category="Nonsense")["name"]
		other = self.upload_as(self.user_b, unique("Kurs"), category="Nonsense")["name"]
		frappe.set_user(self.user_a)
		names = frappe.get_list("Import Batch", pluck="name", limit_page_length=0)
		self.assertIn(own, names)
		self.assertNotIn(other, names)
		self.assertFalse(frappe.has_permission("Import Batch", "read", doc=other))
		with self.assertRaises(frappe.PermissionError):
			frappe.client.get("Import Batch", other)
		with self.assertRaises(frappe.PermissionError):
			portal.batch_status(other)
		with self.assertRaises(frappe.PermissionError):
			portal.download_error_report(other)
		with self.assertRaises(frappe.PermissionError):
			portal.import_batch(other)
		report = frappe.db.get_value("Import Batch", other, "error_report")
		file = frappe.get_doc("File", {"file_url": report, "attached_to_name": other})
		self.assertFalse(frappe.has_permission("File", "read", doc=file))

	def test_whitelisted_methods_of_the_cli(self):
		bad = self.upload_as(self.user_a, unique("Kurs"), category="Nonsense")
		self.assertEqual((bad["status"], bad["counts"]["error_rows"]), ("Rejected", 1))
		status = portal.batch_status(bad["name"])
		self.assertEqual((status["status"], status["has_error_report"]), ("Rejected", True))
		frappe.local.response = frappe._dict()
		portal.download_error_report(bad["name"])
		sheet = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent)).active
		self.assertEqual([c.value for c in sheet[1]][1:], ["offer_title", "provider", "category"])
		self.assertTrue(sheet["A2"].value)  # the error column explains the bad category
		self.assertEqual(sheet["D2"].value, "Nonsense")
		good = self.upload_as(self.user_a, unique("Kurs"))
		self.assertEqual(good["status"], "Validated")
		self.assertEqual(portal.import_batch(good["name"])["status"], "Imported")

	def test_portal_context_is_scoped(self):
		own = self.upload_as(self.user_a, unique("Kurs"))["name"]
		other = self.upload_as(self.user_b, unique("Kurs"))["name"]
		frappe.set_user(self.user_a)
		context = partner_page.get_context(frappe._dict())
		self.assertTrue(context.is_partner)
		self.assertEqual([o.name for o in context.organisations], [self.org_a])
		names = [b.name for b in context.batches]
		self.assertIn(own, names)
		self.assertNotIn(other, names)
		doctypes = [d["value"] for d in context.doctypes]
		self.assertIn("Training Offer", doctypes)
		self.assertNotIn("Postcode Area", doctypes)

	def test_portal_redirects_guests_and_explains_to_staff(self):
		frappe.set_user("Guest")
		with self.assertRaises(frappe.Redirect):
			partner_page.get_context(frappe._dict())
		frappe.set_user(make_user("Counsellor"))
		context = partner_page.get_context(frappe._dict())
		self.assertFalse(context.is_partner)
		self.assertTrue(context.message)
		self.assertNotIn("batches", context)
