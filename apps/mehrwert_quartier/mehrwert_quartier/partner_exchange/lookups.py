"""Links by what a partner knows: a participant by surname, first name and date of birth, a programme event by
title and date, a training offer by title and provider, any other record by its title.

A link cell that holds a record's name is taken as it is. Otherwise the record is looked for among those the
user may read (a partner: those of ``scope.PartnerScope``; staff: ``frappe.get_list`` with their permissions):
one candidate is the link; none is a row error; several are a row error that lists them, and since they
come from the records the user may read, the message never tells of another one. A participant named
without a date of birth is found only among the registrations of the row's event (or the referrals to the
row's offer), where a name is usually unique.
"""

import frappe
from frappe import _
from frappe.utils import add_days, formatdate, getdate

from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.spec import FieldSpec

# link target -> (fieldname of the target, fieldtype of the column, label): the columns that name a record
LOOKUP_COLUMNS = {
	"Participant": [
		("last_name", "Data", "Last Name"),
		("first_name", "Data", "First Name"),
		("date_of_birth", "Date", "Date of Birth"),
	],
	"Programme Event": [("starts_on", "Date", "Starts On")],
	"Training Offer": [("provider", "Data", "Training Provider")],
}
# Dynamic Link fields: a business (Lead, Prospect, Customer) by its name and the postcode of its address
DYNAMIC_LOOKUP_COLUMNS = [("postcode", "Data", "Postcode")]
BUSINESS_DOCTYPES = ("Lead", "Prospect", "Customer")
# where a participant named without a date of birth is looked for: (link field of the row, DocType, its link)
CONTEXTS = [("event", "Event Registration", "event"), ("offer", "Referral", "offer")]
MAX_CANDIDATES = 5


def resolve_links(row, specs: dict, links) -> None:
	"""Replace the names partners write by the records' names, or add the row error; events and offers first,
	since a participant named without a date of birth is looked for among their registrations."""
	virtual = row.virtual
	order = sorted(
		(s for s in specs.values() if (s.fieldtype == "Link" and s.link) or s.dynamic_from),
		key=lambda s: s.link == "Participant",
	)
	for spec in order:
		given = row.values.get(spec.fieldname)
		if spec.dynamic_from:
			target = row.values.get(spec.dynamic_from)
			if not target or target not in BUSINESS_DOCTYPES:
				continue
			spec = FieldSpec(spec.fieldname, "Link", spec.label, spec.label_de, link=target)
		qualifiers = {
			k.split("__", 1)[1]: v for k, v in virtual.items() if k.startswith(f"{spec.fieldname}__")
		}
		if given is None and not qualifiers:
			continue
		if given is not None and not qualifiers and links.exists(spec.link, given):
			# a business is named as it is called; another one of the same name makes the name ambiguous
			if spec.link not in BUSINESS_DOCTYPES or len(links.finder.find(spec.link, given, {}, {})) <= 1:
				continue
		context = {f: row.values.get(f) for f, _d, _l in CONTEXTS if row.values.get(f)}
		if spec.link == "Participant" and not qualifiers.get("date_of_birth") and not context:
			row.add_error(
				spec.fieldname,
				bilingual("participant_needs_birth", value=describe(spec.link, given, qualifiers)),
			)
			continue
		found = links.finder.find(spec.link, given, qualifiers, context)
		if len(found) == 1:
			row.extra[spec.fieldname] = found[0]
			continue
		described = describe(spec.link, given, qualifiers)
		if not found:
			row.add_error(
				spec.fieldname, bilingual("bad_link", value=described, target=_(spec.link, lang="de"))
			)
		else:
			shown = "; ".join(links.finder.label(spec.link, name) for name in found[:MAX_CANDIDATES])
			row.add_error(spec.fieldname, bilingual("ambiguous_link", value=described, candidates=shown))


def describe(doctype: str, given, qualifiers: dict) -> str:
	parts = [str(given)] if given is not None else []
	for fieldname in ("last_name", "first_name"):
		if qualifiers.get(fieldname):
			parts.append(str(qualifiers[fieldname]))
	parts = [", ".join(parts)] if parts else []
	for fieldname, value in qualifiers.items():
		if fieldname not in ("last_name", "first_name"):
			parts.append(
				formatdate(value, "dd.MM.yyyy") if "date" in fieldname or "_on" in fieldname else str(value)
			)
	return " ".join(parts)


class Finder:
	"""Candidates of a link by what the row says, among the records the user may read; cached per batch."""

	def __init__(self, scope=None):
		self.scope = scope  # PartnerScope of a partner's batch
		self.found: dict[tuple, list[str]] = {}
		self.labels: dict[tuple[str, str], str] = {}

	def find(self, doctype: str, given, qualifiers: dict, context: dict) -> list[str]:
		key = (doctype, str(given), tuple(sorted((k, str(v)) for k, v in qualifiers.items())))
		key += tuple(sorted(context.items())) if doctype == "Participant" else ()
		if key not in self.found:
			method = {"Participant": self.participants, "Programme Event": self.events}.get(
				doctype, self.titled
			)
			self.found[key] = sorted(set(method(doctype, given, qualifiers, context)))
		return self.found[key]

	def visible(self, doctype: str, filters: list, fields: list[str]) -> list[dict]:
		if self.scope and self.scope.covers(doctype):
			names = self.scope.names(doctype) or [""]
			return frappe.get_all(doctype, filters=[*filters, ["name", "in", names]], fields=fields)
		return frappe.get_list(doctype, filters=filters, fields=fields, limit=50)

	def participants(self, doctype, given, qualifiers, context) -> list[str]:
		last, first = qualifiers.get("last_name"), qualifiers.get("first_name")
		if last is None and given is not None:
			last, first = split_name(str(given)) if first is None else (str(given), first)
		elif last is not None and first is None and given is None:
			last, first = split_name(str(last))
		if not last:
			return []
		filters = [["last_name", "=", last]]
		if first:
			filters.append(["first_name", "=", first])
		birth = qualifiers.get("date_of_birth")
		if birth:
			filters.append(["date_of_birth", "=", birth])
		elif not first:
			return []
		else:  # no date of birth: only among the registrations of the row's event or referrals to its offer
			linked = self.linked_participants(context)
			if linked is None:
				return []
			filters.append(["name", "in", linked or [""]])
		records = self.visible("Participant", filters, ["name", "first_name", "last_name", "date_of_birth"])
		for r in records:
			born = f" ({formatdate(r.date_of_birth, 'dd.MM.yyyy')})" if r.date_of_birth else ""
			self.labels[("Participant", r.name)] = f"{r.last_name}, {r.first_name}{born}"
		return [r.name for r in records]

	def linked_participants(self, context: dict) -> list[str] | None:
		for fieldname, doctype, link in CONTEXTS:
			if context.get(fieldname):
				return frappe.get_all(doctype, filters={link: context[fieldname]}, pluck="participant")
		return None

	def events(self, doctype, given, qualifiers, context) -> list[str]:
		if given is None:
			return []
		filters = [["event_title", "=", str(given)]]
		if qualifiers.get("starts_on"):
			day = getdate(qualifiers["starts_on"])
			filters += [["starts_on", ">=", str(day)], ["starts_on", "<", str(add_days(day, 1))]]
		records = self.visible(doctype, filters, ["name", "event_title", "starts_on"])
		for r in records:
			self.labels[(doctype, r.name)] = f"{r.event_title} ({formatdate(r.starts_on, 'dd.MM.yyyy')})"
		return [r.name for r in records]

	def titled(self, doctype, given, qualifiers, context) -> list[str]:
		"""By the target's title field (an offer also by its provider), or by name."""
		meta = frappe.get_meta(doctype)
		title = meta.title_field if meta.title_field and meta.title_field != "name" else None
		if given is None or not title:
			return []
		filters = [[title, "=", str(given)]]
		fields = ["name", title]
		if qualifiers.get("provider") and meta.has_field("provider"):
			filters.append(["provider", "=", qualifiers["provider"]])
		if meta.has_field("provider"):
			fields.append("provider")
		records = self.visible(doctype, filters, fields)
		if doctype in BUSINESS_DOCTYPES and qualifiers.get("postcode"):
			records = self.with_postcode(doctype, records, str(qualifiers["postcode"]))
		for r in records:
			extra = (
				f" ({r.provider})" if r.get("provider") else f" ({r.postcode})" if r.get("postcode") else ""
			)
			if not extra and r.name != r.get(title):
				extra = f" ({r.name})"
			self.labels[(doctype, r.name)] = f"{r.get(title)}{extra}"
		return [r.name for r in records]

	def with_postcode(self, doctype: str, records: list, postcode: str) -> list:
		"""The businesses among ``records`` with an address at ``postcode`` (Address, linked to the business)."""
		if not records:
			return []
		links = frappe.get_all(
			"Dynamic Link",
			filters={
				"parenttype": "Address",
				"link_doctype": doctype,
				"link_name": ("in", [r.name for r in records]),
			},
			fields=["parent", "link_name"],
		)
		at = set(
			frappe.get_all(
				"Address",
				filters={"name": ("in", [l.parent for l in links] or [""]), "pincode": postcode},
				pluck="name",
			)
		)
		kept = {l.link_name for l in links if l.parent in at}
		return [frappe._dict(r, postcode=postcode) for r in records if r.name in kept]

	def label(self, doctype: str, name: str) -> str:
		return self.labels.get((doctype, name), name)


def split_name(text: str) -> tuple[str, str | None]:
	"""``Müller, Anna`` -> (Müller, Anna); ``Anna Müller`` -> (Müller, Anna); ``Müller`` -> (Müller, None)."""
	text = " ".join(text.split())
	if "," in text:
		last, first = (p.strip() for p in text.split(",", 1))
		return last, first or None
	if " " in text:
		first, last = text.rsplit(" ", 1)
		return last, first
	return text, None


def records_in_title(doctype: str, title: str, as_partner: bool) -> list[tuple[str, str]]:
	"""(name, label) of the records the user may read whose title stands in the file's title rows; with a date
	in the title, only those on that date."""
	import re

	from mehrwert_quartier.partner_exchange.normalise import to_date
	from mehrwert_quartier.partner_exchange.scope import PartnerScope

	meta = frappe.get_meta(doctype)
	title_field = meta.title_field if meta.title_field and meta.title_field != "name" else None
	if not title_field:
		return []
	dated = meta.has_field("starts_on")
	fields = ["name", title_field, *(["starts_on"] if dated else [])]
	finder = Finder(PartnerScope() if as_partner else None)
	records = (
		finder.visible(doctype, [], fields)
		if as_partner
		else frappe.get_list(doctype, fields=fields, limit=1000)
	)
	text = title.casefold()
	hits = [r for r in records if r.get(title_field) and str(r.get(title_field)).casefold() in text]
	days = set()
	for found in re.findall(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b", title):
		try:
			days.add(to_date(found))
		except ValueError:
			continue
	if dated and days:
		hits = [r for r in hits if r.starts_on and str(getdate(r.starts_on)) in days]
	return [
		(
			r.name,
			f"{r.get(title_field)} ({formatdate(r.starts_on, 'dd.MM.yyyy')})"
			if dated
			else r.get(title_field),
		)
		for r in hits
	]
