"""The trained participant scorer and the decoder that turns its scores into events.

The scorer is two logistic models over `features` (one for agent, one for target), trained on the dev gold
by `akhbar model train-linker` and shipped as JSON (`model/linker.json`, card beside it): a bias and one weight
per indicator, so scoring is a sum and a sigmoid, with no learning library at run time. The decoder is
short and explicit: per trigger, the best agent and every target over the threshold (coordinated named
targets each give an event), never the same actor on both sides; thresholds are chosen by cross-validation.

>>> m = RoleModel(bias=-1.0, weights={"order=after": 2.0})
>>> round(m.probability({"order=after": 1.0}), 3)
0.731
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

MODEL_RESOURCE = "model/linker.json"
ROLES = ("agent", "target")


NONE = "NONE"  # the indicator of the "nobody plays this role" option of a listwise model


def none_features(base: dict[str, str]) -> dict[str, float]:
    """The features of the "nobody" option of a trigger: its trigger and sentence features, marked NONE."""
    return {NONE: 1.0, **{f"{NONE}|{k}={v}": 1.0 for k, v in base.items()}}


@dataclass(frozen=True)
class RoleModel:
    """A linear scorer of candidates for one role.

    Pointwise (`listwise=False`): P(role | candidate) = sigmoid(bias + w·x), each candidate on its own.
    Listwise: the candidates of a trigger and a "nobody" option compete, P(candidate) = softmax(w·x) over them.
    """

    bias: float
    weights: dict[str, float]
    listwise: bool = False

    def score(self, feats: dict[str, float]) -> float:
        """The linear score of one candidate."""
        w = self.weights
        return self.bias + sum(w.get(k, 0.0) * v for k, v in feats.items())

    def probability(self, feats: dict[str, float]) -> float:
        """The pointwise probability that a candidate plays the role."""
        z = self.score(feats)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def probabilities(self, rows: list[dict[str, float]], none: dict[str, float]) -> list[float]:
        """The probability of each candidate of one trigger (listwise: sharing one unit with `none`)."""
        if not self.listwise:
            return [self.probability(r) for r in rows]
        scores = [self.score(r) for r in rows] + [self.score(none)]
        top = max(scores)
        exps = [math.exp(z - top) for z in scores]
        total = sum(exps)
        return [e / total for e in exps[:-1]]


@dataclass(frozen=True)
class Policy:
    """How the decoder turns scores into participants (every value chosen by cross-validation)."""

    agent: float = 0.5  # least agent probability
    target: float = 0.5  # least target probability
    pressure_target: float = 0.5  # least target probability of a Pressure (a call or demand names its addressee)
    extra_target: float = 0.5  # least probability of a second, third ... target of the same trigger
    agent_floor: float = 0.2  # with a target found, the best agent down to this probability is still taken
    null_agent: float = 0.5  # least target probability for an Attack whose author is unknown (above 1: never)
    null_target: float = 1.01  # least agent probability for a Warning with no addressee (above 1: never)

    @classmethod
    def from_dict(cls, data: dict[str, float | bool]) -> Policy:
        """A policy from the model file (unknown keys are an error: the file and the code disagree). A file
        written before Pressure had a threshold of its own reads as it did then: Pressure takes `target`."""
        if "target" in data and "pressure_target" not in data:
            data = {**data, "pressure_target": data["target"]}
        return cls(**data)  # type: ignore[arg-type]


@dataclass(frozen=True)
class LinkerModel:
    """Agent and target scorers, the decoder's policy, and what the card says about them."""

    agent: RoleModel
    target: RoleModel
    policy: Policy = field(default_factory=Policy)
    meta: dict = field(default_factory=dict)

    def role(self, name: str) -> RoleModel:
        """The scorer of one role ("agent" or "target")."""
        return self.agent if name == "agent" else self.target

    def to_json(self) -> str:
        """The model as the JSON text `load_linker` reads (weights rounded to 5 decimals, sorted keys)."""
        data = {
            "format": 1,
            "meta": self.meta,
            "policy": self.policy.__dict__,
            **{r: {"bias": round(self.role(r).bias, 5), "listwise": self.role(r).listwise,
                   "weights": {k: round(v, 5) for k, v in sorted(self.role(r).weights.items())}} for r in ROLES},
        }
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True)


def parse_linker(text: str, source: str = "linker.json") -> LinkerModel:
    """Read a model from its JSON text."""
    try:
        data = json.loads(text)
        roles = {r: RoleModel(float(data[r]["bias"]), {k: float(v) for k, v in data[r]["weights"].items()},
                              bool(data[r].get("listwise", False))) for r in ROLES}
        return LinkerModel(roles["agent"], roles["target"], Policy.from_dict(data.get("policy", {})),
                           data.get("meta", {}))
    except (ValueError, KeyError, TypeError) as err:
        raise LinkerError(f"{source}: not a linker model ({err}); retrain it with `akhbar model train-linker`"
                          ) from err


class LinkerError(ValueError):
    """A linker model file that cannot be read (the message names the file and what to do)."""


ENV = "AKHBAR_LINKER"  # a model file to use instead of the shipped one (from `akhbar model train-linker`)


def load_linker(path: str | None = None) -> LinkerModel:
    """The model at `path`, else at $AKHBAR_LINKER, else the shipped one (package resource); cached per file."""
    path = path or os.environ.get(ENV) or None
    return _load(path, Path(path).stat().st_mtime if path and Path(path).is_file() else 0.0)


@lru_cache(maxsize=4)
def _load(path: str | None, mtime: float) -> LinkerModel:
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise LinkerError(f"{path}: cannot read the linker model ({err.strerror}); check {ENV}") from None
        return parse_linker(text, path)
    text = resources.files("akhbar.extract").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    return parse_linker(text, MODEL_RESOURCE)


@dataclass
class Scores:
    """One trigger's candidates by actor: the best probability each actor has for each role."""

    agent: dict[str, float] = field(default_factory=dict)
    target: dict[str, float] = field(default_factory=dict)

    def add(self, role: str, iri: str, p: float) -> None:
        """Add a mention's probability to its actor's (capped at 1: pointwise scores of two mentions overlap)."""
        table = self.agent if role == "agent" else self.target
        table[iri] = min(1.0, table.get(iri, 0.0) + p)


def _owned(target: str, own: set[str | None], capital_of: dict[str, str] | None,
           group_of: dict[str, str] | None) -> bool:
    """Whether a target is the agent, its state or group, its state's capital, or a member of its group."""
    return target in own or (capital_of or {}).get(target) in own or (group_of or {}).get(target) in own


def decide(scores: Scores, core: str, policy: Policy, siblings: dict[str, set[str]] | None = None,
           reciprocal: bool = False, passive: bool = False, pronoun_subject: str | None = None,
           own_state: dict[str, str] | None = None, capital_of: dict[str, str] | None = None,
           group_of: dict[str, str] | None = None, members: dict[str, set[str]] | None = None,
           striker: dict[str, str] | None = None, organ_of: dict[str, str] | None = None,
           located: dict[str, str] | None = None) -> list[tuple[str | None, str | None]]:
    """The (agent, target) pairs of one trigger.

    An actor that is both the best agent and the best target takes the role it is likelier to play, and the
    agent's when it passes `policy.agent` (a target table normalised over few candidates gives a lone mention
    most of its mass: دعت الأمم المتحدة طرفي النزاع, where no addressee is named, is no demand on the UN). The
    best target needs `policy.target`, further ones `policy.extra_target`; the agent needs `policy.agent`,
    or only `policy.agent_floor` when a target was found. Then the categorical rules: an actor coordinated
    with a chosen participant (`siblings`) plays the same role, each in its own event (GUIDELINES §3), and
    never the other role; a reciprocal exchange also goes the other way (§2); a passive attack with no
    author found keeps its target with a null agent (§3: an unstated agent is null); a trigger whose subject
    is a pronoun referring to the speaker (ذكرت واشنطن أنها لن تكبح …, §3: pronouns are resolved) takes the
    speaker when no agent passed the thresholds. An actor never acts against itself or the state it acts for
    (`own_state`: agent → its state; the guidelines' actions are aimed at another party, and no gold event of
    the dev set has an agent's own state as its target), nor strikes its own state's forces (`organ_of`: target
    → the state whose organ it is), nor against its state's capital
    (`capital_of`: target → the state whose capital it is; GUIDELINES §3 reads a capital as its state), nor against
    its own armed group
    or a fellow member (`group_of`: member or leader → group, GUIDELINES §5): once the agent is known, such
    targets are dropped and the next likely target takes their place. The named members a chosen target's
    collective lists (`members`: "قيادات حماس، ومن بينهم X وY") are targets too, each in its own event (§3).
    A coordinated actor or member takes a role only as the role's table admits it (a capital as its state; a
    place left out of a warning's addressees stays out). An official or a militia's leader does not strike:
    the attack he orders, threatens or announces is his state's or group's (`striker`; of the 405 attacks of
    the dev gold, one has an official as its agent and none a leader). An attack whose every target is a place
    of the agent's own state (`located`: place → its state) is the next likely agent's of another state, when
    one passes `policy.agent_floor`: the state that suffers or reports an attack is seldom its author (of the 402
    attacks of the dev gold with both sides, one strikes a place of its agent's own state, in a civil conflict).
    When the best target of an attack is its author's own and likelier a target than he an author, the attack is
    left out rather than moved to a less likely target (one of the two readings is wrong, and the likelier wins).

    >>> s = Scores(agent={"a": 0.9, "b": 0.3}, target={"b": 0.8, "c": 0.6, "a": 0.7})
    >>> decide(s, "Attack", Policy(extra_target=0.55))
    [('a', 'b'), ('a', 'c')]
    >>> decide(Scores(agent={"un": 0.65, "rsf": 0.1}, target={"un": 0.66}), "Pressure", Policy(agent_floor=0.1))
    []
    >>> decide(Scores(agent={"fr": 0.8, "uk": 0.2}, target={"uk": 0.5, "ir": 0.4}), "Warning", Policy(target=0.3),
    ...        siblings={"fr": {"uk"}, "uk": {"fr"}})
    [('fr', 'ir'), ('uk', 'ir')]
    >>> decide(Scores(agent={"army": 0.9}, target={"state": 0.8, "other": 0.4}), "Attack", Policy(target=0.3),
    ...        own_state={"army": "state"})
    [('army', 'other')]
    >>> decide(Scores(agent={"ru": 0.9}, target={"moscow": 0.8, "kyiv": 0.4}), "Attack", Policy(target=0.3),
    ...        capital_of={"moscow": "ru", "kyiv": "ua"})
    [('ru', 'kyiv')]
    >>> decide(Scores(agent={"leader": 0.9}, target={"militia": 0.8, "army": 0.4}), "Warning", Policy(target=0.3),
    ...        group_of={"leader": "militia"})
    [('leader', 'army')]
    >>> decide(Scores(agent={"il": 0.9}, target={"hamas": 0.8, "hayya": 0.01, "jabarin": 0.01}), "Attack",
    ...        Policy(target=0.3), members={"hamas": {"hayya", "jabarin"}})
    [('il', 'hamas'), ('il', 'hayya'), ('il', 'jabarin')]
    >>> decide(Scores(agent={"minister": 0.9, "army": 0.1}, target={"army": 0.6, "other": 0.3}), "Warning",
    ...        Policy(target=0.2), own_state={"minister": "il", "army": "il"})
    [('minister', 'other')]
    >>> decide(Scores(agent={"katz": 0.9}, target={"beirut": 0.8}), "Attack", Policy(target=0.3),
    ...        striker={"katz": "il"})
    [('il', 'beirut')]
    >>> decide(Scores(agent={"az": 0.52, "am": 0.45}, target={"az": 0.17, "am": 0.14}), "Attack",
    ...        Policy(agent=0.6, target=0.05, agent_floor=0.15), siblings={"az": {"am"}, "am": {"az"}}, reciprocal=True)
    [('az', 'am'), ('am', 'az')]
    >>> decide(Scores(agent={"us": 0.9}, target={"us_forces": 0.8, "iraq": 0.4}), "Attack", Policy(target=0.3),
    ...        own_state={"us": "us"}, organ_of={"us_forces": "us"})
    [('us', 'iraq')]
    >>> decide(Scores(agent={"ir": 0.7, "group": 0.3}, target={"province": 0.8}), "Attack", Policy(target=0.3),
    ...        own_state={"ir": "ir"}, located={"province": "ir"})
    [('group', 'province')]
    >>> decide(Scores(agent={"leader": 0.36, "ir": 0.35}, target={"ir": 0.74, "us": 0.1}), "Attack",
    ...        Policy(target=0.05, agent_floor=0.15), striker={"leader": "ir"})
    []
    """
    siblings = siblings or {}
    agents = sorted(scores.agent.items(), key=lambda kv: (-kv[1], kv[0]))
    targets = sorted(scores.target.items(), key=lambda kv: (-kv[1], kv[0]))
    if agents and targets and agents[0][0] == targets[0][0]:
        both = agents[0][0]
        if agents[0][1] >= min(targets[0][1], policy.agent):
            targets = [t for t in targets if t[0] != both]
        else:
            agents = [a for a in agents if a[0] != both]
    if agents and siblings.get(agents[0][0]) and not reciprocal:
        targets = [t for t in targets if t[0] not in siblings[agents[0][0]]]  # فرنسا وبريطانيا: both warn
        # (but in an exchange the coordinated sides strike each other: تبادلت أرمينيا وأذربيجان الضربات)

    def pick(ranked: list[tuple[str, float]]) -> list[str]:
        """The best target past `policy.target` (`policy.pressure_target` for a Pressure) and the others past
        `policy.extra_target`."""
        if not ranked or ranked[0][1] < (policy.pressure_target if core == "Pressure" else policy.target):
            return []
        return [ranked[0][0]] + [t for t, p in ranked[1:] if p >= policy.extra_target]

    chosen = pick(targets)
    agent: str | None = None
    if agents and agents[0][1] >= (policy.agent_floor if chosen else policy.agent):
        agent = agents[0][0]
    elif pronoun_subject is not None and pronoun_subject not in chosen:
        agent = pronoun_subject
    if core == "Attack" and agent is not None and chosen and located:
        home = (own_state or {}).get(agent, agent)
        if all(located.get(t) == home for t in chosen):  # (an attack on a place of the agent's own state)
            agent = next((a for a, p in agents[1:] if p >= policy.agent_floor and a not in chosen
                          and (own_state or {}).get(a, a) != home), agent)
    named = agent  # (its coordinated siblings are read from the mention)
    if core == "Attack" and agent is not None:
        agent = (striker or {}).get(agent, agent)
    own: set[str | None] = set()
    if agent is not None:
        own = {agent, (own_state or {}).get(agent, agent), (group_of or {}).get(agent, agent)}
        home = (own_state or {}).get(agent)
        if core == "Warning" and home is not None:
            # nor warns its own state's organs and officials (وحذر وزير الدفاع من أن الجيش سيوسع عملياته: the army
            # is his; no warning of the dev gold is addressed at home). A demand may be: a parliament presses its
            # government, a governor the army (طالب نواب الحكومة بـ; 1 of the dev gold's, 17 of the written sets')
            own |= {t for t, st in (own_state or {}).items() if st == home and t in scores.target}
        if core == "Attack" and home is not None:
            # nor strikes its own state's forces (`organ_of`; of the 405 attacks of the dev gold, none has an organ or
            # official of the agent's state as its target; one has a place of it, in a civil war)
            own |= {t for t, st in (organ_of or {}).items() if st == home}
        if core == "Attack" and chosen and _owned(chosen[0], own, capital_of, group_of) \
                and scores.target[chosen[0]] > scores.agent.get(named or "", 0.0):
            return []  # (the best target is the author's own, and likelier a target than he an author: أي اعتداء
            # على إيران سيقابل برد، قال خامنئي — no attack of Iran's on the next one named)
        chosen = pick([t for t in targets if not _owned(t[0], own, capital_of, group_of)])
    def in_role(x: str, table: dict[str, float]) -> str | None:
        """A coordinated actor as the role admits it (a capital as its state), None if the role does not."""
        return x if x in table else (capital_of or {}).get(x) if (capital_of or {}).get(x) in table else None

    for extra in (siblings, members or {}):
        chosen += [y for t in list(chosen) for x in sorted(extra.get(t, ()))
                   if (y := in_role(x, scores.target)) is not None and y not in chosen and y != agent
                   and not _owned(y, own, capital_of, group_of)]
    all_agents: list[str | None] = [agent]
    if agent is not None:
        coordinated = set(siblings.get(named or agent, ())).union(*(
            siblings.get(c, ()) for c, st in (capital_of or {}).items() if st == named))
        # (واشنطن ولندن تردان بضربات: the capitals are coordinated, and each stands for its state)
        all_agents += sorted({(striker or {}).get(y, y) if core == "Attack" else y
                              for x in coordinated if x not in chosen
                              and (y := in_role(x, scores.agent)) is not None} - {agent})
    if reciprocal and agent is not None and len(all_agents) > 1:
        # تبادلت إيران وإسرائيل الضربات: the coordinated sides strike each other (a place is only where)
        return [(a, b) for a in all_agents for b in all_agents if a != b]
    if not chosen:
        if agent is not None and core == "Warning" and scores.agent[agent] >= policy.null_target:
            return [(a, None) for a in all_agents]
        return []
    if agent is None and not (core == "Attack" and (passive or scores.target[chosen[0]] >= policy.null_agent)):
        return []
    pairs = [(a, t) for a in all_agents for t in chosen if a != t]  # (never against itself: a coordinated or
    # forced agent may be the target chosen too)
    if reciprocal:
        pairs += [(y, a) for a, t in pairs if a is not None and t is not None
                  and (y := in_role(t, scores.agent)) is not None]
    return pairs
