import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from mehrwert_quartier.qs_arbeit.offer_finder import find_offers
from mehrwert_quartier.tests.factories import make_participant, make_training_offer, make_user


def make_referral(**values):
	participant = values.pop("participant", None) or make_participant().name
	offer = values.pop("offer", None) or make_training_offer().name
	doc = frappe.get_doc({"doctype": "Referral", "participant": participant, "offer": offer, **values})
	return doc.insert(ignore_permissions=True)


class TestReferral(FrappeTestCase):
	def test_referral_runs_its_course_and_stamps_dates(self):
		referral = make_referral()
		self.assertEqual(referral.status, "Proposed")
		self.assertEqual(getdate(referral.proposed_on), getdate(today()))
		for status, fieldname in (
			("Applied", "applied_on"),
			("Accepted", "accepted_on"),
			("Started", "started_on"),
			("Completed", "ended_on"),
		):
			referral.status = status
			referral.save()
			self.assertEqual(getdate(referral.get(fieldname)), getdate(today()), status)
		self.assertEqual(referral.provider, frappe.db.get_value("Training Offer", referral.offer, "provider"))

	def test_skipping_steps_is_refused_and_nothing_is_saved(self):
		referral = make_referral()
		referral.status = "Started"
		with self.assertRaises(frappe.ValidationError):
			referral.save()
		self.assertEqual(frappe.db.get_value("Referral", referral.name, "status"), "Proposed")

	def test_closed_referral_stays_closed(self):
		referral = make_referral()
		referral.status = "Rejected"
		referral.save()
		referral.status = "Applied"
		with self.assertRaises(frappe.ValidationError):
			referral.save()

	def test_new_referral_starts_as_proposed(self):
		with self.assertRaises(frappe.ValidationError):
			make_referral(status="Accepted")

	def test_dates_out_of_order_are_refused(self):
		referral = make_referral(proposed_on=today())
		referral.status = "Applied"
		referral.applied_on = add_days(today(), -3)
		with self.assertRaises(frappe.ValidationError):
			referral.save()


class TestOfferFinder(FrappeTestCase):
	def test_finder_ranks_the_portfolio_for_the_participant(self):
		participant = make_participant(languages="Arabisch, Arabic", postcode="04209", tg_migrant_women=1)
		start = add_days(today(), 20)
		best = make_training_offer(
			language_of_instruction="Arabic",
			programme_area="Grünau",
			tg_migrant_women=1,
			start_date=start,
			category="Qualification",
		)
		other = make_training_offer(
			language_of_instruction="English",
			programme_area="Leipziger Osten",
			start_date=add_days(today(), 200),
			category="Qualification",
		)
		full = make_training_offer(seats=1, start_date=start, category="Qualification")
		make_referral(participant=make_participant().name, offer=full.name)
		taken = frappe.get_last_doc("Referral", filters={"offer": full.name})
		for status in ("Applied", "Accepted"):
			taken.status = status
			taken.save()
		names = [o["name"] for o in find_offers(participant.name, category="Qualification")]
		self.assertLess(names.index(best.name), names.index(other.name))
		self.assertNotIn(full.name, names)
		top = find_offers(participant.name, category="Qualification")[0]
		self.assertEqual(top["name"], best.name)
		self.assertTrue(top["reasons"])

	def test_finder_checks_permission_on_the_participant(self):
		participant = make_participant()
		frappe.set_user(make_user("Business Coach"))
		try:
			with self.assertRaises(frappe.PermissionError):
				find_offers(participant.name)
		finally:
			frappe.set_user("Administrator")


class TestReferralOutcomeFromProvider(FrappeTestCase):
	def upload(self, rows):
		import base64

		from mehrwert_quartier.partner_exchange import api
		from mehrwert_quartier.partner_exchange.testdata import xlsx

		content = base64.b64encode(xlsx(rows)).decode()
		return api.upload("Referral", "rueckmeldung.xlsx", content, import_rows=True)

	def test_provider_sheet_reports_the_outcome(self):
		referral = make_referral()
		for status in ("Applied", "Accepted", "Started"):
			referral.status = status
			referral.save()
		rows = [
			["Teilnehmende/r *", "Bildungsangebot *", "Status", "Ergebnis gemeldet von", "Ergebnis"],
			[referral.participant, referral.offer, "Abgeschlossen", "Anbieter", "Zertifikat B1 erreicht"],
		]
		result = self.upload(rows)
		self.assertEqual(result["status"], "Imported", result)
		referral.reload()
		self.assertEqual((referral.status, referral.outcome_source), ("Completed", "Provider"))
		self.assertEqual(getdate(referral.ended_on), getdate(today()))

	def test_a_skipped_step_in_the_sheet_is_refused_and_nothing_written(self):
		referral = make_referral()
		rows = [
			["Teilnehmende/r *", "Bildungsangebot *", "Status"],
			[referral.participant, referral.offer, "Abgeschlossen"],
		]
		result = self.upload(rows)
		self.assertNotEqual(result["status"], "Imported")
		self.assertEqual(frappe.db.get_value("Referral", referral.name, "status"), "Proposed")
