//! Lists the rule-pack files under src/rules/<language>/*.json so they are compiled
//! into the program (the browser has no file system, and the page makes no network
//! requests): adding a file to a language folder is all it takes to ship it.

use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for lang in fs::read_dir(&root).expect("src/rules exists") {
        let lang = lang.expect("readable src/rules").path();
        if !lang.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang.display());
        for file in fs::read_dir(&lang).expect("readable language folder") {
            let path = file.expect("readable rule file").path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = String::from("/// (path relative to src/rules, contents) of every rule file.\npub const RULE_FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        out.push_str(&format!("    ({rel:?}, include_str!({:?})),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("rule_files.rs");
    fs::write(dest, out).expect("write rule_files.rs");
}
