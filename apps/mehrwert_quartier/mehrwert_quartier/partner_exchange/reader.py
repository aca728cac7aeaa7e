"""Read a partner's file safely: .xlsx or .csv into a header row and data rows (plain Python).

Everything that cannot be read ends in an :class:`ExchangeError` with a bilingual message; the zip members
of a workbook are checked (sizes, macros, encryption) before openpyxl opens it.
"""

import csv
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from xml.etree import ElementTree as ET

from mehrwert_quartier.partner_exchange.messages import ExchangeError

MAX_FILE_MB = 10  # the file as uploaded, checked before anything is read (Frappe's default upload limit)
MAX_UNPACKED_MB = 50  # a workbook's zip members together, checked before anything is unpacked
MAX_ROWS = 20000  # data rows; reading stops at the first row above it
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# what a partner's spreadsheet may be named; anything else (a PDF, an image) is refused before it is stored,
# so that no other file type's content checks (Frappe parses every uploaded PDF) run on it
SPREADSHEET_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".csv", ".txt", ".tsv")


class Formula(str):
	"""A cell that holds a formula instead of a value (never imported)."""


@dataclass
class Table:
	headers: list[str]
	rows: list[tuple[int, list]] = field(default_factory=list)  # (row number in the file, values)
	header_row: int = 0  # row number of the header row in the file
	sheet: str = ""  # the sheet the table was read from ("" for a CSV file)
	sheets: int = 1  # how many sheets the file has
	sheet_index: int = 0  # the position of ``sheet`` among them
	skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (row number, reason code, text)
	title: list[str] = field(default_factory=list)  # the text of the rows above the header row


@dataclass
class Sheet:
	"""One sheet: its rows one at a time, and the merged ranges as (first row, last row, reference)."""

	name: str
	lines: Iterator
	merged: list[tuple[int, int, str]] = field(default_factory=list)


def read_table(filename: str, content: bytes, max_rows: int = MAX_ROWS, score=None) -> Table:
	"""The table of a workbook or a CSV file. Raises :class:`ExchangeError`.

	``score(values) -> float`` rates a row as the header row (``layout.py``); without it the first non-empty
	row of the first sheet is the header row."""
	from mehrwert_quartier.partner_exchange.layout import find_table

	return find_table(read_sheets(filename, content), max_rows, score)


def read_sheets(filename: str, content: bytes) -> list[Sheet]:
	"""The visible sheets of a workbook (one for a CSV file), each read lazily. Raises :class:`ExchangeError`."""
	extension = PurePath(filename or "").suffix.lower()
	if not content:
		raise ExchangeError("empty")
	check_file_size(len(content))
	if extension == ".xlsm":
		raise ExchangeError("macro_workbook")
	if content.startswith(OLE_MAGIC):
		raise ExchangeError("encrypted")
	if extension == ".xlsx":
		return _xlsx_sheets(content)
	if extension == ".csv" and (content.startswith(UTF16_BOMS) or b"\x00" not in content[:4096]):
		return [Sheet("", iter(_csv_lines(content)))]
	raise ExchangeError("not_a_workbook")


def check_file_type(filename: str):
	"""Refuse a file whose name is not that of a spreadsheet or a text export, before it is stored."""
	if PurePath(filename or "").suffix.lower() not in SPREADSHEET_EXTENSIONS:
		raise ExchangeError("not_a_workbook")


def check_file_size(size: int):
	"""Refuse a file above :data:`MAX_FILE_MB` by its size alone."""
	if size > MAX_FILE_MB * 1024 * 1024:
		raise ExchangeError("file_too_large", size=round(size / (1024 * 1024)), limit=MAX_FILE_MB)


def check_workbook_zip(content: bytes) -> zipfile.ZipFile:
	"""Open the zip container and refuse macros, encryption and zip bombs before anything is unpacked."""
	try:
		archive = zipfile.ZipFile(io.BytesIO(content))
		members = archive.infolist()
	except (zipfile.BadZipFile, ValueError, OSError) as e:
		raise ExchangeError("corrupt_zip") from e
	names = {m.filename.lower() for m in members}
	if any(m.flag_bits & 0x1 for m in members):
		raise ExchangeError("encrypted")
	if any(n.endswith("vbaproject.bin") for n in names):
		raise ExchangeError("macro_workbook")
	unpacked = sum(m.file_size for m in members)
	if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
		raise ExchangeError("too_large", size=unpacked // (1024 * 1024), limit=MAX_UNPACKED_MB)
	if "xl/workbook.xml" not in names:
		raise ExchangeError("corrupt_zip")
	return archive


def _xlsx_sheets(content: bytes) -> list[Sheet]:
	"""The visible worksheets, each read one row at a time (the row limit stops reading, not only importing).

	A sheet without formulas is read with calamine (fast, compiled); one with formulas with openpyxl, which
	tells a formula cell from a value, so that no formula is imported."""
	archive = check_workbook_zip(content)
	sheets = []
	try:
		for name, path, hidden in _sheet_paths(archive):
			if hidden or "worksheets/" not in path:
				continue
			xml = archive.read(path)
			formulas = b"<f>" in xml or b"<f " in xml or b"<x:f" in xml
			merged = _merged_ranges(xml)
			del xml
			lines = _openpyxl_lines(content, name) if formulas else _calamine_lines(content, name)
			sheets.append(Sheet(name, _guarded(lines), merged))
	except (KeyError, IndexError, StopIteration, ET.ParseError, zipfile.BadZipFile) as e:
		raise ExchangeError("corrupt_zip") from e
	if not sheets:
		raise ExchangeError("corrupt_zip")
	return sheets


def _guarded(lines):
	try:
		yield from lines
	except ExchangeError:
		raise
	except Exception as e:
		raise ExchangeError("corrupt_zip") from e


def _sheet_paths(archive: zipfile.ZipFile) -> list[tuple[str, str, bool]]:
	"""(name, zip member, hidden) of every sheet in workbook order (xl/workbook.xml and its relationships)."""
	workbook = ET.fromstring(archive.read("xl/workbook.xml"))
	relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
	targets = {e.get("Id"): e.get("Target") for e in relations}
	paths = []
	for sheet in (e for e in workbook.iter() if e.tag.endswith("}sheet") or e.tag == "sheet"):
		rel_id = next(v for k, v in sheet.attrib.items() if k.endswith("}id"))
		target = targets[rel_id]
		path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
		paths.append((sheet.get("name") or "", path, sheet.get("state") in ("hidden", "veryHidden")))
	return paths


def _calamine_lines(content: bytes, name: str):
	from python_calamine import CalamineWorkbook

	sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(name)
	first_row, first_column = sheet.start or (0, 0)
	padding = [None] * first_column
	for offset, row in enumerate(sheet.iter_rows()):
		yield first_row + offset + 1, padding + [_calamine_value(v) for v in row]


def _calamine_value(value):
	"""As openpyxl reads it: empty cells None, whole numbers int; text that starts like a formula is refused."""
	if value == "":
		return None
	if isinstance(value, str) and value.startswith("="):
		return Formula(value)
	if isinstance(value, float) and value.is_integer():
		return int(value)
	return value


def _openpyxl_lines(content: bytes, name: str):
	import openpyxl

	workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
	for row in workbook[name].iter_rows():
		values = [_cell_value(c) for c in row]
		number = next((c.row for c in row if getattr(c, "row", None)), None)
		yield number, values
	workbook.close()


def _cell_value(cell):
	if getattr(cell, "data_type", None) == "f" or (
		isinstance(cell.value, str) and cell.value.startswith("=")
	):
		return Formula(str(cell.value))
	return cell.value


def _merged_ranges(xml: bytes) -> list[tuple[int, int, str]]:
	"""(first row, last row, reference) of every merged range of a sheet's XML."""
	ranges = []
	for ref in re.findall(rb'<(?:\w+:)?mergeCell [^>]*ref="([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)"', xml):
		rows = [int(n) for n in re.findall(rb"[0-9]+", ref)]
		ranges.append((min(rows), max(rows), ref.decode("ascii")))
	return ranges


def _csv_lines(content: bytes):
	text = decode_text(content)
	# the delimiter most often found in one of the first lines (a title line above the header may hold a comma)
	lines = [line for line in itertools.islice(text.splitlines(), 40) if line.strip()]
	delimiter = max((",", ";", "\t"), key=lambda d: max((line.count(d) for line in lines), default=0))
	reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
	return [
		(number, [Formula(v) if v.startswith("=") else v for v in values])
		for number, values in enumerate(reader, start=1)
	]


def decode_text(content: bytes) -> str:
	"""UTF-16 with its byte order mark (Excel's "Unicode text"), UTF-8 (with or without BOM), else Windows-1252."""
	encodings = ("utf-16",) if content.startswith(UTF16_BOMS) else ("utf-8-sig", "cp1252")
	for encoding in encodings:
		try:
			return content.decode(encoding)
		except UnicodeDecodeError:
			continue
	raise ExchangeError("encoding")
