//! The Chinese loaded-language pack: loaded phrases in fresh Simplified and Traditional
//! sentences are flagged with the right category, neutral wire copy stays quiet, and the
//! pack itself is well formed (size, phrase length, no phrase claimed by two rules).
//! Every sentence here was written for these tests, not taken from a seed article.

use sourcelight::analysis::text::is_han;
use sourcelight::analysis::{analyze, Detail, Kind, Language, Options};
use sourcelight::rules::{RuleSet, CATEGORIES};
use std::collections::HashMap;

/// Chinese rules only, so the test does not depend on language detection.
fn chinese() -> Options {
    Options {
        language: Some(Language::Zh),
        ..Options::default()
    }
}

/// (flagged text, category) of every loaded-language finding, in text order.
fn loaded(text: &str) -> Vec<(String, String)> {
    analyze(text, RuleSet::builtin(), &chinese())
        .findings
        .into_iter()
        .filter(|f| f.kind == Kind::LoadedLanguage)
        .map(|f| {
            let flagged: String = text.chars().skip(f.span.start).take(f.span.len()).collect();
            let Detail::Loaded { category, .. } = &f.detail else {
                panic!("loaded-language finding without loaded detail: {f:?}");
            };
            (flagged, category.clone())
        })
        .collect()
}

/// Asserts that exactly `expected` (flagged text, category) pairs are found, in order.
fn check(text: &str, expected: &[(&str, &str)]) {
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect();
    assert_eq!(loaded(text), expected, "in {text:?}");
}

const WAR: &str = "war-violence";
const HYPERBOLE: &str = "hyperbole-absolute";
const LABEL: &str = "name-calling-label";
const EMOTION: &str = "emotional-appeal";
const SENSATIONAL: &str = "sensational";
const CLICKBAIT: &str = "clickbait";
const US_THEM: &str = "us-vs-them";

#[test]
fn war_and_violence_metaphors_simplified() {
    check(
        "分析人士称，对方在关键材料上卡脖子，几乎是下了死手。",
        &[("卡脖子", WAR), ("下了死手", WAR)],
    );
    check(
        "多国联合围剿这家企业，并持续打压其海外业务。",
        &[("围剿", WAR), ("打压", WAR)],
    );
    // "层层申报" is ordinary paperwork; only the intensifier is loaded.
    check("这一设备被死死管控，出口商只能层层申报。", &[("死死", WAR)]);
    check(
        "新品发布后，评测博主称其性能吊打同行，碾压对手。",
        &[("吊打", WAR), ("碾压对手", WAR)],
    );
    check(
        "两家公司在价格上贴身肉搏，堪称没有硝烟的战争。",
        &[("贴身肉搏", WAR), ("没有硝烟的战争", WAR)],
    );
}

#[test]
fn war_and_violence_metaphors_traditional() {
    check(
        "分析人士稱，對方在關鍵材料上卡脖子，幾乎是下了死手。",
        &[("卡脖子", WAR), ("下了死手", WAR)],
    );
    check(
        "多國聯合圍剿這家企業，並持續打壓其海外業務。",
        &[("圍剿", WAR), ("打壓", WAR)],
    );
    check(
        "評測部落客稱新機吊打同行，全面碾壓對手。",
        &[("吊打", WAR), ("全面碾壓", WAR)],
    );
    // Taiwanese and Hong Kong media also write 輾壓 and 霸淩.
    check("中國隊輾壓日本奪冠。", &[("輾壓日本", WAR)]);
    check("聲明批評科技霸淩行徑。", &[("科技霸淩", WAR)]);
}

#[test]
fn the_longest_phrase_decides_the_category() {
    // "打压" alone is a war metaphor; "打压中国" turns it into a national confrontation.
    check("美方一再打压中国企业。", &[("打压中国", US_THEM)]);
    check("美方一再打壓中國企業。", &[("打壓中國", US_THEM)]);
    // "震惊" is sensational wording; "震惊！" opening a headline is clickbait.
    check(
        "震惊！这家小厂发布重磅新品，实现逆袭。",
        &[
            ("震惊！", CLICKBAIT),
            ("重磅", SENSATIONAL),
            ("逆袭", SENSATIONAL),
        ],
    );
}

#[test]
fn hyperbole_and_absolutes() {
    check(
        "这次改革彻底改变了行业格局，规模前所未有。",
        &[("彻底", HYPERBOLE), ("前所未有", HYPERBOLE)],
    );
    check(
        "宣传材料称这款手机天下无敌、无与伦比，是史上最强机型。",
        &[
            ("天下无敌", HYPERBOLE),
            ("无与伦比", HYPERBOLE),
            ("史上最强", HYPERBOLE),
        ],
    );
    check(
        "厂商说自己在该领域遥遥领先，实现了弯道超车。",
        &[("遥遥领先", HYPERBOLE), ("弯道超车", HYPERBOLE)],
    );
    check(
        "這次改革徹底改變了行業格局，規模前所未有。",
        &[("徹底", HYPERBOLE), ("前所未有", HYPERBOLE)],
    );
    check(
        "廠商說自己遙遙領先，一家獨大，打通了任督二脈。",
        &[
            ("遙遙領先", HYPERBOLE),
            ("一家獨大", HYPERBOLE),
            ("任督二脈", HYPERBOLE),
        ],
    );
}

#[test]
fn name_calling_and_labels() {
    check(
        "他在帖子里把批评者骂作走狗和汉奸，还称对方是公知。",
        &[("走狗", LABEL), ("汉奸", LABEL), ("公知", LABEL)],
    );
    check(
        "文章称美帝一直在给年轻人洗脑。",
        &[("美帝", LABEL), ("洗脑", LABEL)],
    );
    check(
        "评论把这些学者统称为西方反华势力。",
        &[("西方反华势力", LABEL)],
    );
    check(
        "他在貼文裡把批評者罵作走狗和漢奸，還稱對方是公知。",
        &[("走狗", LABEL), ("漢奸", LABEL), ("公知", LABEL)],
    );
    check(
        "評論把這些學者統稱為西方反華勢力。",
        &[("西方反華勢力", LABEL)],
    );
}

#[test]
fn us_versus_them_framing() {
    check(
        "社论称，这起抗议背后有境外势力插手，对方亡我之心不死。",
        &[("境外势力", US_THEM), ("亡我之心不死", US_THEM)],
    );
    check(
        "作者写道，反华势力从未停止抹黑。",
        &[("反华势力", US_THEM), ("抹黑", US_THEM)],
    );
    check(
        "社論稱，這起抗議背後有境外勢力插手，對方亡我之心不死。",
        &[("境外勢力", US_THEM), ("亡我之心不死", US_THEM)],
    );
    check(
        "帖子寫道：我們中國人不用再看別人臉色。",
        &[("我們中國人", US_THEM), ("看別人臉色", US_THEM)],
    );
}

#[test]
fn emotional_appeals() {
    check(
        "看到国旗升起的那一刻真的泪目，太给国人长脸了。",
        &[("泪目", EMOTION), ("太给国人长脸", EMOTION)],
    );
    check(
        "更让人感动的是，球队终于扬眉吐气。",
        &[("让人感动", EMOTION), ("扬眉吐气", EMOTION)],
    );
    check("这种做法让球迷心寒。", &[("心寒", EMOTION)]);
    check(
        "看到國旗升起的那一刻真的淚目，太給國人長臉了。",
        &[("淚目", EMOTION), ("太給國人長臉", EMOTION)],
    );
    check(
        "更讓人感動的是，球隊終於揚眉吐氣。",
        &[("讓人感動", EMOTION), ("揚眉吐氣", EMOTION)],
    );
}

#[test]
fn sensational_wording() {
    check(
        "这款车的数据太炸裂，堪称行业狠角色。",
        &[("太炸裂", SENSATIONAL), ("狠角色", SENSATIONAL)],
    );
    check(
        "消息一出，舆论哗然，网友炸锅。",
        &[("舆论哗然", SENSATIONAL), ("炸锅", SENSATIONAL)],
    );
    check(
        "這款車的數據太炸裂，堪稱行業狠角色。",
        &[("太炸裂", SENSATIONAL), ("狠角色", SENSATIONAL)],
    );
    // Taiwan writes 發布, Hong Kong 發佈; both are listed.
    check(
        "小廠重磅發布新品，完美逆襲。",
        &[("重磅發布", SENSATIONAL), ("完美逆襲", SENSATIONAL)],
    );
    check("小廠重磅發佈新品。", &[("重磅發佈", SENSATIONAL)]);
}

#[test]
fn headline_and_engagement_bait() {
    check(
        "万万没想到，这个小镇竟然藏着这么多秘密。",
        &[("万万没想到", CLICKBAIT)],
    );
    check(
        "麻烦看官老爷们点击一下“关注”，转发扩散！",
        &[
            ("看官老爷", CLICKBAIT),
            ("点击一下“关注”", CLICKBAIT),
            ("转发扩散", CLICKBAIT),
        ],
    );
    check(
        "不转不是中国人，速看！",
        &[("不转不是中国人", CLICKBAIT), ("速看！", CLICKBAIT)],
    );
    check(
        "细思极恐，网友都惊呆了，建议赶紧收藏。",
        &[
            ("细思极恐", CLICKBAIT),
            ("网友都惊呆了", CLICKBAIT),
            ("赶紧收藏", CLICKBAIT),
        ],
    );
    check(
        "这条视频已经刷屏，评论区炸了。",
        &[("刷屏", CLICKBAIT), ("评论区炸了", SENSATIONAL)],
    );
    check("点击关注，每天为你带来新内容。", &[("点击关注", CLICKBAIT)]);
    check(
        "萬萬沒想到，這個小鎮藏著這麼多祕密。",
        &[("萬萬沒想到", CLICKBAIT)],
    );
    check(
        "麻煩看官老爺們點擊一下「關注」，轉發擴散！",
        &[
            ("看官老爺", CLICKBAIT),
            ("點擊一下「關注」", CLICKBAIT),
            ("轉發擴散", CLICKBAIT),
        ],
    );
    check(
        "細思極恐，網友都驚呆了，建議趕緊收藏。",
        &[
            ("細思極恐", CLICKBAIT),
            ("網友都驚呆了", CLICKBAIT),
            ("趕緊收藏", CLICKBAIT),
        ],
    );
}

/// Wire-style sentences, several built around words that contain a loaded phrase's
/// characters across a word boundary (香港独特 / 台独, 迅速扩散 / 速扩散, 毫无敌意 / 无敌,
/// 今天朝鲜 / 天朝, 催泪弹 / 催泪, 黑瞎子岛, 美分, 白皮书, 热带风暴, 山体崩塌).
const NEUTRAL_SIMPLIFIED: &[&str] = &[
    "新华社北京3月5日电 国家统计局今天发布数据显示，一季度国内生产总值同比增长5.3%。",
    "商务部新闻发言人表示，中方注意到美方近日宣布的出口管制措施，将采取必要措施维护中国企业的正当权益。",
    "据路透社报道，美国商务部周二将多家中国实体列入出口管制清单，涉及半导体制造设备。",
    "荷兰政府表示，自明年1月起，部分光刻设备出口需要申请许可证。",
    "央行表示将继续实施稳健的货币政策，遏制通胀预期，保持流动性合理充裕。",
    "受强冷空气影响，今天朝鲜半岛北部和我国东北地区将出现大风降温天气。",
    "当天价格较前一交易日下跌2%，成交量有所放大。",
    "一名行人在路口被货车碾压，经送医抢救无效死亡，事故原因正在调查中。",
    "受网络故障影响，该银行手机应用一度无法登录，系统于当晚恢复正常。",
    "香港特区政府发言人表示，香港独特的地位和优势将继续得到保持。",
    "该平台独立运营的业务部门去年营收增长12%。",
    "发言人说，双方在会谈中毫无敌意，气氛坦诚。",
    "卫生部门提醒，流感病毒可能迅速扩散，建议高风险人群及时接种疫苗。",
    "据统计，服务中心累计接待游客超过10万人次。",
    "比赛第60分钟，客队前锋突破防线，打入一球。",
    "黑瞎子岛位于黑龙江与乌苏里江交汇处。",
    "警方使用催泪弹驱散人群，现场有数人被捕。",
    "该市将拍卖国有资产，所得款项用于偿还债务。",
    "国务院新闻办公室今天发表白皮书，介绍应对气候变化的政策与行动。",
    "中央气象台预计，热带风暴将于明天在广东沿海登陆。",
    "暴雨引发山体崩塌，当地已转移群众300余人。",
    "海关查获一批走私货物，案值约2000万元。",
    "该公司公布的财报显示，每股收益为50美分，高于分析师预期。",
    "中国女拳击手在世界锦标赛上获得一枚银牌。",
    "今年是第二次世界大战结束80周年。",
    "纪检监察机关通报了一批腐败类案件的查处情况。",
    "该国企计划通过引战投方式推进混合所有制改革。",
    "制造业企业正在加速转型，提高数字化水平。",
    "今年高中招生计划较去年增加5%。",
    "该国议会拒绝了政府提出的预算草案。",
    "究竟是什么原因导致了这次事故，调查仍在进行。",
    "新能源汽车市场渗透率已超过40%。",
    "意大利警方逮捕了多名黑手党成员。",
    "联合国秘书长呼吁各方保持克制，通过对话解决分歧。",
    "美联储宣布将基准利率维持在5.25%至5.5%之间。",
    "港口因台风暂时封锁，船只已进港避风。",
    "该公司发言人拒绝就此置评。",
    "上半年全国城镇新增就业737万人，城镇调查失业率维持在5%左右。",
    // Words that contain a recall-pass phrase's characters across a word boundary or use
    // them literally: 周末日程 / 末日, 养殖人员 / 殖人, 中共党员 / 共党, 拍卖台 / 卖台,
    // 涂抹红色 / 抹红, 收割小麦, 药丸, 当场翻车, 精神作风 / 神作, 99%的人口, 肉牛批发 / 牛批,
    // 老东西, 随时删除, 荒诞剧, 招摇撞骗罪.
    "周末日程安排已在官网公布。",
    "养殖人员正在为鱼塘投放饲料。",
    "中共党员人数超过9900万。",
    "拍卖台上摆放着多件瓷器。",
    "工人在墙面涂抹红色油漆。",
    "农民正在收割小麦，预计本周完成。",
    "医生提醒患者按时服用药丸。",
    "一辆货车在高速公路上当场翻车，司机受轻伤。",
    "会议强调加强精神作风建设。",
    "移动网络已覆盖99%的人口。",
    "肉牛批发市场价格保持稳定。",
    "研究人员在整理老东西时发现了一封旧信。",
    "用户可随时删除个人数据。",
    "剧团上演了荒诞剧《等待戈多》。",
    "被告因招摇撞骗罪被判处有期徒刑三年。",
];

/// The same kind of copy in Traditional script (Taiwan and Hong Kong usage).
const NEUTRAL_TRADITIONAL: &[&str] = &[
    "美國商務部週二將二十三家中國實體列入出口管制「實體清單」，其中兩家被指協助採購晶片製造設備。",
    "中國商務部回應時批評美方泛化國家安全、濫用出口管制，並表示將採取必要措施。",
    "中央銀行宣布維持政策利率不變，以抑制通膨預期。",
    "今天朝鮮半島北部將出現大風降溫天氣。",
    "香港獨特的地位和優勢將繼續得到保持。",
    "衛生部門提醒，流感病毒可能迅速擴散，建議高風險族群接種疫苗。",
    "一名行人在路口遭貨車碾壓，送醫不治，事故原因仍在調查中。",
    "警方使用催淚彈驅散人群，現場有數人被捕。",
    "行政院今天發表白皮書，說明能源轉型政策。",
    "颱風外圍環流引發山體崩塌，當地已撤離居民三百餘人。",
    "該公司財報顯示，每股盈餘為50美分，優於市場預期。",
    "中華隊女子拳擊手在世界錦標賽獲得一面銀牌。",
    "雙方會談氣氛坦誠，發言人說彼此毫無敵意。",
    "港口因颱風暫時封鎖，船隻已進港避風。",
    "該公司發言人拒絕就此置評。",
    "農民正在收割小麥，預計本週完成。",
    "中共黨員人數超過九千九百萬。",
    "用戶可隨時刪除個人資料。",
    "週末日程安排已在官網公佈。",
];

#[test]
fn neutral_wire_copy_yields_no_loaded_language() {
    for text in NEUTRAL_SIMPLIFIED.iter().chain(NEUTRAL_TRADITIONAL) {
        assert_eq!(loaded(text), vec![], "neutral sentence flagged: {text:?}");
    }
    // Also as one article, the way a reader would paste it.
    let article = NEUTRAL_SIMPLIFIED.join("\n\n");
    assert_eq!(loaded(&article), vec![]);
}

fn zh_rule_indexes(rules: &RuleSet) -> impl Iterator<Item = usize> + '_ {
    (0..rules.rules.len()).filter(|&i| rules.rules[i].language == Language::Zh)
}

#[test]
fn the_pack_has_at_least_800_entries_across_every_category() {
    let rules = RuleSet::builtin();
    assert!(
        rules.count(Language::Zh) >= 800,
        "only {} zh entries",
        rules.count(Language::Zh)
    );
    for (category, _) in CATEGORIES {
        let n = zh_rule_indexes(rules)
            .filter(|&i| rules.rules[i].category == *category)
            .count();
        assert!(n >= 40, "zh {category} has only {n} entries");
    }
}

#[test]
fn every_chinese_phrase_has_at_least_two_han_characters() {
    let rules = RuleSet::builtin();
    for (phrase, rule) in &rules.phrases {
        if rules.rules[*rule].language == Language::Zh {
            let han = phrase.chars().filter(|c| is_han(*c)).count();
            assert!(
                han >= 2,
                "{phrase:?} ({}) has {han} Han characters",
                rules.rules[*rule].id
            );
        }
    }
}

#[test]
fn no_two_chinese_entries_share_a_phrase() {
    let rules = RuleSet::builtin();
    let mut owner: HashMap<&str, usize> = HashMap::new();
    for (phrase, rule) in &rules.phrases {
        if rules.rules[*rule].language != Language::Zh {
            continue;
        }
        if let Some(&other) = owner.get(phrase.as_str()) {
            assert_eq!(
                other, *rule,
                "{phrase:?} is in both {} and {}",
                rules.rules[other].id, rules.rules[*rule].id
            );
        }
        owner.insert(phrase, *rule);
    }
}

#[test]
fn every_chinese_entry_explains_itself_in_chinese_and_english() {
    let rules = RuleSet::builtin();
    for i in zh_rule_indexes(rules) {
        let rule = &rules.rules[i];
        let slug = rule.id.rsplit('.').next().unwrap_or_default();
        assert!(
            !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "id {:?} is not an ASCII slug",
            rule.id
        );
        for (what, text) in [
            ("explanation", &rule.explanation),
            ("alternative", &rule.alternative),
        ] {
            assert!(
                text.chars().any(is_han),
                "{} {what} has no Chinese: {text:?}",
                rule.id
            );
            assert!(
                text.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 4,
                "{} {what} has no English gloss: {text:?}",
                rule.id
            );
        }
    }
}

#[test]
fn recall_pass_idioms_and_slang_are_flagged() {
    check(
        "评论员怒斥对方无中生有、危言耸听。",
        &[
            ("怒斥", SENSATIONAL),
            ("无中生有", LABEL),
            ("危言耸听", LABEL),
        ],
    );
    check(
        "評論員怒斥對方無中生有、危言聳聽。",
        &[
            ("怒斥", SENSATIONAL),
            ("無中生有", LABEL),
            ("危言聳聽", LABEL),
        ],
    );
    check(
        "报道把这场洪水说成浩劫，称损失惊人。",
        &[("浩劫", SENSATIONAL), ("惊人", SENSATIONAL)],
    );
    check(
        "某些政客心怀叵测，蓄谋已久，企图栽赃他国。",
        &[("心怀叵测", LABEL), ("蓄谋已久", LABEL), ("栽赃", LABEL)],
    );
    check(
        "家人们！删前速看，说出了无数人的心声。",
        &[
            ("家人们！", CLICKBAIT),
            ("删前速看", CLICKBAIT),
            ("说出了无数人的心声", CLICKBAIT),
        ],
    );
    check(
        "这家公司在草莓族和惯老板的争论中成了国际笑柄。",
        &[("草莓族", LABEL), ("惯老板", LABEL), ("国际笑柄", LABEL)],
    );
    check(
        "這家公司在草莓族和慣老闆的爭論中成了國際笑柄。",
        &[("草莓族", LABEL), ("慣老闆", LABEL), ("國際笑柄", LABEL)],
    );
    check(
        "文章称对手死路一条，早已不堪一击。",
        &[("死路一条", HYPERBOLE), ("不堪一击", HYPERBOLE)],
    );
    check(
        "网友惊呼：这操作太离谱了，简直是窒息操作。",
        &[
            ("网友惊呼", SENSATIONAL),
            ("太离谱了", SENSATIONAL),
            ("窒息操作", SENSATIONAL),
        ],
    );
}
