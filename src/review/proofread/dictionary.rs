//! Hunspell dictionaries found on the system, loaded once per language and shared.

use spellbook::Dictionary;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

/// Where dictionaries are looked for, after the folders in `COPYDESK_DICTIONARIES`.
const SYSTEM_FOLDERS: [&str; 3] = [
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
];

/// The dictionaries serving a language, best first; empty when none is installed.
type Loaded = Arc<Vec<Dictionary>>;

static LOADED: LazyLock<Mutex<HashMap<String, Loaded>>> = LazyLock::new(Default::default);

/// The folders searched for `.aff`/`.dic` pairs.
pub fn folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::env::var_os("COPYDESK_DICTIONARIES")
        .map(|v| std::env::split_paths(&v).collect())
        .unwrap_or_default();
    folders.extend(SYSTEM_FOLDERS.iter().map(PathBuf::from));
    folders
}

/// The dictionary file stems (`en_US`) that could serve a BCP 47 language, best first.
fn candidates(language: &str, available: &[String]) -> Vec<String> {
    let mut parts = language.split(['-', '_']);
    let primary = parts.next().unwrap_or("").to_ascii_lowercase();
    let region = parts.find(|p| p.len() == 2).map(str::to_ascii_uppercase);
    let mut wanted = Vec::new();
    if let Some(region) = region {
        wanted.push(format!("{primary}_{region}"));
    }
    if primary == "en" {
        wanted.push("en_US".to_owned());
    }
    wanted.push(primary.clone());
    let mut others: Vec<&String> = available
        .iter()
        .filter(|name| name.split('_').next() == Some(primary.as_str()))
        .collect();
    others.sort();
    wanted.extend(others.into_iter().cloned());
    wanted
}

/// The dictionary stems present in a folder.
fn stems_in(folder: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".dic"))
                .map(str::to_owned)
        })
        .filter(|stem| folder.join(format!("{stem}.aff")).is_file())
        .collect()
}

/// A US English dictionary built into the program (SCOWL word lists, see
/// `assets/dictionaries/en_US.COPYRIGHT`), used when the system has no English dictionary.
const BUILT_IN_EN_US: (&str, &str) = (
    include_str!("../../../assets/dictionaries/en_US.aff"),
    include_str!("../../../assets/dictionaries/en_US.dic"),
);

/// The built-in dictionary, for English when the system has none.
fn built_in(language: &str) -> Option<Dictionary> {
    let primary = language.split(['-', '_']).next().unwrap_or("");
    if !primary.eq_ignore_ascii_case("en") {
        return None;
    }
    Dictionary::new(BUILT_IN_EN_US.0, BUILT_IN_EN_US.1).ok()
}

/// Finds and parses the dictionaries for a language. A tag with a region (`en-GB`) gets that
/// dictionary; a bare language (`en`) accepts the spelling of any of its installed variants.
fn load(language: &str) -> Loaded {
    let has_region = language
        .split(['-', '_'])
        .nth(1)
        .is_some_and(|p| p.len() == 2);
    let mut loaded = Vec::new();
    let mut seen = Vec::new();
    for folder in folders() {
        let available = stems_in(&folder);
        for stem in candidates(language, &available) {
            if !available.contains(&stem) || seen.contains(&stem) {
                continue;
            }
            let aff = std::fs::read_to_string(folder.join(format!("{stem}.aff")));
            let dic = std::fs::read_to_string(folder.join(format!("{stem}.dic")));
            if let (Ok(aff), Ok(dic)) = (aff, dic)
                && let Ok(dictionary) = Dictionary::new(&aff, &dic)
            {
                loaded.push(dictionary);
                seen.push(stem);
                if has_region {
                    return Arc::new(loaded);
                }
            }
        }
    }
    if loaded.is_empty() {
        loaded.extend(built_in(language));
    }
    Arc::new(loaded)
}

/// The dictionaries for a language, loading them on first use; empty when none is installed.
pub fn for_language(language: &str) -> Loaded {
    let key = language.to_ascii_lowercase();
    if let Some(loaded) = LOADED.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return loaded.clone();
    }
    let loaded = load(&key);
    LOADED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, loaded.clone());
    loaded
}

/// Loads a language's dictionary on a background thread, so the first check does not wait.
pub fn preload(language: &str) {
    let language = language.to_owned();
    std::thread::spawn(move || for_language(&language));
}

/// What the dictionary said of a word: known, or unknown with its repairs once asked for.
enum Verdict {
    Known,
    Unknown { repairs: Option<Vec<String>> },
}

/// The most repairs offered for one word (the first is the finding's fix).
pub const MAX_REPAIRS: usize = 4;

/// Dictionaries with a memo of every word already looked up.
pub struct Speller {
    dictionaries: Loaded,
    verdicts: HashMap<String, Verdict>,
}

impl Speller {
    /// A speller over a language's dictionaries; `None` when there are none.
    pub fn new(dictionaries: Loaded) -> Option<Self> {
        (!dictionaries.is_empty()).then(|| Speller {
            dictionaries,
            verdicts: HashMap::new(),
        })
    }

    /// Whether the dictionary knows a word (apostrophes normalised to `'`).
    pub fn knows(&mut self, word: &str) -> bool {
        if let Some(verdict) = self.verdicts.get(word) {
            return matches!(verdict, Verdict::Known);
        }
        let plain = word.replace('’', "'");
        let known = self.dictionaries.iter().any(|d| d.check(&plain));
        let verdict = if known {
            Verdict::Known
        } else {
            Verdict::Unknown { repairs: None }
        };
        self.verdicts.insert(word.to_owned(), verdict);
        known
    }

    /// The repairs of a word when they have already been computed.
    pub fn cached_repairs(&self, word: &str) -> Option<&[String]> {
        match self.verdicts.get(word) {
            Some(Verdict::Unknown {
                repairs: Some(cached),
            }) => Some(cached),
            _ => None,
        }
    }

    /// The dictionary's likely repairs of an unknown word, best first, at most [`MAX_REPAIRS`]
    /// (none for a name it does not know), computed once per word (slow: milliseconds a word,
    /// so the window asks for them off the UI thread).
    pub fn repairs(&mut self, word: &str) -> &[String] {
        if self.cached_repairs(word).is_none() {
            let mut suggestions = Vec::new();
            let plain = word.replace('’', "'");
            if let Some(best) = self.dictionaries.first() {
                best.suggest(&plain, &mut suggestions);
            }
            let mut repairs: Vec<String> = Vec::new();
            for suggestion in suggestions {
                // A word cut in two ("occur ed") is offered only as the best repair ("a lot");
                // the same word in other capitals only once.
                let split = suggestion.contains([' ', '-']) && !repairs.is_empty();
                let again = repairs.iter().any(|r| r.eq_ignore_ascii_case(&suggestion));
                if close_enough(&plain, &suggestion) && !split && !again {
                    repairs.push(suggestion);
                }
            }
            repairs.truncate(MAX_REPAIRS);
            self.verdicts.insert(
                word.to_owned(),
                Verdict::Unknown {
                    repairs: Some(repairs),
                },
            );
        }
        self.cached_repairs(word).unwrap_or_default()
    }
}

/// Whether a suggestion is a likely repair of `word`: a slip of a few letters (two, or one in
/// three for a long word). A name the dictionary does not know gets no "fix" to some other
/// name ("Vovchansk" is not "Shcharansky"): a capitalised word, most likely a name, is repaired
/// only for a slip of one letter ("Moscwo", but not "Kupyans" into "Kenyans").
fn close_enough(word: &str, suggestion: &str) -> bool {
    let limit = if word.chars().next().is_some_and(char::is_uppercase) {
        1
    } else {
        (word.chars().count() / 3).max(2)
    };
    strsim::damerau_levenshtein(&word.to_lowercase(), &suggestion.to_lowercase()) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_english_dictionary_works_without_the_system_s() {
        let dictionary = built_in("en-US").expect("built in");
        assert!(dictionary.check("receive") && dictionary.check("Ukraine's"));
        assert!(!dictionary.check("recieve"));
        assert!(built_in("de").is_none());
    }

    #[test]
    fn only_a_near_spelling_is_offered_as_a_fix() {
        assert!(close_enough("recieve", "receive"));
        assert!(close_enough("goverment", "government"));
        assert!(!close_enough("Vovchansk", "Shcharansky"));
        assert!(!close_enough("Pokrovsk", "Prokopyevsk"));
        assert!(!close_enough("Kupyans", "Kenyans"));
        assert!(close_enough("Moscwo", "Moscow"));
        assert!(close_enough("Recieve", "Receive"));
        let mut speller = Speller::new(for_language("en-US")).expect("a dictionary");
        assert_eq!(
            speller.repairs("recieve").first().map(String::as_str),
            Some("receive")
        );
        assert!(speller.repairs("Vovchansk").is_empty());
        // Other likely repairs follow the best, without the same word in other capitals or
        // cut in two.
        assert_eq!(speller.repairs("goverment"), ["government"]);
        let occured = speller.repairs("occured").to_vec();
        assert_eq!(occured[0], "occurred");
        assert!(
            !occured.iter().any(|r| r.contains([' ', '-'])),
            "{occured:?}"
        );
        let wierd = speller.repairs("wierd").to_vec();
        assert!(wierd.len() > 1 && wierd.len() <= MAX_REPAIRS, "{wierd:?}");
        assert_eq!(wierd[0], "weird");
    }

    #[test]
    fn a_region_is_tried_before_the_language_alone() {
        let available = vec!["en_GB".to_owned(), "en_US".to_owned(), "de_DE".to_owned()];
        assert_eq!(candidates("en-GB", &available)[0], "en_GB");
        assert_eq!(candidates("en", &available)[0], "en_US");
        assert_eq!(candidates("de", &available).last().unwrap(), "de_DE");
    }
}
