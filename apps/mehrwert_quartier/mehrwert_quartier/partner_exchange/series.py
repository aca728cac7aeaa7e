"""Naming series numbers for many new records in one transaction.

Frappe's ``getseries`` reads the series row with a lock and adds one, two queries per record. While a
:class:`SeriesCounter` counts (``with counter.counting():``, in this thread only), the row is read once with
the same lock and the numbers are counted in memory; :meth:`SeriesCounter.write_back` stores the last number
before the records are written. Everyone else keeps Frappe's function: the lock holds them until the commit.
"""

from contextlib import contextmanager

import frappe
from frappe.model import naming

from mehrwert_quartier.partner_exchange.overrides import overridden


class SeriesCounter:
	def __init__(self):
		self.current: dict[str, int] = {}
		self.stored: dict[str, int] = {}

	@contextmanager
	def counting(self):
		with overridden(naming, "getseries", self.next):
			yield self

	def next(self, key: str, digits: int) -> str:
		if key not in self.current:
			self.current[key] = self.stored[key] = self.read(key)
		self.current[key] += 1
		return ("%0" + str(digits) + "d") % self.current[key]

	@staticmethod
	def read(key: str) -> int:
		current = frappe.db.sql("select `current` from `tabSeries` where `name` = %s for update", (key,))
		if current:
			return int(current[0][0] or 0)
		frappe.db.sql("insert into `tabSeries` (`name`, `current`) values (%s, 0)", (key,))
		return 0

	def write_back(self):
		for key, value in self.current.items():
			if value != self.stored[key]:
				frappe.db.sql("update `tabSeries` set `current` = %s where `name` = %s", (value, key))
				self.stored[key] = value

	def state(self) -> tuple[dict, dict]:
		return dict(self.current), dict(self.stored)

	def restore(self, state: tuple[dict, dict]):
		"""Back to an earlier :meth:`state`: the numbers counted since are handed out again."""
		self.current, self.stored = dict(state[0]), dict(state[1])
