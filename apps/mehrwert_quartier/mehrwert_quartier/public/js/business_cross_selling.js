// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// "Cross-selling Suggestions" on Lead, Prospect and Customer: complementary businesses of the same
// programme area with the reason, one click to record a Business Relation.

["Lead", "Prospect", "Customer"].forEach((doctype) => {
	frappe.ui.form.on(doctype, {
		refresh(frm) {
			if (frm.is_new()) return;
			frm.add_custom_button(__("Cross-selling Suggestions"), () => show_cross_selling(frm), __("Actions"));
		},
	});
});

function show_cross_selling(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Cross-selling Suggestions"),
		size: "large",
		fields: [{ fieldname: "results", fieldtype: "HTML" }],
	});
	dialog.show();
	frappe
		.call("mehrwert_quartier.qs_wirtschaft.cross_selling.get_suggestions", {
			doctype: frm.doctype,
			name: frm.doc.name,
		})
		.then(({ message }) => {
			const rows = (message || []).map((s) => ({
				title: s.title,
				subtitle: `${__(s.doctype)} · ${__(s.sector)}`,
				route: `/app/${frappe.router.slug(s.doctype)}/${encodeURIComponent(s.name)}`,
				score: s.reasons.length,
				explanation: s.reasons.map((reason) => ({ criterion: __(reason), points: "✓" })),
				action: {
					label: __("Create Business Relation"),
					run: () => {
						dialog.hide();
						frappe.new_doc("Business Relation", {
							business_a_doctype: frm.doctype,
							business_a: frm.doc.name,
							business_b_doctype: s.doctype,
							business_b: s.name,
							relation_type: "Cross-selling",
							status: "Idea",
						});
					},
				},
			}));
			mehrwert_quartier.render_matches(dialog.fields_dict.results.$wrapper, rows,
				__("No complementary business in this programme area. Check the sector and the programme area."));
		});
}
