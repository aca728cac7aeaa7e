import csv
import io

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.reporting.funder_export import download
from mehrwert_quartier.rules.esf_export import HEADERS
from mehrwert_quartier.tests.factories import make_participant, make_user

CUT_OFF = "2026-12-31"


def in_scope() -> int:
	return frappe.db.count("Participant", {"entry_date": ("<=", CUT_OFF)})


class TestFunderExport(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.participant = make_participant(gender="Male", disability="", minority="Yes")
		make_participant(entry_date="2027-01-04")  # after the cut-off

	def test_xlsx_has_one_coded_row_per_participant_up_to_the_cut_off(self):
		download("xlsx", CUT_OFF)
		sheet = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent)).active
		rows = list(sheet.iter_rows(values_only=True))
		self.assertEqual(list(rows[0]), HEADERS)
		self.assertEqual(len(rows) - 1, in_scope())
		mine = dict(zip(HEADERS, next(r for r in rows if r[1] == self.participant.name), strict=True))
		self.assertEqual((mine["geschlecht"], mine["behinderung"], mine["minderheit"]), ("m", 9, 1))
		self.assertEqual(mine["monate_arbeitslos"], 14)

	def test_an_anonymised_participant_is_exported_with_its_age_at_entry(self):
		from mehrwert_quartier.data_protection.anonymise import anonymise_participant

		young = make_participant(date_of_birth="2009-05-01", entry_date="2026-03-02")
		anonymise_participant(young.name)
		download("xlsx", CUT_OFF)
		sheet = openpyxl.load_workbook(io.BytesIO(frappe.response.filecontent)).active
		row = dict(
			zip(
				HEADERS, next(r for r in sheet.iter_rows(values_only=True) if r[1] == young.name), strict=True
			)
		)
		self.assertEqual((row["geburtsdatum"], row["alter_bei_eintritt"]), (None, 16))

	def test_csv_is_semicolon_separated_utf8(self):
		download("csv", CUT_OFF)
		text = frappe.response.filecontent.decode("utf-8-sig")
		rows = list(csv.reader(io.StringIO(text), delimiter=";"))
		self.assertEqual(rows[0], HEADERS)
		self.assertEqual(len(rows) - 1, in_scope())
		self.assertEqual(frappe.response.filename, f"esf-teilnehmende-{CUT_OFF}.csv")

	def test_only_roles_that_may_export_participants(self):
		for role in ("Data Protection Officer", "Business Coach"):
			frappe.set_user(make_user(role))
			try:
				with self.assertRaises(frappe.PermissionError):
					download("xlsx", CUT_OFF)
			finally:
				frappe.set_user("Administrator")

	def test_unknown_format_is_refused(self):
		with self.assertRaises(frappe.ValidationError):
			download("pdf", CUT_OFF)
