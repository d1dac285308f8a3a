//! The database: the connection pool and its migrations, the shapes of
//! what is written, and the writes themselves, which clean what they store.

pub mod model;
pub mod pool;
pub mod sanitize;
pub mod writes;
