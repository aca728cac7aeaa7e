// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Duplicate check at intake: likely duplicates appear with links while the record is entered; merge on saved ones.

frappe.ui.form.on("Participant", {
	first_name: (frm) => check_duplicates(frm),
	last_name: (frm) => check_duplicates(frm),
	date_of_birth: (frm) => check_duplicates(frm),
	postcode: (frm) => check_duplicates(frm),
	refresh(frm) {
		if (frm.is_new()) return;
		check_duplicates(frm);
		// merging deletes the duplicate: only for those who may delete participants (not a read-only role)
		if (frappe.model.can_delete("Participant")) {
			frm.add_custom_button(__("Merge Duplicate"), () => merge_dialog(frm), __("Actions"));
		}
	},
});

const check_duplicates = frappe.utils.debounce((frm) => {
	const { first_name, last_name, date_of_birth, postcode } = frm.doc;
	if (!first_name || !last_name) return;
	frappe
		.call("mehrwert_quartier.qs_arbeit.duplicates.find_duplicates", {
			first_name, last_name, date_of_birth, postcode, exclude: frm.is_new() ? null : frm.doc.name,
		})
		.then(({ message }) => {
			frm.dashboard.clear_headline();
			if (!message || !message.length) return;
			const links = message
				.map((p) => `<a href="/app/participant/${encodeURIComponent(p.name)}">${frappe.utils.escape_html(p.full_name)} (${frappe.utils.escape_html(p.name)})</a>
					<span class="text-muted">${p.reasons.map(frappe.utils.escape_html).join(", ")}</span>`)
				.join("<br>");
			frm.dashboard.set_headline_alert(`<b>${__("Likely duplicates")}:</b><br>${links}`, "orange");
		});
}, 500);

function merge_dialog(frm) {
	frappe.prompt(
		[{ fieldname: "duplicate", fieldtype: "Link", options: "Participant", reqd: 1, label: __("Duplicate to merge into this record") }],
		({ duplicate }) =>
			frappe.confirm(__("All records of {0} move to {1}, and {0} is deleted. Continue?", [duplicate, frm.doc.name]), () =>
				frappe
					.call({
						method: "mehrwert_quartier.qs_arbeit.duplicates.merge_participants",
						args: { source: duplicate, target: frm.doc.name },
						freeze: true,
					})
					.then(() => frm.reload_doc())
			),
		__("Merge Duplicate"),
		__("Merge")
	);
}
