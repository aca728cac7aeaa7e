"""Data protection setup, called from setup/install.py: default retention rules, the workflow of data subject
requests. Idempotent; uninstall removes the workflow (the DocTypes go with the module)."""

from mehrwert_quartier.data_protection.retention import ensure_default_rules


def after_migrate() -> None:
	ensure_default_rules()


def before_uninstall() -> None:
	pass
