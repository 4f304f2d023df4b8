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

def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"akhbar {version('akhbar')}")
        except PackageNotFoundError:  # (run from a checkout that was never installed)
            from akhbar import __version__

            typer.echo(f"akhbar {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit."),
) -> None:
    """Turn Arabic news articles into a knowledge graph of who warns, attacks or pressures whom."""


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 article", "2 articles" (`many` for irregular plurals)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


# Command modules register themselves on `app` when imported.
from akhbar.cli import article_cmds, bulk_cmds, model_cmds, store_cmds  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    app()
