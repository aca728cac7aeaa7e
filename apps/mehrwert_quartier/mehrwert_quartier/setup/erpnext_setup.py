"""Completes the ERPNext setup without the interactive wizard: company, fiscal year, EUR, Germany."""

import frappe
from frappe.utils import now_datetime

COMPANY = "MehrWertQuartier Leipzig"
COMPANY_ABBR = "MWQ"


def wizard_args() -> dict:
	year = now_datetime().year
	return {
		"currency": "EUR",
		"country": "Germany",
		"timezone": "Europe/Berlin",
		"language": "Deutsch",
		"company_name": COMPANY,
		"company_abbr": COMPANY_ABBR,
		"company_tagline": "Potenziale aktivieren – Unternehmen ansiedeln – Arbeit schaffen",
		"industry": "Non Profit",
		"fy_start_date": f"{year}-01-01",
		"fy_end_date": f"{year}-12-31",
		"chart_of_accounts": "Standard",
		"full_name": "Administrator",
		"email": "",
		"password": "",
		"bank_account": "",
	}


def complete_setup() -> None:
	"""Idempotent: run the setup stages once, then make German the site's language."""
	if not frappe.is_setup_complete():
		from frappe.desk.page.setup_wizard.setup_wizard import load_messages, setup_complete

		args = wizard_args()
		# the wizard's first slide: choosing the language makes it the site's default before any record is
		# made, so that ERPNext's records and the names they refer to (departments, groups, types) are all
		# named in that language; without it some were German and some English ("All Departments")
		load_messages(args["language"])
		result = setup_complete(args)
		if (result or {}).get("status") != "ok" or not frappe.is_setup_complete():
			frappe.throw(f"ERPNext setup failed: {result}")
	set_german_defaults()
	frappe.db.commit()


def set_german_defaults() -> None:
	settings = frappe.get_single("System Settings")
	wanted = {
		"language": "de",
		"country": "Germany",
		"time_zone": "Europe/Berlin",
		"date_format": "dd.mm.yyyy",
		"number_format": "#.###,##",
		"first_day_of_the_week": "Monday",
	}
	if any(settings.get(k) != v for k, v in wanted.items()):
		settings.update(wanted)
		settings.save(ignore_permissions=True)
	frappe.db.set_default("lang", "de")


def before_tests() -> None:
	"""A site set up before (ours by ``complete_setup``, or ERPNext's test site in English by ERPNext's own
	``before_tests``, which runs first) is left as it is."""
	frappe.clear_cache()
	if not frappe.is_setup_complete():
		complete_setup()
	frappe.db.commit()
