"""The `akhbar` command line: one Typer app; commands live in the modules below by topic."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="akhbar",
    help="Turn Arabic news articles into a knowledge graph of who warns, attacks or pressures whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on `app` when imported.
from akhbar.cli import bulk_cmds, model_cmds, store_cmds  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    app()
