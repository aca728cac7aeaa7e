// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Shared desk helpers of the app (included on every desk page through app_include_js).

import "./map_view.js";

frappe.provide("mehrwert_quartier");

// A number in the site's number format ("8,14", "1.250"): scores, floor space, rent.
// the filters of the neighbourhood economy analysis reports: a period (default this year) and an area
mehrwert_quartier.analysis_filters = () => [
	{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", reqd: 1,
		default: frappe.datetime.year_start() },
	{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", reqd: 1,
		default: frappe.datetime.year_end() },
	{ fieldname: "programme_area", label: __("Programme Area"), fieldtype: "Link", options: "Programme Area" },
];

mehrwert_quartier.format_number = function (value, precision) {
	return format_number(value, null, precision);
};
const as_points = (value) => (typeof value === "number" ? mehrwert_quartier.format_number(value, 1) : String(value));

// A ranked list with the score explained criterion by criterion.
// rows: [{title, subtitle, route, score, explanation: [{criterion, points, detail}], action}]
mehrwert_quartier.render_matches = function ($wrapper, rows, empty_message) {
	const esc = frappe.utils.escape_html;
	if (!rows.length) {
		$wrapper.html(`<p class="text-muted">${esc(empty_message)}</p>`);
		return;
	}
	const body = rows
		.map((row, i) => {
			const why = (row.explanation || [])
				.map((e) => `<div>${esc(e.criterion)}: <b>${esc(as_points(e.points))}</b>${
					e.detail ? ` <span class="text-muted">(${esc(e.detail)})</span>` : ""}</div>`)
				.join("");
			const button = row.action ? `<button class="btn btn-xs btn-default" data-row="${i}">${esc(row.action.label)}</button>` : "";
			return `<tr><td><a href="${esc(row.route)}">${esc(row.title)}</a><br><span class="text-muted">${esc(row.subtitle || "")}</span></td>
				<td><b>${esc(as_points(row.score))}</b></td><td class="small">${why}</td><td>${button}</td></tr>`;
		})
		.join("");
	$wrapper.html(`<table class="table table-bordered"><thead><tr><th>${__("Match")}</th><th>${__("Score")}</th>
		<th>${__("Why")}</th><th></th></tr></thead><tbody>${body}</tbody></table>`);
	$wrapper.find("button[data-row]").on("click", (e) => rows[$(e.currentTarget).data("row")].action.run());
};

// Frappe's timeline writes changed values as stored ("Status von Open zu Units Proposed"): the app's
// records store English options, so the bold values are shown translated ("… von Offen zu Einheiten
// vorgeschlagen"), as the form shows them.
mehrwert_quartier.TIMELINE_DOCTYPES = [
	"Participant", "Consent", "Consultation", "Coaching Plan", "Referral", "Placement", "Event Registration",
	"Programme Event", "Job Vacancy", "Training Provider", "Training Offer", "Enterprise Support Case",
	"Settlement Request", "Business Relation", "Commercial Unit", "Cross-selling Rule", "Lead", "Prospect",
	"Customer", "Opportunity", "Programme Area", "Postcode Area", "Partner Organisation", "Import Batch",
];
mehrwert_quartier.translate_timeline = function (frm) {
	const wrapper = frm.timeline && frm.timeline.timeline_items_wrapper;
	if (!wrapper) return;
	wrapper.find(".timeline-content b").each(function () {
		const text = $(this).text();
		const german = __(text);
		if (german !== text) $(this).text(german);
	});
};
mehrwert_quartier.TIMELINE_DOCTYPES.forEach((doctype) =>
	frappe.ui.form.on(doctype, { timeline_refresh: mehrwert_quartier.translate_timeline })
);

// Links to "Translate Link Fields" DocTypes (Opportunity Type, Sales Stage) show their German name also to
// users who may not open those records: Frappe translates a link only where it renders it as a link, so a
// business coach's Kanban card read "Recruiting Support". Where a record has its own title, that stays.
const frappe_get_link_title = frappe.utils.get_link_title;
frappe.utils.get_link_title = function (doctype, name) {
	const title = frappe_get_link_title.call(this, doctype, name);
	if (title || !name || !(frappe.boot?.translated_doctypes || []).includes(doctype)) return title;
	const german = __(name);
	return german !== name ? german : title;
};

// Server errors in production (developer mode off, no tracebacks for users: docs/security.md) reached the
// user as nothing at all: an unexpected error (HTTP 500) or a refused argument type (FrappeTypeError, 417)
// carries no message, and Frappe's error dialog opens only with a traceback. Such a response now opens a
// clear message; an error body that is not JSON (a proxy's page) no longer ends in a script error in the
// console. Errors with their own message, handler or dialog (permission, not found, session) are left as
// Frappe shows them.
mehrwert_quartier.OWN_ERROR_DIALOGS = [
	"PermissionError", "DoesNotExistError", "SessionExpired", "AuthenticationError", "CSRFTokenError",
	"SessionStopped", "QueryTimeoutError", "QueryDeadlockError", "TooManyRequestsError",
];
mehrwert_quartier.show_server_error = function (exc_type) {
	frappe.msgprint({
		title: __("The action could not be completed"),
		indicator: "red",
		message: __(
			"The server could not carry out this request ({0}). Please try again; if the error stays, tell the programme's system administration the time and what you did.",
			[frappe.utils.escape_html(exc_type || __("Server Error"))]
		),
	});
};
const frappe_report_error = frappe.request.report_error;
frappe.request.report_error = function (xhr, request_opts) {
	let data = null;
	try {
		data = JSON.parse(xhr.responseText);
	} catch (e) {
		// not JSON: Frappe's dialog would fail on it; the message below is shown instead
	}
	if (data && data.exc) return frappe_report_error.call(this, xhr, request_opts);
	if (!data) mehrwert_quartier.show_server_error();
};
const frappe_cleanup = frappe.request.cleanup;
frappe.request.cleanup = function (opts, r) {
	const result = frappe_cleanup.call(this, opts, r);
	const silent_error =
		r && r.exc_type && !r.exc && !r._server_messages && !r._error_message && !(opts && opts.silent);
	const handled =
		silent_error &&
		(mehrwert_quartier.OWN_ERROR_DIALOGS.includes(r.exc_type) ||
			(frappe.request.error_handlers[r.exc_type] || []).length ||
			(opts.error_handlers && opts.error_handlers[r.exc_type]));
	if (silent_error && !handled) mehrwert_quartier.show_server_error(r.exc_type);
	return result;
};
