//! Query-string parameters, read one by one so that an error names the
//! parameter at fault (serde's messages do not).

use super::error::{Error, Result};

pub struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes a raw query string (`a=1&b=x%20y`).
    pub fn parse(raw: Option<&str>) -> Result<Self> {
        let raw = raw.unwrap_or_default();
        // The decoder would put U+FFFD in place of bytes that are not UTF-8
        // and answer for text nobody sent: such a value is refused instead.
        for pair in raw.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if percent_encoding::percent_decode_str(value)
                .decode_utf8()
                .is_err()
                || percent_encoding::percent_decode_str(key)
                    .decode_utf8()
                    .is_err()
            {
                let name = percent_encoding::percent_decode_str(key).decode_utf8_lossy();
                return Err(Error::invalid(
                    "query",
                    format!("The query parameter {name} is not UTF-8 text."),
                ));
            }
        }
        serde_urlencoded::from_str(raw)
            .map(Params)
            .map_err(|_| Error::invalid("query", "The query string is not valid URL encoding."))
    }

    /// The last non-empty value of `name`, trimmed.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(key, value)| key == name && !value.trim().is_empty())
            .map(|(_, value)| value.trim())
    }

    /// A whole number in `range`, or `default` when absent.
    pub fn number(
        &self,
        name: &'static str,
        range: std::ops::RangeInclusive<i64>,
        default: Option<i64>,
    ) -> Result<Option<i64>> {
        match self.get(name) {
            None => Ok(default),
            Some(text) => text
                .parse()
                .ok()
                .filter(|n| range.contains(n))
                .map(Some)
                .ok_or_else(|| {
                    Error::invalid(
                        name,
                        format!(
                            "{name} must be a whole number from {} to {}.",
                            range.start(),
                            range.end()
                        ),
                    )
                }),
        }
    }

    /// A value from a fixed set, read by `parse`; the error lists the set.
    pub fn choice<T>(
        &self,
        name: &'static str,
        parse: impl Fn(&str) -> Option<T>,
        allowed: &[&str],
    ) -> Result<Option<T>> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => parse(text).map(Some).ok_or_else(|| {
                Error::invalid(
                    name,
                    format!("{name} must be one of: {}.", allowed.join(", ")),
                )
            }),
        }
    }

    /// Free text of at most `max` characters.
    pub fn text(&self, name: &'static str, max: usize) -> Result<Option<&str>> {
        match self.get(name) {
            Some(text) if text.chars().count() > max => Err(Error::invalid(
                name,
                format!("{name} must be at most {max} characters."),
            )),
            other => Ok(other),
        }
    }

    /// An ISO 4217 currency code, upper-cased.
    pub fn currency(&self, name: &'static str) -> Result<Option<String>> {
        match self.get(name) {
            None => Ok(None),
            Some(code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Ok(Some(code.to_ascii_uppercase()))
            }
            Some(_) => Err(Error::invalid(
                name,
                format!("{name} must be a three-letter currency code such as EUR."),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(result: Result<impl std::fmt::Debug>) -> &'static str {
        match result {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("expected an invalid parameter, got {other:?}"),
        }
    }

    #[test]
    fn decodes_and_reads_values() {
        let params = Params::parse(Some("title=Backend+Engineer&q=a%20b&empty=&n=7")).unwrap();
        assert_eq!(params.get("title"), Some("Backend Engineer"));
        assert_eq!(params.get("q"), Some("a b"));
        assert_eq!(params.get("empty"), None);
        assert_eq!(params.number("n", 1..=10, None).unwrap(), Some(7));
        assert_eq!(params.number("missing", 1..=10, Some(3)).unwrap(), Some(3));
    }

    #[test]
    fn values_that_are_not_utf8_are_refused() {
        for raw in ["q=%FF", "q=ok&location=S%C3%28o", "%FF=1"] {
            match Params::parse(Some(raw)) {
                Err(Error::Invalid { field, message }) => {
                    assert_eq!(field, "query");
                    assert!(message.contains("is not UTF-8 text"), "{message}");
                }
                other => panic!("{raw}: expected a refusal, got {:?}", other.map(|_| ())),
            }
        }
        assert_eq!(
            Params::parse(Some("q=S%C3%A3o+Paulo")).unwrap().get("q"),
            Some("São Paulo")
        );
    }

    #[test]
    fn errors_name_their_parameter() {
        let params = Params::parse(Some("n=11&s=x&c=EURO&t=toolong")).unwrap();
        assert_eq!(field(params.number("n", 1..=10, None)), "n");
        assert_eq!(field(params.choice("s", |_| None::<u8>, &["a"])), "s");
        assert_eq!(field(params.currency("c")), "c");
        assert_eq!(field(params.text("t", 3)), "t");
        assert_eq!(
            Params::parse(Some("c=eur"))
                .unwrap()
                .currency("c")
                .unwrap()
                .as_deref(),
            Some("EUR")
        );
    }
}
