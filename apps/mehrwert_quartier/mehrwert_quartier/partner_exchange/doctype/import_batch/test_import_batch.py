import base64
from unittest.mock import patch

import frappe
import openpyxl
from frappe.database import get_db
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api, runner
from mehrwert_quartier.partner_exchange.engine import CHUNK_ROWS
from mehrwert_quartier.partner_exchange.testdata import csv_bytes, xlsx
from mehrwert_quartier.tests.factories import make_partner_organisation, make_user, unique

HEADERS = ["Postleitzahl *", "Programmgebiet *", "Ortsteile"]


def upload(rows, filename="plz.xlsx", doctype="Postcode Area", content=None, **kwargs) -> dict:
	content = content if content is not None else xlsx(rows)
	return api.upload(doctype, filename, base64.b64encode(content).decode(), **kwargs)


def postcodes(*codes):
	return {d.name: d for d in frappe.get_all("Postcode Area", filters={"name": ("in", codes)}, fields=["*"])}


class TestImportBatch(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_dry_run_counts_and_writes_nothing(self):
		rows = [
			HEADERS,
			["4109", "Leipziger Osten", "Zentrum"],
			["04315", "Leipziger Osten", "Volkmarsdorf"],
			["04209", "Grünau", None],
			["4108", "Mars", None],
		]
		existing = postcodes("04315", "04209")
		result = upload(rows)
		batch = frappe.get_doc("Import Batch", result["name"])
		self.assertEqual(batch.status, "Rejected")
		self.assertEqual(
			result["counts"],
			{"total_rows": 4, "new_rows": 1, "updated_rows": 1, "unchanged_rows": 1, "error_rows": 1},
		)
		self.assertEqual(postcodes("04315", "04209"), existing)
		self.assertFalse(frappe.db.exists("Postcode Area", "04109"))
		changes = {c["row"]: c for c in frappe.parse_json(batch.changes)}
		self.assertEqual(
			changes[3]["changes"], {"localities": [existing["04315"].localities, "Volkmarsdorf"]}
		)
		self.assertIn(
			"„Mars“ gibt es nicht in Programmgebiet / 'Mars' does not exist in", changes[5]["errors"][0]
		)
		self.assertTrue(batch.import_file.startswith("/private/files/"))
		self.assertTrue(batch.error_report.startswith("/private/files/"))

	def test_all_or_nothing_by_default_valid_rows_on_request(self):
		rows = [HEADERS, ["04103", "Grünau", None], ["04104", "Nirgendwo", None]]
		batch = frappe.get_doc("Import Batch", upload(rows)["name"])
		with self.assertRaises(frappe.ValidationError):
			batch.import_rows()
		self.assertFalse(frappe.db.exists("Postcode Area", "04103"))
		result = upload(rows, valid_rows_only=True, import_rows=True)
		self.assertEqual(result["status"], "Imported")
		self.assertEqual(frappe.db.get_value("Postcode Area", "04103", "programme_area"), "Grünau")
		self.assertFalse(frappe.db.exists("Postcode Area", "04104"))

	def test_a_row_failing_at_import_time_rolls_back_the_whole_batch(self):
		area = frappe.get_doc(
			{"doctype": "Programme Area", "area_name": unique("Testgebiet"), "area_type": "District"}
		)
		area.insert(ignore_permissions=True)
		rows = [HEADERS, ["04105", "Grünau", None], ["04106", area.name, None]]
		batch = frappe.get_doc("Import Batch", upload(rows)["name"])
		self.assertEqual((batch.status, batch.new_rows), ("Validated", 2))
		area.delete(ignore_permissions=True)
		batch.import_rows()
		batch.reload()
		self.assertEqual((batch.status, batch.error_rows), ("Failed", 1))
		self.assertIn("Nicht gespeichert, weil andere Zeilen fehlerhaft sind", batch.log)
		self.assertFalse(frappe.db.exists("Postcode Area", "04105"))

	def test_same_workbook_again_changes_nothing(self):
		name = unique("Verein")
		rows = [
			["Name der Organisation", "Art der Organisation", "Programmgebiete", "Postleitzahl", "E-Mail"],
			[name, "Verein / Initiative", "Grünau, Leipziger Osten", 4315, "Info@Verein.Example"],
		]
		first = upload(rows, doctype="Partner Organisation", import_rows=True)
		self.assertEqual((first["status"], first["counts"]["new_rows"]), ("Imported", 1))
		doc = frappe.get_doc("Partner Organisation", name)
		self.assertEqual(
			(doc.postcode, doc.email, doc.organisation_type), ("04315", "info@verein.example", "Association")
		)
		self.assertEqual(sorted(r.programme_area for r in doc.programme_areas), ["Grünau", "Leipziger Osten"])
		second = upload(rows, doctype="Partner Organisation", import_rows=True)
		self.assertEqual(second["counts"]["unchanged_rows"], 1)
		self.assertEqual(frappe.db.get_value("Partner Organisation", name, "modified"), doc.modified)
		self.assertEqual(frappe.db.count("Partner Organisation", {"organisation_name": name}), 1)

	def test_the_doctypes_own_rules_run_without_writing(self):
		name = unique("Verein")
		rows = [
			["Name der Organisation", "Art der Organisation", "Webseite"],
			[name, "Jobcenter", "kein Link"],
		]
		result = upload(rows, doctype="Partner Organisation")
		batch = frappe.get_doc("Import Batch", result["name"])
		self.assertEqual((batch.status, batch.error_rows), ("Rejected", 1))
		self.assertIn("Regel verletzt", frappe.parse_json(batch.changes)[0]["errors"][0])
		self.assertFalse(frappe.db.exists("Partner Organisation", name))
		report = openpyxl.load_workbook(
			frappe.get_doc("File", {"file_url": batch.error_report}).get_full_path()
		)
		self.assertIn("Rule broken", report.active["A2"].value)

	def test_large_files_run_as_a_resumable_background_job(self):
		rows = [HEADERS] + [[f"0{4110 + i}", "Grünau", None] for i in range(5)]
		batch = frappe.get_doc("Import Batch", upload(rows, valid_rows_only=True)["name"])
		self.assertEqual(batch.status, "Validated")
		frappe.get_doc({"doctype": "Postcode Area", "postcode": "04111", "programme_area": "Grünau"}).insert()
		with patch("frappe.enqueue") as enqueue:
			self.assertEqual(runner.start(batch, "import", background_rows=3), {"queued": True})
		self.assertEqual(enqueue.call_args.kwargs["batch"], batch.name)
		with patch("frappe.db.commit"):
			runner.run_job(batch.name, "import")
		batch.reload()
		self.assertEqual((batch.status, batch.new_rows, batch.unchanged_rows), ("Imported", 4, 1))
		self.assertEqual(frappe.db.count("Postcode Area", {"name": ("in", [r[0] for r in rows[1:]])}), 5)

	def test_a_worker_killed_mid_way_resumes_without_duplicates_or_lost_rows(self):
		codes = [f"{10000 + i:05d}" for i in range(CHUNK_ROWS * 2 + 100)]
		batch = frappe.get_doc(
			"Import Batch",
			upload([HEADERS] + [[c, "Grünau", None] for c in codes], valid_rows_only=True)["name"],
		)
		commits = []

		def commit_then_die():
			"""The first chunk is committed; the worker is killed during the second, whose rows the database
			then rolls back with the dead connection."""
			commits.append(1)
			if len(commits) == 1:
				frappe.db.savepoint("mq_test_committed")
				return
			frappe.db.rollback(save_point="mq_test_committed")
			raise SystemExit("worker killed")

		with patch("frappe.db.commit", commit_then_die), self.assertRaises(SystemExit):
			runner.run_job(batch.name, "import")
		self.assertEqual(frappe.db.count("Postcode Area", {"name": ("in", codes)}), CHUNK_ROWS)
		self.assertEqual(frappe.db.get_value("Import Batch", batch.name, "status"), "Validated")
		with patch("frappe.db.commit"):
			runner.run_job(batch.name, "import")
		batch.reload()
		self.assertEqual(
			(batch.status, batch.new_rows, batch.unchanged_rows),
			("Imported", len(codes) - CHUNK_ROWS, CHUNK_ROWS),
		)
		self.assertEqual(frappe.db.count("Postcode Area", {"name": ("in", codes)}), len(codes))

	def test_a_second_job_for_a_running_batch_ends_at_once(self):
		batch = frappe.get_doc("Import Batch", upload([HEADERS, ["04181", "Grünau", None]])["name"])
		other = get_db(user=frappe.conf.db_user or frappe.conf.db_name, password=frappe.conf.db_password)
		other.connect()
		self.assertEqual(other.sql("select get_lock(%s, 0)", runner.lock_name(batch.name))[0][0], 1)
		try:
			runner.run_job(batch.name, "import")
		finally:
			other.sql("select release_lock(%s)", runner.lock_name(batch.name))
			other.close()
		self.assertEqual(frappe.db.get_value("Import Batch", batch.name, "status"), "Validated")
		self.assertFalse(frappe.db.exists("Postcode Area", "04181"))
		with patch("frappe.db.commit"):
			runner.run_job(batch.name, "import")
		self.assertEqual(frappe.db.get_value("Import Batch", batch.name, "status"), "Imported")

	def test_only_users_who_may_create_the_records_import(self):
		batch = frappe.get_doc("Import Batch", upload([HEADERS, ["04177", "Grünau", None]])["name"])
		frappe.set_user(make_user("Business Coach"))
		with self.assertRaises(frappe.PermissionError):
			batch.validate_file()
		with self.assertRaises(frappe.PermissionError):
			upload([HEADERS, ["04177", "Grünau", None]])

	def test_template_and_export(self):
		make_partner_organisation(organisation_name=unique("=HYPERLINK(1)"))
		api.download_template("Partner Organisation")
		template = openpyxl.load_workbook(_buffer())
		self.assertEqual(template["Daten"]["A1"].value, "Name der Organisation *")
		api.export_list("Partner Organisation")
		sheet = openpyxl.load_workbook(_buffer()).active
		names = [c.value for c in sheet["A"][1:]]
		risky = [sheet.cell(row=i + 2, column=1) for i, n in enumerate(names) if n.startswith("=")]
		self.assertTrue(risky and all(c.data_type == "s" for c in risky))
		frappe.set_user(make_user("Counsellor"))
		with self.assertRaises(frappe.PermissionError):
			api.export_list("Partner Organisation")

	def test_export_leaves_out_fields_the_user_may_not_read(self):
		make_partner_organisation(email="geheim@verein.example")
		permitted = api.get_permitted_fields

		def without_email(doctype, **kwargs):
			return [f for f in permitted(doctype, **kwargs) if f != "email"]

		with patch("mehrwert_quartier.partner_exchange.api.get_permitted_fields", without_email):
			api.export_list("Partner Organisation")
		sheet = openpyxl.load_workbook(_buffer()).active
		headers = [c.value for c in sheet[1]]
		self.assertIn("Postleitzahl", headers)
		self.assertNotIn("E-Mail", headers)
		self.assertNotIn("geheim@verein.example", [c.value for row in sheet.iter_rows() for c in row])

	def test_csv_with_semicolons_and_windows_encoding(self):
		rows = [["Postleitzahl", "Programmgebiet"], ["04179", "Grünau"]]
		result = upload(
			None, filename="plz.csv", content=csv_bytes(rows, encoding="cp1252"), import_rows=True
		)
		self.assertEqual(result["status"], "Imported")
		self.assertEqual(frappe.db.get_value("Postcode Area", "04179", "programme_area"), "Grünau")


def _buffer():
	import io

	return io.BytesIO(frappe.response.filecontent)
