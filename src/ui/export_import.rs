//! Export (annotation file, HTML report, Markdown summary, share link), import an
//! annotation file, and pick two files to compare. Files are made in the page and
//! read from the reader's disk; nothing is sent anywhere.

use web_sys::{Event, File, HtmlInputElement, MouseEvent};
use yew::prelude::*;

use super::effects;

#[derive(Properties, PartialEq, Clone)]
pub struct ExportImportProps {
    /// False until there is an analysed article to export.
    pub can_export: bool,
    pub on_export: Callback<()>,
    pub on_import: Callback<File>,
    #[prop_or_default]
    pub on_export_html: Callback<()>,
    #[prop_or_default]
    pub on_export_markdown: Callback<()>,
    #[prop_or_default]
    pub on_share: Callback<()>,
    /// Two annotation files picked to compare.
    #[prop_or_default]
    pub on_compare: Callback<Vec<File>>,
}

#[function_component]
pub fn ExportImport(props: &ExportImportProps) -> Html {
    let click = |callback: &Callback<()>| {
        let callback = callback.clone();
        Callback::from(move |_: MouseEvent| callback.emit(()))
    };
    let on_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = effects::first_file(input.files()) {
                on_import.emit(file);
            }
            input.set_value("");
        })
    };
    let on_compare = {
        let on_compare = props.on_compare.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                let files: Vec<File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
                on_compare.emit(files);
            }
            input.set_value("");
        })
    };
    html! {
        <div class="export-import">
            if props.can_export {
                <button type="button" id="export" onclick={click(&props.on_export)} title="Download sourcelight-annotations.json (W3C Web Annotation)">
                    { "Export annotations" }
                </button>
                <button type="button" id="export-html" onclick={click(&props.on_export_html)} title="Download sourcelight-report.html, a report that opens in any browser">
                    { "HTML report" }
                </button>
                <button type="button" id="export-markdown" onclick={click(&props.on_export_markdown)} title="Download sourcelight-summary.md">
                    { "Markdown summary" }
                </button>
                <button type="button" id="copy-share-link" onclick={click(&props.on_share)} title="Copy a link that holds the article and your annotations">
                    { "Copy share link" }
                </button>
            }
            <label class="file-button">
                { "Import annotations…" }
                <input id="import-file" type="file" class="file-input" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} />
            </label>
            <label class="file-button">
                { "Compare two files…" }
                <input id="compare-files" type="file" multiple=true class="file-input" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_compare} />
            </label>
        </div>
    }
}
