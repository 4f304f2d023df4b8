"""Commands over the store: build, query, export, reason, validate, serve."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.table import Table

from akhbar.cli import app, plural
from akhbar.cli.progress import progress
from akhbar.graph.store import PREFIXES, StoreError, StoreLock, using_store
from akhbar.graph.vocab import INFERRED_GRAPH
from akhbar.text import InputError, iter_input_files

out = Console()
err = Console(stderr=True)

StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="Store folder (created by build).")]


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit non-zero."""
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def existing_store(path: Path, purpose: str, write: bool = False) -> Iterator[ox.Store]:
    """The store for one command, or a one-line error saying how to make or free it."""
    from akhbar.graph.soundness import StoreDamaged, damage_message, is_damage

    try:
        with using_store(path, purpose, write) as db:
            yield db
    except (StoreError, StoreDamaged) as e:
        fail(str(e))
    except (OSError, RuntimeError) as e:  # (a damaged block met while the command reads)
        if is_damage(e):
            fail(damage_message(path, e))
        raise


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(
        help="Article files (.txt; .jsonl/.json records; .html saved pages), folders of them, or - (JSON Lines "
             "on standard input).")],
    store: StoreOpt,
    model: Annotated[str, typer.Option(help="Analysis model: 'default' (shipped) or 'udpipe:PATH'.")] = "default",
    workers: Annotated[int, typer.Option(
        min=1, help="Processes reading articles (each loads the model once); this one alone writes.")] = 1,
    dask: Annotated[str | None, typer.Option(
        help="Read on this dask.distributed scheduler (e.g. tcp://host:8786) into N-Quads shards, then "
             "bulk-load them; workers must see the article files at the same paths.")] = None,
    shards: Annotated[Path | None, typer.Option(help="With --dask: keep the N-Quads shards in this folder.")] = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Replace a stored article read from another file with the same name (stem).")] = False,
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD",
        help="Publication date of the articles whose metadata and first lines give none.")] = None,
) -> None:
    """Read articles and store each one's graph (re-building an article replaces its graph)."""
    from akhbar.cli import Terminated
    from akhbar.formats import RECORD_SUFFIXES, iso_day
    from akhbar.pipeline import BuildReport, StoreWriteError
    from akhbar.pipeline import build as run_build

    if date is not None:
        try:
            date = iso_day(date, "--date")
        except InputError as e:
            fail(str(e))
    files: list[Path | InputError] = list(iter_input_files(paths))
    per_file = not any(isinstance(f, Path) and (str(f) == "-" or f.suffix.lower() in RECORD_SUFFIXES) for f in files)
    created = not store.exists()
    report = BuildReport()
    try:
        with StoreLock(store, "build"), progress("reading articles", total=len(files) if per_file else None,
                                                    console=err) as steps:

            def on_file(path: Path, error: str | None) -> None:
                if error:
                    steps.note(f"[red]error:[/red] {error}")
                steps.advance()

            if dask:
                from akhbar.distributed import build_dask

                report = build_dask(files, store, dask, model=model, shard_dir=shards, on_file=on_file)
            else:
                report = run_build(paths, store, model=model, on_file=on_file, files=files, workers=workers,
                                   report=report, replace=replace, default_date=date)
    except StoreError as e:
        fail(str(e))
    except StoreWriteError as e:
        what = "the disk is full" if e.disk_full else f"cannot write to it: {e}"
        fail(f"{store}: {what}; build stopped, {plural(e.report.articles, 'article')} stored whole (each in one "
             f"transaction), the rest not; {'free some space' if e.disk_full else 'fix that'} and run the same "
             "build again to complete it")
    except KeyboardInterrupt as stop:
        how = "terminated" if isinstance(stop, Terminated) else "interrupted"
        fail(f"{store}: build {how}; {plural(report.articles, 'article')} stored whole (each in one transaction), "
             "the rest not; run the same build again to complete it", 143 if how == "terminated" else 130)
    except Exception as e:  # a model or knowledge-base problem: one line, not a traceback
        from akhbar.analysis import AnalysisError
        from akhbar.extract.linker import LinkerError

        if created:
            remove_empty_store(store)
        from akhbar.graph.soundness import damage_message, is_damage

        if isinstance(e, AnalysisError | LinkerError):
            fail(str(e))
        if is_damage(e):
            fail(damage_message(store, e))
        raise
    if created and not report.articles:
        remove_empty_store(store)  # nothing was read: leave no empty store behind
    out.print(f"{plural(report.articles, 'article')}, {plural(report.events, 'event')}, "
              f"{plural(report.triples, 'triple')} in {report.seconds:.1f} s"
              + (f"; {len(report.errors)} failed" if report.errors else ""), highlight=False)
    if report.errors:
        raise typer.Exit(1)


def remove_empty_store(store: Path) -> None:
    """Remove a store folder a failed build created, if it holds no article (never one that existed before)."""
    from akhbar.graph.store import article_graphs, open_store

    if not store.is_dir():
        return
    try:
        empty = not (store / "CURRENT").exists() or not article_graphs(open_store(store, read_only=True))
    except (StoreError, OSError):
        return
    if empty:
        shutil.rmtree(store, ignore_errors=True)


class ResultFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


TABLE_PAGE = 100  # rows a table shows unless --limit says otherwise (a terminal page; csv and json give all rows)


@app.command()
def query(
    query_name: Annotated[str, typer.Argument(metavar="QUERY", help="A .rq file, or the name of one in queries/.")],
    store: StoreOpt,
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f")] = ResultFormat.table,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="name=value bound to ?name as one RDF term: <iri>, id:usa, \"text\"@ar, 42, or text.")
    ] = None,
    limit: Annotated[int | None, typer.Option(
        min=0, help=f"At most N rows (a page of the ordered rows); default {TABLE_PAGE} for a table, all for csv "
                    "and json; 0: all.")] = None,
    offset: Annotated[int, typer.Option(min=0, help="Skip the first N rows (with --limit: the next page).")] = 0,
) -> None:
    """Run a SPARQL query over the whole store (all graphs as the default graph).

    `akhbar queries` lists the library with each query's parameters."""
    from akhbar.graph.lookup import did_you_mean, occurs
    from akhbar.graph.query import QueryError, check_params, parse_param, query_info, resolve_query, run_query
    from akhbar.graph.store import inferences_state

    try:
        path = resolve_query(query_name)
        params = dict(parse_param(p) for p in param or [])
        text = path.read_text(encoding="utf-8")
        check_params(path, text, params)
    except QueryError as e:
        fail(str(e))
    except (OSError, UnicodeDecodeError) as e:
        fail(f"{query_name}: cannot read the query ({e})")
    with existing_store(store, "query") as db:
        bounds = {name for name, meaning in query_info(path).parameters.items() if meaning.startswith("(a bound)")}
        for name, term in params.items():
            # a value nothing in the store has gives no rows: say so, not silently (a bound is compared, not matched)
            if name not in bounds and not occurs(db, term):
                hint = did_you_mean(db, term)
                err.print(f"[yellow]warning:[/yellow] --param {name}={term}: nothing in {store} is {term}, so "
                          f"it matches nothing" + (f"; {hint}" if hint else ""), highlight=False, soft_wrap=True)
        if query_info(path).needs_reason:
            state = inferences_state(db)
            if state != "current":
                why = "has no inferred graph" if state == "missing" else "changed since its inferences were made"
                err.print(f"[yellow]warning:[/yellow] {path.stem} reads what `akhbar reason` infers, and {store} "
                          f"{why}; run `akhbar reason --store {store}` first", highlight=False, soft_wrap=True)
        if limit is None:
            limit = TABLE_PAGE if fmt is ResultFormat.table else 0
        try:
            result = run_query(db, page_of(db, store, path, text, params, limit, offset), params)
            shown = print_result(result, fmt)
        except QueryError as e:
            fail(str(e))
        if limit and shown == limit:
            err.print(f"rows {offset + 1:,}–{offset + limit:,} (a page of {limit:,}); --offset {offset + limit} for "
                      "the next page, --limit 0 for all", style="dim", highlight=False, soft_wrap=True)


def page_of(db: ox.Store, store: Path, path: Path, text: str, params: dict, limit: int, offset: int) -> str:
    """The query text for one page (graph/pages.py), with a note when the whole listing is evaluated for it."""
    from akhbar.graph.pages import page_text

    text, why = page_text(db, store, path, text, params, limit, offset)
    if why:
        err.print(f"note: {why}; the whole listing is evaluated for this page", style="dim", highlight=False,
                  soft_wrap=True)
    return text


@app.command("queries")
def queries_cmd(
    name: Annotated[str | None, typer.Argument(help="One query to describe (default: list the library).")] = None,
) -> None:
    """List the SPARQL library: each query's name, what it answers and its parameters."""
    from akhbar.graph.query import QueryError, library, query_info, resolve_query

    if name is not None:
        try:
            info = query_info(resolve_query(name))
        except QueryError as e:
            fail(str(e))
        out.print(f"{info.name}: {info.description}", highlight=False)
        for param, meaning in info.parameters.items():
            out.print(f"  --param {param}=…  {meaning}", highlight=False)
        if info.needs_reason:
            out.print("  needs `akhbar reason` first", highlight=False)
        return
    table = Table(show_lines=False)
    table.add_column("query", no_wrap=True)
    table.add_column("answers", ratio=3)
    table.add_column("parameters", ratio=1)
    for path in library():
        info = query_info(path)
        table.add_row(info.name, info.description + (" (needs akhbar reason)" if info.needs_reason else ""),
                      ", ".join(info.parameters))
    out.print(table)


def count_actors(db: ox.Store) -> int:
    """How many typed actors (IRIs of the id: namespace) the store holds."""
    rows = db.query('SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?t . '
                    'FILTER(STRSTARTS(STR(?a), "https://w3id.org/akhbar/id/")) }', use_default_graph_as_union=True)
    return int(next(iter(rows))["n"].value)


@app.command("actors")
def actors_cmd(
    text: Annotated[str | None, typer.Argument(help="A name in Arabic or English, or an IRI (id:usa).")] = None,
    store: StoreOpt = Path("store"),
    limit: Annotated[int, typer.Option(min=1, help="At most this many actors.")] = 20,
) -> None:
    """Look actors up in the store by label (Arabic or English, spelling variants folded) or IRI."""
    from akhbar.graph.lookup import find_actors

    with existing_store(store, "actors") as db:
        if not text:
            out.print(f"{plural(count_actors(db), 'actor')} in {store}; give a name to look one up",
                      highlight=False)
            return
        hits = find_actors(db, text, limit)
    if not hits:
        fail(f"no actor in {store} answers to {text!r}")
    table = Table(show_lines=False)
    for column in ("actor", "kind", "English", "Arabic"):
        table.add_column(column, overflow="fold")
    for h in hits:
        table.add_row(h.curie, h.kind, h.english, h.arabic)
    out.print(table)


def print_result(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: ResultFormat) -> int | None:
    """Write query results to stdout: a table, CSV or SPARQL JSON (CONSTRUCT results as Turtle); returns the
    number of table rows (None for other output)."""
    from akhbar.graph.query import short

    if isinstance(result, ox.QueryBoolean):
        out.print("true" if bool(result) else "false")
        return
    if isinstance(result, ox.QueryTriples):
        sys.stdout.write(result.serialize(format=ox.RdfFormat.TURTLE).decode())
        return
    if fmt is not ResultFormat.table:
        kind = ox.QueryResultsFormat.CSV if fmt is ResultFormat.csv else ox.QueryResultsFormat.JSON
        sys.stdout.write(result.serialize(format=kind).decode("utf-8"))
        return
    variables = [v.value for v in result.variables]
    rows = [[short(solution[v]) for v in variables] for solution in result]
    print_table(variables, rows)
    return len(rows)


# the order in which a narrow table keeps columns: who and what first, then how sure and when, the text, and
# the IRIs last (a label column stands in for its IRI); names not listed come between the counts and the text
COLUMN_PRIORITY = ("agentLabel", "targetLabel", "stateLabel", "otherLabel", "actorLabel", "militiaLabel",
                   "label", "action", "relation", "core", "modality", "date", "precision", "dateSource", "events",
                   "articles", "asserted", "count", "trigger", "why", "sentence", "surface", "title", "article",
                   "event")
WRAPPED = ("sentence", "title", "surface", "answers", "why")  # long text (and labels): wrapped, never cut to nothing
MIN_WRAPPED = 12
MAX_CELL = 40


def _wrapped(name: str) -> bool:
    return name in WRAPPED or name.endswith("Label")


def _priority(name: str) -> tuple[int, str]:
    if name in COLUMN_PRIORITY:
        return COLUMN_PRIORITY.index(name), name
    return COLUMN_PRIORITY.index("article"), name


def print_table(variables: list[str], rows: list[list[str]], width: int | None = None, noun: str = "row") -> None:
    """Rows as a table that fits the terminal: columns kept by priority, each at least as wide as its
    header (long text wrapped), labels shown in place of the IRIs they name; what does not fit is named."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    shown = [v for v in variables if f"{v}Label" not in variables]
    needs = {}
    for n, name in enumerate(variables):
        if name not in shown:
            continue
        longest = max((len(r[n]) for r in rows), default=0)
        needs[name] = max(len(name), min(MIN_WRAPPED if _wrapped(name) else MAX_CELL, longest))
    empty = {name for n, name in enumerate(variables) if name in shown and not any(r[n] for r in rows)}
    kept: list[str] = []
    used = 1  # the left border
    for name in sorted(shown, key=lambda v: (v in empty, _priority(v))):  # (an empty column goes last)
        cost = needs[name] + 3  # padding and border
        if used + cost <= width:
            kept.append(name)
            used += cost
    kept.sort(key=shown.index)
    table = Table(show_lines=False)
    for name in kept:
        if _wrapped(name):
            table.add_column(name, overflow="fold", min_width=needs[name], ratio=2 if name in WRAPPED else 1)
        else:
            table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=needs[name], max_width=MAX_CELL)
    index = {name: variables.index(name) for name in kept}
    for r in rows:
        table.add_row(*(r[index[name]] for name in kept))
    out.print(table, width=width)
    left_out = [name for name in shown if name not in kept]
    note = plural(len(rows), noun)
    if left_out:
        note += f"; not shown at this width: {', '.join(left_out)} (--format csv or json keeps every column)"
    out.print(note, style="dim", highlight=False, width=width)


class ExportFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"


EXPORT_FORMATS = {
    ExportFormat.turtle: ox.RdfFormat.TURTLE,
    ExportFormat.trig: ox.RdfFormat.TRIG,
    ExportFormat.nquads: ox.RdfFormat.N_QUADS,
    ExportFormat.jsonld: ox.RdfFormat.JSON_LD,
}


# file extensions and the format each stands for (as Oxigraph's own command line reads them)
EXTENSIONS = {".ttl": ExportFormat.turtle, ".trig": ExportFormat.trig, ".nq": ExportFormat.nquads,
              ".nquads": ExportFormat.nquads, ".jsonld": ExportFormat.jsonld, ".json": ExportFormat.jsonld}


def export_format(fmt: ExportFormat | None, output: Path | None) -> ExportFormat:
    """The format asked for, else the one the output file's extension names, else TriG; a clash is an error."""
    by_extension = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and by_extension is not None and fmt is not by_extension:
        fail(f"{output}: the extension {output.suffix} means {by_extension.value}, not --format {fmt.value}; "
             "drop --format or change the file name")
    if fmt is None and output is not None and by_extension is None:
        fail(f"{output}: cannot tell the format from the extension {output.suffix or '(none)'}; use "
             f"{', '.join(sorted(EXTENSIONS))} or --format")
    return fmt or by_extension or ExportFormat.trig


@app.command()
def export(
    store: StoreOpt,
    fmt: Annotated[ExportFormat | None, typer.Option(
        "--format", "-f", help="turtle, trig, nquads or jsonld (default: from the --output extension, else trig).")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
    graph: Annotated[str | None, typer.Option(help="Export only this named graph (IRI).")] = None,
) -> None:
    """Export the store (every graph; Turtle merges them) or one named graph."""
    rdf_format = EXPORT_FORMATS[export_format(fmt, output)]
    if output is not None and not output.parent.is_dir():
        fail(f"{output}: the folder {output.parent} does not exist; create it first")
    node = None
    if graph is not None:
        try:
            node = ox.NamedNode(graph)
        except ValueError:
            fail(f"--graph {graph}: not an IRI; name a graph like https://w3id.org/akhbar/graph/article/STEM")
    with existing_store(store, "export") as db, progress("exporting", console=err):
        source = db
        if node is not None:
            if not db.contains_named_graph(node):
                fail(f"{graph}: no such graph in {store}")
            source = ox.Store()
            source.extend(db.quads_for_pattern(None, None, None, node))
        if rdf_format.supports_datasets:
            prefixes = None if rdf_format is ox.RdfFormat.N_QUADS else PREFIXES
            data = source.dump(format=rdf_format, prefixes=prefixes)
        else:
            merged = source.query("CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
            data = ox.serialize(merged, format=rdf_format, prefixes=PREFIXES)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        tmp = output.with_name(output.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(output)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            fail(f"{output}: cannot write ({e.strerror})")
        err.print(f"wrote {output}", highlight=False)


class ReasonEngine(StrEnum):
    fast = "fast"
    owlrl = "owlrl"


@app.command()
def reason(
    store: StoreOpt,
    engine: Annotated[ReasonEngine, typer.Option(
        help="fast: OWL 2 RL rules as SPARQL in Oxigraph; owlrl: the pure-Python reference (same triples, slower).")
    ] = ReasonEngine.fast,
    full: Annotated[bool, typer.Option(
        "--full", help="Recompute everything, even when only some articles changed since the last run.")] = False,
) -> None:
    """OWL 2 RL closure of ontology + actors + articles into the inferred graph.

    With the fast engine, only what changed since the last run is reasoned (added, rebuilt and removed
    articles); the first line says whether the run was incremental, or full and why."""
    from akhbar.graph.increments import reason_store
    from akhbar.graph.pages import INDEX_FILE, stamp, update_index, write_index
    from akhbar.graph.reason import reason as run_reason

    with existing_store(store, "reason", write=True) as db, progress(f"reasoning ({engine.value})", console=err):
        before = stamp(db)
        indexed, index_how = None, "written"
        if engine is ReasonEngine.fast:
            outcome = reason_store(db, store, full=full)
            added, how = outcome.triples, outcome.summary()
            if outcome.incremental:
                indexed = update_index(db, store, before, outcome.articles)
                index_how = f"updated for the {plural(outcome.changed, 'changed article')}"
        else:
            added, how = run_reason(db, engine=engine.value), "full: because the owlrl engine reasons from scratch"
        if indexed is None:
            indexed, index_how = write_index(db, store), "written"
    out.print(how, highlight=False)
    out.print(f"{added} inferred triples in <{INFERRED_GRAPH}>", highlight=False)
    out.print(f"page index of the library's listings {index_how} in {indexed:.1f} s ({INDEX_FILE})", highlight=False)


@app.command()
def remove(
    articles: Annotated[list[str], typer.Argument(
        help="Articles to drop from the store: identifiers (file stems, record ids) or article graph IRIs.")],
    store: StoreOpt,
) -> None:
    """Drop articles from the store, each graph in one transaction; `akhbar reason` then updates the inferences."""
    from akhbar.graph.increments import Retirer
    from akhbar.graph.store import SOURCE, article_graphs, mark_changed
    from akhbar.graph.vocab import ARTICLE_GRAPH_NS, ARTICLES_MARK, META_GRAPH, article_graph

    with existing_store(store, "remove", write=True) as db:
        stored = set(article_graphs(db))
        graphs = [a if a.startswith(ARTICLE_GRAPH_NS) else article_graph(a) for a in articles]
        missing = [a for a, g in zip(articles, graphs, strict=True) if g not in stored]
        if missing:
            fail(f"{store}: no article {', '.join(repr(m) for m in missing)} in the store; nothing removed "
                 "(an article is named by its file stem or record id; `akhbar query events-per-article` lists them)")
        retirer = Retirer(db, store)
        meta = ox.NamedNode(META_GRAPH)
        for graph in dict.fromkeys(graphs):
            retirer.retire(graph)  # (the reasoning state keeps what the graph held, for `akhbar reason`)
            node = ox.NamedNode(graph)
            db.update(f"DROP SILENT GRAPH {node} ;\nDELETE WHERE {{ GRAPH {meta} {{ {node} {SOURCE} ?f }} }}")
        mark_changed(db, ARTICLES_MARK)
    count = len(dict.fromkeys(graphs))
    out.print(f"removed {plural(count, 'article')} from {store}; run `akhbar reason --store {store}` to update "
              "the inferences", highlight=False)


@app.command()
def validate(
    store: StoreOpt,
    shapes: Annotated[Path | None, typer.Option(help="SHACL shapes (default: ontology/shapes.ttl).")] = None,
) -> None:
    """Check that the store is sound (as `akhbar check`) and satisfies the SHACL shapes.

    Exits 1 on damage or on any violation."""
    from akhbar.graph.shacl import validate_store
    from akhbar.graph.soundness import check_store

    with existing_store(store, "validate") as db, progress("validating", console=err):
        check_store(db, store)
        result = validate_store(db, shapes)
    if result.conforms:
        out.print("conforms: the store satisfies every shape")
        return
    out.print(result.report, highlight=False)
    fail(f"{store}: {result.violations} SHACL violations")


@app.command()
def check(store: StoreOpt) -> None:
    """Read every index of every graph: is the store sound?

    A damaged store can export normally while some lookups fail; this exits 1, saying what to do, if so."""
    from akhbar.graph.soundness import check_store

    with existing_store(store, "check") as db, progress("reading every index", console=err):
        report = check_store(db, store)
    out.print(f"sound: {plural(report.quads, 'quad')} in {plural(report.graphs, 'graph')}, read in "
              f"{len(report.orders)} index orders", highlight=False)


def oxigraph_binary() -> str:
    """The `oxigraph` server from the PyPI package, next to this Python or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        fail("the Oxigraph server is not installed; run `pip install oxigraph`")
    return found


def server_command(store: Path, writable: bool, timeout: int) -> Callable[[int], list[str]]:
    """The `oxigraph` command line that serves `store` on a private port of 127.0.0.1 (behind akhbar.server's
    proxy), given the port."""
    mode = "serve" if writable else "serve-read-only"
    binary = oxigraph_binary()
    return lambda port: [binary, mode, "--location", str(store), "--bind", f"127.0.0.1:{port}",
                         "--union-default-graph", "--timeout-s", str(timeout)]


def port_in_use(host: str, port: int) -> str | None:
    """Why the address cannot be bound (None when it is free)."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError as e:
            return e.strerror or str(e)
    return None


@app.command()
def serve(
    store: StoreOpt,
    port: Annotated[int, typer.Option(help="TCP port.")] = 7878,
    host: Annotated[str, typer.Option(help="Address to bind; the default keeps it on this machine.")] = "127.0.0.1",
    writable: Annotated[bool, typer.Option("--writable", help="Accept SPARQL updates (off by default).")] = False,
    timeout: Annotated[int, typer.Option(help="Query time limit in seconds.")] = 30,
) -> None:
    """Serve the store with the Oxigraph SPARQL server and its query UI (read-only by default).

    Every request is bounded by --timeout: a query still running a few seconds past it is stopped (the server
    is restarted, as Oxigraph cannot cancel every query itself) and answered 503."""
    from akhbar.server import serve_forever

    if not store.is_dir():
        fail(f"{store}: no store here; build one first with `akhbar build ARTICLES --store {store}`")
    command = server_command(store, writable, timeout)
    in_use = port_in_use(host, port)
    if in_use:
        fail(f"{host}:{port} is in use ({in_use}); stop what serves there or pick another --port")

    def ready() -> None:
        err.print(f"serving {store} at http://{host}:{port}/ ({'read-write' if writable else 'read-only'}, "
                  f"queries stopped after {timeout} s); Ctrl-C stops", highlight=False)

    try:
        with StoreLock(store, "serve", shared=not writable) as lock:
            if writable:  # (updates through the server change graphs behind the reasoning state's back)
                from akhbar.graph.increments import forget
                from akhbar.graph.pages import INDEX_FILE
                from akhbar.graph.store import open_store

                db = open_store(store)
                forget(db)
                del db
                (store / INDEX_FILE).unlink(missing_ok=True)  # (nor can the page index: pages read in full again)
            serve_forever(host, port, command, timeout, lock_fd=lock.fileno, ready=ready)
    except StoreError as e:
        fail(str(e))
    except KeyboardInterrupt:
        return
    except (OSError, RuntimeError) as e:
        fail(f"{host}:{port}: cannot serve ({' '.join(str(e).split())})")
