"""Protocol-level load: many Streamlit sessions from one small asyncio client, no browsers.

Each session speaks Streamlit's own websocket protocol (`/_stcore/stream`, protobufs from
`streamlit.proto`): it sends BackMsg.rerun_script with a page name and a query string and times
the run until ForwardMsg.script_finished. An exception element in a run counts as an error.

Modes:
- burst: N new sessions open one page at the same moment (a room scanning the QR code);
- steady: N sessions, each rerunning a random page after an exponential think time.

python -m bench.load URL [--mode burst|steady] [--sessions N] [--page present] ...
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import random
import statistics
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

T = TypeVar("T")

# Pages a steady session moves between (url paths; "" is the overview), and 领域 it opens with.
STEADY_PAGES = ("", "present", "education", "medical", "innovation", "tracker", "sources")
FIELDS = ("教育", "医疗", "科创", "文旅")
TIMEOUT_S = 120.0
EARLY_FOR_RERUN = 2  # ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN: another run follows


@dataclass
class Tally:
    """What one load run saw: seconds per run, errors (exceptions, timeouts, broken sockets)."""

    times: list[float] = field(default_factory=list)
    opens: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def stream_url(base: str) -> str:
    """ws(s)://host/.../_stcore/stream for an http(s) base URL."""
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


async def page_headers(base: str) -> dict[str, str]:
    """GET the page at `base` (HTTP/1.1, as a browser's first request): its response headers,
    lower-cased, with its Set-Cookie values joined into one Cookie header under 'cookie'."""
    parts = urlsplit(base)
    secure = parts.scheme == "https"
    host, port = parts.hostname or "127.0.0.1", parts.port or (443 if secure else 80)
    reader, writer = await asyncio.open_connection(host, port, ssl=secure or None)
    try:
        request = (
            f"GET {parts.path or '/'} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
        )
        writer.write(request.encode("ascii"))
        async with asyncio.timeout(TIMEOUT_S):
            response = await reader.read()
    finally:
        writer.close()
    head = response.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    headers: dict[str, str] = {}
    cookies = []
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            cookies.append(value.split(";", 1)[0].strip())
        else:
            headers[name.lower()] = value.strip()
    headers["cookie"] = "; ".join(cookies)
    return headers


def rerun_message(page: str, query: str = "") -> bytes:
    """A serialised BackMsg asking for a run of `page` (url path, '' = default) with `query`."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_name = page
    return message.SerializeToString()


def exception_in(message: ForwardMsg) -> str | None:
    """The message of an exception element in this ForwardMsg, else None."""
    if message.WhichOneof("type") != "delta":
        return None
    delta = message.delta
    if delta.WhichOneof("type") == "new_element" and delta.new_element.WhichOneof("type") == (
        "exception"
    ):
        return f"{delta.new_element.exception.type}: {delta.new_element.exception.message}"
    return None


class Session:
    """One Streamlit session over one websocket."""

    def __init__(self, socket, headers: dict[str, str]) -> None:
        self.socket = socket
        self.headers = headers  # of the page's HTML (nginx names the process: X-Jmb-Upstream)
        self.cookies = headers.get("cookie", "")
        self.payloads: list[bytes] = []  # the last run's messages, when run(keep=True)

    @classmethod
    async def connect(cls, base: str) -> Session:
        """Load the page's HTML as a browser does first (keeping its cookies), then open the
        websocket. Behind `make serve` nginx serves the page itself and the websocket's answer
        names the process that holds the session (the node cookie, kept for later requests,
        and X-Jmb-Upstream)."""
        headers = await page_headers(base)
        cookies = headers.get("cookie", "")
        socket = await websockets.connect(
            stream_url(base),
            subprotocols=["streamlit"],
            additional_headers={"Cookie": cookies} if cookies else None,
            max_size=None,
            open_timeout=TIMEOUT_S,
        )
        answer = socket.response.headers
        set_cookies = [value.split(";", 1)[0].strip() for value in answer.get_all("Set-Cookie")]
        if set_cookies:
            headers["cookie"] = "; ".join(filter(None, [cookies, *set_cookies]))
        if "X-Jmb-Upstream" in answer:
            headers["x-jmb-upstream"] = answer["X-Jmb-Upstream"]
        return cls(socket, headers)

    async def run(self, page: str, query: str = "", keep: bool = False) -> str | None:
        """Rerun `page` and wait for its script_finished; returns an error text or None.
        With `keep`, the run's raw messages are kept in `payloads`."""
        await self.socket.send(rerun_message(page, query))
        error = None
        self.payloads = []
        async with asyncio.timeout(TIMEOUT_S):
            while True:
                payload = await self.socket.recv()
                if keep:
                    self.payloads.append(payload)
                message = ForwardMsg.FromString(payload)
                error = error or exception_in(message)
                finished = message.WhichOneof("type") == "script_finished"
                if finished and message.script_finished != EARLY_FOR_RERUN:
                    return error

    async def close(self) -> None:
        await self.socket.close()


async def _open_one(base: str, page: str, query: str, start: asyncio.Event, tally: Tally) -> None:
    await start.wait()
    began = time.perf_counter()
    session = None
    try:
        session = await Session.connect(base)
        error = await session.run(page, query)
        if error:
            tally.errors.append(error)
        tally.times.append(time.perf_counter() - began)
    except (OSError, TimeoutError, websockets.WebSocketException) as problem:
        tally.errors.append(f"{type(problem).__name__}: {problem}")
    finally:
        if session is not None:
            await session.close()


async def burst(base: str, sessions: int, page: str = "present", query: str = "") -> Tally:
    """`sessions` new sessions open `page` at the same moment; seconds from connect to the first
    run's script_finished, per session."""
    tally = Tally()
    start = asyncio.Event()
    tasks = [
        asyncio.create_task(_open_one(base, page, query, start, tally)) for _ in range(sessions)
    ]
    await asyncio.sleep(0)
    start.set()
    await asyncio.gather(*tasks)
    return tally


async def _steady_user(
    base: str, seconds: float, think: float, seed: int, pages: tuple[str, ...], tally: Tally
) -> None:
    rng = random.Random(seed)
    await asyncio.sleep(rng.uniform(0, think))  # arrivals spread over one think time
    deadline = time.monotonic() + seconds
    try:
        began = time.perf_counter()
        session = await Session.connect(base)
        query = f"field={rng.choice(FIELDS)}"
        error = await session.run(rng.choice(pages), query)
        tally.opens.append(time.perf_counter() - began)
        if error:
            tally.errors.append(error)
        while time.monotonic() < deadline:
            await asyncio.sleep(rng.expovariate(1 / think))
            began = time.perf_counter()
            error = await session.run(rng.choice(pages), query)
            tally.times.append(time.perf_counter() - began)
            if error:
                tally.errors.append(error)
        await session.close()
    except (OSError, TimeoutError, websockets.WebSocketException) as problem:
        tally.errors.append(f"{type(problem).__name__}: {problem}")


async def steady(
    base: str,
    sessions: int,
    seconds: float,
    think: float = 3.0,
    seed: int = 1,
    pages: tuple[str, ...] = STEADY_PAGES,
) -> Tally:
    """`sessions` sessions rerunning random pages for `seconds`, exponential think time of mean
    `think` seconds between one run's end and the next request; seconds per rerun."""
    tally = Tally()
    await asyncio.gather(
        *(_steady_user(base, seconds, think, seed + n, pages, tally) for n in range(sessions))
    )
    return tally


def run_isolated(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in a thread of its own: works where the calling thread already runs an event
    loop (a test session where playwright's sync API has started one)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0..1) of `values`, None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(tally: Tally) -> dict:
    """Counts, median, p95 and max seconds of a tally (and of its first opens, if any)."""
    result = {
        "runs": len(tally.times),
        "errors": len(tally.errors),
        "median_s": _round(statistics.median(tally.times) if tally.times else None),
        "p95_s": _round(percentile(tally.times, 0.95)),
        "max_s": _round(max(tally.times) if tally.times else None),
    }
    if tally.opens:
        result["open_median_s"] = _round(statistics.median(tally.opens))
        result["open_p95_s"] = _round(percentile(tally.opens, 0.95))
    if tally.errors:
        result["first_errors"] = sorted(set(tally.errors))[:3]
    return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def main() -> int:
    """Run one burst or steady load against a running server from the command line."""
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("url", help="the server, e.g. http://127.0.0.1:8501")
    parser.add_argument("--mode", choices=["burst", "steady"], default="burst")
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--page", default="present")
    parser.add_argument("--query", default="")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=3.0)
    args = parser.parse_args()
    if args.mode == "burst":
        tally = asyncio.run(burst(args.url, args.sessions, args.page, args.query))
    else:
        tally = asyncio.run(steady(args.url, args.sessions, args.seconds, args.think))
    print(json.dumps(summary(tally), ensure_ascii=False))
    return 1 if tally.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
