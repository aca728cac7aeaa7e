"""One list of languages for participants, vacancies and training offers. Plain Python (no site needed).

Training offers store the English value of a Select (the desk shows its German translation); participants
and vacancies list the languages as text, written in German. Both are read through :func:`language_keys`,
so "Englisch", "English" and "englisch" are the same language when offers and vacancies are matched.
"""

# stored value (the Select option of Training Offer), German name: the German names are also the
# translations of the option values in translations/de.csv (checked by a unit test)
LANGUAGES: list[tuple[str, str]] = [
	("German", "Deutsch"),
	("English", "Englisch"),
	("Arabic", "Arabisch"),
	("Russian", "Russisch"),
	("Ukrainian", "Ukrainisch"),
	("Polish", "Polnisch"),
	("Turkish", "Türkisch"),
	("Persian", "Persisch"),
	("French", "Französisch"),
	("Vietnamese", "Vietnamesisch"),
	("Kurdish", "Kurdisch"),
	("Romanian", "Rumänisch"),
	("Bulgarian", "Bulgarisch"),
	("Spanish", "Spanisch"),
	("Other", "Sonstige"),
]
# other spellings seen in the data
ALIASES = {"farsi": "Persian", "dari": "Persian"}

_KEYS = {name.casefold(): value for value, german in LANGUAGES for name in (value, german)}
_KEYS.update(ALIASES)
GERMAN = dict(LANGUAGES)


def split(text: str | None) -> list[str]:
	return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]


def language_key(name: str | None) -> str:
	"""The stored value of a language named in English or German ("English"); an unknown one in lower case."""
	name = (name or "").strip().casefold()
	return _KEYS.get(name, name)


def language_keys(text: str | None) -> set[str]:
	"""The languages of a comma- or semicolon-separated text, as stored values ("English", "Arabic")."""
	return {language_key(part) for part in split(text)}


def german_name(key: str) -> str:
	return GERMAN.get(key, key)


def german_names(text: str | None) -> str:
	"""The text with each known language in its German name, each once, in the order written."""
	names: list[str] = []
	for part in split(text):
		key = language_key(part)
		name = GERMAN.get(key, part)  # an unknown language stays as written
		if name.casefold() not in {n.casefold() for n in names}:
			names.append(name)
	return ", ".join(names)
