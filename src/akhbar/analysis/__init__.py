"""The Arabic analysis layer: text in, spaCy Doc out (sentences, clitic-split tokens, UPOS, morphology,
lemmas, UD dependencies), with `doc.text` equal to the original text so every offset is exact.

Specs for `load_analyser`:
- "default": the model shipped in this package (UDPipe 1 tokenizer + spaCy CNN, trained on UD Arabic-PUD);
- "udpipe:PATH": any UDPipe model file (e.g. the official PADT model, `akhbar model download`);
- a folder holding tokenizer.udpipe and spacy/ (e.g. the output of `akhbar model train`);
- a spaCy pipeline folder (trained on gold UD words), used after the shipped UDPipe tokenizer.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from akhbar.analysis.analyser import Analyser, AnalysisError, DefaultAnalyser, UDPipeAnalyser
from akhbar.runtime import freeze_loaded, single_thread_blas

MODEL_DIR = Path(__file__).resolve().parent / "model"
UDPIPE_PREFIX = "udpipe:"

__all__ = ["MODEL_DIR", "Analyser", "AnalysisError", "load_analyser"]


@lru_cache(maxsize=4)
def load_analyser(spec: str = "default") -> Analyser:
    """The analyser for `spec` (cached per spec); AnalysisError with a clear message if missing.

    Loading also settles the process for a long run (akhbar.runtime): BLAS on one thread, and the loaded
    model kept out of the garbage collector's full collections.
    """
    analyser = _load(spec)
    single_thread_blas()
    freeze_loaded()
    return analyser


def _load(spec: str) -> Analyser:
    """The analyser named by `spec` (see module docstring)."""
    if spec == "default":
        return DefaultAnalyser(MODEL_DIR)
    if spec.startswith(UDPIPE_PREFIX):
        path = spec[len(UDPIPE_PREFIX):]
        if not path:
            raise AnalysisError("udpipe: needs a model file path, e.g. udpipe:~/.cache/akhbar/models/x.udpipe")
        return UDPipeAnalyser(path)
    path = Path(spec).expanduser()
    if path.is_dir() and (path / "config.cfg").is_file() and (path / "meta.json").is_file():
        return DefaultAnalyser(MODEL_DIR, spacy_dir=path)  # a bare spaCy pipeline: shipped tokenizer
    if path.is_dir():
        return DefaultAnalyser(path)
    if path.is_file() and path.suffix == ".udpipe":
        return UDPipeAnalyser(path)
    raise AnalysisError(f"unknown analysis model {spec!r}: use 'default', 'udpipe:PATH' "
                        "or a folder made by `akhbar model train`")
