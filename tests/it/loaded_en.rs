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

#[test]
fn everyday_loaded_vocabulary_of_political_news_is_flagged() {
    // The third recall pass: single words and short phrases that carry a verdict in
    // nearly every news use, in new sentences.
    let label = "name-calling-label";
    let emo = "emotional-appeal";
    let hyp = "hyperbole-absolute";
    let sen = "sensational";
    let war = "war-violence";
    let us = "us-vs-them";
    check(
        "The so-called reform leaves renters worse off.",
        &[("so-called", label)],
    );
    check(
        "The senator slammed the idea as reckless.",
        &[("slammed the idea", sen), ("reckless", emo)],
    );
    check(
        "Every budget season they declare war on our farmers.",
        &[("declare war on", war)],
    );
    check(
        "Washington's chip containment has not stopped the industry.",
        &[("chip containment", war)],
    );
    check(
        "The minister grovelled to donors and then bent the knee to the party bosses.",
        &[("grovelled", label), ("bent the knee", label)],
    );
    check(
        "It is a rigged system run by crooked insiders.",
        &[("rigged system", label), ("crooked", label)],
    );
    check(
        "The mainstream media ignored the story, and the doubters said the rocket would never fly.",
        &[("mainstream media", label), ("doubters", label)],
    );
    check(
        "Drug cheats should be banned for life.",
        &[("Drug cheats", label)],
    );
    check(
        "Some commentators still whine about the tariffs and preach free markets.",
        &[("whine about", label), ("preach free markets", label)],
    );
    check(
        "The pundit was accused of peddling lies and parroting Kremlin propaganda.",
        &[
            ("peddling lies", label),
            ("parroting", label),
            ("Kremlin propaganda", label),
        ],
    );
    check(
        "Critics call the emergency decree a power grab, and appeasement will not stop it.",
        &[("power grab", label), ("appeasement", label)],
    );
    check(
        "It was a grisly scene after a bloody weekend.",
        &[("grisly", sen), ("bloody", sen)],
    );
    check(
        "Families are terrified after the horror stabbing.",
        &[("terrified", emo), ("horror stabbing", sen)],
    );
    check(
        "The horrible truth is that the policy is terrible.",
        &[("horrible", emo), ("terrible", emo)],
    );
    check(
        "Critics say the merger will decimate local newspapers.",
        &[("decimate", hyp)],
    );
    check(
        "The bill would crush small businesses, and rivals smell blood.",
        &[("crush small businesses", war), ("smell blood", war)],
    );
    check(
        "Invaders are pouring in, he told the rally, and politicians warned of no-go zones.",
        &[("Invaders", us), ("no-go zones", us)],
    );
    check(
        "Share this article if you agree!",
        &[("Share this article", "clickbait")],
    );
}

#[test]
fn bare_words_added_later_do_not_displace_the_longer_phrases() {
    // "so-called" on its own is a rule now, but the longer phrase starting at the same
    // place still wins, and so does a clickbait hook that starts earlier.
    check_rule(
        "The so-called experts were wrong again.",
        "so-called experts",
        "en.name-calling-label.so-called",
    );
    check_rule(
        "What the mainstream media won't tell you about rents",
        "mainstream media won't tell you",
        "en.clickbait.media-wont-tell-you",
    );
    check_rule(
        "The markets suffered a complete meltdown.",
        "complete meltdown",
        "en.sensational.meltdown",
    );
}

#[test]
fn wildcards_of_the_third_pass_match_inflections() {
    for (text, rule_id) in [
        ("vilified", "en.name-calling-label.vilify"),
        ("demonising", "en.name-calling-label.demonize"),
        ("naysayers", "en.name-calling-label.doubters"),
        ("scapegoated", "en.name-calling-label.scapegoat"),
        ("profiteering", "en.name-calling-label.profiteers"),
        ("greenwashing", "en.name-calling-label.greenwash"),
        ("jingoistic", "en.name-calling-label.jingoism"),
        ("obstructionists", "en.name-calling-label.obstructionist"),
    ] {
        check_rule(
            &format!("They called it {text} in the debate."),
            text,
            rule_id,
        );
    }
}

#[test]
fn neutral_courts_weather_sport_markets_disasters_and_war_reports_stay_quiet() {
    // Literal or standard uses next to the words the third recall pass added or chose to
    // leave alone: snowflakes and flooding across a border, a sellout crowd and the
    // Patriots, silly point, a crowd crush, containment lines, a naval blockade, a
    // surrender, a hoax call, history (war declared in 1939, a torpedoed ship, the
    // Crusades, the Nazi regime, post- and anti-fascists, Stalinist-era blocks), sport
    // (a whitewash, the Renegades, Craven Cottage, a shakedown), medicine (paranoid
    // schizophrenia, MSM, inbred mice), "terror as a tactic", a whale washed up and a
    // fire that gutted a warehouse.
    let sentences = [
        "The Supreme Court heard arguments on Tuesday in a case over whether states may regulate social media platforms, with a ruling expected by June.",
        "A jury in Manchester found the 41-year-old defendant not guilty of fraud after a three-week trial, the Crown Prosecution Service said.",
        "The judge adjourned the hearing until March after defence lawyers asked for more time to review phone records.",
        "The appeals court upheld the conviction of a former bank manager for stealing $2.3 million from elderly customers.",
        "Prosecutors said the man had been jailed for perverting the course of justice after lying to police about who was driving.",
        "He was sentenced to 12 years for the killing, which the judge described as unprovoked.",
        "The Bureau of Meteorology said a cold front would bring snowflakes to the Alps above 1,500 metres on Thursday.",
        "Firefighters said the wildfire was 40% contained by Sunday evening and crews were strengthening containment lines on its northern edge.",
        "Flooding across the border region forced 3,000 people from their homes, and the river is expected to peak on Friday.",
        "A swarm of bees delayed the start of the cricket match at Edgbaston by 20 minutes.",
        "Forecasters said the storm would slam into the Gulf Coast late on Wednesday with winds of up to 150 km per hour.",
        "The New England Patriots beat the Buffalo Bills 24-17 in front of a sellout crowd of 65,000.",
        "Snowflake Inc shares rose 6% after the data company raised its annual revenue forecast.",
        "The batsman was caught at silly point in the final over of the day.",
        "The striker limped off with a hamstring injury in the first half and will miss Saturday's game.",
        "The champion won in straight sets to reach her fourth consecutive final.",
        "The Federal Reserve held interest rates steady and said inflation had eased but remained above its 2% target.",
        "The S&P 500 fell 1.2% as technology shares slid after weaker-than-expected earnings from chipmakers.",
        "Brent crude rose 3% after the producer group agreed to extend output cuts into the second quarter.",
        "The company said it would cut 1,200 jobs as part of a restructuring plan announced on Monday.",
        "The earthquake destroyed more than 400 homes and killed at least 37 people, the civil defence agency said.",
        "The crowd crush at the stadium gate left 12 people injured, and police have opened an investigation.",
        "Rescue teams searched the rubble for survivors after the building collapsed in the early hours.",
        "Health officials said the plague case in a rural county was the first recorded in the state in five years.",
        "The ministry said its forces had repelled an attack near the town and that 14 soldiers had been wounded.",
        "The navy said a blockade of the port remained in place and that two cargo ships had been turned away.",
        "About 200 fighters surrendered to government troops after the town was encircled, the army said.",
        "Fighter jets were scrambled to intercept two aircraft that had entered the country's air defence zone.",
        "The bomb threat that closed the school turned out to be a hoax call, police said.",
        "The Crown said the accused had been radicalised online before the attack, which left two people injured.",
        "The museum's new exhibition traces the history of the Crusades and the kingdoms founded in the Levant.",
        "Historians said the letters shed light on daily life under the Nazi regime and the Soviet occupation that followed.",
        "The president said the sanctions regime would stay in force until the government released the detained journalists.",
        "Researchers bred inbred mice to study how the gene affects memory.",
        "The new tax regime for small businesses takes effect in April, the finance ministry said.",
        "Scientists said the vaccine's side effects were mild and that most volunteers reported only a sore arm.",
        "The virus spread quickly through the care home, and 11 residents have died since the outbreak began.",
        "Officials said the dam was holding but warned residents downstream to prepare to evacuate.",
        "The union said members had voted 78% in favour of strike action over pay.",
        "The mayor said the city would spend $40 million repairing roads damaged by the winter freeze.",
        "Protesters marched peacefully through the capital, and police reported no arrests.",
        "The minister said the government would publish its response to the inquiry's findings next month.",
        "Aid agencies said food supplies were running low in the camp, which houses about 80,000 people.",
        "Lawmakers approved the bill by a vote of 52 to 48, sending it to the president's desk.",
        "Police said the driver had been traveling at more than twice the speed limit when the car hit a tree.",
        "The airline said the flight was diverted after a passenger fell ill and was treated by paramedics on landing.",
        "The court ruled that the dismissal of the nurse had been unfair and awarded her compensation.",
        "Shares of the mining company tumbled 9% after it cut its production guidance for the year.",
        "The two sides agreed to a ceasefire that will take effect at midnight, mediators said.",
        "The coach praised his players' resilience after they came from two goals down to draw.",
        "Britain declared war on Germany on 3 September 1939, two days after the invasion of Poland.",
        "The wreck of a cargo ship torpedoed in 1917 was found off the Irish coast, marine archaeologists said.",
        "Giorgia Meloni's Brothers of Italy, a party with post-fascist roots, won the most votes in Sunday's election.",
        "Anti-fascist protesters and far-right marchers were kept apart by police in the city centre.",
        "England suffered a 5-0 whitewash in the Test series after losing the final match by an innings.",
        "The Melbourne Renegades beat the Sydney Sixers by six wickets in the Big Bash League.",
        "Fulham drew 1-1 with Everton at Craven Cottage on Saturday.",
        "Ferrari completed a shakedown of its new car at Fiorano ahead of pre-season testing.",
        "The court heard that the defendant had been diagnosed with paranoid schizophrenia.",
        "The clinic offers free HIV testing for MSM and other groups at higher risk.",
        "The central bank said external forces such as energy prices were driving inflation.",
        "Analysts said the group had long used terror as a tactic to control territory.",
        "A dead whale washed up on the beach near the harbour, and marine biologists have taken samples.",
        "The Stalinist-era apartment blocks are due to be demolished under the city's renewal plan.",
        "Farmers in the region still use slash-and-burn methods to clear land for planting.",
        "The ruling changes nothing for existing customers, the regulator said.",
        "The fire gutted a warehouse on the industrial estate overnight, but no one was hurt.",
        "The agency said the phone call was a hoax and that no device was found.",
        "The film, a remake of the 1950s horror classic, opened at number one at the box office.",
        "Villagers said the floods had ruined their crops for the second year in a row.",
        "The minister said the country would not surrender territory in any peace deal.",
        "Zoo keepers said the animal was recovering after surgery on its paw.",
        "Officials said the outbreak had been contained and no new cases were reported.",
        "The tanker was seized by coast guard officers in international waters, the government said.",
    ];
    for sentence in sentences {
        check(sentence, &[]);
    }
}
