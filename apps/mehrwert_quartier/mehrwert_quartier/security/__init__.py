"""Checks that Frappe v15 leaves out on its generic routes (docs/security.md, "Generic routes").

``install`` runs before every request and every background job (hooks.py ``before_request`` /
``before_job``); it is idempotent.
"""


def install() -> None:
	from mehrwert_quartier.security import query_guard

	query_guard.install()
