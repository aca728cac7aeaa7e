"""Replace a Frappe module function for this thread only, while a block runs (bulk inserts, see bulk.py).

The module attribute becomes a dispatcher, once: it calls the replacement the current thread (``frappe.local``)
has set inside :func:`overridden`, and Frappe's own function everywhere else and always afterwards.
"""

from collections.abc import Callable
from contextlib import contextmanager

import frappe

_originals: dict[tuple[str, str], Callable] = {}


def _install(module, name: str) -> tuple[str, str]:
	key = (module.__name__, name)
	if key not in _originals:
		original = _originals[key] = getattr(module, name)

		def dispatch(*args, **kwargs):
			replacement = (getattr(frappe.local, "mq_overrides", None) or {}).get(key)
			return (replacement or original)(*args, **kwargs)

		setattr(module, name, dispatch)
	return key


@contextmanager
def overridden(module, name: str, replacement: Callable):
	key = _install(module, name)
	overrides = getattr(frappe.local, "mq_overrides", None)
	if overrides is None:
		overrides = frappe.local.mq_overrides = {}
	previous = overrides.get(key)
	overrides[key] = replacement
	try:
		yield
	finally:
		overrides[key] = previous
