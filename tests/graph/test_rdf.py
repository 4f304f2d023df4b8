"""Extraction records → quads: the graph contract and its offset guarantees."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from akhbar.graph.rdf import extraction_graph, extraction_quads, iri, literal
from akhbar.graph.vocab import AK, NIF, article_graph, article_iri
from akhbar.records import Article, Event, Extraction, Mention, NewActor, Span

TEXT = "حذرت واشنطن بغداد.\nوقد تهاجم إسرائيل بغداد."
USA, IRAQ, ISRAEL = ("https://w3id.org/akhbar/id/" + k for k in ("usa", "iraq", "israel"))


def sample() -> Extraction:
    article = Article("t1", "/tmp/t1.txt", TEXT, date="2024-10-30")
    s1 = Span(0, TEXT.index("\n"))
    s2 = Span(TEXT.index("\n") + 1, len(TEXT))
    warn = TEXT.index("حذرت")
    attack = TEXT.index("تهاجم")
    return Extraction(
        article=article,
        mentions=[Mention(USA, Span(5, 11), "واشنطن")],
        new_actors=[NewActor("https://w3id.org/akhbar/id/official/x", "Official", "مسؤول", "an official",
                             (("officialOf", USA),))],
        events=[
            Event("Warning", Span(warn, warn + 4), s1, agent=USA, target=IRAQ),
            Event("AirStrike", Span(attack, attack + 5), s2, agent=ISRAEL, target=IRAQ, modality="Possible",
                  date="2024-10"),
        ],
    )


def store_of(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def test_everything_lands_in_the_article_graph() -> None:
    quads = extraction_quads(sample())
    assert {q.graph_name for q in quads} == {ox.NamedNode(article_graph("t1"))}


def test_evidence_offsets_index_the_article_string() -> None:
    store = store_of(extraction_quads(sample()))
    rows = list(store.query(f"""
        SELECT ?text ?b ?e ?anchor ?sb ?se ?sanchor WHERE {{ GRAPH ?g {{
          ?ev <{AK.evidence}> ?t . ?t <{NIF.beginIndex}> ?b ; <{NIF.endIndex}> ?e ; <{NIF.anchorOf}> ?anchor ;
             <{NIF.referenceContext}> ?a ; <{NIF.sentence}> ?s .
          ?s <{NIF.beginIndex}> ?sb ; <{NIF.endIndex}> ?se ; <{NIF.anchorOf}> ?sanchor .
          ?a <{NIF.isString}> ?text }} }}"""))
    assert len(rows) == 2
    for row in rows:
        text = row["text"].value
        assert text[int(row["b"].value):int(row["e"].value)] == row["anchor"].value
        assert text[int(row["sb"].value):int(row["se"].value)] == row["sanchor"].value
    assert {r["anchor"].value for r in rows} == {"حذرت", "تهاجم"}


def test_direct_triple_only_for_asserted_events() -> None:
    store = store_of(extraction_quads(sample()))
    assert store.query(f"ASK {{ GRAPH ?g {{ <{USA}> <{AK.warns}> <{IRAQ}> }} }}")
    assert not store.query(f"ASK {{ GRAPH ?g {{ <{ISRAEL}> <{AK.attacks}> ?x }} }}")
    assert store.query(f"""ASK {{ GRAPH ?g {{ ?e a <{AK.AirStrike}> ; <{AK.modality}> <{AK.Possible}> ;
                               <{AK.article}> <{article_iri('t1')}> ; <{AK.date}> ?d }} }}""")


def test_surface_forms_and_new_actors_are_described() -> None:
    store = store_of(extraction_quads(sample()))
    assert store.query(f'ASK {{ GRAPH ?g {{ <{USA}> <http://www.w3.org/2004/02/skos/core#altLabel> "واشنطن"@ar }} }}')
    assert store.query(f"ASK {{ GRAPH ?g {{ ?o a <{AK.Official}> ; <{AK.officialOf}> <{USA}> }} }}")


@pytest.mark.parametrize(
    "bad",
    [Event("Warning", Span(0, 4), Span(0, 4), agent=None, target=None),
     Event("Hug", Span(0, 4), Span(0, 4), agent=USA),
     Event("Warning", Span(0, 999), Span(0, 4), agent=USA),
     Event("Warning", Span(0, 4), Span(0, 4), agent=USA, modality="Maybe")],
    ids=["no-participant", "unknown-class", "span-outside", "bad-modality"],
)
def test_malformed_events_are_refused(bad: Event) -> None:
    ex = sample()
    ex.events.append(bad)
    with pytest.raises(ValueError):
        extraction_quads(ex)


def test_a_mention_whose_span_does_not_read_its_text_is_refused() -> None:
    ex = sample()
    ex.mentions.append(Mention(USA, Span(0, 4), "واشنطن"))
    with pytest.raises(ValueError, match="reads"):
        extraction_quads(ex)


@given(st.text(), st.sampled_from([None, "ar", "en"]))
def test_literals_are_written_so_that_pyoxigraph_reads_back_the_same_text(value: str, language: str | None) -> None:
    line = f"<http://example.org/s> <http://example.org/p> {literal(value, language=language)} .\n"
    (triple,) = ox.parse(line.encode(), format=ox.RdfFormat.N_TRIPLES)
    assert triple.object == ox.Literal(value, language=language)


@pytest.mark.parametrize("bad", ["no-scheme", "http://example.org/a b", "http://example.org/<x>", 'http://e/"q"',
                                 "http://e/a\nb", "http://e/{x}"])
def test_iris_that_n_triples_cannot_hold_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="not an absolute IRI"):
        iri(bad)


def test_the_graph_text_counts_and_quads_agree() -> None:
    graph = extraction_graph(sample())
    quads = graph.quads()
    assert graph.graph == article_graph("t1")
    assert graph.triples == len(quads) == len(set(quads)) == graph.ntriples.count(b"\n")
    assert graph.events == 2
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert {(t.subject, t.predicate, t.object) for t in ox.parse(graph.ntriples, format=ox.RdfFormat.N_TRIPLES)} \
        == triples


def cells_of(events: list[Event], date: str | None = "2024-10-30") -> list[str]:
    """The ak:cell of each event, in order, as extraction_graph writes them."""
    article = Article("t1", "/tmp/t1.txt", TEXT, date=date)
    store = store_of(extraction_quads(Extraction(article=article, mentions=[], new_actors=[], events=events)))
    rows = store.query(f"SELECT ?e ?c WHERE {{ GRAPH ?g {{ ?e <{AK.cell}> ?c }} }}")
    found = {row["e"].value: row["c"].value for row in rows}
    return [found[f"{article_iri('t1')}/event/{n}"] for n in range(len(events))]


def test_alike_events_share_a_cell_and_any_difference_parts_them() -> None:
    s1 = Span(0, TEXT.index("\n"))
    base = Event("Attack", Span(0, 4), s1, agent=USA, target=IRAQ)
    changed = [Event("AirStrike", Span(0, 4), s1, agent=USA, target=IRAQ),
               Event("Attack", Span(0, 4), s1, agent=USA, target=IRAQ, modality="Possible"),
               Event("Attack", Span(0, 4), s1, agent=ISRAEL, target=IRAQ),
               Event("Attack", Span(0, 4), s1, agent=USA, target=ISRAEL),
               Event("Attack", Span(0, 4), s1, agent=USA),
               Event("Attack", Span(0, 4), s1, agent=USA, target=IRAQ, date="2024-10-29"),
               Event("Attack", Span(0, 4), s1, agent=USA, target=IRAQ, date="2024-10-30", date_precision="week"),
               Event("Attack", Span(0, 4), s1, agent=USA, target=IRAQ, date="2024-10")]
    same = [base, Event("Attack", Span(5, 11), s1, agent=USA, target=IRAQ),  # another trigger, same values
            Event("Attack", Span(0, 4), s1, agent=USA, target=IRAQ, date="2024-10-30")]  # its article's date
    cells = cells_of(same + changed)
    assert len(set(cells[:3])) == 1 and len(set(cells)) == 1 + len(changed)
    assert all(c.startswith("https://w3id.org/akhbar/cell/") for c in cells)
    # the article's date counts: undated events of an undated article are another cell, the same in every article
    assert cells_of([base], date=None) != cells_of([base]) and cells_of([base], None) == cells_of([base], None)
