"""Issue 11, leaks 3, 7, 8, 9, 10, 11: what the partner exchange and the desk must never reveal."""

import base64
import io
import json

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api, partners
from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.test_partner_scope import make_partner
from mehrwert_quartier.partner_exchange.testdata import csv_bytes
from mehrwert_quartier.qs_arbeit.doctype.referral.test_referral import make_referral
from mehrwert_quartier.security import export, mentions
from mehrwert_quartier.tests.factories import (
	make_participant,
	make_training_offer,
	make_training_provider,
	make_user,
	unique,
)


def encoded(rows) -> str:
	return base64.b64encode(csv_bytes(rows)).decode()


def row_errors(batch: str) -> list[str]:
	changes = json.loads(frappe.db.get_value("Import Batch", batch, "changes") or "[]")
	return [e for entry in changes for e in entry.get("errors", [])]


def formulas(content: bytes) -> list[str]:
	workbook = openpyxl.load_workbook(io.BytesIO(content))
	return [
		f"{sheet.title}!{cell.coordinate}"
		for sheet in workbook
		for row in sheet.iter_rows()
		for cell in row
		if cell.data_type == "f"
	]


class TestPartnerLeaks(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.user_a, cls.org_a = make_partner()
		cls.user_b, cls.org_b = make_partner()
		cls.own_provider = make_training_provider(partner_organisation=cls.org_a).name
		cls.other_provider = make_training_provider(partner_organisation=cls.org_b).name
		cls.own_offer = make_training_offer(provider=cls.own_provider)
		cls.other_offer = make_training_offer(provider=cls.other_provider)

	def tearDown(self):
		frappe.set_user("Administrator")

	def upload(self, user, doctype, rows, **kwargs) -> dict:
		frappe.set_user(user)
		return api.upload(doctype, "datei.csv", encoded(rows), **kwargs)

	# leak 8: partners change records of their own organisation only
	def test_a_partner_cannot_update_another_organisations_offer(self):
		offer = self.other_offer
		rows = [["offer_title", "provider", "category"], [offer.offer_title, offer.provider, "Health"]]
		result = self.upload(self.user_a, "Training Offer", rows)
		self.assertEqual((result["status"], result["counts"]["updated_rows"]), ("Rejected", 0))
		missing = self.upload(
			self.user_a, "Training Offer", [rows[0], [offer.offer_title, "Gibt es nicht", "Health"]]
		)
		target = frappe._("Training Provider", lang="de")
		self.assertEqual(
			row_errors(result["name"]), [bilingual("bad_link", value=offer.provider, target=target)]
		)
		self.assertEqual(
			row_errors(missing["name"]), [bilingual("bad_link", value="Gibt es nicht", target=target)]
		)
		self.assertEqual(result["counts"], {**missing["counts"]})

	def test_a_partner_cannot_touch_referrals_to_another_organisations_offer(self):
		referral = make_referral(offer=self.other_offer.name)
		rows = [["participant", "offer", "status"], [referral.participant, referral.offer, "Applied"]]
		result = self.upload(self.user_a, "Referral", rows)
		self.assertEqual((result["status"], result["counts"]["updated_rows"]), ("Rejected", 0))
		self.assertEqual(frappe.db.get_value("Referral", referral.name, "status"), "Proposed")

	def test_a_message_never_names_the_stored_state_of_a_record(self):
		referral = make_referral(offer=self.own_offer.name)
		referral.status = "Dropped"
		referral.save(ignore_permissions=True)
		rows = [["participant", "offer", "status"], [referral.participant, referral.offer, "Proposed"]]
		result = self.upload(self.user_a, "Referral", rows)
		self.assertEqual(result["counts"]["error_rows"], 1)
		self.assertEqual(row_errors(result["name"]), [bilingual("rule_hidden")])

	# leak 3: export filters are checked, never SQL
	def test_export_filters_are_checked_like_the_report_view(self):
		make_participant()
		for bad in (
			[["name` or 1=1 or `name", "=", "x"]],
			[["confidential_notes", "like", "%"]],
			[["last_name", "= 1 or 1=1 --", "x"]],
			[["last_name", "=", {"x": 1}]],
			"[[",
			"nonsense",
		):
			with self.assertRaises(frappe.ValidationError, msg=bad):
				api.export_list("Participant", json.dumps(bad) if not isinstance(bad, str) else bad)
		frappe.local.response = frappe._dict()
		api.export_list("Participant", json.dumps([["last_name", "=", "gibt-es-nicht"]]))
		sheet = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent)).active
		self.assertEqual(sheet.max_row, 1)

	# leak 7: computed fields are written by the import only
	def test_computed_fields_of_a_batch_cannot_be_written(self):
		counsellor = make_user("Counsellor")
		frappe.set_user(counsellor)
		rows = [["offer_title", "provider", "category"], [unique("Kurs"), self.own_provider, "Language"]]
		name = api.upload("Training Offer", "kurse.csv", encoded(rows))["name"]
		payload = json.dumps([{"row": "<img src=x onerror=alert(1)>", "action": "<script>x</script>"}])
		for fieldname, value in (
			("changes", payload),
			("status", "Imported"),
			("new_rows", 99),
			("log", "x"),
		):
			with self.assertRaises(frappe.PermissionError, msg=fieldname):
				frappe.client.set_value("Import Batch", name, fieldname, value)
		created = frappe.get_doc(
			{
				"doctype": "Import Batch",
				"import_doctype": "Training Offer",
				"import_file": api.save_private_file("k.csv", csv_bytes(rows)),
				"changes": payload,
			}
		)
		created.insert()
		self.assertFalse(created.changes)

	# leak 9: a column that is never imported stops the file, and its file is not kept
	def test_a_column_that_is_never_imported_is_refused_and_not_kept(self):
		participant = make_participant().name
		rows = [
			["participant", "consultation_date", "consultation_type", "channel", "Vertrauliche Notizen"],
			[participant, "02.03.2026", "First contact", "Walk-in", "streng vertraulich"],
		]
		result = self.upload("Administrator", "Consultation", rows)
		self.assertEqual(result["status"], "Rejected")
		batch = frappe.get_doc("Import Batch", result["name"])
		self.assertIn(bilingual("refused_header", header="Vertrauliche Notizen"), batch.log)
		self.assertFalse(frappe.db.exists("File", {"file_url": batch.import_file}))
		self.assertFalse(batch.error_report)
		self.assertFalse(
			frappe.db.exists("File", {"attached_to_name": batch.name, "attached_to_doctype": "Import Batch"})
		)

	def test_an_error_report_never_echoes_an_ignored_column(self):
		rows = [["postcode", "programme_area", "Geheimnis"], ["0429", "Grünau", "streng vertraulich"]]
		result = self.upload("Administrator", "Postcode Area", rows)
		report = frappe.get_doc(
			"File", {"file_url": frappe.db.get_value("Import Batch", result["name"], "error_report")}
		)
		sheet = openpyxl.load_workbook(io.BytesIO(report.get_content())).active
		values = [c.value for row in sheet.iter_rows() for c in row]
		self.assertNotIn("streng vertraulich", values)
		self.assertNotIn("Geheimnis", values)
		self.assertEqual(sheet["B2"].value, "0429")

	# leak 10: every workbook through the safe writer
	def test_the_template_and_the_desk_export_write_no_formula(self):
		provider = make_training_provider(
			provider_name=f"=SUM(1)+1 {unique('x')}", partner_organisation=self.org_a
		)
		frappe.local.response = frappe._dict()
		api.download_template("Training Offer")
		self.assertEqual(formulas(frappe.response.filecontent), [])
		frappe.local.form_dict = frappe._dict(
			doctype="Training Provider",
			fields=json.dumps(["`tabTraining Provider`.`name`", "`tabTraining Provider`.`provider_name`"]),
			filters=json.dumps([["Training Provider", "name", "=", provider.name]]),
			file_format_type="Excel",
			title="Training Provider",
		)
		frappe.local.response = frappe._dict()
		export.export_query()
		self.assertEqual(formulas(frappe.response.filecontent), [])
		sheet = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent)).active
		self.assertIn(provider.provider_name, [c.value for row in sheet.iter_rows() for c in row])
		hooks = frappe.get_hooks("override_whitelisted_methods")
		self.assertIn(
			"mehrwert_quartier.security.export.export_query", hooks["frappe.desk.reportview.export_query"]
		)

	# leak 11: a partner sees its own organisation only, and no staff users
	def test_a_partner_sees_its_own_organisation_only(self):
		frappe.set_user(self.user_a)
		self.assertEqual(
			frappe.get_list("Partner Organisation", pluck="name", limit_page_length=0), [self.org_a]
		)
		self.assertTrue(frappe.has_permission("Partner Organisation", "read", doc=self.org_a))
		self.assertFalse(frappe.has_permission("Partner Organisation", "read", doc=self.org_b))
		with self.assertRaises(frappe.PermissionError):
			frappe.client.get("Partner Organisation", self.org_b)
		self.assertEqual(mentions.get_names_for_mentions(""), [])
		self.assertTrue(partners.is_partner())
		frappe.set_user(make_user("Counsellor"))
		self.assertIn(self.org_b, frappe.get_list("Partner Organisation", pluck="name", limit_page_length=0))
		self.assertTrue(mentions.get_names_for_mentions(""))
