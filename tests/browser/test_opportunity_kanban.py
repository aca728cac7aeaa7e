"""The business coach's Kanban board of opportunities: one column per sales stage (in German), the demo deals
as cards."""

from urllib.parse import quote

from conftest import login
from playwright.sync_api import expect

COACH = "coaching@mehrwert.example"
BOARD = "Opportunities by Sales Stage"
TYPES = [
	"Unternehmensberatung",
	"Unterstützung bei der Personalgewinnung",
	"Weiterbildungsbedarf",
	"Ansiedlung",
	"B2B-Kooperation",
	"Veranstaltungsteilnahme",
]
STAGES = ["Erstkontakt", "Bedarfsanalyse", "Unterstützung vereinbart", "In Betreuung", "Abgeschlossen"]


def test_the_kanban_board_shows_the_sales_stages_and_the_deals(page, base_url):
	failed = []
	page.on("response", lambda r: r.status >= 400 and "/socket.io/" not in r.url and failed.append(r.url))
	login(page, base_url, COACH)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/app/opportunity/view/kanban/{quote(BOARD)}")
	columns = page.locator(".kanban-column")
	expect(columns.first).to_be_visible(timeout=30000)
	titles = [t.strip() for t in page.locator(".kanban-column-title .kanban-title").all_inner_texts()]
	assert titles == STAGES
	expect(page.locator(".kanban-card-wrapper").first).to_be_visible()
	assert failed == []
	assert [e for e in page.errors if e.startswith("pageerror")] == []


def test_the_kanban_cards_show_type_area_and_coach(page, base_url):
	login(page, base_url, COACH)
	page.wait_for_load_state("networkidle")
	page.goto(f"{base_url}/app/opportunity/view/kanban/{quote(BOARD)}")
	card = page.locator(".kanban-card-wrapper").first
	expect(card).to_be_visible(timeout=30000)
	text = card.inner_text()
	for label in ("Programmgebiet", COACH):
		assert label in text, text
	assert any(t in text for t in TYPES), text
