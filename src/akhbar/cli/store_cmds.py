"""Commands over the store: build, query, export, reason, validate, serve."""

from __future__ import annotations

from akhbar.cli import app  # noqa: F401
