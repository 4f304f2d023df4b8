"""`akhbar report` end to end: real stores built by the CLI, the page opened in headless Chromium (Debian's
chromium and chromedriver, driven by Selenium), where D3 draws its charts: the network, timeline and table are
counted by DOM queries and compared with what SPARQL on the same store says; the toggle and a row's sentence
clicked; no network request. Without a browser, the data the page carries for its charts (its JSON) is checked
the same way.

Without Chromium the browser tests are skipped, unless the environment variable CI is set: then they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.store import open_store

REPO = Path(__file__).resolve().parents[2]
ARTICLES = REPO / "tests" / "data" / "report_articles.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# as root, in a closed network: without the background-networking flags Chromium waits on the network
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,1000")
PREFIXES = """PREFIX ak: <https://w3id.org/akhbar/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
# every event of an article graph with its core action class, found through the ontology's rdfs:subClassOf
# (the report itself maps classes in Python: two different roads to the same counts)
EVENTS = """GRAPH ?g { ?e ak:article ?article ; a ?type ; ak:modality ?m }
  VALUES ?core { ak:Warning ak:Attack ak:Pressure }
  ?type rdfs:subClassOf* ?core ."""


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def count(store: Path, body: str) -> int:
    """SELECT (COUNT(*) AS ?n) over a sub-select (or pattern) on the store."""
    db = open_store(store, read_only=True)
    rows = db.query(f"{PREFIXES}SELECT (COUNT(*) AS ?n) WHERE {{ {body} }}", use_default_graph_as_union=True)
    return int(next(iter(rows))["n"].value)


def sparql_counts(store: Path) -> dict[str, int]:
    """What the report should show, counted by SPARQL alone."""
    pair = "?e ak:agent ?agent ; ak:target ?target . FILTER(?agent != ?target)"
    lifted = """OPTIONAL { ?agent (ak:actsFor|ak:officialOf|ak:partOf)+ ?as . ?as a ak:State }
                OPTIONAL { ?target (ak:actsFor|ak:officialOf|ak:partOf)+ ?ts . ?ts a ak:State }
                BIND(COALESCE(?as, ?agent) AS ?from) BIND(COALESCE(?ts, ?target) AS ?to) FILTER(?from != ?to)"""
    date = ("OPTIONAL { ?e ak:date ?ed } OPTIONAL { ?article dcterms:issued ?ad } "
            "BIND(STR(COALESCE(?ed, ?ad)) AS ?day) FILTER(STRLEN(?day) = 10)")
    return {
        "events": count(store, f"SELECT DISTINCT ?e WHERE {{ {EVENTS} }}"),
        "edges": count(store, f"SELECT DISTINCT ?agent ?target ?core (?m = ak:Asserted AS ?a) "
                              f"WHERE {{ {EVENTS} {pair} }}"),
        "state_edges": count(store, f"SELECT DISTINCT ?from ?to ?core (?m = ak:Asserted AS ?a) "
                                    f"WHERE {{ {EVENTS} {pair} {lifted} }}"),
        "pair_events": count(store, f"SELECT DISTINCT ?e ?agent ?target WHERE {{ {EVENTS} {pair} }}"),
        "not_asserted_edges": count(store, f"SELECT DISTINCT ?agent ?target ?core WHERE {{ {EVENTS} {pair} "
                                           "FILTER(?m != ak:Asserted) }"),
        "actors": count(store, f"SELECT DISTINCT ?x WHERE {{ {EVENTS} {pair} VALUES ?role {{ 1 2 }} "
                               "BIND(IF(?role = 1, ?agent, ?target) AS ?x) }"),
        "day_bars": count(store, f"SELECT DISTINCT ?day ?core WHERE {{ {EVENTS} {date} }}"),
        "dated": count(store, f"SELECT DISTINCT ?e WHERE {{ {EVENTS} {date} }}"),
    }


@pytest.fixture(scope="module")
def multi_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five dated articles from three outlets (tests/data/report_articles.jsonl), built through the CLI."""
    store = tmp_path_factory.mktemp("report") / "store"
    result = invoke("build", ARTICLES, "--store", store)
    assert result.exit_code == 0, result.output
    return store


def report(store: Path, output: Path, *args: str) -> lxml.html.HtmlElement:
    result = invoke("report", "--store", store, "--output", output, *args)
    assert result.exit_code == 0, result.output
    assert f"wrote {output}" in " ".join(result.output.split())
    return lxml.html.fromstring(output.read_text(encoding="utf-8"))


def charts(page: lxml.html.HtmlElement) -> dict:
    """The data the page's script draws its charts from (script#report-data)."""
    return json.loads(page.get_element_by_id("report-data").text)


# -- the page as written (no browser) ----------------------------------------------------------------------------

def test_the_page_holds_what_sparql_counts(multi_store: Path, tmp_path: Path) -> None:
    page = report(multi_store, tmp_path / "r.html")
    expected = sparql_counts(multi_store)
    assert expected["events"] >= 10 and expected["day_bars"] > 3  # (the fixture is a real multi-day store)
    assert int(page.get_element_by_id("total").get("data-total")) == expected["events"]
    data = charts(page)
    actors, states = data["networks"]["actors"], data["networks"]["states"]
    assert len(actors["edges"]) == expected["edges"] and len(states["edges"]) == expected["state_edges"]
    assert sum(e["count"] for e in actors["edges"]) == expected["pair_events"]
    assert sum(not e["asserted"] for e in actors["edges"]) == expected["not_asserted_edges"] > 0
    assert len(actors["nodes"]) == expected["actors"]
    assert len(data["timeline"]["bars"]) == expected["day_bars"]
    assert sum(b["count"] for b in data["timeline"]["bars"]) == expected["dated"]
    assert len(page.cssselect("table#events tbody tr.event")) == expected["events"]


def test_the_page_is_self_contained(multi_store: Path, tmp_path: Path) -> None:
    page = report(multi_store, tmp_path / "r.html")
    assert not page.cssselect("script[src], img, iframe, object, embed, link[href], use[href^=http]")
    assert page.cssselect("script") and page.cssselect("style")
    # D3 inline, with its licence (ISC: the copyright and permission notice go with every copy)
    scripts = " ".join(script.text or "" for script in page.cssselect("script"))
    assert "https://d3js.org v7.9.2 Copyright" in scripts and "Permission to use, copy, modify" in scripts
    # the only outside addresses are the graphs' IRIs in plain links, and the SVG namespaces
    for element in page.iter():
        for name, value in element.attrib.items():
            if "http" in value and not name.startswith("xmlns") and name not in (
                    "href", "data-event", "data-agent", "data-target", "data-actor"):
                raise AssertionError(f"{element.tag} {name}={value}")
    assert all(a.get("href").startswith("https://w3id.org/akhbar/graph/article/") for a in page.cssselect("a[href]"))


def test_limit_keeps_the_newest_and_says_how_many(multi_store: Path, tmp_path: Path) -> None:
    page = report(multi_store, tmp_path / "r.html", "--limit", "5")
    rows = page.cssselect("table#events tbody tr.event")
    assert len(rows) == 5
    note = page.get_element_by_id("events-count").text_content()
    assert f"The 5 newest of {sparql_counts(multi_store)['events']} events" in " ".join(note.split())
    dates = [r.cssselect("td")[0].text_content().split()[0] for r in rows]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-10-20"


def test_filters_are_applied_in_the_queries(multi_store: Path, tmp_path: Path) -> None:
    warns = report(multi_store, tmp_path / "w.html", "--param", "action=warns")
    expected = count(multi_store, f"SELECT DISTINCT ?e WHERE {{ {EVENTS} FILTER(?core = ak:Warning) }}")
    rows = warns.cssselect("table#events tbody tr.event")
    assert len(rows) == expected > 0 and {r.get("data-action") for r in rows} == {"Warning"}
    # the actor and whoever acts for it (an official, the government): here the United States and its envoy
    usa = report(multi_store, tmp_path / "u.html", "--param", "actor=id:usa")
    members = "?member (ak:actsFor|ak:officialOf|ak:partOf)* <https://w3id.org/akhbar/id/usa> ."
    expected = count(multi_store, f"SELECT DISTINCT ?e WHERE {{ {members} {EVENTS} ?e ak:agent|ak:target ?member }}")
    assert int(usa.get_element_by_id("total").get("data-total")) == expected > 0
    window = report(multi_store, tmp_path / "d.html", "--param", "from=2024-10-09", "--param", "to=2024-10-16")
    # events of those days, and of a week (dated by its Monday) that reaches into them
    inside = ("OPTIONAL { ?e ak:date ?ed } OPTIONAL { ?e ak:datePrecision ?p } OPTIONAL { ?article dcterms:issued ?ad }"
              " BIND(STR(COALESCE(?ed, ?ad)) AS ?day) FILTER(STRLEN(?day) = 10 && ?day <= '2024-10-16' && "
              "(?day >= '2024-10-09' || (BOUND(?p) && ?p = ak:Week && ?day >= '2024-10-03')))")
    expected = count(multi_store, f"SELECT DISTINCT ?e WHERE {{ {EVENTS} {inside} }}")
    assert int(window.get_element_by_id("total").get("data-total")) == expected
    periods = {bar["period"] for bar in charts(window)["timeline"]["bars"]}
    assert {"2024-10-09", "2024-10-16"} <= periods and min(periods) >= "2024-10-03" and max(periods) <= "2024-10-16"


@pytest.mark.parametrize(("args", "message"), [
    (("--param", "when=today"), "--param when=today: the report takes from, to, actor, action"),
    (("--param", "from=2024-13-01"), "--param from=2024-13-01: not a day; write YYYY-MM-DD"),
    (("--param", "action=bombs"), "--param action=bombs: not an action; use warns, attacks, pressures"),
    (("--param", "from=2024-10-09", "--param", "to=2024-10-01"), "from=2024-10-09 is after to=2024-10-01"),
    (("--param", "actor=\"Iran\""), "--param actor=\"Iran\": not an IRI"),
])
def test_a_bad_param_is_one_line(multi_store: Path, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = invoke("report", "--store", multi_store, "--output", tmp_path / "r.html", *args)
    assert result.exit_code == 1
    assert message in " ".join(result.output.split()) and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_no_store_or_no_folder_is_one_line(multi_store: Path, tmp_path: Path) -> None:
    missing = invoke("report", "--store", tmp_path / "nothing", "--output", tmp_path / "r.html")
    assert missing.exit_code == 1 and "no store here" in missing.output
    folder = invoke("report", "--store", multi_store, "--output", tmp_path / "no" / "r.html")
    assert folder.exit_code == 1 and "does not exist; create it first" in " ".join(folder.output.split())


# -- counted by event cells --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def mixed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five articles and two more, undated (undated events sort last, by IRI)."""
    folder = tmp_path_factory.mktemp("mixed")
    records = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    extra = [{**records[0], "id": "undated-b"}, {**records[3], "id": "undated-a"}]
    for record in extra:
        del record["date"]
    (folder / "articles.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records + extra),
                                           encoding="utf-8")
    result = invoke("build", folder / "articles.jsonl", "--store", folder / "store")
    assert result.exit_code == 0, result.output
    return folder / "store"


FILTERS = ((), ("action=warns",), ("action=ak:AirStrike",), ("actor=id:usa",), ("actor=id:iran", "action=attacks"),
           ("from=2024-10-09", "to=2024-10-16"), ("from=2024-10-10",), ("to=2024-10-05", "actor=id:israel"))


@pytest.mark.parametrize("params", FILTERS, ids=" ".join)
def test_counts_by_cells_equal_counts_by_events(multi_store: Path, mixed_store: Path, params: tuple[str, ...]) -> None:
    """Everything the page shows, read by cells and read event by event, is the same."""
    from akhbar.report.data import parse_filters, read_report

    filters = parse_filters(params)
    for store in (multi_store, mixed_store):
        db = open_store(store, read_only=True)
        undated = count(store, f"SELECT DISTINCT ?e WHERE {{ {EVENTS} FILTER NOT EXISTS {{ ?e ak:date ?d }} "
                               "FILTER NOT EXISTS { ?article dcterms:issued ?d } }")
        assert (undated > 0) == (store == mixed_store)
        for limit in (1, 5, 12, 300):
            by_cells = read_report(db, filters, limit)
            by_events = read_report(db, filters, limit, by_cells=False)
            assert by_cells.uncelled == 0 and by_events.uncelled == 0
            for part in ("edges", "lifted", "per_date", "events", "actors", "total"):
                assert getattr(by_cells, part) == getattr(by_events, part), (store.name, limit, part)
            if not params:
                assert len(by_cells.events) == min(limit, by_cells.total)


def test_a_store_without_cells_is_read_event_by_event(multi_store: Path, tmp_path: Path) -> None:
    """A store built before event cells (here: its ak:cell links deleted) gives the same page, and one warning."""
    old = tmp_path / "old"
    shutil.copytree(multi_store, old, ignore=shutil.ignore_patterns("*.lock"))
    db = open_store(old)
    db.update(f"{PREFIXES}DELETE WHERE {{ GRAPH ?g {{ ?e ak:cell ?c }} }}")
    db.flush()
    del db
    expected = report(multi_store, tmp_path / "new.html")
    result = invoke("report", "--store", old, "--output", tmp_path / "old.html")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    events = sparql_counts(multi_store)["events"]
    assert f"warning: {old}: {events} events without an ak:cell" in said and "build the articles again" in said
    page = lxml.html.fromstring((tmp_path / "old.html").read_text(encoding="utf-8"))
    assert charts(page) == charts(expected)
    assert [lxml.html.tostring(e) for e in page.cssselect("table#events tbody tr")] == \
        [lxml.html.tostring(e) for e in expected.cssselect("table#events tbody tr")]
    assert "without an ak:cell" not in " ".join(invoke("report", "--store", multi_store, "--output",
                                                       tmp_path / "again.html").output.split())


# -- in the browser ----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """Headless Chromium under Selenium, through Debian's chromedriver (Selenium Manager never downloads)."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        reason = (f"{', '.join(missing)} not installed (apt-get install chromium chromium-driver); CI installs "
                  "them and fails without them")
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with warnings.catch_warnings():  # (selenium imports trio, which hands Hypothesis a generator it warns about)
        warnings.simplefilter("ignore")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # (the page's console: script errors)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def visible(driver, selector: str) -> list:
    from selenium.webdriver.common.by import By

    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def check_in_browser(driver, store: Path, page: Path, screenshot: Path) -> None:
    """Open the page, count what D3 drew against SPARQL, use the toggle and a row, take a screenshot."""
    from selenium.webdriver.common.by import By

    expected = sparql_counts(store)
    driver.get(page.as_uri())
    assert driver.title.startswith("akhbar report")
    assert not [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]  # (no script error)
    edges = visible(driver, "#network-actors svg g.edge")
    assert len(edges) == expected["edges"]
    assert sum(int(e.get_attribute("data-count")) for e in edges) == expected["pair_events"]
    assert len(visible(driver, "#network-actors svg g.node")) == expected["actors"]
    assert not visible(driver, "#network-states svg g.edge")
    drawn = driver.execute_script(DRAWN)
    assert drawn["dashed"] == expected["not_asserted_edges"] > 0  # asserted solid, the others dashed
    assert drawn["arrows"] == drawn["edges"] == expected["edges"] + expected["state_edges"]  # each has its arrowhead
    assert drawn["outside"] == [] and drawn["apart"]  # every node in the picture, no two on one spot
    bars = driver.find_elements(By.CSS_SELECTOR, "#timeline svg g.bar")
    assert len(bars) == expected["day_bars"] and drawn["tallBars"] == len(bars)
    assert sum(int(b.get_attribute("data-count")) for b in bars) == expected["dated"]
    # dates under the bars, or a note that no event is dated to a day (the sample article has no date)
    assert bool(driver.find_elements(By.CSS_SELECTOR, "#timeline svg g.x.axis g.tick text")) == bool(bars)
    assert bool(visible(driver, "#timeline .empty")) == (not bars)
    rows = visible(driver, "table#events tbody tr.event")
    assert len(rows) == expected["events"]
    assert not visible(driver, "table#events tbody tr.sentence")
    # the toggle: officials, organs and parts lifted to their state
    driver.find_element(By.ID, "lift").click()
    assert len(visible(driver, "#network-states svg g.edge")) == expected["state_edges"]
    assert not visible(driver, "#network-actors svg g.edge")
    driver.find_element(By.ID, "lift").click()
    assert len(visible(driver, "#network-actors svg g.edge")) == expected["edges"]
    # a row opens its sentence, right to left, the trigger marked as the graph has it
    rows[0].click()
    opened = visible(driver, "table#events tbody tr.sentence")
    assert len(opened) == 1
    text = opened[0].find_element(By.CSS_SELECTOR, ".sentence-text")
    assert (text.get_attribute("dir"), text.get_attribute("lang")) == ("rtl", "ar")
    event = rows[0].get_attribute("data-event")
    db = open_store(store, read_only=True)
    trigger = next(iter(db.query(f"{PREFIXES}SELECT ?t WHERE {{ <{event}> ak:evidence/nif:anchorOf ?t }}",
                                 use_default_graph_as_union=True)))["t"].value
    assert text.find_element(By.CSS_SELECTOR, "mark.trigger").text == trigger
    assert text.find_elements(By.CSS_SELECTOR, "mark.agent, mark.target")
    rows[0].click()
    assert not visible(driver, "table#events tbody tr.sentence")
    # nothing was fetched: no resource besides the page itself
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert driver.execute_script(
        "return [...document.querySelectorAll('script,img,link,iframe')].filter(e => e.src || e.href).length") == 0
    # the same page drawn again is the same picture (the layout is deterministic)
    before = driver.execute_script(POSITIONS)
    driver.refresh()
    assert driver.execute_script(POSITIONS) == before
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(height, 4000))
    assert driver.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:4] == b"\x89PNG" and screenshot.stat().st_size > 10_000


# what D3 drew, read in the page: dashed edges, edges whose arrowhead marker exists in their own picture, nodes
# outside their picture's view box, whether all nodes of a picture stand apart, bars of a positive height
DRAWN = """
const edges = [...document.querySelectorAll('.network svg g.edge path')];
const outside = [], apart = [];
for (const svg of document.querySelectorAll('.network svg')) {
  const [x, y, w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
  const spots = [...svg.querySelectorAll('g.node')].map(g => g.transform.baseVal.consolidate().matrix)
    .map(m => [m.e, m.f]);
  spots.forEach(([u, v], i) => { if (u < x || u > x + w || v < y || v > y + h) outside.push(i); });
  apart.push(new Set(spots.map(s => s.join())).size === spots.length);
}
return {
  edges: edges.length,
  dashed: document.querySelectorAll('#network-actors svg g.edge[data-asserted=false] path[stroke-dasharray]').length,
  arrows: edges.filter(p => { const id = (p.getAttribute('marker-end') || '').slice(5, -1);
                              return id && p.ownerSVGElement.querySelector('marker[id="' + id + '"] path'); }).length,
  outside: outside, apart: apart.every(Boolean),
  tallBars: [...document.querySelectorAll('#timeline svg g.bar rect')].filter(r => r.height.baseVal.value > 0).length,
};
"""
POSITIONS = "return [...document.querySelectorAll('.network svg g.node')].map(g => g.getAttribute('transform'))"


def test_the_sample_report_renders_in_chromium(browser, sample_store: Path, tmp_path: Path) -> None:
    page = tmp_path / "sample.html"
    report(sample_store, page)
    check_in_browser(browser, sample_store, page, tmp_path / "sample.png")


def test_a_multi_article_report_renders_in_chromium(browser, multi_store: Path, tmp_path: Path) -> None:
    page = tmp_path / "multi.html"
    report(multi_store, page)
    check_in_browser(browser, multi_store, page, tmp_path / "multi.png")
