//! Tokenizer and sentence splitter (rules), and later the trained tagger,
//! parser and NER. Every stage works on byte spans of the original text, so
//! each token and sentence maps back to the user's own characters.

mod abbrev;
pub mod clusters;
pub mod conllu;
pub mod dense;
pub mod gazetteer;
pub mod lexical;
pub mod model_file;
pub mod ner;
pub mod parser;
pub mod perceptron;
pub mod sentences;
pub mod tagger;
pub mod tokenize;

pub use sentences::split_sentences;
pub use tokenize::tokenize;
