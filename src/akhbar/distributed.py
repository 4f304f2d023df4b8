"""Building beyond one machine: a Dask bag of article paths, mapped by a pure per-article function
(text → N-Quads of its named graph) on a dask.distributed cluster, gathered into N-Quads shards.

The shards are plain N-Quads: `akhbar load` bulk-loads them into an Oxigraph store (load_shards
below), and any SPARQL 1.1 store can load them too. Every worker loads the Reader once (cached per
process). Workers read the article files themselves, so the inputs must be visible to them at the same
paths (one machine, or a shared file system); the client writes the shards, so those need not be.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from akhbar.formats import read_articles
from akhbar.graph.store import StoreError
from akhbar.pipeline import BuildReport, Reader
from akhbar.records import Article
from akhbar.text import InputError

SHARD_NAME = "shard-{:05d}.nq"
ARTICLES_PER_PARTITION = 64  # one shard per partition: big enough to amortise a task, small enough to balance


@functools.lru_cache(maxsize=2)
def worker_reader(model: str) -> Reader:
    """The Reader of this process, loaded on first use and kept for every later article."""
    return Reader(model)


def article_nquads(article: Article, model: str = "default") -> bytes:
    """The pure per-article step: an article's text → the N-Quads of its named graph."""
    return worker_reader(model).graph(article).nquads()


@dataclass
class Shard:
    """What one partition produced: N-Quads of its good articles, and one message per failed input."""

    nquads: bytes = b""
    articles: int = 0
    events: int = 0
    triples: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, message)


def read_partition(paths: Iterable[str], model: str) -> Shard:
    """On a worker: read each article of a partition into one shard (bad inputs become messages).

    Articles are read a group at a time, as the serial build reads them (Reader.graphs).
    """
    from akhbar.pipeline import READ_GROUP, batched

    shard = Shard()
    chunks: list[bytes] = []
    reader = worker_reader(model)
    for group in batched(paths, READ_GROUP):
        articles: list[tuple[str, Article]] = []
        for path in group:
            for article in read_articles(path):
                if isinstance(article, InputError):
                    shard.errors.append((path, str(article)))
                else:
                    articles.append((article.source, article))
        for (path, _article), graph in zip(articles, reader.graphs([a for _p, a in articles]), strict=True):
            if isinstance(graph, str):
                shard.errors.append((path, f"{path}: {graph}"))
                continue
            chunks.append(graph.nquads())
            shard.articles += 1
            shard.events += graph.events
            shard.triples += graph.triples
    shard.nquads = b"".join(chunks)
    return shard


def unique_paths(items: Iterable[Path | InputError], on_error: Callable[[str, str], None]) -> list[str]:
    """Readable-looking paths with unique stems (the article identifier); the rest go to on_error."""
    seen: dict[str, Path] = {}
    paths: list[str] = []
    for item in items:
        if isinstance(item, InputError):
            on_error(item.path, str(item))
            continue
        if item.stem in seen:
            on_error(str(item), str(InputError(item, f"same identifier {item.stem!r} as {seen[item.stem]}; rename "
                                                     "one (an article is identified by its file stem)")))
            continue
        seen[item.stem] = item
        paths.append(str(item))
    return paths


def build_shards(items: Iterable[Path | InputError], shard_dir: Path, address: str | None = None,
                 model: str = "default", client: object | None = None,
                 on_file: Callable[[str, str | None], None] | None = None) -> tuple[BuildReport, list[Path]]:
    """Read the articles on a Dask cluster (`address`, or an existing `client`) into N-Quads shards.

    Returns the report and the shard files, in partition order. `on_file(path, error)` is called for each
    input once its shard is back (error None for a good article), for progress display.
    """
    import time

    import dask.bag as db
    from dask.distributed import Client, as_completed

    started = time.perf_counter()
    report = BuildReport()

    def failed(path: str, message: str) -> None:
        report.errors.append(message)
        if on_file:
            on_file(path, message)

    paths = unique_paths(items, failed)
    shard_dir.mkdir(parents=True, exist_ok=True)
    own = client is None
    if own:
        try:
            client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as err:
            raise StoreError(f"cannot reach the Dask scheduler at {address} ({err}); "
                             "start `dask scheduler` there or check the address") from None
    written: dict[int, Path] = {}
    try:
        if paths:
            partitions = max(1, -(-len(paths) // ARTICLES_PER_PARTITION))
            bag = db.from_sequence(paths, npartitions=partitions)
            delayed = bag.map_partitions(read_partition, model).to_delayed()
            futures = client.compute(delayed)
            index = {future.key: n for n, future in enumerate(futures)}
            for future in as_completed(futures):
                shard: Shard = future.result()
                n = index[future.key]
                path = shard_dir / SHARD_NAME.format(n)
                tmp = path.with_name(path.name + ".part")
                tmp.write_bytes(shard.nquads)
                tmp.replace(path)
                written[n] = path
                report.articles += shard.articles
                report.events += shard.events
                report.triples += shard.triples
                for path, message in shard.errors:
                    failed(path, message)
                if on_file:
                    for _ in range(shard.articles):
                        on_file("", None)
                future.release()
    finally:
        if own:
            client.close()
    report.seconds = time.perf_counter() - started
    return report, [written[n] for n in sorted(written)]


def build_dask(items: Iterable[Path | InputError], store_dir: Path, address: str, model: str = "default",
               shard_dir: Path | None = None, on_file: Callable[[str, str | None], None] | None = None,
               client: object | None = None) -> BuildReport:
    """`akhbar build --dask`: shards on the cluster, then bulk-loaded into the store with the base graphs.

    Shards go to `shard_dir` and are kept there, or to a temporary folder removed after loading.
    """
    import tempfile
    import time

    from akhbar.graph.increments import forget
    from akhbar.graph.store import load_base_graphs, mark_changed, open_store
    from akhbar.graph.vocab import ARTICLES_MARK

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="akhbar-shards-") as tmp:
        report, shards = build_shards(items, shard_dir or Path(tmp), address, model, client=client, on_file=on_file)
        store = open_store(store_dir)
        forget(store)  # (graphs replaced without a copy kept: the next `akhbar reason` is a full one)
        load_base_graphs(store)
        for _ in load_shards(store, shards):
            pass
        if report.articles:
            mark_changed(store, ARTICLES_MARK)
        store.flush()
    report.seconds = time.perf_counter() - started
    return report


def shard_graphs(path: Path) -> set[ox.NamedNode]:
    """The named graphs a shard holds."""
    return {q.graph_name for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
            if isinstance(q.graph_name, ox.NamedNode)}


def load_shards(store: ox.Store, shards: Iterable[Path], replace: bool = True,
                fast: bool = False) -> Iterator[tuple[Path, int]]:
    """Load N-Quads shards; with `replace`, each graph a shard holds replaces the stored one (as a rebuild).

    Yields each shard with the number of graphs it held. By default each graph is written in one transaction
    (a load interrupted at any point leaves every graph whole: the old one or the new one). `fast` bulk-loads
    instead, about twice as fast but not transactional: an interrupted fast load leaves the graphs it was
    replacing empty or partly loaded until it is run again; run it only on a store that can be rebuilt.
    """
    from akhbar.graph.store import replace_graph

    for path in shards:
        if fast:
            graphs = shard_graphs(path)
            if replace:
                for graph in graphs:
                    store.remove_graph(graph)
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            yield path, len(graphs)
            continue
        written: set[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = set()
        for graph, quads in itertools.groupby(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS),
                                              key=lambda q: q.graph_name):
            group = list(quads)
            if isinstance(graph, ox.NamedNode) and replace and graph not in written:
                replace_graph(store, graph.value, group)  # (one transaction)
            else:  # (the default graph, or a graph met again further down the same shard: added to)
                store.extend(group)
            written.add(graph)
        yield path, sum(1 for g in written if isinstance(g, ox.NamedNode))
