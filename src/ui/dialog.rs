//! The in-page questions before the reader's work is replaced, and the list of
//! what an import could not place on the current text.

use std::rc::Rc;

use web_sys::{HtmlElement, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::state::Pending;
use crate::reanchor::Orphan;

#[derive(Properties, PartialEq, Clone)]
pub struct ConfirmDialogProps {
    pub pending: Pending,
    pub on_confirm: Callback<()>,
    pub on_apply: Callback<()>,
    pub on_cancel: Callback<()>,
    pub on_export: Callback<()>,
}

/// A modal question (role=dialog) with its buttons; Escape cancels, and focus
/// starts on the safe choice and stays inside until it is answered.
#[function_component]
pub fn ConfirmDialog(props: &ConfirmDialogProps) -> Html {
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(props.pending.clone(), move |_| {
            if let Some(button) = first.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let click = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                on_cancel.emit(());
            } else if event.key() == "Tab" {
                // Keep focus inside the dialog while it is open.
                let dialog = gloo::utils::document().get_element_by_id("confirm-dialog");
                let Some(dialog) = dialog else { return };
                let Ok(buttons) = dialog.query_selector_all("button") else {
                    return;
                };
                let count = buttons.length();
                if count == 0 {
                    return;
                }
                let active = gloo::utils::document().active_element();
                let first = buttons.item(0);
                let last = buttons.item(count - 1);
                let at = |node: &Option<web_sys::Node>| {
                    node.as_ref().zip(active.as_ref()).is_some_and(|(n, a)| {
                        let a: &web_sys::Node = a;
                        n.is_same_node(Some(a))
                    })
                };
                let wrap_to = if event.shift_key() && at(&first) {
                    last
                } else if !event.shift_key() && at(&last) {
                    first
                } else {
                    None
                };
                if let Some(node) = wrap_to {
                    event.prevent_default();
                    if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(node) {
                        let _ = element.focus();
                    }
                }
            }
        })
    };
    let (title, message, buttons) = match &props.pending {
        Pending::Open(_) => (
            "Replace your work?",
            "You have changes that are not exported (or a text in the box not analysed yet). Opening this article replaces them on screen; they stay one Undo away, but exporting first keeps them safe.",
            html! {
                <>
                    <button type="button" id="dialog-cancel" ref={first.clone()} onclick={click(&props.on_cancel)}>{ "Keep my work" }</button>
                    <button type="button" id="dialog-export" onclick={click(&props.on_export)}>{ "Export my work first" }</button>
                    <button type="button" id="dialog-confirm" class="danger" onclick={click(&props.on_confirm)}>{ "Replace it" }</button>
                </>
            },
        ),
        Pending::Import(_) => (
            "Replace your work with the file?",
            "The annotation file replaces your reviews, notes and answers on screen; they stay one Undo away, but exporting first keeps them safe.",
            html! {
                <>
                    <button type="button" id="dialog-cancel" ref={first.clone()} onclick={click(&props.on_cancel)}>{ "Keep my work" }</button>
                    <button type="button" id="dialog-export" onclick={click(&props.on_export)}>{ "Export my work first" }</button>
                    <button type="button" id="dialog-confirm" class="danger" onclick={click(&props.on_confirm)}>{ "Replace with the file" }</button>
                </>
            },
        ),
        Pending::ImportOtherText(_) => (
            "This file was made on a different text",
            "Apply its annotations to the text on screen (each is placed by its words; any that cannot be placed are listed, never dropped), or open the file's own text instead.",
            html! {
                <>
                    <button type="button" id="dialog-apply" class="primary" ref={first.clone()} onclick={click(&props.on_apply)}>{ "Apply to the current text" }</button>
                    <button type="button" id="dialog-own-text" onclick={click(&props.on_confirm)}>{ "Open the file's own text" }</button>
                    <button type="button" id="dialog-cancel" onclick={click(&props.on_cancel)}>{ "Cancel" }</button>
                </>
            },
        ),
    };
    html! {
        <div class="dialog-backdrop">
            <div
                id="confirm-dialog"
                class="dialog panel"
                role="dialog"
                aria-modal="true"
                aria-labelledby="dialog-title"
                aria-describedby="dialog-message"
                {onkeydown}
            >
                <h2 id="dialog-title">{ title }</h2>
                <p id="dialog-message">{ message }</p>
                <div class="form-actions">{ buttons }</div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct OrphansProps {
    pub orphans: Rc<Vec<Orphan>>,
    pub on_dismiss: Callback<()>,
}

/// What the import could not place on the current text, with the reader's words.
#[function_component]
pub fn OrphansPanel(props: &OrphansProps) -> Html {
    let on_dismiss = {
        let on_dismiss = props.on_dismiss.clone();
        Callback::from(move |_: MouseEvent| on_dismiss.emit(()))
    };
    let items = props.orphans.iter().map(|orphan| {
        html! {
            <li class="orphan">
                <span class="orphan-description">{ orphan.description.clone() }</span>
                if !orphan.quote.is_empty() {
                    <q class="orphan-quote">{ orphan.quote.clone() }</q>
                }
            </li>
        }
    });
    html! {
        <section id="orphans" class="panel orphans" role="status" aria-labelledby="orphans-heading">
            <h2 id="orphans-heading">
                { format!("{} annotation{} could not be placed on this text", props.orphans.len(), if props.orphans.len() == 1 { "" } else { "s" }) }
            </h2>
            <p class="muted">{ "Their words are no longer in the article. They are listed here so nothing is lost; the file itself is unchanged." }</p>
            <ul>{ for items }</ul>
            <button type="button" id="dismiss-orphans" onclick={on_dismiss}>{ "Close this list" }</button>
        </section>
    }
}
