"""German postcodes and the postcode-to-programme-area map."""

import re
from collections.abc import Mapping

from mehrwert_quartier.rules import RuleError

_POSTCODE = re.compile(r"^(?:D-?\s*)?(\d{4,5})(?:\s+\S.*)?$", re.IGNORECASE)


def normalize_postcode(value: object) -> str:
	"""Return a five-digit German postcode as text.

	Accepts what spreadsheets and forms deliver: ``4315`` (a number that lost its leading zero),
	``4315.0``, ``"D-04315"``, ``"04315 Leipzig"``. Raises :class:`RuleError` for anything else.
	"""
	if value is None or (isinstance(value, str) and not value.strip()):
		raise RuleError("Postcode is empty")
	if isinstance(value, bool):
		raise RuleError("Postcode {value} is not a German postcode", value=value)
	if isinstance(value, int | float):
		if value != int(value) or not 1000 <= value <= 99999:
			raise RuleError("Postcode {value} is not a German postcode", value=value)
		return f"{int(value):05d}"
	text = str(value).strip()
	match = _POSTCODE.match(text)
	if not match:
		raise RuleError("Postcode {value} is not a German postcode", value=text)
	digits = match.group(1)
	if len(digits) == 4:
		digits = "0" + digits
	if digits.startswith("00"):
		raise RuleError("Postcode {value} is not a German postcode", value=text)
	return digits


def area_for_postcode(postcode: object, postcode_map: Mapping[str, str]) -> str | None:
	"""The programme area of a postcode, or None when the postcode lies outside the programme."""
	try:
		return postcode_map.get(normalize_postcode(postcode))
	except RuleError:
		return None
