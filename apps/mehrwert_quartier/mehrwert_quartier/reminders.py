"""The daily digest of overdue follow-ups (scheduler_events in hooks.py): each user with open ToDos whose date
has passed gets one entry in the bell (Notification Log) a day, in their language, linking to their ToDo list
filtered to the overdue ones, and, where the user has e-mail notifications on, an e-mail with the list queued.

Frappe's own ToDo reminders do not cover this: Frappe notifies on assignment only, and its *Reminder* DocType
is set by hand per record."""

import json
from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.desk.doctype.notification_settings.notification_settings import is_email_notifications_enabled
from frappe.email.doctype.email_account.email_account import EmailAccount
from frappe.utils import escape_html, formatdate, get_url, getdate, strip_html, today

from mehrwert_quartier.todos import user_language

EMAIL_LIMIT = 20  # ToDos listed in the e-mail; the link leads to all of them


def daily_digest() -> int:
	"""One bell entry per user with overdue ToDos; returns how many users got one (none twice a day)."""
	day = today()
	sent = 0
	for user, todos in overdue_todos(day).items():
		if digest_for(user, todos, day):
			sent += 1
	return sent


def demo_digest(rng=None) -> int:
	"""Demo generator (hooks ``mq_demo_generators``): the demo users find today's digest in the bell."""
	return daily_digest()


def overdue_todos(day: str) -> dict[str, list[dict]]:
	"""Open ToDos dated before ``day``, by the enabled desk user they are allocated to, oldest first."""
	todos = frappe.get_all(
		"ToDo",
		filters={"status": "Open", "date": ("<", day), "allocated_to": ("is", "set")},
		fields=["name", "allocated_to", "date", "description", "reference_type", "reference_name"],
		order_by="date asc, creation asc",
	)
	users = set(
		frappe.get_all(
			"User",
			filters={"name": ("in", list({t.allocated_to for t in todos}) or [""]), "enabled": 1},
			pluck="name",
		)
	)
	result: dict[str, list[dict]] = {}
	for todo in todos:
		if todo.allocated_to in users:
			result.setdefault(todo.allocated_to, []).append(todo)
	return result


def todo_list_link(user: str, day: str) -> str:
	"""The desk's ToDo list filtered to the user's open ToDos dated before ``day``."""
	query = urlencode(
		{"status": "Open", "allocated_to": user, "date": json.dumps(["<", day], separators=(",", ":"))}
	)
	return f"/app/todo?{query}"


def digest_for(user: str, todos: list[dict], day: str) -> bool:
	link = todo_list_link(user, day)
	if frappe.db.exists("Notification Log", {"for_user": user, "link": link}):
		return False  # today's digest is there already (the job ran twice)
	lang = user_language(user)
	subject = digest_subject(len(todos), todos[0].date, lang)
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": "ToDo",
			"subject": escape_html(subject),
			"link": link,
		}
	).insert(ignore_permissions=True)
	try:
		queue_email(user, subject, todos, link, lang)
	except Exception:  # the bell entry stands; the other users still get theirs
		frappe.log_error(
			_("The digest of overdue ToDos could not be queued as an e-mail"), reference_doctype="ToDo"
		)
	return True


def digest_subject(count: int, oldest, lang: str) -> str:
	if count == 1:
		text = _("You have one overdue follow-up (ToDo) since {0}", lang=lang)
	else:
		text = _("You have {0} overdue follow-ups (ToDos), the oldest since {1}", lang=lang)
	oldest_date = formatdate(getdate(oldest))
	return text.format(oldest_date) if count == 1 else text.format(count, oldest_date)


def queue_email(user: str, subject: str, todos: list[dict], link: str, lang: str) -> None:
	"""The digest as an e-mail, queued (Email Queue) when the site has an outgoing e-mail account and the
	user has e-mail notifications on; the bell entry is there either way."""
	email = frappe.db.get_value("User", user, "email")
	if not email or not is_email_notifications_enabled(user) or not sends_email():
		return
	rows = "".join(
		f"<li>{escape_html(formatdate(t.date))}: {escape_html(strip_html(t.description or '')[:140])}</li>"
		for t in todos[:EMAIL_LIMIT]
	)
	more = len(todos) - EMAIL_LIMIT
	more_line = f"<p>{escape_html(_('and {0} more', lang=lang).format(more))}</p>" if more > 0 else ""
	open_list = escape_html(_("Open the list of overdue ToDos", lang=lang))
	message = f'<ul>{rows}</ul>{more_line}<p><a href="{escape_html(get_url(link))}">{open_list}</a></p>'
	frappe.sendmail(recipients=[email], subject=subject, message=message, delayed=True)


def sends_email() -> bool:
	"""The site has a real outgoing account: with e-mails muted Frappe hands out a dummy without an address,
	through which no e-mail can be queued."""
	account = EmailAccount.find_outgoing()
	return bool(account and account.get("email_id"))
