//! Quotes and attributions on whole articles: the seed articles, read by hand, and
//! wire-style copy the detector has not been tuned on.

use sourcelight::analysis::quotes::detect;
use sourcelight::analysis::{Detail, Document, Finding, QuoteForm, Status};
use sourcelight::SEED_ARTICLES;

/// A finding seen from outside: covered text, status, form, speaker text, speaker named.
#[derive(Debug)]
struct Seen {
    text: String,
    status: Status,
    form: QuoteForm,
    speaker: Option<(String, bool)>,
    rule_id: String,
}

fn seen(text: &str) -> Vec<Seen> {
    let doc = Document::new(text);
    detect(&doc)
        .iter()
        .map(|f: &Finding| {
            let Detail::Quote { form, speaker, .. } = &f.detail else {
                panic!("quote detector gave {f:?}")
            };
            Seen {
                text: doc.slice(f.span).to_string(),
                status: f.status,
                form: *form,
                speaker: speaker.as_ref().map(|s| (s.text.clone(), s.named)),
                rule_id: f.rule_id.clone(),
            }
        })
        .collect()
}

/// The finding whose covered text is exactly `covered`.
#[track_caller]
fn find<'a>(all: &'a [Seen], covered: &str) -> &'a Seen {
    all.iter().find(|s| s.text == covered).unwrap_or_else(|| {
        panic!(
            "no finding covers {covered:?}; found: {:#?}",
            all.iter().map(|s| &s.text).collect::<Vec<_>>()
        )
    })
}

#[track_caller]
fn assert_finding(
    all: &[Seen],
    covered: &str,
    status: Status,
    form: QuoteForm,
    speaker: Option<(&str, bool)>,
) {
    let s = find(all, covered);
    assert_eq!(s.status, status, "status of {covered:?}: {s:?}");
    assert_eq!(s.form, form, "form of {covered:?}: {s:?}");
    assert_eq!(
        s.speaker.as_ref().map(|(t, n)| (t.as_str(), *n)),
        speaker,
        "speaker of {covered:?}: {s:?}"
    );
}

fn seed(i: usize) -> &'static str {
    SEED_ARTICLES[i].1
}

#[test]
fn seed_000_english_commentary() {
    let all = seen(seed(0));
    assert_finding(
        &all,
        "“strangling”",
        Status::ScareQuote,
        QuoteForm::Direct,
        None,
    );
    assert_finding(
        &all,
        "it is just to prevent our AI industry from having sufficient computing power support",
        Status::VagueAttribution,
        QuoteForm::Reported,
        Some(("anyone with clear sight", false)),
    );
    assert_finding(
        &all,
        "the export controls on AI to China have already failed",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("the CEO of NVIDIA", true)),
    );
    assert_finding(
        &all,
        "“prevent technological abuse.”",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("the United States", true)),
    );
    // "made the outside world exclaim “breaking the blockade,”": a crowd, not a source.
    assert_finding(
        &all,
        "“breaking the blockade,”",
        Status::VagueAttribution,
        QuoteForm::Direct,
        Some(("the outside world", false)),
    );
    for scare in [
        "“technological lifeline”",
        "“will to survive”",
        "“enemies”",
        "“hegemonic cake.”",
        "“booster”",
    ] {
        assert_finding(&all, scare, Status::ScareQuote, QuoteForm::Direct, None);
    }
    // The seed names no one else: every attributed finding is one of the three above.
    let attributed: Vec<&str> = all
        .iter()
        .filter(|s| s.status == Status::Attributed)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(attributed.len(), 2, "{attributed:?}");
}

#[test]
fn seed_001_english_comment_with_source() {
    let all = seen(seed(1));
    let zaobao = all
        .iter()
        .find(|s| {
            s.text
                .starts_with("\"The United States continues to escalate")
        })
        .expect("the Lianhe Zaobao quotation is found");
    assert!(
        zaobao.text.ends_with("who holds the initiative?\""),
        "the whole quotation: {:?}",
        zaobao.text
    );
    assert_eq!(zaobao.status, Status::Attributed);
    assert_eq!(zaobao.form, QuoteForm::Direct);
    assert_eq!(
        zaobao.speaker,
        Some(("Singapore's Lianhe Zaobao".to_string(), true))
    );
    assert_finding(
        &all,
        "excessive regulation is severely harming its domestic industry",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("The U.S. Semiconductor Industry Association", true)),
    );
    assert_finding(
        &all,
        "\"catalyst\"",
        Status::ScareQuote,
        QuoteForm::Direct,
        None,
    );
    // The comment repeats the newspaper's phrase: those are the newspaper's words.
    let echo = find(&all, "'more restrictions, faster advancement.'");
    assert_eq!(echo.rule_id, "quote.echo");
    assert_eq!(
        echo.speaker,
        Some(("Singapore's Lianhe Zaobao".to_string(), true))
    );
    // The phrase nested inside the newspaper's quotation is not a finding of its own.
    assert_eq!(
        all.iter()
            .filter(|s| s.text.contains("more restrictions"))
            .count(),
        2
    );
    // "Intel reported net losses" and "announced large-scale layoffs" report actions, not speech.
    assert!(
        all.iter()
            .all(|s| !s.text.contains("net losses") && !s.text.contains("layoffs")),
        "{all:#?}"
    );
}

#[test]
fn seed_002_chinese_commentary() {
    let all = seen(seed(2));
    let gates: Vec<&Seen> = all
        .iter()
        .filter(|s| s.speaker.as_ref().is_some_and(|(t, _)| t == "比尔·盖茨"))
        .collect();
    assert!(
        gates.iter().any(|s| s.form == QuoteForm::Reported
            && s.status == Status::Attributed
            && s.text.starts_with("别一味打压中国芯片")),
        "比尔·盖茨早早就警告过美国,别…: {all:#?}"
    );
    assert!(
        gates
            .iter()
            .any(|s| s.form == QuoteForm::Reported && s.text.starts_with("不要打压中国")),
        "比尔·盖茨多次警告美国,不要…: {all:#?}"
    );
    assert_finding(
        &all,
        "为啥美国越封锁,我们越厉害",
        Status::VagueAttribution,
        QuoteForm::Reported,
        Some(("有人", false)),
    );
    assert_finding(
        &all,
        "“卡脖子”",
        Status::ScareQuote,
        QuoteForm::Direct,
        None,
    );
    // “关注” is the label of the follow button: a name, which this detector skips.
    assert!(all.iter().all(|s| s.text != "“关注”"), "{all:#?}");
    // “中国小芯片标准” names a standard; 《自然·电子学》 is a journal title.
    assert!(
        all.iter()
            .all(|s| !s.text.contains("中国小芯片标准") && !s.text.contains("自然")),
        "{all:#?}"
    );
    assert_finding(
        &all,
        "中国首个自主研发、自主生产的万卡超算集群诞生了,我们成了全球第二个做到的国家",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("中科曙光", true)),
    );
}

#[test]
fn wire_copy_english() {
    let text = "BEIJING, May 12 (Reuters) - China's commerce ministry said on Monday it would take \"necessary measures\" to protect its companies, after Washington added 12 Chinese firms to a trade blacklist.\n\
\"The U.S. side has abused export controls and seriously undermined the rules of international trade,\" a ministry spokesperson said in a statement.\n\
The move was expected, analysts said. \"Beijing has been preparing for this for months,\" said Zhang Wei, an economist at Capital Economics in Singapore. \"Its response will be measured.\"\n\
Two people familiar with the matter said the list could be expanded as early as next month.";
    let all = seen(text);
    assert_finding(
        &all,
        "it would take \"necessary measures\" to protect its companies, after Washington added 12 Chinese firms to a trade blacklist",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("China's commerce ministry", true)),
    );
    assert_finding(
        &all,
        "\"necessary measures\"",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("China's commerce ministry", true)),
    );
    assert_finding(
        &all,
        "\"The U.S. side has abused export controls and seriously undermined the rules of international trade,\"",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("a ministry spokesperson", true)),
    );
    assert_finding(
        &all,
        "The move was expected",
        Status::VagueAttribution,
        QuoteForm::Reported,
        Some(("analysts", false)),
    );
    assert_finding(
        &all,
        "\"Beijing has been preparing for this for months,\"",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("Zhang Wei", true)),
    );
    assert_finding(
        &all,
        "\"Its response will be measured.\"",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("Zhang Wei", true)),
    );
    assert_finding(
        &all,
        "the list could be expanded as early as next month",
        Status::VagueAttribution,
        QuoteForm::Reported,
        Some(("Two people familiar with the matter", false)),
    );
}

#[test]
fn wire_copy_chinese() {
    let text = "新华社北京5月12日电 外交部发言人毛宁12日在例行记者会上表示,中方坚决反对美方泛化国家安全概念。\n\
毛宁说:“美方的做法违背市场经济原则,损人不利己。”她强调,中方将采取必要措施,坚定维护中国企业的正当权益。\n\
据知情人士透露,相关清单可能在下月进一步扩大。有专家指出,这种“脱钩断链”的做法最终会伤及美国自身。";
    let all = seen(text);
    assert_finding(
        &all,
        "中方坚决反对美方泛化国家安全概念",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("外交部发言人毛宁", true)),
    );
    assert_finding(
        &all,
        "“美方的做法违背市场经济原则,损人不利己。”",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("毛宁", true)),
    );
    // 她 refers back to 毛宁, the only person quoted so far.
    assert_finding(
        &all,
        "中方将采取必要措施,坚定维护中国企业的正当权益",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("毛宁", true)),
    );
    assert_finding(
        &all,
        "相关清单可能在下月进一步扩大",
        Status::VagueAttribution,
        QuoteForm::Reported,
        Some(("知情人士", false)),
    );
    assert_finding(
        &all,
        "这种“脱钩断链”的做法最终会伤及美国自身",
        Status::VagueAttribution,
        QuoteForm::Reported,
        Some(("有专家", false)),
    );
    assert_finding(
        &all,
        "“脱钩断链”",
        Status::VagueAttribution,
        QuoteForm::Direct,
        Some(("有专家", false)),
    );
}

/// Wire copy that names people and companies before referring to them as "she", "the
/// company" or by surname: every reference carries the name first given (labelling §5).
#[test]
fn references_carry_the_name_first_given() {
    let text = "OSLO, Norway, Oct. 2 — Fjordline Shipping ASA today reported a 14% drop in quarterly revenue, fewer than analysts had expected.\n\n\
The slump was caused by weaker demand for container freight, the company said in a statement. It said costs had also risen.\n\n\
Chief financial officer Ingrid Solberg was cautious. She told investors that freight rates would stay low until spring. \"We are not planning for a quick recovery,\" she said.\n\n\
Union leader Kari Dahl, who represents 3,000 dockers, said talks had stalled. Dahl added that a strike was possible.\n\n\
Revenue fell to $1.2 billion, according to figures filed with the stock exchange.";
    let all = seen(text);
    let company = Some(("Fjordline Shipping ASA", true));
    assert_finding(
        &all,
        "The slump was caused by weaker demand for container freight",
        Status::Attributed,
        QuoteForm::Reported,
        company,
    );
    assert_finding(
        &all,
        "costs had also risen",
        Status::Attributed,
        QuoteForm::Reported,
        company,
    );
    assert_finding(
        &all,
        "freight rates would stay low until spring",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("Ingrid Solberg", true)),
    );
    assert_finding(
        &all,
        "\"We are not planning for a quick recovery,\"",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("Ingrid Solberg", true)),
    );
    assert_finding(
        &all,
        "a strike was possible",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("Kari Dahl", true)),
    );
    // A dateline, a comparison with expectations and a filing cite no one.
    for text in [
        "OSLO, Norway, Oct. 2",
        "fewer than analysts had expected",
        "Revenue fell to $1.2 billion",
    ] {
        assert!(
            all.iter().all(|s| !s.text.contains(text)),
            "{text:?} is nobody's words: {all:#?}"
        );
    }
}

/// Chinese news: a quote after the speaker's reported words, 公司 and 该负责人 for the
/// company and the person named before, and a speaker opening the sentence whose speech
/// verb comes in a later clause.
#[test]
fn chinese_references_and_speakers_in_earlier_clauses() {
    let text = "本报讯 远山汽车今天在上海发布新款电动车，起售价19.9万元。\n\n\
远山汽车总裁陈国栋在发布会上表示，新车续航里程达到650公里。“我们希望让更多家庭买得起电动车。”\n\n\
据公司介绍，新车将于下月交付。该负责人还透露，工厂正在扩建。\n\n\
“价格比我想象的便宜。”前来试驾的市民赵女士一边打量新车，一边说道。\n\n\
有网友留言：“终于等到了！”";
    let all = seen(text);
    let president = Some(("远山汽车总裁陈国栋", true));
    assert_finding(
        &all,
        "“我们希望让更多家庭买得起电动车。”",
        Status::Attributed,
        QuoteForm::Direct,
        president,
    );
    assert_finding(
        &all,
        "新车将于下月交付",
        Status::Attributed,
        QuoteForm::Reported,
        Some(("远山汽车", true)),
    );
    assert_finding(
        &all,
        "工厂正在扩建",
        Status::Attributed,
        QuoteForm::Reported,
        president,
    );
    assert_finding(
        &all,
        "“价格比我想象的便宜。”",
        Status::Attributed,
        QuoteForm::Direct,
        Some(("市民赵女士", true)),
    );
    assert_finding(
        &all,
        "“终于等到了！”",
        Status::VagueAttribution,
        QuoteForm::Direct,
        Some(("有网友", false)),
    );
}

#[test]
fn every_seed_finding_is_well_formed() {
    for (title, text) in SEED_ARTICLES {
        let doc = Document::new(text);
        for f in detect(&doc) {
            assert!(f.status.valid_for(f.kind), "{title}: {f:?}");
            assert!(
                f.span.end <= doc.char_len() && !f.span.is_empty(),
                "{title}: {f:?}"
            );
            assert!(f.rule_id.starts_with("quote."), "{title}: {f:?}");
            let Detail::Quote { speaker, .. } = &f.detail else {
                panic!("{title}: {f:?}")
            };
            match f.status {
                Status::Attributed => {
                    assert!(speaker.as_ref().is_some_and(|s| s.named), "{title}: {f:?}")
                }
                Status::VagueAttribution => {
                    assert!(speaker.as_ref().is_some_and(|s| !s.named), "{title}: {f:?}")
                }
                _ => assert!(speaker.is_none(), "{title}: {f:?}"),
            }
        }
    }
}

#[test]
fn megabytes_of_seed_text_finish_quickly() {
    // About 1.5 MB (10 MB takes about a second in a native release build; debug test
    // runs are slower): the work per cue and per quotation mark is bounded.
    let text: String = SEED_ARTICLES
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n")
        .repeat(120);
    let start = std::time::Instant::now();
    let doc = Document::new(&text);
    let findings = detect(&doc);
    assert!(findings.len() > 100);
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}
