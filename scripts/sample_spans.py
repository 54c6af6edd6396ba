"""Shared by scripts/sample-times and scripts/sample-quantities: documents of dossier JSONL output,
the sentence around a span, the sentence with spans marked ⟦ ⟧."""
import json

BEFORE = 150


def flat(s):
    return " ".join(s.split())


def documents(path, dated=False):
    """The documents of an extract output; with `dated`, only those with a publication date."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if not dated or doc.get("published"):
                yield doc


def sentence_of(doc, start):
    """(index, sentence) holding code point `start`, or (None, None)."""
    for i, s in enumerate(doc["sentences"]):
        if s["start"] <= start < s["end"]:
            return i, s
    return None, None


def marked(text, s, spans):
    """The sentence with each (start, end) of spans marked ⟦ ⟧ (code point offsets)."""
    out, at = [], s["start"]
    for a, b in sorted(spans):
        if a < at or b > s["end"]:
            continue
        out += [text[at:a], "⟦", text[a:b], "⟧"]
        at = b
    out.append(text[at : s["end"]])
    return flat("".join(out))


def context(text, s, spans):
    """About BEFORE characters before the sentence, " ‖ ", then the marked sentence."""
    before = flat(text[max(0, s["start"] - BEFORE) : s["start"]])
    return before + " ‖ " + marked(text, s, spans)
