"""Deterministic demo data: `load()` runs every generator listed in the hook ``mq_demo_generators``.

Generators take a :class:`random.Random` seeded with :data:`SEED`, so every run creates the same records.
"""

import random

import frappe
from frappe.utils.global_search import sync_global_search

SEED = 20150401  # programme start, 04/2015
DEMO_FLAG = "mq_demo_loaded"


def load(force: bool = False) -> None:
	"""Load the demo data once per site (``force`` loads it again where records are missing)."""
	if frappe.db.get_default(DEMO_FLAG) and not force:
		print("Demo data already loaded")
		return
	frappe.flags.mute_emails = True
	for path in frappe.get_hooks("mq_demo_generators", app_name="mehrwert_quartier"):
		rng = random.Random(f"{SEED}:{path}")
		count = frappe.get_attr(path)(rng)
		print(f"demo: {path.rsplit('.', 1)[-1]}: {count}")
		frappe.db.commit()
	sync_global_search()  # the search bar finds the demo records before the scheduler's first run
	frappe.db.set_default(DEMO_FLAG, "1")
	frappe.db.commit()
