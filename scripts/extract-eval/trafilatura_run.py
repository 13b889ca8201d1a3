"""Runs trafilatura with its default settings on each benchmark page and prints one JSON object
{id: {"text": extract(html), "title": bare_extraction(html).title}} to stdout.

    python trafilatura_run.py HTML_DIR ID...   (ids also read from stdin, one a line, when none are given)
"""
import gzip
import json
import sys
import time

import trafilatura


def main():
    html_dir = sys.argv[1]
    ids = sys.argv[2:] or [line.strip() for line in sys.stdin if line.strip()]
    out = {}
    for i in ids:
        with gzip.open(f"{html_dir}/{i}.html.gz") as f:
            html = f.read().decode("utf-8", errors="replace")
        t0 = time.perf_counter()
        text = trafilatura.extract(html) or ""
        ms = (time.perf_counter() - t0) * 1000
        # bare_extraction reads no metadata by default (2.x); the title needs it.
        doc = trafilatura.bare_extraction(html, with_metadata=True)
        title = None
        if doc is not None:
            title = doc.get("title") if isinstance(doc, dict) else getattr(doc, "title", None)
        out[i] = {"text": text, "title": title, "ms": ms}
    json.dump({"version": trafilatura.__version__, "pages": out}, sys.stdout)


if __name__ == "__main__":
    main()
