"""extract and Pipeline.pipe give what `dossier extract` gives; bad input raises DossierError."""
import pytest

import dossier
from conftest import EXAMPLE

LAYERS = ("entities", "mentions", "quotes", "events", "times", "quantities", "sentences")


def test_extract_gives_the_same_document_as_the_cli(cli_example):
    doc = dossier.extract(EXAMPLE.read_text(encoding="utf-8"), date="2024-07-10")
    assert doc["id"] == cli_example["id"]
    assert doc["text"] == cli_example["text"]
    for layer in LAYERS:
        assert doc[layer] == cli_example[layer], layer
    assert doc["entities"] and doc["quotes"] and doc["events"]


def test_extract_fills_in_metadata_and_keeps_code_point_offsets():
    doc = dossier.extract("Zelensky said on Monday that Kyiv needs “more air defence”.", date="2024-07-08", title="T", url="https://example.org/a")
    assert doc["title"] == "T" and doc["published"] == "2024-07-08"
    assert doc["source"]["uri"] == "https://example.org/a"
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]


def test_layers_limit_the_analysis():
    doc = dossier.extract("Joe Biden met Olaf Scholz in Berlin.", layers="entities")
    assert doc["entities"] and doc["events"] == [] and doc["quotes"] == []


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_raises_E103(text):
    with pytest.raises(dossier.DossierError) as err:
        dossier.extract(text)
    assert err.value.code == "E103"
    assert "error[E103]" in str(err.value)
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("option", [{"date": "10/07/2024"}, {"layers": "entities,nonsense"}])
def test_bad_options_raise_ValueError(option):
    with pytest.raises(ValueError) as err:
        dossier.extract("Some text.", **option)
    assert not isinstance(err.value, dossier.DossierError)


def test_pipe_keeps_input_order_and_puts_error_records_in_place(cli_example):
    text = EXAMPLE.read_text(encoding="utf-8")
    items = [text, "", {"text": "Scholz spoke in Berlin.", "title": "B", "published": "2024-07-11"}, {"title": "no text"}, {"html": "<html><body><article><p>Macron visited Kyiv on Monday, officials said.</p></article></body></html>"}]
    docs = list(dossier.Pipeline(threads=2, date="2024-07-10").pipe(items))
    assert len(docs) == len(items)
    assert docs[0]["events"] == cli_example["events"] and docs[0]["quotes"] == cli_example["quotes"]
    assert docs[1]["error"]["code"] == "E103" and docs[1]["error"]["record"] == "item 2"
    assert docs[2]["title"] == "B" and docs[2]["published"] == "2024-07-11"
    assert docs[3]["error"]["code"] == "E107"
    assert "Macron" in docs[4]["text"]


def test_pipe_can_raise_instead():
    with pytest.raises(dossier.DossierError) as err:
        list(dossier.Pipeline(threads=1, errors="raise").pipe(["Fine text.", "  "]))
    assert err.value.code == "E103" and err.value.record == "item 2"


def test_pipe_rejects_items_it_cannot_read():
    with pytest.raises(TypeError):
        list(dossier.Pipeline(threads=1).pipe([42]))


def test_pipe_streams_a_generator_and_gives_json_lines():
    lines = list(dossier.Pipeline(layers="entities", threads=2).pipe_json(f"Text number {i} about NATO." for i in range(50)))
    assert len(lines) == 50 and all(l.startswith("{") for l in lines)
    assert [l.count("number") for l in lines] == [1] * 50
