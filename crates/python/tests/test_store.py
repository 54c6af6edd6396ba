"""Store queries as dicts and as Arrow tables; the Parquet export in pyarrow and DuckDB."""
import subprocess

import pytest

import dossier

pa = pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def store(store_path):
    return dossier.Store(store_path)


def test_queries_return_dicts(store):
    hits = store.search("NATO")
    assert hits and any(hits[0]["snippet"][a:b] == "NATO" for a, b in hits[0]["highlights"])
    ukraine = store.entity("Ukraine")
    assert ukraine["key"] == "iso3166:UA" and ukraine["events"]
    assert store.entity("Nobody At All") is None
    entities = store.entities()
    assert entities[0]["mentions"] >= entities[-1]["mentions"]
    assert all(e["type"] == "GPE" for e in store.entities(type="GPE"))
    assert store.quotes() and store.events() and isinstance(store.conflicts(), list)
    assert all(e["type"] == "AID" for e in store.events(type="AID"))
    stories = store.stories()
    assert len(stories) == 1 and stories[0]["articles"] == 1 and len(stories[0]["documents"]) == 1
    assert isinstance(store.commitments(), list)


@pytest.mark.parametrize("name", ["search", "entities", "quotes", "events", "commitments", "conflicts", "stories"])
def test_arrow_tables_hold_the_same_rows(store, name):
    args = ("NATO",) if name == "search" else ()
    rows = getattr(store, name)(*args)
    table = getattr(store, name + "_arrow")(*args)
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(rows)
    for row in rows:
        assert set(row) <= set(table.column_names)


def test_events_filter_by_the_judges_confidence(store):
    events = store.events()
    sure = store.events(min_confidence=0.7)
    assert 0 < len(sure) < len(events)
    assert all(e["confidence"] >= 0.7 for e in sure)
    assert store.events_arrow(min_confidence=0.7).num_rows == len(sure)
    with pytest.raises(ValueError, match="from 0 to 1"):
        store.events(min_confidence=2)


def test_events_filter_by_status_and_check_what_they_are_given(store):
    events = store.events(limit=100000)
    asserted = store.events(status="Asserted", limit=100000)
    assert asserted and all(e["status"] == "asserted" for e in asserted)
    assert len(asserted) < len(events)
    assert store.events_arrow(status="asserted", limit=100000).num_rows == len(asserted)
    assert all(e["type"] == "AID" for e in store.events(type="aid"))
    with pytest.raises(ValueError, match="not an event status"):
        store.events(status="rumoured")
    with pytest.raises(ValueError, match="not an event type"):
        store.events_arrow(type="PICNIC")


def test_events_arrow_has_list_columns_and_becomes_pandas(store):
    table = store.events_arrow()
    assert pa.types.is_list(table.schema.field("sources").type)
    assert table.to_pandas()["type"].notna().all()


def test_a_missing_store_raises_E201(tmp_path):
    with pytest.raises(dossier.DossierError) as err:
        dossier.Store(tmp_path / "missing.db")
    assert err.value.code == "E201"


def test_parquet_export_loads_in_pyarrow_and_duckdb(cli, store_path, tmp_path):
    import pyarrow.parquet as pq

    subprocess.run([cli, "export", "--db", str(store_path), "--format", "parquet", "--output", str(tmp_path)], check=True, capture_output=True)
    tables = {p.stem: pq.read_table(p) for p in tmp_path.glob("*.parquet")}
    assert set(tables) == {"documents", "entities", "mentions", "quotes", "events", "commitments", "stories"}
    events = tables["events"]
    assert events.schema.field("value").type == pa.float64()
    assert events.schema.field("start").type == pa.int64()
    assert events.schema.field("source_keys").type == pa.list_(pa.string())
    assert events.num_rows == len(dossier.Store(store_path).events(limit=100000))
    duckdb = pytest.importorskip("duckdb")
    db = duckdb.connect()
    n, = db.execute(f"SELECT count(*) FROM '{tmp_path}/events.parquet' WHERE len(sources) >= 0").fetchone()
    assert n == events.num_rows
    text, = db.execute(f"SELECT text FROM '{tmp_path}/documents.parquet'").fetchone()
    start, end, mention = db.execute(f"SELECT start, \"end\", text FROM '{tmp_path}/mentions.parquet' LIMIT 1").fetchone()
    assert text[start:end] == mention
