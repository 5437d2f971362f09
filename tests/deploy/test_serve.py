"""`make serve`: two Streamlit processes behind nginx on one SQLite store (WAL).

Sessions speak Streamlit's websocket protocol through nginx (bench/load.py). Each browser is
pinned to one process by nginx's node cookie; static files and a session's media come through
nginx too; an edit committed to the store is seen by sessions on both processes at their next
rerun.
"""

from __future__ import annotations

import asyncio
import re
import urllib.error
import urllib.request

import pytest

from bench import load
from bench.load import Session
from deploy.page import page_html
from deploy.serve import ROOT, cluster, free_ports, lan_address, main, nginx_binary
from store.db import make_engine
from store.edit import get_row, update_row
from ui.labels import LABELS
from ui.loaders import REVISION_TTL_S

NEW_INDICATOR = "跨进程联调指标"


def _nginx_or_skip() -> None:
    try:
        nginx_binary()
    except RuntimeError:
        pytest.skip("nginx is not installed (make serve installs it)")


def _get(url: str, cookie: str = "") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


async def _one_session_per_process(url: str, processes: int) -> dict[str, Session]:
    """New sessions through nginx until each process holds one; keyed by the process."""
    held: dict[str, Session] = {}
    for _ in range(40):
        session = await Session.connect(url)
        upstream = session.headers["x-jmb-upstream"]
        if upstream in held:
            await session.close()
        else:
            held[upstream] = session
        if len(held) == processes:
            return held
    raise AssertionError(f"nginx sent 40 new browsers to {sorted(held)} only")


def _text(session: Session) -> bytes:
    return b"".join(session.payloads)


async def _scenario(url: str, database: str) -> None:
    sessions = await _one_session_per_process(url, 2)
    for upstream, session in sessions.items():
        assert await session.run("data", keep=True) is None, upstream
        assert NEW_INDICATOR.encode() not in _text(session)
        # a rerun of the same session goes to the same process (the cookie pins it)
        assert await session.run("present", "slide=8", keep=True) is None  # the map
        media = re.search(rb"/media/[0-9a-f]+\.png", _text(session))
        assert media, "the map slide of 汇报模式 is served as media"
        status, body = _get(url + media.group().decode(), session.cookies)
        assert status == 200 and body[:4] == b"\x89PNG"
    engine = make_engine(database)
    row = get_row(engine, "figures", "wuhai-08")
    update_row(engine, "figures", "wuhai-08", row["version"], {"indicator": NEW_INDICATOR}, "甲")
    engine.dispose()
    await asyncio.sleep(REVISION_TTL_S + 0.2)
    for upstream, session in sessions.items():
        assert await session.run("data", keep=True) is None
        assert NEW_INDICATOR.encode() in _text(session), f"edit not seen on {upstream}"
        await session.close()


def test_two_processes_behind_nginx_share_sessions_files_and_edits(tmp_path):
    _nginx_or_skip()
    database = f"sqlite:///{tmp_path / 'store.sqlite'}"
    port, *workers = free_ports(3)
    with cluster(
        port, 2, env={"DATABASE_URL": database}, worker_ports=workers, folder=tmp_path / "nginx"
    ) as running:
        status, page = _get(running.url + "/")
        assert status == 200
        # The app's page (Chinese, the root preset on a page's address), as `make run` serves it.
        assert page.decode() == _get(running.url + "/present")[1].decode() == page_html()
        script = re.search(rb'src="\.?/?(static/js/[^"]+\.js)"', page)
        assert script, "index.html names its script"
        status, body = _get(f"{running.url}/{script.group(1).decode()}")
        assert status == 200 and len(body) > 1000
        load.run_isolated(_scenario(running.url, database))


async def _room(url: str, count: int) -> list[tuple[str, str]]:
    """`count` new browsers at once: (node cookie, process that served them) of each."""
    sessions = list(await asyncio.gather(*(Session.connect(url) for _ in range(count))))
    for session in sessions:
        await session.close()
    return [(session.cookies, session.headers["x-jmb-upstream"]) for session in sessions]


def _answer(url: str, cookie: str = "") -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_a_room_opening_at_once_is_spread_evenly_and_each_browser_stays(tmp_path):
    """20 phones scanning the QR code at the same moment: nginx hands each the page itself (no
    process spends CPU on it), their sessions are 10 on each process (in turn, not by chance),
    and each phone's later requests reach the process that holds its session; a stale node
    cookie is served too."""
    _nginx_or_skip()
    bare = ROOT / "bench" / "bare.py"
    port, *workers = free_ports(3)
    with cluster(port, 2, script=bare, worker_ports=workers, folder=tmp_path / "nginx") as running:
        room = load.run_isolated(_room(running.url, 20))
        served = [process for _, process in room]
        assert sorted(served.count(process) for process in set(served)) == [10, 10]
        for cookie, process in room:
            assert cookie.startswith("jmb_node=n")
            status, headers = _answer(running.url + "/present", cookie)
            assert status == 200 and "X-Jmb-Upstream" not in headers  # nginx's own answer
            # a session's media file: asked of the process holding the session
            status, headers = _answer(running.url + "/media/none.png", cookie)
            assert status == 404 and headers["X-Jmb-Upstream"] == process
            assert "jmb_node" not in headers.get("Set-Cookie", "")
        status, _ = _get(running.url + "/", "jmb_node=n9")
        assert status == 200


def test_nginx_serves_the_front_end_from_disk_asks_every_process_for_a_lost_file_and_refuses_in_chinese(
    tmp_path,
):
    """The page for every app address and Streamlit's hashed scripts come from nginx (scripts
    cached for good); a media request without a node cookie (a browser that kept none) is asked
    of each process in turn rather than failing on the wrong one."""
    _nginx_or_skip()
    bare = ROOT / "bench" / "bare.py"
    port, *workers = free_ports(3)
    with cluster(port, 2, script=bare, worker_ports=workers, folder=tmp_path / "nginx") as running:
        pages = [_get(f"{running.url}{path}") for path in ("/", "/present", "/other-fields")]
        assert {status for status, _ in pages} == {200} and len({body for _, body in pages}) == 1
        script = re.search(rb'src="\.?/?(static/js/[^"]+\.js)"', pages[0][1]).group(1).decode()
        status, headers = _answer(f"{running.url}/{script}")
        assert status == 200 and "immutable" in headers["Cache-Control"]
        assert "X-Jmb-Upstream" not in headers
        status, headers = _answer(running.url + "/media/none.png")
        assert status == 404 and headers["X-Jmb-Upstream"].count(",") == 1  # both were asked
        for path, code in (("/_jmb/login", 403), ("/?q=" + "x" * 20000, 414)):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(running.url + path, timeout=30)
            body = refused.value.read().decode()
            assert refused.value.code == code, path[:20]
            assert LABELS["page_error"] in body and "nginx" not in body  # Chinese, not nginx's


def test_make_serve_answers_the_rooms_phones_on_the_network_address(tmp_path, monkeypatch):
    """`make serve` listens on every address by default (the reviewer found nginx on 127.0.0.1
    only: a QR code of the LAN address reached nothing); its processes stay private."""
    _nginx_or_skip()
    lan = lan_address()
    if lan is None:
        pytest.skip("this machine has no network address")
    seen = {}

    def serve_once(port: int, workers: int, listen: str) -> None:
        seen["listen"] = listen
        raise SystemExit(0)

    monkeypatch.setattr("deploy.serve.cluster", serve_once)
    monkeypatch.setattr("sys.argv", ["deploy.serve"])
    with pytest.raises(SystemExit):
        main()
    assert seen["listen"] == "0.0.0.0"
    bare = ROOT / "bench" / "bare.py"
    port, worker = free_ports(2)
    with cluster(
        port, 1, script=bare, worker_ports=[worker], folder=tmp_path / "nginx", listen="0.0.0.0"
    ) as running:
        assert _get(f"http://{lan}:{port}/")[0] == 200
        private = running.workers[0].rsplit(":", 1)[1]
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://{lan}:{private}/", timeout=5)
