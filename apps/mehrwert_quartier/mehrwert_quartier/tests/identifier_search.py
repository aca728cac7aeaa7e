"""Test helper: search every text column of the site's database and every file of the site for strings."""

import io
import os
import zipfile
from datetime import date, datetime

import frappe
import openpyxl

TEXT_TYPES = ("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "json", "enum")


def database_hits(terms: list[str]) -> list[tuple[str, str, str]]:
	"""(table, column, term) for every text column of every table holding one of ``terms``."""
	columns: dict[str, list[str]] = {}
	for table, column in frappe.db.sql(
		"""select table_name, column_name from information_schema.columns
		where table_schema = database() and data_type in %(types)s""",
		{"types": TEXT_TYPES},
	):
		columns.setdefault(table, []).append(column)
	hits = []
	for table, names in columns.items():
		for term in terms:
			pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
			condition = " or ".join(f"`{c}` like %(p)s" for c in names)
			found = frappe.db.sql(
				f"select {', '.join(f'`{c}`' for c in names)} from `{table}` where {condition}",
				{"p": pattern},
				as_dict=True,
			)
			for row in found:
				hits += [
					(table, c, term)
					for c, v in row.items()
					if isinstance(v, str) and term.lower() in v.lower()
				]
	return hits


def database_date_hits(days: list[date]) -> list[tuple[str, str, date]]:
	hits = []
	for table, column in frappe.db.sql(
		"""select table_name, column_name from information_schema.columns
		where table_schema = database() and data_type = 'date'"""
	):
		for day in days:
			if frappe.db.sql(f"select 1 from `{table}` where `{column}` = %s limit 1", day):
				hits.append((table, column, day))
	return hits


def site_files() -> list[str]:
	roots = [frappe.get_site_path("private", "files"), frappe.get_site_path("public", "files")]
	return [os.path.join(d, f) for root in roots for d, _dirs, files in os.walk(root) for f in files]


def file_hits(terms: list[str], days: list[date]) -> list[tuple[str, str]]:
	"""(path, term) for every file of the site whose text (xlsx: every XML part and every date cell) holds one."""
	hits = []
	for path in site_files():
		with open(path, "rb") as f:
			content = f.read()
		texts = [content.decode("utf-8", errors="ignore")]
		found_days = set()
		if zipfile.is_zipfile(io.BytesIO(content)):
			with zipfile.ZipFile(io.BytesIO(content)) as archive:
				texts += [archive.read(n).decode("utf-8", errors="ignore") for n in archive.namelist()]
			if path.lower().endswith(".xlsx"):
				workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
				for sheet in workbook.worksheets:
					for row in sheet.iter_rows(values_only=True):
						found_days |= {v.date() if isinstance(v, datetime) else v for v in row} & set(days)
		text = "\n".join(texts).lower()
		hits += [(path, t) for t in terms if t.lower() in text]
		hits += [(path, str(d)) for d in found_days]
	return hits
