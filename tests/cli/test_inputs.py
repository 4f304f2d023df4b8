"""Articles as they arrive (JSON Lines, JSON, standard input, saved HTML pages, plain text with a dateline or
--date) and the dates of events, through the command line: build, then read the graph and the timeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DCT = "http://purl.org/dc/terms/"
AK = "https://w3id.org/akhbar/ontology#"
ART = "https://w3id.org/akhbar/article/"


def invoke(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def article_facts(store: Path, identifier: str) -> dict[str, str]:
    """dcterms/ak facts of one article node, local name → value."""
    db = open_store(store, read_only=True)
    facts = {}
    for quad in db.quads_for_pattern(ox.NamedNode(ART + identifier), None, None, None):
        name = quad.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if name not in ("type", "isString"):
            facts[name] = quad.object.value
    return facts


def timeline(store: Path, *params: str) -> list[dict[str, str]]:
    args = ["query", "timeline", "--store", store, "--format", "json"]
    for param in params:
        args += ["--param", param]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout)["results"]["bindings"]
    return [{name: term["value"] for name, term in row.items()} for row in bindings]


# -- formats ----------------------------------------------------------------------------------------------------

def test_json_lines_records_with_metadata_and_a_line_per_bad_record(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "w1", "title": "تحذير", "text": "حذرت الولايات المتحدة إيران أمس من مهاجمة إسرائيل.",
         "date": "2024-10-16T08:00:00Z", "outlet": "The New York Times", "url": "https://example.org/w1",
         "language": "ar"},
        "{not json",
        {"text": "The United States warned Iran."},
        {"title": "no text"},
        {"text": "قصفت إسرائيل مواقع لحزب الله في لبنان.", "published": "2024-10-15", "source": "Al Jazeera"},
        {"id": "w3", "text": "هددت إيران إسرائيل بالرد.", "date": "yesterday"},
    ]
    feed.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
                    + "\n", encoding="utf-8")
    result = invoke("build", feed, "--store", tmp_path / "s")
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {feed}: line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"error: {feed}: line 3: no Arabic article text (akhbar reads Arabic news)",
        f"error: {feed}: line 4: \"text\" must be a string (the article text)",
        f"error: {feed}: line 6: date 'yesterday' is not an ISO date (YYYY-MM-DD)",
    ]
    assert result.output.splitlines()[-1].startswith("2 articles,")
    facts = article_facts(tmp_path / "s", "w1")
    assert facts["identifier"] == "w1" and facts["title"] == "تحذير"
    assert facts["issued"] == "2024-10-16" and facts["source"] == "https://example.org/w1"
    assert facts["publisher"] == "https://w3id.org/akhbar/id/nyt" and facts["outletName"] == "The New York Times"
    assert facts["language"] == "ar"
    other = article_facts(tmp_path / "s", "feed-5")  # (no id: the file stem and the line)
    assert other["issued"] == "2024-10-15" and other["outletName"] == "Al Jazeera"
    assert other["publisher"] == "https://w3id.org/akhbar/id/al_jazeera"


def test_json_lines_on_standard_input(tmp_path: Path) -> None:
    record = {"id": "in1", "text": "حذرت الولايات المتحدة إيران أمس من مهاجمة إسرائيل.", "date": "2024-10-16"}
    proc = subprocess.run([sys.executable, "-m", "akhbar", "build", "-", "--store", str(tmp_path / "s")],
                          input=json.dumps(record, ensure_ascii=False) + "\n", capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert article_facts(tmp_path / "s", "in1")["issued"] == "2024-10-16"


def test_json_file_one_record_or_a_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": "هددت إيران إسرائيل بالرد.", "date": "2024-10-16"},
                                                  ensure_ascii=False), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([{"id": "m1", "text": "هددت إيران إسرائيل بالرد."},
                                                    {"text": "حذرت مصر إسرائيل."}], ensure_ascii=False),
                                        encoding="utf-8")
    result = invoke("build", tmp_path / "one.json", tmp_path / "many.json", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    db = open_store(tmp_path / "s", read_only=True)
    ids = sorted(q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(DCT + "identifier"), None, None))
    assert ids == ["m1", "many-2", "one"]


def test_a_saved_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    result = invoke("build", EXAMPLES / "inputs" / "seed.html", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    facts = article_facts(tmp_path / "s", "seed")
    assert facts["title"] == "تداعيات التحذير الأميركي للعراق: تعزيز العلاقات أم تفاقم الأزمة؟"
    assert facts["issued"] == "2024-11-10"
    assert facts["source"] == "https://example.org/news/iraq-warning" and facts["outletName"] == "أخبار المثال"
    db = open_store(tmp_path / "s", read_only=True)
    text = next(db.quads_for_pattern(ox.NamedNode(ART + "seed"), ox.NamedNode(
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"), None, None)).object.value
    assert "<" not in text and "الأكثر قراءة" not in text and "جميع الحقوق" not in text  # (no page furniture)
    assert (EXAMPLES / "articles" / "seed.txt").read_text(encoding="utf-8").splitlines()[1] in text
    assert "events" in result.output and not result.output.startswith("0 articles")


def test_a_page_without_article_text_is_one_line(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", encoding="utf-8")
    result = invoke("build", page, "--store", tmp_path / "s")
    assert result.exit_code == 1
    assert f"error: {page}: no article text found in the page" in result.output


def test_the_jsonl_example_is_the_sample_with_its_metadata(tmp_path: Path) -> None:
    result = invoke("build", EXAMPLES / "inputs" / "seed.jsonl", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    facts = article_facts(tmp_path / "s", "seed-record")
    assert facts["issued"] == "2024-11-10" and facts["publisher"] == "https://w3id.org/akhbar/id/axios"


# -- publication dates: metadata, dateline, --date -----------------------------------------------------------------

def test_a_dateline_dates_the_article_and_date_fills_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lined.txt").write_text("تحذير أمريكي\nواشنطن - الأربعاء 16 أكتوبر/تشرين الأول 2024\n"
                                      "حذرت الولايات المتحدة إيران أمس من مهاجمة إسرائيل.\n", encoding="utf-8")
    (folder / "plain.txt").write_text("حذرت الولايات المتحدة إيران أمس من مهاجمة إسرائيل.\n", encoding="utf-8")
    result = invoke("build", folder, "--store", tmp_path / "s", "--date", "2024-11-03")
    assert result.exit_code == 0, result.output
    assert article_facts(tmp_path / "s", "lined")["issued"] == "2024-10-16"
    assert article_facts(tmp_path / "s", "plain")["issued"] == "2024-11-03"
    rows = {r["article"].rsplit("/", 1)[-1]: r for r in timeline(tmp_path / "s")
            if r["action"].endswith("Warning") and "أمس" in r["sentence"]}
    assert rows["lined"]["date"] == "2024-10-15" and rows["plain"]["date"] == "2024-11-02"
    result = invoke("build", folder, "--store", tmp_path / "t", "--date", "3 November")
    assert result.exit_code == 1 and "--date: date '3 November' is not an ISO date" in result.output


def test_without_a_publication_date_relative_dates_give_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("حذرت الولايات المتحدة إيران أمس من مهاجمة إسرائيل.\n", encoding="utf-8")
    assert invoke("build", tmp_path / "a.txt", "--store", tmp_path / "s").exit_code == 0
    rows = timeline(tmp_path / "s")
    assert rows and all("date" not in row for row in rows)


# -- event dates of every kind, read through build and the timeline ------------------------------------------------

KINDS = [  # (id, text, date, precision, words it was read from)
    ("k-yesterday", "حذرت الولايات المتحدة إيران أمس من مهاجمة إسرائيل.", "2024-10-15", "day", "أمس"),
    ("k-today", "قصفت إسرائيل اليوم مواقع حزب الله في لبنان.", "2024-10-16", "day", "اليوم"),
    ("k-daybefore", "هاجمت إسرائيل لبنان أول أمس.", "2024-10-14", "day", "أول أمس"),
    ("k-weekday", "حذرت مصر إسرائيل الثلاثاء من اجتياح رفح.", "2024-10-15", "day", "الثلاثاء"),
    ("k-lastweekday", "قصفت إسرائيل لبنان الأربعاء الماضي.", "2024-10-09", "day", "الأربعاء الماضي"),
    ("k-lastweek", "هاجمت إسرائيل سوريا الأسبوع الماضي.", "2024-10-07", "week", "الأسبوع الماضي"),
    ("k-lastmonth", "ضغطت الولايات المتحدة على العراق الشهر الماضي.", "2024-09", "month", "الشهر الماضي"),
    ("k-ago", "قصفت إسرائيل لبنان قبل نحو أسبوعين.", "2024-09-30", "week", "قبل نحو أسبوعين"),
    ("k-explicit", "قصفت إسرائيل لبنان في 19 نوفمبر/تشرين الثاني 2023.", "2023-11-19", "day",
     "19 نوفمبر/تشرين الثاني 2023"),
    ("k-digits", "قصفت إسرائيل لبنان في ١٢ أكتوبر ٢٠٢٤.", "2024-10-12", "day", "١٢ أكتوبر ٢٠٢٤"),
    ("k-maghreb", "حذرت الجزائر فرنسا في 15 أوت 2024.", "2024-08-15", "day", "15 أوت 2024"),
    ("k-hijri", "قصفت إسرائيل لبنان في 15 رمضان 1445 هـ.", "2024-03-25", "day", "15 رمضان 1445 هـ"),
    ("k-future", "حذرت الولايات المتحدة إيران من هجوم الأسبوع المقبل.", "2024-10-16", "day", None),
]


@pytest.fixture(scope="module")
def dated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dated")
    feed = folder / "kinds.jsonl"
    feed.write_text("".join(json.dumps({"id": i, "text": t, "date": "2024-10-16"}, ensure_ascii=False) + "\n"
                            for i, t, *_ in KINDS), encoding="utf-8")
    result = invoke("build", feed, "--store", folder / "s")
    assert result.exit_code == 0, result.output
    return folder / "s"


@pytest.mark.parametrize(("identifier", "text", "date", "precision", "words"), KINDS, ids=[k[0] for k in KINDS])
def test_each_kind_of_date_reaches_the_timeline(dated_store: Path, identifier: str, text: str, date: str,
                                                precision: str, words: str | None) -> None:
    rows = [r for r in timeline(dated_store) if r["article"] == ART + identifier]
    assert rows, f"no event read from {text}"
    row = rows[0]
    assert (row["date"], row["precision"]) == (date, precision)
    # a future expression never dates an asserted warning: the publication date does
    assert row["dateSource"] == (f"event «{words}»" if words else "publication")


def test_the_timeline_is_ordered_and_bounded(dated_store: Path) -> None:
    rows = timeline(dated_store)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    inside = timeline(dated_store, "from=2024-10-01", "to=2024-10-13")
    assert {r["article"].rsplit("/", 1)[-1] for r in inside} == {"k-lastweekday", "k-lastweek", "k-ago", "k-digits"}
    assert timeline(dated_store, "actor=id:algeria")[0]["article"] == ART + "k-maghreb"
