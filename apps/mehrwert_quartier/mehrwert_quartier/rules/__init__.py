"""Business rules that need no database: plain Python, importable without a Frappe site.

Controllers call these and translate a :class:`RuleError` into a user-facing message.
"""


class RuleError(ValueError):
	"""A broken business rule. ``message`` is an English source string for ``frappe._``
	with ``{name}`` placeholders filled from ``params``."""

	def __init__(self, message: str, **params):
		self.message = message
		self.params = params
		super().__init__(message.format(**params))
