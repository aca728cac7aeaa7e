// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Shared desk helpers of the app (included on every desk page through app_include_js).

import "./map_view.js";

frappe.provide("mehrwert_quartier");

// A number in the site's number format ("8,14", "1.250"): scores, floor space, rent.
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
