"""`akhbar report`: one self-contained HTML page of a store — the network of who acts against whom, events per
day or week, and the newest events with their sentences.

data.py reads the store (a few aggregate or bounded SPARQL queries), charts.py draws the network (networkx,
matplotlib) and the timeline (matplotlib) as inline SVG, page.py fills template.html.
"""
