//! Recognisers that read an analysed [`dossier_core::Document`] and add
//! layers: quantities, times, quotes, events, and the
//! conflicting figures among them.

pub mod conflicts;
pub mod countries;
pub mod cue_classes;
pub mod events;
pub mod given_names;
mod lexicon;
pub mod quantities;
pub mod quotes;
mod speakers;
pub mod times;
pub mod tree;
