import io

import frappe
import openpyxl
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import sharing
from mehrwert_quartier.tests.factories import (
	make_consent,
	make_participant,
	make_partner_organisation,
	make_user,
)

PURPOSE = "Data sharing with the Jobcenter"


def exported(organisation: str) -> tuple[list, list[list]]:
	sheet = openpyxl.load_workbook(io.BytesIO(sharing.export_content(organisation))).active
	rows = [[c.value for c in row] for row in sheet.iter_rows()]
	return rows[0], rows[1:]


class TestPartnerSharing(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_only_valid_consent_for_this_recipient(self):
		jobcenter = make_partner_organisation(organisation_type="Jobcenter").name
		other = make_partner_organisation(organisation_type="Jobcenter").name
		consented, withdrawn, elsewhere, missing = (make_participant() for _ in range(4))
		make_consent(consented.name, PURPOSE, recipient=jobcenter)
		make_consent(withdrawn.name, PURPOSE, recipient=jobcenter, withdrawn_on="2026-04-01")
		make_consent(elsewhere.name, PURPOSE, recipient=other)
		make_consent(missing.name, "Counselling")
		headers, rows = exported(jobcenter)
		self.assertEqual([r[0] for r in rows], [consented.name])
		self.assertIn("Kundennummer", " ".join(headers))
		# never the ESF sensitive answers, contact data or counselling fields
		for field in ("disability", "email", "phone", "household_situation", "responsible_counsellor"):
			label = frappe.get_meta("Participant").get_field(field).label
			self.assertNotIn(frappe._(label, lang="de"), headers)
		self.assertEqual(exported(other)[1][0][0], elsewhere.name)

	def test_organisation_types_without_sharing_purpose_get_nothing(self):
		housing = make_partner_organisation(organisation_type="Housing Company").name
		with self.assertRaises(frappe.PermissionError):
			sharing.export_content(housing)

	def test_partner_exports_for_own_organisation_only(self):
		user = make_user("Programme Partner", user_type="Website User")
		own = make_partner_organisation(organisation_type="Jobcenter", users=[{"user": user}]).name
		foreign = make_partner_organisation(organisation_type="Jobcenter").name
		frappe.set_user(user)
		sharing.check_may_export(own)
		with self.assertRaises(frappe.PermissionError):
			sharing.export_participants(foreign)
		frappe.set_user(make_user("Business Coach"))
		with self.assertRaises(frappe.PermissionError):
			sharing.export_participants(own)
