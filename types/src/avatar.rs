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
///
/// The index is the 32-bit FNV-1a hash of the name's UTF-8 bytes modulo
/// [`PALETTES`]: a hash written out here, in `u32`, because the server's
/// first paint and the browser's wasm must pick the same colour, and
/// std's hashers promise no stable output across releases.
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

    /// Pinned values, so that a change of hash (or of its width, which
    /// differs between wasm32 and the server) fails here instead of
    /// repainting every avatar between the server's HTML and hydration.
    /// The first three are FNV-1a's published test vectors (`""` is
    /// 0x811c9dc5, `"a"` 0xe40c292c, `"foobar"` 0xbf9cf968), the rest were
    /// computed apart from this code, modulo 8.
    #[test]
    fn palette_indices_are_fnv1a_modulo_the_palettes() {
        assert_eq!(PALETTES, 8, "the pinned values below assume eight palettes");
        for (name, index) in [
            ("", 0x811c_9dc5 % 8),
            ("a", 0xe40c_292c % 8),
            ("foobar", 0xbf9c_f968 % 8),
            ("Cadence", 4),
            ("Lumen Bank", 0),
            ("Northwind Robotics", 7),
            ("Zo\u{eb}", 4),
        ] {
            assert_eq!(palette_index(name), index, "{name:?}");
        }
    }
}
