"""The report's two charts as inline SVG: the network of actors (networkx layout, drawn by networkx with
matplotlib) and the timeline (a matplotlib stacked bar chart).

Matplotlib writes each edge, node and bar as an element with the id we give it (`gid`); those elements then
get a class and data attributes (`g.edge[data-agent][data-count]…`, `g.bar[data-period]…`) and a <title>
tooltip, so the page's script and the browser test can query them. Text stays text (svg.fonttype none): the
browser shapes Arabic labels, which matplotlib cannot.
"""

from __future__ import annotations

import datetime
import io
import math
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping

from akhbar.report.data import Actor, Edge

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ACTION_COLOURS = {"Warning": "#e69f00", "Attack": "#d62728", "Pressure": "#1f77b4"}  # (colour-blind safe trio)
ACTION_VERBS = {"Warning": "warns", "Attack": "attacks", "Pressure": "pressures"}
KIND_COLOURS = {"State": "#4c72b0", "Militia": "#c44e52", "Official": "#8172b2", "StateOrgan": "#64b5cd",
                "Organization": "#937860", "MediaOutlet": "#8c8c8c", "Location": "#55a868", "Actor": "#bbbbbb"}
MAX_EDGES = 80  # the heaviest edges drawn; the page says how many there are in all
LAYOUT_SEED = 7
GRAVITY = 2.0
LABEL_LENGTH = 26  # longer labels are cut (the node's tooltip has the whole label)
DAY_SPAN_LIMIT = 62  # `--by auto`: days when the dated events span at most this many days, else weeks

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def _pyplot():
    """matplotlib's pyplot on the file-only Agg backend, text kept as text in SVG."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "akhbar", "font.size": 9})
    return plt


def _svg(fig) -> ET.Element:
    """The figure as an SVG element tree (width 100%: the page scales it)."""
    plt = _pyplot()
    buffer = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # glyphs DejaVu lacks (Arabic): the browser draws the text, not matplotlib
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    root = ET.fromstring(buffer.getvalue())
    for metadata in root.findall(f"{{{SVG_NS}}}metadata"):  # (an RDF block naming the creator: not needed)
        root.remove(metadata)
    root.set("width", "100%")
    root.attrib.pop("height", None)
    return root


def _annotate(root: ET.Element, attributes: Mapping[str, Mapping[str, str]], title: Mapping[str, str]) -> None:
    """Give the elements matplotlib wrote with these ids their class, data attributes and tooltip."""
    for element in root.iter(f"{{{SVG_NS}}}g"):
        gid = element.get("id")
        if gid in attributes:
            for name, value in attributes[gid].items():
                element.set(name, value)
            tip = ET.Element(f"{{{SVG_NS}}}title")
            tip.text = title[gid]
            element.insert(0, tip)


def edge_width(count: int) -> float:
    """Line width for an edge of `count` events: grows with the logarithm, so one heavy pair does not swamp.

    >>> edge_width(1), edge_width(8)
    (1.2, 4.2)
    """
    return round(1.2 + math.log2(max(count, 1)), 2)


def network_svg(edges: list[Edge], actors: Mapping[str, Actor], element_id: str) -> tuple[str, int]:
    """The network of `edges` (the MAX_EDGES heaviest) as SVG text, and how many edges it draws."""
    import networkx as nx

    plt = _pyplot()
    drawn = sorted(edges, key=lambda e: (-e.count, e.agent, e.target, e.action, not e.asserted))[:MAX_EDGES]
    graph = nx.DiGraph()
    for e in drawn:
        graph.add_edge(e.agent, e.target)
    fig, ax = plt.subplots(figsize=(10, 7))
    ax.set_axis_off()
    if not drawn:
        ax.text(0.5, 0.5, "no event with both an agent and a target", ha="center", va="center")
        return ET.tostring(_svg(fig), encoding="unicode"), 0
    layout_graph = nx.Graph(graph)
    for u, v in layout_graph.edges:  # heavier pairs pull closer
        layout_graph[u][v]["weight"] = sum(e.count for e in drawn if {e.agent, e.target} == {u, v})
    # the energy method's gravity keeps separate groups of actors near the middle instead of flung to the corners
    pos = nx.spring_layout(layout_graph, seed=LAYOUT_SEED, method="energy", gravity=GRAVITY)
    nodes = sorted(graph.nodes)
    degree = {n: sum(e.count for e in drawn if n in (e.agent, e.target)) for n in nodes}
    node_sizes = [220 + 60 * math.sqrt(degree[n]) for n in nodes]
    collection = nx.draw_networkx_nodes(graph, pos, nodelist=nodes, ax=ax, node_size=node_sizes, linewidths=0.8,
                                        node_color=[KIND_COLOURS.get(_kind(actors, n), "#bbbbbb") for n in nodes],
                                        edgecolors="white")
    collection.set_gid(f"{element_id}-nodes")
    size_of = dict(zip(nodes, node_sizes, strict=True))
    attributes: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
    seen: dict[tuple[str, str], int] = {}
    for n, e in enumerate(drawn):
        nth = seen.get((e.agent, e.target), 0)
        seen[(e.agent, e.target)] = nth + 1
        patches = nx.draw_networkx_edges(
            graph, pos, edgelist=[(e.agent, e.target)], ax=ax, width=edge_width(e.count), arrows=True,
            arrowstyle="-|>", arrowsize=12, edge_color=ACTION_COLOURS[e.action],
            style="solid" if e.asserted else (0, (4, 3)), alpha=0.85 if e.asserted else 0.7,
            connectionstyle=f"arc3,rad={0.12 + 0.14 * nth}", node_size=[size_of[e.agent], size_of[e.target]],
            nodelist=[e.agent, e.target])
        gid = f"{element_id}-edge-{n}"
        patches[0].set_gid(gid)
        attributes[gid] = {"class": "edge", "data-agent": e.agent, "data-target": e.target, "data-action": e.action,
                           "data-asserted": "true" if e.asserted else "false", "data-count": str(e.count)}
        how = "asserted" if e.asserted else "not asserted (possible, planned, conditional or negated)"
        titles[gid] = (f"{_label(actors, e.agent)} {ACTION_VERBS[e.action]} {_label(actors, e.target)}: "
                       f"{e.count} {how} event{'s' if e.count != 1 else ''}")
    ys = [y for _, y in pos.values()]
    below = 0.035 * ((max(ys) - min(ys)) or 1)  # labels under their node, not over its edges' ends
    labels = nx.draw_networkx_labels(graph, {n: (x, y - below) for n, (x, y) in pos.items()},
                                     labels={n: shorten(_label(actors, n)) for n in nodes}, ax=ax, font_size=8,
                                     verticalalignment="top",
                                     bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    for n, node in enumerate(nodes):
        gid = f"{element_id}-node-{n}"
        labels[node].set_gid(gid)
        attributes[gid] = {"class": "node", "data-actor": node, "data-kind": _kind(actors, node),
                           "data-events": str(degree[node])}
        titles[gid] = f"{_label(actors, node)} ({_kind(actors, node)}): {degree[node]} events on the drawn edges"
    ax.margins(0.12)  # (matplotlib measures Arabic labels without their glyphs: room for the browser's text)
    root = _svg(fig)
    _annotate(root, attributes, titles)
    return ET.tostring(root, encoding="unicode"), len(drawn)


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


def timeline_svg(counts: Mapping[tuple[str, str], int], by: str) -> str:
    """Events per period as bars stacked by action (one matplotlib bar chart), as SVG text."""
    import matplotlib.dates as mdates

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 3.2))
    periods = sorted({p for p, _ in counts})
    if not periods:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no event dated to a day", ha="center", va="center")
        return ET.tostring(_svg(fig), encoding="unicode")
    x = [datetime.date.fromisoformat(p) for p in periods]
    bottom = [0] * len(periods)
    attributes: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
    width = 5.5 if by == "week" else 0.8
    for action, colour in ACTION_COLOURS.items():
        heights = [counts.get((p, action), 0) for p in periods]
        if not any(heights):
            continue
        bars = ax.bar(x, heights, width=width, bottom=bottom, color=colour, label=ACTION_VERBS[action],
                      align="edge" if by == "week" else "center")
        for period, height, bar in zip(periods, heights, bars, strict=True):
            if height:
                gid = f"bar-{action}-{period}"
                bar.set_gid(gid)
                attributes[gid] = {"class": "bar", "data-period": period, "data-action": action,
                                   "data-count": str(height)}
                titles[gid] = f"{'week of ' if by == 'week' else ''}{period}: {height} {ACTION_VERBS[action]}"
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel(f"events per {by}")
    ax.yaxis.get_major_locator().set_params(integer=True)
    locator = mdates.AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if len(periods) == 1:
        ax.set_xlim(x[0] - datetime.timedelta(days=3), x[0] + datetime.timedelta(days=3 + (7 if by == "week" else 0)))
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, loc="upper left", ncols=3)
    root = _svg(fig)
    _annotate(root, attributes, titles)
    return ET.tostring(root, encoding="unicode")
