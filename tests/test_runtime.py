"""Loading the analyser settles the process for a long run: BLAS on one thread, the loaded model frozen."""

from __future__ import annotations

import gc

from threadpoolctl import threadpool_info

from akhbar.analysis import load_analyser


def test_loading_the_analyser_keeps_blas_on_one_thread_and_freezes_what_it_loaded() -> None:
    load_analyser("default")
    # (numpy's own BLAS: SciPy, which the linker's training tests import, brings another one the build never loads)
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas" and "/scipy.libs/" not in pool["filepath"]]
    assert blas, "numpy's BLAS should be loaded with the model"
    assert all(pool["num_threads"] == 1 for pool in blas)
    assert gc.get_freeze_count() > 10_000  # the model's Python objects, out of the collector's sight
