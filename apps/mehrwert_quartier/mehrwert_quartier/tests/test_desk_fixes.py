"""Issue 15 on the site: daily job and search index; consultations in the calendar; partners' landing page.

The scheduler of a new site: tests/lifecycle/test_scheduler.py (the test runner switches it off while it
runs). PDF: tests/browser/test_desk_fixes.py (wkhtmltopdf loads the site's assets over HTTP)."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import random_string
from frappe.utils.global_search import search, sync_global_search
from frappe.website.utils import get_home_page

from mehrwert_quartier.desk import has_app_permission
from mehrwert_quartier.patches.consultation_calendar_span import execute as execute_patch
from mehrwert_quartier.qs_arbeit.doctype.consultation.consultation import get_events
from mehrwert_quartier.tests.factories import make_consultation, make_participant, make_user

DAILY_JOB = "mehrwert_quartier.qs_arbeit.doctype.training_offer.training_offer.flag_offers_due_for_review"


class TestSchedulerAndSearch(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_daily_job_of_the_app_runs(self):
		job = frappe.get_doc("Scheduled Job Type", {"method": DAILY_JOB})
		self.assertEqual(job.frequency, "Daily")
		job.execute()
		log = frappe.get_last_doc("Scheduled Job Log", filters={"scheduled_job_type": job.name})
		self.assertEqual(log.status, "Complete")

	def test_the_search_bar_finds_a_participant_for_those_who_may_read_it(self):
		last_name = f"Suchprobe{random_string(6).lower()}"
		participant = make_participant(last_name=last_name)
		sync_global_search()
		frappe.set_user(make_user("Counsellor"))
		self.assertIn(participant.name, [r.name for r in search(last_name)])
		frappe.set_user(make_user("Business Coach"))
		self.assertEqual(search(last_name), [])


class TestConsultationCalendar(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_consultation_has_its_place_in_the_calendar(self):
		participant = make_participant()
		timed = make_consultation(participant.name, start_time="10:30:00", duration_minutes=45)
		self.assertEqual(str(timed.starts_on), "2026-03-02 10:30:00")
		self.assertEqual(str(timed.ends_on), "2026-03-02 11:15:00")
		self.assertFalse(timed.all_day)
		untimed = make_consultation(participant.name)
		untimed.db_set({"start_time": None, "starts_on": None})  # as before the calendar: the patch
		execute_patch()
		untimed.reload()
		self.assertEqual((str(untimed.starts_on), untimed.all_day), ("2026-03-02 00:00:00", 1))
		events = get_events(
			"2026-03-01", "2026-03-03", frappe.as_json([["participant", "=", participant.name]])
		)
		self.assertEqual({e.name for e in events}, {timed.name, untimed.name})
		frappe.set_user(make_user("Business Coach"))
		self.assertRaises(frappe.PermissionError, get_events, "2026-03-01", "2026-03-03")

	def test_a_consultation_moved_in_the_calendar_moves_its_date_and_time(self):
		consultation = make_consultation(make_participant().name, start_time="09:00:00", duration_minutes=30)
		consultation.starts_on, consultation.ends_on = "2026-03-04 14:00:00", "2026-03-04 15:00:00"
		consultation.save(ignore_permissions=True)
		self.assertEqual(str(consultation.consultation_date), "2026-03-04")
		self.assertEqual(str(consultation.start_time), "14:00:00")
		self.assertEqual(consultation.duration_minutes, 60)

	def test_filters_pass_frappes_validation(self):
		bad = frappe.as_json([["Consultation", "name`; drop table x; --", "=", "1"]])
		self.assertRaises(frappe.ValidationError, get_events, "2026-03-01", "2026-03-03", bad)


class TestLanding(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_partners_land_on_the_portal_and_see_no_desk_app(self):
		frappe.set_user(make_user("Programme Partner", user_type="Website User"))
		self.assertFalse(has_app_permission())
		self.assertEqual(get_home_page(), "partner")
		frappe.set_user(make_user("Counsellor"))
		self.assertTrue(has_app_permission())
