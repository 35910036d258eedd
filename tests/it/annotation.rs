//! The annotation file: exact round trips, the W3C shape (types, selectors, code-point
//! offsets), import validation messages, the JSON Schema, and never panicking on
//! damaged files.

use serde_json::{json, Value};
use sourcelight::analysis::{
    Detail, Finding, Kind, Language, QuoteForm, SourceReach, SourceRef, Span, Speaker, Status,
};
use sourcelight::annotation::{self, article_id, export, import, text_sha256};
use sourcelight::article::{
    AnnotatedArticle, Answer, ChecklistAnswer, Note, Review, ReviewedFinding,
};
use sourcelight::SEED_ARTICLES;

// ---------------------------------------------------------------- builders

/// The code-point span of the first occurrence of `needle` in `text`.
fn span_of(text: &str, needle: &str) -> Span {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the test text"));
    let start = text[..byte].chars().count();
    Span {
        start,
        end: start + needle.chars().count(),
    }
}

/// Text of a code-point span, counted independently of the code under test.
fn chars_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

fn finding(
    kind: Kind,
    status: Status,
    span: Span,
    detail: Detail,
    review: Review,
) -> ReviewedFinding {
    ReviewedFinding {
        finding: Finding {
            kind,
            status,
            span,
            rule_id: format!("test.{}.{}", kind.as_str(), status.as_str()),
            explanation: format!(
                "Why this {} is flagged: \"quoted\", 𠀀, a\ttab.",
                kind.label()
            ),
            detail,
        },
        review,
    }
}

/// Astral-plane characters (emoji, CJK Extension B Han) come before and inside
/// findings, so any byte or UTF-16 counting would shift every offset.
const VARIED_TEXT: &str =
    "😀🇨🇳 𠀀𪚥 The regime will strangle the economy, \"we are finished,\" said Dr. Li 😀. \
Experts say it is a \"historic\" collapse. Sales fell 45% last year, according to the ministry; \
some 30 percent were lost.\n知情人士表示，“形势𠀀严峻”。";

/// One finding of every kind, status and detail variant (every source reach, speaker
/// named or vague or absent, cue present or absent), every review, notes on a span and
/// on the whole article, and answers of every kind.
fn varied_article() -> AnnotatedArticle {
    let text = VARIED_TEXT;
    let mut findings = vec![
        finding(
            Kind::LoadedLanguage,
            Status::AuthorWording,
            span_of(text, "strangle"),
            Detail::Loaded {
                category: "war-violence".into(),
                alternative: "restrict".into(),
            },
            Review::Unreviewed,
        ),
        finding(
            Kind::LoadedLanguage,
            Status::QuotedWording,
            span_of(text, "finished"),
            Detail::Loaded {
                category: "hyperbole-absolute".into(),
                alternative: String::new(),
            },
            Review::Confirmed,
        ),
        finding(
            Kind::Quote,
            Status::Attributed,
            span_of(text, "\"we are finished,\""),
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: Some(Speaker {
                    text: "Dr. Li".into(),
                    span: span_of(text, "Dr. Li"),
                    named: true,
                }),
                cue: Some("said".into()),
            },
            Review::Rejected {
                reason: "Not a quote 😀 — \"really\"\nsecond line".into(),
            },
        ),
        finding(
            Kind::Quote,
            Status::VagueAttribution,
            span_of(text, "it is a \"historic\" collapse"),
            Detail::Quote {
                form: QuoteForm::Reported,
                speaker: Some(Speaker {
                    text: "Experts".into(),
                    span: span_of(text, "Experts"),
                    named: false,
                }),
                cue: Some("say".into()),
            },
            Review::Rejected {
                reason: String::new(),
            },
        ),
        finding(
            Kind::Quote,
            Status::ScareQuote,
            span_of(text, "\"historic\""),
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: None,
                cue: None,
            },
            Review::Unreviewed,
        ),
        finding(
            Kind::Quote,
            Status::VagueAttribution,
            span_of(text, "“形势𠀀严峻”"),
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: Some(Speaker {
                    text: "知情人士".into(),
                    span: span_of(text, "知情人士"),
                    named: false,
                }),
                cue: Some("表示".into()),
            },
            Review::Confirmed,
        ),
        finding(
            Kind::Quote,
            Status::Unattributed,
            span_of(text, "形势𠀀严峻"),
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: None,
                cue: Some(String::new()),
            },
            Review::Unreviewed,
        ),
        finding(
            Kind::Statistic,
            Status::Unsourced,
            span_of(text, "30 percent"),
            Detail::Statistic { source: None },
            Review::Unreviewed,
        ),
    ];
    for reach in SourceReach::ALL {
        findings.push(finding(
            Kind::Statistic,
            Status::Sourced,
            span_of(text, "45%"),
            Detail::Statistic {
                source: Some(SourceRef {
                    text: "the ministry".into(),
                    span: span_of(text, "the ministry"),
                    reach,
                }),
            },
            Review::Unreviewed,
        ));
    }
    // An empty span at the very end: odd, but legal, and it must survive.
    let end = text.chars().count();
    findings.push(finding(
        Kind::Statistic,
        Status::Unsourced,
        Span { start: end, end },
        Detail::Statistic { source: None },
        Review::Unreviewed,
    ));
    AnnotatedArticle {
        text: text.to_string(),
        language: Language::Zh,
        language_override: true,
        findings,
        notes: vec![
            Note {
                id: "note-1".into(),
                span: Some(span_of(text, "😀🇨🇳")),
                label: "flags".into(),
                body: "emoji 😀".into(),
            },
            Note {
                id: "note-2".into(),
                span: None,
                label: "loaded-language".into(),
                body: String::new(),
            },
            Note {
                id: "note/#?😀 3".into(),
                span: Some(span_of(text, "𪚥")),
                label: "my own tag".into(),
                body: "Line one\nline two \"quoted\" \\ backslash".into(),
            },
        ],
        answers: vec![
            ChecklistAnswer {
                item_id: "sift-stop".into(),
                answer: Answer::Yes,
                note: "I paused.".into(),
            },
            ChecklistAnswer {
                item_id: "sift-investigate".into(),
                answer: Answer::No,
                note: String::new(),
            },
            ChecklistAnswer {
                item_id: "sift-find".into(),
                answer: Answer::Unsure,
                note: "𠀀?".into(),
            },
            ChecklistAnswer {
                item_id: "unsourced-statistics".into(),
                answer: Answer::Unanswered,
                note: "later".into(),
            },
        ],
    }
}

fn empty_article_with_note() -> AnnotatedArticle {
    AnnotatedArticle {
        text: String::new(),
        language: Language::En,
        language_override: false,
        findings: Vec::new(),
        notes: vec![Note {
            id: "n".into(),
            span: None,
            label: "x".into(),
            body: "nothing to read".into(),
        }],
        answers: vec![ChecklistAnswer {
            item_id: "sift-trace".into(),
            answer: Answer::No,
            note: String::new(),
        }],
    }
}

/// Every article the tests export: the seeds as analysed (detected and overridden
/// language), the varied article, an empty one, and a seed with reader additions.
fn all_articles() -> Vec<AnnotatedArticle> {
    let mut articles = Vec::new();
    for (_, text) in SEED_ARTICLES {
        articles.push(AnnotatedArticle::analyze(text, None));
        articles.push(AnnotatedArticle::analyze(text, Some(Language::Zh)));
    }
    let mut reviewed_seed = AnnotatedArticle::analyze(SEED_ARTICLES[2].1, None);
    for (i, finding) in reviewed_seed.findings.iter_mut().enumerate() {
        finding.review = match i % 3 {
            0 => Review::Confirmed,
            1 => Review::Rejected {
                reason: "context makes it neutral".into(),
            },
            _ => Review::Unreviewed,
        };
    }
    reviewed_seed.notes.push(Note {
        id: "note-1".into(),
        span: Some(Span { start: 0, end: 4 }),
        label: "statistic".into(),
        body: "check this".into(),
    });
    reviewed_seed.set_answer(ChecklistAnswer {
        item_id: "sift-find".into(),
        answer: Answer::Yes,
        note: "ok".into(),
    });
    articles.push(reviewed_seed);
    articles.push(varied_article());
    articles.push(empty_article_with_note());
    articles.push(AnnotatedArticle::analyze("", None));
    articles
}

fn exported_value(article: &AnnotatedArticle) -> Value {
    serde_json::from_str(&export(article)).expect("export is JSON")
}

// ---------------------------------------------------------------- round trip

#[test]
fn every_seed_round_trips_exactly() {
    for (title, text) in SEED_ARTICLES {
        for language in [None, Some(Language::En), Some(Language::Zh)] {
            let article = AnnotatedArticle::analyze(text, language);
            assert_eq!(
                import(&export(&article)).as_ref(),
                Ok(&article),
                "{title} with {language:?}"
            );
        }
    }
}

#[test]
fn hand_built_articles_round_trip_exactly() {
    for article in [varied_article(), empty_article_with_note()] {
        let json = export(&article);
        let back = import(&json).unwrap_or_else(|e| panic!("import failed: {e}\n{json}"));
        assert_eq!(back, article);
        // Writing what was read gives the same bytes: nothing drifts on a second trip.
        assert_eq!(export(&back), json);
    }
}

#[test]
fn round_trip_covers_every_variant() {
    // Guards the test article itself: if a variant is dropped from it, the round-trip
    // test above would silently stop covering it.
    let article = varied_article();
    let findings = article.plain_findings();
    for status in Status::ALL {
        assert!(
            findings.iter().any(|f| f.status == status),
            "no {status:?} finding"
        );
    }
    for reach in SourceReach::ALL {
        assert!(
            findings.iter().any(
                |f| matches!(&f.detail, Detail::Statistic { source: Some(s) } if s.reach == reach)
            ),
            "no source with {reach:?}"
        );
    }
    let reviews: Vec<&Review> = article.findings.iter().map(|f| &f.review).collect();
    assert!(reviews.contains(&&Review::Unreviewed) && reviews.contains(&&Review::Confirmed));
    assert!(reviews.iter().any(|r| matches!(r, Review::Rejected { .. })));
    for answer in Answer::ALL {
        assert!(
            article.answers.iter().any(|a| a.answer == answer),
            "no {answer:?} answer"
        );
    }
    assert!(
        article.notes.iter().any(|n| n.span.is_none())
            && article.notes.iter().any(|n| n.span.is_some())
    );
}

#[test]
fn language_and_override_survive() {
    for (language, language_override) in [
        (Language::En, false),
        (Language::En, true),
        (Language::Zh, false),
        (Language::Zh, true),
    ] {
        let mut article = varied_article();
        article.language = language;
        article.language_override = language_override;
        assert_eq!(import(&export(&article)), Ok(article));
    }
}

#[test]
fn export_is_deterministic() {
    let article = varied_article();
    assert_eq!(export(&article), export(&article.clone()));
    let value = exported_value(&article);
    assert_eq!(
        value["id"],
        json!(format!(
            "urn:sourcelight:annotations:sha256:{}",
            text_sha256(VARIED_TEXT)
        ))
    );
    assert_eq!(value["sl:article"]["id"], json!(article_id(VARIED_TEXT)));
}

// ---------------------------------------------------------------- W3C shape

#[test]
fn collection_has_the_w3c_shape() {
    for article in all_articles() {
        let value = exported_value(&article);
        assert_eq!(
            value["@context"][0],
            json!("http://www.w3.org/ns/anno.jsonld")
        );
        assert_eq!(value["@context"][1]["sl"], json!("urn:sourcelight:ns:"));
        assert_eq!(value["type"], json!("AnnotationCollection"));
        assert_eq!(value["first"]["type"], json!("AnnotationPage"));
        let items = value["first"]["items"].as_array().expect("items array");
        assert_eq!(items.len(), article.findings.len() + article.notes.len());
        assert_eq!(value["total"], json!(items.len()));
        let text = value["sl:article"]["sl:text"]
            .as_str()
            .expect("text travels in the file");
        assert_eq!(text, article.text);
        assert_eq!(
            value["sl:article"]["sl:textSha256"],
            json!(text_sha256(text))
        );
        assert_eq!(
            value["sl:article"]["language"],
            json!(article.language.code())
        );
        let source = value["sl:article"]["id"].as_str().unwrap();
        let mut ids: Vec<&str> = items
            .iter()
            .map(|item| item["id"].as_str().expect("annotation id"))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), items.len(), "annotation ids are unique");
        for item in items {
            assert_eq!(item["type"], json!("Annotation"));
            let target = &item["target"];
            if target.is_string() {
                assert_eq!(
                    target,
                    &json!(source),
                    "a whole-article target is the article id"
                );
                continue;
            }
            assert_eq!(target["source"], json!(source));
            let selectors = target["selector"].as_array().expect("selector array");
            assert_eq!(selectors[0]["type"], json!("TextPositionSelector"));
            assert_eq!(selectors[1]["type"], json!("TextQuoteSelector"));
            let start = selectors[0]["start"].as_u64().unwrap() as usize;
            let end = selectors[0]["end"].as_u64().unwrap() as usize;
            assert_eq!(
                selectors[1]["exact"],
                json!(chars_slice(text, start, end)),
                "exact is the code-point slice"
            );
            let prefix = selectors[1]["prefix"].as_str().unwrap();
            let suffix = selectors[1]["suffix"].as_str().unwrap();
            assert!(prefix.chars().count() <= 32 && suffix.chars().count() <= 32);
            assert_eq!(
                prefix,
                chars_slice(text, start.saturating_sub(prefix.chars().count()), start)
            );
            assert_eq!(suffix, chars_slice(text, end, end + suffix.chars().count()));
        }
    }
}

#[test]
fn findings_carry_kind_status_explanation_and_details_as_bodies() {
    let article = varied_article();
    let value = exported_value(&article);
    let items = value["first"]["items"].as_array().unwrap();
    for (reviewed, item) in article.findings.iter().zip(items) {
        let finding = &reviewed.finding;
        assert_eq!(item["motivation"], json!("assessing"));
        assert_eq!(
            item["creator"],
            json!({"type": "Software", "name": "Sourcelight"})
        );
        assert_eq!(item["sl:rule"], json!(finding.rule_id));
        let bodies = item["body"].as_array().unwrap();
        let with = |purpose: &str| -> Vec<&Value> {
            bodies
                .iter()
                .filter(|b| b["purpose"] == json!(purpose))
                .collect()
        };
        assert!(bodies.iter().all(|b| b["type"] == json!("TextualBody")));
        let tags = with("tagging");
        assert!(tags.contains(&&json!({"type": "TextualBody", "purpose": "tagging", "sl:facet": "kind", "value": finding.kind.as_str()})));
        assert!(tags.contains(&&json!({"type": "TextualBody", "purpose": "tagging", "sl:facet": "status", "value": finding.status.as_str()})));
        assert_eq!(with("describing")[0]["value"], json!(finding.explanation));
        match &finding.detail {
            Detail::Loaded {
                category,
                alternative,
            } => {
                assert_eq!(item["sl:category"], json!(category));
                assert_eq!(with("editing")[0]["value"], json!(alternative));
            }
            Detail::Statistic { source } => match source {
                Some(source) => {
                    let linking = with("linking")[0];
                    assert_eq!(linking["value"], json!(source.text));
                    assert_eq!(linking["sl:reach"], json!(source.reach.as_str()));
                    assert_eq!(linking["sl:position"]["start"], json!(source.span.start));
                }
                None => assert!(with("linking").is_empty()),
            },
            Detail::Quote { form, speaker, cue } => {
                assert_eq!(item["sl:quoteForm"], json!(form.as_str()));
                assert_eq!(item.get("sl:cue"), cue.as_ref().map(|c| json!(c)).as_ref());
                match speaker {
                    Some(speaker) => {
                        let identifying = with("identifying")[0];
                        assert_eq!(identifying["value"], json!(speaker.text));
                        assert_eq!(identifying["sl:named"], json!(speaker.named));
                        let (start, end) = (
                            identifying["sl:position"]["start"].as_u64().unwrap(),
                            identifying["sl:position"]["end"].as_u64().unwrap(),
                        );
                        assert_eq!(
                            chars_slice(VARIED_TEXT, start as usize, end as usize),
                            speaker.text
                        );
                    }
                    None => assert!(with("identifying").is_empty()),
                }
            }
        }
        let verdict = match &reviewed.review {
            Review::Unreviewed => json!({"sl:verdict": "unreviewed"}),
            Review::Confirmed => json!({"sl:verdict": "confirmed"}),
            Review::Rejected { reason } => json!({"sl:verdict": "rejected", "sl:reason": reason}),
        };
        assert_eq!(item["sl:review"], verdict);
    }
    let notes = &items[article.findings.len()..];
    for (note, item) in article.notes.iter().zip(notes) {
        assert_eq!(item["motivation"], json!("commenting"));
        assert_eq!(
            item["creator"],
            json!({"name": "reader"}),
            "the reader is recorded without personal details"
        );
        assert_eq!(item["sl:noteId"], json!(note.id));
        assert!(item["body"].as_array().unwrap().contains(
            &json!({"type": "TextualBody", "purpose": "commenting", "value": note.body})
        ));
    }
}

#[test]
fn offsets_are_code_points_after_emoji_and_rare_han() {
    // A finding after characters outside the Basic Multilingual Plane: UTF-16 would
    // count 2 units each, UTF-8 4 bytes; the file must count 1.
    let text = "😀😀𠀀 The blockade will strangle the industry.";
    let mut article = AnnotatedArticle::analyze(text, None);
    article.findings.push(finding(
        Kind::LoadedLanguage,
        Status::AuthorWording,
        span_of(text, "blockade"),
        Detail::Loaded {
            category: "war-violence".into(),
            alternative: "restrictions".into(),
        },
        Review::Unreviewed,
    ));
    let value = exported_value(&article);
    let items = value["first"]["items"].as_array().unwrap();
    let added = items.last().unwrap();
    assert_eq!(
        added["target"]["selector"][0]["start"],
        json!(8),
        "3 astral characters and a space, then 'The '"
    );
    assert_eq!(added["target"]["selector"][0]["end"], json!(16));
    for item in items {
        let selector = &item["target"]["selector"];
        let (start, end) = (
            selector[0]["start"].as_u64().unwrap() as usize,
            selector[0]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(selector[1]["exact"], json!(chars_slice(text, start, end)));
    }
    assert_eq!(import(&export(&article)), Ok(article));
}

// ---------------------------------------------------------------- validation

/// Import the varied article's file after `damage`, expecting an error that
/// mentions every one of `expected`.
fn check_rejected(what: &str, damage: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut value = exported_value(&varied_article());
    damage(&mut value);
    let json = serde_json::to_string_pretty(&value).unwrap();
    check_rejected_text(what, &json, expected);
}

fn check_rejected_text(what: &str, json: &str, expected: &[&str]) {
    match import(json) {
        Ok(_) => panic!("{what}: the damaged file was accepted"),
        Err(error) => {
            for needle in expected {
                assert!(
                    error.message.contains(needle),
                    "{what}: {:?} should mention {needle:?}",
                    error.message
                );
            }
            assert!(
                !error.message.contains('\n'),
                "{what}: one line, got {:?}",
                error.message
            );
        }
    }
}

fn at<'v>(value: &'v mut Value, pointer: &str) -> &'v mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the test file"))
}

fn insert(value: &mut Value, pointer: &str, key: &str, new: Value) {
    at(value, pointer)
        .as_object_mut()
        .unwrap()
        .insert(key.to_string(), new);
}

fn remove(value: &mut Value, pointer: &str, key: &str) {
    at(value, pointer)
        .as_object_mut()
        .unwrap()
        .remove(key)
        .unwrap_or_else(|| panic!("no {key} under {pointer}"));
}

/// Index of the first finding in the varied article matching `pick`.
fn index_of(pick: impl Fn(&Finding) -> bool) -> usize {
    varied_article()
        .findings
        .iter()
        .position(|f| pick(&f.finding))
        .expect("the varied article has one")
}

#[test]
fn not_json_and_not_a_collection() {
    check_rejected_text("empty", "", &["not JSON: the file is empty"]);
    check_rejected_text("blank", " \n\t", &["not JSON: the file is empty"]);
    check_rejected_text(
        "prose",
        "hello",
        &["not JSON: expected value at line 1 column 1"],
    );
    check_rejected_text("truncated", "{\"type\": ", &["not JSON"]);
    check_rejected_text(
        "array",
        "[1, 2]",
        &["must be a JSON object", "found an array"],
    );
    check_rejected_text(
        "bare annotation",
        r#"{"@context": ["http://www.w3.org/ns/anno.jsonld", {"sl": "urn:sourcelight:ns:"}], "type": "Annotation"}"#,
        &["type must be \"AnnotationCollection\", found \"Annotation\""],
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    check_rejected_text("deeply nested", &deep, &["not JSON", "recursion limit"]);
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let huge = " ".repeat(annotation::MAX_FILE_BYTES + 1);
    check_rejected_text("51 MB of spaces", &huge, &["too large", "50 MB"]);
}

#[test]
fn collection_level_problems_are_named() {
    check_rejected(
        "context",
        |v| *at(v, "/@context") = json!("http://www.w3.org/ns/anno.jsonld"),
        &["@context", "sl:"],
    );
    check_rejected(
        "wrong sl namespace",
        |v| *at(v, "/@context/1/sl") = json!("http://example.com/"),
        &["@context maps sl:", "\"http://example.com/\""],
    );
    check_rejected(
        "text changed",
        |v| {
            at(v, "/sl:article/sl:text")
                .as_str()
                .map(|t| format!("{t}!"))
                .map(|t| *at(v, "/sl:article/sl:text") = json!(t))
                .unwrap()
        },
        &["the text's SHA-256 does not match sl:textSha256"],
    );
    check_rejected(
        "hash not hex",
        |v| *at(v, "/sl:article/sl:textSha256") = json!("abc"),
        &["sl:article.sl:textSha256 must be 64 hexadecimal digits"],
    );
    check_rejected(
        "article id",
        |v| *at(v, "/sl:article/id") = json!("urn:x"),
        &[
            "sl:article.id must be \"urn:sourcelight:sha256:",
            "found \"urn:x\"",
        ],
    );
    check_rejected(
        "no text",
        |v| remove(v, "/sl:article", "sl:text"),
        &["sl:article.sl:text is missing"],
    );
    check_rejected(
        "text type",
        |v| *at(v, "/sl:article/sl:text") = json!(42),
        &["sl:article.sl:text must be a string, found 42"],
    );
    check_rejected(
        "language",
        |v| *at(v, "/sl:article/language") = json!("fr"),
        &["sl:article.language must be \"en\" or \"zh\", found \"fr\""],
    );
    check_rejected(
        "override",
        |v| *at(v, "/sl:article/sl:languageOverride") = json!("yes"),
        &["sl:languageOverride must be true or false, found \"yes\""],
    );
    check_rejected(
        "version",
        |v| *at(v, "/sl:formatVersion") = json!(2),
        &["sl:formatVersion is 2", "reads version 1", "newer"],
    );
    check_rejected(
        "no first",
        |v| remove(v, "", "first"),
        &["first is missing"],
    );
    check_rejected(
        "items type",
        |v| *at(v, "/first/items") = json!({}),
        &["first.items must be an array, found an object"],
    );
    check_rejected(
        "two pages",
        |v| insert(v, "/first", "next", json!("urn:page-2")),
        &["first.next", "more than one page"],
    );
    check_rejected(
        "total",
        |v| *at(v, "/total") = json!(3),
        &["total says 3 annotations", "first.items holds"],
    );
    check_rejected(
        "answer",
        |v| *at(v, "/sl:checklistAnswers/1/sl:answer") = json!("maybe"),
        &[
            "sl:checklistAnswers[1].sl:answer must be",
            "found \"maybe\"",
        ],
    );
    check_rejected(
        "unknown sl term",
        |v| insert(v, "/sl:article", "sl:author", json!("x")),
        &["sl:article.sl:author is not a term"],
    );
}

#[test]
fn annotation_level_problems_name_the_annotation_and_path() {
    let n_chars = VARIED_TEXT.chars().count();
    check_rejected(
        "type",
        |v| *at(v, "/first/items/0/type") = json!("Foo"),
        &[
            "annotation 1: ",
            "items[0].type must be \"Annotation\", found \"Foo\"",
        ],
    );
    check_rejected(
        "end past text",
        |v| *at(v, "/first/items/2/target/selector/0/end") = json!(5000),
        &["annotation 3: ", &format!("items[2].target.selector[0] TextPositionSelector end 5000 is past the end of the text ({n_chars} code points)")],
    );
    check_rejected(
        "start after end",
        |v| {
            *at(v, "/first/items/1/target/selector/0/start") = json!(10);
            *at(v, "/first/items/1/target/selector/0/end") = json!(5);
        },
        &[
            "annotation 2: ",
            "TextPositionSelector start 10 is after its end 5",
        ],
    );
    check_rejected(
        "bogus kind",
        |v| *at(v, "/first/items/4/body/0/value") = json!("bogus"),
        &[
            "annotation 5: ",
            "unknown kind \"bogus\" in items[4].body[0]",
        ],
    );
    check_rejected(
        "bogus status",
        |v| *at(v, "/first/items/0/body/1/value") = json!("fake"),
        &["unknown status \"fake\" in items[0].body[1]"],
    );
    check_rejected(
        "status for another kind",
        |v| *at(v, "/first/items/0/body/1/value") = json!("sourced"),
        &["items[0].body[1]: status \"sourced\" is not valid for a loaded-language finding (expected author-wording or quoted-wording)"],
    );
    check_rejected("exact", |v| *at(v, "/first/items/0/target/selector/1/exact") = json!("throttle"), &["items[0].target.selector[1] TextQuoteSelector exact \"throttle\" does not match the text", "\"strangle\""]);
    check_rejected(
        "prefix",
        |v| *at(v, "/first/items/0/target/selector/1/prefix") = json!("nope "),
        &["TextQuoteSelector prefix \"nope \" does not match"],
    );
    check_rejected(
        "suffix",
        |v| *at(v, "/first/items/0/target/selector/1/suffix") = json!(" nope"),
        &["TextQuoteSelector suffix \" nope\" does not match"],
    );
    check_rejected(
        "start as string",
        |v| *at(v, "/first/items/0/target/selector/0/start") = json!("5"),
        &["items[0].target.selector[0].start must be a whole number (0 or more), found \"5\""],
    );
    check_rejected(
        "negative start",
        |v| *at(v, "/first/items/0/target/selector/0/start") = json!(-1),
        &["start must be a whole number (0 or more), found -1"],
    );
    check_rejected(
        "fractional end",
        |v| *at(v, "/first/items/0/target/selector/0/end") = json!(12.5),
        &["end must be a whole number (0 or more), found 12.5"],
    );
    check_rejected(
        "no target",
        |v| remove(v, "/first/items/1", "target"),
        &["annotation 2: items[1].target is missing"],
    );
    check_rejected(
        "no rule",
        |v| remove(v, "/first/items/1", "sl:rule"),
        &["items[1].sl:rule is missing"],
    );
    check_rejected(
        "body not objects",
        |v| *at(v, "/first/items/0/body") = json!(5),
        &["items[0].body must be an object, found 5"],
    );
    check_rejected(
        "value type",
        |v| *at(v, "/first/items/0/body/2/value") = json!(["x"]),
        &["items[0].body[2].value must be a string, found an array"],
    );
    check_rejected(
        "no kind tag",
        |v| {
            at(v, "/first/items/0/body")
                .as_array_mut()
                .unwrap()
                .remove(0);
        },
        &["items[0] has no body tagging its kind"],
    );
    check_rejected(
        "two kind tags",
        |v| {
            let tag = at(v, "/first/items/0/body/0").clone();
            at(v, "/first/items/0/body")
                .as_array_mut()
                .unwrap()
                .push(tag);
        },
        &["is a second body tagging the kind"],
    );
    check_rejected(
        "no explanation",
        |v| {
            at(v, "/first/items/0/body")
                .as_array_mut()
                .unwrap()
                .remove(2);
        },
        &["items[0] has no describing body"],
    );
    check_rejected(
        "no alternative",
        |v| {
            at(v, "/first/items/0/body")
                .as_array_mut()
                .unwrap()
                .remove(3);
        },
        &["items[0] has no editing body"],
    );
    check_rejected(
        "purpose",
        |v| *at(v, "/first/items/0/body/2/purpose") = json!("bookmarking"),
        &["items[0].body[2].purpose \"bookmarking\" is not used on a finding"],
    );
    check_rejected(
        "motivation",
        |v| *at(v, "/first/items/0/motivation") = json!("bookmarking"),
        &[
            "items[0].motivation must be \"assessing\"",
            "found \"bookmarking\"",
        ],
    );
    check_rejected(
        "body type",
        |v| *at(v, "/first/items/0/body/0/type") = json!("SpecificResource"),
        &["items[0].body[0].type must be \"TextualBody\", found \"SpecificResource\""],
    );

    let statistic = index_of(|f| f.kind == Kind::Statistic && f.status == Status::Unsourced);
    check_rejected(
        "editing body on a statistic",
        |v| at(v, &format!("/first/items/{statistic}/body")).as_array_mut().unwrap().push(json!({"type": "TextualBody", "purpose": "editing", "value": "x"})),
        &[&format!("items[{statistic}].body[3] is an editing body, which only loaded-language findings have, but this one is statistic")],
    );
    let sourced = index_of(|f| matches!(&f.detail, Detail::Statistic { source: Some(_) }));
    check_rejected(
        "reach",
        |v| *at(v, &format!("/first/items/{sourced}/body/3/sl:reach")) = json!("far"),
        &["sl:reach must be one of same-sentence", "found \"far\""],
    );
    check_rejected(
        "source position",
        |v| *at(v, &format!("/first/items/{sourced}/body/3/sl:position/end")) = json!(99_999),
        &["body[3].sl:position TextPositionSelector end 99999 is past the end"],
    );
    let quote = index_of(|f| {
        matches!(
            &f.detail,
            Detail::Quote {
                speaker: Some(_),
                ..
            }
        )
    });
    check_rejected(
        "category on a quote",
        |v| {
            insert(
                v,
                &format!("/first/items/{quote}"),
                "sl:category",
                json!("x"),
            )
        },
        &[&format!(
            "items[{quote}].sl:category is not a term a quote finding uses"
        )],
    );
    check_rejected(
        "quote form",
        |v| *at(v, &format!("/first/items/{quote}/sl:quoteForm")) = json!("indirect"),
        &["sl:quoteForm must be \"direct\" or \"reported\", found \"indirect\""],
    );
    check_rejected(
        "named",
        |v| *at(v, &format!("/first/items/{quote}/body/3/sl:named")) = json!("yes"),
        &["body[3].sl:named must be true or false"],
    );
    check_rejected(
        "no quote form",
        |v| remove(v, &format!("/first/items/{quote}"), "sl:quoteForm"),
        &["sl:quoteForm is missing"],
    );

    check_rejected("verdict", |v| *at(v, "/first/items/0/sl:review/sl:verdict") = json!("maybe"), &["items[0].sl:review.sl:verdict must be \"unreviewed\", \"confirmed\" or \"rejected\", found \"maybe\""]);
    check_rejected(
        "rejected without reason",
        |v| *at(v, "/first/items/0/sl:review") = json!({"sl:verdict": "rejected"}),
        &["items[0].sl:review.sl:reason is missing"],
    );
    check_rejected(
        "reason without rejection",
        |v| {
            *at(v, "/first/items/0/sl:review") =
                json!({"sl:verdict": "confirmed", "sl:reason": "x"})
        },
        &["sl:reason is only for rejected findings"],
    );
    check_rejected(
        "wrong source",
        |v| *at(v, "/first/items/0/target/source") = json!("urn:other"),
        &[
            "items[0].target.source must be the article's id",
            "found \"urn:other\"",
        ],
    );
    check_rejected(
        "whole-article finding",
        |v| *at(v, "/first/items/0/target") = json!(article_id(VARIED_TEXT)),
        &["items[0].target must select a part of the text"],
    );
    check_rejected(
        "selector type",
        |v| *at(v, "/first/items/0/target/selector/0/type") = json!("XPathSelector"),
        &["items[0].target.selector[0].type \"XPathSelector\" is not supported"],
    );
    check_rejected(
        "no position selector",
        |v| {
            at(v, "/first/items/0/target/selector")
                .as_array_mut()
                .unwrap()
                .remove(0);
        },
        &["items[0].target.selector has no TextPositionSelector"],
    );
}

#[test]
fn note_problems_are_named() {
    let first_note = varied_article().findings.len();
    check_rejected(
        "duplicate note id",
        |v| *at(v, &format!("/first/items/{}/sl:noteId", first_note + 1)) = json!("note-1"),
        &[
            &format!("annotation {}: ", first_note + 2),
            "sl:noteId \"note-1\" is already used",
        ],
    );
    check_rejected(
        "note target",
        |v| *at(v, &format!("/first/items/{}/target", first_note + 1)) = json!("urn:elsewhere"),
        &["target must be the article's id"],
    );
    check_rejected(
        "note without id",
        |v| remove(v, &format!("/first/items/{first_note}"), "sl:noteId"),
        &[&format!("items[{first_note}].sl:noteId is missing")],
    );
    check_rejected(
        "note label facet",
        |v| *at(v, &format!("/first/items/{first_note}/body/1/sl:facet")) = json!("kind"),
        &["sl:facet must be \"label\", found \"kind\""],
    );
    check_rejected(
        "rule on a note",
        |v| {
            insert(
                v,
                &format!("/first/items/{first_note}"),
                "sl:rule",
                json!("x"),
            )
        },
        &["sl:rule is not a term a reader's note uses"],
    );
}

#[test]
fn other_vocabularies_and_w3c_variants_are_accepted() {
    // Keys outside sl: are ignored, a single body or selector may be an object,
    // null counts as absent, and a note target may be {source} without selectors.
    let article = varied_article();
    let mut value = exported_value(&article);
    value
        .as_object_mut()
        .unwrap()
        .insert("dc:publisher".into(), json!("someone"));
    let note_index = article.findings.len() + 1; // the span-less note
    *at(&mut value, &format!("/first/items/{note_index}/target")) =
        json!({"source": article_id(VARIED_TEXT)});
    let items = value["first"]["items"].as_array_mut().unwrap();
    items[0]
        .as_object_mut()
        .unwrap()
        .insert("created".into(), json!("2024-01-01T00:00:00Z"));
    let quote = article
        .findings
        .iter()
        .position(|f| f.finding.status == Status::ScareQuote)
        .unwrap();
    items[quote]
        .as_object_mut()
        .unwrap()
        .insert("sl:cue".into(), Value::Null);
    let selector = items[quote]["target"]["selector"][0].clone();
    items[quote]["target"]["selector"] = selector;
    assert_eq!(import(&value.to_string()), Ok(article));
}

// ---------------------------------------------------------------- never panics

#[test]
fn every_prefix_of_a_small_file_is_rejected_without_panicking() {
    let small = AnnotatedArticle {
        text: "A 😀 strangle 𠀀.".into(),
        language: Language::En,
        language_override: false,
        findings: vec![finding(
            Kind::LoadedLanguage,
            Status::AuthorWording,
            span_of("A 😀 strangle 𠀀.", "strangle"),
            Detail::Loaded {
                category: "war-violence".into(),
                alternative: "restrict".into(),
            },
            Review::Unreviewed,
        )],
        notes: vec![Note {
            id: "n".into(),
            span: None,
            label: "l".into(),
            body: "b".into(),
        }],
        answers: vec![ChecklistAnswer {
            item_id: "sift-stop".into(),
            answer: Answer::Yes,
            note: String::new(),
        }],
    };
    let json = export(&small);
    assert_eq!(import(&json), Ok(small));
    let bytes = json.as_bytes();
    for cut in 0..bytes.len() {
        // Cutting inside a multi-byte character gives invalid UTF-8, which the CLI
        // refuses before import; here the lossy decoding stands in for it.
        let prefix = String::from_utf8_lossy(&bytes[..cut]);
        assert!(
            import(&prefix).is_err(),
            "a file cut at byte {cut} was accepted"
        );
    }
}

/// A small deterministic generator (xorshift), so failures reproduce without a crate.
struct Xorshift(u64);

impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_damage_never_panics() {
    let json = export(&varied_article());
    let bytes = json.as_bytes();
    let interesting: &[u8] = b"{}[]\",:0123456789-.e tfn\\\xF0\x9F\x98\x80";
    let mut rng = Xorshift(0x5eed_1234_abcd_9876);
    let mut accepted = 0;
    for _ in 0..3000 {
        let mut damaged = bytes.to_vec();
        for _ in 0..=rng.below(4) {
            let pos = rng.below(damaged.len());
            match rng.below(4) {
                0 => damaged[pos] = interesting[rng.below(interesting.len())],
                1 => damaged[pos] = rng.next() as u8,
                2 => {
                    damaged.remove(pos);
                }
                _ => damaged.insert(pos, interesting[rng.below(interesting.len())]),
            }
        }
        let text = String::from_utf8_lossy(&damaged);
        if import(&text).is_ok() {
            accepted += 1;
        }
    }
    // Most damage must be caught; a few changes (inside an ignored label, say) are harmless.
    assert!(
        accepted < 300,
        "{accepted} of 3000 damaged files were accepted"
    );
}

#[test]
fn structured_damage_never_panics() {
    // Replace every value in the file, one at a time, with values of other types
    // and edge-case numbers: each result is either accepted or a one-line error.
    // One finding of each detail shape (the varied article's repeats left out, to keep
    // the test quick in debug builds) and all the notes and answers.
    let mut article = varied_article();
    let first_sourced = index_of(|f| matches!(&f.detail, Detail::Statistic { source: Some(_) }));
    article.findings.truncate(first_sourced + 1);
    let original = exported_value(&article);
    let mut pointers = Vec::new();
    collect_pointers(&original, String::new(), &mut pointers);
    let replacements = [
        json!(null),
        json!(-1),
        json!(u64::MAX),
        json!(1.5),
        json!("😀"),
        json!([]),
        json!({}),
    ];
    for pointer in &pointers {
        for replacement in &replacements {
            let mut value = original.clone();
            *value.pointer_mut(pointer).unwrap() = replacement.clone();
            if let Err(error) = import(&value.to_string()) {
                assert!(
                    !error.message.is_empty() && !error.message.contains('\n'),
                    "{pointer}: {:?}",
                    error.message
                );
            }
        }
    }
}

fn collect_pointers(value: &Value, path: String, out: &mut Vec<String>) {
    out.push(path.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                collect_pointers(
                    child,
                    format!("{path}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                collect_pointers(child, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- schema

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/annotation.schema.json"
    ))
    .expect("docs/annotation.schema.json exists");
    serde_json::from_str(&text).expect("the schema file is valid JSON")
}

#[test]
fn schema_is_json_schema_2020_12_using_only_checked_keywords() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        json!("https://json-schema.org/draft/2020-12/schema")
    );
    assert_eq!(schema["type"], json!("object"));
    mini_schema::assert_known_keywords(&schema, "#");
}

#[test]
fn every_export_validates_against_the_schema() {
    let schema = schema();
    for article in all_articles() {
        let value = exported_value(&article);
        if let Err(errors) = mini_schema::validate(&schema, &schema, &value, "") {
            panic!(
                "export does not match docs/annotation.schema.json:\n{}",
                errors.join("\n")
            );
        }
    }
}

/// A named change to an exported file.
type Damage = (&'static str, Box<dyn Fn(&mut Value)>);

#[test]
fn schema_rejects_structurally_broken_files() {
    // The schema (and the checker) must be able to fail, or the test above proves nothing.
    let schema = schema();
    let damages: Vec<Damage> = vec![
        (
            "no target",
            Box::new(|v| remove(v, "/first/items/0", "target")),
        ),
        (
            "start as string",
            Box::new(|v| *at(v, "/first/items/0/target/selector/0/start") = json!("5")),
        ),
        (
            "wrong type",
            Box::new(|v| *at(v, "/first/items/0/type") = json!("Foo")),
        ),
        ("no text", Box::new(|v| remove(v, "/sl:article", "sl:text"))),
        (
            "bad motivation",
            Box::new(|v| *at(v, "/first/items/0/motivation") = json!("bookmarking")),
        ),
        (
            "bad verdict",
            Box::new(|v| *at(v, "/first/items/0/sl:review/sl:verdict") = json!("maybe")),
        ),
        (
            "bad answer",
            Box::new(|v| *at(v, "/sl:checklistAnswers/0/sl:answer") = json!("maybe")),
        ),
        (
            "negative end",
            Box::new(|v| *at(v, "/first/items/0/target/selector/0/end") = json!(-3)),
        ),
        (
            "note without id",
            Box::new(|v| {
                let first_note = varied_article().findings.len();
                remove(v, &format!("/first/items/{first_note}"), "sl:noteId")
            }),
        ),
    ];
    for (what, damage) in damages {
        let mut value = exported_value(&varied_article());
        damage(&mut value);
        assert!(
            mini_schema::validate(&schema, &schema, &value, "").is_err(),
            "the schema accepted a file with {what}"
        );
        assert!(
            import(&value.to_string()).is_err(),
            "import accepted a file with {what}"
        );
    }
}

#[test]
fn exports_have_every_required_key() {
    // A plain Rust statement of the structure, independent of the schema file.
    for article in all_articles() {
        let value = exported_value(&article);
        for key in [
            "@context",
            "id",
            "type",
            "total",
            "sl:formatVersion",
            "sl:article",
            "sl:checklistAnswers",
            "first",
        ] {
            assert!(value.get(key).is_some(), "collection lacks {key}");
        }
        for key in [
            "id",
            "type",
            "language",
            "sl:languageOverride",
            "sl:textSha256",
            "sl:text",
        ] {
            assert!(
                value["sl:article"].get(key).is_some(),
                "sl:article lacks {key}"
            );
        }
        for item in value["first"]["items"].as_array().unwrap() {
            for key in ["id", "type", "motivation", "creator", "body", "target"] {
                assert!(item.get(key).is_some(), "annotation lacks {key}");
            }
            let finding = item["motivation"] == json!("assessing");
            let own = if finding {
                &["sl:rule", "sl:review"][..]
            } else {
                &["sl:noteId"][..]
            };
            for key in own {
                assert!(item.get(*key).is_some(), "annotation lacks {key}");
            }
            for body in item["body"].as_array().unwrap() {
                for key in ["type", "purpose", "value"] {
                    assert!(body.get(key).is_some(), "body lacks {key}");
                }
            }
        }
    }
}

/// Just enough of JSON Schema 2020-12 to check our own schema: the keywords it uses
/// are checked, and `assert_known_keywords` fails if the schema starts using one
/// this checker would silently ignore.
mod mini_schema {
    use serde_json::Value;

    const CHECKED: &[&str] = &[
        "type",
        "properties",
        "required",
        "items",
        "enum",
        "const",
        "$ref",
        "anyOf",
        "oneOf",
        "allOf",
        "minimum",
        "minItems",
        "minLength",
        "maxLength",
        "contains",
    ];
    /// Keywords that only annotate (or that this checker leaves to import: `pattern`).
    const ANNOTATIONS: &[&str] = &[
        "$schema",
        "$id",
        "$defs",
        "$comment",
        "title",
        "description",
        "examples",
        "pattern",
    ];

    pub fn assert_known_keywords(schema: &Value, path: &str) {
        let Some(map) = schema.as_object() else {
            return;
        };
        for (key, child) in map {
            assert!(
                CHECKED.contains(&key.as_str()) || ANNOTATIONS.contains(&key.as_str()),
                "{path}: keyword {key} is not checked by the test"
            );
            match key.as_str() {
                "properties" | "$defs" => {
                    for (name, sub) in child.as_object().expect("a map of schemas") {
                        assert_known_keywords(sub, &format!("{path}/{key}/{name}"));
                    }
                }
                "items" | "contains" => assert_known_keywords(child, &format!("{path}/{key}")),
                "anyOf" | "oneOf" | "allOf" => {
                    for (i, sub) in child
                        .as_array()
                        .expect("a list of schemas")
                        .iter()
                        .enumerate()
                    {
                        assert_known_keywords(sub, &format!("{path}/{key}/{i}"));
                    }
                }
                _ => {}
            }
        }
    }

    fn type_matches(name: &str, value: &Value) -> bool {
        match name {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "number" => value.is_number(),
            "integer" => value.is_i64() || value.is_u64(),
            other => panic!("unknown type {other}"),
        }
    }

    pub fn validate(
        root: &Value,
        schema: &Value,
        value: &Value,
        path: &str,
    ) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        let fail = |errors: &mut Vec<String>, message: String| {
            errors.push(format!(
                "{}: {message}",
                if path.is_empty() { "/" } else { path }
            ))
        };
        let Some(map) = schema.as_object() else {
            return Ok(());
        };
        if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
            let pointer = reference.strip_prefix('#').expect("local $ref");
            let target = root
                .pointer(pointer)
                .unwrap_or_else(|| panic!("dangling $ref {reference}"));
            if let Err(mut more) = validate(root, target, value, path) {
                errors.append(&mut more);
            }
        }
        if let Some(types) = map.get("type") {
            let ok = match types {
                Value::String(name) => type_matches(name, value),
                Value::Array(names) => names
                    .iter()
                    .any(|n| type_matches(n.as_str().unwrap(), value)),
                _ => panic!("bad type keyword"),
            };
            if !ok {
                fail(&mut errors, format!("expected type {types}, found {value}"));
                return Err(errors);
            }
        }
        if let Some(expected) = map.get("const") {
            if value != expected {
                fail(&mut errors, format!("expected {expected}, found {value}"));
            }
        }
        if let Some(Value::Array(options)) = map.get("enum") {
            if !options.contains(value) {
                fail(&mut errors, format!("{value} not in {options:?}"));
            }
        }
        if let (Some(minimum), Some(n)) =
            (map.get("minimum").and_then(Value::as_f64), value.as_f64())
        {
            if n < minimum {
                fail(&mut errors, format!("{n} is below {minimum}"));
            }
        }
        if let Some(s) = value.as_str() {
            let n = s.chars().count() as u64;
            if map
                .get("minLength")
                .and_then(Value::as_u64)
                .is_some_and(|min| n < min)
                || map
                    .get("maxLength")
                    .and_then(Value::as_u64)
                    .is_some_and(|max| n > max)
            {
                fail(&mut errors, format!("string length {n} out of bounds"));
            }
        }
        if let Some(object) = value.as_object() {
            if let Some(Value::Array(required)) = map.get("required") {
                for key in required {
                    if !object.contains_key(key.as_str().unwrap()) {
                        fail(&mut errors, format!("missing {key}"));
                    }
                }
            }
            if let Some(Value::Object(properties)) = map.get("properties") {
                for (key, sub) in properties {
                    if let Some(child) = object.get(key) {
                        if let Err(mut more) = validate(root, sub, child, &format!("{path}/{key}"))
                        {
                            errors.append(&mut more);
                        }
                    }
                }
            }
        }
        if let Some(list) = value.as_array() {
            if let Some(items) = map.get("items") {
                for (i, child) in list.iter().enumerate() {
                    if let Err(mut more) = validate(root, items, child, &format!("{path}/{i}")) {
                        errors.append(&mut more);
                    }
                }
            }
            if map
                .get("minItems")
                .and_then(Value::as_u64)
                .is_some_and(|min| (list.len() as u64) < min)
            {
                fail(&mut errors, "too few items".to_string());
            }
            if let Some(contains) = map.get("contains") {
                if !list
                    .iter()
                    .any(|child| validate(root, contains, child, path).is_ok())
                {
                    fail(&mut errors, "no item matches `contains`".to_string());
                }
            }
        }
        if let Some(Value::Array(all)) = map.get("allOf") {
            for sub in all {
                if let Err(mut more) = validate(root, sub, value, path) {
                    errors.append(&mut more);
                }
            }
        }
        if let Some(Value::Array(any)) = map.get("anyOf") {
            let results: Vec<_> = any
                .iter()
                .map(|sub| validate(root, sub, value, path))
                .collect();
            if !results.iter().any(Result::is_ok) {
                fail(
                    &mut errors,
                    format!(
                        "matches none of anyOf: {:?}",
                        results
                            .into_iter()
                            .filter_map(Result::err)
                            .flatten()
                            .collect::<Vec<_>>()
                    ),
                );
            }
        }
        if let Some(Value::Array(one)) = map.get("oneOf") {
            let results: Vec<_> = one
                .iter()
                .map(|sub| validate(root, sub, value, path))
                .collect();
            let n_ok = results.iter().filter(|r| r.is_ok()).count();
            if n_ok != 1 {
                fail(
                    &mut errors,
                    format!(
                        "matches {n_ok} of oneOf: {:?}",
                        results
                            .into_iter()
                            .filter_map(Result::err)
                            .flatten()
                            .collect::<Vec<_>>()
                    ),
                );
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

// ---------------------------------------------------------------- the format page

fn format_page() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/annotation-format.md"
    ))
    .expect("docs/annotation-format.md exists")
}

#[test]
fn the_documented_example_is_exactly_what_export_writes() {
    let page = format_page();
    let after = page
        .split("## A complete example")
        .nth(1)
        .expect("example section");
    let example = after
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("json block");
    let article =
        import(example).unwrap_or_else(|e| panic!("the documented example does not import: {e}"));
    assert_eq!(
        export(&article),
        example,
        "the example must be byte for byte what Sourcelight writes"
    );
    assert_eq!(article.findings.len(), 3);
    assert_eq!(article.notes.len(), 2);
}

#[test]
fn every_sl_term_written_is_documented() {
    fn sl_keys(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    if key.starts_with("sl:") && !out.contains(key) {
                        out.push(key.clone());
                    }
                    sl_keys(child, out);
                }
            }
            Value::Array(list) => list.iter().for_each(|child| sl_keys(child, out)),
            _ => {}
        }
    }
    let page = format_page();
    let mut keys = Vec::new();
    for article in all_articles() {
        sl_keys(&exported_value(&article), &mut keys);
    }
    assert!(
        keys.len() >= 20,
        "the test articles use the sl: terms: {keys:?}"
    );
    for key in keys {
        assert!(
            page.contains(&format!("| `{key}` |")),
            "{key} has no row in the term table of docs/annotation-format.md"
        );
    }
}
