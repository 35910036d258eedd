//! Quotes and attributions: direct quotes (“…”, "…", 「…」, 『…』, ‘…’), reported speech
//! ("X said that …", "according to X", 他表示…), who is speaking, vague attributions
//! ("experts say", 有人问, 据悉) and scare quotes, in English and Chinese (Simplified and
//! Traditional).
//!
//! Three passes, each linear in the text (no regex: a small scanner and one
//! aho-corasick automaton of cue words):
//!
//! 1. `scan_direct_quotes` pairs quotation marks paragraph by paragraph. A quote stops
//!    at its paragraph's end unless the next paragraph opens with the same mark (the
//!    convention for a quote running over several paragraphs), and is never longer than
//!    `MAX_QUOTE_BYTES`, so one stray mark cannot swallow a long text. Single marks
//!    double as apostrophes (Huawei's, don’t), so ‘ and ' open a quote only at a word
//!    start and close it only at a word end; an unclosed “ or 「 runs to its paragraph's
//!    end, an unclosed ' or " opens nothing.
//! 2. `find_attributions` looks up cue words (said, warned, according to, 表示, 警告, 据悉 …)
//!    outside quotes, and around each one reads the speaker (the subject before the cue,
//!    or after it in "…," said Li) and the reported content (the rest of the sentence,
//!    or the clause before "…, analysts said"). The context each cue reads is bounded,
//!    and so is the total (`WINDOW_BUDGET_PER_BYTE`), so text made of nothing but cue
//!    words stays fast.
//! 3. [`detect`] gives each direct quote a speaker: the nearest cue whose content holds
//!    it, or a cue right after it ("…," he added). A quote running over paragraphs shares
//!    one speaker; a quote opening a sentence after an attributed quote in the same
//!    paragraph, or opening the paragraph right after one that ended with it, continues
//!    that speaker (wire copy attributes a quotation once). Quotes left without a speaker
//!    are scare quotes when short (at most [`SCARE_MAX_WORDS`] words or [`SCARE_MAX_HAN`]
//!    Han characters) and unattributed otherwise.
//!
//! Decisions a reader of the output should know:
//! - **Names and titles in quotation marks are skipped, not reported.** A quoted term
//!   after "called", "dubbed", "known as", 名为, 称为, a button label after "click" or
//!   点击, a saying after "as the saying goes" or 俗话说, a Title Case English phrase, or
//!   a Chinese term ending in, or followed by, a naming noun (“中国小芯片标准”,
//!   “一带一路”倡议) is a name, not speech and not the author keeping a distance, so
//!   flagging it would only add noise. 《…》 book-title marks are never quotes.
//! - **The author's own words** ("I told them: “…”", 我们常说“…”) are not quotations of
//!   anyone and are skipped; so are "I think …" and "we believe …".
//! - **Pronouns and short references** (he, she, it, 他, 她; "the company", "the force",
//!   "the minister", a bare surname; 公司, 该公司, 该负责人) resolve to the nearest person or
//!   organisation of that kind named before (labelling §5): speakers, and names the text
//!   gives without a cue — a name after a title or role ("Judge Howard Pell", "scientist
//!   Dr. Paul Ferreira"), in apposition ("The conference president, Lars Eklund,"), opening
//!   a sentence, or an organisation ("Police in Calder", "Lumora Inc.", "the firm Keystone
//!   Cyber", 青禾科技). Persons reach back one paragraph, organisations three. The speaker
//!   then carries the name and points at its earlier mention. An unresolved he/she stays
//!   an attributed speaker ("he"); "they"/他们 stands for a group that opened the sentence
//!   before ("The researchers …. They found …") and is otherwise a vague attribution.
//! - **"According to" a document** (figures, a study, a poll, state data) sources
//!   statistics but quotes no one; "according to" a person, an office or a publication is
//!   reported speech. Likewise "A study found that …" is no quote, "The researchers found
//!   that …" is.
//! - **A quotation with no cue of its own** continues the speaker whose words are reported
//!   in the sentence right before it (“陳家樂表示，……。「……」”), and after a colon it is the
//!   words of the clause's subject ("Union boss hits back: “…”", 有网友留言：“……”).
//! - **A short quote repeating words of an earlier attributed quote** is that speaker's
//!   wording (rule `quote.echo`), not a scare quote.
//! - **Partial quotes inside reported speech** ("X warned the plan was “reckless”") are
//!   that speaker's words; the reported finding is dropped when the content is almost
//!   all direct quote.
//! - **Named or vague**: a speaker is vague when nobody in particular is named: plural
//!   or indefinite people ("experts", "a source", "U.S. officials", "people familiar with
//!   the matter", 业内人士, 有人), "anyone"/"many"/"some", hearsay passives ("it is widely
//!   believed", "is said to") and 据悉/据了解. A name in the phrase ("analysts at Goldman
//!   Sachs", "data from the ministry") or a definite role ("the CEO of NVIDIA") is named.
//!
//! Rule ids: `quote.direct`, `quote.echo`, `quote.reported`, `quote.unattributed`,
//! `quote.scare`, `quote.scare.so-called`, `quote.vague.<slug>` (slug: the vague
//! speaker, e.g. `experts`, `anyone`, `someone`, `it-is-believed`, `reportedly`).

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::text::{is_han, Document};
use super::{Detail, Finding, Kind, QuoteForm, Speaker, Status};

/// The longest quote accepted, in bytes (about 2,600 Han characters or 1,300 English
/// words): longer than any real quotation, short enough that an unclosed mark in a
/// pasted book does not turn the rest of it into one quote.
const MAX_QUOTE_BYTES: usize = 8_000;
/// The longest reported content, in bytes, for the same reason.
const MAX_CONTENT_BYTES: usize = 1_200;
/// How far before a cue the speaker is looked for.
const LEFT_WINDOW: usize = 220;
/// The first, usually sufficient, look before a cue; the full window is read only
/// when the subject runs to its edge.
const LEFT_GLANCE: usize = 90;
/// How far before a participle cue ("…, saying") the clause's subject is looked for.
const CLAUSE_WINDOW: usize = 400;
/// How far after a cue its object, "that" and content are looked for.
const RIGHT_WINDOW: usize = 160;
/// Window bytes all cues together may read, per byte of text (plus a fixed allowance):
/// ordinary text uses a fraction of it; text that is nothing but cue words stops being
/// analysed for attributions rather than taking minutes.
const WINDOW_BUDGET_PER_BYTE: usize = 8;
/// How far back (bytes) a pronoun looks for the person it stands for.
const PRONOUN_REACH: usize = 2_500;
/// Total bytes the echo check may compare over the whole text, keeping it linear.
const ECHO_BUDGET: usize = 4_000_000;
/// A quote of at most this many English words with no speaker is a scare quote.
pub const SCARE_MAX_WORDS: usize = 4;
/// A quote of at most this many Han characters with no speaker is a scare quote.
pub const SCARE_MAX_HAN: usize = 8;

/// Quotes and attributions in `doc`, sorted by span start (longer first). Never panics.
pub fn detect(doc: &Document) -> Vec<Finding> {
    let quotes = scan_direct_quotes(doc);
    let attributions = find_attributions(doc, &quotes);
    let mut findings = quote_findings(doc, &quotes, &attributions);
    findings.extend(reported_findings(doc, &quotes, &attributions));
    findings.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    findings
}

// ---------------------------------------------------------------------------
// Pass 1: direct quotes
// ---------------------------------------------------------------------------

/// The kinds of quotation mark; each closes only with its own partner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    CurlyDouble,
    CurlySingle,
    StraightDouble,
    StraightSingle,
    Corner,
    WhiteCorner,
}

impl Mark {
    fn opening(c: char) -> Option<Mark> {
        match c {
            '“' => Some(Mark::CurlyDouble),
            '‘' => Some(Mark::CurlySingle),
            '"' => Some(Mark::StraightDouble),
            '\'' => Some(Mark::StraightSingle),
            '「' => Some(Mark::Corner),
            '『' => Some(Mark::WhiteCorner),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Marks that are never apostrophes or inch signs: an unclosed one is still a quote.
    fn unambiguous(self) -> bool {
        matches!(self, Mark::CurlyDouble | Mark::Corner | Mark::WhiteCorner)
    }
}

/// Does the character at `i` close a quote, and of which kind?
fn closing_mark(chars: &[(usize, char)], i: usize) -> Option<Mark> {
    let prev = i.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    let after_word = prev.is_some_and(|p| !p.is_whitespace());
    let word_end = after_word && next.is_none_or(|n| !n.is_alphanumeric());
    match chars[i].1 {
        '”' => Some(Mark::CurlyDouble),
        '」' => Some(Mark::Corner),
        '』' => Some(Mark::WhiteCorner),
        // ’ inside a word is an apostrophe (don’t, Huawei’s), not a closing mark.
        '’' if word_end => Some(Mark::CurlySingle),
        '\'' if word_end => Some(Mark::StraightSingle),
        '"' if after_word || next.is_none_or(char::is_whitespace) => Some(Mark::StraightDouble),
        _ => None,
    }
}

/// May the mark at `i` open a quote?
fn opens_quote(chars: &[(usize, char)], i: usize, mark: Mark) -> bool {
    let prev = i.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    let word_start = !prev.is_some_and(|p| p.is_alphanumeric());
    match mark {
        Mark::CurlyDouble | Mark::Corner | Mark::WhiteCorner => next.is_some(),
        // ‘90s and 'em are elisions, not quotes: a single mark must open onto a letter.
        Mark::CurlySingle | Mark::StraightSingle => {
            word_start && next.is_some_and(char::is_alphabetic)
        }
        // 5'10" is an inch sign: a straight double mark must not follow a letter or digit.
        Mark::StraightDouble => word_start && next.is_some_and(|n| !n.is_whitespace()),
    }
}

/// One direct quote (or one paragraph's segment of a quote running over several).
#[derive(Clone, Debug)]
struct DirectQuote {
    /// Bytes of the quote including its marks.
    bytes: Range<usize>,
    /// Bytes between the marks.
    inner: Range<usize>,
    /// False when the closing mark is missing (the quote stops at its paragraph's end).
    closed: bool,
    /// Index of the previous segment when this one continues a quote from the paragraph before.
    continues: Option<usize>,
    paragraph: usize,
}

fn scan_direct_quotes(doc: &Document) -> Vec<DirectQuote> {
    let text = doc.text();
    let paragraphs = doc.paragraphs();
    let mut quotes: Vec<DirectQuote> = Vec::new();
    // Set when a paragraph ends inside a quote that the next paragraph continues.
    let mut carried: Option<(usize, char)> = None;
    for (paragraph, para) in paragraphs.iter().enumerate() {
        let chars: Vec<(usize, char)> = text[para.clone()]
            .char_indices()
            .map(|(b, c)| (para.start + b, c))
            .collect();
        let carried_in = carried.take();
        // Closing-mark positions per kind, so each opener finds its partner by binary search.
        let mut closers: [Vec<usize>; 6] = Default::default();
        for i in 0..chars.len() {
            if let Some(mark) = closing_mark(&chars, i) {
                closers[mark.index()].push(i);
            }
        }
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            let Some(mark) = Mark::opening(c).filter(|&m| opens_quote(&chars, i, m)) else {
                i += 1;
                continue;
            };
            let continues = carried_in
                .filter(|&(_, open)| i == 0 && open == c)
                .map(|(q, _)| q);
            let list = &closers[mark.index()];
            let after = list.partition_point(|&x| x <= i);
            if let Some(&close) = list.get(after) {
                let (close_at, close_char) = chars[close];
                let end = close_at + close_char.len_utf8();
                if end - start <= MAX_QUOTE_BYTES {
                    push_quote(
                        text,
                        &mut quotes,
                        DirectQuote {
                            bytes: start..end,
                            inner: start + c.len_utf8()..close_at,
                            closed: true,
                            continues,
                            paragraph,
                        },
                    );
                    i = close + 1;
                    continue;
                }
            }
            // No partner in this paragraph: the quote runs on into the next paragraph if
            // that one opens with the same mark, or is an unclosed quote that stops here.
            if para.end - start <= MAX_QUOTE_BYTES {
                let next_opens_same = paragraphs
                    .get(paragraph + 1)
                    .and_then(|p| text[p.clone()].chars().next())
                    .is_some_and(|n| n == c);
                if next_opens_same || mark.unambiguous() {
                    let pushed = push_quote(
                        text,
                        &mut quotes,
                        DirectQuote {
                            bytes: start..para.end,
                            inner: start + c.len_utf8()..para.end,
                            closed: false,
                            continues,
                            paragraph,
                        },
                    );
                    if next_opens_same {
                        carried = pushed.map(|q| (q, c));
                    }
                    break;
                }
            }
            i += 1;
        }
    }
    quotes
}

/// Keep a quote unless it is empty; returns its index.
fn push_quote(text: &str, quotes: &mut Vec<DirectQuote>, quote: DirectQuote) -> Option<usize> {
    let inner = text[quote.inner.clone()].trim();
    // A lone letter between marks (rock 'n' roll) or a bare number is not a quotation.
    if inner.chars().filter(|c| c.is_alphabetic()).count() < 2 && !inner.chars().any(is_han) {
        return None;
    }
    quotes.push(quote);
    Some(quotes.len() - 1)
}

/// Index of the quote containing byte `pos`, if any.
fn quote_containing(quotes: &[DirectQuote], pos: usize) -> Option<usize> {
    let after = quotes.partition_point(|q| q.bytes.start <= pos);
    let candidate = after.checked_sub(1)?;
    (quotes[candidate].bytes.end > pos).then_some(candidate)
}

/// Index of the quote ending exactly at byte `pos`, if any.
fn quote_ending_at(quotes: &[DirectQuote], pos: usize) -> Option<usize> {
    let after = quotes.partition_point(|q| q.bytes.start < pos);
    let candidate = after.checked_sub(1)?;
    (quotes[candidate].bytes.end == pos).then_some(candidate)
}

// ---------------------------------------------------------------------------
// Cue words
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueClass {
    /// Takes a bare clause: "Li said the plan failed."
    Say,
    /// Needs "that", a colon or a quote after it (an object may come between):
    /// "announced that …", not "announced layoffs".
    That,
    /// Belief verbs: a finding with a vague subject ("analysts believe …"), or with
    /// a named one only before "that".
    Belief,
    /// Participles whose speaker is the clause's subject: "X published an article stating:".
    Participle,
    /// "according to X".
    According,
    /// "X called the move “reckless”": attributes a following quote, never reported content.
    Characterise,
    /// Only in the passive: "it is understood that", "is rumoured to".
    PassiveOnly,
    /// Chinese speech verb: 表示, 称, 指出 …
    ZhSay,
    /// Chinese speech verb taking an object before the content: 警告美国,…; 告诉记者,…
    ZhObject,
    /// Chinese belief or question verb, counted only with a vague subject: 有人问, 大家都觉得.
    ZhVagueOnly,
    /// Chinese hearsay with no subject at all: 据悉, 据了解, 据说.
    ZhStandalone,
    /// 报道: a cue only as 据X报道 or when punctuation follows.
    ZhReport,
    /// A full-width colon after a vague Chinese speaker and a short verb: 网友暴动：….
    ZhColon,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    class: CueClass,
    /// May the content follow as a bare clause, without "that" or a colon?
    bare: bool,
    /// Does the verb take a person as object before the content (told reporters that …)?
    object: bool,
}

#[rustfmt::skip]
const EN_SAY: &[&str] = &[
    "said", "says", "say", "added", "adds", "argued", "argues", "argue", "insisted", "insists", "insist",
    "contended", "contends", "asserted", "asserts", "stated", "exclaimed", "exclaims", "exclaim", "replied",
    "replies", "responded", "countered",
];
const EN_SAY_OBJECT: &[&str] = &["warned", "warns", "warn", "told", "tells", "tell"];
#[rustfmt::skip]
const EN_THAT: &[&str] = &[
    "announced", "announces", "confirmed", "confirms", "revealed", "reveals", "disclosed", "discloses", "denied",
    "denies", "admitted", "admits", "admit", "acknowledged", "acknowledges", "acknowledge", "conceded", "concedes",
    "concede", "declared", "declares", "noted", "notes", "note", "observed", "observes", "remarked", "stressed",
    "stresses", "emphasized", "emphasised", "emphasizes", "emphasises", "explained", "explains", "predicted",
    "predicts", "suggested", "suggests", "reported", "reports", "claimed", "claims", "claim", "maintained",
    "maintains", "wrote", "writes", "tweeted", "posted", "complained", "complains", "lamented", "laments",
    "boasted", "boasts", "recalled", "recalls", "testified", "vowed", "vows", "pledged", "promised", "alleged",
    "alleges", "hinted", "cautioned", "cautions", "reiterated", "reiterates", "pointed out", "points out",
    "point out", "made clear", "made it clear", "makes clear", "ruled", "found", "finds", "concluded", "concludes", "asked", "asks", "ask",
    "whine", "whines", "whined", "grumbled", "grumbles", "moaned", "moans", "bragged", "brags", "scoffed",
    "quipped", "joked", "jokes", "retorted", "griped", "sneered", "boast", "announce", "confirm", "reveal",
    "disclose", "deny", "declare", "stress", "explain", "predict", "suggest", "maintain", "complain", "lament",
    "recall", "testify", "vow", "pledge", "allege", "caution", "reiterate", "observe",
];
const EN_THAT_OBJECT: &[&str] = &["reminded", "assured", "informed"];
#[rustfmt::skip]
const EN_BELIEF: &[&str] = &[
    "believe", "believes", "believed", "think", "thinks", "thought", "know", "knows", "knew", "feel", "feels",
    "agree", "agrees", "agreed", "fear", "fears", "feared", "expect", "expects", "expected", "worry", "worries",
    "doubt", "doubts",
];
/// Participles that take a bare clause ("…, saying the plan failed").
#[rustfmt::skip]
const EN_PARTICIPLE_BARE: &[&str] = &[
    "saying", "stating", "warning", "claiming", "adding", "arguing", "insisting", "asserting",
];
#[rustfmt::skip]
const EN_PARTICIPLE_THAT: &[&str] = &[
    "noting", "declaring", "explaining", "stressing", "emphasizing", "emphasising", "announcing", "writing",
    "acknowledging", "admitting", "telling", "ruling",
];
#[rustfmt::skip]
const EN_CHARACTERISE: &[&str] = &[
    "called", "calls", "call", "described", "describes", "dubbed", "labelled", "labeled", "branded", "termed",
];
/// Verbs of judgement whose quoted object is the subject's own word, often in headlines:
/// "Minister slams “reckless” strike", "Critics decried the “betrayal”".
#[rustfmt::skip]
const EN_JUDGE: &[&str] = &[
    "slams", "slammed", "blasts", "blasted", "hails", "hailed", "praises", "praised", "condemns", "condemned",
    "criticises", "criticised", "criticizes", "criticized", "decries", "decried", "denounces", "denounced",
    "lambasts", "lambasted",
];
const EN_PASSIVE_ONLY: &[&str] = &["understood", "known", "rumoured", "rumored", "considered"];

#[rustfmt::skip]
const ZH_SAY: &[&str] = &[
    "表示", "称", "稱", "说", "說", "说道", "說道", "指出", "透露", "强调", "強調", "认为", "認為", "宣布", "宣佈", "坦言", "直言", "声称", "聲稱",
    "宣称", "宣稱", "回应", "回應", "提到", "承认", "承認", "坦承", "预测", "預測", "写道", "寫道", "介绍", "介紹", "补充", "補充", "重申", "断言",
    "斷言", "表态", "表態", "指称", "指稱", "披露", "报道称", "報道稱", "報導稱", "报道说", "報道說", "報導說", "质疑", "質疑", "批评", "批評", "反驳",
    "反駁", "呼吁", "呼籲", "建议", "建議", "预言", "預言", "所说", "所說", "所言", "所称", "所稱", "预料", "預料", "指",
];
/// Chinese verbs of exclaiming, commenting and posting that report speech only before a
/// colon, a comma or 说/道/称 (美国某大报惊呼：“……”, 有网友留言：“……”, 粉丝狂喊：…); bare, they
/// are often nouns (评论, 留言) or other verbs.
#[rustfmt::skip]
const ZH_BEFORE_COLON: &[&str] = &[
    "惊呼", "驚呼", "直呼", "高呼", "大呼", "欢呼", "歡呼", "惊叹", "驚嘆", "驚歎", "感叹", "感嘆", "感歎", "感慨", "留言", "评论", "評論",
    "回复", "回覆", "发文", "發文", "撰文", "喊", "喊道", "大喊", "狂喊", "怒斥", "痛斥", "吐槽", "调侃", "調侃", "解释", "解釋", "回答",
    "答道", "问道", "問道", "嘲讽", "嘲諷", "怒批", "批", "赞叹", "讚嘆", "讚歎", "赞", "讚", "酸", "嘆", "叹",
];
const ZH_OBJECT: &[&str] = &["警告", "警告过", "警告過", "告诉", "告訴", "提醒"];
const ZH_VAGUE_ONLY: &[&str] = &["问", "問", "觉得", "覺得", "相信", "以为", "以為", "知道"];
#[rustfmt::skip]
const ZH_STANDALONE: &[&str] = &[
    "据悉", "據悉", "据了解", "據了解", "據瞭解", "据说", "據說", "据称", "據稱", "据传", "據傳", "据报道", "據報道", "據報導",
];
const ZH_REPORT: &[&str] = &["报道", "報道", "報導"];

/// The cue automaton and, per pattern, what kind of cue it is.
struct CueMatcher {
    automaton: AhoCorasick,
    cues: Vec<Cue>,
    texts: Vec<&'static str>,
}

fn cue_matcher() -> &'static CueMatcher {
    static MATCHER: OnceLock<CueMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut texts: Vec<&'static str> = Vec::new();
        let mut cues = Vec::new();
        let groups: [(&[&str], CueClass, bool, bool); 18] = [
            (EN_SAY, CueClass::Say, true, false),
            (EN_SAY_OBJECT, CueClass::Say, true, true),
            (EN_THAT, CueClass::That, false, false),
            (EN_THAT_OBJECT, CueClass::That, false, true),
            (EN_BELIEF, CueClass::Belief, true, false),
            (EN_PARTICIPLE_BARE, CueClass::Participle, true, false),
            (EN_PARTICIPLE_THAT, CueClass::Participle, false, false),
            (&["according to"], CueClass::According, false, false),
            (EN_CHARACTERISE, CueClass::Characterise, false, true),
            (EN_JUDGE, CueClass::Characterise, false, false),
            (EN_PASSIVE_ONLY, CueClass::PassiveOnly, false, false),
            (ZH_SAY, CueClass::ZhSay, true, false),
            (ZH_BEFORE_COLON, CueClass::ZhSay, true, false),
            (ZH_OBJECT, CueClass::ZhObject, true, true),
            (ZH_VAGUE_ONLY, CueClass::ZhVagueOnly, true, false),
            (ZH_STANDALONE, CueClass::ZhStandalone, true, false),
            (ZH_REPORT, CueClass::ZhReport, true, false),
            (&["："], CueClass::ZhColon, true, false),
        ];
        for (words, class, bare, object) in groups {
            for &word in words {
                if !texts.contains(&word) {
                    texts.push(word);
                    cues.push(Cue {
                        class,
                        bare,
                        object,
                    });
                }
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&texts)
            .expect("cue patterns are plain strings");
        CueMatcher {
            automaton,
            cues,
            texts,
        }
    })
}

// ---------------------------------------------------------------------------
// Pass 2: attributions
// ---------------------------------------------------------------------------

/// Who is speaking, as found in the text.
#[derive(Clone, Debug)]
struct SpeakerInfo {
    text: String,
    bytes: Range<usize>,
    /// `Some(slug)` for a vague speaker ("experts", "someone").
    vague: Option<String>,
    /// The pronoun written in the text when the speaker was found through one.
    pronoun: Option<String>,
    /// Whether a pronoun was resolved to a name.
    resolved: bool,
    /// A person rather than an organisation (for he/she resolution).
    person: bool,
    /// The author (I, we, 我, 笔者): their own words are neither quotes nor sources.
    author: bool,
}

/// One cue with its speaker and what it introduces.
#[derive(Clone, Debug)]
struct Attribution {
    cue_text: String,
    cue_end: usize,
    speaker: SpeakerInfo,
    /// Bytes of the reported content (trimmed), which may hold direct quotes.
    content: Option<Range<usize>>,
    /// A direct quote right before the speaker ("…," he said).
    quote_before: Option<usize>,
    /// Characterising cues attribute quotes but report nothing themselves.
    reports: bool,
    chinese: bool,
    /// A passive with no speaker at all ("X is said to …").
    hearsay: bool,
}

/// A named speaker seen so far, for resolving later pronouns.
#[derive(Clone, Debug)]
struct Mention {
    text: String,
    bytes: Range<usize>,
    paragraph: usize,
    person: bool,
    /// Lowercased words saying what it is: the name and its title, role or kind of
    /// organisation ("judge howard pell", "keystone cyber firm"), for matching "the
    /// judge", "the company".
    describes: String,
}

struct Ctx<'a> {
    doc: &'a Document,
    text: &'a str,
    quotes: &'a [DirectQuote],
    mentions: Vec<Mention>,
    /// People and organisations the text names (see [`scan_names`]), in text order.
    names: Vec<Mention>,
    /// How far the text has been read for names.
    names_read_to: usize,
    /// The reported content of the last attribution found.
    last_content: Option<Range<usize>>,
    /// The last English speaker and the start of their sentence, for participles that
    /// continue it ("…," Li said, adding that …).
    last_speaker: Option<(usize, SpeakerInfo)>,
    /// Bytes of context read around cues so far (see [`WINDOW_BUDGET_PER_BYTE`]).
    window_bytes: usize,
}

fn find_attributions(doc: &Document, quotes: &[DirectQuote]) -> Vec<Attribution> {
    let matcher = cue_matcher();
    let text = doc.text();
    let mut ctx = Ctx {
        doc,
        text,
        quotes,
        mentions: Vec::new(),
        names: Vec::new(),
        names_read_to: 0,
        last_content: None,
        last_speaker: None,
        window_bytes: 0,
    };
    let budget = text
        .len()
        .saturating_mul(WINDOW_BUDGET_PER_BYTE)
        .saturating_add(1 << 20);
    let mut out: Vec<Attribution> = Vec::new();
    let mut last_zh_cue_end = usize::MAX;
    for m in matcher.automaton.find_iter(text) {
        let cue = matcher.cues[m.pattern().as_usize()];
        let pattern = matcher.texts[m.pattern().as_usize()];
        let range = m.start()..m.end();
        if ctx.window_bytes > budget {
            break;
        }
        // Words inside a quotation belong to the quoted speaker's own speech.
        if quote_containing(quotes, range.start).is_some() {
            continue;
        }
        let chinese = pattern.chars().any(is_han) || cue.class == CueClass::ZhColon;
        let found = if chinese {
            // 表示说, 狂喊：: the second verb or the colon belongs to the first.
            if range.start == last_zh_cue_end {
                continue;
            }
            if cue.class == CueClass::ZhColon {
                zh_colon_attribution(&mut ctx, range.clone())
            } else {
                chinese_attribution(&mut ctx, range.clone(), pattern, cue)
            }
        } else {
            english_attribution(&mut ctx, range.clone(), cue)
        };
        if let Some(attribution) = found {
            if chinese {
                last_zh_cue_end = range.end;
            } else if !attribution.hearsay {
                ctx.last_speaker = Some((
                    sentence_of(doc, range.start).start,
                    attribution.speaker.clone(),
                ));
            }
            ctx.last_content = attribution.content.clone();
            let paragraph = doc.paragraph_index(range.start).unwrap_or(0);
            let speaker = &attribution.speaker;
            if speaker.vague.is_none() && speaker.pronoun.is_none() {
                ctx.mentions.push(Mention {
                    text: speaker.text.clone(),
                    bytes: speaker.bytes.clone(),
                    paragraph,
                    person: speaker.person,
                    describes: speaker.text.to_lowercase(),
                });
            }
            out.push(attribution);
        }
    }
    // "Union boss hits back: “We have been ignored”": a quotation after a colon is the
    // words of the clause's subject, when no cue in the sentence says otherwise.
    let mut after_colons = Vec::new();
    for (qi, q) in quotes.iter().enumerate() {
        if ctx.window_bytes > budget {
            break;
        }
        let colon = text[..q.bytes.start].trim_end_matches([' ', '\t']);
        if q.continues.is_some() || !colon.ends_with(':') {
            continue;
        }
        let colon = colon.len() - 1;
        let sentence = sentence_of(doc, colon);
        let first_cue = out.partition_point(|a| a.cue_end <= sentence.start);
        let cue_in_sentence = out
            .get(first_cue)
            .is_some_and(|a| a.cue_end <= q.bytes.start);
        if !cue_in_sentence {
            after_colons.extend(colon_attribution(&mut ctx, sentence.start..colon, qi));
        }
    }
    if !after_colons.is_empty() {
        out.extend(after_colons);
        out.sort_by_key(|a| a.cue_end);
    }
    // "The company is said to be …, people familiar with the matter said": the hearsay
    // passive is covered by the sentence's own attribution.
    let sentence_key = |a: &Attribution| doc.sentence_index(a.cue_end.saturating_sub(1));
    let keep: Vec<bool> = (0..out.len())
        .map(|i| {
            let near = &out[i.saturating_sub(4)..(i + 5).min(out.len())];
            !out[i].hearsay
                || !near
                    .iter()
                    .any(|b| !b.hearsay && sentence_key(b) == sentence_key(&out[i]))
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    out
}

/// The subject of a short clause ending in a colon before quotation `quote`: "Union
/// boss hits back:", "The minister put it bluntly:". The subject must be able to speak
/// (a name, a role, a group), and only a few lowercase words may stand between it and
/// the colon, none of them a form of "be" ("The problem is: …").
fn colon_attribution(ctx: &mut Ctx, clause: Range<usize>, quote: usize) -> Option<Attribution> {
    let text = ctx.text;
    if clause.len() > LEFT_WINDOW || clause.is_empty() {
        return None;
    }
    ctx.window_bytes += clause.len();
    let toks = tokenize(text, clause.clone());
    let np = clause_subject(text, &toks)?;
    let verb = &toks[np.end..];
    let short_predicate = (1..=4).contains(&verb.len())
        && verb
            .iter()
            .all(|t| t.word && !is_capitalised(tok_text(text, *t)))
        && !has(
            wl::BE_FORMS | wl::AUXILIARIES,
            lower(text, verb[0]).as_str(),
        );
    let can_speak = toks[np.clone()].iter().any(|t| {
        let raw = tok_text(text, *t);
        let w = raw.to_lowercase();
        (is_capitalised(raw) && !is_common_word(&w))
            || has(
                wl::ROLE_NOUNS
                    | wl::PERSON_ROLES
                    | wl::VAGUE_PLURAL
                    | wl::VAGUE_SINGULAR
                    | wl::SUBJECT_PRONOUNS,
                w.as_str(),
            )
    });
    if !short_predicate || !can_speak {
        return None;
    }
    let paragraph = ctx.doc.paragraph_index(clause.start).unwrap_or(0);
    let speaker = en_speaker(ctx, &toks, np, None, paragraph)?;
    let cue_bytes = verb[0].start..verb[verb.len() - 1].end;
    Some(Attribution {
        cue_text: normalise_cue(&text[cue_bytes]),
        cue_end: clause.end + 1,
        speaker,
        content: Some(ctx.quotes[quote].bytes.clone()),
        quote_before: None,
        reports: false,
        chinese: false,
        hearsay: false,
    })
}

// --- small text helpers ------------------------------------------------------

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

fn sentence_of(doc: &Document, pos: usize) -> Range<usize> {
    match doc.sentence_index(pos).map(|i| doc.sentences()[i].clone()) {
        Some(s) if s.end >= pos => s,
        _ => pos..pos,
    }
}

fn paragraph_of(doc: &Document, pos: usize) -> (usize, Range<usize>) {
    match doc.paragraph_index(pos) {
        Some(i) if doc.paragraphs()[i].end >= pos => (i, doc.paragraphs()[i].clone()),
        _ => (0, pos..pos),
    }
}

/// `range` cut to at most [`MAX_CONTENT_BYTES`] on each side of `at`, so that a cue in
/// an endless sentence does bounded work.
fn around(text: &str, range: Range<usize>, at: usize) -> Range<usize> {
    let start = range
        .start
        .max(floor_boundary(text, at.saturating_sub(MAX_CONTENT_BYTES)));
    let end = range
        .end
        .min(floor_boundary(text, at.saturating_add(MAX_CONTENT_BYTES)))
        .max(start);
    start..end
}

/// Trim white space and clause punctuation from both ends of a byte range (keeping
/// closing quotation marks, which belong to a quote inside the content).
fn trim_content(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let is_trim = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '。'
                    | '，'
                    | '；'
                    | '：'
                    | '！'
                    | '？'
                    | '…'
                    | '、'
                    | '—'
                    | '–'
                    | '-'
            )
    };
    let lead = piece.len() - piece.trim_start_matches(is_trim).len();
    let body = piece.trim_start_matches(is_trim).trim_end_matches(is_trim);
    range.start + lead..range.start + lead + body.len()
}

/// English words and Han characters in `s`, counting only until their sum passes
/// `limit`: every caller compares with a small threshold, and long contents must not
/// be walked to the end for every cue.
fn size_of(s: &str, limit: usize) -> (usize, usize) {
    let mut words = 0;
    let mut han = 0;
    let mut in_word = false;
    for c in s.chars() {
        if words + han > limit {
            break;
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                words += usize::from(!in_word);
                in_word = true;
            } else if !(in_word && matches!(c, '\'' | '-')) {
                in_word = false;
            }
        } else if is_han(c) {
            han += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            words += usize::from(!in_word);
            in_word = true;
        } else if !(in_word && c == '’') {
            in_word = false;
        }
    }
    (words, han)
}

// --- English tokens ------------------------------------------------------------

/// A word or punctuation character in a window of English text.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

fn is_latin_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Typographic and CJK punctuation are common here; skip the Unicode tables for them.
    let punctuation =
        matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20);
    !punctuation && !is_han(c) && c.is_alphanumeric()
}

/// Split `range` of `text` (char boundaries) into words and punctuation. Words keep
/// inner apostrophes, hyphens, ampersands and dots (Singapore's, state-run, AT&T, U.S.).
fn tokenize(text: &str, range: Range<usize>) -> Vec<Tok> {
    let piece = &text[range.clone()];
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_latin_word_char(c) {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if is_latin_word_char(cj) {
                    j += 1;
                } else if matches!(cj, '.' | '\'' | '’' | '-' | '&')
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, n)| is_latin_word_char(n))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let mut end = chars.get(j).map_or(piece.len(), |&(e, _)| e);
            // A plural possessive keeps its apostrophe: "the students' union".
            let plural_possessive = piece[b..end].ends_with('s')
                && chars.get(j).is_some_and(|&(_, a)| matches!(a, '\'' | '’'))
                && chars.get(j + 1).is_some_and(|&(_, sp)| sp == ' ')
                && chars.get(j + 2).is_some_and(|&(_, n)| n.is_lowercase());
            if plural_possessive {
                end += 1;
                j += 1;
            }
            // The final dot of an initialism (U.S.), an honorific (Dr.) or a company or
            // name suffix (Inc., Jr.) is part of the word.
            if chars.get(j).is_some_and(|&(_, d)| d == '.')
                && (is_initialism(&piece[b..end])
                    || HONORIFICS.contains(&&piece[b..end])
                    || NAME_SUFFIXES.contains(&&piece[b..end]))
            {
                end += 1;
                j += 1;
            }
            out.push(Tok {
                start: range.start + b,
                end: range.start + end,
                word: true,
            });
            i = j;
        } else {
            out.push(Tok {
                start: range.start + b,
                end: range.start + b + c.len_utf8(),
                word: is_han(c),
            });
            i += 1;
        }
    }
    out
}

/// Titles written with a dot before a name: "Dr. Amara Osei said".
const HONORIFICS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Rev",
    "Supt", "Insp", "Det", "Cmdr", "Adm", "Maj", "Pres",
];

/// Abbreviations written with a dot after a name: "Lumora Inc.", "Martin Luther King Jr.".
const NAME_SUFFIXES: &[&str] = &["Inc", "Corp", "Ltd", "Co", "Bros", "Jr", "Sr"];

/// "U.S", "e.g": single letters joined by dots.
fn is_initialism(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|part| part.chars().count() == 1)
}

fn tok_text(text: &str, t: Tok) -> &str {
    &text[t.start..t.end]
}

fn lower(text: &str, t: Tok) -> String {
    tok_text(text, t).to_lowercase()
}

fn is_punct(text: &str, t: Tok, c: char) -> bool {
    !t.word && tok_text(text, t).starts_with(c)
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_opening_quote_char(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '「' | '『')
}

fn is_closing_quote_char(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | '」' | '』')
}

// --- English word lists --------------------------------------------------------

/// Words that end a subject noun phrase when walking left from a cue.
#[rustfmt::skip]
const BOUNDARY: &[&str] = &[
    "that", "and", "but", "because", "while", "when", "as", "if", "so", "although", "though", "after", "before",
    "since", "where", "which", "who", "whom", "whose", "yet", "or", "nor", "than", "whether", "unless", "until",
    "once", "even", "only", "also", "however", "still", "now", "then", "meanwhile", "indeed", "moreover",
    "furthermore", "instead", "thus", "therefore", "hence", "perhaps", "maybe", "what", "how", "why", "there",
    "here", "not", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall", "do", "does", "did", "to", "into", "onto", "upon", "about",
    "against", "like", "unlike", "via", "through", "during", "without", "within", "under", "over", "between",
    "among", "toward", "towards", "on", "per", "whereas", "just", "ever", "never", "already", "too", "very",
    "really", "actually", "again", "made", "make", "makes", "let", "let's",
];
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "many",
    "several", "most", "few", "all", "any", "each", "every", "other", "another", "certain", "various", "numerous",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds",
    "thousands", "both", "no", "more", "multiple",
];
/// Determiners that can stand alone as the subject ("Some say", "Many believe").
#[rustfmt::skip]
const QUANTIFIER_PRONOUNS: &[&str] = &[
    "some", "many", "several", "most", "few", "all", "others", "both", "more",
];
/// Prepositions inside a speaker's noun phrase ("the CEO of NVIDIA", "people familiar with").
const NP_PREPS: &[&str] = &["of", "for", "at", "from", "with", "in", "by"];
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "would", "will", "could", "may", "might", "did", "does", "do", "shall", "should", "must",
    "can", "'d", "'ve", "’d", "’ve",
];
#[rustfmt::skip]
const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "’s",
];
const NEGATIONS: &[&str] = &["not", "never", "neither", "nor", "cannot"];
/// Adverbs that sit between a subject and its verb ("also publicly warned").
#[rustfmt::skip]
const PRE_VERB_ADVERBS: &[&str] = &[
    "also", "even", "once", "then", "again", "later", "first", "still", "already", "too", "both", "all", "each",
    "just", "long", "often", "earlier", "now", "further", "since", "today", "yesterday", "herself", "himself",
    "themselves", "itself",
];
/// Words ending in -ly that are not adverbs.
#[rustfmt::skip]
const LY_NOUNS: &[&str] = &[
    "family", "ally", "supply", "assembly", "rally", "monopoly", "anomaly", "italy", "july", "daily", "weekly",
    "monthly", "quarterly", "bully", "belly", "jelly", "lily", "fly", "reply", "apply", "early", "only", "holy",
];
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it"];
const SELF_PRONOUNS: &[&str] = &["i", "we", "you", "me", "us", "one"];
#[rustfmt::skip]
const DEMONSTRATIVES: &[&str] = &[
    "this", "that", "these", "those", "which", "what", "who", "there", "here", "such",
];
#[rustfmt::skip]
const CLAUSE_OPENERS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "since", "despite", "with", "without", "as", "when", "while",
    "although", "though", "because", "if", "by", "for", "last", "this", "earlier", "later", "meanwhile", "however",
    "but", "and", "so", "yet", "also", "even", "still", "now", "then", "today", "yesterday", "from", "under",
    "amid", "following", "to", "unlike", "like", "according",
];
/// Nouns that head a speaker's noun phrase (used where the phrase is read rightwards).
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "minister", "ministry", "president", "official", "officials",
    "analyst", "analysts", "expert", "experts", "source", "sources", "company", "firm", "government", "agency",
    "group", "newspaper", "paper", "outlet", "embassy", "court", "police", "military", "committee", "commission",
    "council", "regulator", "association", "union", "university", "researcher", "researchers", "scientist",
    "scientists", "economist", "economists", "people", "person", "critic", "critics", "observer", "observers",
    "lawmaker", "lawmakers", "legislator", "legislators", "leader", "leaders", "chief", "executive", "executives",
    "founder", "ceo", "chairman", "chairwoman", "director", "secretary", "general", "ambassador", "diplomat",
    "diplomats", "insider", "insiders", "investor", "investors", "trader", "traders", "officer", "officers",
    "administration", "authorities", "authority", "side", "bank", "media", "network", "broadcaster", "department",
    "bureau", "office", "team", "board", "party", "industry", "world", "public", "user", "users", "netizens",
    "commentator", "commentators", "pundit", "pundits", "scholar", "scholars", "professor", "engineer", "engineers",
    "manager", "managers", "worker", "workers", "resident", "residents", "citizen", "citizens", "voter", "voters",
    "report", "reports", "study", "studies", "statement", "survey", "data", "article", "editorial", "state",
    "states", "country", "countries", "nation", "army", "navy", "ministry", "institute", "spokespeople",
    "representative", "representatives", "envoy", "adviser", "advisor", "head", "staff", "employee", "employees",
    "witness", "witnesses", "activist", "activists", "boss", "bosses", "coach", "judge", "lawyer", "attorney",
    "prosecutor", "mayor", "governor", "senator",
];
/// Nationality and region words that do not make a vague speaker named ("U.S. officials").
#[rustfmt::skip]
const NATIONALITIES: &[&str] = &[
    "u.s.", "us", "american", "americans", "chinese", "western", "european", "eu", "japanese", "korean", "russian",
    "british", "uk", "u.k.", "indian", "german", "french", "taiwanese", "asian", "african", "foreign", "global",
    "international", "senior", "local", "industry", "government", "state", "federal", "military", "security",
    "intelligence", "trade", "independent", "top", "chip",
];
/// Heads that are always vague speakers.
#[rustfmt::skip]
const VAGUE_ALWAYS: &[&str] = &[
    "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "many", "some", "others", "most", "few",
    "several", "all", "both",
];
/// Plural heads that are vague unless a name qualifies them ("analysts at Goldman Sachs").
#[rustfmt::skip]
const VAGUE_PLURAL: &[&str] = &[
    "people", "experts", "analysts", "critics", "observers", "sources", "insiders", "officials", "commentators",
    "pundits", "economists", "scientists", "researchers", "scholars", "academics", "diplomats", "users", "netizens",
    "residents", "reports", "studies", "rumours", "rumors", "media", "skeptics", "sceptics", "supporters",
    "opponents", "proponents", "watchers", "traders", "investors", "voices", "figures", "lawmakers", "executives",
    "engineers", "activists", "locals", "witnesses", "folks", "persons", "data", "surveys", "polls", "outlets",
    "accounts", "specialists", "strategists", "authorities", "circles",
];
/// Singular heads that are vague with an indefinite article ("a source", "an official").
#[rustfmt::skip]
const VAGUE_SINGULAR: &[&str] = &[
    "expert", "analyst", "critic", "observer", "source", "insider", "official", "person", "commentator",
    "economist", "scientist", "researcher", "scholar", "academic", "diplomat", "user", "resident", "report",
    "study", "executive", "engineer", "witness", "employee", "survey", "poll", "rumour", "rumor", "specialist",
    "strategist", "individual", "trader", "investor", "worker", "voter", "shopper", "driver", "farmer", "student",
    "teacher", "doctor", "nurse", "passenger", "customer", "lawmaker", "activist", "local", "insider",
];
/// Organisations that identify a source when named with "the" ("data from the ministry").
#[rustfmt::skip]
const DEFINITE_ORGS: &[&str] = &[
    "ministry", "company", "government", "bank", "agency", "department", "bureau", "office", "embassy",
    "commission", "committee", "council", "court", "firm", "university", "institute", "association",
    "administration", "regulator", "army", "military", "police", "white", "cabinet", "parliament", "congress",
    "senate", "navy",
];
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some", "certain", "any"];
/// Heads that are vague even after "the" ("the outside world", "the public").
const VAGUE_DEFINITE: &[&str] = &["world", "public", "internet", "masses", "crowd", "crowds"];
#[rustfmt::skip]
const PERSON_ROLES: &[&str] = &[
    "ceo", "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chairman",
    "chairwoman", "chair", "founder", "director", "professor", "chief", "general", "ambassador", "senator",
    "governor", "mayor", "premier", "chancellor", "king", "queen", "pope", "official", "executive", "economist",
    "analyst", "head", "leader", "envoy", "lawmaker", "representative", "adviser", "advisor", "manager", "editor",
    "author", "researcher", "scientist", "expert", "dr.", "mr.", "mrs.", "ms.", "prof.", "dr", "mr", "mrs", "ms",
    "prof", "founder", "co-founder", "cofounder", "chairperson", "commissioner", "spokesman",
];
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "association", "ministry", "company", "corp", "corp.", "corporation", "inc", "inc.", "group", "agency",
    "department", "bank", "institute", "university", "council", "committee", "commission", "office", "party",
    "government", "times", "post", "news", "daily", "journal", "herald", "press", "media", "research", "technology",
    "technologies", "industries", "co", "co.", "ltd", "ltd.", "union", "federation", "organisation", "organization",
    "foundation", "court", "army", "police", "embassy", "bureau", "administration", "authority", "board", "senate",
    "congress", "parliament", "states", "kingdom", "nations", "republic", "network", "broadcaster", "newspaper",
    "firm", "team", "fund", "centre", "center", "society", "alliance", "coalition", "lab", "laboratory", "reuters",
    "xinhua", "bloomberg", "associated", "house", "pentagon", "kremlin", "beijing", "washington", "tokyo", "moscow",
    "london", "china", "america", "japan", "russia", "india", "europe",
];
/// Words that may stand between "said" and its content without being content
/// ("said on Tuesday in a statement that …").
#[rustfmt::skip]
const ADVERBIAL_WORDS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "via", "through", "to", "with", "from", "over", "by", "last",
    "this", "next", "earlier", "later", "a", "an", "the", "its", "his", "her", "their", "statement", "statements",
    "interview", "conference", "briefing", "post", "posts", "speech", "letter", "report", "article", "note",
    "message", "news", "press", "release", "media", "reporters", "journalists", "parliament", "lawmakers", "week",
    "month", "year", "day", "morning", "afternoon", "evening", "night", "today", "yesterday", "tonight", "tomorrow",
    "recently", "also", "again", "once", "then", "social", "video", "television", "broadcast", "forum", "summit",
    "meeting", "event", "session", "hearing", "call", "email", "blog", "online", "publicly", "privately",
    "repeatedly", "previously", "separately", "further", "written", "joint", "televised", "weekly", "daily",
    "regular", "annual", "official", "address", "remarks", "comments", "testimony", "filing", "notice", "website",
    "platform", "account",
];
/// Time words: skipped before a bare reported clause ("said on Tuesday the plan …").
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "week", "month", "year", "morning", "afternoon", "evening", "night", "earlier", "later", "recently",
    "again", "also", "then", "once", "statement", "interview", "conference", "briefing", "post", "speech", "letter",
    "report", "article", "note", "message", "release", "hearing", "meeting", "summit", "forum", "call", "email",
    "remarks", "comments", "testimony", "filing", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
];
/// People addressed by "told", "warned", "reminded".
#[rustfmt::skip]
const AUDIENCE: &[&str] = &[
    "reporters", "journalists", "lawmakers", "legislators", "parliament", "congress", "investors", "analysts",
    "him", "her", "them", "us", "me", "you", "supporters", "students", "workers", "staff", "employees", "delegates",
    "viewers", "listeners", "readers", "the", "a", "an",
];
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "via", "through", "to", "with", "from", "over", "by", "of",
    "for", "about", "against", "into", "upon", "as", "like",
];
/// Words before a quotation mark that make the quoted text a name, not speech.
#[rustfmt::skip]
const EN_NAMING_CUES: &[&str] = &[
    "called", "dubbed", "named", "titled", "entitled", "nicknamed", "known as", "referred to as", "code-named",
    "codenamed", "the term", "the word", "the words", "the phrase", "the slogan", "the motto", "the hashtag",
    "the title", "the name", "the label", "click", "clicked", "clicking", "click on", "press", "tap", "select",
    "search for", "searched for", "type", "typed", "marked", "the saying goes", "as the saying goes", "as they say",
    "the proverb", "a saying", "the saying", "an old saying", "a proverb", "an adage", "the expression",
    "an expression", "the adage", "the old saying", "labelled", "labeled", "termed", "branded", "brand", "hashtag",
    "book", "film", "song", "album", "novel", "report", "programme", "program", "operation", "campaign", "motto",
    "slogan",
];
/// Nouns right after a closing mark that make the quoted text a name ("the “Made in China 2025” plan").
#[rustfmt::skip]
const EN_NAMING_HEADS: &[&str] = &[
    "plan", "plans", "programme", "program", "initiative", "strategy", "campaign", "act", "law", "bill", "standard",
    "project", "policy", "list", "doctrine", "award", "prize", "series", "button", "tab", "menu", "hashtag",
    "mission", "summit", "forum", "conference", "app", "brand", "label", "movement", "operation", "agreement",
    "accord", "treaty", "framework", "scheme", "initiatives", "standards", "rule", "rules", "index", "model",
    "chip", "chips",
];
#[rustfmt::skip]
const SMALL_TITLE_WORDS: &[&str] = &[
    "of", "the", "and", "in", "on", "for", "a", "an", "to", "at", "by", "or", "with", "vs",
];

/// English word lists as bit flags, looked up once per word through a hash map instead
/// of scanning each list: a cue in pathological input then costs microseconds.
mod wl {
    pub const LY_NOUNS: u32 = 1 << 0;
    pub const BE_FORMS: u32 = 1 << 1;
    pub const NEGATIONS: u32 = 1 << 2;
    pub const AUXILIARIES: u32 = 1 << 3;
    pub const PRE_VERB_ADVERBS: u32 = 1 << 4;
    pub const BOUNDARY: u32 = 1 << 5;
    pub const DETERMINERS: u32 = 1 << 6;
    pub const QUANTIFIER_PRONOUNS: u32 = 1 << 7;
    pub const NP_PREPS: u32 = 1 << 8;
    pub const SUBJECT_PRONOUNS: u32 = 1 << 9;
    pub const VAGUE_ALWAYS: u32 = 1 << 10;
    pub const ROLE_NOUNS: u32 = 1 << 11;
    pub const VAGUE_PLURAL: u32 = 1 << 12;
    pub const CLAUSE_OPENERS: u32 = 1 << 13;
    pub const PREPOSITIONS: u32 = 1 << 14;
    pub const ADVERBIAL_WORDS: u32 = 1 << 15;
    pub const AUDIENCE: u32 = 1 << 16;
    pub const TIME_WORDS: u32 = 1 << 17;
    pub const SELF_PRONOUNS: u32 = 1 << 18;
    pub const DEMONSTRATIVES: u32 = 1 << 19;
    pub const VAGUE_SINGULAR: u32 = 1 << 20;
    pub const NATIONALITIES: u32 = 1 << 21;
    pub const DEFINITE_ORGS: u32 = 1 << 22;
    pub const INDEFINITE: u32 = 1 << 23;
    pub const VAGUE_DEFINITE: u32 = 1 << 24;
    pub const PERSON_ROLES: u32 = 1 << 25;
    pub const ORG_WORDS: u32 = 1 << 26;
    pub const EN_NAMING_HEADS: u32 = 1 << 27;

    /// Every listed word with the flags of the lists it is in.
    pub fn table() -> &'static std::collections::HashMap<&'static str, u32> {
        static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, u32>> =
            std::sync::OnceLock::new();
        TABLE.get_or_init(|| {
            let lists: [(&[&str], u32); 28] = [
                (super::LY_NOUNS, LY_NOUNS),
                (super::BE_FORMS, BE_FORMS),
                (super::NEGATIONS, NEGATIONS),
                (super::AUXILIARIES, AUXILIARIES),
                (super::PRE_VERB_ADVERBS, PRE_VERB_ADVERBS),
                (super::BOUNDARY, BOUNDARY),
                (super::DETERMINERS, DETERMINERS),
                (super::QUANTIFIER_PRONOUNS, QUANTIFIER_PRONOUNS),
                (super::NP_PREPS, NP_PREPS),
                (super::SUBJECT_PRONOUNS, SUBJECT_PRONOUNS),
                (super::VAGUE_ALWAYS, VAGUE_ALWAYS),
                (super::ROLE_NOUNS, ROLE_NOUNS),
                (super::VAGUE_PLURAL, VAGUE_PLURAL),
                (super::CLAUSE_OPENERS, CLAUSE_OPENERS),
                (super::PREPOSITIONS, PREPOSITIONS),
                (super::ADVERBIAL_WORDS, ADVERBIAL_WORDS),
                (super::AUDIENCE, AUDIENCE),
                (super::TIME_WORDS, TIME_WORDS),
                (super::SELF_PRONOUNS, SELF_PRONOUNS),
                (super::DEMONSTRATIVES, DEMONSTRATIVES),
                (super::VAGUE_SINGULAR, VAGUE_SINGULAR),
                (super::NATIONALITIES, NATIONALITIES),
                (super::DEFINITE_ORGS, DEFINITE_ORGS),
                (super::INDEFINITE, INDEFINITE),
                (super::VAGUE_DEFINITE, VAGUE_DEFINITE),
                (super::PERSON_ROLES, PERSON_ROLES),
                (super::ORG_WORDS, ORG_WORDS),
                (super::EN_NAMING_HEADS, EN_NAMING_HEADS),
            ];
            let mut map = std::collections::HashMap::new();
            for (words, flag) in lists {
                for &w in words {
                    *map.entry(w).or_insert(0) |= flag;
                }
            }
            map
        })
    }
}

/// Is the lowercased word `w` in the list(s) `flags`?
fn has(flags: u32, w: &str) -> bool {
    wl::table().get(w).is_some_and(|f| f & flags != 0)
}

fn is_adverb(word_lower: &str) -> bool {
    word_lower.len() > 4 && word_lower.ends_with("ly") && !has(wl::LY_NOUNS, word_lower)
}

// --- English attribution ---------------------------------------------------------

/// What walking left from a cue found.
struct LeftParse {
    /// Token range of the subject noun phrase.
    subject: Option<Range<usize>>,
    /// An appositive between commas ("Raimondo, the commerce secretary, said").
    appositive: Option<Range<usize>>,
    /// Token index of a be-form before the cue (passive voice).
    passive: Option<usize>,
    /// Start of the cue including "had to" ("had to admit").
    cue_start: usize,
    /// The cue cannot report speech here (negated, "to say", "the said …").
    rejected: bool,
}

fn parse_left(text: &str, toks: &[Tok], cue_start: usize, at_sentence_start: bool) -> LeftParse {
    let mut parse = LeftParse {
        subject: None,
        appositive: None,
        passive: None,
        cue_start,
        rejected: false,
    };
    let mut i = toks.len();
    // 1. Auxiliaries and adverbs between subject and verb ("also publicly warned", "had to admit").
    while i > 0 {
        let t = toks[i - 1];
        if !t.word {
            break;
        }
        let w = lower(text, t);
        if w == "to" {
            let before = if i >= 2 {
                lower(text, toks[i - 2])
            } else {
                String::new()
            };
            // "had to admit", "likes to boast", "went on to say": the subject still says it.
            let went_on = before == "on"
                && i >= 3
                && matches!(
                    lower(text, toks[i - 3]).as_str(),
                    "went" | "goes" | "go" | "going"
                );
            if went_on
                || matches!(
                    before.as_str(),
                    "had"
                        | "has"
                        | "have"
                        | "forced"
                        | "having"
                        | "compelled"
                        | "obliged"
                        | "likes"
                        | "like"
                        | "loves"
                        | "love"
                        | "continues"
                        | "continued"
                        | "continue"
                        | "tends"
                        | "tend"
                        | "tended"
                        | "hastened"
                        | "rushed"
                        | "quick"
                        | "keen"
                )
            {
                let catenative = if went_on { 3 } else { 2 };
                parse.cue_start = toks[i - catenative].start;
                i -= catenative;
                if i > 0 && has(wl::BE_FORMS, lower(text, toks[i - 1]).as_str()) {
                    i -= 1;
                }
                continue;
            }
            parse.rejected = true;
            return parse;
        }
        if has(wl::NEGATIONS, w.as_str()) || w.ends_with("n't") || w.ends_with("n’t") {
            parse.rejected = true;
            return parse;
        }
        if has(wl::BE_FORMS, w.as_str()) {
            parse.passive = Some(i - 1);
            i -= 1;
            continue;
        }
        if has(wl::AUXILIARIES, w.as_str())
            || has(wl::PRE_VERB_ADVERBS, w.as_str())
            || is_adverb(&w)
        {
            i -= 1;
            continue;
        }
        break;
    }
    // 2. A comma before the cue: a parenthetical ("Li, however, said"), a relative clause
    //    ("Gates, who co-founded Microsoft, said") or an appositive.
    if i > 0 && is_punct(text, toks[i - 1], ',') {
        let comma = i - 1;
        let earlier = (comma.saturating_sub(12)..comma)
            .rev()
            .find(|&k| !toks[k].word);
        let Some(open) = earlier.filter(|&k| is_punct(text, toks[k], ',')) else {
            return parse;
        };
        let segment = open + 1..comma;
        if segment.is_empty() {
            return parse;
        }
        let first = lower(text, toks[segment.start]);
        let single_adverb = segment.len() == 1
            && (is_adverb(&first)
                || matches!(
                    first.as_str(),
                    "however" | "too" | "though" | "meanwhile" | "instead"
                ));
        if !single_adverb && first != "who" && first != "which" {
            parse.appositive = Some(segment);
        }
        i = open;
    }
    // "People who say …": a restrictive relative clause describes people, it reports no one.
    if i >= 1 && matches!(lower(text, toks[i - 1]).as_str(), "who" | "that" | "which") {
        let after_comma = i >= 2 && is_punct(text, toks[i - 2], ',');
        if !after_comma {
            parse.rejected = true;
            return parse;
        }
    }
    // 3. A relative clause without commas: "an official who declined to be named said".
    let mut k = i;
    let mut seen = 0;
    while k > 0 && seen < 8 && toks[k - 1].word {
        let w = lower(text, toks[k - 1]);
        if w == "who" || w == "which" {
            // "which the company says delivers …": the relative pronoun is the object and
            // the noun phrase after it is the subject of the cue.
            let subject_follows = k < i && {
                let next = toks[k];
                has(wl::DETERMINERS, lower(text, next).as_str())
                    || is_capitalised(tok_text(text, next))
            };
            if k >= 2 && !subject_follows {
                i = k - 1;
            }
            break;
        }
        k -= 1;
        seen += 1;
    }
    // "Victor Lang, founder of Cobalt, who declared that …": a non-restrictive relative
    // clause hangs on the noun phrase before its comma (and any appositive there).
    let relative_after_comma = i >= 1
        && i < toks.len()
        && toks[i].word
        && lower(text, toks[i]) == "who"
        && is_punct(text, toks[i - 1], ',');
    if relative_after_comma {
        let comma = i - 1;
        i = comma;
        let opener = (comma.saturating_sub(12)..comma)
            .rev()
            .find(|&k| !toks[k].word)
            .filter(|&k| is_punct(text, toks[k], ','));
        // An appositive describes ("founder of Cobalt", "the chief executive"); a
        // capitalised segment is the name itself ("In May, Smith, who …").
        let describes =
            |open: usize| open + 1 < comma && !is_capitalised(tok_text(text, toks[open + 1]));
        if let Some(open) = opener.filter(|&open| describes(open)) {
            if parse.appositive.is_none() {
                parse.appositive = Some(open + 1..comma);
            }
            i = open;
        }
    }
    // 4. The noun phrase itself.
    let end = i;
    let mut j = i;
    let mut lowers = 0;
    let mut words = 0;
    while j > 0 && words < 10 {
        let t = toks[j - 1];
        if !t.word {
            // Skip a short parenthesis such as "(SIA)" inside the name.
            if is_punct(text, t, ')') {
                if let Some(open) = (j.saturating_sub(8)..j - 1)
                    .rev()
                    .find(|&k| is_punct(text, toks[k], '('))
                {
                    j = open;
                    continue;
                }
            }
            break;
        }
        let raw = tok_text(text, t);
        let w = raw.to_lowercase();
        let cap = is_capitalised(raw);
        let clause_initial = (j == 1 && at_sentence_start) || (j >= 2 && !toks[j - 2].word);
        if has(wl::BOUNDARY, w.as_str())
            || (!cap && is_adverb(&w))
            || (cap && clause_initial && is_adverb(&w))
        {
            // A capitalised word inside a name ("Theresa May") is not a function word.
            let name_part = cap && !clause_initial && !matches!(w.as_str(), "and" | "that");
            if !name_part {
                let joins_names = w == "and"
                    && j < end
                    && is_capitalised(tok_text(text, toks[j]))
                    && j >= 2
                    && is_capitalised(tok_text(text, toks[j - 2]));
                if joins_names {
                    j -= 1;
                    words += 1;
                    continue;
                }
                break;
            }
        }
        if has(wl::DETERMINERS, w.as_str()) {
            if j == end && !has(wl::QUANTIFIER_PRONOUNS, w.as_str()) {
                break;
            }
            j -= 1;
            words += 1;
            let prep_before =
                j > 0 && toks[j - 1].word && has(wl::NP_PREPS, lower(text, toks[j - 1]).as_str());
            // "sources close to the talks"
            let close_to = j > 1
                && lower(text, toks[j - 1]) == "to"
                && matches!(
                    lower(text, toks[j - 2]).as_str(),
                    "close" | "closer" | "near" | "linked" | "connected"
                );
            if close_to {
                j -= 1;
                words += 1;
                continue;
            }
            if prep_before {
                continue;
            }
            break;
        }
        if has(wl::NP_PREPS, w.as_str()) {
            if j == end {
                break;
            }
            // "The talks were led by Omar Haddou, who …": a passive verb's agent starts
            // the speaker's phrase (but "Economists polled by Reuters" is one phrase).
            let passive_agent = w == "by"
                && j >= 3
                && lower(text, toks[j - 2]).ends_with("ed")
                && has(wl::BE_FORMS, lower(text, toks[j - 3]).as_str());
            if passive_agent {
                break;
            }
            j -= 1;
            words += 1;
            continue;
        }
        if cap || raw.chars().any(|c| c.is_ascii_digit()) {
            j -= 1;
            words += 1;
            continue;
        }
        lowers += 1;
        if lowers > 3 {
            break;
        }
        j -= 1;
        words += 1;
    }
    while j < end && {
        let w = lower(text, toks[j]);
        has(wl::NP_PREPS, w.as_str()) || w == "and"
    } {
        j += 1;
    }
    if j < end {
        parse.subject = Some(j..end);
    }
    parse
}

/// A speaker noun phrase read rightwards from token `from` ("said the company in …",
/// the subject at a clause start). Returns the token range.
fn np_forward(text: &str, toks: &[Tok], from: usize) -> Option<Range<usize>> {
    let first = toks.get(from).filter(|t| t.word)?;
    let w0 = lower(text, *first);
    if has(wl::SUBJECT_PRONOUNS, w0.as_str()) || has(wl::VAGUE_ALWAYS, w0.as_str()) {
        return Some(from..from + 1);
    }
    // "said harbour master Ian Brodie", "said union organiser Jo Park": a lower-case job
    // title of up to three words right before a personal name (two capitalised words).
    let title_len = toks[from..]
        .iter()
        .take(3)
        .take_while(|n| {
            let l = lower(text, **n);
            n.word
                && !is_capitalised(tok_text(text, **n))
                && !has(wl::BOUNDARY | wl::DETERMINERS, l.as_str())
                && !l.ends_with("ed")
                && !l.ends_with("ing")
                && !l.ends_with("ly")
        })
        .count();
    let name_follows = (1..=3).contains(&title_len)
        && toks[from + title_len..]
            .iter()
            .take(2)
            .filter(|n| name_token(text, **n))
            .count()
            == 2;
    let title_end = if name_follows { from + title_len } else { from };
    let mut j = from;
    while j < toks.len() && j - from < 10 {
        let t = toks[j];
        if !t.word {
            break;
        }
        let raw = tok_text(text, t);
        let w = raw.to_lowercase();
        let next = toks
            .get(j + 1)
            .filter(|n| n.word)
            .map(|&n| (tok_text(text, n), lower(text, n)));
        let next_is_np = next.as_ref().is_some_and(|(r, l)| {
            is_capitalised(r) || has(wl::DETERMINERS, l.as_str()) || has(wl::ROLE_NOUNS, l.as_str())
        });
        let prev_is_prep = j > from && has(wl::NP_PREPS, lower(text, toks[j - 1]).as_str());
        let ok = if has(wl::DETERMINERS, w.as_str()) {
            j == from || prev_is_prep
        } else if matches!(w.as_str(), "of" | "for" | "at" | "from" | "by") {
            j > from && next_is_np
        } else if w == "and" {
            j > from
                && is_capitalised(tok_text(text, toks[j - 1]))
                && next.as_ref().is_some_and(|(r, _)| is_capitalised(r))
        } else if (is_capitalised(raw) && !has(wl::BOUNDARY, w.as_str()) && !is_adverb(&w))
            || raw.chars().any(|c| c.is_ascii_digit())
            || has(
                wl::ROLE_NOUNS | wl::VAGUE_PLURAL | wl::VAGUE_SINGULAR,
                w.as_str(),
            )
        {
            true
        } else if j > from
            && has(wl::DETERMINERS, lower(text, toks[j - 1]).as_str())
            && next.is_none()
        {
            // "said one trader.": a noun closing the phrase after its determiner.
            !has(wl::BOUNDARY, w.as_str()) && !is_adverb(&w)
        } else {
            // One or two modifiers before a role noun: "a senior official", "the foreign
            // ministry", "a federal appeals court".
            let role_within_two = toks[j + 1..]
                .iter()
                .take(2)
                .take_while(|n| n.word && !is_capitalised(tok_text(text, **n)))
                .any(|n| has(wl::ROLE_NOUNS, lower(text, *n).as_str()));
            !w.ends_with("ed")
                && !w.ends_with("ing")
                && !has(wl::BOUNDARY, w.as_str())
                && (role_within_two || j < title_end)
        };
        if !ok {
            break;
        }
        j += 1;
    }
    while j > from && {
        let w = lower(text, toks[j - 1]);
        has(wl::DETERMINERS, w.as_str()) || has(wl::NP_PREPS, w.as_str()) || w == "and"
    } {
        j -= 1;
    }
    (j > from).then_some(from..j)
}

/// The subject of the clause a participle cue hangs on: "Starting in 2022, the United
/// States listed …, claiming …" → "the United States". `toks` starts at the sentence start.
fn clause_subject(text: &str, toks: &[Tok]) -> Option<Range<usize>> {
    // A dateline ("WASHINGTON (AP) —", "BEIJING, May 12 (Reuters) -") is not the subject.
    let dash = toks
        .iter()
        .take(12)
        .position(|t| !t.word && matches!(tok_text(text, *t), "—" | "–" | "-"));
    let dateline = dash.filter(|&d| {
        toks[..d].iter().all(|t| {
            let s = tok_text(text, *t);
            !t.word && matches!(s, "(" | ")" | ",")
                || is_capitalised(s)
                || s.chars().all(|c| c.is_ascii_digit())
        })
    });
    let mut k = dateline.map_or(0, |d| d + 1);
    for _ in 0..4 {
        let t = *toks.get(k)?;
        let w = lower(text, t);
        let opener =
            !t.word || has(wl::CLAUSE_OPENERS, w.as_str()) || w.ends_with("ing") || is_adverb(&w);
        if !opener {
            break;
        }
        // An introductory phrase ends at its comma.
        let comma = (k..toks.len()).find(|&i| is_punct(text, toks[i], ','))?;
        k = comma + 1;
    }
    let np = np_forward(text, toks, k)?;
    // The phrase must be followed by its verb.
    let next = toks.get(np.end).filter(|t| t.word)?;
    let verb = tok_text(text, *next);
    (!is_capitalised(verb)).then_some(np)
}

/// A subject found in a token window: the tokens, the noun phrase and any appositive.
type SubjectParse = (Vec<Tok>, Range<usize>, Option<Range<usize>>);

fn english_attribution(ctx: &mut Ctx, range: Range<usize>, cue: Cue) -> Option<Attribution> {
    let text = ctx.text;
    let doc = ctx.doc;
    if char_before(text, range.start).is_some_and(|c| c.is_alphanumeric())
        || char_at(text, range.end).is_some_and(|c| c.is_alphanumeric())
    {
        return None;
    }
    let raw = &text[range.clone()];
    // Capitalised "Said" is a name or a sentence start, not a reporting verb.
    if cue.class != CueClass::According && is_capitalised(raw) {
        return None;
    }
    let sentence = sentence_of(doc, range.start);
    let (paragraph, _) = paragraph_of(doc, range.start);
    let right_to = floor_boundary(text, sentence.end.min(range.end + RIGHT_WINDOW)).max(range.end);
    let right = tokenize(text, range.end..right_to);
    let mut left_from = sentence.start.max(floor_boundary(
        text,
        range.start.saturating_sub(LEFT_GLANCE),
    ));
    let mut left = tokenize(text, left_from..range.start);
    let mut parse = parse_left(text, &left, range.start, left_from == sentence.start);
    let at_edge =
        parse.subject.as_ref().is_some_and(|s| s.start <= 1) || parse.appositive.is_some();
    if left_from > sentence.start && at_edge {
        left_from = sentence.start.max(floor_boundary(
            text,
            range.start.saturating_sub(LEFT_WINDOW),
        ));
        left = tokenize(text, left_from..range.start);
        parse = parse_left(text, &left, range.start, left_from == sentence.start);
    }
    ctx.window_bytes += (range.start - left_from) + (right_to - range.end);

    if cue.class == CueClass::According {
        return according_to(ctx, range, &left, &right, sentence, paragraph);
    }

    if parse.rejected {
        return None;
    }
    let cue_text = normalise_cue(&text[parse.cue_start..range.end]);
    if let Some(be) = parse.passive {
        return passive_attribution(ctx, range, &left, &right, &parse, be, sentence, paragraph);
    }
    if cue.class == CueClass::PassiveOnly {
        return None;
    }

    // Who speaks.
    let mut subject: Option<SubjectParse> = parse
        .subject
        .clone()
        .map(|s| (left.clone(), s, parse.appositive.clone()));
    let mut inverted = false;
    // Where the words after the cue continue past an inverted speaker ("…, said Li on Monday").
    let mut inverted_np_end = 0;
    let mut inherited: Option<SpeakerInfo> = None;
    if cue.class == CueClass::Participle {
        // "a warning of …" is a noun; "a warning that …" still reports.
        let after_det = left
            .last()
            .is_some_and(|t| has(wl::DETERMINERS, lower(text, *t).as_str()));
        let marker_follows = right.first().is_some_and(|t| is_marker(text, *t));
        // "the ruling that …" is always the noun.
        if after_det && (!marker_follows || raw.eq_ignore_ascii_case("ruling")) {
            return None;
        }
        let clause_from = sentence.start.max(floor_boundary(
            text,
            range.start.saturating_sub(CLAUSE_WINDOW),
        ));
        if let Some((_, previous)) = ctx
            .last_speaker
            .as_ref()
            .filter(|(start, _)| *start == sentence.start)
        {
            inherited = Some(previous.clone());
        } else if clause_from == sentence.start {
            let clause = tokenize(text, sentence.start..range.start);
            if let Some(np) = clause_subject(text, &clause) {
                subject = Some((clause, np, None));
            }
        }
    }
    let left_ends_in_quote_or_comma = match left.last() {
        Some(t) => {
            !t.word
                && (is_punct(text, *t, ',')
                    || tok_text(text, *t).chars().all(is_closing_quote_char))
        }
        None => char_before(text, range.start.min(left_from)).is_some_and(is_closing_quote_char),
    };
    if subject.is_none()
        && matches!(cue.class, CueClass::Say | CueClass::That)
        && left_ends_in_quote_or_comma
        && parse.appositive.is_none()
    {
        // "…," said Li.  /  Prices will rise, said the minister.
        if let Some(np) = np_forward(text, &right, 0) {
            let after = right.get(np.end);
            let ends_clause = after.is_none_or(|t| {
                !t.word || {
                    let w = lower(text, *t);
                    has(wl::PREPOSITIONS, w.as_str()) || w == "who"
                }
            });
            if ends_clause {
                inverted_np_end = np.end;
                subject = Some((right.clone(), np, None));
                inverted = true;
            }
        }
    }
    let mut as_clause = false;
    let (speaker, subject_start) = match (inherited, subject) {
        // "…," Li said, adding that …: the participle continues the same speaker.
        (Some(previous), _) => (previous, range.start),
        (None, Some((subject_toks, np, appositive))) => {
            // "…," said Maria Fenwick, who called for …: the speaker was already
            // introduced by "said"; a subject that contains a speech verb belongs to
            // that earlier attribution, not to this cue.
            if subject_toks[np.clone()]
                .iter()
                .any(|t| t.word && EN_SAY.contains(&lower(text, *t).as_str()))
            {
                return None;
            }
            let speaker = en_speaker(
                ctx,
                &subject_toks,
                np.clone(),
                appositive.clone(),
                paragraph,
            )?;
            // "A study found that …" cites a document, which sources numbers but says
            // nothing (labelling §4); "The researchers found that …" is reported speech.
            let finding = matches!(
                raw.to_lowercase().as_str(),
                "found" | "finds" | "concluded" | "concludes"
            );
            if finding && names_a_document(text, &subject_toks[np.clone()]) {
                return None;
            }
            let start = subject_toks[np.start].start;
            let word_before = np
                .start
                .checked_sub(1)
                .map(|k| lower(text, subject_toks[k]))
                .unwrap_or_default();
            // "fewer than economists had expected", "as analysts expected": a comparison
            // with what someone foresaw, not a report of what they said.
            if word_before == "than" || (word_before == "as" && cue.class == CueClass::Belief) {
                return None;
            }
            as_clause = word_before == "as";
            (
                speaker,
                appositive
                    .as_ref()
                    .map_or(start, |a| start.min(subject_toks[a.start].start)),
            )
        }
        (None, None) => return None,
    };

    // What is said.
    let vague = speaker.vague.is_some();
    // "they fear …", "they thought that …": the author reading minds, not a source.
    if cue.class == CueClass::Belief && speaker.pronoun.is_some() && !speaker.resolved {
        return None;
    }
    let mut content = None;
    let mut reports = true;
    // "As Reuters reported last week, the company is for sale": the claim follows the comma.
    let as_comma = as_clause
        .then(|| {
            right
                .iter()
                .take(8)
                .position(|t| is_punct(text, *t, ','))
                .filter(|&k| {
                    right[..k].iter().all(|t| {
                        t.word && {
                            let w = lower(text, *t);
                            has(wl::ADVERBIAL_WORDS, w.as_str())
                                || has(wl::TIME_WORDS, w.as_str())
                                || is_adverb(&w)
                                || is_capitalised(tok_text(text, *t))
                        }
                    })
                })
        })
        .flatten();
    if let Some(k) = as_comma {
        content = right
            .get(k + 1)
            .and_then(|t| content_range(ctx, t.start, sentence.end));
    } else if cue.class == CueClass::Characterise {
        // "called the move “reckless”": an object must come first; "a plan called “X”" is
        // naming. A verb of judgement may take the quoted word at once: slams “reckless” strike.
        let first = right
            .first()
            .filter(|t| t.word || !cue.object && quote_opens_at(text, t.start))?;
        let from = if first.word { first.end } else { first.start };
        content = Some(from..right_to.max(from));
        reports = false;
    } else if !inverted
        && text[..subject_start].trim_end().ends_with(',')
        && right.first().is_some_and(|t| is_punct(text, *t, ','))
    {
        // "The move, critics warn, could trigger a trade war": the speaker interrupts the claim.
        let whole = trim_content(text, around(text, sentence.clone(), range.start));
        content = (!whole.is_empty()).then_some(whole);
    } else if !inverted {
        let lenient = vague;
        if let Some((start, via_that)) = en_content_start(text, &right, cue, lenient) {
            if cue.class == CueClass::Belief && !vague && !via_that {
                return None;
            }
            // "Employers added 175,000 jobs": "added" also means "increased by"; only a
            // clause with its own verb after it is something said.
            let adds = matches!(raw.to_lowercase().as_str(), "add" | "adds" | "added");
            if adds && !via_that && !opens_a_clause(text, &right, start) {
                return None;
            }
            // "Everyone knows the old story" has an object, not a claim: a bare clause
            // after a belief verb needs a verb of its own.
            let expects = raw.starts_with("expect");
            if cue.class == CueClass::Belief
                && !via_that
                && !has_finite_verb(text, &right, start, expects)
            {
                return None;
            }
            content = content_range(ctx, start, sentence.end);
        } else if cue.class == CueClass::Belief && !vague {
            return None;
        }
    }
    if cue.class == CueClass::Belief && !vague && content.is_none() {
        return None;
    }
    let anchor = if inverted { range.start } else { subject_start };
    let (_, para) = paragraph_of(doc, range.start);
    if content.as_ref().is_some_and(|c| c.is_empty()) {
        content = None;
    }
    let (tag, before) = content_before(ctx, anchor, sentence.start, para.start);
    let quote_before = tag_for(text, tag, content.as_ref());
    // "Xi said …, state media reported": the clause before is already Xi's report.
    let sentence_reported = ctx
        .last_speaker
        .as_ref()
        .is_some_and(|(start, _)| *start == sentence.start);
    // "…, Halden today announced topline results": a verb with its own object reports
    // nothing, so the clause before it is not its content.
    let closes_clause = cue_closes_clause(text, &right[inverted_np_end..], cue);
    if content.is_none() && quote_before.is_none() && reports && !sentence_reported && closes_clause
    {
        content = before;
    }
    ctx.window_bytes += content.as_ref().map_or(0, |c| c.len());
    // A named belief or stance needs its content; a bare "Li said." attributes nothing.
    if content.is_none() && quote_before.is_none() {
        return None;
    }
    if let Some(c) = &content {
        let (words, han) = size_of(&text[c.clone()], 2);
        if words + han < 2 && quote_containing(ctx.quotes, c.start).is_none() {
            return None;
        }
    }
    Some(Attribution {
        cue_text,
        cue_end: range.end,
        speaker,
        content,
        quote_before,
        reports,
        chinese: false,
        hearsay: false,
    })
}

/// Does the clause starting at byte `start` have an auxiliary or modal among its first
/// words ("it is just …", "the yuan will weaken"), or, after "expect", an infinitive
/// ("expect the bank to cut rates")?
fn has_finite_verb(text: &str, right: &[Tok], start: usize, infinitive_ok: bool) -> bool {
    right
        .iter()
        .filter(|t| t.word && t.start >= start)
        .take(8)
        .any(|t| {
            let w = lower(text, *t);
            has(wl::BE_FORMS, w.as_str())
                || has(wl::AUXILIARIES, w.as_str())
                || w.ends_with("'s")
                || w.ends_with("’s")
                || infinitive_ok && w == "to"
        })
}

/// Does the speech verb end its clause ("…, analysts said on Tuesday.", "…, he told
/// reporters in Geneva"), so that the clause before it can be its content? Words right
/// after the verb must be adverbials or the person addressed; after a preposition the
/// rest is an adjunct.
fn cue_closes_clause(text: &str, after: &[Tok], cue: Cue) -> bool {
    let mut objects = 0;
    for t in after {
        if !t.word {
            return true;
        }
        let w = lower(text, *t);
        if has(wl::PREPOSITIONS, w.as_str()) {
            return true;
        }
        // A name right after the verb is its object ("announced the Aria 3"), unless
        // the verb takes the person addressed ("told Reuters").
        let adverbial = has(wl::ADVERBIAL_WORDS, w.as_str())
            || has(wl::TIME_WORDS, w.as_str())
            || has(wl::AUDIENCE, w.as_str())
            || is_adverb(&w);
        if !adverbial {
            // "…, she told the local paper": the person or outlet addressed.
            objects += 1;
            if !cue.object || objects > 3 {
                return false;
            }
        }
    }
    true
}

/// Does the bare text from byte `start` read as a clause ("the plan had failed") rather
/// than an object ("175,000 jobs", "a new line")?
fn opens_a_clause(text: &str, right: &[Tok], start: usize) -> bool {
    let Some(first) = right.iter().find(|t| t.word && t.start >= start) else {
        return false;
    };
    let w = lower(text, *first);
    let object_like = w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            w.as_str(),
            "a" | "an"
                | "another"
                | "more"
                | "new"
                | "some"
                | "several"
                | "many"
                | "extra"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
        );
    !object_like && has_finite_verb(text, right, start, false)
}

fn normalise_cue(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Is `t` something that introduces reported content: "that", a colon, a comma, a dash
/// or an opening quotation mark?
fn is_marker(text: &str, t: Tok) -> bool {
    let s = tok_text(text, t);
    if t.word {
        return s.eq_ignore_ascii_case("that");
    }
    s.chars()
        .next()
        .is_some_and(|c| matches!(c, ':' | ',' | '—' | '–') || is_opening_quote_char(c))
}

/// Where the content after a cue starts, and whether "that" or a colon introduced it.
fn en_content_start(text: &str, right: &[Tok], cue: Cue, lenient: bool) -> Option<(usize, bool)> {
    // Look for "that", a colon or a quote after adverbials (and an object for told/warned).
    let limit = right.len().min(10);
    let mut k = 0;
    let mut object_words = 0;
    while k < limit {
        let t = right[k];
        if is_marker(text, t) {
            break;
        }
        if is_punct(text, t, '(') {
            match (k + 1..limit).find(|&i| is_punct(text, right[i], ')')) {
                Some(close) => {
                    k = close + 1;
                    continue;
                }
                None => break,
            }
        }
        if !t.word {
            break;
        }
        let w = lower(text, t);
        let adverbial = has(wl::ADVERBIAL_WORDS, w.as_str())
            || is_adverb(&w)
            || is_capitalised(tok_text(text, t))
            || w.chars().any(|c| c.is_ascii_digit());
        if !adverbial {
            if cue.object && object_words < 5 {
                object_words += 1;
            } else {
                break;
            }
        }
        k += 1;
    }
    if let Some(&t) = right.get(k).filter(|t| is_marker(text, **t)) {
        let s = tok_text(text, t);
        if s.chars().next().is_some_and(is_opening_quote_char) {
            return Some((t.start, true));
        }
        // A comma only introduces content right after the verb ("said, “…”"), not after an
        // object, and not before a participle that brings its own ("said, adding that …").
        if s == "," && (k > 0 || !cue.bare) {
            return bare_start(text, right, cue, lenient);
        }
        if s == ","
            && right
                .get(k + 1)
                .is_some_and(|n| n.word && lower(text, *n).ends_with("ing"))
        {
            return None;
        }
        let next = right.get(k + 1)?;
        return Some((next.start, true));
    }
    bare_start(text, right, cue, lenient)
}

/// Start of a bare reported clause right after the verb ("said the plan failed").
fn bare_start(text: &str, right: &[Tok], cue: Cue, lenient: bool) -> Option<(usize, bool)> {
    if !(cue.bare || lenient) {
        return None;
    }
    let mut k = skip_adverbials(text, right, 0);
    if cue.object {
        // "told reporters (on Tuesday) the plan failed": skip the person addressed.
        let audience = right.get(k).filter(|t| t.word).is_some_and(|t| {
            let w = lower(text, *t);
            has(wl::AUDIENCE, w.as_str()) || is_capitalised(tok_text(text, *t))
        });
        if audience {
            k = np_forward(text, right, k).map_or(k + 1, |np| np.end.max(k + 1));
        } else if let Some(np) = np_forward(text, right, k) {
            if np.len() <= 4 && right.len() > np.end {
                k = np.end;
            }
        }
        k = skip_adverbials(text, right, k);
    }
    let first = right.get(k).filter(|t| t.word)?;
    let w = lower(text, *first);
    // "says nothing about", "said so", "said goodbye": no claim follows.
    let no_claim = matches!(
        w.as_str(),
        "so" | "and"
            | "nothing"
            | "little"
            | "something"
            | "much"
            | "more"
            | "everything"
            | "anything"
            | "yes"
            | "no"
            | "goodbye"
            | "hello"
            | "thanks"
            | "sorry"
            | "otherwise"
            | "what"
            | "whatever"
    );
    if has(wl::PREPOSITIONS, w.as_str()) || no_claim {
        return None;
    }
    let words = right[k..].iter().filter(|t| t.word).count();
    (words >= 3).then_some((first.start, false))
}

/// Skip adverbials from token `k`: "on Tuesday", "in a statement", "publicly".
fn skip_adverbials(text: &str, right: &[Tok], mut k: usize) -> usize {
    while let Some(&t) = right.get(k).filter(|t| t.word) {
        let w = lower(text, t);
        if is_adverb(&w) || has(wl::TIME_WORDS, w.as_str()) {
            k += 1;
            continue;
        }
        if has(wl::PREPOSITIONS, w.as_str()) {
            let reach = (k + 1..right.len().min(k + 5)).find(|&i| {
                right[i].word && {
                    let x = lower(text, right[i]);
                    has(wl::TIME_WORDS, x.as_str()) || is_capitalised(tok_text(text, right[i]))
                }
            });
            if let Some(end) = reach {
                k = end + 1;
                continue;
            }
        }
        break;
    }
    k
}

/// The reported content from `start` to the sentence end, extended over a quotation
/// that starts inside it and closes after it, capped and trimmed.
fn content_range(ctx: &Ctx, start: usize, sentence_end: usize) -> Option<Range<usize>> {
    let text = ctx.text;
    // Content that opens with a quotation is that quotation ("exclaim “…,” and …").
    let lead = text[start..].len() - text[start..].trim_start().len();
    if let Some(q) = quote_containing(ctx.quotes, start + lead)
        .filter(|&q| ctx.quotes[q].bytes.start == start + lead)
    {
        return Some(ctx.quotes[q].bytes.clone());
    }
    let mut end = sentence_end.max(start);
    if let Some(q) = quote_containing(ctx.quotes, end.saturating_sub(1)) {
        if ctx.quotes[q].bytes.start >= start {
            end = end.max(ctx.quotes[q].bytes.end);
        }
    }
    if let Some(q) = quote_containing(ctx.quotes, start) {
        end = end.max(ctx.quotes[q].bytes.end);
    }
    end = floor_boundary(text, end.min(start + MAX_CONTENT_BYTES));
    // The report ends where the author turns to someone else: ", while others warn …".
    let piece = &text[start..end];
    let turn = piece
        .match_indices([',', ';', '；'])
        .map(|(at, _)| at)
        .find(|&at| {
            let rest = &piece[at..];
            let turns = rest.starts_with(';')
                || rest.starts_with('；')
                || [
                    ", while ",
                    ", whereas ",
                    ", but ",
                    ", although ",
                    ", though ",
                ]
                .iter()
                .any(|t| rest.starts_with(t));
            turns && quote_containing(ctx.quotes, start + at).is_none()
        });
    if let Some(at) = turn {
        end = start + at;
    }
    // "…, state media reported.": a second speaker tag closing the sentence is not content.
    if let Some(at) = trailing_speaker_tag(&text[start..end]) {
        if quote_containing(ctx.quotes, start + at).is_none() {
            end = start + at;
        }
    }
    let range = trim_content(text, start..end);
    (!range.is_empty()).then_some(range)
}

/// Where a closing speaker tag (", officials said", ", according to Reuters") starts in `piece`.
fn trailing_speaker_tag(piece: &str) -> Option<usize> {
    let comma = piece.rfind(',')?;
    let tail = piece[comma + 1..].trim().trim_end_matches(['.', '!', '?']);
    let words: Vec<&str> = tail.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let tag = (2..=6).contains(&words.len())
        && matches!(
            last.as_str(),
            "said"
                | "says"
                | "reported"
                | "reports"
                | "added"
                | "adds"
                | "told"
                | "wrote"
                | "writes"
                | "warned"
                | "noted"
                | "stated"
                | "argued"
                | "claimed"
                | "insisted"
                | "confirmed"
                | "announced"
                | "say"
        );
    let according = tail.to_lowercase().starts_with("according to") && words.len() <= 10;
    (tag || according).then_some(comma)
}

/// What stands before a speaker placed after the speech: a direct quote right before it
/// ("…," he said; with whether a comma joins them), or the clause before a comma
/// ("Prices will rise, analysts said"). Never looks past the paragraph start.
fn content_before(
    ctx: &Ctx,
    anchor: usize,
    sentence_start: usize,
    paragraph_start: usize,
) -> (Option<(usize, bool)>, Option<Range<usize>>) {
    let text = ctx.text;
    let skip_space = |mut p: usize| {
        while p > paragraph_start {
            match char_before(text, p) {
                Some(c) if c.is_whitespace() => p -= c.len_utf8(),
                _ => break,
            }
        }
        p
    };
    let mut p = skip_space(anchor);
    let mut comma = false;
    if p > paragraph_start {
        if let Some(c) = char_before(text, p).filter(|c| matches!(c, ',' | '，' | '—' | '–')) {
            p -= c.len_utf8();
            comma = true;
            p = skip_space(p);
        }
    }
    if p > paragraph_start && char_before(text, p).is_some_and(is_closing_quote_char) {
        if let Some(q) = quote_ending_at(ctx.quotes, p) {
            let inner = text[ctx.quotes[q].inner.clone()].trim_end();
            let joined = comma || inner.ends_with([',', '，', '、', '—']);
            return (Some((q, joined)), None);
        }
    }
    if comma && p > sentence_start {
        let range = trim_content(text, around(text, sentence_start..p, p));
        if !range.is_empty() && !is_dateline(&text[range.clone()]) {
            return (None, Some(range));
        }
    }
    (None, None)
}

/// "CAMBRIDGE, Mass., March 4, 2025" or "SAN JOSE, Calif., Sept. 12": a place in capitals
/// and a date opening wire copy, never anyone's words.
fn is_dateline(piece: &str) -> bool {
    let mut words = piece
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let place_in_capitals = words.next().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    });
    place_in_capitals
        && piece
            .split_whitespace()
            .all(|w| !w.chars().next().is_some_and(char::is_lowercase))
}

/// A quote right before the speaker is theirs when the speaker tag ends the clause
/// ("“We will win.” Li said."), introduces more quotation ("“A,” he said, “B.”"), or is
/// joined to the quote by a comma ("“…,” he said, adding …"). A quote ending one
/// sentence is not the speech of the next sentence's subject ("… “cake.” They thought that …").
fn tag_for(
    text: &str,
    tag: Option<(usize, bool)>,
    content: Option<&Range<usize>>,
) -> Option<usize> {
    let (q, joined) = tag?;
    let content_is_quote = content.is_some_and(|c| quote_opens_at(text, c.start));
    (content.is_none() || content_is_quote || joined).then_some(q)
}

/// "according to X, …" and "…, according to X."
fn according_to(
    ctx: &mut Ctx,
    range: Range<usize>,
    left: &[Tok],
    right: &[Tok],
    sentence: Range<usize>,
    paragraph: usize,
) -> Option<Attribution> {
    let text = ctx.text;
    // The source runs to the next punctuation (or "that"), at most 12 words.
    let mut end = 0;
    while end < right.len() && end < 12 && right[end].word && !lower(text, right[end]).eq("that") {
        end += 1;
    }
    if end == 0 || names_a_document(text, &right[..end]) {
        return None;
    }
    let speaker = en_speaker(ctx, right, 0..end, None, paragraph)?;
    let opens_sentence = left.iter().all(|t| {
        let w = lower(text, *t);
        !t.word
            || has(wl::CLAUSE_OPENERS, w.as_str())
            || has(wl::BOUNDARY, w.as_str())
            || is_adverb(&w)
    });
    let content = if opens_sentence {
        let after = right
            .get(end)
            .map_or(sentence.end, |t| if t.word { t.start } else { t.end });
        content_range(ctx, after, sentence.end)
    } else {
        let r = trim_content(text, around(text, sentence.start..range.start, range.start));
        (!r.is_empty()).then_some(r)
    }?;
    Some(Attribution {
        cue_text: "according to".to_string(),
        cue_end: range.end,
        speaker,
        content: Some(content),
        quote_before: None,
        reports: true,
        chinese: false,
        hearsay: false,
    })
}

/// Nouns for data and documents: "according to figures released by …", "according to
/// a study", "according to the trial data" cite evidence, not a speaker (labelling §4),
/// so the sentence is no quotation; the statistics detector still counts the cue as a source.
#[rustfmt::skip]
const DOCUMENT_NOUNS: &[&str] = &[
    "data", "figures", "statistics", "stats", "numbers", "study", "studies", "report", "reports", "survey",
    "surveys", "poll", "polls", "polling", "research", "analysis", "analyses", "estimate", "estimates", "census",
    "records", "record", "document", "documents", "papers", "paper", "filing", "filings", "results", "findings",
    "calculations", "tally", "count", "projections", "forecast", "forecasts", "index", "model", "models",
    "minutes", "transcript", "transcripts", "database", "register", "registry", "ratings", "rankings", "ranking",
    "breakdown", "audit", "assessment", "evaluation", "review", "files", "emails", "readings", "measurements",
    "tables", "chart", "charts", "dataset", "datasets", "sources",
];
/// Participles that end the head of a cited document ("figures released by the office").
#[rustfmt::skip]
const DOCUMENT_PARTICIPLES: &[&str] = &[
    "released", "published", "compiled", "issued", "obtained", "seen", "cited", "collected", "gathered",
    "provided", "posted", "shared", "produced", "prepared", "conducted", "commissioned", "reviewed", "filed",
    "made", "presented", "quoted", "analysed", "analyzed",
];

/// Is the phrase after "according to" a dataset or document ("a Northpoint poll published
/// on Monday", "league statistics") rather than someone who can speak? Its head is the last
/// word before the first preposition or participle.
fn names_a_document(text: &str, source: &[Tok]) -> bool {
    let words: Vec<String> = source
        .iter()
        .filter(|t| t.word)
        .map(|t| lower(text, *t))
        .collect();
    let head_end = words
        .iter()
        .skip(1)
        .position(|w| has(wl::PREPOSITIONS, w) || DOCUMENT_PARTICIPLES.contains(&w.as_str()))
        .map_or(words.len(), |k| k + 1);
    words[..head_end]
        .last()
        .is_some_and(|head| DOCUMENT_NOUNS.contains(&head.as_str()))
}

/// "it is widely believed that …" and "X is said to …": hearsay with no speaker.
#[allow(clippy::too_many_arguments)]
fn passive_attribution(
    ctx: &mut Ctx,
    range: Range<usize>,
    left: &[Tok],
    right: &[Tok],
    parse: &LeftParse,
    be: usize,
    sentence: Range<usize>,
    paragraph: usize,
) -> Option<Attribution> {
    let text = ctx.text;
    let verb = text[range.clone()].to_lowercase();
    if !matches!(
        verb.as_str(),
        "said"
            | "believed"
            | "thought"
            | "reported"
            | "understood"
            | "known"
            | "expected"
            | "rumoured"
            | "rumored"
            | "alleged"
            | "claimed"
            | "feared"
            | "argued"
            | "considered"
    ) {
        return None;
    }
    let subject = parse.subject.clone();
    let impersonal = subject
        .as_ref()
        .is_some_and(|s| s.len() == 1 && lower(text, left[s.start]) == "it");
    // "it is widely believed among economists that …": the phrase names who believes it.
    let holders = impersonal
        .then(|| {
            right
                .first()
                .filter(|t| matches!(lower(text, **t).as_str(), "among" | "by"))
        })
        .flatten()
        .and_then(|_| np_forward(text, right, 1));
    if let Some(np) = holders {
        let speaker = en_speaker(ctx, right, np.clone(), None, paragraph)?;
        let that = Cue {
            class: CueClass::That,
            bare: false,
            object: false,
        };
        let (start, _) = en_content_start(text, &right[np.end..], that, true)?;
        let content = content_range(ctx, start, sentence.end)?;
        return Some(Attribution {
            cue_text: normalise_cue(&text[left[be].start..right[np.start - 1].end]),
            cue_end: range.end,
            speaker,
            content: Some(content),
            quote_before: None,
            reports: true,
            chinese: false,
            hearsay: false,
        });
    }
    let (speaker_bytes, slug, content) = if impersonal {
        let s = subject?;
        let start = left[s.start].start;
        let (content_start, _) = en_content_start(
            text,
            right,
            Cue {
                class: CueClass::That,
                bare: false,
                object: false,
            },
            true,
        )?;
        (
            start..range.end,
            format!("it-is-{verb}"),
            content_range(ctx, content_start, sentence.end)?,
        )
    } else if right.first().is_some_and(|t| lower(text, *t) == "to")
        && !matches!(verb.as_str(), "expected" | "known" | "considered")
    {
        let to = right[0];
        let whole = trim_content(text, around(text, sentence.clone(), range.start));
        (left[be].start..to.end, format!("{verb}-to"), whole)
    } else {
        return None;
    };
    if content.is_empty() {
        return None;
    }
    Some(Attribution {
        cue_text: normalise_cue(&text[speaker_bytes.clone()]),
        cue_end: range.end,
        speaker: SpeakerInfo {
            text: text[speaker_bytes.clone()].to_string(),
            bytes: speaker_bytes,
            vague: Some(slug),
            pronoun: None,
            resolved: false,
            person: false,
            author: false,
        },
        content: Some(content),
        quote_before: None,
        reports: true,
        chinese: false,
        hearsay: !impersonal,
    })
}

/// Build the speaker from a noun phrase, resolving pronouns and classifying it.
fn en_speaker(
    ctx: &mut Ctx,
    toks: &[Tok],
    np: Range<usize>,
    appositive: Option<Range<usize>>,
    paragraph: usize,
) -> Option<SpeakerInfo> {
    let text = ctx.text;
    // A possessive names someone else: "Vitale's lawyer" is a role, not a name.
    let has_name = |r: &Range<usize>| {
        toks[r.clone()].iter().any(|t| {
            let raw = tok_text(text, *t);
            let possessive = ["'s", "’s", "s'", "s’"].iter().any(|p| raw.ends_with(p));
            t.word && is_capitalised(raw) && !is_common_word(&raw.to_lowercase()) && !possessive
        })
    };
    // Prefer the side of an appositive that carries a name ("The minister, Wang Yi, said").
    let chosen = match appositive {
        Some(a) if has_name(&a) && !has_name(&np) => a,
        _ => np,
    };
    let words: Vec<String> = toks[chosen.clone()]
        .iter()
        .filter(|t| t.word)
        .map(|t| lower(text, *t))
        .collect();
    let bytes = toks[chosen.start].start..toks[chosen.end - 1].end;
    if words.len() == 1 {
        let w = words[0].as_str();
        if matches!(w, "i" | "we") {
            return Some(author_speaker(&text[bytes.clone()], bytes));
        }
        if has(wl::SELF_PRONOUNS, w) || has(wl::DEMONSTRATIVES, w) {
            return None;
        }
        // "according to him": object pronouns stand for a speaker too.
        let subject_form = match w {
            "him" => Some("he"),
            "her" => Some("she"),
            "them" => Some("they"),
            _ => has(wl::SUBJECT_PRONOUNS, w).then_some(w),
        };
        if subject_form.is_some() {
            return pronoun_speaker(ctx, &text[bytes.clone()], bytes, paragraph);
        }
    }
    let first_word = words.first().map(String::as_str).unwrap_or("");
    // "we Chinese", "you people", "nobody": the author, the reader or no one at all.
    if matches!(
        first_word,
        "i" | "we" | "you" | "us" | "me" | "nobody" | "none" | "neither"
    ) {
        return None;
    }
    // "the company", "the force", "the minister": the one named before.
    if let Some(resolved) = definite_reference(ctx, &words, &bytes, paragraph) {
        return Some(resolved);
    }
    // "Cole added …" after "The chairman, David Cole, said": the surname stands for the
    // full name given before.
    let surname = &text[bytes.clone()];
    if words.len() == 1 && is_capitalised(surname) && !is_common_word(&words[0]) {
        let fits = |m: &Mention| m.person && m.text != surname && same_speaker(&m.text, surname);
        if let Some(m) = nearest_mention(ctx, bytes.start, paragraph, 3, fits) {
            return Some(resolved_to(m, surname));
        }
    }
    let vague = en_vague_slug(text, &toks[chosen.clone()]);
    let person = vague.is_none() && en_person_like(&words, text, &toks[chosen.clone()]);
    Some(SpeakerInfo {
        text: text[bytes.clone()].to_string(),
        bytes,
        vague,
        pronoun: None,
        resolved: false,
        person,
        author: false,
    })
}

/// The author speaking ("I told them: “…”", 我对他说): not a source to check.
fn author_speaker(text: &str, bytes: Range<usize>) -> SpeakerInfo {
    SpeakerInfo {
        text: text.to_string(),
        bytes,
        vague: None,
        pronoun: Some(text.to_string()),
        resolved: false,
        person: true,
        author: true,
    }
}

/// Common words that are capitalised only because they open a sentence.
fn is_common_word(w: &str) -> bool {
    has(wl::DETERMINERS, w)
        || has(wl::VAGUE_ALWAYS, w)
        || has(wl::VAGUE_PLURAL, w)
        || has(wl::VAGUE_SINGULAR, w)
        || has(wl::NATIONALITIES, w)
        || has(wl::ROLE_NOUNS, w)
        || has(wl::BOUNDARY, w)
        || has(wl::SUBJECT_PRONOUNS, w)
}

/// `Some(slug)` when the phrase names no one in particular ("experts", "a source",
/// "anyone with clear sight", "people familiar with the matter").
fn en_vague_slug(text: &str, toks: &[Tok]) -> Option<String> {
    let words: Vec<(&str, String)> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| (tok_text(text, *t), lower(text, *t)))
        .collect();
    let split = words
        .iter()
        .position(|(_, w)| has(wl::NP_PREPS, w.as_str()))
        .unwrap_or(words.len());
    let (head_part, tail) = words.split_at(split);
    let proper = |part: &[(&str, String)]| {
        part.iter().any(|(raw, w)| {
            is_capitalised(raw) && !is_common_word(w)
                || raw.chars().filter(|c| c.is_uppercase()).count() >= 2
                    && !has(wl::NATIONALITIES, w.as_str())
        })
    };
    // "analysts at Goldman Sachs", "Goldman analysts", "data from the ministry": a named
    // or identified organisation stands behind them.
    let definite_org = tail
        .iter()
        .position(|(_, w)| w == "the")
        .is_some_and(|the| {
            tail[the + 1..]
                .iter()
                .take(3)
                .any(|(_, w)| has(wl::DEFINITE_ORGS, w.as_str()))
        });
    if proper(tail) || proper(head_part) || definite_org {
        return None;
    }
    // "a lot of people", "a number of analysts": the people after "of" are the speakers.
    let quantity = head_part.last().is_some_and(|(_, w)| {
        matches!(
            w.as_str(),
            "lot"
                | "lots"
                | "number"
                | "majority"
                | "handful"
                | "couple"
                | "group"
                | "dozen"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "minority"
                | "bunch"
                | "host"
                | "plenty"
                | "range"
        )
    });
    if quantity && tail.len() > 1 && tail[0].1 == "of" {
        let rest: Vec<Tok> = toks
            .iter()
            .filter(|t| t.word)
            .skip(split + 1)
            .copied()
            .collect();
        return en_vague_slug(text, &rest);
    }
    let det = head_part.first().map(|(_, w)| w.as_str()).unwrap_or("");
    // "Many economists" is vague because of "economists"; "many" alone is vague too.
    if let Some((_, w)) = head_part
        .iter()
        .rev()
        .find(|(_, w)| has(wl::VAGUE_PLURAL, w.as_str()))
    {
        return Some(w.clone());
    }
    if let Some((_, w)) = head_part
        .iter()
        .find(|(_, w)| has(wl::VAGUE_ALWAYS, w.as_str()))
    {
        return Some(w.clone());
    }
    // The head is the last word before the first preposition, skipping a trailing
    // adjective ("people familiar with …").
    let head = head_part.iter().rev().map(|(_, w)| w.as_str()).find(|w| {
        !matches!(
            *w,
            "familiar" | "close" | "knowledgeable" | "briefed" | "aware" | "involved"
        )
    })?;
    if has(wl::VAGUE_PLURAL, head) {
        return Some(head.to_string());
    }
    if has(wl::VAGUE_SINGULAR, head) && has(wl::INDEFINITE, det) {
        return Some(head.to_string());
    }
    if has(wl::VAGUE_DEFINITE, head) {
        let slug: Vec<&str> = head_part
            .iter()
            .map(|(_, w)| w.as_str())
            .filter(|w| !has(wl::DETERMINERS, w))
            .collect();
        return Some(slug.join("-"));
    }
    None
}

fn en_person_like(words: &[String], text: &str, toks: &[Tok]) -> bool {
    if words.iter().any(|w| has(wl::PERSON_ROLES, w.as_str())) {
        return true;
    }
    if words.iter().any(|w| has(wl::ORG_WORDS, w.as_str())) {
        return false;
    }
    let raws: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| tok_text(text, *t))
        .collect();
    let acronym = raws.len() == 1
        && raws[0]
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    !acronym && (1..=4).contains(&raws.len()) && raws.iter().all(|r| is_capitalised(r))
}

/// "Commerce Secretary Gina Raimondo" and "Raimondo", "外交部发言人毛宁" and "毛宁": one speaker.
fn same_speaker(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    long == short
        || long.strip_suffix(short).is_some_and(|head| {
            head.chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric() || is_han(c) && short.chars().all(is_han))
        })
}

/// Resolve he/she/it/they (and 他/她/他们) to the person or organisation they stand for:
/// the nearest one named before, in the same paragraph or the one before (labelling §5:
/// "the nearest preceding named person of matching reference"). Plural "they" stands
/// for a definite group that opened the sentence before ("The researchers analysed …
/// They found that …"); otherwise it is a vague speaker.
fn pronoun_speaker(
    ctx: &mut Ctx,
    pronoun: &str,
    bytes: Range<usize>,
    paragraph: usize,
) -> Option<SpeakerInfo> {
    let p = pronoun.to_lowercase();
    let plural = matches!(
        p.as_str(),
        "they" | "them" | "他们" | "她们" | "他們" | "她們"
    );
    let unresolved = |vague: Option<&str>, person: bool| SpeakerInfo {
        text: pronoun.to_string(),
        bytes: bytes.clone(),
        vague: vague.map(str::to_string),
        pronoun: Some(pronoun.to_string()),
        resolved: false,
        person,
        author: false,
    };
    if plural {
        return match group_before(ctx, bytes.start) {
            Some(group) => Some(SpeakerInfo {
                pronoun: Some(pronoun.to_string()),
                resolved: true,
                ..group
            }),
            None => Some(unresolved(Some("they"), false)),
        };
    }
    let want_person = p != "it";
    let found = nearest_mention(ctx, bytes.start, paragraph, 1, |m| m.person == want_person);
    match found {
        Some(m) => Some(resolved_to(m, pronoun)),
        // "It said" with no organisation before it is too unclear to report.
        None if !want_person => None,
        None => Some(unresolved(None, true)),
    }
}

/// The speaker a pronoun or short reference stands for, pointing at the earlier mention.
fn resolved_to(m: Mention, written: &str) -> SpeakerInfo {
    SpeakerInfo {
        text: m.text,
        bytes: m.bytes,
        vague: None,
        pronoun: Some(written.to_string()),
        resolved: true,
        person: m.person,
        author: false,
    }
}

/// "They" after a sentence opened by a definite group ("The researchers analysed …"):
/// that group, read from the previous sentence of the same paragraph.
fn group_before(ctx: &mut Ctx, pos: usize) -> Option<SpeakerInfo> {
    let doc = ctx.doc;
    let text = ctx.text;
    let si = doc.sentence_index(pos)?.checked_sub(1)?;
    let previous = doc.sentences()[si].clone();
    if doc.paragraph_index(previous.start) != doc.paragraph_index(pos) {
        return None;
    }
    let end = floor_boundary(text, previous.end.min(previous.start + LEFT_WINDOW));
    ctx.window_bytes += end - previous.start;
    let toks = tokenize(text, previous.start..end);
    let np = clause_subject(text, &toks)?;
    let words: Vec<String> = toks[np.clone()].iter().map(|t| lower(text, *t)).collect();
    // The head is the last word before a preposition: "Researchers at the university".
    let head_end = words
        .iter()
        .position(|w| has(wl::NP_PREPS, w.as_str()))
        .unwrap_or(words.len());
    let head = words[..head_end].last()?;
    let plural_people = head.ends_with('s')
        && (has(wl::VAGUE_PLURAL, head.as_str()) || has(wl::ROLE_NOUNS, head.as_str()));
    // "The researchers", "Researchers at the university", "Analysts": a group a reader can
    // see the pronoun stands for ("they" for a whole side stays vague).
    let group = plural_people
        && (words.first().is_some_and(|w| w == "the") || has(wl::VAGUE_PLURAL, head.as_str()));
    if !group {
        return None;
    }
    let bytes = toks[np.start].start..toks[np.end - 1].end;
    Some(SpeakerInfo {
        text: text[bytes.clone()].to_string(),
        vague: en_vague_slug(text, &toks[np]),
        bytes,
        pronoun: None,
        resolved: false,
        person: false,
        author: false,
    })
}

/// The nearest mention before byte `pos` accepted by `want`, among speakers and the names
/// the text gives, at most `paragraphs_back` paragraphs before and [`PRONOUN_REACH`] bytes.
fn nearest_mention(
    ctx: &mut Ctx,
    pos: usize,
    paragraph: usize,
    paragraphs_back: usize,
    want: impl Fn(&Mention) -> bool,
) -> Option<Mention> {
    scan_names(ctx, pos);
    let reach = pos.saturating_sub(PRONOUN_REACH);
    let in_reach = |m: &&Mention| {
        m.bytes.start >= reach && m.paragraph + paragraphs_back >= paragraph && m.bytes.end <= pos
    };
    // Speakers are recorded as their cues are read, nearly but not strictly in text
    // order, so the last few are all looked at; names are in text order.
    let speaker = ctx
        .mentions
        .iter()
        .rev()
        .take(24)
        .filter(in_reach)
        .find(|m| want(m))
        .cloned();
    let before = ctx.names.partition_point(|m| m.bytes.start < pos);
    let named = ctx.names[..before]
        .iter()
        .rev()
        .take(24)
        .take_while(|m| m.bytes.start >= reach)
        .filter(in_reach)
        .find(|m| want(m))
        .cloned();
    match (speaker, named) {
        (Some(a), Some(b)) => Some(if b.bytes.start > a.bytes.start { b } else { a }),
        (a, b) => a.or(b),
    }
}

// --- Names the text gives ----------------------------------------------------------
//
// Pronouns and short references ("he", "the company", "the force", 该公司) may stand for
// someone who was named without speaking: "Judge Howard Pell dissented. He wrote …",
// "Police in Calder have arrested two men, the force said". `scan_names` reads the text
// before a reference once, left to right, for people named with a title, a role or as a
// sentence's subject, and for organisations; only the part within [`PRONOUN_REACH`] of a
// reference is ever read, so the work stays linear.

/// Titles and roles written before a person's name ("Judge", "Detective Inspector", "Dr.").
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "judge", "justice", "detective", "inspector", "sergeant", "constable", "superintendent", "officer",
    "deputy", "vice", "prime", "finance", "foreign", "interior", "defence", "defense", "health", "education",
    "trade", "commerce", "home", "attorney", "solicitor", "coach", "captain", "colonel", "lieutenant", "major",
    "admiral", "sheriff", "bishop", "archbishop", "rabbi", "imam", "father", "sister", "brother", "dame", "sir",
    "lord", "lady", "councillor", "councilor", "assemblyman", "assemblywoman", "congressman", "congresswoman",
    "senator", "representative", "rep", "sen", "gov", "dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "sgt",
    "capt", "rev", "supt", "insp", "det", "cmdr", "adm", "maj", "pres", "dr.", "mr.", "mrs.", "ms.", "prof.",
    "gen.", "lt.", "col.", "sgt.", "capt.", "rev.", "supt.", "insp.", "det.", "cmdr.", "adm.", "maj.", "pres.",
    "sen.", "rep.", "gov.", "chief", "executive", "head", "teacher", "nurse", "doctor", "lawyer",
];
/// Words that make a capitalised phrase a place or a thing, not a person.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "street", "road", "avenue", "lane", "city", "county", "river", "airport", "station", "square", "park",
    "bridge", "hall", "north", "south", "east", "west", "new", "san", "los", "las", "saint", "st.", "fort",
    "port", "lake", "mount", "island", "islands", "valley", "coast", "district", "province", "state", "island",
    "sea", "ocean", "bay", "hill", "hills", "centre", "center", "stadium", "arena", "hospital", "school",
    "college", "day", "week", "year", "cup", "league", "open", "award", "prize", "index",
];
/// Last words of a company's name: "Fjordline Shipping ASA", "Halden Therapeutics".
#[rustfmt::skip]
const COMPANY_ENDINGS: &[&str] = &[
    "asa", "ag", "sa", "nv", "gmbh", "plc", "llc", "lp", "se", "ab", "oy", "spa", "bhd", "pty", "kk", "shipping",
    "airlines", "airways", "motors", "therapeutics", "pharmaceuticals", "pharma", "holdings", "systems", "labs",
    "energy", "partners", "capital", "ventures", "logistics", "foods", "brands", "networks", "semiconductor",
    "electronics", "telecom", "communications", "biotech", "biosciences", "robotics", "software", "mining",
    "petroleum", "oil", "steel", "chemicals", "insurance", "bancorp", "financial", "securities", "airline",
];
/// Lowercase nouns that introduce an organisation's name ("the firm Keystone Cyber").
#[rustfmt::skip]
const ORG_INTRO: &[&str] = &[
    "firm", "company", "group", "maker", "startup", "start-up", "retailer", "carrier", "airline", "lender",
    "insurer", "chipmaker", "manufacturer", "developer", "operator", "supplier", "giant", "conglomerate",
    "brand", "outlet", "publisher", "broadcaster", "network", "agency", "charity", "organisation",
    "organization", "club", "newspaper", "website", "site", "platform", "union", "regulator", "watchdog",
    "consultancy", "bank", "fund", "investor", "owner", "subsidiary", "rival", "provider",
];
/// What "the company", "the force", "the ministry" … may stand for: words one of which the
/// organisation's name or its introducing noun must contain.
#[rustfmt::skip]
const ORG_REFERENCES: &[(&str, &[&str])] = &[
    ("company", &["inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "co", "co.", "plc", "llc", "group",
        "asa", "ag", "sa", "nv", "gmbh", "se", "ab", "oy", "spa", "shipping", "logistics", "mining", "software",
        "holdings", "technologies", "technology", "industries", "firm", "company", "maker", "startup", "retailer",
        "carrier", "airline", "lender", "insurer", "chipmaker", "manufacturer", "developer", "operator", "supplier",
        "giant", "conglomerate", "brand", "subsidiary", "rival", "provider", "therapeutics", "pharmaceuticals",
        "motors", "airlines", "systems", "labs", "energy", "bank"]),
    ("firm", &["inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "co", "co.", "plc", "llc", "group",
        "holdings", "technologies", "technology", "firm", "company", "consultancy", "maker", "startup", "partners",
        "associates", "capital", "developer", "chipmaker", "manufacturer", "provider", "therapeutics", "systems"]),
    ("group", &["group", "association", "alliance", "coalition", "federation", "union", "charity", "organisation",
        "organization", "foundation", "council", "company", "firm"]),
    ("force", &["police", "constabulary", "force"]),
    ("police", &["police", "constabulary", "force"]),
    ("ministry", &["ministry"]),
    ("department", &["department"]),
    ("agency", &["agency", "service", "administration", "authority"]),
    ("office", &["office"]),
    ("bureau", &["bureau"]),
    ("service", &["service"]),
    ("council", &["council"]),
    ("commission", &["commission"]),
    ("regulator", &["regulator", "authority", "commission", "watchdog"]),
    ("watchdog", &["regulator", "authority", "commission", "watchdog"]),
    ("court", &["court", "tribunal"]),
    ("bank", &["bank"]),
    ("union", &["union"]),
    ("party", &["party"]),
    ("club", &["club", "fc", "united", "city"]),
    ("airline", &["airline", "airlines", "airways", "air"]),
    ("carrier", &["airline", "airlines", "airways", "air", "carrier"]),
    ("university", &["university", "college"]),
    ("hospital", &["hospital", "trust"]),
    ("charity", &["charity", "foundation", "trust"]),
    ("government", &["government"]),
];
/// Chinese name endings that mark an organisation (青禾科技, 华为公司, 中国银行).
#[rustfmt::skip]
const ZH_ORG_ENDINGS: &[&str] = &[
    "科技", "公司", "集团", "集團", "银行", "銀行", "控股", "股份", "电子", "電子", "汽车", "汽車", "航空", "电信", "電信",
    "证券", "證券", "保险", "保險", "地产", "地產", "实业", "實業", "传媒", "傳媒", "医药", "醫藥", "能源", "电力", "電力",
    "通信", "网络", "網絡", "半导体", "半導體", "制药", "製藥", "食品", "物流", "企业", "企業", "基金",
];
/// Characters that cannot be part of a Chinese organisation's name: they end the walk
/// back from its ending (在, 与, 该, 据 …).
const ZH_NAME_STOPS: &str =
    "的在与與和及对對向由从從被把是了据據将將于於让讓给給跟同该該本其此贵貴我这這那各该其每些即";

/// Read names in the text up to byte `upto` that have not been read yet.
fn scan_names(ctx: &mut Ctx, upto: usize) {
    let text = ctx.text;
    let doc = ctx.doc;
    let upto = floor_boundary(text, upto);
    let from = ctx
        .names_read_to
        .max(floor_boundary(text, upto.saturating_sub(PRONOUN_REACH)));
    if from >= upto {
        return;
    }
    ctx.names_read_to = upto;
    ctx.window_bytes += upto - from;
    let sentences = doc.sentences();
    let mut si = doc.sentence_index(from).unwrap_or(0);
    while let Some(sentence) = sentences.get(si) {
        if sentence.start >= upto {
            break;
        }
        let start = sentence.start.max(from);
        let end = sentence.end.min(upto);
        if start < end {
            let paragraph = doc.paragraph_index(start).unwrap_or(0);
            let mut found = english_names(ctx, start..end, start == sentence.start, paragraph);
            found.extend(chinese_names(ctx, start..end, paragraph));
            // Keep the list in text order for the binary search in `nearest_mention`.
            found.sort_by_key(|m| m.bytes.start);
            ctx.names.extend(found);
        }
        si += 1;
    }
}

/// Is the token a capitalised word that can be part of a name?
fn name_token(text: &str, t: Tok) -> bool {
    let raw = tok_text(text, t);
    t.word && is_capitalised(raw) && !raw.chars().any(is_han)
}

/// People and organisations named in an English stretch of one sentence.
fn english_names(
    ctx: &Ctx,
    range: Range<usize>,
    sentence_start: bool,
    paragraph: usize,
) -> Vec<Mention> {
    let text = ctx.text;
    let mut found = Vec::new();
    if !text[range.clone()].chars().any(|c| c.is_ascii_uppercase()) {
        return found;
    }
    let toks = tokenize(text, range);
    let mut k = 0;
    while k < toks.len() {
        if !name_token(text, toks[k]) {
            k += 1;
            continue;
        }
        // A run of capitalised words, joined by "of", "in", "for", "and", "&" ("Police
        // in Calder", "Bank of England").
        let mut end = k + 1;
        loop {
            if end < toks.len() && name_token(text, toks[end]) {
                end += 1;
            } else if end + 1 < toks.len()
                && toks[end].word
                && matches!(
                    lower(text, toks[end]).as_str(),
                    "of" | "in" | "for" | "and" | "&" | "de"
                )
                && name_token(text, toks[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        let run = k..end;
        k = end;
        if quote_containing(ctx.quotes, toks[run.start].start).is_some() {
            continue;
        }
        match name_in_run(text, &toks, run.clone(), sentence_start, paragraph) {
            Some(m) if !m.person => found.push(m),
            // "Mayor Tess Hill and Governor Ray Cho": two people, one on each side of "and".
            _ => {
                let mut from = run.start;
                for at in run.clone() {
                    let joins = matches!(lower(text, toks[at]).as_str(), "and" | "&");
                    if joins || at + 1 == run.end {
                        let to = if joins { at } else { run.end };
                        if from < to {
                            let side_start = sentence_start && from == run.start;
                            found.extend(name_in_run(text, &toks, from..to, side_start, paragraph));
                        }
                        from = at + 1;
                    }
                }
            }
        }
    }
    found
}

/// Classify a run of capitalised tokens as a person or an organisation, if the text
/// around it says which.
fn name_in_run(
    text: &str,
    toks: &[Tok],
    run: Range<usize>,
    sentence_start: bool,
    paragraph: usize,
) -> Option<Mention> {
    let words: Vec<String> = toks[run.clone()].iter().map(|t| lower(text, *t)).collect();
    // Words capitalised only because they open the sentence or a clause ("The", "On Monday").
    let mut first = 0;
    while first < words.len() {
        let w = words[first].as_str();
        let filler = has(
            wl::DETERMINERS
                | wl::BOUNDARY
                | wl::CLAUSE_OPENERS
                | wl::TIME_WORDS
                | wl::SUBJECT_PRONOUNS
                | wl::SELF_PRONOUNS
                | wl::PRE_VERB_ADVERBS
                | wl::NP_PREPS,
            w,
        );
        if !filler {
            break;
        }
        first += 1;
    }
    if first == words.len() {
        return None;
    }
    let words = &words[first..];
    let toks_run = &toks[run.start + first..run.end];
    let intro = run
        .start
        .checked_sub(1)
        .map(|i| toks[i])
        .filter(|t| t.word && !is_capitalised(tok_text(text, *t)))
        .map(|t| lower(text, t))
        .unwrap_or_default();
    let bytes_of = |ts: &[Tok]| ts[0].start..ts[ts.len() - 1].end;
    let kind_words = |extra: &str| {
        let mut d = words.join(" ");
        d.push(' ');
        d.push_str(extra);
        d
    };
    let org_word = words
        .iter()
        .position(|w| has(wl::ORG_WORDS, w.as_str()))
        .or_else(|| {
            (words.len() >= 2 && COMPANY_ENDINGS.contains(&words[words.len() - 1].as_str()))
                .then_some(words.len() - 1)
        });
    let org = org_word.is_some() || ORG_INTRO.contains(&intro.as_str());
    if org {
        // "Shares of Brightline Corp.": when the organisation's words all come after "of"
        // or "in", the name starts after it.
        let connector = words.iter().position(|w| matches!(w.as_str(), "of" | "in"));
        let (words, toks_run) = match (connector, org_word) {
            (Some(c), Some(o)) if o > c => (&words[c + 1..], &toks_run[c + 1..]),
            _ => (words, toks_run),
        };
        let kind_words = |extra: &str| format!("{} {extra}", words.join(" "));
        // Places in the organisation list ("China", "Washington") name no organisation
        // a reference like "the company" could mean.
        let place_only = words.len() == 1 && !ORG_INTRO.contains(&intro.as_str());
        if place_only {
            return None;
        }
        let bytes = bytes_of(toks_run);
        return Some(Mention {
            text: text[bytes.clone()]
                .trim_end_matches(['\'', '’'])
                .to_string(),
            bytes,
            paragraph,
            person: false,
            describes: kind_words(&intro),
        });
    }
    // A person: optional titles, then one to three name words. A role noun opening the
    // sentence is a title too ("Nutritionist Dr. Helen Marsh").
    let titles = words
        .iter()
        .enumerate()
        .take_while(|(i, w)| {
            TITLE_WORDS.contains(&w.as_str())
                || has(wl::PERSON_ROLES, w.as_str())
                || (*i == 0 && sentence_start && run.start + first == 0 && role_like(w))
        })
        .count();
    let name = &toks_run[titles..];
    let name_words = &words[titles..];
    if name.is_empty() || name.len() > 3 || (titles == 0 && name.len() < 2) {
        return None;
    }
    // After a title, "Park" or "Hill" is a surname, not a place.
    let titled = titles > 0;
    let plain_name = name_words.iter().zip(name).all(|(w, t)| {
        let raw = tok_text(text, *t);
        raw.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            && (raw.chars().count() == 1 || !raw.chars().all(|c| c.is_uppercase()))
            && !is_common_word(w)
            && !has(wl::TIME_WORDS | wl::NATIONALITIES, w.as_str())
            && (titled || !PLACE_WORDS.contains(&w.as_str()))
            && !raw.ends_with("'s")
            && !raw.ends_with("’s")
    });
    if !plain_name {
        return None;
    }
    let role_before = !intro.is_empty()
        && (has(
            wl::PERSON_ROLES | wl::ROLE_NOUNS | wl::VAGUE_SINGULAR,
            intro.as_str(),
        ) || TITLE_WORDS.contains(&intro.as_str())
            || role_like(&intro));
    // "The conference president, Lars Eklund, defended …": the name in apposition to a role.
    let role_comma_before =
        run.start >= 2 && is_punct(text, toks[run.start - 1], ',') && toks[run.start - 2].word && {
            let w = lower(text, toks[run.start - 2]);
            has(wl::PERSON_ROLES, w.as_str()) || TITLE_WORDS.contains(&w.as_str())
        };
    let after = toks.get(run.end).copied();
    let after_next = toks.get(run.end + 1).map(|t| lower(text, *t));
    // "Lars Eklund, the conference president," / "Karen Bell, 52,"
    let apposition = after.is_some_and(|t| is_punct(text, t, ','))
        && after_next.as_deref().is_some_and(|w| {
            matches!(w, "a" | "an" | "the" | "who" | "aged")
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
    // "Judge Howard Pell dissented.": a name opening the sentence, followed by its verb.
    let subject = sentence_start
        && run.start + first == 0
        && after.is_some_and(|t| t.word && !is_capitalised(tok_text(text, t)));
    if titles == 0 && !role_before && !apposition && !subject && !role_comma_before {
        return None;
    }
    let role = if titles > 0 {
        words[..titles].join(" ")
    } else if role_comma_before {
        lower(text, toks[run.start - 2])
    } else {
        intro
    };
    let bytes = bytes_of(name);
    Some(Mention {
        text: text[bytes.clone()].to_string(),
        bytes,
        paragraph,
        person: true,
        describes: kind_words(&role),
    })
}

/// Does the lowercased word read as a person's role (scientist, teacher, director)?
fn role_like(w: &str) -> bool {
    w.len() >= 5
        && ["ist", "er", "or", "ian", "ant", "ent"]
            .iter()
            .any(|s| w.ends_with(s))
        && !has(
            wl::BOUNDARY | wl::PREPOSITIONS | wl::AUXILIARIES | wl::DETERMINERS,
            w,
        )
}

/// Organisations named in a Chinese stretch: a name ending in 科技, 公司, 集团 ….
fn chinese_names(ctx: &Ctx, range: Range<usize>, paragraph: usize) -> Vec<Mention> {
    let text = ctx.text;
    let piece = &text[range.clone()];
    let mut found = Vec::new();
    if !piece.chars().any(is_han) {
        return found;
    }
    for ending in ZH_ORG_ENDINGS {
        for (at, _) in piece.match_indices(ending) {
            let end = range.start + at + ending.len();
            let mut start = range.start + at;
            let mut n = 0;
            while let Some(c) = char_before(text, start) {
                if start <= range.start || n >= 6 || !(is_han(c) || c.is_alphanumeric()) {
                    break;
                }
                if ZH_NAME_STOPS.contains(c) {
                    break;
                }
                start -= c.len_utf8();
                n += 1;
            }
            if n < 2 || quote_containing(ctx.quotes, start).is_some() {
                continue;
            }
            found.push(Mention {
                text: text[start..end].to_string(),
                bytes: start..end,
                paragraph,
                person: false,
                describes: (*ending).to_string(),
            });
        }
    }
    found
}

/// "the company", "the force", "the minister", "the judge": the organisation or person
/// of that kind named before, when the text has named one.
fn definite_reference(
    ctx: &mut Ctx,
    words: &[String],
    bytes: &Range<usize>,
    paragraph: usize,
) -> Option<SpeakerInfo> {
    let [the, noun] = words else {
        return None;
    };
    if the != "the" {
        return None;
    }
    let written = ctx.text[bytes.clone()].to_string();
    if let Some((_, marks)) = ORG_REFERENCES.iter().find(|(r, _)| r == noun) {
        let fits = |m: &Mention| {
            !m.person
                && m.describes
                    .split_whitespace()
                    .any(|w| marks.contains(&w.trim_end_matches(['\'', '’'])))
        };
        let m = nearest_mention(ctx, bytes.start, paragraph, 3, fits)?;
        return Some(resolved_to(m, &written));
    }
    let person_role = has(wl::PERSON_ROLES, noun.as_str()) || TITLE_WORDS.contains(&noun.as_str());
    if person_role {
        let fits = |m: &Mention| m.person && m.describes.split_whitespace().any(|w| w == noun);
        let m = nearest_mention(ctx, bytes.start, paragraph, 3, fits)?;
        return Some(resolved_to(m, &written));
    }
    None
}

// --- Chinese attribution ---------------------------------------------------------

/// Characters that end the run of text a Chinese subject is read from.
fn is_zh_boundary(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '.'
            | '！'
            | '!'
            | '？'
            | '?'
            | '；'
            | ';'
            | '：'
            | ':'
            | '“'
            | '”'
            | '「'
            | '」'
            | '『'
            | '』'
            | '"'
            | '（'
            | '）'
            | '('
            | ')'
            | '…'
            | '—'
    ) || c.is_whitespace()
}

/// Leading words stripped from a Chinese subject: connectives and time words.
#[rustfmt::skip]
const ZH_LEADING: &[&str] = &[
    "可能", "也许", "也許", "或许", "或許", "但是", "但", "而且", "而", "可是", "可", "然而", "其实", "其實", "甚至", "就连", "就連", "连", "連",
    "另外", "此外", "同时", "同時", "因此", "所以", "不过", "不過", "并且", "並且", "对此", "對此", "目前", "如今", "现在", "現在", "近日", "日前",
    "今天", "昨天", "今日", "昨日", "早前", "此前", "当时", "當時", "随后", "隨後", "后来", "後來", "之后", "之後", "以前", "过去", "過去", "当天",
    "當天", "同日", "就在", "最近", "早在", "正如", "如同", "就像", "诚如", "誠如", "又", "也", "还", "還", "更", "则", "則", "那么", "那麼", "于是",
    "於是",
];
/// Trailing words stripped from a Chinese subject: adverbs and modals before the verb.
#[rustfmt::skip]
const ZH_TRAILING: &[&str] = &[
    "早早就", "早早", "早就", "早已", "已经", "已經", "曾经", "曾經", "多次", "再次", "一再", "反复", "反覆", "屡次", "屢次", "公开", "公開", "明确",
    "明確", "直接", "坦率", "更是", "还曾", "還曾", "都曾", "也曾", "不得不", "只好", "忍不住", "不禁", "纷纷", "紛紛", "普遍", "一致", "同样", "同樣",
    "随即", "隨即", "当即", "當即", "首先", "最后", "最後", "现在", "現在", "今天", "昨天", "近日", "日前", "此前", "也", "还", "還", "都", "曾",
    "就", "又", "会", "會", "要", "将", "將", "亦", "均", "已", "便", "才", "则", "則", "更", "却", "卻", "则是", "也会", "也會", "发出",
    "發出", "作出", "做出", "提出", "发文", "發文", "撰文", "刊文", "发表文章", "發表文章", "发表评论", "發表評論", "发表声明", "發表聲明", "发布声明", "發布聲明",
    "发表讲话", "發表講話", "发表演讲", "發表演講", "发帖", "發帖", "发推", "發推", "发推文", "發推文", "刊登文章", "发布公告", "發布公告", "发表社论", "發表社論",
    "发表", "發表", "发布", "發布", "回应称", "专门", "專門", "特别", "特別", "进一步", "進一步", "还会", "還會", "调侃", "調侃", "感叹", "感嘆", "感慨",
    "笑称", "笑稱", "打趣", "吐槽", "抱怨", "评论", "評論", "留言", "回复", "回覆", "解释", "解釋", "总结", "總結", "回忆", "回憶", "开玩笑", "開玩笑",
    "无奈", "無奈", "激动", "激動", "自嘲", "坦白", "私下", "接受采访时", "接受採訪時", "受访时", "受訪時", "受访", "受訪", "答问时", "答問時", "回应时",
    "回應時", "致辞时", "致詞時", "演讲时", "演講時", "讲话时", "講話時", "发言时", "發言時", "谈到此事时", "談到此事時", "答记者问时", "答記者問時", "常常", "经常",
    "經常", "总是", "總是", "一直", "常", "跳出来", "跳出來", "站出来", "站出來", "站起来", "站起來", "走过来", "走過來", "走出来", "走出來", "会后", "會後", "会前", "會前", "赛后", "賽後", "事后", "事後", "稍后", "稍後",
];
/// Locative endings: "在例行记者会上" is cut from 在 on.
#[rustfmt::skip]
const ZH_PLACE_ENDINGS: &[&str] = &[
    "上", "中", "时", "時", "里", "裡", "裏", "后", "後", "前", "期间", "期間", "之际", "之際", "表示",
];
/// Subjects that are the author or a demonstrative, never a quoted speaker.
#[rustfmt::skip]
const ZH_SELF: &[&str] = &[
    "我", "我们", "我們", "笔者", "筆者", "本文", "小编", "小編", "咱们", "咱們", "你", "你们", "你們", "您", "这", "這", "这些", "這些", "那",
    "那些", "此", "它", "它们", "它們", "这话", "這話", "本报", "本報", "其",
];
/// Characters that show the run is a clause, not a subject.
#[rustfmt::skip]
const ZH_CLAUSE_CHARS: &[char] = &[
    '到', '受', '遭', '了', '是', '把', '被', '让', '讓', '使', '得', '很', '没', '沒', '不', '要', '能', '想', '越', '这', '這', '那',
    '就', '都', '也', '还', '還', '却', '卻', '才', '又', '吗', '嗎', '呢', '吧', '啊', '着', '著', '过', '過',
];
/// Vague Chinese speakers and their rule slugs.
#[rustfmt::skip]
const ZH_VAGUE: &[(&str, &str)] = &[
    ("有些人", "someone"), ("一些人", "someone"), ("不少人", "someone"), ("很多人", "someone"), ("许多人", "someone"),
    ("許多人", "someone"), ("部分人", "someone"), ("有的人", "someone"), ("有人", "someone"), ("大家", "everyone"),
    ("人们", "everyone"), ("人們", "everyone"), ("人人", "everyone"), ("所有人", "everyone"), ("每个人", "everyone"),
    ("每個人", "everyone"), ("谁", "everyone"), ("誰", "everyone"), ("业内人士", "insiders"), ("業內人士", "insiders"),
    ("业界", "insiders"), ("業界", "insiders"), ("行业人士", "insiders"), ("行業人士", "insiders"), ("圈内人士", "insiders"),
    ("圈內人士", "insiders"), ("知情人士", "informed-sources"), ("知情者", "informed-sources"), ("消息人士", "informed-sources"),
    ("有关人士", "informed-sources"), ("有關人士", "informed-sources"), ("相关人士", "informed-sources"),
    ("相關人士", "informed-sources"), ("消息来源", "informed-sources"), ("消息來源", "informed-sources"),
    ("消息", "informed-sources"), ("分析人士", "analysts"), ("分析师", "analysts"), ("分析師", "analysts"), ("分析家", "analysts"),
    ("观察人士", "analysts"), ("觀察人士", "analysts"), ("观察家", "analysts"), ("觀察家", "analysts"), ("评论人士", "analysts"),
    ("評論人士", "analysts"), ("分析", "analysts"), ("专家", "experts"), ("專家", "experts"), ("学者", "experts"),
    ("學者", "experts"), ("粉丝", "fans"), ("粉絲", "fans"), ("网友", "netizens"), ("網友", "netizens"), ("网民", "netizens"), ("網民", "netizens"),
    ("外界", "outside-world"), ("舆论", "outside-world"), ("輿論", "outside-world"), ("外媒", "media"), ("媒体", "media"),
    ("媒體", "media"), ("报道", "media"), ("報道", "media"), ("報導", "media"), ("观点", "opinion"), ("觀點", "opinion"),
    ("批评者", "critics"), ("批評者", "critics"), ("批评人士", "critics"), ("批評人士", "critics"), ("官员", "officials"),
    ("官員", "officials"), ("传言", "reportedly"), ("傳言", "reportedly"), ("传闻", "reportedly"), ("傳聞", "reportedly"),
    ("坊间", "reportedly"), ("坊間", "reportedly"),
];
/// Modifiers that keep a vague Chinese speaker vague ("美国业内人士", "一位知情人士").
#[rustfmt::skip]
const ZH_VAGUE_MODIFIERS: &[&str] = &[
    "不愿透露姓名的", "不願透露姓名的", "不愿具名的", "不願具名的", "也有", "还有", "還有", "更有", "一些", "一位", "一名", "一个", "一個", "部分", "不少", "很多",
    "许多", "許多", "多位", "多名", "几位", "幾位", "数位", "數位", "某些", "个别", "個別", "相关", "相關", "有关", "有關", "美国", "美國", "中国",
    "中國", "国外", "國外", "海外", "国内", "國內", "外国", "外國", "西方", "日本", "欧洲", "歐洲", "台湾", "台灣", "臺灣", "香港", "业内", "業內",
    "市场", "市場", "行业", "行業", "资深", "資深", "匿名", "各方", "有的", "总有", "總有", "有", "某", "的", "些", "位", "名", "一",
];
#[rustfmt::skip]
const ZH_PERSON_ROLES: &[&str] = &[
    "发言人", "發言人", "部长", "部長", "主席", "总统", "總統", "总理", "總理", "教授", "院士", "博士", "总裁", "總裁", "董事长", "董事長", "创始人",
    "創始人", "首席执行官", "首席執行官", "CEO", "大使", "议员", "議員", "经理", "經理", "局长", "局長", "市长", "市長", "省长", "省長", "书记", "書記",
    "主任", "先生", "女士", "记者", "記者", "总监", "總監", "司长", "司長", "国务卿", "國務卿", "署长", "署長", "处长", "處長",
    "院长", "院長", "校长", "校長", "会长", "會長", "行长", "行長", "执行长", "執行長", "秘书长", "秘書長", "主委", "委员", "委員",
    "负责人", "負責人", "官员", "官員", "法官", "律师", "律師", "医生", "醫生", "警官", "主管", "研究员", "研究員",
];
#[rustfmt::skip]
const ZH_ORG_SUFFIXES: &[&str] = &[
    "部", "局", "委", "院", "所", "社", "报", "報", "台", "网", "網", "署", "厅", "廳", "会", "會", "司", "团", "團", "行", "府", "组织",
    "組織", "协会", "協會", "集团", "集團", "公司", "大学", "大學", "机构", "機構", "方面", "媒体", "媒體", "政府", "科技", "中心", "办公室", "辦公室",
    "军", "軍", "队", "隊", "党", "黨", "馆", "館", "方",
];

fn chinese_attribution(
    ctx: &mut Ctx,
    range: Range<usize>,
    pattern: &str,
    cue: Cue,
) -> Option<Attribution> {
    let text = ctx.text;
    let doc = ctx.doc;
    let prev = char_before(text, range.start);
    let next = char_at(text, range.end);
    let prev2 = prev.and_then(|p| char_before(text, range.start - p.len_utf8()));
    // 跳出来说, 站出来说: a directional verb before 说 (while 对我来说, 一般来说 are not speech).
    let directional = matches!(pattern, "说" | "說")
        && matches!(prev, Some('来' | '來'))
        && prev2.is_some_and(|c| "出过過回起".contains(c));
    // 发言人称, 负责人称: a role ending in 人 before 称 (while 人称 alone is "known as").
    let role_says = matches!(pattern, "称" | "稱")
        && prev == Some('人')
        && prev2.is_some_and(|c| "言责責事理办辦表".contains(c));
    if !directional && !role_says && !zh_cue_plausible(pattern, prev, next) {
        return None;
    }
    let sentence = sentence_of(doc, range.start);
    let (paragraph, para) = paragraph_of(doc, range.start);

    // The run of text before the cue, back to the clause boundary.
    let mut run_start = range.start;
    let mut count = 0;
    while let Some(c) = char_before(text, run_start) {
        if run_start <= para.start || is_zh_boundary(c) || count >= 30 {
            break;
        }
        run_start -= c.len_utf8();
        count += 1;
    }
    ctx.window_bytes += range.start - run_start + 64;
    let run_too_long = count >= 30
        && char_before(text, run_start).is_some_and(|c| !is_zh_boundary(c))
        && run_start > para.start;

    // Where the speaker starts when it is read from an earlier clause.
    let mut subject_start = None;
    let speaker = if cue.class == CueClass::ZhStandalone {
        if !zh_run_is_connective(&text[run_start..range.start]) {
            return None;
        }
        SpeakerInfo {
            text: pattern.to_string(),
            bytes: range.clone(),
            vague: Some("reportedly".to_string()),
            pronoun: None,
            resolved: false,
            person: false,
            author: false,
        }
    } else {
        if run_too_long {
            return None;
        }
        let (subject, ju) = strip_zh_subject(text, run_start..range.start);
        if cue.class == CueClass::ZhReport
            && !ju
            && !next.is_some_and(|c| matches!(c, '，' | ',' | '：' | ':'))
        {
            return None;
        }
        let s = &text[subject.clone()];
        // 有报道称: the cue swallowed the noun after 有.
        if s == "有" && (pattern.starts_with("报") || pattern.starts_with("報")) {
            SpeakerInfo {
                text: format!("有{}", pattern.trim_end_matches(['称', '稱', '说', '說'])),
                bytes: subject.start..range.end,
                vague: Some("media".to_string()),
                pronoun: None,
                resolved: false,
                person: false,
                author: false,
            }
        } else if zh_no_subject(s) && run_start > sentence.start {
            // “……”王建国一边查看麦穗，一边笑着说 / 天文台……，并表示: the speaker is the
            // subject at the start of the sentence.
            if ctx
                .last_content
                .as_ref()
                .is_some_and(|c| c.contains(&range.start))
            {
                // 梁嘉欣表示，……，预料……: the verb is inside someone's reported words.
                return None;
            }
            let (clause_start, earlier) = sentence_subject_zh(ctx, sentence.start..run_start)?;
            subject_start = Some(clause_start);
            zh_speaker(ctx, earlier, paragraph)?
        } else {
            zh_speaker(ctx, subject, paragraph)?
        }
    };
    if cue.class == CueClass::ZhVagueOnly && speaker.vague.is_none() {
        return None;
    }

    // What is said.
    let content_start = zh_content_start(text, range.end, sentence.end, cue);
    let mut content = content_start.and_then(|s| content_range(ctx, s, sentence.end));
    if let Some(c) = content.clone() {
        let piece = &text[c.clone()];
        let first_clause = piece.split(['，', ',']).next().unwrap_or(piece);
        // 中国宣布实施出口管制后，……: the cue sits in a clause of time, reporting nothing
        // (but 他表示，疫情严重时，…… reports: the comma opens the content).
        let time_clause = c.start == range.end
            && quote_containing(ctx.quotes, c.start).is_none()
            && [
                "后", "後", "之后", "之後", "以后", "以後", "时", "時", "之际", "之際", "期间",
                "期間",
            ]
            .iter()
            .any(|t| first_clause.ends_with(t));
        if time_clause {
            return None;
        }
        // 知名手摇饮宣布涨价 网友暴动: a space between Chinese words separates headline
        // clauses, so the report ends there.
        if let Some(at) = headline_gap(piece) {
            content = Some(trim_content(text, c.start..c.start + at)).filter(|r| !r.is_empty());
        }
    }
    // A few characters are a word, not a claim; after a colon (粉丝狂喊：太美了) they are one.
    let after_colon = next.is_some_and(|c| matches!(c, '：' | ':'));
    let least = if after_colon { 2 } else { 4 };
    if let Some(c) = &content {
        let (words, han) = size_of(&text[c.clone()], 4);
        if han + words < least && quote_containing(ctx.quotes, c.start).is_none() {
            content = None;
        }
    }
    let anchor = if cue.class == CueClass::ZhStandalone {
        range.start
    } else {
        subject_start.unwrap_or(run_start)
    };
    let (mut tag, before) = content_before(ctx, anchor, sentence.start, para.start);
    // “……。”何静怡说，…: in Chinese news a quote that ends right where the speaker's
    // name begins is that speaker's, even when more reported speech follows the verb.
    if let Some((_, joined)) = &mut tag {
        *joined |= char_before(text, anchor).is_some_and(is_closing_quote_char);
    }
    let quote_before = tag_for(text, tag, content.as_ref());
    ctx.window_bytes += content.as_ref().map_or(0, |c| c.len());
    if content.is_none() && quote_before.is_none() {
        content = before.filter(|b| {
            let (words, han) = size_of(&text[b.clone()], 4);
            han + words >= 4
        });
    }
    if content.is_none() && quote_before.is_none() {
        return None;
    }
    Some(Attribution {
        cue_text: pattern.to_string(),
        cue_end: range.end,
        speaker,
        content,
        quote_before,
        reports: true,
        chinese: true,
        hearsay: false,
    })
}

/// "网友暴动：再也不喝了", "有网友：……": in headlines and posts, a vague speaker, at most
/// three characters of verb and a colon introduce what they say. Only vague speakers
/// count: a colon after other nouns is a label ("预约规则如下：", "地点：").
fn zh_colon_attribution(ctx: &mut Ctx, colon: Range<usize>) -> Option<Attribution> {
    let text = ctx.text;
    let doc = ctx.doc;
    let (paragraph, para) = paragraph_of(doc, colon.start);
    let mut run_start = colon.start;
    let mut n = 0;
    while let Some(c) = char_before(text, run_start) {
        if run_start <= para.start || is_zh_boundary(c) || n > 12 {
            break;
        }
        run_start -= c.len_utf8();
        n += 1;
    }
    if n > 12 || n == 0 {
        return None;
    }
    ctx.window_bytes += colon.start - run_start + 64;
    let run: Vec<(usize, char)> = text[run_start..colon.start].char_indices().collect();
    let subject_end = (0..=3.min(run.len() - 1)).find_map(|verb_len| {
        let end = run[run.len() - verb_len..]
            .first()
            .map_or(colon.start, |&(at, _)| run_start + at);
        let subject = &text[run_start..end];
        let verb = &text[end..colon.start];
        let verb_ok = verb.chars().all(is_han);
        (verb_ok && zh_vague_slug(subject).is_some()).then_some(end)
    })?;
    let speaker = zh_speaker(ctx, run_start..subject_end, paragraph)?;
    speaker.vague.as_ref()?;
    let sentence = sentence_of(doc, colon.start);
    let mut content = content_range(ctx, colon.end, sentence.end.max(colon.end))?;
    if let Some(at) = headline_gap(&text[content.clone()]) {
        content = trim_content(text, content.start..content.start + at);
    }
    let (words, han) = size_of(&text[content.clone()], 2);
    if words + han < 2 {
        return None;
    }
    Some(Attribution {
        cue_text: text[subject_end..colon.end].to_string(),
        cue_end: colon.end,
        speaker,
        content: Some(content),
        quote_before: None,
        reports: true,
        chinese: true,
        hearsay: false,
    })
}

/// Rule out words that merely contain a cue character: 小说, 说明, 名称, 称为, 问题 …
fn zh_cue_plausible(pattern: &str, prev: Option<char>, next: Option<char>) -> bool {
    let prev_in = |set: &str| prev.is_some_and(|p| set.contains(p));
    let next_in = |set: &str| next.is_some_and(|n| set.contains(n));
    match pattern {
        "说" | "說" => {
            !prev_in("听聽据據小虽雖所是可再难難胡传傳演解游遊劝勸学學话話来來般么麼没沒别別要以句如言诉訴述细細直实實用敢不怎单單白体體确確格的")
                && !next_in("明法服不到起错錯完好得成是出清白谎謊辞辭书書唱教理笑话話")
        }
        "称" | "稱" => {
            !prev_in("名简簡号號堪俗统統职職人对對相昵爱愛尊敬戏戲并並改又著通泛总總合自谦謙美别別旧舊原全官正")
                && !next_in("为為之号號赞讚作呼道心职職霸帝王得谓謂颂頌许許量重")
        }
        "问" | "問" => {
            !prev_in("访訪学學疑顾顧询詢质質追反提过過审審慰拷盘盤责責请請")
                && !next_in("题題候世津责責卷诊診路号號")
        }
        "认为" | "認為" | "表示" | "指出" | "透露" | "强调" | "強調" => true,
        // 正如专家所说,…: only before a comma; 他所说的话 is a noun phrase.
        "所说" | "所說" | "所言" | "所称" | "所稱" => next_in("，,"),
        "知道" => !next_in("了"),
        "介绍" | "介紹" => next_in("，,：:说說"),
        "补充" | "補充" => next_in("，,：:说說道"),
        "提到" => next_in("，,：:"),
        "回应" | "回應" => next_in("，,：:称稱说說"),
        "披露" => next_in("，,：:"),
        // 有業內人士指，…: the Hong Kong "says"; 指 is otherwise 指标, 指导, 手指 ….
        "指" => next_in("，,：:"),
        // One character (喊, 赞, 酸) is too common a word to count before a comma.
        p if ZH_BEFORE_COLON.contains(&p) && p.chars().count() == 1 => next_in("：:"),
        p if ZH_BEFORE_COLON.contains(&p) => next_in("：:，,说說道称稱"),
        _ => true,
    }
}

/// Is the text before a standalone cue (据悉) only connectives, so the cue opens its clause?
fn zh_run_is_connective(run: &str) -> bool {
    let mut rest = run.trim();
    for _ in 0..4 {
        if rest.is_empty() {
            return true;
        }
        match ZH_LEADING.iter().find(|p| rest.starts_with(**p)) {
            Some(p) => rest = &rest[p.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// Strip connectives, adverbs, time words, places and media from a Chinese subject run:
/// "可能有人会" → "有人"; "外交部发言人毛宁在例行记者会上" → "外交部发言人毛宁".
/// Returns the subject's bytes and whether it opened with 据 (据新华社报道).
fn strip_zh_subject(text: &str, run: Range<usize>) -> (Range<usize>, bool) {
    let mut r = run;
    let mut ju = false;
    for _ in 0..16 {
        let s = &text[r.clone()];
        if s.is_empty() {
            break;
        }
        let before = r.clone();
        if let Some(p) = ZH_LEADING
            .iter()
            .find(|p| s.starts_with(**p) && s.len() > p.len())
        {
            r.start += p.len();
        } else if (s.starts_with('据') || s.starts_with('據')) && s.len() > 3 {
            r.start += 3;
            ju = true;
        } else if let Some(t) = ZH_TRAILING
            .iter()
            .find(|t| s.ends_with(**t) && s.len() > t.len())
        {
            r.end -= t.len();
        } else if let Some(cut) = zh_trailing_phrase(s) {
            r.end = r.start + cut;
        } else if let Some(at) = s.find("援引") {
            r.start += at + "援引".len();
        }
        if let Some(date) = zh_trailing_date(&text[r.clone()]) {
            r.end = r.start + date;
        }
        if r == before {
            break;
        }
    }
    (r, ju)
}

/// Where a trailing place or addressee phrase starts: 在…上, 于…, 向全球, 对记者, 接受…采访时.
fn zh_trailing_phrase(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    for (k, &(b, c)) in chars.iter().enumerate().rev() {
        if k == 0 || n - k > 14 {
            continue;
        }
        let tail = &s[b..];
        let place = matches!(c, '在' | '于' | '於')
            && ZH_PLACE_ENDINGS
                .iter()
                .any(|e| tail.ends_with(e) || n - k <= 6);
        let addressee = matches!(c, '向' | '对' | '對' | '跟' | '同' | '给' | '給') && n - k <= 8;
        let interview =
            tail.starts_with("接受") || tail.starts_with("通过") || tail.starts_with("通過");
        // 出席股东会时, 参加论坛后, 视察工地时: the occasion, not the speaker.
        let occasion = [
            "出席", "参加", "參加", "访问", "訪問", "视察", "視察", "出访", "出訪", "会见", "會見",
            "考察",
        ]
        .iter()
        .any(|m| tail.starts_with(m))
            && ["时", "時", "上", "后", "後", "期间", "期間"]
                .iter()
                .any(|e| tail.ends_with(e));
        // 发表白皮书, 发布声明: the medium, not the speaker.
        let medium = [
            "发表", "發表", "发布", "發布", "刊发", "刊發", "刊登", "撰写", "撰寫", "公布",
        ]
        .iter()
        .any(|m| tail.starts_with(m))
            && n - k <= 8;
        // 笑着: the manner of speaking.
        let manner = n - k <= 3 && k + 1 < n && matches!(chars[n - 1].1, '着' | '著');
        if place || addressee || interview || occasion || medium || manner {
            return Some(b);
        }
    }
    None
}

/// Where a trailing date starts: 5月11日, 11日, 2024年.
fn zh_trailing_date(s: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let last = chars.last()?.1;
    if !matches!(last, '日' | '号' | '號' | '年' | '月') {
        return None;
    }
    let mut k = chars.len() - 1;
    while k > 0 {
        let c = chars[k - 1].1;
        if c.is_ascii_digit()
            || matches!(c, '年' | '月' | '０'..='９')
            || "一二三四五六七八九十".contains(c)
        {
            k -= 1;
        } else {
            break;
        }
    }
    (k < chars.len() - 1 && k > 0).then_some(chars[k].0)
}

/// Adverbs that stand between a Chinese subject and its speech verb (他续指, 天文台并称,
/// 她还说): not part of the speaker.
const ZH_PRE_VERB_ADVERBS: &[&str] = &[
    "进一步",
    "進一步",
    "随后",
    "隨後",
    "同时",
    "同時",
    "续",
    "續",
    "又",
    "还",
    "還",
    "并",
    "並",
    "也",
    "则",
    "則",
    "再",
    "亦",
    "更",
    "均",
    "都",
    "曾",
    "已",
    "早已",
    "早就",
    "早早就",
];

fn zh_speaker(ctx: &mut Ctx, subject: Range<usize>, paragraph: usize) -> Option<SpeakerInfo> {
    let text = ctx.text;
    let mut subject = subject;
    while let Some(adverb) = ZH_PRE_VERB_ADVERBS
        .iter()
        .find(|a| text[subject.clone()].ends_with(*a))
    {
        subject.end -= adverb.len();
    }
    let s = &text[subject.clone()];
    if matches!(
        s,
        "我" | "我们" | "我們" | "笔者" | "筆者" | "小编" | "小編" | "咱们" | "咱們" | "本人"
    ) {
        return Some(author_speaker(s, subject));
    }
    if s.is_empty() || s.chars().count() > 20 || ZH_SELF.contains(&s) {
        return None;
    }
    if matches!(s, "他" | "她" | "他们" | "她们" | "他們" | "她們") {
        return pronoun_speaker(ctx, s, subject, paragraph);
    }
    if let Some(resolved) = zh_reference(ctx, s, &subject, paragraph) {
        return Some(resolved);
    }
    // 某些国家的专家酸溜溜地: a manner adverb in 地 after the speaker is not part of them.
    if let Some(cut) = zh_manner_adverb(s) {
        subject.end = subject.start + cut;
    }
    let s = &text[subject.clone()];
    if let Some(slug) = zh_vague_slug(s) {
        return Some(SpeakerInfo {
            text: s.to_string(),
            bytes: subject,
            vague: Some(slug.to_string()),
            pronoun: None,
            resolved: false,
            person: false,
            author: false,
        });
    }
    // Clause characters (能, 到, 是 …) show a clause rather than a subject, except inside
    // an organisation's name before its ending: 經濟部能源署長王國強 is a subject.
    let after_org = ZH_ORG_SUFFIXES
        .iter()
        .filter_map(|suffix| s.rfind(suffix).map(|at| at + suffix.len()))
        .filter(|&end| end < s.len())
        .max()
        .unwrap_or(0);
    if s[after_org..].chars().any(|c| ZH_CLAUSE_CHARS.contains(&c))
        || !s.chars().any(|c| is_han(c) || c.is_alphabetic())
    {
        return None;
    }
    let person = zh_person_like(s);
    Some(SpeakerInfo {
        text: s.to_string(),
        bytes: subject,
        vague: None,
        pronoun: None,
        resolved: false,
        person,
        author: false,
    })
}

fn zh_vague_slug(s: &str) -> Option<&'static str> {
    let listed = ZH_VAGUE.iter().find_map(|&(term, slug)| {
        let prefix = s.strip_suffix(term)?;
        zh_only_modifiers(prefix).then_some(slug)
    });
    // 有立委质疑, 有关部门表示: "some legislator", "the relevant department" — no one in particular.
    let unnamed_member = || {
        let rest = ["有", "总有", "總有", "也有", "还有", "還有", "更有"]
            .iter()
            .find_map(|p| s.strip_prefix(p))?;
        let n = rest.chars().count();
        ((1..=4).contains(&n) && !rest.chars().any(|c| ZH_CLAUSE_CHARS.contains(&c)))
            .then_some("someone")
    };
    // 美国某大报, 某位官员: 某 ("a certain") withholds who it is.
    let withheld = || {
        let n = s.chars().count();
        (s.contains('某') && !s.contains("某某") && (2..=8).contains(&n)).then_some("someone")
    };
    // 網嚇：… — Taiwanese headlines shorten 網友 to 網; only alone, since 中國網 is a website.
    let net = || matches!(s, "網" | "网").then_some("netizens");
    listed
        .or_else(unnamed_member)
        .or_else(withheld)
        .or_else(net)
}

/// Demonstratives before a short reference: 该公司, 這位官員, 该名负责人.
const ZH_REFERENCE_PREFIXES: &[&str] = &[
    "这位", "這位", "这名", "這名", "该名", "該名", "该", "該", "此", "本",
];

/// 公司, 该公司, 该负责人, 這位官員: the organisation or person named before (labelling §5),
/// when the text has named one; `None` leaves the phrase as written.
fn zh_reference(
    ctx: &mut Ctx,
    s: &str,
    bytes: &Range<usize>,
    paragraph: usize,
) -> Option<SpeakerInfo> {
    let prefixed = ZH_REFERENCE_PREFIXES
        .iter()
        .find_map(|p| s.strip_prefix(p).filter(|rest| !rest.is_empty()));
    let rest = prefixed.unwrap_or(s);
    // A bare 公司 (据公司介绍) is the company of the article; other bare nouns stay as written.
    let business = matches!(rest, "公司" | "集团" | "集團" | "企业" | "企業");
    let organisation = business
        || matches!(
            rest,
            "银行"
                | "銀行"
                | "机构"
                | "機構"
                | "部门"
                | "部門"
                | "中心"
                | "局"
                | "署"
                | "单位"
                | "單位"
        );
    if organisation && (business || prefixed.is_some()) {
        let fits = |m: &Mention| {
            !m.person
                && m.text.chars().any(is_han)
                && (business
                    || m.text.ends_with(rest)
                    || matches!(rest, "机构" | "機構" | "部门" | "部門" | "单位" | "單位"))
        };
        let m = nearest_mention(ctx, bytes.start, paragraph, 3, fits)?;
        return Some(resolved_to(m, s));
    }
    let person = prefixed.is_some() && ZH_PERSON_ROLES.iter().any(|r| rest.ends_with(r));
    if person {
        let fits = |m: &Mention| m.person && m.text.chars().any(is_han);
        let m = nearest_mention(ctx, bytes.start, paragraph, 3, fits)?;
        return Some(resolved_to(m, s));
    }
    None
}

/// Where a trailing manner adverb in 地 starts (专家酸溜溜地, 官员无奈地), when what comes
/// before it is a recognisable speaker.
fn zh_manner_adverb(s: &str) -> Option<usize> {
    if !s.ends_with('地') {
        return None;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    (3..=6).filter(|&len| len < n).find_map(|len| {
        let cut = chars[n - len].0;
        let head = &s[..cut];
        let speaker = ZH_VAGUE.iter().any(|(v, _)| head.ends_with(v))
            || ZH_PERSON_ROLES.iter().any(|r| head.ends_with(r))
            || ZH_ORG_SUFFIXES.iter().any(|o| head.ends_with(o));
        speaker.then_some(cut)
    })
}

/// Is a Chinese subject run empty of a speaker once adverbs are gone: 并, 还, 一边笑着?
fn zh_no_subject(s: &str) -> bool {
    let mut rest = s;
    while let Some(adverb) = ZH_PRE_VERB_ADVERBS.iter().find(|a| rest.ends_with(*a)) {
        rest = &rest[..rest.len() - adverb.len()];
    }
    let manner = ["一边", "一邊", "边", "邊", "一面"]
        .iter()
        .any(|m| rest.starts_with(m))
        || (rest.chars().count() <= 3 && (rest.ends_with('着') || rest.ends_with('著')));
    rest.is_empty() || manner
}

/// Words where the subject opening a Chinese sentence ends and its predicate begins:
/// 天文台|因應颱風…, 王建国|一边查看…, 青禾科技|在深圳举行….
#[rustfmt::skip]
const ZH_PREDICATE_STARTS: &[&str] = &[
    "一边", "一邊", "一面", "因应", "因應", "因为", "因為", "在", "于", "於", "对", "對", "向", "将", "將", "把", "被", "正在", "已经",
    "已經", "今天", "今日", "昨天", "昨日", "日前", "近日", "发出", "發出", "宣布", "宣佈", "发布", "發布", "举行", "舉行", "表示",
    "通过", "通過", "根据", "根據", "随即", "隨即", "立即", "再次", "首次", "也", "亦", "还", "還", "并", "並", "又", "都",
];

/// The subject opening the sentence `before` (its text up to the cue's clause), when a
/// later clause's speech verb has none of its own. Returns where its clause starts and
/// the subject's bytes.
fn sentence_subject_zh(ctx: &mut Ctx, before: Range<usize>) -> Option<(usize, Range<usize>)> {
    let text = ctx.text;
    let mut start = before.start;
    // A quotation opening the sentence is the speech, not the speaker.
    if let Some(q) = quote_containing(ctx.quotes, start) {
        start = ctx.quotes[q].bytes.end;
    }
    while let Some(c) = char_at(text, start).filter(|c| c.is_whitespace() || is_zh_boundary(*c)) {
        if start >= before.end {
            return None;
        }
        start += c.len_utf8();
    }
    let mut end = start;
    let mut n = 0;
    while let Some(c) = char_at(text, end) {
        if end >= before.end || is_zh_boundary(c) || n >= 30 {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    ctx.window_bytes += end - start;
    let clause = &text[start..end];
    let cut = clause
        .char_indices()
        .skip(2)
        .find(|(at, _)| {
            ZH_PREDICATE_STARTS
                .iter()
                .any(|w| clause[*at..].starts_with(w))
        })
        .map_or(clause.len(), |(at, _)| at);
    let mut subject = start..start + cut;
    // 在城关镇务农的种粮大户王建国, 前来试驾的市民赵女士: a clause ending in 的 describes the
    // speaker who follows it.
    let piece = &text[subject.clone()];
    if let Some(de) = piece.rfind('的') {
        if piece[de + '的'.len_utf8()..].chars().count() >= 2 {
            subject.start += de + '的'.len_utf8();
        }
    }
    let n = text[subject.clone()].chars().count();
    (2..=12).contains(&n).then_some((start, subject))
}

/// Byte offset in `piece` of a space between two Chinese characters (a headline gap).
fn headline_gap(piece: &str) -> Option<usize> {
    let mut prev_han = false;
    let mut chars = piece.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() && prev_han {
            let next_han = chars
                .peek()
                .is_some_and(|&(_, n)| is_han(n) || n.is_whitespace());
            if next_han {
                return Some(at);
            }
        }
        prev_han = is_han(c);
    }
    None
}

fn zh_only_modifiers(prefix: &str) -> bool {
    let mut rest = prefix;
    for _ in 0..8 {
        if rest.is_empty() {
            return true;
        }
        match ZH_VAGUE_MODIFIERS.iter().find(|m| rest.starts_with(**m)) {
            Some(m) => rest = &rest[m.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

fn zh_person_like(s: &str) -> bool {
    if s.contains('·') || s.contains('•') || ZH_PERSON_ROLES.iter().any(|r| s.contains(r)) {
        return true;
    }
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    if n <= 3 {
        return !ZH_ORG_SUFFIXES.iter().any(|o| s.ends_with(o));
    }
    // A title then a two- or three-character name: 行政院長卓榮泰, 外交部发言人毛宁.
    let title_end = |k: usize| "长長员員人官家师師者士理席统統授裁监監书書任使".contains(chars[k]);
    (n >= 4 && title_end(n - 3)) || (n >= 5 && title_end(n - 4))
}

/// Where the content after a Chinese cue starts: past an object (警告美国,), 说/道, and
/// punctuation.
fn zh_content_start(text: &str, cue_end: usize, sentence_end: usize, cue: Cue) -> Option<usize> {
    let mut p = cue_end;
    for word in ["过", "過", "说", "說", "道", "称", "稱"] {
        if text[p..].starts_with(word) {
            p += word.len();
            break;
        }
    }
    if cue.object {
        // 警告美国,别…: a short object before a comma is the person warned, not the content.
        let mut q = p;
        let mut n = 0;
        while let Some(c) = char_at(text, q) {
            if q >= sentence_end || n > 7 || matches!(c, '。' | '！' | '？' | '!' | '?') {
                break;
            }
            if matches!(c, '，' | ',' | '：' | ':') {
                if (1..=6).contains(&n) {
                    p = q;
                }
                break;
            }
            q += c.len_utf8();
            n += 1;
        }
    }
    while let Some(c) =
        char_at(text, p).filter(|c| c.is_whitespace() || matches!(c, '，' | ',' | '：' | ':'))
    {
        p += c.len_utf8();
    }
    (p < sentence_end.max(cue_end) || quote_opens_at(text, p)).then_some(p)
}

fn quote_opens_at(text: &str, p: usize) -> bool {
    char_at(text, p).is_some_and(is_opening_quote_char)
}

// ---------------------------------------------------------------------------
// Pass 3: findings
// ---------------------------------------------------------------------------

/// How a direct quote got its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Via {
    /// A cue before it whose content holds it (Li said: “…”).
    Lead(usize),
    /// A cue right after it (“…,” he said).
    Tag(usize),
    /// Another segment of the same multi-paragraph quote.
    Chain(usize),
}

impl Via {
    fn attribution(self) -> usize {
        match self {
            Via::Lead(a) | Via::Tag(a) | Via::Chain(a) => a,
        }
    }
}

fn is_short(inner: &str) -> bool {
    let (words, han) = size_of(inner, SCARE_MAX_HAN + SCARE_MAX_WORDS);
    if han > 0 {
        han + words <= SCARE_MAX_HAN
    } else {
        words <= SCARE_MAX_WORDS
    }
}

/// Does the quote read like a spoken sentence (capital or Han start, sentence end)?
fn speech_like(inner: &str) -> bool {
    let body = inner
        .trim()
        .trim_end_matches(|c: char| is_closing_quote_char(c) || c.is_whitespace());
    let starts = body
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || is_han(c));
    let ends = body
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…'));
    starts && ends
}

fn quote_findings(
    doc: &Document,
    quotes: &[DirectQuote],
    attributions: &[Attribution],
) -> Vec<Finding> {
    let text = doc.text();
    let mut via: Vec<Option<Via>> = vec![None; quotes.len()];
    // The nearest cue before a quote whose content holds it.
    for (qi, q) in quotes.iter().enumerate() {
        let before = attributions.partition_point(|a| a.cue_end <= q.bytes.start);
        let holder = attributions[before.saturating_sub(4)..before]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, a)| {
                a.content.as_ref().is_some_and(|c| {
                    c.start <= q.bytes.start && q.bytes.start < c.end.max(c.start + 1)
                })
            });
        if let Some((k, _)) = holder {
            via[qi] = Some(Via::Lead(before.saturating_sub(4) + k));
        }
    }
    // A speaker tag right after the quote; it wins over a lead for a full quotation
    // (Li said the talks went well and “we will win,” Wang added), not for a short
    // partial quote inside someone's reported words.
    for (ai, a) in attributions.iter().enumerate() {
        if let Some(qi) = a.quote_before {
            let inner = &text[quotes[qi].inner.clone()];
            if via[qi].is_none() || !is_short(inner) {
                via[qi] = Some(Via::Tag(ai));
            }
        }
    }
    // Segments of one quote running over paragraphs share its speaker.
    for qi in 0..quotes.len() {
        if let (Some(prev), None) = (quotes[qi].continues, via[qi]) {
            via[qi] = via[prev].map(|v| Via::Chain(v.attribution()));
        }
    }
    for qi in (0..quotes.len()).rev() {
        if let (Some(prev), Some(v)) = (quotes[qi].continues, via[qi]) {
            if via[prev].is_none() {
                via[prev] = Some(Via::Chain(v.attribution()));
            }
        }
    }

    let mut out = Vec::new();
    let mut echo_budget = ECHO_BUDGET;
    // Attributed quotes so far, for echoes: (inner bytes, attribution).
    let mut said: Vec<(Range<usize>, usize)> = Vec::new();
    // The last attributed quote's paragraph, attribution and end, for continuing quotes.
    let mut last_attributed: Option<(usize, usize, usize)> = None;
    // The attribution each quote ended up with, for segments continuing it.
    let mut given: Vec<Option<usize>> = vec![None; quotes.len()];
    for (qi, q) in quotes.iter().enumerate() {
        let inner = &text[q.inner.clone()];
        let span = doc.span(q.bytes.clone());
        let unclosed = if q.closed {
            ""
        } else {
            " (The closing quotation mark is missing.)"
        };
        if let Some(v) = via[qi] {
            let a = &attributions[v.attribution()];
            // The author's own words ("I told them: “…”") are not a quotation of anyone.
            if a.speaker.author {
                given[qi] = Some(v.attribution());
                continue;
            }
            // "Critics condemned the “city of dreamers” line": a verb of judgement quotes
            // words someone said earlier; the echo says whose they are.
            if !a.reports && is_short(inner) {
                if let Some(ai) = echo_of(text, inner, &said, &mut echo_budget) {
                    out.push(echo_finding(doc, span, &attributions[ai], unclosed));
                    continue;
                }
            }
            let how = match v {
                Via::Chain(_) => " It continues a quotation from the paragraph before.",
                _ => "",
            };
            out.push(direct_finding(doc, span, a, how, unclosed));
            said.push((q.inner.clone(), v.attribution()));
            last_attributed = Some((q.paragraph, v.attribution(), q.bytes.end));
            given[qi] = Some(v.attribution());
            continue;
        }
        // "so-called" ends in "called" but marks distance, not a name.
        if !so_called_before(text, q.bytes.start) && is_name_or_title(doc, q) {
            continue;
        }
        let at_sentence_start = sentence_of(doc, q.bytes.start).start == q.bytes.start;
        let opens_like_speech = inner
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || is_han(c));
        let speech = opens_like_speech && (!is_short(inner) || speech_like(inner));
        // A quote opening a sentence right after someone's attributed quote in the same
        // paragraph, or opening the next paragraph when that quote closed the paragraph
        // before, continues the same speaker (wire copy attributes a quotation once).
        let chained = q
            .continues
            .and_then(|p| given[p])
            .map(|ai| (ai, " It continues a quotation from the paragraph before."));
        let continued = last_attributed.and_then(|(paragraph, ai, end)| {
            let same = paragraph == q.paragraph && at_sentence_start;
            let paragraph_end = doc.paragraphs().get(paragraph).map_or(end, |p| p.end);
            let opens_paragraph = doc
                .paragraphs()
                .get(q.paragraph)
                .is_some_and(|p| p.start == q.bytes.start);
            let next = paragraph + 1 == q.paragraph
                && opens_paragraph
                && sentence_of(doc, end.saturating_sub(1)).end >= paragraph_end;
            let how = if same {
                " It continues that speaker's quotation earlier in the paragraph."
            } else {
                " It continues that speaker's quotation from the paragraph before."
            };
            (speech && (same || next)).then_some((ai, how))
        });
        // A quotation opening the sentence after someone's reported words in the same
        // paragraph is theirs: “陳家樂表示，……。「……」”, "Li said the plan had failed.
        // “We saw it coming.”" — unless a later quotation already has a speaker.
        let after_report = (speech && at_sentence_start)
            .then(|| report_before(doc, attributions, q))
            .flatten()
            .filter(|&ai| last_attributed.is_none_or(|(_, _, end)| attributions[ai].cue_end > end))
            .map(|ai| {
                (
                    ai,
                    " It follows that speaker's words in the sentence before.",
                )
            });
        if let Some((ai, how)) = chained.or(after_report).or(continued) {
            if attributions[ai].speaker.author {
                given[qi] = Some(ai);
                continue;
            }
            out.push(direct_finding(doc, span, &attributions[ai], how, unclosed));
            last_attributed = Some((q.paragraph, ai, q.bytes.end));
            given[qi] = Some(ai);
            continue;
        }
        if so_called_before(text, q.bytes.start) {
            out.push(Finding {
                kind: Kind::Quote,
                status: Status::ScareQuote,
                span,
                rule_id: "quote.scare.so-called".to_string(),
                explanation: format!(
                    "Scare quote: “so-called” and the quotation marks tell the reader the author rejects this term, without saying who uses it.{unclosed}"
                ),
                detail: Detail::Quote { form: QuoteForm::Direct, speaker: None, cue: None },
            });
            continue;
        }
        if is_short(inner) {
            if let Some(ai) = echo_of(text, inner, &said, &mut echo_budget) {
                out.push(echo_finding(doc, span, &attributions[ai], unclosed));
                continue;
            }
            if !speech_like(inner) {
                out.push(Finding {
                    kind: Kind::Quote,
                    status: Status::ScareQuote,
                    span,
                    rule_id: "quote.scare".to_string(),
                    explanation: format!(
                        "Scare quote: the author puts this phrase in quotation marks without a speaker, distancing from or mocking it.{unclosed}"
                    ),
                    detail: Detail::Quote { form: QuoteForm::Direct, speaker: None, cue: None },
                });
                continue;
            }
        }
        out.push(Finding {
            kind: Kind::Quote,
            status: Status::Unattributed,
            span,
            rule_id: "quote.unattributed".to_string(),
            explanation: format!(
                "Direct quote with no speaker: the text does not say who said these words, so they cannot be checked.{unclosed}"
            ),
            detail: Detail::Quote { form: QuoteForm::Direct, speaker: None, cue: None },
        });
    }
    out
}

/// The attribution reporting someone's words in the sentence right before quotation `q`,
/// in the same paragraph, if that is the last cue before it.
fn report_before(doc: &Document, attributions: &[Attribution], q: &DirectQuote) -> Option<usize> {
    let ai = attributions
        .partition_point(|a| a.cue_end <= q.bytes.start)
        .checked_sub(1)?;
    let a = &attributions[ai];
    let content = a.content.as_ref().filter(|_| a.reports)?;
    let cue_at = a.cue_end.saturating_sub(1);
    let report_paragraph = doc.paragraph_index(cue_at)?;
    // Or the report ends one paragraph and the quotation opens the next.
    let opens_paragraph = doc
        .paragraphs()
        .get(q.paragraph)
        .is_some_and(|p| p.start == q.bytes.start);
    let near =
        report_paragraph == q.paragraph || (report_paragraph + 1 == q.paragraph && opens_paragraph);
    let previous_sentence =
        doc.sentence_index(content.end.max(cue_at))? + 1 == doc.sentence_index(q.bytes.start)?;
    (near && previous_sentence).then_some(ai)
}

/// A short quote repeating an earlier attributed quotation: that speaker's wording.
fn echo_finding(doc: &Document, span: super::Span, a: &Attribution, unclosed: &str) -> Finding {
    Finding {
        kind: Kind::Quote,
        status: status_of(&a.speaker),
        span,
        rule_id: "quote.echo".to_string(),
        explanation: format!(
            "Quoted phrase repeating words from the earlier quotation of {} ({}), so it is their wording, not a scare quote.{unclosed}",
            a.speaker.text,
            if a.speaker.vague.is_some() { "a vague attribution" } else { "named" },
        ),
        detail: Detail::Quote {
            form: QuoteForm::Direct,
            speaker: Some(public_speaker(doc, &a.speaker)),
            cue: None,
        },
    }
}

fn status_of(speaker: &SpeakerInfo) -> Status {
    if speaker.vague.is_some() {
        Status::VagueAttribution
    } else {
        Status::Attributed
    }
}

fn public_speaker(doc: &Document, speaker: &SpeakerInfo) -> Speaker {
    Speaker {
        text: speaker.text.clone(),
        span: doc.span(speaker.bytes.clone()),
        named: speaker.vague.is_none(),
    }
}

fn rule_for(speaker: &SpeakerInfo, named_rule: &str) -> String {
    match &speaker.vague {
        Some(slug) => format!("quote.vague.{slug}"),
        None => named_rule.to_string(),
    }
}

fn direct_finding(
    doc: &Document,
    span: super::Span,
    a: &Attribution,
    how: &str,
    unclosed: &str,
) -> Finding {
    let speaker = &a.speaker;
    let explanation = match (&speaker.vague, &speaker.pronoun, speaker.resolved) {
        (Some(_), _, _) => format!(
            "Direct quote attributed only to '{}' — a vague attribution that cannot be checked.{how}{unclosed}",
            speaker.text
        ),
        (None, Some(p), true) => format!(
            "Direct quote attributed to {} (named; the text says “{p}”, which refers back to them).{how}{unclosed}",
            speaker.text
        ),
        (None, Some(p), false) => format!(
            "Direct quote attributed to “{p}”; the text before it does not make clear who that is.{how}{unclosed}"
        ),
        (None, None, _) => format!("Direct quote attributed to {} (named).{how}{unclosed}", speaker.text),
    };
    Finding {
        kind: Kind::Quote,
        status: status_of(speaker),
        span,
        rule_id: rule_for(speaker, "quote.direct"),
        explanation,
        detail: Detail::Quote {
            form: QuoteForm::Direct,
            speaker: Some(public_speaker(doc, speaker)),
            cue: Some(a.cue_text.clone()),
        },
    }
}

fn reported_findings(
    doc: &Document,
    quotes: &[DirectQuote],
    attributions: &[Attribution],
) -> Vec<Finding> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut last_span = None;
    for a in attributions {
        let Some(content) = a.content.clone().filter(|_| a.reports && !a.speaker.author) else {
            continue;
        };
        // Content that is (nearly) all direct quotation is reported by the quote finding.
        let mut quoted_any = false;
        let mut remainder = String::new();
        let mut at = content.start;
        let first = quotes.partition_point(|q| q.bytes.end <= content.start);
        for q in quotes[first..]
            .iter()
            .take_while(|q| q.bytes.start < content.end)
            .take(32)
        {
            quoted_any = true;
            if q.bytes.start > at {
                remainder.push_str(&text[at..q.bytes.start]);
            }
            at = at.max(q.bytes.end);
        }
        if at < content.end {
            remainder.push_str(&text[at..content.end]);
        }
        let (words, han) = size_of(&remainder, 5);
        let small = if a.chinese {
            han + words <= 4
        } else {
            words + han <= 3
        };
        if quoted_any && small {
            continue;
        }
        let span = doc.span(content.clone());
        if last_span == Some(span) {
            continue;
        }
        last_span = Some(span);
        let speaker = &a.speaker;
        let explanation = match (&speaker.vague, &speaker.pronoun, speaker.resolved) {
            (Some(_), _, _) => format!(
                "Reported claim attributed only to '{}' — a vague attribution that cannot be checked.",
                speaker.text
            ),
            (None, Some(p), true) => format!(
                "Reported claim attributed to {} (named; the text says “{p}”), introduced by “{}”. It is the author's paraphrase, not the speaker's exact words.",
                speaker.text, a.cue_text
            ),
            (None, Some(p), false) => format!(
                "Reported claim attributed to “{p}”, introduced by “{}”; the text before it does not make clear who that is.",
                a.cue_text
            ),
            (None, None, _) => format!(
                "Reported claim attributed to {} (named), introduced by “{}”. It is the author's paraphrase, not the speaker's exact words.",
                speaker.text, a.cue_text
            ),
        };
        out.push(Finding {
            kind: Kind::Quote,
            status: status_of(speaker),
            span,
            rule_id: rule_for(speaker, "quote.reported"),
            explanation,
            detail: Detail::Quote {
                form: QuoteForm::Reported,
                speaker: Some(public_speaker(doc, speaker)),
                cue: Some(a.cue_text.clone()),
            },
        });
    }
    out
}

/// Is the short quote a repetition of words from an earlier attributed quote?
fn echo_of(
    text: &str,
    inner: &str,
    said: &[(Range<usize>, usize)],
    budget: &mut usize,
) -> Option<usize> {
    let phrase = inner.trim_matches(|c: char| !c.is_alphanumeric());
    if phrase.chars().count() < 3 {
        return None;
    }
    for (range, ai) in said.iter().rev().take(8) {
        let cost = range.len() + phrase.len();
        if *budget < cost {
            return None;
        }
        *budget -= cost;
        if text[range.clone()].contains(phrase) {
            return Some(*ai);
        }
    }
    None
}

fn so_called_before(text: &str, open: usize) -> bool {
    let from = floor_boundary(text, open.saturating_sub(16));
    let lead = text[from..open].trim_end().to_lowercase();
    lead.ends_with("so-called")
        || lead.ends_with("so called")
        || ["所谓", "所謂", "所谓的", "所謂的"]
            .iter()
            .any(|w| lead.ends_with(w))
}

/// Chinese words right before a quote that make it a name: 名为“…”, 点击一下“关注”.
#[rustfmt::skip]
const ZH_NAMING_CUES: &[&str] = &[
    "名为", "名為", "称为", "稱為", "称之为", "稱之為", "叫做", "叫作", "命名为", "命名為", "代号", "代號", "代号为", "代號為", "简称", "簡稱", "又称",
    "又稱", "俗称", "俗稱", "题为", "題為", "名叫", "点击", "點擊", "点一下", "點一下", "标题为", "標題為", "主题为", "主題為", "誉为", "譽為", "搜索",
    "输入", "輸入", "选择", "選擇", "按下", "取名", "定名为", "定名為", "冠名", "俗话说", "俗話說", "常言道", "老话说", "老話說", "古人云", "有句话说",
    "有句話說", "有句老话", "有句老話", "正所谓", "正所謂", "谚语", "諺語",
];
/// Chinese nouns that, after a quote or at the end of one, make it a name:
/// “一带一路”倡议, “中国小芯片标准”.
#[rustfmt::skip]
const ZH_NAMING_HEADS: &[&str] = &[
    "倡议", "倡議", "计划", "計劃", "工程", "战略", "戰略", "项目", "項目", "号", "號", "系列", "标准", "標準", "法案", "政策", "平台", "系统", "系統",
    "口号", "口號", "一词", "一詞", "一说", "一說", "二字", "三个字", "三字", "称号", "稱號", "奖", "獎", "品牌", "按钮", "按鈕", "键", "鍵", "栏目",
    "欄目", "节目", "節目", "行动", "行動", "方案", "协议", "協議", "峰会", "峰會", "论坛", "論壇", "大会", "大會", "清单", "清單", "名单", "名單",
    "白皮书", "白皮書", "专栏", "專欄", "条例", "條例", "指数", "指數", "榜单", "榜單", "卫星", "衛星", "飞船", "飛船", "空间站", "空間站", "探测器",
    "探測器", "火箭", "法",
];

/// Quoted names, titles and labels: not speech and not scare quotes, so not reported.
fn is_name_or_title(doc: &Document, q: &DirectQuote) -> bool {
    let text = doc.text();
    let inner = text[q.inner.clone()].trim();
    let (_, para) = paragraph_of(doc, q.bytes.start);
    // Before the quote.
    let from =
        floor_boundary(text, q.bytes.start.saturating_sub(30)).max(para.start.min(q.bytes.start));
    let lead = text[from..q.bytes.start].trim_end();
    let lead_lower = lead.to_lowercase();
    let lead_en = lead_lower
        .trim_end_matches([':', ','])
        .trim_end()
        .trim_end_matches(" the")
        .trim_end_matches(" a")
        .trim_end_matches(" on");
    let en_cue = EN_NAMING_CUES.iter().any(|cue| {
        lead_en.ends_with(cue)
            && lead_en[..lead_en.len() - cue.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    let zh_lead = lead
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '：' | ':'))
        .trim_end_matches(['了', '下'])
        .trim_end_matches("一");
    let zh_cue = ZH_NAMING_CUES.iter().any(|cue| zh_lead.ends_with(cue));
    if en_cue || zh_cue {
        return true;
    }
    // After the quote.
    let after_to = floor_boundary(text, (q.bytes.end + 24).min(para.end.max(q.bytes.end)));
    let after = text[q.bytes.end..after_to].trim_start();
    if ZH_NAMING_HEADS.iter().any(|h| after.starts_with(h)) {
        return true;
    }
    let next_word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if !next_word.is_empty()
        && has(wl::EN_NAMING_HEADS, next_word.as_str())
        && !inner.ends_with(['.', ',', '!', '?'])
    {
        return true;
    }
    // The quote itself: a Chinese term ending in a naming noun, or an English Title Case name.
    if inner.chars().any(is_han)
        && inner.chars().count() >= 3
        && ZH_NAMING_HEADS
            .iter()
            .filter(|h| h.chars().count() >= 2)
            .any(|h| inner.ends_with(h))
    {
        return true;
    }
    is_title_case(inner)
}

fn is_title_case(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < 2 || inner.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    let significant: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL_TITLE_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    significant.len() >= 2
        && words.first().is_some_and(|w| {
            is_capitalised(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        && significant.iter().all(|w| {
            let c = w.chars().next();
            c.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One expected finding: the text it covers, its status, and the speaker's text.
    type Expected<'a> = (&'a str, Status, Option<&'a str>);

    fn findings_of(text: &str) -> Vec<(String, Status, Option<String>, String)> {
        let doc = Document::new(text);
        detect(&doc)
            .into_iter()
            .map(|f| {
                let speaker = match &f.detail {
                    Detail::Quote { speaker, .. } => speaker.as_ref().map(|s| s.text.clone()),
                    _ => None,
                };
                (doc.slice(f.span).to_string(), f.status, speaker, f.rule_id)
            })
            .collect()
    }

    /// Assert that `text` yields exactly `expected` (in text order).
    #[track_caller]
    fn check(text: &str, expected: &[Expected]) {
        let got: Vec<(String, Status, Option<String>)> = findings_of(text)
            .into_iter()
            .map(|(s, st, sp, _)| (s, st, sp))
            .collect();
        let want: Vec<(String, Status, Option<String>)> = expected
            .iter()
            .map(|(s, st, sp)| (s.to_string(), *st, sp.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "\ntext: {text}");
    }

    use Status::{Attributed as A, ScareQuote as S, Unattributed as U, VagueAttribution as V};

    #[test]
    fn english_direct_quotes_with_speaker_after() {
        let table: &[(&str, &[Expected])] = &[
            (
                "“We will not back down,” said Li Qiang.",
                &[("“We will not back down,”", A, Some("Li Qiang"))],
            ),
            (
                "\"The plan is on track,\" the ministry said in a statement.",
                &[("\"The plan is on track,\"", A, Some("the ministry"))],
            ),
            (
                "“Prices have peaked,” Commerce Secretary Gina Raimondo told reporters on Tuesday.",
                &[(
                    "“Prices have peaked,”",
                    A,
                    Some("Commerce Secretary Gina Raimondo"),
                )],
            ),
            (
                "“The talks were useful,” a spokesperson for the foreign ministry said.",
                &[(
                    "“The talks were useful,”",
                    A,
                    Some("a spokesperson for the foreign ministry"),
                )],
            ),
            // A lower-case job title before the name, after an inverted "said".
            (
                "“The pier is closed,” said harbour master Ian Brodie.",
                &[(
                    "“The pier is closed,”",
                    A,
                    Some("harbour master Ian Brodie"),
                )],
            ),
            // A relative clause after the speaker ("who called …") is not a second
            // attribution of the quote.
            (
                "“It is a dark day,” said council leader Maria Fenwick, who called for an inquiry.",
                &[(
                    "“It is a dark day,”",
                    A,
                    Some("council leader Maria Fenwick"),
                )],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn english_direct_quotes_with_speaker_before() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Jensen Huang said: “Export rules have hurt our China sales badly.”",
                &[("“Export rules have hurt our China sales badly.”", A, Some("Jensen Huang"))],
            ),
            (
                "The Semiconductor Industry Association (SIA) warned in a letter: \"Unilateral controls will backfire on American firms.\"",
                &[("\"Unilateral controls will backfire on American firms.\"", A, Some("The Semiconductor Industry Association (SIA)"))],
            ),
            (
                "Reuters published a report on Monday saying: \"Shipments fell for a third month in a row.\"",
                &[("\"Shipments fell for a third month in a row.\"", A, Some("Reuters"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn split_quote_and_pronoun_resolution() {
        check(
            "Gina Raimondo said the rules would stay. “We are not going to loosen them,” she said, “not this year.”",
            &[
                ("the rules would stay", A, Some("Gina Raimondo")),
                ("“We are not going to loosen them,”", A, Some("Gina Raimondo")),
                ("“not this year.”", A, Some("Gina Raimondo")),
            ],
        );
    }

    #[test]
    fn pronoun_with_two_candidates_resolves_to_the_nearest() {
        // Labelling §5: when two people could be meant, the speaker is the nearest
        // preceding named person.
        let text = "Li Wei said talks would continue next week. John Smith said the talks had already failed.\n\n“We will see what happens,” he said.";
        let got = findings_of(text);
        let quote = got
            .iter()
            .find(|f| f.0.starts_with('“'))
            .expect("the quote is found");
        assert_eq!(quote.1, A);
        assert_eq!(quote.2.as_deref(), Some("John Smith"), "{got:?}");
    }

    #[test]
    fn pronoun_with_nobody_named_before_stays_as_written() {
        check(
            "The plan was announced on Monday.\n\n“We will see what happens,” he said.",
            &[("“We will see what happens,”", A, Some("he"))],
        );
    }

    #[test]
    fn english_reported_speech() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Even the CEO of Acme Robotics had to admit that the new tariffs have already failed.",
                &[("the new tariffs have already failed", A, Some("the CEO of Acme Robotics"))],
            ),
            (
                "The Federal Reserve said on Wednesday that inflation remains too high.",
                &[("inflation remains too high", A, Some("The Federal Reserve"))],
            ),
            (
                "Inflation will ease by the autumn, the central bank said.",
                &[("Inflation will ease by the autumn", A, Some("the central bank"))],
            ),
            (
                "The minister told reporters that the border would reopen in March.",
                &[("the border would reopen in March", A, Some("The minister"))],
            ),
            (
                "According to the National Bureau of Statistics, exports rose 5 percent in April.",
                &[("exports rose 5 percent in April", A, Some("the National Bureau of Statistics"))],
            ),
            (
                "Exports rose 5 percent in April, according to the trade ministry.",
                &[("Exports rose 5 percent in April", A, Some("the trade ministry"))],
            ),
            (
                "Lam Research and Micron Technology announced that they would cut jobs.",
                &[("they would cut jobs", A, Some("Lam Research and Micron Technology"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn verbs_that_are_not_reporting_speech() {
        for text in [
            "Intel reported net losses, while Lam Research announced large-scale layoffs.",
            "The said agreement expired in 2020.",
            "He did not say when the plant would open.",
            "That said, the market recovered by noon.",
            "I think the policy will work, and we said so last year.",
            "The claims were rejected by the court.",
            "They wanted to say goodbye before the flight.",
            "Those thoughts were never published.",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn english_vague_attributions() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Experts say the drought will last another year.",
                &[("the drought will last another year", V, Some("Experts"))],
            ),
            (
                "Critics argue that the subsidy mostly helps large firms.",
                &[("the subsidy mostly helps large firms", V, Some("Critics"))],
            ),
            (
                "Many analysts believe the yuan will weaken further.",
                &[("the yuan will weaken further", V, Some("Many analysts"))],
            ),
            (
                "It is widely believed that the deal was agreed in secret.",
                &[(
                    "the deal was agreed in secret",
                    V,
                    Some("It is widely believed"),
                )],
            ),
            (
                "Some people say the festival has lost its soul.",
                &[("the festival has lost its soul", V, Some("Some people"))],
            ),
            (
                "The factory will close in June, sources said.",
                &[("The factory will close in June", V, Some("sources"))],
            ),
            (
                "Observers note that turnout was unusually low.",
                &[("turnout was unusually low", V, Some("Observers"))],
            ),
            (
                "Many believe the election was decided months ago.",
                &[("the election was decided months ago", V, Some("Many"))],
            ),
            (
                "But anyone with common sense knows it is just a way to delay the vote.",
                &[(
                    "it is just a way to delay the vote",
                    V,
                    Some("anyone with common sense"),
                )],
            ),
            (
                "Two people familiar with the matter said the merger talks had stalled.",
                &[(
                    "the merger talks had stalled",
                    V,
                    Some("Two people familiar with the matter"),
                )],
            ),
            (
                "A senior official who declined to be named said the visit was postponed.",
                &[("the visit was postponed", V, Some("A senior official"))],
            ),
            (
                "U.S. officials said the sanctions would be widened.",
                &[("the sanctions would be widened", V, Some("U.S. officials"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn named_organisations_behind_plural_speakers() {
        check(
            "Analysts at Goldman Sachs said the rally would fade.",
            &[("the rally would fade", A, Some("Analysts at Goldman Sachs"))],
        );
    }

    #[test]
    fn scare_quotes_and_unattributed_quotes() {
        let table: &[(&str, &[Expected])] = &[
            (
                "The ban became a “catalyst” for home-grown research.",
                &[("“catalyst”", S, None)],
            ),
            (
                "The reform was a \"temporary pause\" at best.",
                &[("\"temporary pause\"", S, None)],
            ),
            (
                // No speech verb: "deny that …" would make it the officials' wording.
                "Officials defend the \"war on smog\" as a success for factories.",
                &[("\"war on smog\"", S, None)],
            ),
            (
                "The notice ended: “All staff must leave the building before six o'clock tonight.”",
                &[(
                    "“All staff must leave the building before six o'clock tonight.”",
                    U,
                    None,
                )],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn quoted_names_and_titles_are_not_quotes() {
        for text in [
            "The programme, called “Clean Harbour”, started in May.",
            "Beijing launched the “Made in China 2025” plan a decade ago.",
            "Click the “Subscribe” button below.",
            "She read “The Art of War” twice.",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn so_called_marks_a_scare_quote_of_any_length() {
        check(
            "The so-called “rules-based international order that everyone must follow” was invoked again.",
            &[("“rules-based international order that everyone must follow”", S, None)],
        );
    }

    #[test]
    fn characterising_verbs_attribute_the_quote() {
        check(
            "The senator called the proposal “reckless” and vowed to block it.",
            &[("“reckless”", A, Some("The senator"))],
        );
        check(
            "They call it a “temporary pause”.",
            &[("“temporary pause”", V, Some("They"))],
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        check(
            "Huawei's chips and the company’s phones don’t rely on the ’90s designs.",
            &[],
        );
        check(
            "The students' union said the fees weren't fair.",
            &[("the fees weren't fair", A, Some("The students' union"))],
        );
        check(
            "The paper wrote of 'more restrictions, faster progress' in its editorial.",
            &[("'more restrictions, faster progress'", S, None)],
        );
    }

    #[test]
    fn echo_of_an_earlier_quote_keeps_its_speaker() {
        check(
            "The mayor said: “This is a city of dreamers and builders, and we will prove it.” Critics mocked the “city of dreamers” line.",
            &[
                ("“This is a city of dreamers and builders, and we will prove it.”", A, Some("The mayor")),
                ("“city of dreamers”", A, Some("The mayor")),
            ],
        );
    }

    #[test]
    fn quote_continuing_across_paragraphs_keeps_its_speaker() {
        let text = "The governor said: “We have rebuilt every bridge in the county.\n\n“Next year we start on the schools, and nobody will stop us.”";
        check(
            text,
            &[
                (
                    "“We have rebuilt every bridge in the county.",
                    A,
                    Some("The governor"),
                ),
                (
                    "“Next year we start on the schools, and nobody will stop us.”",
                    A,
                    Some("The governor"),
                ),
            ],
        );
    }

    #[test]
    fn continuing_quote_in_the_same_paragraph() {
        check(
            "“We are ready,” Li said. “The workers have waited long enough.”",
            &[
                ("“We are ready,”", A, Some("Li")),
                ("“The workers have waited long enough.”", A, Some("Li")),
            ],
        );
    }

    #[test]
    fn unbalanced_quotes_stop_at_the_paragraph() {
        let text =
            "He shouted “stop the vote and go home\nThe next paragraph is plain. It has no quotes.";
        let got = findings_of(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "“stop the vote and go home");
        // A lone straight quote does not open anything.
        check("The pipe is 12\" wide and 3' long.", &[]);
        check("\"", &[]);
        check("”closing first“", &[]);
    }

    #[test]
    fn chinese_reported_speech() {
        let table: &[(&str, &[Expected])] = &[
            (
                "外交部发言人毛宁在例行记者会上表示,中方将继续扩大高水平对外开放。",
                &[("中方将继续扩大高水平对外开放", A, Some("外交部发言人毛宁"))],
            ),
            (
                "索尼·史密斯多次警告政府,不要削减教育经费,否则人才会流失。",
                &[("不要削减教育经费,否则人才会流失", A, Some("索尼·史密斯"))],
            ),
            (
                "据新华社报道,今年一季度国内生产总值同比增长百分之五。",
                &[("今年一季度国内生产总值同比增长百分之五", A, Some("新华社"))],
            ),
            (
                "华为公司今天宣布,新款手机将于下月在全球上市。",
                &[("新款手机将于下月在全球上市", A, Some("华为公司"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn chinese_vague_attributions() {
        let table: &[(&str, &[Expected])] = &[
            (
                "也许有人会问,为什么房价还在上涨?",
                &[("为什么房价还在上涨", V, Some("有人"))],
            ),
            (
                "业内人士透露,这家公司正在筹备上市。",
                &[("这家公司正在筹备上市", V, Some("业内人士"))],
            ),
            (
                "据悉,该项目总投资超过十亿元。",
                &[("该项目总投资超过十亿元", V, Some("据悉"))],
            ),
            (
                "有分析认为,油价短期内难以回落。",
                &[("油价短期内难以回落", V, Some("有分析"))],
            ),
            (
                "不少网友表示,这部电影的结局令人失望。",
                &[("这部电影的结局令人失望", V, Some("不少网友"))],
            ),
            (
                "外界认为,两国关系已跌至谷底。",
                &[("两国关系已跌至谷底", V, Some("外界"))],
            ),
            (
                "以前大家都觉得,只有大城市才有好工作。",
                &[("只有大城市才有好工作", V, Some("大家"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn honorifics_with_a_dot_stay_in_the_speaker_name() {
        check(
            "“This is a warning, not a verdict,” said Dr. Sofia Lind, who led the study.",
            &[(
                "“This is a warning, not a verdict,”",
                A,
                Some("Dr. Sofia Lind"),
            )],
        );
        check(
            "Gen. Mark Ortiz said the troops would stay until spring.",
            &[(
                "the troops would stay until spring",
                A,
                Some("Gen. Mark Ortiz"),
            )],
        );
    }

    #[test]
    fn chinese_direct_quotes() {
        let table: &[(&str, &[Expected])] = &[
            (
                "他表示:“我们不会放弃任何一个市场。”",
                &[("“我们不会放弃任何一个市场。”", A, Some("他"))],
            ),
            (
                "“这次改革关系到每一个家庭。”李明说。",
                &[("“这次改革关系到每一个家庭。”", A, Some("李明"))],
            ),
            (
                "“坏消息已经过去。”王立新说,明年的订单会更多。",
                &[
                    ("“坏消息已经过去。”", A, Some("王立新")),
                    ("明年的订单会更多", A, Some("王立新")),
                ],
            ),
            (
                "天文台表示,风力正在增强。天文台还表示,会在今晚考虑改发更高信号。",
                &[
                    ("风力正在增强", A, Some("天文台")),
                    ("会在今晚考虑改发更高信号", A, Some("天文台")),
                ],
            ),
            ("这一政策被视为美国的“杀手锏”。", &[("“杀手锏”", S, None)]),
            (
                "这次调整让不少企业“松了一口气”。",
                &[("“松了一口气”", S, None)],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn chinese_pronoun_resolves_to_the_named_speaker() {
        check(
            "王毅指出,双方应加强沟通。他表示,“合作是唯一正确的选择。”",
            &[
                ("双方应加强沟通", A, Some("王毅")),
                ("“合作是唯一正确的选择。”", A, Some("王毅")),
            ],
        );
    }

    #[test]
    fn traditional_chinese_with_corner_brackets() {
        let table: &[(&str, &[Expected])] = &[
            (
                "行政院發言人李慧芝表示:「政府將全力協助受災民眾。」",
                &[(
                    "「政府將全力協助受災民眾。」",
                    A,
                    Some("行政院發言人李慧芝"),
                )],
            ),
            (
                "業內人士透露,這家晶片廠明年將擴產。",
                &[("這家晶片廠明年將擴產", V, Some("業內人士"))],
            ),
            (
                "據了解,這項計畫已經延後兩年。",
                &[("這項計畫已經延後兩年", V, Some("據了解"))],
            ),
            (
                "這種做法被批評為『飲鴆止渴』。",
                &[("『飲鴆止渴』", S, None)],
            ),
            (
                "網友認為,票價上漲得太快了。",
                &[("票價上漲得太快了", V, Some("網友"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn chinese_names_and_labels_are_not_quotes() {
        for text in [
            "请点击一下“关注”,方便您进行讨论。",
            "“国家芯片标准”发布才一个月。",
            "中国提出了“一带一路”倡议。",
            "孙仲团队在期刊《自然·电子学》上发布成果。",
            "这个计划名为“星火”。",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn chinese_words_containing_cue_characters_are_not_cues() {
        for text in [
            "对中国来说,意义重大。",
            "现在看来,这话一点没说错。",
            "这个问题很难解决。",
            "这本小说的名称很长。",
            "这也告诉我们,创新才是底气。",
            "相信用不了多久,问题就能解决。",
            "他对此表示欢迎。",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn rule_ids_and_details() {
        let doc = Document::new(
            "Experts say the drought will last. “We are ready,” said Li. A “miracle” cure.",
        );
        let findings = detect(&doc);
        let ids: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(ids, ["quote.vague.experts", "quote.direct", "quote.scare"]);
        match &findings[0].detail {
            Detail::Quote { form, speaker, cue } => {
                assert_eq!(*form, QuoteForm::Reported);
                assert_eq!(speaker.as_ref().map(|s| s.named), Some(false));
                assert_eq!(cue.as_deref(), Some("say"));
            }
            other => panic!("unexpected detail {other:?}"),
        }
        for f in &findings {
            assert!(f.status.valid_for(Kind::Quote));
            assert!(f.explanation.len() > 20);
        }
        assert_eq!(
            findings[1].explanation,
            "Direct quote attributed to Li (named)."
        );
    }

    #[test]
    fn resolved_pronoun_points_at_the_earlier_mention() {
        let text =
            "Bill Gates warned that the ban would backfire. “It will speed them up,” he added.";
        let doc = Document::new(text);
        let findings = detect(&doc);
        let quote = findings
            .iter()
            .find(|f| doc.slice(f.span).starts_with('“'))
            .expect("quote found");
        let Detail::Quote {
            speaker: Some(speaker),
            ..
        } = &quote.detail
        else {
            panic!("no speaker")
        };
        assert_eq!(speaker.text, "Bill Gates");
        assert_eq!(doc.slice(speaker.span), "Bill Gates");
        assert!(speaker.span.start < 5);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "",
            "\"",
            "'",
            "“",
            "”",
            "「",
            "』",
            "‘’",
            "said",
            "according to",
            "据悉",
            "表示",
            "“”“”",
            "😀“😀”said😀",
            "a 'b' c' d 'e",
            "“unclosed\n\n“still unclosed",
            "「未闭合的引号\n下一段",
            "He said, \"",
            "，他说。",
            "according to ,",
            "It is said",
            "\u{feff}“x”",
            "U.S. said: \"",
        ];
        for text in odd {
            let doc = Document::new(text);
            for f in detect(&doc) {
                assert!(f.span.end <= doc.char_len(), "{text:?}");
            }
        }
        // Every prefix of a mixed text, cut at each character.
        let mixed = "Li said: “我们‘不会’放弃,” he added. 据悉,'x' “卡脖子”「好」 experts say it's \"fine\".";
        for (i, _) in mixed.char_indices() {
            let doc = Document::new(&mixed[..i]);
            let _ = detect(&doc);
        }
    }

    #[test]
    fn long_unclosed_quote_does_not_swallow_the_text() {
        let mut text = String::from("He said “this never ends ");
        text.push_str(&"and on and on ".repeat(2_000));
        let doc = Document::new(&text);
        let findings = detect(&doc);
        assert!(
            findings.iter().all(|f| f.span.len() <= MAX_QUOTE_BYTES),
            "no finding spans the whole text"
        );
    }

    #[test]
    fn wire_patterns_in_english() {
        let table: &[(&str, &[Expected])] = &[
            (
                "As Reuters reported last week, the company is up for sale.",
                &[("the company is up for sale", A, Some("Reuters"))],
            ),
            (
                "The move, critics warn, could trigger a trade war.",
                &[(
                    "The move, critics warn, could trigger a trade war",
                    V,
                    Some("critics"),
                )],
            ),
            (
                "Analysts believe that demand will recover, while others warn of a slump.",
                &[("demand will recover", V, Some("Analysts"))],
            ),
            (
                "Xi said China would seek peaceful ties with its neighbours, state media reported.",
                &[(
                    "China would seek peaceful ties with its neighbours",
                    A,
                    Some("Xi"),
                )],
            ),
            (
                "“It's a great day,” Li said, adding that the team had worked for years on it.",
                &[
                    ("“It's a great day,”", A, Some("Li")),
                    ("the team had worked for years on it", A, Some("Li")),
                ],
            ),
            (
                "Sources close to the talks told The Times that a deal could come within weeks.",
                &[(
                    "a deal could come within weeks",
                    V,
                    Some("Sources close to the talks"),
                )],
            ),
            (
                "The firm's chief executive, John Smith, said profits would rise this year.",
                &[("profits would rise this year", A, Some("John Smith"))],
            ),
            (
                "A lot of people have told me that the town is dying.",
                &[("the town is dying", V, Some("A lot of people"))],
            ),
            (
                "“Tariffs will hurt us,” said one trader. “Everyone knows it.”",
                &[
                    ("“Tariffs will hurt us,”", V, Some("one trader")),
                    ("“Everyone knows it.”", V, Some("one trader")),
                ],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn no_report_without_a_source() {
        for text in [
            "People who say the economy is fine are not paying attention.",
            "Everyone knows the old story.",
            "Nobody said the reforms would be easy.",
            "He knows that the deadline is tight.",
            "The report says nothing about costs.",
            "There is a saying: \"No pain, no gain.\"",
            "I told them: \"Stop the project now.\"",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn quotation_continuing_in_the_next_paragraph() {
        let text = "“I have done this job for ten years,” said Dr Sarah Jones, head of the clinic.\n“We have never seen a winter like this one, and it is not over yet.”";
        check(
            text,
            &[
                (
                    "“I have done this job for ten years,”",
                    A,
                    Some("Dr Sarah Jones"),
                ),
                (
                    "“We have never seen a winter like this one, and it is not over yet.”",
                    A,
                    Some("Dr Sarah Jones"),
                ),
            ],
        );
    }

    #[test]
    fn chinese_wire_patterns() {
        let table: &[(&str, &[Expected])] = &[
            (
                "正如专家所说,房价不会一直上涨。",
                &[("房价不会一直上涨", V, Some("专家"))],
            ),
            (
                "有关部门表示,事故原因正在调查中。",
                &[("事故原因正在调查中", V, Some("有关部门"))],
            ),
            (
                "经济部长郭智辉受访时说,关税的影响仍在评估。",
                &[("关税的影响仍在评估", A, Some("经济部长郭智辉"))],
            ),
            (
                "有网友调侃说:“这就是传说中的躺平吧。”",
                &[("“这就是传说中的躺平吧。”", V, Some("有网友"))],
            ),
            ("我们常说“细节决定成败”。", &[]),
            ("俗话说,“远亲不如近邻”。", &[]),
            ("简单说,就是没钱了。", &[]),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn according_to_a_document_is_a_source_not_a_speaker() {
        // Labelling §4: "according to" + data, a study, a survey or a document only
        // sources numbers; "according to" + someone who can speak is reported speech.
        let table: &[(&str, &[Expected])] = &[
            (
                "Retail sales fell 2% in June, according to figures published by the trade office.",
                &[],
            ),
            (
                "According to the latest survey, most drivers support the plan.",
                &[],
            ),
            (
                "Turnout was higher than in 2019, according to polling station records.",
                &[],
            ),
            (
                "Retail sales fell 2% in June, according to the trade office.",
                &[("Retail sales fell 2% in June", A, Some("the trade office"))],
            ),
            (
                "The fire started in a kitchen, according to research firm Halvorsen.",
                &[(
                    "The fire started in a kitchen",
                    A,
                    Some("research firm Halvorsen"),
                )],
            ),
            // A study that finds cites a document; researchers who find are speakers.
            ("A study found that the drug cut relapse rates.", &[]),
            (
                "The researchers found that the drug cut relapse rates.",
                &[("the drug cut relapse rates", V, Some("The researchers"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn comparisons_increases_and_datelines_report_nothing() {
        let table: &[(&str, &[Expected])] = &[
            ("Profits rose more than analysts had expected.", &[]),
            ("Prices fell, as economists expected.", &[]),
            ("Inflation rose faster than officials said it would.", &[]),
            // "added" as "increased by" takes an object, not a clause.
            ("The retailer added 2,000 seasonal staff last month.", &[]),
            (
                "She added that the store would stay open.",
                &[("the store would stay open", A, Some("She"))],
            ),
            (
                "LISBON, Portugal, June 3 — Tagus Energy today announced record output from its wind farms.",
                &[],
            ),
            // A verb with its own object does not report the clause before it.
            ("Demand is soaring, and Tagus Energy announced a new plant.", &[]),
            (
                "Demand is soaring, Tagus Energy said on Monday.",
                &[("Demand is soaring", A, Some("Tagus Energy"))],
            ),
            ("Critics cannot explain why prices fell.", &[]),
            ("The minister declined to say whether the plan would survive.", &[]),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn appositives_relative_clauses_and_catenatives_find_the_speaker() {
        let table: &[(&str, &[Expected])] = &[
            // A possessive names someone else: the name in apposition is the speaker.
            (
                "The striker's agent, Paolo Ferri, said the transfer was off.",
                &[("the transfer was off", A, Some("Paolo Ferri"))],
            ),
            (
                "It was Dana Whitfield, a lawyer for the union, who argued that the strike was legal.",
                &[("the strike was legal", A, Some("Dana Whitfield"))],
            ),
            (
                "The talks were led by Omar Haddou, who insisted that a deal was close.",
                &[("a deal was close", A, Some("Omar Haddou"))],
            ),
            (
                "It is widely believed among investors that rates will fall.",
                &[("rates will fall", V, Some("investors"))],
            ),
            (
                "A district court blocked the rule on Friday, ruling that it exceeded the agency's powers.",
                &[("it exceeded the agency's powers", A, Some("A district court"))],
            ),
            ("The ruling that followed was narrow.", &[]),
            (
                "The agency likes to boast that it answers every call.",
                &[("it answers every call", A, Some("The agency"))],
            ),
            (
                "He went on to say that the budget was balanced.",
                &[("the budget was balanced", A, Some("He"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn verbs_of_judgement_and_colons_attribute_quotes() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Opposition slams \"cruel\" benefit cuts",
                &[("\"cruel\"", A, Some("Opposition"))],
            ),
            (
                "Rail union boss fires back: \"This is not over\"",
                &[("\"This is not over\"", A, Some("Rail union boss"))],
            ),
            (
                "The minister put it bluntly: “The money has run out.”",
                &[("“The money has run out.”", A, Some("The minister"))],
            ),
            // Not a speaker before the colon: a label, not an attribution.
            (
                "The problem is: \"nobody knows\"",
                &[("\"nobody knows\"", S, None)],
            ),
            (
                "The notice read: “Closed until further notice.”",
                &[("“Closed until further notice.”", U, None)],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn pronouns_resolve_to_people_named_without_speaking() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Nutritionist Dr. Helen Marsh was unconvinced. She said that the diet lacked evidence.",
                &[("the diet lacked evidence", A, Some("Helen Marsh"))],
            ),
            // The nearest person named before the pronoun (labelling §5).
            (
                "Judge Ann Cole wrote the majority opinion. Judge Peter Lund dissented. He wrote that the law was vague.",
                &[("the law was vague", A, Some("Peter Lund"))],
            ),
            (
                "The club's captain, Joel Banks, defended the coach. He said the team had been unlucky.",
                &[("the team had been unlucky", A, Some("Joel Banks"))],
            ),
            (
                "Mayor Tess Hill and Governor Ray Cho met on Monday. “We agreed on nothing,” she said.",
                &[("“We agreed on nothing,”", A, Some("Ray Cho"))],
            ),
            // A place is not a person: the pronoun stays as written.
            (
                "Traffic on Main Street stopped. “It was chaos,” he said.",
                &[("“It was chaos,”", A, Some("he"))],
            ),
            // "they" stands for a group that opened the sentence before, else it is vague.
            (
                "The scientists tracked 900 patients for a decade. They found that the drug slowed the disease.",
                &[("the drug slowed the disease", V, Some("The scientists"))],
            ),
            (
                "For years, they told us that the factory was safe.",
                &[("the factory was safe", V, Some("they"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn short_references_resolve_to_the_one_named_before() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Police in Westbury have charged a man with arson, the force said.",
                &[("Police in Westbury have charged a man with arson", A, Some("Police in Westbury"))],
            ),
            (
                "Orbis Ltd. unveiled a tablet on Monday.\n\nThe company said the device would ship in May.",
                &[("the device would ship in May", A, Some("Orbis Ltd."))],
            ),
            (
                "The outage was traced to a server run by the Denver-based firm Quarry Labs, the company said.",
                &[(
                    "The outage was traced to a server run by the Denver-based firm Quarry Labs",
                    A,
                    Some("Quarry Labs"),
                )],
            ),
            (
                "Orbis Ltd. unveiled a tablet, which the company says lasts two days on one charge.",
                &[("lasts two days on one charge", A, Some("Orbis Ltd."))],
            ),
            (
                "Finance Minister Eva Lind presented the budget. The minister said taxes would not rise.",
                &[("taxes would not rise", A, Some("Eva Lind"))],
            ),
            (
                "The chairman, Ruth Okoye, spoke first. Okoye added that the merger was off.",
                &[("the merger was off", A, Some("Ruth Okoye"))],
            ),
            // Nothing named before: the reference stays as written.
            (
                "The company said the device would ship in May.",
                &[("the device would ship in May", A, Some("The company"))],
            ),
            // A police force is not what "the company" means.
            (
                "Police in Westbury made an arrest. The company said its shop had been damaged.",
                &[("its shop had been damaged", A, Some("The company"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn a_quote_after_a_report_continues_its_speaker() {
        let table: &[(&str, &[Expected])] = &[
            (
                "Omar Reyes said the vote had been rigged. “We will appeal.”",
                &[
                    ("the vote had been rigged", A, Some("Omar Reyes")),
                    ("“We will appeal.”", A, Some("Omar Reyes")),
                ],
            ),
            (
                "Omar Reyes said the vote had been rigged.\n\n“We will appeal.”",
                &[
                    ("the vote had been rigged", A, Some("Omar Reyes")),
                    ("“We will appeal.”", A, Some("Omar Reyes")),
                ],
            ),
            // Another sentence in between: the quote is nobody's.
            (
                "Omar Reyes said the vote had been rigged. The count resumes today. “We will appeal.”",
                &[
                    ("the vote had been rigged", A, Some("Omar Reyes")),
                    ("“We will appeal.”", U, None),
                ],
            ),
            (
                "研究主管林志明表示，市场仍然疲弱。「明年才会回稳。」",
                &[
                    ("市场仍然疲弱", A, Some("研究主管林志明")),
                    ("「明年才会回稳。」", A, Some("研究主管林志明")),
                ],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn chinese_speakers_in_other_clauses_and_references() {
        let table: &[(&str, &[Expected])] = &[
            // The speaker opens the sentence; the speech verb comes in a later clause.
            (
                "“今年收成不错。”果农陈大海一边摘苹果，一边笑着说。",
                &[("“今年收成不错。”", A, Some("果农陈大海"))],
            ),
            (
                "气象局今日发出暴雨预警，并表示雨势将持续至周末。",
                &[("雨势将持续至周末", A, Some("气象局"))],
            ),
            // 该公司/公司 and 该负责人 stand for the organisation or person named before.
            (
                "星河科技今天发布新款耳机。据公司介绍，新品续航提升两成。",
                &[("新品续航提升两成", A, Some("星河科技"))],
            ),
            (
                "教育局局长王丽华表示，新学期将增加体育课时。该负责人还说，学校会配备更多教练。",
                &[
                    ("新学期将增加体育课时", A, Some("教育局局长王丽华")),
                    ("学校会配备更多教练", A, Some("教育局局长王丽华")),
                ],
            ),
            (
                "分析师周雅婷表示，租金仍然偏高。她預料，全年租金將再跌一成。",
                &[
                    ("租金仍然偏高", A, Some("分析师周雅婷")),
                    ("全年租金將再跌一成", A, Some("分析师周雅婷")),
                ],
            ),
            // Occasions, meetings and energy words are not part of the speaker.
            (
                "市长出席记者会时表示，地铁新线将于年底通车。",
                &[("地铁新线将于年底通车", A, Some("市长"))],
            ),
            (
                "經濟部能源署長李建國會後表示，今年夏天供電無虞。",
                &[("今年夏天供電無虞", A, Some("經濟部能源署長李建國"))],
            ),
            (
                "能源局发言人称，电价暂时不会调整。",
                &[("电价暂时不会调整", A, Some("能源局发言人"))],
            ),
            // A manner adverb in 地 is not part of the speaker; 某 keeps it vague.
            (
                "某些媒体酸溜溜地说，这不过是运气好罢了。",
                &[("这不过是运气好罢了", V, Some("某些媒体"))],
            ),
            (
                "总有人跳出来说年轻人不够努力。",
                &[("年轻人不够努力", V, Some("总有人"))],
            ),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn chinese_exclamations_colons_and_clauses_that_report_nothing() {
        let table: &[(&str, &[Expected])] = &[
            (
                "有网友留言：“真的太离谱了。”",
                &[("“真的太离谱了。”", V, Some("有网友"))],
            ),
            (
                "英国某大报惊呼：“中国的电动车已经无人能挡。”",
                &[("“中国的电动车已经无人能挡。”", V, Some("英国某大报"))],
            ),
            (
                "有分析師指，本地零售業仍然受壓。",
                &[("本地零售業仍然受壓", V, Some("有分析師"))],
            ),
            // A headline: the space ends the announcement; the netizens speak after the colon.
            (
                "知名品牌宣布涨价 网友怒了：不买了",
                &[("不买了", V, Some("网友"))],
            ),
            // A clause of time, "for families", a label before a colon: no speech.
            ("政府宣布提高关税后，市场一片哗然。", &[]),
            ("对很多家庭来说，房租实在太贵了。", &[]),
            ("预约规则如下：第一，每人限购两台。", &[]),
            ("产品特点：续航长，重量轻。", &[]),
        ];
        for (text, expected) in table {
            check(text, expected);
        }
    }

    #[test]
    fn large_pathological_inputs_stay_linear() {
        // Many cues and marks in one endless sentence: each cue's work is bounded.
        let pieces = [
            "said “x” said ",
            "'a' ’b’ \"c\" ",
            "他说,“好”据悉,",
            "experts say that ",
            // References make the names before them be read; each stretch is read once.
            "Judge Ann Lee said he said the company said: “x” ",
            "该公司表示，公司称：网友：",
            "Police in Calder and Bank of Spain and Mayor Jo Park ",
        ];
        for piece in pieces {
            let text = piece.repeat(20_000);
            let start = std::time::Instant::now();
            let doc = Document::new(&text);
            let _ = detect(&doc);
            // Generous for debug builds on a shared machine; quadratic work would take minutes.
            assert!(
                start.elapsed().as_secs() < 60,
                "{piece:?} took {:?}",
                start.elapsed()
            );
        }
    }
}
