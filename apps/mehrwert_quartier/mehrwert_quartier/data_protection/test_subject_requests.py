import io

import frappe
import openpyxl
from frappe.model.workflow import apply_workflow
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from mehrwert_quartier.data_protection.access_export import build
from mehrwert_quartier.rules.subject_requests import ESF_GROUND, RESTRICTED_INSTEAD
from mehrwert_quartier.tests.factories import make_consent, make_consultation, make_participant, make_user
from mehrwert_quartier.tests.route_calls import call


def request(participant: str | None, request_type: str, **values):
	return frappe.get_doc(
		{
			"doctype": "Data Subject Request",
			"request_type": request_type,
			"participant": participant,
			"requester_name": "Antragstellerin",
			"received_on": "2026-03-31",
			**values,
		}
	).insert(ignore_permissions=True)


def walk(doc, *actions):
	for action in actions:
		doc = apply_workflow(doc, action)
	return doc


class TestDataSubjectRequest(FrappeTestCase):
	def setUp(self):
		self.dpo = make_user("Data Protection Officer")
		frappe.set_user(self.dpo)
		settings = frappe.get_single("Programme Settings")
		settings.last_payment_date = "2027-06-30"
		settings.save(ignore_permissions=True)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_deadline_one_month_and_a_reminder_for_the_handler(self):
		doc = request(make_participant().name, "Access", handled_by=self.dpo)
		self.assertEqual(getdate(doc.due_on), getdate("2026-04-30"))
		todo = frappe.get_doc("ToDo", doc.reminder_todo)
		self.assertEqual((todo.allocated_to, todo.status), (self.dpo, "Open"))
		self.assertEqual(getdate(todo.date), max(getdate("2026-04-23"), getdate(today())))
		doc.extended, doc.extension_reason = 1, "viele Akten"
		doc.save()
		self.assertEqual(getdate(doc.due_on), getdate("2026-06-30"))

	def test_each_state_needs_its_evidence(self):
		doc = request(make_participant().name, "Rectification")
		with self.assertRaises(frappe.ValidationError):
			walk(doc, "Confirm Identity")
		doc.reload()
		doc.identity_evidence = "Personalausweis vorgelegt"
		doc.save()
		doc = walk(doc, "Confirm Identity")
		with self.assertRaises(frappe.ValidationError):
			walk(doc, "Decide")
		doc.reload()
		doc.decision = "Granted"
		doc.save()
		doc = walk(doc, "Decide", "Carry Out")
		self.assertEqual((doc.status, getdate(doc.completed_on)), ("Done", getdate(today())))
		self.assertEqual(frappe.db.get_value("ToDo", doc.reminder_todo, "status"), "Closed")

	def test_a_refusal_needs_ground_and_reason(self):
		doc = request(make_participant().name, "Objection")
		with self.assertRaises(frappe.ValidationError):
			walk(doc, "Refuse")
		doc.reload()
		doc.refusal_ground = "Art. 21(1) GDPR: compelling legitimate grounds"
		doc.refusal_reason = "ESF-Monitoring ist gesetzlich vorgeschrieben"
		doc.save()
		self.assertEqual(walk(doc, "Refuse").status, "Refused")

	def test_erasure_inside_the_esf_period_becomes_a_restriction_hidden_from_all_but_the_dpo(self):
		participant = make_participant()
		consultation = make_consultation(participant.name)
		doc = request(participant.name, "Erasure", identity_evidence="Ausweis")
		doc = walk(doc, "Confirm Identity", "Decide")
		self.assertEqual((doc.decision, doc.refusal_ground), (RESTRICTED_INSTEAD, ESF_GROUND))
		walk(doc, "Carry Out")
		self.assertTrue(frappe.db.get_value("Participant", participant.name, "restricted"))
		self.assertFalse(frappe.db.get_value("Participant", participant.name, "anonymised"))
		self.assertTrue(frappe.has_permission("Participant", "read", participant.name))
		frappe.set_user(make_user("Counsellor"))
		self.assertFalse(frappe.has_permission("Participant", "read", participant.name))
		self.assertFalse(frappe.get_list("Participant", filters={"name": participant.name}))
		self.assertFalse(frappe.get_list("Consultation", filters={"name": consultation.name}))
		self.assertFalse(frappe.has_permission("Consultation", "read", consultation.name))

	def test_a_granted_restriction_restricts_the_participant(self):
		participant = make_participant()
		doc = request(participant.name, "Restriction", identity_evidence="Ausweis", decision="Granted")
		walk(doc, "Confirm Identity", "Decide", "Carry Out")
		self.assertTrue(frappe.db.get_value("Participant", participant.name, "restricted"))
		frappe.set_user(make_user("Project Lead"))
		self.assertFalse(frappe.has_permission("Participant", "read", participant.name))

	def test_erasure_after_the_esf_period_anonymises(self):
		participant = make_participant(esf=False)
		frappe.db.set_value("Participant", participant.name, "retention_until", add_days(today(), -1))
		doc = walk(
			request(participant.name, "Erasure", identity_evidence="Ausweis"), "Confirm Identity", "Decide"
		)
		self.assertEqual(doc.decision, "Granted")
		walk(doc, "Carry Out")
		self.assertTrue(frappe.db.get_value("Participant", participant.name, "anonymised"))

	def test_withdrawal_of_consent_withdraws_every_valid_consent(self):
		participant = make_participant()
		consent = make_consent(participant.name)
		doc = request(
			participant.name, "Withdrawal of consent", identity_evidence="Unterschrift", decision="Granted"
		)
		walk(doc, "Confirm Identity", "Decide", "Carry Out")
		self.assertEqual(frappe.db.get_value("Consent", consent.name, "status"), "Withdrawn")

	def test_access_export_holds_every_record_and_is_logged(self):
		participant = make_participant()
		consultation = make_consultation(participant.name, outcome="Zeugnisse mitbringen")
		consent = make_consent(participant.name)
		participant.add_comment("Comment", "Rückruf erbeten")
		doc = request(participant.name, "Access", identity_evidence="Ausweis", decision="Granted")
		doc = walk(doc, "Confirm Identity", "Decide", "Carry Out")
		self.assertTrue(doc.access_export)
		path = frappe.get_doc("File", {"file_url": doc.access_export}).get_full_path()
		with open(path, "rb") as f:
			workbook = openpyxl.load_workbook(io.BytesIO(f.read()))
		text = "\n".join(
			str(v)
			for sheet in workbook.worksheets
			for row in sheet.iter_rows(values_only=True)
			for v in row
			if v
		)
		for value in (
			participant.name,
			participant.last_name,
			consultation.name,
			consent.name,
			"Rückruf erbeten",
		):
			self.assertIn(value, text)
		self.assertTrue(
			frappe.db.exists(
				"Personal Data Access", {"reference_name": participant.name, "action": "Access export"}
			)
		)

	def test_access_export_cells_are_formula_safe(self):
		participant = make_participant(skills='=HYPERLINK("http://x")')
		make_consultation(participant.name)
		lang, frappe.local.lang = frappe.local.lang, "de"  # German sheet titles ("Teilnehmende/r")
		try:
			workbook = openpyxl.load_workbook(io.BytesIO(build(participant.name)))
		finally:
			frappe.local.lang = lang
		cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
		self.assertFalse([c for c in cells if c.data_type == "f"])


class TestAccessLog(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_opening_a_form_is_logged_with_user_and_route(self):
		participant = make_participant()
		consultation = make_consultation(participant.name)
		user = make_user("Counsellor")
		frappe.set_user(user)
		call("frappe.desk.form.load.getdoc", doctype="Participant", name=participant.name)
		call("frappe.desk.form.load.getdoc", doctype="Consultation", name=consultation.name)
		frappe.set_user("Administrator")
		logged = frappe.get_all(
			"Personal Data Access",
			filters={"user": user},
			fields=["reference_doctype", "reference_name", "participant", "action"],
			order_by="creation asc",
		)
		self.assertEqual(
			[tuple(r.values()) for r in logged],
			[
				("Participant", participant.name, participant.name, "Read"),
				("Consultation", consultation.name, participant.name, "Read"),
			],
		)

	def test_the_esf_export_and_the_list_export_are_logged(self):
		from mehrwert_quartier.partner_exchange import api
		from mehrwert_quartier.reporting.funder_export import download

		participant = make_participant(entry_date="2026-03-02")
		user = make_user("Project Lead")
		frappe.set_user(user)
		download("xlsx", "2026-12-31")
		api.export_list("Participant")
		frappe.set_user("Administrator")
		logged = frappe.get_all(
			"Personal Data Access",
			filters={"user": user, "action": "Export"},
			fields=["reference_doctype", "reference_name", "participant"],
		)
		found = {(r.reference_doctype, r.reference_name, r.participant) for r in logged}
		self.assertIn(
			("Participant", participant.name, participant.name), found
		)  # the ESF export, per person
		self.assertIn(("Participant", None, None), found)  # the list export
