"""The restricted flag "receives social transfers" (permlevel 2) through every read path: list, report
view, export and REST API. Only Business Coach and Project Lead read it; Sales User reads the rest of the lead.
(The partner export is not offered for Lead: Lead is not registered in ``mq_importable_doctypes``.)"""

import csv
import json

import frappe
import frappe.client
import frappe.desk.reportview
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_wirtschaft.crm_fields import RESTRICTED_FIELD
from mehrwert_quartier.tests.factories import make_lead, make_user

FIELD = RESTRICTED_FIELD


class TestRestrictedFlagVisibility(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.lead = make_lead(mq_programme_area="Grünau", mq_employees=3, **{FIELD: 1})
		cls.sales_user, cls.coach = make_user("Sales User"), make_user("Business Coach")

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_user(self, user, read):
		frappe.set_user(user)
		try:
			return read()
		finally:
			frappe.set_user("Administrator")

	def get_list(self):
		return frappe.get_list(
			"Lead", filters={"name": self.lead.name}, fields=["name", "mq_employees", FIELD]
		)[0]

	def report_view(self):
		frappe.local.form_dict = frappe._dict(
			doctype="Lead",
			fields=json.dumps(["`tabLead`.`name`", "`tabLead`.`mq_employees`", f"`tabLead`.`{FIELD}`"]),
			filters=json.dumps([["Lead", "name", "=", self.lead.name]]),
		)
		result = frappe.desk.reportview.get()
		return dict(zip(result["keys"], result["values"][0], strict=True))

	def rest_api(self):
		return frappe.client.get("Lead", self.lead.name)

	def export(self):
		"""The report builder's export (CSV) of the same columns, read back as a row."""
		frappe.local.form_dict = frappe._dict(
			doctype="Lead",
			fields=json.dumps(["`tabLead`.`name`", "`tabLead`.`mq_employees`", f"`tabLead`.`{FIELD}`"]),
			filters=json.dumps([["Lead", "name", "=", self.lead.name]]),
			file_format_type="CSV",
		)
		frappe.local.response = frappe._dict()
		frappe.desk.reportview.export_query()
		content = frappe.local.response.filecontent
		lines = (content.decode() if isinstance(content, bytes) else content).strip().splitlines()
		header, row = next(csv.reader([lines[0]])), next(csv.reader([lines[-1]]))
		values = dict(zip(header, row, strict=False))
		employees = next(v for k, v in values.items() if "Mitarbeiter" in k or "Employees" in k)
		flag = [v for k, v in values.items() if "Sozial" in k or "Social" in k]
		return {"mq_employees": int(employees), FIELD: int(flag[0]) if flag and flag[0] else 0}

	def test_every_read_path_hides_the_flag_from_a_sales_user_and_shows_it_to_a_coach(self):
		for read in (self.get_list, self.report_view, self.rest_api):
			hidden = self.as_user(self.sales_user, read)
			self.assertEqual(hidden.get("mq_employees"), "3", read.__name__)
			self.assertFalse(hidden.get(FIELD), read.__name__)
			shown = self.as_user(self.coach, read)
			self.assertEqual(shown.get(FIELD), 1, read.__name__)

	def test_export_leaves_the_flag_out_for_a_sales_manager_and_keeps_it_for_a_coach(self):
		hidden = self.as_user(make_user("Sales Manager"), self.export)
		self.assertEqual(hidden["mq_employees"], 3)
		self.assertFalse(hidden[FIELD])
		self.assertEqual(self.as_user(self.coach, self.export)[FIELD], 1)

	def test_a_sales_user_cannot_write_the_flag(self):
		def clear_flag():
			doc = frappe.get_doc("Lead", self.lead.name)
			doc.set(FIELD, 0)
			doc.save()

		self.as_user(self.sales_user, clear_flag)
		self.assertEqual(frappe.db.get_value("Lead", self.lead.name, FIELD), 1)
