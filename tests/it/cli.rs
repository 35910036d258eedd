//! The `sourcelight` binary as a user runs it: output, exit status, and one clear
//! line on stderr for every kind of bad input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use sourcelight::analysis::Language;
use sourcelight::annotation;
use sourcelight::article::AnnotatedArticle;

const SEED_FILES: [&str; 3] = [
    "assets/seeds/000_4b0d180f71e0c4f2.txt",
    "assets/seeds/001_b2ba1f865d37b29f.txt",
    "assets/seeds/002_8a456bd384d602db.txt",
];

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A scratch directory of this test's own (tests run in parallel), removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("sourcelight-cli-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, contents).expect("write scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sourcelight"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sourcelight");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("wait for sourcelight")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Exit status 2, nothing on stdout, and exactly one line on stderr that starts
/// with `sourcelight: ` and mentions every `expected` piece.
fn assert_one_line_failure(output: &Output, expected: &[&str]) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "exit status; stderr: {err}");
    assert!(
        output.stdout.is_empty(),
        "nothing on stdout, got {:?}",
        stdout(output)
    );
    assert!(err.starts_with("sourcelight: "), "{err:?}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.ends_with('\n'));
    assert!(!err.contains("panicked"), "{err}");
    for piece in expected {
        assert!(err.contains(piece), "{err:?} should mention {piece:?}");
    }
}

#[test]
fn annotate_each_seed_gives_a_file_that_check_accepts() {
    let scratch = Scratch::new("seeds");
    for seed in SEED_FILES {
        let path = repo_path(seed);
        let output = run(&["annotate", path.to_str().unwrap()], None);
        assert_eq!(output.status.code(), Some(0), "{seed}: {}", stderr(&output));
        assert!(output.stderr.is_empty(), "{seed}: {}", stderr(&output));
        let json = stdout(&output);
        let value: Value = serde_json::from_str(&json).expect("annotate prints JSON");
        assert_eq!(value["type"], "AnnotationCollection");

        // The same file the browser exports: the library's analysis of the same text.
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            annotation::import(&json),
            Ok(AnnotatedArticle::analyze(&text, None)),
            "{seed}"
        );
        assert_eq!(
            json,
            annotation::export(&AnnotatedArticle::analyze(&text, None)) + "\n"
        );

        let saved = scratch.file("seed.json", json.as_bytes());
        let check = run(&["check", saved.to_str().unwrap()], None);
        assert_eq!(check.status.code(), Some(0), "{seed}: {}", stderr(&check));
        let summary = stdout(&check);
        assert!(
            summary.contains("is a valid Sourcelight annotation file"),
            "{summary}"
        );
        assert!(
            summary.contains(&format!("{} code points", text.chars().count())),
            "{summary}"
        );
        assert_eq!(summary.lines().count(), 1, "one paragraph: {summary}");
    }
}

#[test]
fn output_option_writes_the_same_file() {
    let scratch = Scratch::new("output");
    let seed = repo_path(SEED_FILES[2]);
    let out = scratch.0.join("out.json");
    let written = run(
        &[
            "annotate",
            "-o",
            out.to_str().unwrap(),
            seed.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    assert!(written.stdout.is_empty());
    let printed = run(&["annotate", seed.to_str().unwrap()], None);
    assert_eq!(std::fs::read(&out).unwrap(), printed.stdout);
}

#[test]
fn lang_option_overrides_detection() {
    let seed = repo_path(SEED_FILES[0]);
    let output = run(&["annotate", "--lang", "zh", seed.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let article = annotation::import(&stdout(&output)).expect("valid file");
    assert_eq!(article.language, Language::Zh);
    assert!(article.language_override);
    let check = run(&["check", "-"], Some(&output.stdout));
    assert!(
        stdout(&check).contains("chosen by the reader"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn disable_switches_off_rules_and_groups_of_every_kind() {
    let seed = repo_path(SEED_FILES[0]);
    let text = std::fs::read_to_string(&seed).unwrap();
    let full = AnnotatedArticle::analyze(&text, None);
    // One rule of each kind this seed produces, switched off by its id or its group.
    let first_with = |prefix: &str| {
        full.findings
            .iter()
            .map(|f| f.finding.rule_id.clone())
            .find(|id| id.starts_with(prefix))
            .unwrap_or_else(|| panic!("the seed has a {prefix} finding"))
    };
    let loaded = first_with("en.");
    let group = loaded.rsplit_once('.').unwrap().0.to_string();
    let statistic = first_with("stat.");
    let list = format!("{statistic},{group}");
    let output = run(
        &[
            "annotate",
            "--disable",
            &list,
            seed.to_str().unwrap(),
            "--disable=quote",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let article = annotation::import(&stdout(&output)).expect("valid file");
    let covered = |id: &str| {
        id == statistic || id.starts_with(&format!("{group}.")) || id.starts_with("quote.")
    };
    assert!(
        article
            .findings
            .iter()
            .all(|f| !covered(&f.finding.rule_id)),
        "switched-off rules produced findings"
    );
    // Everything else is still there, exactly as without --disable.
    let kept: Vec<_> = full
        .findings
        .iter()
        .filter(|f| !covered(&f.finding.rule_id))
        .cloned()
        .collect();
    assert!(!kept.is_empty() && kept.len() < full.findings.len());
    assert_eq!(article.findings, kept);
}

#[test]
fn disable_with_an_unknown_rule_is_an_error() {
    let seed = repo_path(SEED_FILES[0]);
    for (rule, expected) in [
        ("en.war-violense", "did you mean en.war-violence?"),
        ("stat.rankings", "did you mean stat.ranking?"),
        ("stat.ranking,not-a-rule-at-all", "\"not-a-rule-at-all\""),
    ] {
        let output = run(
            &["annotate", "--disable", rule, seed.to_str().unwrap()],
            None,
        );
        assert_one_line_failure(&output, &["unknown rule", "--disable", expected]);
    }
    // The rule is checked before the input is read: one message, about the rule.
    let output = run(&["annotate", "--disable", "xx", "/no/such/file.txt"], None);
    assert_one_line_failure(&output, &["unknown rule \"xx\""]);
}

#[test]
fn stdin_gives_the_same_file_as_a_path() {
    let seed = repo_path(SEED_FILES[1]);
    let text = std::fs::read(&seed).unwrap();
    let from_stdin = run(&["annotate", "-"], Some(&text));
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    let from_path = run(&["annotate", seed.to_str().unwrap()], None);
    assert_eq!(from_stdin.stdout, from_path.stdout);
    let check = run(&["check", "-"], Some(&from_stdin.stdout));
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(
        stdout(&check).starts_with("standard input is a valid"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn empty_input_gives_a_valid_file_with_no_findings() {
    let scratch = Scratch::new("empty");
    let empty = scratch.file("empty.txt", b"");
    let output = run(&["annotate", empty.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "says nothing wrong: {}",
        stderr(&output)
    );
    let article = annotation::import(&stdout(&output)).expect("valid file");
    assert_eq!(article.text, "");
    assert!(article.findings.is_empty());
    let check = run(&["check", "-"], Some(&output.stdout));
    assert!(stdout(&check).contains("No findings"), "{}", stdout(&check));
}

#[test]
fn missing_file() {
    let output = run(&["annotate", "/no/such/dir/article.txt"], None);
    assert_one_line_failure(&output, &["/no/such/dir/article.txt", "no such file"]);
    let output = run(&["check", "/no/such/file.json"], None);
    assert_one_line_failure(&output, &["/no/such/file.json", "no such file"]);
}

#[test]
fn directory_instead_of_a_file() {
    let scratch = Scratch::new("directory");
    let dir = scratch.0.to_str().unwrap();
    assert_one_line_failure(&run(&["annotate", dir], None), &["is a directory"]);
    assert_one_line_failure(&run(&["check", dir], None), &["is a directory"]);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let scratch = Scratch::new("utf8");
    // "café" in Latin-1: the é is the single byte 0xE9 at offset 3.
    let latin1 = scratch.file("latin1.txt", b"caf\xE9 au lait");
    assert_one_line_failure(
        &run(&["annotate", latin1.to_str().unwrap()], None),
        &["not valid UTF-8", "byte offset 3", "0xE9"],
    );
    assert_one_line_failure(
        &run(&["annotate", "-"], Some(b"ok\xFF")),
        &["standard input", "byte offset 2"],
    );
    assert_one_line_failure(
        &run(&["check", latin1.to_str().unwrap()], None),
        &["not valid UTF-8"],
    );
}

#[test]
fn binary_file() {
    let scratch = Scratch::new("binary");
    let png = scratch.file("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    assert_one_line_failure(
        &run(&["annotate", png.to_str().unwrap()], None),
        &["binary", "byte offset 8"],
    );
    assert_one_line_failure(&run(&["check", png.to_str().unwrap()], None), &["binary"]);
}

#[test]
fn check_rejects_malformed_and_invalid_files() {
    let scratch = Scratch::new("check");
    let malformed = scratch.file("bad.json", b"{\"type\": \"AnnotationCollection\",");
    assert_one_line_failure(
        &run(&["check", malformed.to_str().unwrap()], None),
        &["bad.json", "not JSON"],
    );
    let text = scratch.file("prose.json", b"just some words");
    assert_one_line_failure(
        &run(&["check", text.to_str().unwrap()], None),
        &["not JSON: expected value at line 1 column 1"],
    );

    // Valid JSON, broken annotation: the message names the annotation and field.
    let mut value: Value = serde_json::from_str(&annotation::export(&AnnotatedArticle::analyze(
        include_str!("../../assets/seeds/002_8a456bd384d602db.txt"),
        None,
    )))
    .unwrap();
    value["sl:article"]["sl:text"] = Value::String("changed".into());
    let tampered = scratch.file("tampered.json", value.to_string().as_bytes());
    assert_one_line_failure(
        &run(&["check", tampered.to_str().unwrap()], None),
        &["tampered.json", "SHA-256 does not match"],
    );
}

#[test]
fn unwritable_output() {
    let seed = repo_path(SEED_FILES[0]);
    let output = run(
        &[
            "annotate",
            "-o",
            "/no/such/dir/out.json",
            seed.to_str().unwrap(),
        ],
        None,
    );
    assert_one_line_failure(&output, &["cannot write /no/such/dir/out.json"]);
}

#[test]
fn eval_errors_are_one_line() {
    let output = run(&["eval", "/no/such/eval/dir"], None);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).starts_with("sourcelight: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_and_version() {
    let help = run(&["--help"], None);
    assert_eq!(help.status.code(), Some(0));
    for piece in [
        "usage:",
        "annotate",
        "check",
        "eval",
        "--lang",
        "--disable",
        "Exit status",
    ] {
        assert!(stdout(&help).contains(piece), "help lacks {piece}");
    }
    let version = run(&["--version"], None);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        stdout(&version),
        format!("sourcelight {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_command_and_bad_usage_print_usage_and_exit_2() {
    for (args, expected) in [
        (&["frobnicate"][..], "unknown command \"frobnicate\""),
        (&[][..], "no command given"),
        (
            &["annotate", "--lang", "fr", "x.txt"][..],
            "unknown language \"fr\"",
        ),
        (&["annotate"][..], "needs a text file"),
        (&["check", "a.json", "b.json"][..], "not several"),
    ] {
        let output = run(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        let err = stderr(&output);
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("sourcelight: ") && first.contains(expected),
            "{args:?}: {err}"
        );
        assert!(
            err.contains("usage: sourcelight annotate"),
            "{args:?}: usage follows: {err}"
        );
    }
}

#[test]
fn report_writes_html_and_markdown_from_an_annotation_file() {
    let scratch = Scratch::new("report");
    let text = "By Jane Roe\n“It is a total disaster,” said Mayor Ann Lee. <script>alert(1)</script> Sales fell 40%.";
    let json = annotation::export(&AnnotatedArticle::analyze(text, None));
    let file = scratch.file("a.json", json.as_bytes());
    let file = file.to_str().unwrap();

    let html = run(&["report", "--html", file], None);
    assert!(
        html.status.success(),
        "{}",
        String::from_utf8_lossy(&html.stderr)
    );
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..40]
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "article text is escaped"
    );
    assert!(
        !html.contains("<script>alert(1)"),
        "article text is never markup"
    );
    assert!(html.contains("data-kind=\"quote\"") && html.contains("data-kind=\"statistic\""));

    let out = scratch.0.join("a.md");
    let md = run(
        &["report", "--markdown", "-o", out.to_str().unwrap(), file],
        None,
    );
    assert!(md.status.success() && md.stdout.is_empty());
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("Ann Lee"), "{md}");

    let bad = run(&["report", file], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--html or --markdown"));
    let broken = scratch.file("b.json", b"{\"type\": 3}");
    let broken = run(&["report", "--html", broken.to_str().unwrap()], None);
    assert_eq!(broken.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&broken.stderr).lines().count(), 1);
}
