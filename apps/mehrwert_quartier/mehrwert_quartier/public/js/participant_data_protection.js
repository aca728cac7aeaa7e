// Data protection on the participant form (issue 14): the access export for the Data Protection Officer, a
// workbook and a printable summary (PDF) of everything held about the person, both attached to the record
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
						frm.reload_doc();
						if (!r.message) return;
						const link = (url, label) =>
							`<a href="${frappe.utils.escape_html(encodeURI(url))}" target="_blank"` +
							` rel="noopener">${frappe.utils.escape_html(label)}</a>`;
						frappe.msgprint({
							title: __("Access Export"),
							indicator: "green",
							message: [
								link(r.message.workbook, __("Workbook (all records)")),
								link(r.message.summary, __("Printable Summary (PDF)")),
							].join("<br>"),
						});
					},
				}),
			__("Data Protection")
		);
	},
});
