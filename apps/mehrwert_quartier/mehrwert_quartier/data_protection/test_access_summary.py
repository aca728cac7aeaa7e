"""The printable summary of the access export (issue 14): every record and every log entry about the person, as
PDF, attached with the workbook and logged once as an access export."""

import io
import os

import frappe
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import formatdate
from markupsafe import escape
from pypdf import PdfReader

from mehrwert_quartier.data_protection import test_anonymise
from mehrwert_quartier.data_protection.access_export import HISTORY, OWN, export_participant
from mehrwert_quartier.data_protection.access_log import log_access
from mehrwert_quartier.data_protection.access_summary import readable, render_html
from mehrwert_quartier.tests.factories import make_participant, make_user
from mehrwert_quartier.tests.route_calls import call

CHILDREN = {"Coaching Plan": "Coaching Plan Goal", "Placement": "Placement Checkpoint"}
EXPORT = "mehrwert_quartier.data_protection.access_export.export_participant"


def file_content(url: str) -> bytes:
	return frappe.get_doc("File", {"file_url": url}).get_content()


class TestAccessSummary(FrappeTestCase):
	# the full history of the anonymisation test: consultation, consent with its form, referral, registration,
	# placement, coaching plan, comment, mail, Version, an import batch, a merged duplicate
	build_history = test_anonymise.TestAnonymise.build_history
	upload_batch = test_anonymise.TestAnonymise.upload_batch

	def setUp(self):
		frappe.set_user("Administrator")
		self.values = test_anonymise.identifiers()
		self.duplicate_values = {
			**test_anonymise.identifiers(),
			"date_of_birth": self.values["date_of_birth"],
		}
		self.participant = make_participant(**self.values)
		self.full_name = self.participant.full_name
		self.build_history()
		self.participant.db_set("skills", "<script>alert(1)</script>")  # as if stored unsanitised
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"description": f"Rückruf {self.values['last_name']}",
				"reference_type": "Participant",
				"reference_name": self.participant.name,
				"allocated_to": "Administrator",
			}
		).insert(ignore_permissions=True)
		log_access("Participant", self.participant.name, "Read", participant=self.participant.name)

	def tearDown(self):
		frappe.set_user("Administrator")

	def records(self) -> list[tuple[str, str]]:
		name = self.participant.name
		found = [("Participant", name)]
		for doctype in OWN:
			found += [(doctype, n) for n in frappe.get_all(doctype, {"participant": name}, pluck="name")]
		return found

	def test_the_summary_holds_every_record_child_row_and_log_entry(self):
		html = render_html(self.participant.name)
		records = self.records()
		self.assertLessEqual(
			{"Consultation", "Consent", "Referral", "Placement", "Coaching Plan", "Event Registration"},
			{dt for dt, _n in records},
		)
		for doctype, name in records:
			self.assertIn(name, html, doctype)
			if doctype in CHILDREN:
				rows = frappe.get_all(
					CHILDREN[doctype], {"parenttype": doctype, "parent": name}, pluck="name"
				)
				for row in rows:
					self.assertIn(row, html, CHILDREN[doctype])
		for log, (type_field, name_field), fields in HISTORY:
			for doctype, name in records:
				for entry in frappe.get_all(
					log, filters={type_field: doctype, name_field: name}, fields=fields
				):
					for field, value in entry.items():
						shown = readable(frappe.get_meta(log), field, value)
						self.assertIn(str(escape(shown or "")), html, f"{log}.{field}")
		for key, value in self.values.items():
			self.assertIn(formatdate(value) if key == "date_of_birth" else value, html)
		for text in ("Schulden", "findet Arbeit", "hat zugesagt", "Termin", "Rückruf", "einwilligung-"):
			self.assertIn(text, html)
		self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
		self.assertNotIn("<script>", html)

	def test_the_dpo_gets_the_workbook_and_the_pdf_logged_as_one_access_export(self):
		name = self.participant.name
		dpo = make_user("Data Protection Officer")
		frappe.set_user(dpo)
		urls = call(EXPORT, participant=name)
		pdf = file_content(urls["summary"])
		self.assertEqual(pdf[:4], b"%PDF")
		text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
		for value in (name, self.values["last_name"], self.values["email"]):
			self.assertIn(value, text)
		self.assertEqual(file_content(urls["workbook"])[:2], b"PK")
		attached = frappe.get_all(
			"File", {"attached_to_doctype": "Participant", "attached_to_name": name}, pluck="file_url"
		)
		self.assertLessEqual({urls["summary"], urls["workbook"]}, set(attached))
		logged = frappe.get_all(
			"Personal Data Access",
			filters={"reference_name": name, "action": "Access export", "user": dpo},
			pluck="name",
		)
		self.assertEqual(len(logged), 1)

	def test_only_the_dpo_may_export(self):
		frappe.set_user(make_user("Counsellor"))
		with self.assertRaises(frappe.PermissionError):
			export_participant(self.participant.name)

	def test_an_access_request_carries_both_files(self):
		frappe.set_user(make_user("Data Protection Officer"))
		doc = frappe.get_doc(
			{
				"doctype": "Data Subject Request",
				"request_type": "Access",
				"participant": self.participant.name,
				"requester_name": "Antragstellerin",
				"received_on": "2026-11-30",
				"identity_evidence": "Ausweis",
				"decision": "Granted",
			}
		).insert(ignore_permissions=True)
		for action in ("Confirm Identity", "Decide", "Carry Out"):
			doc = apply_workflow(doc, action)
		doc.reload()
		self.assertEqual(file_content(doc.access_summary)[:4], b"%PDF")
		self.assertEqual(file_content(doc.access_export)[:2], b"PK")

	def test_anonymisation_deletes_the_exports(self):
		"""The PDF is compressed: the anonymisation test's file search could not read it, so it must go."""
		from mehrwert_quartier.data_protection.anonymise import anonymise_participant

		urls = export_participant(self.participant.name)
		paths = [frappe.get_doc("File", {"file_url": url}).get_full_path() for url in urls.values()]
		anonymise_participant(self.participant.name)
		for url, path in zip(urls.values(), paths, strict=True):
			self.assertFalse(frappe.db.exists("File", {"file_url": url}), url)
			self.assertFalse(os.path.exists(path), path)
