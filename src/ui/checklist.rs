//! The sourcing checklist: automatic checks (pass or warning, shown by icon and
//! word, with the findings behind them) and the reader's SIFT moves, each with an
//! answer and a note. Each change goes out as one field (`AnswerChange`), merged
//! into the stored answer by the reducer.

use std::rc::Rc;

use web_sys::{Event, HtmlTextAreaElement, InputEvent, MouseEvent};
use yew::prelude::*;

use super::state::AnswerChange;
use crate::analysis::{ChecklistItem, ItemState, MANUAL_ITEMS};
use crate::article::{Answer, ChecklistAnswer};

#[derive(Properties, PartialEq, Clone)]
pub struct ChecklistProps {
    pub items: Rc<Vec<ChecklistItem>>,
    pub answers: Vec<ChecklistAnswer>,
    /// (item id, what changed)
    pub on_answer: Callback<(String, AnswerChange)>,
    /// Show the findings behind an automatic item (by item id).
    pub on_show_findings: Callback<String>,
}

fn current(answers: &[ChecklistAnswer], item_id: &str) -> ChecklistAnswer {
    answers
        .iter()
        .find(|a| a.item_id == item_id)
        .cloned()
        .unwrap_or_else(|| ChecklistAnswer {
            item_id: item_id.to_string(),
            ..Default::default()
        })
}

/// The note box of an item; typing sends the answer with the new note.
fn note_box(
    answer: &ChecklistAnswer,
    label: &str,
    on_answer: &Callback<(String, AnswerChange)>,
) -> Html {
    let id = format!("note-{}", answer.item_id);
    let oninput = {
        let (item_id, on_answer) = (answer.item_id.clone(), on_answer.clone());
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_answer.emit((item_id.clone(), AnswerChange::Note(area.value())));
        })
    };
    html! {
        <div class="note">
            <label for={id.clone()}>{ label.to_string() }</label>
            <textarea
                id={id}
                data-note={answer.item_id.clone()}
                rows="2"
                value={answer.note.clone()}
                {oninput}
            />
        </div>
    }
}

fn automatic_item(item: &ChecklistItem, answer: ChecklistAnswer, props: &ChecklistProps) -> Html {
    let (icon, word) = match item.state {
        ItemState::Pass => ("✓", "Pass"),
        ItemState::Warn => ("⚠", "Warning"),
    };
    let show = (!item.findings.is_empty()).then(|| {
        let (on_show, id) = (props.on_show_findings.clone(), item.id.to_string());
        let onclick = Callback::from(move |_: MouseEvent| on_show.emit(id.clone()));
        html! {
            <button type="button" class="show-findings" data-show-findings={item.id} {onclick}>
                { format!("Show findings ({})", item.findings.len()) }
            </button>
        }
    });
    let evidence = (!item.evidence.is_empty()).then(|| {
        html! {
            <ul class="evidence" aria-label="Found in the text">
                { for item.evidence.iter().map(|e| html! { <li>{ e.clone() }</li> }) }
            </ul>
        }
    });
    html! {
        <li class="check-item automatic" data-item={item.id} data-state={item.state.as_str()}>
            <div class="check-head">
                <span class="state-badge" data-state={item.state.as_str()}>
                    <span aria-hidden="true">{ icon }</span>{ " " }{ word }
                </span>
                <h4>{ item.title }</h4>
                <span class="count" title="Count">{ item.count }</span>
            </div>
            <p class="summary">{ item.summary.clone() }</p>
            { for evidence }
            { for show }
            { note_box(&answer, "Your note", &props.on_answer) }
        </li>
    }
}

fn manual_item(
    id: &'static str,
    title: &'static str,
    prompt: &'static str,
    answer: ChecklistAnswer,
    props: &ChecklistProps,
) -> Html {
    let name = format!("answer-{id}");
    let choices = [(Answer::Yes, "Yes"), (Answer::No, "No"), (Answer::Unsure, "Unsure")].map(|(choice, word)| {
        let onchange = {
            let on_answer = props.on_answer.clone();
            Callback::from(move |_: Event| on_answer.emit((id.to_string(), AnswerChange::Answer(choice))))
        };
        html! {
            <label class="choice">
                <input type="radio" name={name.clone()} value={choice.as_str()} checked={answer.answer == choice} {onchange} />
                { word }
            </label>
        }
    });
    html! {
        <li class="check-item manual" data-item={id} data-answer={answer.answer.as_str()}>
            <h4>{ title }</h4>
            <p class="prompt">{ prompt }</p>
            <fieldset class="answer">
                <legend>{ format!("Done “{title}”?") }</legend>
                { for choices }
            </fieldset>
            { note_box(&answer, "What you found", &props.on_answer) }
        </li>
    }
}

#[function_component]
pub fn Checklist(props: &ChecklistProps) -> Html {
    let answered = MANUAL_ITEMS
        .iter()
        .filter(|m| current(&props.answers, m.id).answer != Answer::Unanswered)
        .count();
    let warnings = props
        .items
        .iter()
        .filter(|i| i.state == ItemState::Warn)
        .count();
    html! {
        <section id="checklist" class="panel" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">{ "Sourcing checklist" }</h2>
            <h3>{ "Automatic checks" }<span class="muted">{ format!(" — {warnings} of {} need attention", props.items.len()) }</span></h3>
            <ul class="check-items">
                { for props.items.iter().map(|item| automatic_item(item, current(&props.answers, item.id), props)) }
            </ul>
            <h3>{ "Your checks (SIFT)" }<span class="muted">{ format!(" — {answered} of {} answered", MANUAL_ITEMS.len()) }</span></h3>
            <p class="hint">
                { "Four moves from Mike Caulfield’s SIFT method. They need a look outside this article; note what you found." }
            </p>
            <ul class="check-items">
                { for MANUAL_ITEMS.iter().map(|m| manual_item(m.id, m.title, m.prompt, current(&props.answers, m.id), props)) }
            </ul>
        </section>
    }
}
