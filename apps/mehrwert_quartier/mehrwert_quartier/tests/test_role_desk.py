"""Issue 15 on the server: the print formats, the role workspaces and their "My Day" data, follow-up ToDos in
the counsellor's language, readable names, the warnings of registrations and consultations."""

import re

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import today

from mehrwert_quartier import desk_home
from mehrwert_quartier.qs_arbeit.doctype.placement.placement import checkpoint_text
from mehrwert_quartier.setup import workspaces
from mehrwert_quartier.tests.factories import make_consent, make_consultation, make_participant, make_user


class TestPrintFormats(FrappeTestCase):
	def test_the_coaching_plan_prints_with_goals_and_two_signature_lines(self):
		participant = make_participant()
		plan = frappe.get_doc(
			{
				"doctype": "Coaching Plan",
				"participant": participant.name,
				"counsellor": "Administrator",
				"goals": [{"goal": "Arbeitsaufnahme im Einzelhandel", "goal_area": "Employment"}],
			}
		).insert(ignore_permissions=True)
		frappe.local.lang = "de"
		html = frappe.get_print("Coaching Plan", plan.name, print_format="Coaching Plan Record")
		self.assertIn("Arbeitsaufnahme im Einzelhandel", html)
		self.assertIn("Unterschrift der/des Teilnehmenden", html)
		self.assertIn("Unterschrift der Beraterin / des Beraters", html)

	def test_the_consultation_record_never_prints_the_confidential_notes(self):
		participant = make_participant()
		make_consent(participant.name)
		consultation = make_consultation(
			participant.name, topics="Bewerbungsunterlagen", confidential_notes="Geheim: Schulden"
		)
		frappe.local.lang = "de"
		html = frappe.get_print("Consultation", consultation.name, print_format="Consultation Record")
		self.assertIn("Bewerbungsunterlagen", html)
		self.assertIn("Beratungsprotokoll", html)
		self.assertNotIn("Geheim", html)


class TestRoleWorkspaces(FrappeTestCase):
	def test_a_user_given_an_app_role_lands_on_its_workspace(self):
		self.assertEqual(
			frappe.db.get_value("User", make_user("Counsellor"), "default_workspace"), "QS Arbeit"
		)
		coach = make_user("Business Coach")
		self.assertEqual(frappe.db.get_value("User", coach, "default_workspace"), "QS Wirtschaft")
		dpo = make_user("Data Protection Officer")
		self.assertEqual(frappe.db.get_value("User", dpo, "default_workspace"), "Datenschutz")
		self.assertTrue(frappe.db.exists("Custom HTML Block", "MQ Counsellor Day"))

	def test_the_counsellor_day_lists_own_cases_and_those_without_consent(self):
		counsellor = make_user("Counsellor")
		with_consent = make_participant(responsible_counsellor=counsellor)
		make_consent(with_consent.name)
		without = make_participant(responsible_counsellor=counsellor)
		make_consultation(without.name, counsellor=counsellor, consultation_date=today())
		frappe.set_user(counsellor)
		try:
			day = desk_home.counsellor_day()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual({r.name for r in day["caseload"]["rows"]}, {with_consent.name, without.name})
		self.assertEqual([r.name for r in day["without_consent"]["rows"]], [without.name])
		self.assertEqual(day["today"]["count"], 1)

	def test_a_role_without_read_gets_no_section(self):
		coach = make_user("Business Coach")
		frappe.set_user(coach)
		try:
			day = desk_home.counsellor_day()
		finally:
			frappe.set_user("Administrator")
		self.assertIsNone(day["caseload"])
		self.assertIsNone(day["without_consent"])

	def test_uninstall_clears_the_default_workspaces(self):
		user = make_user("Counsellor")
		workspaces.clear_default_workspaces()
		self.assertFalse(frappe.db.get_value("User", user, "default_workspace"))
		workspaces.set_default_workspaces()
		self.assertEqual(frappe.db.get_value("User", user, "default_workspace"), "QS Arbeit")


class TestTexts(FrappeTestCase):
	def test_checkpoint_todos_are_german_with_singular_and_plural(self):
		self.assertEqual(
			checkpoint_text("Administrator", 1, "Eva"), "Integrationsbegleitung nach einem Monat mit Eva"
		)
		self.assertEqual(
			checkpoint_text("Administrator", 6, "Eva"), "Integrationsbegleitung nach 6 Monaten mit Eva"
		)

	def test_opportunity_types_are_shown_translated(self):
		self.assertIn(
			"Opportunity Type", frappe.get_all("DocType", {"name": "Opportunity Type"}, pluck="name")
		)
		self.assertTrue(frappe.get_meta("Opportunity Type").translated_doctype)
		self.assertEqual(
			frappe.db.get_value("Opportunity Type", "Business Advice", "description"), "Unternehmensberatung"
		)

	def test_a_consultation_with_confidential_notes_without_consent_warns(self):
		participant = make_participant()
		frappe.clear_messages()
		make_consultation(participant.name, confidential_notes="Vertraulich")
		messages = [str(m.get("message")) for m in frappe.get_message_log()]
		self.assertTrue(any("consent" in m or "Einwilligung" in m for m in messages), messages)

	def test_referrals_are_numbered_readably(self):
		meta = frappe.get_meta("Referral")
		self.assertEqual(meta.autoname, "format:VM-{YYYY}-{#####}")
		self.assertTrue(
			re.fullmatch(r"format:ANM-\{YYYY\}-\{#####\}", frappe.get_meta("Event Registration").autoname)
		)


class TestNumberFormats(FrappeTestCase):
	def test_hours_in_a_match_explanation_are_written_the_german_way(self):
		from mehrwert_quartier.qs_arbeit.job_matching import detail_text

		frappe.local.lang = "de"
		self.assertEqual(detail_text(25.0), "25,0 h")
		self.assertEqual(detail_text("Grünau"), "Grünau")
