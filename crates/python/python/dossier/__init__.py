"""dossier: reads the news and turns it into a sourced, queryable record.

    >>> import dossier
    >>> doc = dossier.extract("Biden said on Tuesday that ...", date="2024-07-10")
    >>> [e["name"] for e in doc["entities"]]

``extract`` analyses one text; ``Pipeline(...).pipe(texts)`` analyses many on worker
threads (without holding the GIL), in input order; ``Store(path)`` queries a database
written by ``dossier ingest``, as lists of dicts or as ``pyarrow.Table`` (``…_arrow``).
Documents are the JSON of ``dossier extract`` (schema/document.schema.json), as dicts;
offsets count code points, so ``doc["text"][s["start"]:s["end"]]`` is a span's text.
"""
import json as _json

from ._dossier import DossierError
from . import _dossier

__all__ = ["extract", "Pipeline", "Store", "DossierError"]


def extract(text, *, date=None, title=None, url=None, layers=None):
    """Analyses one plain text and returns its document as a dict.

    date: the publication date (``YYYY-MM-DD`` or an RFC 3339 date-time), the anchor
    of relative times; title, url: the document's metadata; layers: a comma list
    (``"entities,quotes"``) as ``dossier extract --layers`` takes. Raises
    ``DossierError`` (``.code``, e.g. ``"E103"`` for an empty text) for a bad input
    and ``ValueError`` for a bad option.
    """
    return _json.loads(_dossier.extract_json(text, date=date, title=title, url=url, layers=layers))


class Pipeline:
    """Analyses many texts on ``threads`` worker threads (default: every core).

    ``layers``, ``date``, ``title`` and ``url`` are as for ``extract`` (date, title and
    url fill in what an item lacks). A bad item yields the CLI's error record,
    ``{"error": {"code", "message", "input", "record"}}``, in its place
    (``errors="record"``), or raises ``DossierError`` (``errors="raise"``).
    """

    def __init__(self, layers=None, *, threads=None, date=None, title=None, url=None, errors="record", max_bytes=50_000_000):
        self._inner = _dossier.Pipeline(layers, threads=threads, date=date, title=title, url=url, errors=errors, max_bytes=max_bytes)

    @property
    def threads(self):
        """The number of worker threads."""
        return self._inner.threads

    def pipe(self, items):
        """Yields one document (a dict) per item, in input order.

        An item is a str (plain text) or a dict with ``text`` or ``html`` and optional
        ``title``, ``url``, ``published``, ``authors`` and ``id``, as a line of
        ``dossier extract --from jsonl``. Items are read lazily, a few per thread
        ahead, so any iterable (a file, a generator) streams in constant memory.
        """
        for line in self._inner.pipe_json(items):
            yield _json.loads(line)

    def pipe_json(self, items):
        """As ``pipe``, but yields each document as its JSON string (one JSON Lines line)."""
        return self._inner.pipe_json(items)


def _event_query(args):
    """The keyword arguments of Store.events as the dict the extension reads."""
    return {k: v for k, v in args.items() if k != "self"}


def _table(batch):
    import pyarrow

    return pyarrow.Table.from_batches([batch])


class Store:
    """A database written by ``dossier ingest``, opened read-only.

    Each query returns a list of dicts; its ``…_arrow`` twin returns the same rows as a
    ``pyarrow.Table`` (``pl.from_arrow(t)``, ``t.to_pandas()``). A name may be any
    alias or an entity key such as ``iso3166:UA``; dates are ``YYYY-MM-DD``. Raises
    ``DossierError`` (code ``E201``) when the database cannot be opened.
    """

    def __init__(self, path):
        self._inner = _dossier.Store(str(path))

    @property
    def path(self):
        return self._inner.path

    def search(self, query, limit=20):
        """Full-text search over article text, best first, with snippets."""
        return _json.loads(self._inner.search_json(query, limit))

    def search_arrow(self, query, limit=20):
        return _table(self._inner.search_arrow(query, limit))

    def entity(self, name):
        """One entity's profile (aliases, documents, co-occurring entities, quotes,
        events, timeline) as a dict, or None if no entity has that name."""
        return _json.loads(self._inner.entity_json(name))

    def entities(self, type=None, limit=1000):
        """Entities, the most mentioned first, optionally of one type (``"PERSON"``)."""
        return _json.loads(self._inner.entities_json(type, limit))

    def entities_arrow(self, type=None, limit=1000):
        return _table(self._inner.entities_arrow(type, limit))

    def quotes(self, by=None, about=None, since=None, until=None, limit=200):
        """Quotes, newest first: by a speaker, naming an entity, between dates."""
        return _json.loads(self._inner.quotes_json(by, about, since, until, limit))

    def quotes_arrow(self, by=None, about=None, since=None, until=None, limit=200):
        return _table(self._inner.quotes_arrow(by, about, since, until, limit))

    def events(self, type=None, source=None, target=None, since=None, until=None, limit=500,
               min_confidence=None, status=None):
        """Events, newest first, with their actors' names: of a PLOVER type, by a
        source, on a target, between dates, with a status (asserted, pledged,
        planned, negated, hypothetical, reported); with ``min_confidence`` (0 to 1)
        only those the event judge is at least that sure of (each row's
        ``confidence``). A type, status or confidence that is none raises ValueError."""
        return _json.loads(self._inner.events_json(_event_query(locals())))

    def events_arrow(self, type=None, source=None, target=None, since=None, until=None, limit=500,
                     min_confidence=None, status=None):
        return _table(self._inner.events_arrow(_event_query(locals())))

    def commitments(self, donor=None, recipient=None):
        """The aid tracker: AID events as donor, recipient, item, amount, status, date."""
        return _json.loads(self._inner.commitments_json(donor, recipient))

    def commitments_arrow(self, donor=None, recipient=None):
        return _table(self._inner.commitments_arrow(donor, recipient))

    def stories(self):
        """Story clusters; an empty list while the store keeps none."""
        return _json.loads(self._inner.stories_json())

    def stories_arrow(self):
        return _table(self._inner.stories_arrow())

    def conflicts(self):
        """Figures that disagree, within a document and across documents."""
        return _json.loads(self._inner.conflicts_json())

    def conflicts_arrow(self):
        return _table(self._inner.conflicts_arrow())
