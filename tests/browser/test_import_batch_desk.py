"""A member of staff checks a workbook's import batch in the desk and imports it with the form's button."""

import base64
import datetime
import io
import uuid

from conftest import login
from openpyxl import Workbook
from playwright.sync_api import expect

STAFF = "projektleitung@mehrwert.example"


def workbook(last_name: str) -> bytes:
    book = Workbook()
    book.active.append(["Vorname", "Nachname", "Geburtsdatum", "Postleitzahl"])
    for i, first_name in enumerate(("Anna", "Bernd")):
        book.active.append(
            [first_name, last_name, datetime.date(1980 + i, 5, 17), "04315"]
        )
    content = io.BytesIO()
    book.save(content)
    return content.getvalue()


def test_staff_import_a_validated_batch_from_the_form(page, base_url):
    failed = []
    page.on(
        "response",
        lambda r: (
            r.status >= 400 and "/socket.io/" not in r.url and failed.append(r.url)
        ),
    )
    login(page, base_url, STAFF)
    page.wait_for_load_state("networkidle")
    last_name = f"Desk{uuid.uuid4().hex[:6]}"
    response = page.request.post(
        f"{base_url}/api/method/mehrwert_quartier.partner_exchange.api.upload",
        data={
            "import_doctype": "Participant",
            "filename": "teilnehmende.xlsx",
            "filedata": base64.b64encode(workbook(last_name)).decode(),
        },
        headers={"X-Frappe-CSRF-Token": page.evaluate("frappe.csrf_token")},
    )
    batch = response.json()["message"]
    assert batch["status"] == "Validated", batch

    page.goto(f"{base_url}/app/import-batch/{batch['name']}")
    expect(page.locator(".indicator-pill").first).to_contain_text("Geprüft")
    preview = page.locator("[data-fieldname='preview'] table")
    expect(preview).to_contain_text("Zeile")
    expect(preview).to_contain_text(f"last_name:  → {last_name}")
    page.get_by_role("button", name="Importieren").click()
    expect(page.locator(".indicator-pill").first).to_contain_text(
        "Importiert", timeout=20000
    )
    expect(preview).to_contain_text("TN-")
    # the browser layer runs no realtime server: its socket.io polls fail, nothing else may
    assert failed == []
    assert [e for e in page.errors if e.startswith("pageerror")] == []
