import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, add_months, getdate, today

from mehrwert_quartier.qs_arbeit.doctype.training_offer.training_offer import (
	flag_offers_due_for_review,
	mark_reviewed,
)
from mehrwert_quartier.tests.factories import make_training_offer, make_user


class TestTrainingOffer(FrappeTestCase):
	def test_review_status_follows_the_last_review(self):
		fresh = make_training_offer(last_reviewed=today())
		self.assertEqual(fresh.review_status, "Current")
		self.assertEqual(getdate(fresh.review_due_on), getdate(add_months(today(), 6)))
		stale = make_training_offer(last_reviewed=add_months(today(), -7))
		self.assertEqual(stale.review_status, "Review Due")

	def test_daily_job_flags_offers_that_became_stale(self):
		offer = make_training_offer(last_reviewed=add_days(add_months(today(), -6), 1))
		self.assertEqual(offer.review_status, "Current")
		frappe.db.set_value("Training Offer", offer.name, "review_due_on", today(), update_modified=False)
		self.assertGreaterEqual(flag_offers_due_for_review(), 1)
		self.assertEqual(frappe.db.get_value("Training Offer", offer.name, "review_status"), "Review Due")
		due = frappe.get_all("Training Offer", filters={"review_status": "Review Due"}, pluck="name")
		self.assertIn(offer.name, due)

	def test_mark_reviewed_needs_write_permission(self):
		offer = make_training_offer(last_reviewed=add_months(today(), -8))
		coach = make_user("Business Coach")
		frappe.set_user(coach)
		try:
			with self.assertRaises(frappe.PermissionError):
				mark_reviewed(offer.name)
		finally:
			frappe.set_user("Administrator")
		frappe.set_user(make_user("Counsellor"))
		try:
			self.assertEqual(mark_reviewed(offer.name), "Current")
		finally:
			frappe.set_user("Administrator")

	def test_end_before_start_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			make_training_offer(start_date="2027-03-01", end_date="2027-02-01")
