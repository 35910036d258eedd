//! Browser side effects: reading local files, downloading the annotation file,
//! scrolling and focusing highlights. Called from callbacks and effects only,
//! never from the reducer. Nothing here touches the network.

use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, File, FileList, HtmlElement, ScrollBehavior, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};

/// Files above this size are refused before reading: a text file this big is
/// far beyond what can be analysed, and reading it would only stall the page.
pub const MAX_FILE_BYTES: f64 = 50_000_000.0;

/// What a dropped or opened file is, by its name first and its type second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An article: plain text or Markdown, or HTML (reduced to text).
    Article {
        html: bool,
    },
    /// A Sourcelight annotation file.
    Annotation,
    Unsupported,
}

pub fn classify(file: &File) -> FileKind {
    let name = file.name().to_lowercase();
    let mime = file.type_().to_lowercase();
    let extension = name.rsplit_once('.').map(|(_, ext)| ext).unwrap_or("");
    match extension {
        "txt" | "text" | "md" | "markdown" => FileKind::Article { html: false },
        "html" | "htm" | "xhtml" => FileKind::Article { html: true },
        "json" | "jsonld" => FileKind::Annotation,
        _ if mime == "text/html" || mime == "application/xhtml+xml" => {
            FileKind::Article { html: true }
        }
        _ if mime.contains("json") => FileKind::Annotation,
        _ if mime.starts_with("text/") => FileKind::Article { html: false },
        _ => FileKind::Unsupported,
    }
}

/// The first file of a file list, if any.
pub fn first_file(files: Option<FileList>) -> Option<File> {
    files.and_then(|files| files.get(0))
}

/// Read `file` as UTF-8 text; `done` gets the text or a reader-facing message.
/// The read is cancelled if the returned guard is dropped, so the caller keeps it.
pub fn read_text(
    file: &File,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Option<FileReader> {
    if file.size() > MAX_FILE_BYTES {
        done(Err(format!(
            "the file is {}, far more than the {} Sourcelight analyses at a time",
            super::state::megabytes(file.size() as usize),
            super::state::megabytes(super::state::MAX_TEXT_BYTES)
        )));
        return None;
    }
    let blob = gloo::file::Blob::from(file.clone());
    Some(gloo::file::callbacks::read_as_text(&blob, move |result| {
        done(result.map_err(|error| format!("the browser could not read it ({error})")))
    }))
}

/// Offer `contents` as a download named `filename`, through a Blob and an object
/// URL clicked from a temporary link: the file is made in the page, nothing is sent.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let document = gloo::utils::document();
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not create a download link".to_string())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_hidden(true);
    let body = gloo::utils::body();
    let _ = body.append_child(&link);
    link.click();
    link.remove();
    // Revoking the URL at once can cancel the download in some browsers; keep it a minute.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// The first (or only) piece of a finding's highlight.
fn finding_mark(index: usize) -> Option<HtmlElement> {
    gloo::utils::document()
        .query_selector(&format!("#article-view mark[data-finding=\"{index}\"]"))
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
}

/// Scroll a finding's highlight into view if it is not (smoothly unless the reader
/// asked for reduced motion: the CSS `scroll-behavior` decides). The marks'
/// `scroll-margin` keeps some context around it, and on narrow screens keeps it
/// clear of the details sheet.
pub fn reveal_finding(index: usize) {
    if let Some(mark) = finding_mark(index) {
        let options = ScrollIntoViewOptions::new();
        options.set_behavior(ScrollBehavior::Auto);
        options.set_block(ScrollLogicalPosition::Nearest);
        options.set_inline(ScrollLogicalPosition::Nearest);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Move keyboard focus to a finding's highlight.
pub fn focus_finding(index: usize) {
    if let Some(mark) = finding_mark(index) {
        let _ = mark.focus();
    }
}

/// Is keyboard focus inside the element with this id?
pub fn focus_is_inside(id: &str) -> bool {
    let document = gloo::utils::document();
    match (document.active_element(), document.get_element_by_id(id)) {
        (Some(active), Some(container)) => container.contains(Some(&active)),
        _ => false,
    }
}

/// The finding index of the highlight an event happened in, if any.
pub fn finding_at(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let element: Element = target?.dyn_into().ok()?;
    let mark = element.closest("mark[data-finding]").ok()??;
    mark.get_attribute("data-finding")?.parse().ok()
}

// ---------- autosave ----------

/// The localStorage key of the saved session.
pub const SESSION_KEY: &str = "sourcelight.session";

/// The reader-facing message when the browser refuses to store the session.
pub const STORAGE_FULL_MESSAGE: &str =
    "Could not save in this browser: storage is full — export the file to keep your work.";

/// What is saved: the draft, the screen, whether the work was exported, and the
/// article as its annotation file (the format import already checks).
pub fn session_json(
    article: Option<&crate::article::AnnotatedArticle>,
    draft: &str,
    review: bool,
    dirty: bool,
) -> String {
    serde_json::json!({
        "draft": draft,
        "review": review,
        "dirty": dirty,
        "annotation": article.map(crate::annotation::export),
    })
    .to_string()
}

/// A saved session read back: `(article, draft, review, dirty)`. A damaged or
/// foreign entry gives `None` (and is left in place, not deleted).
pub type Session = (Option<crate::article::AnnotatedArticle>, String, bool, bool);

pub fn parse_session(json: &str) -> Option<Session> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let draft = value.get("draft")?.as_str()?.to_string();
    let review = value
        .get("review")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let dirty = value.get("dirty").and_then(|v| v.as_bool()).unwrap_or(true);
    let article = value
        .get("annotation")
        .and_then(|v| v.as_str())
        .and_then(|json| crate::annotation::import(json).ok());
    Some((article, draft, review, dirty))
}

fn local_storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .map_err(|_| "this browser does not allow it here".to_string())?
        .ok_or_else(|| "this browser has no local storage".to_string())
}

/// The saved session, if any.
pub fn load_session() -> Option<Session> {
    let json = local_storage().ok()?.get_item(SESSION_KEY).ok()??;
    parse_session(&json)
}

/// Why the browser refused to store something.
enum Refusal {
    /// No storage here at all (the reason in words).
    Unavailable(String),
    /// The quota is used up.
    Full,
    /// Another refusal, by its DOMException name.
    Other(String),
}

fn store(key: &str, value: &str) -> Result<(), Refusal> {
    let storage = local_storage().map_err(Refusal::Unavailable)?;
    storage.set_item(key, value).map_err(|error| {
        let name = error
            .dyn_ref::<web_sys::DomException>()
            .map(|e| e.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            Refusal::Full
        } else {
            Refusal::Other(name)
        }
    })
}

/// Save the session; `Err` holds the message for the status line.
pub fn save_session(json: &str) -> Result<(), String> {
    store(SESSION_KEY, json).map_err(|refusal| match refusal {
        Refusal::Unavailable(why) => format!("Could not save in this browser: {why}."),
        Refusal::Full => STORAGE_FULL_MESSAGE.to_string(),
        // Other refusals (storage switched off) are just as real: say so.
        Refusal::Other(name) => {
            format!("Could not save in this browser ({name}) — export the file to keep your work.")
        }
    })
}

// ---------- switched-off rules ----------

/// The localStorage key of the reader's switched-off rules (apart from the
/// session: they outlive any one article).
pub const DISABLED_RULES_KEY: &str = "sourcelight.disabled-rules";

/// The switched-off rules stored in this browser (none if nothing is stored).
pub fn load_disabled_rules() -> Vec<String> {
    local_storage()
        .ok()
        .and_then(|storage| storage.get_item(DISABLED_RULES_KEY).ok().flatten())
        .map(|json| super::state::parse_disabled_rules(&json))
        .unwrap_or_default()
}

/// Store the switched-off rules; `Err` holds the message for the status line.
/// They stay switched off on this page either way.
pub fn save_disabled_rules(rules: &[String]) -> Result<(), String> {
    let json = super::state::disabled_rules_json(rules);
    store(DISABLED_RULES_KEY, &json).map_err(|refusal| {
        let why = match refusal {
            Refusal::Unavailable(why) => why,
            Refusal::Full => "storage is full".to_string(),
            Refusal::Other(name) => format!("the browser refused ({name})"),
        };
        format!(
            "Could not store your switched-off rules in this browser: {why}. \
             They stay off on this page, but not after a reload."
        )
    })
}

// ---------- share links ----------

/// The share payload in the page's address, if the fragment looks like one
/// (`#v1.…`); other fragments (`#main` from the skip link) are not links.
pub fn share_fragment() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let payload = hash.strip_prefix('#')?;
    let (tag, _) = payload.split_once('.')?;
    let digits = tag.strip_prefix('v')?;
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| payload.to_string())
}

/// The page's address without its fragment.
pub fn address_without_fragment() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Take the share payload out of the address bar once it has been read, so a
/// reload shows the reader's own (autosaved) work rather than the link again.
pub fn clear_fragment() {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&address_without_fragment()),
        );
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function copy_text(text, ok, fail) {
  try {
    if (!navigator.clipboard || !navigator.clipboard.writeText) { fail(); return; }
    navigator.clipboard.writeText(text).then(() => ok(), () => fail());
  } catch (e) { fail(); }
}
")]
extern "C" {
    fn copy_text(text: &str, ok: &wasm_bindgen::JsValue, fail: &wasm_bindgen::JsValue);
}

/// Copy `text` to the clipboard; `done(true)` when it was copied.
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (on_ok, on_fail) = (done.clone(), done);
    let ok = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(done) = on_ok.borrow_mut().take() {
            done(true)
        }
    });
    let fail = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(done) = on_fail.borrow_mut().take() {
            done(false)
        }
    });
    copy_text(text, &ok, &fail);
}

// ---------- selections in the article view ----------

/// UTF-16 offset of a DOM boundary point from the start of `view`'s text.
fn utf16_offset(view: &Element, node: &web_sys::Node, offset: u32) -> Option<usize> {
    let range = gloo::utils::document().create_range().ok()?;
    range.set_start(view, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(range.to_string().length() as usize)
}

/// The reader's text selection inside the article view, in code points of
/// `text` (the view shows exactly `text`), or `None` if nothing is selected there.
pub fn article_selection(text: &str) -> Option<crate::analysis::Span> {
    let document = gloo::utils::document();
    let view = document.get_element_by_id("article-view")?;
    let selection = document.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    if !view.contains(Some(&start_node)) || !view.contains(Some(&end_node)) {
        return None;
    }
    let start = utf16_offset(&view, &start_node, range.start_offset().ok()?)?;
    let end = utf16_offset(&view, &end_node, range.end_offset().ok()?)?;
    let start = crate::analysis::text::char_index_from_utf16(text, start);
    // The end rounds up past a half-selected surrogate pair (never happens from a real selection).
    let end = crate::analysis::text::char_index_from_utf16(text, end);
    (end > start).then(|| crate::analysis::Span::new(start, end))
}

/// Put the caret at the start of the article view (keyboard selection mode).
pub fn caret_to_start(view: &Element) {
    let document = gloo::utils::document();
    if let (Ok(Some(selection)), Ok(range)) = (document.get_selection(), document.create_range()) {
        if range.set_start(view, 0).is_ok() {
            range.collapse_with_to_start(true);
            let _ = selection.remove_all_ranges();
            let _ = selection.add_range(&range);
        }
    }
}
