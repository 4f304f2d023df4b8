"""The main job: article files → analysis → extraction → RDF → one transaction per article in the store."""

from __future__ import annotations

import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox

from akhbar.formats import read_articles
from akhbar.graph.rdf import ArticleGraph, extraction_graph
from akhbar.graph.store import (
    load_base_graphs,
    mark_changed,
    open_store,
    record_sources,
    replace_graph_ntriples,
    stored_sources,
)
from akhbar.graph.vocab import ARTICLES_MARK, article_graph
from akhbar.records import Article, Extraction
from akhbar.text import InputError, iter_input_files

if TYPE_CHECKING:  # (a 2-worker build's parent never loads spaCy)
    from spacy.tokens import Doc

FLUSH_EVERY = 100  # articles between store flushes: keeps memory flat on long builds at ~1% of write time
# Articles analysed one after the other before they are extracted, a group at a time: the model's weights
# and the lexicon's tables then stay in the CPU caches instead of evicting each other at every article
# (the same analysis calls; measured ~14% less CPU per article than alternating, BENCHMARKS.md §1).
READ_GROUP = 8
_READ_ERRORS = (ValueError, SyntaxError, OSError)  # a failed article, reported with its file; the rest go on
T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), streamed (itertools.batched, Python 3.12)."""
    it = iter(items)
    while group := list(islice(it, size)):
        yield group


@dataclass
class BuildReport:
    """What a build did: counts for the summary line and one message per failed input."""

    articles: int = 0
    events: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    stopped: BaseException | None = None  # the store could not be written (a full disk): the build stopped


class StoreWriteError(Exception):
    """The store could not be written (a full disk, an I/O error): the build stopped; the articles written
    before it are whole, each in its own transaction."""

    def __init__(self, cause: BaseException, report: BuildReport) -> None:
        super().__init__(" ".join(str(cause).split()))
        self.cause = cause
        self.report = report

    @property
    def disk_full(self) -> bool:
        return getattr(self.cause, "errno", None) == 28 or "No space left on device" in str(self.cause)


class Reader:
    """Analyser + knowledge base + extractor, loaded once and applied per article."""

    def __init__(self, model: str = "default") -> None:
        from akhbar.analysis import load_analyser
        from akhbar.extract.lexicon import load_lexicon
        from akhbar.extract.linker import load_linker
        from akhbar.kb import load_kb
        from akhbar.runtime import freeze_loaded

        self.analyse = load_analyser(model)
        self.kb = load_kb()
        self.linker = load_linker()  # (a bad AKHBAR_LINKER file fails here, before anything is read)
        load_lexicon()
        freeze_loaded()  # the knowledge base and lexicon live for the whole run too

    def extract(self, article: Article) -> Extraction:
        """Read one article into extraction records."""
        from akhbar.extract import extract

        return extract(self.analyse(article.text), article, self.kb, self.linker)

    def graph(self, article: Article) -> ArticleGraph:
        """The article's named graph (N-Triples and counts)."""
        return extraction_graph(self.extract(article))

    def graphs(self, articles: list[Article]) -> Iterator[ArticleGraph | str]:
        """The graph of each of a group of articles, or the message of the error that stopped its reading.

        The whole group is analysed first, then extracted (see READ_GROUP); a failure stays with its article.
        An unexpected error (or Ctrl-C) still gives the graphs of the articles before it, then propagates.
        """
        from akhbar.extract import extract

        docs: list[Doc | str] = []
        stop: BaseException | None = None
        for article in articles:
            try:
                docs.append(self.analyse(article.text))
            except _READ_ERRORS as err:
                docs.append(str(err))
            except BaseException as err:  # re-raised below, after the articles analysed before it
                stop = err
                break
        for article, doc in zip(articles, docs, strict=False):
            try:
                yield doc if isinstance(doc, str) else extraction_graph(extract(doc, article, self.kb, self.linker))
            except _READ_ERRORS as err:
                yield str(err)
        if stop is not None:
            raise stop


def build(
    paths: list[Path],
    store_dir: Path,
    model: str = "default",
    on_file: Callable[[Path, str | None], None] | None = None,
    files: list[Path | InputError] | None = None,
    workers: int = 1,
    report: BuildReport | None = None,
    replace: bool = False,
    default_date: str | None = None,
) -> BuildReport:
    """Build (or rebuild) the articles under `paths` into the store at `store_dir`.

    Each good article replaces its own named graph atomically; bad inputs are reported and skipped.
    `on_file(path, error)` is called after each input, for progress display. With `workers` > 1,
    that many processes read the articles (akhbar.parallel) and this process alone writes. `report` (filled as
    articles are stored) lets a caller say what was stored when the build is interrupted. An article whose
    identifier (file stem) is already stored from another file with another text is refused unless `replace`.
    `default_date` is the publication date of articles that neither metadata nor a dateline date.
    """
    started = time.perf_counter()
    report = report if report is not None else BuildReport()
    reader = Reader(model) if workers <= 1 else None  # (a bad model fails here, before the store is touched)
    from akhbar.graph.increments import Retirer

    store = open_store(store_dir)
    load_base_graphs(store)
    retirer = Retirer(store, store_dir)  # (keeps what a rebuilt article held, for incremental reasoning)

    def failed(item: Path, error: str) -> None:
        report.errors.append(error)
        if on_file:
            on_file(item, error)

    def record(done: Written) -> None:
        if done.fatal is not None:
            report.stopped = report.stopped or done.fatal
            return
        if done.error is not None:
            failed(done.item, done.error)
            return
        report.articles += 1
        files_read[done.graph.graph] = str(Path(done.item).absolute())
        report.events += done.graph.events
        report.triples += done.graph.triples
        if on_file:
            on_file(done.item, None)

    seen: dict[str, Path] = {}
    files_read: dict[str, str] = {}
    before = {} if replace else stored_sources(store)

    def articles() -> Iterator[tuple[Path, Article]]:
        """Good articles with unique identifiers, streamed; unreadable inputs are reported as they come."""
        for item in files if files is not None else iter_input_files(paths):
            if isinstance(item, InputError):
                failed(Path(item.path), str(item))
                continue
            for article in read_articles(item, default_date):
                try:
                    if isinstance(article, InputError):
                        raise article
                    if article.identifier in seen:
                        raise InputError(article.source, f"same identifier {article.identifier!r} as "
                                                         f"{seen[article.identifier]}; rename one (an article is "
                                                         "identified by its file stem, or its record's id)")
                    other_file(before, article)
                except InputError as err:
                    failed(Path(err.path), str(err))
                    continue
                seen[article.identifier] = Path(article.source)
                yield Path(article.source), article  # (a record's source names its file and line)

    if workers > 1:
        from akhbar.parallel import map_graphs

        results = map_graphs(articles(), model, workers)
    else:
        assert reader is not None
        results = _read_serially(articles(), reader)
    with StoreWriter(store, before_write=retirer.retire) as writer:
        try:
            for item, graph in results:
                if isinstance(graph, str):
                    failed(item, f"{item}: {graph}")
                    continue
                # (a write queued is tracked, and one taken off the queue is counted, before Ctrl-C or SIGTERM stops us)
                with _signals_held():
                    writer.submit(item, graph)
                    for done in writer.finished():
                        record(done)
                if report.stopped is not None:
                    break  # (the store cannot be written: reading more would be wasted)
        finally:  # (also on Ctrl-C or SIGTERM: the writes already queued finish, and are counted)
            if hasattr(results, "close"):
                results.close()  # (stops the worker processes at once)
            for done in writer.drain():
                record(done)
            if report.articles:
                try:
                    mark_changed(store, ARTICLES_MARK)  # (inferences made before this build are now stale)
                    record_sources(store, files_read)
                except (OSError, RuntimeError) as err:
                    report.stopped = report.stopped or err
    report.stopped = report.stopped or writer.flush_error
    report.seconds = time.perf_counter() - started
    if report.stopped is not None:
        raise StoreWriteError(report.stopped, report)
    return report


def other_file(stored: dict[str, tuple[str, str]], article: Article) -> None:
    """Refuse an article whose identifier is stored from another file (a/x.txt yesterday, b/x.txt today): both
    would be the article `x`, and the later would silently replace the earlier. The same file again (however
    its path is written), or the same text, is a rebuild."""
    old = stored.get(article_graph(article.identifier))
    if old is None or old[1] == article.text:
        return
    source, item = Path(old[0]), Path(article.source)
    try:
        if source.resolve() == item.resolve() or (source.exists() and source.samefile(item)):
            return
    except OSError:
        pass
    raise InputError(item, f"the article {article.identifier!r} is already stored from {source}, with another "
                           "text; rename one, or build with --replace to replace it")


HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the block runs; they take effect when it ends. Queuing a write and keeping
    track of it, and taking a finished write off the queue and counting it, must not be torn apart: a stop in
    between left one stored article out of the count the build reports (the store held 32 articles, the
    message said 31). Held at Python's level, by a handler that only notes the signal: masking it in the main
    thread (`pthread_sigmask`) does not hold it, since the kernel then hands it to another thread (the
    writer's, the progress ticker's) and Python still runs the handler in the main thread at once."""
    previous = {sig: signal.getsignal(sig) for sig in HELD_SIGNALS}
    if threading.current_thread() is not threading.main_thread() or None in previous.values():
        yield  # (only the main thread handles signals; None: a handler not set from Python, kept as it is)
        return
    caught: list[int] = []
    for sig in HELD_SIGNALS:
        signal.signal(sig, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if caught:
            handler = previous[caught[0]]
            if callable(handler):
                handler(caught[0], None)  # (Terminated, KeyboardInterrupt: raised here, after the block)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(caught[0])


@dataclass
class Written:
    """The outcome of one graph write: the input it came from, its graph and the error, if any."""

    item: Path
    graph: ArticleGraph
    error: str | None = None
    fatal: BaseException | None = None  # the store could not be written: not this article's fault


class StoreWriter:
    """Writes article graphs on one background thread, in the order they are submitted.

    Oxigraph releases the GIL while it writes, so the writes of one article overlap the analysis and
    extraction of the next ones instead of adding to them. Each write stays one transaction; at most
    MAX_PENDING articles wait, so memory stays flat. The store is flushed every FLUSH_EVERY articles (without it
    its write buffers grow with the corpus: 2 GB at 10k articles) and at the end. Leaving the block early
    (an error or Ctrl-C) still finishes the writes already queued, articles that were read in full.
    """

    MAX_PENDING = 8

    def __init__(self, store: ox.Store, before_write: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.before_write = before_write  # called with a graph's IRI before the graph is written
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="akhbar-writer")
        self._pending: deque[tuple[Future[None], Path, ArticleGraph]] = deque()
        self._written = 0
        self.flush_error: BaseException | None = None

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._pool.shutdown(wait=True)
        if kind is None:  # (committed writes are durable without it: the flush only moves them out of memory)
            try:
                self.store.flush()
            except (OSError, RuntimeError) as err:
                self.flush_error = err

    def _write(self, graph: ArticleGraph) -> None:
        if self.before_write is not None:
            self.before_write(graph.graph)
        replace_graph_ntriples(self.store, graph.graph, graph.ntriples)
        self._written += 1
        if self._written % FLUSH_EVERY == 0:
            self.store.flush()

    def submit(self, item: Path, graph: ArticleGraph) -> None:
        """Queue one graph write (collect outcomes with `finished`, which waits when too many are queued)."""
        self._pending.append((self._pool.submit(self._write, graph), item, graph))

    def finished(self) -> Iterator[Written]:
        """Outcomes of the writes done so far, oldest first; waits for the oldest while more than MAX_PENDING
        are queued."""
        while self._pending and (self._pending[0][0].done() or len(self._pending) > self.MAX_PENDING):
            yield self._outcome(*self._pending.popleft())

    def drain(self) -> Iterator[Written]:
        """Wait for every queued write; their outcomes, oldest first."""
        while self._pending:
            yield self._outcome(*self._pending.popleft())

    @staticmethod
    def _outcome(future: Future[None], item: Path, graph: ArticleGraph) -> Written:
        error = future.exception()
        if error is None:
            return Written(item, graph)
        if isinstance(error, OSError | RuntimeError):  # (Oxigraph's I/O errors: the store, not the article)
            return Written(item, graph, fatal=error)
        if isinstance(error, _READ_ERRORS):
            return Written(item, graph, f"{item}: {error}")
        raise error


def _read_serially(articles: Iterable[tuple[Path, Article]], reader: Reader
                   ) -> Iterator[tuple[Path, ArticleGraph | str]]:
    """The graph of each article, read in this process a group at a time, or the message of the error that
    stopped its reading."""
    for group in batched(articles, READ_GROUP):
        yield from zip((item for item, _article in group),
                       reader.graphs([article for _item, article in group]), strict=True)
