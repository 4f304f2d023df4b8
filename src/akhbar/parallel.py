"""Parallel reading: worker processes each load the Reader (model + knowledge base) once and turn
articles into their named graphs (N-Triples text); the parent stays the only writer to the store.

Processes are started with the `spawn` context (no forked copy of a loaded model or of an open
store). Each task is a group of READ_GROUP articles (read as the serial build reads a group: all analysed,
then all extracted). Results come back in input order, with at most TASKS_PER_WORKER groups in flight per
worker, so memory stays flat however long the corpus is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from akhbar.graph.rdf import ArticleGraph
from akhbar.records import Article

T = TypeVar("T")

TASKS_PER_WORKER = 2  # groups queued per worker: enough to keep it busy, small enough to stream

# Per-process state, set by _start in each worker.
_reader = None
_load_error: BaseException | None = None


def _start(model: str) -> None:
    """Worker initialiser: load the Reader once; keep a load error to raise with the first task."""
    global _reader, _load_error
    import signal

    from akhbar.pipeline import Reader

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (Ctrl-C reaches the whole group: the parent alone stops them)

    try:
        _reader = Reader(model)
    except Exception as err:  # re-raised in the parent by the first task (e.g. AnalysisError)
        _load_error = err


def article_graphs(articles: list[Article]) -> tuple[list[ArticleGraph | str], BaseException | None]:
    """In a worker: the graph of each article of a group, or the one-line error message the serial build would
    give; with the unexpected error that stopped the group, if any (the graphs before it still come back)."""
    if _load_error is not None:
        raise _load_error
    assert _reader is not None, "worker used before its initialiser ran"
    out: list[ArticleGraph | str] = []
    try:
        out.extend(_reader.graphs(articles))
    except Exception as err:  # re-raised by the parent once the graphs before it are written
        return out, err
    return out, None


def map_graphs(articles: Iterable[tuple[T, Article]], model: str, workers: int
               ) -> Iterator[tuple[T, ArticleGraph | str]]:
    """The graph (or an error message) of each article, with its key, read by `workers` processes, in input
    order."""
    from akhbar.pipeline import READ_GROUP, batched

    context = multiprocessing.get_context("spawn")
    window: deque[tuple[list[tuple[T, Article]], Future]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start, initargs=(model,))

    def results(group: list[tuple[T, Article]], future: Future) -> Iterator[tuple[T, ArticleGraph | str]]:
        graphs, error = future.result()
        yield from zip((key for key, _article in group), graphs, strict=False)
        if error is not None:
            raise error

    try:
        for group in batched(articles, READ_GROUP):
            window.append((group, pool.submit(article_graphs, [article for _key, article in group])))
            if len(window) >= workers * TASKS_PER_WORKER:
                yield from results(*window.popleft())
        while window:
            yield from results(*window.popleft())
    except BaseException:  # Ctrl-C, SIGTERM, an error: stop the workers now, not after their current group
        stop_workers(pool)
        raise
    finally:  # also when the caller stops early: drop queued articles instead of reading them
        pool.shutdown(wait=True, cancel_futures=True)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes at once (the executor has no public way to; shutdown waits for the
    groups being read, seconds each). Their resource tracker exits with them."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        if process.is_alive():
            process.kill()
