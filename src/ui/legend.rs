//! The key to the highlights: each kind has a colour and a second cue (line style
//! and marker symbol), so the kinds can be told apart without colour.

use yew::prelude::*;

#[function_component]
pub fn Legend() -> Html {
    html! {
        <div class="legend" aria-labelledby="legend-heading">
            <h3 id="legend-heading" class="visually-hidden">{ "Key to the highlights" }</h3>
            <ul>
                <li>
                    <span class="sample" data-sample-kind="loaded-language">{ "loaded" }</span>
                    { " Loaded language: solid underline, marked !" }
                </li>
                <li>
                    <span class="sample" data-sample-kind="statistic">{ "42%" }</span>
                    { " Statistic: double underline, marked #" }
                </li>
                <li>
                    <span class="sample" data-sample-kind="quote">{ "“said”" }</span>
                    { " Quote: dashed box, marked ❝" }
                </li>
                <li>
                    <span class="sample" data-sample-kind="statistic" data-sample-strong="true">{ "no source" }</span>
                    { " Wavy line: no source, vague or no speaker" }
                </li>
            </ul>
            <p id="article-view-help" class="hint">
                { "Click a highlight for details. Keyboard: Tab to the article, then ← → (or j / k) to move between highlights, Enter to open, Escape to close." }
            </p>
        </div>
    }
}
