//! The page: header, alert region, the article box or the analysed article with its panels.
//! Owns the one reducer and wires narrow callbacks to the child components.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, File, KeyboardEvent};
use yew::prelude::*;

use super::article_view::ArticleView;
use super::checklist::Checklist;
use super::details::Details;
use super::effects::{self, FileKind};
use super::export_import::ExportImport;
use super::findings_list::FindingsList;
use super::input::Input;
use super::language::LanguagePicker;
use super::legend::Legend;
use super::segments::CharOffsets;
use super::state::{
    Action, AnswerChange, Mode, State, BUSY_TEXT_BYTES, MAX_HIGHLIGHTS, MAX_TEXT_BYTES,
};
use crate::analysis::Kind;
use crate::annotation;
use crate::SEED_ARTICLES;

pub const TAGLINE: &str = "Sourcelight highlights loaded language, statistics and quotes in an article, and checks its sourcing — all in your browser; the text never leaves your machine.";

const EXPORT_FILE_NAME: &str = "sourcelight-annotations.json";

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
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                dispatcher.dispatch(Action::LoadDraft(text.into()));
            }
            Err(message) => {
                dispatcher.dispatch(Action::Fail(format!("Could not open {name}: {message}")))
            }
        }),
        FileKind::Annotation => effects::read_text(&file, move |result| {
            let action = match result
                .and_then(|json| annotation::import(&json).map_err(|e| e.to_string()))
            {
                Ok(article) => Action::Import(Box::new(article)),
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
    let state = use_reducer(State::default);
    let dispatcher = state.dispatcher();
    let pending_read: PendingRead = use_mut_ref(|| None);
    let dragging = use_state_eq(|| false);

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
            d.dispatch(Action::LoadDraft((*text).into()));
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
            if let Err(message) = effects::download(EXPORT_FILE_NAME, "application/ld+json", &json)
            {
                dispatcher.dispatch(Action::Fail(format!("Could not export: {message}")));
            }
        })
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
        let (dispatcher, selected) = (dispatcher.clone(), state.selected);
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" {
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
    let export_import = html! {
        <ExportImport can_export={state.article.is_some()} on_export={on_export} on_import={on_import} />
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
                    />
                })
            });
            html! {
                <>
                    <div class="toolbar" role="toolbar" aria-label="Article actions">
                        <button type="button" id="edit-text" onclick={on_edit_text}>{ "← Edit text" }</button>
                        { language_picker }
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
                            <ArticleView
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
                language={language_picker}
                export_import={export_import}
            />
        },
    };

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
            <main id="main">
                { body }
            </main>
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
