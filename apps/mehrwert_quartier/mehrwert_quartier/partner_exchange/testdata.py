"""A corpus of good and malformed partner files, generated (never checked in) for the tests.

:func:`corpus` returns ``{case: (filename, content, expected)}``; ``expected`` is the message code that must
stop the file, a code of :data:`CELL_ERRORS` for an error in a cell, or ``None`` when the file must read cleanly.
The files use :data:`TEST_SPECS` (plain Python, no site needed).
"""

import io
import random
import struct
import zipfile

from openpyxl import Workbook

from mehrwert_quartier.partner_exchange.reader import MAX_FILE_MB, MAX_ROWS, MAX_UNPACKED_MB
from mehrwert_quartier.partner_exchange.spec import FieldSpec

TEST_SPECS = [
	FieldSpec("organisation_name", "Data", "Organisation Name", "Name der Organisation", reqd=True),
	FieldSpec("postcode", "Data", "Postcode", "Postleitzahl", data_kind="Postcode"),
	FieldSpec("email", "Data", "Email", "E-Mail", data_kind="Email"),
	FieldSpec("founded_on", "Date", "Founded On", "Gegründet am"),
	FieldSpec("budget", "Float", "Budget", "Budget"),
	FieldSpec(
		"organisation_type",
		"Select",
		"Organisation Type",
		"Art der Organisation",
		options=["Association", "Jobcenter"],
		options_de={"Association": "Verein", "Jobcenter": "Jobcenter"},
	),
]
TEST_KEY = ["organisation_name"]
# cases whose bad cell is in a column Partner Organisation does not have ("Gegründet am"): still rejected, for
# the rows' other errors, when they are uploaded as Partner Organisation
IN_COLUMNS_UNKNOWN_TO_PARTNER_ORGANISATION = ("formula", "bad_date", "us_date")
CELL_ERRORS = ("formula", "bad_date", "required", "duplicate_in_file", "bad_postcode")
HEADERS = [
	"Name der Organisation *",
	"Postleitzahl",
	"E-Mail",
	"Gegründet am",
	"Budget",
	"Art der Organisation",
]
GOOD_ROW = ["Bürgerverein Grünau", "04209", "Info@Verein.example", "15.03.2026", "1.234,50", "Verein"]


def xlsx(rows, edit=None) -> bytes:
	workbook = Workbook()
	sheet = workbook.active
	for row in rows:
		sheet.append(row)
	if edit:
		edit(sheet)
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def csv_bytes(rows, delimiter=";", encoding="utf-8") -> bytes:
	text = "\r\n".join(delimiter.join(str(v) for v in row) for row in rows) + "\r\n"
	return text.encode(encoding)


def zip_with(content: bytes, extra: dict[str, bytes]) -> bytes:
	buffer = io.BytesIO()
	with (
		zipfile.ZipFile(io.BytesIO(content)) as source,
		zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
	):
		for item in source.infolist():
			target.writestr(item, source.read(item.filename))
		for name, data in extra.items():
			target.writestr(name, data)
	return buffer.getvalue()


def zip_bomb() -> bytes:
	"""A small workbook that unpacks to more than the limit (zeros compress about 1000:1)."""
	size = (MAX_UNPACKED_MB + 1) * 1024 * 1024
	return zip_with(xlsx([HEADERS, GOOD_ROW]), {"xl/media/padding.bin": bytes(size)})


def oversized(megabytes: int = 50) -> bytes:
	"""Random bytes behind a zip signature: refused by their size alone, before anything is read."""
	assert megabytes > MAX_FILE_MB
	return b"PK\x03\x04" + random.Random(50).randbytes(megabytes * 1024 * 1024)


def encrypted_zip_member(content: bytes) -> bytes:
	"""A workbook whose zip members carry the "encrypted" flag (a password-protected zip).

	zipfile cannot write that flag, so it is set in the local and central headers of the written file."""
	data = bytearray(content)
	with zipfile.ZipFile(io.BytesIO(content)) as archive:
		position = archive.start_dir
		for item in archive.infolist():
			data[item.header_offset + 6] |= 0x1
			assert data[position : position + 4] == b"PK\x01\x02"
			data[position + 8] |= 0x1
			name, extra, comment = struct.unpack("<HHH", data[position + 28 : position + 34])
			position += 46 + name + extra + comment
	return bytes(data)


def password_protected(content: bytes, password: str = "geheim") -> bytes:
	"""The workbook as Excel saves it with "Encrypt with Password" (ECMA-376 agile encryption, msoffcrypto-tool)."""
	from msoffcrypto.format.ooxml import OOXMLFile

	encrypted = io.BytesIO()
	OOXMLFile(io.BytesIO(content)).encrypt(password, encrypted)
	return encrypted.getvalue()


def legacy_xls() -> bytes:
	"""A real Excel 97-2003 workbook (BIFF8 in an OLE container, written by xlwt)."""
	import xlwt

	book = xlwt.Workbook()
	sheet = book.add_sheet("Daten")
	for column, header in enumerate(("Name der Organisation", "Postleitzahl")):
		sheet.write(0, column, header)
	sheet.write(1, 0, "Verein A")
	sheet.write(1, 1, "04315")
	content = io.BytesIO()
	book.save(content)
	return content.getvalue()


def text_formula(sheet):
	"""A text cell (not a formula cell) whose text starts with "=": still never imported."""
	cell = sheet["A2"]
	cell.value = '=cmd|" /C calc"!A0'
	cell.data_type = "s"


def many_rows(count: int = MAX_ROWS + 1) -> bytes:
	rows = [HEADERS] + [[f"Verein {i}", "04209", "", "", "", ""] for i in range(count)]
	return csv_bytes(rows)


def many_rows_workbook(count: int = 100_000) -> bytes:
	"""A workbook of ``count`` rows (written streaming, as large exports are): refused at the row limit."""
	workbook = Workbook(write_only=True)
	sheet = workbook.create_sheet("Daten")
	sheet.append(HEADERS)
	for i in range(count):
		sheet.append([f"Verein {i}", "04209"])
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def date_rows() -> list[list]:
	"""The same date in five ways: German, short German, ISO, slashes, Excel serial (46096 = 15.03.2026)."""
	return [
		[f"Verein {i}", "04209", "", date, "", ""]
		for i, date in enumerate(["15.03.2026", "15.03.26", "2026-03-15", "15/03/2026", 46096])
	]


def corpus() -> dict[str, tuple[str, bytes, str | None]]:
	good = xlsx([HEADERS, GOOD_ROW])
	cases = {
		"good_xlsx": ("partner.xlsx", good, None),
		"good_csv_utf8": ("partner.csv", csv_bytes([HEADERS, GOOD_ROW]), None),
		"good_csv_bom": ("partner.csv", csv_bytes([HEADERS, GOOD_ROW], encoding="utf-8-sig"), None),
		"good_csv_cp1252": ("partner.csv", csv_bytes([HEADERS, GOOD_ROW], encoding="cp1252"), None),
		"good_csv_comma": (
			"partner.csv",
			csv_bytes([HEADERS, [*GOOD_ROW[:4], "1234.50", GOOD_ROW[5]]], ","),
			None,
		),
		"english_headers": ("partner.xlsx", xlsx([[s.label.upper() for s in TEST_SPECS], GOOD_ROW]), None),
		"five_date_formats": ("partner.xlsx", xlsx([HEADERS, *date_rows()]), None),
		"wrong_extension": ("partner.pdf", b"%PDF-1.4 not a workbook", "not_a_workbook"),
		"xlsx_named_txt": ("partner.txt", good, "not_a_workbook"),
		"binary_named_csv": ("partner.csv", b"\x00\x01\x02PK", "not_a_workbook"),
		"corrupt_zip": ("partner.xlsx", good[:200], "corrupt_zip"),
		"zip_without_workbook": ("partner.xlsx", _plain_zip(), "corrupt_zip"),
		"macro_xlsm": ("partner.xlsm", good, "macro_workbook"),
		"macro_inside_xlsx": (
			"partner.xlsx",
			zip_with(good, {"xl/vbaProject.bin": b"VBA"}),
			"macro_workbook",
		),
		"encrypted": ("partner.xlsx", password_protected(good), "encrypted"),
		"empty_file": ("partner.xlsx", b"", "empty"),
		"empty_sheet": ("partner.xlsx", xlsx([]), "empty"),
		"empty_csv": ("partner.csv", b"\r\n;;\r\n", "empty"),
		"header_only": ("partner.xlsx", xlsx([HEADERS]), "no_rows"),
		"duplicated_header": (
			"partner.xlsx",
			xlsx([[*HEADERS, "Postleitzahl"], GOOD_ROW]),
			"duplicate_header",
		),
		"missing_header": ("partner.xlsx", xlsx([HEADERS[1:], GOOD_ROW[1:]]), "missing_header"),
		"merged_cells": ("partner.xlsx", xlsx([HEADERS, GOOD_ROW, GOOD_ROW], _merge), "merged_cells"),
		"formula": ("partner.xlsx", xlsx([HEADERS, [*GOOD_ROW[:4], "=2*3", GOOD_ROW[5]]]), "formula"),
		"formula_injection_csv": (
			"partner.csv",
			csv_bytes([HEADERS, ['=HYPERLINK("http://evil.example")', *GOOD_ROW[1:]]]),
			"formula",
		),
		"bad_date": (
			"partner.xlsx",
			xlsx([HEADERS, [*GOOD_ROW[:3], "31.02.2026", *GOOD_ROW[4:]]]),
			"bad_date",
		),
		"zip_bomb": ("partner.xlsx", zip_bomb(), "too_large"),
		"very_many_rows": ("partner.csv", many_rows(), "too_many_rows"),
		"rows_100000": ("partner.xlsx", many_rows_workbook(), "too_many_rows"),
		"good_csv_utf16_tabs": (
			"partner.csv",
			csv_bytes([HEADERS, GOOD_ROW], "\t", encoding="utf-16"),
			None,
		),
		"oversized_50_mb": ("partner.xlsx", oversized(), "file_too_large"),
		"legacy_xls": ("partner.xls", legacy_xls(), "encrypted"),
		"password_zip": ("partner.xlsx", encrypted_zip_member(good), "encrypted"),
		"csv_named_xlsx": ("partner.xlsx", csv_bytes([HEADERS, GOOD_ROW]), "corrupt_zip"),
		"xlsx_named_csv": ("partner.csv", good, "not_a_workbook"),
		"bad_encoding_csv": ("partner.csv", csv_bytes([HEADERS]) + b"\x81\x8d;\x90\r\n", "encoding"),
		# a title row above the headers is found and skipped (issue 12); merged cells in the data are not
		"title_row_above_headers": ("partner.xlsx", xlsx([["Meldung März 2026"], HEADERS, GOOD_ROW]), None),
		"merged_title_and_merged_data": (
			"partner.xlsx",
			xlsx([["Meldung März 2026"], HEADERS, GOOD_ROW, ["Verein B", "04315"]], _merge_title_and_data),
			"merged_cells",
		),
		"no_header_row_under_a_title": (
			"partner.xlsx",
			xlsx([["Meldung März 2026"], ["Liste", "Lieblingsfarbe"], ["Verein A", "blau"]]),
			"missing_header",
		),
		"formula_injection_text_cell": ("partner.xlsx", xlsx([HEADERS, GOOD_ROW], text_formula), "formula"),
		"us_date": (
			"partner.xlsx",
			xlsx([HEADERS, [*GOOD_ROW[:3], "03/15/2026", *GOOD_ROW[4:]]]),
			"bad_date",
		),
		"required_value_missing": ("partner.csv", csv_bytes([HEADERS, ["", *GOOD_ROW[1:]]]), "required"),
		"duplicate_rows": ("partner.xlsx", xlsx([HEADERS, GOOD_ROW, GOOD_ROW]), "duplicate_in_file"),
		"bad_values": (
			"partner.xlsx",
			xlsx([HEADERS, [GOOD_ROW[0], "123", "kein@", "", "zwölf", "Partei"]]),
			"bad_postcode",
		),
	}
	return cases


def _merge(sheet):
	sheet.merge_cells("A2:A3")


def _merge_title_and_data(sheet):
	sheet.merge_cells("A1:F1")
	sheet.merge_cells("B4:C4")


def _plain_zip() -> bytes:
	buffer = io.BytesIO()
	with zipfile.ZipFile(buffer, "w") as archive:
		archive.writestr("hello.txt", "not a workbook")
	return buffer.getvalue()


def write_samples(folder: str) -> list[str]:
	"""Write every sample workbook of the corpus to ``folder`` (for demos and manual tries in the desk)."""
	from pathlib import Path

	target = Path(folder)
	target.mkdir(parents=True, exist_ok=True)
	written = []
	for case, (filename, content, _expected) in corpus().items():
		path = target / f"{case}{Path(filename).suffix or '.bin'}"
		path.write_bytes(content)
		written.append(path.name)
	return written


if __name__ == "__main__":
	import sys

	print("\n".join(write_samples(sys.argv[1] if len(sys.argv) > 1 else "sample-workbooks")))
