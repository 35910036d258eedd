//! Integration tests: the analysis core on whole articles, the annotation file, the CLI.
//! One binary, one module per area (each owned by one part of the code).

mod annotation;
mod cli;
mod eval_set;
mod loaded_en;
mod loaded_zh;
mod quotes;
mod statistics;
