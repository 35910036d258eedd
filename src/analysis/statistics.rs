//! Statistics offered as evidence, and whether a source is given. (Being written.)

use super::text::Document;
use super::Finding;

pub fn detect(_doc: &Document, _quotes: &[Finding]) -> Vec<Finding> {
    Vec::new()
}
