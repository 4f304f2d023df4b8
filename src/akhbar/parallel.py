"""Parallel reading: worker processes each load the Reader (model + knowledge base) once and turn
articles into their named graphs (N-Triples text); the parent stays the only writer to the store.

Processes are started with the `spawn` context (no forked copy of a loaded model or of an open
store). Results come back in input order, with at most WINDOW_PER_WORKER articles in flight per
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

WINDOW_PER_WORKER = 4  # articles queued per worker: enough to keep it busy, small enough to stream

# Per-process state, set by _start in each worker.
_reader = None
_load_error: BaseException | None = None


def _start(model: str) -> None:
    """Worker initialiser: load the Reader once; keep a load error to raise with the first task."""
    global _reader, _load_error
    from akhbar.pipeline import Reader

    try:
        _reader = Reader(model)
    except Exception as err:  # re-raised in the parent by the first task (e.g. AnalysisError)
        _load_error = err


def article_graph(article: Article) -> ArticleGraph | str:
    """In a worker: the article's graph, or the one-line error message the serial build would give.

    The graph is N-Triples text, which crosses the process boundary as it is (no term objects to pickle)
    and which the parent's writer thread hands to Oxigraph as it is.
    """
    if _load_error is not None:
        raise _load_error
    assert _reader is not None, "worker used before its initialiser ran"
    try:
        return _reader.graph(article)
    except (ValueError, SyntaxError, OSError) as err:
        return str(err)


def map_graphs(articles: Iterable[tuple[T, Article]], model: str, workers: int
               ) -> Iterator[tuple[T, Article, ArticleGraph | str]]:
    """The graph (or an error message) of each article, read by `workers` processes, in input order."""
    context = multiprocessing.get_context("spawn")
    window: deque[tuple[T, Article, Future]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start, initargs=(model,))
    try:
        for key, article in articles:
            window.append((key, article, pool.submit(article_graph, article)))
            if len(window) >= workers * WINDOW_PER_WORKER:
                key, done, future = window.popleft()
                yield key, done, future.result()
        while window:
            key, done, future = window.popleft()
            yield key, done, future.result()
    finally:  # also when the caller stops early: drop queued articles instead of reading them
        pool.shutdown(wait=True, cancel_futures=True)
