//! The article box: paste or type, open a local file, try an example, analyse.
//!
//! Pasting rich text (HTML on the clipboard) keeps its paragraphs: the HTML is
//! reduced to plain text (see `html_text`) and inserted at the cursor.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{
    ClipboardEvent, Event, File, HtmlInputElement, HtmlTextAreaElement, InputEvent, KeyboardEvent,
    MouseEvent,
};
use yew::prelude::*;

use super::effects;
use super::html_text::html_to_text;
use super::state::size_message;
use crate::SEED_ARTICLES;

#[derive(Properties, PartialEq, Clone)]
pub struct InputProps {
    pub draft: Rc<str>,
    /// A long analysis is about to run.
    pub busy: bool,
    pub on_draft: Callback<String>,
    pub on_seed: Callback<usize>,
    pub on_open_file: Callback<File>,
    pub on_analyse: Callback<()>,
    pub on_clear: Callback<()>,
    /// The language select, placed beside the Analyse button.
    pub language: Html,
    pub export_import: Html,
}

/// Accepted by the "Open a file" picker (drag and drop takes the same).
pub const ARTICLE_FILE_TYPES: &str = ".txt,.md,.html,.htm,text/plain,text/markdown,text/html";

#[function_component]
pub fn Input(props: &InputProps) -> Html {
    let oninput = {
        let on_draft = props.on_draft.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_draft.emit(area.value());
        })
    };
    let onpaste = {
        let on_draft = props.on_draft.clone();
        Callback::from(move |event: Event| {
            let Some(event) = event.dyn_ref::<ClipboardEvent>() else {
                return;
            };
            let Some(data) = event.clipboard_data() else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            if html.trim().is_empty() {
                return; // Plain text: the browser pastes it as it is.
            }
            let Some(text) = html_to_text(&html).filter(|t| !t.trim().is_empty()) else {
                return;
            };
            event.prevent_default();
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            if area
                .set_range_text_with_start_and_end(&text, start, end)
                .is_ok()
            {
                // Selection offsets count UTF-16 units, as the DOM does.
                let caret = start + text.encode_utf16().count() as u32;
                let _ = area.set_selection_range(caret, caret);
            }
            on_draft.emit(area.value());
        })
    };
    let onkeydown = {
        let on_analyse = props.on_analyse.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                on_analyse.emit(());
            }
        })
    };
    let on_file_change = {
        let on_open_file = props.on_open_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = effects::first_file(input.files()) {
                on_open_file.emit(file);
            }
            // Let the same file be chosen again later.
            input.set_value("");
        })
    };
    let on_analyse = {
        let on_analyse = props.on_analyse.clone();
        Callback::from(move |_: MouseEvent| on_analyse.emit(()))
    };
    let on_clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| on_clear.emit(()))
    };
    let examples = SEED_ARTICLES.iter().enumerate().map(|(index, (title, _))| {
        let on_seed = props.on_seed.clone();
        html! {
            <li>
                <button type="button" class="seed" data-seed={index.to_string()} onclick={Callback::from(move |_: MouseEvent| on_seed.emit(index))}>
                    { *title }
                </button>
            </li>
        }
    });
    let too_big = size_message(props.draft.len());

    html! {
        <section class="input-panel" aria-labelledby="input-heading">
            <h2 id="input-heading">{ "Your article" }</h2>
            <label for="article-input" class="input-label">
                { "Article text — paste it, type it, open a file, or drop one on the page" }
            </label>
            <textarea
                id="article-input"
                rows="16"
                spellcheck="false"
                placeholder="Paste the article here…"
                aria-describedby="input-help size-notice"
                value={props.draft.clone()}
                {oninput}
                {onpaste}
                {onkeydown}
            />
            <p id="input-help" class="hint">
                { "Plain text, Markdown or HTML; rich text pasted from a web page keeps its paragraphs. Ctrl+Enter analyses. Up to 2 MB at a time." }
            </p>
            <p id="size-notice" class="notice" role="status">
                if let Some(message) = too_big { { message } }
            </p>
            <div class="input-actions">
                <label class="file-button">
                    { "Open a file…" }
                    <input id="file-input" type="file" class="file-input" accept={ARTICLE_FILE_TYPES} onchange={on_file_change} />
                </label>
                { props.language.clone() }
                <button type="button" id="clear" onclick={on_clear} disabled={props.draft.is_empty()}>{ "Clear" }</button>
                <button type="button" id="analyse" class="primary" onclick={on_analyse} aria-busy={props.busy.then_some("true")}>
                    { if props.busy { "Analysing…" } else { "Analyse" } }
                </button>
            </div>
            <div class="examples">
                <h3 id="examples-heading">{ "Try an example" }</h3>
                <ul aria-labelledby="examples-heading">{ for examples }</ul>
            </div>
            <div class="input-import">
                <h3>{ "Continue earlier work" }</h3>
                { props.export_import.clone() }
            </div>
        </section>
    }
}
