"""Leaks 4 and 6 of issue 11: document history (the form's ``docinfo.versions``, Version records) shows no
value and no change of a field the reader may not read; the change stays audited for who may read it."""

import base64
from contextlib import contextmanager

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.testdata import csv_bytes
from mehrwert_quartier.qs_wirtschaft.crm_fields import RESTRICTED_FIELD
from mehrwert_quartier.tests.factories import (
	make_partner_organisation,
	make_training_provider,
	make_user,
	unique,
)
from mehrwert_quartier.tests.route_calls import as_user, call

GETDOC = "frappe.desk.form.load.getdoc"
GET_DOCINFO = "frappe.desk.form.load.get_docinfo"


@contextmanager
def with_history():
	"""Frappe's test mode keeps no versions (``Document.save``: ``ignore_version = in_test``)."""
	in_test, frappe.flags.in_test = frappe.flags.in_test, False
	try:
		yield
	finally:
		frappe.flags.in_test = in_test


def changed_fields(versions: list) -> set:
	fields = set()
	for version in versions or []:
		data = frappe.parse_json(version.get("data") or "{}")
		fields.update(change[0] for change in data.get("changed") or [])
	return fields


def form_versions(doctype: str, name: str, method: str = GETDOC) -> list:
	call(method, doctype=doctype, name=name)
	return frappe.local.response.docinfo["versions"]


class TestRestrictedFlagHistory(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.prospect = frappe.get_doc(
			{"doctype": "Prospect", "company_name": unique("Testbetrieb"), "mq_employees": 2}
		).insert(ignore_permissions=True)
		cls.prospect.reload()
		cls.prospect.update({RESTRICTED_FIELD: 1, "mq_employees": 4})
		cls.prospect.save(ignore_permissions=True, ignore_version=False)  # tests skip versions

	def test_the_form_history_hides_the_flag_from_a_sales_user(self):
		for method in (GETDOC, GET_DOCINFO):
			seen = changed_fields(
				as_user(make_user("Sales User"), form_versions, "Prospect", self.prospect.name, method)
			)
			self.assertIn("mq_employees", seen, method)
			self.assertNotIn(RESTRICTED_FIELD, seen, method)

	def test_saving_the_form_answers_with_the_same_filtered_history(self):
		def save_form():
			doc = frappe.get_doc("Prospect", self.prospect.name).as_dict()
			call("frappe.desk.form.save.savedocs", doc=frappe.as_json(doc), action="Save")
			return frappe.local.response.docinfo["versions"]

		seen = changed_fields(as_user(make_user("Sales Manager"), save_form))
		self.assertIn("mq_employees", seen)
		self.assertNotIn(RESTRICTED_FIELD, seen)

	def test_the_change_stays_audited_for_a_coach(self):
		seen = changed_fields(
			as_user(make_user("Business Coach"), form_versions, "Prospect", self.prospect.name)
		)
		self.assertIn(RESTRICTED_FIELD, seen)

	def version_reads(self):
		rows = call(
			"frappe.client.get_list",
			doctype="Version",
			filters={"ref_doctype": "Prospect", "docname": self.prospect.name},
			fields=["name", "data"],
		)
		docs = [call("frappe.client.get", doctype="Version", name=row["name"]) for row in rows]
		return rows + docs

	def test_version_records_hide_the_flag_from_whoever_may_not_read_it(self):
		hidden = as_user(make_user("System Manager"), self.version_reads)
		self.assertIn("mq_employees", changed_fields(hidden))
		self.assertNotIn(RESTRICTED_FIELD, changed_fields(hidden))
		shown = as_user(make_user("System Manager", "Business Coach"), self.version_reads)
		self.assertIn(RESTRICTED_FIELD, changed_fields(shown))
		self.assertIn(RESTRICTED_FIELD, changed_fields(self.version_reads()))

	def test_version_data_answers_no_count(self):
		filters = [["docname", "=", self.prospect.name], ["data", "like", f"%{RESTRICTED_FIELD}%"]]
		with self.assertRaises(frappe.PermissionError):
			as_user(
				make_user("System Manager"),
				call,
				"frappe.client.get_count",
				doctype="Version",
				filters=filters,
			)
		self.assertEqual(call("frappe.client.get_count", doctype="Version", filters=filters), 1)


class TestImportBatchHistory(FrappeTestCase):
	def test_a_partner_reads_no_row_changes_in_the_history_of_its_batch(self):
		frappe.set_user("Administrator")
		user = make_user("Programme Partner", user_type="Website User")
		make_partner_organisation(users=[{"user": user}])
		provider = make_training_provider().name
		rows = [["offer_title", "provider", "category"], [unique("Kurs"), provider, "Language"]]
		data = base64.b64encode(csv_bytes(rows)).decode()
		with with_history():
			batch = as_user(user, api.upload, "Training Offer", "angebote.csv", data)["name"]
		self.assertIn("changes", changed_fields(form_versions("Import Batch", batch)))
		versions = as_user(user, form_versions, "Import Batch", batch)
		self.assertNotIn("changes", changed_fields(versions))
		self.assertNotIn(provider, frappe.as_json(versions))
