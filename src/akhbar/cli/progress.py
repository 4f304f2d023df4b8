"""Progress for every command that takes time: a live bar on a terminal, a plain line every few seconds in a
log (when stderr is not a terminal, so a long run shows where it is).

>>> import io
>>> from rich.console import Console
>>> with progress("reading", total=2, console=Console(file=io.StringIO()), every=0) as p:
...     p.advance()
...     p.advance()
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

PLAIN_EVERY = 5.0  # seconds between plain progress lines (AKHBAR_PROGRESS_EVERY overrides)


class Steps:
    """What a running command reports: one more step done (and the message of a failed one)."""

    def __init__(self, live: Progress | None, task: int | None, console: Console) -> None:
        self.done = 0
        self._live, self._task, self.console = live, task, console

    def advance(self, n: int = 1) -> None:
        """Count `n` more steps done."""
        self.done += n
        if self._live is not None and self._task is not None:
            self._live.advance(self._task, n)

    def note(self, message: str) -> None:
        """Print a line above the progress display (an error about one input, say)."""
        target = self._live.console if self._live is not None else self.console
        target.print(message, highlight=False, soft_wrap=True)


@contextmanager
def progress(description: str, total: int | None = None, console: Console | None = None,
             every: float | None = None) -> Iterator[Steps]:
    """Show the progress of `description` (a count of `total` steps, or just the time it has taken)."""
    console = console or Console(stderr=True)
    if every is None:
        every = float(os.environ.get("AKHBAR_PROGRESS_EVERY", PLAIN_EVERY))
    if console.is_terminal:
        columns = [TextColumn("[progress.description]{task.description}")]
        columns += [BarColumn(), MofNCompleteColumn()] if total is not None else [SpinnerColumn()]
        with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as live:
            yield Steps(live, live.add_task(description, total=total), console)
        return
    steps = Steps(None, None, console)
    started = time.monotonic()
    stop = threading.Event()

    def report() -> None:
        while not stop.wait(every):
            done = f"{steps.done}/{total}, " if total is not None else ""
            console.print(f"{description}: {done}{time.monotonic() - started:.0f} s", highlight=False)

    ticker = threading.Thread(target=report, name="akhbar-progress", daemon=True)
    if every > 0:
        ticker.start()
    try:
        yield steps
    finally:
        stop.set()
        if ticker.is_alive():
            ticker.join()
