"""The businesses' location on the map (issue 18): a Geolocation field on Lead, Prospect and Customer.

Plain Python (no frappe import) so that the unit layer can check their German translations. Registered
through the hook ``mq_custom_fields``, after the block of ``crm_fields`` (Opportunity has no location: a
deal is where its business is). The same fieldname on the three DocTypes lets ERPNext's mapper carry it
from Lead to Customer; ``qs_wirtschaft.crm`` fills it on a prospect made from a lead.
"""

from mehrwert_quartier.qs_wirtschaft.crm_fields import MODULE, RESTRICTED_FIELD

BUSINESS_DOCTYPES = ("Lead", "Prospect", "Customer")
LOCATION_FIELD = "mq_geolocation"

FIELDS: list[dict] = [
	{
		"fieldname": "mq_map_section",
		"fieldtype": "Section Break",
		"label": "Location on the Map",
		"collapsible": 0,
	},
	{
		"fieldname": LOCATION_FIELD,
		"fieldtype": "Geolocation",
		"label": "Map Position",
		"description": "Pin the business with one marker on the map: it appears in the map view of the list",
	},
]


def get_custom_fields() -> dict[str, list[dict]]:
	"""The hook ``mq_custom_fields``: the location block after the programme fields of each business."""
	result = {}
	for doctype in BUSINESS_DOCTYPES:
		rows, previous = [], RESTRICTED_FIELD
		for field in FIELDS:
			rows.append({**field, "insert_after": previous, "module": MODULE})
			previous = field["fieldname"]
		result[doctype] = rows
	return result
