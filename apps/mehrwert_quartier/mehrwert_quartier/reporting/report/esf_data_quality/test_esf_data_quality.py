import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, today

from mehrwert_quartier.reporting.report.esf_data_quality.esf_data_quality import assign_todo, execute
from mehrwert_quartier.rules.data_quality import issues_of
from mehrwert_quartier.tests.factories import make_participant, make_user

FIELDS = [
	"name",
	"esf_complete",
	"entry_date",
	"esf_entry_recorded_on",
	"exit_date",
	"exit_status",
	"exit_qualification",
	"follow_up_due",
	"follow_up_done_on",
	"date_of_birth",
	"postcode",
]


def issues_by_participant(rows) -> dict[str, set[str]]:
	found = {}
	for row in rows:
		found.setdefault(row["participant"], set()).add(row["issue_code"])
	return found


class TestEsfDataQuality(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.counsellor = make_user("Counsellor")
		c = {"responsible_counsellor": cls.counsellor}
		cls.incomplete = make_participant(isced_level="", **c)
		cls.young = make_participant(date_of_birth="2010-01-01", **c)
		cls.outside = make_participant(postcode="01067", **c)
		cls.leaver = make_participant(exit_date=add_days(today(), -40), **c)
		cls.overdue = make_participant(entry_date="2024-01-08", exit_date="2025-01-10", **c)
		cls.late = make_participant(**c)
		frappe.db.set_value("Participant", cls.late.name, "esf_entry_recorded_on", "2026-04-30")
		cls.original = make_participant(
			first_name="Mariam", last_name="Al-Hassan", date_of_birth="1990-03-04"
		)
		cls.twin = make_participant(first_name="Mariam", last_name="Alhassan", date_of_birth="1990-04-03")

	def test_each_check_finds_its_case(self):
		found = issues_by_participant(execute({"responsible_counsellor": self.counsellor})[1])
		self.assertIn("entry_missing", found[self.incomplete.name])
		self.assertIn("under_18", found[self.young.name])
		rows = execute({"responsible_counsellor": self.counsellor, "issue": "under_18"})[1]
		age = next(r["detail"] for r in rows if r["participant"] == self.young.name)
		self.assertEqual(int(age), 16)  # the age at entry as the detail (it was read back under no name)
		self.assertIn("outside_area", found[self.outside.name])
		self.assertIn("exit_missing", found[self.leaver.name])
		self.assertIn("follow_up_overdue", found[self.overdue.name])
		self.assertIn("entry_late", found[self.late.name])
		everyone = issues_by_participant(execute({"issue": "likely_duplicate"})[1])
		self.assertIn(self.original.name, everyone)
		self.assertIn(self.twin.name, everyone)

	def test_every_issue_equals_the_plain_python_check_of_the_same_records(self):
		known = set(frappe.get_all("Postcode Area", pluck="name"))
		as_of = getdate(today())
		rows = execute({})[1]
		found = issues_by_participant(rows)
		for record in frappe.get_all("Participant", fields=FIELDS, limit_page_length=0):
			for field in ("entry_date", "esf_entry_recorded_on", "exit_date", "follow_up_due"):
				record[field] = getdate(record[field]) if record[field] else None
			record["follow_up_done_on"] = (
				getdate(record.follow_up_done_on) if record.follow_up_done_on else None
			)
			record["date_of_birth"] = getdate(record.date_of_birth) if record.date_of_birth else None
			expected = set(issues_of(record, as_of, postcode_known=record.postcode in known))
			got = found.get(record.name, set()) - {"likely_duplicate"}
			self.assertEqual(got, expected, record.name)
		self.assertEqual(execute({})[4][1]["value"], len(rows))

	def test_blocks_longer_than_the_database_packs_are_read_row_by_row(self):
		"""One row per date-of-birth block packs its members in one text, cut off at group_concat_max_len."""
		everyone = issues_by_participant(execute({"issue": "likely_duplicate"})[1])
		limit = frappe.db.sql("select @@session.group_concat_max_len")[0][0]
		frappe.db.sql("set session group_concat_max_len = 4")
		try:
			cut_off = issues_by_participant(execute({"issue": "likely_duplicate"})[1])
		finally:
			frappe.db.sql("set session group_concat_max_len = %s", limit)
		self.assertEqual(cut_off, everyone)
		self.assertIn(self.twin.name, cut_off)

	def test_one_click_assigns_one_todo_to_the_responsible_counsellor(self):
		first = assign_todo(self.incomplete.name, "entry_missing")
		self.assertEqual(assign_todo(self.incomplete.name, "entry_missing"), first)
		todo = frappe.get_doc("ToDo", first)
		self.assertEqual((todo.allocated_to, todo.reference_name), (self.counsellor, self.incomplete.name))

	def test_assignment_needs_write_permission_and_a_known_issue(self):
		with self.assertRaises(frappe.ValidationError):
			assign_todo(self.incomplete.name, "something")
		frappe.set_user(make_user("Data Protection Officer"))
		try:
			with self.assertRaises(frappe.PermissionError):
				assign_todo(self.incomplete.name, "entry_missing")
		finally:
			frappe.set_user("Administrator")
