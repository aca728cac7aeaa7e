"""Partner exchange benchmark (`make benchmark`): prints figures, never fails on speed.

a) import of a deterministic Participant workbook (MQ_BENCH_ROWS, default 10,000 rows) through the partner
   importer (read, inspect, engine: the DocType's validate for every row, one transaction) and through
   Frappe's own Data Import ("Insert New Records", the same workbook, validate for every row), each into an
   empty Participant table, after a warm-up of 50 rows through each;
b) peak memory of importing a 100,000-row workbook (read, check, write, rolled back) in a fresh subprocess:
   the peak resident set size of that whole process, Frappe included;
c) export of 50,000 rows with the app's writer against openpyxl's write-only mode alone;
d) the same people as a partner sends them (issue 12): title rows, the partner's headers (*Name*, *Geb.-Datum*,
   *m/w/d*, *PLZ* …), m/w/d, dates as text, postcodes without their leading zero, a footer; found, mapped
   (proposal, synonyms, value lists) and imported like a).
"""

import datetime
import io
import os
import random
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
WARM_UP_ROWS = 50
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


PARTNER_HEADERS = ["Name", "Vorname", "Geb.-Datum", "m/w/d", "E-Mail", "Telefon", "Straße", "PLZ", "Ort"]
GENDER_LETTER = {"Female": "w", "Male": "m", "Non-binary": "d"}


def partner_workbook(count: int) -> bytes:
	"""The rows of :func:`participant_rows` as a Jobcenter export: title rows above, a footer below."""
	book = Workbook(write_only=True)
	sheet = book.create_sheet("Export")
	sheet.append(["Jobcenter Leipzig – Zuweisungen an MehrWertQuartier"])
	sheet.append(["Stand: 31.03.2026"])
	sheet.append([])
	sheet.append(PARTNER_HEADERS)
	for first, last, born, gender, email, phone, street, postcode, city in participant_rows(count):
		letter = GENDER_LETTER.get(gender, gender)
		sheet.append(
			[last, first, born.strftime("%d.%m.%Y"), letter, email, phone, street, int(postcode), city]
		)
	sheet.append(["Summe", count])
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def import_with_mapping(frappe, content: bytes) -> float:
	"""A partner-shaped file: header row found, columns and values mapped by the proposal, then imported."""
	from mehrwert_quartier.partner_exchange.engine import process
	from mehrwert_quartier.partner_exchange.registry import field_specs, natural_key
	from mehrwert_quartier.partner_exchange.rows import inspect_file

	start = time.perf_counter()
	key = natural_key("Participant")
	inspection = inspect_file("zuweisungen.xlsx", content, field_specs("Participant"), key)
	assert not inspection.errors and inspection.match.certain, inspection.errors
	outcome = process(inspection, "Participant", key, write=True)
	frappe.db.commit()
	elapsed = time.perf_counter() - start
	assert outcome.counts["new"] == len(inspection.rows), outcome.counts
	return elapsed


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


def peak_rss_mb() -> float:
	"""The peak resident set size of this process (VmHWM; ru_maxrss would carry the parent's over exec)."""
	with open("/proc/self/status") as status:
		line = next(line for line in status if line.startswith("VmHWM:"))
	return int(line.split()[1]) / 1024


def measure_memory(path: str) -> None:
	"""Subprocess: import the workbook at ``path`` (read, check, write, then roll back); print the peak RSS of the
	whole process in MB, before and after, the seconds and the row counts."""
	frappe = connect()
	from mehrwert_quartier.partner_exchange import reader
	from mehrwert_quartier.partner_exchange.engine import process
	from mehrwert_quartier.partner_exchange.registry import field_specs, natural_key
	from mehrwert_quartier.partner_exchange.rows import inspect_file

	reader.MAX_FILE_MB = reader.MAX_UNPACKED_MB = 1000  # above the upload limits on purpose: measure reading
	specs, key = field_specs("Participant"), natural_key("Participant")
	content = Path(path).read_bytes()
	before = peak_rss_mb()
	start = time.perf_counter()
	inspection = inspect_file("gross.xlsx", content, specs, key, max_rows=MEMORY_ROWS)
	assert not inspection.errors, inspection.errors
	outcome = process(inspection, "Participant", key, write=True)
	elapsed = time.perf_counter() - start
	frappe.db.rollback()
	print(f"{before:.0f} {peak_rss_mb():.0f} {elapsed:.1f} {len(inspection.rows)} {outcome.counts['new']}")
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
	# warm-up: both importers load and compile their modules once, outside the measurement
	for importer in (import_with_exchange, import_with_data_import):
		empty_participants(frappe)
		importer(frappe, workbook(WARM_UP_ROWS))
	empty_participants(frappe)
	ours = import_with_exchange(frappe, content)
	empty_participants(frappe)
	theirs = import_with_data_import(frappe, content)
	empty_participants(frappe)
	import_with_mapping(frappe, partner_workbook(WARM_UP_ROWS))
	empty_participants(frappe)
	mapped = import_with_mapping(frappe, partner_workbook(IMPORT_ROWS))
	empty_participants(frappe)
	frappe.destroy()

	with tempfile.NamedTemporaryFile(suffix=".xlsx") as big:
		big.write(workbook(MEMORY_ROWS))
		big.flush()
		output = subprocess.run(
			[sys.executable, __file__, "--memory", big.name], check=True, capture_output=True, text=True
		).stdout.split()
	before, peak, memory_seconds, memory_rows, memory_new = output[-5:]
	export_app, export_plain = export_rates()

	table = [
		("a) import, partner importer", f"{IMPORT_ROWS / ours:,.0f} rows/s", f"{ours:.1f} s"),
		("a) import, Frappe Data Import", f"{IMPORT_ROWS / theirs:,.0f} rows/s", f"{theirs:.1f} s"),
		("a) ratio importer / Data Import", f"{theirs / ours:.1f} x", "target 10 x"),
		(f"b) import {int(memory_rows):,} rows", f"{int(memory_new):,} new", f"{memory_seconds} s"),
		("b) peak RSS of that whole process", f"{peak} MB", f"target < 300 MB ({before} MB before)"),
		(f"c) export {EXPORT_ROWS:,} rows, app writer", f"{export_app:,.0f} rows/s", ""),
		("c) export, openpyxl write-only", f"{export_plain:,.0f} rows/s", ""),
		("c) ratio app / openpyxl", f"{export_app / export_plain:.0%}", "target >= 80 %"),
		("d) partner-shaped file through mapping", f"{IMPORT_ROWS / mapped:,.0f} rows/s", f"{mapped:.1f} s"),
		("d) ratio mapped / Data Import", f"{theirs / mapped:.1f} x", "target 10 x"),
	]
	print(f"\nPartner exchange benchmark on {SITE} ({os.cpu_count()} cores)")
	for name, value, note in table:
		print(f"  {name:<36} {value:>22}  {note}")


if __name__ == "__main__":
	if sys.argv[1:2] == ["--memory"]:
		measure_memory(sys.argv[2])
	else:
		main()
