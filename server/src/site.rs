//! The HTML the server writes: the pages of the site (the app's own
//! components rendered here, then hydrated in the browser), the widget's
//! page, the built front end's files and the headers every response
//! carries.

pub mod files;
pub mod headers;
pub mod html;
pub mod origin;
pub mod pages;
pub mod render;
pub mod shell;
pub mod widget;

pub use pages::router;
