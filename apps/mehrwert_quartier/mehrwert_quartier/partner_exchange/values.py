"""What partners write for the choices of Select and Check fields, German and English (plain Python).

``VALUE_SYNONYMS[doctype or "*"][fieldname][option]``: the texts that mean ``option``; ``YES_NO`` serves every
Select field whose options are *Yes / No / No answer*, ``CHECK`` every Check field. German school and
vocational qualifications become ISCED levels (``rules/isced.py``). A value none of these lists knows stays a
row error; the user may choose its option once in the mapping step, and the Import Profile remembers it.
Other apps add to these lists with the hook ``mq_import_value_synonyms`` (same shape).
"""

from mehrwert_quartier.partner_exchange.spec import FieldSpec, header_key

YES = ["ja", "j", "yes", "y", "x", "✓", "✔", "☑", "1", "wahr", "true", "zutreffend"]
NO = ["nein", "n", "no", "0", "-", "falsch", "false", "nicht zutreffend"]
CHECK = {1: YES, 0: NO}
YES_NO = {"Yes": YES, "No": NO, "No answer": ["keine Angabe", "k. A.", "k.A.", "ka", "n/a", "no answer"]}

GENERIC = {
	"gender": {
		"Male": ["m", "männlich", "maennlich", "Mann", "male", "Herr", "Hr.", "mr"],
		"Female": ["w", "weiblich", "Frau", "f", "female", "Fr.", "mrs", "ms"],
		"Non-binary": ["d", "divers", "x", "nichtbinär", "non-binary", "nonbinary", "nb", "diverse"],
	},
}

VALUE_SYNONYMS: dict[str, dict[str, dict[str, list[str]]]] = {
	"*": GENERIC,
	"Participant": {
		"labour_market_status": {
			"Unemployed": [
				"arbeitslos",
				"arbeitssuchend",
				"arbeitsuchend",
				"erwerbslos",
				"AL",
				"ALG II",
				"SGB II",
			],
			"Inactive": ["nicht erwerbstätig", "nichterwerbstätig", "inaktiv", "Nichterwerbsperson"],
			"Employed": ["beschäftigt", "erwerbstätig", "angestellt", "sv-pflichtig beschäftigt", "Minijob"],
			"Self-employed": ["selbstständig", "selbständig", "freiberuflich", "Solo-Selbstständig"],
		},
	},
	"Referral": {
		"status": {
			"Proposed": ["vorgeschlagen", "zugewiesen"],
			"Applied": ["beworben", "Bewerbung"],
			"Accepted": ["zugesagt", "angenommen", "aufgenommen"],
			"Started": ["begonnen", "läuft", "in Maßnahme", "eingetreten", "aktiv"],
			"Completed": ["abgeschlossen", "beendet", "erfolgreich beendet", "bestanden", "erfolgreich"],
			"Dropped": ["abgebrochen", "ausgeschieden", "vorzeitig beendet", "Abbruch"],
			"Rejected": ["abgelehnt", "nicht aufgenommen", "Absage"],
		},
	},
	"Event Registration": {
		"status": {
			"Attended": ["anwesend", "teilgenommen", "da", "ja", "x", "✓", "✔"],
			"No-show": ["nicht erschienen", "abwesend", "fehlt", "gefehlt", "nein", "unentschuldigt", "-"],
			"Registered": ["angemeldet"],
			"Cancelled": ["abgesagt", "storniert", "abgemeldet", "entschuldigt"],
			"Waitlisted": ["Warteliste", "Nachrücker"],
		},
	},
	"Commercial Unit": {
		"status": {
			"Vacant": ["leer", "frei", "Leerstand", "leerstehend", "verfügbar", "zu vermieten"],
			"Reserved": ["reserviert", "vorgemerkt"],
			"Let": ["vermietet", "belegt"],
			"Under Renovation": ["Sanierung", "in Sanierung", "Renovierung", "Umbau", "in Renovierung"],
		},
		"use_type": {
			"Retail": ["Laden", "Ladenfläche", "Ladenlokal", "Einzelhandel", "Geschäft", "Verkauf", "Handel"],
			"Gastronomy": ["Gastro", "Gastronomie", "Gaststätte", "Café", "Cafe", "Restaurant", "Imbiss"],
			"Office": ["Büro", "Praxis", "Büro/Praxis", "Dienstleistung"],
			"Workshop": ["Werkstatt", "Handwerk", "Atelier"],
			"Storage": ["Lager", "Lagerfläche", "Abstellfläche"],
			"Mixed Use": ["gemischt", "Mischnutzung", "Büro/Laden"],
		},
	},
}


def value_key(text: object) -> str:
	"""A value reduced for matching: as a header (case, spaces, umlauts), or the symbol itself (✓, -)."""
	raw = str(text if text is not None else "").strip()
	return header_key(raw) or raw.casefold()


def value_synonyms(doctype: str | None, spec: FieldSpec, extra: dict | None = None) -> dict[str, list[str]]:
	"""option -> texts that mean it, for a Select field (the DocType's own lists first)."""
	if spec.fieldtype == "Check":
		return {}
	if spec.fieldtype != "Select":
		return {}
	found: dict[str, list[str]] = {}
	if set(spec.options) >= {"Yes", "No"}:
		for option, texts in YES_NO.items():
			if option in spec.options:
				found[option] = list(texts)
	for source in (VALUE_SYNONYMS, extra or {}):
		for scope in (doctype or "", "*"):
			for option, texts in source.get(scope, {}).get(spec.fieldname, {}).items():
				if option in spec.options:
					found.setdefault(option, []).extend(t for t in texts if t not in found[option])
	return found


def with_chosen(spec: FieldSpec, chosen: dict[str, str]) -> FieldSpec:
	"""The field with the values the user (or a profile) chose: {value key: option}."""
	if not chosen:
		return spec
	from dataclasses import replace

	synonyms = {option: list(texts) for option, texts in spec.value_synonyms.items()}
	for key, option in chosen.items():
		if option in spec.options or (spec.fieldtype == "Check" and option in ("0", "1")):
			synonyms.setdefault(option, []).append(key)
	return replace(spec, value_synonyms=synonyms)


def option_of(value: object, spec: FieldSpec) -> str | None:
	"""The option a value means (value, German label, or a synonym), or None. ISCED levels also from German
	qualifications; a Check field's options are "1" and "0"."""
	lookup = spec.__dict__.get("_value_lookup")
	if lookup is None:
		lookup = {}
		for option, texts in spec.value_synonyms.items():
			lookup.update({value_key(t): option for t in texts})
		for option in spec.options:  # the value itself and its German label win over a synonym
			lookup[value_key(spec.options_de.get(option, option))] = option
			lookup[value_key(option)] = option
		spec.__dict__["_value_lookup"] = lookup
	key = value_key(value)
	if key in lookup:
		return lookup[key]
	if spec.fieldname == "isced_level":
		from mehrwert_quartier.rules.isced import isced_level

		level = isced_level(str(value))
		if level is not None and f"ISCED {level}" in spec.options:
			return f"ISCED {level}"
	return None


def check_synonyms(spec: FieldSpec) -> dict[str, list[str]]:
	"""Yes and no for a Check field, with the values chosen for it."""
	return {"1": YES + spec.value_synonyms.get("1", []), "0": NO + spec.value_synonyms.get("0", [])}
