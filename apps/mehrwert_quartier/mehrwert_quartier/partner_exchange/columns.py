"""Propose which field each column of a partner's file fills, with a confidence (plain Python).

In order of confidence: the field's German or English label, its fieldname or an alias of its registration
(1.0); a synonym the app ships (``synonyms.py``, 0.95); a header that begins or ends with one of those names
(0.8); a similar spelling (rapidfuzz, at most 0.9). A column is matched to one field and a field to one
column, the most certain pairs first. A choice saved in an Import Profile or made in the mapping step wins
over every proposal. Proposals below :data:`HIGH` are shown to the user before the dry run.
"""

from dataclasses import asdict, dataclass

from rapidfuzz import fuzz, process

from mehrwert_quartier.partner_exchange.spec import FieldSpec, header_key

HIGH = 0.85  # at or above: taken without asking
FUZZY_CUTOFF = 85  # rapidfuzz ratio (0-100) below which a spelling is not similar
PARTIAL = 0.8
IGNORE = ""  # a chosen mapping of a column to nothing


@dataclass
class ColumnChoice:
	index: int
	header: str
	fieldname: str | None = None
	confidence: float = 0.0
	how: str = ""  # label, synonym, partial, fuzzy, chosen

	def as_dict(self) -> dict:
		return asdict(self)


def field_names(spec: FieldSpec) -> list[tuple[str, float, str]]:
	"""(header key, confidence, how) of every name a field goes by."""
	names = [
		(header_key(t), 1.0, "label") for t in (spec.fieldname, spec.label, spec.label_de, *spec.aliases)
	]
	names += [(header_key(t), 0.95, "synonym") for t in spec.synonyms]
	names += [(header_key(t), 1.01, "synonym") for t in spec.preferred]
	return [n for n in names if n[0]]


def candidates(key: str, specs: list[FieldSpec], names: dict) -> list[tuple[float, str, str]]:
	"""(confidence, fieldname, how) of the fields a header key may name, best first."""
	found: dict[str, tuple[float, str, str]] = {}

	def offer(confidence: float, fieldname: str, how: str):
		if confidence > found.get(fieldname, (0,))[0]:
			found[fieldname] = (confidence, fieldname, how)

	for spec in specs:
		for name, confidence, how in names[spec.fieldname]:
			if name == key:
				offer(confidence, spec.fieldname, how)
			elif (
				len(name) >= 4 and (key.startswith(name) or key.endswith(name)) and len(name) * 2 >= len(key)
			):
				offer(PARTIAL, spec.fieldname, "partial")
	if not found or max(found.values())[0] < HIGH:
		every = [(name, spec.fieldname) for spec in specs for name, _c, _h in names[spec.fieldname]]
		for _name, ratio, position in process.extract(
			key, [n for n, _f in every], scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=5
		):
			offer(round(0.9 * ratio / 100, 2), every[position][1], "fuzzy")
	return sorted(found.values(), reverse=True)


def propose_columns(
	headers: list[str],
	specs: list[FieldSpec],
	refused: set[str] = frozenset(),
	chosen: dict[str, str] | None = None,
) -> list[ColumnChoice]:
	"""One :class:`ColumnChoice` per non-empty header. ``chosen``: header key -> fieldname (or ``""`` for no
	field) from a profile or the user; ``refused``: header keys of fields that are never imported."""
	chosen = chosen or {}
	known = {s.fieldname for s in specs}
	names = {s.fieldname: field_names(s) for s in specs}
	choices, pairs, taken = [], [], set()
	for index, header in enumerate(headers):
		key = header_key(header)
		if not key:
			continue
		choice = ColumnChoice(index, header)
		choices.append(choice)
		if key in refused:
			continue
		if key in chosen and (chosen[key] in known or chosen[key] == IGNORE):
			choice.fieldname, choice.confidence, choice.how = chosen[key] or None, 1.0, "chosen"
			taken.add(chosen[key])
			continue
		pairs += [(c, -index, f, how, choice) for c, f, how in candidates(key, specs, names)]
	# a preferred synonym only where no column names its field by the field's own label (our template)
	labelled = {f for c, _o, f, how, _choice in pairs if how == "label"}
	pairs = [p for p in pairs if p[0] <= 1.0 or p[2] not in labelled]
	used_columns = {id(c) for c in choices if c.how == "chosen"}
	for confidence, _order, fieldname, how, choice in sorted(pairs, key=lambda p: (p[0], p[1]), reverse=True):
		if fieldname in taken or id(choice) in used_columns:
			continue
		choice.fieldname, choice.confidence, choice.how = fieldname, min(confidence, 1.0), how
		taken.add(fieldname)
		used_columns.add(id(choice))
	return choices


def exact_duplicates(headers: list[str], specs: list[FieldSpec]) -> list[str]:
	"""Headers that name, by label, fieldname or alias, a field an earlier column already names."""
	exact = {n: s.fieldname for s in specs for n, c, _h in field_names(s) if c == 1.0}
	seen, duplicates = set(), []
	for header in headers:
		fieldname = exact.get(header_key(header))
		if fieldname in seen:
			duplicates.append(header)
		elif fieldname:
			seen.add(fieldname)
	return duplicates


PLAUSIBLE = 60  # rapidfuzz ratio from which an unmatched column may be meant for a missing field


def plausible(header: str, spec: FieldSpec) -> bool:
	"""Whether an unmatched column may be meant for a field (offered in the mapping step, not taken)."""
	key = header_key(header)
	return any(fuzz.ratio(key, name) >= PLAUSIBLE for name, _c, _h in field_names(spec))
