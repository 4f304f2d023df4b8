"""ontology/actors.ttl: every actor is well typed, labelled, linked and unambiguous, and the file conforms to shapes."""

from __future__ import annotations

import re
from collections import defaultdict

import owlrl
import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from akhbar.graph.vocab import AK, ID_NS

WIKIDATA_ENTITY = re.compile(r"http://www\.wikidata\.org/entity/Q[1-9]\d*")
KEY = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)*")
# Folds Arabic spelling variants that an extractor must treat as one name (diacritics, tatweel, hamza seats,
# alif maqsura, ta marbuta).
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
# Affiliation property -> the classes its object must have in actors.ttl.
LINK_RANGES = {
    AK.officialOf: {AK.State},
    AK.partOf: {AK.State},
    AK.capitalOf: {AK.State},
    AK.alignedWith: {AK.State},
    AK.memberOf: {AK.Militia, AK.Organization, AK.StateOrgan},
}
# Link property -> the classes its subject must have.
LINK_DOMAINS = {
    AK.officialOf: {AK.Official},
    AK.partOf: {AK.StateOrgan},
    AK.capitalOf: {AK.Location},
    AK.alignedWith: {AK.Militia},
}
# Names that two entries share on purpose once diacritics are dropped, and the State the lexicon resolves
# them to (the KB prefers a State on a shared key): عُمان (Oman) and عمّان (Amman).
HOMOGRAPHS = {"عمان": "oman"}
CORE_ACTORS = ("usa", "iran", "israel", "iraq", "idf", "irgc", "hezbollah", "houthis", "sudani", "blinken",
               "sullivan", "baghdad", "white_house", "tehran", "hamas", "un_security_council", "nato")


def fold(text: str) -> str:
    """The spelling-folded form of an Arabic name."""
    text = _DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ى", "ي").replace("ة", "ه")


@pytest.fixture(scope="module")
def kinds(ontology: Graph) -> set[URIRef]:
    """The ak classes an actor-base entry may have: subclasses of ak:Actor, and ak:Location."""
    subs = {c for c in ontology.subjects(RDF.type, None) if AK.Actor in ontology.transitive_objects(c, RDFS.subClassOf)}
    return subs | {AK.Location}


@pytest.fixture(scope="module")
def entries(actors: Graph) -> list[URIRef]:
    """Every subject of actors.ttl."""
    return sorted({s for s in actors.subjects() if isinstance(s, URIRef)})


def test_every_subject_is_an_id_iri_with_snake_case_key(entries: list[URIRef]) -> None:
    for s in entries:
        assert str(s).startswith(ID_NS), s
        assert KEY.fullmatch(str(s)[len(ID_NS):]), s


def test_size(entries: list[URIRef]) -> None:
    assert len(entries) >= 300


def test_core_actors_present(actors: Graph) -> None:
    for key in CORE_ACTORS:
        assert (URIRef(ID_NS + key), RDF.type, None) in actors, key


def test_exactly_one_type_that_is_an_actor_or_location(actors: Graph, entries: list[URIRef],
                                                       kinds: set[URIRef]) -> None:
    for s in entries:
        types = set(actors.objects(s, RDF.type))
        assert len(types) == 1, f"{s}: {types}"
        assert types <= kinds, f"{s}: {types}"


def test_one_arabic_and_one_english_label(actors: Graph, entries: list[URIRef]) -> None:
    for s in entries:
        labels = list(actors.objects(s, RDFS.label))
        assert sorted(lbl.language for lbl in labels if isinstance(lbl, Literal)) == ["ar", "en"], s
        for lbl in labels:
            assert str(lbl) == str(lbl).strip() and "  " not in str(lbl), f"{s}: {lbl!r}"


def test_labels_are_tagged_and_clean(actors: Graph) -> None:
    arabic = re.compile("[\u0600-\u06ff]")
    for p in (RDFS.label, SKOS.altLabel, AK.nisba):
        for s, lit in actors.subject_objects(p):
            assert isinstance(lit, Literal) and lit.language in ("ar", "en"), f"{s} {p} {lit!r}"
            assert str(lit) and str(lit) == str(lit).strip() and "  " not in str(lit), f"{s}: {lit!r}"
            if lit.language == "ar":
                assert arabic.search(str(lit)) or str(lit).isdigit(), f"{s}: {lit!r} tagged @ar"


def test_alt_labels_do_not_repeat_the_label(actors: Graph, entries: list[URIRef]) -> None:
    for s in entries:
        assert set(actors.objects(s, RDFS.label)).isdisjoint(set(actors.objects(s, SKOS.altLabel))), s


def test_no_arabic_name_belongs_to_two_actors(actors: Graph) -> None:
    """An ambiguous name would make the lexicon pick an actor at random."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for p in (RDFS.label, SKOS.altLabel, AK.nisba):
        for s, lit in actors.subject_objects(p):
            if isinstance(lit, Literal) and lit.language == "ar":
                owners[fold(str(lit))].add(s)
    shared = {name: sorted(who) for name, who in owners.items() if len(who) > 1}
    assert set(shared) == set(HOMOGRAPHS)
    for name, key in HOMOGRAPHS.items():
        states = [s for s in shared[name] if (s, RDF.type, AK.State) in actors]
        assert states == [URIRef(ID_NS + key)], name


def test_no_english_label_belongs_to_two_actors(actors: Graph, entries: list[URIRef]) -> None:
    """One actor is one node: two entries with one English name are one person or body entered twice (the
    Arabic spellings of a name go to one entry's altLabels)."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for s in entries:
        for lbl in actors.objects(s, RDFS.label):
            if isinstance(lbl, Literal) and lbl.language == "en":
                owners[str(lbl).casefold()].add(s)
    assert not {name: found for name, found in owners.items() if len(found) > 1}


def test_spelling_variants_are_listed(actors: Graph) -> None:
    """Hamza-less and ta-marbuta-folded spellings are present as altLabels."""
    def names(key: str) -> set[str]:
        s = URIRef(ID_NS + key)
        return {str(o) for p in (RDFS.label, SKOS.altLabel) for o in actors.objects(s, p)}

    assert {"إيران", "ايران"} <= names("iran")
    assert {"إسرائيل", "اسرائيل", "الدولة العبرية"} <= names("israel")
    assert {"الحكومة العراقية", "الحكومه العراقيه"} <= names("iraqi_government")
    assert {"بلينكن", "بلنكن", "أنتوني بلينكن"} <= names("blinken")
    assert {"الجيش الأمريكي", "الجيش الأميركي"} <= names("us_forces")


def test_wikidata_links_are_well_formed_and_unique(actors: Graph) -> None:
    seen: dict[URIRef, URIRef] = {}
    for s, q in actors.subject_objects(SKOS.exactMatch):
        assert isinstance(q, URIRef) and WIKIDATA_ENTITY.fullmatch(str(q)), f"{s}: {q}"
        assert q not in seen, f"{q} used by {seen[q]} and {s}"
        seen[q] = s
        assert len(list(actors.objects(s, SKOS.exactMatch))) == 1, s
    assert (URIRef(ID_NS + "usa"), SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q30")) in actors


def test_affiliation_links_point_at_entries_of_the_right_type(actors: Graph) -> None:
    for p, allowed in LINK_RANGES.items():
        for s, o in actors.subject_objects(p):
            assert set(actors.objects(o, RDF.type)) & allowed, f"{s} {p} {o}: target missing or mistyped"
    for p, allowed in LINK_DOMAINS.items():
        for s in actors.subjects(p, None):
            assert set(actors.objects(s, RDF.type)) <= allowed, f"{s} has {p} but is {set(actors.objects(s, RDF.type))}"


def test_officials_and_organs_of_states_are_linked(actors: Graph) -> None:
    """Organs always name their state; militia leaders name their group."""
    for s in actors.subjects(RDF.type, AK.StateOrgan):
        assert actors.value(s, AK.partOf) is not None, s
    for s in actors.subjects(RDF.type, AK.Official):
        assert actors.value(s, AK.officialOf) is not None or actors.value(s, AK.memberOf) is not None, s
    for s in actors.subjects(RDF.type, AK.State):
        assert actors.value(s, AK.capitalOf) is None and actors.value(s, AK.partOf) is None, s


def test_nisba_is_a_bare_masculine_adjective(actors: Graph) -> None:
    for s, n in actors.subject_objects(AK.nisba):
        assert str(n).endswith("ي") and " " not in str(n), f"{s}: {n}"
        if str(n).startswith("ال"):  # only the hamza-less spelling of a name like ألماني may start so
            siblings = {str(x) for x in actors.objects(s, AK.nisba)}
            assert {"أ" + str(n)[1:], "إ" + str(n)[1:]} & siblings, f"{s}: {n} is definite"
    for key in ("usa", "israel", "iran", "iraq", "lebanon", "syria", "yemen", "turkey", "russia"):
        assert actors.value(URIRef(ID_NS + key), AK.nisba) is not None, key
    usa = {str(n) for n in actors.objects(URIRef(ID_NS + "usa"), AK.nisba)}
    assert {"أمريكي", "أميركي"} <= usa


def test_actors_conform_to_shapes(actors: Graph, ontology: Graph, shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(actors + ontology, shacl_graph=shapes, inference="rdfs", advanced=True)
    assert conforms, text


def test_reasoner_lifts_through_the_actor_base(actors: Graph, ontology: Graph) -> None:
    """With the real base, an IRGC attack is Iran's and a warning to Sudani reaches Iraq."""
    g = actors + ontology
    irgc, iran, erbil = URIRef(ID_NS + "irgc"), URIRef(ID_NS + "iran"), URIRef(ID_NS + "erbil")
    usa, sudani, iraq = URIRef(ID_NS + "usa"), URIRef(ID_NS + "sudani"), URIRef(ID_NS + "iraq")
    g.add((irgc, AK.attacks, erbil))
    g.add((usa, AK.warns, sudani))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    assert (iran, AK.attacks, erbil) in g
    assert (usa, AK.warns, iraq) in g
    assert (iran, AK.attacks, iraq) not in g
