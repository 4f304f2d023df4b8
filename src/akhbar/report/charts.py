"""The report's two charts as data for the page: the network of actors and the timeline, each a plain dict that
page.py writes into the page as JSON. The page's script (report.js) draws them with D3 (vendored in vendor/,
inlined in the page): the network laid out by d3-force, the timeline stacked by d3-shape on d3 scales and axes.

Python decides what is drawn (the heaviest edges, the periods, counts, colours, widths, labels and tooltips);
D3 decides where. Drawing in the page, not in Python, is what keeps `akhbar report` under a second: matplotlib,
networkx and scipy cost about 1.2 s of imports alone (BENCHMARKS.md, section 7).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from akhbar.report.data import Actor, Edge

ACTION_COLOURS = {"Warning": "#e69f00", "Attack": "#d62728", "Pressure": "#1f77b4"}  # (colour-blind safe trio)
ACTION_VERBS = {"Warning": "warns", "Attack": "attacks", "Pressure": "pressures"}
KIND_COLOURS = {"State": "#4c72b0", "Militia": "#c44e52", "Official": "#8172b2", "StateOrgan": "#64b5cd",
                "Organization": "#937860", "MediaOutlet": "#8c8c8c", "Location": "#55a868", "Actor": "#bbbbbb"}
MAX_EDGES = 80  # the heaviest edges drawn; the page says how many there are in all
LABEL_LENGTH = 26  # longer labels are cut (the node's tooltip has the whole label)
DAY_SPAN_LIMIT = 62  # `--by auto`: days when the dated events span at most this many days, else weeks
FIRST_BEND, NEXT_BEND = 0.12, 0.14  # curvature of an edge: more for each further edge of the same agent and target


def network_data(edges: list[Edge], actors: Mapping[str, Actor]) -> dict:
    """The network of `edges` as the page's script draws it: the MAX_EDGES heaviest edges (each with its bend and
    tooltip; the script sets its width by the logarithm of its count), the actors they join (label, kind, colour,
    events on the drawn edges), and the pairs with their summed counts, which the layout pulls together the harder
    the heavier.

    >>> net = network_data([Edge("id:a", "id:b", "Attack", True, 2), Edge("id:b", "id:a", "Warning", False, 1)],
    ...                    {"id:a": Actor("id:a", "A", "State")})
    >>> [n["id"] for n in net["nodes"]], net["links"], [e["bend"] for e in net["edges"]]
    (['id:a', 'id:b'], [['id:a', 'id:b', 3]], [0.12, 0.12])
    >>> net["edges"][1]["title"]
    'id:b warns A: 1 not asserted (possible, planned, conditional or negated) event'
    """
    drawn = sorted(edges, key=lambda e: (-e.count, e.agent, e.target, e.action, not e.asserted))[:MAX_EDGES]
    seen: dict[tuple[str, str], int] = {}
    pairs: dict[tuple[str, str], int] = {}
    degree: dict[str, int] = {}
    out_edges = []
    for e in drawn:
        nth = seen.get((e.agent, e.target), 0)
        seen[(e.agent, e.target)] = nth + 1
        pair = (min(e.agent, e.target), max(e.agent, e.target))
        pairs[pair] = pairs.get(pair, 0) + e.count
        for actor in (e.agent, e.target):
            degree[actor] = degree.get(actor, 0) + e.count
        how = "asserted" if e.asserted else "not asserted (possible, planned, conditional or negated)"
        out_edges.append({
            "agent": e.agent, "target": e.target, "action": e.action, "asserted": e.asserted, "count": e.count,
            "bend": round(FIRST_BEND + NEXT_BEND * nth, 2),
            "title": f"{_label(actors, e.agent)} {ACTION_VERBS[e.action]} {_label(actors, e.target)}: "
                     f"{e.count} {how} event{'s' if e.count != 1 else ''}"})
    nodes = [{"id": n, "label": shorten(label), "kind": kind, "colour": KIND_COLOURS.get(kind, KIND_COLOURS["Actor"]),
              "events": degree[n], "title": f"{label} ({kind}): {degree[n]} events on the drawn edges"}
             for n in sorted(degree) for label, kind in [(_label(actors, n), _kind(actors, n))]]
    return {"nodes": nodes, "edges": out_edges, "links": [[a, b, n] for (a, b), n in sorted(pairs.items())],
            "empty": "no event with both an agent and a target"}


def shorten(label: str, length: int = LABEL_LENGTH) -> str:
    """A label cut to `length` characters with an ellipsis.

    >>> shorten("Islamic Revolutionary Guard Corps", 16)
    'Islamic Revolut…'
    """
    return label if len(label) <= length else label[:length - 1].rstrip() + "…"


def _label(actors: Mapping[str, Actor], iri: str) -> str:
    return actors[iri].label if iri in actors else iri.rsplit("/", 1)[-1]


def _kind(actors: Mapping[str, Actor], iri: str) -> str:
    return actors[iri].kind if iri in actors else "Actor"


def period_of(day: str, by: str) -> str:
    """The period a day falls in: itself (by day) or its week's Monday (by week).

    >>> period_of("2024-10-17", "week")
    '2024-10-14'
    """
    date = datetime.date.fromisoformat(day)
    return (date - datetime.timedelta(days=date.weekday())).isoformat() if by == "week" else day


def choose_period(days: Iterable[str], by: str) -> str:
    """`day` or `week`; `auto` picks days when the dates span at most DAY_SPAN_LIMIT days."""
    if by != "auto":
        return by
    dates = sorted(days)
    if not dates:
        return "day"
    span = datetime.date.fromisoformat(dates[-1]) - datetime.date.fromisoformat(dates[0])
    return "day" if span.days <= DAY_SPAN_LIMIT else "week"


def timeline_counts(per_date: Mapping[tuple[str | None, str], int], by: str) -> tuple[dict[tuple[str, str], int], int]:
    """Counts per (period, action) of the events dated to a day (or a week's Monday), and how many events are
    left out (undated, or dated to a month or a year only).

    >>> timeline_counts({("2024-10-16", "Attack"): 2, ("2024-10-17", "Attack"): 1, ("2024-10", "Warning"): 4,
    ...                  (None, "Attack"): 1}, "week")
    ({('2024-10-14', 'Attack'): 3}, 5)
    """
    counts: dict[tuple[str, str], int] = {}
    left_out = 0
    for (date, action), n in per_date.items():
        if date is None or len(date) != 10:
            left_out += n
            continue
        key = (period_of(date, by), action)
        counts[key] = counts.get(key, 0) + n
    return counts, left_out


def timeline_data(counts: Mapping[tuple[str, str], int], by: str) -> dict:
    """Events per period and action as the page's script stacks them: one bar a (period, action) with events,
    in period order, each with its tooltip.

    >>> timeline_data({("2024-10-14", "Attack"): 3}, "week")["bars"]
    [{'period': '2024-10-14', 'action': 'Attack', 'count': 3, 'title': 'week of 2024-10-14: 3 attacks'}]
    """
    bars = [{"period": period, "action": action, "count": n,
             "title": f"{'week of ' if by == 'week' else ''}{period}: {n} {ACTION_VERBS[action]}"}
            for (period, action), n in sorted(counts.items(), key=lambda kv: (kv[0][0], list(ACTION_COLOURS).index(
                kv[0][1]))) if n]
    return {"period": by, "bars": bars, "empty": "no event dated to a day"}
