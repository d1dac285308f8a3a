//! The one set of rules for the HTML of a job description, which comes from
//! imports and is never trusted: the server cleans every description with
//! them before storing it (ammonia), and the browser rebuilds one it fetched
//! with them again (an inert `<template>`), so both keep the same elements.

/// Elements a description keeps, as they are (an `h1` becomes an `h2`: the
/// page has its own `h1`).
pub const KEPT: [&str; 14] = [
    "p",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "a",
    "br",
];

/// Elements dropped with everything inside: their content is code, media
/// or form controls, not words of the description.
pub const DROPPED: [&str; 18] = [
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "svg", "math", "canvas", "audio", "video", "textarea", "select", "head", "title",
];

/// Blocks that are unwrapped to their text; a space after it keeps the
/// words of neighbouring blocks apart.
pub const BLOCKS: [&str; 16] = [
    "div", "section", "article", "header", "footer", "aside", "main", "pre", "table", "tr", "td",
    "th", "dl", "dt", "dd", "figure",
];

/// Deeper nesting than this is flattened to its text.
pub const MAX_DEPTH: usize = 32;

/// URL schemes a link may have; anything else (`javascript:`, a relative
/// link with nothing to resolve against) leaves only the link's words.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// What links get: they leave Ascend, pass no referrer, and earn the target
/// no ranking from us.
pub const LINK_REL: &str = "nofollow noopener noreferrer";

/// Where links open: a new tab, the job page staying where it was.
pub const LINK_TARGET: &str = "_blank";
