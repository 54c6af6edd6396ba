//! Closed vocabularies of the schema, as enums with their exact JSON names.

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// Where a document came from, as the schema's `source.format`.
    SourceFormat { Text => "text", Html => "html", Rss => "rss", Atom => "atom",
    JsonFeed => "jsonfeed", Warc => "warc", Jsonl => "jsonl" }
);

string_enum!(
    /// Layout role of a block of text.
    BlockKind { Title => "title", Heading => "heading", Paragraph => "paragraph",
    Byline => "byline", Dateline => "dateline", Caption => "caption", Credit => "credit" }
);

string_enum!(
    /// OntoNotes 5 entity types.
    EntityType { Person => "PERSON", Norp => "NORP", Fac => "FAC", Org => "ORG", Gpe => "GPE",
    Loc => "LOC", Product => "PRODUCT", Event => "EVENT", WorkOfArt => "WORK_OF_ART",
    Law => "LAW", Language => "LANGUAGE", Date => "DATE", Time => "TIME", Percent => "PERCENT",
    Money => "MONEY", Quantity => "QUANTITY", Ordinal => "ORDINAL", Cardinal => "CARDINAL" }
);

string_enum!(
    MentionKind { Name => "name", Nominal => "nominal", Pronoun => "pronoun" }
);

string_enum!(
    QuoteKind { Direct => "direct", Indirect => "indirect", Mixed => "mixed" }
);

string_enum!(
    /// What a quote's cue reports: speech or writing, or a broader attribution.
    CueClass { Speech => "speech", Belief => "belief", Perception => "perception",
    Expectation => "expectation", Other => "other" }
);

string_enum!(
    /// TIMEX3 types.
    TimeType { Date => "DATE", Time => "TIME", Duration => "DURATION", Set => "SET" }
);

string_enum!(
    /// TIMEX3 `mod`: how the expression bounds or narrows its value ("late 2014" is the END of
    /// 2014, "more than four hours" MORE_THAN PT4H).
    TimeMod { Before => "BEFORE", After => "AFTER", OnOrBefore => "ON_OR_BEFORE",
    OnOrAfter => "ON_OR_AFTER", LessThan => "LESS_THAN", MoreThan => "MORE_THAN",
    EqualOrLess => "EQUAL_OR_LESS", EqualOrMore => "EQUAL_OR_MORE", Start => "START", Mid => "MID",
    End => "END", Approx => "APPROX" }
);

string_enum!(
    QuantityKind { Money => "money", Percent => "percent", Count => "count",
    Measure => "measure", Ordinal => "ordinal" }
);

string_enum!(
    Approx { Exact => "exact", About => "about", AtLeast => "at_least", AtMost => "at_most",
    MoreThan => "more_than", LessThan => "less_than", UpTo => "up_to", Range => "range",
    Vague => "vague" }
);

string_enum!(
    /// The 16 PLOVER event types.
    EventType { Agree => "AGREE", Consult => "CONSULT", Support => "SUPPORT",
    Concede => "CONCEDE", Cooperate => "COOPERATE", Aid => "AID", Retreat => "RETREAT",
    Request => "REQUEST", Accuse => "ACCUSE", Reject => "REJECT", Threaten => "THREATEN",
    Protest => "PROTEST", Sanction => "SANCTION", Mobilize => "MOBILIZE", Coerce => "COERCE",
    Assault => "ASSAULT" }
);

string_enum!(
    EventStatus { Asserted => "asserted", Pledged => "pledged", Planned => "planned",
    Negated => "negated", Hypothetical => "hypothetical", Reported => "reported" }
);
