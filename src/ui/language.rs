//! The language select (Auto / English / 中文) and what the analysis detected.

use web_sys::{Event, HtmlSelectElement};
use yew::prelude::*;

use crate::analysis::Language;

#[derive(Properties, PartialEq, Clone)]
pub struct LanguagePickerProps {
    /// The reader's choice; `None` is Auto.
    pub choice: Option<Language>,
    /// The language the shown analysis used, and whether the reader chose it.
    pub detected: Option<(Language, bool)>,
    pub on_change: Callback<Option<Language>>,
}

fn choice_value(choice: Option<Language>) -> &'static str {
    choice.map_or("auto", Language::code)
}

#[function_component]
pub fn LanguagePicker(props: &LanguagePickerProps) -> Html {
    let select = use_node_ref();
    // An option's `selected` attribute stops steering the select once the reader
    // has used it, so the value is set as a property whenever the choice changes
    // (an imported file can change it too).
    use_effect_with((props.choice, select.clone()), |(choice, select)| {
        if let Some(select) = select.cast::<HtmlSelectElement>() {
            select.set_value(choice_value(*choice));
        }
    });
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_change.emit(Language::parse(&select.value()));
        })
    };
    let detected = props.detected.map(|(language, chosen)| {
        let text = if chosen {
            format!("Analysed as: {}", language.name())
        } else {
            format!("Detected: {}", language.name())
        };
        html! { <span id="detected-language" class="detected" role="status">{ text }</span> }
    });
    html! {
        <div class="language-picker">
            <label for="language">{ "Language" }</label>
            <select id="language" ref={select} {onchange}>
                <option value="auto" selected={props.choice.is_none()}>{ "Auto" }</option>
                <option value="en" lang="en" selected={props.choice == Some(Language::En)}>{ "English" }</option>
                <option value="zh" lang="zh" selected={props.choice == Some(Language::Zh)}>{ "中文" }</option>
            </select>
            { for detected }
        </div>
    }
}
