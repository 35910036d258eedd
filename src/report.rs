//! Reports: the annotated article as one self-contained HTML file (for reading
//! offline, handing in, printing) and as a Markdown summary (for pasting into a
//! forum, a wiki or an e-mail).
//!
//! Both are views of the same `AnnotatedArticle`, like the page and the annotation
//! file. The article and everything the reader typed is untrusted text: every
//! piece of it goes through [`escape_html`] (or [`escape_markdown_inline`]), and
//! the HTML file carries a Content-Security-Policy that forbids scripts and any
//! network request, so even a mistake here could not make it run code or phone
//! home. It needs no scripts and loads nothing: the styles are inline and the
//! marker symbols are text.

use crate::analysis::{Detail, ItemState, Kind, Span, Status, MANUAL_ITEMS};
use crate::article::{AnnotatedArticle, Answer, ChecklistAnswer, Review, ReviewedFinding};

/// The report as one HTML file that opens in any browser without a network.
pub fn html(article: &AnnotatedArticle) -> String {
    let mut out = String::with_capacity(article.text.len() * 2 + 24_000);
    let title = title_line(&article.text);
    let lang = article.language.code();

    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Defence in depth: even if some text escaped escaping, the browser would
    // refuse to run it or to fetch anything.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'\">\n");
    out.push_str("<meta name=\"generator\" content=\"Sourcelight\">\n");
    out.push_str(&format!(
        "<title>Sourcelight report: {}</title>\n",
        escape_html(&title)
    ));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");

    header_html(article, &title, &mut out);

    out.push_str("<main>\n");
    out.push_str("<section id=\"article\" aria-labelledby=\"article-heading\">\n<h2 id=\"article-heading\">Article</h2>\n");
    legend_html(&mut out);
    out.push_str(&format!(
        "<div class=\"article-text\" lang=\"{}\">",
        escape_html(lang)
    ));
    article_text_html(article, &mut out);
    out.push_str("</div>\n</section>\n");

    findings_html(article, &mut out);
    checklist_html(article, &mut out);
    notes_html(article, &mut out);
    dismissed_html(article, &mut out);
    out.push_str("</main>\n");

    out.push_str("<footer>\n<p>Made with Sourcelight, which runs entirely on the reader\u{2019}s own device. The highlights are prompts for the reader\u{2019}s own judgement, not verdicts: a loaded word can be fair, and an unsourced number can be true.</p>\n</footer>\n");
    out.push_str("</body>\n</html>\n");
    out
}

/// The report as Markdown: a readable summary with the findings, checklist and notes.
pub fn markdown(article: &AnnotatedArticle) -> String {
    let mut out = String::with_capacity(article.text.len() + 8_000);
    let counts = Counts::of(article);
    out.push_str("# Sourcelight report\n\n");
    out.push_str(&format!(
        "**Article:** {}  \n",
        escape_markdown_inline(&title_line(&article.text))
    ));
    out.push_str(&format!(
        "**Language:** {} ({})  \n",
        article.language.name(),
        if article.language_override {
            "chosen by the reader"
        } else {
            "detected"
        }
    ));
    out.push_str(&format!("**Findings:** {}  \n", counts.sentence()));
    out.push_str(&format!(
        "**Length:** {} characters\n\n",
        article.text.chars().count()
    ));

    for kind in Kind::ALL {
        let found: Vec<(usize, &ReviewedFinding)> = present(article)
            .filter(|(_, f)| f.finding.kind == kind)
            .collect();
        out.push_str(&format!("## {} ({})\n\n", plural_label(kind), found.len()));
        if found.is_empty() {
            out.push_str("None found.\n\n");
            continue;
        }
        for (index, reviewed) in found {
            let finding = &reviewed.finding;
            // A bullet with the number written out: an ordered Markdown list would
            // renumber 3, 5, 8 as 3, 4, 5, and the numbers must match the HTML
            // report's and the app's.
            out.push_str(&format!(
                "- **{}.** \u{201c}{}\u{201d} \u{2014} *{}*",
                index + 1,
                escape_markdown_inline(&quote(article, finding.span)),
                finding.status.label()
            ));
            if reviewed.review == Review::Confirmed {
                out.push_str(" (confirmed by the reader)");
            }
            out.push_str(&format!(
                ". {}",
                escape_markdown_inline(&finding.explanation)
            ));
            for line in detail_lines(&finding.detail) {
                out.push_str("  \n  ");
                out.push_str(&escape_markdown_inline(&line));
            }
            out.push('\n');
        }
        out.push('\n');
    }

    out.push_str("## Checklist\n\n");
    for item in article.checklist() {
        let (icon, word) = state_words(item.state);
        out.push_str(&format!(
            "- {icon} **{}: {}** ({}). {}",
            word,
            escape_markdown_inline(item.title),
            item.count,
            escape_markdown_inline(&item.summary)
        ));
        push_markdown_answer(&article.answer(item.id), false, &mut out);
        out.push('\n');
    }
    out.push_str("\n### SIFT: checks to do by hand\n\n");
    for item in MANUAL_ITEMS {
        out.push_str(&format!(
            "- **{}** \u{2014} {}",
            escape_markdown_inline(item.title),
            escape_markdown_inline(item.prompt)
        ));
        push_markdown_answer(&article.answer(item.id), true, &mut out);
        out.push('\n');
    }
    out.push('\n');

    out.push_str("## Notes\n\n");
    if article.notes.is_empty() {
        out.push_str("No notes.\n\n");
    }
    for note in &article.notes {
        let on = match note.span {
            Some(span) => format!(
                "on \u{201c}{}\u{201d}",
                escape_markdown_inline(&quote(article, span))
            ),
            None => "on the whole article".to_string(),
        };
        out.push_str(&format!(
            "- **{}** ({on}):  \n{}\n",
            escape_markdown_inline(&note.label),
            escape_markdown_block(&note.body, "  ")
        ));
    }
    if !article.notes.is_empty() {
        out.push('\n');
    }

    let dismissed: Vec<(usize, &ReviewedFinding)> = dismissed(article).collect();
    if !dismissed.is_empty() {
        out.push_str(&format!("## Dismissed findings ({})\n\n", dismissed.len()));
        for (_, reviewed) in dismissed {
            let reason = match &reviewed.review {
                Review::Rejected { reason } => reason.as_str(),
                _ => "",
            };
            out.push_str(&format!(
                "- ~~\u{201c}{}\u{201d}~~ ({}, {}). Reason: {}\n",
                escape_markdown_inline(&quote(article, reviewed.finding.span)),
                reviewed.finding.kind.label(),
                reviewed.finding.status.label(),
                if reason.trim().is_empty() {
                    "none given".to_string()
                } else {
                    escape_markdown_inline(reason)
                }
            ));
        }
        out.push('\n');
    }
    out
}

/// Escape text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escape text for use inside one Markdown line: every character that could start
/// emphasis, a link, code, a table cell, raw HTML or an entity gets a backslash
/// (CommonMark then shows it literally), and line breaks become spaces.
pub fn escape_markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut last_was_space = false;
    for c in text.chars() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            if !last_was_space {
                out.push(' ');
            }
            last_was_space = true;
            continue;
        }
        last_was_space = c == ' ';
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escape a multi-line text as a Markdown block indented by `indent`: each line is
/// escaped as inline text, and a line that would start a list, heading, quote or
/// rule is defused with a backslash.
fn escape_markdown_block(text: &str, indent: &str) -> String {
    text.lines()
        .map(|line| {
            let escaped = escape_markdown_inline(line.trim_end());
            format!("{indent}{}", defuse_line_start(escaped.trim_start()))
        })
        .collect::<Vec<_>>()
        // Two trailing spaces: a hard line break, so the lines stay lines.
        .join("  \n")
}

/// Escape the marker of a line Markdown would read as a list item or a heading
/// underline ("- x", "+ x", "=", "12. x", "3) x"); `*` and `#` are escaped
/// everywhere already.
fn defuse_line_start(line: &str) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

fn push_markdown_answer(answer: &ChecklistAnswer, always: bool, out: &mut String) {
    if answer.answer != Answer::Unanswered || always {
        out.push_str(&format!(
            " \u{2014} *Answer:* {}",
            answer_word(answer.answer)
        ));
    }
    if !answer.note.trim().is_empty() {
        out.push_str("  \n");
        out.push_str(&escape_markdown_block(&answer.note, "  "));
    }
}

/// The findings the reader has not dismissed, with their index in `article.findings`.
fn present(article: &AnnotatedArticle) -> impl Iterator<Item = (usize, &ReviewedFinding)> {
    article
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| !matches!(f.review, Review::Rejected { .. }))
}

fn dismissed(article: &AnnotatedArticle) -> impl Iterator<Item = (usize, &ReviewedFinding)> {
    article
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.review, Review::Rejected { .. }))
}

/// The words of `span` in the article (clamped to the text).
fn quote(article: &AnnotatedArticle, span: Span) -> String {
    crate::analysis::text::slice_chars(&article.text, span)
}

/// The first non-blank line of the article, shortened, as its title.
fn title_line(text: &str) -> String {
    const MAX_CHARS: usize = 100;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("(empty article)");
    if line.chars().count() > MAX_CHARS {
        let mut short: String = line.chars().take(MAX_CHARS).collect();
        short.push('\u{2026}');
        short
    } else {
        line.to_string()
    }
}

fn plural_label(kind: Kind) -> &'static str {
    match kind {
        Kind::LoadedLanguage => "Loaded language",
        Kind::Statistic => "Statistics",
        Kind::Quote => "Quotes",
    }
}

/// The second cue of each kind, as in the app: the marker symbol.
fn marker(kind: Kind) -> &'static str {
    match kind {
        Kind::LoadedLanguage => "!",
        Kind::Statistic => "#",
        Kind::Quote => "\u{275d}",
    }
}

fn state_words(state: ItemState) -> (&'static str, &'static str) {
    match state {
        ItemState::Pass => ("\u{2713}", "Pass"),
        ItemState::Warn => ("\u{26a0}", "Warning"),
    }
}

fn answer_word(answer: Answer) -> &'static str {
    match answer {
        Answer::Unanswered => "not answered",
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unsure => "unsure",
    }
}

/// Statuses that mean weaker sourcing; they get the wavy line, as in the app.
fn is_weak(status: Status) -> bool {
    matches!(
        status,
        Status::Unsourced | Status::VagueAttribution | Status::Unattributed
    )
}

/// Lines about a finding's kind-specific details, in plain text (to be escaped).
fn detail_lines(detail: &Detail) -> Vec<String> {
    match detail {
        Detail::Loaded {
            category,
            alternative,
        } => {
            let mut lines = Vec::new();
            if !alternative.trim().is_empty() {
                lines.push(format!("Neutral alternative: {alternative}"));
            }
            if !category.trim().is_empty() {
                lines.push(format!("Category: {category}"));
            }
            lines
        }
        Detail::Statistic {
            source: Some(source),
        } => vec![format!(
            "Source: \u{201c}{}\u{201d} ({})",
            source.text,
            source.reach.label()
        )],
        Detail::Statistic { source: None } => vec!["Source: none found in the text".to_string()],
        Detail::Quote { form, speaker, cue } => {
            let form = match form {
                crate::analysis::QuoteForm::Direct => "Direct quote",
                crate::analysis::QuoteForm::Reported => "Reported speech",
            };
            let mut line = match speaker {
                Some(speaker) => format!(
                    "{form}; speaker: \u{201c}{}\u{201d} ({})",
                    speaker.text,
                    if speaker.named { "named" } else { "vague" }
                ),
                None => format!("{form}; no speaker named"),
            };
            if let Some(cue) = cue {
                line.push_str(&format!("; cue: \u{201c}{cue}\u{201d}"));
            }
            vec![line]
        }
    }
}

/// Counts for the summary line.
struct Counts {
    by_kind: [usize; 3],
    unsourced: usize,
    weak_quotes: usize,
    dismissed: usize,
}

impl Counts {
    fn of(article: &AnnotatedArticle) -> Counts {
        let mut counts = Counts {
            by_kind: [0; 3],
            unsourced: 0,
            weak_quotes: 0,
            dismissed: dismissed(article).count(),
        };
        for (_, reviewed) in present(article) {
            let finding = &reviewed.finding;
            let slot = Kind::ALL
                .iter()
                .position(|k| *k == finding.kind)
                .unwrap_or(0);
            counts.by_kind[slot] += 1;
            match finding.status {
                Status::Unsourced => counts.unsourced += 1,
                Status::VagueAttribution | Status::Unattributed => counts.weak_quotes += 1,
                _ => {}
            }
        }
        counts
    }

    fn sentence(&self) -> String {
        let [loaded, statistics, quotes] = self.by_kind;
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut sentence = format!(
            "{} \u{2014} {}, {} ({} without a source), {} ({} with a vague or no speaker)",
            loaded + statistics + quotes,
            plural(loaded, "loaded expression", "loaded expressions"),
            plural(statistics, "statistic", "statistics"),
            self.unsourced,
            plural(quotes, "quote", "quotes"),
            self.weak_quotes
        );
        if self.dismissed > 0 {
            sentence.push_str(&format!("; {} dismissed by the reader", self.dismissed));
        }
        sentence
    }
}

fn header_html(article: &AnnotatedArticle, title: &str, out: &mut String) {
    let counts = Counts::of(article);
    out.push_str("<header>\n<p class=\"kicker\">Sourcelight report</p>\n");
    out.push_str(&format!(
        "<h1 lang=\"{}\">{}</h1>\n",
        escape_html(article.language.code()),
        escape_html(title)
    ));
    out.push_str("<dl class=\"summary\">\n");
    out.push_str(&format!(
        "<div><dt>Language</dt><dd>{} ({})</dd></div>\n",
        escape_html(article.language.name()),
        if article.language_override {
            "chosen by the reader"
        } else {
            "detected"
        }
    ));
    out.push_str(&format!(
        "<div><dt>Length</dt><dd>{} characters</dd></div>\n",
        article.text.chars().count()
    ));
    out.push_str(&format!(
        "<div><dt>Findings</dt><dd>{}</dd></div>\n",
        escape_html(&counts.sentence())
    ));
    out.push_str(&format!(
        "<div><dt>Reader\u{2019}s notes</dt><dd>{}</dd></div>\n",
        article.notes.len()
    ));
    out.push_str("</dl>\n");
    out.push_str("<nav aria-label=\"Contents\"><ul>");
    for (id, label) in [
        ("article", "Article"),
        ("findings", "Findings"),
        ("checklist", "Checklist"),
        ("notes", "Notes"),
        ("dismissed", "Dismissed findings"),
    ] {
        out.push_str(&format!("<li><a href=\"#{id}\">{label}</a></li>"));
    }
    out.push_str("</ul></nav>\n</header>\n");
}

fn legend_html(out: &mut String) {
    out.push_str("<ul class=\"legend\" aria-label=\"Key to the highlights\">\n");
    let samples = [
        (
            Kind::LoadedLanguage,
            Status::AuthorWording,
            "loaded",
            "Loaded language: solid underline, marked !",
        ),
        (
            Kind::Statistic,
            Status::Sourced,
            "42%",
            "Statistic: double underline, marked #",
        ),
        (
            Kind::Quote,
            Status::Attributed,
            "\u{201c}said\u{201d}",
            "Quote: dashed box, marked \u{275d}",
        ),
        (
            Kind::Statistic,
            Status::Unsourced,
            "no source",
            "Wavy line: no source, or a vague or missing speaker",
        ),
    ];
    for (kind, status, sample, text) in samples {
        out.push_str(&format!(
            "<li><mark class=\"finding first{}\" data-kind=\"{}\" data-status=\"{}\">{}</mark> {}</li>\n",
            if is_weak(status) { " weak" } else { "" },
            kind.as_str(),
            status.as_str(),
            escape_html(sample),
            escape_html(text)
        ));
    }
    out.push_str("</ul>\n<p class=\"hint\">The small number after a highlight leads to its entry under Findings.</p>\n");
}

/// A highlight that is open while the text is written out.
struct OpenMark<'a> {
    /// Position in `article.findings`.
    index: usize,
    end: usize,
    finding: &'a ReviewedFinding,
}

/// The article text with `<mark>`s: sorted by start ascending, end descending, a
/// contained finding nests inside its container; a finding that only partly
/// overlaps an open one is closed with it and reopened after it (a continuation
/// piece, without the marker), because HTML elements must nest.
fn article_text_html(article: &AnnotatedArticle, out: &mut String) {
    let text = article.text.as_str();
    // Byte offset of each code point, plus the end.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let len = bytes.len();
    bytes.push(text.len());
    let slice = |from: usize, to: usize| {
        &text[bytes[from.min(len)]..bytes[to.min(len)].max(bytes[from.min(len)])]
    };

    let mut marks: Vec<(usize, &ReviewedFinding)> = present(article)
        .filter(|(_, f)| f.finding.span.start < f.finding.span.end.min(len))
        .collect();
    marks.sort_by_key(|(index, f)| {
        (
            f.finding.span.start,
            std::cmp::Reverse(f.finding.span.end.min(len)),
            f.finding.kind,
            *index,
        )
    });

    let mut pos = 0;
    let mut stack: Vec<OpenMark> = Vec::new();
    let close_until =
        |target: usize, pos: &mut usize, stack: &mut Vec<OpenMark>, out: &mut String| {
            while let Some(end) = stack.iter().map(|m| m.end).min() {
                if end > target {
                    break;
                }
                out.push_str(&escape_html(slice(*pos, end)));
                *pos = end;
                let outermost = stack.iter().position(|m| m.end == end).unwrap_or(0);
                let closing = stack.split_off(outermost);
                for mark in closing.iter().rev() {
                    out.push_str("</mark>");
                    if mark.end == end {
                        push_reference(mark, out);
                    }
                }
                for mark in closing.into_iter().filter(|m| m.end > end) {
                    push_open_mark(&mark, false, out);
                    stack.push(mark);
                }
            }
        };
    for (index, finding) in marks {
        let start = finding.finding.span.start;
        close_until(start, &mut pos, &mut stack, out);
        out.push_str(&escape_html(slice(pos, start)));
        pos = start;
        let mark = OpenMark {
            index,
            end: finding.finding.span.end.min(len),
            finding,
        };
        push_open_mark(&mark, true, out);
        stack.push(mark);
    }
    close_until(len, &mut pos, &mut stack, out);
    out.push_str(&escape_html(slice(pos, len)));
}

fn push_open_mark(mark: &OpenMark, first_piece: bool, out: &mut String) {
    let finding = &mark.finding.finding;
    let mut class = String::from("finding");
    if first_piece {
        class.push_str(" first");
    }
    if is_weak(finding.status) {
        class.push_str(" weak");
    }
    out.push_str(&format!(
        "<mark class=\"{class}\" data-kind=\"{}\" data-status=\"{}\" data-finding=\"{}\" title=\"{}\">",
        finding.kind.as_str(),
        finding.status.as_str(),
        mark.index + 1,
        escape_html(&format!(
            "{}. {} ({}): {}",
            mark.index + 1,
            finding.kind.label(),
            finding.status.label(),
            finding.explanation
        ))
    ));
}

/// The number after a highlight, linking to its entry in the findings list: it
/// ties the text to the list on paper too.
fn push_reference(mark: &OpenMark, out: &mut String) {
    out.push_str(&format!(
        "<sup class=\"ref\" data-kind=\"{}\"><a href=\"#finding-{n}\" aria-label=\"finding {n}\">{n}</a></sup>",
        mark.finding.finding.kind.as_str(),
        n = mark.index + 1
    ));
}

fn findings_html(article: &AnnotatedArticle, out: &mut String) {
    out.push_str("<section id=\"findings\" aria-labelledby=\"findings-heading\">\n<h2 id=\"findings-heading\">Findings</h2>\n");
    for kind in Kind::ALL {
        let found: Vec<(usize, &ReviewedFinding)> = present(article)
            .filter(|(_, f)| f.finding.kind == kind)
            .collect();
        out.push_str(&format!(
            "<h3 data-kind=\"{}\"><span class=\"symbol\" aria-hidden=\"true\">{}</span> {} <span class=\"count\">({})</span></h3>\n",
            kind.as_str(),
            marker(kind),
            plural_label(kind),
            found.len()
        ));
        if found.is_empty() {
            out.push_str("<p class=\"none\">None found.</p>\n");
            continue;
        }
        let by_status: Vec<String> = Status::ALL
            .iter()
            .filter(|s| s.valid_for(kind))
            .map(|s| {
                let n = found.iter().filter(|(_, f)| f.finding.status == *s).count();
                format!("{n} {}", s.label())
            })
            .collect();
        out.push_str(&format!(
            "<p class=\"breakdown\">{}</p>\n<ol class=\"findings\">\n",
            escape_html(&by_status.join(", "))
        ));
        for (index, reviewed) in found {
            finding_entry_html(article, index, reviewed, out);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn finding_entry_html(
    article: &AnnotatedArticle,
    index: usize,
    reviewed: &ReviewedFinding,
    out: &mut String,
) {
    let finding = &reviewed.finding;
    out.push_str(&format!(
        "<li id=\"finding-{n}\" data-kind=\"{}\" value=\"{n}\">\n<p class=\"head\"><q lang=\"{}\">{}</q> <span class=\"status{}\" data-status=\"{}\">{}</span>",
        finding.kind.as_str(),
        escape_html(article.language.code()),
        escape_html(&quote(article, finding.span)),
        if is_weak(finding.status) { " weak" } else { "" },
        finding.status.as_str(),
        escape_html(finding.status.label()),
        n = index + 1
    ));
    if reviewed.review == Review::Confirmed {
        out.push_str(" <span class=\"review\">\u{2714} confirmed by the reader</span>");
    }
    out.push_str("</p>\n");
    out.push_str(&format!(
        "<p class=\"explanation\">{}</p>\n",
        escape_html(&finding.explanation)
    ));
    for line in detail_lines(&finding.detail) {
        out.push_str(&format!("<p class=\"detail\">{}</p>\n", escape_html(&line)));
    }
    out.push_str(&format!(
        "<p class=\"rule\">Rule <code>{}</code></p>\n</li>\n",
        escape_html(&finding.rule_id)
    ));
}

fn checklist_html(article: &AnnotatedArticle, out: &mut String) {
    out.push_str("<section id=\"checklist\" aria-labelledby=\"checklist-heading\">\n<h2 id=\"checklist-heading\">Checklist</h2>\n");
    out.push_str("<h3>Automatic checks</h3>\n<ul class=\"checklist\">\n");
    for item in article.checklist() {
        let (icon, word) = state_words(item.state);
        out.push_str(&format!(
            "<li data-state=\"{}\">\n<p class=\"head\"><span class=\"state\"><span aria-hidden=\"true\">{icon}</span> {word}</span> <strong>{}</strong> <span class=\"count\">({})</span></p>\n<p>{}</p>\n",
            item.state.as_str(),
            escape_html(item.title),
            item.count,
            escape_html(&item.summary)
        ));
        if !item.evidence.is_empty() {
            out.push_str("<ul class=\"evidence\">");
            for evidence in &item.evidence {
                out.push_str(&format!("<li>{}</li>", escape_html(evidence)));
            }
            out.push_str("</ul>\n");
        }
        if !item.findings.is_empty() {
            let links: Vec<String> = item
                .findings
                .iter()
                .map(|i| format!("<a href=\"#finding-{n}\">{n}</a>", n = i + 1))
                .collect();
            out.push_str(&format!(
                "<p class=\"see\">See finding{} {}</p>\n",
                if links.len() == 1 { "" } else { "s" },
                links.join(", ")
            ));
        }
        let answer = article.answer(item.id);
        if answer.answer != Answer::Unanswered || !answer.note.trim().is_empty() {
            answer_html(&answer, out);
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    out.push_str("<h3>SIFT: checks to do by hand</h3>\n<ul class=\"checklist manual\">\n");
    for item in MANUAL_ITEMS {
        out.push_str(&format!(
            "<li>\n<p class=\"head\"><strong>{}</strong></p>\n<p class=\"prompt\">{}</p>\n",
            escape_html(item.title),
            escape_html(item.prompt)
        ));
        answer_html(&article.answer(item.id), out);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn answer_html(answer: &ChecklistAnswer, out: &mut String) {
    out.push_str(&format!(
        "<p class=\"answer\">Reader\u{2019}s answer: <strong data-answer=\"{}\">{}</strong></p>\n",
        answer.answer.as_str(),
        answer_word(answer.answer)
    ));
    if !answer.note.trim().is_empty() {
        out.push_str(&format!(
            "<blockquote class=\"reader-note\">{}</blockquote>\n",
            escape_html(&answer.note)
        ));
    }
}

fn notes_html(article: &AnnotatedArticle, out: &mut String) {
    out.push_str("<section id=\"notes\" aria-labelledby=\"notes-heading\">\n<h2 id=\"notes-heading\">Reader\u{2019}s notes</h2>\n");
    if article.notes.is_empty() {
        out.push_str("<p class=\"none\">No notes.</p>\n</section>\n");
        return;
    }
    out.push_str("<ul class=\"notes\">\n");
    for note in &article.notes {
        out.push_str(&format!(
            "<li>\n<p class=\"head\"><span class=\"label\">{}</span> ",
            escape_html(&note.label)
        ));
        match note.span {
            Some(span) => out.push_str(&format!(
                "on <q lang=\"{}\">{}</q>",
                escape_html(article.language.code()),
                escape_html(&quote(article, span))
            )),
            None => out.push_str("on the whole article"),
        }
        out.push_str(&format!(
            "</p>\n<blockquote class=\"reader-note\">{}</blockquote>\n</li>\n",
            escape_html(&note.body)
        ));
    }
    out.push_str("</ul>\n</section>\n");
}

fn dismissed_html(article: &AnnotatedArticle, out: &mut String) {
    let dismissed: Vec<(usize, &ReviewedFinding)> = dismissed(article).collect();
    out.push_str(&format!(
        "<section id=\"dismissed\" aria-labelledby=\"dismissed-heading\">\n<h2 id=\"dismissed-heading\">Dismissed findings <span class=\"count\">({})</span></h2>\n",
        dismissed.len()
    ));
    if dismissed.is_empty() {
        out.push_str("<p class=\"none\">The reader dismissed none of the automatic findings.</p>\n</section>\n");
        return;
    }
    out.push_str("<p class=\"hint\">Findings the reader judged to be false alarms, with their reasons. They are left out of the highlights, counts and checklist above.</p>\n<ul class=\"dismissed\">\n");
    for (index, reviewed) in dismissed {
        let finding = &reviewed.finding;
        let reason = match &reviewed.review {
            Review::Rejected { reason } if !reason.trim().is_empty() => escape_html(reason),
            _ => "none given".to_string(),
        };
        out.push_str(&format!(
            "<li id=\"finding-{}\" data-kind=\"{}\"><p class=\"head\"><del lang=\"{}\">{}</del> <span class=\"meta\">{}, {}</span></p>\n<p class=\"explanation\"><del>{}</del></p>\n<p class=\"reason\">Reason: {reason}</p></li>\n",
            index + 1,
            finding.kind.as_str(),
            escape_html(article.language.code()),
            escape_html(&quote(article, finding.span)),
            escape_html(finding.kind.label()),
            escape_html(finding.status.label()),
            escape_html(&finding.explanation)
        ));
    }
    out.push_str("</ul>\n</section>\n");
}

/// The report's styles. Colours mirror the app (styles/app.css) and every kind
/// also has a line style and a marker symbol, so the highlights stay apart in
/// greyscale and for colour-blind readers. No `url(...)` anywhere: nothing loads.
const STYLE: &str = r##":root {
  --ink: #1b1f24; --ink-soft: #4a525c; --rule: #d5d9df; --paper: #ffffff;
  --loaded-bg: #fde4d6; --loaded-line: #b23c00;
  --stat-bg: #dce9ff; --stat-line: #1d4fb8;
  --quote-bg: #f0e8ff; --quote-line: #6a3db5;
  --weak-line: #b00020; --pass: #1d6b35; --warn: #8a4b00;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  --serif: Charter, "Iowan Old Style", Georgia, Cambria, "Noto Serif", "Songti SC",
    "Noto Serif CJK SC", "SimSun", serif;
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 50rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink);
  background: var(--paper); font: 1rem/1.55 var(--sans); }
h1 { font: 700 1.6rem/1.25 var(--serif); margin: 0.2rem 0 0.8rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: var(--ink-soft); }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
.summary div { display: contents; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; padding: 0; margin: 0; font-size: 0.9rem; }
a { color: #0b57d0; }
.hint, .none, .breakdown, .rule, .see, .meta { color: var(--ink-soft); font-size: 0.88rem; }
.article-text { font: 1.08rem/1.9 var(--serif); white-space: pre-wrap; overflow-wrap: break-word;
  border: 1px solid var(--rule); border-radius: 6px; padding: 1rem 1.2rem; }
.article-text:lang(zh) { font-family: var(--sans); line-height: 2.1; }
mark { background: none; color: inherit; }
mark.finding { border-radius: 2px; padding: 0.05em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.finding[data-kind="loaded-language"] { background: var(--loaded-bg); border-bottom: 3px solid var(--loaded-line); }
mark.finding[data-kind="loaded-language"][data-status="quoted-wording"] { border-bottom-width: 2px; background: #fdf0e8; }
mark.finding[data-kind="statistic"] { background: var(--stat-bg); border-bottom: 4px double var(--stat-line); }
mark.finding[data-kind="quote"] { background: var(--quote-bg); border: 1.5px dashed var(--quote-line); padding: 0.05em 0.12em 0.22em; }
mark.finding[data-kind="quote"] mark.finding[data-kind="quote"] { background: #e6dafc; }
mark.finding[data-status="scare-quote"] { border-style: dotted; border-width: 2px; }
mark.finding.weak { text-decoration: underline wavy var(--weak-line); text-decoration-thickness: 1.5px;
  text-underline-offset: 0.3em; text-decoration-skip-ink: none; }
mark.finding.first::before { display: inline-block; font: 700 0.62rem/1 var(--sans); color: #fff;
  border-radius: 3px; padding: 0.15em 0.3em; margin-right: 0.15em; vertical-align: 0.5em; text-decoration: none; }
mark.finding.first[data-kind="loaded-language"]::before { content: "!"; background: var(--loaded-line); }
mark.finding.first[data-kind="statistic"]::before { content: "#"; background: var(--stat-line); }
mark.finding.first[data-kind="quote"]::before { content: "\275D"; background: var(--quote-line); }
sup.ref { font: 600 0.62rem/1 var(--sans); margin: 0 0.1em; }
sup.ref a { color: var(--ink-soft); text-decoration: none; }
.legend { list-style: none; padding: 0; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; font-size: 0.9rem; }
.legend mark { font-family: var(--serif); }
ol.findings, ul.checklist, ul.notes, ul.dismissed { padding-left: 0; list-style: none; }
ol.findings > li, ul.checklist > li, ul.notes > li, ul.dismissed > li {
  border: 1px solid var(--rule); border-left-width: 5px; border-radius: 4px; padding: 0.5rem 0.8rem; margin: 0 0 0.6rem; }
ol.findings > li::before { content: attr(value) "."; font-weight: 700; margin-right: 0.4rem; float: left; }
li[data-kind="loaded-language"] { border-left: 5px solid var(--loaded-line); }
li[data-kind="statistic"] { border-left: 5px double var(--stat-line); }
li[data-kind="quote"] { border-left: 5px dashed var(--quote-line); }
h3[data-kind] .symbol { display: inline-block; min-width: 1.4em; text-align: center; color: #fff; border-radius: 3px; }
h3[data-kind="loaded-language"] .symbol { background: var(--loaded-line); }
h3[data-kind="statistic"] .symbol { background: var(--stat-line); }
h3[data-kind="quote"] .symbol { background: var(--quote-line); }
li p { margin: 0.2rem 0; }
.head q { font-family: var(--serif); font-weight: 600; }
.status { font-size: 0.85rem; border: 1px solid var(--ink-soft); border-radius: 999px; padding: 0 0.5em; white-space: nowrap; }
.status.weak { border-color: var(--weak-line); color: var(--weak-line); font-weight: 600; }
.review { font-size: 0.85rem; color: var(--pass); }
ul.checklist > li[data-state="pass"] { border-left-color: var(--pass); }
ul.checklist > li[data-state="warn"] { border-left: 5px double var(--warn); }
.state { font-weight: 700; }
li[data-state="pass"] .state { color: var(--pass); }
li[data-state="warn"] .state { color: var(--warn); }
.prompt { color: var(--ink-soft); }
.reader-note { margin: 0.3rem 0 0.2rem; padding: 0.3rem 0.7rem; border-left: 3px solid var(--ink-soft); white-space: pre-wrap; overflow-wrap: break-word; }
.notes .label { font-weight: 700; }
ul.dismissed > li { border-left: 5px solid var(--rule); }
del { text-decoration-thickness: 1.5px; }
.reason { font-style: italic; }
footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--ink-soft); font-size: 0.85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; background: #fff; }
  nav, .legend + .hint { display: none; }
  a { color: inherit; text-decoration: none; }
  section { break-before: page; }
  section#article { break-before: auto; }
  h2, h3 { break-after: avoid; }
  li, blockquote { break-inside: avoid; }
  .article-text { border: none; padding: 0; line-height: 1.8; }
  /* Printers drop or grey backgrounds: the line styles and the symbols carry the
     kinds, drawn in black so they survive greyscale. */
  mark.finding, mark.finding[data-kind] { background: none !important; }
  mark.finding[data-kind="loaded-language"] { border-bottom: 2px solid #000; }
  mark.finding[data-kind="statistic"] { border-bottom: 3px double #000; }
  mark.finding[data-kind="quote"] { border: 1px dashed #000; }
  mark.finding[data-status="scare-quote"] { border-style: dotted; }
  mark.finding.weak { text-decoration-color: #000; }
  mark.finding.first::before, h3[data-kind] .symbol { background: none !important; color: #000;
    border: 1px solid #000; }
  sup.ref a { color: #000; }
  ol.findings > li, ul.checklist > li, ul.notes > li, ul.dismissed > li { border-color: #000; }
}
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Finding, Language, QuoteForm, SourceReach, SourceRef, Speaker};
    use crate::article::Note;

    const ATTACKS: [&str; 3] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
    ];

    fn span_of(text: &str, needle: &str) -> Span {
        let byte = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in text"));
        let start = text[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    fn finding(
        text: &str,
        kind: Kind,
        status: Status,
        needle: &str,
        detail: Detail,
    ) -> ReviewedFinding {
        ReviewedFinding {
            finding: Finding {
                kind,
                status,
                span: span_of(text, needle),
                rule_id: "test.rule".to_string(),
                explanation: format!("Explanation for {needle}."),
                detail,
            },
            review: Review::Unreviewed,
        }
    }

    fn loaded(text: &str, needle: &str) -> ReviewedFinding {
        finding(
            text,
            Kind::LoadedLanguage,
            Status::AuthorWording,
            needle,
            Detail::Loaded {
                category: "test".to_string(),
                alternative: "calm word".to_string(),
            },
        )
    }

    fn article(text: &str, findings: Vec<ReviewedFinding>) -> AnnotatedArticle {
        AnnotatedArticle::with_findings(text, Language::En, findings)
    }

    /// An article whose text, notes, speaker names, reasons and answers all carry
    /// HTML injection attempts.
    fn hostile_article() -> AnnotatedArticle {
        let text = format!(
            "Headline {0}\nThe mayor slammed {1} critics. “{2} is a disaster,” said {0}. Prices rose 40% per {1}.",
            ATTACKS[0], ATTACKS[1], ATTACKS[2]
        );
        let speaker_name = ATTACKS[0];
        let mut slammed = loaded(&text, "slammed");
        if let Detail::Loaded { alternative, .. } = &mut slammed.finding.detail {
            *alternative = ATTACKS[1].to_string();
        }
        slammed.finding.explanation = ATTACKS[2].to_string();
        let quote_text = format!("“{} is a disaster,”", ATTACKS[2]);
        let quote = finding(
            &text,
            Kind::Quote,
            Status::Attributed,
            &quote_text,
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: Some(Speaker {
                    text: speaker_name.to_string(),
                    span: Span::new(0, 1),
                    named: true,
                }),
                cue: Some(ATTACKS[1].to_string()),
            },
        );
        let mut stat = finding(
            &text,
            Kind::Statistic,
            Status::Sourced,
            "rose 40%",
            Detail::Statistic {
                source: Some(SourceRef {
                    text: ATTACKS[1].to_string(),
                    span: Span::new(0, 1),
                    reach: SourceReach::SameSentence,
                }),
            },
        );
        stat.finding.rule_id = ATTACKS[0].to_string();
        let mut rejected = loaded(&text, "disaster");
        rejected.review = Review::Rejected {
            reason: ATTACKS[1].to_string(),
        };
        let mut a = article(&text, vec![slammed, quote, stat, rejected]);
        a.notes.push(Note {
            id: "note-1".to_string(),
            span: Some(span_of(&text, ATTACKS[1])),
            label: ATTACKS[2].to_string(),
            body: format!("{}\n{}", ATTACKS[0], ATTACKS[1]),
        });
        a.notes.push(Note {
            id: "note-2".to_string(),
            span: None,
            label: "overall".to_string(),
            body: ATTACKS[0].to_string(),
        });
        a.set_answer(ChecklistAnswer {
            item_id: "sift-stop".to_string(),
            answer: Answer::No,
            note: ATTACKS[1].to_string(),
        });
        a.set_answer(ChecklistAnswer {
            item_id: "unsourced-statistics".to_string(),
            answer: Answer::Yes,
            note: ATTACKS[0].to_string(),
        });
        a
    }

    #[test]
    fn html_escapes_every_piece_of_user_text() {
        let report = html(&hostile_article());
        let lower = report.to_lowercase();
        for tag in ["<script", "<img", "<svg"] {
            assert!(!lower.contains(tag), "unescaped {tag} in the report");
        }
        // No attribute was broken out of: the only quote characters from the
        // attacks appear as entities.
        assert!(!report.contains("\"><img") && !report.contains("'><svg"));
        assert!(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(report.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(report.contains("&#39;&gt;&lt;svg onload=alert(1)&gt;"));
    }

    #[test]
    fn html_loads_nothing_and_runs_nothing() {
        let report = html(&AnnotatedArticle::analyze(crate::SEED_ARTICLES[1].1, None));
        let lower = report.to_lowercase();
        for forbidden in [
            "<script",
            "<link",
            "<img",
            "<iframe",
            "url(",
            "@import",
            "src=",
            "href=\"http",
            "href=\"//",
        ] {
            assert!(!lower.contains(forbidden), "found {forbidden}");
        }
        assert!(lower.contains("content-security-policy"));
        assert!(lower.contains("default-src 'none'"));
        // Every internal link points at an element that exists.
        for (at, _) in report.match_indices("href=\"#") {
            let target = &report[at + 7..];
            let id = &target[..target.find('"').expect("closed attribute")];
            assert!(
                report.contains(&format!("id=\"{id}\"")),
                "broken link #{id}"
            );
        }
    }

    /// Check that tags are balanced: every `<mark …>` is closed, in order.
    fn marks_are_balanced(report: &str) -> bool {
        let mut depth: i64 = 0;
        let mut rest = report;
        while let Some(at) = rest.find("mark") {
            let before = &rest[..at];
            if before.ends_with("</") {
                depth -= 1;
            } else if before.ends_with('<') {
                depth += 1;
            }
            if depth < 0 {
                return false;
            }
            rest = &rest[at + 4..];
        }
        depth == 0
    }

    /// The article region of the report, tags removed (but reference numbers kept out).
    fn article_region(report: &str) -> &str {
        let start = report.find("<div class=\"article-text\"").expect("article");
        let end = report[start..].find("</div>").expect("end") + start;
        &report[start..end]
    }

    fn strip_tags_and_refs(region: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        let mut in_ref = 0;
        let mut i = 0;
        while i < region.len() {
            if region[i..].starts_with("<sup class=\"ref\"") {
                in_ref += 1;
            }
            if region[i..].starts_with("</sup>") {
                in_ref -= 1;
                i += 6;
                continue;
            }
            let c = region[i..].chars().next().expect("char");
            if c == '<' {
                in_tag = true;
            } else if c == '>' && in_tag {
                in_tag = false;
            } else if !in_tag && in_ref == 0 {
                out.push(c);
            }
            i += c.len_utf8();
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn nested_and_partly_overlapping_marks_are_well_formed() {
        let text = "He said “the reckless plan will cost 40% more” and left.";
        let quote = finding(
            text,
            Kind::Quote,
            Status::Unattributed,
            "“the reckless plan will cost 40% more”",
            Detail::Quote {
                form: QuoteForm::Direct,
                speaker: None,
                cue: None,
            },
        );
        let inner = loaded(text, "reckless");
        // Starts inside the quote and ends after it: must be split.
        let straddling = finding(
            text,
            Kind::Statistic,
            Status::Unsourced,
            "40% more” and",
            Detail::Statistic { source: None },
        );
        let a = article(text, vec![quote, inner, straddling]);
        let report = html(&a);
        let region = article_region(&report);
        assert!(marks_are_balanced(region), "{region}");
        assert_eq!(strip_tags_and_refs(region), text);
        // The contained loaded word sits inside the quote's mark.
        let quote_open = region.find("data-kind=\"quote\"").expect("quote mark");
        let loaded_open = region
            .find("data-kind=\"loaded-language\"")
            .expect("loaded mark");
        let quote_close = region[quote_open..]
            .find("</mark><sup class=\"ref\" data-kind=\"quote\"")
            .expect("quote closes")
            + quote_open;
        assert!(quote_open < loaded_open && loaded_open < quote_close);
        // The statistic is split in two pieces; only the first carries the marker.
        let pieces: Vec<_> = region.match_indices("data-kind=\"statistic\"").collect();
        assert_eq!(
            pieces.len(),
            3,
            "two mark pieces and one reference: {region}"
        );
        assert_eq!(
            region
                .matches("class=\"finding first weak\" data-kind=\"statistic\"")
                .count(),
            1
        );
        assert_eq!(
            region
                .matches("class=\"finding weak\" data-kind=\"statistic\"")
                .count(),
            1
        );
        // One reference per finding, after its last piece.
        assert_eq!(region.matches("<sup class=\"ref\"").count(), 3);
    }

    #[test]
    fn every_seed_renders_balanced_and_complete() {
        for (name, text) in crate::SEED_ARTICLES {
            let a = AnnotatedArticle::analyze(text, None);
            let report = html(&a);
            let region = article_region(&report);
            assert!(marks_are_balanced(region), "{name}");
            assert_eq!(
                strip_tags_and_refs(region),
                text,
                "{name}: the article text must come through unchanged"
            );
            let first_pieces = region.matches("class=\"finding first").count();
            assert_eq!(
                first_pieces,
                a.findings.len(),
                "{name}: one first piece per finding"
            );
            for n in 1..=a.findings.len() {
                assert!(
                    report.contains(&format!("id=\"finding-{n}\"")),
                    "{name}: entry {n}"
                );
            }
            for item in a.checklist() {
                assert!(
                    report.contains(&escape_html(item.title)),
                    "{name}: {}",
                    item.id
                );
            }
            for item in MANUAL_ITEMS {
                assert!(report.contains(&escape_html(item.title)));
            }
        }
    }

    #[test]
    fn html_shows_answers_notes_and_dismissed_findings() {
        let a = hostile_article();
        let report = html(&a);
        assert!(report.contains("Reader\u{2019}s answer: <strong data-answer=\"no\">no</strong>"));
        assert!(report.contains("<del lang=\"en\">disaster</del>"));
        assert!(report.contains("Dismissed findings <span class=\"count\">(1)</span>"));
        assert!(report.contains("<h3 data-kind=\"loaded-language\"><span class=\"symbol\" aria-hidden=\"true\">!</span> Loaded language <span class=\"count\">(1)</span></h3>"));
        assert!(report.contains("on the whole article"));
        assert!(report.contains("@media print"));
        // The dismissed finding is not highlighted in the text.
        let region = article_region(&report);
        assert_eq!(region.matches("class=\"finding first").count(), 3);
    }

    #[test]
    fn markdown_escapes_user_text() {
        let report = markdown(&hostile_article());
        for raw in ["<script", "<img", "<svg"] {
            for (at, _) in report.match_indices(raw) {
                assert!(report[..at].ends_with('\\'), "unescaped {raw} at {at}");
            }
        }
        assert!(report.contains("\\<script\\>alert(1)\\</script\\>"));
        let tricky = article(
            "A *bold* claim_with [link](http://x) and `code`, # not a heading.\n1. not a list",
            Vec::new(),
        );
        let mut with_note = tricky.clone();
        with_note.notes.push(Note {
            id: "note-1".to_string(),
            span: None,
            label: "mine".to_string(),
            body: "- not a list item\n2. nor this\n# nor a heading".to_string(),
        });
        let md = markdown(&with_note);
        assert!(md.contains(
            "A \\*bold\\* claim\\_with \\[link\\](http://x) and \\`code\\`, \\# not a heading."
        ));
        assert!(md.contains("  \\- not a list item"));
        assert!(md.contains("  2\\. nor this"));
        assert!(md.contains("  \\# nor a heading"));
    }

    #[test]
    fn markdown_summarises_findings_checklist_and_notes() {
        let text = crate::SEED_ARTICLES[1].1;
        let mut a = AnnotatedArticle::analyze(text, None);
        a.set_answer(ChecklistAnswer {
            item_id: "sift-find".to_string(),
            answer: Answer::Yes,
            note: "Two outlets agree.".to_string(),
        });
        let md = markdown(&a);
        assert!(md.starts_with("# Sourcelight report\n"));
        assert!(md.contains("**Language:** English (detected)"));
        for kind in Kind::ALL {
            let n = a.findings.iter().filter(|f| f.finding.kind == kind).count();
            assert!(
                md.contains(&format!("## {} ({n})", plural_label(kind))),
                "{kind:?}"
            );
        }
        for item in a.checklist() {
            assert!(
                md.contains(&escape_markdown_inline(item.title)),
                "{}",
                item.id
            );
        }
        assert!(md.contains("**Find better coverage** \u{2014}"));
        assert!(md.contains("*Answer:* yes  \n  Two outlets agree."));
        assert!(md.contains("No notes."));
    }

    #[test]
    fn empty_and_odd_articles_do_not_panic() {
        let empty = article("", Vec::new());
        assert!(html(&empty).contains("(empty article)"));
        assert!(markdown(&empty).contains("None found."));
        // A span past the end of the text, and an empty span, are tolerated.
        let mut odd = article("short 😀 text", vec![loaded("short 😀 text", "😀")]);
        odd.findings[0].finding.span = Span::new(6, 999);
        odd.findings.push(loaded("short 😀 text", "text"));
        odd.findings[1].finding.span = Span::new(3, 3);
        let report = html(&odd);
        assert!(marks_are_balanced(article_region(&report)));
        assert!(report.contains("😀 text</mark>"));
        let _ = markdown(&odd);
    }
}
