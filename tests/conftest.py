"""Shared fixtures: a fresh database per test, a movable clock, cheap password hashes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from workstation.domain.people import Role
from workstation.services import auth, demo
from workstation.services.context import Context, FixedClock, Session
from workstation.store.db import open_store

# OWASP's cost takes ~0.3 s a hash; tests need many. Stored hashes carry their cost.
auth.HASH_COST["n"] = 2**10

# Thursday, a working day, mid-morning.
T0 = datetime(2026, 11, 26, 10, 0, 0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workstation.sqlite"


@pytest.fixture
def ctx(db_path: Path, clock: FixedClock):
    store = open_store(db_path)
    yield Context(store, clock)
    store.close()


@pytest.fixture
def people(ctx: Context) -> dict[str, Session]:
    """The demo's users, logged in: admin, two supervisors, investigators, finance."""
    demo.create_demo_users(ctx, password_cost=2**10)
    sessions = {}
    for username, _, _ in demo.DEMO_USERS:
        sessions[username] = auth.log_in(ctx, username, demo.DEMO_PASSWORD)
    return sessions


@pytest.fixture
def demo_ctx(ctx: Context) -> Context:
    """A context over a 300-case demo book."""
    demo.build_demo(ctx, cases=300, password_cost=2**10)
    return ctx


def session_of(people: dict[str, Session], role: Role) -> Session:
    return next(s for s in people.values() if s.role == role)
