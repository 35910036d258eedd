//! "Switched-off rules": the rules the reader turned off, what each one flags, and
//! a button to switch each (or all) back on. A disclosure beside the language
//! select, so it is one Tab and Enter away on both screens.

use std::rc::Rc;

use web_sys::{HtmlElement, MouseEvent};
use yew::prelude::*;

use crate::rules::{category_name, RuleSet};

#[derive(Properties, PartialEq, Clone)]
pub struct SwitchedOffRulesProps {
    pub disabled: Rc<Vec<String>>,
    pub on_switch_on: Callback<String>,
    pub on_switch_all_on: Callback<()>,
}

/// What a statistic or quote rule flags, for a reader who no longer sees it.
fn non_loaded_description(id: &str) -> Option<String> {
    let what = match id {
        "stat.count" => "counts (so many people, cases, items)",
        "stat.percent" => "percentages",
        "stat.multiplier" => "multipliers (so many times more or less)",
        "stat.ranking" => "rankings (first, largest, top)",
        "stat.money" => "amounts of money",
        "stat.growth" => "rises and falls",
        "stat.measure" => "measurements (durations, temperatures, performance figures)",
        "quote.direct" => "direct quotes and who said them",
        "quote.echo" => "short quotes that repeat an earlier speaker's words",
        "quote.reported" => "reported speech (X said that …) and who said it",
        "quote.unattributed" => "quotes with no speaker",
        "quote.scare" => "scare quotes",
        "quote.scare.so-called" => "scare quotes after “so-called”",
        _ => {
            let slug = id.strip_prefix("quote.vague.")?;
            return Some(format!(
                "Quotes: speech attributed only to a vague “{}”.",
                slug.replace('-', " ")
            ));
        }
    };
    let kind = if id.starts_with("stat.") {
        "Statistics"
    } else {
        "Quotes"
    };
    Some(format!("{kind}: {what}."))
}

/// One line about what switching off `entry` hides.
pub fn describe(entry: &str) -> String {
    let rules = RuleSet::builtin();
    if let Some(rule) = rules.rules.iter().find(|r| r.id == entry) {
        let category = category_name(&rule.category);
        let mut chars = category.chars();
        let category: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        return format!("{category}: {}", rule.explanation);
    }
    non_loaded_description(entry)
        .unwrap_or_else(|| format!("Every rule whose id starts with “{entry}.”"))
}

#[function_component]
pub fn SwitchedOffRules(props: &SwitchedOffRulesProps) -> Html {
    let summary = use_node_ref();
    // The button pressed disappears with its rule: focus goes back to the
    // disclosure's summary, which stays, rather than to the page's start.
    let focus_summary = {
        let summary = summary.clone();
        move || {
            if let Some(summary) = summary.cast::<HtmlElement>() {
                let _ = summary.focus();
            }
        }
    };
    let items = props.disabled.iter().map(|id| {
        let on_switch_on = props.on_switch_on.clone();
        let focus_summary = focus_summary.clone();
        let rule = id.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_switch_on.emit(rule.clone());
            focus_summary();
        });
        html! {
            <li class="switched-off-rule" data-rule={id.clone()} key={id.clone()}>
                <code class="rule-id">{ id.clone() }</code>
                <p class="rule-about">{ describe(id) }</p>
                <button
                    type="button"
                    class="switch-on"
                    data-rule={id.clone()}
                    aria-label={format!("Switch back on rule {id}")}
                    {onclick}
                >{ "Switch back on" }</button>
            </li>
        }
    });
    let on_all = {
        let on_switch_all_on = props.on_switch_all_on.clone();
        let focus_summary = focus_summary.clone();
        Callback::from(move |_: MouseEvent| {
            on_switch_all_on.emit(());
            focus_summary();
        })
    };
    let count = props.disabled.len();
    html! {
        <details id="switched-off-rules" class="rules-menu">
            <summary ref={summary} id="switched-off-rules-summary">
                { "Switched-off rules" }
                <span class="count" data-count={count.to_string()}>{ count }</span>
            </summary>
            <div class="rules-panel" role="group" aria-labelledby="switched-off-rules-summary">
                <p class="hint">
                    { "Rules switched off here flag nothing in any article you analyse in this browser. \
                       To switch one off, open one of its findings and choose “Switch off rule”." }
                </p>
                if count == 0 {
                    <p class="no-rules">{ "No rules are switched off." }</p>
                } else {
                    <ul class="switched-off-list">{ for items }</ul>
                    if count > 1 {
                        <button type="button" id="switch-all-on" onclick={on_all}>{ "Switch all back on" }</button>
                    }
                }
            </div>
        </details>
    }
}
