"""Gold event annotations (a dev folder's gold.jsonl) and how system actors are matched to them.

The format and the matching follow the shared scorer's contract: a system actor is a gold entity of the
same article when one of its labels, normalised, equals one of the entity's names (or its Wikidata id
matches); events are compared as unique (action, agent, target) tuples per article, a gold null accepting
any system participant. Training needs the same matching to label candidates, so it is written here once.

>>> g = GoldArticle.from_record({"id": "a", "entities": [{"key": "iran", "type": "State", "qid": "Q794",
...     "names": {"ar": ["إيران"], "en": "Iran"}, "state": "iran"}], "events": []})
>>> g.resolve({normalise_name("لإيران"), normalise_name("ايران")}, set())
'iran'
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
UNRESOLVED = "?"

Tuple3 = tuple[str, str | None, str | None]


def normalise_name(text: str) -> str:
    """Fold spelling variants, case, punctuation and the article of long words (the scorer's folding)."""
    t = _DIACRITICS.sub("", text)
    t = re.sub("[أإآٱ]", "ا", t)
    t = t.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    t = t.replace("أمريك", "اميرك").replace("امريك", "اميرك").replace("أميرك", "اميرك")
    t = _PUNCT.sub(" ", t.lower())
    return " ".join(w[2:] if len(w) > 4 and w.startswith("ال") else w for w in t.split())


@dataclass
class GoldEvent:
    """One annotated event: action, participants (entity keys or None), modality, evidence sentence."""

    action: str
    agent: str | None
    target: str | None
    modality: str
    evidence: str


@dataclass
class GoldArticle:
    """An article's entity table and events."""

    id: str
    entities: dict[str, dict]
    events: list[GoldEvent]
    by_qid: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_record(cls, record: dict) -> GoldArticle:
        """One line of gold.jsonl."""
        entities = {e["key"]: e for e in record["entities"]}
        by_name: dict[str, set[str]] = defaultdict(set)
        for key, e in entities.items():
            names = e.get("names", {})
            for n in [*names.get("ar", []), names.get("en", "")]:
                if n:
                    by_name[normalise_name(n)].add(key)
        events = [GoldEvent(e["action"], e.get("agent"), e.get("target"), e.get("modality") or "asserted",
                            e.get("evidence", "")) for e in record["events"]]
        return cls(record["id"], entities, events, {e["qid"]: k for k, e in entities.items() if e.get("qid")},
                   dict(by_name))

    def resolve(self, names: Iterable[str], qids: Iterable[str]) -> str:
        """The entity that normalised names or Wikidata ids denote, "?" when none or several do."""
        for q in sorted(qids):
            if q in self.by_qid:
                return self.by_qid[q]
        hits: set[str] = set()
        for n in names:
            hits |= self.by_name.get(n, set())
        return hits.pop() if len(hits) == 1 else UNRESOLVED

    def state(self, key: str | None) -> str | None:
        """The state an entity acts for, as the gold table says (itself when it names none)."""
        if key is None or key == UNRESOLVED:
            return key
        return self.entities.get(key, {}).get("state") or key

    def tuples(self, level: str = "strict") -> set[Tuple3]:
        """The article's unique (action, agent, target) tuples, at entity or state level."""
        out = set()
        for e in self.events:
            agent, target = (self.state(e.agent), self.state(e.target)) if level == "state" else (e.agent, e.target)
            out.add((e.action, agent, target))
        return out


def read_gold(path: Path) -> dict[str, GoldArticle]:
    """gold.jsonl → article id → GoldArticle."""
    out = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                g = GoldArticle.from_record(json.loads(line))
            except (ValueError, KeyError) as err:
                raise ValueError(f"{path}:{n}: not a gold record ({err})") from err
            out[g.id] = g
    return out


def _matches(sys_t: Tuple3, gold_t: Tuple3) -> bool:
    return all(g is None or s == g for s, g in zip(sys_t, gold_t, strict=True))


def matched(system: set[Tuple3], gold: set[Tuple3]) -> int:
    """Size of the largest one-to-one matching of system to gold tuples (a gold null matches anything)."""
    sys_l, gold_l = sorted(system, key=str), sorted(gold, key=str)
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, gt in enumerate(gold_l):
            if j in seen or not _matches(sys_l[i], gt):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(sys_l)):
        augment(i, set())
    return len(owner)


@dataclass
class Tally:
    """True positives, system and gold counts, summed over articles."""

    tp: int = 0
    system: int = 0
    gold: int = 0

    def add(self, system: set[Tuple3], gold: set[Tuple3]) -> None:
        """Count one article."""
        self.tp += matched(system, gold)
        self.system += len(system)
        self.gold += len(gold)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (pooling the repetitions of a cross-validation)."""
        self.tp += other.tp
        self.system += other.system
        self.gold += other.gold

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return 2 * self.tp / (self.system + self.gold) if self.system + self.gold else 0.0

    def row(self) -> dict[str, float]:
        """precision, recall and F1, rounded."""
        p = self.tp / self.system if self.system else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(self.f1, 3)}
