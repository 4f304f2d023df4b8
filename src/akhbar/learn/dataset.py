"""Training examples for the linker: every (trigger, candidate) of a dev article, labelled from the gold.

A candidate is a positive example for a role when its actor resolves (by the scorer's own name matching,
`gold.GoldArticle.resolve`) to a gold participant in that role of an event of the trigger's class told in
the same sentence. Everything else is a negative. The same objects evaluate a model: an article's units,
scored and decoded, give tuples that are compared with the gold ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from akhbar.extract import TriggerScores, decode_article, names_actor, resolve, scored_pairs, trigger_scores
from akhbar.extract.candidates import Candidate, candidates
from akhbar.extract.events import CORE
from akhbar.extract.lexicon import Lexicon, load_lexicon
from akhbar.extract.linker import ROLES, LinkerModel, Policy
from akhbar.extract.units import ArticleUnits, SentenceUnit, read_units
from akhbar.kb import KnowledgeBase
from akhbar.learn.gold import UNRESOLVED, GoldArticle, Tally, Tuple3, normalise_name, read_gold
from akhbar.records import Article, Extraction
from akhbar.text import read_article


@dataclass
class TriggerExample:
    """One trigger with its candidates, their features and their gold labels per role."""

    sentence: SentenceUnit
    trigger_index: int
    cands: list[Candidate]
    feats: list[dict[str, float]]
    none: dict[str, float]
    labels: dict[str, list[int]]


@dataclass
class ArticleData:
    """One dev article: its units, gold, the examples of its triggers, and how its actors resolve to gold."""

    id: str
    units: ArticleUnits
    gold: GoldArticle
    triggers: list[TriggerExample] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=dict)
    qids: dict[str, set[str]] = field(default_factory=dict)

    def key(self, iri: str | None) -> str | None:
        """The gold entity an actor IRI denotes in this article ("?" if none)."""
        if iri is None:
            return None
        return self.gold.resolve(self.names.get(iri, set()), self.qids.get(iri, set()))

    def system_tuples(self, ex: Extraction, level: str = "strict") -> set[Tuple3]:
        """An extraction's unique (core action, agent, target) tuples as gold keys."""
        out = set()
        for e in ex.events:
            agent, target = self.key(e.agent), self.key(e.target)
            if level == "state":
                agent, target = self.gold.state(agent), self.gold.state(target)
            out.add((CORE[e.action], agent, target))
        return out


def _names(units: ArticleUnits, kb: KnowledgeBase) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Normalised labels and Wikidata ids of every actor the article can name (what an export would carry)."""
    names: dict[str, set[str]] = {}
    qids: dict[str, set[str]] = {}

    def add(iri: str) -> set[str]:
        if iri not in names:
            found = names[iri] = set()
            actor = kb.actors.get(iri)
            if actor is not None:
                found.update(normalise_name(x) for x in actor.labels_ar)
                if actor.label_en:
                    found.add(normalise_name(actor.label_en))
                if actor.qid:
                    qids[iri] = {actor.qid}
            minted = units.finder.minted.get(iri)
            if minted is not None:
                found.add(normalise_name(minted.label_ar))
                if minted.label_en:
                    found.add(normalise_name(minted.label_en))
        return names[iri]

    text = units.article.text
    for s in units.sentences:
        for r in s.refs + s.phrases:
            for iri in r.iris:
                if names_actor(r):
                    add(iri).update(normalise_name(text[a:b]) for a, b in ((r.start, r.end), *r.variants))
                else:
                    add(iri)  # (an anaphor is no name: the export does not write it as a label)
    for iri in list(kb.capitals.values()):
        add(iri)
    return names, qids


ALIGN_SLACK = 3  # a gold event belongs to every trigger of its class at most this many words farther than the nearest


def _align(data: ArticleData, s: SentenceUnit, gold_here: list) -> dict[int, list]:
    """Trigger index → the gold events of its class that it expresses: each event goes to the triggers nearest to
    its participants' mentions in the sentence (within `ALIGN_SLACK` words of the nearest); an event none of
    whose participants is mentioned in the sentence goes to every trigger of its class."""
    kb = data.units.kb
    out: dict[int, list] = {k: [] for k in range(len(s.triggers))}
    for e in gold_here:
        same = [k for k, t in enumerate(s.triggers) if t.core == e.action]
        dist: dict[int, int] = {}
        for k in same:
            trig = s.triggers[k]
            total = 0
            for role in ROLES:
                key = getattr(e, role)
                spots = [abs(r.first - trig.first) for r in s.refs
                         if key is not None and key in {data.key(i) for i in resolve(r, role, trig.core, kb)}]
                total += min(spots) if spots else 0
            dist[k] = total
        best = min(dist.values(), default=0)
        for k in same:
            if dist[k] <= best + ALIGN_SLACK:
                out[k].append(e)
    return out


def label_article(data: ArticleData) -> None:
    """Fill `data.triggers`: the candidates of every trigger with features and gold labels (from the gold events
    aligned to the trigger, `_align`)."""
    units = data.units
    text = units.article.text
    by_evidence: dict[str, list] = {}
    for e in data.gold.events:
        by_evidence.setdefault(e.evidence, []).append(e)
    for s in units.sentences:
        if not s.triggers:
            continue
        aligned = _align(data, s, by_evidence.get(text[s.start:s.end], []))
        cands = candidates(units, s)
        for k, trig in enumerate(s.triggers):
            wanted = {role: {getattr(e, role) for e in aligned[k]} - {None} for role in ROLES}
            pairs, none = scored_pairs(units, s, trig, cands)
            labels: dict[str, list[int]] = {role: [] for role in ROLES}
            for cand, _ in pairs:
                for role in ROLES:
                    keys = {data.key(iri) for iri in resolve(cand.ref, role, trig.core, units.kb)}
                    labels[role].append(int(bool(keys & wanted[role]) and UNRESOLVED not in keys & wanted[role]))
            data.triggers.append(TriggerExample(s, k, [c for c, _ in pairs], [f for _, f in pairs], none, labels))


def load_dev(dev: Path, kb: KnowledgeBase, analyse: Callable | None = None,
             ids: set[str] | None = None, hold_out: bool | str = False) -> list[ArticleData]:
    """Read, analyse and label every article of a dev folder (articles/*.txt and gold.jsonl). With `hold_out`,
    each article is read again with a base that lacks its `singular_actors`, as an unseen article would be;
    with `hold_out="all"`, a base that lacks every actor it names but states and capitals (`base_actors`: how an
    article of a region or a war the base was never extended for is read)."""
    gold = read_gold(dev / "gold.jsonl")
    lex = load_lexicon()
    read = []
    for path in sorted((dev / "articles").glob("*.txt")):
        if path.stem not in gold or (ids is not None and path.stem not in ids):
            continue
        article = read_article(path)
        read.append((path.stem, analyse(article.text) if analyse is not None else None, article))
    if not hold_out:
        return [_read(key, doc, article, kb, lex, gold[key]) for key, doc, article in read]
    held = _held_out({key: read_units(doc, article, kb, lex) for key, doc, article in read},
                     None if hold_out == "all" else 1)
    return [_read(key, doc, article, kb.without(held[key]), lex, gold[key]) for key, doc, article in read]


def _read(key: str, doc: object, article: Article, kb: KnowledgeBase, lex: Lexicon, gold: GoldArticle
          ) -> ArticleData:
    units = read_units(doc, article, kb, lex)
    data = ArticleData(key, units, gold)
    data.names, data.qids = _names(units, kb)
    label_article(data)
    return data


def singular_actors(articles: list[ArticleData]) -> dict[str, set[str]]:
    """Per article, the actors of the base that it alone of `articles` names, states and capitals aside.

    The base was extended while reading the dev articles, so each of them finds its own rare actors (a
    commander, a base, a small group) by name, where an unseen article must find them by the open matchers
    (titles, facilities, places, phrases) or not at all. Holding these out measures the second case."""
    return _held_out({a.id: a.units for a in articles})


def base_actors(articles: list[ArticleData]) -> dict[str, set[str]]:
    """Per article, every actor of the base that it names, states and capitals aside: held out, the article is
    read with the open matchers (titles, organs, facilities, places, phrases) for everything but its states."""
    return _held_out({a.id: a.units for a in articles}, None)


def _held_out(read: dict[str, ArticleUnits], most: int | None = 1) -> dict[str, set[str]]:
    """The base's actors (states and capitals aside) each article names that at most `most` articles name (all of
    them for None), for articles read into units (no labelling needed)."""
    named = {key: {iri for s in units.sentences for r in s.refs for iri in r.iris
                   if iri in units.kb.actors and units.kb.kind(iri) != "State" and iri not in units.kb.capitals}
             for key, units in read.items()}
    counts = Counter(iri for found in named.values() for iri in found)
    return {key: {iri for iri in found if most is None or counts[iri] <= most} for key, found in named.items()}


def score_with(data: ArticleData, model: LinkerModel) -> list[TriggerScores]:
    """The trigger scores of one article under a model (from the stored features: no re-reading)."""
    return [trigger_scores(data.units, ex.sentence, ex.sentence.triggers[ex.trigger_index], ex.cands, ex.feats,
                           ex.none, model) for ex in data.triggers]


def evaluate(articles: list[ArticleData], scored: dict[str, list[TriggerScores]], policy: Policy
             ) -> dict[str, Tally]:
    """Strict and state-level tallies of decoding every article's scores with a policy."""
    tallies = {"strict": Tally(), "state": Tally()}
    for data in articles:
        ex = decode_article(data.units, scored[data.id], policy)
        for level, tally in tallies.items():
            tally.add(data.system_tuples(ex, level), data.gold.tuples(level))
    return tallies
