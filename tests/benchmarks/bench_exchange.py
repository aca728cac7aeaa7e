"""Partner exchange benchmark (`make benchmark`): prints figures, never fails on speed.

a) import of a deterministic Participant workbook (MQ_BENCH_ROWS, default 10,000 rows) through the partner
   importer (read, inspect, engine: the DocType's validate for every row, one transaction) and through
   Frappe's own Data Import ("Insert New Records", the same workbook, validate for every row), each into an
   empty Participant table;
b) peak memory of reading and checking a 100,000-row workbook (dry run without the database writes),
   measured as the growth of the maximum resident set size of a fresh subprocess;
c) export of 50,000 rows with the app's writer against openpyxl's write-only mode alone.
"""

import datetime
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

BENCH_ROOT = Path(__file__).resolve().parents[2]
SITE = os.environ.get("MQ_BENCH_SITE", "bench.mehrwert.localhost")
IMPORT_ROWS = int(os.environ.get("MQ_BENCH_ROWS", "10000"))
MEMORY_ROWS = 100000
EXPORT_ROWS = 50000
HEADERS = [
	"First Name",
	"Last Name",
	"Date of Birth",
	"Gender",
	"Email",
	"Phone",
	"Street and Number",
	"Postcode",
	"City",
]


def participant_rows(count: int):
	"""Deterministic rows; the natural key (last name, first name, date of birth) is unique per row."""
	from mehrwert_quartier.demo.people import make_people

	people = make_people(random.Random(2026), count)
	born = datetime.date(1950, 1, 1)
	for i, p in enumerate(people):
		birthday = born + datetime.timedelta(days=i % 18000)
		email = f"tn{i}@beispiel.example"
		yield [p.first_name, p.last_name, birthday, p.gender, email, p.phone, p.street, p.postcode, p.city]


def workbook(count: int) -> bytes:
	book = Workbook(write_only=True)
	sheet = book.create_sheet("Daten")
	sheet.append(HEADERS)
	for row in participant_rows(count):
		sheet.append(row)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def connect():
	import frappe

	os.chdir(BENCH_ROOT / "sites")  # frappe's loggers write to ../logs
	frappe.init(site=SITE, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	return frappe


def empty_participants(frappe):
	frappe.db.delete("Participant")
	frappe.db.commit()


def import_with_exchange(frappe, content: bytes) -> float:
	from mehrwert_quartier.partner_exchange.engine import process
	from mehrwert_quartier.partner_exchange.registry import field_specs, natural_key
	from mehrwert_quartier.partner_exchange.rows import inspect_file

	start = time.perf_counter()
	key = natural_key("Participant")
	inspection = inspect_file("teilnehmende.xlsx", content, field_specs("Participant"), key)
	assert not inspection.errors, inspection.errors
	outcome = process(inspection, "Participant", key, write=True)
	frappe.db.commit()
	elapsed = time.perf_counter() - start
	assert outcome.counts["new"] == len(inspection.rows), outcome.counts
	return elapsed


def import_with_data_import(frappe, content: bytes) -> float:
	from frappe.core.doctype.data_import.data_import import start_import

	file = frappe.get_doc(
		{"doctype": "File", "file_name": "teilnehmende-data-import.xlsx", "is_private": 1, "content": content}
	).insert()
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": "Participant",
			"import_type": "Insert New Records",
			"import_file": file.file_url,
		}
	).insert()
	frappe.db.commit()
	start = time.perf_counter()
	start_import(data_import.name)  # what the background job runs, here in this process
	frappe.db.commit()
	elapsed = time.perf_counter() - start
	status = frappe.db.get_value("Data Import", data_import.name, "status")
	assert status == "Success", (
		status,
		frappe.db.get_value("Data Import", data_import.name, "template_warnings"),
	)
	return elapsed


def measure_memory(path: str) -> None:
	"""Subprocess: read and check the workbook at ``path``; print the growth of the peak RSS in MB."""
	frappe = connect()
	from mehrwert_quartier.partner_exchange import reader
	from mehrwert_quartier.partner_exchange.registry import field_specs, natural_key
	from mehrwert_quartier.partner_exchange.rows import inspect_file

	reader.MAX_FILE_MB = reader.MAX_UNPACKED_MB = 1000  # above the upload limits on purpose: measure reading
	specs, key = field_specs("Participant"), natural_key("Participant")
	content = Path(path).read_bytes()
	before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
	start = time.perf_counter()
	inspection = inspect_file("gross.xlsx", content, specs, key, max_rows=MEMORY_ROWS)
	assert not inspection.errors, inspection.errors
	elapsed = time.perf_counter() - start
	after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
	errors = sum(1 for r in inspection.rows if r.errors)
	print(f"{(after - before) / 1024:.0f} {after / 1024:.0f} {elapsed:.1f} {len(inspection.rows)} {errors}")
	frappe.destroy()


def export_rates() -> tuple[float, float]:
	from mehrwert_quartier.partner_exchange.xlsx import write_rows

	rows = [[str(v) if isinstance(v, datetime.date) else v for v in r] for r in participant_rows(EXPORT_ROWS)]
	start = time.perf_counter()
	write_rows(HEADERS, iter(rows))
	app = time.perf_counter() - start
	start = time.perf_counter()
	book = Workbook(write_only=True)
	sheet = book.create_sheet("Daten")
	sheet.append(HEADERS)
	for row in rows:
		sheet.append(row)
	book.save(io.BytesIO())
	plain = time.perf_counter() - start
	return EXPORT_ROWS / app, EXPORT_ROWS / plain


def main():
	frappe = connect()
	content = workbook(IMPORT_ROWS)
	empty_participants(frappe)
	ours = import_with_exchange(frappe, content)
	empty_participants(frappe)
	theirs = import_with_data_import(frappe, content)
	empty_participants(frappe)
	frappe.destroy()

	with tempfile.NamedTemporaryFile(suffix=".xlsx") as big:
		big.write(workbook(MEMORY_ROWS))
		big.flush()
		output = subprocess.run(
			[sys.executable, __file__, "--memory", big.name], check=True, capture_output=True, text=True
		).stdout.split()
	growth, peak, read_seconds, read_rows, _errors = output[-5:]
	export_app, export_plain = export_rates()

	table = [
		("a) import, partner importer", f"{IMPORT_ROWS / ours:,.0f} rows/s", f"{ours:.1f} s"),
		("a) import, Frappe Data Import", f"{IMPORT_ROWS / theirs:,.0f} rows/s", f"{theirs:.1f} s"),
		("a) ratio importer / Data Import", f"{theirs / ours:.1f} x", "target 10 x"),
		(f"b) read + check {int(read_rows):,} rows", f"{growth} MB peak growth", f"{read_seconds} s"),
		("b) peak RSS of that process", f"{peak} MB", "target < 300 MB growth"),
		(f"c) export {EXPORT_ROWS:,} rows, app writer", f"{export_app:,.0f} rows/s", ""),
		("c) export, openpyxl write-only", f"{export_plain:,.0f} rows/s", ""),
		("c) ratio app / openpyxl", f"{export_app / export_plain:.0%}", "target >= 80 %"),
	]
	print(f"\nPartner exchange benchmark on {SITE} ({os.cpu_count()} cores)")
	for name, value, note in table:
		print(f"  {name:<36} {value:>22}  {note}")


if __name__ == "__main__":
	if sys.argv[1:2] == ["--memory"]:
		measure_memory(sys.argv[2])
	else:
		main()
