"""From a read table to checked row values: types, required values, duplicates in the file (plain Python).

Checks that need the database (links, the DocType's own rules, existing records) follow in engine.py.
"""

from dataclasses import dataclass, field

MAX_UNKNOWN_VALUES = 50  # distinct unknown values per column shown in the mapping step

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
	# values the row does not hold in a column of its own: derived, given for the whole file, found by name
	extra: dict = field(default_factory=dict)

	@property
	def values(self) -> dict:
		"""fieldname -> stored value, for the cells that have one (virtual columns, with ``__``, left out)."""
		values = {
			f: v for f, v in zip(self.columns, self.stored, strict=False) if v is not None and "__" not in f
		}
		if self.extra:
			values.update(self.extra)
		return values

	@property
	def virtual(self) -> dict:
		"""The values of the virtual columns: lookups of a link by name, dates months are derived from."""
		return {f: v for f, v in zip(self.columns, self.stored, strict=False) if v is not None and "__" in f}

	def add_error(self, fieldname: str | None, message: str):
		self.errors.append((self.columns.get(fieldname) if fieldname else None, message))

	def key(self, natural_key: list[str]) -> tuple:
		"""The natural key as compared in the file; a link named by lookup columns (a participant by name and
		date of birth, a business by name and postcode) with those values."""
		values = self.values
		virtual = self.virtual if any("__" in f for f in self.columns) else {}
		parts = []
		for f in natural_key:
			text = str(values.get(f) or "")
			named = "|".join(str(virtual[k]) for k in sorted(virtual) if k.startswith(f"{f}__"))
			parts.append(f"{text}|{named}".casefold() if named else text.casefold())
		return tuple(parts)


def check_rows(
	table: Table,
	match: HeaderMatch,
	natural_key: list[str],
	provided: dict | None = None,
	unknown: dict | None = None,
) -> list[Row]:
	"""``provided``: values given once for the whole file (fieldname -> stored value); a row's own value wins.
	``unknown`` collects the distinct values of Select and Check columns no list knows (fieldname -> values)."""
	from mehrwert_quartier.partner_exchange.derive import derive

	provided = provided or {}
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
				if unknown is not None and e.code in ("bad_choice", "bad_check"):
					values = unknown.setdefault(spec.fieldname, [])
					if str(value) not in values and len(values) < MAX_UNKNOWN_VALUES:
						values.append(str(value))
		row.stored = tuple(stored)
		for fieldname, value in provided.items():
			if fieldname not in columns or stored[list(columns).index(fieldname)] is None:
				row.extra[fieldname] = value
		derive(row, provided)
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
class Mapping:
	"""What the user (or an Import Profile) decided for a file: header key -> fieldname (``""``: no field),
	fieldname -> {value key -> option}, and values for the whole file (fieldname -> value as written)."""

	columns: dict[str, str] = field(default_factory=dict)
	values: dict[str, dict[str, str]] = field(default_factory=dict)
	provided: dict[str, object] = field(default_factory=dict)

	@classmethod
	def from_dict(cls, data: dict | None) -> "Mapping":
		data = data or {}
		return cls(
			columns={str(k): str(v or "") for k, v in (data.get("columns") or {}).items()},
			values={
				str(f): {str(k): str(o) for k, o in (m or {}).items()}
				for f, m in (data.get("values") or {}).items()
			},
			provided={str(k): v for k, v in (data.get("provided") or {}).items() if v not in (None, "")},
		)

	def as_dict(self) -> dict:
		return {"columns": self.columns, "values": self.values, "provided": self.provided}


@dataclass
class Inspection:
	"""A file after the checks that need no database: ``errors`` stop the whole file."""

	table: Table | None = None
	match: HeaderMatch | None = None
	rows: list[Row] = field(default_factory=list)
	errors: list[str] = field(default_factory=list)
	warnings: list[str] = field(default_factory=list)
	unknown_values: dict[str, list[str]] = field(default_factory=dict)  # fieldname -> values no list knows
	provided: dict = field(default_factory=dict)  # fieldname -> stored value for the whole file
	field_specs: dict = field(default_factory=dict)  # fieldname -> FieldSpec, every field of the DocType

	def used_specs(self) -> dict:
		"""The real fields the rows may set: their columns, the values for the whole file, the links named
		by lookup columns and the fields derived from a column."""
		used = {s.fieldname for s in self.match.columns.values()} | set(self.provided)
		used |= {f.split("__", 1)[0] for f in used if "__" in f}
		if "attended_hours" in used:
			used.add("status")
		if "unemployment_months__since" in used:
			used.add("labour_market_status")
		return {f: self.field_specs[f] for f in used if "__" not in f and f in self.field_specs}


def inspect_file(
	filename: str,
	content: bytes,
	specs,
	natural_key: list[str],
	refused=frozenset(),
	mapping: Mapping | None = None,
	**limits,
) -> Inspection:
	from mehrwert_quartier.partner_exchange.headers import header_score, match_headers
	from mehrwert_quartier.partner_exchange.layout import skipped_messages
	from mehrwert_quartier.partner_exchange.reader import read_table
	from mehrwert_quartier.partner_exchange.values import with_chosen

	mapping = mapping or Mapping()
	specs = [with_chosen(s, mapping.values.get(s.fieldname) or {}) for s in specs]
	result = Inspection(field_specs={s.fieldname: s for s in specs})
	try:
		result.table = read_table(filename, content, score=header_score(specs), **limits)
	except ExchangeError as e:
		result.errors.append(str(e))
		return result
	result.provided = provided_values(mapping.provided, specs, result.errors)
	result.match = match_headers(result.table.headers, specs, refused, mapping.columns, set(result.provided))
	result.errors.extend(result.match.errors)
	result.warnings.extend(skipped_messages(result.table))
	result.warnings.extend(result.match.warnings)
	if not result.errors:
		result.rows = check_rows(
			result.table, result.match, natural_key, result.provided, result.unknown_values
		)
	return result


def provided_values(given: dict, specs, errors: list[str]) -> dict:
	"""The values given for the whole file, normalised as a cell of their field; a bad one stops the file."""
	by_name = {s.fieldname: s for s in specs}
	values = {}
	for fieldname, value in given.items():
		spec = by_name.get(fieldname)
		if spec is None or is_blank(value):
			continue
		try:
			values[fieldname] = normalise(value, spec)
		except ExchangeError as e:
			errors.append(f"{spec.label_de or spec.label}: {e}")
	return values
