"""Filtering, sorting and grouping need the same right as reading (issue 11, leak 2).

Frappe v15 drops fields a user may not read from the selected columns, but accepts them in filters,
or_filters, group by and order by, which answers yes/no questions about their values through counts and
names. ``DatabaseQuery.parse_args`` is wrapped once per process (``install``): after Frappe parsed the
arguments of any permission-checked query (``frappe.get_list``, ``frappe.client.*``, report view, list
view, search), every field referenced outside the selected columns must be readable by the user at its
permlevel, or the query is refused with a ``frappe.PermissionError``. ``DatabaseQuery.execute`` is wrapped
to redact the history payload of Version rows (``security/versions.py``).
"""

import functools
import re

import frappe
from frappe import _
from frappe.model import default_fields, optional_fields
from frappe.model.db_query import DatabaseQuery
from frappe.utils.data import get_filter

MARK = "_mq_query_guard"
ALWAYS_ALLOWED = frozenset((*default_fields, *optional_fields, "parent", "parenttype", "parentfield"))
STRING_LITERAL = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
QUALIFIED_COLUMN = re.compile(r"`tab([^`]+)`\.`?(\w+)`?|\btab(\w+)\.`?(\w+)`?")
BARE_NAME = re.compile(r"`?\b([A-Za-z_]\w*)\b`?")
# fields holding values of other records, whose read rules a query cannot check: only for reading
PAYLOAD_FIELDS = frozenset({("Version", "data")})


def install() -> None:
	if getattr(DatabaseQuery.parse_args, MARK, False):
		return
	DatabaseQuery.parse_args = _guarded_parse_args(DatabaseQuery.parse_args)
	DatabaseQuery.execute = _redacting_execute(DatabaseQuery.execute)


def _guarded_parse_args(parse_args):
	@functools.wraps(parse_args)
	def wrapper(self, *args, **kwargs):
		result = parse_args(self, *args, **kwargs)
		if is_guarded(self):
			check_query(self)
		return result

	setattr(wrapper, MARK, True)
	return wrapper


def _redacting_execute(execute):
	@functools.wraps(execute)
	def wrapper(self, *args, **kwargs):
		result = execute(self, *args, **kwargs)
		if self.doctype == "Version" and is_guarded(self):
			from mehrwert_quartier.security.versions import redact_version_rows

			redact_version_rows(self, result)
		return result

	setattr(wrapper, MARK, True)
	return wrapper


def is_guarded(query: DatabaseQuery) -> bool:
	user = getattr(query, "user", None) or frappe.session.user
	return not query.flags.ignore_permissions and user != "Administrator"


def check_query(query: DatabaseQuery) -> None:
	"""Refuse the query when it filters, groups or sorts by a field the user may not read."""
	for filters in (query.filters, query.or_filters):
		for condition in _as_list(filters):
			_check_filter(query, condition)
	for clause in (query.group_by, query.order_by):
		if clause and clause != "KEEP_DEFAULT_ORDERING":
			_check_clause(query, clause)


def _as_list(filters) -> list:
	if isinstance(filters, dict):
		return [{key: value} for key, value in filters.items()]
	return list(filters or [])


def _check_filter(query: DatabaseQuery, condition) -> None:
	if isinstance(condition, str):
		return  # Frappe refuses raw SQL conditions itself
	f = get_filter(query.doctype, condition)
	# Frappe takes a filter "fieldname" with ``ifnull(`` as SQL: every column in it counts
	_check_clause(query, f.fieldname, f.doctype or query.doctype)


def _check_clause(query: DatabaseQuery, clause: str, doctype: str | None = None) -> None:
	for table_doctype, fieldname in clause_columns(query, str(clause), doctype or query.doctype):
		_check_field(query, table_doctype, fieldname)


def clause_columns(query: DatabaseQuery, clause: str, doctype: str):
	"""(DocType, fieldname) of every column an order-by or group-by clause or a filter names, in functions
	too (``ifnull(_relevance, -9999) desc, `tabNote`.idx desc``); string literals are skipped, a name
	without table is taken as a field of ``doctype``."""
	text = STRING_LITERAL.sub("''", clause)
	for match in QUALIFIED_COLUMN.finditer(text):
		yield _table_doctype(query, match.group(1) or match.group(3)), match.group(2) or match.group(4)
	for match in BARE_NAME.finditer(QUALIFIED_COLUMN.sub(" ", text)):
		yield doctype, match.group(1)


def _table_doctype(query: DatabaseQuery, table: str) -> str:
	"""``Customer_1`` (a link join's alias) -> ``Customer``; ``Sales Invoice Item`` as it is."""
	aliased = query.linked_table_aliases.get(f"tab{table}")
	return aliased.replace("`", "").removeprefix("tab") if aliased else table


def _check_field(query: DatabaseQuery, doctype: str, fieldname: str) -> None:
	fieldname = (fieldname or "").replace("`", "").strip()
	if not fieldname or fieldname in ALWAYS_ALLOWED or not frappe.db.exists("DocType", doctype, cache=True):
		return
	df = frappe.get_meta(doctype).get_field(fieldname)
	if df and ((doctype, fieldname) in PAYLOAD_FIELDS or not may_read_field(query, doctype, df)):
		frappe.throw(
			_("You may not filter, group or sort by the field {0} of {1}: you may not read it.").format(
				frappe.bold(_(df.label or fieldname)), frappe.bold(_(doctype))
			),
			frappe.PermissionError,
			title=_("Not permitted"),
		)


def may_read_field(query: DatabaseQuery, doctype: str, df) -> bool:
	"""Whether the query's user may read field ``df`` of ``doctype`` (a child table's field through its
	parent): its permlevel must be one the user reads at."""
	meta = frappe.get_meta(doctype)
	parenttype = None
	if meta.istable:
		parenttype = query.doctype if doctype != query.doctype else getattr(query, "parent_doctype", None)
		if not parenttype:
			return df.permlevel == 0
	if not meta.get_permissions(parenttype=parenttype):
		return True  # a DocType without rules: Frappe lets every reader see every field
	levels = meta.get_permlevel_access("read", parenttype=parenttype, user=query.user)
	if df.permlevel in levels:
		return True
	return df.permlevel == 0 and _may_select(doctype, parenttype, query.user)


def _may_select(doctype: str, parenttype: str | None, user: str) -> bool:
	"""Select permission (link fields) or a shared document lets a user filter by level-0 fields."""
	return frappe.has_permission(doctype, "select", parent_doctype=parenttype, user=user) or bool(
		frappe.share.get_shared(doctype, user, rights=["read"], limit=1)
	)


def check_filters(doctype: str, filters, parent_doctype: str | None = None) -> None:
	"""Refuse ``filters`` on ``doctype`` unless the user may list it and read every filtered field (for
	routes that look records up without ``DatabaseQuery``)."""
	install()
	frappe.get_list(
		doctype, filters=filters, fields=["name"], limit_page_length=1, run=0, parent_doctype=parent_doctype
	)
