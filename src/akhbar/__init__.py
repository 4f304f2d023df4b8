"""akhbar: Arabic news articles to an event knowledge graph."""

__version__ = "0.1.0"
