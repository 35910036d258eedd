//! The native command-line tool: `annotate` a text into the same W3C annotation file
//! the browser exports, `check` such a file, `eval` the detectors.
//!
//! Arguments are parsed by hand: three commands and three options do not justify a
//! dependency. Every failure is one line on stderr starting with `sourcelight: ` and
//! exit status 2; nothing here panics on bad input (files are read as bytes and
//! decoded with a message naming the offending offset).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use crate::analysis::{self, Kind, Language, Options, Status};
use crate::annotation;
use crate::article::{AnnotatedArticle, Answer, Review};

/// Exit status for success.
const EXIT_OK: i32 = 0;
/// Exit status for every failure: bad arguments, unreadable input, an invalid file.
const EXIT_FAILURE: i32 = 2;

/// Texts and annotation files larger than this are refused: a long article is well
/// under a megabyte, and the limit keeps a mistaken `annotate /dev/sda` bounded.
const MAX_INPUT_BYTES: usize = annotation::MAX_FILE_BYTES;

const USAGE: &str = "\
usage: sourcelight annotate [--lang en|zh] [--disable RULE[,RULE…]]… [-o OUT.json] FILE|-
       sourcelight check FILE.json|-
       sourcelight report (--html|--markdown) [-o OUT] FILE.json|-
       sourcelight eval [--misses] DIR
       sourcelight --help | --version";

const HELP: &str = "\
Sourcelight: points out loaded language, statistics and quotes in a news article,
and writes them as a W3C Web Annotation file (JSON-LD).

Commands:
  annotate FILE   Analyse the UTF-8 text in FILE (or - for standard input) and print
                  the annotation file the browser app exports.
      --lang en|zh        Use this language instead of detecting it.
      --disable RULE[,RULE…]
                          Switch rules off (repeatable). RULE is a rule id as
                          shown in the page's details or the file's
                          sourcelight:ruleId (en.war-violence.strangle,
                          stat.ranking, quote.vague.experts) or a group of them:
                          en.war-violence, zh, stat, quote.vague. An id that
                          matches no built-in rule is an error.
      -o, --output OUT    Write the file to OUT instead of standard output.
  check FILE      Validate an annotation file (or - for standard input) and print a
                  one-paragraph summary; an invalid file is reported with what is
                  wrong and where.
  report FILE     Turn an annotation file into a report the browser also exports:
      --html              one self-contained HTML page (opens offline, prints well);
      --markdown          a Markdown summary.
      -o, --output OUT    Write the report to OUT instead of standard output.
  eval DIR        Score the detectors against a labelled evaluation set.
      --misses            Also list every missed, spurious or mislabelled item.

Options:
  -h, --help      Show this help.
  -V, --version   Show the version.

Exit status: 0 on success, 2 on any error (bad arguments, unreadable or non-UTF-8
input, an invalid annotation file). Errors are one line on standard error.
The file format is described in docs/annotation-format.md.";

/// Run the tool on the process's arguments; returns the exit status.
pub fn run() -> i32 {
    run_with_args(std::env::args_os().skip(1).collect())
}

/// Run the tool on `args` (without the program name); returns the exit status.
pub fn run_with_args(args: Vec<OsString>) -> i32 {
    let command = match parse(args) {
        Ok(command) => command,
        Err(usage_error) => {
            eprintln!("sourcelight: {usage_error}");
            eprintln!("{USAGE}");
            return EXIT_FAILURE;
        }
    };
    let output = match execute(command) {
        Ok(output) => output,
        Err(message) => {
            eprintln!("sourcelight: {message}");
            return EXIT_FAILURE;
        }
    };
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => EXIT_OK,
        // `sourcelight annotate a.txt | head` closes the pipe early; like other
        // Unix tools, stop quietly rather than report it.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!(
                "sourcelight: cannot write to standard output: {}",
                io_reason(&e)
            );
            EXIT_FAILURE
        }
    }
}

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Annotate {
        input: Input,
        language: Option<Language>,
        /// `--disable` entries: rule ids or groups, checked before any input is read.
        disabled_rules: Vec<String>,
        output: Option<PathBuf>,
    },
    Check {
        input: Input,
    },
    Report {
        input: Input,
        format: ReportFormat,
        output: Option<PathBuf>,
    },
    Eval {
        dir: PathBuf,
        misses: bool,
    },
}

#[derive(Debug, PartialEq, Clone, Copy)]
enum ReportFormat {
    Html,
    Markdown,
}

#[derive(Debug, PartialEq)]
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn from_arg(arg: OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    fn name(&self) -> String {
        match self {
            Input::Stdin => "standard input".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// Turn the arguments into a command, or say what is wrong with them.
fn parse(args: Vec<OsString>) -> Result<Command, String> {
    // Help and version win wherever they appear (before `--`), as in most tools.
    for arg in args.iter().take_while(|a| *a != "--") {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        if arg == "-V" || arg == "--version" {
            return Ok(Command::Version);
        }
    }
    let mut args = args.into_iter();
    let Some(command) = args.next() else {
        return Err("no command given".to_string());
    };
    let mut language = None;
    let mut disabled_rules: Vec<String> = Vec::new();
    let mut output = None;
    let mut format = None;
    let mut misses = false;
    let mut positional: Vec<OsString> = Vec::new();
    let mut options_ended = false;
    let annotate = command == "annotate";
    let report = command == "report";
    while let Some(arg) = args.next() {
        let text = arg.to_str().unwrap_or("");
        if options_ended || text == "-" || !text.starts_with('-') {
            positional.push(arg);
            continue;
        }
        if text == "--" {
            options_ended = true;
            continue;
        }
        // `--lang zh` and `--lang=zh` both work.
        let (name, inline_value) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(OsString::from(value))),
            _ => (text, None),
        };
        let mut value = |option: &str| -> Result<OsString, String> {
            inline_value
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{option} needs a value"))
        };
        match name {
            "--lang" | "--language" if annotate => {
                let code = value(name)?;
                let code = code.to_string_lossy();
                language = Some(Language::parse(&code).ok_or_else(|| {
                    format!("unknown language \"{code}\" for --lang (expected en or zh)")
                })?);
            }
            "--disable" if annotate => {
                let list = value(name)?;
                let before = disabled_rules.len();
                disabled_rules.extend(
                    list.to_string_lossy()
                        .split(',')
                        .map(str::trim)
                        .filter(|rule| !rule.is_empty())
                        .map(str::to_string),
                );
                if disabled_rules.len() == before {
                    return Err(format!("{name} needs a rule id"));
                }
            }
            "-o" | "--output" if annotate || report => output = Some(PathBuf::from(value(name)?)),
            "--html" if report => format = Some(ReportFormat::Html),
            "--markdown" | "--md" if report => format = Some(ReportFormat::Markdown),
            "--misses" if command == "eval" => misses = true,
            _ => {
                return Err(format!(
                    "unknown option \"{text}\" for {}",
                    command.to_string_lossy()
                ))
            }
        }
    }
    let single = |positional: Vec<OsString>, what: &str| -> Result<OsString, String> {
        let command = command.to_string_lossy();
        match <[OsString; 1]>::try_from(positional) {
            Ok([one]) => Ok(one),
            Err(list) if list.is_empty() => Err(format!("{command} needs {what}")),
            Err(_) => Err(format!("{command} takes one {what}, not several")),
        }
    };
    match command.to_str() {
        Some("annotate") => Ok(Command::Annotate {
            input: Input::from_arg(single(positional, "a text file (or - for standard input)")?),
            language,
            disabled_rules,
            output: output.filter(|path| path.as_os_str() != "-"),
        }),
        Some("check") => Ok(Command::Check {
            input: Input::from_arg(single(positional, "an annotation file (or -)")?),
        }),
        Some("report") => Ok(Command::Report {
            input: Input::from_arg(single(positional, "an annotation file (or -)")?),
            format: format.ok_or("report needs --html or --markdown")?,
            output: output.filter(|path| path.as_os_str() != "-"),
        }),
        Some("eval") => Ok(Command::Eval {
            dir: PathBuf::from(single(positional, "a directory")?),
            misses,
        }),
        _ => Err(format!("unknown command \"{}\"", command.to_string_lossy())),
    }
}

/// Do the work; the `Ok` text goes to standard output.
fn execute(command: Command) -> Result<String, String> {
    match command {
        Command::Help => Ok(format!("{HELP}\n\n{USAGE}\n")),
        Command::Version => Ok(format!("sourcelight {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Annotate {
            input,
            language,
            disabled_rules,
            output,
        } => {
            check_rule_entries(&disabled_rules)?;
            let text = read_text(&input)?;
            let options = Options {
                language,
                disabled_rules,
            };
            let article = AnnotatedArticle::analyze_with(&text, &options);
            let mut json = annotation::export(&article);
            json.push('\n');
            write_or_return(json, output)
        }
        Command::Report {
            input,
            format,
            output,
        } => {
            let json = read_text(&input)?;
            let article =
                annotation::import(&json).map_err(|e| format!("{}: {e}", input.name()))?;
            let report = match format {
                ReportFormat::Html => crate::report::html(&article),
                ReportFormat::Markdown => crate::report::markdown(&article),
            };
            write_or_return(report, output)
        }
        Command::Check { input } => {
            let json = read_text(&input)?;
            let article =
                annotation::import(&json).map_err(|e| format!("{}: {e}", input.name()))?;
            Ok(format!("{}\n", summary(&input.name(), &article)))
        }
        Command::Eval { dir, misses } => {
            let run = if misses {
                crate::eval::run_with_misses
            } else {
                crate::eval::run
            };
            run(&dir).map(|mut report| {
                if !report.ends_with('\n') {
                    report.push('\n');
                }
                report
            })
        }
    }
}

/// Refuse a `--disable` entry that switches off no built-in rule: a typo that
/// silently did nothing would leave the reader trusting a rule was off.
fn check_rule_entries(entries: &[String]) -> Result<(), String> {
    let rules = crate::rules::RuleSet::builtin();
    match entries
        .iter()
        .find(|entry| !analysis::is_known_rule_entry(entry, rules))
    {
        None => Ok(()),
        Some(entry) => {
            let hint = match closest_rule_name(entry) {
                Some(near) => format!("did you mean {near}?"),
                None => "rule ids look like en.war-violence.strangle, stat.percent or quote.direct, and a group such as en.war-violence or stat switches off all of its rules".to_string(),
            };
            Err(format!(
                "unknown rule \"{entry}\" for --disable: no built-in rule has that id or starts with it; {hint}"
            ))
        }
    }
}

/// The built-in rule id or group closest to a mistyped `entry`, if one is close
/// enough (a few letters off) to be what was meant.
fn closest_rule_name(entry: &str) -> Option<String> {
    let rules = crate::rules::RuleSet::builtin();
    let ids = rules.rules.iter().map(|r| r.id.as_str()).chain(
        analysis::NON_LOADED_RULE_IDS
            .iter()
            .map(|id| id.strip_suffix(".*").unwrap_or(id)),
    );
    // Every id and every group above it: "en.war-violence.strangle", "en.war-violence", "en".
    let mut names: Vec<&str> = Vec::new();
    for id in ids {
        names.push(id);
        names.extend(id.match_indices('.').map(|(dot, _)| &id[..dot]));
    }
    names.sort_unstable();
    names.dedup();
    let entry = entry.trim();
    let allowed = (entry.chars().count() / 4).clamp(1, 3);
    names
        .into_iter()
        .map(|name| (edit_distance(entry, name), name))
        .filter(|(distance, _)| *distance <= allowed)
        .min()
        .map(|(_, name)| name.to_string())
}

/// Levenshtein distance in code points.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// Write `contents` to `output` (returning nothing to print), or return it for standard output.
fn write_or_return(contents: String, output: Option<PathBuf>) -> Result<String, String> {
    match output {
        None => Ok(contents),
        Some(path) => {
            std::fs::write(&path, contents)
                .map_err(|e| format!("cannot write {}: {}", path.display(), io_reason(&e)))?;
            Ok(String::new())
        }
    }
}

/// Read a whole input as UTF-8 text, refusing directories, binary files, invalid
/// UTF-8 and oversized input with a message naming the file (and the byte offset).
fn read_text(input: &Input) -> Result<String, String> {
    let name = input.name();
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know the input is too large.
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let read = match input {
        Input::Stdin => io::stdin().lock().take(limit).read_to_end(&mut bytes),
        Input::File(path) => {
            if path.is_dir() {
                return Err(format!("{name} is a directory, not a file"));
            }
            std::fs::File::open(path).and_then(|file| file.take(limit).read_to_end(&mut bytes))
        }
    };
    read.map_err(|e| format!("cannot read {name}: {}", io_reason(&e)))?;
    decode(&name, bytes)
}

fn decode(name: &str, mut bytes: Vec<u8>) -> Result<String, String> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{name} is too large (over {} MB)",
            MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    // A NUL byte never occurs in text, and saying "binary" is clearer than pointing
    // at the first byte that happens not to be UTF-8.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "{name} looks like a binary file (NUL byte at byte offset {offset}), not UTF-8 text"
        ));
    }
    // A UTF-8 byte-order mark is not part of the text.
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let byte = e.as_bytes().get(offset).copied().unwrap_or_default();
        format!("{name} is not valid UTF-8 (byte 0x{byte:02X} at byte offset {offset}); save it as UTF-8 and try again")
    })
}

/// An IO error in words, without Rust's "(os error 2)" suffix where a plainer phrase exists.
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "it is a directory".to_string(),
        _ => e.to_string(),
    }
}

/// "1 note", "2 notes".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One paragraph about a valid file: language, length, findings by kind and status,
/// the two most telling problems, reviews, notes and answered checklist items.
fn summary(name: &str, article: &AnnotatedArticle) -> String {
    let mut out = String::new();
    let language_source = if article.language_override {
        "chosen by the reader"
    } else {
        "detected"
    };
    let _ = write!(
        out,
        "{name} is a valid Sourcelight annotation file. Text: {} ({language_source}), {}. ",
        article.language.name(),
        count(article.text.chars().count(), "code point", "code points")
    );
    let n_with = |kind: Kind, status: Option<Status>| {
        article
            .findings
            .iter()
            .filter(|f| f.finding.kind == kind && status.is_none_or(|s| f.finding.status == s))
            .count()
    };
    if article.findings.is_empty() {
        out.push_str("No findings. ");
    } else {
        let mut kinds = Vec::new();
        for kind in Kind::ALL {
            let n_kind = n_with(kind, None);
            if n_kind == 0 {
                continue;
            }
            let statuses: Vec<String> = Status::ALL
                .into_iter()
                .filter(|s| s.valid_for(kind))
                .filter_map(|s| {
                    let n = n_with(kind, Some(s));
                    (n > 0).then(|| format!("{n} {}", s.label()))
                })
                .collect();
            let kind_name = match kind {
                Kind::LoadedLanguage => "loaded language",
                Kind::Statistic if n_kind == 1 => "statistic",
                Kind::Statistic => "statistics",
                Kind::Quote if n_kind == 1 => "quote",
                Kind::Quote => "quotes",
            };
            kinds.push(format!("{n_kind} {kind_name} ({})", statuses.join(", ")));
        }
        let _ = write!(
            out,
            "{}: {}. ",
            count(article.findings.len(), "finding", "findings"),
            kinds.join("; ")
        );
    }
    let _ = write!(
        out,
        "{}, {}. ",
        count(
            n_with(Kind::Statistic, Some(Status::Unsourced)),
            "unsourced statistic",
            "unsourced statistics"
        ),
        count(
            n_with(Kind::Quote, Some(Status::VagueAttribution)),
            "vague attribution",
            "vague attributions"
        )
    );
    let confirmed = article
        .findings
        .iter()
        .filter(|f| f.review == Review::Confirmed)
        .count();
    let rejected = article
        .findings
        .iter()
        .filter(|f| matches!(f.review, Review::Rejected { .. }))
        .count();
    if confirmed + rejected > 0 {
        let _ = write!(
            out,
            "Reviewed by the reader: {confirmed} confirmed, {rejected} rejected. "
        );
    }
    let answered = article
        .answers
        .iter()
        .filter(|a| a.answer != Answer::Unanswered)
        .count();
    let _ = write!(
        out,
        "{}, {} answered.",
        count(article.notes.len(), "note", "notes"),
        count(answered, "checklist item", "checklist items")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_annotate_with_options_in_any_order() {
        let expected = Command::Annotate {
            input: Input::File("a.txt".into()),
            language: Some(Language::Zh),
            disabled_rules: vec![],
            output: Some("out.json".into()),
        };
        assert_eq!(
            parse(args(&[
                "annotate", "--lang", "zh", "-o", "out.json", "a.txt"
            ])),
            Ok(expected)
        );
        let expected = Command::Annotate {
            input: Input::File("a.txt".into()),
            language: Some(Language::En),
            disabled_rules: vec![],
            output: Some("o.json".into()),
        };
        assert_eq!(
            parse(args(&["annotate", "a.txt", "--output=o.json", "--lang=en"])),
            Ok(expected)
        );
        assert_eq!(
            parse(args(&["annotate", "-"])),
            Ok(Command::Annotate {
                input: Input::Stdin,
                language: None,
                disabled_rules: vec![],
                output: None
            })
        );
        assert_eq!(
            parse(args(&["annotate", "--", "-odd-name.txt"])),
            Ok(Command::Annotate {
                input: Input::File("-odd-name.txt".into()),
                language: None,
                disabled_rules: vec![],
                output: None
            })
        );
    }

    #[test]
    fn disable_is_repeatable_and_takes_comma_lists() {
        let parsed = parse(args(&[
            "annotate",
            "--disable",
            "en.war-violence.strangle, stat.ranking",
            "a.txt",
            "--disable=quote.vague",
            "--disable",
            "zh,,",
        ]));
        assert_eq!(
            parsed,
            Ok(Command::Annotate {
                input: Input::File("a.txt".into()),
                language: None,
                disabled_rules: vec![
                    "en.war-violence.strangle".into(),
                    "stat.ranking".into(),
                    "quote.vague".into(),
                    "zh".into()
                ],
                output: None
            })
        );
    }

    #[test]
    fn unknown_rules_are_refused_with_a_suggestion() {
        let known: Vec<String> = [
            "en.war-violence.strangle",
            "en.war-violence",
            "stat",
            "quote.vague.experts",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(check_rule_entries(&known), Ok(()));
        let error =
            check_rule_entries(&["stat.ranking".into(), "en.war-violense".into()]).unwrap_err();
        assert!(
            error.contains("unknown rule \"en.war-violense\"")
                && error.contains("did you mean en.war-violence?"),
            "{error}"
        );
        assert!(!error.contains('\n'), "one line: {error}");
        let error = check_rule_entries(&["stat.rankings".into()]).unwrap_err();
        assert!(error.contains("did you mean stat.ranking?"), "{error}");
        let error = check_rule_entries(&["nothing-like-a-rule".into()]).unwrap_err();
        assert!(error.contains("rule ids look like"), "{error}");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("统计", "统计"), 0);
    }

    #[test]
    fn rejects_bad_arguments_with_a_reason() {
        let cases: &[(&[&str], &str)] = &[
            (&[], "no command"),
            (&["frobnicate"], "unknown command \"frobnicate\""),
            (&["annotate"], "needs a text file"),
            (&["annotate", "a", "b"], "not several"),
            (
                &["annotate", "--lang", "fr", "a"],
                "unknown language \"fr\"",
            ),
            (&["annotate", "a", "--lang"], "--lang needs a value"),
            (&["annotate", "a", "--disable"], "--disable needs a value"),
            (
                &["annotate", "a", "--disable", " , "],
                "--disable needs a rule id",
            ),
            (
                &["check", "--disable", "stat", "a.json"],
                "unknown option \"--disable\" for check",
            ),
            (
                &["check", "--lang", "en", "a.json"],
                "unknown option \"--lang\" for check",
            ),
            (&["eval"], "needs a directory"),
        ];
        for (list, expected) in cases {
            let error = parse(args(list)).expect_err(&format!("{list:?} should be refused"));
            assert!(
                error.contains(expected),
                "{list:?}: {error:?} should mention {expected:?}"
            );
        }
    }

    #[test]
    fn help_and_version_win_anywhere() {
        assert_eq!(parse(args(&["annotate", "x", "--help"])), Ok(Command::Help));
        assert_eq!(parse(args(&["-V"])), Ok(Command::Version));
    }

    #[test]
    fn decode_names_the_problem_and_offset() {
        assert_eq!(decode("f", b"ok".to_vec()), Ok("ok".to_string()));
        assert_eq!(
            decode("f", b"\xEF\xBB\xBFok".to_vec()),
            Ok("ok".to_string()),
            "BOM is dropped"
        );
        let error = decode("f", b"abc\xFFdef".to_vec()).unwrap_err();
        assert!(
            error.contains("not valid UTF-8") && error.contains("offset 3"),
            "{error}"
        );
        let error = decode("f", b"ab\0cd".to_vec()).unwrap_err();
        assert!(
            error.contains("binary") && error.contains("offset 2"),
            "{error}"
        );
    }

    #[test]
    fn summary_counts_kinds_statuses_notes_and_answers() {
        let mut article = AnnotatedArticle::analyze("", None);
        article.answers.push(crate::article::ChecklistAnswer {
            item_id: "sift-stop".into(),
            answer: Answer::Yes,
            note: String::new(),
        });
        let text = summary("x.json", &article);
        assert!(text.contains("No findings"), "{text}");
        assert!(
            text.contains("0 notes, 1 checklist item answered."),
            "{text}"
        );
        assert!(!text.contains('\n'), "one paragraph: {text}");
    }
}
