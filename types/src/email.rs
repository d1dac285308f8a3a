//! Email addresses as the newsletter accepts them. The server decides; the
//! app runs the same check first so that people see the message at once.

/// A pragmatic address check: one `@`, a plausible local part, and a domain
/// of dot-separated labels ending in a letters-only top-level domain.
/// Returns the address with its domain lower-cased.
pub fn normalize_email(raw: &str) -> Result<String, String> {
    let email = raw.trim();
    if email.is_empty() {
        return Err("Enter your email address.".into());
    }
    if email.len() > 254 {
        return Err("That email address is too long.".into());
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Err("An email address needs an @, as in name@example.com.".into());
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if !local_ok || !domain_ok {
        return Err("That does not look like an email address.".into());
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::normalize_email;

    #[test]
    fn addresses() {
        assert_eq!(
            normalize_email("  Ada@Example.COM ").unwrap(),
            "Ada@example.com"
        );
        assert_eq!(
            normalize_email("first.last+jobs@mail.example.org").unwrap(),
            "first.last+jobs@mail.example.org"
        );
        for bad in [
            "",
            "plain",
            "a@b",
            "a@b.c",
            "@example.com",
            "a..b@example.com",
            "a@-x.com",
            "a b@example.com",
            "a@example.c0m",
            "a@exa_mple.com",
        ] {
            assert!(normalize_email(bad).is_err(), "{bad}");
        }
        assert!(normalize_email(&format!("{}@example.com", "a".repeat(65))).is_err());
    }
}
