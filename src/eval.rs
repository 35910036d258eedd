//! Scores the detectors against a labelled evaluation set. (Being written.)

use std::path::Path;

/// Score every labelled passage under `dir` and return the printed report.
pub fn run(_dir: &Path) -> Result<String, String> {
    Err("not yet written".into())
}
