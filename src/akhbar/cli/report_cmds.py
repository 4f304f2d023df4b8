"""`akhbar report`: a self-contained HTML report of a store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from akhbar.cli import app, plural
from akhbar.cli.store_cmds import StoreOpt, err, existing_store, fail, out
from akhbar.report.data import DEFAULT_LIMIT


class Period(StrEnum):
    auto = "auto"
    day = "day"
    week = "week"


@app.command()
def report(
    store: StoreOpt,
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("report.html"),
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="from=YYYY-MM-DD, to=YYYY-MM-DD, actor=id:usa (or an IRI; who acts for it counts "
                              "too), action=warns|attacks|pressures or a class such as ak:Threat.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="Events in the table, newest first.")] = DEFAULT_LIMIT,
    by: Annotated[Period, typer.Option(
        help="Timeline bars per day or week (auto: days when the dates span at most 62 days).")] = Period.auto,
) -> None:
    """Write one self-contained HTML page: the network of actors (with officials lifted to their state on a
    toggle), events per day or week, and the newest events, each opening its sentence."""
    from akhbar.graph.lookup import did_you_mean, occurs
    from akhbar.report.data import ReportError, parse_filters, read_report
    from akhbar.report.page import render

    try:
        filters = parse_filters(param or [])
    except ReportError as e:
        fail(str(e))
    if output.suffix.lower() not in (".html", ".htm"):
        fail(f"{output}: the report is an HTML page; name it *.html")
    if not output.parent.is_dir():
        fail(f"{output}: the folder {output.parent} does not exist; create it first")
    with existing_store(store, "report") as db:
        if filters.actor is not None and not occurs(db, filters.actor):
            hint = did_you_mean(db, filters.actor)
            err.print(f"[yellow]warning:[/yellow] --param actor={filters.actor.value}: nothing in {store} is that "
                      "actor, so the report is empty" + (f"; {hint}" if hint else ""), highlight=False,
                      soft_wrap=True)
        data = read_report(db, filters, limit)
    page = render(data, str(store), by.value, version=_version())
    tmp = output.with_name(output.name + ".part")
    try:
        tmp.write_text(page, encoding="utf-8")
        tmp.replace(output)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        fail(f"{output}: cannot write ({e.strerror})")
    out.print(f"wrote {output}: {plural(data.total, 'event')}, {plural(len(data.edges), 'edge')} between actors "
              f"({len(data.lifted)} between states), {len(data.events)} in the table", highlight=False)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("akhbar")
    except PackageNotFoundError:
        from akhbar import __version__

        return __version__
