// "My Day" block of the role workspaces (a Custom HTML Block made at install: setup/workspaces.py).
// Frappe runs it with `root_element` (the block's shadow root); the data come from desk_home.py, every
// value is escaped before it is shown.
const wrapper = root_element.querySelector(".mq-day");
const esc = frappe.utils.escape_html;
const SECTIONS = {
	counsellor_day: [
		["caseload", __("My caseload")],
		["todos", __("My open follow-ups and ToDos")],
		["today", __("Today's consultations")],
		["week", __("This week's consultations")],
		["without_consent", __("My participants without valid consent")],
	],
	coach_day: [
		["cases", __("My support cases")],
		["steps", __("My steps due within a week")],
		["units", __("Vacant commercial units")],
	],
};
const method = wrapper.dataset.method;
const slug = (doctype) => doctype.toLowerCase().replace(/ /g, "-");
const value_text = (key, value) => {
	if (value === null || value === undefined || value === "") return "";
	if (/date$/.test(key)) return frappe.datetime.str_to_user(value);
	if (key === "start_time") return String(value).slice(0, 5);
	if (key === "floor_space") return `${format_number(value, null, 0)} m²`;
	if (["status", "consultation_type", "reference_type"].includes(key)) return __(value);
	return frappe.utils.html2text(String(value));
};
const row_html = (doctype, row) => {
	const keys = Object.keys(row).filter((k) => k !== "name");
	const route = row.reference_type
		? `/app/${slug(row.reference_type)}/${encodeURIComponent(row.reference_name)}`
		: `/app/${slug(doctype)}/${encodeURIComponent(row.name)}`;
	const title = keys.length ? value_text(keys[0], row[keys[0]]) : row.name;
	const rest = keys.slice(1).filter((k) => k !== "reference_name").map((k) => value_text(k, row[k])).filter(Boolean);
	return `<li><a href="${esc(route)}">${esc(title || row.name)}</a>
		<span class="text-muted small">${esc(rest.join(" · "))}</span></li>`;
};
frappe.xcall(`mehrwert_quartier.desk_home.${method}`).then((data) => {
	const html = SECTIONS[method]
		.filter(([key]) => data[key])
		.map(([key, label]) => {
			const section = data[key];
			const items = section.rows.map((r) => row_html(section.doctype, r)).join(""); // escaped in row_html
			const rows = section.rows.length
				? `<ul class="list-unstyled">${items}</ul>`
				: `<p class="text-muted small">${esc(__("Nothing to do here."))}</p>`;
			return `<div class="mq-day-section" data-section="${esc(key)}">
				<h6>${esc(label)} <span class="badge badge-light">${esc(String(section.count))}</span></h6>${rows}</div>`;
		})
		.join("");
	wrapper.innerHTML = html;
});
