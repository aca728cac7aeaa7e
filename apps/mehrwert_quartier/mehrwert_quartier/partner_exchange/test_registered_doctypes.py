"""Every DocType registered in ``mq_importable_doctypes``: template, upload of the template, export; and the
value kinds the later registrations brought (date and time, Dynamic Link, confidential fields left out)."""

import base64
import io

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.engine import LinkCache, check_links
from mehrwert_quartier.partner_exchange.registry import field_specs, importable_doctypes
from mehrwert_quartier.partner_exchange.rows import Row
from mehrwert_quartier.partner_exchange.testdata import xlsx
from mehrwert_quartier.tests.factories import make_customer, unique

APP_DOCTYPES = {
	*("Partner Organisation", "Postcode Area", "Programme Area", "Participant", "Training Provider"),
	*("Training Offer", "Referral", "Event Registration", "Programme Event", "Consent", "Consultation"),
	*("Coaching Plan", "Job Vacancy", "Placement", "Commercial Unit", "Cross-selling Rule"),
	*("Enterprise Support Case", "Settlement Request", "Business Relation"),
}


def upload(doctype: str, rows=None, content=None, **kwargs) -> dict:
	content = content if content is not None else xlsx(rows)
	return api.upload(doctype, "datei.xlsx", base64.b64encode(content).decode(), **kwargs)


def sent_workbook() -> openpyxl.Workbook:
	return openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent))


class TestRegisteredDocTypes(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")

	def test_every_doctype_of_the_app_with_records_is_registered(self):
		self.assertEqual(set(importable_doctypes()) & APP_DOCTYPES, APP_DOCTYPES)

	def test_the_template_of_every_registered_doctype_reads_back_and_exports(self):
		for doctype in importable_doctypes():
			with self.subTest(doctype=doctype):
				api.download_template(doctype)
				template = frappe.response.filecontent
				headers = [c.value for c in sent_workbook()["Daten"][1]]
				self.assertEqual(headers, [s.header for s in field_specs(doctype)])
				batch = frappe.get_doc("Import Batch", upload(doctype, content=template)["name"])
				self.assertIn(batch.status, ("Validated", "Rejected"))
				self.assertEqual(batch.total_rows, 1)
				self.assertNotIn("Unbekannte Spalte", batch.log or "")
				api.export_list(doctype)
				exported = [c.value for c in sent_workbook().active[1]]
				self.assertTrue(
					set(exported) <= {s.label_de or s.label for s in field_specs(doctype)}, exported
				)

	def test_confidential_fields_are_never_exchanged(self):
		self.assertNotIn("confidential_notes", [s.fieldname for s in field_specs("Consultation")])

	def test_events_with_date_and_time(self):
		title = unique("Bewerbungstraining")
		rows = [
			[
				"Titel der Veranstaltung",
				"Art der Veranstaltung",
				"Quartiersservice",
				"Beginnt am",
				"Endet am",
			],
			[title, "Werkstatt", "QS Arbeit", "15.03.2026 10:00", "15.03.2026 12:30"],
		]
		result = upload("Programme Event", rows, import_rows=True)
		self.assertEqual(
			result["status"], "Imported", frappe.get_value("Import Batch", result["name"], "log")
		)
		event = frappe.get_doc("Programme Event", {"event_title": title})
		self.assertEqual(str(event.starts_on), "2026-03-15 10:00:00")
		self.assertEqual(event.duration_hours, 2.5)
		again = upload("Programme Event", rows, import_rows=True)
		self.assertEqual(again["counts"]["unchanged_rows"], 1)

	def test_vacancies_link_to_the_employer_named_in_the_row(self):
		customer = make_customer()
		title = unique("Verkäufer/in")
		rows = [
			["Stellenbezeichnung", "Art des Arbeitgebers", "Arbeitgeber", "Status"],
			[title, "Kunde", customer.name, "Offen"],
			[unique("Koch/Köchin"), "Kunde", "gibt-es-nicht", "Offen"],
			[unique("Lager"), None, customer.name, "Offen"],
		]
		result = upload("Job Vacancy", rows, valid_rows_only=True, import_rows=True)
		self.assertEqual((result["counts"]["new_rows"], result["counts"]["error_rows"]), (1, 2))
		self.assertEqual(
			frappe.db.get_value("Job Vacancy", {"vacancy_title": title}, ["employer_type", "employer"]),
			("Customer", customer.name),
		)
		changes = frappe.parse_json(frappe.db.get_value("Import Batch", result["name"], "changes"))
		errors = {c["row"]: c.get("errors", []) for c in changes}
		self.assertIn("„gibt-es-nicht“ gibt es nicht in Kunde", errors[3][0])
		self.assertIn("Pflichtfeld fehlt / Required value missing", errors[4][0])

	def test_a_dynamic_link_without_its_doctype_names_the_column_to_fill_in(self):
		specs = {s.fieldname: s for s in field_specs("Job Vacancy")}
		row = Row(number=2, raw=[], columns={"employer": 0}, stored=("Bäckerei Lehmann",))
		check_links(row, specs, LinkCache())
		self.assertEqual(
			row.errors[0][1],
			"„Bäckerei Lehmann“: zuerst die Spalte „Art des Arbeitgebers“ ausfüllen / "
			"'Bäckerei Lehmann': fill in the column 'Art des Arbeitgebers' first",
		)

	def test_commercial_units_from_the_housing_company_in_bulk(self):
		title = unique("Ladenlokal")
		rows = [
			["Einheit", "Straße und Hausnummer", "Postleitzahl", "Status", "Fläche (m²)"],
			[title, "Eisenbahnstraße 1", "4315", "Leerstehend", "85,5"],
		]
		result = upload("Commercial Unit", rows, import_rows=True)
		self.assertEqual(
			result["status"], "Imported", frappe.get_value("Import Batch", result["name"], "log")
		)
		unit = frappe.get_doc("Commercial Unit", {"unit_title": title})
		self.assertEqual(
			(unit.postcode, unit.programme_area, unit.floor_space), ("04315", "Leipziger Osten", 85.5)
		)
