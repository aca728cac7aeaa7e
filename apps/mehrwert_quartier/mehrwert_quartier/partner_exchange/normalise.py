"""Turn a cell into the value a field stores: German dates, Excel serials, decimal commas, postcodes as text,
phone numbers, e-mail addresses, Select choices by value or German label (plain Python).

:func:`normalise` returns the value or raises :class:`ExchangeError` with a bilingual message.
"""

import datetime
import re

from mehrwert_quartier.partner_exchange.messages import ExchangeError
from mehrwert_quartier.partner_exchange.reader import Formula
from mehrwert_quartier.partner_exchange.spec import NUMBER_TYPES, FieldSpec
from mehrwert_quartier.partner_exchange.values import check_synonyms, option_of, value_key
from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.postcode import normalize_postcode

EXCEL_EPOCH = datetime.date(1899, 12, 30)
DATE_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%d.%m.%Y %H:%M")
DATETIME_FORMATS = (
	"%d.%m.%Y %H:%M",
	"%d.%m.%Y %H:%M:%S",
	"%Y-%m-%d %H:%M:%S",
	"%Y-%m-%d %H:%M",
	"%d.%m.%Y",
	"%Y-%m-%d",
)
YES = {"1", "ja", "j", "yes", "y", "x", "wahr", "true", "✓", "✔", "☑"}
NO = {"0", "nein", "n", "no", "falsch", "false", "-"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9 ()/\-]+$")


def is_blank(value: object) -> bool:
	return value is None or (isinstance(value, str) and not value.strip())


def normalise(value: object, spec: FieldSpec):
	"""The stored value of a non-blank cell (blank cells are handled by the caller)."""
	if isinstance(value, Formula):
		raise ExchangeError("formula")
	kind = spec.fieldtype
	if kind == "Date" and spec.data_kind == "Since":
		from mehrwert_quartier.partner_exchange.derive import to_since

		return to_since(value)
	if kind == "Date":
		return to_date(value)
	if kind == "Datetime":
		return to_datetime(value)
	if kind in NUMBER_TYPES:
		return to_number(value)
	if kind == "Int":
		number = to_number(value)
		if number != int(number):
			raise ExchangeError("bad_integer", value=value)
		return int(number)
	if kind == "Check":
		return to_check(value, spec)
	if kind == "Select":
		return to_choice(value, spec)
	if kind == "Table MultiSelect":
		return sorted({part.strip() for part in re.split(r"[,;]", as_text(value)) if part.strip()})
	text = as_text(value)
	if spec.data_kind == "Postcode":
		try:
			return normalize_postcode(value)
		except RuleError as e:
			raise ExchangeError("bad_postcode", value=text) from e
	if spec.data_kind == "Email":
		return to_email(text)
	if spec.data_kind == "Phone":
		return to_phone(value)
	if spec.length and len(text) > spec.length:
		raise ExchangeError("too_long", limit=spec.length)
	return text


def as_text(value: object) -> str:
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	if isinstance(value, datetime.datetime | datetime.date):
		return to_date(value)
	return str(value).strip()


MONTHS = {
	**dict.fromkeys(("januar", "jan", "jänner", "january"), 1),
	**dict.fromkeys(("februar", "feb", "february"), 2),
	**dict.fromkeys(("märz", "maerz", "mär", "mrz", "march", "mar"), 3),
	**dict.fromkeys(("april", "apr"), 4),
	**dict.fromkeys(("mai", "may"), 5),
	**dict.fromkeys(("juni", "jun", "june"), 6),
	**dict.fromkeys(("juli", "jul", "july"), 7),
	**dict.fromkeys(("august", "aug"), 8),
	**dict.fromkeys(("september", "sep", "sept"), 9),
	**dict.fromkeys(("oktober", "okt", "october", "oct"), 10),
	**dict.fromkeys(("november", "nov"), 11),
	**dict.fromkeys(("dezember", "dez", "december", "dec"), 12),
}
SINCE = re.compile(r"^(?:seit|ab|since|from)\s+", re.IGNORECASE)
NAMED_DATE = re.compile(r"^(\d{1,2})\.?\s*([a-zäöü]+)\.?\s+(\d{4})$", re.IGNORECASE)


def to_date(value: object) -> str:
	"""ISO date from a date cell, an Excel serial number or dd.mm.yyyy, dd.mm.yy, yyyy-mm-dd, dd/mm/yyyy,
	``15. März 2026``; a leading *seit* / *ab* is dropped."""
	if isinstance(value, datetime.datetime):
		return value.date().isoformat()
	if isinstance(value, datetime.date):
		return value.isoformat()
	text = SINCE.sub("", str(value).strip())
	named = NAMED_DATE.match(text)
	if named and named.group(2).casefold() in MONTHS:
		try:
			day, month, year = int(named.group(1)), MONTHS[named.group(2).casefold()], int(named.group(3))
			return datetime.date(year, month, day).isoformat()
		except ValueError as e:
			raise ExchangeError("bad_date", value=value) from e
	if (isinstance(value, int | float) and not isinstance(value, bool)) or re.fullmatch(
		r"\d{1,5}(\.0)?", text
	):
		serial = float(text)
		if 1900 <= serial <= 2100 and not isinstance(value, int | float):
			raise ExchangeError("bad_date", value=text)  # a year written as text, not a day
		if 1 <= serial <= 2958465:
			return (EXCEL_EPOCH + datetime.timedelta(days=int(serial))).isoformat()
	for fmt in DATE_FORMATS:
		try:
			return datetime.datetime.strptime(text, fmt).date().isoformat()
		except ValueError:
			continue
	raise ExchangeError("bad_date", value=text)


def to_datetime(value: object) -> str:
	"""``yyyy-mm-dd hh:mm:ss`` from a date-time cell, an Excel serial with a fraction, ``dd.mm.yyyy hh:mm``
	(seconds optional), ISO; a date alone is midnight."""
	if isinstance(value, datetime.datetime):
		return value.replace(microsecond=0).isoformat(sep=" ")
	if isinstance(value, datetime.date):
		return f"{value.isoformat()} 00:00:00"
	if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 2958465:
		moment = datetime.datetime.combine(EXCEL_EPOCH, datetime.time()) + datetime.timedelta(days=value)
		return (moment + datetime.timedelta(seconds=0.5)).replace(microsecond=0).isoformat(sep=" ")
	text = str(value).strip().replace("T", " ")
	for fmt in DATETIME_FORMATS:
		try:
			return datetime.datetime.strptime(text, fmt).isoformat(sep=" ")
		except ValueError:
			continue
	raise ExchangeError("bad_datetime", value=text)


def to_number(value: object) -> float:
	"""A number from a number cell or text with a decimal comma (``1.234,5``) or point (``1234.5``)."""
	if isinstance(value, bool):
		raise ExchangeError("bad_number", value=value)
	if isinstance(value, int | float):
		return value
	text = re.sub(r"[\s€%\u00a0]", "", str(value))
	if "," in text and "." in text:
		text = (
			text.replace(".", "").replace(",", ".")
			if text.rfind(",") > text.rfind(".")
			else text.replace(",", "")
		)
	elif "," in text:
		text = text.replace(",", ".")
	elif re.fullmatch(r"-?\d{1,3}(\.\d{3}){2,}", text):
		text = text.replace(".", "")
	try:
		return float(text)
	except ValueError as e:
		raise ExchangeError("bad_number", value=value) from e


def to_check(value: object, spec: FieldSpec | None = None) -> int:
	if isinstance(value, bool):
		return int(value)
	text = as_text(value).casefold()
	if text in YES:
		return 1
	if text in NO:
		return 0
	if spec is not None:
		key = value_key(text)
		for option, texts in check_synonyms(spec).items():
			if key in {value_key(t) for t in texts}:
				return int(option)
	raise ExchangeError("bad_check", value=value)


def to_choice(value: object, spec: FieldSpec) -> str:
	option = option_of(as_text(value), spec)
	if option is not None:
		return option
	choices = ", ".join(spec.options_de.get(o, o) for o in spec.options)
	raise ExchangeError("bad_choice", value=value, choices=choices)


def to_email(text: str) -> str:
	email = text.strip().lower()
	if email.startswith("mailto:"):
		email = email[len("mailto:") :]
	if not EMAIL.match(email):
		raise ExchangeError("bad_email", value=text)
	return email


def to_phone(value: object) -> str:
	"""Spaces tidied; a number cell lost its leading zero to Excel, so it gets it back."""
	if isinstance(value, int | float) and not isinstance(value, bool):
		return "0" + as_text(value)
	text = re.sub(r"\s+", " ", str(value).strip())
	if not PHONE.match(text) or len(re.sub(r"\D", "", text)) < 5:
		raise ExchangeError("bad_phone", value=text)
	return text
