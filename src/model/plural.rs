//! Counts in messages: "1 article", "3 articles", never "article(s)"; thousands grouped.

/// `count` followed by `noun`, with an "s" unless the count is one ("1 picture", "0 pictures",
/// "20,000 words").
pub fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{} {noun}{plural}", grouped(count))
}

/// A part of a counted whole, both grouped: "1,480 of 10,007 articles", "0 of 1 article".
pub fn part_of(part: usize, whole: usize, noun: &str) -> String {
    format!("{} of {}", grouped(part), counted(whole, noun))
}

/// `count` with its thousands grouped by commas, as a newsroom writes them: "20,000".
pub fn grouped(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{counted, part_of};

    #[test]
    fn a_part_takes_the_number_of_its_whole() {
        assert_eq!(part_of(1480, 10_007, "article"), "1,480 of 10,007 articles");
        assert_eq!(part_of(0, 1, "article"), "0 of 1 article");
    }

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "article"), "1 article");
        assert_eq!(counted(0, "article"), "0 articles");
        assert_eq!(counted(12, "unused picture"), "12 unused pictures");
        assert_eq!(counted(20_000, "word"), "20,000 words");
    }

    #[test]
    fn thousands_are_grouped_by_commas() {
        for (count, written) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (132_422, "132,422"),
            (1_234_567, "1,234,567"),
        ] {
            assert_eq!(super::grouped(count), written);
        }
    }
}
