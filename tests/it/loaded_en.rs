//! The English loaded-language pack: loaded phrases in fresh sentences are flagged with
//! the right category, inflections and idioms match as intended, and neutral wire copy
//! stays quiet. Every sentence here was written for these tests, not taken from a seed.

use sourcelight::analysis::{analyze, Detail, Kind, Language, Options};
use sourcelight::rules::RuleSet;
use std::collections::HashMap;

/// English rules only, so the test does not depend on language detection.
fn english() -> Options {
    Options {
        language: Some(Language::En),
        ..Options::default()
    }
}

/// (flagged text, category, rule id) of every loaded-language finding, in text order.
fn loaded_with(text: &str, options: &Options) -> Vec<(String, String, String)> {
    analyze(text, RuleSet::builtin(), options)
        .findings
        .into_iter()
        .filter(|f| f.kind == Kind::LoadedLanguage)
        .map(|f| {
            let flagged: String = text.chars().skip(f.span.start).take(f.span.len()).collect();
            let Detail::Loaded { category, .. } = &f.detail else {
                panic!("loaded-language finding without loaded detail: {f:?}");
            };
            (flagged, category.clone(), f.rule_id.clone())
        })
        .collect()
}

fn loaded(text: &str) -> Vec<(String, String, String)> {
    loaded_with(text, &english())
}

/// Asserts that exactly `expected` (flagged text, category) pairs are found, in order.
fn check(text: &str, expected: &[(&str, &str)]) {
    let actual: Vec<(String, String)> = loaded(text).into_iter().map(|(t, c, _)| (t, c)).collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(t, c)| (t.to_string(), c.to_string()))
        .collect();
    assert_eq!(actual, expected, "in {text:?}");
}

/// Asserts that `text` yields one finding, over `flagged`, from the rule `rule_id`.
fn check_rule(text: &str, flagged: &str, rule_id: &str) {
    let actual: Vec<(String, String)> =
        loaded(text).into_iter().map(|(t, _, id)| (t, id)).collect();
    assert_eq!(
        actual,
        vec![(flagged.to_string(), rule_id.to_string())],
        "in {text:?}"
    );
}

fn english_phrases() -> impl Iterator<Item = (&'static str, &'static str)> {
    let set = RuleSet::builtin();
    set.phrases
        .iter()
        .filter(|(_, rule)| set.rules[*rule].language == Language::En)
        .map(|(phrase, rule)| (phrase.as_str(), set.rules[*rule].id.as_str()))
}

#[test]
fn pack_has_at_least_1000_english_entries() {
    let count = RuleSet::builtin().count(Language::En);
    assert!(count >= 1000, "only {count} English entries");
}

#[test]
fn every_category_has_english_entries() {
    let set = RuleSet::builtin();
    for (category, _) in sourcelight::rules::CATEGORIES {
        let n = set
            .rules
            .iter()
            .filter(|r| r.language == Language::En && r.category == *category)
            .count();
        assert!(n >= 50, "category {category} has only {n} English entries");
    }
}

#[test]
fn no_two_entries_share_a_phrase() {
    // Matching ignores case and treats straight and curly apostrophes alike, so
    // phrases that differ only in those ways are the same phrase.
    let mut owner: HashMap<String, &str> = HashMap::new();
    let mut duplicates = Vec::new();
    for (phrase, rule_id) in english_phrases() {
        let key = phrase.to_lowercase().replace('\u{2019}', "'");
        if let Some(first) = owner.insert(key, rule_id) {
            duplicates.push(format!("{phrase:?} in {first} and {rule_id}"));
        }
    }
    assert!(duplicates.is_empty(), "duplicate phrases: {duplicates:#?}");
}

#[test]
fn explanations_are_specific_to_their_entry() {
    // A copy-pasted explanation means a reader learns nothing about this word.
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for rule in RuleSet::builtin()
        .rules
        .iter()
        .filter(|r| r.language == Language::En)
    {
        assert!(
            rule.explanation.len() >= 40,
            "{}: explanation too thin",
            rule.id
        );
        assert!(
            !rule.alternative.trim().is_empty(),
            "{}: no alternative",
            rule.id
        );
        if let Some(other) = seen.insert(rule.explanation.as_str(), rule.id.as_str()) {
            panic!("{} and {other} share an explanation", rule.id);
        }
    }
}

#[test]
fn wildcard_stems_are_long_enough_to_be_unambiguous() {
    // A short stem with `*` swallows unrelated words ("war*" would flag "warm").
    for (phrase, rule_id) in english_phrases() {
        if let Some(body) = phrase.strip_suffix('*') {
            let stem = body.rsplit(' ').next().unwrap_or(body);
            assert!(
                stem.chars().count() >= 4,
                "{rule_id}: stem of {phrase:?} is too short"
            );
        }
    }
}

#[test]
fn war_and_violence_metaphors() {
    let war = "war-violence";
    check(
        "The new licensing rules are designed to strangle the island's shipbuilders.",
        &[("strangle", war)],
    );
    check(
        "Critics say the retailer has weaponized its loyalty programme against smaller rivals.",
        &[("weaponized", war)],
    );
    check(
        "Regulators have the airline in their crosshairs after a summer of cancellations.",
        &[("crosshairs", war)],
    );
    check(
        "The insurer's lawyers fought tooth and nail to block the class action.",
        &[("tooth and nail", war)],
    );
    check(
        "The tariff package amounts to economic warfare against the country's farmers.",
        &[("economic warfare", war)],
    );
    check(
        "The ruling is a death blow to the pipeline project.",
        &[("death blow", war)],
    );
    check(
        "They want to hold the economy hostage to win a tax cut.",
        &[("hold the economy hostage", war)],
    );
}

#[test]
fn hyperbole_and_absolutes() {
    let hyp = "hyperbole-absolute";
    check(
        "The launch was a complete disaster for the startup.",
        &[("complete disaster", hyp)],
    );
    check(
        "The council's plan is totally unworkable.",
        &[("totally", hyp)],
    );
    check(
        "Such a heatwave has never before been recorded in the valley.",
        &[("never before", hyp)],
    );
    check(
        "It was an unprecedented decision by the league.",
        &[("unprecedented", hyp)],
    );
    check(
        "Everyone knows the tunnel will run over budget.",
        &[("Everyone knows", hyp)],
    );
    check("The results are undeniable.", &[("undeniable", hyp)]);
}

#[test]
fn name_calling_and_labels() {
    let label = "name-calling-label";
    check(
        "The mayor called the protesters thugs.",
        &[("thugs", label)],
    );
    check(
        "The cartel's hegemonic ambitions worry its neighbours.",
        &[("hegemonic", label)],
    );
    check(
        "Opponents dismissed the commission as a puppet of the ruling party.",
        &[("puppet of", label)],
    );
    check(
        "The regime jailed three more journalists this week.",
        &[("The regime", label)],
    );
    check(
        "The senator's domineering manner alienated colleagues.",
        &[("domineering", label)],
    );
    check(
        "The inquiry is a witch hunt, his lawyer said.",
        &[("witch hunt", label)],
    );
}

#[test]
fn emotional_appeals() {
    let emo = "emotional-appeal";
    check(
        "It is a disgrace that families wait years for housing.",
        &[("a disgrace", emo)],
    );
    check(
        "Think of the children who will grow up without a library.",
        &[("Think of the children", emo)],
    );
    check(
        "The decision was a slap in the face to the nurses.",
        &[("slap in the face", emo)],
    );
    check(
        "They keep throwing it in our faces that we lost the vote.",
        &[("throwing it in our faces", emo)],
    );
    check("The cuts are heartless.", &[("heartless", emo)]);
}

#[test]
fn sensational_wording() {
    let sen = "sensational";
    check(
        "A bombshell report on the hospital's finances was leaked on Monday.",
        &[("bombshell", sen)],
    );
    check(
        "The shocking footage was shared widely.",
        &[("shocking", sen)],
    );
    check(
        "The stock's nosedive rattled investors.",
        &[("nosedive", sen)],
    );
    check("The region is a powder keg.", &[("powder keg", sen)]);
    check(
        "Prices skyrocketed after the drought.",
        &[("skyrocketed", sen)],
    );
}

#[test]
fn headline_and_engagement_bait() {
    let bait = "clickbait";
    check(
        "You won't believe what this town did with its old bus depot.",
        &[("You won't believe", bait)],
    );
    check(
        "The shocking truth about your morning coffee",
        &[("The shocking truth", bait)],
    );
    check(
        "Share before it's deleted!",
        &[("Share before it's deleted", bait)],
    );
    check(
        "Click to follow for daily updates.",
        &[("Click to follow", bait)],
    );
    check(
        "What the mainstream media won't tell you about the vaccine trial",
        &[("mainstream media won't tell you", bait)],
    );
    check(
        "One weird trick to cut your energy bill",
        &[("One weird trick", bait)],
    );
    // The longer hook wins over "will surprise you", which starts inside it.
    check(
        "What happened next will surprise you.",
        &[("What happened next will", bait)],
    );
}

#[test]
fn us_versus_them_framing() {
    let us = "us-vs-them";
    check(
        "Our enemies are watching every move we make.",
        &[("Our enemies", us)],
    );
    check("It is us versus them now.", &[("us versus them", us)]);
    check(
        "The other side's real aim is to keep us down.",
        &[("The other side's", us), ("keep us down", us)],
    );
    check("Real Americans know the truth.", &[("Real Americans", us)]);
    check(
        "The coastal elites do not care about towns like ours.",
        &[("coastal elites", us)],
    );
    check(
        "Either you are with us or against us.",
        &[("with us or against us", us)],
    );
}

#[test]
fn sanctions_commentary_wording_is_covered_by_general_rules() {
    // The genre of the seed articles, in new sentences about other countries and industries.
    check(
        "Brussels took a domineering line, and its encirclement strategy has backfired on the bloc.",
        &[
            ("domineering", "name-calling-label"),
            ("encirclement strategy", "war-violence"),
            ("has backfired", "war-violence"),
        ],
    );
    check(
        "Behind the lofty pretext of security lies a technology blockade meant to preserve tech hegemony.",
        &[
            ("lofty pretext", "name-calling-label"),
            ("technology blockade", "war-violence"),
            ("tech hegemony", "name-calling-label"),
        ],
    );
}

#[test]
fn wildcards_match_inflections() {
    for (text, rule_id) in [
        ("weaponising", "en.war-violence.weaponize"),
        ("weaponization", "en.war-violence.weaponize"),
        ("hegemony", "en.name-calling-label.hegemon"),
        ("hegemonism", "en.name-calling-label.hegemon"),
        ("capitulated", "en.war-violence.capitulate"),
        ("capitulation", "en.war-violence.capitulate"),
        ("skyrocketing", "en.sensational.skyrocket"),
        ("brainwashed", "en.name-calling-label.brainwashed"),
        ("indoctrination", "en.name-calling-label.indoctrinate"),
        ("thuggish", "en.name-calling-label.thug"),
        ("strangled", "en.war-violence.strangle"),
    ] {
        check_rule(
            &format!("They called it {text} in the debate."),
            text,
            rule_id,
        );
    }
}

#[test]
fn wildcards_and_words_do_not_swallow_unrelated_words() {
    // Each of these shares letters with a rule (tyrann-, shill, slam, war, bully, fury)
    // but is a different word or a name.
    check("The Kenyan shilling weakened against the dollar.", &[]);
    check("Tyrannosaurus rex fossils were found in Montana.", &[]);
    check("She won her first Grand Slam title in warm weather.", &[]);
    check("The warden spoke from the bully pulpit of his office.", &[]);
    check("Tyson Fury won on points in Riyadh.", &[]);
}

#[test]
fn idioms_win_over_their_single_words() {
    check_rule(
        "They built an evil empire of shell companies.",
        "evil empire",
        "en.name-calling-label.evil-empire",
    );
    check_rule(
        "It was a strangling tactic.",
        "strangling tactic",
        "en.war-violence.strangling-tactic",
    );
    check_rule(
        "The talk was all technological hegemony.",
        "technological hegemony",
        "en.name-calling-label.technological-hegemony",
    );
    check_rule(
        "He accused them of hegemonic bullying.",
        "hegemonic bullying",
        "en.name-calling-label.hegemonic-bullying",
    );
    // "shocking" alone is sensational; the hook around it is clickbait.
    check(
        "Read the shocking truth now.",
        &[("the shocking truth", "clickbait")],
    );
}

#[test]
fn case_and_typographic_apostrophes_do_not_matter() {
    check(
        "You won\u{2019}t believe it.",
        &[("You won\u{2019}t believe", "clickbait")],
    );
    check(
        "YOU WON'T BELIEVE IT.",
        &[("YOU WON'T BELIEVE", "clickbait")],
    );
    check(
        "Share before it\u{2019}s deleted",
        &[("Share before it\u{2019}s deleted", "clickbait")],
    );
}

#[test]
fn a_reader_can_switch_a_rule_off_by_its_full_id() {
    let text = "The rules will strangle small firms and the results are undeniable.";
    let off = Options {
        disabled_rules: vec!["en.war-violence.strangle".to_string()],
        ..english()
    };
    let flagged: Vec<String> = loaded_with(text, &off)
        .into_iter()
        .map(|(t, _, _)| t)
        .collect();
    assert_eq!(flagged, vec!["undeniable".to_string()]);
}

#[test]
fn neutral_wire_copy_has_no_loaded_language() {
    // Wire-style sentences, including literal uses of words that are loaded elsewhere:
    // attacks, wars, blockades, sanctions, encircled towns, fighting, crackdowns.
    let sentences = [
        "The U.S. Commerce Department added 27 Chinese entities to its export control list on Tuesday, citing concerns about military end uses.",
        "Huawei Technologies said its revenue rose 22% in the first half of the year, driven by sales of smartphones and cloud services.",
        "The Netherlands said it would require licences for exports of some advanced lithography equipment, a move coordinated with Washington and Tokyo.",
        "Semiconductor Manufacturing International Corp reported a quarterly profit of $108 million, down 45% from a year earlier.",
        "Nvidia said the new rules would affect sales of its H20 chip in China and that it expected a charge of about $5.5 billion.",
        "China's foreign ministry spokesperson said Beijing firmly opposed the measures and would take steps to protect the rights of Chinese companies.",
        "Analysts at the firm estimated that restrictions could reduce China's access to advanced chips for several years.",
        "Russian forces launched 120 drones and four missiles overnight, Ukraine's air force said, adding that air defences shot down most of them.",
        "The attack damaged energy infrastructure in the Kharkiv region, the regional governor said on Telegram.",
        "The army said it had encircled a town in the east after weeks of fighting, a claim that could not be independently verified.",
        "The war has displaced more than six million people, according to the United Nations refugee agency.",
        "Police said a 34-year-old man had been arrested on suspicion of assault after a fight outside a bar on Saturday night.",
        "The court sentenced the former mayor to five years in prison for accepting bribes; his lawyer said he would appeal.",
        "Shares of the company fell 8% in early trading after it cut its full-year forecast, citing weaker demand in Europe.",
        "Oil prices plunged more than 4% after the producer group signalled it would raise output from next month.",
        "The central bank left its key interest rate unchanged at 5.25%, in line with economists' expectations.",
        "The storm brought heavy rain and winds of up to 140 km per hour, knocking out power to about 200,000 homes.",
        "Firefighters battled the blaze for six hours before bringing it under control, the fire service said.",
        "Researchers said the trial showed the drug reduced the risk of hospitalisation by 30% compared with a placebo.",
        "The team won 3-1 on Sunday to move two points clear at the top of the table, with the striker scoring twice.",
        "The coach said the players had fought hard and he was proud of their effort despite the defeat.",
        "Parliament voted 312 to 280 to approve the budget, which includes new spending on defence and health care.",
        "The opposition leader criticised the plan, saying it would raise taxes on middle-income households.",
        "The European Union agreed on a new package of sanctions targeting banks and energy companies.",
        "The sanctions regime has been extended until the end of next year, the council said in a statement.",
        "The hackers used malicious software to encrypt files and demanded payment in cryptocurrency, investigators said.",
        "The trade war between the two largest economies has weighed on global growth, the IMF said in its outlook.",
        "The attack on the convoy killed three soldiers, the military said in a statement.",
        "The blockade of the port was lifted after the two sides reached a ceasefire agreement, the navy said.",
        "Critics say the export controls have accelerated China's efforts to develop its own chipmaking tools.",
        "The company's chief executive said the restrictions had failed to achieve their stated goal.",
        "Most of the victims were women and children, the health ministry said.",
        "The government launched a crackdown on illegal mining in the north, arresting 40 people.",
        "A spokesperson for the company declined to comment on the report.",
        "The team's manager was sacked after a run of seven defeats, the club announced on its website.",
        "Investigators are trying to find out why the plane lost contact with air traffic control.",
        "The car spun out of control on the icy road and hit a barrier, police said.",
        "Fans react after the late goal at Wembley Stadium.",
        "Gap Inc said sales at its Banana Republic brand fell 3% in the quarter.",
        "Attackers tried a brute-force attack on the passwords of about 2,000 accounts.",
        "Snakes, lizards and other cold-blooded reptiles are slow in cold weather.",
        "Journalists travelling into a war zone need protective equipment and insurance.",
        "The tribe says the pipeline would cross sacred land near the river.",
        "Both companies said they will pay $4 million to settle the claims.",
        "Investors will wait for it to report earnings before deciding, an analyst said.",
        "The case closed in 2019 without charges being filed.",
        "The deal is not even close to being finalised, two sources said.",
        "Few people know the mountains better than the park rangers.",
        "Ministers said rich countries must share the burden of climate finance.",
        "The band's hit follow-up album sold 2 million copies.",
        "Investigators want to get to the truth behind the crash.",
        "A cyclist was injured after being pulled under the bus at a junction.",
        "The U.S. lawmakers urged the administration to tighten rules on chip exports to China.",
        "Beijing said the restrictions violated international trade rules and harmed global supply chains.",
        "The export curbs target equipment used to make chips at 14 nanometres or below.",
        "The government imposed martial law after the coup attempt, state media reported.",
        // Literal senses kept out of the recall pass: a massive quake, blasts and a blast,
        // a storm that slammed into the coast, crushed by a tree, chaos on roads, a terror
        // attack, a hoax call, shrapnel that ripped into a building, free radicals, an
        // extremist group, the Monster brand, a real circus, a reactor meltdown, preaching
        // and lectures, a drone's whine, March Madness, a film title, reported anger and a
        // basketball press.
        "A massive earthquake struck off the coast on Friday, the geological survey said.",
        "Two blasts hit the capital overnight, and the blast destroyed two buildings near the port, police said.",
        "The hurricane slammed into the coast early on Monday, cutting power to 100,000 homes.",
        "A man was crushed by a falling tree during the storm.",
        "The storm caused chaos on the roads as hundreds of drivers were stranded.",
        "The terror attack killed 12 people, the interior ministry said.",
        "The bomb threat turned out to be a hoax, police said.",
        "Shrapnel ripped into the apartment block, the emergency service said.",
        "The cable was laid into a trench along the motorway.",
        "Free radicals are unstable molecules that can damage cells, the researchers said.",
        "The extremist group claimed responsibility for the bombing, according to a monitoring service.",
        "Monster Beverage Corp reported higher quarterly sales.",
        "The circus returned to the town for the first time in a decade.",
        "The reactor did not suffer a meltdown, the regulator said.",
        "The pastor will preach at the cathedral on Sunday, and a lecture on Roman history follows.",
        "The drone's engine made a loud whine as it passed overhead.",
        "March Madness tips off on Thursday with 68 teams.",
        "Knives Out topped the box office in its second weekend.",
        "Residents expressed anger as officials delayed the evacuation.",
        "The team used a full-court press in the final minutes.",
        "Rebels said government troops had crushed the uprising in the north.",
    ];
    for sentence in sentences {
        check(sentence, &[]);
    }
}

#[test]
fn known_trade_offs_with_literal_reports_are_still_flagged() {
    // "completely destroyed" and "strangled" are staples of hyperbolic and war-metaphor
    // commentary, so they stay, although a damage or crime report may mean them
    // literally. Readers of such reports can switch the rules off (see docs/rules.md);
    // this test pins the choice so that changing it is deliberate.
    check(
        "The bridge was completely destroyed by the flood.",
        &[("completely destroyed", "hyperbole-absolute")],
    );
    check(
        "Police said the victim had been strangled.",
        &[("strangled", "war-violence")],
    );
}

#[test]
fn common_emotive_words_are_flagged() {
    // Single evaluative words and the figurative forms of tabloid verbs, in new sentences.
    let emo = "emotional-appeal";
    let hyp = "hyperbole-absolute";
    let label = "name-calling-label";
    let sen = "sensational";
    check(
        "The minister's reckless plan will be a disastrous failure.",
        &[("reckless", emo), ("disastrous", hyp)],
    );
    check(
        "The brutal, cruel and shameful policy was senseless.",
        &[
            ("brutal", emo),
            ("cruel", emo),
            ("shameful", emo),
            ("senseless", emo),
        ],
    );
    check(
        "Critics slammed the decision as a publicity stunt.",
        &[("slammed the decision", sen), ("publicity stunt", label)],
    );
    check(
        "The senator blasted the plan and called the inquiry a total hoax.",
        &[("blasted the plan", sen), ("total hoax", label)],
    );
    check(
        "Stop whining and stop lecturing us about climate.",
        &[("whining", label), ("lecturing us", label)],
    );
    check(
        "The Kremlin regime keeps spreading pure propaganda.",
        &[("Kremlin regime", label), ("pure propaganda", label)],
    );
    check(
        "It was a nightmare for commuters, and the airport descended into chaos.",
        &[("nightmare", sen), ("descended into chaos", sen)],
    );
    check(
        "He is a monster, and a lazy one at that.",
        &[("is a monster", label), ("lazy", label)],
    );
    check(
        "The sanctimonious speech was utter rubbish.",
        &[("sanctimonious", label), ("utter rubbish", label)],
    );
    check(
        "The company will crush the competition with its new phone.",
        &[("crush the competition", "war-violence")],
    );
    check(
        "Taking that job would be political suicide.",
        &[("political suicide", "war-violence")],
    );
    check(
        "These people are animals, he told the rally.",
        &[("These people are animals", "us-vs-them")],
    );
    check(
        "Here's why the price of eggs keeps rising.",
        &[("Here's why", "clickbait")],
    );
    check(
        "What she said next left the room silent.",
        &[("What she said next", "clickbait")],
    );
    // Headline capitals match too.
    check(
        "RECKLESS AND DISGRACEFUL, SAYS MAYOR",
        &[("RECKLESS", emo), ("DISGRACEFUL", emo)],
    );
}
