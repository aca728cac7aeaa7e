// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// "Find Units": vacant commercial units ranked for the request (rules/settlement.py), one click to choose.

frappe.ui.form.on("Settlement Request", {
	setup(frm) {
		frm.set_query("business_doctype", () => ({
			filters: { name: ["in", ["Lead", "Prospect", "Customer"]] },
		}));
		frm.set_query("commercial_unit", () => ({ filters: { status: ["in", ["Vacant", "Under Renovation"]] } }));
	},
	refresh(frm) {
		if (frm.is_new() || !["Open", "Units Proposed"].includes(frm.doc.status)) return;
		// a button of its own: the workflow's actions already sit in a menu named "Aktionen"
		frm.add_custom_button(__("Find Units"), () => show_units(frm));
	},
});

function show_units(frm) {
	const dialog = new frappe.ui.Dialog({
		title: __("Find Units"),
		size: "large",
		fields: [{ fieldname: "results", fieldtype: "HTML" }],
	});
	dialog.show();
	const doc = frm.doc;
	frappe
		.call(
			"mehrwert_quartier.qs_wirtschaft.doctype.commercial_unit.commercial_unit.rank_for_request",
			// only the criteria set: an empty one sent as null fails the method's typed arguments
			Object.fromEntries(
				Object.entries({
					min_floor_space: doc.min_floor_space || 0,
					max_floor_space: doc.max_floor_space,
					programme_area: doc.programme_area,
					use_type: doc.use_type,
					max_rent: doc.max_rent,
				}).filter(([key, value]) => key === "min_floor_space" || (value !== null && value !== undefined && value !== "" && value !== 0))
			)
		)
		.then(({ message }) => {
			const rows = (message || []).map((u) => ({
				title: u.unit_title,
				subtitle: [
					u.programme_area,
					u.floor_space ? `${mehrwert_quartier.format_number(u.floor_space, 0)} m²` : null,
					u.monthly_rent ? `${mehrwert_quartier.format_number(u.monthly_rent, 2)} € ${__("per month")}` : null,
				].filter(Boolean).join(" · "),
				route: `/app/commercial-unit/${encodeURIComponent(u.name)}`,
				score: u.score,
				explanation: u.explanation,
				action: {
					label: __("Choose"),
					run: () => {
						dialog.hide();
						frm.set_value("commercial_unit", u.name).then(() => frm.save());
					},
				},
			}));
			mehrwert_quartier.render_matches(dialog.fields_dict.results.$wrapper, rows,
				__("No available unit fits this request."));
		});
}
