"""Commands about the analysis model: `akhbar analyse`, `akhbar model train|download`."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from akhbar.cli import app

model_app = typer.Typer(help="Train or download analysis models.", no_args_is_help=True)
app.add_typer(model_app, name="model")


class OutputFormat(StrEnum):
    """Output formats of `akhbar analyse`."""

    conllu = "conllu"
    table = "table"


EVAL_FREQUENCY = 200  # as in config.cfg; short runs evaluate more often so a best model exists
ModelOption = Annotated[str, typer.Option("--model", "-m", help="'default', 'udpipe:PATH' or a model folder.")]


def _fail(message: str) -> None:
    """Print a one-line error and exit with status 1."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


@app.command("analyse")
def analyse(
    file: Annotated[Path, typer.Argument(help="Article file (UTF-8 text).")],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="conllu or table.")] = OutputFormat.table,
    model: ModelOption = "default",
) -> None:
    """Print the analysis of FILE (sentences, tokens, offsets, UPOS, lemma, morphology, dependencies)."""
    from akhbar.analysis import AnalysisError, load_analyser
    from akhbar.analysis.conllu import doc_to_conllu
    from akhbar.text import InputError, read_article

    try:
        article = read_article(file)
        doc = load_analyser(model)(article.text)
    except (InputError, AnalysisError) as err:
        _fail(str(err))
        return
    if fmt == OutputFormat.conllu:
        typer.echo(doc_to_conllu(doc, article.identifier), nl=False)
        return
    for n, sent in enumerate(doc.sents, start=1):
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        typer.echo(f"# sentence {n} [{sent.start_char}:{sent.end_char}]")
        for t in words:
            head = "ROOT" if t.head.i == t.i else f"{t.head.i}:{t.head.text}"
            typer.echo(f"{t.i}\t{t.idx}:{t.idx + len(t.text)}\t{t.text}\t{t.pos_}\t{t.lemma_}\t"
                       f"{t.dep_}\t{head}\t{t.morph or '_'}")
        typer.echo("")


@model_app.command("train")
def train_cmd(
    conllu: Annotated[Path, typer.Argument(help="UD CoNLL-U treebank (e.g. ar_pud-ud-test.conllu).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Model folder to write.")],
    max_steps: Annotated[int | None, typer.Option(help="Override training.max_steps (spaCy).")] = None,
    max_epochs: Annotated[int | None, typer.Option(help="Override training.max_epochs (spaCy).")] = None,
    tokenizer_epochs: Annotated[int | None, typer.Option(help="Override the UDPipe tokenizer epochs.")] = None,
    tokenizer_batch: Annotated[int | None, typer.Option(help="Override the UDPipe tokenizer batch size.")] = None,
    augment: Annotated[bool, typer.Option(help="Add و-initial copies of verb-initial sentences "
                                               "to the tokenizer data.")] = True,
    settings: Annotated[list[str] | None, typer.Option("--set", help="spaCy config override KEY=VALUE.")] = None,
) -> None:
    """Train the default model (UDPipe tokenizer + spaCy pipeline) and score the held-out split."""
    from akhbar.analysis.train import TOKENIZER_OPTIONS, train

    if not conllu.is_file():
        _fail(f"{conllu}: no such file")
    overrides: dict[str, object] = {}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
        overrides["training.eval_frequency"] = max(1, min(EVAL_FREQUENCY, max_steps // 2))
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    for item in settings or []:
        key, sep, value = item.partition("=")
        if not sep:
            _fail(f"--set needs KEY=VALUE, got {item!r}")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    options = TOKENIZER_OPTIONS
    if tokenizer_epochs is not None:
        options = options.replace("epochs=100", f"epochs={tokenizer_epochs}")
    if tokenizer_batch is not None:
        options = options.replace("batch_size=50", f"batch_size={tokenizer_batch}")
    scores = train(conllu, output, overrides, options, augment)
    typer.echo(json.dumps(scores, indent=2))


@model_app.command("download")
def download_cmd(
    url: Annotated[str | None, typer.Option(help="Model URL (default: official UDPipe Arabic PADT).")] = None,
    dest: Annotated[Path | None, typer.Option(help="Folder (default: the user cache).")] = None,
    force: Annotated[bool, typer.Option(help="Download again even if present.")] = False,
) -> None:
    """Download the official UDPipe Arabic model (needs a network); prints the --model spec to use."""
    from akhbar.analysis.download import DEFAULT_URL, DownloadError, download

    try:
        path = download(url or DEFAULT_URL, dest, force=force)
    except DownloadError as err:
        _fail(str(err))
        return
    typer.echo(f"model saved: {path}")
    typer.echo(f"use it with: --model udpipe:{path}")


@model_app.command("train-linker")
def train_linker_cmd(
    dev: Annotated[Path, typer.Argument(help="A dev folder: articles/*.txt and gold.jsonl (GUIDELINES.md format).")],
    output: Annotated[Path, typer.Option(
        "--output", "-o", help="Model file to write (JSON); its card goes beside it with the suffix .md.")
    ] = Path("linker.json"),
    folds: Annotated[int, typer.Option(help="Folds by article for cross-validation.")] = 5,
    seeds: Annotated[str, typer.Option(
        help="Fold seeds, comma-separated: the cross-validation is repeated once per seed and pooled.")
    ] = "13,7,21,5",
    model: ModelOption = "default",
    extra: Annotated[list[Path] | None, typer.Option(
        "--extra", help="A further folder of annotated articles (same format) to train on as well, never held out "
                        "or scored: the choices are cross-validated on DEV alone. Repeatable.")] = None,
) -> None:
    """Train the participant linker on a dev folder: choose learner, C and thresholds by cross-validation over
    the articles (repeated with several fold assignments and pooled), fit on all of them (and on any --extra
    folders), write the model and its card. Needs `pip install 'akhbar[train]'`.

    Use the result with AKHBAR_LINKER=FILE (the shipped model is src/akhbar/extract/model/linker.json)."""
    try:
        import scipy  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        _fail("training needs scikit-learn and SciPy: pip install 'akhbar[train]'")
    from akhbar.analysis import AnalysisError, load_analyser
    from akhbar.kb import load_kb
    from akhbar.learn.dataset import load_dev
    from akhbar.learn.train import model_card, train

    if not (dev / "gold.jsonl").is_file() or not (dev / "articles").is_dir():
        _fail(f"{dev}: not a dev folder (it needs articles/*.txt and gold.jsonl)")
    if folds < 2:
        _fail(f"--folds must be 2 or more, got {folds}")
    try:
        fold_seeds = tuple(int(x) for x in seeds.split(","))
    except ValueError:
        _fail(f"--seeds must be integers separated by commas, got {seeds!r}")
        return
    for folder in extra or []:
        if not (folder / "gold.jsonl").is_file() or not (folder / "articles").is_dir():
            _fail(f"{folder}: not an annotated folder (it needs articles/*.txt and gold.jsonl)")
    try:
        kb, analyse = load_kb(), load_analyser(model)
        articles = load_dev(dev, kb, analyse)
        more = [a for folder in extra or [] for a in load_dev(folder, kb, analyse)]
    except (ValueError, AnalysisError) as err:
        _fail(str(err))
        return
    if len(articles) < folds:
        _fail(f"{dev}: {len(articles)} articles with gold events, fewer than {folds} folds")
    linker, report = train(articles, folds, log=lambda line: typer.echo(line, err=True), seeds=fold_seeds,
                           extra=more)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(linker.to_json() + "\n", encoding="utf-8")
    events = sum(len(a.gold.events) for a in articles)
    sources = ", ".join(folder.name for folder in extra or [])
    card = model_card(report, linker, len(articles), events, folds,
                      (len(more), sum(len(a.gold.events) for a in more), sources))
    output.with_suffix(".md").write_text(card, encoding="utf-8")
    typer.echo(f"cross-validated strict F1 {report.strict['f1']:.3f}, state F1 {report.state['f1']:.3f} "
               f"({report.learner}, C={report.c}); wrote {output} and {output.with_suffix('.md')}")
