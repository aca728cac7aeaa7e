// Data protection on the participant form (issue 14): the access export for the Data Protection Officer
frappe.ui.form.on("Participant", {
	refresh(frm) {
		if (frm.is_new() || !frappe.user.has_role("Data Protection Officer")) return;
		frm.add_custom_button(
			__("Access Export"),
			() =>
				frappe.call({
					method: "mehrwert_quartier.data_protection.access_export.export_participant",
					args: { participant: frm.doc.name },
					freeze: true,
					callback: (r) => {
						if (r.message) window.open(encodeURI(r.message));
						frm.reload_doc();
					},
				}),
			__("Data Protection")
		);
	},
});
