"""The page of ``translit serve`` in a real headless browser: Debian's chromium driven by selenium.

A real uvicorn serves the app in a background thread on a free port (``tests/serve_helpers.py``);
chromium (``/usr/bin/chromium``) is driven through ``/usr/bin/chromedriver`` (Debian packages
``chromium`` and ``chromium-driver``, which ``scripts/ensure-system-deps.sh`` installs). The tests
type Cyrillic names as a user would, with the keyboard only, and read from the page the Łacinka
result (expected values from the reference pairs in ``tests/data/``) and the resolved id and
canonical forms (from the gazetteer's tables). Screenshots go to ``tests/artifacts/`` (git-ignored;
``TRANSLIT_TEST_ARTIFACTS`` names another directory); each test prints the path.

Without chromium, chromedriver or selenium the tests are skipped, except in CI (``CI=true``), where
they fail: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_helpers import (
    LUKASHENKA,
    MAHILOU,
    MAHILOU_BGN,
    MAHILOU_LACINKA,
    entity_id,
    gazetteer,
    ref,
    running_server,
)

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("TRANSLIT_TEST_ARTIFACTS") or ROOT / "tests" / "artifacts")
IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
CHROMEDRIVER = shutil.which("chromedriver") or (
    "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
CHROMIUM_FLAGS = (
    # root, no display, no internet: without the networking flags chromium stalls on start
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
    "--window-size=1200,1000",
)
WAIT = 20  # seconds for a result to appear


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    try:
        import uvicorn  # noqa: F401
    except ImportError:
        return "the serve extra is not installed (pip install -e '.[test]')"
    if not CHROMIUM or not CHROMEDRIVER:
        return "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
    return None


MISSING = _missing()
if MISSING and not IN_CI:
    pytest.skip(f"no browser test: {MISSING}", allow_module_level=True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with running_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if MISSING:  # only in CI: there the browser test must run
        pytest.fail(f"CI=true but the browser test cannot run: {MISSING}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="translit-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for(browser: Any, condition: Callable[[], Any], what: str) -> Any:
    """``condition()``'s first truthy value within :data:`WAIT` seconds."""
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        return WebDriverWait(browser, WAIT, poll_frequency=0.05).until(lambda _: condition())
    except Exception:
        screenshot(browser, "serve-page-failure")
        errors = browser.find_element("id", "error").text
        raise AssertionError(f"timed out waiting for {what}; the page's error line: {errors!r}") from None


def screenshot(browser: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    browser.save_screenshot(str(path))
    print(f"screenshot: {path}")
    return path


def focused_id(browser: Any) -> str:
    return browser.switch_to.active_element.get_attribute("id")


def open_page(browser: Any, server: str) -> None:
    browser.get(f"{server}/")
    wait_for(browser, lambda: browser.execute_script("return document.readyState") == "complete", "the page")


def converted_text(browser: Any) -> str:
    return browser.execute_script("return document.getElementById('converted').textContent")


def test_typing_a_cyrillic_name_shows_lacinka_and_its_id(browser: Any, server: str) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server)
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)  # keyboard only: the first stop is the text box
    assert focused_id(browser) == "input"
    browser.switch_to.active_element.send_keys(MAHILOU)
    wait_for(browser, lambda: converted_text(browser) == MAHILOU_LACINKA, f"the Łacinka {MAHILOU_LACINKA!r}")
    place = entity_id(MAHILOU)
    mark = browser.find_element("css selector", "#converted mark.name")
    assert (mark.text, mark.get_attribute("data-id")) == (MAHILOU_LACINKA, place)
    item = browser.find_element("css selector", "#names li")
    assert item.get_attribute("data-id") == place and place in item.text
    written = gazetteer()[place]
    for style in ("be", "ru", "be-lacinka", "en"):
        form = browser.find_element("css selector", f'#names li dd[data-style="{style}"]')
        assert form.text == written[style]
    identified = browser.find_element("id", "identified")
    assert identified.get_attribute("data-guess") == "be" and identified.is_displayed()
    assert "1 name found" in browser.find_element("id", "status").text
    screenshot(browser, "serve-page")


def test_keyboard_only_resolves_names(browser: Any, server: str) -> None:
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server)
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    field = browser.switch_to.active_element
    field.send_keys(LUKASHENKA, Keys.ENTER, MAHILOU_BGN)
    field.send_keys(Keys.TAB)  # to the choice of what to do; its first option: resolve names
    assert focused_id(browser) == "mode"
    browser.switch_to.active_element.send_keys(Keys.HOME)
    wait_for(browser, lambda: browser.find_element("id", "mode").get_attribute("value") == "@resolve", "resolve mode")
    wait_for(browser, lambda: len(browser.find_elements("css selector", "#names li[data-query]")) == 2, "two names")
    items = browser.find_elements("css selector", "#names li[data-query]")
    assert [(li.get_attribute("data-query"), li.get_attribute("data-id")) for li in items] == [
        (LUKASHENKA, entity_id(LUKASHENKA)), (MAHILOU_BGN, entity_id(MAHILOU))]
    person = gazetteer()[entity_id(LUKASHENKA)]
    assert person["be-lacinka"] in items[0].text and person["ru"] in items[0].text
    assert browser.find_element("id", "converted-block").is_displayed() is False
    # The rest of the focus order: the reverse box (disabled while resolving, so skipped), the button.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert focused_id(browser) == "run"
    screenshot(browser, "serve-page-resolve")


def test_a_name_too_long_is_reported_by_its_line(browser: Any, server: str) -> None:
    from selenium.webdriver.support.ui import Select

    open_page(browser, server)
    Select(browser.find_element("id", "mode")).select_by_value("@resolve")
    field = browser.find_element("id", "input")
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))",
                           field, f"{MAHILOU}\n\n" + "a" * 301)
    error = browser.find_element("id", "error")
    wait_for(browser, lambda: error.is_displayed(), "the error line")
    assert error.text.startswith("Error: line 3: 301 characters"), error.text


def test_every_control_has_a_label_and_results_are_announced(browser: Any, server: str) -> None:
    open_page(browser, server)
    unlabeled = browser.execute_script("""
        return [...document.querySelectorAll('input, select, textarea, button')]
          .filter(e => !(e.labels && e.labels.length) && !e.textContent.trim()).map(e => e.id);""")
    assert unlabeled == []
    live = browser.find_element("id", "live")
    assert live.get_attribute("aria-live") == "polite"
    assert browser.find_element("id", "error").get_attribute("role") == "alert"


def test_readable_on_a_phone(browser: Any, server: str) -> None:
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(390, 844)
    try:
        open_page(browser, server)
        browser.find_element("id", "input").send_keys(f"{LUKASHENKA} наведаў {MAHILOU}.", Keys.CONTROL, Keys.ENTER)
        wait_for(browser, lambda: MAHILOU_LACINKA in converted_text(browser), "the result")
        surname = ref("lacinka_examples.tsv", "lacinka-media", "Лукашэнка")  # Łukašenka
        marks = browser.find_elements("css selector", "#converted mark.name")
        assert [(m.text.endswith(surname), m.get_attribute("data-id")) for m in marks] == [
            (True, entity_id(LUKASHENKA)), (False, entity_id(MAHILOU))]
        wide = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert wide[0] <= wide[1], f"the page scrolls sideways on a phone: {wide}"
        size = browser.execute_script("return parseFloat(getComputedStyle(document.getElementById('input')).fontSize)")
        assert size >= 14
        browser.execute_script("document.getElementById('result').scrollIntoView()")
        screenshot(browser, "serve-page-phone")
    finally:
        browser.set_window_size(1200, 1000)
