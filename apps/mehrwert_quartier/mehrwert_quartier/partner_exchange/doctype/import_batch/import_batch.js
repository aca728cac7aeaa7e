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
	const editable = frm.doc.status !== "Imported";
	const field_options = (selected) =>
		[`<option value="">${esc(__("— no field —"))}</option>`]
			.concat(
				m.fields.map(
					(f) =>
						`<option value="${esc(f.fieldname)}" ${f.fieldname === selected ? "selected" : ""}>${esc(f.label)}${f.reqd ? " *" : ""}</option>`
				)
			)
			.join("");
	const columns = m.columns
		.map(
			(c) => `<tr><td>${esc(c.header)}</td>
			<td><select class="form-control input-xs" data-header="${esc(c.header)}" ${editable ? "" : "disabled"}>${field_options(c.fieldname)}</select></td>
			<td>${c.fieldname ? esc(Math.round(c.confidence * 100) + " %") : ""}</td><td>${esc(__(c.how || ""))}</td></tr>`
		)
		.join("");
	const values = Object.entries(m.unknown_values || {})
		.map(([fieldname, list]) => {
			const label = (m.fields.find((f) => f.fieldname === fieldname) || {}).label || fieldname;
			const choices = (m.options[fieldname] || [])
				.map(([value, text]) => `<option value="${esc(value)}">${esc(text)}</option>`)
				.join("");
			return list
				.map(
					(value) => `<tr><td>${esc(label)}</td><td>${esc(value)}</td>
				<td><select class="form-control input-xs" data-fieldname="${esc(fieldname)}" data-value="${esc(value)}">
				<option value="">${esc(__("— choose —"))}</option>${choices}</select></td></tr>`
				)
				.join("");
		})
		.join("");
	const provided = (m.batch_wide || [])
		.map((fieldname) => {
			const label = (m.fields.find((f) => f.fieldname === fieldname) || {}).label || fieldname;
			const value = (m.provided || {})[fieldname] || "";
			return `<div class="form-group"><label>${esc(__("{0} for the whole file", [label]))}</label>
			<input class="form-control input-xs" data-provided="${esc(fieldname)}" value="${esc(value)}"></div>`;
		})
		.join("");
	const skipped = (m.skipped || []).map((text) => `<li>${esc(text)}</li>`).join("");
	wrapper.html(`
		<p>${esc(__("Sheet"))}: ${esc(m.sheet || "CSV")} · ${esc(__("Header row"))}: ${esc(m.header_row)}</p>
		${skipped ? `<ul class="small text-muted">${skipped}</ul>` : ""}
		<table class="table table-bordered table-sm"><thead><tr><th>${esc(__("Column"))}</th><th>${esc(__("Field"))}</th>
		<th>${esc(__("Confidence"))}</th><th>${esc(__("Found by"))}</th></tr></thead><tbody>${columns}</tbody></table>
		${values ? `<table class="table table-bordered table-sm"><thead><tr><th>${esc(__("Field"))}</th><th>${esc(__("Value"))}</th><th>${esc(__("Means"))}</th></tr></thead><tbody>${values}</tbody></table>` : ""}
		${provided}`);
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
