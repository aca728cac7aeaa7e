// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Shared desk helpers of the app (included on every desk page through app_include_js).

frappe.provide("mehrwert_quartier");

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
				.map((e) => `<div>${esc(e.criterion)}: <b>${esc(String(e.points))}</b>${
					e.detail ? ` <span class="text-muted">(${esc(e.detail)})</span>` : ""}</div>`)
				.join("");
			const button = row.action ? `<button class="btn btn-xs btn-default" data-row="${i}">${esc(row.action.label)}</button>` : "";
			return `<tr><td><a href="${esc(row.route)}">${esc(row.title)}</a><br><span class="text-muted">${esc(row.subtitle || "")}</span></td>
				<td><b>${esc(String(row.score))}</b></td><td class="small">${why}</td><td>${button}</td></tr>`;
		})
		.join("");
	$wrapper.html(`<table class="table table-bordered"><thead><tr><th>${__("Match")}</th><th>${__("Score")}</th>
		<th>${__("Why")}</th><th></th></tr></thead><tbody>${body}</tbody></table>`);
	$wrapper.find("button[data-row]").on("click", (e) => rows[$(e.currentTarget).data("row")].action.run());
};
