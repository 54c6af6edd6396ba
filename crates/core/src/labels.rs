//! Typed linguistic labels on tokens: the universal part of speech
//! ([`Upos`]), the Penn Treebank tag ([`Xpos`]) and the universal
//! dependency relation ([`Dep`]). Each set is exactly what the shipped
//! tagger and parser emit, so a comparison with a label no model produces
//! does not compile. A label prints as the model's string (`as_str`,
//! `Display`) and parses from it (`FromStr`); a model naming a label outside
//! the set fails to load with [`UnknownLabel`].

use std::fmt;
use std::str::FromStr;

/// A label string that names no variant of its set: a model trained on
/// another tag set or treebank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLabel {
    /// The label set: "UPOS", "XPOS" or "dependency".
    pub kind: &'static str,
    pub label: String,
}

impl fmt::Display for UnknownLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} label {:?}", self.kind, self.label)
    }
}

impl std::error::Error for UnknownLabel {}

/// An enum of labels with their strings, `ALL`, `as_str`, `FromStr` and
/// `Display`.
macro_rules! labels {
    ($(#[$doc:meta])* $name:ident, $kind:literal, { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every label of the set, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The label as the model and the JSON output spell it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownLabel;
            fn from_str(s: &str) -> Result<Self, UnknownLabel> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownLabel { kind: $kind, label: s.to_string() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

labels!(
    /// Universal part of speech (the 17 UD tags).
    Upos, "UPOS", {
        Adj = "ADJ",
        Adp = "ADP",
        Adv = "ADV",
        Aux = "AUX",
        Cconj = "CCONJ",
        Det = "DET",
        Intj = "INTJ",
        Noun = "NOUN",
        Num = "NUM",
        Part = "PART",
        Pron = "PRON",
        Propn = "PROPN",
        Punct = "PUNCT",
        Sconj = "SCONJ",
        Sym = "SYM",
        Verb = "VERB",
        X = "X",
    }
);

labels!(
    /// Penn Treebank tag, as the tagger (trained on the English Web
    /// Treebank) emits it.
    Xpos, "XPOS", {
        /// `''`
        CloseQuote = "''",
        /// `` `` ``
        OpenQuote = "``",
        Comma = ",",
        Lrb = "-LRB-",
        Rrb = "-RRB-",
        Period = ".",
        Colon = ":",
        Dollar = "$",
        Add = "ADD",
        Afx = "AFX",
        Cc = "CC",
        Cd = "CD",
        Dt = "DT",
        Ex = "EX",
        Fw = "FW",
        Gw = "GW",
        Hyph = "HYPH",
        In = "IN",
        Jj = "JJ",
        Jjr = "JJR",
        Jjs = "JJS",
        Ls = "LS",
        Md = "MD",
        Nfp = "NFP",
        Nn = "NN",
        Nnp = "NNP",
        Nnps = "NNPS",
        Nns = "NNS",
        Pdt = "PDT",
        Pos = "POS",
        Prp = "PRP",
        /// `PRP$`
        PrpPoss = "PRP$",
        Rb = "RB",
        Rbr = "RBR",
        Rbs = "RBS",
        Rp = "RP",
        Sym = "SYM",
        To = "TO",
        Uh = "UH",
        Vb = "VB",
        Vbd = "VBD",
        Vbg = "VBG",
        Vbn = "VBN",
        Vbp = "VBP",
        Vbz = "VBZ",
        Wdt = "WDT",
        Wp = "WP",
        /// `WP$`
        WpPoss = "WP$",
        Wrb = "WRB",
    }
);

labels!(
    /// Universal dependency relation, without subtypes: the parser is
    /// trained on universal relations only (`nlp::parser::universal`), so
    /// it never emits "nsubj:pass", "acl:relcl" or "nmod:poss".
    Dep, "dependency", {
        Acl = "acl",
        Advcl = "advcl",
        Advmod = "advmod",
        Amod = "amod",
        Appos = "appos",
        Aux = "aux",
        Case = "case",
        Cc = "cc",
        Ccomp = "ccomp",
        Compound = "compound",
        Conj = "conj",
        Cop = "cop",
        Csubj = "csubj",
        /// The unspecified relation "dep".
        Dep = "dep",
        Det = "det",
        Discourse = "discourse",
        Dislocated = "dislocated",
        Expl = "expl",
        Fixed = "fixed",
        Flat = "flat",
        Goeswith = "goeswith",
        Iobj = "iobj",
        List = "list",
        Mark = "mark",
        Nmod = "nmod",
        Nsubj = "nsubj",
        Nummod = "nummod",
        Obj = "obj",
        Obl = "obl",
        Orphan = "orphan",
        Parataxis = "parataxis",
        Punct = "punct",
        Reparandum = "reparandum",
        Root = "root",
        Vocative = "vocative",
        Xcomp = "xcomp",
    }
);

impl Upos {
    /// A common or proper noun.
    pub const fn is_noun(self) -> bool {
        matches!(self, Upos::Noun | Upos::Propn)
    }
}

impl Xpos {
    /// A verb's tag, any form: VB, VBD, VBG, VBN, VBP, VBZ (the tags
    /// beginning "VB").
    pub const fn is_verb(self) -> bool {
        matches!(
            self,
            Xpos::Vb | Xpos::Vbd | Xpos::Vbg | Xpos::Vbn | Xpos::Vbp | Xpos::Vbz
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<L: Copy + Eq + fmt::Debug + fmt::Display + FromStr>(all: &[L])
    where
        <L as FromStr>::Err: fmt::Debug,
    {
        for &l in all {
            assert_eq!(l.to_string().parse::<L>().unwrap(), l);
        }
    }

    #[test]
    fn every_label_round_trips_through_its_string() {
        round_trips(Upos::ALL);
        round_trips(Xpos::ALL);
        round_trips(Dep::ALL);
        assert_eq!(Upos::ALL.len(), 17);
        assert_eq!(Dep::Nsubj.as_str(), "nsubj");
        assert_eq!(Xpos::PrpPoss.to_string(), "PRP$");
        for &x in Xpos::ALL {
            assert_eq!(x.is_verb(), x.as_str().starts_with("VB"), "{x}");
        }
    }

    #[test]
    fn unknown_labels_are_errors() {
        let e = "nsubj:pass".parse::<Dep>().unwrap_err();
        assert_eq!(e.kind, "dependency");
        assert_eq!(e.to_string(), "unknown dependency label \"nsubj:pass\"");
        assert!("noun".parse::<Upos>().is_err());
        assert!("XX".parse::<Xpos>().is_err());
    }
}
