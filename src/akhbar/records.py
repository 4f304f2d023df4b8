"""Plain records that flow from extraction to RDF: articles, actor mentions, events.

Every offset is a code-point index into `Article.text`, the decoded article text, so that
`article.text[start:end]` is exactly the surface string (provenance depends on it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MODALITIES = ("Asserted", "Possible", "Planned", "Conditional", "Negated")


@dataclass(frozen=True)
class Span:
    """A half-open [start, end) range of code points in the article text."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """An input article: its identity (file stem, or a record's id), where it came from (a path, or the page's
    url), its decoded text, and what its metadata says: publication date (ISO day), headline, outlet, language.
    `date_from` says where the date came from: "metadata", "dateline" (the first lines of the text) or
    "--date" (given for the whole build)."""

    identifier: str
    source: str
    text: str
    date: str | None = None
    headline: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None

    @property
    def title(self) -> str:
        """The headline the metadata gives, else the first non-empty line, stripped."""
        if self.headline:
            return self.headline.strip()
        for line in self.text.splitlines():
            if line.strip():
                return line.strip()
        return ""


@dataclass(frozen=True)
class NewActor:
    """An actor minted while reading an article (not in ontology/actors.ttl).

    `iri` must be stable (derived from normalised name and type), so the same actor
    read in two articles is one node. `links` are (ak property local name, object IRI),
    e.g. ("officialOf", "https://w3id.org/akhbar/id/usa"); `same_as` are skos:exactMatch IRIs.
    """

    iri: str
    kind: str  # ak class local name: Official, StateOrgan, Militia, Organization, Location, ...
    label_ar: str
    label_en: str | None = None
    links: tuple[tuple[str, str], ...] = ()
    same_as: tuple[str, ...] = ()  # IRIs of the same thing elsewhere (a GeoNames place)


@dataclass(frozen=True)
class Mention:
    """A surface form in the text that refers to an actor."""

    actor: str  # actor IRI
    span: Span
    text: str


@dataclass(frozen=True)
class Event:
    """One action read from one sentence.

    `action` is an ak class local name (Warning, Attack, Pressure, or a subclass such as AirStrike).
    `modality` is one of MODALITIES. `date` is an ISO value (YYYY-MM-DD, YYYY-MM or YYYY; a week is its Monday)
    when the text gives one, with its precision and the span it was read from (akhbar.dates).
    `reported_by` is the outlet that reports it; `according_to` the sources it cites. `why`, when asked for,
    says which lexicon entry fired and what chose each participant (`akhbar extract --explain`).
    """

    action: str
    trigger: Span
    sentence: Span
    agent: str | None = None
    target: str | None = None
    modality: str = "Asserted"
    date: str | None = None
    date_precision: str | None = None  # day, week, month or year
    date_span: Span | None = None  # where the date was read (None: an explicit date given by a caller)
    reported_by: str | None = None
    according_to: tuple[str, ...] = ()
    why: str | None = None


@dataclass
class Extraction:
    """All that was read from one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    outlet: str | None = None  # the ak:MediaOutlet that published the article, when the base knows it
    date_span: Span | None = None  # where a dateline gave the publication date
