"""The clerks' and archivists' flows in a real browser: Debian's headless Chromium, driven by
Playwright, against the app served by uvicorn over the ingested sample scans.

Set BAULAST_SCREENSHOTS=docs/screenshots to refresh the screenshots the README shows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select

from baulast.db.models import Batch
from tests.browser import browser_session, live_server
from tests.conftest import WEB_PASSWORD

VIEWPORT = {"width": 1280, "height": 860}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module."""
    with browser_session() as started:
        yield started


@pytest.fixture
def site(web_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app served on loopback: its base URL."""
    with live_server(web_app) as base:
        yield base


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BAULAST_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _snap(page: Page, folder: Path, name: str) -> None:
    """A full-page screenshot, checked to be a real PNG."""
    target = folder / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and target.stat().st_size > 10_000


def _sign_in(page: Page, site: str, user: str, target: str = "/search") -> None:
    page.goto(site + target)
    expect(page).to_have_url(re.compile(r"/login\?next="))  # anonymous: to the sign-in page first
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", WEB_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(site + target)


def test_clerk_searches_a_parcel_opens_the_record_and_downloads_the_pdf(browser: Browser, site: str,
                                                                          tmp_path: Path) -> None:
    shots = _shots(tmp_path)
    page = browser.new_page(viewport=VIEWPORT, accept_downloads=True)
    page.goto(site + "/login")
    _snap(page, shots, "login")
    _sign_in(page, site, "kaarst")
    expect(page.locator("header .who")).to_contain_text("kaarst · clerk · Kaarst")

    page.fill("input[name=q]", "Gemarkung Kaarst, Flur 35, Flurstück 553")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    expect(page.locator(".reading")).to_contain_text("parcel Gemarkung Kaarst, Flur 35, Flurstück 553")
    hits = page.locator("table.hits tbody tr.hit")
    expect(hits).to_have_count(1)
    expect(hits.first).to_contain_text("336c")
    _snap(page, shots, "search")

    page.click("table.hits a:has-text('336c')")
    page.wait_for_url(re.compile(r"/records/\d+"))
    expect(page.locator("h1")).to_contain_text("Baulastenblatt 336c · Kaarst")
    expect(page.locator("table.entries")).to_contain_text("gelöscht")  # the deleted entry is marked
    page_image = page.locator(".viewer figure.page img")
    expect(page_image).to_be_visible()
    assert page_image.evaluate("img => img.complete && img.naturalWidth > 500")
    assert page.locator("svg.overlay rect.box").count() >= 3  # evidence of the fields highlighted
    assert page.locator("ol.thumbs img").count() >= 1
    _snap(page, shots, "record")

    with page.expect_download() as download_info:
        page.click("text=Download searchable PDF")
    download = download_info.value
    assert download.suggested_filename == "baulast-Kaarst-336c.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes()[:5] == b"%PDF-"

    # What another municipality holds does not exist for this clerk.
    page.goto(site + "/search?q=Zons")
    expect(page.locator("body")).to_contain_text("No record matches")


def test_archivist_corrects_a_field_and_accepts_in_the_review_queue(browser: Browser, site: str,
                                                                   tmp_path: Path) -> None:
    shots = _shots(tmp_path)
    page = browser.new_page(viewport=VIEWPORT)
    _sign_in(page, site, "archivist", "/review")
    _snap(page, shots, "review-queue")
    row = page.locator("table.queue tr", has_text="akte_0003.jpg")
    record_id = int(row.locator("a").first.inner_text())
    row.locator("a").first.click()
    page.wait_for_url(f"{site}/review/{record_id}")
    expect(page.locator(".findings")).to_contain_text("parcels read with confidence")
    crops = page.locator("img.crop")
    assert crops.count() >= 3 and all(crops.nth(i).evaluate("i => i.complete && i.naturalWidth > 0")
                                      for i in range(crops.count()))
    _snap(page, shots, "review")

    # The pipeline's reading is shown for checking. A slip first, saved only: the record stays
    # in the queue with the slip. Then the sheet's parcels: Enter saves and accepts.
    parcels = page.locator("input[name=parcels]")
    expect(parcels).to_have_value(re.compile(r"Kaarst \d+ 137/22; Kaarst \d+ 553"))
    parcels.fill("Kaarst 36 137/22; Kaarst 36 553")
    page.click("button[value=save]")
    page.wait_for_url(f"{site}/review/{record_id}")
    expect(page.locator("input[name=parcels]")).to_have_value("Kaarst 36 137/22; Kaarst 36 553")
    parcels = page.locator("input[name=parcels]")
    parcels.fill("Kaarst 35 137/22; Kaarst 35 553")
    parcels.press("Enter")
    page.wait_for_url(re.compile(rf"accepted={record_id}"))
    expect(page.locator(".notice")).to_contain_text(f"Record {record_id} accepted")

    page.goto(f"{site}/records/{record_id}")
    expect(page.locator("h1 .status")).to_have_text("accepted")
    history = page.locator("table.history")
    expect(history).to_contain_text("archivist")
    expect(history).to_contain_text("parcels")
    expect(page.locator("table.fields")).to_contain_text("Kaarst, Flur 35, Flurstück 137/22")

    # The record is gone from the queue.
    page.goto(site + "/review")
    expect(page.locator("table.queue")).not_to_contain_text("akte_0003.jpg")


def test_auskunft_and_audit_pages(browser: Browser, site: str, web_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shots = _shots(tmp_path)
    page = browser.new_page(viewport=VIEWPORT, accept_downloads=True)
    _sign_in(page, site, "admin", "/auskunft")
    page.fill("input[name=parcel]", "Hoisten 27 2059")
    page.keyboard.press("Enter")
    expect(page.locator("main h2")).to_contain_text("Gemarkung Hoisten, Flur 27, Flurstück 2059")
    _snap(page, shots, "auskunft")
    with page.expect_download() as download_info:
        page.click("text=Issue the Auskunft as PDF")
    assert download_info.value.suggested_filename.startswith("auskunft-Gemarkung-Hoisten")

    page.goto(site + "/admin/audit")
    table = page.locator("table.audit")
    expect(table).to_contain_text("auskunft")
    expect(table).to_contain_text("login")
    _snap(page, shots, "audit")
    page.goto(site + "/batches")
    with web_app.state.services.db.session() as session:  # other tests may have ingested into the samples again
        batches = session.scalar(select(func.count()).select_from(Batch))
    expect(page.locator("table.batches tbody tr")).to_have_count(batches)
    expect(page.locator("table.batches")).to_contain_text("21")  # the sample batch: 21 files
    _snap(page, shots, "batches")
