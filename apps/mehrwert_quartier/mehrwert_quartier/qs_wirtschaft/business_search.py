"""Find a business by its name among leads, prospects and customers before knowing which of the three it is:
the Enterprise Support Case form's *Find Business* field (enterprise_support_case.js) sets the record type
and the business from the pick. Only records the user may read (``frappe.get_list``)."""

import frappe
from frappe import _

# DocType -> fields holding the business's name, the first one shown
NAME_FIELDS = {
	"Lead": ("company_name", "lead_name"),
	"Prospect": ("company_name",),
	"Customer": ("customer_name",),
}
MAX_RESULTS = 30
CASE = "Enterprise Support Case"


@frappe.whitelist(methods=["GET", "POST"])
def search_businesses(txt: str | None = None, limit: int = 20) -> list[dict]:
	"""For those who may create or edit support cases: leads, prospects and customers whose name contains ``txt``, by name; each with ``value``
	("Customer|CUST-00001", for the form), ``label`` (name and kind), ``doctype`` and ``name``."""
	if not any(frappe.has_permission(CASE, right) for right in ("create", "write")):
		frappe.throw(_("Not permitted to search businesses for support cases"), frappe.PermissionError)
	txt = (txt or "").strip()[:140]
	limit = min(max(int(limit or 20), 1), MAX_RESULTS)
	found = []
	for doctype, fields in NAME_FIELDS.items():
		if frappe.has_permission(doctype, "read"):
			found += _matches(doctype, fields, txt, limit)
	found.sort(key=lambda row: (row["title"].casefold(), row["doctype"]))
	return found[:limit]


def _matches(doctype: str, fields: tuple[str, ...], txt: str, limit: int) -> list[dict]:
	or_filters = [[doctype, field, "like", f"%{txt}%"] for field in fields] if txt else None
	rows = frappe.get_list(
		doctype,
		fields=["name", *fields],
		or_filters=or_filters,
		order_by=f"{fields[0]} asc",
		limit_page_length=limit,
	)
	kind = _(doctype)
	result = []
	for row in rows:
		title = next((row.get(f) for f in fields if row.get(f)), row.name)
		result.append(
			{
				"value": f"{doctype}|{row.name}",
				"label": f"{title} ({kind})",
				"title": title,
				"doctype": doctype,
				"name": row.name,
			}
		)
	return result
