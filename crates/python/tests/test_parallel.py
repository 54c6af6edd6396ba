"""The GIL is released while dossier works: other Python threads run, and two run at once."""
import os
import threading
import time

import pytest

import dossier
from conftest import EXAMPLE


def _texts(n):
    # Distinct texts of the example's length, so that no cache can help.
    base = EXAMPLE.read_text(encoding="utf-8")
    return [f"Report {i}.\n\n{base}" for i in range(n)]


def _heartbeat_gaps(work):
    """Runs `work` while another Python thread ticks every 2 ms; returns the
    tick gaps and how long `work` took. Holding the GIL stops the ticks."""
    gaps, stop = [], threading.Event()

    def beat():
        last = time.perf_counter()
        while not stop.is_set():
            time.sleep(0.002)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    t = threading.Thread(target=beat)
    t.start()
    start = time.perf_counter()
    work()
    took = time.perf_counter() - start
    stop.set()
    t.join()
    return gaps, took


def test_python_runs_while_extract_works():
    long_text = "\n\n".join(_texts(12))
    dossier.extract(_texts(1)[0])  # loads the models
    gaps, took = _heartbeat_gaps(lambda: dossier.extract(long_text))
    assert len(gaps) > 10 and max(gaps) < took / 2, f"longest gap {max(gaps):.3f} s of {took:.3f} s"


def test_python_runs_while_a_pipe_waits():
    long_text = "\n\n".join(_texts(12))
    gaps, took = _heartbeat_gaps(lambda: list(dossier.Pipeline(threads=1).pipe([long_text])))
    assert len(gaps) > 10 and max(gaps) < took / 2, f"longest gap {max(gaps):.3f} s of {took:.3f} s"


def _needs_two_idle_cores():
    cores = os.cpu_count() or 1
    load = os.getloadavg()[0]
    if cores < 2 or load > cores - 1.5:
        pytest.skip(f"a speed-up needs two idle cores: {cores} cores, load average {load:.1f}")


def _timed(threads, texts):
    start = time.perf_counter()
    docs = list(dossier.Pipeline(threads=threads, date="2024-07-10").pipe(texts))
    assert len(docs) == len(texts) and all("error" not in d for d in docs)
    return time.perf_counter() - start


def test_pipe_with_two_threads_is_faster_than_one():
    _needs_two_idle_cores()
    texts = _texts(36)
    _timed(1, texts[:2])
    one, two = _timed(1, texts), _timed(2, texts)
    # ~1.9x on two quiet cores; room left for a busy CI machine.
    assert one / two > 1.3, f"1 thread {one:.2f} s, 2 threads {two:.2f} s"


def test_two_python_threads_extract_at_once():
    _needs_two_idle_cores()
    texts = _texts(8)
    dossier.extract(texts[0])
    start = time.perf_counter()
    for t in texts:
        dossier.extract(t)
    serial = time.perf_counter() - start

    pair = [threading.Thread(target=lambda part=part: [dossier.extract(t) for t in part]) for part in (texts[:4], texts[4:])]
    start = time.perf_counter()
    for t in pair:
        t.start()
    for t in pair:
        t.join()
    parallel = time.perf_counter() - start
    assert serial / parallel > 1.3, f"serial {serial:.2f} s, two threads {parallel:.2f} s"
