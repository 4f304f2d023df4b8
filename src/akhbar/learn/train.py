"""Train the linker on a dev folder: cross-validated by article, then fitted on everything and written as JSON.

    akhbar model train-linker ../shared/eval/dev      # writes src/akhbar/extract/model/linker.json + card

The regularisation strength and the decoder's thresholds are chosen by repeated K-fold cross-validation over
the articles (folds by article, once per fold seed of `SEEDS`): for each setting, every article is scored by
a model that never saw it, decoded, and compared with its gold tuples, and the counts of every repetition are
pooled. On 70 articles one fold assignment alone moves the chosen thresholds, and with them the figures on
unseen articles, by a few points; pooling several is what makes the choice stable. Of the regularisation
strengths, the strongest within one standard error of the best is taken (`one_standard_error`): the retrained
model then moves less when the training articles change. The chosen setting is then fitted on all articles.
Training needs scikit-learn (`pip install 'akhbar[train]'`); the result is plain JSON, read without it.
"""

from __future__ import annotations

import math
import random
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from akhbar.extract import TriggerScores
from akhbar.extract.events import CORE
from akhbar.extract.linker import ROLES, LinkerModel, Policy, RoleModel
from akhbar.learn.dataset import ALIGN_SLACK, ArticleData, score_with
from akhbar.learn.gold import Tally

SEED = 13
SEEDS = (13, 7, 21, 5)  # the fold seeds of the repeated cross-validation (the first also orders the card's folds)
C_GRID = (0.01, 0.02, 0.05, 0.1)
MIN_COUNT = 2  # an indicator seen fewer times in the training data gets no weight
POLICY_GRID: dict[str, tuple] = {
    "target": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6),
    "pressure_target": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6),
    "extra_target": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 1.01),
    "agent": (0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
    "agent_floor": (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4),
    "null_agent": (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
    "null_target": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
}


def folds(ids: Iterable[str], k: int, seed: int = SEED) -> list[set[str]]:
    """K disjoint sets of article ids, fixed by the seed.

    >>> [sorted(f) for f in folds(["a", "b", "c", "d"], 2, seed=1)]
    [['c', 'd'], ['a', 'b']]
    """
    order = sorted(ids)
    random.Random(seed).shuffle(order)
    return [set(order[n::k]) for n in range(k)]


def fit(articles: list[ArticleData], c: float, min_count: int = MIN_COUNT, policy: Policy | None = None
        ) -> LinkerModel:
    """Logistic agent and target scorers over the examples of `articles` (liblinear: deterministic)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    feats = [f for a in articles for t in a.triggers for f in t.feats]
    counts: Counter[str] = Counter(k for f in feats for k in f)
    keep = {k for k, n in counts.items() if n >= min_count}
    rows = [{k: v for k, v in f.items() if k in keep} for f in feats]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(rows).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # (liblinear takes 32-bit indices)
    names = vec.get_feature_names_out()
    roles = {}
    for role in ROLES:
        y = [lab for a in articles for t in a.triggers for lab in t.labels[role]]
        if len(set(y)) < 2:
            raise ValueError(f"no positive and negative {role} examples to learn from ({len(y)} candidates)")
        clf = LogisticRegression(C=c, solver="liblinear", random_state=0, max_iter=1000)
        clf.fit(x, y)
        weights = {str(n): float(w) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= 1e-5}
        roles[role] = RoleModel(float(clf.intercept_[0]), weights)
    return LinkerModel(roles["agent"], roles["target"], policy or Policy())


def fit_listwise(articles: list[ArticleData], c: float, min_count: int = MIN_COUNT, policy: Policy | None = None
                 ) -> LinkerModel:
    """Listwise scorers: per trigger and role, the candidates and a "nobody" option compete in one softmax;
    the positives' total probability is maximised (L2 penalty 1/(2C)·|w|², L-BFGS from zero: deterministic).
    """
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    triggers = [t for a in articles for t in a.triggers]
    counts: Counter[str] = Counter(k for t in triggers for f in (*t.feats, t.none) for k in f)
    names = sorted(k for k, n in counts.items() if n >= min_count)
    index = {k: n for n, k in enumerate(names)}
    data, cols, indptr = [], [], [0]
    for t in triggers:
        for f in (*t.feats, t.none):
            for k, v in f.items():
                if k in index:
                    cols.append(index[k])
                    data.append(v)
            indptr.append(len(cols))
    x = csr_matrix((np.array(data), np.array(cols), np.array(indptr)), shape=(len(indptr) - 1, len(names)))
    sizes = np.array([len(t.feats) + 1 for t in triggers])
    group = np.repeat(np.arange(len(triggers)), sizes)
    roles = {}
    for role in ROLES:
        positive = np.concatenate([np.array([*t.labels[role], 0 if any(t.labels[role]) else 1], dtype=float)
                                   for t in triggers])

        def loss(w: np.ndarray, positive: np.ndarray = positive) -> tuple[float, np.ndarray]:
            z = x @ w
            top = np.full(len(triggers), -np.inf)
            np.maximum.at(top, group, z)
            e = np.exp(z - top[group])
            total = np.bincount(group, weights=e, minlength=len(triggers))
            pos_total = np.bincount(group, weights=e * positive, minlength=len(triggers))
            p = e / total[group]
            q = e * positive / pos_total[group]
            value = float(np.sum(np.log(total) - np.log(pos_total))) + 0.5 / c * float(w @ w)
            grad = x.T @ (p - q) + w / c
            return value, grad

        res = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
        weights = {k: float(v) for k, v in zip(names, res.x, strict=True) if abs(v) >= 1e-5}
        roles[role] = RoleModel(0.0, weights, listwise=True)
    return LinkerModel(roles["agent"], roles["target"], policy or Policy())


LEARNERS = {"pointwise": fit, "listwise": fit_listwise}


def tuples_of(data: ArticleData, scored: list[TriggerScores], policy: Policy, level: str
              ) -> set[tuple[str, str | None, str | None]]:
    """The gold-keyed tuples a policy decodes from an article's scores (no modality: strict and state only)."""
    out = set()
    for ts in scored:
        for agent, target in ts.decide(policy):
            a, t = data.key(agent), data.key(target)
            if level == "state":
                a, t = data.gold.state(a), data.gold.state(t)
            out.add((CORE[ts.trigger.action], a, t))
    return out


Scored = dict[str, list[TriggerScores]]  # article id → its triggers' scores


def tally(articles: list[ArticleData], scored: Scored | list[Scored], policy: Policy | dict[str, Policy],
          level: str = "strict") -> Tally:
    """Pooled counts over articles (`policy`: one for all, or one per article id); with a list of scorings (one
    per repetition of a cross-validation), pooled over all of them."""
    t = Tally()
    for one in scored if isinstance(scored, list) else [scored]:
        for data in articles:
            p = policy[data.id] if isinstance(policy, dict) else policy
            t.add(tuples_of(data, one[data.id], p, level), data.gold.tuples(level))
    return t


def plateau_choice(values: list[tuple[float, float]]) -> int:
    """The index of a grid's best value once each is averaged with its neighbours (at either end of the grid,
    with its one neighbour): a point on a plateau rather than a spike beside a drop. One threshold picked on a
    near-tie of 70 articles moved the figures on unseen ones by a few points; a point whose neighbours score
    as well is the safer choice. Ties go to the point's own value, then to the last: the grids are thresholds
    in ascending order, and where the data cannot tell two apart the stricter emits less it has no ground for
    (a null-agent threshold that changes nothing on dev should not make null-agent events elsewhere).

    >>> plateau_choice([(0.40, 0.5), (0.49, 0.5), (0.41, 0.5), (0.46, 0.5), (0.47, 0.5), (0.46, 0.5), (0.40, 0.5)])
    4
    >>> plateau_choice([(0.40, 0.5), (0.45, 0.5), (0.45, 0.5), (0.45, 0.5)])
    3
    """
    smooth = []
    for i in range(len(values)):
        near = values[max(0, i - 1):i + 2]
        smooth.append((sum(v[0] for v in near) / len(near), sum(v[1] for v in near) / len(near)))
    return max(range(len(values)), key=lambda i: (smooth[i], values[i], i))


def choose_policy(articles: list[ArticleData], scored: Scored | list[Scored], start: Policy,
                  rounds: int = 2) -> tuple[Policy, float]:
    """Coordinate ascent over `POLICY_GRID` on pooled strict F1 (state F1 breaks ties), over one scoring or
    several (the repetitions of a cross-validation); along each threshold, the `plateau_choice`. Returns the
    policy and its own strict F1."""
    def value(p: Policy) -> tuple[float, float]:
        return tally(articles, scored, p).f1, tally(articles, scored, p, "state").f1

    best, best_v = start, value(start)
    for _ in range(rounds):
        for name, grid in POLICY_GRID.items():
            values = [value(replace(best, **{name: v})) for v in grid]
            i = plateau_choice(values)
            best, best_v = replace(best, **{name: grid[i]}), values[i]
    return best, best_v[0]


def fold_scores(articles: list[ArticleData], k: int, seeds: tuple[int, ...], oofs: list[Scored], policy: Policy
                ) -> list[list[float]]:
    """Strict F1 of every fold, per fold seed (the folds in `folds` order)."""
    ids = [a.id for a in articles]
    return [[tally([a for a in articles if a.id in held], oof, policy).f1 for held in folds(ids, k, seed)]
            for seed, oof in zip(seeds, oofs, strict=True)]


def paired_error(a: list[list[float]], b: list[list[float]]) -> float:
    """The standard error of the difference between two settings' cross-validated F1s, fold by fold: for each
    fold seed, the sample standard deviation of the K differences over √K, averaged over the seeds. The two
    are scored on the same folds, so the difference varies far less than either figure.

    >>> round(paired_error([[0.5, 0.6, 0.4]], [[0.45, 0.57, 0.38]]), 4)
    0.0088
    """
    errors = []
    for x, y in zip(a, b, strict=True):
        diffs = [u - v for u, v in zip(x, y, strict=True)]
        errors.append(statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else 0.0)
    return sum(errors) / len(errors)


def one_standard_error(settings: list[tuple[str, float, float, list[list[float]]]]) -> int:
    """The index of the (learner, C, F1, fold F1s per seed) setting to ship: the learner of the best F1 and, of
    its settings, the most regularised (smallest C) whose F1 falls short of the best by no more than one
    standard error of that difference (`paired_error`) — the one-standard-error rule of Breiman et al.
    (Hastie, Tibshirani & Friedman §7.10), on paired folds. On 70 articles the best of a grid is partly luck,
    and the stronger regulariser moves less when the training articles change.

    >>> folds = lambda *xs: [list(xs)]
    >>> one_standard_error([("a", 0.01, 0.40, folds(0.30, 0.40, 0.50)), ("a", 0.02, 0.48, folds(0.42, 0.47, 0.55)),
    ...                     ("a", 0.05, 0.50, folds(0.40, 0.50, 0.60)), ("b", 0.01, 0.49, folds(0.4, 0.5, 0.57))])
    1
    """
    best = max(range(len(settings)), key=lambda i: (settings[i][2], -i))
    learner, _, top, top_folds = settings[best]
    near = [i for i, (lrn, _, f1, per) in enumerate(settings)
            if lrn == learner and top - f1 <= paired_error(top_folds, per)]
    return min(near, key=lambda i: (settings[i][1], -settings[i][2]))


@dataclass
class CVReport:
    """What cross-validation chose and measured."""

    learner: str
    c: float
    policy: Policy
    strict: dict[str, float]
    state: dict[str, float]
    per_fold: list[dict[str, float]] = field(default_factory=list)
    per_class: dict[str, dict[str, int]] = field(default_factory=dict)
    grid: list[tuple[str, float, float, float]] = field(default_factory=list)
    seeds: tuple[int, ...] = (SEED,)


def out_of_fold(articles: list[ArticleData], parts: list[set[str]], learner: str, c: float
                ) -> dict[str, list[TriggerScores]]:
    """Every article's trigger scores under a model trained on the other folds."""
    oof: dict[str, list[TriggerScores]] = {}
    for held in parts:
        model = LEARNERS[learner]([a for a in articles if a.id not in held], c)
        for a in articles:
            if a.id in held:
                oof[a.id] = score_with(a, model)
    return oof


def nested(articles: list[ArticleData], k: int, learner: str, c: float, seed: int = SEED,
           extra: Sequence[ArticleData] = ()) -> tuple[dict[str, list[TriggerScores]], dict[str, Policy]]:
    """Honest held-out scores: for each fold, the policy is chosen by an inner cross-validation over the other
    folds only, and the model is fitted on them (and on `extra`, which only adds to the weights: the policy is
    chosen with models of the dev articles alone); the fold is then scored and decoded with both. Returns the
    scores and the policy of every article. `seed` fixes how articles fall into folds (the figure moves by a
    few points between seeds on 70 articles: average several to compare two versions)."""
    parts = folds([a.id for a in articles], k, seed)
    scores: dict[str, list[TriggerScores]] = {}
    policies: dict[str, Policy] = {}
    for n, held in enumerate(parts):
        inner = [a for a in articles if a.id not in held]
        inner_parts = [p for m, p in enumerate(parts) if m != n]
        if len(inner_parts) < 2:  # (two outer folds: the inner cross-validation splits the other half in two)
            inner_parts = folds([a.id for a in inner], 2, seed)
        policy, _ = choose_policy(inner, out_of_fold(inner, inner_parts, learner, c), Policy())
        model = LEARNERS[learner](inner + list(extra), c)
        for a in articles:
            if a.id in held:
                scores[a.id] = score_with(a, model)
                policies[a.id] = policy
    return scores, policies


def cross_validate(articles: list[ArticleData], k: int = 5, c_grid: Iterable[float] = C_GRID,
                   learners: Iterable[str] = tuple(LEARNERS), log: Callable[[str], None] = lambda _: None,
                   seeds: Iterable[int] = SEEDS, extra: Sequence[ArticleData] = ()) -> CVReport:
    """Choose the learner, C (`one_standard_error`) and the policy by K-fold cross-validation by article,
    repeated once per fold seed and pooled; report the nested figures at the chosen setting (pooled over the
    seeds; per fold, the first's). `extra` articles join the training of the models the figures are read with,
    never held out; the learner, C and the thresholds are chosen with models of the dev articles alone (the
    extra sets follow their own annotators' conventions: they add evidence to the weights, not to the
    decisions; nested CV on dev over twelve fold seeds, 0.686 strict when they also shaped the thresholds,
    0.691 when they do not), and the figures are the dev articles'."""
    seeds = tuple(seeds)
    ids = [a.id for a in articles]
    settings: list[tuple[str, float, float, list[list[float]]]] = []
    policies: list[Policy] = []
    for learner in learners:
        for c in c_grid:
            oofs = [out_of_fold(articles, folds(ids, k, seed), learner, c) for seed in seeds]
            policy, f1 = choose_policy(articles, oofs, Policy())
            settings.append((learner, c, f1, fold_scores(articles, k, seeds, oofs, policy)))
            policies.append(policy)
            log(f"{learner} C={c}: cross-validated strict F1 {f1:.3f} with {policy}")
    chosen = one_standard_error(settings)
    learner, c, _, _ = settings[chosen]
    policy = policies[chosen]
    top = max(settings, key=lambda s: s[2])
    grid = [(lrn, cc, round(f1, 4), round(paired_error(top[3], per), 4)) for lrn, cc, f1, per in settings]
    runs = [nested(articles, k, learner, c, seed, extra) for seed in seeds]  # the figures: nothing chosen on
    # the fold
    strict, state = Tally(), Tally()
    per_class_t = {cls: Tally() for cls in ("Attack", "Pressure", "Warning")}
    for held_out, policies in runs:
        state.merge(tally(articles, held_out, policies, "state"))
        for a in articles:  # (each article's tuples decoded once, for the pooled and the per-class counts)
            found, gold = tuples_of(a, held_out[a.id], policies[a.id], "strict"), a.gold.tuples()
            strict.add(found, gold)
            for cls, t in per_class_t.items():
                t.add({x for x in found if x[0] == cls}, {x for x in gold if x[0] == cls})
    log(f"nested cross-validation ({learner} C={c}, fold seeds {', '.join(map(str, seeds))}): "
        f"strict F1 {strict.f1:.3f}, state F1 {state.f1:.3f}")
    held_out, policies = runs[0]
    per_fold = []
    for n, held in enumerate(folds(ids, k, seeds[0])):
        part = [a for a in articles if a.id in held]
        per_fold.append({"fold": n, "articles": len(part),
                         "strict_f1": round(tally(part, held_out, policies).f1, 3),
                         "state_f1": round(tally(part, held_out, policies, "state").f1, 3)})
    per_class = {cls: {"tp": t.tp, "fp": t.system - t.tp, "fn": t.gold - t.tp} for cls, t in per_class_t.items()}
    return CVReport(learner, c, policy, strict.row(), state.row(), per_fold, per_class, grid, seeds)


def train(articles: list[ArticleData], k: int = 5, log: Callable[[str], None] = lambda _: None,
          seeds: Iterable[int] = SEEDS, extra: Sequence[ArticleData] = ()) -> tuple[LinkerModel, CVReport]:
    """Cross-validate (repeated once per fold seed), then fit the chosen setting on every article (and on
    `extra`, training material only: the choices are cross-validated on `articles`)."""
    report = cross_validate(articles, k, log=log, seeds=seeds, extra=extra)
    model = LEARNERS[report.learner](articles + list(extra), report.c, policy=report.policy)
    meta = {"learner": report.learner, "c": report.c, "min_count": MIN_COUNT, "folds": k, "seeds": list(report.seeds),
            "trained": date.today().isoformat(), "articles": len(articles), "extra_articles": len(extra),
            "cv_strict": report.strict, "cv_state": report.state}
    return replace(model, meta=meta), report


def model_card(report: CVReport, model: LinkerModel, articles: int, events: int, k: int,
               extra: tuple[int, int, str] = (0, 0, "")) -> str:
    """The card shipped beside the model: data, features, folds, figures, date. `extra`: the articles and gold
    events trained on besides the dev set's, and where they come from."""
    more = (f"\n- Also trained on (never held out, never scored): {extra[0]} articles, {extra[1]} gold events "
            f"({extra[2]}); every choice and figure below is the dev articles' alone.") if extra[0] else ""
    folds_txt = "\n".join(f"| {f['fold']} | {f['articles']} | {f['strict_f1']:.3f} | {f['state_f1']:.3f} |"
                          for f in report.per_fold)
    classes = "\n".join(f"| {c} | {v['tp']} | {v['fp']} | {v['fn']} |" for c, v in report.per_class.items())
    return f"""# Linker model card

What: two logistic scorers (agent, target) over (trigger, candidate actor) features, and the decoder's
thresholds; see `akhbar.extract.linker` and `akhbar.extract.features`.

- Trained: {date.today().isoformat()} by `akhbar model train-linker`; learner `{report.learner}` (pointwise:
  scikit-learn LogisticRegression, liblinear; listwise: a softmax over each trigger's candidates and a
  "nobody" option, fitted with SciPy's L-BFGS), L2 with C = {report.c}; indicators seen fewer than
  {MIN_COUNT} times dropped; deterministic (fixed fold seeds, solvers started from zero).
- Data: {articles} dev articles, {events} gold events (GUIDELINES.md of the shared evaluation set): every
  candidate whose actor resolves to a gold participant of an event of the trigger's class in the same
  sentence is a positive example for that role.{more}
- Size: {len(model.agent.weights)} agent and {len(model.target.weights)} target weights.
- Chosen by {k}-fold cross-validation by article, repeated with fold seeds {list(report.seeds)} and pooled:
  learner and C from {list(LEARNERS)} × {list(C_GRID)} by the one-standard-error rule (`one_standard_error`:
  the learner of the best pooled strict F1, and its smallest C whose shortfall from it is within one standard
  error of that difference, fold by fold), then
  the decoder's policy by coordinate ascent on the pooled strict F1, each threshold on a plateau of it
  (`plateau_choice`): `{report.policy}`.

## Cross-validated figures (nested: every article scored by a model and decoded with thresholds that never saw it)

strict P {report.strict['precision']:.3f} R {report.strict['recall']:.3f} F1 {report.strict['f1']:.3f};
state P {report.state['precision']:.3f} R {report.state['recall']:.3f} F1 {report.state['f1']:.3f}
(pooled over the fold seeds {list(report.seeds)}; the project's own tuple matching, as the shared scorer does
it; for each fold, the thresholds come from an inner cross-validation over the other folds; only the learner
and C were chosen on all folds). Per fold and per class below: the folds of seed {report.seeds[0]}; the classes
pooled over the seeds.

| fold | articles | strict F1 | state F1 |
|---|---|---|---|
{folds_txt}

| class | tp | fp | fn |
|---|---|---|---|
{classes}

Grid (learner, C, strict F1, standard error of its difference from the best): {report.grid}

## Limits
Trained on news of 2018–2025 about the Middle East and its neighbours; actors the matcher does not find
cannot be chosen; the gold names no trigger, so a gold event is aligned to the triggers of its class nearest
its participants' mentions (within {ALIGN_SLACK} words of the nearest), and two such triggers share its labels.
"""
