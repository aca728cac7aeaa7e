"""From a read table to checked row values: types, required values, duplicates in the file (plain Python).

Checks that need the database (links, the DocType's own rules, existing records) follow in engine.py.
"""

from dataclasses import dataclass, field

from mehrwert_quartier.partner_exchange.headers import HeaderMatch
from mehrwert_quartier.partner_exchange.messages import ExchangeError, bilingual
from mehrwert_quartier.partner_exchange.normalise import is_blank, normalise
from mehrwert_quartier.partner_exchange.reader import Table


@dataclass
class Row:
	number: int  # row number in the file
	raw: list
	values: dict = field(default_factory=dict)  # fieldname -> stored value
	errors: list[tuple[int | None, str]] = field(default_factory=list)  # (column index or None, message)
	columns: dict[str, int] = field(default_factory=dict)  # fieldname -> column index

	def add_error(self, fieldname: str | None, message: str):
		self.errors.append((self.columns.get(fieldname) if fieldname else None, message))

	def key(self, natural_key: list[str]) -> tuple:
		return tuple(str(self.values.get(f) or "").casefold() for f in natural_key)


def check_rows(table: Table, match: HeaderMatch, natural_key: list[str]) -> list[Row]:
	rows = []
	first_seen: dict[tuple, int] = {}
	for number, raw in table.rows:
		row = Row(number=number, raw=raw, columns={s.fieldname: i for i, s in match.columns.items()})
		for index, spec in match.columns.items():
			value = raw[index] if index < len(raw) else None
			if is_blank(value):
				if spec.reqd:
					row.add_error(spec.fieldname, bilingual("required"))
				continue
			try:
				row.values[spec.fieldname] = normalise(value, spec)
			except ExchangeError as e:
				row.add_error(spec.fieldname, str(e))
		key = row.key(natural_key)
		if all(key) and not any(i == row.columns.get(f) for f in natural_key for i, _m in row.errors):
			if key in first_seen:
				row.add_error(natural_key[0], bilingual("duplicate_in_file", row=first_seen[key]))
			else:
				first_seen[key] = number
		rows.append(row)
	return rows


@dataclass
class Inspection:
	"""A file after the checks that need no database: ``errors`` stop the whole file."""

	table: Table | None = None
	match: HeaderMatch | None = None
	rows: list[Row] = field(default_factory=list)
	errors: list[str] = field(default_factory=list)
	warnings: list[str] = field(default_factory=list)


def inspect_file(filename: str, content: bytes, specs, natural_key: list[str], **limits) -> Inspection:
	from mehrwert_quartier.partner_exchange.headers import match_headers
	from mehrwert_quartier.partner_exchange.reader import read_table

	result = Inspection()
	try:
		result.table = read_table(filename, content, **limits)
	except ExchangeError as e:
		result.errors.append(str(e))
		return result
	result.match = match_headers(result.table.headers, specs)
	result.errors.extend(result.match.errors)
	result.warnings.extend(result.match.warnings)
	if not result.errors:
		result.rows = check_rows(result.table, result.match, natural_key)
	return result
