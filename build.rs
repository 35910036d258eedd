//! Lists the rule-pack files under src/rules/<language>/*.json so they are compiled
//! into the program (the browser has no file system, and the page makes no network
//! requests): adding a file to a language folder is all it takes to ship it.
//! Files are minified on the way in (they are most of the wasm's data); a file that
//! is not valid JSON is passed through unchanged so the loader reports the error.

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
    let out_dir = Path::new(&env::var("OUT_DIR").unwrap()).join("rules");
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let contents = fs::read_to_string(path).expect("rule files are UTF-8");
        let minified = serde_json::from_str::<serde_json::Value>(&contents)
            .map(|value| value.to_string())
            .unwrap_or(contents);
        let dest = out_dir.join(&rel);
        fs::create_dir_all(dest.parent().unwrap()).expect("create OUT_DIR/rules");
        fs::write(&dest, minified).expect("write minified rule file");
        out.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            dest.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("rule_files.rs");
    fs::write(dest, out).expect("write rule_files.rs");
}
