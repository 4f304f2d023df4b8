"""The actor base: known actors read from ontology/actors.ttl, indexed for matching in Arabic text.

Labels (rdfs:label, skos:prefLabel, skos:altLabel @ar), nisba adjectives (ak:nisba) and capitals
(ak:capitalOf) are folded with `normalise` so that spelling variants (hamza forms, ى/ي, ة/ه,
أمريكي/أميركي, diacritics) and the definite article compare equal.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from akhbar.paths import ontology_dir

AK_NS = "https://w3id.org/akhbar/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
LABEL_PREDICATES = (RDFS_LABEL, SKOS + "prefLabel", SKOS + "altLabel")
SAME_AS_PREDICATES = (SKOS + "exactMatch", "http://www.w3.org/2002/07/owl#sameAs")
WIKIDATA = "http://www.wikidata.org/entity/"
LINK_PROPERTIES = ("partOf", "officialOf", "alignedWith", "memberOf", "capitalOf", "actsFor", "locatedIn")
ACTOR_KINDS = ("State", "Militia", "Official", "StateOrgan", "Organization", "MediaOutlet", "Location")

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": None})
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")


def normalise(text: str) -> str:
    """Fold Arabic spelling variants, diacritics and case (same folding as the shared scorer)."""
    t = _DIACRITICS.sub("", text).translate(_FOLD).lower()
    return t.replace("امريك", "اميرك")


def strip_article(word: str) -> str:
    """A normalised word without its definite article (only when enough of a word remains)."""
    if len(word) > 4 and word.startswith("ال"):
        return word[2:]
    return word


@lru_cache(maxsize=65536)
def label_key(text: str) -> tuple[str, ...]:
    """The matching key of a label: its normalised words without the definite article (cached: the
    extractor keys the same labels over and over)."""
    return tuple(strip_article(w) for w in _WORD.findall(normalise(text)))


# the links that tie an actor to the state it acts for, in the order they are followed
STATE_LINKS = ("officialOf", "partOf", "capitalOf", "actsFor", "locatedIn")


@dataclass
class Actor:
    """One actor of the base: IRI, ak class, labels, Wikidata id and links to other actors."""

    iri: str
    kind: str = "Actor"
    labels_ar: list[str] = field(default_factory=list)
    label_en: str | None = None
    qid: str | None = None
    nisbas: list[str] = field(default_factory=list)
    links: dict[str, list[str]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """A readable name: English label, else the first Arabic one, else the IRI's last part."""
        return self.label_en or (self.labels_ar[0] if self.labels_ar else self.iri.rsplit("/", 1)[-1])

    def state(self) -> str | None:
        """The state this actor acts for, from its direct links (a State is its own state)."""
        if self.kind == "State":
            return self.iri
        for prop in STATE_LINKS:
            if self.links.get(prop):
                return self.links[prop][0]
        return None


@dataclass
class KnowledgeBase:
    """Known actors and the indexes the extractor matches text against."""

    actors: dict[str, Actor] = field(default_factory=dict)
    by_label: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    by_nisba: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    by_code: dict[str, str] = field(default_factory=dict)  # ISO 3166 alpha-2 → State IRI
    # first word of a label key → the word counts of the labels that start with it, longest first
    label_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def add_label(self, iri: str, text: str) -> None:
        """Index one Arabic label of an actor."""
        key = label_key(text)
        if key:
            self.by_label.setdefault(key, set()).add(iri)
            lengths = set(self.label_lengths.get(key[0], ())) | {len(key)}
            self.label_lengths[key[0]] = tuple(sorted(lengths, reverse=True))

    def lookup(self, key: tuple[str, ...]) -> str | None:
        """The one actor a label key names (prefer a State when a key is shared), else None."""
        iris = self.by_label.get(key)
        if not iris:
            return None
        if len(iris) == 1:
            return next(iter(iris))
        ranked = sorted(iris, key=lambda i: (ACTOR_KINDS.index(self.kind(i)) if self.kind(i) in ACTOR_KINDS
                                            else 99, i))
        return ranked[0]

    def outlet(self, name: str) -> str | None:
        """The ak:MediaOutlet of the base a publisher's name (Arabic or English, as metadata gives it) names.

        >>> from akhbar.kb import load_kb
        >>> load_kb().outlet("The New York Times"), load_kb().outlet("صحيفة نيويورك تايمز")
        ('https://w3id.org/akhbar/id/nyt', 'https://w3id.org/akhbar/id/nyt')
        """
        found = self.lookup(label_key(name))
        if found and self.kind(found) == "MediaOutlet":
            return found
        wanted = " ".join(name.casefold().split()).removeprefix("the ")
        for actor in self.actors.values():
            if actor.kind == "MediaOutlet" and actor.label_en and \
                    actor.label_en.casefold().removeprefix("the ") == wanted:
                return actor.iri
        return None

    def kind(self, iri: str) -> str:
        """The ak class local name of an actor ("Actor" when unknown)."""
        actor = self.actors.get(iri)
        return actor.kind if actor else "Actor"

    def state_of(self, iri: str) -> str | None:
        """The state an actor acts for (following links up to three steps)."""
        seen: set[str] = set()
        current: str | None = iri
        while current and current not in seen and len(seen) < 4:
            seen.add(current)
            actor = self.actors.get(current)
            if actor is None:
                return None
            state = actor.state()
            if state == current or state is None:
                return state
            current = state
        return None

    def nisba_state(self, word: str) -> str | None:
        """The state named by a normalised nisba stem (e.g. اسراييلي → Israel)."""
        return self.by_nisba.get(word)

    def without(self, iris: Collection[str]) -> KnowledgeBase:
        """The base less some actors, their labels no longer matched: how a text reads where the base does not
        know them (the actors an evaluation holds out; links to them stay, as links to any unknown actor do).

        >>> kb = load_kb()
        >>> hezbollah = kb.lookup(label_key("حزب الله"))
        >>> kb.without({hezbollah}).lookup(label_key("حزب الله")) is None, kb.lookup(label_key("حزب الله")) is not None
        (True, True)
        """
        gone = set(iris)
        out = KnowledgeBase({i: a for i, a in self.actors.items() if i not in gone}, by_nisba=dict(self.by_nisba),
                            capitals={i: s for i, s in self.capitals.items() if i not in gone},
                            by_code=dict(self.by_code))
        for iri, actor in out.actors.items():
            for label in actor.labels_ar:
                out.add_label(iri, label)
        return out


@lru_cache(maxsize=200_000)
def nisba_stem(word: str) -> str | None:
    """The masculine singular stem of a normalised nisba form, or None if the word cannot be one.

    الإسرائيلية / إسرائيليون / إسرائيليين / إسرائيليا / الإسرائيليات → اسراييلي.
    """
    w = word
    for prefix in ("وال", "فال", "بال", "كال", "لل", "ال"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 4:
            w = w[len(prefix):]
            break
    for suffix in ("يات", "يتين", "يتان", "يون", "يين", "يان", "يه", "يا", "يي"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)] + "ي"
    if w.endswith("ي") and len(w) >= 4:
        return w
    return None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def parse_kb(path: Path, *more: Path) -> KnowledgeBase:
    """Read actor Turtle files into a KnowledgeBase."""
    kb = KnowledgeBase()
    triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    for extra in more:
        triples += ox.parse(path=str(extra), format=ox.RdfFormat.TURTLE)

    def actor(iri: str) -> Actor:
        if iri not in kb.actors:
            kb.actors[iri] = Actor(iri)
        return kb.actors[iri]

    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == RDF_TYPE and isinstance(o, ox.NamedNode) and o.value.startswith(AK_NS):
            kind = _local(o.value)
            if kind in ACTOR_KINDS:
                actor(s.value).kind = kind
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if not isinstance(s, ox.NamedNode) or s.value not in kb.actors:
            continue
        a = kb.actors[s.value]
        if p in LABEL_PREDICATES and isinstance(o, ox.Literal):
            lang = (o.language or "").lower()
            if lang.startswith("ar"):
                if o.value not in a.labels_ar:
                    a.labels_ar.append(o.value)
                kb.add_label(a.iri, o.value)
            elif lang.startswith("en") and (a.label_en is None or p == RDFS_LABEL):
                a.label_en = o.value
        elif p in SAME_AS_PREDICATES and isinstance(o, ox.NamedNode) and o.value.startswith(WIKIDATA):
            a.qid = _local(o.value)
        elif p == AK_NS + "countryCode" and isinstance(o, ox.Literal):
            kb.by_code[o.value.upper()] = a.iri
        elif p == AK_NS + "nisba" and isinstance(o, ox.Literal):
            a.nisbas.append(o.value)
            stem = nisba_stem(normalise(o.value))
            if stem:
                kb.by_nisba.setdefault(stem, a.iri)
            if normalise(o.value).endswith("ي"):  # (given bare: ألماني is الماني, whose ال is no article, so
                kb.by_nisba.setdefault(normalise(o.value), a.iri)  # the stem of الألمانية is الماني)
        elif p.startswith(AK_NS) and _local(p) in LINK_PROPERTIES and isinstance(o, ox.NamedNode):
            a.links.setdefault(_local(p), []).append(o.value)
            if _local(p) == "capitalOf":
                kb.capitals[a.iri] = o.value
    return kb


ACTOR_FILES = ("actors.ttl", "states.ttl")  # hand-made actors, then every other state (generated from CLDR)


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...], mtimes: tuple[float, ...]) -> KnowledgeBase:
    return parse_kb(*(Path(p) for p in paths))


def actor_files(folder: Path | None = None) -> list[Path]:
    """The actor base's files in an ontology folder (states.ttl only when present)."""
    folder = folder or ontology_dir()
    return [folder / name for name in ACTOR_FILES if name == ACTOR_FILES[0] or (folder / name).is_file()]


def load_kb(path: Path | None = None) -> KnowledgeBase:
    """The actor base at `path`, or by default ontology_dir()'s actors.ttl and states.ttl, parsed once per
    file version."""
    paths = [Path(path)] if path is not None else actor_files()
    for p in paths:
        if not p.is_file():
            raise FileNotFoundError(f"{p}: no actor base (ontology/actors.ttl) found")
    return _load_cached(tuple(str(p.resolve()) for p in paths), tuple(p.stat().st_mtime for p in paths))
