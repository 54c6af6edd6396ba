#!/usr/bin/env python3
"""Words/s of Pipeline.pipe with 1 and 2 threads, and of `dossier extract --from jsonl --threads 2`.

usage: python bench.py CORPUS.jsonl DOSSIER_BIN [RUNS]
       (CORPUS: e.g. `scripts/polnear-jsonl dev > dev.jsonl`; the median of RUNS runs, default 3)
"""
import json
import os
import statistics
import subprocess
import sys
import time

import dossier


def median_seconds(run, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    corpus, cli = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    with open(corpus, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    words = sum(len(item["text"].split()) for item in items)
    list(dossier.Pipeline(threads=1).pipe(items[:2]))  # loads the models

    def pipe(threads):
        docs = list(dossier.Pipeline(threads=threads).pipe(items))
        assert len(docs) == len(items) and not any("error" in d for d in docs)

    def pipe_json(threads):
        assert sum(1 for _ in dossier.Pipeline(threads=threads).pipe_json(items)) == len(items)

    def run_cli():
        subprocess.run([cli, "extract", "--from", "jsonl", "--threads", "2", corpus], check=True, stdout=subprocess.DEVNULL)

    one = median_seconds(lambda: pipe(1), runs)
    two = median_seconds(lambda: pipe(2), runs)
    two_json = median_seconds(lambda: pipe_json(2), runs)
    cli_two = median_seconds(run_cli, runs)
    # The CLI decodes its models at every start; the package once per process.
    with open(os.devnull, "w") as null:
        startup = median_seconds(lambda: subprocess.run([cli, "extract", "--threads", "2", "-"], input=b"NATO met.", check=True, stdout=null), runs)
    print(f"{len(items)} documents, {words} words; load average {os.getloadavg()[0]:.2f}")
    print(f"pipe, 1 thread:  {one:.2f} s, {words / one:,.0f} words/s")
    print(f"pipe, 2 threads: {two:.2f} s, {words / two:,.0f} words/s  ({one / two:.2f}x one thread)")
    print(f"pipe_json, 2 threads: {two_json:.2f} s, {words / two_json:,.0f} words/s")
    print(f"CLI, 2 threads:  {cli_two:.2f} s, {words / cli_two:,.0f} words/s  (pipe: {cli_two / two:.0%} of the CLI)")
    steady = cli_two - startup
    print(f"CLI less its {startup:.2f} s start-up: {words / steady:,.0f} words/s  (pipe: {steady / two:.0%}, pipe_json: {steady / two_json:.0%})")


if __name__ == "__main__":
    main()
