// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.provide("mehrwert_quartier.reporting");

// the last 31 December before today (the default cut-off of the cumulative values)
mehrwert_quartier.reporting.last_31_december = () => {
	const today = frappe.datetime.str_to_obj(frappe.datetime.get_today());
	const year = today.getMonth() === 11 && today.getDate() === 31 ? today.getFullYear() : today.getFullYear() - 1;
	return `${year}-12-31`;
};

// a count as a link that opens the list of records behind it (the list applies the user's permissions)
mehrwert_quartier.reporting.drill_link = (value, figure, gender) => {
	const text = frappe.utils.escape_html(String(value));
	if (!figure || !value) return text;
	return `<a href="#" class="mq-drill" data-figure="${frappe.utils.escape_html(figure)}"
		data-gender="${frappe.utils.escape_html(gender || "")}">${text}</a>`;
};

mehrwert_quartier.reporting.open_drill_down = (report, method, figure, gender) => {
	frappe.call({
		method,
		args: { filters: report.get_filter_values(), figure, gender: gender || null },
		callback: ({ message }) => {
			if (!message) return;
			if (!message.names.length) {
				frappe.msgprint(__("No records behind this figure."));
				return;
			}
			frappe.route_options = { [message.field]: ["in", message.names] };
			frappe.set_route("List", message.doctype);
		},
	});
};

const ESF_GENDERS = { female: "Female", male: "Male", non_binary: "Non-binary", total: "" };

frappe.query_reports["ESF Plus Indicators"] = {
	filters: [
		{ fieldname: "mode", label: __("Values"), fieldtype: "Select", default: "Cumulative",
			options: [{ value: "Cumulative", label: __("Cumulative") }, { value: "Period", label: __("Period") }] },
		{ fieldname: "cut_off_date", label: __("Cut-off Date"), fieldtype: "Date",
			default: mehrwert_quartier.reporting.last_31_december(), depends_on: "eval:doc.mode!='Period'" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date",
			default: frappe.datetime.year_start(), depends_on: "eval:doc.mode=='Period'" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.year_end(),
			depends_on: "eval:doc.mode=='Period'" },
		{ fieldname: "programme_area", label: __("Programme Area"), fieldtype: "Link", options: "Programme Area" },
	],
	formatter(value, row, column, data, default_formatter) {
		const gender = ESF_GENDERS[column.fieldname];
		if (gender === undefined || !data || value === null || value === undefined || value === "") {
			return default_formatter(value, row, column, data);
		}
		if (data.kind === "Rate") return frappe.utils.escape_html(`${value} %`);
		if (data.kind === "Enterprise" && gender) return "";
		return mehrwert_quartier.reporting.drill_link(value, data.figure, gender);
	},
	onload(report) {
		// the participant-level export for the funder (only users who may export participants get a file)
		for (const [format, label] of [["xlsx", __("Funder Export (Excel)")], ["csv", __("Funder Export (CSV)")]]) {
			report.page.add_inner_button(label, () => {
				const values = report.get_filter_values();
				open_url_post("/api/method/mehrwert_quartier.reporting.funder_export.download", {
					file_format: format,
					cut_off_date: values.mode === "Period" ? values.to_date : values.cut_off_date,
					programme_area: values.programme_area || "",
				});
			}, __("Export"));
		}
		report.page.wrapper.on("click", ".mq-drill", (event) => {
			event.preventDefault();
			const link = event.currentTarget;
			mehrwert_quartier.reporting.open_drill_down(report,
				"mehrwert_quartier.reporting.report.esf_plus_indicators.esf_plus_indicators.drill_down",
				link.dataset.figure, link.dataset.gender);
		});
	},
};
