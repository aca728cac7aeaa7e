"""Partner portal (/partner): a Programme Partner's organisation, import batches and upload form."""

import frappe
from frappe import _

from mehrwert_quartier.partner_exchange import partners
from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.reader import MAX_FILE_MB

no_cache = 1
WEB_MESSAGES = ("Message", "Error", "Close", "Not Permitted", "Server Error", "Loading...", "Cancel")
BATCH_FIELDS = ["name", "import_doctype", "status", "uploaded_on", "total_rows", "new_rows", "updated_rows"]
BATCH_FIELDS += ["unchanged_rows", "error_rows", "error_report", "partner_organisation"]


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/partner"
		raise frappe.Redirect
	context.title = _("Partner Portal")
	context.no_cache = 1
	context.is_partner = partners.is_partner()
	if not context.is_partner:
		context.message = _(
			"This page is for partner organisations. Your account does not have the role Programme Partner."
		)
		return context
	names = partners.own_organisations()
	context.organisations = frappe.get_all(
		"Partner Organisation", filters={"name": ("in", names or [""])}, fields=["name", "organisation_name"]
	)
	context.batches = frappe.get_list(
		"Import Batch", fields=BATCH_FIELDS, order_by="creation desc", limit_page_length=50
	)
	context.doctypes = [{"value": d, "label": _(d)} for d in partners.partner_doctypes()]
	# a file above the upload limit is refused in the browser, before it is sent
	context.max_file_bytes = MAX_FILE_MB * 1024 * 1024
	context.too_large = bilingual("file_too_large", size="{0}", limit=MAX_FILE_MB)
	# the website's dialogs (frappe.msgprint, error messages) name their titles in English unless told
	context.web_messages = {s: _(s) for s in WEB_MESSAGES}
	context.status_labels = {
		s: _(s) for s in ("Uploaded", "Needs Mapping", "Validated", "Imported", "Rejected", "Failed")
	}
	return context
