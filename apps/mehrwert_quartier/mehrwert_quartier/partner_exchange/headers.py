"""Match a file's header row to the fields of a DocType (plain Python): the proposal of ``columns.py``, or the
choices of an Import Profile or the mapping step, checked for what stops a file."""

from dataclasses import dataclass, field

from mehrwert_quartier.partner_exchange.columns import HIGH, ColumnChoice, exact_duplicates, propose_columns
from mehrwert_quartier.partner_exchange.messages import MESSAGES, bilingual
from mehrwert_quartier.partner_exchange.spec import NAMING_COLUMNS, FieldSpec, header_key

# the error column of our own error report: a corrected report can be uploaded again
IGNORED = {header_key(MESSAGES["error_column"][0]), header_key(MESSAGES["error_column"][1])}


@dataclass
class HeaderMatch:
	columns: dict[int, FieldSpec] = field(default_factory=dict)  # column index -> field
	errors: list[str] = field(default_factory=list)  # the file cannot be imported
	warnings: list[str] = field(default_factory=list)
	refused: list[str] = field(default_factory=list)  # headers of fields that are never imported
	choices: list[ColumnChoice] = field(default_factory=list)  # every column with its field and confidence
	missing: list[str] = field(default_factory=list)  # fieldnames of required fields no column fills

	@property
	def certain(self) -> bool:
		"""Every required field found and every column's field proposed with a high confidence."""
		return not self.missing and all(c.confidence >= HIGH for c in self.choices if c.fieldname)


def header_score(specs: list[FieldSpec]):
	"""How well a row reads as the header row: the distinct fields its cells name by label, fieldname, alias
	or synonym (required ones count more)."""
	lookup = field_lookup(specs, with_synonyms=True)

	def score(values: list) -> float:
		values = [v for v in values if isinstance(v, str)]
		found = {lookup[k].fieldname: lookup[k] for k in map(header_key, values) if k in lookup}
		return sum(1.5 if s.reqd else 1.0 for s in found.values())

	return score


def field_lookup(specs: list[FieldSpec], with_synonyms: bool = False) -> dict[str, FieldSpec]:
	lookup: dict[str, FieldSpec] = {}
	for spec in specs:
		for text in (spec.fieldname, spec.label, spec.label_de, *spec.aliases):
			if text:
				lookup.setdefault(header_key(text), spec)
	if with_synonyms:
		for spec in specs:
			for text in spec.synonyms:
				lookup.setdefault(header_key(text), spec)
	return lookup


def match_headers(
	headers: list[str],
	specs: list[FieldSpec],
	refused: set[str] = frozenset(),
	chosen: dict[str, str] | None = None,
	provided: set[str] = frozenset(),
) -> HeaderMatch:
	"""Columns by label, fieldname, alias, synonym or similar spelling (``columns.py``); a trailing star is
	ignored. ``chosen``: header key -> fieldname from a profile or the user. ``provided``: fieldnames given
	once for the whole file (batch-wide values); a Link field is also found through its lookup columns
	(``participant__last_name`` names the participant).

	``refused``: header keys of the DocType's fields that are never imported (confidential notes, computed
	fields): such a column stops the file, since whoever reads the batch would read it (issue 11, leak 9)."""
	result = HeaderMatch()
	headers = ["" if header_key(h) in IGNORED else h for h in headers]
	for header in exact_duplicates(headers, specs):
		result.errors.append(bilingual("duplicate_header", header=header))
	by_name = {s.fieldname: s for s in specs}
	result.choices = propose_columns(headers, specs, refused, chosen)
	for choice in result.choices:
		if header_key(choice.header) in refused and choice.fieldname is None:
			result.errors.append(bilingual("refused_header", header=choice.header))
			result.refused.append(choice.header)
		elif choice.fieldname is None:
			result.warnings.append(bilingual("unknown_header", header=choice.header))
		else:
			result.columns[choice.index] = by_name[choice.fieldname]
	found = {s.fieldname for s in result.columns.values()} | set(provided)
	# a link is named by its lookup columns only where they name the record alone: a participant by surname
	# (an event's date alone names no event)
	found |= {f.split("__", 1)[0] for f in found if "__" in f and f.split("__", 1)[1] in NAMING_COLUMNS}
	for spec in specs:
		if spec.reqd and spec.fieldname not in found and "__" not in spec.fieldname:
			result.missing.append(spec.fieldname)
			result.errors.append(bilingual("missing_header", header=spec.label_de or spec.label))
	return result
