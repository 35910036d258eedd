//! Quotes and attributions. (Being written: see the helper brief.)

use super::text::Document;
use super::Finding;

pub fn detect(_doc: &Document) -> Vec<Finding> {
    Vec::new()
}
