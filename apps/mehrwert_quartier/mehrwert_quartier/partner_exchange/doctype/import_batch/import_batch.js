// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Import Batch", {
	setup(frm) {
		frm.set_query("import_doctype", () => ({
			query: "mehrwert_quartier.partner_exchange.api.importable_doctype_query",
		}));
	},
	refresh(frm) {
		render_preview(frm);
		if (frm.doc.import_doctype) {
			frm.add_custom_button(__("Download Template"), () => {
				window.open(
					`/api/method/mehrwert_quartier.partner_exchange.api.download_template?doctype=${encodeURIComponent(frm.doc.import_doctype)}`
				);
			});
		}
		if (frm.is_new() || frm.doc.status === "Imported") return;
		frm.add_custom_button(__("Validate (Dry Run)"), () => run(frm, "validate_file"));
		if (["Validated", "Failed"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Import"), () => run(frm, "import_rows")).addClass("btn-primary");
		}
	},
});

function run(frm, method) {
	frm.call({ doc: frm.doc, method, freeze: true }).then((r) => {
		if (r.message && r.message.queued) {
			frappe.show_alert({ message: __("Running in the background"), indicator: "blue" });
		}
		frm.reload_doc();
	});
}

function render_preview(frm) {
	const wrapper = frm.get_field("preview").$wrapper;
	const rows = JSON.parse(frm.doc.changes || "[]");
	if (!rows.length) return wrapper.empty();
	const body = rows
		.map((r) => {
			const changes = Object.entries(r.changes || {})
				.map(([field, [old_value, new_value]]) => `${field}: ${old_value ?? ""} → ${new_value ?? ""}`)
				.concat(r.errors || [])
				.map((text) => frappe.utils.escape_html(String(text)))
				.join("<br>");
			const name = frappe.utils.escape_html(r.name || "");
			const esc = frappe.utils.escape_html;
			return `<tr><td>${esc(String(r.row ?? ""))}</td><td>${esc(__(String(r.action ?? "")))}</td><td>${name}</td><td>${changes}</td></tr>`;
		})
		.join("");
	wrapper.html(
		`<table class="table table-bordered table-sm"><thead><tr><th>${__("Row")}</th><th>${__("Action")}</th><th>${__("Record")}</th><th>${__("Changes")}</th></tr></thead><tbody>${body}</tbody></table>`
	);
}
