"""Sector families in queries and filters (issue P9, item 7): energy also finds oil_gas, nuclear and
renewables, unless the query asks for the sector exactly."""
from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from accordwatch import query
from accordwatch.cli import app
from accordwatch.query.common import sector_family
from accordwatch.store import open_store
from accordwatch.web.app import create_app

FAMILY = {"energy", "oil_gas", "nuclear", "renewables"}




def test_the_families_come_from_the_data_file():
    assert set(sector_family("energy")) == FAMILY
    assert sector_family("energy", exact=True) == ("energy",)
    assert sector_family("oil_gas") == ("oil_gas",)          # a member has no family of its own


def test_energy_finds_its_family_and_exact_does_not(sample_db):
    store = open_store(sample_db)
    try:
        family = query.events(store.engine, sector="energy", limit=1000)
        exact = query.events(store.engine, sector="energy", limit=1000, exact=True)
        gas = query.events(store.engine, sector="oil_gas", limit=1000)
    finally:
        store.close()
    assert all("energy" in e["sectors"] for e in exact)
    assert all(FAMILY & set(e["sectors"]) for e in family)
    # events filed under oil and gas alone are found by energy, not by energy exactly
    only_gas = [e["id"] for e in gas if "energy" not in e["sectors"]]
    assert only_gas
    assert set(only_gas) <= {e["id"] for e in family}
    assert not set(only_gas) & {e["id"] for e in exact}
    assert len(family) > len(exact)


def test_cli_and_api_take_exact(sample_db):
    runner = CliRunner()
    cli = {flag: json.loads(runner.invoke(app, ["events", "--sector", "energy", *flag, "-n", "1000", "--json",
                                                "--db", sample_db]).stdout)
           for flag in ((), ("--exact",))}
    client = TestClient(create_app(sample_db))
    api = {flag: client.get(f"/api/events?sector=energy&per_page=200{flag}").json()["total"]
           for flag in ("", "&exact=true")}
    assert api[""] == len(cli[()]) > api["&exact=true"] == len(cli[("--exact",)])
    docs = {flag: client.get(f"/api/documents?sector=energy{flag}").json()["total"] for flag in ("", "&exact=true")}
    assert docs[""] > docs["&exact=true"] > 0
