//! The command-line tool. (Being written.)

pub fn run() -> i32 { 0 }
