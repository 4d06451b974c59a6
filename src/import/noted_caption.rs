//! Captions and credits an imported page carried, kept aside in the editor's note (an import has
//! no picture to give them to) until the article has a hero picture that can take them.

use crate::model::Article;
use regex::Regex;
use std::sync::LazyLock;

/// How the editor's note introduces a caption or credit kept from the page.
const NOTE_PREFIX: &str = "Caption or credit from the page: ";

/// The words that label a picture's credit ("Photo: Getty Images"), as a regex alternation; the
/// import knows a caption by them too.
pub(super) const CREDIT_LABELS: &str = "photo|picture|image|photograph|credit";

/// A credit in brackets that ends a caption, as a regex for what is inside the brackets: an
/// agency's name, alone or after the photographer's ("(AFP/Getty)", "(Juni Kriswanto/AFP/Getty
/// Images)").
pub(super) const AGENCY_CREDIT_INSIDE: &str = r"(?:[^()/]{1,40}/)?(?:getty|ap|reuters|afp)\b[^)]*";

/// "… Photo: Getty Images": the words, then the credit after its label.
static LABELLED_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(.*?)\s*\b(?:{CREDIT_LABELS})\s*:\s*(\S.*)$"
    ))
    .expect("valid regex")
});

/// "… (AFP/Getty)": the words, then an agency's credit in brackets.
static AGENCY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^(.*?)\s*\(({AGENCY_CREDIT_INSIDE})\)\s*$")).expect("valid regex")
});

/// The editor's note line that keeps a page's caption or credit aside.
pub fn note_line(item: &str) -> String {
    format!("{NOTE_PREFIX}{item}")
}

/// A caption kept in the editor's note, parted into its words and its credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotedCaption {
    /// The caption as the page had it.
    pub text: String,
    /// Its words, without the credit (empty when the page gave a credit alone).
    pub caption: String,
    /// Its credit (empty when none could be told apart).
    pub credit: String,
}

impl NotedCaption {
    /// Parts a page's caption into its words and its credit.
    fn parse(text: &str) -> Self {
        let parted = LABELLED_CREDIT
            .captures(text)
            .or_else(|| AGENCY_CREDIT.captures(text));
        let (caption, credit) = match parted {
            Some(found) => (found[1].trim().to_owned(), found[2].trim().to_owned()),
            None => (text.trim().to_owned(), String::new()),
        };
        NotedCaption {
            text: text.to_owned(),
            caption,
            credit,
        }
    }
}

/// The first caption or credit the editor's note keeps aside, if any.
pub fn first_noted(note: &str) -> Option<NotedCaption> {
    note.lines()
        .find_map(|line| line.strip_prefix(NOTE_PREFIX))
        .map(NotedCaption::parse)
}

/// Gives the first caption the editor's note keeps aside to the hero picture, filling its caption
/// and credit where they are empty, and takes the line out of the note. False when the article
/// has no hero picture or the note keeps no caption.
pub fn give_to_hero(article: &mut Article) -> bool {
    let mut kept: Vec<&str> = article.editors_note.lines().collect();
    let noted = kept.iter().position(|line| line.starts_with(NOTE_PREFIX));
    let (Some(hero), Some(at)) = (&mut article.hero_image, noted) else {
        return false;
    };
    let noted = NotedCaption::parse(&kept.remove(at)[NOTE_PREFIX.len()..]);
    if hero.caption.trim().is_empty() {
        hero.caption = noted.caption;
    }
    if hero.credit.trim().is_empty() {
        hero.credit = noted.credit;
    }
    article.editors_note = kept.join("\n");
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AssetName, ImageRef};

    fn parts(text: &str) -> (String, String) {
        let noted = NotedCaption::parse(text);
        (noted.caption, noted.credit)
    }

    fn pair(caption: &str, credit: &str) -> (String, String) {
        (caption.to_owned(), credit.to_owned())
    }

    #[test]
    fn a_page_s_caption_is_parted_into_its_words_and_its_credit() {
        // Corpus pages 04, 05, 01 and 08.
        assert_eq!(
            parts(
                "The papers reveal Thatcher did not “like the sound of the new exam”  Photo: Getty Images"
            ),
            pair(
                "The papers reveal Thatcher did not “like the sound of the new exam”",
                "Getty Images"
            )
        );
        assert_eq!(
            parts("Relatives of passengers console each other (AFP/Getty)"),
            pair("Relatives of passengers console each other", "AFP/Getty")
        );
        assert_eq!(
            parts("Credit: Reuters/Danish Siddiqui/Files"),
            pair("", "Reuters/Danish Siddiqui/Files")
        );
        assert_eq!(
            parts("Surfer Kevin Swanson survived. Photo: Barcroft"),
            pair("Surfer Kevin Swanson survived.", "Barcroft")
        );
        assert_eq!(parts("A quiet harbour"), pair("A quiet harbour", ""));
        // Corpus page 06: the photographer before the agencies.
        assert_eq!(
            parts("(Juni Kriswanto/AFP/Getty Images)"),
            pair("", "Juni Kriswanto/AFP/Getty Images")
        );
        // An agency's name must be a word of its own: Apple is not AP.
        assert_eq!(
            parts("Shares rose at the maker (Apple)"),
            pair("Shares rose at the maker (Apple)", "")
        );
    }

    #[test]
    fn the_hero_takes_the_first_noted_caption_and_the_note_keeps_the_rest() {
        let mut article = Article::new("Talks");
        article.editors_note = [
            "Check the figures.",
            &note_line("Divers inspect their gear (AP)"),
            &note_line("Relatives console each other (Getty)"),
        ]
        .join("\n");
        assert!(!give_to_hero(&mut article), "no hero picture yet");
        let asset = AssetName::parse(&format!("{}.jpg", "a".repeat(64))).unwrap();
        let mut hero = ImageRef::new(asset);
        hero.credit = "Desk photographer".into();
        article.hero_image = Some(hero);
        assert!(give_to_hero(&mut article));
        let hero = article.hero_image.as_ref().unwrap();
        assert_eq!(hero.caption, "Divers inspect their gear");
        assert_eq!(hero.credit, "Desk photographer", "a credit typed is kept");
        assert_eq!(
            article.editors_note,
            format!(
                "Check the figures.\n{}",
                note_line("Relatives console each other (Getty)")
            )
        );
        assert_eq!(first_noted(&article.editors_note).unwrap().credit, "Getty");
    }
}
