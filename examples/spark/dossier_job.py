#!/usr/bin/env python3
"""Runs dossier as a map stage on Apache Spark.

Reads a JSON Lines corpus (one {"text"|"html", "title", "published", "url", "id"} per line),
pipes every partition through `dossier extract --from jsonl -` (a streaming filter: one output
line per input record, in order, an error record in a bad record's place), and writes Parquet:

    OUT/documents   every document, with dossier's nested JSON schema
    OUT/events      one row per event: who did what to whom, when, how much, and the sentence
    OUT/errors      one row per input record dossier could not read

usage:
    spark-submit examples/spark/dossier_job.py --dossier target/release/dossier CORPUS.jsonl OUT
    python3 examples/spark/dossier_job.py ...          (local mode, with `pip install pyspark`)

On a cluster, ship the binary with the job (`spark-submit --files target/release/dossier ...`)
and pass `--dossier ./dossier`: Spark puts shipped files in each executor's working directory.
"""
import argparse
import json
import os
import sys

from pyspark.sql import Row, SparkSession
from pyspark.sql.types import ArrayType, DoubleType, IntegerType, StringType, StructField, StructType

EVENT_SCHEMA = StructType([
    StructField("document", StringType(), False),
    StructField("event", StringType(), False),
    StructField("type", StringType(), True),
    StructField("act", StringType(), True),
    StructField("status", StringType(), True),
    StructField("mode", StringType(), True),
    StructField("trigger", StringType(), True),
    StructField("source", ArrayType(StringType()), True),
    StructField("target", ArrayType(StringType()), True),
    StructField("theme", StringType(), True),
    StructField("amount", StringType(), True),
    StructField("value", DoubleType(), True),
    StructField("unit", StringType(), True),
    StructField("time", StringType(), True),
    StructField("place", StringType(), True),
    StructField("sentence", StringType(), True),
    StructField("sentence_start", IntegerType(), True),
])

ERROR_SCHEMA = StructType([
    StructField("code", StringType(), True),
    StructField("message", StringType(), True),
    StructField("input", StringType(), True),
    StructField("record", StringType(), True),
])


def code_point_slice(text, start, end):
    """dossier's offsets count Unicode code points, as Python's str indices do."""
    return text[start:end]


def event_rows(line):
    """The flat events of one document line (none for an error record)."""
    doc = json.loads(line)
    if "error" in doc:
        return
    text = doc["text"]
    names = {e["id"]: e["name"] for e in doc.get("entities", [])}
    quantities = {q["id"]: q for q in doc.get("quantities", [])}
    times = {t["id"]: t for t in doc.get("times", [])}
    sentences = doc.get("sentences", [])
    for ev in doc.get("events", []):
        q = quantities.get(ev.get("quantity")) or {}
        t = times.get(ev.get("time")) or {}
        s = sentences[ev["sentence"]] if ev.get("sentence") is not None and ev["sentence"] < len(sentences) else None
        yield Row(
            document=doc["id"],
            event=ev["id"],
            type=ev.get("type"),
            act=ev.get("act", ev.get("type")),
            status=ev.get("status"),
            mode=ev.get("mode"),
            trigger=(ev.get("trigger") or {}).get("text"),
            source=[names.get(a, a) for a in ev.get("source") or []],
            target=[names.get(a, a) for a in ev.get("target") or []],
            theme=(ev.get("theme") or {}).get("text"),
            amount=q.get("text"),
            value=q.get("value"),
            unit=q.get("unit"),
            time=t.get("value") or t.get("text"),
            place=names.get(ev.get("place")) if ev.get("place") else None,
            sentence=code_point_slice(text, s["start"], s["end"]) if s else None,
            sentence_start=s["start"] if s else None,
        )


def error_rows(line):
    doc = json.loads(line)
    if "error" in doc:
        e = doc["error"]
        yield Row(code=e.get("code"), message=e.get("message"), input=e.get("input"), record=e.get("record"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="JSON Lines input (a file, a directory or a glob Spark can read)")
    ap.add_argument("out", help="output directory for the Parquet tables")
    ap.add_argument("--dossier", default=os.environ.get("DOSSIER", "dossier"), help="path of the dossier binary on the executors")
    ap.add_argument("--partitions", type=int, default=None, help="input partitions (default: Spark's)")
    ap.add_argument("--date", help="publication date for records that carry none (YYYY-MM-DD)")
    args = ap.parse_args()

    spark = SparkSession.builder.appName("dossier").getOrCreate()
    sc = spark.sparkContext
    lines = sc.textFile(args.corpus, minPartitions=args.partitions) if args.partitions else sc.textFile(args.corpus)
    # One dossier process per partition, one thread each: Spark owns the parallelism.
    command = [args.dossier, "extract", "--threads", "1", "--from", "jsonl", "--tolerate-bad-records"]
    if args.date:
        command += ["--date", args.date]
    command.append("-")
    # checkCode: a crash of the binary fails the task (and Spark retries it);
    # a bad record does not, it comes back as an error record.
    analysed = lines.filter(lambda l: l.strip()).pipe(" ".join(command), checkCode=True).cache()

    documents = spark.read.json(analysed.filter(lambda l: not l.startswith('{"error"')))
    documents.write.mode("overwrite").parquet(os.path.join(args.out, "documents"))
    events = spark.createDataFrame(analysed.flatMap(event_rows), EVENT_SCHEMA)
    events.write.mode("overwrite").parquet(os.path.join(args.out, "events"))
    errors = spark.createDataFrame(analysed.flatMap(error_rows), ERROR_SCHEMA)
    errors.write.mode("overwrite").parquet(os.path.join(args.out, "errors"))

    # The summary is read back from the Parquet files, so it checks what was written.
    read = lambda name: spark.read.parquet(os.path.join(args.out, name))
    documents, events, errors = read("documents"), read("events"), read("errors")
    aid = events.filter(events.act == "AID").select("document", "source", "theme", "amount").collect()
    print(json.dumps({
        "documents": documents.count(),
        "events": events.count(),
        "errors": errors.count(),
        "titles": sorted(r.title for r in documents.select("title").collect() if r.title),
        "aid": [{"document": r.document, "source": r.source, "theme": r.theme, "amount": r.amount} for r in aid],
    }))
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
