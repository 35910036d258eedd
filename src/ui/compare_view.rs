//! Two annotation files of one article side by side: agreement per kind and
//! every difference (only in A, only in B, status differs), as plain headings,
//! tables and lists the keyboard and screen readers walk in order.

use web_sys::MouseEvent;
use yew::prelude::*;

use super::segments::shorten;
use super::state::ComparisonView;
use crate::article::{Review, ReviewedFinding};

fn percent(score: Option<f64>) -> String {
    match score {
        Some(score) => format!("{:.0}%", score * 100.0),
        None => "—".to_string(),
    }
}

fn describe(finding: &ReviewedFinding) -> String {
    let review = match &finding.review {
        Review::Unreviewed => String::new(),
        Review::Confirmed => " · confirmed".to_string(),
        Review::Rejected { reason } => format!(" · dismissed: {}", shorten(reason, 60)),
    };
    format!("{}{}", finding.finding.status.label(), review)
}

/// The text a finding covers, from the article it belongs to.
fn words(text: &str, finding: &ReviewedFinding) -> String {
    let span = finding.finding.span;
    let slice: String = text
        .chars()
        .skip(span.start)
        .take(span.end.saturating_sub(span.start))
        .collect();
    format!("“{}”", shorten(&slice, 80))
}

#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    pub view: std::rc::Rc<ComparisonView>,
    /// The text of A (B's spans are re-anchored onto it when the texts differ).
    pub text: std::rc::Rc<str>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn CompareView(props: &CompareProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.view.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let view = &props.view;
    let comparison = &view.comparison;
    let text = &props.text;
    let on_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let rows = comparison.kinds.iter().map(|k| {
        html! {
            <tr data-kind={k.kind.as_str()}>
                <th scope="row">{ k.kind.label() }</th>
                <td class="agreement">{ percent(k.agreement) }</td>
                <td>{ k.both.len() }</td>
                <td>{ k.only_a.len() }</td>
                <td>{ k.only_b.len() }</td>
                <td>{ k.both.len() - k.same_status }</td>
            </tr>
        }
    });
    let sections = comparison.kinds.iter().map(|k| {
        let only_a = k.only_a.iter().map(|f| html! {
            <li>{ words(text, f) }<span class="muted">{ format!(" — {}", describe(f)) }</span></li>
        });
        let only_b = k.only_b.iter().map(|f| html! {
            <li>{ words(text, f) }<span class="muted">{ format!(" — {}", describe(f)) }</span></li>
        });
        let differs = k.both.iter().filter(|m| !m.same_status()).map(|m| html! {
            <li>
                { words(text, &m.a) }
                { format!(" — A: {} · B: {}", describe(&m.a), describe(&m.b)) }
            </li>
        });
        let differs_count = k.both.len() - k.same_status;
        html! {
            <section class="compare-kind" data-kind={k.kind.as_str()} aria-labelledby={format!("compare-{}", k.kind.as_str())}>
                <h3 id={format!("compare-{}", k.kind.as_str())}>
                    { format!("{} — agreement {}", k.kind.label(), percent(k.agreement)) }
                </h3>
                <div class="compare-columns">
                    <div class="only-a">
                        <h4>{ format!("Only in A ({})", k.only_a.len()) }</h4>
                        if k.only_a.is_empty() { <p class="muted">{ "None." }</p> } else { <ul>{ for only_a }</ul> }
                    </div>
                    <div class="only-b">
                        <h4>{ format!("Only in B ({})", k.only_b.len()) }</h4>
                        if k.only_b.is_empty() { <p class="muted">{ "None." }</p> } else { <ul>{ for only_b }</ul> }
                    </div>
                </div>
                <div class="status-differs">
                    <h4>{ format!("In both, status differs ({differs_count})") }</h4>
                    if differs_count == 0 { <p class="muted">{ "None." }</p> } else { <ul>{ for differs }</ul> }
                </div>
            </section>
        }
    });
    let differing: Vec<_> = comparison
        .answers
        .iter()
        .filter(|a| !a.same_answer() || a.a.note != a.b.note)
        .collect();
    let answers = differing.iter().map(|a| html! {
        <li>{ format!("{}: A {} · B {}", a.item_id, a.a.answer.as_str(), a.b.answer.as_str()) }</li>
    });
    let notes = comparison.notes.iter().map(|label| html! {
        <li>{ format!("“{}”: {} in both, {} only in A, {} only in B (agreement {})", label.label, label.both.len(), label.only_a.len(), label.only_b.len(), percent(label.agreement)) }</li>
    });
    html! {
        <section id="compare" class="panel compare" aria-labelledby="compare-heading">
            <div class="details-head">
                <h2 id="compare-heading" tabindex="-1" ref={heading}>{ "Comparing two annotation files" }</h2>
                <button type="button" id="close-compare" onclick={on_close}>{ "Close comparison" }</button>
            </div>
            <p>
                <strong>{ "A: " }</strong>{ view.name_a.clone() }{ " · " }
                <strong>{ "B: " }</strong>{ view.name_b.clone() }
            </p>
            if !comparison.same_text {
                <p class="notice">{ format!("The two files were made on different texts: B's annotations were placed on A's text by their words ({} could not be placed).", comparison.b_orphans.len()) }</p>
            }
            <p id="overall-agreement">{ format!("Overall agreement: {}", percent(comparison.overall_agreement)) }</p>
            <table class="compare-table">
                <caption>{ "Agreement per kind (Dice coefficient of matching findings)" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Kind" }</th>
                        <th scope="col">{ "Agreement" }</th>
                        <th scope="col">{ "In both" }</th>
                        <th scope="col">{ "Only A" }</th>
                        <th scope="col">{ "Only B" }</th>
                        <th scope="col">{ "Status differs" }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
            { for sections }
            if !comparison.notes.is_empty() {
                <h3>{ "Readers' notes" }</h3>
                <ul>{ for notes }</ul>
            }
            <h3>{ "Checklist answers that differ" }</h3>
            if differing.is_empty() {
                <p class="muted">{ "None." }</p>
            } else {
                <ul>{ for answers }</ul>
            }
        </section>
    }
}
