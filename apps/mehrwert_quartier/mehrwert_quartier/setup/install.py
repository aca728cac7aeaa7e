"""Install, migrate and uninstall hooks (see hooks.py). Everything here is idempotent."""

import frappe

from mehrwert_quartier.setup.custom_fields import create_app_custom_fields, delete_app_custom_fields
from mehrwert_quartier.setup.reference_data import create_reference_data
from mehrwert_quartier.setup.roles import create_roles, delete_roles


def after_install() -> None:
	after_migrate()


def after_migrate() -> None:
	create_roles()
	create_app_custom_fields()
	create_reference_data()
	frappe.db.commit()


def before_uninstall() -> None:
	delete_app_custom_fields()
	delete_roles()
