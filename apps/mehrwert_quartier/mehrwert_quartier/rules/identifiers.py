"""A person's identifiers and how to find them in rows of a workbook or in free text. Plain Python.

Anonymisation collects the identifiers of a participant (and of the duplicates merged into it), removes the
rows of uploaded workbooks and error reports that belong to the person and blanks any other cell that still
names them; the same identifiers are searched in the logs the site keeps.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

# values of a participant that identify the person on their own (a cell holding one of them is theirs)
STRONG_FIELDS = ("full_name", "email", "phone", "jobcenter_customer_number", "address_line")
MIN_TERM = 4  # shorter values ("Li", "Ed") would match unrelated text


def normalise(value) -> str:
	return re.sub(r"\s+", " ", str(value)).strip().casefold() if value not in (None, "") else ""


@dataclass
class Person:
	"""The identifiers of one person: name pairs, strong values, dates of birth, record names."""

	names: set[tuple[str, str]] = field(default_factory=set)
	strong: set[str] = field(default_factory=set)
	births: set[date] = field(default_factory=set)
	record_names: set[str] = field(default_factory=set)

	def add(self, record: dict) -> None:
		"""Add a participant's values (a dict of its fields)."""
		first, last = normalise(record.get("first_name")), normalise(record.get("last_name"))
		if first and last:
			self.names.add((first, last))
			self.strong.update({f"{first} {last}", f"{last}, {first}", f"{last} {first}"})
		for fieldname in STRONG_FIELDS:
			value = normalise(record.get(fieldname))
			if len(value) >= MIN_TERM:
				self.strong.add(value)
		born = as_date(record.get("date_of_birth"))
		if born:
			self.births.add(born)
		if record.get("name"):
			self.record_names.add(normalise(record["name"]))

	def search_terms(self) -> list[str]:
		"""Strings to look for in free text and logs: strong values, names and dates of birth as written."""
		terms = set(self.strong)
		for first, last in self.names:
			terms.update(t for t in (first, last) if len(t) >= MIN_TERM)
		for born in self.births:
			terms.update({born.isoformat(), born.strftime("%d.%m.%Y")})
		return sorted(terms)

	def owns_row(self, cells: list) -> bool:
		"""A row is the person's when it names them (first and last name), holds a strong value, or names
		the participant record together with the date of birth or a name."""
		values = {normalise(c) for c in cells if not isinstance(c, (date, datetime)) and c not in (None, "")}
		dates = {as_date(c) for c in cells} - {None}
		if values & self.strong:
			return True
		if any(first in values and last in values for first, last in self.names):
			return True
		named = bool(values & self.record_names)
		return named and bool(dates & self.births or any(n in values for pair in self.names for n in pair))

	def mentions(self, text) -> bool:
		"""Whether free text contains one of the strong values or the date of birth."""
		value = normalise(text)
		if not value:
			return False
		return any(term in value for term in self.strong) or any(
			b.isoformat() in value or b.strftime("%d.%m.%Y") in value for b in self.births
		)


def as_date(value) -> date | None:
	if isinstance(value, datetime):
		return value.date()
	if isinstance(value, date):
		return value
	if isinstance(value, str):
		for parse in (date.fromisoformat, lambda v: datetime.strptime(v, "%d.%m.%Y").date()):
			try:
				return parse(value.strip()[:10])
			except ValueError:
				continue
	return None


def scrub_rows(rows: list[list], people: list[Person], header_rows: int = 1) -> tuple[list[list], int]:
	"""The rows without those of ``people``; other cells that still mention one of them are blanked.

	The first ``header_rows`` rows (column titles) stay as they are. Returns (rows, number removed)."""
	kept, removed = [list(r) for r in rows[:header_rows]], 0
	for row in rows[header_rows:]:
		if any(person.owns_row(row) for person in people):
			removed += 1
			continue
		kept.append([None if any(p.mentions(c) for p in people) else c for c in row])
	return kept, removed


def redact(text: str | None, people: list[Person], mask: str = "***") -> str | None:
	"""Free text with every search term of ``people`` replaced by ``mask`` (case-insensitive)."""
	if not text:
		return text
	for person in people:
		for term in sorted(person.search_terms(), key=len, reverse=True):
			text = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", mask, text, flags=re.IGNORECASE)
	return text
