"""Which accounts had an event that can end their sign-ins (退出登录, a failed login that may lock
the account, a new password), as a mark per account that changes with each such event.

Every server process reads the marks at most once every MARKS_TTL_S (one small query, whatever the
number of sessions); a signed-in session whose account's mark differs from the one it was last
checked at checks its token again (store/login_token.py `check`), so a sign-in ended in any process
ends in every process at the session's next rerun. A commit through this process forgets the marks
it holds at once. The marks live in `app_state` (never backed up), one row per account.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from store import schema
from store.recent import RecentReads

MARKS_TTL_S = 1.0
PREFIX = "account_mark:"
# Audit actions about an account that can end its sign-ins.
ENDING_ACTIONS = ("logout", "login_failed", "password")


def bump(connection: sa.Connection, username: str, audit_id: int) -> None:
    """Set `username`'s mark to `audit_id` (the event's audit row), in the caller's transaction."""
    state = schema.app_state
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(state).values(name=PREFIX + username, value=str(audit_id))
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=[state.c.name], set_={"value": statement.excluded.value}
        )
    )


def read(engine: sa.Engine) -> dict[str, str]:
    """Every account's mark as stored now (account name → mark)."""
    state = schema.app_state
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(state.c.name, state.c.value).where(state.c.name.startswith(PREFIX))
        ).all()
    return {name[len(PREFIX) :]: value for name, value in rows}


# A commit through this process (a logout here, a failed login here) is seen at the next rerun.
_marks = RecentReads(MARKS_TTL_S, read)


def mark_of(url: str, engine: Callable[[], sa.Engine], username: str) -> str:
    """`username`'s mark in the store at `url` as this process last read it ('' before any ending
    event); the store (`engine()`) is asked at most once every MARKS_TTL_S per process."""
    return _marks.get(url, engine).get(username, "")
