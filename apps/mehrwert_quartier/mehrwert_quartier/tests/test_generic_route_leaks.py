"""Leak 2 of issue 11: counting, filtering, grouping and sorting need the same right as reading, on every
generic route; leak 5: child rows are listed only where their parent is visible."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from mehrwert_quartier.qs_wirtschaft.crm_fields import RESTRICTED_FIELD
from mehrwert_quartier.rules.enterprise_support import RESTRICTED_CASE_TYPE
from mehrwert_quartier.tests.factories import (
	make_consultation,
	make_lead,
	make_participant,
	make_support_case,
	make_user,
)
from mehrwert_quartier.tests.route_calls import as_user, call, rest_list

SECRET = "Panikattacken seit der Trennung"
NOTES_FILTER = [["confidential_notes", "like", "%Panikattacken%"]]


class TestFilteringNeedsReadOnTheField(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.consultation = make_consultation(
			make_participant().name, confidential_notes=SECRET, follow_up_date=add_days(today(), 7)
		)
		cls.coach, cls.lead_role = make_user("Business Coach"), make_user("Project Lead")
		cls.partner = make_user("Programme Partner", user_type="Website User")
		cls.counsellor = make_user("Counsellor")

	def tearDown(self):
		frappe.set_user("Administrator")

	def assert_refused(self, user, method, **form):
		with self.assertRaises(frappe.PermissionError, msg=f"{method} as {user}"):
			as_user(user, call, method, **form)
		frappe.clear_messages()

	def count_notes(self, method="frappe.client.get_count"):
		filters = [*NOTES_FILTER, ["name", "=", self.consultation.name]]
		return call(method, doctype="Consultation", filters=filters)

	def test_no_read_on_the_doctype_no_count_and_no_groups(self):
		for user in (self.coach, self.partner):
			self.assert_refused(user, "frappe.client.get_count", doctype="Consultation", filters=NOTES_FILTER)
			self.assert_refused(
				user,
				"frappe.desk.listview.get_group_by_count",
				doctype="Consultation",
				current_filters=NOTES_FILTER,
				field="assigned_to",
			)

	def test_project_lead_cannot_filter_sort_or_group_by_the_notes(self):
		name_filter = [["name", "=", self.consultation.name]]
		routes = {
			"frappe.client.get_count": {"filters": NOTES_FILTER},
			"frappe.client.get_list": {"filters": NOTES_FILTER},
			"frappe.client.get_value": {"fieldname": "name", "filters": NOTES_FILTER},
			"frappe.desk.reportview.get_count": {"filters": NOTES_FILTER},
			"frappe.desk.reportview.get": {"filters": NOTES_FILTER, "fields": ["name"]},
			"frappe.desk.reportview.get_list": {"or_filters": NOTES_FILTER, "fields": ["name"]},
			"frappe.desk.search.search_link": {"txt": "", "filters": NOTES_FILTER},
		}
		for method, form in routes.items():
			self.assert_refused(self.lead_role, method, doctype="Consultation", **form)
		self.assert_refused(
			self.lead_role,
			"frappe.client.get_list",
			doctype="Consultation",
			filters=name_filter,
			order_by="confidential_notes desc",
		)
		self.assert_refused(
			self.lead_role,
			"frappe.desk.search.search_link",
			doctype="Consultation",
			txt="",
			filters=[["ifnull(`tabConsultation`.`confidential_notes`, '')", "like", "%Panik%"]],
		)
		self.assert_refused(
			self.lead_role,
			"frappe.desk.reportview.get_list",
			doctype="Consultation",
			fields=["name"],
			order_by="ifnull(`tabConsultation`.`confidential_notes`, '') desc, `tabConsultation`.idx desc",
		)
		self.assert_refused(
			self.lead_role,
			"frappe.desk.reportview.get",
			doctype="Consultation",
			fields=["name"],
			group_by="`tabConsultation`.`confidential_notes`",
		)
		self.assert_refused(
			self.lead_role,
			"frappe.desk.listview.get_group_by_count",
			doctype="Consultation",
			current_filters=name_filter,
			field="confidential_notes",
		)

	def test_who_may_read_the_notes_still_filters_by_them(self):
		self.assertEqual(as_user(self.counsellor, self.count_notes), 1)
		self.assertEqual(self.count_notes(), 1)
		rows = as_user(
			self.lead_role,
			call,
			"frappe.client.get_list",
			doctype="Consultation",
			filters=[["name", "=", self.consultation.name], ["counsellor", "=", "Administrator"]],
		)
		self.assertEqual([r["name"] for r in rows], [self.consultation.name])
		found = as_user(
			self.lead_role,
			call,
			"frappe.desk.search.search_link",
			doctype="Consultation",
			txt=self.consultation.name,
		)
		self.assertEqual([r["value"] for r in found], [self.consultation.name])

	def test_the_restricted_flag_of_a_lead_answers_no_count(self):
		lead = make_lead(**{RESTRICTED_FIELD: 1})
		filters = [[RESTRICTED_FIELD, "=", 1], ["name", "=", lead.name]]
		self.assert_refused(
			make_user("Sales User"), "frappe.client.get_count", doctype="Lead", filters=filters
		)
		self.assertEqual(
			as_user(self.coach, call, "frappe.client.get_count", doctype="Lead", filters=filters), 1
		)

	def test_a_restricted_case_is_not_counted_through_its_assignments(self):
		lead = make_lead()
		case = make_support_case(lead, case_type=RESTRICTED_CASE_TYPE)
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"description": "Termin",
				"allocated_to": "Administrator",
				"reference_type": case.doctype,
				"reference_name": case.name,
			}
		).insert(ignore_permissions=True)
		filters = [["case_type", "=", RESTRICTED_CASE_TYPE], ["business", "=", lead.name]]
		form = {"doctype": case.doctype, "current_filters": filters, "field": "assigned_to"}
		for role in ("Counsellor", "Data Protection Officer"):
			groups = as_user(make_user(role), call, "frappe.desk.listview.get_group_by_count", **form)
			self.assertEqual(groups, [], role)
		groups = as_user(self.coach, call, "frappe.desk.listview.get_group_by_count", **form)
		self.assertEqual([(g["name"], g["count"]) for g in groups], [("Administrator", 1)])


class TestChildRowsOnlyWhereTheParentIs(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		needs = [{"topic": "Financing", "notes": SECRET}]
		steps = [{"step": "Schuldnerberatung vermitteln"}]
		cls.restricted = make_support_case(
			make_lead(), case_type=RESTRICTED_CASE_TYPE, needs=needs, steps=steps
		)
		cls.open_case = make_support_case(make_lead(), case_type="Business Support", needs=needs, steps=steps)

	def rows(self, child, case):
		filters = [["parent", "=", case.name]]
		return rest_list(child, parent="Enterprise Support Case", filters=filters, fields=["name", "parent"])

	def test_rows_of_a_restricted_case_stay_hidden(self):
		for role in ("Counsellor", "Data Protection Officer"):
			user = make_user(role)
			for child in ("Enterprise Support Need", "Enterprise Support Step"):
				self.assertEqual(as_user(user, self.rows, child, self.restricted), [], f"{child} {role}")
				self.assertEqual(len(as_user(user, self.rows, child, self.open_case)), 1, f"{child} {role}")

	def test_a_coach_lists_the_rows_of_a_restricted_case(self):
		coach = make_user("Business Coach")
		for child in ("Enterprise Support Need", "Enterprise Support Step"):
			self.assertEqual(len(as_user(coach, self.rows, child, self.restricted)), 1, child)


class TestLookupsOutsideListQueries(FrappeTestCase):
	"""Routes that find records without Frappe's list query: by filters, by name, by chart."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.consultation = make_consultation(make_participant().name, confidential_notes=SECRET)
		cls.restricted = make_support_case(make_lead(), case_type=RESTRICTED_CASE_TYPE)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_get_by_filters_needs_read_on_the_filtered_field(self):
		filters = {"confidential_notes": SECRET, "name": self.consultation.name}
		with self.assertRaises(frappe.PermissionError):
			as_user(
				make_user("Project Lead"), call, "frappe.client.get", doctype="Consultation", filters=filters
			)
		doc = as_user(
			make_user("Counsellor"), call, "frappe.client.get", doctype="Consultation", filters=filters
		)
		self.assertEqual(doc["name"], self.consultation.name)

	def test_validate_link_does_not_confirm_a_hidden_record(self):
		form = {"doctype": "Enterprise Support Case", "docname": self.restricted.name}
		self.assertEqual(as_user(make_user("Counsellor"), call, "frappe.client.validate_link", **form), {})
		found = as_user(make_user("Business Coach"), call, "frappe.client.validate_link", **form)
		self.assertEqual(found["name"], self.restricted.name)

	def heatmap(self, filters):
		chart = {
			"document_type": "Consultation",
			"type": "Heatmap",
			"chart_type": "Count",
			"based_on": "consultation_date",
			"heatmap_year": 2026,
			"filters_json": frappe.as_json(filters),
		}
		method = "frappe.desk.doctype.dashboard_chart.dashboard_chart.get"
		return call(method, chart=chart, no_cache=1)

	def test_an_ad_hoc_heatmap_counts_only_what_the_user_may_filter_and_read(self):
		filters = [["Consultation", "confidential_notes", "like", "%Panikattacken%"]]
		for role in ("Business Coach", "Project Lead"):
			with self.assertRaises(frappe.PermissionError, msg=role):
				as_user(make_user(role), self.heatmap, filters)
		counted = as_user(make_user("Counsellor"), self.heatmap, filters)
		self.assertGreaterEqual(sum(counted["dataPoints"].values()), 1)
