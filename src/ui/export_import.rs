//! Export the annotation file (a download made in the page) and import one from a local file.

use web_sys::{Event, File, HtmlInputElement, MouseEvent};
use yew::prelude::*;

use super::effects;

#[derive(Properties, PartialEq, Clone)]
pub struct ExportImportProps {
    /// False until there is an analysed article to export.
    pub can_export: bool,
    pub on_export: Callback<()>,
    pub on_import: Callback<File>,
}

#[function_component]
pub fn ExportImport(props: &ExportImportProps) -> Html {
    let on_export = {
        let on_export = props.on_export.clone();
        Callback::from(move |_: MouseEvent| on_export.emit(()))
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
    html! {
        <div class="export-import">
            if props.can_export {
                <button type="button" id="export" onclick={on_export} title="Download sourcelight-annotations.json (W3C Web Annotation)">
                    { "Export annotations" }
                </button>
            }
            <label class="file-button">
                { "Import annotations…" }
                <input id="import-file" type="file" class="file-input" accept=".json,.jsonld,application/json,application/ld+json" onchange={on_import} />
            </label>
        </div>
    }
}
