"""Coordinated participants (GUIDELINES §3, the split rule) and reciprocal exchanges (§2): categorical rules.

Named participants joined by و, by a comma list or by a repeated preposition after أو ("موسكو والقرم",
"حذرت فرنسا وبريطانيا", "على إسرائيل أو على القواعد"), or listed after a plural place noun ("ولايات قندهار
وبكتيا"), each give their own event: when the decoder chooses one of them, it takes its siblings too.
A reciprocal exchange ("تبادلت إيران وإسرائيل الضربات") gives one event in each direction. Places that only say
where a facility is add nothing (§6), and a warning's addressee named before its content is its target (§3).

>>> from akhbar.kb import load_kb
>>> from akhbar.records import Article
>>> from akhbar.extract.units import read_units
>>> units = read_units(None, Article("x", "x.txt", "هاجمت أوكرانيا موسكو والقرم."), load_kb())
>>> s = units.sentences[0]
>>> sorted(len(g) for g in coordination_groups(s, units.lex, units.article.text))
[1, 2]
"""

from __future__ import annotations

from akhbar.extract.actors import SPACE_AND_CLOSING, ActorRef, wa_before_quote
from akhbar.extract.events import Trigger, coordinated_verb, joined_verbal_noun
from akhbar.extract.lexicon import Lexicon
from akhbar.extract.phrases import PLACE_PREPS, _listed
from akhbar.extract.text import PREPOSITIONS, Word, clause_word_before, definite, names_as_one, proclitic
from akhbar.extract.units import SentenceUnit
from akhbar.kb import normalise

BODIES = ("Militia", "Official", "StateOrgan", "Organization", "MediaOutlet")
RECIPROCAL = ("تبادل", "يتبادل", "تتبادل", "يتبادلان", "تتبادلان", "تبادلت", "تبادلا", "تبادلوا", "وتبادل", "وتبادلت")
RECIPROCAL_VERBS = frozenset(normalise(w).removeprefix("و") for w in RECIPROCAL)
EXCHANGE_REACH = 6  # words from a verb of exchange to the act exchanged, its coordinated subject between
# the adjective of an exchanged act, within two words after its noun (القصف المتبادل، إطلاق النار المتبادل بين X وY)
MUTUAL = ("متبادل", "متبادله", "متبادلة", "المتبادل", "المتبادله", "المتبادلة")
EACH_OTHER = ("بعضهما", "بعضهم", "بعضها")  # (normalised) "each other", right after the act's object
EACH_OTHER_REACH = 6  # words after a trigger in which بعضهما may stand (a coordinated subject, then the object)


def compatible(a: str, b: str) -> bool:
    """Whether two kinds of mention can be coordinated participants (a place does not join an armed group)."""
    return not ((a == "Location" and b in BODIES) or (b == "Location" and a in BODIES))


def _joined(s: SentenceUnit, lex: Lexicon, text: str, cur: ActorRef, ref_at: dict[int, ActorRef]
            ) -> ActorRef | None:
    """The mention coordinated right after `cur`, if any."""
    words = s.words
    k = cur.last
    if k >= len(words):
        return None
    nxt = ref_at.get(k)
    if nxt is None and words[k].norm.startswith("و") and (words[k].key in lex.heads["place_plural"] or
                                                          words[k].norm[1:] in lex.heads["place_plural"]):
        nxt = ref_at.get(k + 1)  # "كابل وولايات قندهار": a plural place noun introduces more places (not after
        # a nisba with no و: قصفت المدفعية الإسرائيلية بلدات الخيام)
        return nxt if nxt is not None and nxt.first == k + 1 else None
    if nxt is None and wa_before_quote(words[k]) and k + 1 < len(words) \
            and not words[k - 1].gap_after.strip(SPACE_AND_CLOSING):
        nxt = ref_at.get(k + 1)  # "بلدتي «عيترون» و«كفرشوبا»": the و stands apart before the next name's quote
        return nxt if nxt is not None and nxt.first == k + 1 else None
    if (nxt is None or nxt.how == "phrase") and words[k].norm.startswith("و") and k + 1 < len(words) \
            and not words[k].gap_after.strip() and any(key in lex.heads["vicinity"] for key, _ in words[k].readings):
        k += 1  # "على مرتفعات جبل الريحان ومحيط بلدتي كفرحونة وعرمتى": the places around which it struck (§6; also
        # when the vicinity was read as a phrase of its own)
        if k + 1 < len(words) and (k not in ref_at or ref_at[k].how == "phrase") \
                and any(key in lex.heads["place_plural"] for key, _ in words[k].readings):
            k += 1
        place = next((r for r in s.refs if r.first == k), None)
        return place if place is not None and place.kind == "Location" else None
    if nxt is None and words[k].norm in lex.particles["disjunction"]:
        k += 1  # "على إسرائيل أو على القواعد"
        if k < len(words) and words[k].norm in lex.target_preps["any"]:
            k += 1
        nxt = ref_at.get(k)
        return nxt if nxt is not None and nxt.first == k else None
    if nxt is None or (nxt.kind == "Location" and words[k].norm in PLACE_PREPS):
        k = _past_locator(s, lex, cur, ref_at)  # (قاعدة حرير الجوية في أربيل، إضافة إلى قاعدة التنف; منطقة الكسوة
        # جنوبي دمشق، إضافة إلى: a place named by its direction from another only locates it)
        nxt = None if k > cur.last else nxt
    if nxt is None and k + 2 < len(words) and not words[k].gap_after.strip() and (
            (marker := f"{words[k].norm.removeprefix('و')} {words[k + 1].norm}") in lex.particles["addition"]
            or (marker in ALONGSIDE and words[k - 1].comma_after)):
        k += 2  # "المطار، إضافة إلى الميناء": one more of the same role
        if words[k].norm in lex.target_preps["any"]:
            k += 1
        if k + 1 < len(words) and k not in ref_at and words[k].key in lex.heads["place_plural"]:
            k += 1  # ("ثكنة برانيت، إضافة إلى مدينتي كريات شمونة وصفد": the plural noun lists the places)
        elif k not in ref_at and _positions(words[k], lex):
            k = _place_of_positions(words, k, ref_at, lex)  # (، إضافة إلى مواقع في محيط مدينة إزرع: §6, the place)
        nxt = ref_at.get(k)
        return nxt if nxt is not None and nxt.first == k else None
    if nxt is None and (words[k].norm in PLACE_PREPS or (
            _adjective(words[k]) and k + 1 < len(words) and words[k + 1].norm in PLACE_PREPS)):
        return _next_of_same_head(s, lex, cur, ref_at)  # (قاعدة عين الأسد [الجوية] في الأنبار وقاعدة حرير)
    if nxt is None or nxt is cur:
        return None
    first = words[nxt.first]
    clitic = text[first.start:nxt.start]
    gap = text[words[nxt.first - 1].end:first.start]
    if clitic.startswith("و") and not gap.strip(" ،,"):
        return nxt
    if cur.how == nxt.how == "nisba" and not gap.strip() and not clitic and cur.iris != nxt.iris \
            and cur.first > 0 and _armed_noun(words[cur.first - 1], lex):
        return nxt  # (الغارات الأميركية البريطانية، مقاتلات أميركية بريطانية: two nationalities of one act or
        # force, a joint one; not المفاوضات الأمريكية الإيرانية, talks between the two)
    if gap.strip() in ("،", ",") and _list_goes_on(s, nxt, ref_at, text):
        return nxt
    return None


QUOTES = " \"'“”«»"  # what may stand between a noun of positions and its owner besides a space (بـ"معقلين" لجماعة)
SAME_HEAD_REACH = 6  # words the place of a facility may take before the next facility of the list
LOCATOR_WORDS = 6  # words of what locates a listed participant before the comma that goes on with the list
ALONGSIDE = frozenset({"الي جانب"})  # (normalised) "beside": after a comma, one more of the list (، إلى جانب فندق X)


POSITIONS_PLACE_WORDS = 4  # words from unnamed positions to the named place that locates them (مواقع في محيط مدينة X)


def _place_of_positions(words: list[Word], k: int, ref_at: dict[int, ActorRef], lex: Lexicon) -> int:
    """Where the named place begins that locates the unnamed positions at word k (مواقع في محيط مدينة إزرع: إزرع's
    mention, GUIDELINES §6), else k."""
    for m in range(k + 2, min(len(words), k + 2 + POSITIONS_PLACE_WORDS)):
        if any(w.gap_after.strip(" ") for w in words[k:m]):
            return k
        place = ref_at.get(m)
        if place is not None and place.first == m and place.kind == "Location" and _after_in(words, m, lex):
            return m
    return k


def _adjective(word: Word) -> bool:
    """A definite nisba-like adjective after a name (الجوية، الحدودي): part of what the mention before describes."""
    return definite(word.norm) and word.norm.endswith(("ي", "يه"))


def _past_locator(s: SentenceUnit, lex: Lexicon, cur: ActorRef, ref_at: dict[int, ActorRef]) -> int:
    """The word after the comma that closes what locates `cur` (its adjective, a place preposition and a place,
    the means it was struck with: قاعدة حرير الجوية في أربيل بطائرات مسيرة،), where the list may go on with
    إضافة إلى; `cur.last` when no such locator ends in a comma."""
    words = s.words
    m = cur.last
    while m < min(len(words), cur.last + LOCATOR_WORDS):
        ref = ref_at.get(m)
        if ref is not None and ref.kind == "Location" and ref.first == m:
            m = ref.last
        elif ref is None and _adjective(words[m]):
            m += 1  # (its adjective: الجوية)
        elif ref is None and words[m].norm.startswith("ب") and any(
                key in lex.weapons or key in lex.heads["instrument"] for key, _ in words[m].readings):
            m += 1  # (the means: بطائرات مسيرة، بالصواريخ)
            if m < len(words) and m not in ref_at and not words[m - 1].gap_after.strip() \
                    and not words[m].norm.startswith(("و", "ف")) and words[m].norm not in PREPOSITIONS:
                m += 1  # (its adjective)
        elif ref is None and words[m].norm in PLACE_PREPS and m + 1 < len(words) \
                and not words[m].gap_after.strip():
            near = ref_at.get(m + 1)
            m = near.last if near is not None and near.first == m + 1 else m + 2  # (قرب المطار، في أربيل)
        else:
            return cur.last
        if words[m - 1].comma_after:
            return m
        if words[m - 1].gap_after.strip():
            return cur.last
    return cur.last


def _next_of_same_head(s: SentenceUnit, lex: Lexicon, cur: ActorRef, ref_at: dict[int, ActorRef]
                       ) -> ActorRef | None:
    """The facility joined by و to `cur` past the place that locates it, when both are named with the same head
    noun (قاعدة عين الأسد الجوية في محافظة الأنبار وقاعدة حرير في أربيل; GUIDELINES §3: each named participant its
    own event, §6: the place only says where the first is), else None."""
    words = s.words
    head = {key for key, _ in words[cur.first].readings} & (lex.heads["facility"] | lex.heads["named_facility"])
    if cur.kind != "Location" or not head:
        return None
    for m in range(cur.last + 1, min(len(words), cur.last + 1 + SAME_HEAD_REACH)):
        if words[m - 1].gap_after.strip():
            return None
        nxt = ref_at.get(m)
        if nxt is not None and nxt.first == m and words[m].norm.startswith("و") \
                and head & {key for key, _ in words[m].readings}:
            return nxt
    return None


def _armed_noun(word: Word, lex: Lexicon) -> bool:
    """Whether a word is an attack, a weapon or an armed force (غارات، مقاتلات، قوات): a noun whose nationalities
    are its authors."""
    return word.norm in lex.triggers or any(key in lex.weapons or key in lex.heads["instrument"]
                                            or key in lex.heads["armed"] for key, _ in word.readings)


def _list_goes_on(s: SentenceUnit, ref: ActorRef, ref_at: dict[int, ActorRef], text: str) -> bool:
    """Whether a comma-joined mention is followed by more of the list, ending in و (حلب، حمص وإدلب)."""
    cur = ref
    while cur.last in ref_at:
        nxt = ref_at[cur.last]
        first = s.words[nxt.first]
        if text[first.start:nxt.start].startswith("و"):
            return True
        if text[s.words[nxt.first - 1].end:first.start].strip() not in ("،", ","):
            return False
        cur = nxt
    return False


def coordination_groups(s: SentenceUnit, lex: Lexicon, text: str) -> list[tuple[ActorRef, ...]]:
    """The sentence's mentions grouped by coordination, left to right (a lone mention is a group of one)."""
    ref_at = {k: r for r in s.refs + s.phrases for k in range(r.first, r.last)}
    seen: set[int] = set()
    groups = []
    holding = [p for p in s.phrases if any(p.first <= r.first and r.last <= p.last for r in s.refs)]
    for ref in sorted([r for r in s.refs + s.phrases if r not in holding], key=lambda r: r.first) + holding:
        # (a phrase that holds a named mention comes last: in "أطراف بلدات كفرشوبا وكفرحمام" the list is the
        # towns', not the phrase's)
        if id(ref) in seen:
            continue
        group = [ref]
        cur = ref
        while (nxt := _joined(s, lex, text, cur, ref_at)) is not None and id(nxt) not in seen \
                and compatible(cur.kind, nxt.kind) and not starts_clause(s, nxt, lex):
            group.append(nxt)
            cur = nxt
        seen.update(id(r) for r in group)
        groups.append(tuple(group))
    return groups


DUAL_PLURAL = ("ا", "وا", "ان", "ون")  # verb endings that agree with a coordinated (dual or plural) subject


def starts_clause(s: SentenceUnit, ref: ActorRef, lex: Lexicon) -> bool:
    """"... والدعم السريع يهاجم": a mention right before a singular verb (a trigger, a present verb the parse reads,
    or one of answering or reporting) begins a new clause (before a dual or plural one, "سوليفان وبلينكن طالبا",
    it closes a coordinated subject). A nisba is an adjective, no clause's subject
    (الغارات الأمريكية البريطانية استهدفت: the second nisba is the strikes' too)."""
    if ref.how == "nisba" or ref.last >= len(s.words):
        return False
    w = s.words[ref.last]
    if s.words[ref.last - 1].gap_after.strip():
        return False  # (الضربات في العراق وسوريا، استهدفت: past a comma the verb is the sentence's, not the conjunct's)
    verb = any(t.first == ref.last and t.entry is not None and t.entry.pos == "verb" for t in s.triggers) or (
        (w.norm in lex.particles["control_verbs"] or w.norm in lex.reporting_verbs
         or (bool(s.upos) and s.upos[ref.last] == "VERB")) and w.norm.startswith(("ي", "ت")))
    return verb and not w.norm.endswith(DUAL_PLURAL)
    # (a present verb the parse reads or the lexicon knows: الهند تقصف معسكرات وإسلام آباد ترد بقصف، والتحالف يرد
    # بغارات; not a verbal noun it may read as a verb: طالب الجيش والدعم السريع بحث المقترح)


def siblings(s: SentenceUnit, lex: Lexicon, text: str) -> dict[str, set[str]]:
    """Actor IRI → the IRIs coordinated with it in the sentence; a collective of states and the states listed
    right after it in apposition are coordinated too (الدول الأوروبية الثلاث فرنسا وبريطانيا وألمانيا, GUIDELINES
    §3: each named participant its own event, in the collective's role).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وطالبت الدول الأوروبية الثلاث فرنسا وبريطانيا وألمانيا طهران بالعودة إلى الاتفاق."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> sorted(i.rsplit("/", 1)[-1] for i in siblings(units.sentences[0], units.lex, text)["https://w3id.org/akhbar/id/e3"])
    ['france', 'germany', 'uk']
    """
    out: dict[str, set[str]] = {}
    groups = coordination_groups(s, lex, text)
    for group in groups:
        iris = {i for r in group for i in r.iris}
        if len(iris) > 1:
            for iri in iris:
                out.setdefault(iri, set()).update(iris - {iri})
    for phrase in s.phrases:  # (مرتفعات إقليم التفاح ومحيط بلدتي X وY: the phrase that ends with a named place is
        # coordinated as that place is)
        inner = next((r for r in s.refs if phrase.first < r.first and r.last == phrase.last and r.iri in out), None)
        if inner is not None and not any(key in lex.heads["vicinity"] for key, _ in s.words[phrase.first].readings):
            # (محيط بلدتي X: the surroundings of a named place are that place, §6, no participant of their own)
            for iri in out[inner.iri] - {phrase.iri}:
                out.setdefault(phrase.iri, set()).add(iri)
                out.setdefault(iri, set()).add(phrase.iri)
    for ref in s.refs:
        listed = next((g for g in groups if g[0].first == ref.last and len(g) > 1), None)
        if listed is None or ref.kind != "Organization" or s.words[ref.last - 1].gap_after.strip() \
                or not any(k in lex.heads["collective"] for k, _ in s.words[ref.first].readings) \
                or not all(r.kind == "State" for r in listed):
            continue  # (دعا الاتحاد الأوروبي فرنسا وألمانيا: a body, then its addressees)
        members = {i for r in listed for i in r.iris}
        for iri in ref.iris:
            out.setdefault(iri, set()).update(members)
            for m in members:
                out.setdefault(m, set()).add(iri)
    return out


def _inclusion_marker(s: SentenceUnit, k: int, markers: frozenset[str]) -> int:
    """How many words an inclusion marker starting at word k spans (0 if none): "من بينها", "بما في ذلك"
    anywhere, a one-word marker (منها، بينهم) only right after a comma."""
    words = s.words
    for n in (3, 2, 1):
        if k + n > len(words) or any(w.comma_after or w.breaks_after for w in words[k:k + n - 1]):
            continue
        phrase = " ".join([words[k].norm.removeprefix("و")] + [w.norm for w in words[k + 1:k + n]])
        if phrase in markers and (n > 1 or (k > 0 and words[k - 1].comma_after)):
            return n
    return 0


def included_members(s: SentenceUnit, trig: Trigger, lex: Lexicon, text: str) -> dict[str, set[str]]:
    """The named members a list after an inclusion marker gives each mention of the collective before it, in the
    trigger's clause after the trigger (GUIDELINES §3: participants introduced by a collective noun or an
    apposition list each give their own event): "هاجمت قيادات حماس في قطر، ومن بينهم خليل الحية وزاهر جبارين"
    → the leaders' two names for each of حماس and قطر; a pronoun in apposition opens a list of two names or more
    ("قواعد أمريكية هي عين الأسد وحرير"). Target IRI → member IRIs; members are named actors (a
    collective phrase such as "مخازن أسلحة" is no member), and the relation goes one way only. Every mention
    after the trigger is an owner (the decoder reads the relation for chosen targets only).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت روسيا عدة مدن أوكرانية، بما في ذلك أوديسا ولفيف."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> members = included_members(s, s.triggers[0], units.lex, text)
    >>> sorted(m.rsplit("/", 1)[-1] for m in members["https://w3id.org/akhbar/id/russia"])  # Odesa, Lviv
    ['702550', 'odesa']
    """
    words = s.words
    markers = lex.particles["inclusion"]
    out: dict[str, set[str]] = {}
    k = trig.last
    while k < len(words):
        if any(t is not trig and t.first == k for t in s.triggers) or (k > trig.last and words[k - 1].breaks_after):
            break  # another event's clause
        n = _inclusion_marker(s, k, markers)
        apposed = not n and k > trig.last and words[k].norm in lex.particles["apposition"]
        if not n and not apposed:
            k += 1
            continue
        n = n or 1
        group = next((g for g in coordination_groups(s, lex, text) if g[0].first == k + n), ())
        members = {i for r in group if r in s.refs for i in r.iris}
        if apposed:
            members |= _apposed_names(s, k + 1, lex)  # (هما قاعدة عين الأسد في الأنبار وقاعدة حرير في أربيل)
        if apposed and len(members) < 2:
            k += 1
            continue
        for owner in s.refs + s.phrases:
            if trig.last <= owner.first and owner.last <= k:
                for iri in owner.iris:
                    out.setdefault(iri, set()).update(members - {iri})
        k += n
    return out


NAMING = ("kb", "place", "facility")  # mentions that name an actor, not describe one (a facility: قاعدة حرير)


def _apposed_names(s: SentenceUnit, k: int, lex: Lexicon) -> set[str]:
    """The names a pronoun of apposition lists from word k to the clause's next comma (هما قاعدة عين الأسد الجوية في
    محافظة الأنبار وقاعدة حرير): each named mention that begins the list or follows و, not a place after في or بـ
    that only says where the one before it is (GUIDELINES §6)."""
    words = s.words
    end = next((m + 1 for m in range(k, len(words)) if words[m].comma_after or words[m].breaks_after), len(words))
    out: set[str] = set()
    for r in s.refs:
        if k <= r.first < end and r.how in NAMING \
                and (r.first == k or words[r.first].norm.startswith("و")) \
                and words[r.first - 1].norm not in lex.particles["in_place"]:
            out.update(r.iris)
    return out


PLACE_HOWS = ("kb", "place", "region")  # mentions that name a place (a minted facility may be a collective)


def bracket_locators(s: SentenceUnit, text: str) -> dict[str, str]:
    """Places named in brackets right after a place, which only say where it is (GUIDELINES §6: a place that
    only locates a facility taken as the target adds nothing): locator IRI → the place it locates.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت المسيرات قاعدة عين الأسد (محافظة الأنبار غرب العراق) فجرا."
    >>> s = read_units(None, Article("x", "x.txt", text), load_kb()).sentences[0]
    >>> sorted(k.rsplit("/", 1)[-1][:6] for k in bracket_locators(s, text))
    ['anbar', 'region']
    """
    out: dict[str, str] = {}
    placed = [r for r in s.refs if r.kind in ("Location", "State")]
    for before in placed:
        if before.kind != "Location" or text[before.end:before.end + 3].strip(" ")[:1] != "(":
            continue
        close = text.find(")", before.end)
        for r in placed:
            if before.end < r.start and (close < 0 or r.end <= close) and r.iri != before.iri:
                out.setdefault(r.iri, before.iri)
    return out


PLACE_HEADS = ("place", "town", "place_named", "place_plural")  # [heads] lists of places, which a place may locate
FACILITY_HEADS = ("facility", "named_facility", "struck", "vessel")
PLURAL_ENDINGS = ("ات", "ين", "ون", "ان")


def facility_locators(s: SentenceUnit, lex: Lexicon, text: str) -> dict[str, str]:
    """Places that only say where a facility is (GUIDELINES §6: "a place that only locates a facility already
    taken as the target (a refinery "في ريازان") adds nothing"): locator IRI → the facility, vessel, building or
    population it locates, when the place follows it after في or بـ, inside its phrase or right after it. A place
    after positions (مواقع لحزب الله في بلدة كفرا) or after another place is no locator (`located_places`).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت القوات مصفاة نفط في مدينة إيلات."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [k.rsplit("/", 1)[-1] for k in facility_locators(units.sentences[0], units.lex, text)]
    ['eilat']
    """
    words = s.words
    located = [r for r in (*s.refs, *s.phrases) if r.kind == "Location" and (
        _facility_head(words[r.first], lex) or _for_people(words, r.first, lex))]
    places = [r for r in s.refs if r.kind in ("Location", "State") and r.how != "nisba"]
    out: dict[str, str] = {}
    for f in located:
        for p in places:
            if p.iri == f.iri:
                continue
            inside = f.first < p.first and p.last <= f.last
            at = p.first - 1 if p.first > f.last and _place_head(words[p.first - 1], lex) else p.first
            tight = not any(words[k].gap_after.strip() for k in range(f.last - 1, p.first))
            after = at == f.last + 1 and words[f.last].norm in lex.particles["in_place"]
            clitic = at == f.last and words[at].norm.startswith("ب")
            region = at == f.last and p.how == "region"  # (قاعدة عين الأسد غرب العراق: a region, no preposition)
            if inside or (tight and (after or clitic or region)):  # (مصفاة في منطقة ساراتوف: a place noun between)
                out.setdefault(p.iri, f.iri)
    out.update((p, t) for p, t in town_locators(s, lex).items() if p not in out)
    return out


DISTRICT_HEADS = ("province", "district")  # [heads] of the provinces and districts that locate a town in them


def town_locators(s: SentenceUnit, lex: Lexicon) -> dict[str, str]:
    """Provinces and districts that only say where the named town before them lies (غارات على مديريتي أرغون وبرمل
    في ولاية بكتيكا، بلدة جاسم بريف درعا): locator IRI → the town (GUIDELINES §6, a place that only locates what is
    struck adds nothing).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت إسرائيل بلدة الخيام في قضاء مرجعيون."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [(k.rsplit("/", 1)[-1], v.rsplit("/", 1)[-1]) for k, v in town_locators(units.sentences[0], units.lex).items()]
    ... # doctest: +ELLIPSIS
    [(..., 'khiam')]
    """
    words = s.words
    towns = [r for r in s.refs if r.kind == "Location" and r.how in ("kb", "place", "facility")
             and not _district_noun(words[r.first], lex)]
    out: dict[str, str] = {}
    for t in towns:
        p = next((r for r in s.refs if r.first in (t.last, t.last + 1) and r.kind == "Location" and r is not t), None)
        if p is None or words[t.last - 1].gap_after.strip() or (p.first == t.last + 1 and (
                words[t.last].norm not in lex.particles["in_place"] or words[t.last].gap_after.strip())):
            continue
        clitic = p.first == t.last and words[p.first].norm.startswith("ب") and p.start > words[p.first].start
        if (p.first == t.last and not clitic) or not _district_noun(words[p.first], lex):
            continue
        out.setdefault(p.iri, t.iri)
    return out


def _district_noun(word: Word, lex: Lexicon) -> bool:
    """Whether a word is the noun of a province or a district (ولاية، محافظة، قضاء، ريف …)."""
    return any(_listed(k, lex.heads[h]) for k, _ in word.readings for h in DISTRICT_HEADS)


def _facility_head(word: Word, lex: Lexicon) -> bool:
    """Whether a word heads one facility, vessel or building: not a place, not generic positions, and not a plural
    (مطارات في مناطق X وY، مدنيين في قرية X: unnamed things in named places are the places' own, as "targets in
    X" are X's, GUIDELINES §3)."""
    keys = [k for k, _ in word.readings]
    return any(_listed(k, lex.heads[name]) for k in keys for name in FACILITY_HEADS) \
        and not _place_head(word, lex) and not any(k in lex.generic_targets for k in keys) \
        and not any(k in lex.heads["collective_facility"] or k in lex.heads["population"] for k in keys) \
        and not word.key.endswith(PLURAL_ENDINGS)


def _for_people(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether the noun at word k is followed by the people it serves (مخيم للنازحين، مخيما للاجئين): a camp or
    shelter of theirs, one facility, even when its noun also names places (مخيم جباليا)."""
    return k + 1 < len(words) and not words[k].gap_after.strip() and words[k + 1].norm.startswith("ل") \
        and any(key in lex.heads["population"] for key, _ in words[k + 1].readings)


def _place_head(word: Word, lex: Lexicon) -> bool:
    return any(k in lex.heads[name] for k, _ in word.readings for name in PLACE_HEADS)


CLAUSE_OPENERS = frozenset({"فيما", "بينما", "وبينما", "وفيما"})  # (normalised) conjunctions that open a clause
DEMAND_OPENERS = frozenset({"الي", "علي"})  # (دعت فرنسا إيران إلى، حث الاتحاد الطرفين على: after the addressee)
CONTENT_OPENERS = frozenset({"ان", "بان", "وان", "انه", "انها", "بانه", "بانها", "انهم", "بانهم"})
ASIDE_NOT = DEMAND_OPENERS | {"من"}  # (what a comma then إلى، على، من opens is what is asked or warned of, no aside)


def content_after_addressee(s: SentenceUnit, trig: Trigger, lex: Lexicon, opener: int | None = -1) -> int | None:
    """Where the content of a warning or demand opens (أن، بأن; for a demand also إلى، على، بوقف، بالتحرك) when its
    addressee is named before it (GUIDELINES §3: the target of a Warning or Pressure is its addressee): حذر الوزير
    المسؤولين اللبنانيين من أن إسرائيل …، وجهت تحذيرا للحكومة بأن إسرائيل … — the mentions past that word are what
    the warning is about. None when no addressee stands between the trigger and the content (حذر الوزير من أن X: X
    may be the target). `opener`: the trigger's `content_opener`, when the caller has read it already.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "حذر الوزير الفرنسي المسؤولين اللبنانيين من أن إسرائيل قد تشن حربا. وحذرت مصر من أن إسرائيل ستندم."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [content_after_addressee(s, s.triggers[0], units.lex) for s in units.sentences]
    [6, None]
    """
    c = content_opener(s, trig, lex) if opener == -1 else opener
    if c is None:
        return None
    verb = trig.entry is not None and trig.entry.pos == "verb" and trig.light is None
    between = [r for r in s.refs if trig.last <= r.first and r.last <= c and r.kind != "Location"]
    subject_before = any(r.last <= trig.first and r.kind != "Location" and not any(
        w.breaks_after or w.norm in CLAUSE_OPENERS for w in s.words[r.last - 1:trig.first]) for r in s.refs)
    # (in its own clause: وتوعد خامنئي إسرائيل ...، فيما هدد وزير الدفاع بأن طهران ستحترق — the minister is the subject)
    needed = 2 if verb and not subject_before else 1
    return c if len(between) >= needed else None


ASIDE_WORDS = 10  # words of an aside set off by commas between a verb and its arguments


APPOSITION_WORDS = 14  # words of a description set off by commas after a name


def _apposition_opens(s: SentenceUnit, k: int, lex: Lexicon) -> bool:
    """Whether word k, right after a comma that closes a mention, opens a description of it: a definite noun that
    is no mention and no relative pronoun (فرنسا وروسيا، الرؤساء المشاركون لمجموعة مينسك، ...)."""
    norm = s.words[k].norm
    closes = any(r.last == k for r in s.refs)
    if closes and norm in APPOSED_PRONOUNS:
        return True  # (المقاومة الإسلامية في العراق، وهي مظلة تضم فصائل، ...: "which is")
    return norm.startswith("ال") and norm not in lex.particles["relative_pronouns"] \
        and closes and not any(r.first == k for r in s.refs)


APPOSED_PRONOUNS = frozenset({"وهي", "وهو", "وهم", "وهما", "وهن"})  # (normalised) و + a pronoun after a name's comma


def aside_end(s: SentenceUnit, k: int, lex: Lexicon) -> int | None:
    """Where an aside set off by commas that begins at word k ends (the word after its closing comma): a time, a
    place or a circumstance after a comma (، خلال زيارته بغداد،  ، في بيان،  ، الأحد،), no longer than
    ASIDE_WORDS, or a description of the mention before the comma (فرنسا وروسيا، الرؤساء المشاركون لمجموعة
    مينسك،), no longer than APPOSITION_WORDS; either holding no trigger; None when word k opens none. A verb's
    arguments stand on either side of it (طالب سلام، خلال استقباله الموفد الفرنسي في السراي، فرنسا بالضغط).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "دعا لاريجاني، خلال زيارته بغداد، الحكومة العراقية إلى الصمود."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> aside_end(units.sentences[0], 2, units.lex), aside_end(units.sentences[0], 5, units.lex)
    (5, None)
    >>> aside_ending_at(units.sentences[0], 4, units.lex), aside_ending_at(units.sentences[0], 3, units.lex)
    (2, None)
    >>> text = "ودعت فرنسا وألمانيا، الشريكتان في الاتحاد الأوروبي، مصر إلى التهدئة."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> aside_end(units.sentences[0], 3, units.lex)
    7
    """
    words = s.words
    skip = lex.skip_words
    if k == 0 or not words[k - 1].comma_after:
        return None
    apposition = _apposition_opens(s, k, lex)
    if not (apposition or words[k].norm in PREPOSITIONS or words[k].norm in skip or words[k].key in skip
            or words[k].norm.isdigit() or words[k].norm in ("خلال", "اثناء")):
        return None
    for m in range(k, min(len(words), k + (APPOSITION_WORDS if apposition else ASIDE_WORDS))):
        if words[m].breaks_after or any(t.first <= m < t.last for t in s.triggers):
            return None
        if words[m].comma_after:
            return m + 1
    return None


def aside_ending_at(s: SentenceUnit, k: int, lex: Lexicon) -> int | None:
    """The first word of the aside set off by commas whose last word is word k (`aside_end` read backwards; the
    shortest when several end there), None when none ends at word k (an example with `aside_end`'s)."""
    if not s.words[k].comma_after:
        return None
    return next((begin for begin in range(k, max(0, k - APPOSITION_WORDS), -1)
                 if aside_end(s, begin, lex) == k + 1), None)


def content_opener(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> int | None:
    """The word that opens what a warning or demand says or asks, in the trigger's clause (أن، بأن; for a demand
    also إلى، على، بوقف، and a verbal noun with بـ past the verb's object: طالب X Y بالتحرك), whether or not an
    addressee stands before it: a mention past it is never the warner's or the asker's (GUIDELINES §3).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وطالب نواب عرب مجلس الأمن بالتحرك لوقف الانتهاكات الإسرائيلية. وطلبت فرنسا من إسرائيل وقف عملياتها."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [content_opener(s, s.triggers[0], units.lex) for s in units.sentences]
    [5, 4]
    """
    if trig.core not in ("Warning", "Pressure"):
        return None
    words = s.words
    verb = trig.entry is not None and trig.entry.pos == "verb" and trig.light is None
    starts = {r.first for r in s.refs}  # (a mention right after على names the addressee, not what is asked)
    c, budget = trig.last, CONTENT_REACH
    while c < len(words) and budget > 0:
        if c > trig.last and words[c - 1].breaks_after:
            return None
        end = aside_end(s, c, lex) if words[c].norm not in ASIDE_NOT else None
        if end is not None and not any(w.norm in CONTENT_OPENERS for w in words[c:end]):
            c = end  # (طالب سلام، خلال استقباله الموفد الفرنسي، فرنسا بالضغط: an aside counts no words; حذر، من أن
            continue  # الوضع خطير، is what is said)
        budget -= 1
        ref = s.ref_at().get(c)
        if ref is not None and ref.first == c and ref.last > c + 1:
            c = ref.last  # (a name counts one word: رئيس الحكومة اللبنانية نواف سلام)
            continue
        asked = s.ref_at()[c + 1] if trig.core == "Pressure" and verb and words[c].norm == "من" \
            and c + 1 in starts else None
        if asked is not None and asked.last < len(words):
            return asked.last  # (طالب الوزير من إيران وقف دعم الحوثيين: whom a demand is asked of stands behind من,
            # and what is asked follows)
        if words[c].norm in CONTENT_OPENERS or (trig.core == "Pressure" and (
                (words[c].norm in DEMAND_OPENERS and verb and c + 1 not in starts)  # (ضغوط على X، ضغطت على X)
                or (words[c].norm.startswith("ب") and (words[c].norm[1:] in lex.particles["demand_content"] or (
                    verb and words[c].norm.startswith("بال") and c > trig.last + 1 and c not in starts)))
                or (verb and words[c].norm == "ب" and c + 1 not in starts))):  # (بـ"الضغط: بـ written apart)
            return c
        c += 1
    return None


CONTENT_REACH = 12  # words from a verb of warning or demand to what it says or asks (asides not counted, a name
# one word)


def speaker_places(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> set[int]:
    """The places the speaker of the trigger's clause is in, after في between the verb of saying and what is said
    (وقالت تنسيقية لجان المقاومة في الفاشر إن القصف استهدف السوق): where the speaker is, not what was struck (a
    place the speaker's title names may be: قال مدير فندق مارينا إن الفندق تعرض لهجوم); for a verb of warning or
    demand, the place after في right after its subject (طالبت الحكومة السورية في دمشق القوات التركية).
    Their first word indices; empty when the trigger is no reported content.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = ("وقال مسؤول في طهران إن الهجوم استهدف مصفاة. وقصفت إسرائيل طهران."
    ...         " وطالبت الحكومة السورية في دمشق تركيا بالانسحاب.")
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [speaker_places(s, s.triggers[0], units.lex) for s in units.sentences]
    [{3}, set(), {4}]
    """
    words = s.words
    subject = next((r for r in s.refs if r.first == trig.last), None) if trig.core != "Attack" and (
        trig.entry is not None and trig.entry.pos == "verb") else None
    visited = {ref.first for ref in s.refs if trig.core != "Attack" and ref.kind == "Location"
               and trig.last <= ref.first and ref.first > 0 and words[ref.first - 1].key in lex.heads["visit"]}
    if visited:
        return visited  # (دعا لاريجاني، خلال زيارته بغداد، الحكومة العراقية: where he is, not whom he addresses)
    if subject is not None and subject.last + 1 < len(words) and words[subject.last].norm in lex.particles["in_place"]:
        # (وطالبت الحكومة السورية في دمشق القوات التركية: where the one who demands is, not whom he addresses)
        return {ref.first for ref in s.refs if ref.first == subject.last + 1 and ref.kind == "Location"}
    for r in range(min(trig.first, len(words))):
        if words[r].norm.lstrip("و") in lex.reporting_verbs:
            for c in range(r + 1, min(trig.first, r + 12)):
                if words[c - 1].breaks_after:
                    break
                if words[c].norm in CONTENT_OPENERS:
                    return {ref.first for ref in s.refs if r < ref.first and ref.last <= c and ref.kind == "Location"
                            and words[ref.first - 1].norm in lex.particles["in_place"]}  # (not مدير فندق X)
            break
    return set()


WARN_AGAINST = ("حذر", "يحذر", "تحذر", "تحذير", "محذر", "حذرت", "حذرو", "نحذر")  # (normalised word openings)
AGAINST_FILLERS = frozenset({"مغبه", "اي", "عواقب", "خطر", "مخاطر", "ان", "استمرار", "تصاعد", "تكرار", "توسيع", "تجدد"})
# (من مغبة شن، من أي هجوم، من أن استمرار الهجمات; not من أنه: the warner's own threat)


def warner_against(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """The author of a warning against the trigger's action (حذرت مصر من اقتحام رفح، مصر تحذر إسرائيل من مغبة شن
    هجوم): one warns against what others may do, so the warner is not its author (the addressee may be, and
    "حذر من أنه سيرد", a clause, is the warner's own threat). None when the trigger is no such content.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "حذرت مصر من اقتحام رفح. وحذرت مصر إسرائيل من مغبة شن هجوم. وهددت إيران بضرب إسرائيل."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [getattr(warner_against(s, s.triggers[-1], units.lex), "surface", None) for s in units.sentences]
    ['مصر', 'مصر', None]
    """
    words = s.words
    k = trig.light if trig.light is not None else trig.first
    any_attack = k > 0 and words[k - 1].norm in lex.modality["possible"]["hypothetical"]  # (إيران تحذر واشنطن: أي
    # هجوم سيقابل برد: the attack
    # a warning says would be answered is the addressee's, never the warner's)
    while k > 0 and words[k - 1].norm in AGAINST_FILLERS:
        k -= 1
    if any_attack and (k == 0 or words[k - 1].norm != "من"):
        for w in range(k - 1, max(-1, k - 8), -1):
            if words[w].norm.lstrip("و").startswith(WARN_AGAINST):
                return next((r for r in reversed(s.refs) if r.last <= w), None) or next(
                    (r for r in s.refs if w < r.first < k), None)
        return None
    found = _warning_against(words, k)
    return None if found is None else _warning_parties(s, *found)[0]


def _warning_against(words: list[Word], k: int) -> tuple[int, int] | None:
    """(the word of warning, the word after من) when من before word k (past its fillers) follows a word of warning in
    the same clause (حذرت مصر من اقتحام، وجه تحذيرا إلى طهران من مغبة استهداف); else None."""
    while k > 0 and words[k - 1].norm in AGAINST_FILLERS:
        k -= 1
    if k == 0 or words[k - 1].norm != "من":
        return None
    for w in range(k - 2, max(-1, k - 10), -1):
        if words[w].breaks_after:
            return None
        if words[w].norm.lstrip("و").startswith(WARN_AGAINST):
            return w, k
    return None


def _warning_parties(s: SentenceUnit, w: int, k: int) -> tuple[ActorRef | None, list[ActorRef]]:
    """The warner of the warning word w, and the mentions between it and the content at k: the warner is the
    subject before the word (SVO), else the first mention after it (VSO)."""
    words = s.words
    before = [r for r in s.refs if r.last <= w and not any(words[m].breaks_after for m in range(r.last, w))
              and not words[r.last - 1].comma_after]  # (وفي القاهرة، حذر الوزير: a place set off, no subject)
    after = [r for r in s.refs if w < r.first and r.last < k]
    return (before[-1] if before else (after[0] if after else None)), after


def warned_against(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """The one a warning addresses when the trigger is the act it warns him against (حذرت واشنطن طهران من استهداف
    قواتها، وجه تحذيرا إلى طهران من مغبة استهداف القوات): he is warned against doing it, so he is its author
    (GUIDELINES §4: "حذر إيران من شن هجوم" — Iran's possible attack). The addressee is the first mention after the
    verb of warning that is not the warner; None when the warning names none, or the trigger has an author of its
    own right after it (هجوم إيراني).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.units import read_units
    >>> text = "حذرت الولايات المتحدة إيران من استهداف القوات الأمريكية."
    >>> s = read_units(None, Article("x", "x.txt", text), load_kb()).sentences[0]
    >>> warned_against(s, s.triggers[-1], load_lexicon()).surface
    'إيران'
    """
    found = _warning_against(s.words, trig.light if trig.light is not None else trig.first)
    if found is None or (trig.last in s.ref_at() and s.ref_at()[trig.last].how == "nisba"):
        return None
    warner, after = _warning_parties(s, *found)
    return next((r for r in after if r is not warner and (r.kind != "Location" or r.how == "kb")), None)
    # (a known city: a capital, إلى طهران)


def asked_to_stop(s: SentenceUnit, trig: Trigger, lex: Lexicon, intervene: bool = False) -> ActorRef | None:
    """The one a demand addresses when what it asks is that he stop the trigger's act (طالبت روسيا الولايات المتحدة
    بوقف الضربات على سوريا، أكد لنظيره الإسرائيلي ضرورة وقف العمليات العسكرية في لبنان): one is asked to stop
    one's own acts, so he is their author. The addressee is the first mention after the demand's word and before
    what it asks that is not its subject; None when the act names an author of its own right after it (وقف
    الهجمات الإسرائيلية، وقف هجمات الحوثيين) or no demand stands before the stopping word. With `intervene`, the
    one asked instead to act so that another's act stops (طالبت الإدارة الأمريكية بالتدخل لوقف العدوان): no author.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.units import read_units
    >>> text = "وطالبت روسيا الولايات المتحدة بوقف الضربات على سوريا. وطالبت مصر الولايات المتحدة بالتدخل لوقف العدوان."
    >>> first, second = read_units(None, Article("x", "x.txt", text), load_kb()).sentences
    >>> asked_to_stop(first, first.triggers[-1], load_lexicon()).surface
    'الولايات المتحدة'
    >>> asked_to_stop(second, second.triggers[-1], load_lexicon()), asked_to_stop(second, second.triggers[-1],
    ...     load_lexicon(), intervene=True).surface
    (None, 'الولايات المتحدة')
    """
    words = s.words
    k = trig.first
    found = _stop_demand(s, trig, lex)
    if found is None:
        return None
    p, opener = found
    other = opener is not None and opener < k - 1 and words[opener].norm.startswith("بال") \
        and words[opener].norm[1:] not in lex.particles["cessation"]  # (بالتدخل لوقف: another act asked)
    if other != intervene:
        return None
    return _addressed(s, p, k - 1 if opener is None or opener > k - 1 else opener, lex)


def stop_asker(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """Who demands that the trigger's act stop or not be done (حثت قطر الطرفين على تجنب استهداف المدنيين، دعت مصر
    إلى وقف الهجمات): the demand's subject, before it (SVO) or right after it (VSO). One asks others to stop their
    acts, so he is no author of this one, whether or not the text names whom he asks (GUIDELINES §4).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.units import read_units
    >>> text = "وحثت قطر الطرفين على تجنب استهداف المدنيين."
    >>> s = read_units(None, Article("x", "x.txt", text), load_kb()).sentences[0]
    >>> stop_asker(s, s.triggers[-1], load_lexicon()).surface
    'قطر'
    """
    found = _stop_demand(s, trig, lex)
    if found is None:
        return None
    p = found[0]
    return _svo_subject(s, p) or next((r for r in s.refs if r.first == p.last), None)


def _svo_subject(s: SentenceUnit, p: Trigger) -> ActorRef | None:
    """The mention right before a verb (SUBJECT_GAP words at most, no comma or clause break between) that is its
    subject in a subject-first clause (واشنطن دعت، قطر أمس حثت); None in a verb-first clause."""
    words = s.words
    return next((r for r in reversed(s.refs) if r.last <= p.first and p.first - r.last <= SUBJECT_GAP and not any(
        words[m].comma_after or words[m].breaks_after for m in range(r.last - 1, p.first))), None)


def _stop_demand(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> tuple[Trigger, int | None] | None:
    """The nearest demand before the word of stopping right before the trigger (طالب X Y بوقف الهجمات، حثت واشنطن
    القاهرة على الضغط على X لوقف الهجمات), with the word that opens what it asks; None when the act names its own
    author right after it (وقف هجمات الحوثيين) or no demand stands before."""
    words = s.words
    k = trig.first
    if trig.core != "Attack" or k == 0 or words[k - 1].norm not in lex.particles["cessation"]:
        return None
    after = s.ref_at().get(trig.last)
    if after is not None and after.kind != "Location":
        return None  # (وقف هجمات الحوثيين: the act's own author)
    p = next((p for p in reversed(s.triggers) if p.core == "Pressure" and p.last <= k - 1), None)
    return None if p is None else (p, content_opener(s, p, lex))


def asked_to_press(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """The one a demand addresses when what it asks is that he press another (حثت واشنطن القاهرة على الضغط على
    الطرفين، طالبت قطر المجتمع الدولي بالضغط على إسرائيل): he is the pressure's author (GUIDELINES §2: calls on
    others to act count; §4: the content of a demand is possible). The trigger is a verbal noun of pressure that
    opens what the demand before it asks.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.lexicon import load_lexicon
    >>> from akhbar.extract.units import read_units
    >>> text = "حثت واشنطن القاهرة على الضغط على قوات الدعم السريع."
    >>> s = read_units(None, Article("x", "x.txt", text), load_kb()).sentences[0]
    >>> asked_to_press(s, s.triggers[-1], load_lexicon()).surface
    'القاهرة'
    """
    if trig.core != "Pressure" or trig.entry is None or trig.entry.pos == "verb":
        return None
    for p in reversed(s.triggers):
        if p.core != "Pressure" or p.last > trig.first or p.entry is None or p.entry.pos != "verb":
            continue
        opener = content_opener(s, p, lex)
        if opener is not None and opener in (trig.first, trig.first - 1):
            return _addressed(s, p, opener, lex)
        return None
    return None


SUBJECT_GAP = 2  # words between an SVO subject and its verb (adverbs: واشنطن أمس دعت)


def _addressed(s: SentenceUnit, p: Trigger, stop: int, lex: Lexicon) -> ActorRef | None:
    """The one a demand addresses, between its word and `stop` (where what it asks begins): the first mention there
    that is not its subject nor inside an aside (`aside_end`), else the one it addresses with لـ before it."""
    words = s.words
    asides = [(k, end) for k in range(p.last, stop) if (end := aside_end(s, k, lex)) is not None]
    between = [r for r in s.refs if p.last <= r.first and r.last <= stop
               and (r.kind != "Location" or r.how == "kb")  # (a known city: a capital, طالبت أنقرة)
               and not any(k <= r.first < end for k, end in asides)]  # (طالب سلام، خلال استقباله الموفد الفرنسي،)
    before = [r for r in s.refs if r.last <= p.first]
    subject = _svo_subject(s, p)  # (بينما دعا سيكورسكي موسكو: the mentions of the clause before are no subject)
    def clitic(r: ActorRef) -> str:
        return proclitic(words[r.first], r.start)

    if subject is not None or (between and clitic(between[0]).endswith("ل")):
        addressed = between
    else:  # (VSO: past the subject and the subjects joined to it by و, دعت السعودية والأردن المجتمع الدولي)
        k = 1
        while k < len(between) and clitic(between[k]).startswith("و"):
            k += 1
        addressed = between[k:]
    # (SVO: the mentions after the demand are addressed; VSO: the first is its subject, طالبت روسيا الولايات
    # المتحدة; أكد لنظيره: لـ marks the addressee)
    if addressed:
        return addressed[0]
    return next((r for r in reversed(before) if r.last == p.first and clitic(r).endswith("ل")), None)
    # (أكد لنظيره الإسرائيلي ضرورة وقف: the one addressed with لـ, before the demand's noun)


def blame(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> tuple[ActorRef | None, ActorRef | None]:
    """Who blames the trigger's attack on whom (اتهمت إيران إسرائيل بالهجوم، حملت الخارجية الإيرانية واشنطن
    مسؤولية الهجوم): the accuser is not its author; the accused is, as far as the text goes (GUIDELINES §3: blame
    is recorded as possible, with the accused as agent) — when the attack is what the accusation says he did,
    right after his name (بالهجوم، بشن هجمات، مسؤولية الهجوم), not something further (بإيواء مسلحين يشنون هجمات).
    (None, None) when no accusation verb opens the trigger's clause within its window.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "حملت إيران واشنطن مسؤولية الهجوم على السفارة. واتهمت إيران بالهجوم على السفارة."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [[getattr(r, "surface", None) for r in blame(s, s.triggers[-1], units.lex)] for s in units.sentences]
    [['إيران', 'واشنطن'], [None, None]]
    """
    cues = lex.modality["possible"]["accusation"]
    words = s.words
    head = trig.light if trig.light is not None else trig.first
    if coordinated_verb(words, trig):
        return None, None  # (باكستان تتهم أفغانستان بإيواء مسلحين وتشن غارات: a coordinated verb, its own clause)
    first = joined_verbal_noun(words, head)
    head = head if first is None else first  # (اتهم الجيش الهندي القوات الباكستانية بخرق الهدنة وقصف قطاعي: one
    # more act charged, joined to the first)
    window = names_as_one(head, lex.modality["possible"]["accusation_window"], ((r.first, r.last) for r in s.refs))
    for v in range(head - 1, max(-1, head - 1 - window), -1):
        if words[v].breaks_after:
            return None, None
        if words[v].norm in cues or words[v].norm.lstrip("وف") in cues:
            between = [r for r in s.refs if v < r.first and r.last <= head]  # (a capital too: واشنطن)
            before = [r for r in s.refs if r.last == v and not words[v - 1].comma_after]  # (إيران تتهم إسرائيل;
            # not وعلى الجبهة الشرقية، اتهم: a place set off by a comma)
            if before and between:
                by, accused = before[-1], between[-1]
            elif len(between) > 1:
                by, accused = between[0], between[-1]
            elif between and between[0].first == v + 1 and not words[v].norm.lstrip("و").startswith(("م", "ال")) \
                    and "اتهام" not in words[v].norm \
                    and any(w.norm not in BLAME_LINKS for w in words[between[0].last:head]):
                return between[0], None  # (اتهمت قوات الدعم السريع الطيران الحربي التابع للجيش بقصف: the accuser,
                # and an accused the base does not name; not واتهمت إيران بالهجوم, the accused of a passive, nor
                # متهما الحركة بالتخطيط: a participle's or a noun's subject is the clause's)
            else:
                return None, None
            links = words[accused.last:head]
            direct = all(w.norm in BLAME_LINKS for w in links) and (
                bool(links) or words[head].norm.startswith("ب") or trig.light is not None)
            while accused is not between[0] and _described_by(words, between, accused, lex):
                accused = between[between.index(accused) - 1]  # (القوات الإثيوبية العاملة ضمن بعثة الاتحاد
                # الأفريقي بقصف: the accused is the one the description is of)
            return by, (accused if direct and accused is not by else None)
    return None, None


CLAIMING = frozenset(normalise(w) for w in ("تبنى", "تبنت", "تبنوا", "يتبنى", "تتبنى", "وتبنى", "وتبنت", "وتبنوا"))
RESPONSIBILITY = frozenset(normalise(w) for w in ("مسؤوليته", "مسؤوليتها", "مسؤوليتهم", "المسؤولية"))
CLAIM_REACH = 8  # words from a verb of claiming to the attack it claims, a name counting one


def claimant(s: SentenceUnit, trig: Trigger) -> ActorRef | None:
    """Who claims the trigger's attack (تبنت حركة الشباب الهجوم، أعلنت الجماعة مسؤوليتها عن الهجوم): one who
    claims an attack says he made it, so he is its author as the text tells it (GUIDELINES §3, a claim reported
    without a hedge is asserted). The claimer is the verb's subject, right after it (VSO) or right before it (SVO).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وتبنت حركة الشباب، المرتبطة بتنظيم القاعدة، الهجوم. وأدانت الحكومة الهجوم."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [getattr(claimant(s, s.triggers[-1]), "surface", None) for s in units.sentences]
    ['حركة الشباب', None]
    """
    if trig.core != "Attack":
        return None
    words = s.words
    head = trig.light if trig.light is not None else trig.first
    window = names_as_one(head, CLAIM_REACH, ((r.first, r.last) for r in s.refs))
    for v in range(head - 1, max(-1, head - 1 - window), -1):
        if words[v].breaks_after:
            return None
        claims = words[v].norm in CLAIMING or (words[v].norm in RESPONSIBILITY and v + 1 < head
                                               and words[v + 1].norm == "عن")
        if not claims:
            continue
        verb = v if words[v].norm in CLAIMING else next(
            (k for k in range(v - 1, max(-1, v - 4), -1) if words[k].norm.lstrip("و") in ANNOUNCING), None)
        if verb is None or (verb > 0 and words[verb - 1].norm in ("لم", "لا", "ولم")):
            return None  # (لم تتبن أي جهة الهجوم: no claim)
        after = next((r for r in s.refs if r.first == verb + 1), None)
        before = next((r for r in s.refs if r.last == verb and not words[verb - 1].comma_after), None)
        return after or before
    return None


ANNOUNCING = frozenset({"اعلن", "اعلنت", "اعلنوا", "تعلن", "يعلن"})  # (normalised) verbs of announcing
OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")  # (normalised: the object pronoun a relative clause's verb carries)
RELATIVE_ADJECTIVES = 2  # adjectives of the trigger noun before its relative clause (هجوم انتحاري شنته)


def relative_author(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """The author a relative clause on the trigger noun names (الغارات التي شنتها إسرائيل، هجوم انتحاري شنته حركة
    الشباب، تحذير وجهه وزير الدفاع إلى الحكومة): a light or issuing verb whose object pronoun is the noun itself,
    then its subject, right after it. One who launched or issued the act is its author (GUIDELINES §3).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "وتزامن ذلك مع تحذير وجهه وزير الدفاع الإسرائيلي إلى الحكومة العراقية."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> relative_author(units.sentences[0], units.sentences[0].triggers[0], units.lex).surface
    'وزير الدفاع الإسرائيلي'
    """
    if trig.entry is None or trig.entry.pos == "verb" or trig.light is not None:
        return None
    words = s.words
    k = trig.last
    for _ in range(RELATIVE_ADJECTIVES):
        if k < len(words) and not words[k - 1].gap_after.strip() and k not in s.ref_at() \
                and words[k].norm.endswith(("ي", "يه")) and not words[k].norm.endswith(("هما", "هم", "ها")):
            k += 1  # (هجوم انتحاري، الغارات الجوية الإسرائيلية is a nisba's: its own author, no relative)
    k = _past_means(s, k, lex)  # (هجوم بالصواريخ والطائرات المسيرة نفذه الحرس الثوري)
    if k < len(words) and words[k].norm in lex.particles["relative_pronouns"]:
        k += 1
    if k + 1 >= len(words) or words[k - 1].gap_after.strip():
        return None
    w = words[k].norm
    stem = next((w[:-len(p)] for p in OBJECT_PRONOUNS if w.endswith(p) and len(w) - len(p) >= 2), None)
    if stem is None or not (w in lex.light_verbs or stem in lex.particles["issuing_verbs"]):
        return None
    return next((r for r in s.refs if r.first == k + 1), None)


MEANS_WORDS = 4  # words of the means an attack noun names before its relative clause


def _past_means(s: SentenceUnit, k: int, lex: Lexicon) -> int:
    """The word after the means that word k names with بـ (بالصواريخ والطائرات المسيرة: the weapons, coordinated
    and with their adjectives), k itself when word k names none."""
    words = s.words

    def weapon(word: Word) -> bool:
        return any(key in lex.weapons or key in lex.heads["instrument"] for key, _ in word.readings)

    if k >= len(words) or not words[k].norm.startswith("ب") or not weapon(words[k]) \
            or words[k - 1].gap_after.strip():
        return k
    m = k + 1
    while m < min(len(words), k + MEANS_WORDS) and not words[m - 1].gap_after.strip() and m not in s.ref_at() \
            and (weapon(words[m]) or _adjective(words[m])):
        m += 1
    return m


DESCRIPTION_WORDS = frozenset(normalise(w) for w in ("العاملة", "العاملين", "العامل", "ضمن", "في", "من"))


def _described_by(words: list[Word], between: list[ActorRef], accused: ActorRef, lex: Lexicon) -> bool:
    """Whether the mention before `accused` among `between` is described by it (القوات الإثيوبية العاملة ضمن بعثة
    الاتحاد الأفريقي، المدعومة من إيران، التابعة للجيش): only words of belonging or support stand between them."""
    k = between.index(accused)
    if k == 0:
        return False
    gap = words[between[k - 1].last:accused.first]
    return bool(gap) and all(w.norm in DESCRIPTION_WORDS or w.norm in lex.aligned_cues or w.norm in lex.belonging
                             for w in gap)




VERDICT_REACH = 6  # words from an attack to the verdict its speaker passes on it (الهجوم جريمة، القصف انتهاك صارخ)


def condemner(s: SentenceUnit, trig: Trigger, lex: Lexicon) -> ActorRef | None:
    """Who condemns the trigger's attack (أدانت الجزائر الهجوم، السعودية تدين بشدة القصف، أعربت مصر عن إدانتها
    للهجوم): one judges another's act, so the condemner is never its author (GUIDELINES §2 leaves condemnation
    unannotated; it may be the one struck, so it stays a candidate target). A speaker who calls the attack a crime
    or a violation right after naming it (`verdict`: اعتبرت حماس أن استهداف المدرسة جريمة حرب) judges it too. None
    when no word of condemnation stands within CONDEMN_REACH words before the trigger in its clause.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "أدانت الجزائر بشدة الهجوم الذي استهدف القافلة. وقالت مصر إن الهجوم وقع ليلا."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [getattr(condemner(s, s.triggers[-1], units.lex), "surface", None) for s in units.sentences]
    ['الجزائر', None]
    """
    words = s.words
    head = trig.light if trig.light is not None else trig.first
    if head > 1 and words[head - 1].norm in lex.particles["relative_pronouns"]:
        head = next((t.first for t in s.triggers if t.core == "Attack" and t.last == head - 1), head)
        # (أدان الهجوم الذي استهدف القافلة: the relative clause's verb is the condemned noun's)
    cues = lex.particles["condemnation"]
    for v in range(head - 1, max(-1, head - 1 - CONDEMN_REACH), -1):
        if words[v].breaks_after:
            break
        if words[v].norm.lstrip("وف") in cues:
            between = [r for r in s.refs if v < r.first and r.last <= head]  # (أدانت الجزائر الهجوم)
            before = [r for r in s.refs if r.last <= v and v - r.last <= 3  # (السعودية تدين، مصر عن إدانتها)
                      and not any(words[m].breaks_after for m in range(r.last - 1, v))]
            return between[0] if between else (before[-1] if before else None)
    for v in range(trig.last, min(len(words), trig.last + VERDICT_REACH)):
        if words[v].norm in lex.particles["verdict"] and s.speaker is not None and s.speaker.last <= trig.first:
            return s.speaker  # (اعتبرت حماس أن استهداف المدرسة جريمة حرب: the speaker passes a verdict on it)
        if words[v].breaks_after or words[v].comma_after or any(t.first == v for t in s.triggers):
            break
    return None


CONDEMN_REACH = 8  # words between a condemnation and the attack it names (ولم تعلق الحكومة اليمنية المعترف بها دوليا
# على الهجوم: its subject between)


def patron(s: SentenceUnit, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a mention only names the patron of the actor before it (جماعة نصرة الإسلام والمسلمين المرتبطة بتنظيم
    القاعدة، الفصائل المدعومة من إيران) or the movement whose arm it is (الذراع العسكرية لحركة حماس): it describes
    that actor and takes no part in its act.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "هاجمت جماعة نصرة الإسلام والمسلمين المرتبطة بتنظيم القاعدة قاعدة للجيش المالي."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [patron(units.sentences[0], r, units.lex) for r in units.sentences[0].refs]
    [False, True, False]
    """
    k = ref.first - 1
    if k > 0 and s.words[k].norm in ("من", "ل") and not s.words[k - 1].gap_after.strip():
        k -= 1
    cue = s.words[k].norm.lstrip("و") if k >= 0 else ""
    arm = lex.particles["arm"]  # (كتائب القسام، الذراع العسكرية لحركة حماس: the movement whose arm it is)
    if k >= 0 and (cue in arm or (k > 0 and s.words[k - 1].norm in arm and not s.words[k - 1].gap_after.strip())) \
            and not s.words[k].gap_after.strip():
        return True
    return cue in lex.aligned_cues and cue not in lex.belonging and not s.words[k].gap_after.strip()
    # (مروحيات تابعة للجيش الإسرائيلي: what belongs to an actor is his, and he acts with it)


# the words between the accused and the attack he is blamed for (بالهجوم، مسؤولية الهجوم، المسؤولية عن الهجوم،
# بالوقوف وراء الهجوم، بمحاولة استهداف; a light verb, بشن، is read with its noun)
BLAME_LINKS = frozenset(normalise(w) for w in ("ب", "مسؤولية", "المسؤولية", "عن", "بالمسؤولية", "بالوقوف", "وراء",
                                              "بمحاولة", "محاولة", "بمحاولات"))


def located_places(s: SentenceUnit, trig: Trigger, lex: Lexicon, text: str) -> dict[str, set[str]]:
    """Named places that locate the positions of an owner after the trigger (GUIDELINES §6: "مواقع لحزب الله في
    بلدة كفرا" gives an event on Hezbollah and one on Kfarra; "مقرات الأحزاب في كويسنجق", "دبابات سورية
    بالسويداء" likewise): owner IRI → the places after في / بـ that close its phrase, with the places coordinated
    to them. The owner is named after a noun of positions or of things struck (مواقع، مقرات، دبابات …) or is
    such a phrase itself; the places are below a state (a state adds nothing).

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت إسرائيل مواقع لحزب الله في بلدة الخيام وبلدة الناقورة."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> s = units.sentences[0]
    >>> places = located_places(s, s.triggers[0], units.lex, text)
    >>> sorted(p.rsplit("/", 1)[-1] for p in places["https://w3id.org/akhbar/id/hezbollah"])
    ['khiam', 'naqoura']
    """
    words = s.words
    places_at = {r.first: r for r in s.refs if r.kind == "Location" and r.first > 0 and (
        _place_like(r, words, lex) or (r.how == "facility" and any(
            _listed(key, lex.heads[heads]) for key, _ in words[r.first - 1].readings
            for heads in ("place_plural", "place_named"))))}  # (في مدينتي بارا وأبو زبد: names the noun lists)
    out: dict[str, set[str]] = {}
    if not places_at:
        return out  # (most sentences: no named place, and no coordination groups to build for every trigger)
    groups: dict[int, tuple[ActorRef, ...]] | None = None
    for owner in s.refs + s.phrases:
        if owner.first < trig.last or any(trig.last <= t.first < owner.first for t in s.triggers if t is not trig):
            continue
        if owner.how == "phrase" or (owner.how == "facility" and _generic(words[owner.first], lex)):
            positions = _positions(words[owner.first], lex)  # (منشآت عسكرية في محافظة أصفهان: unnamed sites)
        else:
            head = owner.first - 1
            if head > 0 and words[head].norm in lex.belonging:
                head -= 1  # (بنى تحتية ومنصات صاروخية تابعة لحزب الله في منطقة جنوب لبنان: whose, after تابعة)
            for _ in range(3):
                listed = words[head].norm.endswith(("يه", "ي")) or words[head].norm.startswith("و") or not definite(
                    words[head].norm)  # (and a genitive: منصات إطلاق صواريخ تابعة لحزب الله)
                if head > 0 and not words[head - 1].gap_after.strip(QUOTES) and listed \
                        and not _positions(words[head], lex):
                    head -= 1  # (مواقع عسكرية إسرائيلية في مزارع شبعا: the positions' adjective before their owner)
            positions = owner.kind != "Location" and head >= 0 and _positions(words[head], lex)
        if not positions:
            continue
        for k in range(owner.first + 1, min(owner.last + 4, len(words))):
            place = places_at.get(k)
            located = place is not None and (_after_in(words, k, lex)
                                             or (words[k].norm.startswith("ب") and place.start > words[k].start))
            if located and not words[k - 1].gap_after.strip(" "):
                if groups is None:
                    groups = {g[0].first: g for g in coordination_groups(s, lex, text)}
                out.setdefault(owner.iri, set()).update(
                    i for r in groups.get(k, (place,)) if r.kind == "Location" and (
                        _place_like(r, words, lex) or r is place or r.how == "facility")
                    for i in r.iris)  # (موانئ الحديدة ورأس عيسى والصليف: a name listed after a place is one too)
                break
    return out


def _after_in(words: list[Word], k: int, lex: Lexicon) -> bool:
    """Whether word k opens a place after في, past a place noun (في محافظتي X وY، في بلدة X) or a noun of its
    surroundings (في محيط مدينة كيدال، في أطراف بلدة X) or both, with no punctuation between."""
    j = k - 1
    if j > 0 and any(_listed(key, lex.heads[heads]) for key, _ in words[j].readings
                     for heads in ("place_plural", "place_named")):
        j -= 1
    if j > 0 and any(_listed(key, lex.heads["vicinity"]) for key, _ in words[j].readings):
        j -= 1
    return j >= 0 and words[j].norm in lex.particles["in_place"] and not any(
        w.gap_after.strip(" ") for w in words[j:k - 1])


def owns_positions(s: SentenceUnit, ref: ActorRef, lex: Lexicon) -> bool:
    """Whether a mention names the owner of positions or of things struck, right after their noun (مقرات حركة
    الشباب، مواقع لحزب الله، مواقع تابعة للجيش) or inside the description of one (مكتبا للحركة في الضاحية):
    GUIDELINES §3 makes it the attack's target, never its author.

    >>> from akhbar.kb import load_kb
    >>> from akhbar.records import Article
    >>> from akhbar.extract.units import read_units
    >>> text = "قصفت الطائرات مقرات حركة الشباب ومواقع تابعة لحزب الله من الأراضي السورية."
    >>> units = read_units(None, Article("x", "x.txt", text), load_kb())
    >>> [owns_positions(units.sentences[0], r, units.lex) for r in units.sentences[0].refs]
    [True, True, False]
    """
    if any(p.first < ref.first and ref.last <= p.last for p in s.phrases):
        return True  # (مكتبا للحركة في الضاحية: inside the description of a thing struck, its owner or its place)
    k = ref.first - 1
    if k > 0 and s.words[k].norm in lex.belonging:
        k -= 1
    source = k > 0 and s.words[k - 1].norm in ("من", "عبر")  # (للقصف من الأراضي الأرمينية: whence it came)
    if k >= 0 and not _positions(s.words[k], lex):  # (مستودعا للأسلحة تابعا لحزب الله، مخازن أسلحة للحوثيين: a
        # phrase that names the facility, then its owner)
        k = next((r.first for r in (*s.refs, *s.phrases) if r.last == k + 1 and r.how != "kb"),
                 k - 1 if k > 0 and not s.words[k - 1].gap_after.strip()
                 and any(key in lex.heads["group_sites"] for key, _ in s.words[k - 1].readings) else k)
        # (مخازن أسلحة للحوثيين: a group's sites, no Location minted for them)
    return k >= 0 and not source and not s.words[k].gap_after.strip() and _positions(s.words[k], lex)


def _generic(word: Word, lex: Lexicon) -> bool:
    """Whether a word is a generic noun of targets or sites (مواقع، منشآت، أهداف: GUIDELINES §3), not a facility's
    own kind (مصفاة، مطار)."""
    return any(_listed(key, lex.generic_targets) for key, _ in word.readings)


def _positions(word: Word, lex: Lexicon) -> bool:
    """Whether a word is a noun of positions, facilities or things an attack strikes (مواقع، مقرات، دبابات، مقرا:
    also in the accusative)."""
    return any(_listed(key, heads) for key, _ in word.readings
               for heads in (lex.generic_targets, lex.heads["struck"], lex.heads["facility"]))


def _place_like(ref: ActorRef, words: list[Word], lex: Lexicon) -> bool:
    """A mention of a named place: a known or gazetteer place, or a minted one named after a place noun (بلدة
    كفرا، قرية ود النورة، جبال قنديل), not a collective (عدة مناطق، القرى الحدودية)."""
    return ref.how in PLACE_HOWS or (ref.how == "facility" and ref.last - ref.first >= 2 and not
                                     definite(words[ref.first + 1].norm)
                                     and any(key in lex.heads["place"] or key in lex.heads["place_named"]
                                             for key, _ in words[ref.first].readings))


def reciprocal(s: SentenceUnit, trig: Trigger) -> bool:
    """Whether the trigger is exchanged (تبادل القصف، تتبادل إيران وإسرائيل الضربات، القصف المتبادل بين X وY،
    قصفت X وY مواقع بعضهما البعض): both directions (GUIDELINES §2)."""
    words = s.words
    if trig.light is not None and words[trig.light].norm in RECIPROCAL:
        return True
    if any(w.norm in MUTUAL for w in words[trig.last:trig.last + 2]):
        return True
    for k in range(trig.last, min(len(words), trig.last + EACH_OTHER_REACH)):
        if words[k].norm.lstrip("ول") in EACH_OTHER and k + 1 < len(words) and words[k + 1].norm == "البعض":
            return True  # (قصفت روسيا وأوكرانيا مواقع بعضهما البعض: each the other's, past the subject and object;
            # not تسبب بعضها في خسائر: "some of them")
        if words[k].breaks_after or words[k].comma_after:
            break
    # (right before it, or before its coordinated subject: تبادل حزب الله والجيش الإسرائيلي إطلاق النار)
    return clause_word_before(words, trig.first, RECIPROCAL_VERBS, EXCHANGE_REACH) is not None
