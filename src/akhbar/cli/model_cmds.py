"""Commands about the analysis model: `akhbar analyse`, `akhbar model train|download`."""

from __future__ import annotations

from akhbar.cli import app  # noqa: F401
