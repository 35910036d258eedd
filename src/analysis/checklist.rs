//! The sourcing checklist: automatic items derived from the findings and the text,
//! and manual items (the SIFT moves) that the reader answers with a note.

use super::text::{is_han, Document};
use super::{Detail, Finding, Kind, Language, Status};

/// How an automatic item came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Pass,
    Warn,
}

impl ItemState {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Pass => "pass",
            ItemState::Warn => "warn",
        }
    }
}

/// One automatic checklist item.
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistItem {
    /// Stable id, e.g. "unsourced-statistics".
    pub id: &'static str,
    pub title: &'static str,
    pub state: ItemState,
    /// The number the item is about (unsourced statistics, vague attributions, …).
    pub count: usize,
    /// One sentence for the reader: what was found and what to do about it.
    pub summary: String,
    /// Indexes into the findings behind this item.
    pub findings: Vec<usize>,
    /// Pieces of text behind this item that are not findings (a link, a byline).
    pub evidence: Vec<String>,
}

/// A move the reader makes by hand and answers with a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ManualItem {
    pub id: &'static str,
    pub title: &'static str,
    pub prompt: &'static str,
}

/// The SIFT moves (Mike Caulfield): stop, investigate the source, find better
/// coverage, trace claims to the original.
pub const MANUAL_ITEMS: [ManualItem; 4] = [
    ManualItem {
        id: "sift-stop",
        title: "Stop",
        prompt: "Before sharing or reacting: what do you already know about this site or author, and what is your reaction based on?",
    },
    ManualItem {
        id: "sift-investigate",
        title: "Investigate the source",
        prompt: "Who published this and what is their expertise and agenda? Look them up outside the article itself.",
    },
    ManualItem {
        id: "sift-find",
        title: "Find better coverage",
        prompt: "Do trusted outlets report the same events and numbers? Note what they say and how it differs.",
    },
    ManualItem {
        id: "sift-trace",
        title: "Trace claims to the original",
        prompt: "Pick the key statistic or quote and find where it first appeared. Was it reported accurately and in context?",
    },
];

/// Loaded-language findings per 100 words (English) or 100 Han characters
/// (Chinese) above which the checklist warns. Wire copy stays well under these;
/// opinion and propaganda pieces run several times higher.
pub const DENSITY_LIMIT_EN: f64 = 1.0;
pub const DENSITY_LIMIT_ZH: f64 = 0.5;

/// Compute the automatic items, in a fixed order.
pub fn automatic(doc: &Document, findings: &[Finding], language: Language) -> Vec<ChecklistItem> {
    vec![
        unsourced_statistics(findings),
        quote_attribution(findings),
        cited_sources(doc, findings),
        author_and_date(doc),
        opinion_label(doc),
        loaded_density(doc, findings, language),
    ]
}

fn indexes_where(findings: &[Finding], keep: impl Fn(&Finding) -> bool) -> Vec<usize> {
    findings
        .iter()
        .enumerate()
        .filter(|(_, f)| keep(f))
        .map(|(i, _)| i)
        .collect()
}

fn unsourced_statistics(findings: &[Finding]) -> ChecklistItem {
    let all = indexes_where(findings, |f| f.kind == Kind::Statistic);
    let unsourced = indexes_where(findings, |f| {
        f.kind == Kind::Statistic && f.status == Status::Unsourced
    });
    let (state, summary) = match (all.len(), unsourced.len()) {
        (0, _) => (ItemState::Pass, "The article offers no statistics as evidence.".to_string()),
        (n, 0) => (ItemState::Pass, format!("All {n} statistics have a source nearby. Check that the source really says so.")),
        (n, u) => (
            ItemState::Warn,
            format!("{u} of {n} statistics have no source in the text. Ask where each number comes from before relying on it."),
        ),
    };
    ChecklistItem {
        id: "unsourced-statistics",
        title: "Statistics without a source",
        state,
        count: unsourced.len(),
        summary,
        findings: if unsourced.is_empty() { all } else { unsourced },
        evidence: Vec::new(),
    }
}

fn quote_attribution(findings: &[Finding]) -> ChecklistItem {
    let speech = |f: &Finding| f.kind == Kind::Quote && f.status != Status::ScareQuote;
    let named = indexes_where(findings, |f| speech(f) && f.status == Status::Attributed);
    let weak = indexes_where(findings, |f| {
        speech(f) && matches!(f.status, Status::VagueAttribution | Status::Unattributed)
    });
    let scare = indexes_where(findings, |f| {
        f.kind == Kind::Quote && f.status == Status::ScareQuote
    });
    let mut summary = match (named.len(), weak.len()) {
        (0, 0) => "The article quotes nobody.".to_string(),
        (n, 0) => format!("All {n} quotes name their speaker."),
        (n, w) => format!(
            "{n} quotes name their speaker; {w} rest on vague or missing attribution (\u{201c}experts say\u{201d}, \u{201c}有人\u{201d}) that a reader cannot check."
        ),
    };
    if !scare.is_empty() {
        summary.push_str(&format!(
            " {} scare quotes put phrases at a distance without a speaker.",
            scare.len()
        ));
    }
    ChecklistItem {
        id: "quote-attribution",
        title: "Named speakers vs. vague attributions",
        state: if weak.is_empty() {
            ItemState::Pass
        } else {
            ItemState::Warn
        },
        count: weak.len(),
        summary,
        findings: if weak.is_empty() { named } else { weak },
        evidence: Vec::new(),
    }
}

fn cited_sources(doc: &Document, findings: &[Finding]) -> ChecklistItem {
    let mut evidence: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !evidence.iter().any(|e| e == s) {
            evidence.push(s.to_string());
        }
    };
    let text = doc.text();
    for url in find_urls(text) {
        add(url);
    }
    for range in doc.paragraphs() {
        let paragraph = &text[range.clone()];
        if source_line_label(paragraph).is_some() {
            add(paragraph);
        }
    }
    for title in bracketed(text, '《', '》') {
        add(title);
    }
    let mut backed = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if let Detail::Statistic {
            source: Some(source),
        } = &f.detail
        {
            add(&source.text);
            backed.push(i);
        }
    }
    let n = evidence.len();
    ChecklistItem {
        id: "cited-sources",
        title: "Sources, links or documents cited",
        state: if n > 0 {
            ItemState::Pass
        } else {
            ItemState::Warn
        },
        count: n,
        summary: if n > 0 {
            format!("The article points to {n} sources, links or documents. Open them: do they say what the article says?")
        } else {
            "The article cites no source, link or document. Its claims can only be checked elsewhere.".to_string()
        },
        findings: backed,
        evidence,
    }
}

fn author_and_date(doc: &Document) -> ChecklistItem {
    let text = doc.text();
    let author = doc
        .paragraphs()
        .iter()
        .map(|r| &text[r.clone()])
        .find_map(byline);
    let date = find_date(text);
    let mut evidence = Vec::new();
    evidence.extend(author.map(str::to_string));
    evidence.extend(date.map(str::to_string));
    let summary = match (author, date) {
        (Some(a), Some(d)) => format!("Author ({a}) and date ({d}) are given."),
        (Some(a), None) => format!("An author is named ({a}) but no date: you cannot tell how current it is."),
        (None, Some(d)) => format!("A date is given ({d}) but no author: nobody answers for the text."),
        (None, None) => "Neither author nor date is given: nobody answers for the text and you cannot tell how current it is.".to_string(),
    };
    let missing = usize::from(author.is_none()) + usize::from(date.is_none());
    ChecklistItem {
        id: "author-and-date",
        title: "Author and date given",
        state: if missing == 0 {
            ItemState::Pass
        } else {
            ItemState::Warn
        },
        count: missing,
        summary,
        findings: Vec::new(),
        evidence,
    }
}

fn opinion_label(doc: &Document) -> ChecklistItem {
    const LABELS: &[&str] = &[
        "opinion:",
        "opinion |",
        "comment:",
        "commentary:",
        "editorial:",
        "analysis:",
        "disclaimer:",
        "personal views",
        "personal opinion",
        "op-ed",
        "views expressed",
        "评论:",
        "评论:",
        "观点:",
        "观点:",
        "社论",
        "声明:",
        "声明:",
        "免责声明",
        "个人观点",
        "評論:",
        "評論:",
        "觀點:",
        "觀點:",
        "個人觀點",
        "免責聲明",
    ];
    let lower = doc.text().to_lowercase();
    let found: Vec<String> = LABELS
        .iter()
        .filter(|l| lower.contains(*l))
        .map(|l| l.trim_end_matches([':', ':', ' ', '|']).to_string())
        .collect();
    ChecklistItem {
        id: "opinion-label",
        title: "Labelled as opinion or with a disclaimer",
        state: if found.is_empty() {
            ItemState::Warn
        } else {
            ItemState::Pass
        },
        count: found.len(),
        summary: if found.is_empty() {
            "Nothing labels this text as opinion or commentary. If it argues a view, readers should be told.".to_string()
        } else {
            format!(
                "The text labels itself ({}). Read it as a view, not as a report.",
                found.join(", ")
            )
        },
        findings: Vec::new(),
        evidence: found,
    }
}

fn loaded_density(doc: &Document, findings: &[Finding], language: Language) -> ChecklistItem {
    let loaded = indexes_where(findings, |f| {
        f.kind == Kind::LoadedLanguage && f.status == Status::AuthorWording
    });
    let (units, unit_name, limit) = match language {
        Language::En => (count_words(doc.text()), "words", DENSITY_LIMIT_EN),
        Language::Zh => (
            doc.text().chars().filter(|c| is_han(*c)).count(),
            "characters",
            DENSITY_LIMIT_ZH,
        ),
    };
    let density = if units == 0 {
        0.0
    } else {
        loaded.len() as f64 * 100.0 / units as f64
    };
    let high = density > limit;
    ChecklistItem {
        id: "loaded-density",
        title: "Loaded-language density",
        state: if high { ItemState::Warn } else { ItemState::Pass },
        count: loaded.len(),
        summary: format!(
            "{} loaded expressions in the author's own words over {units} {unit_name}: {density:.1} per 100 {unit_name} ({}; above {limit:.1} reads as persuasion rather than report).",
            loaded.len(),
            if high { "high" } else { "moderate or low" },
        ),
        findings: loaded,
        evidence: Vec::new(),
    }
}

/// Words: runs of letters or digits outside Han text.
fn count_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’') || is_han(c))
        .filter(|w| !w.is_empty())
        .count()
}

/// URLs written out in the text (http, https or www.), up to white space or a closing bracket.
pub fn find_urls(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(offset) = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| text[rest..].find(p))
        .min()
    {
        let start = rest + offset;
        let len: usize = text[start..]
            .chars()
            .take_while(|c| {
                !c.is_whitespace()
                    && !matches!(c, ')' | ']' | '>' | '"' | '”' | '）' | '】' | '，' | '。')
                    && !is_han(*c)
            })
            .map(char::len_utf8)
            .sum();
        let url = text[start..start + len].trim_end_matches(['.', ',', ';', ':']);
        if url.len() > 4 {
            out.push(url);
        }
        rest = start + len.max(1);
        while !text.is_char_boundary(rest) {
            rest += 1;
        }
    }
    out
}

/// If a paragraph is a source line ("Source: …", "信源:…"), the label it starts with.
pub fn source_line_label(paragraph: &str) -> Option<&'static str> {
    const LABELS: &[&str] = &[
        "source",
        "sources",
        "信源",
        "来源",
        "來源",
        "出处",
        "出處",
        "资料来源",
        "資料來源",
        "数据来源",
        "數據來源",
    ];
    let head: String = paragraph.chars().take(8).collect::<String>().to_lowercase();
    LABELS.iter().copied().find(|l| {
        head.strip_prefix(l)
            .is_some_and(|rest| rest.starts_with([':', ':']))
    })
}

fn bracketed(text: &str, open: char, close: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(open) {
        let after = &rest[i + open.len_utf8()..];
        match after.find(close) {
            Some(j) if j > 0 && after[..j].chars().count() <= 40 => {
                out.push(&rest[i..i + open.len_utf8() + j + close.len_utf8()]);
                rest = &after[j + close.len_utf8()..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A byline paragraph: "By Jane Doe", "Author: …", "作者:…", "记者 …", "文/…".
fn byline(paragraph: &str) -> Option<&str> {
    let p = paragraph.trim();
    if p.chars().count() > 80 {
        return None;
    }
    let lower = p.to_lowercase();
    let english = [
        "by ",
        "author:",
        "written by ",
        "reporter:",
        "reporting by ",
    ]
    .iter()
    .any(|b| {
        lower.starts_with(b)
            && p[b.len()..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    let chinese = [
        "作者",
        "记者",
        "記者",
        "文/",
        "文|",
        "撰文",
        "编辑:",
        "編輯:",
        "责任编辑",
        "責任編輯",
    ]
    .iter()
    .any(|b| p.starts_with(b));
    (english || chinese).then_some(p)
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

/// The first calendar date in the text: "May 11", "11 May 2025", "2025-05-11", "2025年5月11日", "5月11日".
pub fn find_date(text: &str) -> Option<&str> {
    let mut best: Option<(usize, usize)> = None;
    let mut consider = |start: usize, end: usize| {
        if best.is_none_or(|(s, _)| start < s) {
            best = Some((start, end));
        }
    };
    // A capitalised month name followed or preceded by a day number. Matching on
    // ASCII case keeps byte offsets valid (full lowercasing can change lengths).
    for (i, _) in text.char_indices().filter(|(_, c)| c.is_ascii_uppercase()) {
        let Some(month) = MONTHS.iter().find(|m| {
            text.as_bytes()[i..].len() >= m.len()
                && text.as_bytes()[i..i + m.len()].eq_ignore_ascii_case(m.as_bytes())
        }) else {
            continue;
        };
        let from = i + month.len();
        let boundary_before = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphabetic());
        let after = &text[from..];
        let boundary_after =
            month.ends_with('.') || after.chars().next().is_none_or(|c| !c.is_alphabetic());
        if !boundary_before || !boundary_after {
            continue;
        }
        let space_after = after.len() - after.trim_start().len();
        let digits_after = after
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        if (1..=2).contains(&digits_after) {
            consider(i, from + space_after + digits_after);
            continue;
        }
        let before = text[..i].trim_end();
        let digits_before = before
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        if (1..=2).contains(&digits_before) && before.len() < i {
            consider(before.len() - digits_before, from);
        }
    }
    // ISO dates.
    let bytes = text.as_bytes();
    for i in 0..bytes.len().saturating_sub(9) {
        let w = &bytes[i..i + 10];
        if w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
            && w[8..10].iter().all(u8::is_ascii_digit)
        {
            consider(i, i + 10);
            break;
        }
    }
    // Chinese dates: digits + 月 + digits + 日 (optionally led by a year).
    let mut from = 0;
    while let Some(i) = text[from..].find('月').map(|i| i + from) {
        from = i + '月'.len_utf8();
        let month_digits = text[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '０'..='９'))
            .count();
        let day: String = text[from..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '０'..='９'))
            .collect();
        let after_day = from + day.len();
        if (1..=2).contains(&month_digits)
            && !day.is_empty()
            && day.chars().count() <= 2
            && text[after_day..].starts_with(['日', '号', '號'])
        {
            let mut start = i - month_digits;
            if text[..start].ends_with('年') {
                let year_start = text[..start - '年'.len_utf8()]
                    .trim_end_matches(|c: char| c.is_ascii_digit())
                    .len();
                start = year_start;
            }
            consider(start, after_day + '日'.len_utf8());
            break;
        }
    }
    best.map(|(s, e)| text[s..e].trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{SourceReach, SourceRef, Span};

    fn stat(status: Status, source: Option<&str>) -> Finding {
        Finding {
            kind: Kind::Statistic,
            status,
            span: Span::new(0, 1),
            rule_id: "stat.count".into(),
            explanation: String::new(),
            detail: Detail::Statistic {
                source: source.map(|s| SourceRef {
                    text: s.into(),
                    span: Span::new(0, 1),
                    reach: SourceReach::SameSentence,
                }),
            },
        }
    }

    fn item<'a>(items: &'a [ChecklistItem], id: &str) -> &'a ChecklistItem {
        items.iter().find(|i| i.id == id).unwrap()
    }

    #[test]
    fn unsourced_statistics_warn_and_point_at_findings() {
        let findings = vec![
            stat(Status::Sourced, Some("the IMF")),
            stat(Status::Unsourced, None),
            stat(Status::Unsourced, None),
        ];
        let items = automatic(&Document::new("x"), &findings, Language::En);
        let it = item(&items, "unsourced-statistics");
        assert_eq!(
            (it.state, it.count, it.findings.clone()),
            (ItemState::Warn, 2, vec![1, 2])
        );
        let cited = item(&items, "cited-sources");
        assert_eq!(cited.evidence, vec!["the IMF".to_string()]);
        let none = automatic(
            &Document::new("x"),
            &[stat(Status::Sourced, Some("the IMF"))],
            Language::En,
        );
        assert_eq!(item(&none, "unsourced-statistics").state, ItemState::Pass);
    }

    #[test]
    fn links_source_lines_and_titles_count_as_cited() {
        let text = "He wrote in 《自然》 about it.\nSee https://example.org/a?b=1. Then more.\nSource: Ministry of Trade";
        let items = automatic(&Document::new(text), &[], Language::En);
        let cited = item(&items, "cited-sources");
        assert_eq!(cited.state, ItemState::Pass);
        assert_eq!(
            cited.evidence,
            vec![
                "https://example.org/a?b=1",
                "Source: Ministry of Trade",
                "《自然》"
            ]
        );
        let bare = automatic(
            &Document::new("Nothing here but claims."),
            &[],
            Language::En,
        );
        assert_eq!(item(&bare, "cited-sources").state, ItemState::Warn);
    }

    #[test]
    fn author_and_date() {
        let check = |text: &str, expected: (Option<&str>, Option<&str>)| {
            let doc = Document::new(text);
            let author = doc
                .paragraphs()
                .iter()
                .map(|r| &text[r.clone()])
                .find_map(byline);
            assert_eq!((author, find_date(text)), expected, "{text}");
        };
        check(
            "By Jane Doe\nOn May 11, 2025 the council met.",
            (Some("By Jane Doe"), Some("May 11")),
        );
        check("The council met on 3 March.", (None, Some("3 March")));
        check(
            "记者 王明\n2024年5月11日,会议召开。",
            (Some("记者 王明"), Some("2024年5月11日")),
        );
        check(
            "Published 2025-01-30 by nobody.",
            (None, Some("2025-01-30")),
        );
        check("By the way, in May we may go.", (None, None));
        check("He may 11 times say so; mayor 12.", (None, None));
    }

    #[test]
    fn opinion_label_detected_in_both_languages() {
        for (text, state) in [
            ("Comment: this is bad.", ItemState::Pass),
            (
                "Disclaimer: This article solely represents the author's personal views.",
                ItemState::Pass,
            ),
            ("免责声明:本文仅代表作者个人观点。", ItemState::Pass),
            ("The council met on Tuesday.", ItemState::Warn),
        ] {
            assert_eq!(
                item(
                    &automatic(&Document::new(text), &[], Language::En),
                    "opinion-label"
                )
                .state,
                state,
                "{text}"
            );
        }
    }

    #[test]
    fn density_counts_words_or_han_characters() {
        let loaded = |n: usize| -> Vec<Finding> {
            (0..n)
                .map(|_| Finding {
                    kind: Kind::LoadedLanguage,
                    status: Status::AuthorWording,
                    span: Span::new(0, 1),
                    rule_id: "x".into(),
                    explanation: String::new(),
                    detail: Detail::Loaded {
                        category: "sensational".into(),
                        alternative: String::new(),
                    },
                })
                .collect()
        };
        let words = "word ".repeat(200);
        assert_eq!(
            item(
                &automatic(&Document::new(&words), &loaded(2), Language::En),
                "loaded-density"
            )
            .state,
            ItemState::Pass
        );
        assert_eq!(
            item(
                &automatic(&Document::new(&words), &loaded(3), Language::En),
                "loaded-density"
            )
            .state,
            ItemState::Warn
        );
        let han = "字".repeat(200);
        assert_eq!(
            item(
                &automatic(&Document::new(&han), &loaded(2), Language::Zh),
                "loaded-density"
            )
            .state,
            ItemState::Warn
        );
        assert_eq!(count_words("Huawei's 5G phones, and AI."), 5);
    }

    #[test]
    fn urls_stop_at_punctuation_and_never_panic() {
        assert_eq!(
            find_urls("see https://a.org/x, or www.b.cn。"),
            vec!["https://a.org/x", "www.b.cn"]
        );
        assert!(find_urls("www").is_empty());
        assert_eq!(find_urls("http://é😀"), vec!["http://é😀"]);
    }

    #[test]
    fn source_lines() {
        assert_eq!(source_line_label("Source: https://x"), Some("source"));
        assert_eq!(source_line_label("信源:中科曙光官方公告"), Some("信源"));
        assert_eq!(source_line_label("Sourcing matters: a lot"), None);
    }
}
