"""New records in bulk (bulk.py) against Frappe's own insert, record by record (engine.save_row)."""

import inspect
import json
import re
from unittest.mock import patch

import frappe
from frappe.model.document import Document
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange.bulk import BulkInserter
from mehrwert_quartier.partner_exchange.engine import process
from mehrwert_quartier.partner_exchange.registry import field_specs, natural_key
from mehrwert_quartier.partner_exchange.rows import inspect_file
from mehrwert_quartier.partner_exchange.testdata import xlsx
from mehrwert_quartier.partner_exchange.triggers import Triggers
from mehrwert_quartier.qs_arbeit.doctype.participant.participant import Participant
from mehrwert_quartier.tests.factories import unique

HEADERS = [
	"First Name",
	"Last Name",
	"Date of Birth",
	"Gender",
	"Email",
	"Postcode",
	"Entry Date",
	"Labour Market Status at Entry",
	"Months of Unemployment",
	"Exit Date",
]
# what may differ between two imports of the same people: their names, keys, times and follow-up ToDos
NOT_COMPARED = {"name", "last_name", "full_name", "creation", "modified", "follow_up_todo", "esf_missing"}
SERIES_KEY = ""  # autoname "format:TN-{#####}" counts in the series without a prefix


def people(last_name: str) -> list[list]:
	return [
		[
			"Ada",
			last_name,
			"12.03.1985",
			"Weiblich",
			"ada@beispiel.example",
			"4315",
			"01.02.2026",
			"Unemployed",
			14,
			None,
		],
		["Ben", last_name, "1990-07-01", "Male", None, "04209", "2026-01-15", "Employed", None, "30.06.2026"],
		["Cem", last_name, 33000, "Male", None, "01067", None, None, None, None],
	]


def run(rows: list[list], bulk: bool, write: bool = True, partial: bool = False):
	key = natural_key("Participant")
	inspection = inspect_file("teilnehmende.xlsx", xlsx([HEADERS, *rows]), field_specs("Participant"), key)
	assert not inspection.errors, inspection.errors
	return process(inspection, "Participant", key, write=write, partial=partial, bulk=bulk)


def stored(last_name: str) -> list[dict]:
	return frappe.get_all(
		"Participant", filters={"last_name": last_name}, fields=["*"], order_by="first_name asc"
	)


def series() -> int:
	current = frappe.db.sql("select `current` from `tabSeries` where `name` = %s", SERIES_KEY)
	return current[0][0] if current else 0


class TestBulkInsert(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")

	def test_bulk_and_record_by_record_store_the_same(self):
		bulk, single = unique("Bulk"), unique("Einzeln")
		self.assertEqual(run(people(bulk), bulk=True).counts["new"], 3)
		self.assertEqual(run(people(single), bulk=False).counts["new"], 3)
		ours, frappes = stored(bulk), stored(single)
		self.assertEqual(len(ours), 3)
		for mine, theirs in zip(ours, frappes, strict=True):
			differing = {
				f: (mine[f], theirs[f]) for f in mine if f not in NOT_COMPARED and mine[f] != theirs[f]
			}
			self.assertEqual(differing, {})
		ada, ben = ours[0], ours[1]
		self.assertEqual(
			(ada.programme_area, ada.long_term_unemployed, ada.esf_complete), ("Leipziger Osten", 1, 0)
		)
		self.assertEqual(ada.full_name, f"Ada {bulk}")
		# on_update ran after the row was written: the follow-up ToDo is linked to the stored record
		self.assertTrue(ben.follow_up_todo)
		self.assertEqual(frappe.db.get_value("ToDo", ben.follow_up_todo, "reference_name"), ben.name)

	def test_names_come_from_the_naming_series_without_gaps(self):
		before = series()
		run(people(unique("Serie")), bulk=True)
		self.assertEqual(series(), before + 3)
		self.assertEqual(
			frappe.get_doc(
				{
					"doctype": "Participant",
					"first_name": "Dora",
					"last_name": unique("Form"),
					"date_of_birth": "1970-01-01",
				}
			)
			.insert()
			.name,
			f"TN-{before + 4:05d}",
		)

	def test_dry_run_writes_nothing_and_keeps_the_series(self):
		before, last_name = series(), unique("Probe")
		for bulk in (True, False):
			queued = frappe.cache.llen("global_search_queue")
			outcome = run(people(last_name), bulk=bulk, write=False)
			self.assertEqual(outcome.counts["new"], 3)
			self.assertEqual([c["name"] for c in outcome.changes], [None, None, None])
			self.assertEqual((stored(last_name), series()), ([], before))
			# Redis is not rolled back: the dry run's records never reach the global search queue
			self.assertEqual(frappe.cache.llen("global_search_queue"), queued)
		run(people(last_name), bulk=True)
		values = [json.loads(v) for v in frappe.cache.lrange("global_search_queue", 0, -1)]
		searchable = {v["name"] for v in values if v["doctype"] == "Participant"}
		self.assertTrue({p.name for p in stored(last_name)} <= searchable)

	def test_the_database_compares_the_natural_key(self):
		last_name = unique("Müller")
		run(people(last_name), bulk=True)
		shouting = [[*people(last_name.upper())[0][:1], last_name.upper(), *people(last_name)[0][2:]]]
		outcome = run(shouting, bulk=True)
		self.assertEqual(outcome.counts, {"new": 0, "update": 1, "unchanged": 0, "error": 0})
		self.assertEqual(outcome.changes[0]["changes"], {"last_name": [last_name, last_name.upper()]})
		self.assertEqual(len(stored(last_name)), 3)

	def test_valid_rows_only_keeps_the_rows_around_a_broken_rule(self):
		last_name = unique("Teilweise")
		rows = people(last_name)
		rows[1][9] = "01.01.2020"  # exit before entry: the controller's rule
		before = series()
		with patch("frappe.db.commit"):
			outcome = run(rows, bulk=True, partial=True)
		self.assertEqual((outcome.counts["new"], outcome.counts["error"]), (2, 1))
		self.assertIn("exit date", outcome.changes[1]["errors"][0])
		# the broken row gave its number back: no gap in the series
		self.assertEqual(
			[(p.first_name, p.name) for p in stored(last_name)],
			[("Ada", f"TN-{before + 1:05d}"), ("Cem", f"TN-{before + 2:05d}")],
		)
		self.assertEqual(series(), before + 2)

	def test_an_error_after_the_insert_leaves_only_that_row_out(self):
		last_name = unique("Nachher")
		on_update = Participant.on_update

		def failing_for_ben(doc):
			if doc.first_name == "Ben":
				frappe.throw("Ben fails after the insert")
			on_update(doc)

		with patch.object(Participant, "on_update", failing_for_ben), patch("frappe.db.commit"):
			outcome = run(people(last_name), bulk=True, partial=True)
		self.assertEqual((outcome.counts["new"], outcome.counts["error"]), (2, 1))
		self.assertIn("Ben fails after the insert", outcome.changes[1]["errors"][0])
		self.assertEqual([p.first_name for p in stored(last_name)], ["Ada", "Cem"])

	def test_a_notification_for_the_doctype_is_run_as_frappe_runs_it(self):
		self.assertTrue(Triggers("Participant").plain)
		notification = frappe.get_doc(
			{
				"doctype": "Notification",
				"name": unique("Neue Teilnahme"),
				"subject": "Neu: {{ doc.full_name }}",
				"document_type": "Participant",
				"event": "New",
				"channel": "System Notification",
				"recipients": [{"receiver_by_role": "System Manager"}],
				"message": "{{ doc.full_name }}",
			}
		).insert()
		self.assertFalse(Triggers("Participant").plain)
		last_name = unique("Gemeldet")
		run(people(last_name)[:1], bulk=True)
		self.assertTrue(
			frappe.db.exists(
				"Notification Log", {"document_type": "Participant", "subject": f"Neu: Ada {last_name}"}
			)
		)
		notification.delete()

	def test_the_steps_are_those_of_the_installed_frappe(self):
		"""bulk.py mirrors Document.insert and run_post_save_methods: an upgrade that changes them fails here."""
		self.assertEqual(
			re.findall(r"self\.(\w+)\(", inspect.getsource(Document.insert)),
			[
				*("set", "_set_defaults", "set_user_and_timestamp", "set_docstatus", "check_permission"),
				*(
					"check_if_latest",
					"_validate_links",
					"run_method",
					"set_new_name",
					"set_parent_in_children",
				),
				*("validate_higher_perm_levels", "run_before_save_methods", "_validate", "set_docstatus"),
				*("update_single", "get_valid_dict", "db_insert", "get_all_children", "run_method", "get"),
				*("validate_amended_from", "copy_attachments_from_amended_from", "run_post_save_methods"),
			],
		)
		self.assertEqual(
			re.findall(r"self\.(\w+)\(", inspect.getsource(Document.run_post_save_methods)),
			[
				*("run_method", "run_method", "run_method", "run_method", "check_no_back_links_exist"),
				*("run_method", "clear_cache", "notify_update", "save_version", "run_method"),
			],
		)

	def test_the_steps_before_the_insert_follow_frappe_in_order(self):
		"""The inserter runs the steps of ``Document.insert`` up to the INSERT in Frappe's order (Frappe 15.8x
		moved the create permission before the link check, so that a refused user learns nothing of links)."""
		frappe_steps = re.findall(r"self\.(\w+)\(", inspect.getsource(Document.insert))
		frappe_steps = frappe_steps[: frappe_steps.index("update_single")]
		source = inspect.getsource(BulkInserter.run_steps_before_insert)
		ours = [
			"_set_defaults" if step == "set_defaults" else step
			for step in re.findall(r"(?:doc|self)\.(\w+)\(", source)
		]
		self.assertEqual(ours, frappe_steps)
