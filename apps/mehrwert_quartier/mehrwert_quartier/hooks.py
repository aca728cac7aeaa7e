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
]

# Fixtures: always filtered by name
fixtures = []

# Custom fields on other apps' DocTypes: functions returning {doctype: [fields]} (see setup/custom_fields.py)
mq_custom_fields = []
