"""Training the linker on a tiny dev folder of our own: labels from gold, cross-validation, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.extract import extract
from akhbar.extract.linker import load_linker
from akhbar.kb import label_key, load_kb
from akhbar.learn.dataset import base_actors, load_dev, singular_actors
from akhbar.learn.gold import GoldArticle, Tally, normalise_name
from akhbar.learn.train import (
    cross_validate,
    fit,
    fit_listwise,
    folds,
    nested,
    one_standard_error,
    paired_error,
    plateau_choice,
    tally,
)
from akhbar.records import Article

ARTICLES = {
    "t1": ("هاجمت أوكرانيا موسكو بطائرات مسيرة.", [("Attack", "ukraine", "moscow")]),
    "t2": ("حذرت مصر إسرائيل من اقتحام رفح.", [("Warning", "egypt", "israel")]),
    "t3": ("قصفت إسرائيل دمشق فجر اليوم.", [("Attack", "israel", "damascus")]),
    "t4": ("دعت فرنسا إيران إلى وقف التصعيد.", [("Pressure", "france", "iran")]),
    "t5": ("هددت تركيا قوات سوريا الديمقراطية بشن هجوم.", [("Warning", "turkey", "sdf")]),
    "t6": ("استهدفت روسيا كييف بصواريخ.", [("Attack", "russia", "kyiv")]),
}
ENTITIES = {"ukraine": "أوكرانيا", "moscow": "موسكو", "egypt": "مصر", "israel": "إسرائيل", "damascus": "دمشق",
            "france": "فرنسا", "iran": "إيران", "turkey": "تركيا", "sdf": "قوات سوريا الديمقراطية", "russia": "روسيا",
            "kyiv": "كييف"}


EXTRA = {
    "x1": ("قصفت تركيا دمشق بطائرات مسيرة.", [("Attack", "turkey", "damascus")]),
    "x2": ("حذرت فرنسا روسيا من التصعيد.", [("Warning", "france", "russia")]),
}


def _folder(root: Path, articles: dict[str, tuple[str, list[tuple[str, str, str]]]]) -> Path:
    (root / "articles").mkdir()
    with open(root / "gold.jsonl", "w", encoding="utf-8") as fh:
        for key, (text, events) in articles.items():
            (root / "articles" / f"{key}.txt").write_text(text, encoding="utf-8")
            used = {x for e in events for x in e[1:]}
            record = {"id": key, "entities": [{"key": k, "type": "State", "qid": "", "names": {"ar": [ENTITIES[k]],
                                                                                               "en": k}, "state": k}
                                              for k in sorted(used)],
                      "events": [{"action": a, "agent": g, "target": t, "modality": "asserted", "evidence": text}
                                 for a, g, t in events]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return root


@pytest.fixture(scope="module")
def dev(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _folder(tmp_path_factory.mktemp("dev"), ARTICLES)


@pytest.fixture(scope="module")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _folder(tmp_path_factory.mktemp("extra"), EXTRA)


def test_gold_names_fold_like_the_scorer() -> None:
    assert normalise_name("الإدارة الأمريكية") == normalise_name("الاداره الاميركيه")
    g = GoldArticle.from_record({"id": "a", "entities": [{"key": "x", "names": {"ar": ["أربيل"], "en": "Erbil"}}],
                                 "events": []})
    assert g.resolve({"اربيل"}, set()) == "x" and g.resolve({"غيرها"}, set()) == "?"


def test_tally_matches_gold_nulls_to_anything() -> None:
    t = Tally()
    t.add({("Attack", "a", "b"), ("Attack", "c", "d")}, {("Attack", None, "b")})
    assert (t.tp, t.system, t.gold) == (1, 2, 1) and t.f1 == pytest.approx(2 / 3)


def test_labels_mark_the_gold_participants(dev: Path) -> None:
    articles = load_dev(dev, load_kb())
    ex = next(a for a in articles if a.id == "t1").triggers[0]
    agent = [c.ref.surface for c, lab in zip(ex.cands, ex.labels["agent"], strict=True) if lab]
    target = [c.ref.surface for c, lab in zip(ex.cands, ex.labels["target"], strict=True) if lab]
    assert (agent, target) == (["أوكرانيا"], ["موسكو"])


def test_a_threshold_is_chosen_on_a_plateau_not_on_a_spike() -> None:
    spike = [(0.30, 0.4), (0.50, 0.6), (0.30, 0.4), (0.44, 0.5), (0.45, 0.5), (0.44, 0.5), (0.30, 0.4)]
    assert plateau_choice(spike) == 4  # the best single point (1) stands alone
    assert plateau_choice([(0.5, 0.25), (0.5, 0.5), (0.5, 0.5), (0.5, 0.1)]) == 1  # equal strict F1: state F1 decides
    assert plateau_choice([(0.4, 0.5), (0.4, 0.5)]) == 1  # a full tie: the last, the stricter threshold
    assert plateau_choice([(0.2, 0.2), (0.3, 0.3), (0.5, 0.5)]) == 2  # an edge wins when it is best with its neighbour


def test_the_strongest_regulariser_within_one_paired_standard_error_is_shipped() -> None:
    best = [[0.40, 0.50, 0.60], [0.45, 0.55, 0.50]]
    steady = [[0.37, 0.52, 0.59], [0.43, 0.56, 0.50]]  # half a point lower, by less than the folds disagree
    assert 0.005 < paired_error(best, steady) < 0.02
    grid = [("listwise", 0.02, 0.505, steady), ("listwise", 0.05, 0.51, best), ("pointwise", 0.01, 0.50, steady)]
    assert one_standard_error(grid) == 0  # the other learner's smaller C does not count
    erratic = [[0.20, 0.55, 0.62], [0.40, 0.60, 0.40]]  # nine points lower, more than the folds disagree: out
    assert one_standard_error([("listwise", 0.01, 0.42, erratic), *grid]) == 1
    lower = [[0.30, 0.40, 0.50], [0.35, 0.45, 0.40]]  # ten points lower on every fold: out
    assert one_standard_error([("listwise", 0.02, 0.41, lower), ("listwise", 0.05, 0.51, best)]) == 1


def test_holding_out_the_actors_only_one_article_names_reads_it_as_unseen(dev: Path) -> None:
    kb = load_kb()
    sdf = kb.lookup(label_key("قوات سوريا الديمقراطية"))
    full = {a.id: a for a in load_dev(dev, kb)}
    assert singular_actors(list(full.values()))["t5"] == {sdf}  # states and capitals are never held out
    held = {a.id: a for a in load_dev(dev, kb, hold_out=True)}
    named = {k: {i for s in a.units.sentences for r in s.refs for i in r.iris} for k, a in held.items()}
    assert sdf not in named["t5"] and sdf in {i for s in full["t5"].units.sentences for r in s.refs for i in r.iris}
    assert "https://w3id.org/akhbar/id/turkey" in named["t5"] and "https://w3id.org/akhbar/id/kyiv" in named["t6"]
    assert kb.lookup(label_key("قوات سوريا الديمقراطية")) == sdf  # the shared base is left as it was


def test_holding_out_every_actor_but_states_and_capitals(dev: Path) -> None:
    kb = load_kb()
    full = {a.id: a for a in load_dev(dev, kb)}
    every = base_actors(list(full.values()))
    assert all(kb.kind(i) != "State" and i not in kb.capitals for found in every.values() for i in found)
    assert all(singular_actors(list(full.values()))[k] <= every[k] for k in full)  # (the singular ones and more)
    assert kb.lookup(label_key("قوات سوريا الديمقراطية")) in every["t5"]
    held = {a.id: a for a in load_dev(dev, kb, hold_out="all")}
    named = {k: {i for s in a.units.sentences for r in s.refs for i in r.iris} for k, a in held.items()}
    assert not any(named[k] & every[k] for k in held)
    assert "https://w3id.org/akhbar/id/turkey" in named["t5"] and "https://w3id.org/akhbar/id/kyiv" in named["t6"]


def test_folds_are_disjoint_and_fixed() -> None:
    parts = folds([f"a{n}" for n in range(10)], 3)
    assert sorted(x for p in parts for x in p) == sorted(f"a{n}" for n in range(10))
    assert parts == folds([f"a{n}" for n in range(10)], 3)


def test_repeated_cross_validation_pools_every_fold_seed(dev: Path) -> None:
    articles = load_dev(dev, load_kb())
    report = cross_validate(articles, 2, c_grid=(1.0,), learners=("listwise",), seeds=(3, 4))
    pooled = Tally()
    for seed in (3, 4):
        scores, policies = nested(articles, 2, "listwise", 1.0, seed)
        pooled.merge(tally(articles, scores, policies))
    assert report.seeds == (3, 4) and pooled.gold == 2 * len(ARTICLES)
    assert report.strict == pooled.row()


def test_extra_articles_are_trained_on_but_never_held_out_or_scored(dev: Path, extra: Path) -> None:
    articles, more = load_dev(dev, load_kb()), load_dev(extra, load_kb())
    scores, policies = nested(articles, 2, "listwise", 1.0, 3, more)
    assert set(scores) == set(ARTICLES)  # (only the dev articles are scored)
    pooled = tally(articles, scores, policies)
    report = cross_validate(articles, 2, c_grid=(1.0,), learners=("listwise",), seeds=(3,), extra=more)
    assert pooled.gold == len(ARTICLES) and report.strict == pooled.row()  # (the dev articles' figures alone)
    assert fit_listwise(articles + more, 1.0) != fit_listwise(articles, 1.0)  # (and the model learns from them)


@pytest.mark.parametrize("learner", [fit, fit_listwise])
def test_a_tiny_model_learns_the_word_order_and_is_deterministic(dev: Path, learner) -> None:
    articles = load_dev(dev, load_kb())
    model = learner(articles, 1.0)
    assert model == learner(articles, 1.0)
    text = "قصفت إسرائيل بيروت."
    ex = extract(None, Article("x", "x.txt", text), load_kb(), model)
    assert {(e.agent.rsplit("/", 1)[1], e.target.rsplit("/", 1)[1]) for e in ex.events} == {("israel", "beirut")}


def test_the_command_writes_a_model_and_its_card_that_the_build_uses(dev: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "m" / "linker.json"
    result = CliRunner().invoke(app, ["model", "train-linker", str(dev), "--output", str(out), "--folds", "2",
                                      "--seeds", "3,4"])
    assert result.exit_code == 0, result.output
    assert "cross-validated strict F1" in result.output and "fold seeds 3, 4" in result.output
    card = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "6 dev articles" in card and "| fold |" in card and "fold seeds [3, 4]" in card
    monkeypatch.setenv("AKHBAR_LINKER", str(out))
    assert load_linker().meta["articles"] == 6


def test_the_command_trains_on_extra_folders_and_says_so_on_the_card(dev: Path, extra: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "linker.json"
    result = CliRunner().invoke(app, ["model", "train-linker", str(dev), "--extra", str(extra), "--output", str(out),
                                      "--folds", "2", "--seeds", "3"])
    assert result.exit_code == 0, result.output
    assert "Also trained on (never held out, never scored): 2 articles, 2 gold events" in \
        out.with_suffix(".md").read_text(encoding="utf-8")
    monkeypatch.setenv("AKHBAR_LINKER", str(out))
    assert load_linker().meta["extra_articles"] == 2
    bad = CliRunner().invoke(app, ["model", "train-linker", str(dev), "--extra", str(tmp_path / "none")])
    assert bad.exit_code == 1 and "not an annotated folder" in bad.output


def test_the_command_refuses_a_folder_without_gold(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["model", "train-linker", str(tmp_path)])
    assert result.exit_code == 1 and "not a dev folder" in result.output
