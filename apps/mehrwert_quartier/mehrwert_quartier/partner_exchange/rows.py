"""From a read table to checked row values: types, required values, duplicates in the file (plain Python).

Checks that need the database (links, the DocType's own rules, existing records) follow in engine.py.
"""

from dataclasses import dataclass, field

from mehrwert_quartier.partner_exchange.headers import HeaderMatch
from mehrwert_quartier.partner_exchange.messages import ExchangeError, bilingual
from mehrwert_quartier.partner_exchange.normalise import is_blank, normalise
from mehrwert_quartier.partner_exchange.reader import Table


@dataclass(slots=True)
class Row:
	"""One data row. Its stored values are one tuple in the order of ``columns`` (a dict per row made a
	100,000-row workbook several times larger in memory); :attr:`values` gives them as a dict."""

	number: int  # row number in the file
	raw: list
	columns: dict[str, int]  # fieldname -> column index, one dict shared by all rows
	stored: tuple = ()  # normalised value per column of ``columns``, None where the cell is blank or bad
	errors: list[tuple[int | None, str]] = field(default_factory=list)  # (column index or None, message)

	@property
	def values(self) -> dict:
		"""fieldname -> stored value, for the cells that have one."""
		return {f: v for f, v in zip(self.columns, self.stored, strict=False) if v is not None}

	def add_error(self, fieldname: str | None, message: str):
		self.errors.append((self.columns.get(fieldname) if fieldname else None, message))

	def key(self, natural_key: list[str]) -> tuple:
		values = self.values
		return tuple(str(values.get(f) or "").casefold() for f in natural_key)


def check_rows(table: Table, match: HeaderMatch, natural_key: list[str]) -> list[Row]:
	rows = []
	first_seen: dict[int, list[int]] = {}  # hash of the natural key -> indexes of the first rows with it
	columns = {s.fieldname: i for i, s in match.columns.items()}
	key_columns = [columns.get(f) for f in natural_key]
	for number, raw in table.rows:
		row = Row(number=number, raw=raw, columns=columns)
		stored = []
		for index, spec in match.columns.items():
			value = raw[index] if index < len(raw) else None
			if is_blank(value):
				stored.append(None)
				if spec.reqd:
					row.add_error(spec.fieldname, bilingual("required"))
				continue
			try:
				stored.append(normalise(value, spec))
			except ExchangeError as e:
				stored.append(None)
				row.add_error(spec.fieldname, str(e))
		row.stored = tuple(stored)
		key = row.key(natural_key)
		if all(key) and not any(column in key_columns for column, _m in row.errors):
			seen = first_seen.setdefault(hash(key), [])
			first = next((i for i in seen if rows[i].key(natural_key) == key), None)
			if first is None:
				seen.append(len(rows))
			else:
				row.add_error(natural_key[0], bilingual("duplicate_in_file", row=rows[first].number))
		rows.append(row)
	return rows


def report_table(table: Table, rows: list[Row], columns: list[int]):
	"""Headers, rows and errors of the error report with the matched ``columns`` only: a column the import
	ignored is never echoed (issue 11, leak 9). Error column indexes follow the kept columns."""
	position = {c: i for i, c in enumerate(columns)}
	headers = [table.headers[c] for c in columns]
	values = [(n, [raw[c] if c < len(raw) else None for c in columns]) for n, raw in table.rows]
	errors = {
		row.number: [(position.get(c) if c is not None else None, m) for c, m in row.errors]
		for row in rows
		if row.errors
	}
	return headers, values, errors


@dataclass
class Inspection:
	"""A file after the checks that need no database: ``errors`` stop the whole file."""

	table: Table | None = None
	match: HeaderMatch | None = None
	rows: list[Row] = field(default_factory=list)
	errors: list[str] = field(default_factory=list)
	warnings: list[str] = field(default_factory=list)


def inspect_file(
	filename: str, content: bytes, specs, natural_key: list[str], refused=frozenset(), **limits
) -> Inspection:
	from mehrwert_quartier.partner_exchange.headers import header_score, match_headers
	from mehrwert_quartier.partner_exchange.layout import skipped_messages
	from mehrwert_quartier.partner_exchange.reader import read_table

	result = Inspection()
	try:
		result.table = read_table(filename, content, score=header_score(specs), **limits)
	except ExchangeError as e:
		result.errors.append(str(e))
		return result
	result.match = match_headers(result.table.headers, specs, refused)
	result.errors.extend(result.match.errors)
	result.warnings.extend(skipped_messages(result.table))
	result.warnings.extend(result.match.warnings)
	if not result.errors:
		result.rows = check_rows(result.table, result.match, natural_key)
	return result
