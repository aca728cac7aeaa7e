"""Write workbooks: exports, error reports, templates and the desk's Excel export (plain Python, openpyxl).

The one safe writer of the app: every cell goes through :func:`safe_cell` (write-only sheets) or :func:`put`
(sheets with styles and drop-downs), both through :func:`_secure`: text that a spreadsheet would run as a formula (starting with
``= + - @`` or a control character) is stored as a string cell with Excel's quote prefix, so neither Excel nor
LibreOffice evaluates it and openpyxl reads it back as text, not as a formula.
"""

import io
import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from mehrwert_quartier.partner_exchange.messages import MESSAGES

RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
ERROR_FILL = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
HEADER_FONT = Font(bold=True)


def is_risky(text: str) -> bool:
	return bool(text) and (text.startswith(RISKY_START) or ord(text[0]) < 32)


def _clean(value):
	return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _secure(cell):
	"""Text a spreadsheet would run as a formula becomes a string cell with the quote prefix."""
	if isinstance(cell.value, str) and (is_risky(cell.value) or cell.data_type == "f"):
		cell.data_type = "s"
		cell.quotePrefix = True
	return cell


def safe_cell(sheet, value, **style) -> WriteOnlyCell:
	cell = _secure(WriteOnlyCell(sheet, value=_clean(value)))
	for key, item in style.items():
		setattr(cell, key, item)
	return cell


def put(sheet, row: int, column: int, value):
	"""A cell of a normal (not write-only) sheet, as safe as :func:`safe_cell`."""
	return _secure(sheet.cell(row=row, column=column, value=_clean(value)))


def write_table(rows, sheet_title: str = "Daten") -> bytes:
	"""Rows with the header row first (the data of Frappe's ``make_xlsx``), every cell safe."""
	rows = iter(rows)
	return write_rows(next(rows, []), rows, sheet_title)


def _save(workbook: Workbook) -> bytes:
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def write_rows(headers: list[str], rows, sheet_title: str = "Daten") -> bytes:
	"""A write-only workbook: one bold header row, then the rows, every cell safe."""
	workbook = Workbook(write_only=True)
	sheet = workbook.create_sheet(sheet_title)
	sheet.append([safe_cell(sheet, h, font=HEADER_FONT) for h in headers])
	for row in rows:
		sheet.append([plain_or_safe(sheet, v) for v in row])
	return _save(workbook)


def write_sheets(sheets: list[tuple[str, list[list]]]) -> bytes:
	"""A write-only workbook of several sheets of plain rows, every cell safe (anonymised uploads)."""
	workbook = Workbook(write_only=True)
	for title, rows in sheets:
		sheet = workbook.create_sheet(re.sub(r"[\\/*?:\[\]]", "-", title)[:31] or "-")
		for row in rows:
			sheet.append([plain_or_safe(sheet, v) for v in row])
	return _save(workbook)


def plain_or_safe(sheet, value):
	"""The value itself when openpyxl stores it as it is (the fast path of large exports), else :func:`safe_cell`."""
	if isinstance(value, str) and (is_risky(value) or ILLEGAL_CHARACTERS_RE.search(value)):
		return safe_cell(sheet, value)
	return value


def write_error_report(headers: list[str], rows, errors: dict[int, list[tuple[int | None, str]]]) -> bytes:
	"""The original rows with an error column in front; bad cells red with the message as a comment.

	``rows`` are ``(row number, values)``, ``errors`` maps a row number to ``(column index or None, message)``.
	"""
	workbook = Workbook(write_only=True)
	sheet = workbook.create_sheet("Fehlerbericht")
	title = MESSAGES["error_column"][0]
	sheet.append([safe_cell(sheet, h, font=HEADER_FONT) for h in [title, *headers]])
	for number, values in rows:
		row_errors = errors.get(number, [])
		bad = {}
		for column, message in row_errors:
			if column is not None:
				bad.setdefault(column, []).append(message)
		cells = [safe_cell(sheet, "\n".join(m for _c, m in row_errors) or None)]
		width = max([len(values), len(headers), *(c + 1 for c in bad)])
		for column in range(width):
			value = values[column] if column < len(values) else None
			cell = safe_cell(sheet, value if not isinstance(value, list) else ", ".join(value))
			if column in bad:
				cell.fill = ERROR_FILL
				cell.comment = Comment("\n".join(bad[column]), "MehrWertQuartier")
			cells.append(cell)
		sheet.append(cells)
	return _save(workbook)
