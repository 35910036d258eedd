//! The whole app in the browser: type or pick an article, analyse, and use the
//! highlights, the details, the filters, the checklist and the size limit.
//!
//! Yew renders in microtasks but yields to the browser between rendering and
//! effects when a frame's worth of work is done, so the tests wait for what they
//! expect to see (`Page::until`) instead of sleeping a fixed time.

use std::time::Duration;

use sourcelight::analysis::{Kind, Status};
use sourcelight::ui::App;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

#[wasm_bindgen(inline_js = "
export function fire(el, type) { el.dispatchEvent(new Event(type, { bubbles: true })); }
export function press(el, key) {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}
")]
extern "C" {
    fn fire(element: &Element, event_type: &str);
    fn press(element: &Element, key: &str);
}

/// A mounted app in its own element, removed when dropped.
struct Page {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl Page {
    async fn open() -> Page {
        // A failed test aborts without dropping its page: clear what it left.
        let leftovers = gloo::utils::document()
            .query_selector_all(".test-root")
            .unwrap();
        for i in 0..leftovers.length() {
            if let Some(node) = leftovers.item(i) {
                node.unchecked_into::<Element>().remove();
            }
        }
        // Each test starts like a first visit: no saved session from an earlier test.
        gloo::utils::window()
            .local_storage()
            .unwrap()
            .unwrap()
            .clear()
            .unwrap();
        let root = gloo::utils::document().create_element("div").unwrap();
        root.set_class_name("test-root");
        gloo::utils::body().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        let page = Page {
            root,
            handle: Some(handle),
        };
        page.until("the article box", |p| p.find("#article-input").is_some())
            .await;
        page
    }

    /// Wait (up to 10 s) until `condition` holds; fail naming `what` otherwise.
    async fn until(&self, what: &str, condition: impl Fn(&Page) -> bool) {
        for _ in 0..1000 {
            if condition(self) {
                return;
            }
            yew::platform::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("timed out waiting for {what}");
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into().ok())
            .collect()
    }

    fn click(&self, selector: &str) {
        self.get(selector).unchecked_into::<HtmlElement>().click();
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector)?.get_attribute(name)
    }

    fn focused_finding(&self) -> Option<String> {
        gloo::utils::document()
            .active_element()?
            .get_attribute("data-finding")
    }

    fn focused_id(&self) -> String {
        gloo::utils::document()
            .active_element()
            .map(|e| e.id())
            .unwrap_or_default()
    }

    fn box_text(&self) -> String {
        self.get("#article-input")
            .unchecked_into::<HtmlTextAreaElement>()
            .value()
    }

    fn type_article(&self, text: &str) {
        let area: HtmlTextAreaElement = self.get("#article-input").unchecked_into();
        area.set_value(text);
        fire(&area, "input");
    }

    /// Type `text`, press Analyse and wait for the annotated article.
    async fn analyse(&self, text: &str) {
        self.type_article(text);
        self.click("#analyse");
        self.until("the annotated article", |p| {
            p.find("#article-view").is_some()
        })
        .await;
        // Focus moves to the article's heading, where the reader continues.
        self.until("focus on the article heading", |p| {
            p.focused_id() == "review-heading"
        })
        .await;
    }

    /// Type `text` and press Analyse, expecting an error and the box to stay.
    async fn analyse_refused(&self, text: &str) {
        self.type_article(text);
        self.click("#analyse");
        self.until("an error message", |p| !p.text("#error").is_empty())
            .await;
        assert!(self.find("#article-view").is_none());
        assert!(self.find("#article-input").is_some());
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

const ARTICLE: &str = "“These sanctions will strangle our industry,” said Trade Minister Maria Lopez on Monday.\n\n\
Exports fell 12 percent in 2023, according to the Commerce Ministry. Critics say the plan is a disaster.";

#[wasm_bindgen_test]
async fn the_page_opens_with_an_empty_box_examples_and_the_tagline() {
    let page = Page::open().await;
    assert!(page
        .text("header")
        .contains("the text never leaves your machine"));
    assert_eq!(page.box_text(), "");
    assert!(
        page.find("label[for=\"article-input\"]").is_some(),
        "the box has a label"
    );
    assert_eq!(
        page.all("[data-seed]").len(),
        sourcelight::SEED_ARTICLES.len()
    );
    assert!(page.find("#analyse").is_some());
    assert!(page.find("#file-input").is_some());
    assert!(page.find("#import-file").is_some());
    assert_eq!(page.attribute("#error", "role").as_deref(), Some("alert"));
    assert_eq!(page.text("#error"), "");
}

#[wasm_bindgen_test]
async fn analysing_marks_findings_with_kind_status_and_label() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    let marks = page.all("#article-view mark");
    assert!(!marks.is_empty());
    for mark in &marks {
        let kind = Kind::parse(&mark.get_attribute("data-kind").unwrap()).expect("known kind");
        let status =
            Status::parse(&mark.get_attribute("data-status").unwrap()).expect("known status");
        assert!(status.valid_for(kind), "{status:?} on {kind:?}");
        assert!(mark
            .get_attribute("data-finding")
            .unwrap()
            .parse::<usize>()
            .is_ok());
        assert!(!mark.get_attribute("aria-label").unwrap().is_empty());
    }
    for kind in ["loaded-language", "statistic", "quote"] {
        assert!(
            page.find(&format!("#article-view mark[data-kind=\"{kind}\"]"))
                .is_some(),
            "a {kind} mark"
        );
    }
    // "strangle" is loaded language inside the minister's quote: the marks nest.
    assert!(page
        .find("#article-view mark[data-kind=\"quote\"] mark[data-kind=\"loaded-language\"]")
        .is_some());
    // The text itself is shown unchanged, as text.
    assert_eq!(page.text("#article-view"), ARTICLE);
}

#[wasm_bindgen_test]
async fn article_text_is_never_interpreted_as_html() {
    let page = Page::open().await;
    let text = "<img src=x onerror=\"window.injected=1\"><b>bold</b> is a disaster & more";
    page.analyse(text).await;
    assert!(page.find("#article-view img").is_none());
    assert!(page.find("#article-view b").is_none());
    assert_eq!(page.text("#article-view"), text);
}

#[wasm_bindgen_test]
async fn an_example_is_analysed_in_one_click_and_kept_for_edit_text() {
    let page = Page::open().await;
    page.click("[data-seed=\"2\"]");
    page.until("the detected language", |p| {
        p.text("#detected-language").contains("中文")
    })
    .await;
    page.until("the example analysed", |p| {
        p.text("#article-view") == sourcelight::SEED_ARTICLES[2].1
    })
    .await;
    page.click("#edit-text");
    page.until("the example in the box", |p| {
        p.find("#article-input").is_some() && p.box_text() == sourcelight::SEED_ARTICLES[2].1
    })
    .await;
}

#[wasm_bindgen_test]
async fn keyboard_moves_between_highlights_and_opens_details() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    let stops = page.all("#article-view mark[tabindex=\"0\"]");
    assert_eq!(stops.len(), 1, "one highlight in the tab order");
    stops[0]
        .clone()
        .unchecked_into::<HtmlElement>()
        .focus()
        .unwrap();
    let start = page.focused_finding().expect("a highlight has focus");
    page.until("details of the focused highlight", |p| {
        p.attribute("#details", "data-finding") == Some(start.clone())
    })
    .await;

    press(&stops[0], "ArrowRight");
    let next = page.focused_finding().expect("focus moved to a highlight");
    assert_ne!(next, start);
    page.until("details of the next highlight", |p| {
        p.attribute("#details", "data-finding") == Some(next.clone())
    })
    .await;
    page.until("one tab stop, on the new highlight", |p| {
        let stops = p.all("#article-view mark[tabindex=\"0\"]");
        stops.len() == 1 && stops[0].get_attribute("data-finding") == Some(next.clone())
    })
    .await;

    let focused = gloo::utils::document().active_element().unwrap();
    press(&focused, "k");
    assert_eq!(page.focused_finding(), Some(start.clone()), "k goes back");

    let focused = gloo::utils::document().active_element().unwrap();
    press(&focused, "Escape");
    page.until("Escape to close the details", |p| {
        p.find("#details").is_none()
    })
    .await;
    press(&focused, "Enter");
    page.until("Enter to open them again", |p| {
        p.attribute("#details", "data-finding") == Some(start.clone())
    })
    .await;
}

#[wasm_bindgen_test]
async fn clicking_a_highlight_or_a_list_entry_opens_its_details() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    page.click("#article-view mark[data-kind=\"loaded-language\"]");
    page.until("loaded-language details", |p| {
        p.attribute("#details", "data-kind").as_deref() == Some("loaded-language")
    })
    .await;
    assert!(page.text("#details").contains("Neutral alternative"));

    let index = page
        .attribute(
            "#findings-list button[data-kind=\"statistic\"]",
            "data-finding",
        )
        .unwrap();
    page.click("#findings-list button[data-kind=\"statistic\"]");
    page.until("the statistic's details", |p| {
        p.attribute("#details", "data-finding") == Some(index.clone())
    })
    .await;
    assert!(page.text("#details").contains("Source"));
}

#[wasm_bindgen_test]
async fn a_kind_filter_hides_its_highlights_and_entries() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    let before = page.all("#article-view mark[data-kind=\"quote\"]").len();
    assert!(before > 0);
    page.click("input[data-filter=\"quote\"]");
    page.until("quote highlights hidden", |p| {
        p.all("#article-view mark[data-kind=\"quote\"]").is_empty()
    })
    .await;
    assert!(!page
        .get("input[data-filter=\"quote\"]")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    assert!(page
        .all("#findings-list button[data-kind=\"quote\"]")
        .is_empty());
    assert!(
        !page.all("#article-view mark").is_empty(),
        "other kinds stay"
    );
    assert_eq!(
        page.text("#article-view"),
        ARTICLE,
        "hiding highlights keeps the text"
    );
    page.click("input[data-filter=\"quote\"]");
    page.until("quote highlights back", |p| {
        p.all("#article-view mark[data-kind=\"quote\"]").len() == before
    })
    .await;
}

#[wasm_bindgen_test]
async fn checklist_answers_and_notes_are_kept_across_edit_text() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    assert!(page
        .find("#checklist [data-item=\"unsourced-statistics\"]")
        .is_some());
    page.click("input[name=\"answer-sift-stop\"][value=\"unsure\"]");
    let note: HtmlTextAreaElement = page
        .get("textarea[data-note=\"sift-stop\"]")
        .unchecked_into();
    note.set_value("Looked up the minister.");
    fire(&note, "input");
    page.until("the answer recorded", |p| {
        p.attribute("[data-item=\"sift-stop\"]", "data-answer")
            .as_deref()
            == Some("unsure")
    })
    .await;

    page.click("#edit-text");
    page.until("the box again, text kept", |p| {
        p.find("#article-input").is_some() && p.box_text() == ARTICLE
    })
    .await;
    page.until("focus in the box", |p| p.focused_id() == "article-input")
        .await;
    page.click("#analyse");
    page.until("the annotated article", |p| p.find("#checklist").is_some())
        .await;
    let unsure: HtmlInputElement = page
        .get("input[name=\"answer-sift-stop\"][value=\"unsure\"]")
        .unchecked_into();
    assert!(unsure.checked());
    let note: HtmlTextAreaElement = page
        .get("textarea[data-note=\"sift-stop\"]")
        .unchecked_into();
    assert_eq!(note.value(), "Looked up the minister.");
}

#[wasm_bindgen_test]
async fn a_text_over_the_limit_is_refused_and_kept() {
    let page = Page::open().await;
    let big = "All quiet on the news front today. ".repeat(2_100_000 / 35 + 1);
    page.analyse_refused(&big).await;
    assert!(
        page.text("#error")
            .contains("Sourcelight analyses up to 2 MB at a time"),
        "{}",
        page.text("#error")
    );
    assert_eq!(
        page.box_text().len(),
        big.len(),
        "the text stays in the box"
    );
    assert!(page.text("#size-notice").contains("2.1 MB"));
}

#[wasm_bindgen_test]
async fn analysing_nothing_says_so() {
    let page = Page::open().await;
    page.analyse_refused("   ").await;
    assert!(page.text("#error").contains("no text to analyse"));
}

#[wasm_bindgen_test]
async fn the_language_can_be_overridden() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    assert_eq!(page.text("#detected-language"), "Detected: English");
    let select: HtmlSelectElement = page.get("#language").unchecked_into();
    select.set_value("zh");
    fire(&select, "change");
    page.until("the override shown", |p| {
        p.text("#detected-language") == "Analysed as: 中文"
    })
    .await;
}

#[wasm_bindgen(inline_js = "
export function select_text(view, text) {
  // Select the first occurrence of `text` in the view's text nodes (it must lie in one node).
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = document.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}
")]
extern "C" {
    fn select_text(view: &Element, text: &str) -> bool;
}

#[wasm_bindgen_test]
async fn a_selection_after_astral_characters_becomes_a_note_on_exactly_those_words() {
    let page = Page::open().await;
    // Emoji are two UTF-16 units but one code point: the offsets must be converted.
    let text = "😀🎉 Officials said 😀 the plan was bold. Exports fell 12 percent.";
    page.analyse(text).await;
    assert!(select_text(&page.get("#article-view"), "the plan"));
    page.click("#add-note");
    page.until("the note editor", |p| p.find("#note-editor").is_some())
        .await;
    assert_eq!(page.text("#note-quote"), "the plan");
    let label: HtmlInputElement = page.get("#note-label").unchecked_into();
    label.set_value("framing");
    page.click("#note-save");
    page.until("the note's highlight", |p| {
        p.find("#article-view mark[data-kind=\"note\"]").is_some()
    })
    .await;
    assert_eq!(
        page.text("#article-view mark[data-kind=\"note\"]"),
        "the plan"
    );
    assert_eq!(page.text("#article-view"), text, "the text is unchanged");
    assert!(page.text("#notes-list").contains("framing"));
}

#[wasm_bindgen_test]
async fn dismissing_needs_a_reason_and_undo_brings_the_finding_back() {
    let page = Page::open().await;
    page.analyse(ARTICLE).await;
    let first = page.all("#article-view mark[data-finding]")[0]
        .get_attribute("data-finding")
        .unwrap();
    page.click(&format!(".finding-entry[data-finding=\"{first}\"]"));
    page.until("details", |p| p.find("#dismiss-finding").is_some())
        .await;
    page.click("#dismiss-finding");
    page.until("the reason field", |p| p.find("#dismiss-reason").is_some())
        .await;
    page.click("#dismiss-submit");
    page.until("a request for a reason", |p| {
        p.text("#dismiss-reason-error").contains("reason")
    })
    .await;
    let reason: HtmlInputElement = page.get("#dismiss-reason").unchecked_into();
    reason.set_value("fair wording");
    page.click("#dismiss-submit");
    let selector = format!("#article-view mark[data-finding=\"{first}\"]");
    page.until("the dismissed finding hidden", |p| {
        p.find(&selector).is_none()
    })
    .await;
    page.click("#undo");
    page.until("the finding back", |p| p.find(&selector).is_some())
        .await;
}
