"""Match a file's header row to the fields of a DocType (plain Python)."""

from dataclasses import dataclass, field

from mehrwert_quartier.partner_exchange.messages import MESSAGES, bilingual
from mehrwert_quartier.partner_exchange.spec import FieldSpec, header_key

# the error column of our own error report: a corrected report can be uploaded again
IGNORED = {header_key(MESSAGES["error_column"][0]), header_key(MESSAGES["error_column"][1])}


@dataclass
class HeaderMatch:
	columns: dict[int, FieldSpec] = field(default_factory=dict)  # column index -> field
	errors: list[str] = field(default_factory=list)  # the file cannot be imported
	warnings: list[str] = field(default_factory=list)
	refused: list[str] = field(default_factory=list)  # headers of fields that are never imported


def header_score(specs: list[FieldSpec]):
	"""How well a row reads as the header row: the distinct fields its cells name (required ones count more)."""
	lookup = field_lookup(specs)

	def score(values: list) -> float:
		values = [v for v in values if isinstance(v, str)]
		found = {lookup[k].fieldname: lookup[k] for k in map(header_key, values) if k in lookup}
		return sum(1.5 if s.reqd else 1.0 for s in found.values())

	return score


def field_lookup(specs: list[FieldSpec]) -> dict[str, FieldSpec]:
	lookup: dict[str, FieldSpec] = {}
	for spec in specs:
		for text in (spec.fieldname, spec.label, spec.label_de, *spec.aliases):
			if text:
				lookup.setdefault(header_key(text), spec)
	return lookup


def match_headers(headers: list[str], specs: list[FieldSpec], refused: set[str] = frozenset()) -> HeaderMatch:
	"""Columns by German label, English label, fieldname or alias; a trailing required-star is ignored.

	``refused``: header keys of the DocType's fields that are never imported (confidential notes, computed
	fields): such a column stops the file, since whoever reads the batch would read it (issue 11, leak 9)."""
	lookup = field_lookup(specs)
	result = HeaderMatch()
	seen: dict[str, int] = {}
	for index, header in enumerate(headers):
		key = header_key(header)
		if not key or key in IGNORED:
			continue
		spec = lookup.get(key)
		if spec is None and key in refused:
			result.errors.append(bilingual("refused_header", header=header))
			result.refused.append(header)
		elif spec is None:
			result.warnings.append(bilingual("unknown_header", header=header))
		elif spec.fieldname in seen:
			result.errors.append(bilingual("duplicate_header", header=header))
		else:
			seen[spec.fieldname] = index
			result.columns[index] = spec
	for spec in specs:
		if spec.reqd and spec.fieldname not in seen:
			result.errors.append(bilingual("missing_header", header=spec.label_de or spec.label))
	return result
