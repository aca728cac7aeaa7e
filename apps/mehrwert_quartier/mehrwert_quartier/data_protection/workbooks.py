"""A person's rows in the site's workbooks and import batches: uploaded files, error reports, previews.

Each ``.xlsx`` and ``.csv`` file the site keeps is read once per run; rows of the people being anonymised are
removed and other cells naming them blanked (``rules/identifiers.py``), then the file is written again in place
through the safe writer (``partner_exchange/xlsx.py``). Styles, comments and hidden sheets are not kept.
"""

import csv
import io
import json
import os

import frappe
import openpyxl
from frappe.core.doctype.file.utils import get_content_hash

from mehrwert_quartier.partner_exchange.xlsx import write_sheets
from mehrwert_quartier.rules.identifiers import Person, redact, scrub_rows

EXTENSIONS = (".xlsx", ".csv")


def scrub_workbooks(people: list[Person]) -> int:
	"""Rewrite every workbook that holds a row or a cell of ``people``; the number of files changed."""
	changed = 0
	seen = set()
	for file in frappe.get_all(
		"File", filters={"is_folder": 0}, fields=["name", "file_url", "file_name", "is_private"]
	):
		url = (file.file_url or "").lower()
		if not url.endswith(EXTENSIONS) or file.file_url in seen:
			continue
		seen.add(file.file_url)
		path = frappe.get_doc("File", file.name).get_full_path()
		if not os.path.exists(path):
			continue
		with open(path, "rb") as f:
			content = f.read()
		scrubbed = scrub_content(content, url.endswith(".csv"), people)
		if scrubbed is None:
			continue
		with open(path, "wb") as f:
			f.write(scrubbed)
		frappe.db.set_value(
			"File",
			{"file_url": file.file_url},
			{"content_hash": get_content_hash(scrubbed), "file_size": len(scrubbed)},
			update_modified=False,
		)
		changed += 1
	return changed


def scrub_content(content: bytes, is_csv: bool, people: list[Person]) -> bytes | None:
	"""The file without the people's rows, or None when nothing in it names them."""
	if is_csv:
		text = content.decode("utf-8-sig", errors="replace")
		dialect = sniff(text)
		rows = list(csv.reader(io.StringIO(text), dialect))
		kept, removed = scrub_rows(rows, people)
		if not removed and kept == rows:
			return None
		out = io.StringIO()
		csv.writer(out, dialect).writerows(kept)
		return out.getvalue().encode("utf-8")
	try:
		workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
	except Exception:
		return None  # not a workbook openpyxl can read: nothing the app wrote or imported
	sheets, touched = [], False
	for sheet in workbook.worksheets:
		rows = [list(r) for r in sheet.iter_rows(values_only=True)]
		kept, removed = scrub_rows(rows, people)
		touched = touched or bool(removed) or kept != rows
		sheets.append((sheet.title, kept))
	return write_sheets(sheets) if touched else None


def sniff(text: str):
	try:
		return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
	except csv.Error:
		return csv.excel


def scrub_batches(people: list[Person]) -> int:
	"""Import Batches whose changes (the preview is drawn from them) or log name one of ``people``: their rows go, the counts stay."""
	if not frappe.db.table_exists("Import Batch"):
		return 0
	from mehrwert_quartier.data_protection.scrub import matching

	terms = sorted(
		{t for p in people for t in p.search_terms()} | {n for p in people for n in p.record_names}
	)
	batch = frappe.qb.DocType("Import Batch")
	rows = (
		frappe.qb.from_(batch)
		.select(batch.name, batch.changes, batch.log)
		.where(matching(batch, ["changes", "log"], terms))
		.run(as_dict=True)
	)
	for row in rows:
		frappe.db.set_value(
			"Import Batch",
			row.name,
			{
				"changes": scrub_changes(row.changes, people),
				"log": redact(row.log, people),
			},
			update_modified=False,
		)
	return len(rows)


def scrub_changes(changes: str | None, people: list[Person]) -> str | None:
	"""The batch's row list (JSON) with the people's rows reduced to their row number."""
	if not changes:
		return changes
	try:
		entries = json.loads(changes)
	except ValueError:
		return None
	kept = []
	for entry in entries if isinstance(entries, list) else []:
		text = json.dumps(entry, ensure_ascii=False, default=str)
		if any(p.mentions(text) or owns_entry(p, entry) for p in people):
			kept.append({"row": entry.get("row") if isinstance(entry, dict) else None, "anonymised": 1})
		else:
			kept.append(entry)
	return json.dumps(kept, ensure_ascii=False)


def owns_entry(person: Person, entry) -> bool:
	values = []

	def walk(value):
		if isinstance(value, dict):
			for item in value.values():
				walk(item)
		elif isinstance(value, list):
			for item in value:
				walk(item)
		else:
			values.append(value)

	walk(entry)
	return person.owns_row(values)
