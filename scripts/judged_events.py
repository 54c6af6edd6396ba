"""What the events scripts share: the events of a `dossier extract` output, a sentence with its
trigger marked as the judged files write it (the key every judged row is found by), and an event's
actors by name.

Also what the event-judge scripts share: whether a held-out probability passes the thresholds, and
a mean with its standard error.

Imported by scripts/sample-events, recheck-events, recheck-event-types, diff-event-actors,
diff-event-changes, sample-event-changes, removed-events, build-event-judge and compare-judge-dumps
(Python puts a script's own folder on its path)."""
import json
import math


def documents(path):
    """The documents of a `dossier extract` JSONL output, leaving out error lines (no text)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                if "text" in doc:
                    yield doc


def events(path):
    """(document, event) for every event of a `dossier extract` JSONL output."""
    for doc in documents(path):
        for e in doc.get("events", []):
            yield doc, e


def flat(s):
    return " ".join(s.split())


def marked_sentence(doc, e):
    """Event `e`'s sentence of `doc` (`dossier extract` JSON), its trigger in { }, flattened."""
    s = doc["sentences"][e["sentence"]]
    text = doc["text"]
    t = e["trigger"]
    return flat(text[s["start"]:t["start"]] + "{" + text[t["start"]:t["end"]] + "}" + text[t["end"]:s["end"]])


def actor_names(doc, e, role):
    """The names of event `e`'s actors in `role` ("source", "target"), joined by " + "."""
    names = {x["id"]: x["name"] for x in doc.get("entities", [])}
    return " + ".join(names.get(a, a) for a in e.get(role) or [])


def passes(p, status, threshold, asserted):
    """Whether the event judge keeps an event of probability `p`: an asserted event needs
    `asserted` (when there is one), any other `threshold`."""
    return p >= (asserted if asserted is not None and status == "asserted" else threshold)


def mean_se(xs):
    """The mean of `xs` and its standard error."""
    m = sum(xs) / len(xs)
    return m, math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1) / len(xs))
