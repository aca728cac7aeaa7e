"""Custom fields of QS Wirtschaft on ERPNext's CRM: Lead, Prospect, Customer and Opportunity.

Plain Python (no frappe import) so that the unit layer can check their German translations.
Registered through the hook ``mq_custom_fields``; the same fieldnames on all four DocTypes let
ERPNext's mappers (Lead -> Customer / Opportunity, Prospect -> Customer / Opportunity) carry them over,
and ``qs_wirtschaft.crm`` fills the rest (Lead -> Prospect, a new Opportunity from its party).
"""

MODULE = "QS Wirtschaft"
CRM_DOCTYPES = ("Lead", "Prospect", "Customer", "Opportunity")
# the field each DocType's block of fields is inserted after (the end of its first section)
ANCHORS = {"Lead": "request_type", "Prospect": "company", "Customer": "image", "Opportunity": "probability"}
RESTRICTED_FIELD = "mq_receives_social_transfers"
RESTRICTED_ROLES = ("Business Coach", "Project Lead")
# ERPNext already gives Sales User, Sales Manager and Desk User read access at permlevel 1 on Lead and
# Customer: the restricted flag uses permlevel 2, which only RESTRICTED_ROLES get (qs_wirtschaft.setup)
RESTRICTED_PERMLEVEL = 2

# German classification of economic activities WZ 2008, sections A-U
WZ_SECTIONS = [
	"A - Agriculture, forestry and fishing",
	"B - Mining and quarrying",
	"C - Manufacturing",
	"D - Electricity, gas, steam and air conditioning supply",
	"E - Water supply, sewerage, waste management",
	"F - Construction",
	"G - Wholesale and retail trade, repair of motor vehicles",
	"H - Transportation and storage",
	"I - Accommodation and food service activities",
	"J - Information and communication",
	"K - Financial and insurance activities",
	"L - Real estate activities",
	"M - Professional, scientific and technical activities",
	"N - Administrative and support service activities",
	"O - Public administration and defence, compulsory social security",
	"P - Education",
	"Q - Human health and social work activities",
	"R - Arts, entertainment and recreation",
	"S - Other service activities",
	"T - Activities of households as employers",
	"U - Activities of extraterritorial organisations and bodies",
]
BUSINESS_TYPES = [
	"Migrant Economy",
	"Solo Self-Employed",
	"Social Enterprise",
	"Creative",
	"Craft",
	"Retail",
	"Gastronomy",
	"Services",
	"Other",
]

FIELDS: list[dict] = [
	{"fieldname": "mq_section", "fieldtype": "Section Break", "label": "MehrWertQuartier", "collapsible": 0},
	{
		"fieldname": "mq_programme_area",
		"fieldtype": "Link",
		"label": "Programme Area",
		"options": "Programme Area",
		"in_standard_filter": 1,
	},
	{"fieldname": "mq_postcode", "fieldtype": "Data", "label": "Postcode", "length": 10},
	{
		"fieldname": "mq_sector",
		"fieldtype": "Select",
		"label": "Sector (WZ 2008)",
		"options": "\n" + "\n".join(WZ_SECTIONS),
	},
	{
		"fieldname": "mq_business_type",
		"fieldtype": "Select",
		"label": "Business Type",
		"options": "\n" + "\n".join(BUSINESS_TYPES),
		"in_standard_filter": 1,
	},
	{"fieldname": "mq_column_break", "fieldtype": "Column Break"},
	# text, not Int: an Int is NOT NULL DEFAULT 0 in Frappe and an unknown headcount would read back as 0
	# (a micro enterprise in EECO19); rules/headcount.py checks and normalises it
	{
		"fieldname": "mq_employees",
		"fieldtype": "Data",
		"label": "Employees",
		"non_negative": 0,
		"description": "Staff headcount, owners included; leave blank while unknown",
	},
	{"fieldname": "mq_founding_year", "fieldtype": "Int", "label": "Founding Year"},
	{
		"fieldname": "mq_languages",
		"fieldtype": "Data",
		"label": "Languages Spoken",
		"description": "Languages spoken in the business, comma-separated",
	},
	{
		"fieldname": "mq_lwb_tenant",
		"fieldtype": "Check",
		"label": "Tenant of the Municipal Housing Company (LWB)",
	},
	{
		"fieldname": RESTRICTED_FIELD,
		"fieldtype": "Check",
		"label": "Receives Social Transfers",
		"permlevel": RESTRICTED_PERMLEVEL,
		"description": "Restricted: visible only to business coaches and the project lead",
	},
]
# the fields that hold data (carried over from Lead to Prospect, Customer and Opportunity)
DATA_FIELDS = [f["fieldname"] for f in FIELDS if f["fieldtype"] not in ("Section Break", "Column Break")]


def get_custom_fields() -> dict[str, list[dict]]:
	"""The hook ``mq_custom_fields``: the same block of fields on the four CRM DocTypes."""
	result = {}
	for doctype in CRM_DOCTYPES:
		rows, previous = [], ANCHORS[doctype]
		for field in FIELDS:
			rows.append({**field, "insert_after": previous, "module": MODULE})
			previous = field["fieldname"]
		result[doctype] = rows
	return result
