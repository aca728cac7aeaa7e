app_name = "mehrwert_quartier"
app_title = "MehrWertQuartier"
app_publisher = "MehrWertQuartier developers"
app_description = "Neighbourhood employment and local economy programme (MehrWertQuartier Leipzig)"
app_email = "dev@mehrwert.example"
app_license = "gpl-3.0"
# "org/repo" form: the same app as "erpnext", resolved without asking GitHub (offline benches)
required_apps = ["frappe/erpnext"]

export_python_type_annotations = True

# Apps screen
add_to_apps_screen = [
	{
		"name": "mehrwert_quartier",
		"logo": "/assets/mehrwert_quartier/images/logo.svg",
		"title": "MehrWertQuartier",
		"route": "/app/mehrwertquartier",
		"has_permission": "mehrwert_quartier.desk.has_app_permission",
	}
]

# Installation: roles, reference data and custom fields are created idempotently and removed on uninstall
after_install = "mehrwert_quartier.setup.install.after_install"
after_migrate = "mehrwert_quartier.setup.install.after_migrate"
before_uninstall = "mehrwert_quartier.setup.install.before_uninstall"

# Tests: complete the ERPNext setup (company, fiscal year, EUR, Germany) on the test site
before_tests = "mehrwert_quartier.setup.erpnext_setup.before_tests"

# Demo data: generators run in this order by `mehrwert_quartier.demo.load`; later DocTypes add theirs here
mq_demo_generators = [
	"mehrwert_quartier.demo.programme.make_users",
	"mehrwert_quartier.demo.programme.make_partner_organisations",
	"mehrwert_quartier.demo.qs_wirtschaft.make_businesses",
	"mehrwert_quartier.demo.qs_wirtschaft.make_commercial_units",
	"mehrwert_quartier.demo.qs_wirtschaft.make_business_relations",
	"mehrwert_quartier.demo.qs_wirtschaft.make_settlement_requests",
	"mehrwert_quartier.demo.qs_arbeit.make_participants",
	"mehrwert_quartier.demo.portfolio.make_portfolio",
	"mehrwert_quartier.demo.portfolio.make_referrals",
	"mehrwert_quartier.demo.events.make_events",
	"mehrwert_quartier.demo.placements.make_vacancies_and_placements",
]

# Fixtures: always filtered by name
fixtures = []

# Custom fields on other apps' DocTypes: functions returning {doctype: [fields]} (see setup/custom_fields.py)
mq_custom_fields = [
	"mehrwert_quartier.qs_wirtschaft.crm_fields.get_custom_fields",
	"mehrwert_quartier.qs_wirtschaft.map_fields.get_custom_fields",
]

# QS Wirtschaft: carry the programme fields along ERPNext's CRM conversions; the headcount of a business is a
# whole number or blank (unknown); restricted support cases
_HEADCOUNT = "mehrwert_quartier.qs_wirtschaft.crm.validate_business"
doc_events = {
	"Lead": {"validate": _HEADCOUNT},
	"Prospect": {
		"before_save": "mehrwert_quartier.qs_wirtschaft.crm.prospect_before_save",
		"validate": _HEADCOUNT,
	},
	"Customer": {
		"before_insert": "mehrwert_quartier.qs_wirtschaft.crm.customer_before_insert",
		"validate": _HEADCOUNT,
	},
	"Opportunity": {
		"before_save": "mehrwert_quartier.qs_wirtschaft.crm.opportunity_before_save",
		"validate": _HEADCOUNT,
	},
}
permission_query_conditions = {
	"Enterprise Support Case": "mehrwert_quartier.qs_wirtschaft.permissions.case_query_conditions",
	"Import Batch": "mehrwert_quartier.partner_exchange.partners.batch_query_conditions",
}
has_permission = {
	"Enterprise Support Case": "mehrwert_quartier.qs_wirtschaft.permissions.case_has_permission",
	"Import Batch": "mehrwert_quartier.partner_exchange.partners.batch_has_permission",
}

# Partner exchange: DocTypes importable from partner workbooks, each with its natural key (upsert key);
# "partner_import": True lets Programme Partners import it through the portal (partner_exchange/partners.py);
# "bulk_insert": True writes new records in bulk (partner_exchange/bulk.py): only for DocTypes whose rules for
# a new record never read other records of the same DocType (capacities, counters, duplicates by query)
mq_importable_doctypes = {
	"Partner Organisation": {"natural_key": ["organisation_name"], "bulk_insert": True},
	"Postcode Area": {"natural_key": ["postcode"], "bulk_insert": True},
	"Participant": {"natural_key": ["last_name", "first_name", "date_of_birth"], "bulk_insert": True},
	"Training Provider": {"natural_key": ["provider_name"], "bulk_insert": True},
	"Training Offer": {
		"natural_key": ["offer_title", "provider"],
		"partner_import": True,
		"bulk_insert": True,
	},
	# outcomes of referrals and attendance lists come back from providers and trainers as spreadsheets;
	# registrations count against the event's capacity: record by record
	"Referral": {"natural_key": ["participant", "offer"], "partner_import": True},
	"Event Registration": {"natural_key": ["event", "participant"], "partner_import": True},
	"Programme Area": {"natural_key": ["area_name"], "bulk_insert": True},
	"Programme Event": {"natural_key": ["event_title", "starts_on"]},
	"Consent": {"natural_key": ["participant", "purpose", "given_on"]},
	"Consultation": {"natural_key": ["participant", "consultation_date", "consultation_type"]},
	"Coaching Plan": {"natural_key": ["participant", "start_date"]},
	"Job Vacancy": {"natural_key": ["vacancy_title", "employer_type", "employer"]},
	"Placement": {"natural_key": ["participant", "placement_type", "start_date"]},
	# vacant commercial units come from the housing company's lists
	"Commercial Unit": {
		"natural_key": ["unit_title", "address_line"],
		"derived": ["programme_area"],
		"bulk_insert": True,
	},
	"Cross-selling Rule": {"natural_key": ["sector_a", "sector_b"], "bulk_insert": True},
	"Enterprise Support Case": {"natural_key": ["business_doctype", "business", "case_type"]},
	"Settlement Request": {"natural_key": ["business_doctype", "business", "use_type"]},
	"Business Relation": {
		"natural_key": [
			"business_a_doctype",
			"business_a",
			"business_b_doctype",
			"business_b",
			"relation_type",
		]
	},
}

# QS Arbeit: the offer finder on the participant form
doctype_js = {
	"Participant": [
		"public/js/participant_duplicates.js",
		"public/js/participant_offers.js",
		"public/js/participant_vacancies.js",
	],
	# QS Wirtschaft: cross-selling suggestions on the businesses
	"Lead": ["public/js/business_cross_selling.js"],
	"Prospect": ["public/js/business_cross_selling.js"],
	"Customer": ["public/js/business_cross_selling.js"],
}

# Shared desk helpers (ranked matches with explained scores)
app_include_js = "mehrwert_quartier.bundle.js"

scheduler_events = {
	"daily": [
		"mehrwert_quartier.qs_arbeit.doctype.training_offer.training_offer.flag_offers_due_for_review",
	],
	# import jobs lost with a restarted job queue are reported on their batch (docs/production.md: Faults)
	"cron": {"*/5 * * * *": ["mehrwert_quartier.partner_exchange.lost_jobs.report_lost_jobs"]},
}

# Security (issue 11, docs/security.md). On Frappe's generic routes: filters, grouping and sorting need read on
# the field; child rows only where the parent is visible; history without unreadable fields. App side: files
# point only at readable files, partners see their own organisation only, @-mentions only for desk users, the
# desk's Excel exports through the safe writer.
before_request = ["mehrwert_quartier.security.install"]
before_job = ["mehrwert_quartier.security.install"]
before_tests = [before_tests, "mehrwert_quartier.security.install"]
permission_query_conditions["*"] = "mehrwert_quartier.security.child_rows.child_row_conditions"
permission_query_conditions["Partner Organisation"] = (
	"mehrwert_quartier.partner_exchange.partners.organisation_query_conditions"
)
has_permission["Version"] = "mehrwert_quartier.security.versions.version_has_permission"
has_permission["Partner Organisation"] = (
	"mehrwert_quartier.partner_exchange.partners.organisation_has_permission"
)
override_doctype_class = {
	"File": "mehrwert_quartier.security.files.GuardedFile",
	"Version": "mehrwert_quartier.security.versions.RedactedVersion",
}
override_whitelisted_methods = {
	"frappe.desk.listview.get_group_by_count": "mehrwert_quartier.security.routes.get_group_by_count",
	"frappe.desk.form.load.getdoc": "mehrwert_quartier.security.routes.getdoc",
	"frappe.desk.form.load.get_docinfo": "mehrwert_quartier.security.routes.get_docinfo",
	"frappe.desk.form.save.savedocs": "mehrwert_quartier.security.routes.savedocs",
	"frappe.desk.form.save.cancel": "mehrwert_quartier.security.routes.cancel",
	"frappe.client.get": "mehrwert_quartier.security.client_routes.get",
	"frappe.client.get_single_value": "mehrwert_quartier.security.client_routes.get_single_value",
	"frappe.client.validate_link": "mehrwert_quartier.security.client_routes.validate_link",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": (
		"mehrwert_quartier.security.client_routes.dashboard_chart_get"
	),
	"frappe.desk.search.get_names_for_mentions": "mehrwert_quartier.security.mentions.get_names_for_mentions",
	"frappe.desk.reportview.export_query": "mehrwert_quartier.security.export.export_query",
	"frappe.desk.query_report.export_query": "mehrwert_quartier.security.export.export_report",
	"frappe.utils.global_search.search": "mehrwert_quartier.security.routes.search",
}

# Desk fixes (issue 15): partners (portal users) land on the partner portal; consultations in a calendar
# (qs_arbeit/doctype/consultation/consultation_calendar.js); the confirmation before discontinuing a
# coaching plan sits in its form script
role_home_page = {"Programme Partner": "partner"}
# the search bar finds participants (setup/global_search.py adds them to Global Search Settings)
global_search_doctypes = {"Default": [{"doctype": "Participant"}]}

# Data protection (issue 14, docs/data-protection.md): retention clock and the daily anonymisation job (runs only
# once the Data Protection Officer switched it on in Programme Settings)
scheduler_events.setdefault("daily", []).append("mehrwert_quartier.data_protection.jobs.daily")
# a participant restricted by a data subject request (Art. 18), with its linked records, only for the DPO
permission_query_conditions.update(
	{"Participant": "mehrwert_quartier.data_protection.restriction.participant_query_conditions"}
	| {
		doctype: "mehrwert_quartier.data_protection.restriction.linked_query_conditions"
		for doctype in (
			"Consultation",
			"Consent",
			"Coaching Plan",
			"Referral",
			"Placement",
			"Event Registration",
		)
	}
)
has_permission.update(
	{"Participant": "mehrwert_quartier.data_protection.restriction.participant_has_permission"}
	| {
		doctype: "mehrwert_quartier.data_protection.restriction.linked_has_permission"
		for doctype in (
			"Consultation",
			"Consent",
			"Coaching Plan",
			"Referral",
			"Placement",
			"Event Registration",
		)
	}
)
scheduler_events["daily"].append("mehrwert_quartier.data_protection.consents.daily")
doctype_js["Participant"].append("public/js/participant_data_protection.js")
mq_demo_generators.append("mehrwert_quartier.demo.data_protection.make_data_protection")

# Partner files as partners send them (issue 12, docs/partner-exchange.md): other apps add column headers and
# values partners write, {"DocType" or "*": {"fieldname": ["Header", ...]}} and {... {"fieldname": {"Option":
# ["value", ...]}}}; an Import Profile in the demo data
mq_import_synonyms = []
mq_import_value_synonyms = []
mq_demo_generators += ["mehrwert_quartier.demo.import_profiles.make_import_profiles"]

# Role workspaces (issue 15, setup/workspaces.py): a user given an app role lands on the role's workspace
doc_events.setdefault("User", {})["validate"] = "mehrwert_quartier.setup.workspaces.user_default_workspace"

# Neighbourhood economy analysis (issue 18, docs/qs-wirtschaft.md): its demo data after the events
mq_demo_generators.append("mehrwert_quartier.demo.analysis.make_analysis_data")
# Map (issue 18, maps.py): businesses, commercial units and events in the list's Map view, pinned in the form
for _doctype in ("Lead", "Prospect", "Customer"):  # after the headcount check, not instead of it
	doc_events[_doctype]["validate"] = [_HEADCOUNT, "mehrwert_quartier.maps.validate_location"]
doctype_list_js = {doctype: "public/js/business_map_list.js" for doctype in ("Lead", "Prospect", "Customer")}
boot_session = "mehrwert_quartier.maps.boot_session"
mq_demo_generators.append("mehrwert_quartier.demo.maps.set_locations")
# Issue 15, the rest (docs/desk.md): Kanban cards of opportunities show type, area and coach (the list query
# fetches the board's card fields); the daily digest of overdue follow-ups in the bell (reminders.py)
doctype_list_js["Opportunity"] = "public/js/opportunity_list.js"
scheduler_events["daily"].append("mehrwert_quartier.reminders.daily_digest")
mq_demo_generators.append("mehrwert_quartier.reminders.demo_digest")
