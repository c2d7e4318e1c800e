"""The HTML report in a real browser: headless Chromium through Selenium.

    python tests/browser/report_test.py BINARY
        builds a report of the fixture articles with BINARY (a demarche executable), opens it
        from a file:// address and checks that the page fetches nothing, that the actor table
        sorts by a clicked header (numbers numerically), that the filter box and the
        minimum-quotes control hide the right rows, and that evidence quotes show their
        sentence.

    python tests/browser/report_test.py --screenshot PAGE.html SHOT.png
        a full-page screenshot of a report, to look at.

Chromium and its driver are found on the PATH or at /usr/bin (Debian's chromium and
chromium-driver packages).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "gold-a"
TOPIC = "restoring IAEA inspections in Iran"


def folded(name):
    """A name as the page's sort compares it: accents and case aside."""
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def browser(width=1280, height=900):
    options = webdriver.ChromeOptions()
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        # Nothing in the background: any request seen is the page's own.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--no-first-run",
    ]:
        options.add_argument(arg)
    binary = shutil.which("chromium") or "/usr/bin/chromium"
    options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(options=options, service=Service(driver_path))


def requests_made(driver):
    """The URLs the browser asked for since the last call, from its performance log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "table.actors tbody tr")


def shown(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('table.actors tbody tr'))"
        ".filter(r => r.getClientRects().length > 0)"
    )


def table(driver):
    """Each row in order: its names, quotes, cell sort values, and whether it shows."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('table.actors tbody tr')).map(r => ({"
        "names: r.dataset.name.split('\\n'), quotes: +r.dataset.quotes, actor: r.dataset.actor,"
        "cells: Array.from(r.cells).map(c => c.dataset.v ?? c.textContent.trim()),"
        "shown: r.getClientRects().length > 0}))"
    )


def quotes(row):
    return row["quotes"] if isinstance(row, dict) else int(row.get_attribute("data-quotes"))


def header(driver, name):
    for button in driver.find_elements(By.CSS_SELECTOR, "table.actors th button.sort"):
        if button.text.strip() == name:
            return button
    raise AssertionError(f"no {name!r} header")


def column(driver, index):
    return [float(r["cells"][index]) for r in table(driver) if r["shown"]]


def check(binary):
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        articles = sorted(str(p) for p in FIXTURES.glob("*.txt"))
        subprocess.run(
            [binary, "report", "--quiet", "--topic", TOPIC, "--format", "html",
             "-o", str(page), *articles],
            check=True,
        )
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in html

        driver = browser()
        try:
            driver.get(page.as_uri())
            WebDriverWait(driver, 10).until(
                lambda d: d.find_element(By.CSS_SELECTOR, ".controls").is_displayed()
            )
            total = len(rows(driver))
            assert total >= 10, f"only {total} actors"

            # Nothing fetched: the page itself is the only request, and no resources loaded.
            urls = requests_made(driver)
            assert urls and all(u.startswith("file://") for u in urls), urls
            assert urls.count(page.as_uri()) == len(urls), urls
            resources = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
            )
            assert resources == [], resources

            # Sorting: numbers numerically, largest first, then smallest first.
            report_order = [r["quotes"] for r in table(driver)]
            header(driver, "Confidence").click()
            conf = column(driver, 4)
            assert conf == sorted(conf, reverse=True), conf
            assert len(set(conf)) > 2, conf
            header(driver, "Confidence").click()
            conf = column(driver, 4)
            assert conf == sorted(conf), conf
            header(driver, "Quotes").click()
            q = [r["quotes"] for r in table(driver)]
            assert q == sorted(report_order, reverse=True), q
            header(driver, "Quotes").click()
            q = [r["quotes"] for r in table(driver)]
            assert q == sorted(report_order), q
            # The Votes column sorts by the lean (-1 to 1), where text order is not number
            # order ("-0.5" before "-1"). Which leans a report holds depends on the model, so
            # three rows are given leans whose text order differs from their number order.
            driver.execute_script(
                "const rows = document.querySelectorAll('table.actors tbody tr');"
                "['-0.5', '-1', '0.25'].forEach((v, i) => { rows[i].cells[5].dataset.v = v; });"
            )
            header(driver, "Votes").click()
            lean = [r["cells"][5] for r in table(driver)]
            assert [float(v) for v in lean] == sorted((float(v) for v in lean), reverse=True), lean
            assert sorted(lean, reverse=True) != lean, "text order would differ"
            header(driver, "Actor").click()
            names = [r["cells"][0] for r in table(driver)]
            assert names == sorted(names, key=folded), names
            assert "aria-sort" in header(driver, "Actor").find_element(By.XPATH, "..").get_attribute(
                "outerHTML"
            )

            # Filter: by a name, then by an alias that is not in the shown name.
            box = driver.find_element(By.CSS_SELECTOR, "input.filter")
            data = table(driver)
            word = data[0]["names"][0].split()[-1][:5]
            box.send_keys(word.upper())
            after = table(driver)
            visible = [r["actor"] for r in after if r["shown"]]
            expected = [r["actor"] for r in data if any(word in n for n in r["names"])]
            assert 0 < len(visible) < total, (word, len(visible), total)
            assert visible == expected, (word, visible, expected)
            status = driver.find_element(By.CSS_SELECTOR, ".shown").text
            assert status == f"{len(visible)} of {total} actors shown", status
            aliased = [
                r for r in data if any(a and a not in r["names"][0] for a in r["names"][1:])
            ]
            assert aliased, "an actor with an alias"
            alias = next(a for a in aliased[0]["names"][1:] if a not in aliased[0]["names"][0])
            box.clear()
            box.send_keys(alias)
            after = table(driver)
            assert aliased[0]["actor"] in [r["actor"] for r in after if r["shown"]], alias
            assert all(any(alias in n for n in r["names"]) for r in after if r["shown"])
            box.clear()
            box.send_keys("no such actor anywhere")
            assert shown(driver) == []
            box.clear()
            box.send_keys(" ")  # whitespace alone filters nothing
            assert len(shown(driver)) == total
            box.clear()

            # Minimum quotes: fewer rows, each with at least that many quotes; their evidence
            # hides too.
            least = driver.find_element(By.CSS_SELECTOR, "input.min-quotes")
            least.clear()
            least.send_keys("3")
            after = table(driver)
            visible = [r for r in after if r["shown"]]
            assert 0 < len(visible) < total, (len(visible), total)
            assert all(r["quotes"] >= 3 for r in visible)
            assert len(visible) == sum(1 for q in report_order if q >= 3)
            hidden = [r for r in after if not r["shown"]]
            evidence = driver.find_element(By.ID, hidden[0]["actor"])
            assert not evidence.is_displayed()
            least.clear()
            least.send_keys("1")
            assert len(shown(driver)) == total

            # Evidence: quotes show the sentence they were said in: the quote marked in it,
            # or (a partial quote in other words, say) the quote and then its sentence.
            quotes_shown = driver.find_elements(By.CSS_SELECTOR, "ol.evidence li")
            assert quotes_shown, "no evidence"
            in_context = driver.find_elements(By.CSS_SELECTOR, "ol.evidence blockquote.in-context")
            apart = driver.find_elements(By.CSS_SELECTOR, "ol.evidence li p.context")
            assert in_context and len(in_context) + len(apart) >= len(quotes_shown) * 0.8
            first = in_context[0]
            assert first.is_displayed()
            quote = first.find_element(By.TAG_NAME, "mark").text
            sentence = first.text
            assert quote and quote in sentence and len(sentence) > len(quote), (quote, sentence)
            li = first.find_element(By.XPATH, "ancestor::li")
            assert li.find_element(By.CSS_SELECTOR, ".source code").text.endswith(".txt")
            if apart:
                assert apart[0].text.strip()

            # The overview: a count per stance that adds up to the actors, the most quoted.
            counts = driver.find_elements(By.CSS_SELECTOR, ".overview .count b")
            assert sum(int(c.text) for c in counts) == total, [c.text for c in counts]
            top = driver.find_elements(By.CSS_SELECTOR, ".overview ol.top li")
            assert 0 < len(top) <= 5
            assert requests_made(driver) == [], "nothing fetched while exploring"
        finally:
            driver.quit()
        check_topics(binary, articles, Path(tmp) / "topics.html")
    print(f"browser: report of {len(articles)} articles, {total} actors: ok")


def check_topics(binary, articles, page):
    """A page of two topics: each has its own table and controls, which act on it alone."""
    subprocess.run(
        [binary, "report", "--quiet", "--topic", TOPIC, "--topic", "a shared water treaty",
         "--format", "html", "-o", str(page), *articles],
        check=True,
    )
    driver = browser()
    try:
        driver.get(page.as_uri())
        reports = driver.find_elements(By.CSS_SELECTOR, ".report")
        assert len(reports) == 2
        boxes = driver.find_elements(By.CSS_SELECTOR, "input.filter")
        assert len(boxes) == 2 and all(b.is_displayed() for b in boxes)
        count = "return arguments[0].querySelectorAll('table.actors tbody tr:not([hidden])').length"
        before = [driver.execute_script(count, r) for r in reports]
        boxes[0].send_keys("no such actor anywhere")
        after = [driver.execute_script(count, r) for r in reports]
        assert after == [0, before[1]], (before, after)
        # Sorting the second table leaves the first in its order.
        first = "return Array.from(arguments[0].querySelectorAll('table.actors tbody tr')).map(r => r.dataset.actor)"
        order = driver.execute_script(first, reports[0])
        reports[1].find_element(By.CSS_SELECTOR, "th button.sort").click()
        assert driver.execute_script(first, reports[0]) == order
        names = driver.execute_script(
            "return Array.from(arguments[0].querySelectorAll('table.actors tbody tr'))"
            ".map(r => r.cells[0].dataset.v)", reports[1])
        assert len(names) > 2 and names == sorted(names, key=folded), names
        assert requests_made(driver) == [page.as_uri()]
    finally:
        driver.quit()


def screenshot(page, png):
    driver = browser()
    try:
        driver.get(Path(page).resolve().as_uri())
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1280, min(max(height, 900), 16000))
        driver.save_screenshot(png)
    finally:
        driver.quit()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--screenshot":
        screenshot(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 2:
        check(os.path.abspath(sys.argv[1]))
    else:
        sys.exit(__doc__)
