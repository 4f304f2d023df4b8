"""Process-wide settings for long reading runs (a build, a build worker, a benchmark).

Two measured costs of running the analyser next to other work (BENCHMARKS.md, section 1):
- numpy's OpenBLAS starts one thread per core for the spaCy model's matrices. Those matrices are small,
  so the threads gain nothing on their own (analysis alone is as fast with one), but they compete with the
  store writer thread and with a second build worker for the same cores: a 1-worker build analysed ~17%
  slower with them. `single_thread_blas` keeps BLAS on the calling thread (threadpoolctl, at run time).
- Python's cyclic garbage collector walks every live container object in its full collections, and a
  loaded model, knowledge base and lexicon are ~100k of them that live for the whole run.
  `freeze_loaded` moves what is alive after loading out of the collector's sight (gc.freeze), so the
  collections during a run only walk the objects of the articles being read.
"""

from __future__ import annotations

import gc

BLAS_THREADS = 1


def single_thread_blas() -> None:
    """Limit the BLAS libraries loaded in this process (numpy's OpenBLAS) to BLAS_THREADS threads."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=BLAS_THREADS, user_api="blas")


def freeze_loaded() -> None:
    """Collect once, then exempt every object alive now from later garbage collections (see module doc)."""
    gc.collect()
    gc.freeze()
