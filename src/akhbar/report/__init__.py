"""`akhbar report`: one self-contained HTML page of a store — the network of who acts against whom, events per
day or week, and the newest events with their sentences.

data.py reads the store (a few aggregate or bounded SPARQL queries), charts.py turns what it read into the charts'
data, page.py fills template.html with the table, that data as JSON, D3 (vendor/, ISC) and report.js, which draws
the network (d3-force) and the timeline (d3 stack, scales, axes) in the browser.
"""
