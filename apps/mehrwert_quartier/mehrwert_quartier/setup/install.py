"""Install, migrate and uninstall hooks (see hooks.py). Everything here is idempotent."""

import frappe

from mehrwert_quartier.data_protection import setup as data_protection_setup
from mehrwert_quartier.programme_events import setup as events_setup
from mehrwert_quartier.qs_arbeit import setup as qs_arbeit_setup
from mehrwert_quartier.qs_wirtschaft import setup as qs_wirtschaft_setup
from mehrwert_quartier.reporting.dashboards import create_dashboards, delete_dashboards
from mehrwert_quartier.security import hardening
from mehrwert_quartier.setup import workspaces
from mehrwert_quartier.setup.custom_fields import create_app_custom_fields, delete_app_custom_fields
from mehrwert_quartier.setup.global_search import add_search_doctypes, remove_search_doctypes
from mehrwert_quartier.setup.reference_data import create_reference_data
from mehrwert_quartier.setup.roles import create_roles, delete_roles


def after_install() -> None:
	after_migrate()


def after_migrate() -> None:
	create_roles()
	create_app_custom_fields()
	create_reference_data()
	qs_wirtschaft_setup.after_migrate()
	qs_arbeit_setup.after_migrate()
	events_setup.after_migrate()
	data_protection_setup.after_migrate()
	hardening.apply()
	add_search_doctypes()
	workspaces.after_migrate()  # the role workspaces' blocks first: the ESF figures join those workspaces
	create_dashboards()
	frappe.db.commit()


def before_uninstall() -> None:
	delete_dashboards()
	workspaces.before_uninstall()
	qs_wirtschaft_setup.before_uninstall()
	qs_arbeit_setup.before_uninstall()
	events_setup.before_uninstall()
	data_protection_setup.before_uninstall()
	delete_app_custom_fields()
	remove_search_doctypes()
	delete_roles()
	delete_app_defaults()


def delete_app_defaults() -> None:
	"""Site defaults the app keeps (the demo-loaded flag): a reinstalled app loads its demo data again."""
	frappe.db.delete("DefaultValue", {"parent": "__default", "defkey": ("like", "mq\\_%")})
	frappe.clear_cache()
