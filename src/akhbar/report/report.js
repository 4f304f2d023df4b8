// akhbar report: draws the two charts from the page's data (script#report-data, written by akhbar/report/page.py)
// with D3, inlined before this script, and opens a table row's sentence on a click.
//
// What the browser test and the page's readers rely on:
//   #network-actors / #network-states svg g.edge[data-agent][data-target][data-action][data-asserted][data-count]
//     (a <title> tooltip and a <path> with an arrowhead marker; dashed when not asserted)
//   ... svg g.node[data-actor][data-kind][data-events] (a <title>, a <circle>, the label as <text>)
//   #timeline svg g.bar[data-period][data-action][data-count] (a <title> and a <rect>)
// The layout is deterministic: d3-force places nodes without a position on its phyllotaxis spiral, in the order
// given (sorted by IRI), and draws its jiggle from its own fixed-seed generator; the simulation runs a fixed
// number of ticks before anything is drawn, so the same data gives the same picture.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const DAY_MS = 864e5;

  function empty(container, text) {
    d3.select(container).append("p").attr("class", "note empty").text(text);
  }

  // Where a curved edge starts and ends: `distance` from the node's centre towards the curve's control point,
  // so that the arrow meets the node's rim.
  function towards(node, x, y, distance) {
    const length = Math.hypot(x - node.x, y - node.y) || 1;
    return [node.x + (x - node.x) * distance / length, node.y + (y - node.y) * distance / length];
  }

  // An edge as a quadratic curve bent off the straight line by `bend` (its length's fraction): edges between the
  // same two actors, one each way or several one way, bend apart.
  function edgePath(source, target, bend, sourceRadius, targetRadius) {
    const dx = target.x - source.x, dy = target.y - source.y;
    const cx = (source.x + target.x) / 2 + bend * dy, cy = (source.y + target.y) / 2 - bend * dx;
    const [x0, y0] = towards(source, cx, cy, sourceRadius);
    const [x1, y1] = towards(target, cx, cy, targetRadius + 1);
    const path = d3.path();
    path.moveTo(x0, y0);
    path.quadraticCurveTo(cx, cy, x1, y1);
    return path.toString();
  }

  function drawNetwork(container, network, name) {
    if (!network.nodes.length) return empty(container, network.empty);
    const nodes = network.nodes.map((n) => ({ ...n }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const radius = d3.scaleSqrt().domain([0, d3.max(nodes, (n) => n.events)]).range([4, 20]);
    const r = (n) => radius(n.events);
    // line width grows with the logarithm of the count, so that one heavy pair does not swamp the others
    const width = d3.scaleLog().domain([1, Math.max(2, d3.max(network.edges, (e) => e.count))]).range([1.2, 7]);
    const heaviest = d3.max(network.links, ([, , weight]) => weight);
    const links = network.links.map(([source, target, weight]) => ({ source, target, weight }));
    const simulation = d3.forceSimulation(nodes)
      // heavier pairs pull closer
      .force("link", d3.forceLink(links).id((n) => n.id).distance((l) => 60 + 70 * (1 - Math.sqrt(l.weight / heaviest))))
      .force("charge", d3.forceManyBody().strength(-420))
      // nodes kept apart by their size and, in part, their label's length (fewer labels over each other)
      .force("collide", d3.forceCollide((n) => r(n) + 10 + n.label.length * 1.4))
      // gravity, stronger up and down than sideways: separate groups of actors stay near the middle instead of
      // drifting off, and the network is wider than high, as the page is
      .force("x", d3.forceX(0).strength(0.05))
      .force("y", d3.forceY(0).strength(0.12))
      .stop();
    simulation.tick(Math.ceil(Math.log(simulation.alphaMin()) / Math.log(1 - simulation.alphaDecay())));

    // the view box around the nodes and their labels (about 6.5 units a character at 11 px, under the node)
    const half = (n) => Math.max(r(n), n.label.length * 3.3);
    const left = d3.min(nodes, (n) => n.x - half(n)) - 12, right = d3.max(nodes, (n) => n.x + half(n)) + 12;
    const top = d3.min(nodes, (n) => n.y - r(n)) - 12, bottom = d3.max(nodes, (n) => n.y + r(n) + 16) + 12;
    const svg = d3.select(container).append("svg")
      .attr("viewBox", [left, top, right - left, bottom - top].map((v) => v.toFixed(1)).join(" "))
      .attr("role", "img").attr("aria-label", `network of ${nodes.length} actors, ${network.edges.length} edges`);
    const defs = svg.append("defs");
    for (const [action, { colour }] of Object.entries(data.actions)) {
      defs.append("marker").attr("id", `${name}-arrow-${action}`).attr("viewBox", "0 -5 10 10")
        .attr("refX", 9).attr("refY", 0).attr("markerWidth", 9).attr("markerHeight", 9)
        .attr("markerUnits", "userSpaceOnUse").attr("orient", "auto")
        .append("path").attr("d", "M0,-5L10,0L0,5Z").attr("fill", colour);
    }
    const edges = svg.append("g").attr("class", "edges").selectAll("g").data(network.edges).join("g")
      .attr("class", "edge").attr("data-agent", (e) => e.agent).attr("data-target", (e) => e.target)
      .attr("data-action", (e) => e.action).attr("data-asserted", (e) => String(e.asserted))
      .attr("data-count", (e) => e.count);
    edges.append("title").text((e) => e.title);
    edges.append("path")
      .attr("d", (e) => {
        const source = byId.get(e.agent), target = byId.get(e.target);
        return edgePath(source, target, e.bend, r(source), r(target));
      })
      .attr("fill", "none").attr("stroke", (e) => data.actions[e.action].colour)
      .attr("stroke-width", (e) => width(e.count).toFixed(2)).attr("stroke-opacity", (e) => (e.asserted ? 0.85 : 0.7))
      .attr("stroke-dasharray", (e) => (e.asserted ? null : "6 4"))
      .attr("marker-end", (e) => `url(#${name}-arrow-${e.action})`);
    const node = svg.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
      .attr("class", "node").attr("data-actor", (n) => n.id).attr("data-kind", (n) => n.kind)
      .attr("data-events", (n) => n.events)
      .attr("transform", (n) => `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    node.append("title").text((n) => n.title);
    node.append("circle").attr("r", (n) => r(n).toFixed(1)).attr("fill", (n) => n.colour)
      .attr("stroke", "#fff").attr("stroke-width", 1.5);
    node.append("text").attr("y", (n) => (r(n) + 11).toFixed(1)).attr("text-anchor", "middle").text((n) => n.label);
  }

  function drawTimeline(container, timeline) {
    if (!timeline.bars.length) return empty(container, timeline.empty);
    const width = 1000, height = 300, margin = { top: 12, right: 16, bottom: 26, left: 52 };
    const step = (timeline.period === "week" ? 7 : 1) * DAY_MS;
    const day = (text) => Date.parse(`${text}T00:00:00Z`);
    const bars = d3.index(timeline.bars, (b) => b.period, (b) => b.action);
    const periods = Array.from(bars.keys()).sort();
    const actions = Object.keys(data.actions).filter((a) => timeline.bars.some((b) => b.action === a));
    const rows = periods.map((p) => Object.fromEntries([["period", p], ...actions.map((a) => [a, bars.get(p).get(a)?.count ?? 0])]));
    const series = d3.stack().keys(actions)(rows);
    const first = day(periods[0]), last = day(periods[periods.length - 1]) + step;
    const pad = periods.length === 1 ? 3 * DAY_MS : step / 2;
    const x = d3.scaleUtc().domain([first - pad, last + pad]).range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, d3.max(series[series.length - 1], (d) => d[1])]).nice()
      .range([height - margin.bottom, margin.top]);
    const barWidth = x(first + step) - x(first), gap = Math.min(2, barWidth * 0.15);
    const svg = d3.select(container).append("svg").attr("viewBox", `0 0 ${width} ${height}`)
      .attr("role", "img").attr("aria-label", `events per ${timeline.period}`);
    for (const stacked of series) {
      const bar = svg.append("g").attr("class", "series").attr("fill", data.actions[stacked.key].colour)
        .selectAll("g").data(stacked.filter((d) => d[1] > d[0])).join("g")
        .attr("class", "bar").attr("data-period", (d) => d.data.period).attr("data-action", stacked.key)
        .attr("data-count", (d) => d[1] - d[0]);
      bar.append("title").text((d) => bars.get(d.data.period).get(stacked.key).title);
      bar.append("rect").attr("x", (d) => x(day(d.data.period)) + gap / 2).attr("width", Math.max(barWidth - gap, 1))
        .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]));
    }
    svg.append("g").attr("class", "x axis").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(10).tickSizeOuter(0));
    svg.append("g").attr("class", "y axis").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).tickValues(y.ticks(6).filter(Number.isInteger)).tickFormat(d3.format("d")));
    svg.append("text").attr("transform", `translate(14,${(margin.top + height - margin.bottom) / 2}) rotate(-90)`)
      .attr("text-anchor", "middle").text(`events per ${timeline.period}`);
  }

  drawNetwork(document.querySelector("#network-actors .chart"), data.networks.actors, "actors");
  drawNetwork(document.querySelector("#network-states .chart"), data.networks.states, "states");
  drawTimeline(document.querySelector("#timeline .chart"), data.timeline);

  // Network: actors as read, or lifted to their states.
  document.getElementById("lift").addEventListener("change", function (event) {
    document.getElementById("network-actors").hidden = event.target.checked;
    document.getElementById("network-states").hidden = !event.target.checked;
  });
  // Table: a click (or Enter) on an event row opens the sentence row after it.
  function toggleSentence(row) {
    const sentence = row.nextElementSibling;
    sentence.hidden = !sentence.hidden;
    row.classList.toggle("open", !sentence.hidden);
    row.setAttribute("aria-expanded", String(!sentence.hidden));
  }
  document.querySelectorAll("table#events tr.event").forEach(function (row) {
    row.addEventListener("click", function () { toggleSentence(row); });
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggleSentence(row); }
    });
  });
})();
