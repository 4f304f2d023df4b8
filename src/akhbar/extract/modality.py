"""Modality of an event from cue words around its trigger (GUIDELINES §4).

Negated (لم، لن، نفى …) > Conditional (the consequent of إذا / في حال / ما لم) > Planned (تخطط، تعتزم،
the future prefix سـ, purpose لـ, the content of a threat) > Possible (قد، محتمل، accusations, the
antecedent of a condition, the content of a warning or demand) > Asserted. Two constructions settle it
before those cues: an attack told as the background of another statement (في أعقاب الهجمات، ردا على
القصف) is asserted, and a noun coordinated with the trigger right before it (بإطلاق الصواريخ والهجمات)
takes that trigger's modality.
"""

from __future__ import annotations

from akhbar.extract.events import Trigger, coordinated_verb
from akhbar.extract.lexicon import Lexicon, candidates
from akhbar.extract.text import CLAUSE_BREAK, Word, consequent_future, names_as_one

CONSEQUENT_WINDOW = 8  # words before a condition opener that form its consequent
ANTECEDENT_WINDOW = 10  # words after an opener that form the antecedent
CONTENT_WINDOW = 10  # words after a warning/demand verb whose events are its content
OTHERWISE_REACH = 2  # words from وإلا to the attack it threatens (وإلا فإنها ستستهدف)
RULE_OUT_REACH = 10  # words from a negated verb of ruling out to the act it does not rule out
PLUPERFECT_REACH = 4  # words from a form of كان to the قد of a pluperfect (وكانت حركة الشباب قد توعدت)
INTENT_REACH = 5  # words from a negation to the act when a verb of intention and its subject come between
SPEECH_ACTIONS = ("Warning", "Pressure")
IMPERFECT_PREFIXES = ("ي", "ت", "ن")  # (not أ: قد أعلن is a past verb of form IV, not "I may")


def conditions(words: list[Word], lex: Lexicon) -> list[tuple[int, int]]:
    """(first, last) word indexes of each condition opener in the sentence (read once per sentence)."""
    out = []
    openers = lex.modality["conditional"]["openers"]
    index = lex.opener_index
    for i in range(len(words)):
        norm = words[i].norm
        bare = norm.lstrip("و")
        if norm not in index and bare not in index:
            continue  # (most words: no opener starts with them)
        for pos in candidates(index, (norm, bare)):
            op = openers[pos]
            n = len(op)
            surface = [x.norm for x in words[i:i + n]]
            if surface and (surface == op or (surface[0].lstrip("و") == op[0] and surface[1:] == op[1:])):
                out.append((i, i + n))
                break
    return out


EXCEPTIVE_REACH = 6  # words from the act to the إلا that restricts its negation


def _exceptive(words: list[Word], after: int, lex: Lexicon) -> bool:
    """Whether a negated act is restricted by إلا after it (لم يطلق النار إلا ردا على، لم تستهدف إلا مواقع
    عسكرية): "only", an act that did happen, not a denial.

    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.text import words_of
    >>> [_exceptive(words_of(t), 2, load_lexicon()) for t in ("لم يطلق النار إلا ردا", "لم يطلق النار على أحد")]
    [True, False]
    """
    for k in range(after, min(len(words), after + EXCEPTIVE_REACH)):
        if words[k].norm.lstrip("و") in lex.modality["negated"]["exceptive"]:
            return True
        if words[k].breaks_after:
            break
    return False


DENIED_REACH = 5  # words from the أن a denial governs to the act it denies (نفى X أن تكون قواته قد استهدفت)


def _denied_clause(words: list[Word], head: int, neg: dict, lex: Lexicon) -> bool:
    """Whether the act at `head` is in the clause a verb of denial governs with أن (نفى المستشار الإعلامي لقائد
    القوات X أن تكون قواته قد استهدفت، نفى، الأسبوع الماضي، أن تكون أنقرة قصفت): however long the denier's name
    and whatever time stands between, as long as no other verb of saying or clause comes between the denial and
    its أن."""
    that = next((k for k in range(head - 1, max(-1, head - 1 - DENIED_REACH), -1)
                 if words[k].norm in ("ان", "بان") and not any(w.breaks_after for w in words[k:head])), None)
    if that is None or any(w.comma_after for w in words[that:head]):
        return False
    for j in range(that - 1, max(-1, that - 1 - neg["denial_window"]), -1):
        norm = words[j].norm.lstrip("و")
        if words[j].breaks_after or norm in lex.reporting_verbs or norm in lex.triggers:
            return False
        if norm in neg["denial"]:
            return True
    return False


def _denied_by_subject(words: list[Word], head: int, neg: dict, spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the act at `head` is what a verb of denial denies past its subject, however long the subject's
    title and however many commas set off its name (نفى المتحدث باسم وزارة الدفاع، العقيد X، مشاركة بلاده في
    الغارات): within the denial's window of words outside the subject, with no other comma or break between. Only a
    subject with a comma of its own: the comma after a plain one ends the denial's clause (نفى حزب الله، فيما قصفت)."""
    ends = {last: first for first, last in spans}
    seen = 0
    for j in range(head - 1, -1, -1):
        first = ends.get(j + 1)
        if first is not None and first > 0 and words[first - 1].norm.lstrip("و") in neg["denial"] \
                and any(w.comma_after for w in words[first:j]):  # (a name set off by commas inside the subject)
            return True
        if words[j].breaks_after or words[j].comma_after or seen >= neg["denial_window"]:
            return False
        seen += 1
    return False


OBLIGED_REACH = 4  # words from على to the أن of an obligation (على الحكومة اللبنانية أن تنزع)


def _obliged(words: list[Word], head: int) -> bool:
    """Whether the act at `head` is what someone must do: على X أن, or يجب، ينبغي، يتعين, right before it (إن على
    واشنطن أن تضغط، يجب على إيران أن توقف): an obligation, the content of a call (GUIDELINES §4: possible)."""
    k = head - 1
    if k < 0 or words[k].norm not in ("ان", "بان"):
        return False
    for j in range(k - 1, max(-1, k - 1 - OBLIGED_REACH), -1):
        if words[j].comma_after or words[j].breaks_after:
            return False
        if words[j].norm.lstrip("و") in ("علي", "يجب", "ينبغي", "يتعين", "عليها", "عليه", "عليهم", "عليكم", "علينا"):
            return True
    return False


def _imperfect(norm: str) -> bool:
    """Whether a verb's form is imperfect by its prefix: not a past form V or VI verb, which begins with ت too and
    ends with the past's ت (توعدت، تعهدت، تبنت).

    >>> [_imperfect(v) for v in ("تهاجم", "يستهدف", "توعدت", "ضغط")]
    [True, True, False, False]
    """
    return norm[:1] in IMPERFECT_PREFIXES and not (norm.startswith("ت") and norm.endswith("ت") and len(norm) > 3)


def _opens_consequent(norm: str, lex: Lexicon) -> bool:
    """Whether a word opens the consequent of a condition: a word of `consequent` (فإن، فإننا، فسوف) or فـ with
    the future prefix on an imperfect verb (فسندمر، فستكون)."""
    return norm in lex.modality["conditional"]["consequent"] or consequent_future(norm)


def modality(words: list[Word], trig: Trigger, triggers: list[Trigger], lex: Lexicon, text: str,
             openers: list[tuple[int, int]] | None = None, spans: tuple[tuple[int, int], ...] = ()) -> str:
    """The modality of the event read at `trig` (`openers`: the sentence's `conditions`, if already read;
    `spans`: its actor mentions' (first, last) words)."""
    mod = lex.modality
    t = trig.first
    head = trig.light if trig.light is not None else t
    core = trig.core

    def before(cues: list[str], window: int, start: int = head, barriers: tuple[str, ...] = (),
               comma_stops: bool = False) -> int | None:
        for j in range(start - 1, max(-1, start - 1 - window), -1):
            if words[j].breaks_after:
                return None
            if words[j].norm in cues or words[j].norm.lstrip("وف") in cues:
                return j
            comma = words[j].comma_after
            if words[j].norm in barriers or ((barriers or comma_stops) and comma):
                return None
        return None

    # negated
    if not trig.phrase:
        neg = mod["negated"]
        j = before(neg["before"], neg["window"], barriers=tuple(neg["barriers"]))
        if j is not None:
            strict = words[j].norm in neg["strict"] or words[j].norm.lstrip("و") in neg["strict"]
            hedge = any(w.norm in lex.modality_words["rule_out"] for w in words[j:head])
            if hedge:
                return "Possible"
            bridged = all(w.norm in neg["bridge"] or w.norm.lstrip("وب") in neg["bridge"] for w in words[j + 1:head]) \
                or (j + 1 < head and words[j + 1].norm in neg["intent"] and head - j <= INTENT_REACH)
            # (لا تنوي الولايات المتحدة الضغط: the modal's subject stands between it and the act)
            if bridged and (not strict or j >= head - 4) and not _exceptive(words, trig.last, lex):
                return "Negated"
        if before(neg["denial"], neg["denial_window"], barriers=tuple(lex.modality_words["denial_barriers"])) \
                is not None or _denied_by_subject(words, head, neg, spans) or _denied_clause(words, head, neg, lex):
            return "Negated"
        for r in range(max(0, head - 4), head):
            if words[r].norm in neg["role_nouns"] or words[r].key in neg["role_nouns"]:
                if before(list(lex.modality_words["role_negations"]), 5, start=r) is not None:
                    return "Negated"

    # an event told as the background of another (في أعقاب الهجمات، ردا على القصف، بعد الضربة) happened
    if core == "Attack" and before(mod["background"]["before"], 3) is not None \
            and not (head > 0 and words[head - 1].norm in mod["possible"]["hypothetical"]):
        return "Asserted"

    # a noun coordinated with the trigger before it is read like it (هدد بإطلاق الصواريخ والهجمات)
    prev = next((o for o in reversed(triggers) if o.last <= t), None)
    if prev is not None and prev.core == core and prev.last == t and words[t].norm.startswith("و") \
            and trig.entry is not None and trig.entry.pos == "noun":
        return modality(words, prev, triggers, lex, text, openers, spans)

    # conditional / antecedent
    in_antecedent = False
    for first, last in conditions(words, lex) if openers is None else openers:
        if first > head and first - head <= CONSEQUENT_WINDOW and core == "Attack" \
                and not any(c in CLAUSE_BREAK for c in text[words[head].end:words[first].start]):
            return "Conditional"
        if last <= head and head - last <= ANTECEDENT_WINDOW and core != "Warning" \
                and not any(words[k].norm in mod["conditional"]["while"] for k in range(last, head)):
            if core == "Attack" and any(_opens_consequent(words[k].norm, lex) for k in range(last + 1, head + 1)):
                return "Conditional"  # (إذا هاجمتنا إسرائيل فسندمر تل أبيب: the consequent, after its فـ)
            in_antecedent = True  # (فيما opens a clause of its own)
    if in_antecedent:
        return "Possible"
    if core == "Attack" and any(words[k].norm in mod["conditional"]["otherwise"]
                                for k in range(max(0, head - OTHERWISE_REACH), head)):
        return "Conditional"  # (أمهلت X أسبوعا للمغادرة وإلا ستستهدف قواعدها: the consequent of unmet terms)

    # planned: the content of a threat (تهديد أردوغان بإطلاق عملية عسكرية، التهديدات التركية بعملية، توعدت
    # بمزيد من الهجمات: the preposition of the threat's content on the noun or a quantity before it)
    if core == "Attack" and any(words[k].norm.startswith("ب") for k in range(max(0, head - 2), head + 1)):
        for other in triggers:
            o = other.first
            if other.core == "Warning" and o < head and head - o <= CONTENT_WINDOW \
                    and words[o].norm.lstrip("و") in lex.modality_words["threats"]:
                return "Planned"
    plan = mod["planned"]
    if trig.entry is not None and core == "Attack" and (trig.entry.future or trig.entry.purpose):
        return "Planned"
    if trig.light is not None:
        lw = words[trig.light].norm
        if lw.startswith(("ل", "س", "وس", "ول")) and core != "Warning":
            return "Planned"
    if core != "Warning" and before(plan["before"], plan["window"], comma_stops=True) is not None:
        return "Planned"  # (a plan told before a comma is another clause's: تستعد لهجوم، داعيا الحلفاء)

    # possible
    pos = mod["possible"]
    if core == "Attack" and head > 0 and words[head - 1].norm in pos.get("hypothetical", ()):
        return "Possible"  # أي هجوم: one that may come
    coordinated = coordinated_verb(words, trig)  # (تتهم أفغانستان بإيواء مسلحين وتشن غارات: a coordinated verb
    # tells its own act; the hedge or the blame before it is the other clause's)
    if core != "Warning" and not coordinated and before(pos["before"], pos["window"]) is not None:
        return "Possible"
    if core == "Attack" and not coordinated and before(
            pos["accusation"], names_as_one(head, pos["accusation_window"], spans)) is not None:
        return "Possible"
    if core != "Warning" and _obliged(words, head):
        return "Possible"  # (إن على واشنطن أن تضغط على إسرائيل: what one must do is asked of him, not done)
    r = before(list(lex.modality_words["rule_out"]), RULE_OUT_REACH)
    if r is not None and r > 0 and words[r - 1].norm.lstrip("و") in ("لم", "لا", "لن"):
        return "Possible"  # (لم تستبعد مصادر أن تلجأ إسرائيل إلى اغتيال قادة: not ruled out, a possibility)
    if core == "Attack" and trig.light is not None and any(
            w.norm.lstrip("و") in pos["accusation"] for w in words[trig.light + 1:trig.first]):
        return "Possible"  # (يتبادل الجيشان الاتهامات باستهداف المدنيين: each blames the other)
    q = before(pos["modal_qad"], 3)
    if q is not None and q + 1 < len(words) and _imperfect(words[q + 1].norm) \
            and not any(w.norm in pos["was"] for w in words[max(0, q - PLUPERFECT_REACH):q]):
        return "Possible"  # (قد تهاجم: may attack; but قد توعدت, وكانت إيران قد تعهدت: had threatened)
    for j in range(trig.last, min(len(words), trig.last + pos["after_window"])):
        if words[j].norm in pos["after"]:
            return "Possible"
    if core in ("Attack", "Pressure"):  # (طالبت X المجتمع الدولي بالضغط على إسرائيل: pressure as a demand's content)
        for other in triggers:
            if other is trig or other.core not in SPEECH_ACTIONS or other.phrase:
                continue
            o = other.first
            if o < head and head - o <= CONTENT_WINDOW and not (
                    trig.entry is not None and trig.entry.pos == "verb" and any(w.comma_after for w in words[o:head])):
                # (وحث X على الإفراج عن الموظفين، مطالبا Y: a verb after a comma tells a demand of its own)
                between = [w.norm for w in words[o + 1:head]]
                if any(b in lex.modality_words["circumstance"] for b in between):
                    continue  # (الضغوط على إسرائيل لإبرام هدنة وسط غارات إسرائيلية: the strikes are told as fact)
                if words[head].norm.startswith("ب"):
                    between.append("ب")  # (طالبه بالضغط: the content's preposition on the noun itself)
                if other.core == "Warning" and core == "Attack" \
                        and any(b in lex.modality_words["warning_content"] for b in between):
                    return "Possible"
                if other.core == "Pressure" and any(b in lex.modality_words["pressure_content"] for b in between) \
                        and not any(b in lex.modality_words["stop_words"] for b in between):
                    return "Possible"
    return "Asserted"
