"""Fixtures of the server and sync tests: one throw-away PostGIS cluster per session, a template
database loaded once with the demo commune (200 parcels, district 312) and a small commune of
another district (313), a fresh copy of it per test (CREATE DATABASE ... TEMPLATE: fast and
independent), and the real server on a loopback port against that copy."""
from __future__ import annotations

import itertools
import shutil

import psycopg
import pytest
import shapely

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.demo import generate
from cadastre_plugin.core.sync import ApiClient, checkout
from cadastre_plugin.core.working_copy import WorkingCopy
from server import load
from server.devdb import ThrowawayCluster

from sync_live import LiveServer

DEMO_COMMUNE = "11686"
OTHER_COMMUNE = "11700"  # district 313
_names = itertools.count()


def _other_district_commune(path) -> None:
    """A second commune in district 313, 30 km east of the demo commune."""
    generate(str(path), parcels=30, seed=5)
    with WorkingCopy.open(str(path)) as wc, wc.operation("fixture", journal=False) as conn:
        conn.execute("UPDATE communes SET code = ?, name = 'Xã Khác', district_code = '313', "
                     "district_name = 'Huyện Khác'", (OTHER_COMMUNE,))
        conn.execute("UPDATE cadastre_meta SET value = ? WHERE key = 'commune_code'",
                     (OTHER_COMMUNE,))
        for table in ("parcels", "map_sheets"):
            rows = conn.execute(f"SELECT fid, geom FROM {table}").fetchall()
            moved = shapely.transform(gpkg.decode([r[1] for r in rows]),
                                      lambda xy: xy + [30_000.0, 0.0])
            blobs = gpkg.encode(moved, 9210)
            conn.executemany(f"UPDATE {table} SET geom = ?, commune_code = ? WHERE fid = ?",
                             [(b, OTHER_COMMUNE, r[0]) for b, r in zip(blobs, rows)])


@pytest.fixture(scope="session")
def pg():
    cluster = ThrowawayCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory):
    path = tmp_path_factory.mktemp("sync-demo") / "demo.gpkg"
    generate(str(path), parcels=200, seed=11)
    return path


@pytest.fixture(scope="session")
def template_url(pg, demo_gpkg, tmp_path_factory):
    with psycopg.connect(pg.url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE sync_template")
    url = pg.url.rsplit("/", 1)[0] + "/sync_template"
    load.load(url, str(demo_gpkg))
    other = tmp_path_factory.mktemp("sync-other") / "other.gpkg"
    _other_district_commune(other)
    load.load(url, str(other))
    return url


def _fresh_database(pg) -> str:
    name = f"t{next(_names)}"
    with psycopg.connect(pg.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE sync_template")
    return pg.url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def db(pg, template_url):
    return _fresh_database(pg)


@pytest.fixture
def live(db, tmp_path):
    server = LiveServer(db, tmp_path).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shared_live(pg, template_url, tmp_path_factory):
    """One server for a module's tests that change nothing (they are all refused)."""
    server = LiveServer(_fresh_database(pg), tmp_path_factory.mktemp("shared")).start()
    yield server
    server.stop()


@pytest.fixture
def token(live):
    return live.token("surveyor", ("312",))


def make_client(url: str, token: str, **kwargs) -> ApiClient:
    kwargs.setdefault("retries", 3)
    kwargs.setdefault("backoff", 0.05)
    kwargs.setdefault("timeout", (5, 60))
    return ApiClient(url, token, **kwargs)


@pytest.fixture
def client(live, token):
    c = make_client(live.url, token)
    yield c
    c.close()


@pytest.fixture
def checkout_wc(live, token, tmp_path):
    """checkout_wc(name) -> an open working copy checked out from the live server."""
    opened = []

    def make(name: str = "wc", tok: str | None = None) -> WorkingCopy:
        path = tmp_path / f"{name}.gpkg"
        with make_client(live.url, tok or token) as c:
            checkout(c, DEMO_COMMUNE, str(path))
        wc = WorkingCopy.open(str(path))
        opened.append(wc)
        return wc

    yield make
    for wc in opened:
        wc.close()


@pytest.fixture
def copy_of(tmp_path):
    def make(src, name):
        dst = tmp_path / name
        shutil.copy(src, dst)
        return dst
    return make
