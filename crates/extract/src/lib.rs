//! Recognisers that read a tokenized [`dossier_core::Document`] and add
//! layers: quantities today; times, quotes and events next.

pub mod quantities;
pub mod times;
