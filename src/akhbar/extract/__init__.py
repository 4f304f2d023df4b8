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

from akhbar.dates import dateline_span, event_date, find_dates
from akhbar.extract.actors import ActorRef
from akhbar.extract.candidates import Candidate, candidates
from akhbar.extract.coordination import (
    asked_to_press,
    asked_to_stop,
    bracket_locators,
    claimant,
    coordination_groups,
    facility_locators,
    included_members,
    located_places,
    reciprocal,
    relative_author,
    siblings,
    warned_against,
)
from akhbar.extract.descriptions import abbreviated, description_spans, opener_before
from akhbar.extract.events import RELATIVE_REACH, Trigger, launched_before
from akhbar.extract.exclusions import excluded, frame, talks_addressee
from akhbar.extract.features import (
    _sentence_features,
    announced_killer,
    elided_subject,
    features,
    has_object_pronoun,
    instrument_owner,
    is_passive,
    owned_positions,
    possessed_target,
    possessor,
    pronoun_subject,
    shared_subject,
    speakers_forces,
)
from akhbar.extract.lexicon import Lexicon, load_lexicon
from akhbar.extract.linker import ROLES, LinkerModel, Policy, Scores, decide, load_linker, none_features
from akhbar.extract.modality import conditions, modality
from akhbar.extract.parties import (
    SUFFERERS,
    aimed_at_us,
    anaphoric_attack,
    document_issuer,
    group_of,
    kind_of,
    state_of,
    strikers,
    threat_of,
)
from akhbar.extract.provenance import reporting_chain
from akhbar.extract.text import Word, words_of
from akhbar.extract.units import ArticleUnits, SentenceUnit, read_units
from akhbar.kb import KnowledgeBase
from akhbar.records import Article, Event, Extraction, Mention, NewActor, Span

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
    # agent candidate → the state it acts for (an actor never acts against itself or its own state)
    own_state: dict[str, str] = field(default_factory=dict)
    # target candidate that is a capital → its state (a state does not strike its own capital)
    capital_of: dict[str, str] = field(default_factory=dict)
    # candidate that is a member or leader of an armed group → the group (no one acts against his own group)
    group_of: dict[str, str] = field(default_factory=dict)
    # (role, actor IRI) → how its best candidate was found: source, word-order slot, grammar role
    details: dict[tuple[str, str], str] = field(default_factory=dict)
    # target candidate → the named members its collective lists after an inclusion marker (ومن بينهم X وY)
    members: dict[str, set[str]] = field(default_factory=dict)
    # agent candidate → who strikes for him: an official's state, a militia leader's group
    striker: dict[str, str] = field(default_factory=dict)
    # target candidate that is a state's organ → that state (no state strikes its own forces; an official's state
    # is at times only guessed from the sentence, so officials are left out)
    organ_of: dict[str, str] = field(default_factory=dict)
    # (role, surface) of a mention of the sentence → the rule of `exclusions.EXCLUSIONS` that barred it from the role
    barred: dict[tuple[str, str], str] = field(default_factory=dict)
    # target candidate that is a place → the state it is of
    located: dict[str, str] = field(default_factory=dict)

    def decide(self, policy: Policy) -> list[tuple[str | None, str | None]]:
        """The trigger's (agent, target) pairs under a policy."""
        return decide(self.scores, self.trigger.core, policy, self.siblings, self.reciprocal, self.passive,
                      self.pronoun_subject, self.own_state, self.capital_of, self.group_of, self.members,
                      self.striker, self.organ_of, self.located)


def _subclass(trig: Trigger, words: list[Word], lex: Lexicon) -> str:
    """A finer Attack class when the words at or after the trigger say so (بطائرة مسيرة → DroneAttack)."""
    if trig.core != "Attack" or trig.action != "Attack":
        return trig.action
    before = trig.first
    if launched_before(words[trig.first], trig.entry):
        before = max(0, trig.first - RELATIVE_REACH)  # (صواريخ باليستية أطلقتها الجماعة: the weapon came first)
    for action, cues, window in lex.subclasses:
        for w in words[before:trig.last + window]:
            if w.norm in cues or w.key in cues or w.norm.lstrip("وب") in cues or \
                    w.norm.lstrip("وب").removeprefix("ال") in cues:
                return action
    return trig.action


def resolve(ref: ActorRef, role: str, core: str, kb: KnowledgeBase, lex: Lexicon | None = None,
            action: str = "", struck: bool = False) -> list[str]:
    """Actor IRIs a mention stands for in a role: a capital as agent or addressee is its state, any other place
    is never an agent (GUIDELINES §3: an agent is a state, militia, official, organ or organisation; a warship
    with a state's nisba stands for that state, the owner of the instrument: زوارق إيرانية هاجمت ناقلة), nor the
    addressee of a warning or demand unless it is a civilian population (`lex`: its `population` heads; §3: the
    target of a Warning or Pressure is its addressee: an airport or a strait is warned about, not addressed).
    An attack strikes a person only in a targeted killing (`action`, §2: اغتيال; which strikes no place), and of a
    state's organs only
    its armed bodies (`armed` heads: a ministry or an agency is not struck, its building is a place), unless
    word order makes them its object (`struck`: قصفت إسرائيل العميد X، استهدفت مسيرة وزارة الدفاع); it never
    strikes a body of water (`waters`: the sea locates the ship that was struck)."""
    out = []
    for iri in ref.iris:
        if iri in kb.capitals and (role == "agent" or core != "Attack"):
            out.append(kb.capitals[iri])
        elif role == "agent" and ref.kind == "Location":
            if lex is not None and ref.states and ref.states[0] and _first_word_in(ref, lex.heads["warship"]):
                out.append(ref.states[0])  # (زوارق إيرانية هاجمت ناقلة: the state whose boats strike, §3)
            continue  # (عاصفة قوية، سواحل ليبيا: a place or thing does not act)
        elif role == "target" and lex is not None and not _strikable(ref, core, action, lex, struck):
            continue
        else:
            out.append(iri)
    return out


def _strikable(ref: ActorRef, core: str, action: str, lex: Lexicon, struck: bool = False) -> bool:
    """Whether a mention can be the target of an event of this class (see `resolve`)."""
    if core != "Attack":
        return ref.kind != "Location" or addressable(ref, lex)
    if ref.kind == "Official":
        return action == "TargetedKilling" or struck
    if ref.kind == "StateOrgan":
        return struck or _first_word_in(ref, lex.heads.get("armed", frozenset()))
    if ref.kind == "Location":  # (a targeted killing strikes a person, never where he was: اغتيال سليماني في بغداد)
        return action != "TargetedKilling" and not _first_word_in(ref, lex.heads.get("waters", frozenset()))
    return True


def addressable(ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a Location mention names people one can address (المدنيين في مالي، السكان), by its first word."""
    return _first_word_in(ref, lex.heads.get("population", frozenset()))


def _first_word_in(ref: ActorRef, heads: frozenset[str]) -> bool:
    """Whether a mention's first word (read without its clitics and article) is one of `heads`."""
    words = words_of(ref.surface)
    return bool(words) and any(key in heads for key, _ in words[0].readings)


def names_actor(ref: ActorRef) -> bool:
    """Whether a mention's surface is a name of its actor, kept as a label: an anaphor (الحركة، المجلس،
    هؤلاء المسؤولين) points back to an actor without naming it, and as a label it would make one node answer
    to a common word across articles."""
    return ref.how != "anaphor"


def scored_pairs(units: ArticleUnits, s: SentenceUnit, trig: Trigger, cands: list[Candidate]
                 ) -> tuple[list[tuple[Candidate, dict[str, float]]], dict[str, float]]:
    """Each candidate of a trigger with its features, and the features of the "nobody" option."""
    base = _sentence_features(units, s, trig)
    return [(c, features(units, s, trig, c, base)) for c in cands], none_features(base)


def trigger_scores(units: ArticleUnits, s: SentenceUnit, trig: Trigger, cands: list[Candidate],
                   rows: list[dict[str, float]], none: dict[str, float], model: LinkerModel) -> TriggerScores:
    """Each candidate actor's probability per role (an actor named twice adds up its mentions' shares)."""
    scores = Scores()
    details: dict[tuple[str, str], str] = {}
    best: dict[tuple[str, str], float] = {}
    best_ref: dict[tuple[str, str], ActorRef | None] = {}
    fr = frame(units, s, trig)
    barred: dict[tuple[str, str], str] = {}
    threatener, addressee, undergone, accused = fr.threatener, fr.addressee, fr.undergone, fr.accused
    for role in ROLES:
        for cand, feats, p in zip(cands, rows, model.role(role).probabilities(rows, none), strict=True):
            rule = excluded(fr, role, cand, feats)
            if rule is not None:  # (the categorical rules of the guidelines: `exclusions.EXCLUSIONS`)
                if cand.sentence == s.index:
                    barred.setdefault((role, cand.ref.surface), rule)
                continue
            for iri in resolve(cand.ref, role, trig.core, units.kb, units.lex, trig.action, "grammar=target" in feats):
                scores.add(role, iri, p)
                if p > best.get((role, iri), -1.0):
                    best[role, iri] = p
                    details[role, iri] = _candidate_detail(cand, feats)
                    best_ref[role, iri] = cand.ref if cand.sentence == s.index else None
    locators = {**facility_locators(s, units.lex, units.article.text), **bracket_locators(s, units.article.text)}
    for locator, place in locators.items():
        if locator in scores.target and place in scores.target:  # (the place only says where the other is)
            scores.target[place] = min(1.0, scores.target[place] + scores.target.pop(locator))
    if addressee is None and trig.core == "Pressure" and trig.last < len(s.words) \
            and s.words[trig.last].norm in ON_PRONOUNS:  # (للضغط عليها: on the one named last, GUIDELINES §3)
        addressee = next((r for r in reversed(s.refs) if r.last <= trig.first and r.first > 0), None)
    if addressee is None and trig.core == "Pressure":
        addressee = talks_addressee(s, trig, units.lex, fr.opener)  # (دعا X، خلال اتصال مع نظيره Y، إلى: to Y)
    if addressee is None and trig.core == "Pressure" and has_object_pronoun(s, trig, units.lex) and s.refs \
            and trig.last not in s.ref_at():  # (انتقدت العراق الهجوم التركي، وطالبتها بإيقاف: her, named last)
        subject = s.refs[0]
        addressee = next((r for r in reversed(s.refs) if r.last <= trig.first and r is not subject
                          and r.kind != "Location" and not set(r.iris) & set(subject.iris)), None)
        for iri in addressee.iris if addressee is not None else ():
            scores.agent.pop(iri, None)  # (the one the pronoun refers to is pressed, not pressing)
    sufferer = next((r for r in s.refs if undergone is not None and r.kind in SUFFERERS and (
        r.first == undergone + 1 or (r.last == undergone and not s.words[undergone - 1].gap_after.strip()))), None)
    if sufferer is not None:  # (تعرضت قاعدة فكتوريا التي تضم قوات أمريكية قرب مطار بغداد لهجوم: what undergoes it)
        for iri in resolve(sufferer, "target", trig.core, units.kb, units.lex, trig.action):
            scores.target[iri] = 1.0
            scores.agent.pop(iri, None)
            details["target", iri] = f"{RULE}«{sufferer.surface}», which undergoes the {trig.core.lower()}"
    holder = possessed_target(units, s, trig) if sufferer is None else None
    if holder is not None:  # (أي هجوم يستهدف قواتها: the forces of the one the pronoun names, §3)
        held = [state_of(units, iri) or iri for iri in holder.iris]  # (an official's forces are his state's)
        scores.target = dict.fromkeys(held, 1.0)
        for iri in held:
            scores.agent.pop(iri, None)
            details["target", iri] = f"{RULE}«{holder.surface}», whose forces or sites it strikes (GUIDELINES §3)"
    owner = owned_positions(units, s, trig) if sufferer is None and holder is None else None
    if owner is not None:  # (قوات إثيوبية هاجمت مواقع له في الفشقة: the owner's, and the place's too, §6)
        for iri in (state_of(units, i) if kind_of(units, i) == "Official" else i for i in owner.iris):
            if iri is not None:
                scores.target[iri] = 1.0
                scores.agent.pop(iri, None)
                details["target", iri] = f"{RULE}«{owner.surface}», whose positions it strikes (GUIDELINES §3)"
    victim = killed_by_means(units, s, trig, fr.verb)
    if victim is not None:  # (مقتل اللواء قاسم سليماني بقصف أمريكي: the strike targets the person it killed, §6)
        scores.target = dict.fromkeys(victim.iris, 1.0)  # (not the place it happened: في بغداد)
        for iri in victim.iris:
            scores.agent.pop(iri, None)
            details["target", iri] = f"{RULE}«{victim.surface}», the person the strike killed (GUIDELINES §6)"
    if addressee is not None:  # (أكد بلينكن لنتنياهو ضرورة: GUIDELINES §2, the demand is addressed to him)
        for iri in resolve(addressee, "target", trig.core, units.kb, units.lex, trig.action):
            scores.target[iri] = 1.0
            details["target", iri] = f"{RULE}«{addressee.surface}», to whom the demand is addressed (GUIDELINES §2)"
    speaker: ActorRef | None = None
    quoted = bool(s.quoted) and s.quoted[trig.first]
    if (trig.entry is not None and trig.entry.us_object) or aimed_at_us(s, trig, units.lex):
        # (whose «us» it is: the sentence's speaker, or in quotes the last one named; اعتدت علينا، على بلدنا too)
        if s.speaker is not None and (s.says or quoted):
            speaker = s.speaker
        elif quoted:
            speaker = next((p.speaker for p in reversed(units.sentences[:s.index]) if p.speaker), None)
    if speaker is not None and (quoted or speaker.last <= trig.first):  # ("إذا هاجمتنا": «us» is the speaker's side)
        us = resolve(speaker, "target", trig.core, units.kb, units.lex, trig.action) or [
            state for iri in speaker.iris if (state := state_of(units, iri)) is not None]  # (an official: his state)
        for iri in (*us, *speaker.iris):
            scores.agent.pop(iri, None)
        if us:  # (a speaker no role admits leaves the linker's targets)
            scores.target = dict.fromkeys(us, 1.0)
        for iri in us:
            details["target", iri] = f"{RULE}«{speaker.surface}», the speaker whose «us» it is (GUIDELINES §3)"
    warned = (warned_against(s, trig, units.lex) or asked_to_stop(s, trig, units.lex)) if trig.core == "Attack" \
        else asked_to_press(s, trig, units.lex)
    issuer = document_issuer(s, trig, units.lex)
    shared = shared_subject(units, s, trig)
    elided: ActorRef | None = None
    forces = speakers_forces(units, s, trig) or instrument_owner(s, trig, units.lex)
    claimer = claimant(s, trig) or relative_author(s, trig, units.lex) or (
        announced_killer(s, fr.verb) if trig.core == "Attack" else None)
    owner = possessor(units, s, trig) or forces or accused or claimer or threatener or issuer or (
        s.speaker if trig.entry is not None and trig.entry.first_plural and s.speaker is not None
        and (trig.entry.we_prefix or getattr(s.ref_at().get(trig.last), "kind", "Location") == "Location")
        else None) or warned or shared or fr.clause_subject or (elided := elided_subject(units, s, trig))
    # (حذّرنا سيجورنيه: an actor right after the perfect is its subject, and نا its object; سنضرب إيران: the
    # imperfect's نـ is the subject)
    owners = resolve(owner, "agent", trig.core, units.kb, units.lex, trig.action) if owner is not None else []
    together = siblings(s, units.lex, units.article.text)
    if owner is not None:  # (ودعت فرنسا وبريطانيا طهران ...، وحذرت: each of the subjects; طالب فرنسا والولايات
        # المتحدة بالضغط: each of those asked; كثفت مصر وقطر والولايات المتحدة ضغوطها: each of the possessors)
        owners += sorted({x for iri in owners for x in together.get(iri, ())} - set(owners))
    if owner is not None and owners:  # (لوقف هجماتهم، اتهمت إيران إسرائيل بالهجوم، قال X: سنضرب: whose act it is)
        scores.agent = dict.fromkeys(owners, 1.0)
        for iri in owners:
            scores.target.pop(iri, None)
            details["agent", iri] = f"{RULE}«{owner.surface}», " + (
                "the accused (blame names its author, GUIDELINES §3)" if owner is accused else
                "who claims it or launched it (GUIDELINES §3)" if owner is claimer else
                "the speaker whose forces strike, or whose the weapons are (GUIDELINES §3)" if owner is forces else
                "the speaker whose «we» it is (GUIDELINES §3)" if owner is s.speaker else
                "who threatens it (the content of a threat)" if owner is threatener else
                "who issued the document that demands or warns" if owner is issuer else
                "who is warned against it or asked to stop it or to press (GUIDELINES §4)" if owner is warned else
                "the subject it shares with the clause before it (GUIDELINES §3)" if owner is shared else
                "the subject of its own clause, after the clause before it" if owner is fr.clause_subject else
                "the previous sentence's speaker, the subject it leaves unsaid" if owner is elided else
                f"the possessor of «{s.words[trig.first].text}» (pronouns are resolved, GUIDELINES §3)")
    pronoun = pronoun_subject(units, s, trig)
    states = {iri: state for iri in (*scores.agent, *([pronoun] if pronoun else []))
              if (state := state_of(units, iri)) is not None}
    named = {iri for r in s.refs for iri in r.iris} | set(scores.target)  # (a coordinated capital too)
    capitals = {iri: units.kb.capitals[iri] for iri in named if iri in units.kb.capitals}
    groups = {iri: group for iri in (*scores.agent, *scores.target) if (group := group_of(units, iri)) is not None}
    placed = {iri: (kind, state) for iri in scores.target if (kind := kind_of(units, iri)) in ("StateOrgan", "Location")
              and (state := state_of(units, iri)) is not None}  # (an organ's or a place's state, read once)
    return TriggerScores(s, trig, scores, _anchored_siblings(s, units, together, best, best_ref),
                         reciprocal(s, trig),
                         is_passive(s, trig, units.lex), pronoun, states, capitals, groups, details,
                         _merged(included_members(s, trig, units.lex, units.article.text),
                                 _both_ways(located_places(s, trig, units.lex, units.article.text))),
                         strikers(units, scores, states, groups),
                         {iri: state for iri, (kind, state) in placed.items() if kind == "StateOrgan"}, barred,
                         {iri: state for iri, (kind, state) in placed.items() if kind == "Location"})


def killed_by_means(units: ArticleUnits, s: SentenceUnit, trig: Trigger, verb: Trigger | None) -> ActorRef | None:
    """The named person between a word of killing and the strike that is its means (مقتل اللواء الإيراني قاسم
    سليماني بقصف أمريكي، قتل الجيش القيادي محمد X بغارة): the strike's target, a targeted killing by a stated actor
    (GUIDELINES §6); None when the killing is no plain word of the lexicon (an attack verb of its own) or names
    nobody of that kind."""
    if verb is None or verb.entry is not None:
        return None
    return next((r for r in s.refs if verb.last <= r.first and r.last <= trig.first
                 and (r.kind == "Official" or (r.kind == "Militia" and group_of(units, r.iri) is not None))), None)


def _merged(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, set[str]]:
    """Two maps of a target to the further targets it brings (listed members, located places), joined."""
    out = {k: set(v) for k, v in a.items()}
    for k, v in b.items():
        out.setdefault(k, set()).update(v)
    return out


def _anchored_siblings(s: SentenceUnit, units: ArticleUnits, together: dict[str, set[str]],
                       best: dict[tuple[str, str], float], best_ref: dict[tuple[str, str], ActorRef | None]
                       ) -> dict[str, set[str]]:
    """The sentence's `siblings` (`together`), but none for an actor whose likeliest mention for the trigger is a
    nisba in no coordination: غارات إسرائيلية … الضغوط على إسرائيل وحماس reads Israel from its nisba, so Hamas,
    coordinated with another mention of Israel, is not split off with it (GUIDELINES §3 splits named conjuncts)."""
    coordinated = {id(r) for g in coordination_groups(s, units.lex, units.article.text) if len(g) > 1 for r in g}
    out = {}
    for iri, group in together.items():
        role = max(ROLES, key=lambda r: best.get((r, iri), -1.0))
        ref = best_ref.get((role, iri))
        if ref is None or id(ref) in coordinated or ref.how != "nisba":
            out[iri] = group
    return out


def _both_ways(located: dict[str, set[str]]) -> dict[str, set[str]]:
    """Owner → places, and each place → its owner: §6 gives both events whichever the linker chose."""
    out = {k: set(v) for k, v in located.items()}
    for owner, places in located.items():
        for place in places:
            out.setdefault(place, set()).add(owner)
    return out


ON_PRONOUNS = frozenset({"عليه", "عليها", "عليهم", "عليهما"})  # (normalised: pressure on him, her, them)
RULE = "rule: "  # (a detail that is a categorical rule's, not the linker's)


def _candidate_detail(cand: Candidate, feats: dict[str, float]) -> str:
    """"«surface» (sentence, slot post0, grammar agent)": where a candidate came from and what word order says."""
    parts = [cand.source]
    for name in ("slot", "grammar"):
        value = next((k.split("=", 1)[1] for k in feats if k.startswith(name + "=") and "&" not in k), None)
        if value is not None:
            parts.append(f"{name} {value}")
    return f"«{cand.ref.surface}» ({', '.join(parts)})"


def explain(ts: TriggerScores, policy: Policy, agent: str | None, target: str | None) -> str:
    """Why an event was read: the trigger's lexicon entry, what chose each participant (the linker's
    probability and the candidate it came from, or the categorical rule that added it), and which mentions of
    the sentence a categorical rule barred from a role (`exclusions.EXCLUSIONS`, by name)."""
    trig = ts.trigger
    entry = trig.entry
    kind = "fixed expression" if trig.phrase else "addressed demand" if trig.addressed is not None else \
        "light verb + noun" if trig.light is not None else (entry.pos if entry is not None else "noun")
    words = ts.sentence.words
    trigger_text = " ".join(w.text for w in words[trig.first:trig.last])
    barred = ", ".join(f"«{surface}» as {role} ({rule})" for (role, surface), rule in sorted(ts.barred.items()))
    return (f"trigger «{trigger_text}»: {trig.action} {kind} of the lexicon; "
            f"agent: {_why_role(ts, 'agent', agent, target)}; target: {_why_role(ts, 'target', target, agent)}"
            + (f"; barred by rule: {barred}" if barred else ""))


def _why_role(ts: TriggerScores, role: str, iri: str | None, other: str | None) -> str:
    table = ts.scores.agent if role == "agent" else ts.scores.target
    if iri is None:
        if role == "agent" and ts.passive:
            return "none (a passive: the text does not say who; GUIDELINES §3)"
        return "none (no candidate was likely enough)"
    top = max(table.items(), key=lambda kv: kv[1], default=(None, 0.0))
    for sibling, group in ts.siblings.items():
        if iri in group and sibling != iri and table.get(sibling, 0.0) > table.get(iri, 0.0):
            return f"coordinated with {sibling.rsplit('/', 1)[-1]} (the split rule, GUIDELINES §3)"
    if ts.reciprocal and other is not None and table.get(iri, 0.0) < top[1] and iri != top[0]:
        return "the other side of a reciprocal exchange (GUIDELINES §2)"
    if role == "agent" and iri == ts.pronoun_subject and table.get(iri, 0.0) < top[1]:
        return "the speaker, as the pronoun subject of the trigger's clause (GUIDELINES §3)"
    if role == "agent" and iri not in table:
        named = next((x for x, st in ts.striker.items() if st == iri and x in table), None)
        if named is not None:  # (وزير الدفاع الإسرائيلي ... سيضرب: Israel strikes for its minister)
            return f"the state or group of the one chosen ({_why_role(ts, role, named, other)}), who does not " \
                "strike himself"
    detail = ts.details.get((role, iri))
    if detail is not None and detail.startswith(RULE):
        return detail.removeprefix(RULE)
    return f"linker p={table.get(iri, 0.0):.2f}" + (f" for {detail}" if detail else "")


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


def decode_article(units: ArticleUnits, scored: list[TriggerScores], policy: Policy, explain_events: bool = False
                   ) -> Extraction:
    """The article's mentions, events (decoded participants with modality, date, sources) and new actors;
    with `explain_events`, each event says why it was read (`explain`)."""
    lex, text, article = units.lex, units.article.text, units.article
    ex = Extraction(article=units.original)
    given = units.original.text  # (the same offsets: surfaces as the article writes them)
    used: set[str] = set()
    for s in units.sentences:
        for ref in s.refs:
            if names_actor(ref):
                abbreviation = abbreviated(s, ref, lex, text)
                for iri in ref.iris:
                    for start, end in ((ref.start, ref.end), *ref.variants, *([abbreviation] if abbreviation else [])):
                        ex.mentions.append(Mention(actor=iri, span=Span(start, end), text=given[start:end]))
                    used.add(iri)
    context: dict[int, tuple] = {}
    dates = find_dates(text, article.date)
    in_events: set[str] = set()
    recorded: dict[tuple[int, str, str | None, str | None, str], int] = {}  # an event's key → its place in ex.events
    decided = [ts.decide(policy) for ts in scored]
    established: tuple[int, str, tuple[str, ...]] | None = None  # the last attack told with its author (sentence,
    # who, whom: every target it struck)
    struck_by: dict[tuple[int, str], str] = {}  # (sentence, target) → the author of the first attack on it told there
    told_as: dict[tuple[int, int], str] = {}  # (sentence, trigger's first word) → the modality it was read with
    for n, ts in enumerate(scored):
        s, trig = ts.sentence, ts.trigger
        pairs = decided[n] or threatened_by_content(units, scored, decided, n, policy)
        anaphoric = trig.core == "Attack" and anaphoric_attack(s, trig, lex)
        if anaphoric and established is not None and established[0] < s.index and claimant(s, trig) is None:
            pairs = _established(s, trig, lex, pairs, established[1:], ts.striker)  # (not تبنت الحركة الهجوم: the
            # one who claims it is its author, whoever the article named before)
        elif trig.core == "Attack" and ts.passive and established is not None and established[0] < s.index:
            pairs = _announced(units, pairs, established[1])
        if trig.core == "Attack":
            pairs = [(struck_by.get((s.index, target), agent) if agent is not None else agent, target)
                     for agent, target in pairs]  # (أعلنت المقاومة استهداف القاعدة، في هجوم هو الثاني: one attack)
            for agent, target in pairs:
                if agent is not None and target is not None:
                    struck_by.setdefault((s.index, target), agent)
        if not pairs:
            continue
        if s.index not in context:
            reported_by, according_to = reporting_chain(s.words, s.refs, lex, text)
            context[s.index] = (reported_by, according_to, conditions(s.words, lex))
        reported_by, according_to, openers = context[s.index]
        mod = modality(s.words, trig, s.triggers, lex, text, openers, tuple((r.first, r.last) for r in s.refs))
        noun = next((t for t in s.triggers if t.last == trig.first and t.core == "Attack" == trig.core
                     and t.entry is not None and t.entry.pos == "noun"), None) \
            if trig.entry is not None and trig.entry.pos == "verb" else None
        if noun is not None and (s.index, noun.first) in told_as:
            mod = told_as[s.index, noun.first]  # (أي هجوم يستهدف قواتها: the verb tells the noun's attack, as the
            # noun tells it: hypothetical here, GUIDELINES §4)
        told_as[s.index, trig.first] = mod
        if anaphoric and mod in ("Planned", "Conditional") and _pointed(s, trig, lex):
            mod = "Asserted"  # (هذه الهجمات لن تمر دون عقاب: the attacks told happened; the threat is of a reply,
            # GUIDELINES §4; a denial or a blame of them keeps its own modality)
        action = _subclass(trig, s.words, lex)
        t_span = Span(s.words[trig.first].start, s.words[trig.last - 1].end)
        others = [Span(s.words[t.first].start, s.words[t.last - 1].end) for t in s.triggers]
        when = event_date(dates, text, t_span, Span(s.start, s.end), mod, others)
        if trig.core == "Attack" and mod == "Asserted" and not anaphoric:
            told = [(agent, target) for agent, target in pairs if agent is not None and target is not None]
            if told:
                established = (s.index, told[0][0], tuple(target for agent, target in told if agent == told[0][0]))
        for agent, target in pairs:
            used.update(x for x in (agent, target) if x)
            in_events.update(x for x in (agent, target) if x)
            key = (s.index, trig.core, agent, target, mod)
            if key in recorded and not (ex.events[recorded[key]].action == trig.core != action):
                continue  # (GUIDELINES §1: the same event twice in one sentence is recorded once, by its finer class)
            recorded[key] = recorded.get(key, len(ex.events))
            event = Event(action=action, trigger=t_span, sentence=Span(s.start, s.end), agent=agent,
                          target=target, modality=mod, date=when.value if when else None,
                          date_precision=when.precision if when else None,
                          date_span=when.span if when else None, reported_by=reported_by,
                          according_to=according_to,
                          why=explain(ts, policy, agent, target) if explain_events else None)
            if recorded[key] < len(ex.events):
                ex.events[recorded[key]] = event  # (غارة إسرائيلية استهدفت: an air strike, not only an attack)
            else:
                ex.events.append(event)
    minted = units.finder.minted
    for s in units.sentences:
        for ref in s.phrases:
            if ref.iri in in_events:  # an open phrase is written only where it takes part in an event
                for start, end in ((ref.start, ref.end), *ref.variants):
                    ex.mentions.append(Mention(actor=ref.iri, span=Span(start, end), text=given[start:end]))
        for ref in (*s.refs, *s.phrases):
            if ref.iri not in in_events or ref.iri not in minted or minted[ref.iri].kind != "Location":
                continue
            described = ref.how == "phrase" or any(k in lex.head_nouns for k, _ in s.words[ref.first].readings)
            # (a place, facility or thing the text describes, not a town a list names bare: يارين والضهيرة)
            spans = description_spans(s, ref, lex, text, left=True) if described else [
                (start, ref.end) for start in [opener_before(s, ref, lex, text)] if start is not None
                and ref.how == "region"]  # (بلدات شمال إسرائيل, not a listed town: بلدات يارين)
            for start, end in spans:  # (its fuller descriptions, §5)
                ex.mentions.append(Mention(actor=ref.iri, span=Span(start, end), text=given[start:end]))
    written = _with_linked(used, units.finder.minted)
    ex.new_actors = [a for iri, a in units.finder.minted.items() if iri in written]
    return ex


def _established(s: SentenceUnit, trig: Trigger, lex: Lexicon, pairs: list[tuple[str | None, str | None]],
                 told: tuple[str, tuple[str, ...]], striker: dict[str, str] | None = None
                 ) -> list[tuple[str | None, str | None]]:
    """An anaphoric attack noun's participants (GUIDELINES §3: a nominal mention of an event whose perpetrator
    the article named takes that agent): the author of the attack told last, for the sentence's speaker (or the
    state or group he speaks for, `striker`: نصر الله قال إن عملية الاغتيال لن تمر is no attack of Hezbollah's)
    or no one; with that author, the target named in this sentence, else that attack's, each it struck (قصفت
    إسرائيل منشأة نطنز ومجمع أصفهان. وقال مسؤول إن الهجوم لم يسبب تسربا: both). A noun after a demonstrative
    (هذا الهجوم) is that very attack, its author and its targets."""
    speaker = s.speaker.iri if s.speaker is not None else None
    voices = {speaker, (striker or {}).get(speaker or "")} - {None}
    named = {iri for r in (*s.refs, *s.phrases) for iri in r.iris}
    author, targets = told
    whole = [(author, target) for target in targets]
    if not pairs:
        return whole
    out: list[tuple[str | None, str | None]] = []
    pointed = _pointed(s, trig, lex)
    for agent, target in pairs:
        if pointed:
            out += whole  # (هذا الهجوم: the very attack told last)
        elif agent is None or agent in voices or agent == author:
            if target in named and target not in voices:
                out.append((author, target))
            else:
                out += whole
        else:
            out.append((agent, target))
    return list(dict.fromkeys(out))


def _pointed(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> bool:
    """Whether an attack noun follows a demonstrative (هذا الهجوم، هذه الضربات): it points at an attack told."""
    return trig.first > 0 and s.words[trig.first - 1].norm.lstrip("و") in lex.particles["demonstratives"]


def _announced(units: ArticleUnits, pairs: list[tuple[str | None, str | None]], author: str
               ) -> list[tuple[str | None, str | None]]:
    """A passive attack a state's voice announces (وأكد مسؤول إسرائيلي أنه تم قصف دبابات, read as the state's)
    after the article named one of that state's organs as the author of the attack told last: that organ
    (GUIDELINES §3: a passive mention of an event whose perpetrator the article names takes that agent).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> from akhbar.kb import label_key
    >>> units = read_units(None, Article("x", "x.txt", "x"), load_kb())
    >>> idf, israel = (units.kb.lookup(label_key(x)) for x in ("الجيش الإسرائيلي", "إسرائيل"))
    >>> _announced(units, [(israel, None)], idf) == [(idf, None)]
    True
    """
    home = state_of(units, author)
    if home is None or home == author:
        return pairs
    return [(author if agent == home else agent, target) for agent, target in pairs]


def threatened_by_content(units: ArticleUnits, scored: list[TriggerScores], decided: list[list[tuple[str | None,
                          str | None]]], n: int, policy: Policy) -> list[tuple[str | None, str | None]]:
    """A threat that names no addressee but whose content is the threatener's own attack (هدد زعيم الحوثيين
    باستهداف السفن الأمريكية، توعد الجيش بقصف مواقع الحركة) warns the one that attack strikes: its target, or for
    a place or a facility (never addressed, GUIDELINES §2) the state it belongs to. In the dev gold, of the
    warnings beside an attack in one sentence, 43 of 87 address the attack's target or its state. Empty when
    the warning has no sure author or no such attack follows it."""
    ts = scored[n]
    if ts.trigger.core != "Warning":
        return []
    agents = sorted(ts.scores.agent.items(), key=lambda kv: (-kv[1], kv[0]))
    if not agents or agents[0][1] < policy.agent:
        return []
    author = agents[0][0]
    own = {author, ts.striker.get(author, author), ts.own_state.get(author, author)}
    for m in range(n + 1, len(scored)):
        other = scored[m]
        if other.sentence is not ts.sentence or other.trigger.core != "Attack":
            continue
        if threat_of(other.sentence, other.trigger, units.lex) is not ts.trigger:
            continue  # (not the content of this threat)
        for agent, target in decided[m]:
            if agent not in own or target is None:
                continue
            addressee = state_of(units, target) if kind_of(units, target) == "Location" else target
            if addressee is not None and addressee not in own:
                return [(author, addressee)]
    return []


def _with_linked(used: set[str], minted: dict[str, NewActor]) -> set[str]:
    """The IRIs used, with every minted actor a used one links to, and so on (the leaders of a group the base
    lacks are memberOf that group: it is written too, or the link would point at a node with no label)."""
    out, todo = set(used), [iri for iri in used if iri in minted]
    while todo:
        for _, obj in minted[todo.pop()].links:
            if obj in minted and obj not in out:
                out.add(obj)
                todo.append(obj)
    return out


def extract(doc: Doc | None, article: Article, kb: KnowledgeBase, model: LinkerModel | None = None,
            explain_events: bool = False) -> Extraction:
    """Read one analysed article (`doc` may be None: no parse) with the shipped linker or `model`; with
    `explain_events`, every event carries why it was read."""
    model = model or load_linker()
    units = read_units(doc, article, kb, load_lexicon())
    ex = decode_article(units, score_article(units, model), model.policy, explain_events)
    ex.outlet = kb.outlet(article.outlet) if article.outlet else None
    if article.date_from == "dateline":
        ex.date_span = dateline_span(article.text, article.date)
    return ex

