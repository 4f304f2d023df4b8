"""Shared fixtures for the ontology data files: each Turtle file parsed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from akhbar.paths import ontology_dir

ONTOLOGY_FILES = ("akhbar.ttl", "shapes.ttl", "actors.ttl", "states.ttl")


def load(name: str) -> Graph:
    """Parse one Turtle file of the ontology folder."""
    return Graph().parse(ontology_dir() / name, format="turtle")


@pytest.fixture(scope="session")
def ontology_path() -> Path:
    """The folder holding akhbar.ttl, shapes.ttl and actors.ttl."""
    return ontology_dir()


@pytest.fixture(scope="session")
def ontology() -> Graph:
    """ontology/akhbar.ttl."""
    return load("akhbar.ttl")


@pytest.fixture(scope="session")
def shapes() -> Graph:
    """ontology/shapes.ttl."""
    return load("shapes.ttl")


@pytest.fixture(scope="session")
def actors() -> Graph:
    """The actor base as a store loads it: ontology/actors.ttl and the generated states.ttl."""
    return load("actors.ttl") + load("states.ttl")
