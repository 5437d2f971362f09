"""One request through an ASGI app, without a server or an HTTP client library."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def call(app, path: str, method: str = "GET", headers: dict[str, str] | None = None, scheme="http"):
    """(status, headers, body text) of `method` `path` through `app`."""
    scope = {
        "type": "http", "method": method, "path": path, "raw_path": path.encode(),
        "query_string": b"", "root_path": "", "scheme": scheme, "server": ("test", 80),
        "http_version": "1.1",
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
    }  # fmt: skip
    sent = []
    asked = []

    async def receive() -> dict:
        asked.append(1)
        if len(asked) > 1:  # a response that listens for a disconnect: the client stays
            await asyncio.Event().wait()
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    # In a thread of its own: a browser test's playwright may hold this thread's event loop.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, app(scope, receive, send)).result()
    answer_headers = {}
    for key, value in sent[0].get("headers", []):
        answer_headers.setdefault(key.decode(), []).append(value.decode())
    body = b"".join(m.get("body", b"") for m in sent[1:]).decode()
    return sent[0]["status"], {k: "\n".join(v) for k, v in answer_headers.items()}, body
