//! The page: header, alert region, the article box or the analysed article with its panels.
//! Owns the one reducer and wires narrow callbacks to the child components.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, File, FocusEvent, KeyboardEvent, MouseEvent};
use yew::prelude::*;

use super::article_view::ArticleView;
use super::checklist::Checklist;
use super::compare_view::CompareView;
use super::details::Details;
use super::dialog::{ConfirmDialog, OrphansPanel};
use super::effects::{self, FileKind};
use super::export_import::ExportImport;
use super::findings_list::FindingsList;
use super::input::Input;
use super::language::LanguagePicker;
use super::legend::Legend;
use super::notes::{label_suggestions, NoteEditorPanel, NotesList};
use super::rules::SwitchedOffRules;
use super::segments::CharOffsets;
use super::state::{
    Action, AnswerChange, ComparisonView, Mode, State, BUSY_TEXT_BYTES, MAX_HIGHLIGHTS,
    MAX_TEXT_BYTES,
};
use crate::analysis::{Kind, Status};
use crate::article::Review;
use crate::SEED_ARTICLES;
use crate::{annotation, compare, report, share};

pub const TAGLINE: &str = "Sourcelight highlights loaded language, statistics and quotes in an article, and checks its sourcing — all in your browser; the text never leaves your machine.";

const EXPORT_FILE_NAME: &str = "sourcelight-annotations.json";
const REPORT_FILE_NAME: &str = "sourcelight-report.html";
const SUMMARY_FILE_NAME: &str = "sourcelight-summary.md";

/// How long after the last change the session is saved: typing a note saves
/// once it pauses, not on every key.
const AUTOSAVE_DELAY_MS: u32 = 250;

/// The state the page opens with: the saved session, then a share link in the
/// address (which asks first if it would replace unsaved work).
fn initial_state() -> State {
    let mut state = State {
        // Before the session, so everything analysed from here on leaves them out.
        disabled_rules: Rc::new(effects::load_disabled_rules()),
        ..State::default()
    };
    if let Some((article, draft, review, dirty)) = effects::load_session() {
        state = state.apply(Action::Restore {
            article: article.map(Box::new),
            draft: draft.into(),
            review,
            dirty,
        });
    }
    if let Some(fragment) = effects::share_fragment() {
        state = state.apply(shared_action(&fragment));
    }
    state
}

/// What a share link in the address asks for: its article, or a message.
fn shared_action(fragment: &str) -> Action {
    match share::decode(fragment) {
        Ok(article) => Action::OpenShared(Box::new(article)),
        Err(error) => Action::Fail(format!("Could not open the share link: {error}")),
    }
}

/// Is the event's target a text field, where Ctrl+Z belongs to the field itself?
fn in_text_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) =
        target.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
    else {
        return false;
    };
    match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("checkbox" | "radio" | "button" | "submit" | "file")
        ),
        _ => false,
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

/// Where a file came from decides what it may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileIntent {
    /// The "Open a file" picker: an article (any text file).
    OpenArticle,
    /// The "Import annotations" picker: an annotation file.
    Import,
    /// Dropped on the page: decided by its name and type.
    Drop,
}

type PendingRead = Rc<RefCell<Option<FileReader>>>;

/// Read a file and dispatch what it held: an article for the box, or an annotation file to import.
fn load_file(
    file: File,
    intent: FileIntent,
    dispatcher: UseReducerDispatcher<State>,
    pending: &PendingRead,
) {
    let name = file.name();
    let kind = match (intent, effects::classify(&file)) {
        (FileIntent::Import, _) => FileKind::Annotation,
        (FileIntent::OpenArticle, FileKind::Unsupported) => FileKind::Article { html: false },
        (_, kind) => kind,
    };
    let reader = match kind {
        FileKind::Unsupported => {
            dispatcher.dispatch(Action::Fail(format!(
                "Could not open {name}: Sourcelight opens articles as .txt, .md or .html files, and annotation files as .json."
            )));
            None
        }
        FileKind::Article { html } => effects::read_text(&file, move |result| match result {
            Ok(text) => {
                let text = if html {
                    super::html_text::html_to_text(&text).unwrap_or(text)
                } else {
                    text
                };
                // A byte-order mark is not part of the article.
                let text: Rc<str> = text.strip_prefix('\u{feff}').unwrap_or(&text).into();
                // The article opens analysed; a long one paints "Analysing…" first.
                if (BUSY_TEXT_BYTES..=MAX_TEXT_BYTES).contains(&text.len()) {
                    dispatcher.dispatch(Action::StartBusy);
                    gloo::timers::callback::Timeout::new(50, move || {
                        dispatcher.dispatch(Action::Open(text))
                    })
                    .forget();
                } else {
                    dispatcher.dispatch(Action::Open(text));
                }
            }
            Err(message) => {
                dispatcher.dispatch(Action::Fail(format!("Could not open {name}: {message}")))
            }
        }),
        FileKind::Annotation => effects::read_text(&file, move |result| {
            let action = match result {
                Ok(json) => match annotation::import(&json) {
                    Ok(article) => Action::ImportFile(Box::new(article)),
                    // Perhaps another tool's annotations, for the article on screen;
                    // the reducer knows what is on screen when the file arrives.
                    Err(error) => Action::ImportForeign {
                        json: json.into(),
                        failure: format!("Could not import {name}: {error}"),
                    },
                },
                Err(message) => Action::Fail(format!("Could not import {name}: {message}")),
            };
            dispatcher.dispatch(action);
        }),
    };
    // Replacing an earlier reader cancels it: the last file chosen wins.
    *pending.borrow_mut() = reader;
}

fn has_files(event: &DragEvent) -> bool {
    event.data_transfer().is_some_and(|transfer| {
        transfer
            .types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dispatcher = state.dispatcher();
    let pending_read: PendingRead = use_mut_ref(|| None);
    let compare_reads: Rc<RefCell<Vec<Option<FileReader>>>> = use_mut_ref(Vec::new);
    let dragging = use_state_eq(|| false);
    let caret_mode = use_state_eq(|| false);

    // A share link has been read into the state: take it out of the address, so
    // a reload shows the reader's own saved work. Links opened later (pasted into
    // the address bar of this tab) arrive as a hash change.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| {
            if effects::share_fragment().is_some() {
                effects::clear_fragment();
            }
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(fragment) = effects::share_fragment() {
                        dispatcher.dispatch(shared_action(&fragment));
                        effects::clear_fragment();
                    }
                });
            move || drop(listener)
        });
    }

    // Autosave: shortly after every change of the article, the box or the
    // screen. A refusal (storage full) is reported, never ignored; the state in
    // memory is untouched either way.
    {
        let timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        let (article, draft, review, dirty) = (
            state.article.clone(),
            state.draft.clone(),
            state.mode == Mode::Review,
            state.dirty,
        );
        let dispatcher = dispatcher.clone();
        let previous_error = state.save_error.clone();
        use_effect_with((state.revision, state.dirty), move |_| {
            *timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                AUTOSAVE_DELAY_MS,
                move || {
                    let json = effects::session_json(article.as_deref(), &draft, review, dirty);
                    let result = effects::save_session(&json).err();
                    if result != previous_error {
                        dispatcher.dispatch(Action::SaveResult(result));
                    }
                },
            ));
        });
    }

    // The switched-off rules are stored as soon as they change (a small entry of
    // its own). A refusal is reported like the autosave's; the rules stay off on
    // this page either way, and every later change of the work tries again.
    {
        let dispatcher = dispatcher.clone();
        let previous_error = state.rules_save_error.clone();
        let retry = state.rules_save_error.is_some().then_some(state.revision);
        use_effect_with((state.disabled_rules.clone(), retry), move |(rules, _)| {
            let result = effects::save_disabled_rules(rules).err();
            if result != previous_error {
                dispatcher.dispatch(Action::RulesSaveResult(result));
            }
        });
    }

    // Scroll a finding into view when an action asked for it (after the render that shows it).
    use_effect_with(state.reveal, |reveal| {
        if let Some(reveal) = reveal {
            effects::reveal_finding(reveal.finding);
        }
    });

    // When the screen changes, put keyboard focus where the reader continues:
    // the article's heading after analysis, the text box after "Edit text".
    {
        let first_render = use_mut_ref(|| true);
        use_effect_with(state.mode, move |mode| {
            if std::mem::replace(&mut *first_render.borrow_mut(), false) {
                return;
            }
            let id = match mode {
                Mode::Review => "review-heading",
                Mode::Input => "article-input",
            };
            if let Some(element) = gloo::utils::document().get_element_by_id(id) {
                if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element)
                {
                    let _ = element.focus();
                }
            }
        });
    }

    let offsets = use_memo(state.generation, {
        let article = state.article.clone();
        move |_| {
            Rc::new(CharOffsets::new(
                article.as_ref().map_or("", |a| a.text.as_str()),
            ))
        }
    });
    let visible = use_memo(
        (
            state.generation,
            state.hidden_kinds.clone(),
            state.item_filter.clone(),
            state.show_dismissed,
        ),
        {
            let state = state.clone();
            move |_| state.visible_findings()
        },
    );

    // Highlights shown in the text: the visible findings, up to the cap, in text order.
    let highlighted = use_memo(visible.clone(), |visible| {
        Rc::new(visible[..visible.len().min(MAX_HIGHLIGHTS)].to_vec())
    });

    let on_draft = use_callback(dispatcher.clone(), |text: String, d| {
        d.dispatch(Action::EditDraft(text.into()))
    });
    let on_seed = use_callback(dispatcher.clone(), |index: usize, d| {
        if let Some((_, text)) = SEED_ARTICLES.get(index) {
            d.dispatch(Action::Open((*text).into()));
        }
    });
    let on_analyse = use_callback((dispatcher.clone(), state.draft.len()), |(), (d, bytes)| {
        if (BUSY_TEXT_BYTES..=MAX_TEXT_BYTES).contains(bytes) {
            // Let the page paint "Analysing…" before the long synchronous analysis.
            d.dispatch(Action::StartBusy);
            let d = d.clone();
            gloo::timers::callback::Timeout::new(50, move || d.dispatch(Action::Analyse)).forget();
        } else {
            d.dispatch(Action::Analyse);
        }
    });
    let on_clear = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::ClearDraft));
    let on_language = use_callback(dispatcher.clone(), |choice, d| {
        d.dispatch(Action::ChooseLanguage(choice))
    });
    let on_edit_text = use_callback(dispatcher.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::EditText)
    });
    // Every selection asks to reveal its highlight; `reveal_finding` scrolls only
    // when the highlight is out of view (or under the details sheet on a phone).
    let on_select = use_callback(dispatcher.clone(), |finding: usize, d| {
        d.dispatch(Action::Select {
            finding,
            reveal: true,
        })
    });
    let on_close_details =
        use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::CloseDetails));
    let on_kind_visible = use_callback(dispatcher.clone(), |(kind, shown): (Kind, bool), d| {
        d.dispatch(Action::SetKindVisible(kind, shown))
    });
    let on_show_all = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::ShowAllFindings)
    });
    let on_show_item = use_callback(dispatcher.clone(), |id: String, d| {
        d.dispatch(Action::ShowItemFindings(id))
    });
    let on_answer = use_callback(
        dispatcher.clone(),
        |(item_id, change): (String, AnswerChange), d| {
            d.dispatch(Action::UpdateAnswer { item_id, change })
        },
    );
    let on_dismiss_error = use_callback(dispatcher.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::DismissError)
    });

    let on_open_file = {
        let (dispatcher, pending) = (dispatcher.clone(), pending_read.clone());
        Callback::from(move |file: File| {
            load_file(file, FileIntent::OpenArticle, dispatcher.clone(), &pending)
        })
    };
    let on_import = {
        let (dispatcher, pending) = (dispatcher.clone(), pending_read.clone());
        Callback::from(move |file: File| {
            load_file(file, FileIntent::Import, dispatcher.clone(), &pending)
        })
    };
    let on_export = {
        let (article, dispatcher) = (state.article.clone(), dispatcher.clone());
        Callback::from(move |()| {
            let Some(article) = &article else { return };
            let json = annotation::export(article);
            match effects::download(EXPORT_FILE_NAME, "application/ld+json", &json) {
                Ok(()) => dispatcher.dispatch(Action::Exported),
                Err(message) => {
                    dispatcher.dispatch(Action::Fail(format!("Could not export: {message}")))
                }
            }
        })
    };
    let download_report =
        |file: &'static str,
         mime: &'static str,
         make: fn(&crate::article::AnnotatedArticle) -> String| {
            let (article, dispatcher) = (state.article.clone(), dispatcher.clone());
            Callback::from(move |()| {
                let Some(article) = &article else { return };
                if let Err(message) = effects::download(file, mime, &make(article)) {
                    dispatcher.dispatch(Action::Fail(format!("Could not export: {message}")));
                }
            })
        };
    let on_export_html = download_report(REPORT_FILE_NAME, "text/html", report::html);
    let on_export_markdown = download_report(SUMMARY_FILE_NAME, "text/markdown", report::markdown);
    let on_share = {
        let (article, dispatcher) = (state.article.clone(), dispatcher.clone());
        Callback::from(move |()| {
            let Some(article) = &article else { return };
            match share::encode(article) {
                Ok(payload) => {
                    let link = format!("{}#{payload}", effects::address_without_fragment());
                    let dispatcher = dispatcher.clone();
                    let shown = link.clone();
                    effects::copy_to_clipboard(&link, move |copied| {
                        if copied {
                            dispatcher.dispatch(Action::ShareFallback(None));
                            dispatcher.dispatch(Action::SetStatus(Some(
                                "Share link copied: it holds the article and your annotations, and opens them in Sourcelight.".into(),
                            )));
                        } else {
                            dispatcher.dispatch(Action::ShareFallback(Some(shown)));
                        }
                    });
                }
                Err(error) => dispatcher.dispatch(Action::Fail(error.to_string())),
            }
        })
    };
    let on_compare = {
        let (dispatcher, reads) = (dispatcher.clone(), compare_reads.clone());
        Callback::from(move |files: Vec<File>| {
            if files.len() != 2 {
                dispatcher.dispatch(Action::Fail(format!(
                    "Pick exactly two annotation files to compare (you picked {}); hold Ctrl or Shift to pick the second.",
                    files.len()
                )));
                return;
            }
            type Read = Option<(String, Result<crate::article::AnnotatedArticle, String>)>;
            let results: Rc<RefCell<Vec<Read>>> = Rc::new(RefCell::new(vec![None, None]));
            let mut readers = Vec::new();
            for (slot, file) in files.iter().enumerate() {
                let (name, results, dispatcher) =
                    (file.name(), results.clone(), dispatcher.clone());
                readers.push(effects::read_text(file, move |result| {
                    let parsed = result
                        .and_then(|json| annotation::import(&json).map_err(|e| e.to_string()));
                    results.borrow_mut()[slot] = Some((name, parsed));
                    let done = results.borrow();
                    let (Some((name_a, a)), Some((name_b, b))) = (&done[0], &done[1]) else {
                        return;
                    };
                    let action = match (a, b) {
                        (Ok(a), Ok(b)) => Action::ShowComparison(Box::new(ComparisonView {
                            name_a: name_a.clone(),
                            name_b: name_b.clone(),
                            text_a: a.text.as_str().into(),
                            comparison: compare::compare(a, b),
                        })),
                        (Err(message), _) => {
                            Action::Fail(format!("Could not compare: {name_a}: {message}"))
                        }
                        (_, Err(message)) => {
                            Action::Fail(format!("Could not compare: {name_b}: {message}"))
                        }
                    };
                    dispatcher.dispatch(action);
                }));
            }
            *reads.borrow_mut() = readers;
        })
    };
    let on_close_compare = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::CloseComparison)
    });
    let on_undo = use_callback(dispatcher.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::Undo)
    });
    let on_redo = use_callback(dispatcher.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::Redo)
    });
    let on_review = use_callback(
        dispatcher.clone(),
        |(finding, review): (usize, Review), d| d.dispatch(Action::SetReview { finding, review }),
    );
    let on_change_kind = use_callback(
        dispatcher.clone(),
        |(finding, kind, status): (usize, Kind, Status), d| {
            d.dispatch(Action::ChangeKind {
                finding,
                kind,
                status,
            })
        },
    );
    // The finding (and its details) go away with its rule: focus moves to the
    // article's heading, where the reader continues, once the page has re-rendered.
    let on_switch_off = use_callback(dispatcher.clone(), |rule_id: String, d| {
        d.dispatch(Action::SwitchOffRule(rule_id));
        gloo::timers::callback::Timeout::new(0, || {
            if let Some(heading) = gloo::utils::document().get_element_by_id("review-heading") {
                if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
                {
                    let _ = heading.focus();
                }
            }
        })
        .forget();
    });
    let on_switch_on = use_callback(dispatcher.clone(), |rule_id: String, d| {
        d.dispatch(Action::SwitchOnRule(rule_id))
    });
    let on_switch_all_on = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::SwitchAllRulesOn)
    });
    let on_show_dismissed = use_callback(dispatcher.clone(), |show: bool, d| {
        d.dispatch(Action::SetShowDismissed(show))
    });
    // A note on the selected words; with nothing selected, on the focused
    // highlight's words, or else on the whole article.
    let on_add_note = {
        let (article, dispatcher) = (state.article.clone(), dispatcher.clone());
        Callback::from(move |()| {
            let Some(article) = &article else { return };
            let span = effects::article_selection(&article.text).or_else(|| {
                let focused = gloo::utils::document().active_element();
                let index = effects::finding_at(focused.map(Into::into))?;
                article.findings.get(index).map(|f| f.finding.span)
            });
            dispatcher.dispatch(Action::StartNote(span));
        })
    };
    let on_add_article_note = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::StartNote(None))
    });
    let on_edit_note = use_callback(dispatcher.clone(), |id: String, d| {
        d.dispatch(Action::EditNote(id))
    });
    let on_delete_note = use_callback(dispatcher.clone(), |id: String, d| {
        d.dispatch(Action::DeleteNote(id))
    });
    let on_save_note = use_callback(dispatcher.clone(), |(label, body): (String, String), d| {
        d.dispatch(Action::SaveNote { label, body })
    });
    let on_cancel_note = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::CloseNoteEditor)
    });
    let on_confirm_pending = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::ConfirmPending)
    });
    let on_apply_pending = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::ApplyImportToCurrent)
    });
    let on_cancel_pending = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::CancelPending)
    });
    let on_dismiss_orphans = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::DismissOrphans)
    });
    let on_close_share = use_callback(dispatcher.clone(), |_: MouseEvent, d| {
        d.dispatch(Action::ShareFallback(None))
    });
    let on_toggle_caret = {
        let caret_mode = caret_mode.clone();
        Callback::from(move |_: MouseEvent| caret_mode.set(!*caret_mode))
    };

    // Files dropped anywhere on the page. Only drags that carry files are taken
    // over; dragging text into the box keeps working as usual.
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if has_files(&event) {
                event.prevent_default();
                if let Some(transfer) = event.data_transfer() {
                    transfer.set_drop_effect("copy");
                }
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // The pointer left the window (not just moved between elements).
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let (dispatcher, pending, dragging) =
            (dispatcher.clone(), pending_read.clone(), dragging.clone());
        Callback::from(move |event: DragEvent| {
            dragging.set(false);
            if !has_files(&event) {
                return;
            }
            event.prevent_default();
            if let Some(file) = effects::first_file(event.data_transfer().and_then(|t| t.files())) {
                load_file(file, FileIntent::Drop, dispatcher.clone(), &pending);
            }
        })
    };

    // Escape closes the details wherever focus is; if it was inside them, it
    // returns to the highlight they were about.
    let onkeydown = {
        let (dispatcher, selected, editing_note, caret_mode) = (
            dispatcher.clone(),
            state.selected,
            state.note_editor.is_some(),
            caret_mode.clone(),
        );
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            if (event.ctrl_key() || event.meta_key()) && !event.alt_key() {
                // In a text field, Ctrl+Z undoes the typing there, as everywhere.
                if in_text_field(event.target()) {
                    return;
                }
                let action = match key.as_str() {
                    "z" | "Z" if event.shift_key() => Action::Redo,
                    "z" | "Z" => Action::Undo,
                    "y" | "Y" => Action::Redo,
                    _ => return,
                };
                event.prevent_default();
                dispatcher.dispatch(action);
                return;
            }
            if key != "Escape" {
                return;
            }
            if editing_note {
                dispatcher.dispatch(Action::CloseNoteEditor);
                return;
            }
            if *caret_mode {
                caret_mode.set(false);
                return;
            }
            let Some(finding) = selected else { return };
            let focus_was_in_details = effects::focus_is_inside("details");
            dispatcher.dispatch(Action::CloseDetails);
            if focus_was_in_details {
                effects::focus_finding(finding);
            }
        })
    };

    let detected = state
        .article
        .as_ref()
        .map(|a| (a.language, a.language_override));
    let language_picker = html! {
        <LanguagePicker choice={state.language_choice} detected={detected} on_change={on_language} />
    };
    let rules_menu = html! {
        <SwitchedOffRules
            disabled={state.disabled_rules.clone()}
            on_switch_on={on_switch_on}
            on_switch_all_on={on_switch_all_on}
        />
    };
    let export_import = html! {
        <ExportImport
            can_export={state.article.is_some()}
            on_export={on_export.clone()}
            on_import={on_import}
            {on_export_html}
            {on_export_markdown}
            {on_share}
            {on_compare}
        />
    };

    let body = match (state.mode, &state.article) {
        (Mode::Review, Some(article)) => {
            let details = state.selected.and_then(|index| {
                let finding = article.findings.get(index)?.clone();
                let position = visible.iter().position(|&i| i == index);
                let quoted = offsets.slice(&article.text, finding.finding.span.start, finding.finding.span.end).to_string();
                Some(html! {
                    <Details
                        index={index}
                        finding={finding}
                        quoted={quoted}
                        position={position.map(|p| p + 1)}
                        total={visible.len()}
                        previous={position.and_then(|p| p.checked_sub(1)).and_then(|p| visible.get(p).copied())}
                        next={position.and_then(|p| visible.get(p + 1).copied())}
                        on_close={on_close_details.clone()}
                        on_step={on_select.clone()}
                        on_review={on_review.clone()}
                        on_change_kind={on_change_kind.clone()}
                        on_switch_off={on_switch_off.clone()}
                    />
                })
            });
            html! {
                <>
                    <div class="toolbar" role="toolbar" aria-label="Article actions">
                        <button type="button" id="edit-text" onclick={on_edit_text}>{ "← Edit text" }</button>
                        <span class="history" role="group" aria-label="History">
                            <button type="button" id="undo" onclick={on_undo} disabled={state.undo.is_empty()} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">{ "↶ Undo" }</button>
                            <button type="button" id="redo" onclick={on_redo} disabled={state.redo.is_empty()} aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z or Ctrl+Y)">{ "↷ Redo" }</button>
                        </span>
                        { language_picker }
                        { rules_menu }
                        { export_import }
                    </div>
                    <div class="review">
                        <section class="article-column" aria-labelledby="review-heading">
                            <h2 id="review-heading" tabindex="-1">{ "The article, annotated" }</h2>
                            <Legend />
                            if let Some(filter) = &state.item_filter {
                                <p class="filter-banner" id="item-filter-banner">
                                    { format!("Highlighting only the {} findings behind “{}”. ", filter.findings.len(), filter.title) }
                                    <button type="button" class="show-all" onclick={on_show_all.reform(|_: MouseEvent| ())}>
                                        { "Show all findings" }
                                    </button>
                                </p>
                            }
                            if visible.len() > MAX_HIGHLIGHTS {
                                <p class="notice" id="highlight-cap" role="status">
                                    { format!(
                                        "This text has {} findings; the first {} in the text are highlighted. \
                                         The findings list and the checklist cover all of them; split the text to see every highlight.",
                                        visible.len(),
                                        MAX_HIGHLIGHTS
                                    ) }
                                </p>
                            }
                            if !state.orphans.is_empty() {
                                <OrphansPanel orphans={state.orphans.clone()} on_dismiss={on_dismiss_orphans.clone()} />
                            }
                            <div class="note-tools" role="toolbar" aria-label="Your notes">
                                <button
                                    type="button"
                                    id="add-note"
                                    aria-keyshortcuts="N"
                                    title="Add a note on the selected words (N in the article); with nothing selected, on the focused highlight or the whole article"
                                    onmousedown={Callback::from(|event: MouseEvent| event.prevent_default())}
                                    onclick={on_add_note.reform(|_: MouseEvent| ())}
                                >{ "✎ Add note (N)" }</button>
                                <button
                                    type="button"
                                    id="caret-mode"
                                    aria-pressed={if *caret_mode { "true" } else { "false" }}
                                    onclick={on_toggle_caret}
                                    title="Put a caret in the article: move with the arrows, select with Shift+arrows, N adds a note, Escape leaves"
                                >{ if *caret_mode { "Keyboard selection: on" } else { "Select with keyboard" } }</button>
                            </div>
                            <ArticleView
                                caret_mode={*caret_mode}
                                on_note_key={on_add_note.clone()}
                                on_open_note={on_edit_note.clone()}
                                article={article.clone()}
                                generation={state.generation}
                                offsets={(*offsets).clone()}
                                visible={(*highlighted).clone()}
                                selected={state.selected}
                                active={state.active}
                                on_select={on_select.clone()}
                            />
                        </section>
                        <aside class="panels" aria-label="Findings and checklist">
                            if let Some(editor) = &state.note_editor {
                                <NoteEditorPanel
                                    editor={editor.clone()}
                                    quoted={editor.span.map(|s| offsets.slice(&article.text, s.start, s.end).to_string()).unwrap_or_default()}
                                    suggestions={label_suggestions(article)}
                                    on_save={on_save_note.clone()}
                                    on_cancel={on_cancel_note.clone()}
                                    on_delete={on_delete_note.clone()}
                                />
                            }
                            {
                                details.unwrap_or_else(|| html! {
                                    <p class="details-hint panel">
                                        { "Select a highlight — click it, or Tab to the article and use the arrow keys — to see why it was flagged." }
                                    </p>
                                })
                            }
                            <div class="panel-scroll">
                                <FindingsList
                                    article={article.clone()}
                                    generation={state.generation}
                                    offsets={(*offsets).clone()}
                                    visible={visible.clone()}
                                    hidden_kinds={state.hidden_kinds.clone()}
                                    item_filter={state.item_filter.clone()}
                                    selected={state.selected}
                                    on_select={on_select.clone()}
                                    on_kind_visible={on_kind_visible}
                                    on_show_all={on_show_all.clone()}
                                    show_dismissed={state.show_dismissed}
                                    on_show_dismissed={on_show_dismissed}
                                />
                                <NotesList
                                    article={article.clone()}
                                    offsets={(*offsets).clone()}
                                    on_edit={on_edit_note.clone()}
                                    on_delete={on_delete_note.clone()}
                                    on_add={on_add_article_note}
                                />
                                <Checklist
                                    items={state.checklist.clone()}
                                    answers={article.answers.clone()}
                                    on_answer={on_answer}
                                    on_show_findings={on_show_item}
                                />
                            </div>
                        </aside>
                    </div>
                </>
            }
        }
        _ => html! {
            <Input
                draft={state.draft.clone()}
                busy={state.busy}
                on_draft={on_draft}
                on_seed={on_seed}
                on_open_file={on_open_file}
                on_analyse={on_analyse}
                on_clear={on_clear}
                language={html! { <>{ language_picker }{ rules_menu }</> }}
                export_import={export_import}
            />
        },
    };

    let body = match &state.comparison {
        Some(view) => html! {
            <CompareView view={view.clone()} text={view.text_a.clone()} on_close={on_close_compare} />
        },
        None => body,
    };
    let on_export_from_dialog = on_export.clone();

    html! {
        <div class={classes!("app", dragging.then_some("dragging"), state.selected.is_some().then_some("details-open"))} {ondragover} {ondragleave} {ondrop} {onkeydown}>
            <a class="skip-link" href="#main">{ "Skip to content" }</a>
            <header class="site-header">
                <h1>{ "Sourcelight" }</h1>
                <p class="tagline">{ TAGLINE }</p>
            </header>
            // The alert region is always in the page (an alert added together with
            // its text is not reliably announced) and holds only the message.
            <div class={classes!("error-region", state.error.is_some().then_some("has-error"))}>
                <p id="error" class="error-message" role="alert">
                    if let Some(message) = &state.error { { message } }
                </p>
                if state.error.is_some() {
                    <button type="button" class="dismiss" onclick={on_dismiss_error}>{ "Dismiss" }</button>
                }
            </div>
            // The autosave's status: a refusal stays on screen until a save works again.
            <p id="save-status" class={classes!("save-status", (state.save_error.is_some() || state.rules_save_error.is_some()).then_some("save-error"))} role="status">
                if let Some(message) = &state.save_error {
                    { message }
                } else if let Some(message) = &state.rules_save_error {
                    { message }
                } else if let Some(status) = &state.status {
                    { status }
                }
            </p>
            if let Some(link) = &state.share_fallback {
                <div id="share-fallback" class="panel share-fallback">
                    <label for="share-link">{ "The clipboard is not available here: copy this link by hand (select it and press Ctrl+C)." }</label>
                    <input id="share-link" type="text" readonly=true value={link.clone()} onfocus={Callback::from(|event: FocusEvent| {
                        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                        input.select();
                    })} />
                    <button type="button" onclick={on_close_share}>{ "Done" }</button>
                </div>
            }
            <main id="main">
                { body }
            </main>
            if let Some(pending) = &state.pending {
                <ConfirmDialog
                    pending={pending.clone()}
                    on_confirm={on_confirm_pending}
                    on_apply={on_apply_pending}
                    on_cancel={on_cancel_pending}
                    on_export={on_export_from_dialog}
                />
            }
            <footer class="site-footer">
                <p>
                    { "Drop a .txt, .md or .html article, or a Sourcelight .json annotation file, anywhere on the page. " }
                    { "Nothing is uploaded: analysis, import and export all happen on this page." }
                </p>
            </footer>
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">{ "Drop the file to open it" }</div>
            }
        </div>
    }
}
