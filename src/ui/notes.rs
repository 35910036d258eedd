//! The reader's own notes: the editor (label with suggestions, free text) and
//! the "Your notes" list with edit and delete.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlTextAreaElement, MouseEvent, SubmitEvent};
use yew::prelude::*;

use super::segments::{shorten, CharOffsets};
use super::state::NoteEditor;
use crate::analysis::Kind;
use crate::article::AnnotatedArticle;

/// The labels offered while typing one: the built-in kinds, then the reader's own tags.
pub fn label_suggestions(article: &AnnotatedArticle) -> Vec<String> {
    let mut labels: Vec<String> = Kind::ALL.iter().map(|k| k.as_str().to_string()).collect();
    for note in &article.notes {
        if !labels.contains(&note.label) {
            labels.push(note.label.clone());
        }
    }
    labels
}

#[derive(Properties, PartialEq, Clone)]
pub struct NoteEditorProps {
    pub editor: NoteEditor,
    /// The words the note is about (empty for the whole article).
    pub quoted: String,
    pub suggestions: Vec<String>,
    pub on_save: Callback<(String, String)>,
    pub on_cancel: Callback<()>,
    pub on_delete: Callback<String>,
}

#[function_component]
pub fn NoteEditorPanel(props: &NoteEditorProps) -> Html {
    let label_ref = use_node_ref();
    let body_ref = use_node_ref();
    {
        // The label takes focus when the editor opens, so the keyboard continues there.
        let label_ref = label_ref.clone();
        use_effect_with(props.editor.clone(), move |_| {
            if let Some(input) = label_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let onsubmit = {
        let (label_ref, body_ref, on_save) =
            (label_ref.clone(), body_ref.clone(), props.on_save.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let label = label_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let body = body_ref
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            on_save.emit((label, body));
        })
    };
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let on_delete = props.editor.id.clone().map(|id| {
        let on_delete = props.on_delete.clone();
        Callback::from(move |_: MouseEvent| on_delete.emit(id.clone()))
    });
    let suggestions = props
        .suggestions
        .iter()
        .map(|label| html! { <option value={label.clone()} /> });
    let heading = if props.editor.id.is_some() {
        "Edit your note"
    } else {
        "New note"
    };
    html! {
        <section id="note-editor" class="panel note-editor" aria-labelledby="note-editor-heading">
            <h2 id="note-editor-heading">{ heading }</h2>
            if props.quoted.is_empty() {
                <p class="muted">{ "On the whole article." }</p>
            } else {
                <blockquote class="finding-text" id="note-quote">{ props.quoted.clone() }</blockquote>
            }
            <form {onsubmit}>
                <label for="note-label">{ "Label — a kind or your own tag" }</label>
                <input
                    id="note-label"
                    type="text"
                    list="note-labels"
                    ref={label_ref}
                    value={props.editor.label.clone()}
                    autocomplete="off"
                    placeholder="loaded-language, statistic, quote, or your tag"
                />
                <datalist id="note-labels">{ for suggestions }</datalist>
                <label for="note-body">{ "Note" }</label>
                <textarea id="note-body" rows="3" ref={body_ref} value={props.editor.body.clone()} />
                <div class="form-actions">
                    <button type="submit" id="note-save" class="primary">{ "Save note" }</button>
                    <button type="button" id="note-cancel" onclick={on_cancel}>{ "Cancel" }</button>
                    if let Some(on_delete) = on_delete {
                        <button type="button" id="note-delete" class="danger" onclick={on_delete}>{ "Delete note" }</button>
                    }
                </div>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct NotesListProps {
    pub article: Rc<AnnotatedArticle>,
    pub offsets: Rc<CharOffsets>,
    pub on_edit: Callback<String>,
    pub on_delete: Callback<String>,
    pub on_add: Callback<()>,
}

#[function_component]
pub fn NotesList(props: &NotesListProps) -> Html {
    let article = &props.article;
    let entries = article.notes.iter().map(|note| {
        let quoted = match note.span {
            Some(span) => format!(
                "“{}”",
                shorten(props.offsets.slice(&article.text, span.start, span.end), 80)
            ),
            None => "The whole article".to_string(),
        };
        let (on_edit, on_delete) = (props.on_edit.clone(), props.on_delete.clone());
        let (edit_id, delete_id) = (note.id.clone(), note.id.clone());
        html! {
            <li key={note.id.clone()} class="note-entry" data-note={note.id.clone()}>
                <span class="note-label">{ note.label.clone() }</span>
                <span class="entry-text">{ quoted }</span>
                if !note.body.is_empty() {
                    <span class="note-body">{ note.body.clone() }</span>
                }
                <span class="note-actions">
                    <button type="button" class="note-edit" aria-label={format!("Edit note {}", note.label)}
                        onclick={Callback::from(move |_: MouseEvent| on_edit.emit(edit_id.clone()))}>{ "Edit" }</button>
                    <button type="button" class="note-delete" aria-label={format!("Delete note {}", note.label)}
                        onclick={Callback::from(move |_: MouseEvent| on_delete.emit(delete_id.clone()))}>{ "Delete" }</button>
                </span>
            </li>
        }
    });
    let on_add = {
        let on_add = props.on_add.clone();
        Callback::from(move |_: MouseEvent| on_add.emit(()))
    };
    html! {
        <section id="notes-list" class="panel" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{ "Your notes " }<span class="count">{ article.notes.len() }</span></h2>
            if article.notes.is_empty() {
                <p class="muted">{ "Select words in the article (mouse, or “Select with keyboard” and Shift+arrows) and press N or “Add note”." }</p>
            } else {
                <ul class="entries">{ for entries }</ul>
            }
            <button type="button" class="add-article-note" onclick={on_add}>{ "Add a note on the whole article" }</button>
        </section>
    }
}
