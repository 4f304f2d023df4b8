"""The SPARQL library (queries/*.rq) on a hand-made two-article store, reasoned with the real ontology.

Every query is run through akhbar.graph.query.run_query with parameters bound by parse_param, as
`akhbar query` does, and its rows are compared in full with what the fixture's text says.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.graph.query import parse_param, run_query, short
from akhbar.graph.reason import reason
from akhbar.graph.store import open_store, replace_graph
from akhbar.graph.vocab import INFERRED_GRAPH, ONTOLOGY_GRAPH
from akhbar.paths import ontology_dir, queries_dir

FIXTURE = Path(__file__).resolve().parent / "data" / "fixture.trig"
MAKE_BIG_STORE = Path(__file__).resolve().parents[2] / "benchmarks" / "make_big_store.py"
QUERY_NAMES = sorted(p.stem for p in queries_dir().glob("*.rq"))
REQUIRED = (
    "who-warns-whom", "attacks-by-militias", "pressure-on-state", "actor-profile", "timeline",
    "state-hostility", "militias-aligned-with", "events-by-modality",
)
MALICIOUS = (
    "'} ; DROP ALL ; #",
    '"x" } UNION { ?s ?p ?o',
    '<https://w3id.org/akhbar/id/usa> } ; CLEAR ALL ; SELECT * WHERE { ?s ?p ?o',
    "id:usa> . ?s ?p ?o } #",
)
NOBODY = "<https://w3id.org/akhbar/id/nobody-at-all>"
S1_A1 = "حذر وزير الخارجية الإيراني عباس عراقجي الولايات المتحدة من أي تصعيد."
S2_A1 = "وهدد حزب الله بقصف إسرائيل إذا استمرت الغارات."
S3_A1 = "وشنت طائرات الجيش الإسرائيلي غارة على بيروت يوم 28 فبراير، بحسب وزارة الصحة اللبنانية."
S4_A1 = "وأفادت الجزيرة بأن كتائب حزب الله استهدفت القوات الأمريكية بطائرة مسيرة في فبراير."
S1_A2 = "وحذرت إيران الولايات المتحدة من عواقب أي هجوم."
S2_A2 = "وضغطت الولايات المتحدة على الحكومة العراقية لكبح الفصائل."
S3_A2 = "وسيطالب المبعوث الأمريكي بغداد بطرد الفصائل."
S4_A2 = "ونفى أبو علي العسكري أن تكون الكتائب هاجمت القوات الأمريكية."
S5_A2 = "وربما أطلق الحوثيون صاروخا باليستيا على إسرائيل في 4 مارس."
S6_A2 = "وصدرت تحذيرات لإيران من مغبة التصعيد."


def load(reasoned: bool, path: Path | None = None) -> ox.Store:
    """The fixture plus ontology/akhbar.ttl in its graph, optionally with the owlrl inferred graph."""
    store = ox.Store(str(path)) if path else ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    ontology = ox.parse(path=str(ontology_dir() / "akhbar.ttl"), format=ox.RdfFormat.TURTLE)
    replace_graph(store, ONTOLOGY_GRAPH, (ox.Quad(t.subject, t.predicate, t.object, graph) for t in ontology))
    if reasoned:
        reason(store)
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load(reasoned=True)


@pytest.fixture(scope="module")
def bare_store() -> ox.Store:
    """The same data without `akhbar reason`: no inferred graph."""
    return load(reasoned=False)


def query_text(name: str) -> str:
    return (queries_dir() / f"{name}.rq").read_text(encoding="utf-8")


def results(store: ox.Store, name: str, *params: str) -> ox.QuerySolutions:
    return run_query(store, query_text(name), dict(parse_param(p) for p in params))


def rows(store: ox.Store, name: str, *params: str, columns: tuple[str, ...] | None = None) -> list[tuple[str, ...]]:
    """Result rows as tuples of short() strings, in the query's order (or only the named columns)."""
    result = results(store, name, *params)
    names = columns or tuple(v.value for v in result.variables)
    return [tuple(short(solution[n]) for n in names) for solution in result]


def header(name: str) -> str:
    """The leading comment block of a query file, without the `#` marks."""
    lines = []
    for line in query_text(name).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines)


def documented_params(name: str) -> list[str]:
    """The ?names listed in the header's Parameters section."""
    text = header(name)
    section = text.split("Parameters", 1)[1].split("Example:", 1)[0]
    return re.findall(r"^\?(\w+)", section, flags=re.M)


def returned_columns(name: str) -> list[str]:
    text = header(name).split("Returns:", 1)[1]
    text = re.sub(r"\([^)]*\)", "", text)  # drop explanations in parentheses
    text = text.split(".", 1)[0]
    return [c.strip() for c in text.replace("\n", " ").split(",") if c.strip()]


def example_args(name: str) -> list[str]:
    example = header(name).split("Example:", 1)[1].strip().splitlines()[0]
    return shlex.split(example)


def all_quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, None))


# --- the library as a whole -----------------------------------------------------------------------------


def test_the_required_queries_and_a_readme_table_exist() -> None:
    assert set(REQUIRED) <= set(QUERY_NAMES)
    assert len(QUERY_NAMES) >= 8
    readme = (queries_dir() / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    table = {m.group(1): re.findall(r"`(\w+)`", m.group(2))
             for m in re.finditer(r"^\| `([\w-]+)` \| ([^|]*) \|", readme, flags=re.M)}
    assert set(table) == set(QUERY_NAMES)
    for name, params in table.items():
        assert params == documented_params(name), name


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_header_documents_answer_parameters_example_and_columns(store: ox.Store, name: str) -> None:
    text = header(name)
    assert text.startswith(f"{name}: "), "the header opens with the query's name and what it answers"
    for section in ("Answers:", "Parameters", "Example:", "Returns:"):
        assert section in text
    params = documented_params(name)
    body = query_text(name).split("\nSELECT", 1)[1]
    for param in params:
        assert re.search(rf"\?{param}\b", body), f"?{param} is documented but not used"
    result = results(store, name)
    columns = [v.value for v in result.variables]
    assert returned_columns(name) == columns
    args = example_args(name)
    assert args[:3] == ["akhbar", "query", name] and "--store" in args
    example_params = [args[i + 1] for i, a in enumerate(args) if a == "--param"]
    assert example_params, "the example binds a parameter"
    for text_param in example_params:
        assert parse_param(text_param)[0] in params


def query_info_of(name: str):
    from akhbar.graph.query import query_info

    return query_info(queries_dir() / f"{name}.rq")


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_parameter_filters(store: ox.Store, name: str) -> None:
    """A parameter bound to an unknown actor matches nothing: parameters sit in required patterns."""
    bounds = {p for p, meaning in query_info_of(name).parameters.items() if meaning.startswith("(a bound)")}
    for param in documented_params(name):
        if param in bounds:  # (a bound compares dates: one past every date matches nothing)
            assert rows(store, name, f"{param}={'9999-12-31' if param == 'from' else '0001-01-01'}") == [], param
            continue
        assert rows(store, name, f"{param}={NOBODY}") == [], param


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_malicious_parameter_values_match_nothing_and_change_nothing(store: ox.Store, name: str) -> None:
    before = all_quads(store)
    for param in documented_params(name):
        for value in MALICIOUS:
            assert rows(store, name, f"{param}={value}") == [], (param, value)
    assert all_quads(store) == before


def test_the_documented_examples_name_actors_of_the_base() -> None:
    from akhbar.graph.vocab import ID_NS
    from akhbar.kb import load_kb

    actors = load_kb().actors
    for name in QUERY_NAMES:
        for arg in example_args(name):
            if "=id:" in arg:
                assert ID_NS + arg.split("=id:", 1)[1] in actors, (name, arg)


def test_the_documented_examples_run_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "store"
    db = load(reasoned=True, path=path)
    db.flush()
    del db
    runner = CliRunner()
    for name in QUERY_NAMES:
        args = example_args(name)[1:]
        args[args.index("--store") + 1] = str(path)
        result = runner.invoke(app, [*args, "--format", "csv"])
        assert result.exit_code == 0, (name, result.output)
        assert result.stdout.splitlines()[0].split(",") == returned_columns(name)


# --- each query's rows --------------------------------------------------------------------------------


def test_who_warns_whom(store: ox.Store) -> None:
    a1, a2 = "art:fx-a1", "art:fx-a2"
    assert rows(store, "who-warns-whom") == [
        ("art:fx-a1/event/0", "id:official/araghchi", "Abbas Araghchi", "id:usa", "United States", "ak:Warning",
         "ak:Asserted", "", S1_A1, a1),
        ("art:fx-a1/event/1", "id:hezbollah", "Hezbollah", "id:israel", "Israel", "ak:Threat", "ak:Conditional",
         "", S2_A1, a1),
        ("art:fx-a2/event/0", "id:iran", "Iran", "id:usa", "United States", "ak:Warning", "ak:Asserted", "",
         S1_A2, a2),
    ]
    assert rows(store, "who-warns-whom", "target=id:usa", "modality=ak:Asserted", columns=("event",)) == [
        ("art:fx-a1/event/0",), ("art:fx-a2/event/0",)]
    assert rows(store, "who-warns-whom", "agent=id:hezbollah", columns=("event",)) == [("art:fx-a1/event/1",)]
    assert rows(store, "who-warns-whom", "modality=ak:Negated") == []


def test_attacks_by_militias_credits_members_to_their_group(store: ox.Store) -> None:
    assert rows(store, "attacks-by-militias") == [
        ("art:fx-a1/event/3", "id:kataib-hezbollah", "Kataib Hezbollah", "id:kataib-hezbollah", "Kataib Hezbollah",
         "ak:DroneAttack", "id:usa", "United States", "ak:Asserted", "2026-02", S4_A1, "art:fx-a1"),
        ("art:fx-a2/event/3", "id:kataib-hezbollah", "Kataib Hezbollah", "id:militia/abu-ali", "أبو علي العسكري",
         "ak:Attack", "id:usa", "United States", "ak:Negated", "", S4_A2, "art:fx-a2"),
        ("art:fx-a2/event/4", "id:houthis", "Houthis", "id:houthis", "Houthis", "ak:MissileStrike", "id:israel",
         "Israel", "ak:Possible", "2026-03-04", S5_A2, "art:fx-a2"),
    ]
    cols = ("event", "agent")
    assert rows(store, "attacks-by-militias", "militia=id:kataib-hezbollah", columns=cols) == [
        ("art:fx-a1/event/3", "id:kataib-hezbollah"), ("art:fx-a2/event/3", "id:militia/abu-ali")]
    assert rows(store, "attacks-by-militias", "militia=id:kataib-hezbollah", "modality=ak:Asserted",
                columns=cols) == [("art:fx-a1/event/3", "id:kataib-hezbollah")]
    assert rows(store, "attacks-by-militias", "militia=id:militia/abu-ali") == [], "a member is not the group"
    assert rows(store, "attacks-by-militias", "militia=id:israel") == [], "a state's air strike is not a militia's"


def test_pressure_on_state_follows_organs_officials_and_capitals(store: ox.Store, bare_store: ox.Store) -> None:
    expected = [
        ("art:fx-a2/event/1", "id:iraq", "Iraq", "id:iraq-government", "Government of Iraq", "id:usa",
         "United States", "ak:Pressure", "ak:Asserted", "", S2_A2, "art:fx-a2"),
        ("art:fx-a2/event/2", "id:iraq", "Iraq", "id:baghdad", "Baghdad", "id:official/us-envoy", "US envoy",
         "ak:Demand", "ak:Planned", "2026-03-09", S3_A2, "art:fx-a2"),
    ]
    assert rows(store, "pressure-on-state", "state=id:iraq") == expected
    assert rows(store, "pressure-on-state") == expected
    assert rows(bare_store, "pressure-on-state", "state=id:iraq") == expected, "works before reasoning too"
    assert rows(store, "pressure-on-state", "state=id:usa") == []
    assert rows(store, "pressure-on-state", "state=id:iraq", "modality=ak:Planned", columns=("event",)) == [
        ("art:fx-a2/event/2",)]


def test_actor_profile_lists_both_roles_with_offsets(store: ox.Store) -> None:
    profile = rows(store, "actor-profile", "actor=id:usa")
    assert profile == [
        ("id:usa", "United States", "target", "art:fx-a1/event/0", "ak:Warning", "ak:Asserted",
         "id:official/araghchi", "Abbas Araghchi", "", "حذر", "41", "44", S1_A1, "41", "109", "art:fx-a1"),
        ("id:usa", "United States", "target", "art:fx-a1/event/3", "ak:DroneAttack", "ak:Asserted",
         "id:kataib-hezbollah", "Kataib Hezbollah", "2026-02", "استهدفت", "278", "285", S4_A1, "244", "326",
         "art:fx-a1"),
        ("id:usa", "United States", "target", "art:fx-a2/event/0", "ak:Warning", "ak:Asserted", "id:iran", "Iran",
         "", "حذرت", "23", "27", S1_A2, "22", "68", "art:fx-a2"),
        ("id:usa", "United States", "agent", "art:fx-a2/event/1", "ak:Pressure", "ak:Asserted",
         "id:iraq-government", "Government of Iraq", "", "ضغطت", "70", "74", S2_A2, "69", "126", "art:fx-a2"),
        ("id:usa", "United States", "target", "art:fx-a2/event/3", "ak:Attack", "ak:Negated", "id:militia/abu-ali",
         "أبو علي العسكري", "", "هاجمت", "209", "214", S4_A2, "172", "232", "art:fx-a2"),
    ]
    assert rows(store, "actor-profile", "actor=id:iran", columns=("role", "event", "other", "otherLabel")) == [
        ("agent", "art:fx-a2/event/0", "id:usa", "United States"),
        ("target", "art:fx-a2/event/5", "", ""),
    ]


def test_actor_profile_offsets_index_the_article_text(store: ox.Store) -> None:
    texts = {short(s["a"]): s["t"].value for s in store.query(
        "SELECT ?a ?t WHERE { ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }",
        use_default_graph_as_union=True)}
    profile = list(results(store, "actor-profile"))
    assert len(profile) == 19  # 10 events, 9 with both participants
    for row in profile:
        text = texts[short(row["article"])]
        assert text[int(row["triggerStart"].value):int(row["triggerEnd"].value)] == row["trigger"].value
        assert text[int(row["sentenceStart"].value):int(row["sentenceEnd"].value)] == row["sentence"].value


def test_timeline_orders_by_event_then_publication_date_with_precision(store: ox.Store) -> None:
    cols = ("date", "precision", "dateSource", "event", "offset")
    assert rows(store, "timeline", columns=cols) == [
        ("2026-02", "month", "event «2026-02»", "art:fx-a1/event/3", "278"),
        ("2026-02-28", "day", "event «28 فبراير»", "art:fx-a1/event/2", "186"),
        ("2026-03-01", "day", "publication", "art:fx-a1/event/0", "41"),
        ("2026-03-01", "day", "publication", "art:fx-a1/event/1", "111"),
        ("2026-03-04", "day", "event «2026-03-04»", "art:fx-a2/event/4", "239"),
        ("2026-03-05", "day", "publication", "art:fx-a2/event/0", "23"),
        ("2026-03-05", "day", "publication", "art:fx-a2/event/1", "70"),
        ("2026-03-05", "day", "publication", "art:fx-a2/event/3", "209"),
        ("2026-03-05", "day", "publication", "art:fx-a2/event/5", "298"),
        ("2026-03-09", "week", "event «2026-03-09»", "art:fx-a2/event/2", "129"),
    ]
    assert rows(store, "timeline", "actor=id:usa", "modality=ak:Asserted",
                columns=("event", "agentLabel", "targetLabel")) == [
        ("art:fx-a1/event/3", "Kataib Hezbollah", "United States"),
        ("art:fx-a1/event/0", "Abbas Araghchi", "United States"),
        ("art:fx-a2/event/0", "Iran", "United States"),
        ("art:fx-a2/event/1", "United States", "Government of Iraq"),
    ]
    assert rows(store, "timeline", "modality=ak:Negated", columns=("event", "sentence")) == [
        ("art:fx-a2/event/3", S4_A2)]


def test_timeline_from_and_to_bound_the_days_a_date_covers(store: ox.Store) -> None:
    """A month reaches every day in it, a week its seven days: bounds keep what overlaps them."""
    def events(*params: str) -> list[str]:
        return [row[0] for row in rows(store, "timeline", *params, columns=("event",))]

    assert events("from=2026-02-15", "to=2026-02-28") == ["art:fx-a1/event/3", "art:fx-a1/event/2"]
    assert events("from=2026-03-05", "to=2026-03-05") == [
        "art:fx-a2/event/0", "art:fx-a2/event/1", "art:fx-a2/event/3", "art:fx-a2/event/5"]
    assert events("from=2026-03-12") == ["art:fx-a2/event/2"]  # (the week of Monday 9 March reaches the 15th)
    assert events("from=2026-03-16") == []
    assert events("to=2026-02-01") == ["art:fx-a1/event/3"]
    assert events("from=not a date") == []  # (a bound that is not a date matches nothing)


def test_state_hostility_counts_lifted_relations_after_reasoning(store: ox.Store, bare_store: ox.Store) -> None:
    assert rows(store, "state-hostility") == [
        ("id:iran", "Iran", "ak:actsAgainst", "id:usa", "United States", "2", "2"),
        ("id:iran", "Iran", "ak:warns", "id:usa", "United States", "2", "2"),
        ("id:usa", "United States", "ak:actsAgainst", "id:iraq", "Iraq", "1", "1"),
        ("id:usa", "United States", "ak:pressures", "id:iraq", "Iraq", "1", "1"),
    ]
    assert rows(store, "state-hostility", "relation=ak:pressures", columns=("state", "other", "events")) == [
        ("id:usa", "id:iraq", "1")]
    assert rows(store, "state-hostility", "other=id:usa", "relation=ak:warns", columns=("state", "events")) == [
        ("id:iran", "2")]
    # Without `akhbar reason` there is no summary of the relations to read (and `akhbar query` warns).
    assert rows(bare_store, "state-hostility") == []


def test_state_hostility_summary_is_what_the_events_say(store: ox.Store) -> None:
    """The summary reason() keeps holds exactly the counts the events give when counted in full."""
    from akhbar.graph.summary import STATE_RELATIONS_QUERY, summary_quads

    counted = sorted(tuple(short(row[v]) for v in ("state", "relation", "other", "events", "articles"))
                     for row in run_query(store, STATE_RELATIONS_QUERY))
    assert counted == sorted((s, r, o, e, a) for s, _, r, o, _, e, a in rows(store, "state-hostility"))
    assert len(summary_quads(store)) == 6 * len(counted)


def test_state_hostility_reads_the_inferred_graph(store: ox.Store) -> None:
    """The lifted triple really comes from reasoning: the query sees what the inferred graph holds."""
    inferred = {(short(q.subject), short(q.predicate), short(q.object))
                for q in store.quads_for_pattern(None, None, None, ox.NamedNode(INFERRED_GRAPH))}
    assert ("id:usa", "ak:pressures", "id:iraq") in inferred
    assert ("id:iran", "ak:actsAgainst", "id:usa") in inferred


def test_militias_aligned_with_counts_their_and_their_members_attacks(store: ox.Store) -> None:
    expected = [
        ("id:kataib-hezbollah", "Kataib Hezbollah", "id:iran", "Iran", "2", "1"),
        ("id:houthis", "Houthis", "id:iran", "Iran", "1", "0"),
        ("id:hezbollah", "Hezbollah", "id:iran", "Iran", "0", "0"),
    ]
    assert rows(store, "militias-aligned-with", "state=id:iran") == expected
    assert rows(store, "militias-aligned-with") == expected
    assert rows(store, "militias-aligned-with", "state=id:israel") == []


def test_events_by_modality(store: ox.Store) -> None:
    assert rows(store, "events-by-modality") == [
        ("ak:Attack", "ak:AirStrike", "ak:Asserted", "1", "1"),
        ("ak:Attack", "ak:Attack", "ak:Negated", "1", "1"),
        ("ak:Attack", "ak:DroneAttack", "ak:Asserted", "1", "1"),
        ("ak:Attack", "ak:MissileStrike", "ak:Possible", "1", "1"),
        ("ak:Pressure", "ak:Demand", "ak:Planned", "1", "1"),
        ("ak:Pressure", "ak:Pressure", "ak:Asserted", "1", "1"),
        ("ak:Warning", "ak:Threat", "ak:Conditional", "1", "1"),
        ("ak:Warning", "ak:Warning", "ak:Asserted", "3", "2"),
    ]
    assert rows(store, "events-by-modality", "modality=ak:Asserted", columns=("action", "events")) == [
        ("ak:AirStrike", "1"), ("ak:DroneAttack", "1"), ("ak:Pressure", "1"), ("ak:Warning", "3")]
    assert rows(store, "events-by-modality", "modality=ak:Conditional", columns=("action",)) == [("ak:Threat",)]


def test_actor_mentions_counts_articles_per_surface_form(store: ox.Store) -> None:
    assert rows(store, "actor-mentions", "actor=id:usa") == [
        ("id:usa", "United States", "القوات الأمريكية", "2"),
        ("id:usa", "United States", "الولايات المتحدة", "2"),
    ]
    assert rows(store, "actor-mentions", "actor=<https://w3id.org/akhbar/id/official/araghchi>") == [
        ("id:official/araghchi", "Abbas Araghchi", "عباس عراقجي", "1"),
        ("id:official/araghchi", "Abbas Araghchi", "عراقجي", "1"),
    ]
    assert rows(store, "actor-mentions", "actor=id:beirut") == [("id:beirut", "بيروت", "بيروت", "1")]
    assert len(rows(store, "actor-mentions")) == 17


def test_events_per_article(store: ox.Store) -> None:
    assert rows(store, "events-per-article") == [
        ("art:fx-a1", "fx-a1", "طهران تحذر واشنطن وحزب الله يهدد إسرائيل", "2026-03-01", "4", "2", "2", "0", "3"),
        ("art:fx-a2", "fx-a2", "واشنطن تضغط على بغداد", "2026-03-05", "6", "2", "2", "2", "3"),
    ]
    assert rows(store, "events-per-article", "article=art:fx-a2", columns=("events",)) == [("6",)]


def test_reported_by(store: ox.Store) -> None:
    assert rows(store, "reported-by") == [
        ("art:fx-a1/event/2", "id:al-jazeera", "Al Jazeera", "id:stateorgan/lebanon-health-ministry",
         "وزارة الصحة اللبنانية", "ak:AirStrike", "ak:Asserted", "id:idf", "Israel Defense Forces", "id:beirut",
         "بيروت", "art:fx-a1"),
        ("art:fx-a1/event/3", "id:al-jazeera", "Al Jazeera", "", "", "ak:DroneAttack", "ak:Asserted",
         "id:kataib-hezbollah", "Kataib Hezbollah", "id:usa", "United States", "art:fx-a1"),
    ]
    assert rows(store, "reported-by", "outlet=id:usa") == []


def test_unresolved_events(store: ox.Store) -> None:
    assert rows(store, "unresolved-events") == [
        ("art:fx-a2/event/5", "agent", "ak:Warning", "ak:Asserted", "", "", "id:iran", "Iran", "تحذيرات", S6_A2,
         "art:fx-a2"),
    ]
    assert rows(store, "unresolved-events", "article=art:fx-a1") == []


def test_labels_are_one_per_actor_although_minted_actors_repeat_them(store: ox.Store) -> None:
    """official/araghchi is stated in both article graphs: still one row per event, English label first."""
    labels = list(store.quads_for_pattern(ox.NamedNode("https://w3id.org/akhbar/id/official/araghchi"),
                                          ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None, None))
    assert len(labels) == 4
    assert rows(store, "who-warns-whom", "agent=<https://w3id.org/akhbar/id/official/araghchi>",
                columns=("agentLabel",)) == [("Abbas Araghchi",)]



def test_every_query_runs_on_a_store_built_by_the_pipeline(sample_store: Path) -> None:
    """The library reads what `akhbar build` really writes (the sample article, real actor base)."""
    db = open_store(sample_store, read_only=True)
    for name in QUERY_NAMES:
        result = results(db, name)
        assert [v.value for v in result.variables] == returned_columns(name)
        list(result)
    assert rows(db, "events-per-article", columns=("article", "identifier")) == [("art:seed", "seed")]


# --- the heavy queries on the fixture replicated by benchmarks/make_big_store.py ------------------------
# Copies rename the article nodes but share the actors, so every statement about an actor (types, labels,
# alignments, state-to-state relations) is repeated in each copy's graph, as in a real corpus: the counts
# must scale with the copies and nothing else may change.

COPIES = 3


def make_big_store():
    spec = importlib.util.spec_from_file_location("make_big_store", MAKE_BIG_STORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    work = tmp_path_factory.mktemp("replicated")
    small = load(reasoned=False, path=work / "small")
    small.flush()
    del small
    articles, _ = make_big_store().replicate(work / "small", work / "big", COPIES)
    assert articles == 2 * COPIES
    store = ox.Store(str(work / "big"))
    reason(store)
    return store


def test_copies_rename_article_nodes_and_keep_actors(replicated: ox.Store) -> None:
    assert rows(replicated, "events-per-article", columns=("article", "identifier", "events")) == [
        ("art:fx-a1", "fx-a1", "4"), ("art:fx-a1-r1", "fx-a1-r1", "4"), ("art:fx-a1-r2", "fx-a1-r2", "4"),
        ("art:fx-a2", "fx-a2", "6"), ("art:fx-a2-r1", "fx-a2-r1", "6"), ("art:fx-a2-r2", "fx-a2-r2", "6"),
    ]
    assert sorted(rows(replicated, "who-warns-whom", "agent=id:iran", columns=("event", "target"))) == [
        ("art:fx-a2-r1/event/0", "id:usa"), ("art:fx-a2-r2/event/0", "id:usa"), ("art:fx-a2/event/0", "id:usa")]


def test_state_hostility_counts_scale_with_the_copies(replicated: ox.Store) -> None:
    n = str(2 * COPIES)
    assert rows(replicated, "state-hostility") == [
        ("id:iran", "Iran", "ak:actsAgainst", "id:usa", "United States", n, n),
        ("id:iran", "Iran", "ak:warns", "id:usa", "United States", n, n),
        ("id:usa", "United States", "ak:actsAgainst", "id:iraq", "Iraq", str(COPIES), str(COPIES)),
        ("id:usa", "United States", "ak:pressures", "id:iraq", "Iraq", str(COPIES), str(COPIES)),
    ]
    assert rows(replicated, "state-hostility", "state=id:iran", "relation=ak:warns") == [
        ("id:iran", "Iran", "ak:warns", "id:usa", "United States", n, n)]
    assert rows(replicated, "state-hostility", "other=id:iraq", "relation=ak:attacks") == []


def test_militias_aligned_with_counts_scale_with_the_copies(replicated: ox.Store) -> None:
    expected = [
        ("id:kataib-hezbollah", "Kataib Hezbollah", "id:iran", "Iran", str(2 * COPIES), str(COPIES)),
        ("id:houthis", "Houthis", "id:iran", "Iran", str(COPIES), "0"),
        ("id:hezbollah", "Hezbollah", "id:iran", "Iran", "0", "0"),
    ]
    assert rows(replicated, "militias-aligned-with") == expected
    assert rows(replicated, "militias-aligned-with", "state=id:iran") == expected


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_query_declares_its_prefixes(name: str) -> None:
    """The file parses with no prefixes supplied, as a SPARQL endpoint or its query page would take it."""
    from akhbar.graph.query import resolve_query

    ox.Store().query(resolve_query(name).read_text(encoding="utf-8"))
