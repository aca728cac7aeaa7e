// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Enterprise Support Case", {
	setup(frm) {
		frm.set_query("business_doctype", () => ({
			filters: { name: ["in", ["Lead", "Prospect", "Customer"]] },
		}));
	},
	refresh(frm) {
		business_search(frm);
	},
});

// "Find Business" above the record type: type a business's name, pick it, and record type and business are
// set from the pick (qs_wirtschaft/business_search.py searches leads, prospects and customers the user may
// read). A helper of the form, not a field of the DocType: nothing of it is saved.
function business_search(frm) {
	if (!frm.mq_business_search) {
		const $wrapper = $('<div class="mq-business-search"></div>').insertBefore(
			frm.fields_dict.business_doctype.$wrapper
		);
		const control = frappe.ui.form.make_control({
			parent: $wrapper,
			df: {
				fieldtype: "Autocomplete",
				fieldname: "mq_business_search",
				label: __("Find Business"),
				description: __("Type the business's name: leads, prospects and customers are searched"),
				max_items: 30,
				get_query: () => ({
					query: "mehrwert_quartier.qs_wirtschaft.business_search.search_businesses",
				}),
				change: () => pick_business(frm, control),
			},
			render_input: true,
		});
		frm.mq_business_search = control;
	}
	const editable = frm.doc.docstatus === 0 && frappe.model.can_write("Enterprise Support Case");
	frm.mq_business_search.$wrapper.closest(".mq-business-search").toggle(Boolean(editable));
	frm.mq_business_search.set_value("");
}

function pick_business(frm, control) {
	const value = control.get_value() || "";
	const separator = value.indexOf("|");
	if (separator < 1) return;
	const doctype = value.slice(0, separator);
	const name = value.slice(separator + 1);
	frm.set_value("business_doctype", doctype)
		.then(() => frm.set_value("business", name))
		.then(() => control.set_value(""));
}
