"""Confidential notes leave the system by no other way: print, export, global search, ToDo notifications."""

import frappe
from frappe.desk import reportview
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today
from frappe.utils.global_search import sync_global_search, update_global_search

from mehrwert_quartier.tests.factories import make_consultation, make_participant, make_user

SECRET = "Schlafstoerung nach Klinikaufenthalt"


class TestConfidentialWaysOut(FrappeTestCase):
	def setUp(self):
		self.consultation = make_consultation(
			make_participant().name,
			consultation_type="Health coaching",
			confidential_notes=SECRET,
			follow_up_date=add_days(today(), 7),
		)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.form_dict = frappe._dict()
		frappe.local.response = frappe._dict()

	def test_print_shows_no_notes_even_to_counsellors(self):
		for role in ("Project Lead", "Counsellor"):
			frappe.set_user(make_user(role))
			html = frappe.get_print("Consultation", self.consultation.name)
			frappe.set_user("Administrator")
			self.assertIn(self.consultation.name, html, role)
			self.assertNotIn(SECRET, html, role)

	def export_as(self, role: str) -> None:
		frappe.set_user(make_user(role))
		frappe.local.form_dict = frappe._dict(
			doctype="Consultation",
			fields=frappe.as_json(["`tabConsultation`.`name`", "`tabConsultation`.`confidential_notes`"]),
			filters=frappe.as_json({"name": self.consultation.name}),
			file_format_type="CSV",
		)
		reportview.export_query()

	def test_only_roles_that_may_read_the_notes_can_export(self):
		for role in ("Project Lead", "Data Protection Officer"):
			with self.assertRaises(frappe.PermissionError, msg=role):
				self.export_as(role)
		self.export_as("Counsellor")
		content = frappe.local.response.filecontent
		content = content.decode() if isinstance(content, bytes) else str(content)
		self.assertIn(self.consultation.name, content)

	def test_global_search_never_indexes_the_notes(self):
		meta = frappe.get_meta("Consultation")
		topics = meta.get_field("topics")
		topics.in_global_search = 1  # a searchable field, to prove that indexing runs
		try:
			self.consultation.topics = "Bewerbungsmappe"
			update_global_search(self.consultation)
			sync_global_search()
		finally:
			topics.in_global_search = 0
		content = frappe.db.get_value(
			"__global_search",
			{"doctype": "Consultation", "name": self.consultation.name},
			"content",
			order_by=None,
		)
		self.assertIn("Bewerbungsmappe", content)
		self.assertNotIn(SECRET, content)

	def test_follow_up_todo_names_no_confidential_content(self):
		todo = frappe.get_doc("ToDo", self.consultation.follow_up_todo)
		self.assertNotIn(SECRET, todo.description)
		self.assertEqual(todo.reference_name, self.consultation.name)
