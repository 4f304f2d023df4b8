"""Write docs/report.png, the README's screenshot of `akhbar report`: a store built from the sample record and
the report test's five articles, its report opened in headless Chromium (Debian's chromium and chromedriver)
with the first event's sentence open.

    .venv/bin/python scripts/report_screenshot.py [--output docs/report.png]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INPUTS = (REPO / "examples" / "inputs" / "seed.jsonl", REPO / "tests" / "data" / "report_articles.jsonl")
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars")
WIDTH = 1280


def akhbar(*args: object) -> None:
    subprocess.run([sys.executable, "-m", "akhbar", *map(str, args)], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=REPO / "docs" / "report.png")
    parser.add_argument("--limit", type=int, default=8, help="Rows of the event table shown.")
    args = parser.parse_args()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory(prefix="akhbar-report-") as tmp:
        store, page = Path(tmp) / "store", Path(tmp) / "report.html"
        akhbar("build", *INPUTS, "--store", store)
        akhbar("report", "--store", store, "--output", page, "--limit", args.limit)
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'chromium'}", f"--window-size={WIDTH},1000"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.get(page.as_uri())
            driver.find_element(By.CSS_SELECTOR, "table#events tbody tr.event").click()
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(WIDTH, height)
            driver.execute_script("window.scrollTo(0, 0)")  # (the click scrolled its row into view)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.output))
        finally:
            driver.quit()
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
