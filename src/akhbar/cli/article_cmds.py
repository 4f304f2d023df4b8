"""`akhbar extract FILE`: one article read without a store, its events and why each was read."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from akhbar.cli import app
from akhbar.cli.store_cmds import fail, print_table


class ExtractFormat(StrEnum):
    """Output formats of `akhbar extract`."""

    table = "table"
    json = "json"
    turtle = "turtle"


def _label(iri: str | None, labels: dict[str, str]) -> str:
    if iri is None:
        return ""
    return labels.get(iri) or iri.rsplit("/", 1)[-1]


@app.command("extract")
def extract_cmd(
    file: Annotated[Path, typer.Argument(help="Article file: .txt, a saved .html page, or a one-record .json.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="table, json or turtle.")] = ExtractFormat.table,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Keep the reasons in the graph too (rdfs:comment on each event; json always has them).")
    ] = False,
    model: Annotated[str, typer.Option(help="Analysis model: 'default' (shipped) or 'udpipe:PATH'.")] = "default",
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD", help="Publication date, if the metadata and first lines give none.")] = None,
) -> None:
    """Read one article without a store and print its events, and why each was found.

    Each event: action, agent, target, modality, date, trigger, sentence; and why: the lexicon entry that fired
    and what chose each participant (the linker's probability and the candidate it scored, or the rule of the
    guidelines that added it)."""
    from akhbar.analysis import AnalysisError, load_analyser
    from akhbar.extract import extract
    from akhbar.extract.linker import LinkerError, load_linker
    from akhbar.formats import iso_day, read_articles
    from akhbar.kb import load_kb
    from akhbar.text import InputError

    try:
        found = list(read_articles(file, iso_day(date, "--date") if date else None))
        if len(found) != 1:
            raise InputError(file, f"holds {len(found)} records; `akhbar extract` reads one article (build the "
                                   "file to read them all)")
        if isinstance(found[0], InputError):
            raise found[0]
        article = found[0]
        kb = load_kb()
        ex = extract(load_analyser(model)(article.text), article, kb, load_linker(), explain_events=True)
    except (InputError, AnalysisError, LinkerError) as e:
        fail(str(e))
        return
    labels = {iri: a.label for iri, a in kb.actors.items()}
    labels.update({a.iri: a.label_en or a.label_ar for a in ex.new_actors})
    text = article.text
    if fmt is ExtractFormat.turtle:
        import pyoxigraph as ox

        from akhbar.graph.rdf import extraction_graph
        from akhbar.graph.store import PREFIXES

        if not explain:
            from dataclasses import replace

            ex.events = [replace(e, why=None) for e in ex.events]
        triples = ox.parse(extraction_graph(ex).ntriples, format=ox.RdfFormat.N_TRIPLES)
        typer.echo(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8"), nl=False)
        return
    rows = [{"action": e.action, "agent": e.agent, "agentLabel": _label(e.agent, labels), "target": e.target,
             "targetLabel": _label(e.target, labels), "modality": e.modality, "date": e.date,
             "datePrecision": e.date_precision,
             "dateText": text[e.date_span.start:e.date_span.end] if e.date_span else None,
             "trigger": text[e.trigger.start:e.trigger.end], "trigger_span": [e.trigger.start, e.trigger.end],
             "sentence": text[e.sentence.start:e.sentence.end], "why": e.why} for e in ex.events]
    if fmt is ExtractFormat.json:
        typer.echo(json.dumps({"article": article.identifier, "published": article.date,
                               "publishedFrom": article.date_from, "events": rows}, ensure_ascii=False, indent=2))
        return
    for r in rows:
        r["date"] = f"{r['date']} ({r['datePrecision']}: {r['dateText']})" if r["date"] else ""
    columns = ["agentLabel", "targetLabel", "action", "modality", "date", "trigger", "why", "sentence"]
    print_table(columns, [[str(r[c] or "") for c in columns] for r in rows], noun="event")
