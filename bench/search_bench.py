"""Search on a large generated site, measured in Chromium over file://: the script bytes a first query loads,
how long a query takes, and the index's size on disk.

    python bench/search_bench.py [--posts 10000] [--work /tmp/search-bench] [--reuse]

It writes the corpus (bench/corpus.py), imports it and builds the site into the work folder (--reuse keeps
a site built there before), then opens search.html?… in a fresh page for each query: the client loads the
manifest with the page, and the shards and results' doc files the query needs. "Query time" is
newsmirrorSearch.run() from the words to the results shown, snippets included; "cached" is the same query
again in the same page, once its scripts are loaded. Needs playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import write_corpus  # noqa: E402

NEWSMIRROR = REPO / ".venv" / "bin" / "newsmirror"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
# Common and rare words of the corpus, a word being typed (a prefix), and several words at once.
QUERIES = ("rare", "neodymium", "ganzhou", "separation facility", "permanent magnets", "dysp", "lynas quarterly",
           "tonnes", "zz")
RUN = """async words => {
  const start = performance.now();
  const found = await newsmirrorSearch.run(words, {});
  const first = performance.now() - start;
  const again = performance.now();
  await newsmirrorSearch.run(words, {});
  return {found, first, cached: performance.now() - again,
          scripts: Array.from(document.scripts, s => s.src)};
}"""


def prepare(work: Path, posts: int, reuse: bool) -> Path:
    site = work / "site"
    if reuse and (site / "search" / "index.js").exists():
        return site
    config = work / "newsmirror.toml"
    work.mkdir(parents=True, exist_ok=True)
    config.write_text(f'[paths]\ncontent = "{work / "content"}"\noutput = "{site}"\n'
                      f'templates = "{REPO / "templates"}"\nstatic = "{REPO / "static"}"\n', encoding="utf-8")
    print(f"writing {posts:,} posts to {work / 'json'}, importing and building into {site}", file=sys.stderr)
    write_corpus(work / "json", posts, 0)
    subprocess.run([str(NEWSMIRROR), "--quiet", "--config", str(config), "import", str(work / "json")], check=True)
    subprocess.run([str(NEWSMIRROR), "--quiet", "--config", str(config), "build"], check=True)
    return site


def size_of(url: str) -> int:
    return Path(unquote(urlsplit(url).path)).stat().st_size


def measure(site: Path) -> list[dict]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for words in QUERIES:
            page = browser.new_page()
            page.goto((site / "search.html").as_uri())
            result = page.evaluate(RUN, words)
            result["bytes"] = sum(size_of(url) for url in result.pop("scripts"))
            rows.append({"words": words, **result})
            page.close()
        browser.close()
    return rows


def disk(site: Path) -> dict[str, int]:
    index = site / "search"
    shards = [p.stat().st_size for p in (index / "words").iterdir()]
    docs = [p.stat().st_size for p in (index / "doc").iterdir()]
    return {"manifest": (index / "index.js").stat().st_size, "client": (site / "js/search.js").stat().st_size,
            "shards": len(shards), "shard bytes": sum(shards), "largest shard": max(shards),
            "docs": len(docs), "doc bytes": sum(docs), "largest doc": max(docs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/search-bench"))
    parser.add_argument("--reuse", action="store_true", help="measure the site already built in --work")
    args = parser.parse_args()
    site = prepare(args.work.resolve(), args.posts, args.reuse)
    load = os.getloadavg()[0]
    rows = measure(site)
    print(f"{'query':<22} {'found':>6} {'scripts KB':>10} {'first ms':>9} {'cached ms':>9}")
    for row in rows:
        print(f"{row['words']:<22} {row['found']:>6} {row['bytes'] / 1024:>10.0f} {row['first']:>9.0f} "
              f"{row['cached']:>9.0f}")
    print(f"median: {statistics.median(r['bytes'] for r in rows) / 1024:.0f} KB of script, "
          f"{statistics.median(r['first'] for r in rows):.0f} ms first, "
          f"{statistics.median(r['cached'] for r in rows):.0f} ms cached; "
          f"largest: {max(r['bytes'] for r in rows) / 1024:.0f} KB, {max(r['first'] for r in rows):.0f} ms")
    sizes = disk(site)
    print(f"index on disk: manifest {sizes['manifest'] / 1024:.0f} KB, client {sizes['client'] / 1024:.0f} KB, "
          f"{sizes['shards']:,} shards {sizes['shard bytes'] / 2**20:.1f} MB "
          f"(largest {sizes['largest shard'] / 1024:.0f} KB), {sizes['docs']:,} doc files "
          f"{sizes['doc bytes'] / 2**20:.1f} MB (largest {sizes['largest doc'] / 1024:.0f} KB)")
    # Other work on the machine slows the browser; a load above the core count says the times are inflated.
    print(f"load average (1 min) before and after: {load:.1f}, {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
