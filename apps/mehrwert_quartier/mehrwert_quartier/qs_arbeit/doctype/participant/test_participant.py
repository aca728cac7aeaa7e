import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_arbeit.doctype.participant.participant import esf_counted_filters
from mehrwert_quartier.tests.factories import make_participant, make_postcode_area, make_user


class TestParticipant(FrappeTestCase):
	def test_programme_area_follows_the_postcode_map_but_stays_editable(self):
		participant = make_participant(postcode="4209")
		self.assertEqual(participant.postcode, "04209")
		self.assertEqual(participant.programme_area, "Grünau")
		participant.programme_area = "Leipziger Osten"
		participant.save()
		self.assertEqual(participant.programme_area, "Leipziger Osten")
		participant.postcode = "04315"
		participant.save()
		self.assertEqual(participant.programme_area, "Leipziger Osten")
		make_postcode_area("04299", "Grünau")
		participant.postcode = "04299"
		participant.save()
		self.assertEqual(participant.programme_area, "Grünau")

	def test_long_term_unemployment_is_derived(self):
		participant = make_participant(unemployment_months=12, long_term_unemployed=0)
		self.assertEqual(participant.long_term_unemployed, 1)
		participant.unemployment_months = 5
		participant.long_term_unemployed = 1
		participant.save()
		self.assertEqual(participant.long_term_unemployed, 0)
		participant.unemployment_months = 30
		participant.labour_market_status = "Employed"
		participant.save()
		self.assertEqual((participant.unemployment_months, participant.long_term_unemployed), (0, 0))

	def test_incomplete_esf_data_is_marked_and_not_counted(self):
		complete = make_participant()
		incomplete = make_participant(minority="")
		self.assertEqual(complete.esf_complete, 1)
		self.assertEqual(incomplete.esf_complete, 0)
		self.assertIn("Minority", incomplete.esf_missing)
		counted = frappe.get_all("Participant", filters=esf_counted_filters(), pluck="name")
		self.assertIn(complete.name, counted)
		self.assertNotIn(incomplete.name, counted)
		incomplete.minority = "No answer"
		incomplete.save()
		self.assertEqual(incomplete.esf_complete, 1)
		self.assertFalse(incomplete.esf_missing)

	def test_exit_before_entry_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			make_participant(exit_date="2026-01-01")

	def test_exit_schedules_one_follow_up_todo_six_months_later(self):
		counsellor = make_user("Counsellor")
		participant = make_participant(responsible_counsellor=counsellor)
		self.assertFalse(participant.follow_up_todo)
		participant.exit_date = "2026-08-31"
		participant.exit_reason = "Job taken up"
		participant.exit_status = "Employed"
		participant.save()
		self.assertEqual(str(participant.follow_up_due), "2027-02-28")
		todos = frappe.get_all(
			"ToDo",
			filters={"reference_type": "Participant", "reference_name": participant.name},
			fields=["name", "allocated_to", "date"],
		)
		self.assertEqual(len(todos), 1)
		self.assertEqual(todos[0].allocated_to, counsellor)
		self.assertEqual(str(todos[0].date), "2027-02-28")
		participant.follow_up_result = "Employed"
		participant.follow_up_done_on = "2027-03-01"
		participant.save()
		participant.exit_date = "2026-09-15"
		participant.save()
		todos = frappe.get_all(
			"ToDo",
			filters={"reference_type": "Participant", "reference_name": participant.name},
			pluck="date",
		)
		self.assertEqual([str(d) for d in todos], ["2027-03-15"])
		self.assertEqual(
			participant.follow_up_todo, frappe.db.get_value("Participant", participant.name, "follow_up_todo")
		)

	def test_permissions_by_role(self):
		participant = make_participant()
		for role, read, write in (
			("Counsellor", True, True),
			("Project Lead", True, True),
			("Data Protection Officer", True, False),
			("Business Coach", False, False),
			("Programme Partner", False, False),
		):
			user = make_user(role)
			self.assertEqual(frappe.has_permission("Participant", "read", participant, user=user), read, role)
			self.assertEqual(
				frappe.has_permission("Participant", "write", participant, user=user), write, role
			)
		self.assertTrue(frappe.has_permission("Participant", "create", user=make_user("Counsellor")))
