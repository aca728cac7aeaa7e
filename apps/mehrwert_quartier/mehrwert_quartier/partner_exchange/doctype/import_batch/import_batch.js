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
		render_mapping(frm);
		if (frm.doc.import_doctype) {
			frm.add_custom_button(__("Download Template"), () => {
				window.open(
					`/api/method/mehrwert_quartier.partner_exchange.api.download_template?doctype=${encodeURIComponent(frm.doc.import_doctype)}`
				);
			});
		}
		if (frm.is_new() || frm.doc.status === "Imported") return;
		frm.add_custom_button(__("Validate (Dry Run)"), () => run(frm, "validate_file"));
		if (frm.doc.mapping && frm.doc.status !== "Imported") {
			const button = frm.add_custom_button(__("Confirm Mapping"), () => confirm_mapping(frm));
			if (frm.doc.status === "Needs Mapping") button.addClass("btn-primary");
		}
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

// the mapping step: each column -> field with its confidence, each unknown value -> choice, values for the whole file
function render_mapping(frm) {
	const wrapper = frm.get_field("mapping_editor").$wrapper;
	const m = JSON.parse(frm.doc.mapping || "{}");
	if (!m.columns) return wrapper.empty();
	const esc = (text) => frappe.utils.escape_html(String(text ?? ""));
	const disabled = frm.doc.status === "Imported" ? " disabled" : "";
	const label_of = (fieldname) => (m.fields.find((f) => f.fieldname === fieldname) || {}).label || fieldname;
	const field_options = (selected) => {
		const none = esc(__("— no field —"));
		const items = m.fields.map((f) => {
			const value = esc(f.fieldname);
			const text = esc(f.label + (f.reqd ? " *" : ""));
			const chosen = f.fieldname === selected ? " selected" : "";
			return `<option value="${value}"${chosen}>${text}</option>`;
		});
		const rest = items.join("");
		return `<option value="">${none}</option>${rest}`;
	};
	const columns = m.columns
		.map((c) => {
			const options = field_options(c.fieldname);
			const confidence = c.fieldname ? `${Math.round(c.confidence * 100)} %` : "";
			const how = c.how ? __(c.how) : "";
			return `<tr><td>${esc(c.header)}</td><td><select class="form-control input-xs" data-header="${esc(c.header)}"${disabled}>${options}</select></td><td>${esc(confidence)}</td><td>${esc(how)}</td></tr>`;
		})
		.join("");
	const values = Object.entries(m.unknown_values || {})
		.map(([fieldname, list]) => {
			const choices = (m.options[fieldname] || [])
				.map(([value, text]) => `<option value="${esc(value)}">${esc(text)}</option>`)
				.join("");
			const choose = esc(__("— choose —"));
			return list
				.map(
					(value) =>
						`<tr><td>${esc(label_of(fieldname))}</td><td>${esc(value)}</td><td><select class="form-control input-xs" data-fieldname="${esc(fieldname)}" data-value="${esc(value)}"><option value="">${choose}</option>${choices}</select></td></tr>`
				)
				.join("");
		})
		.join("");
	const provided = (m.batch_wide || [])
		.map((fieldname) => {
			const text = esc(__("{0} for the whole file", [label_of(fieldname)]));
			const value = esc((m.provided || {})[fieldname] || "");
			return `<div class="form-group"><label>${text}</label><input class="form-control input-xs" data-provided="${esc(fieldname)}" value="${value}"></div>`;
		})
		.join("");
	const skipped_items = (m.skipped || []).map((text) => `<li>${esc(text)}</li>`).join("");
	const skipped = skipped_items ? `<ul class="small text-muted">${skipped_items}</ul>` : "";
	const head = `${esc(__("Sheet"))}: ${esc(m.sheet || "CSV")} · ${esc(__("Header row"))}: ${esc(m.header_row)}`;
	const column_head = [__("Column"), __("Field"), __("Confidence"), __("Found by")];
	const column_cells = column_head.map((text) => `<th>${esc(text)}</th>`).join("");
	const value_head = [__("Field"), __("Value"), __("Means")].map((text) => `<th>${esc(text)}</th>`).join("");
	const value_table = values
		? `<table class="table table-bordered table-sm"><thead><tr>${value_head}</tr></thead><tbody>${values}</tbody></table>`
		: "";
	wrapper.html(
		`<p>${head}</p>${skipped}<table class="table table-bordered table-sm"><thead><tr>${column_cells}</tr></thead><tbody>${columns}</tbody></table>${value_table}${provided}`
	);
}

function confirm_mapping(frm) {
	const wrapper = frm.get_field("mapping_editor").$wrapper;
	const mapping = { columns: {}, values: {}, provided: {} };
	wrapper.find("select[data-header]").each((_i, s) => {
		mapping.columns[s.dataset.header] = s.value;
	});
	wrapper.find("select[data-fieldname]").each((_i, s) => {
		if (s.value) (mapping.values[s.dataset.fieldname] ||= {})[s.dataset.value] = s.value;
	});
	wrapper.find("input[data-provided]").each((_i, input) => {
		if (input.value) mapping.provided[input.dataset.provided] = input.value;
	});
	frm.call({ doc: frm.doc, method: "confirm_mapping", args: { mapping: JSON.stringify(mapping) }, freeze: true }).then(
		() => frm.reload_doc()
	);
}
