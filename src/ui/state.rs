//! The page's state and the one place it changes: a typed [`Action`] applied by the pure [`State::apply`].
//!
//! No web crates here, so the reducer is tested natively. Side effects (reading
//! files, downloads, scrolling, focus) happen in the components' callbacks and
//! effects; the reducer only records what they produced or asked for.

use std::rc::Rc;

use crate::analysis::{
    entry_covers, ChecklistItem, Detail, Kind, Language, Options, QuoteForm, Span, Status,
};
use crate::annotation::foreign::import_foreign;
use crate::article::{AnnotatedArticle, Answer, Note, Review, ReviewedFinding};
use crate::compare::Comparison;
use crate::reanchor::{reanchor_article, Orphan};

/// The largest text analysed at once, in UTF-8 bytes (2 MB, decimal). Analysis is
/// linear, but the page has to lay out every highlight of the text: two megabytes
/// (about a 300,000-word book) stays responsive, ten does not.
pub const MAX_TEXT_BYTES: usize = 2_000_000;

/// Texts above this size are analysed after the page has painted an "Analysing…"
/// state, so the reader sees that something is happening.
pub const BUSY_TEXT_BYTES: usize = 200_000;

/// The most findings highlighted in the text at once. Past this, laying out the
/// highlights takes the browser many seconds (a dense 2 MB text can have 100,000
/// findings); the list and the checklist still cover every finding, and the page
/// says that only the first ones in the text are highlighted.
pub const MAX_HIGHLIGHTS: usize = 20_000;

/// Undo keeps this many earlier versions of the article: enough for a session of
/// reviewing, bounded so a long session cannot fill the memory.
pub const MAX_UNDO: usize = 100;

/// …and at most about this many bytes of article text across the kept versions:
/// each version holds its own copy of the text, so a 2 MB article keeps about 30.
pub const MAX_UNDO_BYTES: usize = 64_000_000;

/// Which screen the reader is on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The article box.
    #[default]
    Input,
    /// The analysed article with its panels.
    Review,
}

/// "Show findings" of a checklist item: the list and the highlights narrow to these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemFilter {
    pub item_id: String,
    pub title: String,
    pub findings: Rc<Vec<usize>>,
}

/// A request to scroll a highlight into view after the next render. `seq` makes a
/// repeated request for the same finding a new request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reveal {
    pub finding: usize,
    pub seq: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub mode: Mode,
    /// The text in the article box.
    pub draft: Rc<str>,
    /// The language the reader chose; `None` detects it.
    pub language_choice: Option<Language>,
    /// The analysed (or imported) article, with the reader's answers.
    pub article: Option<Rc<AnnotatedArticle>>,
    /// The automatic checklist of `article`, computed when its findings change.
    pub checklist: Rc<Vec<ChecklistItem>>,
    /// Bumped whenever the article's text or findings change (not its answers), so
    /// views of the text can skip re-rendering when only an answer changed.
    pub generation: u64,
    /// The finding whose details are open.
    pub selected: Option<usize>,
    /// The highlight that takes keyboard focus (roving tab stop).
    pub active: Option<usize>,
    /// Kinds whose highlights and list entries are hidden.
    pub hidden_kinds: Vec<Kind>,
    pub item_filter: Option<ItemFilter>,
    pub reveal: Option<Reveal>,
    /// Shown in the alert region.
    pub error: Option<String>,
    /// A big text is waiting to be analysed.
    pub busy: bool,
    /// Earlier versions of the work, most recent last (bounded by [`MAX_UNDO`]).
    pub undo: Vec<Version>,
    /// Versions undone, most recent last; cleared by any new change.
    pub redo: Vec<Version>,
    /// Consecutive edits of one text field (a checklist note typed key by key)
    /// share one undo step: this names the field of the last step.
    pub last_edit: Option<String>,
    /// The reader changed the article since it was loaded or last exported.
    pub dirty: bool,
    /// Dismissed findings are listed and highlighted (struck through) too.
    pub show_dismissed: bool,
    /// A replacement of the reader's work waiting for the reader's answer.
    pub pending: Option<Pending>,
    /// What an import onto the current text could not place.
    pub orphans: Rc<Vec<Orphan>>,
    /// The note being written or edited.
    pub note_editor: Option<NoteEditor>,
    /// Two annotation files side by side.
    pub comparison: Option<Rc<ComparisonView>>,
    /// Why the work could not be saved in the browser (storage full…); `None` when saved.
    pub save_error: Option<String>,
    /// A polite status message ("Link copied").
    pub status: Option<String>,
    /// A share link the clipboard refused, shown for copying by hand.
    pub share_fallback: Option<String>,
    /// Bumped whenever the article or the draft changes: the autosave watches it.
    pub revision: u64,
    /// Rule ids the reader switched off: every analysis leaves their findings out.
    /// Kept in the browser apart from the session, so they apply to every article.
    pub disabled_rules: Rc<Vec<String>>,
    /// Why the switched-off rules could not be stored in the browser; `None` when stored.
    pub rules_save_error: Option<String>,
}

/// One step of the undo history: the article, and the rules switched off with it,
/// so undoing a switch-off brings both the rule and its findings back.
#[derive(Clone, Debug, PartialEq)]
pub struct Version {
    pub article: Rc<AnnotatedArticle>,
    pub disabled_rules: Rc<Vec<String>>,
}

/// A change that would replace the reader's work, waiting for the reader's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Open this text (an example or a file) and analyse it.
    Open(Rc<str>),
    /// Replace the article with this annotation file (same text, or nothing on screen).
    Import(Rc<AnnotatedArticle>),
    /// An annotation file made on a different text than the article on screen:
    /// apply it to the current text, or open the file's own text.
    ImportOtherText(Rc<AnnotatedArticle>),
}

/// The note editor's subject: a new note on `span`, or the existing note `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteEditor {
    pub id: Option<String>,
    pub span: Option<Span>,
    pub label: String,
    pub body: String,
}

/// A comparison and the names of the two files compared.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonView {
    pub name_a: String,
    pub name_b: String,
    /// A's text: the comparison's spans point into it.
    pub text_a: Rc<str>,
    pub comparison: Comparison,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The reader typed or pasted in the article box.
    EditDraft(Rc<str>),
    /// Replace the box's text (an example or an opened file) and show the box.
    LoadDraft(Rc<str>),
    /// Show "Analysing…" before a long analysis.
    StartBusy,
    /// Analyse the box's text.
    Analyse,
    /// The language select changed; re-analyses the article on screen.
    ChooseLanguage(Option<Language>),
    /// Back to the article box, text kept.
    EditText,
    /// Empty the article box.
    ClearDraft,
    /// Open the details of a finding; `reveal` also scrolls its highlight into view.
    Select {
        finding: usize,
        reveal: bool,
    },
    CloseDetails,
    SetKindVisible(Kind, bool),
    /// Narrow the findings to those behind a checklist item.
    ShowItemFindings(String),
    ShowAllFindings,
    /// The reader answered a checklist item or edited its note. Each change
    /// touches one field, merged into the stored answer here: a note typed right
    /// after a click must not carry a stale copy of the answer, nor the reverse.
    UpdateAnswer {
        item_id: String,
        change: AnswerChange,
    },
    /// An annotation file was read: it replaces everything.
    Import(Box<AnnotatedArticle>),
    Fail(String),
    DismissError,
    /// Open a text (an example, a file) and analyse it at once; asks first when
    /// that would replace unsaved work.
    Open(Rc<str>),
    /// An annotation file was read: imported at once, or after a question when it
    /// would replace unsaved work or was made on a different text.
    ImportFile(Box<AnnotatedArticle>),
    /// A file `annotation::import` refused (`failure` is its message): if an article
    /// is open, read it as another tool's W3C annotations placed on the current text
    /// (undoable, orphans listed); otherwise, or if that fails too, show `failure`.
    ImportForeign {
        json: Rc<str>,
        failure: String,
    },
    /// A share link's article: opened at once, or after a question when it would
    /// replace unsaved work. It opens with its own text (it is the sender's state).
    OpenShared(Box<AnnotatedArticle>),
    /// The reader answered the pending question with "yes, replace" (for a file
    /// on another text: "open the file's own text").
    ConfirmPending,
    /// Apply the pending annotation file to the text on screen (re-anchoring).
    ApplyImportToCurrent,
    CancelPending,
    DismissOrphans,
    /// Confirm, dismiss (with a reason) or un-review a finding.
    SetReview {
        finding: usize,
        review: Review,
    },
    /// The reader re-classified a finding. A status not valid for the kind is
    /// replaced by the kind's first valid one.
    ChangeKind {
        finding: usize,
        kind: Kind,
        status: Status,
    },
    SetShowDismissed(bool),
    /// Open the note editor for a new note on `span` (`None`: the whole article).
    StartNote(Option<Span>),
    /// Open the note editor on an existing note.
    EditNote(String),
    CloseNoteEditor,
    /// Save the editor's note (new or edited).
    SaveNote {
        label: String,
        body: String,
    },
    DeleteNote(String),
    Undo,
    Redo,
    /// The saved session found on start-up (or a share link's article).
    Restore {
        article: Option<Box<AnnotatedArticle>>,
        draft: Rc<str>,
        review: bool,
        dirty: bool,
    },
    /// The autosave failed (`Some(message)`) or succeeded.
    SaveResult(Option<String>),
    /// The annotation file (or a share link) was made: the work is safe elsewhere.
    Exported,
    ShowComparison(Box<ComparisonView>),
    CloseComparison,
    SetStatus(Option<String>),
    ShareFallback(Option<String>),
    /// Switch a rule off: its findings leave the article (one undo step) and
    /// later analyses leave it out.
    SwitchOffRule(String),
    /// Switch a rule back on: the current text is analysed again and only that
    /// rule's findings are added back; every review, note and answer stays.
    SwitchOnRule(String),
    SwitchAllRulesOn,
    /// Storing the switched-off rules failed (`Some(message)`) or succeeded.
    RulesSaveResult(Option<String>),
}

/// One field of a checklist answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerChange {
    Answer(Answer),
    Note(String),
}

/// The switched-off rules as stored in the browser: a JSON array of rule ids.
pub fn disabled_rules_json(rules: &[String]) -> String {
    serde_json::Value::from(rules.to_vec()).to_string()
}

/// The switched-off rules read back from the browser. Entries that switch off no
/// built-in rule (a rule removed since, or a damaged entry) and repeats are left
/// out; anything but an array of strings reads as none switched off.
pub fn parse_disabled_rules(json: &str) -> Vec<String> {
    let rules = crate::rules::RuleSet::builtin();
    let Ok(serde_json::Value::Array(items)) = serde_json::from_str(json) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if let Some(entry) = item.as_str().map(str::trim) {
            if crate::analysis::is_known_rule_entry(entry, rules) && !out.iter().any(|e| e == entry)
            {
                out.push(entry.to_string());
            }
        }
    }
    out
}

/// "1 finding", "3 findings".
fn findings(n: usize) -> String {
    format!("{n} finding{}", if n == 1 { "" } else { "s" })
}

/// The first status valid for `kind` (what a re-classified finding starts with).
pub fn first_status(kind: Kind) -> Status {
    Status::ALL
        .into_iter()
        .find(|s| s.valid_for(kind))
        .unwrap_or(Status::AuthorWording)
}

/// Kind-specific facts for a finding the reader re-classified: none known yet.
fn empty_detail(kind: Kind) -> Detail {
    match kind {
        Kind::LoadedLanguage => Detail::Loaded {
            category: "reader".to_string(),
            alternative: String::new(),
        },
        Kind::Statistic => Detail::Statistic { source: None },
        Kind::Quote => Detail::Quote {
            form: QuoteForm::Direct,
            speaker: None,
            cue: None,
        },
    }
}

/// A note id not used yet: "note-N" past the highest N in use.
pub fn next_note_id(notes: &[Note]) -> String {
    let highest = notes
        .iter()
        .filter_map(|n| n.id.strip_prefix("note-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let mut n = highest + 1;
    while notes.iter().any(|note| note.id == format!("note-{n}")) {
        n += 1;
    }
    format!("note-{n}")
}

/// The message for a text too big to analyse, or `None` if it fits.
pub fn size_message(bytes: usize) -> Option<String> {
    (bytes > MAX_TEXT_BYTES).then(|| {
        format!(
            "This text is {}; Sourcelight analyses up to {} at a time — split it into parts and analyse them one by one.",
            megabytes(bytes),
            megabytes(MAX_TEXT_BYTES)
        )
    })
}

/// "10.3 MB" (decimal megabytes, one decimal unless whole).
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 500_000) / 1_000_000;
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

impl State {
    /// Apply one action. Pure: the same state and action always give the same result.
    pub fn apply(self, action: Action) -> State {
        let article_before = self.article.clone();
        let draft_before = self.draft.clone();
        let mode_before = self.mode;
        let mut next = self.apply_inner(action);
        let same_article = match (&article_before, &next.article) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same_article || !Rc::ptr_eq(&draft_before, &next.draft) || mode_before != next.mode {
            next.revision += 1;
        }
        next
    }

    fn apply_inner(mut self, action: Action) -> State {
        match action {
            Action::EditDraft(text) => {
                self.draft = text;
                self.error = None;
            }
            Action::LoadDraft(text) => {
                self.draft = text;
                self.mode = Mode::Input;
                self.error = None;
                self.busy = false;
            }
            Action::StartBusy => self.busy = true,
            Action::Analyse => {
                self.busy = false;
                if self.draft.trim().is_empty() {
                    self.error = Some(
                        "There is no text to analyse yet: paste an article, open a file or try an example.".into(),
                    );
                } else if let Some(message) = size_message(self.draft.len()) {
                    self.error = Some(message);
                } else {
                    let text = self.draft.clone();
                    self.analyse(&text);
                    self.mode = Mode::Review;
                }
            }
            Action::ChooseLanguage(choice) => {
                self.language_choice = choice;
                if self.mode == Mode::Review {
                    if let Some(article) = self.article.clone() {
                        self.analyse(&article.text);
                    }
                }
            }
            Action::EditText => {
                if let Some(article) = &self.article {
                    if self.mode == Mode::Review && *self.draft != *article.text {
                        self.draft = article.text.as_str().into();
                    }
                }
                self.mode = Mode::Input;
                self.selected = None;
                self.busy = false;
            }
            Action::ClearDraft => {
                self.draft = "".into();
                self.error = None;
            }
            Action::Select { finding, reveal } => {
                if self
                    .article
                    .as_ref()
                    .is_some_and(|a| finding < a.findings.len())
                {
                    self.selected = Some(finding);
                    self.active = Some(finding);
                    if reveal {
                        let seq = self.reveal.map_or(0, |r| r.seq + 1);
                        self.reveal = Some(Reveal { finding, seq });
                    }
                }
            }
            Action::CloseDetails => self.selected = None,
            Action::SetKindVisible(kind, visible) => {
                self.hidden_kinds.retain(|k| *k != kind);
                if !visible {
                    self.hidden_kinds.push(kind);
                    self.hidden_kinds.sort();
                    if self.selected.is_some_and(|i| self.kind_of(i) == Some(kind)) {
                        self.selected = None;
                    }
                }
            }
            Action::ShowItemFindings(item_id) => {
                if let Some(item) = self.checklist.iter().find(|item| item.id == item_id) {
                    let findings = item.findings.clone();
                    // The reader asked for these findings: show them even if their kind was hidden.
                    let kinds: Vec<Kind> =
                        findings.iter().filter_map(|&i| self.kind_of(i)).collect();
                    self.hidden_kinds.retain(|k| !kinds.contains(k));
                    self.item_filter = Some(ItemFilter {
                        item_id,
                        title: item.title.to_string(),
                        findings: Rc::new(findings.clone()),
                    });
                    match findings.first() {
                        Some(&first) => {
                            return self.apply(Action::Select {
                                finding: first,
                                reveal: true,
                            });
                        }
                        None => self.selected = None,
                    }
                }
            }
            Action::ShowAllFindings => self.item_filter = None,
            Action::UpdateAnswer { item_id, change } => {
                // A note typed key by key is one undo step; a click on an answer is one too.
                let key = match &change {
                    AnswerChange::Answer(_) => None,
                    AnswerChange::Note(_) => Some(format!("answer-note:{item_id}")),
                };
                self.edit_article(key, false, |article| {
                    let mut answer = article.answer(&item_id);
                    match change {
                        AnswerChange::Answer(choice) => answer.answer = choice,
                        AnswerChange::Note(note) => answer.note = note,
                    }
                    article.set_answer(answer);
                });
            }
            Action::Import(article) => {
                if let Some(message) = size_message(article.text.len()) {
                    self.error = Some(message);
                    return self;
                }
                self.language_choice = article.language_override.then_some(article.language);
                self.draft = article.text.as_str().into();
                self.set_article(*article);
                self.mode = Mode::Review;
                self.error = None;
            }
            Action::Fail(message) => {
                self.error = Some(message);
                self.busy = false;
            }
            Action::DismissError => self.error = None,
            Action::Open(text) => {
                if self.would_lose_work(Some(&text)) {
                    self.pending = Some(Pending::Open(text));
                } else {
                    return self.open(text);
                }
            }
            Action::ImportFile(article) => {
                if let Some(message) = size_message(article.text.len()) {
                    self.error = Some(message);
                    return self;
                }
                let other_text = self
                    .article
                    .as_ref()
                    .is_some_and(|current| current.text != article.text);
                if other_text {
                    self.pending = Some(Pending::ImportOtherText(Rc::new(*article)));
                } else if self.would_lose_work(None) {
                    self.pending = Some(Pending::Import(Rc::new(*article)));
                } else {
                    return self.apply_inner(Action::Import(article));
                }
            }
            Action::ImportForeign { json, failure } => {
                let placed = self
                    .article
                    .as_ref()
                    .and_then(|current| import_foreign(&json, &current.text).ok());
                match placed {
                    Some((mut article, orphans)) => {
                        // The findings are a fresh analysis of the text on screen, not
                        // the file's: the rules switched off stay off.
                        article.findings.retain(|f| {
                            !crate::analysis::rule_is_disabled(
                                &f.finding.rule_id,
                                &self.disabled_rules,
                            )
                        });
                        self = self.apply_inner(Action::Import(Box::new(article)));
                        self.orphans = Rc::new(orphans);
                    }
                    None => return self.apply_inner(Action::Fail(failure)),
                }
            }
            Action::OpenShared(article) => {
                if self.would_lose_work(None) {
                    self.pending = Some(Pending::Import(Rc::new(*article)));
                } else {
                    return self.apply_inner(Action::Import(article));
                }
            }
            Action::ConfirmPending => match self.pending.take() {
                Some(Pending::Open(text)) => return self.open(text),
                Some(Pending::Import(article) | Pending::ImportOtherText(article)) => {
                    return self
                        .apply_inner(Action::Import(Box::new(Rc::unwrap_or_clone(article))));
                }
                None => {}
            },
            Action::ApplyImportToCurrent => {
                if let (Some(Pending::ImportOtherText(imported)), Some(current)) =
                    (self.pending.take(), self.article.clone())
                {
                    let (placed, orphans) = reanchor_article(&imported, &current.text);
                    self = self.apply_inner(Action::Import(Box::new(placed)));
                    self.orphans = Rc::new(orphans);
                }
            }
            Action::CancelPending => self.pending = None,
            Action::DismissOrphans => self.orphans = Rc::new(Vec::new()),
            Action::SetReview { finding, review } => {
                if self.has_finding(finding) {
                    self.edit_article(None, true, |article| {
                        article.findings[finding].review = review;
                    });
                }
            }
            Action::ChangeKind {
                finding,
                kind,
                status,
            } => {
                if self.has_finding(finding) {
                    let status = if status.valid_for(kind) {
                        status
                    } else {
                        first_status(kind)
                    };
                    self.edit_article(None, true, |article| {
                        let finding = &mut article.findings[finding].finding;
                        if finding.kind != kind {
                            // The kind's facts (speaker, source, alternative) belong to
                            // the old kind; the new kind starts without any.
                            finding.detail = empty_detail(kind);
                            finding.kind = kind;
                        }
                        finding.status = status;
                    });
                }
            }
            Action::SetShowDismissed(show) => {
                self.show_dismissed = show;
                if !show && self.selected.is_some_and(|i| self.is_dismissed(i)) {
                    self.selected = None;
                }
            }
            Action::StartNote(span) => {
                if let Some(article) = &self.article {
                    let length = article.text.chars().count();
                    let span = span
                        .map(|s| Span::new(s.start.min(length), s.end.min(length)))
                        .filter(|s| !s.is_empty());
                    self.note_editor = Some(NoteEditor {
                        id: None,
                        span,
                        label: String::new(),
                        body: String::new(),
                    });
                }
            }
            Action::EditNote(id) => {
                if let Some(note) = self
                    .article
                    .as_ref()
                    .and_then(|a| a.notes.iter().find(|n| n.id == id))
                {
                    self.note_editor = Some(NoteEditor {
                        id: Some(note.id.clone()),
                        span: note.span,
                        label: note.label.clone(),
                        body: note.body.clone(),
                    });
                }
            }
            Action::CloseNoteEditor => self.note_editor = None,
            Action::SaveNote { label, body } => {
                if let Some(editor) = self.note_editor.take() {
                    let label = match label.trim() {
                        "" => "note".to_string(),
                        label => label.to_string(),
                    };
                    self.edit_article(None, true, |article| match &editor.id {
                        Some(id) => {
                            if let Some(note) = article.notes.iter_mut().find(|n| &n.id == id) {
                                note.label = label;
                                note.body = body;
                            }
                        }
                        None => {
                            let id = next_note_id(&article.notes);
                            article.notes.push(Note {
                                id,
                                span: editor.span,
                                label,
                                body,
                            });
                        }
                    });
                }
            }
            Action::DeleteNote(id) => {
                let exists = self
                    .article
                    .as_ref()
                    .is_some_and(|a| a.notes.iter().any(|n| n.id == id));
                if exists {
                    self.edit_article(None, true, |article| article.notes.retain(|n| n.id != id));
                    if self
                        .note_editor
                        .as_ref()
                        .is_some_and(|e| e.id.as_deref() == Some(id.as_str()))
                    {
                        self.note_editor = None;
                    }
                }
            }
            Action::Undo => {
                if let Some(previous) = self.undo.pop() {
                    if let Some(current) = self.current_version() {
                        self.redo.push(current);
                    }
                    self.show_version(previous);
                }
            }
            Action::Redo => {
                if let Some(next) = self.redo.pop() {
                    if let Some(current) = self.current_version() {
                        self.undo.push(current);
                    }
                    self.show_version(next);
                }
            }
            Action::Restore {
                article,
                draft,
                review,
                dirty,
            } => {
                if let Some(article) = article {
                    if size_message(article.text.len()).is_none() {
                        self.language_choice =
                            article.language_override.then_some(article.language);
                        self.set_article(*article);
                        self.undo.clear();
                        self.mode = if review { Mode::Review } else { Mode::Input };
                    }
                }
                self.draft = draft;
                self.dirty = dirty;
            }
            Action::SaveResult(result) => self.save_error = result,
            Action::Exported => self.dirty = false,
            Action::ShowComparison(view) => {
                self.comparison = Some(Rc::new(*view));
                self.error = None;
            }
            Action::CloseComparison => self.comparison = None,
            Action::SetStatus(status) => self.status = status,
            Action::ShareFallback(link) => self.share_fallback = link,
            Action::SwitchOffRule(rule_id) => self.switch_off(rule_id.trim()),
            Action::SwitchOnRule(rule_id) => self.switch_on(&[rule_id]),
            Action::SwitchAllRulesOn => {
                let all = (*self.disabled_rules).clone();
                self.switch_on(&all);
            }
            Action::RulesSaveResult(result) => self.rules_save_error = result,
        }
        self
    }

    /// The options every analysis of the page uses: the language chosen and the
    /// rules switched off.
    pub fn analysis_options(&self) -> Options {
        Options {
            language: self.language_choice,
            disabled_rules: (*self.disabled_rules).clone(),
        }
    }

    /// Switch `rule_id` off and take its findings out of the article on screen.
    fn switch_off(&mut self, rule_id: &str) {
        if rule_id.is_empty() {
            return;
        }
        let listed = self.disabled_rules.iter().any(|d| d == rule_id);
        let (kept, map): (Vec<ReviewedFinding>, Vec<Option<usize>>) = match &self.article {
            Some(article) => {
                let mut kept = Vec::new();
                let map = article
                    .findings
                    .iter()
                    .map(|f| {
                        if entry_covers(rule_id, &f.finding.rule_id) {
                            None
                        } else {
                            kept.push(f.clone());
                            Some(kept.len() - 1)
                        }
                    })
                    .collect();
                (kept, map)
            }
            None => (Vec::new(), Vec::new()),
        };
        let hidden = map.iter().filter(|m| m.is_none()).count();
        if listed && hidden == 0 {
            return;
        }
        let mut disabled = (*self.disabled_rules).clone();
        if !listed {
            disabled.push(rule_id.to_string());
        }
        self.change_rules(disabled, (hidden > 0).then_some((kept, map)));
        self.status = Some(if hidden > 0 {
            format!(
                "Rule {rule_id} switched off: {} hidden. Undo (Ctrl+Z) brings {} back; \
                 switch it back on under “Switched-off rules”.",
                findings(hidden),
                if hidden == 1 { "it" } else { "them" }
            )
        } else {
            format!("Rule {rule_id} switched off; switch it back on under “Switched-off rules”.")
        });
    }

    /// Switch these entries back on: the current text is analysed again with the
    /// rules still off, and the findings the entries cover come back (unreviewed);
    /// the reader's other findings, reviews, notes and answers stay as they are.
    fn switch_on(&mut self, entries: &[String]) {
        let remaining: Vec<String> = self
            .disabled_rules
            .iter()
            .filter(|d| !entries.contains(d))
            .cloned()
            .collect();
        if remaining.len() == self.disabled_rules.len() {
            return;
        }
        let mut returned = 0;
        let mut merged = None;
        if let Some(article) = &self.article {
            let options = Options {
                language: article.language_override.then_some(article.language),
                disabled_rules: remaining.clone(),
            };
            let fresh = AnnotatedArticle::analyze_with(&article.text, &options);
            let back: Vec<ReviewedFinding> = fresh
                .findings
                .into_iter()
                .filter(|f| {
                    entries.iter().any(|e| entry_covers(e, &f.finding.rule_id))
                        && !article.findings.iter().any(|old| {
                            old.finding.span == f.finding.span
                                && old.finding.rule_id == f.finding.rule_id
                        })
                })
                .collect();
            returned = back.len();
            if returned > 0 {
                // In text order, as the analysis keeps them; the reader's findings keep
                // their relative order (the sort is stable).
                let mut all: Vec<(ReviewedFinding, Option<usize>)> = article
                    .findings
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, f)| (f, Some(i)))
                    .chain(back.into_iter().map(|f| (f, None)))
                    .collect();
                all.sort_by_key(|(f, _)| {
                    let finding = &f.finding;
                    (
                        finding.span.start,
                        std::cmp::Reverse(finding.span.end),
                        finding.kind,
                    )
                });
                let mut map = vec![None; article.findings.len()];
                for (new, (_, old)) in all.iter().enumerate() {
                    if let Some(old) = old {
                        map[*old] = Some(new);
                    }
                }
                merged = Some((all.into_iter().map(|(f, _)| f).collect(), map));
            }
        }
        self.change_rules(remaining, merged);
        let what = match entries {
            [one] => format!("Rule {one} switched back on"),
            _ => "All rules switched back on".to_string(),
        };
        self.status = Some(match &self.article {
            Some(_) => format!("{what}: {} back.", findings(returned)),
            None => format!("{what}."),
        });
    }

    /// Switch rules off or on as one undo step: the new list, and the article's new
    /// findings with where each old index went (`None`: the findings are unchanged).
    fn change_rules(
        &mut self,
        disabled: Vec<String>,
        findings: Option<(Vec<ReviewedFinding>, Vec<Option<usize>>)>,
    ) {
        self.remember(None);
        if let Some((findings, map)) = findings {
            if let Some(article) = self.article.as_mut() {
                let article = Rc::make_mut(article);
                article.findings = findings;
                self.checklist = Rc::new(article.checklist());
                self.generation += 1;
                self.dirty = true;
                self.remap_findings(&map);
            }
        }
        self.disabled_rules = Rc::new(disabled);
    }

    /// Finding indexes held outside the article follow the findings to their new
    /// places; one whose finding is gone is let go (its details close).
    fn remap_findings(&mut self, map: &[Option<usize>]) {
        let moved = |index: usize| map.get(index).copied().flatten();
        self.selected = self.selected.and_then(moved);
        self.active = self.active.and_then(moved);
        self.reveal = None;
        if let Some(filter) = &mut self.item_filter {
            filter.findings = Rc::new(filter.findings.iter().filter_map(|&i| moved(i)).collect());
        }
    }

    fn current_version(&self) -> Option<Version> {
        self.article.clone().map(|article| Version {
            article,
            disabled_rules: self.disabled_rules.clone(),
        })
    }

    /// Would replacing the article (and the box) with `incoming` lose the reader's
    /// work? Work is changes not yet exported, or a text typed in the box and not
    /// analysed (unless it is the same text).
    pub fn would_lose_work(&self, incoming: Option<&str>) -> bool {
        let unsaved_changes = self.dirty && self.article.is_some();
        let analysed = self.article.as_ref().map_or("", |a| a.text.as_str());
        let typed = !self.draft.trim().is_empty()
            && *self.draft != *analysed
            && incoming.is_none_or(|text| text != &*self.draft);
        unsaved_changes || typed
    }

    /// Load `text` into the box and analyse it.
    fn open(self, text: Rc<str>) -> State {
        let state = self.apply_inner(Action::LoadDraft(text));
        if state.error.is_some() {
            return state;
        }
        state.apply_inner(Action::Analyse)
    }

    fn has_finding(&self, finding: usize) -> bool {
        self.article
            .as_ref()
            .is_some_and(|a| finding < a.findings.len())
    }

    fn is_dismissed(&self, finding: usize) -> bool {
        self.article.as_ref().is_some_and(|a| {
            a.findings
                .get(finding)
                .is_some_and(|f| matches!(f.review, Review::Rejected { .. }))
        })
    }

    /// Keep the article as it is now for undo, unless this edit continues the
    /// last one of the same field (`key`), which shares its undo step.
    fn remember(&mut self, key: Option<String>) {
        if key.is_some() && key == self.last_edit {
            return;
        }
        if let Some(version) = self.current_version() {
            let article = version.article.clone();
            self.undo.push(version);
            let per_version = article.text.len().max(1);
            let by_bytes = (MAX_UNDO_BYTES / per_version).max(1);
            let keep = MAX_UNDO.min(by_bytes);
            if self.undo.len() > keep {
                self.undo.drain(..self.undo.len() - keep);
            }
        }
        self.redo.clear();
        self.last_edit = key;
    }

    /// One change the reader made to the article: an undo step, and unsaved work.
    /// `changes_view` when findings or notes change (highlights and checklist follow).
    fn edit_article(
        &mut self,
        key: Option<String>,
        changes_view: bool,
        edit: impl FnOnce(&mut AnnotatedArticle),
    ) {
        if self.article.is_none() {
            return;
        }
        self.remember(key);
        let Some(article) = self.article.as_mut() else {
            return;
        };
        let article = Rc::make_mut(article);
        edit(article);
        self.dirty = true;
        if changes_view {
            self.checklist = Rc::new(article.checklist());
            self.generation += 1;
        }
    }

    /// Show an earlier or later version (undo / redo).
    fn show_version(&mut self, version: Version) {
        let Version {
            article,
            disabled_rules,
        } = version;
        self.disabled_rules = disabled_rules;
        // A message about the step just undone (or redone) would now mislead.
        self.status = None;
        if *self.draft != *article.text && self.mode == Mode::Review {
            self.draft = article.text.as_str().into();
        }
        self.language_choice = article.language_override.then_some(article.language);
        self.checklist = Rc::new(article.checklist());
        if self.selected.is_some_and(|i| i >= article.findings.len()) {
            self.selected = None;
        }
        if self.active.is_some_and(|i| i >= article.findings.len()) {
            self.active = None;
        }
        self.article = Some(article);
        self.generation += 1;
        self.last_edit = None;
        self.note_editor = None;
        self.dirty = true;
        self.mode = Mode::Review;
    }

    /// Analyse `text` with the chosen language. Answers and notes carry over when
    /// the text is the one already analysed (a language change, or "Edit text"
    /// without edits); a different text starts a fresh checklist.
    ///
    /// The same text with the same language choice keeps the article as it is
    /// (reviews and re-classified findings included): nothing would change.
    fn analyse(&mut self, text: &str) {
        if let Some(previous) = &self.article {
            let same_choice = match self.language_choice {
                None => !previous.language_override,
                Some(language) => previous.language_override && previous.language == language,
            };
            if previous.text == text && same_choice {
                return;
            }
        }
        let mut fresh = AnnotatedArticle::analyze_with(text, &self.analysis_options());
        if let Some(previous) = &self.article {
            if previous.text == fresh.text {
                fresh.answers = previous.answers.clone();
                fresh.notes = previous.notes.clone();
                // The reader's reviews follow the findings the new analysis still makes.
                for finding in &mut fresh.findings {
                    if let Some(old) = previous.findings.iter().find(|old| {
                        old.finding.span == finding.finding.span
                            && old.finding.rule_id == finding.finding.rule_id
                    }) {
                        finding.review = old.review.clone();
                    }
                }
            }
        }
        self.set_article(fresh);
    }

    /// Put a newly analysed, imported or restored article on screen. The one it
    /// replaces stays reachable through undo.
    fn set_article(&mut self, article: AnnotatedArticle) {
        self.remember(None);
        self.checklist = Rc::new(article.checklist());
        self.article = Some(Rc::new(article));
        self.dirty = false;
        self.orphans = Rc::new(Vec::new());
        self.note_editor = None;
        self.generation += 1;
        self.selected = None;
        self.active = None;
        self.item_filter = None;
        self.reveal = None;
        self.busy = false;
        self.status = None;
    }

    fn kind_of(&self, finding: usize) -> Option<Kind> {
        self.article
            .as_ref()?
            .findings
            .get(finding)
            .map(|f| f.finding.kind)
    }

    /// Indexes of the findings shown now (kind filters and the checklist-item
    /// filter), in text order: by start, longer first, then index. Analysis
    /// already sorts findings so, but an imported file need not.
    pub fn visible_findings(&self) -> Vec<usize> {
        let Some(article) = &self.article else {
            return Vec::new();
        };
        let mut visible: Vec<usize> = article
            .findings
            .iter()
            .enumerate()
            .filter(|(i, f)| {
                !self.hidden_kinds.contains(&f.finding.kind)
                    && (self.show_dismissed || !matches!(f.review, Review::Rejected { .. }))
                    && self
                        .item_filter
                        .as_ref()
                        .is_none_or(|filter| filter.findings.contains(i))
            })
            .map(|(i, _)| i)
            .collect();
        visible.sort_by_key(|&i| {
            let span = article.findings[i].finding.span;
            (span.start, std::cmp::Reverse(span.end), i)
        });
        visible
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ChecklistAnswer;

    const ARTICLE: &str = "Officials said the sanctions would strangle the industry.\n\nThe plan was a disaster, critics said.";

    fn run(actions: Vec<Action>) -> State {
        actions.into_iter().fold(State::default(), State::apply)
    }

    fn analysed(text: &str) -> State {
        run(vec![Action::EditDraft(text.into()), Action::Analyse])
    }

    #[test]
    fn analyse_moves_to_review_with_findings() {
        let state = analysed(ARTICLE);
        assert_eq!(state.mode, Mode::Review);
        let article = state.article.as_ref().expect("analysed");
        assert_eq!(article.text, ARTICLE);
        assert!(
            !article.findings.is_empty(),
            "the built-in rules flag 'strangle'"
        );
        assert_eq!(state.checklist.len(), article.checklist().len());
        assert_eq!(state.generation, 1);
        assert_eq!(state.error, None);
    }

    #[test]
    fn empty_text_is_an_error_not_an_analysis() {
        let state = analysed("  \n ");
        assert_eq!(state.mode, Mode::Input);
        assert!(state.article.is_none());
        assert!(state.error.as_deref().unwrap().contains("no text"));
    }

    #[test]
    fn text_over_the_limit_is_refused_and_kept() {
        let big = "word ".repeat(MAX_TEXT_BYTES / 5 + 1);
        let state = analysed(&big);
        assert_eq!(state.mode, Mode::Input);
        assert!(state.article.is_none());
        assert_eq!(&*state.draft, big.as_str(), "the text stays in the box");
        let error = state.error.unwrap();
        assert!(error.contains("2 MB"), "{error}");
    }

    #[test]
    fn size_message_names_both_sizes() {
        assert_eq!(size_message(MAX_TEXT_BYTES), None);
        let message = size_message(10_300_000).unwrap();
        assert!(
            message.starts_with("This text is 10.3 MB; Sourcelight analyses up to 2 MB at a time"),
            "{message}"
        );
        assert_eq!(megabytes(10 * 1024 * 1024), "10.5 MB");
        assert_eq!(megabytes(2_000_000), "2 MB");
    }

    #[test]
    fn edit_text_keeps_the_text_and_answers_survive_reanalysis_of_the_same_text() {
        let answer = ChecklistAnswer {
            item_id: "sift-stop".into(),
            answer: Answer::Yes,
            note: "checked".into(),
        };
        let state = analysed(ARTICLE)
            .apply(Action::UpdateAnswer {
                item_id: "sift-stop".into(),
                change: AnswerChange::Answer(Answer::Yes),
            })
            .apply(Action::UpdateAnswer {
                item_id: "sift-stop".into(),
                change: AnswerChange::Note("checked".into()),
            })
            .apply(Action::EditText);
        assert_eq!(state.mode, Mode::Input);
        assert_eq!(&*state.draft, ARTICLE);
        let again = state.clone().apply(Action::Analyse);
        assert_eq!(again.article.as_ref().unwrap().answer("sift-stop"), answer);
        let changed = state
            .apply(Action::EditDraft("A different article entirely.".into()))
            .apply(Action::Analyse);
        assert_eq!(
            changed.article.as_ref().unwrap().answer("sift-stop").answer,
            Answer::Unanswered
        );
    }

    #[test]
    fn answer_and_note_changes_merge_without_overwriting_each_other() {
        let change = |item: &str, change| Action::UpdateAnswer {
            item_id: item.into(),
            change,
        };
        let state = analysed(ARTICLE)
            .apply(change("sift-find", AnswerChange::Note("first".into())))
            .apply(change("sift-find", AnswerChange::Answer(Answer::No)))
            .apply(change("sift-find", AnswerChange::Note("second".into())))
            .apply(change(
                "unsourced-statistics",
                AnswerChange::Note("auto".into()),
            ));
        let article = state.article.as_ref().unwrap();
        assert_eq!(
            article.answer("sift-find"),
            ChecklistAnswer {
                item_id: "sift-find".into(),
                answer: Answer::No,
                note: "second".into()
            }
        );
        assert_eq!(article.answer("unsourced-statistics").note, "auto");
        assert_eq!(article.answers.len(), 2, "one stored answer per item");
        assert_eq!(
            state.generation, 1,
            "answers do not change the analysed text"
        );
    }

    #[test]
    fn language_override_reanalyses_in_review() {
        let state = analysed(ARTICLE);
        assert_eq!(state.article.as_ref().unwrap().language, Language::En);
        let state = state.apply(Action::ChooseLanguage(Some(Language::Zh)));
        let article = state.article.as_ref().unwrap();
        assert_eq!(article.language, Language::Zh);
        assert!(article.language_override);
        assert_eq!(state.generation, 2);
    }

    #[test]
    fn select_opens_details_and_hiding_its_kind_closes_them() {
        let state = analysed(ARTICLE);
        let first = state.visible_findings()[0];
        let kind = state.article.as_ref().unwrap().findings[first].finding.kind;
        let state = state.apply(Action::Select {
            finding: first,
            reveal: true,
        });
        assert_eq!(state.selected, Some(first));
        assert_eq!(
            state.reveal,
            Some(Reveal {
                finding: first,
                seq: 0
            })
        );
        let state = state.apply(Action::SetKindVisible(kind, false));
        assert_eq!(state.selected, None);
        assert!(!state.visible_findings().contains(&first));
        let state = state.apply(Action::SetKindVisible(kind, true));
        assert!(state.visible_findings().contains(&first));
    }

    #[test]
    fn select_out_of_range_is_ignored() {
        let state = analysed(ARTICLE).apply(Action::Select {
            finding: 10_000,
            reveal: false,
        });
        assert_eq!(state.selected, None);
    }

    #[test]
    fn item_filter_narrows_and_selects_the_first() {
        let state = analysed(ARTICLE);
        let Some(item) = state
            .checklist
            .iter()
            .find(|item| !item.findings.is_empty())
            .cloned()
        else {
            return; // The checklist found nothing to point at in this text.
        };
        let state = state.apply(Action::ShowItemFindings(item.id.to_string()));
        assert_eq!(state.visible_findings(), item.findings);
        assert_eq!(state.selected, item.findings.first().copied());
        let state = state.apply(Action::ShowAllFindings);
        assert_eq!(
            state.visible_findings().len(),
            state.article.as_ref().unwrap().findings.len()
        );
    }

    #[test]
    fn import_replaces_everything_and_failure_changes_nothing_but_the_error() {
        let before = analysed(ARTICLE);
        let failed = before
            .clone()
            .apply(Action::Fail("Could not import x.json: bad".into()));
        assert_eq!(failed.article, before.article);
        assert_eq!(
            failed.error.as_deref(),
            Some("Could not import x.json: bad")
        );

        let mut imported = AnnotatedArticle::analyze("另一篇文章。", Some(Language::Zh));
        imported.set_answer(ChecklistAnswer {
            item_id: "sift-find".into(),
            answer: Answer::No,
            note: "n".into(),
        });
        let state = failed.apply(Action::Import(Box::new(imported.clone())));
        assert_eq!(state.article.as_deref(), Some(&imported));
        assert_eq!(&*state.draft, "另一篇文章。");
        assert_eq!(state.language_choice, Some(Language::Zh));
        assert_eq!(state.error, None);
        assert_eq!(state.mode, Mode::Review);
    }

    fn first_finding(state: &State) -> usize {
        state.visible_findings()[0]
    }

    #[test]
    fn dismiss_hides_keeps_the_reason_and_undo_redo_walk_the_history() {
        let state = analysed(ARTICLE);
        let finding = first_finding(&state);
        let reason = Review::Rejected {
            reason: "a fair description".into(),
        };
        let dismissed = state.clone().apply(Action::SetReview {
            finding,
            review: reason.clone(),
        });
        assert_eq!(
            dismissed.article.as_ref().unwrap().findings[finding].review,
            reason
        );
        assert!(
            !dismissed.visible_findings().contains(&finding),
            "hidden by default"
        );
        assert!(dismissed.dirty);
        let shown = dismissed.clone().apply(Action::SetShowDismissed(true));
        assert!(shown.visible_findings().contains(&finding));

        let undone = dismissed.clone().apply(Action::Undo);
        assert_eq!(
            undone.article, state.article,
            "undo restores the article exactly"
        );
        assert!(undone.visible_findings().contains(&finding));
        let redone = undone.apply(Action::Redo);
        assert_eq!(redone.article, dismissed.article);
        // A new change after an undo drops the redo branch.
        let branched = dismissed.apply(Action::Undo).apply(Action::SetReview {
            finding,
            review: Review::Confirmed,
        });
        assert!(branched.redo.is_empty());
    }

    #[test]
    fn history_is_bounded_and_typing_a_note_is_one_step() {
        let mut state = analysed(ARTICLE);
        let finding = first_finding(&state);
        for i in 0..(MAX_UNDO + 20) {
            let review = if i % 2 == 0 {
                Review::Confirmed
            } else {
                Review::Unreviewed
            };
            state = state.apply(Action::SetReview { finding, review });
        }
        assert_eq!(state.undo.len(), MAX_UNDO);
        let before = state.undo.len();
        for text in ["a", "ab", "abc"] {
            state = state.apply(Action::UpdateAnswer {
                item_id: "sift-stop".into(),
                change: AnswerChange::Note(text.into()),
            });
        }
        assert_eq!(state.undo.len(), before.min(MAX_UNDO), "one step, bounded");
        let undone = state.apply(Action::Undo);
        assert_eq!(
            undone.article.as_ref().unwrap().answer("sift-stop").note,
            ""
        );
    }

    #[test]
    fn change_kind_keeps_a_status_valid_for_the_kind() {
        let state = analysed(ARTICLE);
        let finding = first_finding(&state);
        for kind in Kind::ALL {
            let changed = state.clone().apply(Action::ChangeKind {
                finding,
                kind,
                status: Status::ScareQuote,
            });
            let f = &changed.article.as_ref().unwrap().findings[finding].finding;
            assert_eq!(f.kind, kind);
            assert!(f.status.valid_for(kind), "{kind:?} got {:?}", f.status);
            // The file stays importable after a re-classification.
            let json = crate::annotation::export(changed.article.as_ref().unwrap());
            assert!(crate::annotation::import(&json).is_ok(), "{kind:?}");
        }
    }

    #[test]
    fn notes_are_added_edited_and_deleted_with_unique_ids() {
        let state = analysed(ARTICLE)
            .apply(Action::StartNote(Some(Span::new(0, 5))))
            .apply(Action::SaveNote {
                label: "framing".into(),
                body: "why".into(),
            })
            .apply(Action::StartNote(Some(Span::new(3, 3))))
            .apply(Action::SaveNote {
                label: " ".into(),
                body: "whole".into(),
            });
        let notes = &state.article.as_ref().unwrap().notes;
        assert_eq!(notes.len(), 2);
        assert_ne!(notes[0].id, notes[1].id);
        assert_eq!(notes[0].span, Some(Span::new(0, 5)));
        assert_eq!(
            notes[1].span, None,
            "an empty selection notes the whole article"
        );
        assert_eq!(notes[1].label, "note");
        let id = notes[0].id.clone();
        let state = state
            .apply(Action::EditNote(id.clone()))
            .apply(Action::SaveNote {
                label: "quote".into(),
                body: "changed".into(),
            });
        let note = &state.article.as_ref().unwrap().notes[0];
        assert_eq!(
            (note.label.as_str(), note.body.as_str()),
            ("quote", "changed")
        );
        let state = state.apply(Action::DeleteNote(id));
        assert_eq!(state.article.as_ref().unwrap().notes.len(), 1);
    }

    #[test]
    fn replacing_unsaved_work_asks_first() {
        let state = analysed(ARTICLE);
        // Nothing changed yet: an example opens at once.
        let opened = state
            .clone()
            .apply(Action::Open("Another text, with 5% more.".into()));
        assert_eq!(opened.pending, None);
        assert_eq!(opened.mode, Mode::Review);
        assert_eq!(
            opened.article.as_ref().unwrap().text,
            "Another text, with 5% more."
        );

        let worked = state.apply(Action::SetReview {
            finding: 0,
            review: Review::Confirmed,
        });
        let asked = worked.clone().apply(Action::Open("Another text.".into()));
        assert!(matches!(asked.pending, Some(Pending::Open(_))));
        assert_eq!(
            asked.article, worked.article,
            "nothing replaced while asking"
        );
        let cancelled = asked.clone().apply(Action::CancelPending);
        assert_eq!(cancelled.article, worked.article);
        let confirmed = asked.apply(Action::ConfirmPending);
        assert_eq!(confirmed.article.as_ref().unwrap().text, "Another text.");
        // …and the work is one undo away.
        assert_eq!(confirmed.apply(Action::Undo).article, worked.article);
        // Exported work is safe: no question.
        let exported = worked.apply(Action::Exported);
        assert_eq!(exported.apply(Action::Open("Third.".into())).pending, None);
    }

    #[test]
    fn import_on_another_text_offers_reanchoring_and_lists_orphans() {
        let original = "The minister said the plan was a disaster. Exports fell 12 percent.";
        let mut imported = AnnotatedArticle::analyze(original, None);
        imported.notes.push(Note {
            id: "note-1".into(),
            span: Some(Span::new(4, 12)),
            label: "framing".into(),
            body: "who?".into(),
        });
        let edited = "Exports fell 12 percent, officials said.";
        let state = analysed(edited).apply(Action::ImportFile(Box::new(imported.clone())));
        assert!(matches!(state.pending, Some(Pending::ImportOtherText(_))));
        let applied = state.clone().apply(Action::ApplyImportToCurrent);
        let article = applied.article.as_ref().unwrap();
        assert_eq!(article.text, edited, "the current text stays");
        assert!(
            applied
                .orphans
                .iter()
                .any(|o| o.description.contains("who?")),
            "the note that lost its words is listed: {:?}",
            applied.orphans
        );
        let own = state.apply(Action::ConfirmPending);
        assert_eq!(own.article.as_ref().unwrap().text, original);
    }

    #[test]
    fn another_tools_file_lands_on_the_current_text_undoably_or_fails_with_the_original_message() {
        let text = "Exports fell 12 percent, officials said.";
        let before = analysed(text);
        let json: Rc<str> = r#"[
            {"type": "Annotation", "bodyValue": "which officials?",
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "officials said"}}},
            {"type": "Annotation", "bodyValue": "gone",
             "target": {"selector": {"type": "TextQuoteSelector", "exact": "a sentence that is not there"}}}
        ]"#
        .into();
        let state = before.clone().apply(Action::ImportForeign {
            json: json.clone(),
            failure: "Could not import h.json: original".into(),
        });
        let article = state.article.as_ref().unwrap();
        assert_eq!(article.text, text);
        assert_eq!(article.notes.len(), 1);
        assert_eq!(article.notes[0].span, Some(Span::new(25, 39)));
        assert_eq!(state.orphans.len(), 1);
        assert!(state.orphans[0].description.contains("gone"));
        assert_eq!(state.error, None);
        assert_eq!(state.apply(Action::Undo).article, before.article);

        // Garbage, or nothing on screen: the original message, nothing else changes.
        let failed = before.clone().apply(Action::ImportForeign {
            json: "[1]".into(),
            failure: "Could not import h.json: original".into(),
        });
        assert_eq!(
            failed.error.as_deref(),
            Some("Could not import h.json: original")
        );
        assert_eq!(failed.article, before.article);
        let empty = State::default().apply(Action::ImportForeign {
            json,
            failure: "Could not import h.json: original".into(),
        });
        assert_eq!(
            empty.error.as_deref(),
            Some("Could not import h.json: original")
        );
        assert!(empty.article.is_none());
    }

    /// Two findings of one loaded-language rule, among findings of other rules.
    const TWICE: &str = "Officials said the sanctions would strangle the industry. \
        Critics said the tariffs strangle exporters, and exports fell 12 percent.\n\n\
        The plan was a disaster, critics said.";
    const STRANGLE: &str = "en.war-violence.strangle";

    fn rule_ids(state: &State) -> Vec<String> {
        state
            .article
            .as_ref()
            .map(|a| {
                a.findings
                    .iter()
                    .map(|f| f.finding.rule_id.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn index_of(state: &State, rule: &str) -> usize {
        rule_ids(state)
            .iter()
            .position(|id| id == rule)
            .unwrap_or_else(|| panic!("no {rule} finding"))
    }

    #[test]
    fn switching_a_rule_off_hides_all_its_findings_and_undo_brings_them_back() {
        let before = analysed(TWICE);
        let all = rule_ids(&before);
        assert_eq!(all.iter().filter(|id| *id == STRANGLE).count(), 2);
        assert!(all.len() > 2, "other rules flag this text too: {all:?}");
        // Details open on a finding that stays, placed after a removed one.
        let other = all.iter().rposition(|id| id != STRANGLE).unwrap();
        let before = before.apply(Action::Select {
            finding: other,
            reveal: false,
        });
        let other_finding = before.article.as_ref().unwrap().findings[other].clone();

        let off = before.clone().apply(Action::SwitchOffRule(STRANGLE.into()));
        let expected: Vec<String> = all.iter().filter(|id| *id != STRANGLE).cloned().collect();
        assert_eq!(rule_ids(&off), expected, "only that rule's findings go");
        assert_eq!(*off.disabled_rules, vec![STRANGLE.to_string()]);
        let status = off.status.clone().unwrap();
        assert!(
            status.contains(STRANGLE) && status.contains("2 findings hidden"),
            "{status}"
        );
        assert!(off.dirty);
        // The open details follow their finding to its new index.
        let selected = off.selected.expect("its finding is still there");
        assert_eq!(
            off.article.as_ref().unwrap().findings[selected],
            other_finding
        );
        assert_eq!(
            off.checklist.len(),
            off.article.as_ref().unwrap().checklist().len()
        );

        let undone = off.clone().apply(Action::Undo);
        assert_eq!(
            undone.article, before.article,
            "the findings are back exactly"
        );
        assert!(undone.disabled_rules.is_empty(), "and the rule is on again");
        assert_eq!(undone.status, None);
        let redone = undone.apply(Action::Redo);
        assert_eq!(redone.article, off.article);
        assert_eq!(redone.disabled_rules, off.disabled_rules);
    }

    #[test]
    fn switching_off_the_open_finding_closes_its_details() {
        let state = analysed(TWICE);
        let strangle = index_of(&state, STRANGLE);
        let state = state
            .apply(Action::Select {
                finding: strangle,
                reveal: true,
            })
            .apply(Action::SwitchOffRule(STRANGLE.into()));
        assert_eq!(state.selected, None);
        assert_eq!(state.active, None);
        assert_eq!(state.reveal, None);
    }

    #[test]
    fn a_switched_off_rule_stays_off_for_the_next_text_and_a_language_change() {
        let state = analysed(TWICE).apply(Action::SwitchOffRule(STRANGLE.into()));
        let next = state.clone().apply(Action::Open(
            "The blockade will strangle the port, 40% of trade.".into(),
        ));
        assert!(!rule_ids(&next).is_empty(), "the other rules still run");
        assert!(!rule_ids(&next).iter().any(|id| id == STRANGLE));
        let typed = state
            .clone()
            .apply(Action::EditText)
            .apply(Action::EditDraft("They strangle debate.".into()))
            .apply(Action::Analyse);
        assert!(!rule_ids(&typed).iter().any(|id| id == STRANGLE));
        let english = state.apply(Action::ChooseLanguage(Some(Language::En)));
        assert!(english.article.as_ref().unwrap().language_override);
        assert!(!rule_ids(&english).iter().any(|id| id == STRANGLE));
    }

    #[test]
    fn switching_back_on_adds_only_that_rules_findings_and_keeps_the_readers_work() {
        let original = analysed(TWICE);
        let off = original
            .clone()
            .apply(Action::SwitchOffRule(STRANGLE.into()))
            .apply(Action::SwitchOffRule("stat.percent".into()));
        assert!(!rule_ids(&off).iter().any(|id| id == "stat.percent"));
        // The reader works on what is left.
        let kept = 0;
        let reviewed = off
            .apply(Action::SetReview {
                finding: kept,
                review: Review::Rejected {
                    reason: "fair".into(),
                },
            })
            .apply(Action::UpdateAnswer {
                item_id: "sift-stop".into(),
                change: AnswerChange::Answer(Answer::Yes),
            })
            .apply(Action::StartNote(Some(Span::new(0, 9))))
            .apply(Action::SaveNote {
                label: "who".into(),
                body: "which officials?".into(),
            });
        let kept_finding = reviewed.article.as_ref().unwrap().findings[kept].clone();
        let on = reviewed
            .clone()
            .apply(Action::SwitchOnRule(STRANGLE.into()));
        assert_eq!(*on.disabled_rules, vec!["stat.percent".to_string()]);
        let expected: Vec<String> = rule_ids(&original)
            .into_iter()
            .filter(|id| id != "stat.percent")
            .collect();
        assert_eq!(
            rule_ids(&on),
            expected,
            "back in text order, the other rule still off"
        );
        let article = on.article.as_ref().unwrap();
        assert!(
            article.findings.contains(&kept_finding),
            "the dismissal is kept"
        );
        assert_eq!(article.answer("sift-stop").answer, Answer::Yes);
        assert_eq!(article.notes, reviewed.article.as_ref().unwrap().notes);
        assert!(on.status.as_deref().unwrap().contains("2 findings back"));
        // Undo switches it off again, findings and all.
        let undone = on.apply(Action::Undo);
        assert_eq!(undone.article, reviewed.article);
        assert_eq!(undone.disabled_rules, reviewed.disabled_rules);

        let all_on = reviewed.apply(Action::SwitchAllRulesOn);
        assert!(all_on.disabled_rules.is_empty());
        assert_eq!(rule_ids(&all_on), rule_ids(&original));
    }

    #[test]
    fn rules_can_be_switched_without_an_article_and_switching_twice_is_one_step() {
        let state = State::default().apply(Action::SwitchOffRule(STRANGLE.into()));
        assert_eq!(*state.disabled_rules, vec![STRANGLE.to_string()]);
        let state = state
            .apply(Action::EditDraft(TWICE.into()))
            .apply(Action::Analyse);
        assert!(!rule_ids(&state).iter().any(|id| id == STRANGLE));
        let steps = state.undo.len();
        let again = state.clone().apply(Action::SwitchOffRule(STRANGLE.into()));
        assert_eq!(again.undo.len(), steps, "nothing to do, no undo step");
        assert_eq!(again.disabled_rules, state.disabled_rules);
        let on = State::default()
            .apply(Action::SwitchOffRule(STRANGLE.into()))
            .apply(Action::SwitchOnRule(STRANGLE.into()));
        assert!(on.disabled_rules.is_empty());
        assert!(on.article.is_none());
    }

    #[test]
    fn another_tools_file_does_not_bring_switched_off_findings_back() {
        let state = analysed(TWICE).apply(Action::SwitchOffRule(STRANGLE.into()));
        let json: Rc<str> = r#"[{"type": "Annotation", "bodyValue": "which officials?",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Officials said"}}}]"#
            .into();
        let state = state.apply(Action::ImportForeign {
            json,
            failure: "Could not import".into(),
        });
        assert_eq!(state.error, None);
        assert_eq!(state.article.as_ref().unwrap().notes.len(), 1);
        assert!(!rule_ids(&state).is_empty());
        assert!(!rule_ids(&state).iter().any(|id| id == STRANGLE));
    }

    #[test]
    fn stored_rules_read_back_without_unknown_or_repeated_entries() {
        let stored = disabled_rules_json(&[STRANGLE.into(), "stat.ranking".into()]);
        assert_eq!(
            parse_disabled_rules(&stored),
            vec![STRANGLE.to_string(), "stat.ranking".to_string()]
        );
        assert_eq!(
            parse_disabled_rules(
                r#"["quote.vague", 3, "en.no-such-rule", " quote.vague ", "stat"]"#
            ),
            vec!["quote.vague".to_string(), "stat".to_string()]
        );
        for damaged in ["", "{}", "\"stat\"", "[", "null"] {
            assert!(parse_disabled_rules(damaged).is_empty(), "{damaged}");
        }
    }

    #[test]
    fn a_long_article_keeps_fewer_versions() {
        let text = "plain words here. ".repeat(200_000); // 3.6 MB of text
        let mut state = State {
            article: Some(Rc::new(AnnotatedArticle {
                text: text.clone(),
                language: Language::En,
                language_override: false,
                findings: Vec::new(),
                notes: Vec::new(),
                answers: Vec::new(),
            })),
            mode: Mode::Review,
            ..State::default()
        };
        for i in 0..40 {
            state = state.apply(Action::UpdateAnswer {
                item_id: format!("item-{i}"),
                change: AnswerChange::Answer(Answer::Yes),
            });
        }
        assert_eq!(state.undo.len(), MAX_UNDO_BYTES / text.len());
        assert!(state.undo.len() * text.len() <= MAX_UNDO_BYTES);
    }
}
