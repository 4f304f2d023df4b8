"""Event extraction: an analysed article → actor mentions, new actors and Warning/Attack/Pressure events.

The one entry point is `extract(doc, article, kb)`. Sentences are split as the annotation guidelines
split them; in each, actors are matched (`actors.ActorFinder`), triggers found from the lexicon
(`events.find_triggers`), linked to their agent and target (`events.SentenceLinker`) and given a
modality (`modality.modality`). Every offset is a code-point offset into `article.text`.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace

from spacy.attrs import DEP, HEAD, IDX
from spacy.tokens import Doc

from akhbar.extract.actors import ActorFinder, ActorRef
from akhbar.extract.events import Memory, SentenceLinker, Trigger, find_triggers
from akhbar.extract.lexicon import Lexicon, load_lexicon
from akhbar.extract.modality import conditions, modality
from akhbar.extract.provenance import event_date, reporting_chain
from akhbar.extract.text import Word, sentence_spans, words_of
from akhbar.kb import KnowledgeBase
from akhbar.records import Article, Event, Extraction, Mention, Span

__all__ = ["extract"]

# Read a verb's object from the dependency parse when the word-order patterns find no target. (The parse,
# LAS ≈ 67, is not trusted for subjects: as their first source it scored lower on the dev set than the
# patterns, strict F1 0.535 vs 0.561, and as a last resort it took objects for subjects.)
USE_PARSE = True


# A parse as plain lists, made once per article: token start offsets, head token start offsets, relations.
ParseTable = tuple[list[int], list[int], list[str]]


def _parse_table(doc: Doc | None) -> ParseTable | None:
    """The dependency parse of the article as lists indexed by token (None when not used or not parsed)."""
    if doc is None or not USE_PARSE or not doc.has_annotation("DEP") or len(doc) == 0:
        return None
    arr = doc.to_array([IDX, HEAD]).astype("int64")  # HEAD is relative (negative values wrap in uint64)
    starts = arr[:, 0].tolist()
    heads = [starts[k + rel] for k, rel in enumerate(arr[:, 1].tolist())]
    strings = doc.vocab.strings
    return starts, heads, [strings[d] for d in doc.to_array(DEP).tolist()]


def _deps(parse: ParseTable | None, words: list[Word]) -> dict[int, list[tuple[str, int]]]:
    """Dependency edges between our words (head word → [(relation, dependent word)]), from the parse."""
    if parse is None or not words:
        return {}
    tok_starts, tok_heads, rels = parse
    starts = [w.start for w in words]
    at_start = {start: k for k, start in enumerate(starts)}  # most tokens begin a word
    lo, hi = words[0].start, words[-1].end

    def word_of(offset: int) -> int | None:
        k = at_start.get(offset)
        if k is not None:
            return k
        if offset < lo or offset >= hi:
            return None
        k = bisect.bisect_right(starts, offset) - 1
        return k if k >= 0 and offset < words[k].end else None

    out: dict[int, list[tuple[str, int]]] = {}
    for t in range(bisect.bisect_left(tok_starts, lo), bisect.bisect_left(tok_starts, hi)):
        w = word_of(tok_starts[t])
        h = word_of(tok_heads[t])
        if w is None or h is None or w == h:
            continue
        out.setdefault(h, []).append((rels[t], w))
    return out


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


def _resolve(ref: ActorRef, role: str, core: str, kb: KnowledgeBase) -> list[str]:
    """Actor IRIs a mention stands for in a role: a capital as agent or addressee is its state."""
    out = []
    for iri in ref.iris:
        if iri in kb.capitals and (role == "agent" or core != "Attack"):
            out.append(kb.capitals[iri])
        else:
            out.append(iri)
    return out


def _passives(doc: Doc | None, words: list[Word]) -> set[int]:
    """Words that are passive verbs: a damma on an early letter (قُصفت، استُهدف)."""
    # The parser's Voice=Pass is not used: on unvocalised text it marks active verbs (حذروا) as passive.
    return {w.index - words[0].index for w in words if "\u064f" in w.text[:4] and len(w.text) > 3}


def _settle_perpetrators(ex: Extraction, weak: list[int]) -> None:
    """An attack whose agent was only guessed (or missing) takes the agent that the article names, without
    dispute, for attacks on the same target (استهداف أربيل → the IRGC that claimed it); failing that, the
    article's dominant attacker (named for at least two asserted attacks, more than any other)."""
    weak_set = set(weak)
    known: dict[str, set[str]] = {}
    count: Counter[str] = Counter()
    for n, ev in enumerate(ex.events):
        if n not in weak_set and ev.agent and ev.target and ev.modality == "Asserted" \
                and _core(ev.action) == "Attack":
            known.setdefault(ev.target, set()).add(ev.agent)
            count[ev.agent] += 1
    ranked = count.most_common(2)
    dominant = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) \
        else None
    for n in weak:
        ev = ex.events[n]
        if _core(ev.action) != "Attack":
            continue
        agents = known.get(ev.target or "", set())
        if len(agents) == 1:
            ex.events[n] = replace(ev, agent=next(iter(agents)))
        elif not agents and dominant and dominant != ev.target:
            ex.events[n] = replace(ev, agent=dominant)


def _core(action: str) -> str:
    from akhbar.graph.rdf import core_action

    return core_action(action)


def _keep_mention(ref: ActorRef) -> bool:
    """Mentions worth keeping as labels: not demonstratives (هؤلاء) that name a group of persons."""
    if ref.how != "anaphor":
        return True
    return len(ref.iris) == 1 and not ref.surface.lstrip("و").startswith("هؤلاء")


def extract(doc: Doc, article: Article, kb: KnowledgeBase) -> Extraction:
    """Read one analysed article: its actor mentions, the actors it mints, and its events."""
    lex = load_lexicon()
    text = article.text
    finder = ActorFinder(kb, lex, text)
    ex = Extraction(article=article)
    used: set[str] = set()
    memory: Memory = {}
    capitals = frozenset(kb.capitals)
    weak_events: list[int] = []
    parse = _parse_table(doc)
    for s_start, s_end in sentence_spans(text):
        words = words_of(text, s_start, s_end)
        if not words:
            continue
        refs = finder.find(words)
        for ref in refs:
            if _keep_mention(ref):
                for iri in ref.iris:
                    ex.mentions.append(Mention(actor=iri, span=Span(ref.start, ref.end), text=ref.surface))
                    used.add(iri)
        triggers = find_triggers(words, lex, text)
        # (the parse is read only for the arguments of triggers)
        linker = SentenceLinker(words, refs, triggers, lex, text, _deps(parse, words) if triggers else {},
                                _passives(doc, words), capitals)
        has_verb, speaker = linker.speaker()
        if speaker is not None:
            speaker = finder.speaks_for.get(speaker.iri, speaker)
            memory["speaker"] = ([speaker], [])
        if speaker is None and (has_verb or not refs) and "speaker" in memory:
            speaker = memory["speaker"][0][0]  # وتابع / وأضاف: the last speaker goes on
        linker.we = speaker
        if not triggers:
            continue
        reported_by, according_to = reporting_chain(words, refs, lex, text)
        seen: set[tuple] = set()
        date = event_date(text, s_start, s_end, article.date)
        openers = conditions(words, lex)
        for trig in triggers:
            agents_refs, target_refs = linker.args(trig, memory)
            weak = linker.weak_agent
            mod = modality(words, trig, triggers, lex, text, openers)
            if agents_refs and target_refs and not weak and mod == "Asserted":
                memory[trig.core] = (agents_refs, target_refs)  # what "the attack" can later refer to
            action = _subclass(trig, words, lex)
            agents = [a for r in agents_refs for a in _resolve(r, "agent", trig.core, kb)] or [None]
            targets = [t for r in target_refs for t in _resolve(r, "target", trig.core, kb)] or [None]
            t_span = Span(words[trig.first].start, words[trig.last - 1].end)
            for agent in dict.fromkeys(agents):
                for target in dict.fromkeys(targets):
                    if target is None or agent == target:
                        continue  # gold has virtually no target-less events; a guess without one is noise
                    if agent is None and (trig.core != "Attack" or (
                            trig.entry is not None and trig.entry.pos == "verb" and trig.light is None
                            and trig.first not in linker.passives)):
                        continue  # only attacks told by a noun or a passive lack their author (not "ضربت عاصفة")
                    if trig.core == "Warning" and mod not in ("Asserted", "Negated"):
                        continue  # "التهديدات المحتملة": a possible threat is not a warning given
                    key = (action, agent, target, mod)
                    if key in seen:
                        continue
                    seen.add(key)
                    used.update(x for x in (agent, target) if x)
                    if weak or agent is None:
                        weak_events.append(len(ex.events))
                    ex.events.append(Event(action=action, trigger=t_span, sentence=Span(s_start, s_end),
                                           agent=agent, target=target, modality=mod, date=date,
                                           reported_by=reported_by, according_to=according_to))
    _settle_perpetrators(ex, weak_events)
    used.update(e.agent for e in ex.events if e.agent)
    ex.new_actors = [a for iri, a in finder.minted.items() if iri in used]
    return ex
