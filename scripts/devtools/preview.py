"""Serves a built site under a subpath, as GitHub Pages serves a project site.

Used by the tests, the benchmark and the audit: port 0 picks a free port;
missing files get the root 404.html with status 404; responses are
gzip-compressed when the client asks, as GitHub Pages does.
"""
from __future__ import annotations

import gzip
import mimetypes
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/atom+xml")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/javascript", ".mjs")


class Handler(BaseHTTPRequestHandler):
    def __init__(self, *args, root: Path, prefix: str, compress: bool, **kwargs):
        self.root, self.prefix, self.compress = root, prefix, compress
        super().__init__(*args, **kwargs)

    def log_message(self, *args):  # quiet: tests read responses, not logs
        pass

    def _resolve(self, path: str) -> Path | None:
        if not path.startswith(self.prefix):
            return None
        rel = unquote(path[len(self.prefix):])
        target = (self.root / rel).resolve()
        if self.root not in target.parents and target != self.root:
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None
            target = target / "index.html"
        return target if target.is_file() else None

    def do_GET(self):
        path = urlsplit(self.path).path
        target = self._resolve(path)
        if target is None and path.startswith(self.prefix) and (self.root / unquote(path[len(self.prefix):])).is_dir():
            self.send_response(301)
            self.send_header("Location", path + "/")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.root / "404.html"
        body = target.read_bytes()
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)


class Preview:
    """with Preview(site_dir, "/proj/") as url: ... — a local server on a free port."""

    def __init__(self, root: Path, prefix: str = "/proj/", compress: bool = True, port: int = 0):
        self.prefix = prefix if prefix.endswith("/") else prefix + "/"
        handler = partial(Handler, root=Path(root).resolve(), prefix=self.prefix, compress=compress)
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{self.prefix}"

    def __enter__(self) -> str:
        self.thread.start()
        return self.url

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
