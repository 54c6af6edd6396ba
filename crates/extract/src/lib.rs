//! Recognisers that read an analysed [`dossier_core::Document`] and add
//! layers: quantities, times and quotes.

pub mod quantities;
pub mod quotes;
pub mod times;
