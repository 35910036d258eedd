//! The page's state and the one place it changes: a typed [`Action`] applied by the pure [`State::apply`].
//!
//! No web crates here, so the reducer is tested natively. Side effects (reading
//! files, downloads, scrolling, focus) happen in the components' callbacks and
//! effects; the reducer only records what they produced or asked for.

use std::rc::Rc;

use crate::analysis::{ChecklistItem, Kind, Language};
use crate::article::{AnnotatedArticle, Answer};

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
}

/// One field of a checklist answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerChange {
    Answer(Answer),
    Note(String),
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
    pub fn apply(mut self, action: Action) -> State {
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
                if let Some(article) = &mut self.article {
                    let article = Rc::make_mut(article);
                    let mut answer = article.answer(&item_id);
                    match change {
                        AnswerChange::Answer(choice) => answer.answer = choice,
                        AnswerChange::Note(note) => answer.note = note,
                    }
                    article.set_answer(answer);
                }
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
        }
        self
    }

    /// Analyse `text` with the chosen language. Answers and notes carry over when
    /// the text is the one already analysed (a language change, or "Edit text"
    /// without edits); a different text starts a fresh checklist.
    fn analyse(&mut self, text: &str) {
        let mut fresh = AnnotatedArticle::analyze(text, self.language_choice);
        if let Some(previous) = &self.article {
            if previous.text == fresh.text {
                fresh.answers = previous.answers.clone();
                fresh.notes = previous.notes.clone();
            }
        }
        self.set_article(fresh);
    }

    fn set_article(&mut self, article: AnnotatedArticle) {
        self.checklist = Rc::new(article.checklist());
        self.article = Some(Rc::new(article));
        self.generation += 1;
        self.selected = None;
        self.active = None;
        self.item_filter = None;
        self.reveal = None;
        self.busy = false;
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
}
