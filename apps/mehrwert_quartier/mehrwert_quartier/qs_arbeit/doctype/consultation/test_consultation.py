import frappe
import frappe.api.v1
from frappe.desk import reportview
from frappe.desk.form import load
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.tests.factories import make_consultation, make_participant, make_user

SECRET = "Panikattacken seit der Trennung"  # ASCII: JSON may escape umlauts


class TestConsultation(FrappeTestCase):
	def setUp(self):
		self.participant = make_participant()
		self.consultation = make_consultation(
			self.participant.name, consultation_type="Psychosocial crisis", confidential_notes=SECRET
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def read_as(self, user: str) -> tuple[dict, dict]:
		"""What `user` receives through get_list, frappe.client.get, REST /api/resource and reportview."""
		frappe.set_user(user)
		try:
			rows = frappe.get_list(
				"Consultation",
				filters={"name": self.consultation.name},
				fields=["name", "confidential_notes"],
			)
			doc = frappe.client.get("Consultation", self.consultation.name)
			rest = frappe.api.v1.read_doc("Consultation", self.consultation.name).as_dict()
			frappe.local.form_dict = frappe._dict(
				doctype="Consultation",
				fields=frappe.as_json(["name", "confidential_notes"]),
				filters=frappe.as_json({"name": self.consultation.name}),
			)
			report_rows = reportview.get_list()
		finally:
			frappe.set_user("Administrator")
			frappe.local.form_dict = frappe._dict()
		for other in (rest, report_rows[0]):
			self.assertEqual(other.get("confidential_notes"), doc.get("confidential_notes"))
		return rows[0], doc

	def test_counsellor_and_data_protection_officer_read_confidential_notes(self):
		for role in ("Counsellor", "Data Protection Officer"):
			row, doc = self.read_as(make_user(role))
			self.assertEqual(row.get("confidential_notes"), SECRET, role)
			self.assertEqual(doc.get("confidential_notes"), SECRET, role)

	def test_project_lead_reads_the_consultation_but_not_the_confidential_notes(self):
		lead = make_user("Project Lead")
		row, doc = self.read_as(lead)
		self.assertEqual(row["name"], self.consultation.name)
		self.assertNotIn("confidential_notes", row)
		self.assertEqual(doc["consultation_type"], "Psychosocial crisis")
		self.assertNotIn(SECRET, str(doc))
		frappe.set_user(lead)
		doc = frappe.get_doc("Consultation", self.consultation.name)
		doc.apply_fieldlevel_read_permissions()
		self.assertFalse(doc.as_dict().get("confidential_notes"))
		self.assertNotIn(SECRET, frappe.as_json(frappe.get_list("Consultation", fields=["*"])))

	def test_desk_form_of_project_lead_shows_no_notes_nor_their_history(self):
		self.consultation.confidential_notes = SECRET + ", Termin Psychiatrie"
		self.consultation.save(ignore_version=False)  # the test runner skips versions unless told
		frappe.set_user(make_user("Project Lead"))
		try:
			frappe.local.response = frappe._dict(docs=[])
			load.getdoc("Consultation", self.consultation.name)
			payload = frappe.as_json(frappe.local.response)
		finally:
			frappe.set_user("Administrator")
			frappe.local.response = frappe._dict()
		self.assertIn(self.consultation.name, payload)
		self.assertNotIn(SECRET, payload)

	def test_business_coach_cannot_read_consultations(self):
		coach = make_user("Business Coach")
		frappe.set_user(coach)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_list("Consultation", fields=["name", "confidential_notes"])
		with self.assertRaises(frappe.PermissionError):
			frappe.client.get("Consultation", self.consultation.name)

	def test_confidential_notes_are_hidden_from_print_list_and_search(self):
		field = frappe.get_meta("Consultation").get_field("confidential_notes")
		self.assertEqual(
			(field.permlevel, field.print_hide, field.in_list_view, field.in_global_search), (1, 1, 0, 0)
		)
		level_one = {
			p.role for p in frappe.get_meta("Consultation").permissions if p.permlevel == 1 and p.read
		}
		self.assertEqual(level_one, {"Counsellor", "Data Protection Officer"})

	def test_follow_up_date_creates_one_todo_that_moves(self):
		counsellor = make_user("Counsellor")
		consultation = make_consultation(
			self.participant.name, counsellor=counsellor, follow_up_date="2026-03-16"
		)
		self.assertTrue(consultation.follow_up_todo)
		todo = frappe.get_doc("ToDo", consultation.follow_up_todo)
		self.assertEqual((todo.allocated_to, str(todo.date)), (counsellor, "2026-03-16"))
		self.assertNotIn(SECRET, todo.description)
		consultation.follow_up_date = "2026-03-20"
		consultation.save()
		todos = frappe.get_all(
			"ToDo",
			filters={"reference_type": "Consultation", "reference_name": consultation.name},
			pluck="date",
		)
		self.assertEqual([str(d) for d in todos], ["2026-03-20"])

	def test_follow_up_before_consultation_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			make_consultation(self.participant.name, follow_up_date="2026-03-01")
