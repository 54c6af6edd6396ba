//! Scorers, kept apart from the code they measure so that a benchmark can
//! never be tuned by changing its own yardstick.

pub mod aeb;
pub mod boundaries;
pub mod polnear;
pub mod recognizers;
pub mod timeml;

/// Harmonic mean; 0 when both are 0.
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}
