//! The name nearest to a mistyped one, for a "did you mean …?".

/// Of `names`, the one nearest to `typed` (letters added, dropped or changed, in any capitals),
/// when one is within two letters of it; of several as near, the first in alphabetical order.
pub fn nearest_name<'a>(typed: &str, names: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = typed.trim().to_lowercase();
    names
        .into_iter()
        .map(|name| (strsim::levenshtein(&typed, &name.to_lowercase()), name))
        .filter(|(distance, _)| *distance <= 2)
        .min()
        .map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_finds_the_name_it_nearly_is() {
        let sections = ["World", "Business", "Sport"];
        assert_eq!(nearest_name(" Wolrd ", sections), Some("World"));
        assert_eq!(nearest_name("SPORTS", sections), Some("Sport"));
        assert_eq!(nearest_name("Culture", sections), None);
        // Equally near: the first alphabetically, whatever the list's order.
        assert_eq!(nearest_name("Bat", ["Cat", "Bar"]), Some("Bar"));
    }
}
