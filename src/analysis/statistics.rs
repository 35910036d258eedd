//! Statistics offered as evidence — counts, percentages, multipliers, rankings,
//! money, growth and performance figures — and whether each one has a source.
//!
//! # What is a statistic here
//!
//! A *quantity offered as evidence*: a number with something counted or measured.
//! The scanner walks each sentence once, char by char, and stops at anchors:
//! digits (ASCII and full-width), Chinese numerals, English number words, and a
//! few ranking and multiplier words. From an anchor it reads a little to the left
//! (qualifier, currency, growth verb) and a little to the right (scale, unit, noun).
//!
//! Counted:
//! - counts: `over 1,000 Chinese institutions`, `300多家企业`, `two million people`,
//!   and the vague plurals `dozens of`, `hundreds of`, `tens of thousands of` + noun
//!   (they are numeric claims even if rounded), also alone (`killed dozens`). Numbers
//!   written as words count before a plural noun (`two men`, `Nine patients`, `four of its
//!   first five games`), but not `one`, not after a determiner (`the two countries` points
//!   back rather than counts), and not list openers (`three reasons`, `这3种食物`).
//!   Non-numeric amounts (`a large number of`, `many`, `一大批`) are not statistics.
//!   Differences (`4.8 fewer migraine days`), shares of a count (`7 of her 9 attempts`)
//!   and targets (`a 6-point lead`, `the 10,000-step target`, `the 1.5C limit`) count.
//! - percentages: `40%`, `40 percent`, `percentage points`, `5.25%-5.50%`, `1 in 4 voters`,
//!   `百分之四十`, `三分之一`, `四成`, and fractions with a qualifier (`more than half of`,
//!   `two-thirds of`, `过半`, `半数`).
//! - multipliers: `hundreds of times`, `3 times higher`, `10x`, `tenfold`, `doubled`
//!   (not the idiom `doubled down`), `上百倍`, `3倍`, `翻番`.
//! - rankings: an ordinal or rank number with a scope: `global first`, `the world's first`,
//!   `second-largest`, `No. 1`, `number one`, `top 10`, `ranked first`, `the second
//!   country to …`; `全球第二个`, `全球首款`, `首个`, `排名第三`, `第二大`, `500强`, `榜首`.
//!   An ordinal without a scope (`the first time`, `At first`, `第一,`, `第二天`) is not a
//!   ranking, and neither is a superlative without a number or ordinal (`the world's
//!   largest market`, `全球最大`): a claim, but not a quantity (docs/labelling.md §3).
//! - money: `$3.5 billion`, `US$5m`, `3 billion yuan`, `5亿元`, `350万美元`, `¥500`.
//! - growth: a growth verb before the number (`rose 12%`, `fell by 3 million`,
//!   `增长15%`, `同比下降3.2%`), or a growth noun after it (`a 12% increase`).
//! - measurements (`stat.measure`): a technical unit (bits, GHz, TOPS, 比特, 位)
//!   after a claim verb (`precision reaches 24-bit`, `精度直接达到24位定点`) — without
//!   one the same unit is a product specification and is left alone; temperatures
//!   (`2.7C`, `41°C`); and lengths of time offered as measured facts: after a qualifier or
//!   a verb that spends time (`up to three hours`, `jailed for 14 years`, `lasted six
//!   hours`, `长达3小时`, `耗时3年`, `才一个月`), not when they say when (`3 years ago`,
//!   `in two weeks`, `三年前`, `近3年来`) or step a rate (`每增加1小时`).
//!
//! Not counted: years (`in 2019`, `2020年`, `the 1990s`; a four-digit number from
//! 1500 to 2100 is a year unless a qualifier, currency or unit makes it a quantity),
//! dates (`May 11`, `11 May`, `5月11日`, `2024-05-11`), times (`10:30`, `3 p.m.`,
//! `下午3点`), unmeasured durations and ages (`3 years`, `45-year-old`, `people over 60`,
//! `一个月`), identifying numbers (`the No. 23 shirt`), phone numbers
//! and long identifiers (7+ digits without separators), anything inside a URL,
//! list numbering and footnote markers (`1.`, `(2)`, `[3]`, `一、`), product and model
//! names (a number glued to letters — `H100`, `5G`, `9000S`, `GPT-4`, `N+1` — right
//! after a capitalised name or a label word — `Mate 60 Pro`, `iPhone 15`, `Windows 11`,
//! `version 2`, `Order No. 5` — or right before a capitalised singular name —
//! `the 787 Dreamliner`; nationalities and acronyms are not names here, so
//! `300 Chinese firms` and `50 AI labs` count), idioms (`one in a million`, 万万, 千万,
//! 一五一十, 百分之百, single small numerals such as 一个, 两国, 三星), versions
//! (`v2.3.1`, `1.2.3.4`) and process nodes
//! (`7nm`, `14-nanometer`, `28纳米`, `4nm Chiplet`), which name a manufacturing
//! process rather than offer evidence. Lines that are themselves a source line
//! (`Source: …`) are citations, not claims, and are not scanned.
//!
//! # The highlighted span
//!
//! English: qualifier + currency + number + scale/unit + up to three following words,
//! stopping at punctuation, a function word, a number, or a word that looks like a
//! verb or adverb (`-ed`, `-ly`, except an `-ed` adjective before a plural noun: `1,200
//! delayed flights`), then what it is of and its rate (`97% of users`, `$76 a barrel`,
//! `422 parts per million`). An amount of money or a temperature takes no noun (`£12
//! million plan` → `£12 million`) unless it is a target (`the 1.5C limit`). The growth
//! verb stays out of the span (`rose by more than 12%` → `more than 12%`, kind growth),
//! as the labelling rules say; a ranking includes its scope and a leading `the`.
//! Chinese: qualifier + number (with Arabic digits between scale characters, `3萬8千`,
//! and ranges, `4亿至8亿`, `5%至8%`) + 多/余 + unit or measure word (量词) + the
//! following Han characters that are not function characters (的, 了, 是, …) when the
//! unit is a classifier (`300家企业`); a unit that is itself the noun ends the span
//! (`14亿人`, `5亿元`). Chinese has no spaces, so a longer noun cannot be told from the
//! verb that follows it: the noun is two characters (企业, 用户), or three or four when
//! they end in a character that typically ends a noun (`成年人`, `工作岗位`, `巴士路線`),
//! so it never swallows a whole clause. Chinese rankings stop at the measure word
//! (`全球第二个`, `全球首款`). Growth verbs (同比增长) stay out of the span, and so does a
//! bare 达 ("reach"); 高达, 超过 and the other qualifiers stay in (`高达450件`).
//!
//! Decisions on the seed articles, by these rules: `nearly reaching the global first
//! threshold` is a ranking (a scoped "first"); `14-nanometer chips` and `28纳米的成熟工艺`
//! name a process and are not counted; `精度直接达到24位定点` is a performance claim and is;
//! `万卡超算集群` names a class of machine (万 alone, with 卡 not a counting unit) and is
//! not counted. Known gap: an English noun phrase can run into a present-tense verb
//! after a singular noun (`300 staff work`).
//!
//! # Sourcing
//!
//! A statistic is `Sourced` when, in this order of preference:
//! 1. it stands inside a quote finding with status `Attributed` and a speaker (reach
//!    `QuotedSpeaker`; the source is the speaker's name and span);
//! 2. an attribution cue stands in the same sentence (`SameSentence`) — the nearest
//!    one is reported — or in the previous or next sentence of the same paragraph
//!    (`AdjacentSentence`). Cues: `according to`, `data/figures/statistics from`,
//!    `reported by`, `a study/report/survey by`, `published in`, `citing`, `per` before
//!    a name, `Source:`, a speech verb (`said`, `told`, `announced`, `shows`, …) with
//!    a named subject (a capitalised name, an organisation, `he`/`she`, or the data
//!    itself — vague subjects such as `experts` or `some people` do not count), and a
//!    URL; Chinese 据 (not 据说/据悉/据称), 根据 + a source word, 援引, 来源/信源,
//!    数据显示/报告显示/调查显示…, and speech verbs (表示, 指出, 宣布, 发布, …) with a
//!    subject that is not vague (有人, 专家, 业内人士, …);
//! 3. the paragraph opens with a cue (`According to the ministry, …`) — `ParagraphLead`;
//! 4. a source line (`Source: …`, `Sources: …`, `信源:…`, `来源:…`) stands after it
//!    in the article — `SourceLine`. Such a line usually closes an article and is
//!    meant for all of it; a line at the top (a publisher credit) covers nothing.
//!
//! Otherwise `Unsourced`. The scan is one pass per sentence plus one aho-corasick
//! pass for the cues; source look-ups are binary searches, so the whole detector is
//! linear in the text (apart from a log factor).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::text::{is_han, Document, Span};
use super::{Detail, Finding, Kind, SourceReach, SourceRef, Speaker, Status};

/// Find the statistics in `doc`. `quotes` are the quote findings: numbers inside a
/// direct quote with a named speaker are sourced to that speaker.
pub fn detect(doc: &Document, quotes: &[Finding]) -> Vec<Finding> {
    let text = doc.text();
    if text.trim().is_empty() {
        return Vec::new();
    }
    let urls = find_urls(text);
    let source_lines = find_source_lines(doc);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut first_url = 0;
    for sentence in doc.sentences() {
        let in_source_line = doc.paragraph_index(sentence.start).is_some_and(|p| {
            source_lines
                .binary_search_by_key(&p, |line| line.paragraph)
                .is_ok()
        });
        if in_source_line {
            continue;
        }
        while first_url < urls.len() && urls[first_url].end <= sentence.start {
            first_url += 1;
        }
        let local_urls: Vec<Range<usize>> = urls[first_url..]
            .iter()
            .take_while(|u| u.start < sentence.end)
            .map(|u| {
                u.start.saturating_sub(sentence.start)..u.end.min(sentence.end) - sentence.start
            })
            .collect();
        let scanner = Scanner {
            s: &text[sentence.clone()],
            urls: &local_urls,
            found: Vec::new(),
            taken: 0,
        };
        for found in scanner.run() {
            candidates.push(Candidate {
                bytes: found.bytes.start + sentence.start..found.bytes.end + sentence.start,
                kind: found.kind,
            });
        }
    }
    let index = SourceIndex::build(doc, &urls, source_lines, quotes);
    candidates
        .into_iter()
        .map(|candidate| {
            let span = doc.span(candidate.bytes.clone());
            let source = index.find(doc, &candidate.bytes, span);
            let status = if source.is_some() {
                Status::Sourced
            } else {
                Status::Unsourced
            };
            Finding {
                kind: Kind::Statistic,
                status,
                span,
                rule_id: candidate.kind.rule_id().to_string(),
                explanation: explanation(candidate.kind, source.as_ref()),
                detail: Detail::Statistic { source },
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Kinds and explanations
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StatKind {
    Count,
    Percent,
    Multiplier,
    Ranking,
    Money,
    Growth,
    Measure,
}

impl StatKind {
    fn rule_id(self) -> &'static str {
        match self {
            StatKind::Count => "stat.count",
            StatKind::Percent => "stat.percent",
            StatKind::Multiplier => "stat.multiplier",
            StatKind::Ranking => "stat.ranking",
            StatKind::Money => "stat.money",
            StatKind::Growth => "stat.growth",
            StatKind::Measure => "stat.measure",
        }
    }

    fn what(self) -> &'static str {
        match self {
            StatKind::Count => "A count",
            StatKind::Percent => "A percentage",
            StatKind::Multiplier => "A multiplier (so many times more or less)",
            StatKind::Ranking => "A ranking claim (first, largest, top)",
            StatKind::Money => "An amount of money",
            StatKind::Growth => "A rise or fall",
            StatKind::Measure => "A measurement (a duration, temperature or performance figure)",
        }
    }
}

/// Source phrases are quoted in the explanation; a long one is cut so the
/// explanation stays one or two sentences.
fn short(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

fn explanation(kind: StatKind, source: Option<&SourceRef>) -> String {
    let what = kind.what();
    let Some(source) = source else {
        return format!(
            "{what} offered as evidence; no source is given in this sentence, the ones beside it, \
             the paragraph's opening or a source line — ask where the number comes from."
        );
    };
    let text = short(&source.text);
    match source.reach {
        SourceReach::SameSentence => format!(
            "{what} offered as evidence; the same sentence names its source (“{text}”). Check that the source really says this."
        ),
        SourceReach::AdjacentSentence => format!(
            "{what} offered as evidence; the sentence next to it names a source (“{text}”). Check that this source covers this number."
        ),
        SourceReach::ParagraphLead => format!(
            "{what} offered as evidence; the paragraph opens with its source (“{text}”). Check that the source really says this."
        ),
        SourceReach::SourceLine => format!(
            "{what} offered as evidence; only the article's source line backs it (“{text}”). A general source line may not contain this figure — check it."
        ),
        SourceReach::QuotedSpeaker => format!(
            "{what} offered as evidence inside a quote by {text}: it rests on the speaker's word — ask what their figure is based on."
        ),
    }
}

// ---------------------------------------------------------------------------
// Candidates: the scanner
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Candidate {
    /// Byte range (local to the sentence inside the scanner, global afterwards).
    bytes: Range<usize>,
    kind: StatKind,
}

/// What follows a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// Nothing recognised: a noun may follow.
    Bare,
    Percent,
    Multiplier,
    Money,
    /// A measure word or a counted unit (家, km).
    Count,
    /// A technical unit: evidence only after a claim verb.
    Measure,
    /// 500强, 5th largest.
    Ranking,
    /// 5th without a superlative: a ranking only after "ranked".
    Ordinal,
    /// Chinese 位: a bit width after a claim verb, otherwise a measure word for people.
    Wei,
    /// A length of time (3 hours, 14 years): a statistic only when offered as a
    /// measured fact ("up to three hours", "jailed for 14 years"), not when it says
    /// when something happened ("3 years ago", "in two weeks").
    Duration,
    /// A reading that is a quantity whatever precedes it: temperatures (2.7C, 40°F).
    Reading,
    /// Time, date, process node, model name: not a statistic.
    Skip,
}

#[derive(Clone, Copy, Debug)]
struct Forward {
    /// End of the number with its scale and unit (and, in Chinese, its noun).
    end: usize,
    unit: Unit,
    /// A scale word or character follows (million, 万): a real quantity even without a noun.
    scaled: bool,
    /// An English noun phrase may follow.
    noun: bool,
}

/// What stands before a number.
#[derive(Clone, Copy, Debug, Default)]
struct Back {
    start: usize,
    money: bool,
    qualifier: bool,
    growth: bool,
    claim: bool,
    rank_verb: bool,
    /// A capitalised name or a label word right before the number: a model name.
    name_before: bool,
    zh: bool,
}

struct Scanner<'a> {
    /// The sentence.
    s: &'a str,
    /// URLs in the sentence (local byte ranges): nothing inside them is a statistic.
    urls: &'a [Range<usize>],
    found: Vec<Candidate>,
    /// Local end of the last candidate: spans never overlap.
    taken: usize,
}

impl Scanner<'_> {
    fn run(mut self) -> Vec<Candidate> {
        let s = self.s;
        let mut i = 0;
        let mut url = 0;
        while i < s.len() {
            while url < self.urls.len() && self.urls[url].end <= i {
                url += 1;
            }
            if url < self.urls.len() && self.urls[url].start <= i {
                i = self.urls[url].end.max(i + 1);
                while i < s.len() && !s.is_char_boundary(i) {
                    i += 1;
                }
                continue;
            }
            let Some(c) = next_char(s, i) else { break };
            let resume = self.anchor(i, c).unwrap_or(i);
            // Always move forward by at least one char, and land on a boundary.
            let mut next = resume.max(i + c.len_utf8());
            while next < s.len() && !s.is_char_boundary(next) {
                next += 1;
            }
            i = next;
        }
        self.found
    }

    fn anchor(&mut self, i: usize, c: char) -> Option<usize> {
        if is_digit(c) {
            return Some(self.arabic(i));
        }
        if c.is_ascii_alphabetic() {
            if prev_char(self.s, i).is_some_and(|p| p.is_ascii_alphanumeric()) {
                return None;
            }
            return Some(self.english_word(i));
        }
        match c {
            '第' => Some(self.zh_ordinal(i)),
            '首' => Some(self.zh_first(i)),
            '前' => Some(self.zh_top(i)),
            '榜' => Some(self.zh_top_of_list(i)),
            '翻' => Some(self.zh_doubling(i)),
            '半' => Some(self.zh_half(i)),
            _ if is_cn_numeral(c) => Some(self.zh_numeral(i)),
            _ => None,
        }
    }

    /// Record a statistic (local byte range), never overlapping the previous one or a URL.
    fn push(&mut self, start: usize, end: usize, kind: StatKind) {
        let start = start.max(self.taken);
        if end <= start || end > self.s.len() {
            return;
        }
        // URLs are sorted and disjoint: only the first one ending after `start` can overlap.
        let first = self.urls.partition_point(|u| u.end <= start);
        if self.urls.get(first).is_some_and(|u| u.start < end) {
            return;
        }
        self.found.push(Candidate {
            bytes: start..end,
            kind,
        });
        self.taken = end;
    }

    // ----- Arabic digits ----------------------------------------------------

    fn arabic(&mut self, i: usize) -> usize {
        let s = self.s;
        let token = parse_arabic(s, i);
        let resume = alnum_end(s, token.end);
        if token.odd {
            return resume;
        }
        if let Some(p) = prev_char(s, i) {
            let before = prev_char(s, i - p.len_utf8());
            // Codes and model names: H100, GPT-4, N+1, #3, v2, '19, x.5
            let code_like = p.is_ascii_alphabetic()
                || matches!(
                    p,
                    '+' | '#' | '_' | '/' | '\\' | '@' | '=' | '^' | '~' | '&' | '*' | '\'' | '’'
                )
                || (matches!(p, '-' | '.' | ':' | '．' | ',')
                    && before.is_some_and(|b| b.is_ascii_alphanumeric()));
            if code_like {
                return resume;
            }
        }
        // Digit groups separated by single spaces ("138 0000 0000") are phone numbers.
        if token.digits >= 3 {
            if let Some(end) = spaced_digit_group_end(s, token.end) {
                return end;
            }
        }
        let back = self.lookback(i);
        let forward = forward(s, token.end);
        if forward.unit == Unit::Skip {
            return forward.end.max(resume);
        }
        if enclosed_in_brackets(s, i, token.end) {
            return forward.end.max(resume);
        }
        if forward.unit == Unit::Bare && !forward.scaled && is_list_number(s, i, token.end) {
            return resume;
        }
        let plain = matches!(forward.unit, Unit::Bare | Unit::Count) && !forward.scaled;
        // "in 2019", "2022年": a year, also when 年 could read as "years".
        let year_unit = plain || forward.unit == Unit::Duration;
        if token.year_like && year_unit && !back.money && !back.qualifier {
            return resume;
        }
        if token.ungrouped_digits >= 7 && plain && !back.money {
            return resume;
        }
        self.assemble(back, forward).max(resume)
    }

    /// Combine what stands before and after a number into a statistic, if it is one.
    /// Returns where scanning resumes.
    fn assemble(&mut self, back: Back, forward: Forward) -> usize {
        let s = self.s;
        if back.name_before {
            return forward.end;
        }
        let kind = match forward.unit {
            Unit::Skip => return forward.end,
            Unit::Percent => StatKind::Percent,
            Unit::Multiplier => StatKind::Multiplier,
            Unit::Money => StatKind::Money,
            Unit::Ranking => StatKind::Ranking,
            Unit::Ordinal if back.rank_verb => StatKind::Ranking,
            Unit::Ordinal => return forward.end,
            Unit::Measure if back.claim || back.qualifier => StatKind::Measure,
            Unit::Measure => return forward.end,
            Unit::Wei if back.claim => StatKind::Measure,
            Unit::Duration if duration_is_evidence(s, &back, forward.end) => StatKind::Measure,
            Unit::Duration => return forward.end,
            Unit::Reading => StatKind::Measure,
            Unit::Wei | Unit::Count | Unit::Bare => StatKind::Count,
        };
        // 这3种食物, 那两家公司: a determiner points at things already named; the number
        // identifies them rather than counting evidence ("the two companies").
        if back.zh
            && kind == StatKind::Count
            && !back.qualifier
            && !back.money
            && s[..back.start].ends_with(['这', '這', '那', '该', '該'])
        {
            return forward.end;
        }
        let mut end = forward.end;
        let mut growth_after = false;
        if forward.noun && !back.zh {
            let (noun_end, first) = noun_phrase(s, end, 3);
            let plain = matches!(forward.unit, Unit::Bare | Unit::Count) && !back.money;
            if let Some(first) = first {
                let class = class_of(first.text);
                if class & (C_TIME | C_MONTH) != 0 {
                    if plain {
                        // A duration or a date ("3 years", "11 May"), not a statistic.
                        return noun_end;
                    }
                    // "45% year on year": the period is not part of the quantity.
                    return self.finish(back, forward.end, kind, false);
                }
                if class & C_GROWTH_NOUN != 0 {
                    growth_after = true;
                }
                // "the 787 Dreamliner", "a 737 Max": a number before a capitalised name
                // is a model, unless a qualifier makes it a quantity. Nationalities and
                // acronyms describe what is counted ("300 Chinese firms", "50 AI labs").
                let name = is_capitalized(first.text)
                    && !is_acronym(first.text)
                    && !is_nationality(first.text);
                if plain && name && !back.qualifier && !back.growth {
                    let determiner = word_before(s, back.start, 1)
                        .is_some_and(|w| is_one_of(w.text, &["the", "a", "an"]));
                    let second = s[first.end..noun_end].split_whitespace().next();
                    let stands_alone =
                        !is_plural_noun(&norm(first.text)) && second.is_none_or(is_capitalized);
                    if determiner || stands_alone {
                        return noun_end;
                    }
                }
            }
            // An amount of money or a temperature counts nothing: "£12 million plan" and
            // "40C heat" end at the unit, unless the noun is a target ("the 1.5C limit").
            let amount = back.money || matches!(forward.unit, Unit::Money | Unit::Reading);
            if !amount || first.is_some_and(|f| class_of(f.text) & C_TARGET != 0) {
                end = noun_end;
            }
        }
        let bare = forward.unit == Unit::Bare && end == forward.end && !forward.scaled;
        if bare && back.qualifier && is_age_limit(s, back.start) {
            return forward.end;
        }
        if bare && !back.qualifier && !back.growth && !back.claim && !back.money {
            if let Some(share_end) = share_of_count(s, end) {
                // "7 of her 9 three-point attempts", "3 of the 5 judges".
                return self.finish(back, share_end, StatKind::Count, false);
            }
            return forward.end;
        }
        if !back.zh {
            let takes_of = !bare && forward.unit != Unit::Duration;
            end = en_tail(s, end, kind, takes_of);
        }
        self.finish(back, end, kind, growth_after)
    }

    fn finish(&mut self, back: Back, end: usize, mut kind: StatKind, growth_after: bool) -> usize {
        if back.money && kind == StatKind::Count {
            kind = StatKind::Money;
        }
        if back.growth || growth_after {
            kind = StatKind::Growth;
        }
        let mut start = back.start;
        if kind == StatKind::Ranking && back.zh {
            start = zh_scope_start(self.s, start).unwrap_or(start);
        }
        self.push(start, end, kind);
        end
    }

    /// Read qualifier, currency and verbs before a number starting at `b`.
    fn lookback(&self, b: usize) -> Back {
        let s = self.s;
        let mut back = Back {
            start: b,
            ..Back::default()
        };
        let mut at = b;
        if let Some(c) = prev_char(s, at) {
            if is_currency_symbol(c) {
                at -= c.len_utf8();
                // US$, HK$, NT$, A$
                let letters = s[..at]
                    .bytes()
                    .rev()
                    .take(4)
                    .take_while(|b| b.is_ascii_uppercase())
                    .count();
                if letters <= 3
                    && !prev_char(s, at - letters).is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    at -= letters;
                }
                back.money = true;
            }
        }
        if !back.money {
            if let Some(w) = word_before(s, at, 1) {
                if class_of(w.text) & C_CURRENCY_CODE != 0
                    && w.text.bytes().all(|b| b.is_ascii_uppercase())
                {
                    at = w.start;
                    back.money = true;
                }
            }
        }
        if !back.money {
            if let Some(word) = longest_suffix(&s[..at], ZH_CURRENCY_BEFORE.get()) {
                at -= word.len();
                back.money = true;
            }
        }
        back.start = at;
        back.zh = prev_char(s, at).is_some_and(is_han);
        if back.zh {
            zh_lookback(s, &mut back);
        } else {
            en_lookback(s, &mut back);
        }
        back
    }

    // ----- English words ------------------------------------------------------

    fn english_word(&mut self, i: usize) -> usize {
        let s = self.s;
        let Some(w) = word_at(s, i) else {
            return ascii_alnum_end_any(s, i);
        };
        if w.text.bytes().any(|b| b.is_ascii_digit()) {
            // H100, iPhone15, Win11: a name with a number in it.
            return w.end;
        }
        let class = class_of(w.text);
        let resume = w.end;
        // Most words are nothing to this detector: leave them after one table look-up.
        let maybe_anchor = class != 0
            || w.text.contains('-')
            || w.text.len() > 4
                && w.text
                    .get(w.text.len() - 4..)
                    .is_some_and(|t| t.eq_ignore_ascii_case("fold"))
            || is_one_of(w.text, &["twice", "several", "most", "least"]);
        if !maybe_anchor {
            return resume;
        }
        let lower = norm(w.text);
        let result = match lower.as_str() {
            "no" => self.number_sign(w),
            "number" | "number-one" => self.number_one(w, &lower),
            "top" => self.top_n(w),
            "twice" => self.twice(w),
            "a" | "half" | "several" => self.spelled_number(w, &lower),
            _ if class & C_ORDINAL != 0 || compound_ordinal_superlative(&lower) => {
                self.en_ordinal(w, &lower)
            }
            _ if class & C_VAGUE_PLURAL != 0 => self.vague_plural(w, &lower),
            _ if class & C_MULT_VERB != 0 => self.multiplier_verb(w),
            _ if class & C_MULT_BASE != 0 => self.multiplier_base_verb(w),
            _ if is_fold_word(&lower) => self.fold_word(w),
            _ if is_compound_fraction(&lower) => self.fraction(w, true),
            _ if class & C_FRACTION != 0 => self.fraction(w, false),
            _ if is_small_number(&lower) => self.spelled_number(w, &lower),
            _ => None,
        };
        result.unwrap_or(resume).max(resume)
    }

    /// "No. 1", "No.3 supplier".
    fn number_sign(&mut self, w: Word) -> Option<usize> {
        let s = self.s;
        let mut j = w.end;
        if next_char(s, j) != Some('.') {
            return None;
        }
        j += 1;
        if next_char(s, j) == Some(' ') {
            j += 1;
        }
        if !next_char(s, j).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let token = parse_arabic(s, j);
        if token.odd || token.digits > 3 || alnum_end(s, token.end) != token.end {
            return Some(alnum_end(s, token.end));
        }
        // "Order No. 5", "Resolution No. 2": a document number; but "World No. 1" ranks.
        let mut start = include_the(s, w.start);
        if let Some(p) = word_before(s, w.start, 2) {
            if class_of(p.text) & C_SCOPE != 0 {
                start = include_the(s, p.start);
            } else if is_name_like(&p) {
                return Some(token.end);
            }
        }
        // "World No. 1 Novak Djokovic": the name after the rank is not part of it.
        let (end, first) = noun_phrase(s, token.end, 3);
        // "the No. 23 shirt", "the No. 9 bus": a number that names a thing, not a rank.
        if first.is_some_and(|f| class_of(f.text) & C_IDENTIFIED != 0) {
            return Some(end);
        }
        let end = if first.is_some_and(|f| is_capitalized(f.text)) {
            token.end
        } else {
            end
        };
        self.push(start, end, StatKind::Ranking);
        Some(end)
    }

    /// "number one", "the number-one supplier".
    fn number_one(&mut self, w: Word, lower: &str) -> Option<usize> {
        let s = self.s;
        let core_end = if lower == "number-one" {
            w.end
        } else {
            let next = word_after(s, w.end, 1)?;
            if !next.text.eq_ignore_ascii_case("one") {
                return None;
            }
            next.end
        };
        let (end, _) = noun_phrase(s, core_end, 3);
        let start = include_the(s, w.start);
        self.push(start, end, StatKind::Ranking);
        Some(end)
    }

    /// "top 10", "top-ten", "the top three companies".
    fn top_n(&mut self, w: Word) -> Option<usize> {
        let s = self.s;
        let mut j = w.end;
        let c = next_char(s, j)?;
        if c == '-' || c == ' ' {
            j += 1;
        } else {
            return None;
        }
        let core_end = if next_char(s, j).is_some_and(|c| c.is_ascii_digit()) {
            let token = parse_arabic(s, j);
            if token.odd
                || token.year_like
                || token.digits > 3
                || alnum_end(s, token.end) != token.end
            {
                return None;
            }
            token.end
        } else {
            let n = word_at(s, j)?;
            if !is_small_number(&norm(n.text)) {
                return None;
            }
            n.end
        };
        let (end, _) = noun_phrase(s, core_end, 3);
        let start = include_the(s, w.start);
        self.push(start, end, StatKind::Ranking);
        Some(end)
    }

    /// "twice as large", "twice the size".
    fn twice(&mut self, w: Word) -> Option<usize> {
        let end = comparative_end(self.s, w.end)?;
        let mut back = Back {
            start: w.start,
            ..Back::default()
        };
        en_lookback(self.s, &mut back);
        self.push(back.start, end, StatKind::Multiplier);
        Some(end)
    }

    /// Spelled-out numbers: "two million", "a billion", "half a million", "several
    /// hundred", "forty percent", "ten times more". Bare small numbers are prose.
    fn spelled_number(&mut self, w: Word, lower: &str) -> Option<usize> {
        let s = self.s;
        let mut j = w.end;
        match lower {
            "a" => {
                let next = word_after(s, j, 1)?;
                let next_lower = norm(next.text);
                if next_lower == "few" {
                    let scale = word_after(s, next.end, 1)?;
                    if class_of(scale.text) & C_SCALE == 0 {
                        return None;
                    }
                    j = next.end;
                } else if !matches!(next_lower.as_str(), "million" | "billion" | "trillion") {
                    return None;
                }
                // "one in a million": an idiom, not a count.
                if word_before(s, w.start, 1).is_some_and(|p| p.text.eq_ignore_ascii_case("in")) {
                    return None;
                }
            }
            "half" => {
                let next = word_after(s, j, 1)?;
                if !next.text.eq_ignore_ascii_case("a") {
                    return self.fraction(w, false);
                }
                let scale = word_after(s, next.end, 1)?;
                if !is_one_of(scale.text, &["million", "billion", "trillion"]) {
                    return None;
                }
                j = next.end;
            }
            "several" => {
                let next = word_after(s, j, 1)?;
                if class_of(next.text) & C_SCALE == 0 {
                    return None;
                }
            }
            _ => {}
        }
        let forward = en_forward(s, j);
        let measured = matches!(forward.unit, Unit::Duration | Unit::Reading);
        if !forward.scaled && !measured && !matches!(forward.unit, Unit::Percent | Unit::Multiplier)
        {
            if forward.unit == Unit::Bare && is_small_number(lower) {
                return self.spelled_count(w, lower);
            }
            return None;
        }
        let back = self.lookback(w.start);
        Some(self.assemble(back, forward))
    }

    /// A count written as a word before what it counts: "two men", "Nine patients",
    /// "three mountain stages", "four of its first five games". Not "one" (an article
    /// or pronoun as often as a number), not after a determiner ("the two countries"
    /// refers back rather than counts), not list openers ("three reasons why").
    fn spelled_count(&mut self, w: Word, lower: &str) -> Option<usize> {
        let s = self.s;
        if matches!(lower, "zero" | "one") {
            return None;
        }
        if let Some(p) = word_before(s, w.start, 1) {
            let p_lower = norm(p.text);
            if class_of(&p_lower) & C_DETERMINER != 0
                || p_lower.ends_with("'s")
                || matches!(
                    p_lower.as_str(),
                    "or" | "both"
                        | "all"
                        | "every"
                        | "each"
                        | "first"
                        | "last"
                        | "next"
                        | "other"
                        | "another"
                        | "top"
                        | "those"
                        | "these"
                        | "my"
                        | "your"
                )
            {
                return None;
            }
            // "one and two", "between two and three": a range or a list of numbers.
            if p_lower == "and"
                && word_before(s, p.start, 1).is_some_and(|n| {
                    is_small_number(&norm(n.text))
                        || n.text.starts_with(|c: char| c.is_ascii_digit())
                })
            {
                return None;
            }
        }
        let next = word_after(s, w.end, 1)?;
        if next.start != w.end + 1 {
            return None;
        }
        let next_lower = norm(next.text);
        let end = if next_lower == "of" {
            // "four of its first five games", "two of the victims": a share of a group.
            let det = word_after(s, next.end, 1)?;
            if class_of(det.text) & C_DETERMINER == 0 {
                return None;
            }
            let (end, first) = noun_phrase(s, det.end, 3);
            first?;
            end
        } else {
            let (end, first) = noun_phrase(s, w.end, 3);
            let first = first?;
            let first_lower = norm(first.text);
            let head = norm(s[first.start..end].split(' ').next_back().unwrap_or(""));
            let counted = is_plural_noun(&head) || class_of(&head) & C_PLURAL_PERSON != 0;
            if !counted
                || is_capitalized(first.text) && !is_nationality(first.text)
                || class_of(&first_lower) & (C_TIME | C_MONTH | C_LIST_NOUN) != 0
                || class_of(&head) & C_LIST_NOUN != 0
            {
                return None;
            }
            // "two people familiar with the talks": who the sources are, not evidence.
            if word_after(s, end, 1).is_some_and(|f| f.text.eq_ignore_ascii_case("familiar")) {
                return None;
            }
            end
        };
        let back = self.lookback(w.start);
        if back.name_before {
            return None;
        }
        self.push(back.start, end, StatKind::Count);
        Some(end)
    }

    /// "dozens of companies", "tens of thousands of people", "hundreds of times".
    fn vague_plural(&mut self, w: Word, lower: &str) -> Option<usize> {
        let s = self.s;
        let mut j = w.end;
        // Chains: "tens of thousands of", "hundreds of millions of".
        for _ in 0..3 {
            let Some(of) = word_after(s, j, 1) else { break };
            if !of.text.eq_ignore_ascii_case("of") {
                break;
            }
            let Some(next) = word_after(s, of.end, 1) else {
                break;
            };
            if is_one_of(
                next.text,
                &["hundreds", "thousands", "millions", "billions"],
            ) {
                j = next.end;
            } else {
                break;
            }
        }
        if lower == "tens" && j == w.end {
            return None;
        }
        let of = word_after(s, j, 1);
        if !of.is_some_and(|of| of.text.eq_ignore_ascii_case("of")) {
            return self.bare_vague_plural(w, lower);
        }
        let of = of?;
        let next = word_after(s, of.end, 1)?;
        let (kind, end) = if next.text.eq_ignore_ascii_case("times") {
            (
                StatKind::Multiplier,
                comparative_end(s, next.end).unwrap_or(next.end),
            )
        } else {
            let (end, first) = noun_phrase(s, of.end, 3);
            let first = first?;
            if class_of(first.text) & C_TIME != 0 {
                // "millions of years": time, not evidence.
                return Some(end);
            }
            (StatKind::Count, end)
        };
        let mut back = Back {
            start: w.start,
            ..Back::default()
        };
        en_lookback(s, &mut back);
        self.push(back.start, end, kind);
        Some(end)
    }

    /// "killing dozens", "thousands more were evacuated": a vague plural standing for
    /// people or things counted. Not after "the"/"in"/"by" ("in the hundreds", "by the
    /// thousands") and not "scores" or "tens", which are other words when alone.
    fn bare_vague_plural(&mut self, w: Word, lower: &str) -> Option<usize> {
        if !matches!(
            lower,
            "dozens" | "hundreds" | "thousands" | "millions" | "billions"
        ) {
            return None;
        }
        let s = self.s;
        if word_before(s, w.start, 1).is_some_and(|p| {
            class_of(p.text) & C_DETERMINER != 0 || is_one_of(p.text, &["in", "by", "into"])
        }) {
            return None;
        }
        // Only when the word ends a phrase or "more" follows ("dozens more"): before
        // another word it is usually an adjective use we do not read ("millions-strong").
        // "dozens more", "dozens wounded", "killing dozens.": the plural is the count.
        let end = match word_after(s, w.end, 1) {
            Some(m) if m.start == w.end + 1 && m.text.eq_ignore_ascii_case("more") => m.end,
            Some(m)
                if m.start == w.end + 1
                    && class_of(m.text) & C_STOP == 0
                    && !(m.text.len() > 4 && m.text.ends_with("ed")) =>
            {
                return None
            }
            _ => w.end,
        };
        let mut back = Back {
            start: w.start,
            ..Back::default()
        };
        en_lookback(s, &mut back);
        self.push(back.start, end, StatKind::Count);
        Some(end)
    }

    /// "doubled", "tripled", "halved" — not "doubled down", "doubles as".
    fn multiplier_verb(&mut self, w: Word) -> Option<usize> {
        let s = self.s;
        if let Some(next) = word_after(s, w.end, 1) {
            if is_one_of(next.text, &["down", "up", "over", "back", "as", "out"]) {
                return None;
            }
        }
        let mut back = Back {
            start: w.start,
            ..Back::default()
        };
        en_lookback(s, &mut back);
        self.push(back.start, w.end, StatKind::Multiplier);
        Some(w.end)
    }

    /// "a deal that would triple capacity", "plans to double output": the base form is a
    /// verb (a promised multiplier) only after "to" or a modal; elsewhere "double" and
    /// "triple" are adjectives ("a double standard", "triple threat").
    fn multiplier_base_verb(&mut self, w: Word) -> Option<usize> {
        let s = self.s;
        let before = word_before(s, w.start, 1)?;
        let modal = is_one_of(
            before.text,
            &[
                "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall",
            ],
        ) || norm(before.text).ends_with("'ll");
        if !modal {
            return None;
        }
        self.multiplier_verb(w)
    }

    /// "tenfold", "ten-fold", "a threefold increase".
    fn fold_word(&mut self, w: Word) -> Option<usize> {
        let growth_noun =
            word_after(self.s, w.end, 1).filter(|n| class_of(n.text) & C_GROWTH_NOUN != 0);
        let end = comparative_end(self.s, w.end)
            .or(growth_noun.map(|n| n.end))
            .unwrap_or(w.end);
        let mut back = Back {
            start: w.start,
            ..Back::default()
        };
        en_lookback(self.s, &mut back);
        self.push(back.start, end, StatKind::Multiplier);
        Some(end)
    }

    /// "two-thirds of", "more than half of", "nearly a third of the market".
    fn fraction(&mut self, w: Word, compound: bool) -> Option<usize> {
        let s = self.s;
        let mut start = w.start;
        if !compound {
            if let Some(article) = word_before(s, start, 1) {
                if is_one_of(article.text, &["a", "one"]) {
                    start = article.start;
                }
            }
        }
        let mut back = Back {
            start,
            ..Back::default()
        };
        en_lookback(s, &mut back);
        // A bare "half of" or "a third of" is prose; with a qualifier it is a share.
        if !compound && !back.qualifier {
            return None;
        }
        let end = match of_phrase(s, w.end) {
            Some(end) => end,
            None if w.text.eq_ignore_ascii_case("half") => w.end,
            None => return None,
        };
        self.push(back.start, end, StatKind::Percent);
        Some(end)
    }

    /// "the world's first", "ranked second", "the second-largest", "a world first".
    fn en_ordinal(&mut self, w: Word, lower: &str) -> Option<usize> {
        let s = self.s;
        if compound_ordinal_superlative(lower) {
            let start = scope_before(s, w.start, true).unwrap_or_else(|| include_the(s, w.start));
            let (end, _) = noun_phrase(s, w.end, 3);
            self.push(start, end, StatKind::Ranking);
            return Some(end);
        }
        if let Some(next) = word_after(s, w.end, 1) {
            let next_lower = norm(next.text);
            let next_class = class_of(&next_lower);
            if next_class & C_SUPERLATIVE != 0 || next_lower == "most" || next_lower == "least" {
                let core_end = if next_lower == "most" || next_lower == "least" {
                    adjective_after(s, next.end)?
                } else {
                    next.end
                };
                let start =
                    scope_before(s, w.start, true).unwrap_or_else(|| include_the(s, w.start));
                let (end, _) = noun_phrase(s, core_end, 3);
                self.push(start, end, StatKind::Ranking);
                return Some(end);
            }
        }
        if let Some(start) = scope_before(s, w.start, false) {
            let (end, _) = noun_phrase(s, w.end, 3);
            self.push(start, end, StatKind::Ranking);
            return Some(end);
        }
        if let Some(verb) = word_before(s, w.start, 1) {
            if class_of(verb.text) & C_RANK_VERB != 0 {
                self.push(verb.start, w.end, StatKind::Ranking);
                return Some(w.end);
            }
        }
        // "the second country to land on …", "the first woman to lead": an ordinal that
        // ranks whoever did something first — but not "the first time to".
        if let Some(the) = word_before(s, w.start, 1).filter(|b| b.text.eq_ignore_ascii_case("the"))
        {
            let (end, first) = noun_phrase(s, w.end, 2);
            let ranked = first.is_some_and(|f| {
                class_of(f.text) & (C_TIME | C_DURATION | C_FRACTION) == 0
                    && !is_one_of(f.text, &["time", "place", "step", "half", "round", "stage"])
            });
            let to_verb = word_after(s, end, 1).is_some_and(|t| t.text == "to");
            if ranked && to_verb {
                self.push(the.start, end, StatKind::Ranking);
                return Some(end);
            }
        }
        // "a third of", "one-fifth": a fraction, not a ranking.
        if class_of(lower) & C_FRACTION != 0 {
            return self.fraction(w, false);
        }
        None
    }

    // ----- Chinese ------------------------------------------------------------

    /// Chinese numerals: 三百, 上百, 数十, 两亿, 百分之四十, 三分之一.
    fn zh_numeral(&mut self, i: usize) -> usize {
        let s = self.s;
        let run_end = cn_numeral_run_end(s, i);
        let run = &s[i..run_end];
        let Some(first) = run.chars().next() else {
            return run_end;
        };
        let prev = prev_char(s, i);
        // 星期一, 周三, 初五, 第一 (ordinals are read at 第)
        if matches!(prev, Some('第' | '周' | '週' | '期' | '拜' | '初' | '星')) {
            return run_end;
        }
        if s[run_end..].starts_with("分之") {
            return self.zh_fraction(i, run_end);
        }
        // 一半: let the 半 anchor decide.
        if run == "一" && next_char(s, run_end) == Some('半') {
            return run_end;
        }
        let approx = is_cn_scale(first) && matches!(prev, Some('上' | '数' | '數' | '几' | '幾'));
        // A bare scale character is a number after a qualifier (逾千人, 近万家) or before
        // 余/多 and a unit (百余家, 千余人); elsewhere it is part of a word (千万, 万一, 百姓).
        let bare_scale_ok = is_cn_scale(first)
            && (longest_suffix(&s[..i], ZH_QUALIFIERS.get()).is_some()
                || (matches!(next_char(s, run_end), Some('余' | '餘' | '多'))
                    && cn_unit_at(s, run_end + 3).is_some()));
        let starts_ok =
            is_cn_digit(first) || matches!(first, '十' | '拾') || approx || bare_scale_ok;
        if !starts_ok || !well_formed_cn(run) {
            return run_end;
        }
        let single = run.chars().count() == 1 && is_cn_digit(first);
        let forward = cn_forward(s, run_end);
        if single
            && !matches!(
                forward.unit,
                Unit::Multiplier | Unit::Percent | Unit::Duration
            )
        {
            // 一个, 两国, 三星: ordinary words, not quantities.
            return forward.end.max(run_end);
        }
        let num_start = match (approx, prev) {
            (true, Some(p)) => i - p.len_utf8(),
            _ => i,
        };
        let back = self.lookback(num_start);
        self.assemble(back, forward).max(run_end)
    }

    /// 百分之四十, 三分之一, 千分之五 (not the idiom 百分之百).
    fn zh_fraction(&mut self, i: usize, run_end: usize) -> usize {
        let s = self.s;
        let j = run_end + "分之".len();
        let second_end = if next_char(s, j).is_some_and(is_digit) {
            let token = parse_arabic(s, j);
            token.end
        } else {
            cn_numeral_run_end(s, j)
        };
        if second_end == j {
            return j;
        }
        if &s[i..run_end] == "百" && &s[j..second_end] == "百" {
            return second_end;
        }
        let mut end = second_end;
        if let Some(t) = starts_with_any(&s[end..], ZH_AFTER_APPROX.get()) {
            end += t.len();
        }
        let back = self.lookback(i);
        let start = back.start;
        let kind = if back.growth {
            StatKind::Growth
        } else {
            StatKind::Percent
        };
        self.push(start, end, kind);
        end
    }

    /// 第: a ranking only with a scope (全球第二) or a rank verb (排名第三), or as 第N大.
    fn zh_ordinal(&mut self, i: usize) -> usize {
        let s = self.s;
        let j = i + '第'.len_utf8();
        let num_end = number_end(s, j);
        if num_end == j {
            return j;
        }
        let mut end = num_end;
        let mut big = false;
        if let Some(c) = next_char(s, end) {
            if c == '大' {
                big = true;
                end += c.len_utf8();
            } else if ZH_FIRST_MEASURES.contains(&c) {
                end += c.len_utf8();
            }
        }
        let scope = zh_scope_start(s, i);
        let verb = longest_suffix(&s[..i], ZH_RANK_VERBS.get()).map(|v| i - v.len());
        let start = match (scope, verb) {
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) if big => i,
            (None, None) => return end,
        };
        self.push(start, end, StatKind::Ranking);
        end
    }

    /// 首个, 首款, 全球首款: a first-of-its-kind claim.
    fn zh_first(&mut self, i: usize) -> usize {
        let s = self.s;
        let j = i + '首'.len_utf8();
        let Some(m) = next_char(s, j) else { return j };
        if !ZH_FIRST_MEASURES.contains(&m) {
            return j;
        }
        // 元首, 为首, 回首, 罪魁祸首: 首 as part of another word.
        if matches!(
            prev_char(s, i),
            Some('元' | '为' | '為' | '回' | '自' | '祸' | '禍' | '罪' | '匕' | '榜' | '昂' | '俯')
        ) {
            return j;
        }
        let end = j + m.len_utf8();
        let start = zh_scope_start(s, i).unwrap_or(i);
        self.push(start, end, StatKind::Ranking);
        end
    }

    /// 前十, 前三名, 世界前五: a top-N ranking.
    fn zh_top(&mut self, i: usize) -> usize {
        let s = self.s;
        let j = i + '前'.len_utf8();
        let num_end = number_end(s, j);
        if num_end == j {
            return j;
        }
        let mut end = num_end;
        let mut ranked_unit = false;
        if let Some(c) = next_char(s, end) {
            if matches!(c, '名' | '强' | '強' | '位') {
                end += c.len_utf8();
                ranked_unit = true;
            }
        }
        let scope = zh_scope_start(s, i);
        let verb = longest_suffix(&s[..i], ZH_RANK_VERBS.get()).map(|v| i - v.len());
        let start = match (scope, verb) {
            (Some(a), _) => a,
            (None, Some(b)) => b,
            (None, None) if ranked_unit => i,
            (None, None) => return end,
        };
        self.push(start, end, StatKind::Ranking);
        end
    }

    /// 榜首: top of a list.
    fn zh_top_of_list(&mut self, i: usize) -> usize {
        let s = self.s;
        let j = i + '榜'.len_utf8();
        if next_char(s, j) != Some('首') {
            return j;
        }
        let end = j + '首'.len_utf8();
        let start = longest_suffix(&s[..i], ZH_RANK_VERBS.get()).map_or(i, |v| i - v.len());
        self.push(start, end, StatKind::Ranking);
        end
    }

    /// 翻番, 翻倍, 翻了一番, 翻两番.
    fn zh_doubling(&mut self, i: usize) -> usize {
        let s = self.s;
        let mut j = i + '翻'.len_utf8();
        let rest = &s[j..];
        let end = if rest.starts_with('番') || rest.starts_with('倍') {
            j + 3
        } else {
            if rest.starts_with('了') {
                j += 3;
            }
            let n_end = cn_numeral_run_end(s, j);
            if n_end == j || !s[n_end..].starts_with('番') {
                return i + 3;
            }
            n_end + 3
        };
        let mut back = Back {
            start: i,
            ..Back::default()
        };
        zh_lookback(s, &mut back);
        self.push(back.start, end, StatKind::Multiplier);
        end
    }

    /// 过半, 近半, 半数, 一半以上, 超过一半: a share of a whole.
    fn zh_half(&mut self, i: usize) -> usize {
        let s = self.s;
        let j = i + '半'.len_utf8();
        let next = next_char(s, j);
        // 近半小时, 耗时半年: half of a unit of time, measured.
        if let Some((len, Unit::Duration)) = cn_unit_at(s, j) {
            let back = self.lookback(i);
            let end = j + len;
            if duration_is_evidence(s, &back, end) {
                self.push(back.start, end, StatKind::Measure);
            }
            return end;
        }
        // 半导体, 半年, 半天: not a share.
        if next.is_some_and(|c| {
            matches!(
                c,
                '年' | '月'
                    | '天'
                    | '小'
                    | '个'
                    | '個'
                    | '导'
                    | '導'
                    | '岛'
                    | '島'
                    | '径'
                    | '徑'
                    | '夜'
                    | '路'
                    | '场'
                    | '場'
            )
        }) {
            return j;
        }
        let mut start = i;
        let mut end = j;
        let mut share = false;
        if next.is_some_and(|c| c == '数' || c == '數') {
            end += 3;
            share = true;
        }
        match prev_char(s, start) {
            Some(c @ ('过' | '過' | '近')) => {
                start -= c.len_utf8();
                share = true;
            }
            Some(c @ '一') => {
                start -= c.len_utf8();
            }
            _ => {}
        }
        if let Some(t) = starts_with_any(&s[end..], ZH_AFTER_APPROX.get()) {
            end += t.len();
            share = true;
        }
        let mut back = Back {
            start,
            ..Back::default()
        };
        zh_lookback(s, &mut back);
        if !share && !back.qualifier {
            return end;
        }
        self.push(back.start, end, StatKind::Percent);
        end
    }
}

// ---------------------------------------------------------------------------
// Number tokens
// ---------------------------------------------------------------------------

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_cn_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '两'
            | '兩'
            | '几'
            | '幾'
    )
}

/// Scale characters; 兆 is a trillion in Taiwan ("2.16兆元") and mega in 兆瓦, and
/// both read as "a bigger number" here.
fn is_cn_scale(c: char) -> bool {
    matches!(
        c,
        '十' | '拾' | '百' | '佰' | '千' | '仟' | '万' | '萬' | '亿' | '億' | '兆'
    )
}

fn is_cn_numeral(c: char) -> bool {
    is_cn_digit(c) || is_cn_scale(c)
}

fn is_currency_symbol(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '￥' | '₹' | '₩' | '₽' | '＄')
}

#[derive(Clone, Copy, Debug, Default)]
struct NumToken {
    end: usize,
    /// Digits before any separator-free run ends (all digits, for the phone check).
    digits: usize,
    /// The longest run of digits without a thousands separator.
    ungrouped_digits: usize,
    /// Exactly four digits from 1500 to 2100, no separators (or a range starting with one).
    year_like: bool,
    /// Not a quantity: a version, time, date, phone or code ("1.2.3", "10:30", "5/11").
    odd: bool,
}

/// Parse digits at `i` with thousands commas, a decimal point, and one dash range.
fn parse_arabic(s: &str, i: usize) -> NumToken {
    let mut token = NumToken::default();
    let mut j = i;
    let mut run = 0usize;
    let mut first_part: u64 = 0;
    let mut first_part_digits = 0;
    let mut first_part_done = false;
    let mut grouped = false;
    let mut decimals = 0;
    let mut dashes = 0;
    let mut colon_or_slash = false;
    while let Some(c) = next_char(s, j) {
        if is_digit(c) {
            j += c.len_utf8();
            run += 1;
            token.digits += 1;
            token.ungrouped_digits = token.ungrouped_digits.max(run);
            if !first_part_done && first_part_digits < 8 {
                let value = if c.is_ascii_digit() {
                    c as u32 - '0' as u32
                } else {
                    c as u32 - '０' as u32
                };
                first_part = first_part * 10 + u64::from(value);
                first_part_digits += 1;
            }
            continue;
        }
        let follows_digit = |k: usize| next_char(s, k).is_some_and(is_digit);
        let after = j + c.len_utf8();
        match c {
            ',' if follows_digit(after) && three_digits_then_end(s, after) => {
                grouped = true;
                first_part_done = true;
                run = 0;
                j = after;
            }
            '.' | '．' if follows_digit(after) => {
                decimals += 1;
                first_part_done = true;
                run = 0;
                j = after;
            }
            ':' | '/' if follows_digit(after) => {
                colon_or_slash = true;
                first_part_done = true;
                run = 0;
                j = after;
            }
            '-' | '–' if follows_digit(after) => {
                dashes += 1;
                first_part_done = true;
                run = 0;
                j = after;
            }
            _ => break,
        }
    }
    token.end = j;
    let year = first_part_digits == 4 && !grouped && (1500..=2100).contains(&first_part);
    token.year_like = year && (decimals == 0 || dashes > 0);
    // A range may hold at most 4 ungrouped digits per side; more is a phone number.
    token.odd = decimals > 1
        || colon_or_slash
        || dashes > 1
        || (dashes == 1 && !grouped && token.ungrouped_digits > 4);
    token
}

/// After a comma: exactly three digits, then not another digit.
fn three_digits_then_end(s: &str, k: usize) -> bool {
    let mut chars = s[k..].chars();
    let three = (0..3).all(|_| chars.next().is_some_and(|c| c.is_ascii_digit()));
    three && !chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// "138 0000 0000": the end of a run of digit groups separated by single spaces.
fn spaced_digit_group_end(s: &str, end: usize) -> Option<usize> {
    let mut j = end;
    let mut groups = 0;
    while next_char(s, j) == Some(' ') && next_char(s, j + 1).is_some_and(|c| c.is_ascii_digit()) {
        let digits = s[j + 1..]
            .bytes()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits < 3 {
            break;
        }
        j += 1 + digits;
        groups += 1;
    }
    (groups > 0).then_some(j)
}

/// "(1)", "[3]", "【2】": list and footnote markers.
fn enclosed_in_brackets(s: &str, start: usize, end: usize) -> bool {
    matches!(prev_char(s, start), Some('(' | '[' | '（' | '【' | '〔'))
        && matches!(next_char(s, end), Some(')' | ']' | '）' | '】' | '〕'))
}

/// "1." or "2)" or "3、" opening a sentence: list numbering.
fn is_list_number(s: &str, start: usize, end: usize) -> bool {
    let opening = s[..start]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '(' | '（' | '"' | '“' | '*' | '-' | '•'));
    opening
        && matches!(
            next_char(s, end),
            Some('.' | ')' | '）' | '、' | '．' | ':' | '：') | None
        )
}

/// End of the run of ASCII letters and digits starting at `j` (letters glued to a number).
fn alnum_end(s: &str, j: usize) -> usize {
    j + s[j..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count()
}

fn ascii_alnum_end_any(s: &str, j: usize) -> usize {
    let end = alnum_end(s, j);
    if end == j {
        j + next_char(s, j).map_or(1, char::len_utf8)
    } else {
        end
    }
}

/// End of a run of Chinese numeral characters (capped: a longer run is not a number).
fn cn_numeral_run_end(s: &str, j: usize) -> usize {
    let mut end = j;
    for (k, c) in s[j..].char_indices() {
        if !is_cn_numeral(c) {
            break;
        }
        end = j + k + c.len_utf8();
        if k > 60 {
            break;
        }
    }
    end
}

/// A plausible Chinese numeral: 三百二十五, 两千, 十几, 三四十. Rejects idioms such as
/// 一五一十, 十三五, 万万, 一一.
fn well_formed_cn(run: &str) -> bool {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() > 12 {
        return false;
    }
    let has_scale = chars.iter().any(|&c| is_cn_scale(c));
    if !has_scale && chars.len() > 1 {
        return false;
    }
    for k in 0..chars.len() {
        let c = chars[k];
        let next = chars.get(k + 1).copied();
        if let Some(n) = next {
            if is_cn_scale(c) && c == n {
                return false;
            }
            if is_cn_digit(c) && is_cn_digit(n) && !matches!(c, '零' | '〇') {
                // Two digits in a row only as an approximate range before a scale: 三四十.
                if !chars.get(k + 2).is_some_and(|&m| is_cn_scale(m)) {
                    return false;
                }
            }
        }
    }
    true
}

// ---------------------------------------------------------------------------
// What follows a number
// ---------------------------------------------------------------------------

fn forward(s: &str, e: usize) -> Forward {
    match next_char(s, e) {
        Some(c @ ('%' | '％')) => {
            let mut end = e + c.len_utf8();
            // A range of percentages: "5.25%-5.50%", "10%～15%", "5%至8%".
            if let Some(dash @ ('-' | '–' | '~' | '～' | '至' | '到')) = next_char(s, end) {
                let k = end + dash.len_utf8();
                if next_char(s, k).is_some_and(is_digit) {
                    let second = parse_arabic(s, k);
                    if !second.odd {
                        end = second.end;
                        if let Some(p @ ('%' | '％')) = next_char(s, end) {
                            end += p.len_utf8();
                        }
                    }
                }
            }
            Forward {
                end,
                unit: Unit::Percent,
                scaled: false,
                noun: true,
            }
        }
        Some(c) if is_han(c) => cn_forward(s, e),
        _ => en_forward(s, e),
    }
}

fn en_forward(s: &str, e: usize) -> Forward {
    let mut fw = Forward {
        end: e,
        unit: Unit::Bare,
        scaled: false,
        noun: true,
    };
    let mut j = e;
    let done = |end: usize, unit: Unit, scaled: bool, noun: bool| Forward {
        end,
        unit,
        scaled,
        noun,
    };
    if let Some(end) = temperature_end(s, j) {
        return done(end, Unit::Reading, false, true);
    }
    match next_char(s, j) {
        Some(c) if c.is_ascii_alphabetic() => {
            // Letters glued to the number: 5bn, 10x, 7nm, 5G, 9000S, 3rd, 500MW.
            let letters_end = j + s[j..]
                .bytes()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            let glued_end = alnum_end(s, letters_end);
            if glued_end != letters_end || letters_end - j > 12 {
                return done(glued_end, Unit::Skip, false, false);
            }
            let suffix = &s[j..letters_end];
            let lower = suffix.to_ascii_lowercase();
            let class = class_of(&lower);
            match lower.as_str() {
                "k" | "m" | "mn" | "bn" | "b" | "tn" | "trn" | "thousand" | "million"
                | "billion" | "trillion" => {
                    fw.scaled = true;
                    j = letters_end;
                }
                "x" => {
                    let end = comparative_end(s, letters_end).unwrap_or(letters_end);
                    return done(end, Unit::Multiplier, false, false);
                }
                "st" | "nd" | "rd" | "th" => {
                    // "5th largest", "3rd-biggest"
                    let after = if next_char(s, letters_end) == Some('-') {
                        letters_end + 1
                    } else {
                        letters_end
                    };
                    if let Some(w) = word_after(s, after, 1) {
                        if class_of(w.text) & C_SUPERLATIVE != 0 {
                            return done(w.end, Unit::Ranking, false, true);
                        }
                    }
                    return done(letters_end, Unit::Ordinal, false, false);
                }
                "pct" | "percent" => return done(letters_end, Unit::Percent, false, true),
                _ if class & (C_NODE | C_TIME) != 0 => {
                    return done(letters_end, Unit::Skip, false, false)
                }
                "s" | "h" | "am" | "pm" | "g" => {
                    return done(letters_end, Unit::Skip, false, false)
                }
                _ if class & C_MEASURE != 0 => {
                    return done(letters_end, Unit::Measure, false, true)
                }
                _ if class & C_COUNT_UNIT != 0 => {
                    return done(letters_end, Unit::Count, false, false)
                }
                _ => return done(letters_end, Unit::Skip, false, false),
            }
        }
        Some('-') if next_char(s, j + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
            // Hyphenated: 24-bit, 10-fold, 14-nanometer, 45-year-old, 30-odd.
            let word_start = j + 1;
            let word_end = word_start
                + s[word_start..]
                    .bytes()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            let lower = s[word_start..word_end].to_ascii_lowercase();
            let class = class_of(&lower);
            match lower.as_str() {
                "fold" => {
                    let end = comparative_end(s, word_end).unwrap_or(word_end);
                    return done(end, Unit::Multiplier, false, false);
                }
                "percent" => return done(word_end, Unit::Percent, false, true),
                "million" | "billion" | "trillion" => {
                    fw.scaled = true;
                    j = word_end;
                }
                "odd" | "plus" | "strong" => return done(word_end, Unit::Count, false, true),
                _ if class & (C_NODE | C_TIME) != 0 => {
                    return done(alnum_hyphen_end(s, word_end), Unit::Skip, false, false)
                }
                _ if class & C_MEASURE != 0 => return done(word_end, Unit::Measure, false, true),
                _ => {
                    // "a 6-point lead", "the 10,000-step target": the compound measures
                    // a target, limit or margin, so it is a quantity; other compounds
                    // ("a 3-2 win", "a 5-star hotel") are descriptions.
                    let compound_end = alnum_hyphen_end(s, word_end);
                    return match word_after(s, compound_end, 1) {
                        Some(n) if class_of(n.text) & C_TARGET != 0 => {
                            done(n.end, Unit::Count, false, false)
                        }
                        _ => done(compound_end, Unit::Skip, false, false),
                    };
                }
            }
        }
        _ => {}
    }
    // Scale words after a space: "3 million", "2 hundred thousand".
    for _ in 0..3 {
        let Some(w) = word_after(s, j, 2) else { break };
        if class_of(w.text) & C_SCALE != 0 || matches!(w.text, "mn" | "bn") {
            fw.scaled = true;
            j = w.end;
        } else {
            break;
        }
    }
    fw.end = j;
    // "40 %"
    if s[j..].starts_with(" %") || s[j..].starts_with(" ％") {
        let end = j + 1 + next_char(s, j + 1).map_or(0, char::len_utf8);
        return done(end, Unit::Percent, fw.scaled, true);
    }
    let Some(w) = word_after(s, j, 2) else {
        return fw;
    };
    if w.text.starts_with(|c: char| c.is_ascii_digit()) {
        return fw;
    }
    let lower = norm(w.text);
    let class = class_of(&lower);
    match lower.as_str() {
        "percent" | "pct" | "percentage" => {
            let mut end = w.end;
            if lower == "percentage" {
                match word_after(s, w.end, 1) {
                    Some(p) if is_one_of(p.text, &["point", "points"]) => end = p.end,
                    _ => return fw,
                }
            }
            return done(end, Unit::Percent, fw.scaled, true);
        }
        "per" => {
            if let Some(cent) = word_after(s, w.end, 1) {
                if cent.text.eq_ignore_ascii_case("cent") {
                    return done(cent.end, Unit::Percent, fw.scaled, true);
                }
            }
            return fw;
        }
        "times" => {
            return match comparative_end(s, w.end) {
                Some(end) => done(end, Unit::Multiplier, fw.scaled, false),
                None => done(w.end, Unit::Count, fw.scaled, false),
            };
        }
        "fold" => return done(w.end, Unit::Multiplier, fw.scaled, false),
        // "4.8 fewer migraine days", "2,000 more troops": a difference is a count.
        "fewer" | "more" | "less" | "extra" | "additional" => {
            let (end, first) = noun_phrase(s, w.end, 3);
            return match first {
                Some(_) => done(end, Unit::Count, fw.scaled, false),
                None => fw,
            };
        }
        "a" | "p" if s[w.start..].len() >= 3 && s[w.start + 1..].starts_with(".m") => {
            return done(w.end, Unit::Skip, false, false);
        }
        "o'clock" => return done(w.end, Unit::Skip, false, false),
        _ => {}
    }
    if class & C_CURRENCY != 0 {
        return done(w.end, Unit::Money, fw.scaled, true);
    }
    // "5 US dollars", "3 Hong Kong dollars"
    if is_capitalized(w.text) {
        let mut k = w.end;
        for _ in 0..2 {
            match word_after(s, k, 1) {
                Some(d) if is_one_of(d.text, &["dollars", "dollar"]) => {
                    return done(d.end, Unit::Money, fw.scaled, true);
                }
                Some(d) if is_capitalized(d.text) => k = d.end,
                _ => break,
            }
        }
    }
    if class & C_DURATION != 0 {
        return done(w.end, Unit::Duration, fw.scaled, false);
    }
    if class & (C_TIME | C_NODE) != 0 {
        return done(w.end, Unit::Skip, false, false);
    }
    if class & C_MONTH != 0 && is_capitalized(w.text) {
        return done(w.end, Unit::Skip, false, false);
    }
    if class & C_MEASURE != 0 {
        return done(w.end, Unit::Measure, fw.scaled, true);
    }
    // "1 in 4 Americans", "one in five": a share.
    if lower == "in" && !fw.scaled {
        if next_char(s, w.end) == Some(' ')
            && next_char(s, w.end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            let second = parse_arabic(s, w.end + 1);
            if !second.odd
                && !second.year_like
                && second.digits <= 4
                && alnum_end(s, second.end) == second.end
            {
                return done(second.end, Unit::Percent, false, true);
            }
        } else if let Some(n) = word_after(s, w.end, 1) {
            if is_small_number(&norm(n.text)) {
                return done(n.end, Unit::Percent, false, true);
            }
        }
    }
    fw
}

/// "97% of users", "38 cases of measles", "7,000 steps a day", "$76.40 a barrel",
/// "422 parts per million": what a quantity is of, and the rate it is given at, are
/// part of it. A bare number takes no "of" phrase ("7 of …" is a share of a count), nor
/// does a duration ("200 days of the year" is a part of a year, not what was counted).
fn en_tail(s: &str, end: usize, kind: StatKind, takes_of: bool) -> usize {
    let mut end = end;
    let takes_of = takes_of
        && matches!(
            kind,
            StatKind::Percent | StatKind::Count | StatKind::Measure | StatKind::Money
        );
    if takes_of {
        if let Some(of_end) = of_phrase(s, end) {
            end = of_end;
        }
    }
    let Some(w) = word_after(s, end, 1) else {
        return end;
    };
    let rate = if w.text.eq_ignore_ascii_case("per") {
        // "per month", "per capita" — but "per Reuters" names a source.
        word_after(s, w.end, 1)
            .filter(|u| !u.text.eq_ignore_ascii_case("cent") && !is_capitalized(u.text))
    } else if is_one_of(w.text, &["a", "an"]) {
        word_after(s, w.end, 1).filter(|u| {
            class_of(u.text) & (C_DURATION | C_RATE_UNIT) != 0
                && !word_after(s, u.end, 1).is_some_and(|n| {
                    is_one_of(n.text, &["earlier", "ago", "later", "before", "after"])
                })
        })
    } else {
        None
    };
    rate.map_or(end, |u| u.end)
}

/// After a bare number: "of her 9 three-point attempts", "of the 5 judges", "of 12
/// games" — the end of the whole share, or `None`.
fn share_of_count(s: &str, j: usize) -> Option<usize> {
    let of = word_after(s, j, 1)?;
    if !of.text.eq_ignore_ascii_case("of") {
        return None;
    }
    let mut k = of.end;
    if let Some(det) = word_after(s, k, 1) {
        if class_of(det.text) & C_DETERMINER != 0 {
            k = det.end;
        }
    }
    let total = word_after(s, k, 1)?;
    let total_is_number = total.text.bytes().all(|b| b.is_ascii_digit() || b == b',')
        || is_small_number(&norm(total.text));
    if !total_is_number {
        return None;
    }
    let (end, first) = noun_phrase(s, total.end, 3);
    first.map(|_| end)
}

/// "people over 60", "children under 5", "those aged over 65": an age bracket that says
/// who is meant, not a quantity offered as evidence.
fn is_age_limit(s: &str, qualifier_start: usize) -> bool {
    let Some(q) = word_at(s, qualifier_start) else {
        return false;
    };
    if !is_one_of(q.text, &["over", "under", "above", "below"]) {
        return false;
    }
    word_before(s, q.start, 1).is_some_and(|p| {
        class_of(p.text) & C_PLURAL_PERSON != 0
            || is_one_of(
                p.text,
                &[
                    "adults",
                    "those",
                    "anyone",
                    "everyone",
                    "patients",
                    "residents",
                    "drivers",
                    "users",
                    "workers",
                    "aged",
                    "ages",
                    "age",
                    "girls",
                    "boys",
                    "voters",
                ],
            )
    })
}

/// "2.7C", "40°F", "1.5 °C", "35℃": where a temperature unit right after a number ends.
/// A glued capital C or F counts only when nothing alphanumeric follows ("5Cs" is not one).
fn temperature_end(s: &str, j: usize) -> Option<usize> {
    let rest = &s[j..];
    let unit_len = ["°C", "°F", " °C", " °F", "℃", "℉", "C", "F"]
        .iter()
        .find(|u| rest.starts_with(*u))
        .map(|u| u.len())?;
    let end = j + unit_len;
    let glued_letter = unit_len == 1;
    if glued_letter && next_char(s, end).is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    if next_char(s, end).is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some(end)
}

/// Whether a duration after a number is a measured fact rather than a point in time.
/// Evidence: a qualifier ("more than 200 days", "up to three hours"), a claim or growth
/// verb, or a verb of spending time ("took two minutes", "jailed for 14 years",
/// "sentenced to 14 years"). Not evidence: "3 years ago", "two weeks later",
/// "in two weeks", "over three years" (a period), and bare durations.
fn duration_is_evidence(s: &str, back: &Back, unit_end: usize) -> bool {
    if back.zh {
        return zh_duration_is_evidence(s, back, unit_end);
    }
    if let Some(next) = word_after(s, unit_end, 1) {
        if is_one_of(
            next.text,
            &[
                "ago", "old", "later", "earlier", "before", "after", "from", "late", "early",
                "apart", "running", "straight",
            ],
        ) {
            return false;
        }
    }
    if back.claim || back.growth {
        return true;
    }
    if back.qualifier {
        // "over three years" and "under two years" usually say when, not how long.
        let first = word_at(s, back.start).map(|w| norm(w.text));
        return !first.is_some_and(|w| matches!(w.as_str(), "over" | "under" | "some"));
    }
    let Some(before) = word_before(s, back.start, 1) else {
        return false;
    };
    let before_lower = norm(before.text);
    if class_of(&before_lower) & C_SPEND_TIME != 0 {
        return true;
    }
    let verb = word_before(s, before.start, 1).map(|w| norm(w.text));
    match before_lower.as_str() {
        // "jailed for 14 years", "waited for six hours" — but not "for the past".
        "for" => verb.is_some_and(|v| {
            (v.len() > 4 && v.ends_with("ed")) || class_of(&v) & C_SPEND_TIME != 0
        }),
        "to" => verb.is_some_and(|v| matches!(v.as_str(), "sentenced" | "condemned" | "jailed")),
        _ => false,
    }
}

/// The Chinese side of [`duration_is_evidence`]: 耗时3年, 长达2.6小时, 近半小时, 发布才一个月
/// are measured; 3年前, 两年后, 5年来, 三天内 say when.
fn zh_duration_is_evidence(s: &str, back: &Back, unit_end: usize) -> bool {
    let after = s[unit_end..].trim_start_matches(['多', '余', '餘', '左', '右']);
    if after.starts_with([
        '前', '后', '後', '以', '来', '來', '内', '內', '里', '裡', '中', '间', '間', '之', '起',
    ]) {
        return false;
    }
    // 每增加1小时: a step in a rate ("for every extra hour"), not a measured length.
    let head = s[..back.start].trim_end_matches(['了', '达', '達', '到', '至']);
    if let Some(verb) = longest_suffix(head, ZH_GROWTH.get()) {
        if head[..head.len() - verb.len()].ends_with('每') {
            return false;
        }
    }
    // 近4週, 近三年 opening a clause mean "the past four weeks": a time window.
    if s[back.start..].starts_with('近')
        && prev_char(s, back.start).is_none_or(|c| !is_han(c) || matches!(c, '在' | '最'))
    {
        return false;
    }
    if back.qualifier || back.claim || back.growth {
        return true;
    }
    longest_suffix(&s[..back.start], ZH_DURATION_VERBS.get()).is_some()
}

fn alnum_hyphen_end(s: &str, j: usize) -> usize {
    j + s[j..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count()
}

fn cn_forward(s: &str, e: usize) -> Forward {
    let mut fw = Forward {
        end: e,
        unit: Unit::Bare,
        scaled: false,
        noun: false,
    };
    let mut j = cn_scales_end(s, e, &mut fw.scaled);
    // 4亿至8亿, 3到5年: a range is one statistic.
    if let Some(second) = cn_range_end(s, j) {
        j = cn_scales_end(s, second, &mut fw.scaled);
    }
    // 300多家, 300余人, 30来个
    if let Some(c) = next_char(s, j) {
        let k = j + c.len_utf8();
        match c {
            '多' | '余' | '餘' => j = k,
            '来' | '來' | '几' | '幾' if cn_unit_at(s, k).is_some() => j = k,
            _ => {}
        }
    }
    let mut unit = Unit::Bare;
    // A classifier (家, 个, 位) is followed by the noun it counts; a unit that is itself
    // the noun (人, 吨, 元) is not.
    let mut takes_noun = false;
    if let Some(c @ ('%' | '％')) = next_char(s, j) {
        j += c.len_utf8();
        unit = Unit::Percent;
        // 5%至8%
        if let Some(second) = cn_range_end(s, j) {
            if let Some(p @ ('%' | '％')) = next_char(s, second) {
                j = second + p.len_utf8();
            }
        }
    } else if let Some((len, found)) = cn_unit_at(s, j) {
        takes_noun = matches!(found, Unit::Count | Unit::Wei)
            && !ZH_COMPLETE_UNITS.get().contains(&&s[j..j + len]);
        j += len;
        unit = found;
    } else if next_char(s, j) == Some('成') {
        // 四成, 七成以上, 六成受访者: tenths. Not 一成不变, 八成是 (probably), and not
        // the words that start with 成: 成为, 成本, 成员, 成功 ….
        let after = next_char(s, j + 3);
        let probably = s[..j].ends_with('八') && after == Some('是');
        let ok = !probably && after.is_none_or(|a| !ZH_CHENG_WORDS.contains(a));
        if ok {
            j += 3;
            unit = Unit::Percent;
        }
    }
    if matches!(unit, Unit::Skip | Unit::Duration) {
        fw.end = j;
        fw.unit = unit;
        return fw;
    }
    if let Some(t) = starts_with_any(&s[j..], ZH_AFTER_APPROX.get()) {
        j += t.len();
    }
    if takes_noun || (unit == Unit::Bare && fw.scaled) {
        j = cn_noun_end(s, j, 2);
    }
    fw.end = j;
    fw.unit = unit;
    fw
}

/// After a Chinese number at `j`: its scale characters, and Arabic digits between them
/// (3萬8千, 12萬1,532, 1萬2,400) — one number, not two.
fn cn_scales_end(s: &str, j: usize, scaled: &mut bool) -> usize {
    let mut j = j;
    for _ in 0..4 {
        match next_char(s, j) {
            Some(c) if is_cn_scale(c) => {
                j += c.len_utf8();
                *scaled = true;
                if next_char(s, j).is_some_and(|d| d.is_ascii_digit()) {
                    let rest = parse_arabic(s, j);
                    if !rest.odd {
                        j = rest.end;
                    }
                }
            }
            _ => break,
        }
    }
    j
}

/// A range connector and a second number right after a number (至8, 到5, -7, ～10):
/// where the second number's digits end.
fn cn_range_end(s: &str, j: usize) -> Option<usize> {
    let c = next_char(s, j).filter(|c| matches!(c, '至' | '到' | '-' | '–' | '～' | '~'))?;
    let k = j + c.len_utf8();
    let d = next_char(s, k)?;
    if d.is_ascii_digit() {
        let second = parse_arabic(s, k);
        return (!second.odd).then_some(second.end);
    }
    if is_cn_digit(d) {
        return Some(cn_numeral_run_end(s, k));
    }
    None
}

/// The Chinese unit starting at `j`, longest first.
fn cn_unit_at(s: &str, j: usize) -> Option<(usize, Unit)> {
    let rest = s.get(j..)?;
    zh_unit_table()
        .iter()
        .find(|(unit_text, _)| rest.starts_with(unit_text))
        .map(|&(t, unit)| (t.len(), unit))
}

/// `ZH_UNITS` as (unit, kind) pairs, longest unit first.
fn zh_unit_table() -> &'static [(&'static str, Unit)] {
    static TABLE: OnceLock<Vec<(&'static str, Unit)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(&'static str, Unit)> = ZH_UNITS
            .iter()
            .flat_map(|&(unit, list)| list.split_whitespace().map(move |t| (t, unit)))
            .collect();
        table.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        table
    })
}

/// Up to `max` Han characters of noun after a Chinese unit, stopping at function characters.
fn cn_noun_end(s: &str, j: usize, max: usize) -> usize {
    // Candidate ends after 1..=4 characters that can belong to a noun.
    let mut ends = [j; 4];
    let mut n = 0;
    for (k, c) in s[j..].char_indices() {
        if n == ends.len() || !is_han(c) || ZH_STOP_CHARS.contains(c) || is_cn_numeral(c) {
            break;
        }
        ends[n] = j + k + c.len_utf8();
        n += 1;
    }
    // Three or four characters only when they end in a character that typically ends a
    // noun (成年人, 工作岗位, 巴士路線); otherwise `max` characters, which rarely swallow
    // the verb after the noun (企业表示 → 企业).
    for len in (max + 1..=n).rev() {
        let last = s[..ends[len - 1]].chars().next_back();
        if last.is_some_and(|c| ZH_NOUN_ENDS.contains(c)) {
            return ends[len - 1];
        }
    }
    if n == 0 {
        j
    } else {
        ends[n.min(max) - 1]
    }
}

/// Characters that usually end a noun: people (人, 者, 员), organisations (企业, 公司,
/// 机构), places and things (中心, 路线, 岗位, 车辆).
const ZH_NOUN_ENDS: &str = "人者员員生户戶业業司构構位线線心品车車机機校院店厂廠区區村镇鎮民工师師";

fn is_acronym(text: &str) -> bool {
    text.len() >= 2
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// "Chinese", "American", "British", "Israeli", "French": adjectives of origin.
fn is_nationality(text: &str) -> bool {
    let lower = norm(text);
    ["ese", "an", "ish", "ch", "i", "ic"]
        .iter()
        .any(|end| lower.ends_with(end))
}

fn is_plural_noun(lower: &str) -> bool {
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !lower.ends_with("'s")
}

/// "more", "higher", "as large", "the size": the comparison after a multiplier.
fn comparative_end(s: &str, j: usize) -> Option<usize> {
    let w = word_after(s, j, 1)?;
    let lower = norm(w.text);
    if lower == "as" || lower == "the" {
        let next = word_after(s, w.end, 1)?;
        if class_of(next.text) & C_STOP != 0 {
            return None;
        }
        return Some(next.end);
    }
    let class = class_of(&lower);
    let looks_comparative = lower.len() > 4 && lower.ends_with("er") && class & C_STOP == 0;
    (class & C_COMPARATIVE != 0 || looks_comparative).then_some(w.end)
}

/// The adjective after "most"/"least" ("most advanced").
fn adjective_after(s: &str, j: usize) -> Option<usize> {
    let w = word_after(s, j, 1)?;
    let lower = norm(w.text);
    if !lower.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
        || class_of(&lower) & (C_STOP | C_VAGUE_SUBJECT) != 0
        || lower == "people"
    {
        return None;
    }
    Some(w.end)
}

/// "of the companies", "of respondents": after a fraction.
fn of_phrase(s: &str, j: usize) -> Option<usize> {
    let of = word_after(s, j, 1)?;
    if !of.text.eq_ignore_ascii_case("of") {
        return None;
    }
    let mut k = of.end;
    if let Some(det) = word_after(s, k, 1) {
        if class_of(det.text) & C_DETERMINER != 0 || det.text.eq_ignore_ascii_case("all") {
            k = det.end;
        }
    }
    let (end, first) = noun_phrase(s, k, 3);
    first.map(|_| end)
}

/// Up to `max_words` words after `j` forming the counted noun: stops at punctuation,
/// function words, numbers, and words that look like verbs or adverbs.
fn noun_phrase(s: &str, j: usize, max_words: usize) -> (usize, Option<Word<'_>>) {
    let mut end = j;
    let mut first = None;
    for n in 0..max_words {
        let Some(w) = word_after(s, end, 2) else {
            break;
        };
        if w.start == end {
            break; // words must be separated by a space
        }
        let lower = norm(w.text);
        let class = class_of(&lower);
        let verb_like = (lower.len() > 4 && (lower.ends_with("ed") || lower.ends_with("ly")))
            || lower.ends_with("n't")
            || lower.ends_with("'s") && n > 0;
        let growth_noun = n == 0 && class & C_GROWTH_NOUN != 0;
        // "1,200 delayed flights", "300 armed officers": an -ed adjective before a
        // plural noun, not a verb after the number.
        let participle = n == 0
            && verb_like
            && lower.ends_with("ed")
            && word_after(s, w.end, 1).is_some_and(|next| {
                next.start == w.end + 1
                    && is_plural_noun(&norm(next.text))
                    && class_of(next.text) & C_STOP == 0
            });
        if !growth_noun
            && !participle
            && (class & C_STOP != 0 || verb_like || lower.bytes().any(|b| b.is_ascii_digit()))
        {
            break;
        }
        // A word followed by a number belongs to a model name ("iPhone 15").
        if next_char(s, w.end) == Some(' ')
            && next_char(s, w.end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            break;
        }
        if n == 0 {
            first = Some(w);
        }
        end = w.end;
        if class & (C_TIME | C_MONTH) != 0 && n == 0 {
            break;
        }
        // "the 1.5C limit set in Paris": the target noun ends the phrase.
        if class & C_TARGET != 0 {
            break;
        }
        // After a plural head noun the next word is usually the verb
        // ("the top three carmakers control", "300 firms say", "two men died").
        if is_plural_noun(&lower) || class & C_PLURAL_PERSON != 0 {
            break;
        }
    }
    (end, first)
}

// ---------------------------------------------------------------------------
// What stands before a number
// ---------------------------------------------------------------------------

fn en_lookback(s: &str, back: &mut Back) {
    // A number right after another number ("1 2 3", "2019 300") has nothing to read.
    match word_before(s, back.start, 2) {
        None => return,
        Some(w) if w.text.starts_with(|c: char| c.is_ascii_digit()) => return,
        Some(_) => {}
    }
    let (buffer, n_words) = words_before(s, back.start);
    let words = &buffer[..n_words];
    let mut k = 0;
    let may_qualify = words
        .first()
        .is_some_and(|w| class_of(w.text) & C_QUALIFIER_END != 0);
    let qualifier = if may_qualify {
        longest_phrase_tail(words, EN_QUALIFIERS.get())
    } else {
        None
    };
    // "ticked up to 3.9%", "went up to 5": "up" belongs to the verb, "to" is a connector.
    let verb_particle = qualifier == Some(2)
        && words[1].text.eq_ignore_ascii_case("up")
        && words.get(2).is_some_and(|v| {
            let v = norm(v.text);
            class_of(&v) & C_GROWTH_VERB != 0
                || matches!(
                    v.as_str(),
                    "go" | "goes"
                        | "going"
                        | "gone"
                        | "went"
                        | "come"
                        | "comes"
                        | "came"
                        | "shot"
                        | "ticked"
                        | "edged"
                        | "inched"
                        | "crept"
                        | "moved"
                        | "pushed"
                        | "revised"
                        | "rounded"
                )
        });
    if let (Some(n), false) = (qualifier, verb_particle) {
        k = n;
        back.qualifier = true;
        back.start = words[n - 1].start;
    }
    if verb_particle {
        k = 2;
        back.growth = true;
    }
    // The growth verb or noun ("rose", "an increase of") sets the kind but stays out of
    // the span: the statistic is the quantity ("rose 4.1%" → "4.1%").
    let mut g = k;
    if words
        .get(g)
        .is_some_and(|w| is_one_of(w.text, &["by", "to", "from"]))
    {
        g += 1;
    }
    if let Some(w) = words.get(g) {
        if class_of(w.text) & C_GROWTH_VERB != 0 {
            back.growth = true;
        }
    }
    if !back.growth {
        // "an increase of 12%", "growth of 3%"
        if let (Some(of), Some(noun)) = (words.get(k), words.get(k + 1)) {
            if of.text.eq_ignore_ascii_case("of") && class_of(noun.text) & C_GROWTH_NOUN != 0 {
                back.growth = true;
            }
        }
    }
    if !back.growth {
        let claim = |w: Option<&Word>| w.is_some_and(|w| class_of(w.text) & C_CLAIM_VERB != 0);
        if claim(words.get(k)) || claim(words.get(g)) {
            back.claim = true;
        }
    }
    if let Some(w) = words.get(k) {
        if class_of(w.text) & C_RANK_VERB != 0 {
            back.rank_verb = true;
            back.start = back.start.min(w.start);
        }
    }
    if k == 0 && !back.growth && !back.claim && !back.money && !back.rank_verb {
        if let Some(w) = words.first() {
            if class_of(w.text) & C_LABEL != 0 || is_name_like(w) {
                back.name_before = true;
            }
        }
    }
}

fn zh_lookback(s: &str, back: &mut Back) {
    if let Some(q) = longest_suffix(&s[..back.start], ZH_QUALIFIERS.get()) {
        // 达 alone is the verb "reach" (仍达2.6小时): it qualifies but stays out of the span.
        if !matches!(q, "达" | "達") {
            back.start -= q.len();
        }
        back.qualifier = true;
        if matches!(
            q,
            "高达" | "高達" | "多达" | "多達" | "达" | "達" | "超过" | "超過"
        ) {
            back.claim = true;
        }
    }
    if longest_suffix(&s[..back.start], ZH_CLAIMS.get()).is_some() {
        back.claim = true;
    }
    // Connectors between a growth verb and the number: 增长了, 增长到, 下降至.
    let mut t = back.start;
    for _ in 0..2 {
        match prev_char(s, t) {
            Some(c @ ('了' | '达' | '達' | '为' | '為' | '到' | '至')) => t -= c.len_utf8(),
            _ => break,
        }
    }
    // As in English, the growth verb (同比增长) sets the kind but stays out of the span.
    if longest_suffix(&s[..t], ZH_GROWTH.get()).is_some() {
        back.growth = true;
    }
    if longest_suffix(&s[..back.start], ZH_RANK_VERBS.get()).is_some() {
        back.rank_verb = true;
    }
}

/// Start of a Chinese scope (全球, 世界, 中国, 行业 …) before `i`, allowing a short
/// connector (的, 上, 范围内, 排名).
fn zh_scope_start(s: &str, i: usize) -> Option<usize> {
    let head = &s[..i];
    let mut end = head.len();
    if let Some(c) = longest_suffix(head, ZH_SCOPE_CONNECTORS.get()) {
        end -= c.len();
    }
    for cut in [end, head.len()] {
        if let Some(scope) = longest_suffix(&head[..cut], ZH_SCOPES.get()) {
            return Some(cut - scope.len());
        }
    }
    None
}

/// Start of an English scope before a ranking word: "the world's", "global", "China's".
fn scope_before(s: &str, i: usize, allow_named: bool) -> Option<usize> {
    let prev = word_before(s, i, 1)?;
    let lower = norm(prev.text);
    let generic = class_of(&lower) & C_SCOPE != 0;
    let named = allow_named
        && is_capitalized(prev.text)
        && (lower.ends_with("'s") || lower.ends_with("s'"))
        && class_of(lower.trim_end_matches("'s")) & C_NOT_NAME == 0;
    if !(generic || named) {
        return None;
    }
    Some(include_the(s, prev.start))
}

/// Extend a span start over a directly preceding "the".
fn include_the(s: &str, i: usize) -> usize {
    match word_before(s, i, 1) {
        Some(w) if w.text.eq_ignore_ascii_case("the") => w.start,
        _ => i,
    }
}

fn compound_ordinal_superlative(lower: &str) -> bool {
    match lower.split_once('-') {
        Some((a, b)) => class_of(a) & C_ORDINAL != 0 && class_of(b) & C_SUPERLATIVE != 0,
        None => false,
    }
}

fn is_small_number(lower: &str) -> bool {
    if class_of(lower) & C_SMALL != 0 {
        return true;
    }
    match lower.split_once('-') {
        Some((a, b)) => class_of(a) & C_SMALL != 0 && class_of(b) & C_SMALL != 0,
        None => false,
    }
}

fn is_fold_word(lower: &str) -> bool {
    let Some(head) = lower.strip_suffix("fold") else {
        return false;
    };
    let head = head.trim_end_matches('-');
    is_small_number(head) || matches!(head, "hundred" | "thousand")
}

fn is_compound_fraction(lower: &str) -> bool {
    match lower.split_once('-') {
        Some((a, b)) => is_small_number(a) && class_of(b) & C_FRACTION != 0,
        None => false,
    }
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn prev_char(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

fn next_char(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// A word lower-cased on the stack, with typographic apostrophes made straight
/// (words are short and ASCII; this runs for most words of the text).
#[derive(Clone, Copy)]
struct Lower {
    buf: [u8; MAX_WORD + 1],
    len: usize,
}

impl Lower {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// Lower-case, with typographic apostrophes made straight; other non-ASCII
/// characters become '?' and a word longer than any listed word is cut.
fn norm(text: &str) -> Lower {
    let mut lower = Lower {
        buf: [0; MAX_WORD + 1],
        len: 0,
    };
    for c in text.chars() {
        if lower.len == lower.buf.len() {
            break;
        }
        lower.buf[lower.len] = match c {
            '’' => b'\'',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => b'?',
        };
        lower.len += 1;
    }
    lower
}

fn is_capitalized(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// A word that names something: has a capital letter and is not a function word
/// that merely opens a sentence ("The", "About", "In").
fn is_name_like(w: &Word) -> bool {
    w.text.bytes().any(|b| b.is_ascii_uppercase()) && class_of(w.text) & C_NOT_NAME == 0
}

const MAX_WORD: usize = 40;

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// The word starting at `i`: ASCII letters and digits, with inner apostrophes and hyphens.
fn word_at(s: &str, i: usize) -> Option<Word<'_>> {
    let rest = s.get(i..)?;
    if !rest.chars().next()?.is_ascii_alphanumeric() {
        return None;
    }
    let mut end = i;
    let mut chars = rest.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        let joins = is_inner_joiner(c)
            && chars
                .peek()
                .is_some_and(|&(_, n)| n.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || joins {
            end = i + k + c.len_utf8();
            if end - i > MAX_WORD {
                return None;
            }
        } else {
            break;
        }
    }
    Some(Word {
        start: i,
        end,
        text: &s[i..end],
    })
}

/// The word after `j`, past at most `max_spaces` spaces.
fn word_after(s: &str, j: usize, max_spaces: usize) -> Option<Word<'_>> {
    let mut k = j;
    let mut spaces = 0;
    while let Some(c) = next_char(s, k) {
        if c == ' ' || c == '\u{a0}' {
            spaces += 1;
            if spaces > max_spaces {
                return None;
            }
            k += c.len_utf8();
        } else {
            break;
        }
    }
    word_at(s, k)
}

/// The word ending before `j`, past at most `max_spaces` spaces.
fn word_before(s: &str, j: usize, max_spaces: usize) -> Option<Word<'_>> {
    let mut k = j;
    let mut spaces = 0;
    while let Some(c) = prev_char(s, k) {
        if c == ' ' || c == '\u{a0}' {
            spaces += 1;
            if spaces > max_spaces {
                return None;
            }
            k -= c.len_utf8();
        } else {
            break;
        }
    }
    let end = k;
    let mut start = k;
    let head = s.get(..k)?;
    let mut after: Option<char> = None;
    for (idx, c) in head.char_indices().rev() {
        let joins = is_inner_joiner(c) && after.is_some_and(|n| n.is_ascii_alphanumeric());
        if c.is_ascii_alphanumeric() || joins {
            start = idx;
            after = Some(c);
            if end - start > MAX_WORD {
                return None;
            }
        } else {
            break;
        }
    }
    // An apostrophe or hyphen cannot open a word.
    while start < end && s[start..].starts_with(is_inner_joiner) {
        start += next_char(s, start).map_or(1, char::len_utf8);
    }
    (start < end).then(|| Word {
        start,
        end,
        text: &s[start..end],
    })
}

const LOOKBACK_WORDS: usize = 5;

/// Up to five words before `j`, nearest first, separated only by spaces.
fn words_before(s: &str, j: usize) -> ([Word<'_>; LOOKBACK_WORDS], usize) {
    let mut out = [Word {
        start: j,
        end: j,
        text: "",
    }; LOOKBACK_WORDS];
    let mut n = 0;
    let mut at = j;
    while n < LOOKBACK_WORDS {
        let Some(w) = word_before(s, at, 2) else {
            break;
        };
        // Later words must be separated by at least one space.
        if n > 0 && w.end == at {
            break;
        }
        at = w.start;
        out[n] = w;
        n += 1;
    }
    (out, n)
}

/// How many of `words` (nearest first) form the longest phrase from `phrases` ending there.
fn longest_phrase_tail(words: &[Word], phrases: &[&str]) -> Option<usize> {
    phrases
        .iter()
        .map(|p| (p, p.split(' ').count()))
        .filter(|(_, n)| *n <= words.len())
        .filter(|(p, _)| {
            p.rsplit(' ')
                .zip(words.iter())
                .all(|(a, w)| w.text.eq_ignore_ascii_case(a))
        })
        .map(|(_, n)| n)
        .max()
}

fn longest_suffix<'p>(head: &str, candidates: &[&'p str]) -> Option<&'p str> {
    candidates
        .iter()
        .copied()
        .filter(|c| !c.is_empty() && head.ends_with(c))
        .max_by_key(|c| c.len())
}

fn starts_with_any<'p>(rest: &str, candidates: &[&'p str]) -> Option<&'p str> {
    candidates
        .iter()
        .copied()
        .filter(|c| !c.is_empty() && rest.starts_with(c))
        .max_by_key(|c| c.len())
}

// ---------------------------------------------------------------------------
// Word classes (one hash lookup per word keeps the scan fast on long texts)
// ---------------------------------------------------------------------------

const C_SMALL: u64 = 1 << 0;
const C_SCALE: u64 = 1 << 1;
const C_VAGUE_PLURAL: u64 = 1 << 2;
const C_ORDINAL: u64 = 1 << 3;
const C_SUPERLATIVE: u64 = 1 << 4;
const C_MULT_VERB: u64 = 1 << 5;
const C_FRACTION: u64 = 1 << 6;
const C_GROWTH_VERB: u64 = 1 << 7;
const C_GROWTH_NOUN: u64 = 1 << 8;
const C_CLAIM_VERB: u64 = 1 << 9;
const C_RANK_VERB: u64 = 1 << 10;
const C_STOP: u64 = 1 << 11;
const C_TIME: u64 = 1 << 12;
const C_NODE: u64 = 1 << 13;
const C_MEASURE: u64 = 1 << 14;
const C_CURRENCY: u64 = 1 << 15;
const C_MONTH: u64 = 1 << 16;
const C_LABEL: u64 = 1 << 17;
const C_NOT_NAME: u64 = 1 << 18;
const C_SCOPE: u64 = 1 << 19;
const C_VAGUE_SUBJECT: u64 = 1 << 20;
const C_ORG: u64 = 1 << 21;
const C_REPORT: u64 = 1 << 22;
const C_COMPARATIVE: u64 = 1 << 23;
const C_CURRENCY_CODE: u64 = 1 << 24;
const C_COUNT_UNIT: u64 = 1 << 25;
const C_DETERMINER: u64 = 1 << 26;
const C_DATA: u64 = 1 << 27;
/// The last word of a qualifier phrase ("than" in "more than"): gates the phrase search.
const C_QUALIFIER_END: u64 = 1 << 28;
/// Units of time that measure how long ("hours", "years").
const C_DURATION: u64 = 1 << 29;
/// Verbs that spend time ("took", "lasted", "served"): a duration after them is measured.
const C_SPEND_TIME: u64 = 1 << 30;
/// Nouns a number sets or measures against ("target", "limit", "lead").
const C_TARGET: u64 = 1 << 31;
/// Irregular plurals of people and things counted ("men", "children", "feet").
const C_PLURAL_PERSON: u64 = 1 << 32;
/// Nouns that open a list rather than count evidence ("three reasons", "five tips").
const C_LIST_NOUN: u64 = 1 << 33;
/// Base forms of multiplier verbs ("double", "triple"), verbs only after "to" or a modal.
const C_MULT_BASE: u64 = 1 << 34;
/// Things a number names rather than ranks ("the No. 23 shirt", "the No. 9 bus").
const C_IDENTIFIED: u64 = 1 << 35;
/// What a price or amount is given per ("a barrel", "an ounce", "a head").
const C_RATE_UNIT: u64 = 1 << 36;

const WORD_CLASSES: &[(u64, &str)] = &[
    (C_SMALL, "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"),
    (C_SCALE, "hundred thousand million billion trillion"),
    (C_VAGUE_PLURAL, "dozens hundreds thousands millions billions trillions tens scores"),
    (C_ORDINAL, "first second third fourth fifth sixth seventh eighth ninth tenth"),
    (C_SUPERLATIVE, "largest biggest highest fastest greatest smallest lowest best worst longest strongest richest poorest oldest youngest deepest tallest heaviest cheapest busiest wealthiest hottest coldest"),
    (C_MULT_BASE, "double triple quadruple halve"),
    (C_RATE_UNIT, "barrel ounce tonne ton gallon litre liter kilo kilogram pound head person share unit piece capita"),
    (C_IDENTIFIED, "shirt shirts jersey jerseys bus buses train trains tram route platform gate seat car engine locker"),
    (C_MULT_VERB, "doubled tripled quadrupled halved doubling tripling quadrupling halving"),
    (C_FRACTION, "half halves third thirds quarter quarters fifth fifths tenth tenths"),
    (C_GROWTH_VERB, "rose rise rises rising risen grew grow grows growing grown increased increases increasing jumped jumps jump climbed climbs surged surges soared soars fell falls falling fallen dropped drops declined declines declining decreased decreases plunged plunges plummeted slumped slid shrank shrunk gained gains expanded contracted tumbled sank dipped spiked up down"),
    (C_GROWTH_NOUN, "increase increases rise growth drop decline fall jump gain surge decrease reduction cut hike"),
    (C_CLAIM_VERB, "reach reaches reached reaching hit hits hitting achieve achieves achieved achieving exceed exceeds exceeded exceeding surpass surpassed surpasses top tops topped total totals totaled totalled amounted stood stands delivers delivered offers"),
    (C_RANK_VERB, "ranked ranks rank ranking placed finished came"),
    (C_STOP, "a an the and or but nor so yet of in on at to for from by with without within into onto over under about above below after before since until than then that this these those which who whom whose what when where while why how as if is are was were be been being am have has had do does did will would could can may might must should shall not no it its they them their he she his her we our you your i my me us there here said says say per each every all more most less fewer also just only even still now ago last next including according following across between among against during through toward towards via versus vs like unlike plus minus up down out off away back again already too very such both either neither other another some any many much own same become became get got make made take took go went come came see saw show shows showed reach reached hit times percent remain remains remained include includes included account accounts worldwide nationwide globally overall abroad alone together apiece each"),
    // Irregular past tenses end a noun phrase like the "-ed" verbs do ("40% left", "90 firms broke").
    (C_STOP, "arose ate awoke beat began bent bit bled blew broke brought built burnt bought caught chose cost crept dealt dug drew drank drove fed felt fought found fled flew forbade forgot forgave froze gave grew hung heard hid held hurt kept knew laid led left lent let lay lit lost meant met paid put quit rode rang ran sought sold sent shook shone shot shut sang sank sat slept spoke spent spun spread stood stole stuck struck swore swept swam taught tore told thought threw understood woke wore won wrote"),
    (C_DURATION, "second seconds minute minutes min mins hour hours hr hrs day days week weeks month months year years yr yrs decade decades century centuries night nights"),
    (C_SPEND_TIME, "took take takes taking lasted last lasts lasting waited wait waits queued queue"),
    (C_TARGET, "target targets goal goals limit limits cap threshold ceiling lead gap margin majority deficit swing"),
    (C_PLURAL_PERSON, "men women children people police feet teeth mice geese staff cattle personnel"),
    (C_LIST_NOUN, "way ways reason reasons thing things tip tips trick tricks secret secrets step steps question questions answer answers option options side sides word words example examples lesson lessons rule rules sign signs fact facts idea ideas times"),
    (C_TIME, "year years yr yrs month months day days week weeks hour hours hr hrs minute minutes min mins seconds decade decades century centuries am pm o'clock night nights weekend weekends old"),
    (C_NODE, "nm nanometer nanometers nanometre nanometres"),
    (C_MEASURE, "bit bits byte bytes kb mb gb tb pb eb hz khz mhz ghz thz w kw mw gw tw kwh mwh gwh twh v kv mah wh tops flops tflops pflops eflops petaflops teraflops exaflops qubit qubits fps dpi ppi mbps gbps tbps megapixel megapixels mp core cores"),
    (C_CURRENCY, "dollars dollar yuan renminbi rmb euros euro pounds yen won rupees rupee rubles roubles francs usd eur cny jpy gbp hkd"),
    (C_MONTH, "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"),
    (C_LABEL, "version chapter article section page pages room line route flight model episode season phase level grade step stage part volume vol issue type class gen generation series item figure fig table rule paragraph clause act term exhibit appendix lane gate platform row seat floor ward district road street avenue highway channel track tier category number no"),
    (C_NOT_NAME, "the a an this that these those it its they their we our i you he she his her some many most several in on at by for from to of and but or so yet also however meanwhile still now then today yesterday tomorrow last next earlier later according as when while if after before since with without there here what which who even just only all both each every no not one new such more less instead overall thus hence moreover furthermore besides although though because despite during under over about nearly almost around roughly approximately another other again between among within into across through estimated approx circa exceeding below above up down top only rose fell grew jumped reached hit totaled topped"),
    (C_SCOPE, "world's globe's nation's country's planet's continent's region's industry's sector's market's history's global globally worldwide world"),
    (C_VAGUE_SUBJECT, "experts expert analysts analyst observers observer critics critic people sources source insiders insider officials some many others someone somebody reports rumors rumours commentators netizens users they it we you i one everyone everybody studies research scientists researchers media"),
    (C_ORG, "ministry company firm government bureau agency department commission association institute university administration council bank corporation office authority spokesperson spokesman spokeswoman ceo chairman chairwoman president minister secretary director founder regulator exchange fund organization organisation federation union court police embassy customs group chamber party"),
    (C_DATA, "data figures statistics numbers census documents papers records filings"),
    (C_QUALIFIER_END, "than as of whopping record to least most over above below under estimated nearly almost about around roughly approximately approx some just only exceeding circa average minus"),
    (C_REPORT, "report survey study poll analysis paper statement filing"),
    (C_COMPARATIVE, "more less higher lower larger bigger greater smaller faster slower cheaper better worse stronger longer shorter heavier lighter richer wider"),
    (C_CURRENCY_CODE, "usd rmb cny eur jpy gbp hkd aud cad sgd"),
    (C_COUNT_UNIT, "km kg mm cm mph kmh lb lbs mi ft sqm ha"),
    (C_DETERMINER, "the this that its their his her our these those"),
];

/// FNV-1a: the word table is looked up once per English word, and the standard
/// SipHash is several times slower on such short keys.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type WordTable = HashMap<&'static str, u64, BuildHasherDefault<Fnv>>;

fn classes() -> &'static WordTable {
    static CLASSES: OnceLock<WordTable> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = WordTable::default();
        for (class, words) in WORD_CLASSES {
            for word in words.split_whitespace() {
                *map.entry(word).or_insert(0) |= class;
            }
        }
        map
    })
}

/// The classes of a word, ignoring ASCII case and apostrophe style (no allocation).
fn class_of(word: &str) -> u64 {
    if word.len() > MAX_WORD + 2 {
        return 0;
    }
    classes().get(norm(word).as_str()).copied().unwrap_or(0)
}

fn is_one_of(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.eq_ignore_ascii_case(w))
}

static EN_QUALIFIERS: WordList = WordList::new(
    concat!(
    "no fewer than|no less than|no more than|not less than|not more than|as many as|as much as|",
    "as few as|as little as|as high as|as low as|in excess of|a total of|a whopping|a record|",
    "an average of|on average|plus or minus|",
    "more than|less than|fewer than|up to|at least|at most|well over|well above|well below|",
    "just over|just under|close to|upwards of|an estimated|over|under|nearly|almost|about|around|",
    "roughly|approximately|approx|some|just|only|below|above|exceeding|estimated|circa",
),
    '|',
);

/// A list of words or phrases kept as one string (easy to read and extend as data),
/// split once on first use.
struct WordList {
    text: &'static str,
    separator: char,
    split: OnceLock<Vec<&'static str>>,
}

impl WordList {
    const fn new(text: &'static str, separator: char) -> WordList {
        WordList {
            text,
            separator,
            split: OnceLock::new(),
        }
    }

    fn get(&self) -> &[&'static str] {
        self.split.get_or_init(|| {
            self.text
                .split(self.separator)
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .collect()
        })
    }
}

// ----- Chinese lists ----------------------------------------------------------

const ZH_UNITS: &[(Unit, &str)] = &[
    (Unit::Percent, "% ％ 个百分点 個百分點 百分点 百分點"),
    (Unit::Multiplier, "倍"),
    (Unit::Money, concat!(
        "美元 欧元 歐元 日元 英镑 英鎊 港元 港币 港幣 韩元 韓元 卢布 盧布 人民币 台币 台幣 美金 ",
        "人民幣 块钱 塊錢 元",
    )),
    // Lengths of time: statistics only when measured (耗时3年, 长达2.6小时, 才一个月).
    (Unit::Duration, concat!(
        "个月 個月 个小时 個小時 个星期 個星期 个钟头 個鐘頭 年 天 周 週 星期 小时 小時 钟头 鐘頭 ",
        "分钟 分鐘 秒钟 秒鐘",
    )),
    (Unit::Skip, concat!(
        "周年 週年 年代 月 日 号 號 点钟 點鐘 点 點 时 時 岁 歲 世纪 世紀 分 刻 季度 晚 夜 纳米 ",
        "納米 奈米 秒",
    )),
    (Unit::Ranking, "强 強"),
    (Unit::Measure, "位元 量子比特 比特 赫兹 赫茲 兆赫 核 帧 幀 像素 千瓦时 千瓦時 千瓦 兆瓦 吉瓦 瓦 度"),
    (Unit::Wei, "位"),
    (Unit::Count, concat!(
        "人次 人口 公斤 千克 公里 千米 平方公里 平方米 公顷 公頃 个 個 家 名 人 件 台 臺 款 项 項 ",
        "种 種 类 類 座 所 条 條 颗 顆 枚 只 隻 头 頭 辆 輛 架 艘 部 本 篇 份 批 套 张 張 片 块 塊 ",
        "吨 噸 亩 畝 升 桶 户 戶 支 栋 棟 例 起 次 场 場 届 屆 轮 輪 笔 筆 单 單 处 處 间 間 层 層 ",
        "宗 斤 公升 毫升 厘米 公分 克 毫克",
    )),
];

/// Units that are themselves the counted noun: nothing follows them in the span.
static ZH_COMPLETE_UNITS: WordList = WordList::new(
    "人 人次 人口 户 戶 吨 噸 公斤 千克 公里 千米 平方公里 平方米 公顷 公頃 亩 畝 升 桶 次",
    ' ',
);

/// Characters that end a Chinese noun after a unit: particles, prepositions, common verbs.
const ZH_STOP_CHARS: &str = "起的了是在和与與及或等就都也还還被把将將对對从從向为為到里裡而并並但却卻已又再才让讓使给給以于於之其这這那有没沒不很更最会會能可要得地着著过過来來去说說中上下个個多余";

/// Characters that, after 成, make a word (成为, 成本, 成员 …) rather than "tenths".
const ZH_CHENG_WORDS: &str = "为為不了功本员員立果长長熟就交绩績分品型人都语語群效器材像年天事";

static ZH_AFTER_APPROX: WordList = WordList::new("以上 以下 左右 之多 有余 有餘 多", ' ');

static ZH_CURRENCY_BEFORE: WordList =
    WordList::new("人民币 人民幣 新台币 新台幣 港币 港幣 美金", ' ');

static ZH_QUALIFIERS: WordList = WordList::new(
    concat!(
    "超过 超過 超出 超 高达 高達 多达 多達 长达 長達 达 達 近 将近 將近 接近 约 約 大约 大約 逾 仅 僅 仅有 ",
    "僅有 只有 至少 不到 不足 不少于 不少於 不低于 不低於 最多 最少 共 共计 共計 总计 總計 累计 ",
    "累計 合计 合計 多于 多於 少于 少於 足足 整整 时速 時速 每小时 每小時 正负 正負 约正负 約正負",
),
    ' ',
);

/// Words before a length of time that make it a measured one.
static ZH_DURATION_VERBS: WordList = WordList::new(
    concat!(
    "耗时 耗時 用时 用時 历时 歷時 花了 花费 花費 用了 等了 等待 排队 排隊 持续 持續 长达 長達 ",
    "才 仅 僅 只 判处 判處 服刑 坐牢 延误 延誤 停电 停電 学习 學習 工作 加班",
),
    ' ',
);

static ZH_CLAIMS: WordList = WordList::new(
    concat!(
    "达到 達到 突破 突破了 实现 實現 提升至 提升到 提高至 提高到 升至 创下 創下 刷新 达 達 高达 ",
    "高達",
),
    ' ',
);

static ZH_GROWTH: WordList = WordList::new(
    concat!(
    "增长 增長 增加 上涨 上漲 上升 提高 提升 下降 下跌 下滑 减少 減少 降低 暴涨 暴漲 大涨 大漲 ",
    "飙升 飆升 激增 猛增 锐减 銳減 暴跌 大跌 增幅 涨幅 漲幅 跌幅 降幅 增速 翻了 缩水 縮水 萎缩 ",
    "萎縮 回落 反弹 反彈 跃升 躍升 攀升",
),
    ' ',
);

static ZH_RANK_VERBS: WordList = WordList::new(
    concat!(
    "排名 排行 位居 位列 名列 排在 排 居 跻身 躋身 跃居 躍居 稳居 穩居 跃升至 升至 降至 列 位于 ",
    "位於 荣登 榮登 登上",
),
    ' ',
);

static ZH_SCOPES: WordList = WordList::new(
    concat!(
    "全世界 全球 世界 全国 全國 国内 國內 国际 國際 中国 中國 美国 美國 全美 亚洲 亞洲 欧洲 歐洲 ",
    "全欧 行业 行業 业内 業內 业界 業界 全行业 史上 历史上 歷史上 全网 全網 全省 全市 全港 全台 ",
    "全场 国产 國產 同类 同類",
),
    ' ',
);

static ZH_SCOPE_CONNECTORS: WordList =
    WordList::new("的 上 范围内 範圍內 范围 範圍 排名 之 内 內", ' ');

const ZH_FIRST_MEASURES: &[char] = &[
    '个', '個', '款', '家', '台', '臺', '座', '颗', '顆', '架', '艘', '部', '位', '条', '條', '例',
    '辆', '輛', '枚', '只', '隻', '项', '項', '种', '種', '套',
];

// ---------------------------------------------------------------------------
// URLs and source lines
// ---------------------------------------------------------------------------

/// Byte ranges of web addresses (http://, https://, www.).
fn find_urls(text: &str) -> Vec<Range<usize>> {
    static STARTS: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let Some(matcher) = STARTS
        .get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(["http://", "https://", "www."])
                .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut last_end = 0;
    for m in matcher.find_iter(text) {
        if m.start() < last_end
            || prev_char(text, m.start()).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            continue;
        }
        let body = text[m.end()..]
            .bytes()
            .take_while(|b| {
                b.is_ascii_graphic()
                    && !matches!(
                        b,
                        b'"' | b'<' | b'>' | b'`' | b'{' | b'}' | b'|' | b'\\' | b'^'
                    )
            })
            .count();
        let mut end = m.end() + body;
        // Trailing punctuation belongs to the sentence, not the address.
        while end > m.end()
            && matches!(
                text.as_bytes()[end - 1],
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'\''
            )
        {
            end -= 1;
        }
        out.push(m.start()..end);
        last_end = end;
    }
    out
}

#[derive(Clone, Debug)]
struct SourceLine {
    paragraph: usize,
    /// The content after "Source:" (trimmed).
    content: Range<usize>,
}

static SOURCE_LABELS: WordList = WordList::new(
    concat!(
    "data sources|data source|sources|source|信源|来源|來源|数据来源|數據來源|资料来源|資料來源|",
    "消息来源|消息來源|出处|出處",
),
    '|',
);

/// Paragraphs that are a source line: "Source: …", "信源:…".
fn find_source_lines(doc: &Document) -> Vec<SourceLine> {
    let text = doc.text();
    let mut out = Vec::new();
    for (paragraph, range) in doc.paragraphs().iter().enumerate() {
        let para = &text[range.clone()];
        if para.chars().take(301).count() > 300 {
            continue;
        }
        let body = para.trim_start_matches(|c: char| {
            matches!(c, '(' | '[' | '【' | '（' | '*' | '-' | '—' | '•') || c.is_whitespace()
        });
        let Some(label) = SOURCE_LABELS
            .get()
            .iter()
            .filter(|l| {
                body.get(..l.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(l))
            })
            .max_by_key(|l| l.len())
        else {
            continue;
        };
        let rest = body[label.len()..].trim_start();
        let Some(sep) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '：' | '-' | '—' | '–'))
        else {
            continue;
        };
        let content = rest[sep.len_utf8()..]
            .trim()
            .trim_end_matches([')', ']', '】', '）'])
            .trim_end();
        if content.is_empty() {
            continue;
        }
        let start = content.as_ptr() as usize - text.as_ptr() as usize;
        out.push(SourceLine {
            paragraph,
            content: start..start + content.len(),
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Attribution cues
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
    /// "according to …", "援引 …": the cue and the phrase after it.
    Lead,
    /// "per Reuters": only before a name.
    Per,
    /// 据 …: not 据说, 据悉, 据称.
    Ju,
    /// 根据 …: only when a source word follows.
    Genju,
    /// 数据显示: the subject before and the cue.
    Display,
    /// said, announced …: with a named subject.
    SpeechEn,
    /// 表示, 宣布 …: with a subject that is not vague.
    SpeechZh,
    /// 称 / 说 directly before punctuation ("新华社称,").
    SayZh,
}

const CUES: &[(CueKind, &str)] = &[
    (CueKind::Lead, concat!(
        "according to|data from|figures from|statistics from|numbers from|estimates from|",
        "data released by|figures released by|statistics released by|data published by|",
        "figures published by|data compiled by|compiled by|reported by|as reported in|reported in|",
        "report by|report from|study by|study from|study published in|published in|survey by|",
        "survey from|survey conducted by|poll by|poll conducted by|research by|research from|",
        "analysis by|analysis from|estimated by|cited by|citing|quoting|source:|sources:|as per|",
        "figures come from|figures came from|data come from|data comes from|data came from|",
        "numbers come from|numbers came from|statistics come from|estimates come from|",
        "援引|引述|来源:|来源：|來源:|來源：|信源:|信源：|出处:|出处：|数据来自|數據來自|数据来源|",
        "數據來源|资料来源|資料來源|消息来源|消息來源",
    )),
    (CueKind::Per, "per"),
    (CueKind::Ju, "据|據"),
    (CueKind::Genju, "根据|根據"),
    (CueKind::Display, concat!(
        "数据显示|數據顯示|统计显示|統計顯示|报告显示|報告顯示|调查显示|調查顯示|研究显示|研究顯示|",
        "数据表明|數據表明|统计表明|統計表明|研究表明|调查表明|調查表明|报告指出|報告指出|调查发现|",
        "調查發現|研究发现|研究發現|数字显示|數字顯示|资料显示|資料顯示|公告显示|公告顯示|财报显示|",
        "財報顯示|年报显示|年報顯示",
    )),
    (CueKind::SpeechEn, concat!(
        "said|says|say|told|stated|states|announced|announces|reported|reports|disclosed|discloses|",
        "revealed|reveals|noted|notes|estimated|estimates|found|finds|show|shows|showed|shown|",
        "wrote|writes|added|warned|claimed|claims|indicated|indicates|suggests|suggested|confirmed|",
        "confirms|predicted|predicts|forecast|forecasts",
    )),
    (CueKind::SpeechZh, concat!(
        "表示|指出|透露|宣布|宣佈|公布|公佈|发布|發布|發佈|披露|强调|強調|预计|預計|估计|估計|发现|",
        "發現|测算|測算|宣称|宣稱|声称|聲稱|报道|報道|報導|介绍说|介紹說",
    )),
    (CueKind::SayZh, "称|稱|说|說"),
];

fn cue_matcher() -> Option<&'static (AhoCorasick, Vec<CueKind>)> {
    static MATCHER: OnceLock<Option<(AhoCorasick, Vec<CueKind>)>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            let mut patterns = Vec::new();
            let mut kinds = Vec::new();
            for (kind, list) in CUES {
                for p in list.split('|') {
                    patterns.push(p);
                    kinds.push(*kind);
                }
            }
            let matcher = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .ok()?;
            Some((matcher, kinds))
        })
        .as_ref()
}

#[derive(Clone, Debug)]
struct Cue {
    sentence: usize,
    /// The source phrase ("according to the ministry", "中科曙光直接向全球宣布").
    bytes: Range<usize>,
    /// Whether the cue can source numbers in the sentence before or after it. A link
    /// only sources its own sentence (the next sentence's "order at www.x.com" is not
    /// a source), and "his mother said:" opens a quotation rather than citing data.
    reaches_neighbours: bool,
}

fn find_cues(doc: &Document, urls: &[Range<usize>]) -> Vec<Cue> {
    let text = doc.text();
    let mut cues = Vec::new();
    if let Some((matcher, kinds)) = cue_matcher() {
        for m in matcher.find_iter(text) {
            let Some(si) = doc.sentence_index(m.start()) else {
                continue;
            };
            let sentence = doc.sentences()[si].clone();
            if m.start() < sentence.start || m.end() > sentence.end {
                continue;
            }
            let s = &text[sentence.clone()];
            let local = m.start() - sentence.start..m.end() - sentence.start;
            if let Some(phrase) = validate_cue(s, local, kinds[m.pattern().as_usize()]) {
                cues.push(Cue {
                    sentence: si,
                    bytes: phrase.start + sentence.start..phrase.end + sentence.start,
                    reaches_neighbours: !opens_quotation(&s[phrase.end..]),
                });
            }
        }
    }
    for url in urls {
        if let Some(si) = doc.sentence_index(url.start) {
            cues.push(Cue {
                sentence: si,
                bytes: url.clone(),
                reaches_neighbours: false,
            });
        }
    }
    cues.sort_by_key(|c| (c.sentence, c.bytes.start));
    cues
}

/// Does the text right after a speech cue open a quotation ("said: “…", "表示：「…")?
fn opens_quotation(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', ',', '，']);
    rest.starts_with([':', '：', '"', '“', '「', '『', '‘'])
}

/// Check a cue match in its sentence `s` and return the source phrase (local bytes).
fn validate_cue(s: &str, m: Range<usize>, kind: CueKind) -> Option<Range<usize>> {
    let matched = &s[m.clone()];
    if matched.starts_with(|c: char| c.is_ascii_alphabetic()) {
        if prev_char(s, m.start).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        if !matched.ends_with(':') && next_char(s, m.end).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return None;
        }
    }
    match kind {
        CueKind::Lead => Some(m.start..phrase_end(s, m.end)),
        CueKind::Per => per_source(s, m),
        CueKind::Ju => {
            let prev = prev_char(s, m.start);
            let clause_start = prev.is_none_or(|c| {
                !is_han(c)
                    || matches!(
                        c,
                        '另' | '又' | '而' | '也' | '还' | '還' | '但' | '并' | '並'
                    )
            });
            let hearsay = ["说", "說", "悉", "称", "稱", "传", "傳", "了解", "闻", "聞"]
                .iter()
                .any(|h| s[m.end..].starts_with(h));
            let end = phrase_end(s, m.end);
            (clause_start && !hearsay && end > m.end).then_some(m.start..end)
        }
        CueKind::Genju => {
            let end = phrase_end(s, m.end);
            let phrase = &s[m.end..end];
            ZH_SOURCE_HINTS
                .get()
                .iter()
                .any(|h| phrase.contains(h))
                .then_some(m.start..end)
        }
        CueKind::Display => Some(zh_subject_start(s, m.start).unwrap_or(m.start)..m.end),
        CueKind::SpeechEn => en_speech_source(s, m),
        CueKind::SpeechZh => {
            // "华为发布的手机": a modifier, not speech.
            if matches!(next_char(s, m.end), Some('的')) {
                return None;
            }
            let start = zh_subject_start(s, m.start)?;
            zh_named_subject(&s[start..m.start], false).then_some(start..m.end)
        }
        CueKind::SayZh => {
            if !matches!(next_char(s, m.end), Some(',' | '，' | ':' | '：')) {
                return None;
            }
            let start = zh_subject_start(s, m.start)?;
            zh_named_subject(&s[start..m.start], true).then_some(start..m.end)
        }
    }
}

/// Words that make 根据 … a source rather than "based on".
static ZH_SOURCE_HINTS: WordList = WordList::new(concat!(
    "数据 數據 统计 統計 报告 報告 调查 調查 研究 公告 报道 報道 資料 资料 发布 發布 公布 公佈 ",
    "消息 显示 顯示 官方 局 部 署 院 会 會 中心 机构 機構 公司 协会 協會 年报 年報 财报 財報 社 网 ",
    "網",
), ' ');

/// Subjects that do not name anyone: "有人表示", "专家指出", "业内人士透露".
static ZH_VAGUE_SUBJECTS: WordList = WordList::new(
    concat!(
    "有人 人士 专家 專家 网友 網友 外界 人们 人們 大家 业内 業內 舆论 輿論 据说 據說 据悉 據悉 ",
    "传言 傳言 知情 有关方面 有關方面 相关人士 相關人士 有媒体 有媒體 某 一些 不少 很多 许多 許多 ",
    "多位 部分 我们 我們 你们 你們 他们 他們 她们 她們 受访者 受訪者 网民 網民 民众 民眾",
),
    ' ',
);

/// Endings that make 说 an idiom, not speech: 也就是说, 可以说, 换句话说, 对…来说.
static ZH_SAY_IDIOMS: WordList = WordList::new(concat!(
    "也就是 可以 换句话 換句話 比如 总的来 總的來 一般来 一般來 简单来 簡單來 老实 老實 坦白 再 话 ",
    "話 听 聽 或者 所以 就是 来 來 虽然 雖然 不用 应该 應該 不得不 名 简 簡 俗 统 統 职 職 昵 尊 ",
    "号 號 堪 对 對 著 人 总 總 泛 通 宣 声 聲 自",
), ' ');

fn zh_named_subject(subject: &str, say: bool) -> bool {
    let subject = subject.trim();
    if subject.is_empty() || ZH_VAGUE_SUBJECTS.get().iter().any(|v| subject.contains(v)) {
        return false;
    }
    // "七成用户表示": the people counted by the statistic are not its source.
    if subject
        .chars()
        .any(|c| is_digit(c) || matches!(c, '%' | '％' | '成' | '倍'))
    {
        return false;
    }
    if say && ZH_SAY_IDIOMS.get().iter().any(|i| subject.ends_with(i)) {
        return false;
    }
    let n = subject.chars().count();
    n >= 2 || subject == "他" || subject == "她"
}

fn is_zh_clause_stop(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '!'
            | '！'
            | '?'
            | '？'
            | ';'
            | '；'
            | ':'
            | '：'
            | '、'
            | '\n'
            | '"'
            | '“'
            | '”'
            | '「'
            | '」'
            | '『'
            | '』'
            | '('
            | ')'
            | '（'
            | '）'
            | '【'
            | '】'
    )
}

/// Start of the clause before `a` (back to punctuation, at most 20 chars).
fn zh_subject_start(s: &str, a: usize) -> Option<usize> {
    let mut start = a;
    for (n, (idx, c)) in s[..a].char_indices().rev().enumerate() {
        if n >= 20 || is_zh_clause_stop(c) {
            break;
        }
        start = idx;
    }
    let clause = &s[start..a];
    let lead = clause.len() - clause.trim_start().len();
    (start + lead < a).then_some(start + lead)
}

/// End of a source phrase after a cue: up to clause punctuation, eight words or 40 chars.
fn phrase_end(s: &str, b: usize) -> usize {
    let mut end = b;
    let mut words = 0;
    let mut in_space = true;
    for (n, (k, c)) in s[b..].char_indices().enumerate() {
        let at = b + k;
        if n > 60 {
            break;
        }
        let stop = match c {
            '.' | '．' => {
                // Keep "U.S." and "toutiao.com"; stop at a full stop.
                let next = next_char(s, at + 1);
                let prev = prev_char(s, at);
                let abbreviation = prev.is_some_and(|p| p.is_ascii_uppercase())
                    && prev_char(s, at - 1).is_none_or(|pp| !pp.is_ascii_alphabetic());
                !(next.is_some_and(|n| n.is_ascii_alphanumeric()) || abbreviation)
            }
            ':' | '：' => !s[at..].starts_with("://"),
            _ => is_zh_clause_stop(c) || matches!(c, '。' | '…' | '—'),
        };
        if stop {
            break;
        }
        if c.is_whitespace() {
            if !in_space {
                words += 1;
                in_space = true;
            }
            if words >= 8 {
                break;
            }
        } else {
            in_space = false;
            end = at + c.len_utf8();
        }
    }
    end
}

/// "per Reuters", "per the ministry" — not "per cent", "per the hour".
fn per_source(s: &str, m: Range<usize>) -> Option<Range<usize>> {
    let next = word_after(s, m.end, 1)?;
    if next.start == m.end {
        return None;
    }
    let lower = norm(next.text);
    let ok = if lower == "the" {
        let noun = word_after(s, next.end, 1)?;
        class_of(noun.text) & (C_TIME | C_STOP) == 0
            && !is_one_of(noun.text, &["unit", "person", "head", "share", "capita"])
    } else {
        is_capitalized(next.text) && !matches!(lower.as_str(), "cent" | "capita" | "annum")
    };
    ok.then(|| m.start..phrase_end(s, m.end))
}

/// Words allowed in an English subject before a speech verb ("The U.S. Semiconductor
/// Industry Association also publicly warned").
/// Is the word at byte `a` the first word of its sentence (only spaces or quote marks
/// before it, back to the start or to sentence-ending punctuation)?
fn sentence_initial(s: &str, a: usize) -> bool {
    s[..a]
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '‘' | '\'' | '('))
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':'))
}

fn subject_words_before(s: &str, a: usize, n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = a;
    while out.len() < n {
        let head = &s[..at];
        let trimmed = head.trim_end_matches(' ');
        if head.len() - trimmed.len() > 2 || (trimmed.len() == head.len() && !out.is_empty()) {
            break;
        }
        let word_len: usize = trimmed
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '\'' | '’' | '-' | '&'))
            .take(MAX_WORD)
            .map(char::len_utf8)
            .sum();
        if word_len == 0 {
            break;
        }
        let start = trimmed.len() - word_len;
        out.push((start, trimmed.len()));
        at = start;
    }
    out
}

fn en_speech_source(s: &str, m: Range<usize>) -> Option<Range<usize>> {
    let before = subject_words_before(s, m.start, 6);
    let words: Vec<(usize, usize, Lower, &str)> = before
        .iter()
        .map(|&(a, b)| (a, b, norm(s[a..b].trim_end_matches('.')), &s[a..b]))
        .collect();
    if let Some((a, _, lower, _)) = words.first() {
        if lower == "he" || lower == "she" {
            return Some(*a..m.end);
        }
    }
    // "Aid agencies said", "Campaign groups say": an unnamed plural group is vague even
    // when the sentence capitalises its first word — unless a determiner points back to
    // someone named ("the researchers"), or it is an organisation or data word.
    if let Some((_, _, head, raw)) = words.first() {
        let group = !is_capitalized(raw)
            && is_plural_noun(head)
            && class_of(head) & (C_ORG | C_DATA | C_REPORT) == 0;
        let pointed = words
            .iter()
            .skip(1)
            .take(3)
            .any(|(_, _, d, _)| class_of(d) & C_DETERMINER != 0);
        let named_inside = words
            .iter()
            .skip(1)
            .take_while(|(_, _, d, _)| class_of(d) & C_STOP == 0)
            .any(|(a, _, d, raw)| {
                is_capitalized(raw) && class_of(d) & C_NOT_NAME == 0 && !sentence_initial(s, *a)
            });
        if group && !pointed && !named_inside {
            return None;
        }
    }
    let mut named_at: Option<usize> = None;
    for (k, (_, _, lower, raw)) in words.iter().enumerate() {
        let class = class_of(lower.trim_end_matches("'s"));
        if class & C_VAGUE_SUBJECT != 0 {
            continue;
        }
        let numeric = class & (C_SMALL | C_SCALE | C_VAGUE_PLURAL) != 0 || lower == "percent";
        // "WHO", "US", "IMF": an acronym is a name even when it spells a function word.
        let acronym = raw.len() >= 2
            && raw
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'.' || b == b'&');
        let named = is_capitalized(raw) && (class & C_NOT_NAME == 0 || acronym) && !numeric;
        let report = class & C_REPORT != 0
            && words
                .get(k + 1)
                .is_some_and(|(_, _, d, _)| class_of(d) & C_DETERMINER != 0);
        if named || class & (C_ORG | C_DATA) != 0 || report {
            named_at = Some(k);
        }
    }
    if let Some(k) = named_at {
        // Extend over the rest of the name and a determiner: "The U.S. Semiconductor …".
        let mut first = k;
        while let Some((_, _, lower, raw)) = words.get(first + 1) {
            let class = class_of(lower);
            if class & C_DETERMINER != 0 {
                first += 1;
                break;
            }
            let name_part = is_capitalized(raw) && class & C_NOT_NAME == 0;
            // A lower-case modifier of the organisation: "the port authority".
            let modifier = !is_capitalized(raw)
                && class & (C_STOP | C_NOT_NAME | C_VAGUE_SUBJECT) == 0
                && !lower.ends_with("ly")
                && !lower.ends_with("ed");
            if name_part || modifier {
                first += 1;
            } else {
                break;
            }
        }
        return Some(words[first].0..m.end);
    }
    // After the verb: "said Lisa Su", "said the ministry", "told a Reuters reporter" is
    // not a source, so only a name or an organisation directly (or after an article).
    let mut at = m.end;
    let mut end = None;
    for n in 0..3 {
        let Some(w) = word_after(s, at, 1) else { break };
        let lower = norm(w.text);
        let class = class_of(&lower);
        if (is_capitalized(w.text) && class & C_NOT_NAME == 0) || (class & C_ORG != 0 && n > 0) {
            end = Some(w.end);
            at = w.end;
            // The rest of the name.
            while let Some(more) = word_after(s, at, 1) {
                if is_capitalized(more.text) && class_of(more.text) & C_NOT_NAME == 0 {
                    at = more.end;
                    end = Some(more.end);
                } else {
                    break;
                }
            }
            break;
        }
        if n == 0 && matches!(lower.as_str(), "the" | "a" | "an" | "its") {
            at = w.end;
            continue;
        }
        break;
    }
    end.map(|e| m.start..e)
}

// ---------------------------------------------------------------------------
// Source look-up
// ---------------------------------------------------------------------------

struct SourceIndex<'q> {
    cues: Vec<Cue>,
    sentence_paragraph: Vec<usize>,
    paragraph_lead: Vec<Option<usize>>,
    source_lines: Vec<SourceLine>,
    quotes: Vec<(Span, &'q Speaker)>,
    /// Quotes attributed to someone vague ("experts say …").
    vague: Vec<Span>,
}

impl<'q> SourceIndex<'q> {
    fn build(
        doc: &Document,
        urls: &[Range<usize>],
        source_lines: Vec<SourceLine>,
        quotes: &'q [Finding],
    ) -> Self {
        let text = doc.text();
        let cues = find_cues(doc, urls);
        let paragraphs = doc.paragraphs();
        let mut sentence_paragraph = Vec::with_capacity(doc.sentences().len());
        let mut p = 0;
        for sentence in doc.sentences() {
            while p + 1 < paragraphs.len() && paragraphs[p].end <= sentence.start {
                p += 1;
            }
            sentence_paragraph.push(p);
        }
        let mut paragraph_lead = vec![None; paragraphs.len()];
        for (idx, cue) in cues.iter().enumerate() {
            let si = cue.sentence;
            let Some(&para) = sentence_paragraph.get(si) else {
                continue;
            };
            let first_of_paragraph = si == 0 || sentence_paragraph[si - 1] != para;
            if !first_of_paragraph || paragraph_lead[para].is_some() {
                continue;
            }
            let sentence = &doc.sentences()[si];
            let opening = text[sentence.start..cue.bytes.start.max(sentence.start)]
                .chars()
                .all(|c| {
                    c.is_whitespace() || matches!(c, '"' | '“' | '「' | '(' | '（' | '\'' | '‘')
                });
            if opening {
                paragraph_lead[para] = Some(idx);
            }
        }
        let mut attributed: Vec<(Span, &'q Speaker)> = quotes
            .iter()
            .filter(|q| q.kind == Kind::Quote && q.status == Status::Attributed)
            .filter_map(|q| match &q.detail {
                Detail::Quote {
                    speaker: Some(speaker),
                    ..
                } => Some((q.span, speaker)),
                _ => None,
            })
            .collect();
        attributed.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
        let mut vague: Vec<Span> = quotes
            .iter()
            .filter(|q| q.kind == Kind::Quote && q.status == Status::VagueAttribution)
            .map(|q| q.span)
            .collect();
        vague.sort_by_key(|span| (span.start, std::cmp::Reverse(span.end)));
        SourceIndex {
            vague,
            cues,
            sentence_paragraph,
            paragraph_lead,
            source_lines,
            quotes: attributed,
        }
    }

    fn cue_ref(&self, doc: &Document, idx: usize, reach: SourceReach) -> SourceRef {
        let bytes = self.cues[idx].bytes.clone();
        SourceRef {
            text: doc.text()[bytes.clone()].to_string(),
            span: doc.span(bytes),
            reach,
        }
    }

    /// Cues of sentence `si`, as an index range into `self.cues`.
    fn cues_of(&self, si: usize) -> Range<usize> {
        let start = self.cues.partition_point(|c| c.sentence < si);
        let end = self.cues.partition_point(|c| c.sentence <= si);
        start..end
    }

    fn find(&self, doc: &Document, bytes: &Range<usize>, span: Span) -> Option<SourceRef> {
        // 1. Inside a quote with a named speaker.
        let after = self.quotes.partition_point(|(q, _)| q.start <= span.start);
        for k in (after.saturating_sub(3)..after).rev() {
            let (quote, speaker) = self.quotes[k];
            if quote.contains(span) {
                return Some(SourceRef {
                    text: speaker.text.clone(),
                    span: speaker.span,
                    reach: SourceReach::QuotedSpeaker,
                });
            }
        }
        let si = doc.sentence_index(bytes.start)?;
        // 2. The nearest cue in the same sentence.
        let range = self.cues_of(si);
        if !range.is_empty() {
            let local = &self.cues[range.clone()];
            let p = local.partition_point(|c| c.bytes.start < bytes.start);
            let distance = |c: &Cue| {
                if c.bytes.start >= bytes.end {
                    c.bytes.start - bytes.end
                } else {
                    bytes.start.saturating_sub(c.bytes.end)
                }
            };
            let best = [p.checked_sub(1), Some(p)]
                .into_iter()
                .flatten()
                .filter(|&k| k < local.len())
                .min_by_key(|&k| distance(&local[k]));
            if let Some(k) = best {
                return Some(self.cue_ref(doc, range.start + k, SourceReach::SameSentence));
            }
        }
        let paragraph = *self.sentence_paragraph.get(si)?;
        // A number someone vague claims ("Experts say 95% is needed") is theirs, not
        // the data a neighbouring sentence cites.
        let after = self.vague.partition_point(|q| q.start <= span.start);
        let vague_claim = self.vague[after.saturating_sub(3)..after]
            .iter()
            .any(|q| q.contains(span));
        // 3. The previous or next sentence of the same paragraph.
        let mut best: Option<(usize, usize)> = None; // (distance, cue index)
        if !vague_claim && si > 0 && self.sentence_paragraph[si - 1] == paragraph {
            let prev = self.cues_of(si - 1);
            if let Some(k) = prev.rev().find(|&k| self.cues[k].reaches_neighbours) {
                let d = bytes.start.saturating_sub(self.cues[k].bytes.end);
                best = Some((d, k));
            }
        }
        if !vague_claim && self.sentence_paragraph.get(si + 1) == Some(&paragraph) {
            let mut next = self.cues_of(si + 1);
            if let Some(k) = next.find(|&k| self.cues[k].reaches_neighbours) {
                let d = self.cues[k].bytes.start.saturating_sub(bytes.end);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, k));
                }
            }
        }
        if let Some((_, k)) = best {
            return Some(self.cue_ref(doc, k, SourceReach::AdjacentSentence));
        }
        // 3b. The sentence opens by pointing back at a source named a little earlier
        // ("…, according to a Northpoint poll. The survey of 1,204 adults put …").
        if !vague_claim && opens_with_back_reference(&doc.text()[doc.sentences()[si].clone()]) {
            let before = self.cues.partition_point(|c| c.sentence < si);
            if let Some(k) = before.checked_sub(1) {
                let cue_paragraph = self.sentence_paragraph.get(self.cues[k].sentence).copied();
                if self.cues[k].sentence + 4 >= si
                    && cue_paragraph.is_some_and(|p| p + 1 >= paragraph)
                {
                    return Some(self.cue_ref(doc, k, SourceReach::AdjacentSentence));
                }
            }
        }
        // 4. The paragraph opens with a source.
        if let Some(k) = self.paragraph_lead.get(paragraph).copied().flatten() {
            return Some(self.cue_ref(doc, k, SourceReach::ParagraphLead));
        }
        // 5. A source line after it.
        let idx = self
            .source_lines
            .partition_point(|l| l.paragraph <= paragraph);
        let line = self.source_lines.get(idx)?;
        Some(SourceRef {
            text: doc.text()[line.content.clone()].to_string(),
            span: doc.span(line.content.clone()),
            reach: SourceReach::SourceLine,
        })
    }
}

/// Does a sentence open with a definite reference to a report named before it
/// ("The survey …", "The study's authors …", "该研究…", "這項調查…")?
fn opens_with_back_reference(sentence: &str) -> bool {
    const EN: &[&str] = &[
        "the survey",
        "the poll",
        "the study",
        "the report",
        "the research",
        "the analysis",
        "the census",
        "the data",
        "the figures",
        "this survey",
        "this poll",
        "this study",
        "this report",
        "that survey",
        "that poll",
        "that study",
        "that report",
    ];
    const ZH: &[&str] = &[
        "该研究",
        "該研究",
        "该调查",
        "該調查",
        "该报告",
        "該報告",
        "该民调",
        "該民調",
        "这项研究",
        "這項研究",
        "这项调查",
        "這項調查",
        "这份报告",
        "這份報告",
        "此次调查",
        "此次調查",
        "民调",
        "民調",
        "调查",
        "調查",
        "报告",
        "報告",
        "研究",
    ];
    let head: String = sentence.chars().take(24).collect::<String>().to_lowercase();
    EN.iter().any(|p| {
        head.strip_prefix(p).is_some_and(|rest| {
            rest.starts_with(|c: char| !c.is_alphanumeric()) || rest.starts_with("s ")
        })
    }) || ZH.iter().any(|p| head.starts_with(p))
}

/// End of the Arabic or Chinese numeral starting at `j` (`j` itself if none).
fn number_end(s: &str, j: usize) -> usize {
    if next_char(s, j).is_some_and(is_digit) {
        parse_arabic(s, j).end
    } else {
        cn_numeral_run_end(s, j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::QuoteForm;

    fn run(text: &str) -> Vec<Finding> {
        detect(&Document::new(text), &[])
    }

    /// The statistics found in `text`, as (span text, status), in order.
    fn check(text: &str, expected: &[(&str, Status)]) {
        let doc = Document::new(text);
        let found: Vec<(String, Status)> = detect(&doc, &[])
            .iter()
            .map(|f| (doc.slice(f.span).to_string(), f.status))
            .collect();
        let expected: Vec<(String, Status)> =
            expected.iter().map(|(t, s)| (t.to_string(), *s)).collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    /// The statistics found in `text`, as (span text, rule id).
    fn check_rules(text: &str, expected: &[(&str, &str)]) {
        let doc = Document::new(text);
        let found: Vec<(String, String)> = detect(&doc, &[])
            .iter()
            .map(|f| (doc.slice(f.span).to_string(), f.rule_id.clone()))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(t, r)| (t.to_string(), r.to_string()))
            .collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    /// The one statistic whose span is `span_text`, its source text and reach.
    fn source_of(text: &str, span_text: &str) -> Option<(String, SourceReach)> {
        let doc = Document::new(text);
        let findings = detect(&doc, &[]);
        let finding = findings
            .iter()
            .find(|f| doc.slice(f.span) == span_text)
            .unwrap_or_else(|| panic!("no statistic {span_text:?} in {text:?}: {findings:#?}"));
        match &finding.detail {
            Detail::Statistic { source } => source.as_ref().map(|s| (s.text.clone(), s.reach)),
            other => panic!("wrong detail {other:?}"),
        }
    }

    use Status::{Sourced as S, Unsourced as U};

    #[test]
    fn english_counts_percentages_and_money() {
        check(
            "The agency hired more than 250 new inspectors last spring.",
            &[("more than 250 new inspectors", U)],
        );
        check(
            "Roughly 40% of the farms reported losses.",
            &[("Roughly 40% of the farms", U)],
        );
        check(
            "Some 12 percent of voters stayed home.",
            &[("Some 12 percent of voters", U)],
        );
        check(
            "Turnout fell 3.5 per cent on the year.",
            &[("3.5 per cent", U)],
        );
        check(
            "The port handled 2 million containers.",
            &[("2 million containers", U)],
        );
        check(
            "They invested $3.5 billion in the plant.",
            &[("$3.5 billion", U)],
        );
        check("The bank lent US$40m to the dairy.", &[("US$40m", U)]);
        check(
            "Fines reached 300 million yuan.",
            &[("300 million yuan", U)],
        );
        check(
            "Nearly two million people signed it.",
            &[("Nearly two million people", U)],
        );
        check("Forty percent said no.", &[("Forty percent", U)]);
        check(
            "Over 1,200 schools and clinics closed.",
            &[("Over 1,200 schools", U)],
        );
    }

    #[test]
    fn english_rule_ids() {
        check_rules(
            "Exports rose 12% while imports fell by 2 million tonnes.",
            &[("12%", "stat.growth"), ("2 million tonnes", "stat.growth")],
        );
        check_rules(
            "Prices are three times higher than in the south.",
            &[("three times higher", "stat.multiplier")],
        );
        check_rules(
            "The new drug works 10x faster.",
            &[("10x faster", "stat.multiplier")],
        );
        check_rules(
            "Output has nearly doubled since the merger.",
            &[("nearly doubled", "stat.multiplier")],
        );
        check_rules(
            "A tenfold increase followed.",
            &[("tenfold increase", "stat.multiplier")],
        );
        check_rules(
            "It built the world's first floating turbine.",
            &[("the world's first floating turbine", "stat.ranking")],
        );
        check_rules(
            "It is the country's second-largest lender.",
            &[("the country's second-largest lender", "stat.ranking")],
        );
        check_rules(
            "Norway was ranked first for press freedom.",
            &[("ranked first", "stat.ranking")],
        );
        check_rules(
            "They are the No. 1 supplier of valves.",
            &[("the No. 1 supplier", "stat.ranking")],
        );
        check_rules(
            "The firm joined the top 10 chipmakers.",
            &[("the top 10 chipmakers", "stat.ranking")],
        );
        check_rules(
            "More than half of the nurses quit.",
            &[("More than half of the nurses", "stat.percent")],
        );
        check_rules(
            "Two-thirds of respondents agreed.",
            &[("Two-thirds of respondents", "stat.percent")],
        );
        check_rules(
            "Tens of thousands of workers marched.",
            &[("Tens of thousands of workers", "stat.count")],
        );
        check_rules(
            "The chip is hundreds of times faster.",
            &[("hundreds of times faster", "stat.multiplier")],
        );
        check_rules(
            "Accuracy reaches 16-bit precision.",
            &[("16-bit precision", "stat.measure")],
        );
        check_rules(
            "A 12% increase was recorded.",
            &[("12% increase", "stat.growth")],
        );
    }

    #[test]
    fn english_things_that_are_not_statistics() {
        let none: &[(&str, Status)] = &[];
        for text in [
            "In 2019 the ban began, and in 2021 it widened.",
            "The meeting on May 11 started at 10:30.",
            "Call 555-123-4567 or +1 202 555 0100 today.",
            "The iPhone 15 and the Mate 60 Pro both use 5G.",
            "NVIDIA's H100 and A100 are banned; the Kirin 9000S is not.",
            "Windows 11 replaced version 10 of the system.",
            "Update to v2.3.1 or 1.2.3.4 will not help.",
            "SMIC makes 7nm chips with its N+1 process below 10nm.",
            "It was the first time she voted. At first, nobody noticed.",
            "They doubled down on the plan.",
            "A large number of developers joined.",
            "GPT-4 and COVID-19 dominated the news.",
            "The 14-nanometer line opened for a 45-year-old engineer.",
            "He spent 3 years abroad in the 1990s.",
            "Read more at https://example.com/2024/05/11/report-300-firms.html please.",
            "See footnote [3] and (2) below.",
            "The two companies and one union signed.",
            "It is the largest dam in the world, and the world's biggest lake.",
            "Three years ago she moved; in two weeks she returns.",
            "Here are five reasons to stay, and one or two doubts.",
            "Robinson wears the No. 23 shirt.",
            "The offer is open to people over 60.",
            "They doubled down on a double standard.",
            "Two people familiar with the talks said so.",
            "Chapter 7 covers Article 5.",
            "The 5th anniversary is on the 11th.",
            "Only one of them came.",
        ] {
            check(text, none);
        }
        check("1. Scope\n2) Method\n3、Results", none);
    }

    #[test]
    fn english_counts_in_words_durations_and_readings() {
        check(
            "Officers arrested two men and seized three vans.",
            &[("two men", U), ("three vans", U)],
        );
        check("Nine patients are in hospital.", &[("Nine patients", U)]);
        check(
            "The side lost four of its first six matches.",
            &[("four of its first six matches", U)],
        );
        check(
            "She scored 7 of her 10 penalties.",
            &[("7 of her 10 penalties", U)],
        );
        check(
            "Shelling killed dozens and injured hundreds more.",
            &[("dozens", U), ("hundreds more", U)],
        );
        check("He was jailed for 12 years.", &[("12 years", U)]);
        check("The hearing lasted six hours.", &[("six hours", U)]);
        check(
            "Patients waited up to four hours.",
            &[("up to four hours", U)],
        );
        check("The ice is at least 400,000 years old", none_of());
        check(
            "The ice is older than at least 400,000 years.",
            &[("at least 400,000 years", U)],
        );
        check(
            "Seas warmed by 1.1C, close to the 1.5C limit.",
            &[("1.1C", U), ("1.5C limit", U)],
        );
        check("It hit 41°C in the shade.", &[("41°C", U)]);
        check("Her party holds an 8-point lead.", &[("8-point lead", U)]);
        check("The deal would double output.", &[("double", U)]);
        check(
            "The country is the third nation to reach Mars.",
            &[("the third nation", U)],
        );
        check(
            "Patients had 3.2 fewer sick days per month.",
            &[("3.2 fewer sick days per month", U)],
        );
        check("Gold closed at $2,400 an ounce.", &[("$2,400 an ounce", U)]);
        check(
            "The airline reported 900 cancelled flights.",
            &[("900 cancelled flights", U)],
        );
        check("Unemployment ticked up to 4.1%.", &[("4.1%", U)]);
        check(
            "The poll has a margin of plus or minus 3 points.",
            &[("plus or minus 3 points", U)],
        );
    }

    fn none_of() -> &'static [(&'static str, Status)] {
        &[]
    }

    #[test]
    fn vague_groups_and_links_do_not_source_their_neighbours() {
        // An unnamed plural group is vague even when it opens the sentence.
        let groups = "Turnout was 61%. Campaign groups said young voters were registering.";
        assert_eq!(source_of(groups, "61%"), None);
        // An organisation, even unnamed, is still a source.
        let named = "Sales fell by 15%. The health ministry said demand was weak.";
        assert!(source_of(named, "15%").is_some());
        // A link in the next sentence is where to buy, not where the number comes from.
        let link = "The phone costs $699. Order it at www.shop.example today.";
        assert_eq!(source_of(link, "$699"), None);
        // "his mother said:" opens a quotation; it does not source the sentence before.
        let opener = "He needed 30 stitches. His mother Ann Lee said: \"He is brave.\"";
        assert_eq!(source_of(opener, "30 stitches"), None);
        // A number an unnamed expert claims is not sourced by the data next to it.
        let claim =
            "Coverage fell to 86%, according to state data. Experts say coverage of 95% is needed.";
        let doc = Document::new(claim);
        let quotes = crate::analysis::quotes::detect(&doc);
        let with_quotes = detect(&doc, &quotes);
        let needed = with_quotes
            .iter()
            .find(|f| doc.slice(f.span) == "95%")
            .expect("95%");
        assert_eq!(needed.status, Status::Unsourced, "{with_quotes:#?}");
        assert_eq!(
            source_of(claim, "95%").map(|s| s.1),
            Some(SourceReach::AdjacentSentence)
        );
        // Leaked papers show …: documents are a source.
        assert!(source_of("Council tax to rise 9.9%, leaked papers show.", "9.9%").is_some());
    }

    #[test]
    fn chinese_durations_count_when_measured() {
        check("列车晚点长达3小时。", &[("长达3小时", U)]);
        check("他被判处十年。", &[("十年", U)]);
        check("新规实施才一个月就见效。", &[("一个月", U)]);
        check("学生每天学习时间增加了近半小时。", &[("近半小时", U)]);
        check("近3年来,该市新建了40所学校。", &[("40所学校", U)]);
        check("三年前他来到这里,两年后离开。", none_of());
        check("2024年,该市人口增加。", none_of());
        check("久坐时间每增加1小时,风险上升。", none_of());
        check("这3种食物别空腹吃。", none_of());
        check("该市住宅登记錄得4,312宗。", &[("4,312宗", U)]);
    }

    #[test]
    fn years_count_when_qualified_or_with_a_unit() {
        check(
            "More than 2000 volunteers came.",
            &[("More than 2000 volunteers", U)],
        );
        check("The fund paid $1999 per claim.", &[("$1999 per claim", U)]);
        check("In 2020 sales reached 2,020 units.", &[("2,020 units", U)]);
    }

    #[test]
    fn chinese_counts_percentages_money_and_growth() {
        check_rules(
            "今年共有超过300家企业参展。",
            &[("超过300家企业", "stat.count")],
        );
        check_rules(
            "约百分之四十的受访者表示反对。",
            &[("约百分之四十", "stat.percent")],
        );
        check_rules("其中三分之一来自农村。", &[("三分之一", "stat.percent")]);
        check_rules("项目投资5亿元建设新厂。", &[("5亿元", "stat.money")]);
        check_rules("融资350万美元。", &[("350万美元", "stat.money")]);
        check_rules("营收同比增长15%。", &[("15%", "stat.growth")]);
        check_rules("效率提高了3倍。", &[("3倍", "stat.growth")]);
        check_rules("速度快了上百倍。", &[("上百倍", "stat.multiplier")]);
        check_rules("产量翻了一番。", &[("翻了一番", "stat.multiplier")]);
        check_rules("该市有1200万人口。", &[("1200万人口", "stat.count")]);
        check_rules("有三十多家医院参加。", &[("三十多家医院", "stat.count")]);
        check_rules("近半数员工选择留下。", &[("近半数", "stat.percent")]);
        check_rules("七成以上的用户满意。", &[("七成以上", "stat.percent")]);
        check_rules("全场涌入３００名观众。", &[("３００名观众", "stat.count")]);
        check_rules("精度达到16位浮点。", &[("16位浮点", "stat.measure")]);
        check_rules("现场来了300位专家。", &[("300位专家", "stat.count")]);
        check_rules(
            "逾千人到场,百余家企业参展。",
            &[("逾千人", "stat.count"), ("百余家企业", "stat.count")],
        );
        check_rules(
            "数百万人受影响,损失几十亿美元。",
            &[("数百万人", "stat.count"), ("几十亿美元", "stat.money")],
        );
    }

    #[test]
    fn chinese_rankings() {
        check_rules(
            "这是全球首款量产的固态电池。",
            &[("全球首款", "stat.ranking")],
        );
        check_rules(
            "他们建成了国内首个海上风电站。",
            &[("国内首个", "stat.ranking")],
        );
        check_rules(
            "我国成为世界第三个登月的国家。",
            &[("世界第三个", "stat.ranking")],
        );
        check_rules(
            "该港口吞吐量位居全国第一。",
            &[("全国第一", "stat.ranking")],
        );
        check_rules("该公司排名第五。", &[("排名第五", "stat.ranking")]);
        check_rules("这是世界第二大经济体。", &[("世界第二大", "stat.ranking")]);
        check_rules("三家公司进入世界500强。", &[("世界500强", "stat.ranking")]);
    }

    #[test]
    fn chinese_things_that_are_not_statistics() {
        let none: &[(&str, Status)] = &[];
        for text in [
            "2020年5月11日下午3点,会议开始。",
            "万万没想到,他一个人走了一个月。",
            "他们一步步拧成一股绳,一家独大的局面被打破。",
            "这款芯片用28纳米工艺,支持5G,采用4nm Chiplet。",
            "第一,要坚持;第二天再说。",
            "麒麟9000S芯片装在华为Mate 60上。",
            "一、总体要求",
            "他十分高兴,百姓千方百计想办法。",
            "十三五规划和十四五规划。",
            "半导体产业发展了半年。",
            "这是我第一次来,最顶尖的技术也在这里。",
            "百分之百的把握。",
            "万卡超算集群只有美国能搞出来。",
            "千万不要相信,万一出事,千家万户都受影响。",
            "双11和618期间,三星发布了新品。",
            "第一季度和二季度的情况。",
        ] {
            check(text, none);
        }
    }

    #[test]
    fn english_sources_in_the_sentence_and_next_to_it() {
        check(
            "Unemployment reached 7% last year, according to the Labour Bureau.",
            &[("7%", S)],
        );
        assert_eq!(
            source_of(
                "Unemployment reached 7% last year, according to the Labour Bureau.",
                "7%"
            ),
            Some((
                "according to the Labour Bureau".into(),
                SourceReach::SameSentence
            ))
        );
        let text = "Rents rose 9% in a year. The figures come from a survey by Knight Frank.";
        assert_eq!(
            source_of(text, "9%"),
            Some((
                "figures come from a survey by Knight Frank".into(),
                SourceReach::AdjacentSentence
            ))
        );
        // A sentence that points back at a named survey inherits its source, two
        // sentences and a paragraph break later; an unrelated sentence does not.
        let poll = "Labour leads, according to a Northpoint poll. It was a cold week.\n\nThe survey of 1,204 adults put Labour on 38%. Turnout was 64%.";
        assert_eq!(
            source_of(poll, "38%"),
            Some((
                "according to a Northpoint poll".into(),
                SourceReach::AdjacentSentence
            ))
        );
        assert_eq!(source_of(poll, "64%"), None);
        assert_eq!(
            source_of("该研究共追踪了1.2万名成年人。", "1.2万名成年人"),
            None,
            "a back-reference with nothing before it sources nothing"
        );
        let said = "The port authority said 4,000 ships docked there.";
        assert_eq!(
            source_of(said, "4,000 ships"),
            Some(("The port authority said".into(), SourceReach::SameSentence))
        );
        let named = "About 300 clinics closed, said Maria Lopez.";
        assert_eq!(
            source_of(named, "About 300 clinics"),
            Some(("said Maria Lopez".into(), SourceReach::SameSentence))
        );
        let per = "Sales fell 8% per Reuters.";
        assert_eq!(
            source_of(per, "8%"),
            Some(("per Reuters".into(), SourceReach::SameSentence))
        );
        let link = "Over 500 firms failed (see https://stats.example.org/firms).";
        assert_eq!(
            source_of(link, "Over 500 firms"),
            Some((
                "https://stats.example.org/firms".into(),
                SourceReach::SameSentence
            ))
        );
    }

    #[test]
    fn vague_or_distant_sources_do_not_count() {
        check("Experts say 60% of bees are gone.", &[("60% of bees", U)]);
        check("Some people said 200 homes burned.", &[("200 homes", U)]);
        // Two sentences away in the same paragraph.
        check(
            "According to the ministry, the rules are new. They are strict. Over 90 firms broke them. Nobody knows why.",
            &[("Over 90 firms", S)],
        );
        // ...which is sourced only through the paragraph lead.
        assert_eq!(
            source_of(
                "According to the ministry, the rules are new. They are strict. Over 90 firms broke them. Nobody knows why.",
                "Over 90 firms"
            ),
            Some(("According to the ministry".into(), SourceReach::ParagraphLead))
        );
        // A source in another paragraph does not reach.
        check(
            "The ministry said so.\nOver 90 firms broke the rules.",
            &[("Over 90 firms", U)],
        );
        // "per cent" and "per the hour" are not sources.
        check("Wages rose 4 per cent.", &[("4 per cent", U)]);
    }

    #[test]
    fn source_lines_cover_the_statistics_above_them() {
        let text = "Imports fell 20% this spring.\n\nSource: National Customs Office\n\nDisclaimer: opinions only.";
        assert_eq!(
            source_of(text, "20%"),
            Some(("National Customs Office".into(), SourceReach::SourceLine))
        );
        // A credit line at the top covers nothing.
        check(
            "来源:某某网\n今年有超过300家企业倒闭。",
            &[("超过300家企业", U)],
        );
        let zh = "今年有超过300家企业倒闭。\n信源:国家统计局公告";
        assert_eq!(
            source_of(zh, "超过300家企业"),
            Some(("国家统计局公告".into(), SourceReach::SourceLine))
        );
    }

    #[test]
    fn chinese_sources() {
        let ju = "据海关总署统计,出口增长了12%。";
        assert_eq!(
            source_of(ju, "12%"),
            Some(("据海关总署统计".into(), SourceReach::SameSentence))
        );
        let display = "国家统计局数据显示,全国有4.5万家工厂。";
        assert_eq!(
            source_of(display, "4.5万家工厂"),
            Some(("国家统计局数据显示".into(), SourceReach::SameSentence))
        );
        let speech = "该公司董事长表示,今年将招聘500名工程师。";
        assert_eq!(
            source_of(speech, "500名工程师"),
            Some(("该公司董事长表示".into(), SourceReach::SameSentence))
        );
        check("据悉,已有200家门店关闭。", &[("200家门店", U)]);
        check("业内人士透露,已有200家门店关闭。", &[("200家门店", U)]);
        check("也就是说,已有200家门店关闭。", &[("200家门店", U)]);
    }

    #[test]
    fn numbers_in_a_named_speakers_quote_are_sourced_to_the_speaker() {
        let text = "“We hired 400 engineers this year,” Chen Wei told reporters. Nobody checked.";
        let doc = Document::new(text);
        let quote_start = 0;
        let quote_end = text.chars().position(|c| c == '”').unwrap() + 1;
        let name_start = text
            .chars()
            .take_while(|_| true)
            .collect::<String>()
            .find("Chen Wei")
            .map(|b| doc.char_index(b))
            .unwrap();
        let speaker = Speaker {
            text: "Chen Wei".into(),
            span: Span::new(name_start, name_start + 8),
            named: true,
        };
        let quote = Finding {
            kind: Kind::Quote,
            status: Status::Attributed,
            span: Span::new(quote_start, quote_end),
            rule_id: "quote.direct".into(),
            explanation: String::new(),
            detail: Detail::Quote {
                form: QuoteForm::Direct,
                speaker: Some(speaker.clone()),
                cue: Some("told".into()),
            },
        };
        let findings = detect(&doc, std::slice::from_ref(&quote));
        assert_eq!(findings.len(), 1);
        assert_eq!(doc.slice(findings[0].span), "400 engineers");
        assert_eq!(findings[0].status, Status::Sourced);
        let Detail::Statistic {
            source: Some(source),
        } = &findings[0].detail
        else {
            panic!("no source")
        };
        assert_eq!(source.reach, SourceReach::QuotedSpeaker);
        assert_eq!(source.text, "Chen Wei");
        assert_eq!(source.span, speaker.span);
        assert!(findings[0].explanation.contains("Chen Wei"));
        // Without the quote finding, the nearest cue is "Chen Wei told" in the same sentence.
        let plain = detect(&doc, &[]);
        assert_eq!(plain[0].status, Status::Sourced);
        // An unattributed quote gives no source.
        let mut vague = quote.clone();
        vague.status = Status::Unattributed;
        let text2 = "“We hired 400 engineers this year.” Nobody checked.";
        let doc2 = Document::new(text2);
        vague.span = Span::new(0, text2.chars().position(|c| c == '”').unwrap() + 1);
        let findings2 = detect(&doc2, &[vague]);
        assert_eq!(findings2[0].status, Status::Unsourced);
    }

    #[test]
    fn spans_are_code_points_and_explanations_read_well() {
        let text = "😀😀 北京有超过300家企业。Then 40% left.";
        let doc = Document::new(text);
        let findings = detect(&doc, &[]);
        let slices: Vec<&str> = findings.iter().map(|f| doc.slice(f.span)).collect();
        assert_eq!(slices, vec!["超过300家企业", "40%"]);
        assert!(findings
            .iter()
            .all(|f| f.kind == Kind::Statistic && f.status.valid_for(Kind::Statistic)));
        assert!(findings[1]
            .explanation
            .starts_with("A percentage offered as evidence; no source"));
    }

    #[test]
    fn odd_input_never_panics() {
        let long_digits = "9".repeat(10_000);
        let mixed = "1.2.3.4 %%% 😀1😀 ９９％ 1,,,2 $ $$ 1- -1 1e10 …… 第 首 最 前 翻 半 百分之 分之 No. top- twice the";
        let samples = [
            "",
            " ",
            "%%%",
            "1",
            "１",
            "$",
            "No.",
            "No. 1",
            "top",
            "the world's",
            "a",
            "百分之",
            "第",
            "首",
            "据",
            "根据",
            "said",
            "Source:",
            "信源:",
            "http://",
            "1,000,",
            "3.",
            "3.5.",
            "-5%",
            "1e10",
            // Regression: a typographic apostrophe inside a word once split a char.
            "so’lu ab’fold twofold’s world’s first",
            mixed,
            long_digits.as_str(),
        ];
        for sample in samples {
            let doc = Document::new(sample);
            for f in detect(&doc, &[]) {
                assert!(f.span.end <= doc.char_len());
            }
        }
        // A deterministic pseudo-random mix of tricky characters.
        let alphabet: Vec<char> = "0123456789０９.,:-/%％$¥ abcXYZ第首最前翻半百千万亿一两十多余倍年月日号点的了据显示表示\n。,!?\"“”😀𠀀'’()[]".chars().collect();
        let mut state: u64 = 0x9e3779b97f4a7c15;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..80 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            let doc = Document::new(&text);
            for f in detect(&doc, &[]) {
                assert!(
                    f.span.start < f.span.end && f.span.end <= doc.char_len(),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn findings_do_not_overlap_and_run_in_order() {
        let text = "Over 300 firms, 40% of them Chinese, made $2 billion, up 12% from the 2,000 units of the world's largest plant.";
        let findings = run(text);
        assert!(findings.len() >= 5, "{findings:#?}");
        for pair in findings.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
    }
}
