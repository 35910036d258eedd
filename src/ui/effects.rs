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
