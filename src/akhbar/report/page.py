"""The report as one self-contained HTML page: the template (package data, string.Template) filled with the event
table, the charts' data as JSON, D3 (vendored) and the script that draws the charts with it (report.js), all
inline; no script, style or image is fetched at view time."""

from __future__ import annotations

import datetime
import json
from html import escape
from importlib import resources
from string import Template

from akhbar.report.charts import (
    ACTION_COLOURS,
    ACTION_VERBS,
    KIND_COLOURS,
    MAX_EDGES,
    choose_period,
    network_data,
    timeline_counts,
    timeline_data,
)
from akhbar.report.data import EventRow, Mark, ReportData, short_iri

NONE = '<span class="note">—</span>'
KIND_NAMES = {"State": "state", "Militia": "militia", "Official": "official", "StateOrgan": "state organ",
              "Organization": "organisation", "MediaOutlet": "media outlet", "Location": "place", "Actor": "other"}


def highlighted(sentence: str, marks: tuple[Mark, ...]) -> str:
    """The sentence as HTML with each mark wrapped in <mark class="role"> (overlapping marks: the first wins).

    >>> highlighted("حذرت إيران <أمريكا>", (Mark(0, 4, "trigger"), Mark(5, 10, "agent")))
    '<mark class="trigger">حذرت</mark> <mark class="agent">إيران</mark> &lt;أمريكا&gt;'
    """
    out, at = [], 0
    for mark in sorted(marks, key=lambda m: m.start):
        if mark.start < at or mark.end > len(sentence):
            continue
        out.append(escape(sentence[at:mark.start]))
        out.append(f'<mark class="{mark.role}">{escape(sentence[mark.start:mark.end])}</mark>')
        at = mark.end
    out.append(escape(sentence[at:]))
    return "".join(out)


def _rows(data: ReportData) -> str:
    def name(iri: str | None) -> str:
        if not iri:
            return NONE
        actor = data.actors.get(iri)
        return f'<span title="{escape(short_iri(iri))}">{escape(actor.label if actor else short_iri(iri))}</span>'

    lines = []
    for n, row in enumerate(data.events):
        lines.append(_row(n, row, name, data))
    return "\n".join(lines)


def _row(n: int, row: EventRow, name, data: ReportData) -> str:
    outlet = data.actors[row.outlet].label if row.outlet in data.actors else row.outlet
    outlet_cell = escape(outlet) if outlet else NONE
    action = row.action if row.action == row.core else f"{row.core} ({row.action})"
    date = escape(row.date or "undated") + (" <span class=\"note\">(publication)</span>"
                                            if row.date_source == "publication" else "")
    return (f'<tr class="event" id="event-{n}" tabindex="0" aria-expanded="false" data-event="{escape(row.event)}" '
            f'data-action="{row.core}" data-modality="{row.modality}">'
            f"<td>{date}</td><td class=\"action-{row.core}\">{escape(action)}</td><td>{name(row.agent)}</td>"
            f"<td>{name(row.target)}</td><td class=\"modality-{row.modality}\">{row.modality.lower()}</td>"
            f"<td>{outlet_cell}</td></tr>\n"
            f'<tr class="sentence" id="sentence-{n}" hidden><td colspan="6">'
            f'<p class="sentence-text" dir="rtl" lang="ar">{highlighted(row.sentence, row.marks)}</p>'
            f'<p class="note">{escape(row.title)} — graph <a class="graph-link" href="{escape(row.graph)}">'
            f"{escape(row.graph)}</a></p></td></tr>")


def script_json(value: object) -> str:
    r"""JSON to inline in a <script> element: `<`, `>` and `&` escaped, so no text in the data can close it.

    >>> print(script_json({"a": "</script>"}))
    {"a":"\u003c/script\u003e"}
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _resource(*path: str) -> str:
    return resources.files("akhbar.report").joinpath(*path).read_text(encoding="utf-8")


def render(data: ReportData, store_name: str, by: str = "auto", version: str = "") -> str:
    """The whole page for the data read from a store."""
    actor_net, state_net = network_data(data.edges, data.actors), network_data(data.lifted, data.actors)
    period = choose_period((d for d, _ in data.per_date if d and len(d) == 10), by)
    counts, left_out = timeline_counts(data.per_date, period)
    dated = sum(counts.values())
    charts = {"actions": {a: {"colour": c, "verb": ACTION_VERBS[a]} for a, c in ACTION_COLOURS.items()},
              "networks": {"actors": actor_net, "states": state_net}, "timeline": timeline_data(counts, period)}

    def network_note(edges: list, drawn: int) -> str:
        events = sum(e.count for e in edges)
        shown = f"the {drawn} heaviest of {len(edges)} edges" if drawn < len(edges) else f"{len(edges)} edges"
        return (f"{shown} ({events} events with both an agent and a target; one edge per agent, target, action "
                f"and asserted or not; at most {MAX_EDGES} drawn)")

    total_text = f"{data.total} event{'s' if data.total != 1 else ''}"
    shown = len(data.events)
    events_note = (f"The {shown} newest of {data.total} events (--limit {data.limit})." if shown < data.total
                   else f"All {data.total} events, newest first.")
    timeline_note = f"{dated} events placed by their own date where the text gives one, else their article's."
    if left_out:
        timeline_note += f" {left_out} not shown: undated, or dated to a month or a year only."
    kinds = sorted({a.kind for a in data.actors.values() if a.kind in KIND_COLOURS}, key=list(KIND_COLOURS).index)
    actor_drawn, state_drawn = len(actor_net["edges"]), len(state_net["edges"])
    return Template(_resource("template.html")).substitute(
        store=escape(store_name), filters=escape(data.filters.describe()), total=data.total, total_text=total_text,
        version=escape(version), generated=datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        actor_edges=len(data.edges), actor_drawn=actor_drawn, actor_note=network_note(data.edges, actor_drawn),
        state_edges=len(data.lifted), state_drawn=state_drawn, state_note=network_note(data.lifted, state_drawn),
        kind_legend="".join(f'<span><i class="swatch" style="background:{KIND_COLOURS[k]}"></i>{KIND_NAMES[k]}'
                            "</span>" for k in kinds),
        action_legend="".join(f'<span><i class="line" style="border-color:{c}"></i>{ACTION_VERBS[a]}</span>'
                              for a, c in ACTION_COLOURS.items()),
        bar_legend="".join(f'<span><i class="block" style="background:{c}"></i>{ACTION_VERBS[a]}</span>'
                           for a, c in ACTION_COLOURS.items() if any(action == a for _, action in counts)),
        period=period, dated=dated, undated=left_out, timeline_note=escape(timeline_note), shown=shown,
        events_note=escape(events_note), rows=_rows(data), charts=script_json(charts),
        d3=_resource("vendor", "d3.min.js"), d3_licence=_resource("vendor", "LICENSE-d3.txt").replace("*/", "* /"),
        script=_resource("report.js"))
