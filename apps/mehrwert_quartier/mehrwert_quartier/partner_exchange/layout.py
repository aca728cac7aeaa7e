"""Where the table is in a partner's file: the sheet and the header row, the rows to skip (plain Python).

Partners' files carry title and info rows above the header (merged or not), empty rows and columns, a footer
of totals or remarks (*Summe*, *Gesamt*, *Stand*) and sometimes several sheets. :func:`find_table` reads the
first :data:`SCAN_ROWS` rows of every sheet, takes the row that best matches the DocType's fields as the header
row (``score``), and reads that sheet's rows one at a time below it. Every skipped row is kept with its reason
(:attr:`Table.skipped`); merged cells are refused only where they touch the header row or a data row.
"""

import itertools
import re

from mehrwert_quartier.partner_exchange.messages import ExchangeError, bilingual
from mehrwert_quartier.partner_exchange.reader import MAX_ROWS, Formula, Sheet, Table
from mehrwert_quartier.partner_exchange.spec import header_key

SCAN_ROWS = 30  # rows of each sheet searched for the header row
# the first cell of a footer row: totals, the date of the list, remarks, page numbers, signatures
FOOTER = re.compile(
	r"^(summe|zwischensumme|gesamt|gesamtsumme|insgesamt|total|totals|sum|stand|anzahl|quelle|erstellt|"
	r"seite|page|hinweis|hinweise|bemerkung|bemerkungen|anmerkung|anmerkungen|legende|unterschrift|"
	r"datum der meldung|ende der liste|ende)\b",
	re.IGNORECASE,
)


def cleaned(values: list) -> list:
	"""Text stripped, trailing empty cells dropped."""
	values = [v.strip() if isinstance(v, str) and not isinstance(v, Formula) else v for v in values]
	while values and values[-1] in (None, ""):
		values.pop()
	return values


def find_table(sheets: list[Sheet], max_rows: int = MAX_ROWS, score=None) -> Table:
	"""The table of the sheet whose header row scores best; ties go to the earlier sheet and row."""
	scanned = []
	for sheet in sheets:
		head = [(n, cleaned(v)) for n, v in itertools.islice(sheet.lines, SCAN_ROWS)]
		scanned.append((sheet, head))
	best = None  # (score, sheet index, position in head)
	for index, (_sheet, head) in enumerate(scanned):
		for position, (_number, values) in enumerate(head):
			if not values:
				continue
			rating = score(values) if score else 0
			if best is None or rating > best[0]:
				best = (rating, index, position)
			if not score:
				break
		if not score and best:
			break
	if best is None:
		raise ExchangeError("empty")
	_rating, index, position = best
	sheet, head = scanned[index]
	table = Table(
		headers=["" if v is None else str(v).strip() for v in head[position][1]],
		header_row=head[position][0],
		sheet=sheet.name,
		sheets=len(sheets),
		sheet_index=index,
	)
	for number, values in head[:position]:
		if values:
			text = " ".join(str(v) for v in values if v not in (None, ""))
			table.title.append(text)
			table.skipped.append((number, "skipped_title", text))
	rest = ((n, cleaned(v)) for n, v in sheet.lines)
	for number, values in itertools.chain(head[position + 1 :], rest):
		if values:
			keep_row(table, number, values, max_rows)
	if not table.rows:
		raise ExchangeError("no_rows")
	refuse_merged_cells(sheet, table)
	return table


def keep_row(table: Table, number: int, values: list, max_rows: int):
	"""A data row, or a skipped one: a footer (totals, date of the list, remarks) or the header repeated."""
	reason = skip_reason(table.headers, values)
	if reason:
		text = " ".join(str(v) for v in values if v not in (None, ""))
		table.skipped.append((number, reason, text))
		return
	if len(table.rows) >= max_rows:
		raise ExchangeError("too_many_rows", limit=max_rows)
	table.rows.append((number, values))


def skip_reason(headers: list[str], values: list) -> str | None:
	filled = [v for v in values if v not in (None, "")]
	if not filled:
		return "skipped_empty"
	if [header_key(v) for v in values] == [header_key(h) for h in headers[: len(values)]]:
		return "skipped_repeated_header"
	columns = sum(1 for h in headers if h) or 1
	first = filled[0]
	if isinstance(first, str) and FOOTER.match(first.strip()) and len(filled) * 2 <= max(columns, 2):
		return "skipped_footer"
	return None


def refuse_merged_cells(sheet: Sheet, table: Table):
	"""Merged cells in the header row or among the data rows are refused; above (titles) or in a skipped
	footer they are harmless."""
	kept = {number for number, _values in table.rows} | {table.header_row}
	for first, last, ref in sheet.merged:
		if any(first <= number <= last for number in kept):
			raise ExchangeError("merged_cells", cells=ref)


def skipped_messages(table: Table) -> list[str]:
	"""Where the header row was found and every row that was skipped, with the reason (German / English)."""
	messages = []
	if table.header_row > 1 or table.sheet_index:
		messages.append(
			bilingual("header_found", row=table.header_row, sheet=table.sheet or "CSV", sheets=table.sheets)
		)
	for number, reason, text in table.skipped:
		if reason != "skipped_empty":
			messages.append(bilingual(reason, row=number, text=shorten(text)))
	return messages


def shorten(text: str, limit: int = 60) -> str:
	return text if len(text) <= limit else f"{text[: limit - 1]}…"
