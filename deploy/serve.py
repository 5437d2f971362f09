"""`make serve`: nginx in front of several Streamlit processes on one store.

python -m deploy.serve [--port 8501] [--workers N]

Starts N Streamlit processes (default: the number of cores) on ports PORT+1..PORT+N, then nginx
on PORT, run as a non-daemon with its own prefix, config and temp folders under a temporary
directory (works as root or not). The site file is deploy/nginx-site.conf. Stops everything on
Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.page import write_page

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "deploy" / "nginx-site.conf"
SERVER_ENV = {"MALLOC_ARENA_MAX": "2"}  # as `make run` (see ui/memory.py)
HEALTH_TIMEOUT_S = 120.0


def free_ports(count: int) -> list[int]:
    """`count` distinct TCP ports nobody listens on right now, each chosen by the system (the
    ports next to a free one may be taken: a test's cluster gave port+1 to a worker that then
    found it in use)."""
    with ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


def nginx_binary() -> str:
    """Debian's nginx (in /usr/sbin, often not on a user's PATH)."""
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise RuntimeError("nginx is not installed: run `make serve` (it installs nginx) first")
    return found


def streamlit_static() -> Path:
    """The installed streamlit package's front end (index.html, static/): nginx serves it."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def site_conf(listen: str, upstreams: list[str], page_root: Path) -> str:
    """deploy/nginx-site.conf with its listen address, processes and page folder (`page_root`,
    holding the app's index.html) filled in: each process (host:port) named n1, n2, … for the
    node cookie, with an upstream of its own."""
    names = [f"n{number}" for number in range(1, len(upstreams) + 1)]
    pairs = list(zip(names, upstreams, strict=True))
    return (
        SITE.read_text(encoding="utf-8")
        .replace("@LISTEN@", listen)
        .replace("@STATIC_ROOT@", str(streamlit_static()))
        .replace("@PAGE_ROOT@", str(page_root))
        .replace("@NODE_NAMES@", "\n".join(f"    {address} {name};" for name, address in pairs))
        .replace("@NODE_POOLS@", "\n".join(f"    {name} jmb_{name};" for name, _ in pairs))
        .replace(
            "@UPSTREAM_SERVERS@",
            "\n".join(f"    server {address} max_fails=0;" for address in upstreams),
        )
        .replace(
            "@NODE_UPSTREAMS@",
            "\n".join(
                f"upstream jmb_{name} {{\n    server {address} max_fails=0;\n}}"
                for name, address in pairs
            ),
        )
    )


def nginx_conf(prefix: Path, site: str) -> str:
    """A whole nginx.conf around `site` that keeps every file nginx writes under `prefix`."""
    temps = "\n".join(
        f"    {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must write the temp folders
    return (
        f"{user}worker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        f"http {{\n    access_log off;\n{temps}\n{site}\n}}\n"
    )


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = HEALTH_TIMEOUT_S) -> None:
    """Poll `url` until it answers 'ok'; raises when the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} ({url})")
        try:
            if urllib.request.urlopen(url, timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer in {seconds:.0f} s")


@contextmanager
def running_process(
    command: list[str], log: Path, env: dict[str, str]
) -> Iterator[subprocess.Popen]:
    """Start a process whose output goes to `log`; stop it when the block ends."""
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def streamlit_command(script: Path, port: int) -> list[str]:
    """`streamlit run script` on 127.0.0.1:port, headless."""
    return [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


@dataclass(frozen=True)
class Cluster:
    """A running `make serve`: nginx's URL, the processes' own URLs and their pids."""

    url: str
    workers: list[str]
    pids: list[int]


def prepare_store(env: dict[str, str]) -> None:
    """Migrate and seed the store once, before several processes open it at the same moment."""
    subprocess.run([sys.executable, "-m", "store", "upgrade"], cwd=ROOT, env=env, check=True)


@contextmanager
def cluster(
    port: int,
    workers: int,
    env: dict[str, str] | None = None,
    script: Path = ROOT / "web.py",
    worker_ports: list[int] | None = None,
    folder: Path | None = None,
    listen: str = "127.0.0.1",
) -> Iterator[Cluster]:
    """nginx on `listen`:`port` in front of `workers` Streamlit processes (on 127.0.0.1, ports
    `worker_ports`, default port+1..port+workers); logs and nginx's files under `folder`
    (default: a temporary one)."""
    full_env = {**os.environ, **SERVER_ENV, **(env or {})}
    ports = worker_ports or [port + n for n in range(1, workers + 1)]
    with ExitStack() as stack:
        prefix = folder or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="jmb-")))
        prefix.mkdir(parents=True, exist_ok=True)
        if script.name == "web.py":
            prepare_store(full_env)
        processes = [
            stack.enter_context(
                running_process(
                    streamlit_command(script, p), prefix / f"streamlit-{p}.log", full_env
                )
            )
            for p in ports
        ]
        urls = [f"http://127.0.0.1:{p}" for p in ports]
        for url, process in zip(urls, processes, strict=True):
            wait_healthy(f"{url}/_stcore/health", process)
        page_root = prefix / "page"
        page_root.mkdir(exist_ok=True)
        write_page(page_root)
        site = site_conf(f"{listen}:{port}", [f"127.0.0.1:{p}" for p in ports], page_root)
        (prefix / "nginx.conf").write_text(nginx_conf(prefix, site), encoding="utf-8")
        command = [
            nginx_binary(), "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
            "-e", str(prefix / "error.log"), "-g", "daemon off;",
        ]  # fmt: skip
        nginx = stack.enter_context(running_process(command, prefix / "nginx.out", full_env))
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", nginx)
        yield Cluster(f"http://127.0.0.1:{port}", urls, [p.pid for p in processes])


def lan_address() -> str | None:
    """This machine's address on its local network (the one its default route uses), or None.
    Nothing is sent: a UDP socket only picks the route."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def main() -> int:
    """nginx in front of N Streamlit processes on one store, until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m deploy.serve")
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument(
        "--listen",
        default="0.0.0.0",
        help="nginx's address (default: every address, so the room's phones reach it)",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    stop = {"now": False}

    def on_signal(_signum, _frame) -> None:
        stop["now"] = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    with cluster(args.port, args.workers, listen=args.listen) as running:
        print(f"{running.url}  (nginx → {args.workers} Streamlit processes: "
              f"{', '.join(running.workers)}); Ctrl-C stops", flush=True)  # fmt: skip
        if args.listen == "0.0.0.0" and (lan := lan_address()):
            # Present from this address: the QR code of 汇报模式 carries the one in the browser.
            print(f"Network URL: http://{lan}:{args.port}", flush=True)
        while not stop["now"]:
            time.sleep(0.5)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
