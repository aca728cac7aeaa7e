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
		self.assertEqual((participant.unemployment_months, participant.long_term_unemployed), (None, 0))

	def test_blank_months_of_unemployment_stay_unknown_across_saves(self):
		"""Issue 13: an Int column reads a blank back as 0, and the second save made the record complete."""
		participant = make_participant(unemployment_months=None)
		self.assertEqual(participant.esf_complete, 0)
		participant.reload()
		self.assertIn(participant.unemployment_months, (None, ""))
		participant.save()
		participant.reload()
		self.assertIn(participant.unemployment_months, (None, ""))
		self.assertEqual((participant.esf_complete, participant.long_term_unemployed), (0, 0))
		self.assertIn("Months of Unemployment", participant.esf_missing)
		participant.unemployment_months = 0
		participant.save()
		participant.reload()
		self.assertEqual((str(participant.unemployment_months), participant.esf_complete), ("0", 1))

	def test_patch_turns_a_stored_zero_of_the_old_int_into_unknown(self):
		from mehrwert_quartier.patches import esf_recompute_completeness

		zero = make_participant(unemployment_months=0)
		kept = make_participant(unemployment_months=14)
		inactive = make_participant(labour_market_status="Inactive")
		frappe.db.set_value("Participant", inactive.name, "unemployment_months", "0", update_modified=False)
		self.assertEqual(zero.esf_complete, 1)
		esf_recompute_completeness.execute()
		values = {
			p.name: frappe.db.get_value(
				"Participant", p.name, ["unemployment_months", "esf_complete", "long_term_unemployed"]
			)
			for p in (zero, kept, inactive)
		}
		self.assertEqual(values[zero.name], (None, 0, 0))
		self.assertEqual(values[kept.name], ("14", 1, 1))
		self.assertEqual(values[inactive.name], (None, 1, 0))

	def test_incomplete_esf_data_is_marked_and_not_counted(self):
		complete = make_participant()
		incomplete = make_participant(isced_level="")
		self.assertEqual(complete.esf_complete, 1)
		self.assertEqual(incomplete.esf_complete, 0)
		self.assertIn("ISCED", incomplete.esf_missing)
		counted = frappe.get_all("Participant", filters=esf_counted_filters(), pluck="name")
		self.assertIn(complete.name, counted)
		self.assertNotIn(incomplete.name, counted)
		incomplete.isced_level = "ISCED 2"
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
