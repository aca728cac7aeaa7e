"""Follow-up ToDos written in the language of whoever saved the record (a demo load or an import runs in
English: "Integration follow-up (6 months) with …"): rewritten in the language of the person they are for."""

import re

import frappe

from mehrwert_quartier.qs_arbeit.doctype.placement.placement import checkpoint_text
from mehrwert_quartier.todos import user_language

CHECKPOINT = re.compile(r"^Integration follow-up \((\d+) months\) with (.+)$")
TEXTS = {
	"Consultation": re.compile(r"^Follow-up consultation with (.+)$"),
	"Participant": re.compile(r"^ESF follow-up six months after exit: (.+)$"),
}
SOURCES = {
	"Consultation": "Follow-up consultation with {0}",
	"Participant": "ESF follow-up six months after exit: {0}",
}


def execute():
	todos = frappe.get_all(
		"ToDo",
		filters={"reference_type": ("in", ["Placement", *TEXTS])},
		fields=["name", "reference_type", "allocated_to", "description"],
	)
	for todo in todos:
		text = frappe.utils.strip_html(todo.description or "").strip()
		if todo.reference_type == "Placement":
			match = CHECKPOINT.match(text)
			new = match and checkpoint_text(todo.allocated_to, int(match.group(1)), match.group(2))
		else:
			match = TEXTS[todo.reference_type].match(text)
			lang = user_language(todo.allocated_to)
			new = match and frappe._(SOURCES[todo.reference_type], lang).format(match.group(1))
		if new and new != text:
			frappe.db.set_value("ToDo", todo.name, "description", new, update_modified=False)
