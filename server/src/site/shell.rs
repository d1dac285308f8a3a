//! What trunk built for one entry point, read from its `index.html` once:
//! the tags the head needs (character set, viewport, icon, the stylesheet,
//! the module script that loads and starts the wasm, its preloads). The
//! server writes each page's document itself around them, so trunk's
//! minifier, which leaves out optional tags such as `<head>`, never matters.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use lol_html::{HtmlRewriter, Settings, element, text};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

use super::html::escape_html;

/// One entry point's head tags.
#[derive(Debug, Clone, PartialEq)]
pub struct Shell {
    /// The tags, in the order trunk wrote them.
    pub head: String,
    /// `sha256-...` of each inline script, for the Content-Security-Policy.
    pub script_hashes: Vec<String>,
}

impl Shell {
    /// Reads the tags out of trunk's `index.html` as trunk wrote them (the
    /// widget's page, drawn in the browser, is served as it is). Its
    /// `<title>`, its description and its body are left out: every page
    /// writes its own.
    pub fn parse(html: &str) -> Shell {
        Shell::read(html, false)
    }

    /// The tags of a shell for pages the server draws whole: without the
    /// app's preloads, and with a loader that waits for the first paint
    /// (see [`after_first_paint`]).
    pub fn for_drawn_pages(html: &str) -> Shell {
        Shell::read(html, true)
    }

    fn read(html: &str, defer_app: bool) -> Shell {
        let mut head = String::new();
        let mut hashes = Vec::new();
        let tags = std::cell::RefCell::new(Vec::<String>::new());
        let texts = std::cell::RefCell::new(Vec::<(usize, String)>::new());
        {
            let settings = Settings::new()
                .append_element_content_handler(element!("meta, link", |el| {
                    let name = el.get_attribute("name").unwrap_or_default();
                    let description = name.eq_ignore_ascii_case("description");
                    let dropped_preload = defer_app && is_app_preload(el);
                    if !description && !dropped_preload {
                        tags.borrow_mut()
                            .push(open_tag(&el.tag_name(), el.attributes()));
                    }
                    Ok(())
                }))
                .append_element_content_handler(element!("script", |el| {
                    tags.borrow_mut().push(open_tag("script", el.attributes()));
                    Ok(())
                }))
                .append_element_content_handler(text!("script", |chunk| {
                    let at = tags.borrow().len() - 1;
                    let mut texts = texts.borrow_mut();
                    match texts.last_mut() {
                        Some((index, text)) if *index == at => text.push_str(chunk.as_str()),
                        _ => texts.push((at, chunk.as_str().to_owned())),
                    }
                    Ok(())
                }));
            let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
            // The shell is trunk's output; a parse error leaves what was read.
            let _ = rewriter.write(html.as_bytes());
            let _ = rewriter.end();
        }
        let texts = texts.into_inner();
        for (index, tag) in tags.into_inner().into_iter().enumerate() {
            if tag.starts_with("<script") {
                let body = texts
                    .iter()
                    .find(|(at, _)| *at == index)
                    .map(|(_, text)| {
                        if defer_app {
                            after_first_paint(text)
                        } else {
                            text.clone()
                        }
                    })
                    .unwrap_or_default();
                if !body.is_empty() {
                    hashes.push(script_hash(&body));
                }
                head.push_str(&tag);
                head.push_str(&body);
                head.push_str("</script>");
            } else {
                head.push_str(&tag);
            }
        }
        Shell {
            head,
            script_hashes: hashes,
        }
    }

    /// A whole page: the shell's tags, `head` (the page's title, meta tags
    /// and JSON-LD, after leptos_meta's `<!--HEAD-->` marker, where its
    /// hydration looks for them), `body` (the rendered app) and the data
    /// it was rendered with.
    pub fn document(&self, head: &str, body: &str, data: &str) -> String {
        let data_id = ascend_types::wire::PAGE_DATA_ID;
        let data = ascend_types::jsonld::escape_json_for_script(data);
        let mut page =
            String::with_capacity(self.head.len() + head.len() + body.len() + data.len() + 256);
        page.push_str("<!doctype html><html lang=\"en\"><head>");
        page.push_str(&self.head);
        page.push_str(head);
        page.push_str("</head><body>");
        page.push_str(body);
        page.push_str("<script type=\"application/json\" id=\"");
        page.push_str(data_id);
        page.push_str("\">");
        page.push_str(&data);
        page.push_str("</script></body></html>");
        page
    }
}

/// Trunk's preloads of the app's JavaScript and wasm. The page the server
/// drew is whole without them, so they must not compete with it: fetched
/// before the first paint, they count towards it (Lighthouse's simulated
/// LCP waits for every request that started before the page's largest
/// paint). The loader asks for them once the page is on screen instead.
fn is_app_preload(el: &lol_html::html_content::Element<'_, '_>) -> bool {
    let rel = el.get_attribute("rel").unwrap_or_default();
    let href = el.get_attribute("href").unwrap_or_default();
    el.tag_name() == "link"
        && (rel == "modulepreload" || rel == "preload")
        && (href.ends_with(".js") || href.ends_with(".wasm"))
}

/// Trunk's loader (`import init, * as bindings from '/x.js'; await
/// init(...)`) made to wait for the first paint before it imports the
/// app: the browser's first paint entry (Paint Timing), or at most a
/// second, as a hidden tab paints nothing. A frame callback is not enough:
/// the frame it belongs to can still be waiting to be shown when the app's
/// first long task starts, and then nothing shows until it ends. Any other
/// script is kept as it is.
fn after_first_paint(script: &str) -> String {
    const PREFIX: &str = "import init, * as bindings from '";
    let Some(rest) = script.trim_start().strip_prefix(PREFIX) else {
        return script.to_owned();
    };
    let Some((module, rest)) = rest.split_once("';") else {
        return script.to_owned();
    };
    if module.contains(['\'', '\\', '\n']) {
        return script.to_owned();
    }
    format!(
        "await new Promise((painted) => {{ \
         new PerformanceObserver((_, seen) => {{ seen.disconnect(); painted(); }}).observe({{ type: 'paint', buffered: true }}); \
         setTimeout(painted, 1000); }});\n\
         const bindings = await import('{module}');\n\
         const init = bindings.default;{rest}"
    )
}

/// `<tag a="b" c>` from an element's attributes, escaped again.
fn open_tag(tag: &str, attributes: &[lol_html::html_content::Attribute<'_>]) -> String {
    let mut out = format!("<{tag}");
    for attribute in attributes {
        out.push(' ');
        out.push_str(&attribute.name());
        let value = attribute.value();
        if !value.is_empty() {
            out.push_str("=\"");
            out.push_str(&escape_html(&value));
            out.push('"');
        }
    }
    out.push('>');
    out
}

/// The CSP source that allows an inline script with exactly this text.
pub fn script_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A shell read on first use and kept: trunk writes a new one only with a
/// new build, and a new build means a restart.
pub struct ShellFile {
    path: PathBuf,
    shell: OnceCell<Arc<Shell>>,
}

impl ShellFile {
    pub fn new(path: PathBuf) -> Self {
        ShellFile {
            path,
            shell: OnceCell::new(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The shell, or the answer to give while there is none (a failed read
    /// is not kept, so building the front end later is enough).
    pub async fn get(&self) -> Result<Arc<Shell>, Response> {
        self.shell
            .get_or_try_init(|| async {
                let html = tokio::fs::read_to_string(&self.path).await?;
                Ok::<_, std::io::Error>(Arc::new(Shell::for_drawn_pages(&html)))
            })
            .await
            .cloned()
            .map_err(|error| {
                tracing::error!(path = %self.path.display(), %error, "the front end is not built");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The front end is not built yet: run `make run`.",
                )
                    .into_response()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What trunk writes for the job page, minified: no `<head>` tag.
    const MINIFIED: &str = "<!doctype html><html lang=en><meta charset=utf-8>\
        <meta content=\"width=device-width,initial-scale=1\" name=viewport><title>Ascend</title>\
        <meta content=\"Jobs > all\" name=description>\
        <link href=/favicon.svg rel=icon type=image/svg+xml>\
        <link href=\"/job/index-styles-13c8c5bcd663885a.css\" integrity=\"sha384-abc\" rel=\"stylesheet\">\
        <script type=module>import init from '/job/job-7d.js';\nawait init();</script>\
        <link crossorigin href=/job/job-7d.js rel=modulepreload></head><body><noscript>x</noscript></body></html>";

    #[test]
    fn the_tags_are_kept_in_order_without_title_description_or_body() {
        let shell = Shell::parse(MINIFIED);
        assert_eq!(
            shell.head,
            "<meta charset=\"utf-8\"><meta content=\"width=device-width,initial-scale=1\" name=\"viewport\">\
             <link href=\"/favicon.svg\" rel=\"icon\" type=\"image/svg+xml\">\
             <link href=\"/job/index-styles-13c8c5bcd663885a.css\" integrity=\"sha384-abc\" rel=\"stylesheet\">\
             <script type=\"module\">import init from '/job/job-7d.js';\nawait init();</script>\
             <link crossorigin href=\"/job/job-7d.js\" rel=\"modulepreload\">"
        );
    }

    #[test]
    fn the_loader_imports_the_app_after_the_first_paint_without_preloads() {
        let trunk = "<!doctype html><html lang=en><meta charset=utf-8>\
            <script type=module>import init, * as bindings from '/job/job-7d.js';\n\
            const wasm = await init({ module_or_path: '/job/job-7d_bg.wasm' });\n\
            window.wasmBindings = bindings;</script>\
            <link crossorigin href=/job/job-7d.js integrity=sha384-x rel=modulepreload>\
            <link as=fetch crossorigin href=/job/job-7d_bg.wasm rel=preload type=application/wasm>\
            <link href=/favicon.svg rel=icon></head><body></body></html>";
        // The widget's page, drawn in the browser, is kept as trunk wrote it.
        let as_built = Shell::parse(trunk);
        assert!(as_built.head.contains("rel=\"modulepreload\""));
        assert!(as_built.head.contains("import init, * as bindings"));
        let shell = Shell::for_drawn_pages(trunk);
        assert!(!shell.head.contains("preload"), "{}", shell.head);
        assert!(
            shell
                .head
                .contains("<link href=\"/favicon.svg\" rel=\"icon\">")
        );
        let script = shell.head.split("<script type=\"module\">").nth(1).unwrap();
        let script = script.split("</script>").next().unwrap();
        let paint = script.find("type: 'paint'").unwrap();
        let import = script.find("await import('/job/job-7d.js')").unwrap();
        assert!(paint < import, "{script}");
        assert!(script.contains("const init = bindings.default;"));
        assert!(script.contains("await init({ module_or_path: '/job/job-7d_bg.wasm' });"));
        assert!(!script.contains("import init,"), "{script}");
        // The policy allows exactly the script the page carries.
        assert_eq!(shell.script_hashes, [script_hash(script)]);
    }

    #[test]
    fn inline_scripts_are_hashed_for_the_policy() {
        let shell = Shell::parse(MINIFIED);
        assert_eq!(
            shell.script_hashes,
            [script_hash(
                "import init from '/job/job-7d.js';\nawait init();"
            )]
        );
        // The known SHA-256 of "abc", so the encoding is the one browsers use.
        assert_eq!(
            script_hash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
    }

    #[test]
    fn a_document_has_the_page_in_its_body_and_its_data_after() {
        let shell = Shell::parse(MINIFIED);
        let page = shell.document(
            "<!--HEAD--><title>T</title>",
            "<main>hi</main>",
            r#"{"a":"</script>"}"#,
        );
        assert!(page.starts_with("<!doctype html><html lang=\"en\"><head><meta charset"));
        assert!(page.contains("<!--HEAD--><title>T</title></head><body><main>hi</main>"));
        assert!(page.ends_with(
            r#"<script type="application/json" id="ascend-data">{"a":"\u003c/script\u003e"}</script></body></html>"#
        ));
        assert!(!page.contains("noscript"));
    }
}
