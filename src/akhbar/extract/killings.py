"""Targeted killings named without an attack word: a verb of killing and the named person it kills.

GUIDELINES §6 makes killing reported without an attack word no attack (قتل 20 جنديا), but the killing of a named
person by a stated actor a targeted killing (قتل الجيش الأمريكي قاسم سليماني، أمر بقتل الجنرال). These triggers
are found once the sentence's mentions are known, since the person decides.
"""

from __future__ import annotations

from akhbar.extract.actors import ActorRef
from akhbar.extract.events import Trigger
from akhbar.extract.lexicon import Lexicon, TriggerEntry
from akhbar.extract.text import Word
from akhbar.kb import KnowledgeBase

KILLING = TriggerEntry("TargetedKilling", "verb")
PERSON_HOWS = ("title", "alias")  # mentions minted for a person named with a title or by a known alias
PERSON_LINKS = ("officialOf", "memberOf")  # a known actor with either link is a person


def named_killings(words: list[Word], refs: list[ActorRef], triggers: list[Trigger], lex: Lexicon,
                   kb: KnowledgeBase) -> list[Trigger]:
    """The words of killing right before a named person (قتل قاسم سليماني، بقتل الجنرال الإيراني) that no trigger
    covers: each a TargetedKilling.

    >>> from akhbar.extract.actors import ActorFinder
    >>> from akhbar.extract.text import words_of
    >>> from akhbar.kb import load_kb
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> kb, lex = load_kb(), load_lexicon()
    >>> for sentence in ("وقال البنتاغون إنه قتل قاسم سليماني.", "وقتل 20 جنديا في الهجوم."):
    ...     words = words_of(sentence)
    ...     refs = ActorFinder(kb, lex, sentence).find(words)
    ...     print([words[t.first].text for t in named_killings(words, refs, [], lex, kb)])
    ['قتل']
    []
    """
    taken = {k for t in triggers for k in range(t.first, t.last)}
    starts = {r.first: r for r in refs}
    out = []
    for i, w in enumerate(words[:-1]):
        if i in taken or w.norm.lstrip("وفبل") not in lex.particles["killing_named"]:
            continue
        ref = starts.get(i + 1)
        if ref is not None and _person(ref, kb):
            out.append(Trigger(i, i + 1, "TargetedKilling", KILLING))
    return out


def _person(ref: ActorRef, kb: KnowledgeBase) -> bool:
    """Whether a mention names one person: titled, or a known actor who holds office or belongs to a group."""
    if ref.how in PERSON_HOWS:
        return True
    actor = kb.actors.get(ref.iri)
    return ref.how == "kb" and actor is not None and any(actor.links.get(link) for link in PERSON_LINKS)
