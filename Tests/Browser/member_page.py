#!/usr/bin/env python3
"""Drives a member's personal link page in headless Chromium, as a member's phone would.

    member_page.py open URL WORKDIR [BUTTON DONE]      open the page and check it shows its BUTTON form
    member_page.py confirm URL WORKDIR [BUTTON DONE]   open the page, tap BUTTON, and wait for the text DONE

BUTTON and DONE default to a notice's 确认收到 and 已确认收到; an activity's page uses 确认参加 and 已报名.

Debian's chromium and chromium-driver (/usr/bin/chromedriver) are used as installed, never downloaded:
Selenium is given the driver's path and told to stay offline. Everything the browser writes (profile, cache,
driver log, screenshots) goes under WORKDIR. Prints one line of JSON; exits 1 when the page is not as expected.
"""

import json
import os
import signal
import sys

from selenium import webdriver
from selenium.common.exceptions import SessionNotCreatedException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("PARTY_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("PARTY_CHROMEDRIVER", "/usr/bin/chromedriver")


def reset_inherited_state():
    """Gives the browser the process state a shell would. The Swift test runner that starts this script runs
    in-process daemons beside it: one binding its socket has the process-wide umask narrowed for a moment (a child
    started then inherits it, and Chromium cannot use the profile it creates: it crashes with SIGTRAP), and NIO and
    libdispatch leave signals ignored or blocked, which children inherit too.
    """
    os.umask(0o077)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    for number in signal.valid_signals():
        if number in (signal.SIGKILL, signal.SIGSTOP):
            continue
        try:
            signal.signal(number, signal.SIG_DFL)
        except (OSError, ValueError):
            pass


def browser(workdir):
    """Chromium under chromedriver; a start that fails (a busy machine) is tried again, three times at most."""
    for attempt in range(3):
        try:
            return start_browser(workdir, attempt)
        except SessionNotCreatedException:
            log = os.path.join(workdir, "chromedriver-%d.log" % attempt)
            if os.path.exists(log):
                with open(log, encoding="utf-8", errors="replace") as file:
                    sys.stderr.write("chromedriver log (attempt %d):\n%s\n" % (attempt, file.read()[-3000:]))
            if attempt == 2:
                raise


def start_browser(workdir, attempt):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in CI; the page is our own, on 127.0.0.1
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=390,844",  # a phone's viewport
        "--user-data-dir=" + os.path.join(workdir, "profile-%d" % attempt),
        "--disk-cache-dir=" + os.path.join(workdir, "cache"),
        "--crash-dumps-dir=" + os.path.join(workdir, "crashes"),
    ):
        options.add_argument(argument)
    service = Service(
        executable_path=DRIVER,
        log_output=os.path.join(workdir, "chromedriver-%d.log" % attempt),
        service_args=["--verbose"],
    )
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    return driver


def page_text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def main():
    if len(sys.argv) not in (4, 6) or sys.argv[1] not in ("open", "confirm"):
        print(__doc__, file=sys.stderr)
        return 3
    step, url, workdir = sys.argv[1:4]
    label, done = sys.argv[4:6] if len(sys.argv) == 6 else ("确认收到", "已确认收到")
    reset_inherited_state()
    driver = browser(workdir)
    try:
        driver.get(url)
        text = page_text(driver)
        buttons = [button.text for button in driver.find_elements(By.TAG_NAME, "button")]
        if label not in buttons and step == "confirm" and done in text:
            # A retry after a browser that died once the tap had gone through: the page already shows it taken
            # (the test checks separately that it was recorded once).
            print(json.dumps({"step": step, "title": driver.title, "confirmed": True, "retried": True}, ensure_ascii=False))
            return 0
        if label not in buttons:
            print(json.dumps({"step": step, "error": "no %s button" % label, "text": text}, ensure_ascii=False))
            return 1
        if step == "open":
            driver.save_screenshot(os.path.join(workdir, "opened.png"))
            print(json.dumps({"step": step, "title": driver.title, "buttons": buttons}, ensure_ascii=False))
            return 0
        confirm = next(b for b in driver.find_elements(By.TAG_NAME, "button") if b.text == label)
        confirm.click()
        WebDriverWait(driver, 20).until(lambda d: done in page_text(d))
        driver.save_screenshot(os.path.join(workdir, "confirmed.png"))
        text = page_text(driver)
        remaining = [button.text for button in driver.find_elements(By.TAG_NAME, "button")]
        print(
            json.dumps(
                {"step": step, "title": driver.title, "confirmed": done in text, "buttons": remaining},
                ensure_ascii=False,
            )
        )
        return 0 if not remaining else 1
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
