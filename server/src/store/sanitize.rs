//! HTML from imports and seeds is never trusted: descriptions are cut down
//! to a small reading subset before they are stored, and turned into plain
//! text for full-text search and summaries. Control characters go from
//! every text ([`clean_text`]).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ascend_types::html;

/// Built once: configuring a builder allocates its sets, and every stored
/// job goes through it. The lists are the ones the browser rebuilds a
/// description with (`ascend_types::html`).
static DESCRIPTION_CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from(html::KEPT))
        // Dropped with their content: their text is code or chrome, never
        // part of the description. (ammonia keeps `head` and `title` out
        // of a fragment by itself.)
        .clean_content_tags(
            html::DROPPED
                .into_iter()
                .filter(|tag| !matches!(*tag, "head" | "title"))
                .collect(),
        )
        .generic_attributes(HashSet::new())
        .tag_attributes(HashMap::from([("a", HashSet::from(["href"]))]))
        .set_tag_attribute_value("a", "target", html::LINK_TARGET)
        .url_schemes(HashSet::from(html::LINK_SCHEMES))
        // A relative link has no base to resolve against once the text
        // leaves the page it was written for.
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some(html::LINK_REL))
        .strip_comments(true);
    builder
});

/// Keeps what `ascend_types::html` keeps (paragraphs, line breaks, lists,
/// h2-h4 headings, emphasis, quotes and links, http, https and mailto only,
/// each with its `rel` and `target`); an `h1` becomes an `h2`, every other
/// tag is unwrapped, all other attributes go, and scripts, styles and
/// frames go with their content.
pub fn sanitize_description(html: &str) -> String {
    let clean = DESCRIPTION_CLEANER.clean(&normalized(html)).to_string();
    // After parsing: character references (`&#7;`) are characters by now,
    // and the serializer writes them as they are.
    clean_text(&clean, Lines::Many, &mut Vec::new()).into_owned()
}

/// Whether a text field holds one line (a title, a name, a place) or
/// several (a description).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// `text` without control characters: the one cleaning every imported
/// text goes through, each removed character added to `removed`.
///
/// NUL, the other C0 and C1 controls and DEL go, and so do the
/// bidirectional embedding, override and isolate controls (U+202A to
/// U+202E, U+2066 to U+2069), which reorder the text after them on the
/// page ("Trojan Source") and which no title or description needs. The
/// whitespace among the controls is not removed but kept as what it means:
/// in a multi-line field `\n` and `\t` stay, `\r\n` and a lone `\r`
/// become `\n`, and vertical tab, form feed and NEL become `\n` too; in a
/// one-line field each of them is a space. Only deleted characters count as
/// removed.
pub fn clean_text<'a>(text: &'a str, lines: Lines, removed: &mut Vec<char>) -> Cow<'a, str> {
    let kept_as_is = |c: char| lines == Lines::Many && matches!(c, '\n' | '\t');
    if !text
        .chars()
        .any(|c| (c.is_control() && !kept_as_is(c)) || is_bidi_control(c))
    {
        return Cow::Borrowed(text);
    }
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let kept = match c {
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\t' if lines == Lines::Many => '\t',
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' if lines == Lines::Many => '\n',
            c if c.is_control() && c.is_whitespace() => ' ',
            c if c.is_control() || is_bidi_control(c) => {
                removed.push(c);
                continue;
            }
            c => c,
        };
        clean.push(kept);
    }
    Cow::Owned(clean)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Removed control characters for a note: "U+0000, U+001B", each once.
pub fn listed_controls(removed: &[char]) -> String {
    let mut seen: Vec<char> = Vec::new();
    for &c in removed {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What ammonia cannot do itself, read by a real HTML parser (lol_html):
/// every `h1` becomes an `h2`, and a link to nowhere safe is only its words,
/// as the browser's rebuild has it.
fn normalized(html: &str) -> String {
    lol_html::rewrite_str(
        html,
        lol_html::RewriteStrSettings::new()
            .append_element_content_handler(lol_html::element!("h1", |el| {
                el.set_tag_name("h2")?;
                Ok(())
            }))
            .append_element_content_handler(lol_html::element!("a", |el| {
                let safe = el
                    .get_attribute("href")
                    .is_some_and(|href| ascend_types::links::safe_href(&href).is_some());
                if !safe {
                    el.remove_and_keep_content();
                }
                Ok(())
            })),
    )
    // Text lol_html cannot read is cleaned as it is, by ammonia alone.
    .unwrap_or_else(|_| html.to_owned())
}

/// Plain text of an HTML fragment: tags removed, entities decoded, one line
/// per block (paragraph, list item, heading, ...), runs of whitespace
/// collapsed to one space, no blank lines.
pub fn html_to_text(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    for piece in pieces(html) {
        match piece {
            Piece::Text(text) => push_text(&mut raw, text),
            Piece::Markup { element, .. } if is_block(&element) => raw.push('\n'),
            Piece::Markup { element, .. } if matches!(element.as_str(), "td" | "th") => {
                raw.push(' ');
            }
            Piece::Markup { .. } => {}
        }
    }

    let mut text = String::with_capacity(raw.len());
    for line in raw.split('\n') {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        for (index, word) in words.enumerate() {
            if index > 0 {
                text.push(' ');
            }
            text.push_str(word);
        }
    }
    text
}

/// A one-line text field with its markup removed, and what was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainText {
    pub text: String,
    /// Each tag, comment or script-like element removed, as written, in order.
    pub removed: Vec<String>,
    /// Each control character removed (see [`clean_text`]), in order.
    pub controls: Vec<char>,
}

/// The text of a field that is never HTML (a job title, a company name, a
/// place), which pages show escaped: markup left in it would be shown as
/// `<img ...>`. Tags and comments go (scripts and styles with their
/// content), entities are decoded once, and whitespace, line breaks and
/// block boundaries become single spaces.
///
/// Markup that only appears once entities are decoded (`&lt;b&gt;`, as
/// pages that escape their JSON-LD for HTML write it) goes as well: in a
/// one-line field it is never meant as text. Decoding still happens once,
/// so `&amp;lt;` stays `&lt;`. Control characters go ([`clean_text`]),
/// those written as references (`&#7;`) too.
pub fn strip_markup(field: &str) -> PlainText {
    let mut removed = Vec::new();
    let mut controls = Vec::new();
    let field = clean_text(field, Lines::One, &mut controls);
    let once = without_markup(&field, &mut removed);
    let decoded = without_markup(&decode_entities(&once), &mut removed);
    let decoded = clean_text(&decoded, Lines::One, &mut controls);
    PlainText {
        text: decoded.split_whitespace().collect::<Vec<_>>().join(" "),
        removed,
        controls,
    }
}

/// `text` without its markup, entities left as written; each piece removed
/// is added to `removed`, and those that separate words leave a space.
fn without_markup(text: &str, removed: &mut Vec<String>) -> String {
    let mut kept = String::with_capacity(text.len());
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) => kept.push_str(text),
            Piece::Markup { raw, element } => {
                if is_block(&element) || matches!(element.as_str(), "td" | "th") {
                    kept.push(' ');
                }
                removed.push(raw.to_owned());
            }
        }
    }
    kept
}

/// A run of an HTML fragment as written.
enum Piece<'a> {
    Text(&'a str),
    /// A tag, a comment, or a script-like element with its content.
    /// `element` is the lower-case tag name, empty for comments.
    Markup {
        raw: &'a str,
        element: String,
    },
}

/// Splits `html` into text and markup, in order; together the pieces are
/// `html` again.
fn pieces(html: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        if start > 0 {
            pieces.push(Piece::Text(&rest[..start]));
        }
        let after = &rest[start..];
        match scan_tag(after) {
            Some(Tag::Comment(len)) => {
                pieces.push(Piece::Markup {
                    raw: &after[..len],
                    element: String::new(),
                });
                rest = &after[len..];
            }
            Some(Tag::Element { name, closing, len }) => {
                let mut end = len;
                if !closing && matches!(name.as_str(), "script" | "style" | "template") {
                    end = after.len() - skip_raw_text(&after[len..], &name).len();
                }
                pieces.push(Piece::Markup {
                    raw: &after[..end],
                    element: name,
                });
                rest = &after[end..];
            }
            None => {
                // A lone `<` ("a < b") is text.
                pieces.push(Piece::Text(&after[..1]));
                rest = &after[1..];
            }
        }
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest));
    }
    pieces
}

/// Decodes character references: the named ones descriptions use (`&amp;`,
/// `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, dashes, quotes, ...) and
/// numeric ones (`&#39;`, `&#x2014;`). Anything unrecognised stays as written.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        match decode_reference(after) {
            Some((ch, len)) => {
                out.push(ch);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends decoded text; all whitespace becomes spaces so that only block
/// boundaries make lines.
fn push_text(raw: &mut String, text: &str) {
    for ch in decode_entities(text).chars() {
        raw.push(if ch.is_whitespace() { ' ' } else { ch });
    }
}

/// `text` starts with `&`; the character it stands for and the length of
/// the reference, semicolon included.
fn decode_reference(text: &str) -> Option<(char, usize)> {
    // The longest reference handled is `&#x10FFFF;` or a short name.
    let end = text.char_indices().take(12).find(|&(_, c)| c == ';')?.0;
    let body = &text[1..end];
    let ch = if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        // A surrogate is no character, so U+FFFD stands in, as HTML has it.
        // NUL, like the other controls, is decoded as itself for
        // `clean_text` to remove, rather than left behind as a `�`.
        char::from_u32(code).unwrap_or('\u{FFFD}')
    } else {
        named_entity(body)?
    };
    Some((ch, end + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "deg" => '°',
        "times" => '×',
        _ => return None,
    })
}

enum Tag {
    /// `<!-- ... -->`, `<!DOCTYPE ...>` or `<? ... >`, with its length.
    Comment(usize),
    Element {
        name: String,
        closing: bool,
        len: usize,
    },
}

/// `text` starts with `<`; what the markup there is, or `None` when the `<`
/// does not open a tag.
fn scan_tag(text: &str) -> Option<Tag> {
    let body = &text[1..];
    if let Some(comment) = body.strip_prefix("!--") {
        let len = comment.find("-->").map_or(text.len(), |end| 4 + end + 3);
        return Some(Tag::Comment(len));
    }
    if body.starts_with(['!', '?']) {
        let len = body.find('>').map_or(text.len(), |end| end + 2);
        return Some(Tag::Comment(len));
    }
    let (closing, name_start) = match body.strip_prefix('/') {
        Some(after) => (true, after),
        None => (false, body),
    };
    if !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name: String = name_start
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    // Find the closing `>`, skipping any inside quoted attribute values.
    let mut quote = None;
    for (index, ch) in text.char_indices().skip(1) {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(open), _) if ch == open => quote = None,
            (None, '>') => {
                return Some(Tag::Element {
                    name,
                    closing,
                    len: index + 1,
                });
            }
            _ => {}
        }
    }
    // An unterminated tag swallows the rest, as a browser would.
    Some(Tag::Element {
        name,
        closing,
        len: text.len(),
    })
}

/// Skips the raw content of a script-like element up to and including its
/// end tag.
fn skip_raw_text<'a>(text: &'a str, name: &str) -> &'a str {
    let lower = text.to_ascii_lowercase();
    let end_tag = format!("</{name}");
    match lower.find(&end_tag) {
        Some(start) => {
            let after = &text[start..];
            match after.find('>') {
                Some(end) => &after[end + 1..],
                None => "",
            }
        }
        None => "",
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "br"
            | "div"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "hr"
            | "table"
            | "tr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "main"
            | "figure"
            | "figcaption"
            | "address"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = r#"<p onclick="steal()">Hello<script>alert("x")</script></p>
            <a href="javascript:alert(1)">bad</a>
            <iframe src="https://evil.example/">frame text</iframe>
            <style>p { color: red }</style>
            <img src="x" onerror="steal()">"#;
        let clean = sanitize_description(html);
        assert!(clean.contains("<p>Hello</p>"), "{clean}");
        for gone in [
            "script",
            "alert",
            "onclick",
            "javascript",
            "iframe",
            "frame text",
            "color",
            "img",
            "onerror",
        ] {
            assert!(!clean.contains(gone), "{gone} left in {clean}");
        }
        // The link loses its href but keeps its words.
        assert!(clean.contains("bad"), "{clean}");
    }

    #[test]
    fn the_reading_subset_survives_and_links_get_rel_and_target() {
        let html = concat!(
            r#"<h2 class="title" id="x" style="color:red">About</h2>"#,
            "<p><strong>Bold</strong> <em>it</em> <b>b</b> <i>i</i><br>next</p>",
            "<ul><li>one</li></ul><ol><li>two</li></ol>",
            "<h3>Three</h3><h4>Four</h4><blockquote>quote</blockquote>",
            r#"<a href="https://ascend.example/jobs" target="_blank" rel="opener">apply</a>"#,
            r#"<a href="mailto:jobs@ascend.example">mail</a>"#,
            r#"<a href="/relative">relative</a>"#,
            "<div><span>unwrapped</span></div><h1>Big</h1><table><tr><td>cell</td></tr></table>",
        );
        let clean = sanitize_description(html);
        assert_eq!(clean.matches("target=").count(), 2, "{clean}");
        for kept in [
            "<h2>About</h2>",
            "<strong>Bold</strong>",
            "<em>it</em>",
            "<b>b</b>",
            "<i>i</i>",
            "<br>",
            "<ul><li>one</li></ul>",
            "<ol><li>two</li></ol>",
            "<h3>Three</h3>",
            "<h4>Four</h4>",
            "<blockquote>quote</blockquote>",
            r#"href="https://ascend.example/jobs""#,
            r#"href="mailto:jobs@ascend.example""#,
            r#"rel="nofollow noopener noreferrer""#,
            r#"target="_blank""#,
            "unwrapped",
            "<h2>Big</h2>",
            "cell",
        ] {
            assert!(clean.contains(kept), "{kept} missing from {clean}");
        }
        for gone in [
            "class",
            "style",
            "id=",
            "rel=\"opener\"",
            "/relative",
            "<div",
            "<span",
            "<h1",
            "<table",
            "<td",
        ] {
            assert!(!clean.contains(gone), "{gone} left in {clean}");
        }
    }

    #[test]
    fn text_of_nested_lists_has_one_line_per_item() {
        let html = "<h2>What you'll do</h2>\n<ul>\n  <li>Build   things\n    <ul><li>fast</li><li>well</li></ul>\n  </li>\n  <li><strong>Ship</strong>it</li>\n</ul><p>Done.</p>";
        assert_eq!(
            html_to_text(html),
            "What you'll do\nBuild things\nfast\nwell\nShipit\nDone."
        );
    }

    #[test]
    fn text_decodes_entities_and_drops_scripts_and_comments() {
        let html = "<p>Tom &amp; Jerry &lt;3 &quot;cheese&quot; &#39;n&#39; more&nbsp;stuff &#8212; &#x2013; &euro;5 &bogus; a&b</p><!-- note --><script>var x = '<p>';</script><STYLE>p{}</STYLE>1 < 2";
        assert_eq!(
            html_to_text(html),
            "Tom & Jerry <3 \"cheese\" 'n' more stuff — – €5 &bogus; a&b\n1 < 2"
        );
    }

    #[test]
    fn decoding_handles_escaped_html_and_bad_references() {
        assert_eq!(
            decode_entities("&lt;p class=&quot;a&quot;&gt;Hi&lt;/p&gt;"),
            "<p class=\"a\">Hi</p>"
        );
        assert_eq!(decode_entities("&#0; &#xD800; &#; &"), "\0 \u{FFFD} &#; &");
        // One pass only: a doubly escaped ampersand keeps one level.
        assert_eq!(decode_entities("&amp;lt;"), "&lt;");
    }

    #[test]
    fn plain_text_fields_lose_tags_and_say_which() {
        let stripped = strip_markup("Engineer <img src=x onerror=alert(1)>");
        assert_eq!(stripped.text, "Engineer");
        assert_eq!(stripped.removed, ["<img src=x onerror=alert(1)>"]);

        let stripped = strip_markup(
            "  <b>Senior</b>&nbsp;Engineer<br>Platform <script>alert('<p>')</script><!-- x -->Team ",
        );
        assert_eq!(stripped.text, "Senior Engineer Platform Team");
        assert_eq!(
            stripped.removed,
            [
                "<b>",
                "</b>",
                "<br>",
                "<script>alert('<p>')</script>",
                "<!-- x -->"
            ]
        );
    }

    #[test]
    fn control_characters_go_and_line_breaks_stay_where_lines_may() {
        let text = "a\0b\u{7}c\r\nd\re\tf\u{0C}g\u{1B}[31mh\u{7F}\u{9B}i\u{202E}j\u{2066}k";
        let mut removed = Vec::new();
        assert_eq!(
            clean_text(text, Lines::Many, &mut removed),
            "abc\nd\ne\tf\ng[31mhijk"
        );
        assert_eq!(
            removed,
            [
                '\0', '\u{7}', '\u{1B}', '\u{7F}', '\u{9B}', '\u{202E}', '\u{2066}'
            ]
        );
        let mut removed = Vec::new();
        assert_eq!(
            clean_text(text, Lines::One, &mut removed),
            "abc d e f g[31mhijk"
        );
        assert_eq!(removed.len(), 7);
        assert_eq!(listed_controls(&['\0', '\u{1B}', '\0']), "U+0000, U+001B");
        // Clean text is not copied; letters from other scripts are no controls.
        let mut removed = Vec::new();
        assert!(matches!(
            clean_text("Zürich\n日本 \u{200F}", Lines::Many, &mut removed),
            Cow::Borrowed(_)
        ));
        assert!(removed.is_empty());
    }

    #[test]
    fn plain_text_and_descriptions_lose_control_characters_even_escaped() {
        let stripped = strip_markup("Sen\0ior&#7; Engi&#x1b;neer\n\tPlatform");
        assert_eq!(stripped.text, "Senior Engineer Platform");
        assert_eq!(stripped.controls, ['\0', '\u{7}', '\u{1B}']);
        assert!(stripped.removed.is_empty());

        let clean = sanitize_description("<p>One\0 &#1;two</p>\n<p>th\u{202E}ree</p>");
        assert_eq!(clean, "<p>One two</p>\n<p>three</p>");
    }

    #[test]
    fn plain_text_decodes_once_and_keeps_what_is_not_markup() {
        for (field, text) in [
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("R&amp;amp;D", "R&amp;D"),
            ("C &lt;3 Rust, 1 < 2", "C <3 Rust, 1 < 2"),
            ("Caf\u{e9}\n\t Aurora", "Caf\u{e9} Aurora"),
        ] {
            let stripped = strip_markup(field);
            assert_eq!(stripped.text, text, "{field}");
            assert!(stripped.removed.is_empty(), "{field}: {stripped:?}");
        }
        // Escaped markup is markup too, shown as it reads once decoded.
        let stripped = strip_markup("Designer &lt;img src=x onerror=alert(1)&gt;");
        assert_eq!(stripped.text, "Designer");
        assert_eq!(stripped.removed, ["<img src=x onerror=alert(1)>"]);
        // Nothing but markup leaves nothing.
        assert_eq!(strip_markup("<b></b>").text, "");
    }
}
