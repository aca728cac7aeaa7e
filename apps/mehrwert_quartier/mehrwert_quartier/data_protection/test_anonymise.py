import base64
import io
import random
from datetime import date

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase
from frappe.utils import random_string
from frappe.utils.global_search import sync_global_search

from mehrwert_quartier.data_protection.anonymise import PLACEHOLDER, anonymise_participant
from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.testdata import xlsx
from mehrwert_quartier.programme_events.doctype.programme_event.test_programme_event import make_event
from mehrwert_quartier.qs_arbeit.doctype.placement.test_placement import make_vacancy
from mehrwert_quartier.qs_arbeit.duplicates import merge_participants
from mehrwert_quartier.reporting.report.esf_plus_indicators import esf_plus_indicators
from mehrwert_quartier.tests.factories import (
	make_consent,
	make_consultation,
	make_participant,
	make_training_offer,
)
from mehrwert_quartier.tests.identifier_search import database_date_hits, database_hits, file_hits

HEADERS = ["First Name", "Last Name", "Date of Birth", "Gender", "Email", "Postcode", "Entry Date"]


def identifiers() -> dict:
	tag = random_string(6).lower()
	born = date(random.randint(1930, 1939), random.randint(1, 12), random.randint(1, 28))
	return {
		"first_name": f"Xaverine{tag}",
		"last_name": f"Quellmalz{tag}",
		"email": f"xq.{tag}@anonym.example",
		"phone": f"+49 341 {random.randint(1000000, 9999999)}",
		"address_line": f"Zyxweg {tag} 7",
		"jobcenter_customer_number": f"JC{random.randint(10**8, 10**9)}",
		"date_of_birth": born.isoformat(),
	}


def terms_of(values: dict) -> list[str]:
	born = date.fromisoformat(values["date_of_birth"])
	full = f"{values['first_name']} {values['last_name']}"
	keys = ("first_name", "last_name", "email", "phone", "address_line", "jobcenter_customer_number")
	return [full, *(values[k] for k in keys), born.isoformat(), born.strftime("%d.%m.%Y")]


def activity(name: str) -> dict:
	return {
		"esf": esf_plus_indicators.execute({}),
		"hours": frappe.db.get_value(
			"Participant", name, ["consultation_hours", "event_hours", "contact_hours", "age_at_entry"]
		),
		"consultations": frappe.get_all(
			"Consultation",
			filters={"participant": name},
			fields=["consultation_date", "consultation_type", "channel", "duration_minutes", "counsellor"],
			order_by="name",
		),
		"linked": {
			dt: frappe.db.count(dt, {"participant": name})
			for dt in ("Consent", "Referral", "Event Registration", "Placement", "Coaching Plan")
		},
	}


class TestAnonymise(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.values = identifiers()
		self.duplicate_values = identifiers()
		self.duplicate_values["date_of_birth"] = self.values["date_of_birth"]
		self.participant = make_participant(**self.values, city="Leipzig")
		self.full_name = self.participant.full_name
		self.build_history()

	def build_history(self):
		p, full = self.participant, self.full_name
		p.phone = f"{self.values['phone']}0"  # a Version with the old number
		p.save(ignore_permissions=True)
		p.add_comment("Comment", f"Rückruf von {full}, Tel. {self.values['phone']}")
		make_consultation(
			p.name,
			topics=f"Bewerbung {full}",
			outcome=f"{self.values['last_name']} bringt Zeugnisse",
			next_steps="Lebenslauf",
			confidential_notes=f"{full}: Schulden, Geburtstag {self.values['date_of_birth']}",
			follow_up_date="2026-04-01",
			duration_minutes=45,
		)
		consent = make_consent(p.name, notes=f"unterschrieben von {full}")
		form = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"einwilligung-{self.values['last_name']}.txt",
				"content": f"Einwilligung {full} {self.values['email']}".encode(),
				"attached_to_doctype": "Consent",
				"attached_to_name": consent.name,
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
		consent.db_set("signed_form", form.file_url)
		frappe.get_doc(
			{
				"doctype": "Referral",
				"participant": p.name,
				"offer": make_training_offer().name,
				"proposed_on": "2026-03-05",
				"outcome_notes": f"{full} hat zugesagt",
			}
		).insert(ignore_permissions=True)
		frappe.get_doc(
			{"doctype": "Event Registration", "event": make_event().name, "participant": p.name}
		).insert(ignore_permissions=True)
		vacancy = make_vacancy()
		frappe.get_doc(
			{
				"doctype": "Placement",
				"participant": p.name,
				"placement_type": "Mini-job",
				"start_date": "2026-08-31",
				"employer_type": vacancy.employer_type,
				"employer": vacancy.employer,
			}
		).insert(ignore_permissions=True)
		frappe.get_doc(
			{
				"doctype": "Coaching Plan",
				"participant": p.name,
				"start_date": "2026-03-02",
				"goals": [{"goal": f"{full} findet Arbeit", "milestone": "Bewerbungen"}],
				"summary": f"Plan für {full}",
			}
		).insert(ignore_permissions=True)
		frappe.get_doc(
			{
				"doctype": "Communication",
				"communication_medium": "Email",
				"sent_or_received": "Received",
				"sender": self.values["email"],
				"subject": f"Termin {full}",
				"content": f"Hallo, hier ist {full}",
				"reference_doctype": "Participant",
				"reference_name": p.name,
			}
		).insert(ignore_permissions=True)
		frappe.log_error("Anonymisation test", f"Fehler beim Import von {full}")
		self.other = self.upload_batch()
		duplicate = make_participant(**self.duplicate_values)
		make_consultation(duplicate.name, topics=f"Doppelt: {duplicate.full_name}", duration_minutes=30)
		merge_participants(duplicate.name, p.name)
		sync_global_search()

	def upload_batch(self) -> list:
		other = [f"Bertholdine{random_string(5)}", f"Sommerkamp{random_string(5)}"]
		born = date.fromisoformat(self.values["date_of_birth"])
		rows = [
			HEADERS,
			[
				self.values["first_name"],
				self.values["last_name"],
				born.strftime("%d.%m.%Y"),
				"Female",
				self.values["email"],
				"ABCDE",
				"02.03.2026",
			],
			[*other, "01.01.1990", "Female", None, "04315", "02.03.2026"],
		]
		content = base64.b64encode(xlsx(rows)).decode()
		result = api.upload("Participant", "teilnehmende.xlsx", content)
		batch = frappe.get_doc("Import Batch", result["name"])
		self.assertEqual(batch.status, "Rejected")
		self.assertTrue(batch.error_report)
		self.batch = batch.name
		return other

	def leaks(self) -> list:
		terms = terms_of(self.values) + terms_of(self.duplicate_values)
		born = [date.fromisoformat(self.values["date_of_birth"])]
		return database_hits(terms) + database_date_hits(born) + file_hits(terms, born)

	def test_nothing_of_the_person_is_left_and_the_figures_stay(self):
		before = activity(self.participant.name)
		self.assertTrue(self.leaks(), "the history was built with the person's identifiers")
		anonymise_participant(self.participant.name)
		self.assertEqual(self.leaks(), [])
		self.assertEqual(activity(self.participant.name), before)
		record = frappe.get_doc("Participant", self.participant.name)
		self.assertEqual((record.full_name, record.anonymised, record.date_of_birth), (PLACEHOLDER, 1, None))
		self.assertTrue(record.esf_complete)

	def test_the_other_rows_of_a_workbook_stay(self):
		anonymise_participant(self.participant.name)
		url = frappe.db.get_value("Import Batch", self.batch, "import_file")
		path = frappe.get_doc("File", {"file_url": url}).get_full_path()
		with open(path, "rb") as f:
			rows = list(openpyxl.load_workbook(io.BytesIO(f.read())).active.iter_rows(values_only=True))
		self.assertEqual(len(rows), 2)
		self.assertEqual(list(rows[1][:2]), self.other)

	def test_an_anonymised_participant_cannot_be_edited(self):
		anonymise_participant(self.participant.name)
		record = frappe.get_doc("Participant", self.participant.name)
		record.first_name = "Wieder"
		with self.assertRaises(frappe.ValidationError):
			record.save(ignore_permissions=True)
