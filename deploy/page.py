"""The page every address of the dashboard answers: Streamlit's index.html, adapted.

- Chinese: `lang="zh-CN"` (a screen reader reads the dashboard as Chinese, a browser offers no
  translation from English), the dashboard's title in the tab before the first run sets it, and a
  Chinese <noscript> (Streamlit's is English, and describes its agent API).
- No base-path probe: Streamlit's front end does not know whether /present is a page or the
  app's base path, so on a page's own address it first asks /present/_stcore/health (a 404) and
  only then the root: 100–240 ms of every deep link's first open (a QR code of 汇报模式, a shared
  field view). On a known page's address a small script tells it where the app's root is
  (`window.__streamlit.BACKEND_BASE_URL`, read once when Streamlit's script loads); elsewhere
  (the root, an unknown address) it finds out as before.
- The window's width and the screen's pixel density, in cookies (VIEWPORT_COOKIE, DPR_COOKIE)
  written before Streamlit connects: the websocket's handshake carries them, so a session's first
  run knows how wide the map column is and how sharp its pictures need to be
  (ui.map_cache.map_is_narrow, picture_density) with no measuring and no reload.

`make run` serves it through web.py's middleware (AppPage); `make serve` writes it to a file nginx
serves (deploy/serve.py)."""

from __future__ import annotations

import gzip
import html
import json
import logging
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER = logging.getLogger(__name__)
# What the adapted page changes in Streamlit's index.html (pinned version: a test checks each
# is found; if a later version moves one, that part stays as Streamlit wrote it).
LANG = '<html lang="en">'
TITLE = "<title>Streamlit</title>"
NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.DOTALL)
VIEWPORT_COOKIE = "jmb_vw"  # the window's width in CSS px when the page was opened
DPR_COOKIE = "jmb_dpr"  # the screen's device pixels per CSS px (window.devicePixelRatio)
# Runs before Streamlit's module script: writes the window's width and pixel density; on
# /<known page> (after any prefix a proxy adds), the app's root is the address without the
# page's segment (repeated slashes read as one).
BASE_SCRIPT = (
    "<script>(function(){{"
    f"document.cookie='{VIEWPORT_COOKIE}='+window.innerWidth+';path=/;SameSite=Lax';"
    f"document.cookie='{DPR_COOKIE}='+window.devicePixelRatio+';path=/;SameSite=Lax';"
    "var p=location.pathname.replace(/\\/{{2,}}/g,'/').replace(/\\/+$/,''),"
    "i=p.lastIndexOf('/');if({pages}.indexOf(p.slice(i+1))>=0)"
    "window.__streamlit={{BACKEND_BASE_URL:location.origin+p.slice(0,i+1)}};}})();</script>"
)


def streamlit_index() -> Path:
    """The installed streamlit package's index.html."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static" / "index.html"


def adapt(index: str, url_paths: Iterable[str], title: str, noscript: str) -> str:
    """Streamlit's `index` page in Chinese (`title`, `noscript`), with the base-path script for
    the pages at `url_paths`. A part not found is left as Streamlit wrote it (and logged)."""
    script = BASE_SCRIPT.format(pages=json.dumps(sorted(url_paths)))
    replacements = [
        (LANG, '<html lang="zh-CN">'),
        (TITLE, f"<title>{html.escape(title)}</title>{script}"),
    ]
    for old, new in replacements:
        if index.count(old) != 1:
            LOGGER.warning("Streamlit's index.html has no single %r: left as is", old)
            continue
        index = index.replace(old, new)
    adapted, found = NOSCRIPT.subn(f"<noscript><p>{html.escape(noscript)}</p></noscript>", index)
    if found != 1:
        LOGGER.warning("Streamlit's index.html has %d <noscript> blocks: left as is", found)
        return index
    return adapted


@cache
def page_html() -> str:
    """The dashboard's page (built once per process)."""
    from ui.labels import LABELS
    from ui.routes import url_paths

    return adapt(
        streamlit_index().read_text(encoding="utf-8"),
        url_paths(),
        LABELS["app_title"],
        LABELS["page_noscript"],
    )


def error_html(title: str, message: str, home: str) -> str:
    """A small Chinese page for an error nginx answers itself (a refused method, an address
    too long): no script, no outside request, a link to the dashboard's first page."""
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title></head>"
        '<body style="font-family: sans-serif; margin: 3rem auto; max-width: 36rem; '
        'padding: 0 1rem; line-height: 1.6">'
        f"<h1 style='font-size: 1.5rem'>{html.escape(title)}</h1><p>{html.escape(message)}</p>"
        f'<p><a href="/">{html.escape(home)}</a></p></body></html>'
    )


def write_page(folder: Path) -> Path:
    """The page as `folder`/index.html and nginx's error page as `folder`/error.html (for
    nginx); returns the page's file."""
    from ui.labels import LABELS

    target = folder / "index.html"
    target.write_text(page_html(), encoding="utf-8")
    error = error_html(LABELS["app_title"], LABELS["page_error"], LABELS["page_error_home"])
    (folder / "error.html").write_text(error, encoding="utf-8")
    return target


def _decoded(content: bytes, encoding: bytes) -> bytes | None:
    """`content` as sent with Content-Encoding `encoding` (none or gzip), or None for others."""
    if not encoding:
        return content
    if encoding == b"gzip":
        try:
            return gzip.decompress(content)
        except (OSError, EOFError):
            return None
    return None


def _one_slash(raw: bytes) -> bytes:
    """'//present//x' → '/present/x': repeated slashes as one (never a '//host' address)."""
    return b"/" + re.sub(rb"/{2,}", b"/", raw).lstrip(b"/\\")


async def _redirect(location: bytes, scope: Scope, send: Send) -> None:
    """A 302 to `location` (the query string kept), never cached."""
    query = scope.get("query_string", b"")
    target = location + (b"?" + query if query else b"")
    headers = [(b"location", target), (b"cache-control", b"no-cache"), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 302, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


class AppPage:
    """ASGI middleware: wherever Streamlit answers with its index.html (the root, a page's
    address, an unknown address), the answer is the app's page instead. Other answers pass as
    they are; validators (ETag, Last-Modified) of the replaced file are dropped."""

    def __init__(self, app: ASGIApp, base_url_path: str = "") -> None:
        self.app = app
        self.index = streamlit_index().read_bytes()
        self.base = base_url_path.strip("/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        raw = scope.get("raw_path") or scope["path"].encode()
        if raw.startswith(b"//"):  # Streamlit answers a plain-text English "Bad Request"
            await _redirect(_one_slash(raw), scope, send)
            return
        held: dict = {}
        body: list[bytes] = []

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                if self._is_html(message):
                    held.update(message)
                    return
            elif held:
                body.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                await self._send_page(held, b"".join(body), scope, send)
                return
            await send(message)

        await self.app(scope, receive, answer)

    def _segments(self, scope: Scope) -> list[bytes]:
        """The address's segments after the app's base path (raw, still percent-encoded)."""
        raw = (scope.get("raw_path") or scope["path"].encode()).strip(b"/")
        base = self.base.encode()
        if base and (raw == base or raw.startswith(base + b"/")):
            raw = raw[len(base) :].strip(b"/")
        return [part for part in raw.split(b"/") if part]

    def _deep(self, scope: Scope) -> bool:
        """An address below a page (/present/2): the page would load its scripts from
        /present/static/… and stay blank, so the browser is sent to the first segment."""
        return len(self._segments(scope)) > 1

    def _up(self, scope: Scope) -> bytes:
        """A relative address from /a/b/c to /a (so a proxy's prefix is kept)."""
        parts = self._segments(scope)
        return b"../" * (len(parts) - 1) + parts[0]

    def _is_html(self, start: Message) -> bool:
        """Whether a response that starts so may be Streamlit's index.html (an HTML page)."""
        headers = dict(start.get("headers", []))
        return start["status"] == 200 and headers.get(b"content-type", b"").startswith(b"text/html")

    async def _send_page(self, start: Message, content: bytes, scope: Scope, send: Send) -> None:
        """The held answer, with the app's page in place of Streamlit's index.html (which
        Streamlit sends gzipped on some addresses: the page goes uncompressed, 7 KB); below a
        page, a redirect to it instead."""
        method = scope["method"]
        headers = dict(start["headers"])
        encoding = headers.get(b"content-encoding", b"")
        if method == "HEAD":
            same = headers.get(b"content-length") == str(len(self.index)).encode() and not encoding
        else:
            same = _decoded(content, encoding) == self.index
        if same and self._deep(scope):
            await _redirect(self._up(scope), scope, send)
            return
        if same:
            content = page_html().encode()
            dropped = {b"content-length", b"content-encoding", b"etag", b"last-modified"}
            kept = [(k, v) for k, v in start["headers"] if k.lower() not in dropped]
            start = {**start, "headers": [*kept, (b"content-length", str(len(content)).encode())]}
        await send(start)
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else content})
