"""Private files (issue 11, leak 1): a File row may point only at a file its creator could already read.

Frappe lets anyone who may create a File insert one whose ``file_url`` names a file already on disk; the new row
is owned by its creator, so ``/private/files/…`` then answers them. Every route that creates or moves a File
(``/api/resource/File``, ``upload_file`` with ``file_url``, an Attach field's ``attach_files_to_document``)
goes through the controller, so the check sits there: before Frappe reads the file at ``file_url`` (its
``before_insert`` does), and whenever the URL of a stored row changes. Content uploaded with the row is the
caller's own and passes.
"""

from urllib.parse import unquote

import frappe
from frappe import _
from frappe.core.doctype.file.file import File

REMOTE = ("http://", "https://")


class GuardedFile(File):
	def before_insert(self):
		if not self.is_folder and not self.content:  # a pointer to a stored file, no upload of its own
			check_may_point_at(self.file_url)
		super().before_insert()

	def validate(self):
		if not self.is_new() and not self.is_folder and self.has_value_changed("file_url"):
			check_may_point_at(self.file_url, exclude=self.name)
		super().validate()


def check_may_point_at(file_url: str | None, exclude: str | None = None):
	"""Refuse a URL of a private file the user cannot read through an existing File row (missing or foreign
	read the same)."""
	if not file_url:
		return
	url = unquote(file_url)
	if url.startswith(REMOTE) or (url.startswith("/files/") and ".." not in url):
		return  # remote, or public: everybody may read it anyway
	filters = {"file_url": url, "is_folder": 0}
	if exclude:
		filters["name"] = ("!=", exclude)
	for name in frappe.get_all("File", filters=filters, pluck="name"):
		if frappe.has_permission("File", "read", doc=frappe.get_doc("File", name)):
			return
	frappe.throw(_("The file was not found or you may not read it"), frappe.PermissionError)
