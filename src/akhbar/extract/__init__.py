"""Event extraction: an analysed article → actor mentions, new actors and Warning/Attack/Pressure events.

The one entry point is `extract(doc, article, kb)`. It reads the article into sentence units (`units`:
actor mentions, triggers from the lexicon, the parse, quotes), gathers candidate participants for every
trigger (`candidates`), scores each with the trained linker (`features`, `linker`), decodes the
participants, and gives each event its modality (`modality`, rules of GUIDELINES §4). Every offset is a
code-point offset into `article.text`.

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> ex = extract(None, Article("x", "x.txt", "حذرت الولايات المتحدة إيران من أي هجوم."), load_kb())
>>> [(e.action, e.agent.rsplit("/", 1)[1], e.target.rsplit("/", 1)[1]) for e in ex.events][:1]
[('Warning', 'usa', 'iran')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from akhbar.extract.actors import ActorRef
from akhbar.extract.candidates import Candidate, candidates
from akhbar.extract.coordination import reciprocal, siblings
from akhbar.extract.events import Trigger
from akhbar.extract.features import _sentence_features, features, is_passive, pronoun_subject
from akhbar.extract.lexicon import Lexicon, load_lexicon
from akhbar.extract.linker import ROLES, LinkerModel, Policy, Scores, decide, load_linker, none_features
from akhbar.extract.modality import conditions, modality
from akhbar.extract.provenance import event_date, reporting_chain
from akhbar.extract.text import Word
from akhbar.extract.units import ArticleUnits, SentenceUnit, read_units
from akhbar.kb import KnowledgeBase
from akhbar.records import Article, Event, Extraction, Mention, Span

__all__ = ["extract"]


@dataclass
class TriggerScores:
    """A trigger of a sentence with the scores of its candidates (what the decoder reads), the actors
    coordinated in its sentence, and whether it is a reciprocal exchange."""

    sentence: SentenceUnit
    trigger: Trigger
    scores: Scores
    siblings: dict[str, set[str]] = field(default_factory=dict)
    reciprocal: bool = False
    passive: bool = False
    pronoun_subject: str | None = None

    def decide(self, policy: Policy) -> list[tuple[str | None, str | None]]:
        """The trigger's (agent, target) pairs under a policy."""
        return decide(self.scores, self.trigger.core, policy, self.siblings, self.reciprocal, self.passive,
                      self.pronoun_subject)


def _subclass(trig: Trigger, words: list[Word], lex: Lexicon) -> str:
    """A finer Attack class when the words at or after the trigger say so (بطائرة مسيرة → DroneAttack)."""
    if trig.core != "Attack" or trig.action != "Attack":
        return trig.action
    for action, cues, window in lex.subclasses:
        for w in words[trig.first:trig.last + window]:
            if w.norm in cues or w.key in cues or w.norm.lstrip("وب") in cues or \
                    w.norm.lstrip("وب").removeprefix("ال") in cues:
                return action
    return trig.action


def resolve(ref: ActorRef, role: str, core: str, kb: KnowledgeBase) -> list[str]:
    """Actor IRIs a mention stands for in a role: a capital as agent or addressee is its state (GUIDELINES §3)."""
    out = []
    for iri in ref.iris:
        if iri in kb.capitals and (role == "agent" or core != "Attack"):
            out.append(kb.capitals[iri])
        else:
            out.append(iri)
    return out


def _keep_mention(ref: ActorRef) -> bool:
    """Mentions worth keeping as labels: not demonstratives (هؤلاء) that name a group of persons."""
    if ref.how != "anaphor":
        return True
    return len(ref.iris) == 1 and not ref.surface.lstrip("و").startswith("هؤلاء")


def scored_pairs(units: ArticleUnits, s: SentenceUnit, trig: Trigger, cands: list[Candidate]
                 ) -> tuple[list[tuple[Candidate, dict[str, float]]], dict[str, float]]:
    """Each candidate of a trigger with its features, and the features of the "nobody" option."""
    base = _sentence_features(units, s, trig)
    return [(c, features(units, s, trig, c, base)) for c in cands], none_features(base)


def trigger_scores(units: ArticleUnits, s: SentenceUnit, trig: Trigger, cands: list[Candidate],
                   rows: list[dict[str, float]], none: dict[str, float], model: LinkerModel) -> TriggerScores:
    """Each candidate actor's probability per role (an actor named twice adds up its mentions' shares)."""
    scores = Scores()
    for role in ROLES:
        for cand, p in zip(cands, model.role(role).probabilities(rows, none), strict=True):
            for iri in resolve(cand.ref, role, trig.core, units.kb):
                scores.add(role, iri, p)
    return TriggerScores(s, trig, scores, siblings(s, units.lex, units.article.text), reciprocal(s, trig),
                         is_passive(s, trig), pronoun_subject(units, s, trig))


def score_article(units: ArticleUnits, model: LinkerModel) -> list[TriggerScores]:
    """Every trigger of the article with the agent and target probability of each candidate actor."""
    out = []
    for s in units.sentences:
        if not s.triggers:
            continue
        cands = candidates(units, s)
        for trig in s.triggers:
            pairs, none = scored_pairs(units, s, trig, cands)
            out.append(trigger_scores(units, s, trig, cands, [f for _, f in pairs], none, model))
    return out


def decode_article(units: ArticleUnits, scored: list[TriggerScores], policy: Policy) -> Extraction:
    """The article's mentions, events (decoded participants with modality, date, sources) and new actors."""
    lex, text, article = units.lex, units.article.text, units.article
    ex = Extraction(article=article)
    used: set[str] = set()
    for s in units.sentences:
        for ref in s.refs:
            if _keep_mention(ref):
                for iri in ref.iris:
                    for start, end in ((ref.start, ref.end), *ref.variants):
                        ex.mentions.append(Mention(actor=iri, span=Span(start, end), text=text[start:end]))
                    used.add(iri)
    context: dict[int, tuple] = {}
    in_events: set[str] = set()
    for ts in scored:
        s, trig = ts.sentence, ts.trigger
        pairs = ts.decide(policy)
        if not pairs:
            continue
        if s.index not in context:
            reported_by, according_to = reporting_chain(s.words, s.refs, lex, text)
            context[s.index] = (reported_by, according_to, event_date(text, s.start, s.end, article.date),
                                conditions(s.words, lex))
        reported_by, according_to, date, openers = context[s.index]
        mod = modality(s.words, trig, s.triggers, lex, text, openers)
        action = _subclass(trig, s.words, lex)
        t_span = Span(s.words[trig.first].start, s.words[trig.last - 1].end)
        for agent, target in pairs:
            used.update(x for x in (agent, target) if x)
            in_events.update(x for x in (agent, target) if x)
            ex.events.append(Event(action=action, trigger=t_span, sentence=Span(s.start, s.end), agent=agent,
                                   target=target, modality=mod, date=date, reported_by=reported_by,
                                   according_to=according_to))
    for s in units.sentences:
        for ref in s.phrases:
            if ref.iri in in_events:  # an open phrase is written only where it takes part in an event
                for start, end in ((ref.start, ref.end), *ref.variants):
                    ex.mentions.append(Mention(actor=ref.iri, span=Span(start, end), text=text[start:end]))
    ex.new_actors = [a for iri, a in units.finder.minted.items() if iri in used]
    return ex


def extract(doc: Doc | None, article: Article, kb: KnowledgeBase, model: LinkerModel | None = None) -> Extraction:
    """Read one analysed article (`doc` may be None: no parse) with the shipped linker or `model`."""
    model = model or load_linker()
    units = read_units(doc, article, kb, load_lexicon())
    return decode_article(units, score_article(units, model), model.policy)

