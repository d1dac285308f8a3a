use leptos::prelude::*;
#[cfg(not(feature = "ssr"))]
use wasm_bindgen::JsCast;
#[cfg(not(feature = "ssr"))]
use web_sys::{Document, Element, Node};

#[cfg(not(feature = "ssr"))]
use ascend_types::html::{BLOCKS, DROPPED, KEPT, LINK_REL, LINK_TARGET, MAX_DEPTH};

pub use ascend_types::links::safe_href;

/// Rebuilds a job description with the shared allowlist
/// (`ascend_types::html`), whatever the server sent: parsed in an inert
/// `<template>` (no script runs, no image loads), then copied element by
/// element, without any attribute but a safe `href` on links, which also
/// get `rel` and `target`. Text of any other element is kept; scripts,
/// styles and media go with their content.
#[cfg(not(feature = "ssr"))]
pub fn sanitize_description(html: &str) -> String {
    let document = document();
    let Ok(template) = document.create_element("template") else {
        return String::new();
    };
    let template: web_sys::HtmlTemplateElement = template.unchecked_into();
    template.set_inner_html(html);
    let Ok(out) = document.create_element("div") else {
        return String::new();
    };
    copy_allowed(&document, &template.content(), &out, 0);
    out.inner_html()
}

#[cfg(not(feature = "ssr"))]
fn copy_allowed(document: &Document, from: &Node, to: &Element, depth: usize) {
    let children = from.child_nodes();
    for index in 0..children.length() {
        let Some(node) = children.item(index) else {
            continue;
        };
        match node.node_type() {
            Node::TEXT_NODE => {
                let text = node.text_content().unwrap_or_default();
                let _ = to.append_child(&document.create_text_node(&text));
            }
            Node::ELEMENT_NODE => copy_element(document, node.unchecked_ref(), to, depth),
            // Comments, processing instructions and the like carry nothing to read.
            _ => {}
        }
    }
}

#[cfg(not(feature = "ssr"))]
fn copy_element(document: &Document, element: &Element, to: &Element, depth: usize) {
    let tag = element.local_name().to_ascii_lowercase();
    if DROPPED.contains(&tag.as_str()) {
        return;
    }
    if depth >= MAX_DEPTH {
        let text = element.text_content().unwrap_or_default();
        let _ = to.append_child(&document.create_text_node(&text));
        return;
    }
    let href = (tag == "a")
        .then(|| element.get_attribute("href"))
        .flatten()
        .and_then(|href| safe_href(&href).map(str::to_owned));
    let keep = KEPT.contains(&tag.as_str()) || tag == "h1";
    // A link to nowhere safe is only its words.
    if !keep || (tag == "a" && href.is_none()) {
        copy_allowed(document, element, to, depth + 1);
        if BLOCKS.contains(&tag.as_str()) {
            let _ = to.append_child(&document.create_text_node(" "));
        }
        return;
    }
    let name = if tag == "h1" { "h2" } else { tag.as_str() };
    let Ok(copy) = document.create_element(name) else {
        return;
    };
    if let Some(href) = href {
        let _ = copy.set_attribute("href", &href);
        let _ = copy.set_attribute("rel", LINK_REL);
        let _ = copy.set_attribute("target", LINK_TARGET);
    }
    copy_allowed(document, element, &copy, depth + 1);
    let _ = to.append_child(&copy);
}

/// The description as the page sets it. The server renders what it stored,
/// which was cleaned with these same rules when it was written; the
/// browser keeps that when it hydrates the server's page, and rebuilds a
/// description it fetched itself.
pub fn readable(html: String) -> String {
    #[cfg(feature = "ssr")]
    return html;
    #[cfg(not(feature = "ssr"))]
    if crate::page_data::drawn_by_server() {
        html
    } else {
        sanitize_description(&html)
    }
}

/// The job's description, rebuilt by [`sanitize_description`] and set for
/// reading: a comfortable measure, generous leading, clear section headings.
#[component]
pub fn JobDescription(
    /// The API's `description_html`.
    #[prop(into)]
    html: String,
    /// How the page reads it: [`readable`], or, where every job is one the
    /// server drew (the job page's own entry point), the text as drawn,
    /// which keeps the rebuilding code out of that wasm.
    #[prop(default = readable)]
    reading: fn(String) -> String,
) -> impl IntoView {
    let body = reading(html);
    view! {
        <section class="job-description" aria-labelledby="job-description-heading">
            <h2 id="job-description-heading" class="job-description__heading">"About the job"</h2>
            <div class="job-description__body" inner_html=body></div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_links_pass() {
        assert_eq!(
            safe_href("https://a.example/x"),
            Some("https://a.example/x")
        );
        assert_eq!(safe_href("  HTTP://a.example "), Some("HTTP://a.example"));
        assert_eq!(
            safe_href("mailto:jobs@a.example"),
            Some("mailto:jobs@a.example")
        );
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "/jobs/relative",
            "//evil.example",
            "https:",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }
}
