//! The JSON writer: the project's contract, `document.schema.json`.
//!
//! Offsets are written as Unicode code points so that Python's
//! `text[start:end]` equals each span's `text`.

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::{CharOffsets, Dep, Document, Span, Upos, Xpos, SCHEMA_ID};
use crate::{EntityId, EventId, MentionId, QuantityId, QuoteId, SentenceId, TimeId};

/// What to write besides the schema's required fields.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonOptions {
    /// Add a `tokens` array (with `pos`, `head` and `dep` when parsed).
    pub tokens: bool,
    /// Indent the output.
    pub pretty: bool,
}

/// Serialises `doc` as one JSON object. With `pretty: false` the result has
/// no newline, so it is one JSON Lines record.
pub fn to_json(doc: &Document, options: JsonOptions) -> String {
    let view = DocView {
        doc,
        offsets: CharOffsets::new(doc.text()),
        options,
    };
    let out = if options.pretty {
        serde_json::to_string_pretty(&view)
    } else {
        serde_json::to_string(&view)
    };
    // Serialising plain strings and numbers into memory cannot fail.
    out.expect("document serialises")
}

/// Writes `doc` as `to_json` would, straight into `out`: a long document's
/// JSON is never held in memory whole.
pub fn write_json(
    doc: &Document,
    options: JsonOptions,
    out: impl std::io::Write,
) -> std::io::Result<()> {
    let view = DocView {
        doc,
        offsets: CharOffsets::new(doc.text()),
        options,
    };
    let written = if options.pretty {
        serde_json::to_writer_pretty(out, &view)
    } else {
        serde_json::to_writer(out, &view)
    };
    written.map_err(std::io::Error::from)
}

struct DocView<'d> {
    doc: &'d Document,
    offsets: CharOffsets<'d>,
    options: JsonOptions,
}

/// A span with its text, in code points.
#[derive(Serialize)]
struct SpanJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Range {
    start: usize,
    end: usize,
}

impl<'d> DocView<'d> {
    fn range(&self, span: Span) -> Range {
        Range {
            start: self.offsets.to_char(span.start),
            end: self.offsets.to_char(span.end),
        }
    }
    fn span(&self, span: Span) -> SpanJson<'d> {
        SpanJson {
            start: self.offsets.to_char(span.start),
            end: self.offsets.to_char(span.end),
            text: self.doc.span_text(span),
        }
    }
}

/// Serialises an iterator as a JSON array without collecting it.
struct Seq<F>(F);

impl<F, I, T> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator<Item = T>,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for item in (self.0)() {
            seq.serialize_element(&item)?;
        }
        seq.end()
    }
}

impl Serialize for DocView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.doc;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("schema", SCHEMA_ID)?;
        m.serialize_entry("id", &d.id)?;
        m.serialize_entry(
            "source",
            &serde_json::json!({
                "uri": d.source.uri, "format": d.source.format.as_str(), "record": d.source.record,
            }),
        )?;
        m.serialize_entry("title", &d.title)?;
        m.serialize_entry("published", &d.published)?;
        m.serialize_entry("authors", &d.authors)?;
        m.serialize_entry("url", &d.url)?;
        m.serialize_entry(
            "publisher",
            &d.publisher.clone().or_else(|| {
                d.url
                    .as_deref()
                    .or(d.source.uri.as_deref())
                    .and_then(crate::url_host)
            }),
        )?;
        m.serialize_entry("language", &d.language)?;
        m.serialize_entry("text", d.text())?;

        self.blocks_and_tokens(&mut m)?;
        self.names(&mut m)?;
        self.quotes(&mut m)?;
        self.times_and_quantities(&mut m)?;
        self.events_and_warnings(&mut m)?;
        m.end()
    }
}

impl DocView<'_> {
    /// The blocks, sentences and (if asked for) tokens.
    fn blocks_and_tokens<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let d = self.doc;
        #[derive(Serialize)]
        struct BlockJson {
            start: usize,
            end: usize,
            kind: &'static str,
        }
        m.serialize_entry(
            "blocks",
            &Seq(|| {
                d.blocks.iter().map(|b| {
                    let r = self.range(b.span);
                    BlockJson {
                        start: r.start,
                        end: r.end,
                        kind: b.kind.as_str(),
                    }
                })
            }),
        )?;
        m.serialize_entry(
            "sentences",
            &Seq(|| d.sentences.iter().map(|x| self.range(x.span))),
        )?;

        if self.options.tokens {
            #[derive(Serialize)]
            struct TokenJson<'a> {
                #[serde(flatten)]
                span: SpanJson<'a>,
                #[serde(skip_serializing_if = "Option::is_none")]
                pos: Option<&'static str>,
                #[serde(skip_serializing_if = "Option::is_none")]
                tag: Option<&'static str>,
                #[serde(skip_serializing_if = "Option::is_none")]
                head: Option<usize>,
                #[serde(skip_serializing_if = "Option::is_none")]
                dep: Option<&'static str>,
            }
            m.serialize_entry(
                "tokens",
                &Seq(|| {
                    d.tokens.iter().map(|t| TokenJson {
                        span: self.span(t.span),
                        pos: t.pos.map(Upos::as_str),
                        tag: t.tag.map(Xpos::as_str),
                        head: t.head,
                        dep: t.dep.map(Dep::as_str),
                    })
                }),
            )?;
        }
        Ok(())
    }

    /// Mentions and the entities they name.
    fn names<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let d = self.doc;
        #[derive(Serialize)]
        struct MentionJson<'a> {
            id: MentionId,
            #[serde(flatten)]
            span: SpanJson<'a>,
            #[serde(rename = "type")]
            ty: &'static str,
            kind: &'static str,
            entity: Option<EntityId>,
        }
        m.serialize_entry(
            "mentions",
            &Seq(|| {
                d.mentions.iter().enumerate().map(|(i, x)| MentionJson {
                    id: MentionId::new(i),
                    span: self.span(x.span),
                    ty: x.ty.as_str(),
                    kind: x.kind.as_str(),
                    entity: x.entity,
                })
            }),
        )?;

        #[derive(Serialize)]
        struct EntityJson<'a> {
            id: EntityId,
            name: &'a str,
            #[serde(rename = "type")]
            ty: &'static str,
            mentions: &'a [MentionId],
            aliases: &'a [String],
            kb: Option<serde_json::Map<String, serde_json::Value>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            key: Option<&'a str>,
        }
        m.serialize_entry(
            "entities",
            &Seq(|| {
                d.entities.iter().enumerate().map(|(i, e)| EntityJson {
                    id: EntityId::new(i),
                    name: &e.name,
                    ty: e.ty.as_str(),
                    mentions: &e.mentions,
                    aliases: &e.aliases,
                    kb: (!e.kb.is_empty()).then(|| {
                        e.kb.iter()
                            .map(|(k, v)| (k.to_string(), v.clone().into()))
                            .collect()
                    }),
                    key: e.key.as_deref(),
                })
            }),
        )?;
        Ok(())
    }

    /// Quotes with their cue and speaker.
    fn quotes<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let d = self.doc;
        #[derive(Serialize)]
        struct SpeakerJson<'a> {
            #[serde(flatten)]
            span: SpanJson<'a>,
            entity: Option<EntityId>,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            also: &'a [EntityId],
            #[serde(skip_serializing_if = "Option::is_none")]
            affiliation: Option<EntityId>,
            #[serde(skip_serializing_if = "Option::is_none")]
            refers_to: Option<SpanJson<'a>>,
        }
        #[derive(Serialize)]
        struct QuoteJson<'a> {
            id: QuoteId,
            #[serde(flatten)]
            span: SpanJson<'a>,
            kind: &'static str,
            cue: Option<SpanJson<'a>>,
            cue_class: Option<&'static str>,
            speaker: Option<SpeakerJson<'a>>,
        }
        m.serialize_entry(
            "quotes",
            &Seq(|| {
                d.quotes.iter().enumerate().map(|(i, q)| QuoteJson {
                    id: QuoteId::new(i),
                    span: self.span(q.span),
                    kind: q.kind.as_str(),
                    cue: q.cue.map(|c| self.span(c)),
                    cue_class: q.cue_class.map(|c| c.as_str()),
                    speaker: q.speaker.as_ref().map(|sp| SpeakerJson {
                        span: self.span(sp.span),
                        entity: sp.entity,
                        also: &sp.also,
                        affiliation: sp.affiliation,
                        refers_to: sp.refers_to.map(|r| self.span(r)),
                    }),
                })
            }),
        )?;
        Ok(())
    }

    /// Times and quantities.
    fn times_and_quantities<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let d = self.doc;
        #[derive(Serialize)]
        struct TimeJson<'a> {
            id: TimeId,
            #[serde(flatten)]
            span: SpanJson<'a>,
            #[serde(rename = "type")]
            ty: &'static str,
            value: Option<&'a str>,
            #[serde(rename = "mod")]
            modifier: Option<&'static str>,
        }
        m.serialize_entry(
            "times",
            &Seq(|| {
                d.times.iter().enumerate().map(|(i, t)| TimeJson {
                    id: TimeId::new(i),
                    span: self.span(t.span),
                    ty: t.ty.as_str(),
                    value: t.value.as_deref(),
                    modifier: t.modifier.map(|m| m.as_str()),
                })
            }),
        )?;

        #[derive(Serialize)]
        struct QuantityJson<'a> {
            id: QuantityId,
            #[serde(flatten)]
            span: SpanJson<'a>,
            kind: &'static str,
            value: Option<f64>,
            upper: Option<f64>,
            unit: Option<&'a str>,
            approx: &'static str,
            per: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            measures: Option<&'a str>,
        }
        m.serialize_entry(
            "quantities",
            &Seq(|| {
                d.quantities.iter().enumerate().map(|(i, q)| QuantityJson {
                    id: QuantityId::new(i),
                    span: self.span(q.span),
                    kind: q.kind.as_str(),
                    value: q.value,
                    upper: q.upper,
                    unit: q.unit.as_deref(),
                    approx: q.approx.as_str(),
                    per: q.per.as_deref(),
                    measures: q.measures.as_deref(),
                })
            }),
        )?;
        Ok(())
    }

    /// Events, then warnings.
    fn events_and_warnings<M: SerializeMap>(&self, m: &mut M) -> Result<(), M::Error> {
        let d = self.doc;
        #[derive(Serialize)]
        struct EventJson<'a> {
            id: EventId,
            #[serde(rename = "type")]
            ty: &'static str,
            act: &'static str,
            mode: Option<&'a str>,
            status: &'static str,
            trigger: SpanJson<'a>,
            sentence: SentenceId,
            source: &'a [EntityId],
            target: &'a [EntityId],
            theme: Option<SpanJson<'a>>,
            quantity: Option<QuantityId>,
            time: Option<TimeId>,
            place: Option<EntityId>,
            quote: Option<QuoteId>,
            confidence: Option<f64>,
        }
        m.serialize_entry(
            "events",
            &Seq(|| {
                d.events.iter().enumerate().map(|(i, e)| EventJson {
                    id: EventId::new(i),
                    ty: e.ty.as_str(),
                    act: e.act.as_str(),
                    mode: e.mode.as_deref(),
                    status: e.status.as_str(),
                    trigger: self.span(e.trigger),
                    sentence: e.sentence,
                    source: &e.source,
                    target: &e.target,
                    theme: e.theme.map(|t| self.span(t)),
                    quantity: e.quantity,
                    time: e.time,
                    place: e.place,
                    quote: e.quote,
                    // Two decimals: the judge is no finer than that.
                    confidence: e.confidence.map(|p| (p * 100.0).round() / 100.0),
                })
            }),
        )?;

        #[derive(Serialize)]
        struct WarningJson<'a> {
            code: &'static str,
            message: &'a str,
            #[serde(skip_serializing_if = "Vec::is_empty")]
            spans: Vec<Range>,
        }
        m.serialize_entry(
            "warnings",
            &Seq(|| {
                d.warnings.iter().map(|w| WarningJson {
                    code: w.code,
                    message: &w.message,
                    spans: w.spans.iter().map(|s| self.range(*s)).collect(),
                })
            }),
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Block, BlockKind, Source, SourceFormat};

    #[test]
    fn offsets_are_code_points() {
        let text = "“Café” 🇺🇦 Kyiv".to_string();
        let kyiv = text.find("Kyiv").unwrap();
        let mut doc = Document::new(
            text.clone(),
            Source {
                uri: None,
                format: SourceFormat::Text,
                record: None,
            },
        );
        doc.blocks.push(Block {
            span: Span::new(kyiv, text.len()),
            kind: BlockKind::Paragraph,
        });
        let v: serde_json::Value =
            serde_json::from_str(&to_json(&doc, JsonOptions::default())).unwrap();
        let start = v["blocks"][0]["start"].as_u64().unwrap() as usize;
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[start..].iter().collect::<String>(), "Kyiv");
    }
}
