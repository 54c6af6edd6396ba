"""Shared fixtures: the CLI binary to compare with, and a store built by it."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "nato-summit-2024.txt"


def _find_cli():
    """$DOSSIER_BIN (CI sets it: then it must exist), else a built target/*/dossier."""
    named = os.environ.get("DOSSIER_BIN")
    if named:
        assert pathlib.Path(named).is_file(), f"DOSSIER_BIN={named} does not exist"
        return named
    targets = [pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))]
    for t in targets:
        for profile in ("release", "debug"):
            if (t / profile / "dossier").is_file():
                return str(t / profile / "dossier")
    return None


@pytest.fixture(scope="session")
def cli():
    path = _find_cli()
    if path is None:
        pytest.skip("no dossier binary: build it (cargo build -p dossier) or set DOSSIER_BIN")
    return path


@pytest.fixture(scope="session")
def cli_example(cli):
    """`dossier extract --date 2024-07-10` on the example, as a dict."""
    import json

    out = subprocess.run([cli, "extract", "--date", "2024-07-10", str(EXAMPLE)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="session")
def store_path(cli, tmp_path_factory):
    """A store holding the example, written by `dossier ingest`."""
    db = tmp_path_factory.mktemp("store") / "s.db"
    subprocess.run([cli, "ingest", "--db", str(db), "--date", "2024-07-10", str(EXAMPLE)], check=True, capture_output=True)
    return db
