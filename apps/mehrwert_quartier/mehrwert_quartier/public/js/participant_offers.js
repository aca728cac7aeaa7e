// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// "Find Offers" on the participant: ranked training offers with the reasons, one click to refer.

frappe.ui.form.on("Participant", {
	refresh(frm) {
		// Find Offers ends in a referral: only for those who may create one (not a read-only role)
		if (frm.is_new() || !frappe.model.can_create("Referral")) return;
		frm.add_custom_button(__("Find Offers"), () => show_offer_finder(frm), __("Actions"));
	},
});

function show_offer_finder(frm) {
	// the languages of the offers (rules/languages.py is the one list)
	frappe.model.with_doctype("Training Offer", () => make_offer_finder(frm));
}

function make_offer_finder(frm) {
	const languages = frappe.meta.get_docfield("Training Offer", "language_of_instruction").options;
	const dialog = new frappe.ui.Dialog({
		title: __("Find Offers"),
		size: "large",
		fields: [
			{ fieldname: "category", fieldtype: "Select", label: __("Category"),
				options: ["", "Language", "Qualification", "Job Application Training", "Digital Skills", "Health",
					"Self-employment", "Vocational Orientation", "Other"] },
			{ fieldname: "language", fieldtype: "Select", label: __("Language of Instruction"),
				options: ["", ...languages.split("\n")] },
			{ fieldtype: "Column Break" },
			{ fieldname: "area", fieldtype: "Link", options: "Programme Area", label: __("Programme Area") },
			{ fieldname: "start_from", fieldtype: "Date", label: __("Start Date") },
			{ fieldtype: "Section Break" },
			{ fieldname: "results", fieldtype: "HTML" },
		],
		primary_action_label: __("Search"),
		primary_action: (values) => search(frm, dialog, values),
	});
	dialog.show();
	search(frm, dialog, {});
}

function search(frm, dialog, values) {
	frappe
		.call("mehrwert_quartier.qs_arbeit.offer_finder.find_offers", { participant: frm.doc.name, ...values })
		.then(({ message }) => {
			const rows = (message || []).map((o) => ({
				title: o.offer_title,
				subtitle: `${o.provider} · ${__(o.category)}${o.start_date ? " · " + frappe.datetime.str_to_user(o.start_date) : ""}`,
				route: `/app/training-offer/${encodeURIComponent(o.name)}`,
				score: o.score,
				explanation: o.reasons.map((reason) => ({ criterion: reason, points: "✓" })),
				action: { label: __("Refer"), run: () => frappe.new_doc("Referral", { participant: frm.doc.name, offer: o.name }) },
			}));
			mehrwert_quartier.render_matches(dialog.fields_dict.results.$wrapper, rows,
				__("No open offer matches these criteria."));
		});
}
