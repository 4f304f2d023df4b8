"""Bulk commands: `akhbar load` bulk-loads N-Quads shards (from `akhbar build --dask`, or any N-Quads) into a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from akhbar.cli import app
from akhbar.cli.progress import progress
from akhbar.cli.store_cmds import StoreOpt, err, fail, out
from akhbar.graph.increments import forget
from akhbar.graph.store import StoreError, StoreLock, load_base_graphs, mark_changed, open_store
from akhbar.graph.vocab import ARTICLES_MARK


def shard_files(paths: list[Path]) -> list[Path]:
    """The .nq files named, or found (sorted) in the folders named."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.nq")))
        elif path.is_file():
            files.append(path)
        else:
            fail(f"{path}: no such shard file or folder")
    if not files:
        fail("no N-Quads shards (*.nq) to load")
    return files


def load_into(store: Path, shards: list[Path], replace: bool = True, fast: bool = False) -> tuple[int, int]:
    """Load shards into the store under its write lock, with the ontology and actor base; (shards, graphs)."""
    from akhbar.distributed import load_shards

    graphs = 0
    with StoreLock(store, "load"), progress("loading shards", total=len(shards), console=err) as steps:
        db = open_store(store)
        forget(db)  # (graphs replaced without a copy kept: the next `akhbar reason` is a full one)
        load_base_graphs(db)
        for path, count in load_shards(db, shards, replace=replace, fast=fast):
            graphs += count
            steps.note(f"loaded {path.name} ({count} graphs)")
            steps.advance()
        if graphs:
            mark_changed(db, ARTICLES_MARK)
        db.flush()
    return len(shards), graphs


@app.command()
def load(
    shards: Annotated[list[Path], typer.Argument(help="N-Quads shard files, or folders of *.nq shards.")],
    store: StoreOpt,
    replace: Annotated[bool, typer.Option(
        help="Each graph a shard holds replaces the stored one (as a rebuild); --no-replace adds to it.")] = True,
    unsafe_fast: Annotated[bool, typer.Option(
        "--unsafe-fast", help="Bulk-load: about twice as fast, not transactional (an interrupted load leaves "
                              "graphs it was replacing empty or partial until loaded again).")] = False,
) -> None:
    """Load N-Quads shards into the store, each graph in one transaction (whole graphs or nothing)."""
    from akhbar.graph.soundness import damage_message, is_damage

    files = shard_files(shards)
    try:
        count, graphs = load_into(store, files, replace=replace, fast=unsafe_fast)
    except StoreError as e:
        fail(str(e))
    except (SyntaxError, ValueError) as e:
        where = "the store may hold part of the shards" if unsafe_fast else "the graphs before it are loaded whole"
        fail(f"not valid N-Quads ({' '.join(str(e).split())}); {where}: fix the shard and load it again")
    except (OSError, RuntimeError) as e:
        if is_damage(e):
            fail(damage_message(store, e))
        raise
    out.print(f"{count} shards, {graphs} graphs loaded into {store}", highlight=False)
