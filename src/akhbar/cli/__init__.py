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
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error."),
) -> None:
    """Turn Arabic news articles into a knowledge graph of who warns, attacks or pressures whom."""


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 article", "2 articles" (`many` for irregular plurals)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


# Command modules register themselves on `app` when imported.
from akhbar.cli import article_cmds, bulk_cmds, model_cmds, report_cmds, store_cmds  # noqa: E402,F401

DEBUG_ENV = "AKHBAR_DEBUG"


def main() -> None:
    """Console-script entry point: the one boundary where an unexpected error becomes one line on stderr
    (with what to do) and exit status 2; `--debug` (anywhere on the line) or AKHBAR_DEBUG=1 shows the
    traceback instead."""
    import os
    import sys

    debug = "--debug" in sys.argv[1:] or os.environ.get(DEBUG_ENV, "") not in ("", "0")
    if "--debug" in sys.argv[1:]:
        sys.argv.remove("--debug")
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except Terminated:
        print("akhbar: terminated", file=sys.stderr)
        raise SystemExit(143) from None
    except KeyboardInterrupt:
        print("akhbar: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as err:  # the boundary: anything no command turned into a message of its own
        if debug:
            raise
        print(f"error: {describe(err)}", file=sys.stderr)
        raise SystemExit(2) from None


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every command unwinds the same way: work in flight is stopped, whole
    articles already written stay, worker and server processes are ended."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def describe(err: BaseException) -> str:
    """One line for an unexpected error, naming what the system said and what to do."""
    import errno

    if isinstance(err, OSError):
        where = f"{err.filename}: " if getattr(err, "filename", None) else ""
        if err.errno == errno.ENOSPC or "No space left on device" in str(err):
            return f"{where}the disk is full; free some space and run the command again"
        if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return f"{where}cannot write here ({err.strerror}); use a writable folder"
        if "corruption" in str(err).lower():
            return f"{where}the store is damaged ({err}); rebuild it from the articles or `akhbar load` its shards"
        return f"{where}{err.strerror or err}"
    first = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return f"{type(err).__name__}: {first} (run with --debug for the traceback)"
