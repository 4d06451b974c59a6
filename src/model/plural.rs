//! Counts in messages: "1 article", "3 articles", never "article(s)".

/// `count` followed by `noun`, with an "s" unless the count is one ("1 picture", "0 pictures").
pub fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(0, "article"), "0 articles");
        assert_eq!(counted(12, "unused picture"), "12 unused pictures");
    }
}
