//! Integration tests: the analysis core on whole articles, the annotation file, the CLI.
