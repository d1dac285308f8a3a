//! A company's or a person's picture when there is none: initials on a
//! colour chosen by the name. The app's avatars and the server's first paint
//! of a job page both draw them.

/// Up to two initials of a name: "Cadence" → "C", "Lumen Bank" → "LB".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

/// One of the avatar palettes, chosen by the name so that a company or a
/// person keeps its colour everywhere. Every palette has white text at a
/// contrast of at least 4.5:1.
pub fn palette_index(name: &str) -> usize {
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    (hash % PALETTES) as usize
}

/// How many colour palettes `style/avatar.css` defines (`avatar--p0` on).
pub const PALETTES: u32 = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_take_two_words_and_skip_symbols() {
        assert_eq!(initials("Cadence"), "C");
        assert_eq!(initials("Lumen Bank"), "LB");
        assert_eq!(initials("  northwind robotics ltd "), "NR");
        assert_eq!(initials("(Acme) & Co"), "AC");
        assert_eq!(initials(""), "");
    }

    #[test]
    fn a_name_keeps_its_colour() {
        assert_eq!(palette_index("Cadence"), palette_index("Cadence"));
        let distinct: std::collections::BTreeSet<_> = [
            "Cadence",
            "Lumen Bank",
            "Northwind",
            "Acme",
            "Globex",
            "Initech",
        ]
        .iter()
        .map(|n| palette_index(n))
        .collect();
        assert!(distinct.len() > 1, "every name got the same colour");
        assert!(distinct.iter().all(|&i| i < PALETTES as usize));
    }
}
