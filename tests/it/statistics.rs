//! The statistics detector on whole articles: the three seed articles read against
//! the rules documented in `src/analysis/statistics.rs`, source reaches across
//! paragraphs and source lines, and a large paste.

use sourcelight::analysis::{
    analyze, statistics, Detail, Document, Finding, Kind, Options, QuoteForm, SourceReach, Span,
    Speaker, Status,
};
use sourcelight::rules::RuleSet;

fn seed(index: usize) -> &'static str {
    sourcelight::SEED_ARTICLES[index].1
}

fn statistics_of(text: &str) -> (Document, Vec<Finding>) {
    let doc = Document::new(text);
    let findings = statistics::detect(&doc, &[]);
    (doc, findings)
}

fn describe(doc: &Document, findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            format!(
                "{} [{}, {}]",
                doc.slice(f.span),
                f.rule_id,
                f.status.as_str()
            )
        })
        .collect()
}

/// The statistic whose highlighted text is exactly `span_text`.
fn exact<'a>(doc: &Document, findings: &'a [Finding], span_text: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| doc.slice(f.span) == span_text)
        .unwrap_or_else(|| {
            panic!(
                "no statistic {span_text:?}; found {:#?}",
                describe(doc, findings)
            )
        })
}

/// The statistic whose highlighted text contains `needle`.
fn containing<'a>(doc: &Document, findings: &'a [Finding], needle: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| doc.slice(f.span).contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no statistic containing {needle:?}; found {:#?}",
                describe(doc, findings)
            )
        })
}

fn source(finding: &Finding) -> Option<(&str, SourceReach)> {
    match &finding.detail {
        Detail::Statistic { source } => source.as_ref().map(|s| (s.text.as_str(), s.reach)),
        other => panic!("a statistic with {other:?}"),
    }
}

/// Code-point spans of every occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let doc = Document::new(text);
    text.match_indices(needle)
        .map(|(at, _)| doc.span(at..at + needle.len()))
        .collect()
}

/// No statistic touches any occurrence of the given years, dates, names and idioms.
fn assert_untouched(text: &str, findings: &[Finding], needles: &[&str]) {
    let doc = Document::new(text);
    for needle in needles {
        let spans = occurrences(text, needle);
        assert!(
            !spans.is_empty(),
            "{needle:?} is not in the text; the test is stale"
        );
        for span in spans {
            for f in findings {
                assert!(
                    !f.span.overlaps(span),
                    "statistic {:?} overlaps {needle:?}",
                    doc.slice(f.span)
                );
            }
        }
    }
}

/// Invariants every statistic keeps, on any text.
fn assert_well_formed(doc: &Document, findings: &[Finding]) {
    for pair in findings.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.start,
            "statistics overlap or are out of order"
        );
    }
    for f in findings {
        assert_eq!(f.kind, Kind::Statistic);
        assert!(f.status.valid_for(Kind::Statistic));
        assert!(f.rule_id.starts_with("stat."), "{}", f.rule_id);
        assert!(!f.span.is_empty() && f.span.end <= doc.char_len());
        assert!(
            f.explanation.contains("offered as evidence"),
            "{}",
            f.explanation
        );
        let Detail::Statistic { source } = &f.detail else {
            panic!("wrong detail")
        };
        assert_eq!(source.is_some(), f.status == Status::Sourced);
        if let Some(source) = source {
            if source.reach != SourceReach::QuotedSpeaker {
                assert_eq!(
                    doc.slice(source.span),
                    source.text,
                    "a source span must point at its text"
                );
            }
        }
    }
}

#[test]
fn seed_000_commentary_offers_unsourced_counts_percentages_and_rankings() {
    let text = seed(0);
    let (doc, findings) = statistics_of(text);
    assert_well_formed(&doc, &findings);

    let institutions = exact(&doc, &findings, "over 1,000 Chinese institutions");
    assert_eq!(institutions.rule_id, "stat.count");
    let share = exact(&doc, &findings, "more than 40%");
    assert_eq!(share.rule_id, "stat.percent");
    let companies = exact(&doc, &findings, "more than 300 companies");
    assert_eq!(companies.rule_id, "stat.count");
    // "nearly reaching the global first threshold": a scoped "first" is a ranking claim.
    let first = containing(&doc, &findings, "global first");
    assert_eq!(first.rule_id, "stat.ranking");

    // The article names no source for any of its numbers.
    for f in &findings {
        assert_eq!(f.status, Status::Unsourced, "{:?}", doc.slice(f.span));
        assert!(f.explanation.contains("ask where the number comes from"));
    }
    assert_eq!(findings.len(), 4, "{:#?}", describe(&doc, &findings));

    assert_untouched(
        text,
        &findings,
        &[
            "2019",
            "2020",
            "2022",
            "10nm",
            "7nm",
            "N+1",
            "H100",
            "Mate 60 Pro",
            "Kirin 9000S",
            "5G",
            "doubled down",
            "a large number of",
            "Earlier this year",
            // A superlative without a number or ordinal is a claim, not a statistic.
            "world's largest AI data center",
        ],
    );
}

#[test]
fn seed_001_offers_no_quantity_as_evidence() {
    // Its one ranking-like claim, "the world's largest chip market", is a superlative
    // without a number or ordinal: a claim, not a statistic (docs/labelling.md §3).
    // "14-nanometer chips" names a process, "May 11" is a date, the rest are product
    // names; nothing inside the URL counts.
    let text = seed(1);
    let (doc, findings) = statistics_of(text);
    assert_well_formed(&doc, &findings);
    assert!(findings.is_empty(), "{:#?}", describe(&doc, &findings));
    assert!(text.contains("the world's largest chip market"));
}

#[test]
fn a_closing_source_line_covers_the_statistics_above_it() {
    let url = "https://example.org/reports/chips-2024";
    let text = format!(
        "Imports of chips fell 12% last year.\n\nThe market is still growing.\n\nSource: {url}\n"
    );
    let (doc, findings) = statistics_of(&text);
    assert_well_formed(&doc, &findings);
    let share = exact(&doc, &findings, "12%");
    assert_eq!(share.rule_id, "stat.growth");
    assert_eq!(share.status, Status::Sourced);
    assert_eq!(source(share), Some((url, SourceReach::SourceLine)));
    let Detail::Statistic {
        source: Some(source),
    } = &share.detail
    else {
        unreachable!()
    };
    assert_eq!(source.span, occurrences(&text, url)[0]);
    assert!(share.explanation.contains("source line"));

    let cut = text.find("Source:").expect("a source line");
    let (doc, findings) = statistics_of(&text[..cut]);
    assert_eq!(exact(&doc, &findings, "12%").status, Status::Unsourced);
}

#[test]
fn seed_002_chinese_rankings_multiplier_and_bit_width() {
    let text = seed(2);
    let (doc, findings) = statistics_of(text);
    assert_well_formed(&doc, &findings);

    let hundredfold = exact(&doc, &findings, "上百倍");
    assert_eq!(hundredfold.rule_id, "stat.multiplier");
    // Nothing near it names a source; the closing 信源 line does.
    assert_eq!(
        source(hundredfold),
        Some(("中科曙光官方公告", SourceReach::SourceLine))
    );

    let second = exact(&doc, &findings, "全球第二个");
    assert_eq!(second.rule_id, "stat.ranking");
    // Announced by 中科曙光 in the same sentence.
    let (second_source, second_reach) = source(second).expect("sourced");
    assert_eq!(second_reach, SourceReach::SameSentence);
    assert!(second_source.contains("中科曙光"), "{second_source}");

    let first_chip = exact(&doc, &findings, "全球首款");
    assert_eq!(first_chip.rule_id, "stat.ranking");
    let (chip_source, chip_reach) = source(first_chip).expect("sourced");
    assert_eq!(chip_reach, SourceReach::SameSentence);
    assert!(chip_source.contains("孙仲团队"), "{chip_source}");

    // "精度直接达到24位定点": a performance claim, counted.
    let precision = containing(&doc, &findings, "24位");
    assert_eq!(precision.rule_id, "stat.measure");

    let national_first = exact(&doc, &findings, "中国首个");
    assert_eq!(national_first.rule_id, "stat.ranking");

    // "发布才一个月": a measured length of time offered as proof of speed.
    let month = exact(&doc, &findings, "一个月");
    assert_eq!(month.rule_id, "stat.measure");

    for f in &findings {
        assert_eq!(f.status, Status::Sourced, "{:?}", doc.slice(f.span));
    }
    assert_eq!(findings.len(), 6, "{:#?}", describe(&doc, &findings));

    // Idioms (万万没想到), a class name (万卡), a process node (28纳米, 4nm) and
    // ordinary words with 一 are not statistics.
    assert_untouched(
        text,
        &findings,
        &[
            "万万没想到",
            "万卡",
            "28纳米",
            "4nm Chiplet",
            "5G",
            "一股绳",
            "一家独大",
            "一个又一个",
            "最顶尖",
        ],
    );
}

#[test]
fn seed_002_without_its_source_line_leaves_the_multiplier_unsourced() {
    let text = seed(2);
    let cut = text.find("信源").expect("the seed has a 信源 line");
    let (doc, findings) = statistics_of(&text[..cut]);
    assert_eq!(exact(&doc, &findings, "上百倍").status, Status::Unsourced);
    // The announcement in the same sentence still sources the rankings.
    assert_eq!(exact(&doc, &findings, "全球第二个").status, Status::Sourced);
}

#[test]
fn analyze_reports_statistics_among_the_other_findings() {
    let analysis = analyze(seed(0), RuleSet::builtin(), &Options::default());
    let statistics: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Statistic)
        .collect();
    assert_eq!(statistics.len(), 4);
}

#[test]
fn paragraph_lead_and_adjacent_sentences_reach_only_within_their_paragraph() {
    let text = "According to the 2023 census, the town is changing fast. Schools are full. \
                More than 4,000 families arrived. Shops opened.\n\
                Rents rose 30% in the same period.\n\
                Over 200 shops closed. The chamber of commerce said the figures were final.";
    let (doc, findings) = statistics_of(text);
    assert_well_formed(&doc, &findings);
    let families = exact(&doc, &findings, "More than 4,000 families");
    assert_eq!(
        source(families),
        Some(("According to the 2023 census", SourceReach::ParagraphLead))
    );
    let rents = exact(&doc, &findings, "30%");
    assert_eq!(rents.status, Status::Unsourced);
    let shops = exact(&doc, &findings, "Over 200 shops");
    let (shops_source, reach) = source(shops).expect("sourced by the next sentence");
    assert_eq!(reach, SourceReach::AdjacentSentence);
    assert!(
        shops_source.contains("chamber of commerce said"),
        "{shops_source}"
    );
}

#[test]
fn a_quoted_speaker_sources_the_numbers_in_the_quote() {
    let text = "The mayor spoke at length.\n“Crime fell 15% and we hired 80 officers,” Mayor Ana Ruiz said.";
    let doc = Document::new(text);
    let quote_start = occurrences(text, "“")[0].start;
    let quote_end = occurrences(text, "”")[0].end;
    let name = occurrences(text, "Mayor Ana Ruiz")[0];
    let quote = Finding {
        kind: Kind::Quote,
        status: Status::Attributed,
        span: Span::new(quote_start, quote_end),
        rule_id: "quote.direct".into(),
        explanation: String::new(),
        detail: Detail::Quote {
            form: QuoteForm::Direct,
            speaker: Some(Speaker {
                text: "Mayor Ana Ruiz".into(),
                span: name,
                named: true,
            }),
            cue: Some("said".into()),
        },
    };
    let findings = statistics::detect(&doc, &[quote]);
    assert_well_formed(&doc, &findings);
    for needle in ["15%", "80 officers"] {
        let f = exact(&doc, &findings, needle);
        assert_eq!(
            source(f),
            Some(("Mayor Ana Ruiz", SourceReach::QuotedSpeaker))
        );
        let Detail::Statistic {
            source: Some(source),
        } = &f.detail
        else {
            unreachable!()
        };
        assert_eq!(source.span, name);
    }
}

#[test]
fn every_seed_keeps_the_invariants() {
    for (_, text) in sourcelight::SEED_ARTICLES {
        let (doc, findings) = statistics_of(text);
        assert_well_formed(&doc, &findings);
    }
}

#[test]
fn a_two_megabyte_paste_finds_the_statistics_of_every_copy() {
    // 2 MB of seed text in a debug build; the release build does 10 MB in about half
    // a second (see `large_paste_timing`).
    let one_copy = format!("{}\n{}\n{}\n", seed(0), seed(1), seed(2));
    let copies = 2_000_000 / one_copy.len() + 1;
    let (doc, findings) = statistics_of(&one_copy.repeat(copies));
    let per_copy = statistics_of(&one_copy).1.len();
    assert_eq!(findings.len(), per_copy * copies);
    assert_well_formed(&doc, &findings);
}

/// Random mixes of digits, units, cue words, scripts and odd code points: no panic,
/// no overlap, spans inside the text, source spans that point at their text.
#[test]
fn random_text_never_panics_and_keeps_the_invariants() {
    let alphabet: Vec<char> = "0123456789０９.,:-–/%％$¥€ abcXYZNo top first world's largest in the doubled twice half of percent million 第首最前翻半榜百千万亿兆一两十多余倍成年月日号点的了据根据显示表示称说来源信源:：\n。,!?\"“”😀𠀀'’()[]【】（）、 Source: http://a.b/1 www.x.y 分之 上百 数十 近 超过 同比增长 全球 世界 排名".chars().collect();
    let mut state: u64 = 0x1234_5678_9abc_def1;
    for round in 0..3_000 {
        let len = 1 + (round % 200);
        let mut text = String::new();
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if state % 17 == 0 {
                // Any code point now and then.
                text.push(char::from_u32((state >> 20) as u32 % 0x30000).unwrap_or('x'));
            } else {
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
        }
        let doc = Document::new(&text);
        let found = statistics::detect(&doc, &[]);
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{text:?}");
        }
        for f in &found {
            assert!(
                f.span.start < f.span.end && f.span.end <= doc.char_len(),
                "{text:?}"
            );
            if let Detail::Statistic { source: Some(src) } = &f.detail {
                assert_eq!(doc.slice(src.span), src.text, "{text:?}");
            }
        }
    }
}
