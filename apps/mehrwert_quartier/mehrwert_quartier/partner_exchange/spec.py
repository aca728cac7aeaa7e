"""What the exchange knows about one importable field (plain Python, built from DocType meta by registry.py)."""

import re
import unicodedata
from dataclasses import dataclass, field

NUMBER_TYPES = {"Float", "Currency", "Percent"}
TEXT_TYPES = {"Data", "Small Text", "Text", "Long Text", "Text Editor", "Read Only"}
IMPORTABLE_TYPES = NUMBER_TYPES | TEXT_TYPES | {"Int", "Date", "Datetime", "Check", "Select", "Link"}
IMPORTABLE_TYPES |= {"Dynamic Link", "Table MultiSelect"}
# lookup columns (``participant__last_name``) that name a linked record on their own
NAMING_COLUMNS = {"last_name"}


@dataclass
class FieldSpec:
	fieldname: str
	fieldtype: str
	label: str
	label_de: str = ""
	reqd: bool = False
	options: list[str] = field(default_factory=list)  # Select values
	options_de: dict[str, str] = field(default_factory=dict)  # Select value -> German label
	link: str | None = None  # Link target, or the Link target inside a Table MultiSelect row
	child_field: str | None = None  # the Link field inside a Table MultiSelect row
	dynamic_from: str | None = None  # Dynamic Link: the field that names the linked DocType
	data_kind: str | None = None  # Email, Phone, URL or Postcode
	length: int | None = None
	aliases: list[str] = field(default_factory=list)
	synonyms: list[str] = field(default_factory=list)  # headers partners use (synonyms.py)
	preferred: list[str] = field(default_factory=list)  # synonyms that win over another field's label
	value_synonyms: dict[str, list[str]] = field(default_factory=dict)  # option -> what partners write

	@property
	def header(self) -> str:
		"""The template's column header: German label, a star when required."""
		return f"{self.label_de or self.label}{' *' if self.reqd else ''}"


def header_key(text: object) -> str:
	"""Header text reduced for tolerant matching: case, spaces, punctuation, umlauts and accents ignored."""
	text = str(text or "").casefold()
	for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
		text = text.replace(umlaut, plain)
	text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
	return re.sub(r"[^a-z0-9]", "", text)
