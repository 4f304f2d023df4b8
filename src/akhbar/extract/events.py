"""Triggers, arguments and modality of events in one sentence.

Triggers come from the lexicon (verbs by form, verbal nouns, light-verb phrases, fixed expressions).
Arguments are read from the dependency parse when it links the trigger to an actor mention, and
otherwise from word-order patterns that survive the parser's errors: VSO/SVO subjects and objects,
adjectival agents (الغارات الإسرائيلية), genitives (هجمات الحوثيين / استهداف أربيل), prepositional targets
(على، ضد، لـ، من), relative clauses (الغارات التي نفذها X), light-verb subjects and pronoun subjects of
complement clauses (أكد X أنه هاجم). Modality comes from cue words around the trigger.
"""

from __future__ import annotations

from dataclasses import dataclass

from akhbar.extract.actors import ActorRef
from akhbar.extract.lexicon import Lexicon, TriggerEntry, candidates
from akhbar.extract.text import Word

CORE = {"Warning": "Warning", "Threat": "Warning", "Attack": "Attack", "AirStrike": "Attack", "DroneAttack": "Attack",
        "MissileStrike": "Attack", "RocketFire": "Attack", "Shelling": "Attack", "TargetedKilling": "Attack",
        "Pressure": "Pressure", "Demand": "Pressure"}
MAX_ARG_DISTANCE = 8


# What the article told last, per core action ("Attack", "Warning", "Pressure") and "speaker":
# (agents, targets); anaphoric event nouns and figurative warnings read it.
Memory = dict[str, tuple[list[ActorRef], list[ActorRef]]]
PERSONS_AND_BODIES = ("Militia", "Official", "StateOrgan", "Organization", "MediaOutlet")


def compatible(a: str, b: str) -> bool:
    """Whether two mentions can be coordinated as participants (a place does not join an armed group)."""
    return not ((a == "Location" and b in PERSONS_AND_BODIES) or (b == "Location" and a in PERSONS_AND_BODIES))


@dataclass
class Trigger:
    """A trigger word (or phrase) of an action in a sentence."""

    first: int
    last: int
    action: str
    entry: TriggerEntry | None
    light: int | None = None  # word index of the light verb that carries this noun
    phrase: bool = False
    addressed: int | None = None  # word index of the emphasis verb of an addressed demand (أكد لـ X ضرورة)

    @property
    def core(self) -> str:
        """Warning, Attack or Pressure."""
        return CORE[self.action]


def find_triggers(words: list[Word], lex: Lexicon, text: str) -> list[Trigger]:
    """Trigger words and phrases of a sentence, left to right."""
    out: list[Trigger] = []
    taken: set[int] = set()
    index = lex.phrase_index
    for i in range(len(words)):
        norm = words[i].norm
        bare = norm.lstrip("وف")
        if norm not in index and bare not in index:
            continue  # (most words: no phrase starts with them)
        for pos in candidates(index, (norm, bare)):
            phrase, action = lex.phrases[pos]
            n = len(phrase)
            if tuple(w.norm for w in words[i:i + n]) == phrase or (
                    i + n <= len(words) and words[i].norm.lstrip("وف") == phrase[0]
                    and tuple(w.norm for w in words[i + 1:i + n]) == phrase[1:]):
                out.append(Trigger(i, i + n, action, None, phrase=True))
                taken.update(range(i, i + n))
                break
    for i, w in enumerate(words):
        if i in taken:
            continue
        if w.norm in lex.light_verbs:
            for k in range(i + 1, min(i + 1 + lex.light_window, len(words))):
                e = lex.noun_triggers.get(words[k].norm)  # وجهت ضربة: after a light verb, a noun
                if e and _needs_ok(words, k, e, lex):
                    out.append(Trigger(k, k + 1, e.action, e, light=i))
                    taken.update((i, k))
                    break
            if i in taken:
                continue
        e = lex.triggers.get(w.norm)
        if e is None or not _needs_ok(words, i, e, lex):
            continue
        if e.pos == "verb" and i > 0 and words[i - 1].norm in lex.particles["relative_what"]:
            continue  # "ما يلزم": a relative clause, not an act
        out.append(Trigger(i, i + 1, e.action, e))
        taken.add(i)
    for action, verbs, nouns, window in lex.addressed:
        for i, w in enumerate(words):
            if i in taken or w.norm not in nouns:
                continue
            for v in range(i - 1, max(-1, i - 1 - window), -1):
                if words[v].norm in verbs or words[v].norm.lstrip("و") in verbs:
                    out.append(Trigger(i, i + 1, action, None, addressed=v))
                    taken.add(i)
                    break
    out.sort(key=lambda t: t.first)
    # an instrument noun right after a verb of the same action is that verb's (استهدفت بقصف جوي)
    verbs = [t for t in out if t.entry is not None and t.entry.pos == "verb"]
    return [t for t in out if not (
        t.entry is not None and t.entry.pos == "noun" and words[t.first].norm.startswith("ب")
        and any(v.core == t.core and 0 < t.first - v.first <= 2 for v in verbs))]


def _needs_ok(words: list[Word], i: int, e: TriggerEntry, lex: Lexicon) -> bool:
    if e.needs:
        window = words[i + 1:i + 1 + max(e.needs_window, 1)]
        ok = any(w.norm in e.needs or w.key in e.needs or any(len(n) == 1 and w.norm.startswith(n) for n in e.needs)
                 for w in window)
        if not ok:
            return False
    if e.requires_weapon:
        window = words[i + 1:i + 5]
        if not any(w.norm.lstrip("وب") in lex.weapons or w.key in lex.weapons for w in window):
            return False
    return True


class SentenceLinker:
    """Links the triggers of one sentence to the actor mentions around them."""

    def __init__(self, words: list[Word], refs: list[ActorRef], triggers: list[Trigger], lex: Lexicon,
                 text: str, deps: dict[int, list[tuple[str, int]]] | None = None,
                 passives: set[int] | None = None, capitals: frozenset[str] = frozenset()) -> None:
        self.words = words
        self.refs = refs
        self.triggers = triggers
        self.lex = lex
        self.text = text
        self.deps = deps or {}
        self.passives = passives or set()
        self.capitals = capitals
        self.weak_agent = False  # set by args(): the agent came from a last-resort guess
        self.we: ActorRef | None = None  # who "we" is in this sentence (its speaker, or the last one)
        self.ref_at: dict[int, ActorRef] = {}
        for r in refs:
            for k in range(r.first, r.last):
                self.ref_at[k] = r
        self.trigger_at = {k: t for t in triggers for k in range(t.first, t.last)}
        self._breaks_before = [0]  # clause breaks after words[0:k], for `breaks` in constant time
        for w in words:
            self._breaks_before.append(self._breaks_before[-1] + w.breaks_after)

    # ---- small helpers -------------------------------------------------------------------------------
    def gap(self, a: int, b: int) -> str:
        """The text between word a and word b (a < b)."""
        if b == a + 1:
            return self.words[a].gap_after
        return self.text[self.words[a].end:self.words[b].start]

    def breaks(self, a: int, b: int) -> bool:
        """True if a clause break (full stop, colon, semicolon) lies between words a and b."""
        lo, hi = min(a, b), max(a, b)
        counts = self._breaks_before
        return counts[min(hi, len(self.words))] > counts[lo]

    def skippable(self, k: int) -> bool:
        """Adverbs, particles and time words that may stand between a verb and its arguments."""
        w = self.words[k]
        return w.norm in self.lex.skip_words or w.key in self.lex.skip_words or w.norm.isdigit()

    def coordinated(self, ref: ActorRef, forward: bool = True) -> list[ActorRef]:
        """The ref and the refs coordinated with it by و or a comma list (موسكو والقرم، قندهار وبكتيا)."""
        group = [ref]
        cur = ref
        while True:
            nxt = self.ref_at.get(cur.last) if forward else self.ref_at.get(cur.first - 1)
            disjunct = False
            plural = self.words[cur.last].key if cur.last < len(self.words) else ""
            plural_heads = self.lex.heads["place_plural"]
            if nxt is None and forward and cur.last + 1 < len(self.words) \
                    and (plural in plural_heads or (plural.startswith("و") and plural[1:] in plural_heads)):
                # "كابل ولايات قندهار وبكتيا": a plural place noun introduces more named places
                nxt = self.ref_at.get(cur.last + 1)
                disjunct = nxt is not None and nxt.first == cur.last + 1
            if nxt is None and forward:
                # "على إسرائيل او على القواعد": a disjunction repeats the preposition
                k = cur.last
                if k < len(self.words) and self.words[k].norm in self.lex.particles["disjunction"]:
                    k += 1
                    if k < len(self.words) and self.words[k].norm in self.lex.target_preps["any"]:
                        k += 1
                    nxt = self.ref_at.get(k)
                    disjunct = nxt is not None and nxt.first == k
            if nxt is None or nxt is cur:
                break
            first = nxt if forward else cur
            second_word = self.words[first.first]
            conj = second_word.norm.startswith("و") and first.start > second_word.start  # the و is a clitic
            joined = disjunct or (conj and not self.gap(first.first - 1, first.first).strip(" ،,"))
            if not joined or not compatible(cur.kind, nxt.kind):
                break
            after = first.last
            if forward and after in self.trigger_at and self.trigger_at[after].entry is not None \
                    and self.trigger_at[after].entry.pos == "verb":
                break  # "... والدعم السريع يهاجم": a new clause, not a coordinated participant
            group.append(nxt)
            cur = nxt
        return group

    def ref_after(self, k: int, limit: int = MAX_ARG_DISTANCE, stop_at_trigger: bool = True) -> ActorRef | None:
        """First actor mention starting after word k within `limit` words, in the same clause."""
        for j in range(k + 1, min(len(self.words), k + 1 + limit)):
            if self.breaks(k, j) or any(c in "،," for c in self.gap(j - 1, j)) \
                    or self.words[j].norm.lstrip("و") in self.lex.particles["condition"]:
                return None
            if j in self.ref_at:
                return self.ref_at[j]
            if stop_at_trigger and j in self.trigger_at and self.trigger_at[j].entry \
                    and self.trigger_at[j].entry.pos == "verb":
                return None
        return None

    def ref_before(self, k: int, limit: int = 4) -> ActorRef | None:
        """Nearest actor mention ending before word k, only skipping particles and adverbs (not a comma)."""
        j = k - 1
        while j >= 0 and k - j <= limit:
            if self.breaks(j, k) or any(c in "،," for c in self.gap(j, j + 1)):
                return None
            if j in self.ref_at:
                return self.ref_at[j]
            if not self.skippable(j):
                return None
            j -= 1
        return None

    def adjacent_ref(self, k: int, skip: bool = True, instruments: bool = False) -> ActorRef | None:
        """The actor mention starting right after word k (skipping adverbs, and instruments if allowed)."""
        j = k + 1
        while j < len(self.words):
            if self.gap(j - 1, j).strip(" \"“”«»'‘’"):
                return None
            if j in self.ref_at:
                return self.ref_at[j]
            if not (skip and (self.skippable(j) or (instruments and self.instrument(j)))):
                return None
            j += 1
        return None

    def instrument(self, j: int) -> bool:
        """A "by means of" word (بقصف جوي، بطائرات مسيرة، بصواريخ) or an adjective right after one."""
        w = self.words[j]
        if w.norm.startswith("ب") and (w.norm in self.lex.noun_triggers or w.norm[1:].removeprefix("ال") in
                                       self.lex.weapons or w.norm[1:] in self.lex.weapons):
            return True
        prev = self.words[j - 1] if j > 0 else None
        return prev is not None and self.instrument_head(prev) and w.norm.endswith(("ي", "يه", "ه")) \
            and not w.norm.startswith("ال") == (not prev.norm[1:].startswith("ال"))

    def instrument_head(self, w: Word) -> bool:
        """Whether a word is a ب-instrument noun."""
        return w.norm.startswith("ب") and (w.norm in self.lex.noun_triggers
                                           or w.norm[1:].removeprefix("ال") in self.lex.weapons
                                           or w.norm[1:] in self.lex.weapons)

    def pronoun_subject(self, t: int) -> ActorRef | None:
        """أكد الجيش الإسرائيلي أنه هاجم → the subject of the reporting verb before أنه.

        When the reporting verb itself has no explicit subject (وذكرت أنها ...), its subject is the
        sentence's first actor; otherwise the nearest actor before the complementiser.
        """
        for j in range(t - 1, max(-1, t - 7), -1):
            if self.words[j].norm in self.lex.pronoun_complementisers:
                prev = self.words[j - 1] if j > 0 else None
                if prev is not None and j - 1 not in self.ref_at and \
                        (prev.norm in self.lex.claim_verbs or prev.norm.lstrip("وف") in self.lex.reporting_verbs
                         or prev.norm in self.lex.reporting_verbs):
                    firsts = [r for r in self.refs if r.first < j and r.kind != "MediaOutlet"]
                    return firsts[0] if firsts else None
                for m in range(j - 1, max(-1, j - 8), -1):
                    w = self.words[m]
                    if w.norm.lstrip("وف") in self.lex.reporting_verbs or w.norm in self.lex.claim_verbs:
                        said = self.adjacent_ref(m)  # "وقالت كتائب القسام، الجناح العسكري لحماس، إنها"
                        if said is not None and said.first < j and said.kind != "MediaOutlet":
                            return said
                        break
                for m in range(j - 1, max(-1, j - 8), -1):
                    if m in self.ref_at and self.ref_at[m].kind != "MediaOutlet":
                        return self.ref_at[m]
                return None
        return None

    def earlier_verb(self, v: int) -> bool:
        """Whether a verb of saying, claiming or acting comes earlier in the sentence than word v."""
        for w in self.words[:v]:
            n = w.norm.lstrip("وف")
            e = self.lex.triggers.get(w.norm)
            if n in self.lex.reporting_verbs or w.norm in self.lex.claim_verbs or n in self.lex.denial_verbs \
                    or (e is not None and e.pos == "verb") or w.norm in self.lex.light_verbs:
                return True
        return False

    def sentence_subject(self, before: int) -> ActorRef | None:
        """The first person, state, organ or group named in the sentence before word `before`."""
        for r in self.refs:
            if r.first >= before:
                return None
            if r.kind not in ("Location", "MediaOutlet") and r.how != "nisba":
                return r
        return None

    def speaker(self) -> tuple[bool, ActorRef | None]:
        """(has a verb of saying, its subject): who speaks in the sentence."""
        for j, w in enumerate(self.words):
            if w.norm in self.lex.reporting_verbs or w.norm.lstrip("وف") in self.lex.reporting_verbs \
                    or w.norm in self.lex.claim_verbs:
                r = self.adjacent_ref(j) or self.ref_before(j)
                if r is not None and r.kind not in ("Location", "MediaOutlet"):
                    return True, r
                return True, None
        return False, None

    def fallback_agent(self, trig: Trigger, targets: list[ActorRef]) -> list[ActorRef]:
        """Agent of last resort: the nearest actor before the trigger in the sentence (not a target or outlet),
        a named actor before an adjective one."""
        for allow_nisba in (False, True):
            for j in range(trig.first - 1, -1, -1):
                r = self.ref_at.get(j)
                if r is None or r in targets or r.kind == "MediaOutlet" or (r.how == "nisba" and not allow_nisba):
                    continue
                if r.kind == "Location" and r.iri not in self.capitals:
                    continue  # a place is no author, but a capital stands for its state
                if r.first > 0 and self.words[r.first - 1].norm in self.lex.particles["source_markers"]:
                    continue  # "نقل الموقع عن مسؤولين": sources, not actors
                return self.coordinated(r, forward=False)[::-1]
        return []

    def condemned(self, trig: Trigger) -> bool:
        """Whether the event noun is what someone condemns (تدين بشدة الهجوم): the condemner is not its author."""
        for j in range(trig.first - 1, max(-1, trig.first - 4), -1):
            if self.words[j].norm.lstrip("وف") in self.lex.particles["condemnation"]:
                return True
        return False

    def undergoer(self, trig: Trigger) -> ActorRef | None:
        """تعرض X لهجمات / X تعرضت للقصف → X is the target."""
        for j in range(trig.first - 1, max(-1, trig.first - 5), -1):
            w = self.words[j]
            if w.norm in self.lex.undergo_verbs or w.norm.lstrip("وف") in self.lex.undergo_verbs:
                for m in range(j + 1, trig.first):
                    if m in self.ref_at:
                        return self.ref_at[m]
                return self.ref_before(j, limit=3)
        return None

    def claim_subject(self, t: int) -> ActorRef | None:
        """أعلنت ميليشيات عراقية ... استهداف قاعدة → the subject of a claim verb before a verbal noun."""
        for j in range(t - 1, max(-1, t - 8), -1):
            w = self.words[j]
            if w.norm in self.lex.claim_verbs or w.norm.lstrip("وف") in self.lex.claim_verbs:
                after = self.adjacent_ref(j)
                if after and after.first < t:
                    return after if after.kind != "MediaOutlet" else None
                before = self.ref_before(j)
                return before if before is not None and before.kind != "MediaOutlet" else None
            if self.breaks(j, t):
                return None
        return None

    def denial_subject(self, t: int) -> ActorRef | None:
        """نفت قوات الدعم السريع مسؤوليتها عن الهجوم → the denier is the (denied) author of the attack."""
        for j in range(t - 1, max(-1, t - 9), -1):
            if self.breaks(j, t):
                return None
            if self.words[j].norm.lstrip("وف") in self.lex.denial_verbs:
                r = self.adjacent_ref(j) or self.ref_before(j)
                return r if r is not None and r.kind not in ("Location", "MediaOutlet") else None
        return None

    def relative_target(self, t: int) -> ActorRef | None:
        """الغارات الإسرائيلية التي استهدفت مطار حلب → the relative clause's object is the target."""
        for j in range(t + 1, min(len(self.words), t + 4)):
            w = self.words[j]
            if w.norm in self.lex.particles["relative_pronouns"]:
                continue
            e = self.lex.triggers.get(w.norm)
            if e is not None and e.pos == "verb" and not w.norm.endswith(("ها", "ه", "هم")):
                return self.adjacent_ref(j)
            if j in self.ref_at or j > t + 2:
                return None
        return None

    def relative_agent(self, t: int) -> ActorRef | None:
        """الغارات التي نفذها سلاح الجو / هجمات نفذتها قوات الدعم السريع → the relative clause's subject."""
        for j in range(t + 1, min(len(self.words), t + 4)):
            w = self.words[j]
            if w.norm in self.lex.particles["relative_pronouns"]:
                continue
            if w.norm in self.lex.light_verbs or w.norm in self.lex.claim_verbs or \
                    (self.lex.triggers.get(w.norm) and self.lex.triggers[w.norm].pos == "verb"):
                if not w.norm.endswith(("ها", "ه", "هم")) and w.norm not in self.lex.light_verbs:
                    return None  # "الغارات التي استهدفت X": the raids are the subject, X the target
                return self.adjacent_ref(j)
            if j not in self.ref_at:
                continue
            break
        return None

    # ---- arguments -----------------------------------------------------------------------------------
    def verb_args(self, trig: Trigger, verb_index: int) -> tuple[list[ActorRef], list[ActorRef]]:
        """Agent and target of a verbal trigger (or of the light verb carrying a noun)."""
        v = verb_index
        agents: list[ActorRef] = []
        targets: list[ActorRef] = []
        after = self.adjacent_ref(v)
        before = self.ref_before(v)
        if before is not None and before.how == "nisba":
            before = None  # "الأراضي العراقية لشن": an adjective is not a subject
        if before is not None and before.first > 0 and before.first - 1 not in self.ref_at:
            prev = self.words[before.first - 1]
            if prev.norm in self.lex.particles["prepositions"] or \
                    (prev.norm.startswith(("ب", "ل")) and prev.norm[1:] in self.lex.particles["locatives"]):
                before = None  # "... بشمال العراق استهدفت": inside a prepositional phrase, not a subject
        if trig.light is not None:
            inner = [r for r in self.refs if v < r.first and r.last <= trig.first]
            if inner:
                # "شن إيران هجمات", "شنت طائرات أمريكية وبريطانية غارات": the actors between light verb and
                # noun are its subjects
                return self.coordinated(inner[0]), self.prep_target(trig.last - 1, trig.core)
        _, dep_target = self.dep_args(v)
        pron = self.pronoun_subject(v)
        if trig.entry is not None and trig.entry.first_plural and trig.light is None and self.we is not None:
            # لقد حذرنا إيران: "we" is the speaker; the object follows the verb
            obj = self.adjacent_ref(v)
            targets = self.coordinated(obj) if obj else self.prep_target(v, trig.core)
            return [self.we], targets
        if v in self.passives:
            # قُصفت دمشق / الناقلة أُصيبت: the subject is the target; an agent only with من قبل
            target = after or before
            agent = None
            for j in range(v + 1, min(len(self.words) - 1, v + 8)):
                if (self.words[j].norm, self.words[j + 1].norm) == self.lex.agent_marker:
                    agent = self.ref_after(j + 1, limit=3)
                    break
            return ([agent] if agent else []), (self.coordinated(target) if target else [])
        conjoined = self.words[v].norm.startswith(("و", "ف")) and trig.light is None
        if conjoined and before is not None and before.first > 0 and self.sentence_subject(v) is not before:
            before = None  # "... صالح العاروري وتوعد": a new verb after و does not take the object before it
        if conjoined and v > 0 and before is None and pron is None and self.earlier_verb(v):
            subject = self.sentence_subject(v)
            if subject is not None:
                before = subject  # "نفت قوات الدعم السريع ...، وحذرت الجيش": the first subject goes on
        if before is None and pron is None and after is None and conjoined:
            subject = self.sentence_subject(v)
            if subject is not None:
                before = subject  # "علق نصر الله ... وتوعد": a conjoined verb shares the first subject
        if before is not None:
            agents = list(reversed(self.coordinated(before, forward=False)))
        elif pron is not None:
            agents = [pron]
        elif after is not None:
            agents = self.coordinated(after)
        # (the parse's nsubj is not used: as first source it lowered dev F1, as last resort it named objects
        # such as "كلّ الدول" in "طالب القرار كلّ الدول" as subjects)
        anchor = max([a.last - 1 for a in agents if a.first > v] + [trig.last - 1 if trig.light is None else v])
        if trig.light is not None:
            anchor = max(anchor, trig.last - 1)
        obj = self.adjacent_ref(anchor, instruments=trig.core == "Attack")
        agent_iris = {i for a in agents for i in a.iris}
        if obj is not None and not set(obj.iris) & agent_iris:
            targets = self.coordinated(obj)
        else:
            targets = self.prep_target(anchor, trig.core)
        if not targets and dep_target is not None and not set(dep_target.iris) & agent_iris:
            targets = self.coordinated(dep_target)
        if not targets and trig.light is None and self.object_pronoun(v):
            # "إذا هاجمتها طهران": the pronoun object is the last actor named before the verb
            for j in range(v - 1, -1, -1):
                r = self.ref_at.get(j)
                if r is not None and not set(r.iris) & agent_iris and r.kind != "MediaOutlet":
                    targets = [r]
                    break
        return agents, targets

    def object_pronoun(self, v: int) -> bool:
        """Whether the verb at v carries an object pronoun (هاجمتها، استهدفه، قصفهم)."""
        w = self.words[v].norm
        for suffix in ("هما", "هم", "ها", "ه"):
            if w.endswith(suffix) and w[: -len(suffix)] in self.lex.triggers:
                return self.lex.triggers[w[: -len(suffix)]].pos == "verb"
        return False

    def prep_target(self, k: int, core: str) -> list[ActorRef]:
        """A target introduced by a preposition after word k (على X، ضد X، لـX، من X)."""
        preps = self.lex.target_preps[core]
        for j in range(k + 1, min(len(self.words), k + 1 + MAX_ARG_DISTANCE)):
            if self.breaks(k, j):
                return []
            w = self.words[j]
            if w.norm.lstrip("و") in self.lex.particles["condition"]:
                return []  # "... في حال شنت الولايات المتحدة": another clause begins
            other = self.trigger_at.get(j)
            if other is not None and j != k and (core != "Attack" or (other.entry and other.entry.pos == "verb")):
                return []  # "حذر من أن استمرار العدوان على غزة": the target of the aggression is not the warned
            if w.norm in preps or w.norm in self.lex.target_preps["any"]:
                if w.norm == "من" and core == "Warning" and j - k > 2:
                    continue  # "بعد ساعات من تهديد ...": only "حذر (X) من Y" names whom the warning is about
                # "حذر من تباطؤ النمو في مصر" is about a danger, not about Egypt: what is warned about follows من
                r = self.ref_after(j, limit=2 if (w.norm == "من" and core == "Warning") else 4)
                if r:
                    return self.coordinated(r)
                continue
            if j in self.ref_at:
                r = self.ref_at[j]
                if (w.norm[:1] in ("ل", "ب") and "ل" in preps) or self.words[j - 1].norm in preps \
                        or self.words[j - 1].norm in self.lex.generic_targets \
                        or self.words[j - 1].key in self.lex.generic_targets:
                    return self.coordinated(r)
                between = self.text[self.words[k].end:self.words[j].start]
                adjacent_object = not any(c in "،,.:؛" for c in between) and not w.norm.startswith(("و", "ال"))
                if core == "Attack" and r.kind == "Location" and j - k <= 4:
                    return self.coordinated(r)  # "قصفت قوات النظام قرية كفرنبل": a place is what is struck
                if r.how == "nisba" and j - k <= 3 and core == "Attack" and \
                        (self.words[j - 1].norm in self.lex.generic_targets
                         or self.words[j - 1].key in self.lex.generic_targets or adjacent_object):
                    return self.coordinated(r)  # "هاجم مواقع إسرائيلية": generic sites of X are X
                if core == "Attack" and (self.words[j - 1].norm in ("في", "عسكريه", "عسكري")
                                         or self.words[j - 1].norm.lstrip("و") in self.lex.target_introducers):
                    return self.coordinated(r)
                return []
        return []

    def noun_args(self, trig: Trigger) -> tuple[list[ActorRef], list[ActorRef]]:
        """Agent and target of a verbal noun (هجوم، غارة، تحذير، ضغوط)."""
        t = trig.last - 1
        entry = trig.entry
        agents: list[ActorRef] = []
        targets: list[ActorRef] = []
        k = t
        # adjectives right after the noun: الهجمات الصاروخية الإيرانية، هجمات انتقامية إسرائيلية
        nisba_agent = None
        for j in range(t + 1, min(len(self.words), t + 4)):
            if self.gap(j - 1, j).strip():
                break
            r = self.ref_at.get(j)
            w = self.words[j]
            definite = self.words[t].norm.startswith(("ال", "وال", "فال", "بال", "لل", "ولل"))
            if w.norm.startswith("ال") != definite and not (r is not None and r.how == "nisba"
                                                            and w.norm.startswith("ال") == definite):
                break  # an adjective agrees in definiteness ("الضربات على العمق الروسي" has none)
            if r is not None:
                if r.how == "nisba":
                    nisba_agent = r
                    k = r.last - 1
                break
            if w.norm in self.lex.particles["prepositions"] or not w.norm.endswith(("يه", "ي", "ه", "يا", "ين", "ون")):
                break
        genitive = None
        if nisba_agent is None:
            r = self.ref_at.get(t + 1)
            if r is not None and not self.gap(t, t + 1).strip():
                if not self.words[t + 1].norm.startswith(("ل", "ب")):
                    genitive = r
                    k = r.last - 1
                elif self.words[t + 1].norm.startswith("ل") and trig.core == "Attack" \
                        and not (entry and entry.transitive_noun):
                    # هجوماً للحوثيين على السفن: the possessive lam names the attacker when a target follows
                    follow = self.prep_target(r.last - 1, trig.core)
                    if follow:
                        return self.coordinated(r), follow
        if nisba_agent is not None:
            agents = [nisba_agent]
        elif (self.words[t].norm.endswith(("ها", "هم", "هما")) and self.words[t].norm[:-2] not in self.lex.triggers) \
                or (self.words[t].norm.endswith("ها") and self.words[t].norm[:-2] in self.lex.triggers):
            # تهديداتها: the possessor is the last actor named before
            for j in range(t - 1, -1, -1):
                r = self.ref_at.get(j)
                if r is not None and r.kind != "MediaOutlet":
                    agents = [r]
                    break
        if genitive is not None:
            transitive = bool(entry and entry.transitive_noun)
            nxt = self.ref_at.get(genitive.last)
            follow = self.coordinated(nxt) if transitive and nxt is not None \
                and self.words[nxt.first].norm.startswith("ل") else []
            if transitive and not follow:
                targets = self.coordinated(genitive)
            else:
                agents = self.coordinated(genitive)
                targets = follow
        if not agents:
            rel = self.relative_agent(k)
            if rel:
                agents = self.coordinated(rel)
        if not agents and trig.light is not None:
            agents, light_targets = self.verb_args(trig, trig.light)
            if not targets:
                targets = [r for r in light_targets if r not in agents]
        if not agents:
            denier = self.denial_subject(trig.first)
            if denier is not None:
                return [denier], targets or self.prep_target(k, trig.core)
            claim = self.claim_subject(trig.first)
            if claim:
                agents = self.coordinated(claim, forward=claim.first > trig.first)
                if claim.first < trig.first:
                    agents = agents[::-1]
        if not targets and trig.core == "Attack":
            rel = self.relative_target(k)
            if rel is not None:
                targets = self.coordinated(rel)
        if not targets:
            after_agents = [a.last - 1 for a in agents if a.first > t]
            targets = self.prep_target(max([k, *after_agents]), trig.core)
        return agents, targets

    def dep_args(self, v: int) -> tuple[ActorRef | None, ActorRef | None]:
        """Subject and object mentions linked to word v by the dependency parse (nsubj, obj)."""
        agent = target = None
        for rel, head_word in self.deps.get(v, []):
            ref = self.ref_at.get(head_word)
            if ref is None:
                continue
            if rel.startswith("nsubj") and rel != "nsubj:pass" and agent is None:
                agent = ref
            elif rel in ("obj", "iobj") and target is None:
                target = ref
        return agent, target

    def args(self, trig: Trigger, memory: Memory | None = None
             ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Agents and targets of a trigger, by its part of speech, with fallbacks.

        `memory` holds the last event read per core action; an anaphoric noun (الهجوم، هذه الضربة)
        takes its missing participants from there.
        """
        if trig.phrase:
            return self.phrase_args(trig, memory)
        if trig.addressed is not None:
            return self.addressed_args(trig)
        if trig.entry is not None and trig.entry.pos == "verb":
            agents, targets = self.verb_args(trig, trig.first)
        else:
            agents, targets = self.noun_args(trig)
            if memory and trig.core in memory and self.demonstrative(trig):
                agents, targets = memory[trig.core]  # هذا الهجوم: the attack just told
            elif memory and trig.core == "Attack" and trig.core in memory and self.anaphoric(trig):
                old_agents, old_targets = memory[trig.core]
                same = not targets or bool({i for t in targets for i in t.iris} & {i for t in old_targets
                                                                                  for i in t.iris})
                if not agents and old_agents and same and not any(o in targets for o in old_agents):
                    agents = old_agents
                if not targets and old_targets and not any(o in agents for o in old_targets):
                    targets = old_targets
        if not targets and trig.core == "Attack" and self.responded_to(trig):
            responder = self.sentence_subject(trig.first)
            if responder is not None and not set(responder.iris) & {i for a in agents for i in a.iris}:
                targets = [responder]  # "ردا على هجومها": the attack answered was aimed at the responder
        und = self.undergoer(trig)
        if und is not None and trig.core == "Attack":
            if und in agents:
                agents = [a for a in agents if a is not und]
            targets = self.coordinated(und)
        if not targets and trig.core == "Pressure":
            targets = self.stop_target(trig)
        if not agents:
            agents = self.content_agent(trig, targets)
        self.weak_agent = False
        passive = trig.entry is not None and trig.entry.pos == "verb" and trig.first in self.passives
        if not agents and not passive and not self.condemned(trig):
            agents = self.fallback_agent(trig, targets)
            # a guess, unless it stands right before the trigger (طائرات أمريكية وبريطانية غارات)
            close = bool(agents) and trig.first == agents[-1].last and \
                not any(c in "،,.:؛" for c in self.text[self.words[agents[-1].last - 1].end:
                                                        self.words[trig.first].start])
            self.weak_agent = not close
        if not targets and trig.core == "Warning":
            targets = self.attacker_target(trig, agents)
        target_iris = {i for t in targets for i in t.iris}
        agents = [a for a in agents if not set(a.iris) & target_iris]
        return agents, targets

    def addressed_args(self, trig: Trigger) -> tuple[list[ActorRef], list[ActorRef]]:
        """أكد وزير الخارجية لنظيره الأمريكي ضرورة وقف التصعيد: the speaker presses the addressee (لـ X)."""
        v = trig.addressed if trig.addressed is not None else trig.first
        addressee = [r for r in self.refs if v < r.first < trig.first
                     and (self.words[r.first].norm.startswith("ل") or self.words[r.first - 1].norm.startswith("ل"))
                     and r.first - 1 != v]
        if not addressee:
            return [], []  # an emphasis with no addressee is a statement, not a demand
        speaker = self.adjacent_ref(v) or self.ref_before(v) or self.we or self.pronoun_subject(v)
        if speaker is None or speaker is addressee[0]:
            return [], []
        return [speaker], self.coordinated(addressee[0])

    def attacker_target(self, trig: Trigger, agents: list[ActorRef]) -> list[ActorRef]:
        """A warning with no addressee is aimed at the author of the attack the sentence names
        (حذر من أي هجوم تركي، توعد ... على اغتيال إسرائيل لـ ...)."""
        agent_iris = {i for a in agents for i in a.iris}
        best: list[ActorRef] = []
        distance = 99
        for other in self.triggers:
            if other.core != "Attack" or other.entry is None or other.entry.pos != "noun":
                continue
            attackers, _ = self.noun_args(other)
            agent_states = {st for a in agents for st in a.states if st} | agent_iris
            attackers = [a for a in attackers if not set(a.iris) & agent_iris
                         and not {st for st in a.states if st} & agent_states]
            if attackers and abs(other.first - trig.first) < distance and abs(other.first - trig.first) <= 15:
                best, distance = attackers, abs(other.first - trig.first)
        return best

    def stop_target(self, trig: Trigger) -> list[ActorRef]:
        """دعا المجلس إلى وقف هجمات الحوثيين → the party asked to stop is the target of the pressure."""
        for other in self.triggers:
            if other.core == "Attack" and 0 < other.first - trig.last < 10 and other.entry is not None \
                    and other.entry.pos == "noun":
                agents, _ = self.noun_args(other)
                if agents:
                    return agents
        return []

    def responded_to(self, trig: Trigger) -> bool:
        """Whether the event noun is what a response answers (ردا على الهجوم، ستردّ على الهجوم)."""
        window = [w.norm for w in self.words[max(0, trig.first - 3):trig.first]]
        return any(w.startswith(tuple(self.lex.particles["response_prefixes"])) for w in window) and \
            bool(self.lex.target_preps["any"] & set(window))

    def demonstrative(self, trig: Trigger) -> bool:
        """An event noun after a demonstrative (هذا الهجوم، هذه الضغوط)."""
        return trig.first > 0 and trig.light is None and \
            self.words[trig.first - 1].norm.lstrip("و") in self.lex.particles["demonstratives"]

    def anaphoric(self, trig: Trigger) -> bool:
        """A definite or demonstrative event noun (الهجمات، هذه الضربة) that may refer back."""
        w = self.words[trig.first]
        if trig.light is not None:
            return False
        if w.norm.startswith(("ال", "وال", "فال", "بال", "لل", "ولل")):
            return True
        return trig.first > 0 and self.words[trig.first - 1].norm.lstrip("و") in self.lex.particles["demonstratives"]

    def content_agent(self, trig: Trigger, targets: list[ActorRef]) -> list[ActorRef]:
        """حذرت واشنطن إيران من شن هجوم → the warned party is the would-be attacker."""
        if trig.core != "Attack":
            return []
        for other in self.triggers:
            if other.core in ("Warning", "Pressure") and other.first < trig.first and trig.first - other.first <= 12 \
                    and other.entry is not None and other.entry.pos == "verb":
                _, warned = self.verb_args(other, other.first)
                warned = [w for w in warned if w not in targets]
                last = max((w.last for w in warned), default=other.last)
                closer = [r for r in self.refs if last <= r.first < trig.first and r.how != "nisba"
                          and r.kind not in ("Location", "MediaOutlet") and r not in targets]
                if warned and not closer:
                    return warned  # (else an actor named nearer the attack is its author: حث إيران على ... الميليشيات)
        return []

    def phrase_args(self, trig: Trigger, memory: Memory | None = None
                    ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Figurative warnings (لن تمر دون رد، سيدفع الثمن): the speaker warns the author of the act meant.

        The speaker is the sentence's first actor (or the last speaker); the warned party is the agent of an
        attack named in the sentence, else of the last attack read in the article.
        """
        speaker = self.we or next(
            (r for r in self.refs if r.first < trig.first and r.kind not in ("Location", "MediaOutlet")), None)
        if speaker is None:
            return [], []
        warned: list[ActorRef] = []
        for other in self.triggers:
            if other.core == "Attack" and other.first < trig.first:
                agents, _ = self.noun_args(other) if other.entry and other.entry.pos == "noun" else ([], [])
                agents = [a for a in agents if a.iris != speaker.iris]
                if agents:
                    warned = agents
        if not warned and memory and "Attack" in memory:
            warned = [a for a in memory["Attack"][0] if a.iris != speaker.iris]
        return [speaker], warned
