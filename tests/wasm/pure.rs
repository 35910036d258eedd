//! The pure pieces again, compiled to wasm and run in the browser, plus the
//! HTML-to-text reduction that needs the browser's DOMParser.

use sourcelight::analysis::Span;
use sourcelight::ui::html_text::html_to_text;
use sourcelight::ui::segments::{build, Segment};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn segments_nest_and_split_in_wasm() {
    let tree = build(20, &[(0, Span::new(0, 10)), (1, Span::new(5, 15))]);
    assert_eq!(tree.len(), 3);
    let Segment::Mark {
        finding: 0,
        children,
        ..
    } = &tree[0]
    else {
        panic!("outer mark first: {tree:?}")
    };
    assert!(matches!(
        children[1],
        Segment::Mark {
            finding: 1,
            first_piece: true,
            start: 5,
            end: 10,
            ..
        }
    ));
    assert!(matches!(
        tree[1],
        Segment::Mark {
            finding: 1,
            first_piece: false,
            start: 10,
            end: 15,
            ..
        }
    ));
    assert_eq!(tree[2], Segment::Text { start: 15, end: 20 });
}

#[wasm_bindgen_test]
fn html_is_reduced_to_text_with_paragraphs() {
    let html = "<h1>Title</h1><p>First <b>bold</b>\n  line.</p><script>window.bad = 1</script>\
                <ul><li>one</li><li>two</li></ul><p>a<br>b</p><style>p{}</style><template>t</template>";
    assert_eq!(
        html_to_text(html).unwrap(),
        "Title\n\nFirst bold line.\n\none\ntwo\n\na\nb"
    );
    let ran = js_sys::Reflect::get(&gloo::utils::window(), &"bad".into()).unwrap();
    assert!(ran.is_undefined(), "a script in pasted HTML must never run");
}

#[wasm_bindgen_test]
fn deeply_nested_html_does_not_overflow_the_stack() {
    let html = format!(
        "{}deep{}",
        "<div><span>".repeat(20_000),
        "</span></div>".repeat(20_000)
    );
    assert_eq!(html_to_text(&html).unwrap(), "deep");
}
