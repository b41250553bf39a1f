"""배포된 사이트처럼 동작하는 작은 정적 서버 (브라우저 테스트와 benchmarks/bench_pages.py 가 같이 쓴다).

GitHub Pages 처럼 사이트를 site_url 의 경로(예: /gongbu-note/) 아래에 두고, 없는 주소에는 404.html 을
404 상태로 준다. 그래야 404 페이지의 절대 경로 자원까지 실제와 똑같이 불린다. 기본은 압축하지 않고,
serve(..., gzip=True) 면 GitHub Pages 처럼 글자 자원(HTML·CSS·JS·JSON·SVG)을 gzip 으로 준다(벤치마크용).
"""

from __future__ import annotations

import functools
import gzip as gzip_module
import http.server
import io
import threading
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".mjs"}


@functools.lru_cache(maxsize=512)
def gzipped(path: Path, mtime: float) -> bytes:
    return gzip_module.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    gzip = False

    def log_message(self, *args):  # 테스트 출력을 어지럽히지 않는다
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == self.prefix.rstrip("/"):
            return self.redirect(self.prefix)
        if not path.startswith(self.prefix):
            return self.send_not_found()
        local = Path(self.translate_path("/" + path[len(self.prefix) :]))
        if local.is_dir() and not path.endswith("/"):
            return self.redirect(path + "/")
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            return self.send_not_found()
        if (
            self.gzip
            and local.suffix in COMPRESSIBLE
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return self.send_gzipped(local)
        self.path = "/" + self.path[len(self.prefix) :]
        return super().send_head()

    def send_gzipped(self, local: Path):
        body = gzipped(local, local.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def send_not_found(self):
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, prefix: str = "/", gzip: bool = False):
    """directory 를 http://127.0.0.1:PORT{prefix} 에 올린다. (서버, 주소)를 돌려준다. 끝나면 server.shutdown()."""
    handler = type("Handler", (SiteHandler,), {"prefix": prefix, "gzip": gzip})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *args: handler(*args, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"
