//! A file's text from its bytes: UTF-8 (with or without its byte-order mark), UTF-16 with its
//! mark, an HTML page in the character set it declares, or other legacy text (a page saved in
//! Windows-1252, a Shift_JIS text file) in the encoding `chardetng` judges likeliest. Bytes that
//! are no text at all (a picture renamed, a program) are refused.

use encoding_rs::{Encoding, UTF_8};

/// A file's text, and the legacy encoding it was read from (none for UTF-8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding's name ("windows-1252", "UTF-16LE"), when the bytes were not UTF-8.
    pub encoding: Option<&'static str>,
}

/// Where a legacy-encoded file may come from, for what the bytes may be read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// UTF-8 (or UTF-16 with its mark) only, as JSON must be.
    Refused,
    /// An HTML page: its declared character set first.
    Html,
    /// Other text: the likeliest encoding.
    Text,
}

/// How many bytes of a page are searched for its declared character set, as browsers do.
const PRESCAN_BYTES: usize = 1024;

/// How many bytes of legacy text its encoding is worked out from: a page's worth is plenty, and
/// `chardetng` reads about 30 MB a second.
const DETECTION_BYTES: usize = 64 * 1024;

/// The text of `bytes`, or none when they are not text in any encoding allowed by `legacy`.
pub fn decode(bytes: &[u8], legacy: Legacy) -> Option<Decoded> {
    let (bytes, marked) = match Encoding::for_bom(bytes) {
        Some((encoding, mark)) if encoding != UTF_8 => {
            let text =
                encoding.decode_without_bom_handling_and_without_replacement(&bytes[mark..])?;
            return text_only(text.into_owned(), encoding.name());
        }
        Some((_, mark)) => (&bytes[mark..], true),
        None => (bytes, false),
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        // UTF-8 is taken as text unless it holds a NUL, a binary's mark.
        let text = text.to_owned();
        return (!text.contains('\0')).then_some(Decoded {
            text,
            encoding: None,
        });
    }
    // A NUL byte is a binary's mark; legacy text never holds one.
    if legacy == Legacy::Refused || marked || bytes.contains(&0) {
        return None;
    }
    let declared = (legacy == Legacy::Html)
        .then(|| declared_charset(bytes))
        .flatten()
        .filter(|encoding| *encoding != UTF_8);
    let encoding = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(&bytes[..bytes.len().min(DETECTION_BYTES)], true);
        detector.guess(None, false)
    });
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
    text_only(text.into_owned(), encoding.name())
}

/// `text` read from legacy encoding `encoding`, unless control characters show that it was
/// never text (a tab, line and page breaks aside, and DOS's end-of-file mark).
fn text_only(text: String, encoding: &'static str) -> Option<Decoded> {
    let stray = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{1a}');
    (!text.chars().any(stray)).then_some(Decoded {
        text,
        encoding: Some(encoding),
    })
}

/// The character set a page declares in its first bytes (`<meta charset="…">`, or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`), when it names one.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let start = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let head = String::from_utf8_lossy(start).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(after) = tag.find("charset").map(|at| &tag[at + 7..]) {
            let value = after.trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/')
                .unwrap_or(value.len());
            return Encoding::for_label(&value.as_bytes()[..end]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_its_mark_is_read_as_it_is() {
        let text = "Kyiv’s talks — Zürich";
        let plain = decode(text.as_bytes(), Legacy::Text).unwrap();
        assert_eq!(
            plain,
            Decoded {
                text: text.into(),
                encoding: None
            }
        );
        let marked = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
        assert_eq!(decode(&marked, Legacy::Refused).unwrap().text, text);
    }

    #[test]
    fn utf16_with_its_mark_is_read_for_every_file() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Zürich talks".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&bytes, Legacy::Refused).unwrap();
        assert_eq!(decoded.text, "Zürich talks");
        assert_eq!(decoded.encoding, Some("UTF-16LE"));
    }

    #[test]
    fn a_page_is_read_in_the_character_set_it_declares() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" \
                    content=\"text/html; charset=ISO-8859-2\"></head><body>Łódź</body></html>";
        let (bytes, _, _) = encoding_rs::ISO_8859_2.encode(page);
        let decoded = decode(&bytes, Legacy::Html).unwrap();
        assert!(decoded.text.contains("Łódź"), "{}", decoded.text);
        assert_eq!(decoded.encoding, Some("ISO-8859-2"));
        let short = "<meta charset='windows-1252'><p>Caf\u{e9} \u{2014} na\u{ef}ve</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(short);
        assert!(
            decode(&bytes, Legacy::Html)
                .unwrap()
                .text
                .contains("Café — naïve")
        );
    }

    #[test]
    fn other_legacy_text_is_read_in_its_likeliest_encoding() {
        let text = "The minister\u{2019}s caf\u{e9} in Z\u{fc}rich \u{2014} a na\u{ef}ve r\u{e9}sum\u{e9} \
                    of the d\u{e9}j\u{e0} vu \u{ab}entente\u{bb} and its fa\u{e7}ade.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let decoded = decode(&bytes, Legacy::Text).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, Some("windows-1252"));
        let (bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("東京で会談が再開された。首相は記者団に語った。");
        let decoded = decode(&bytes, Legacy::Text).unwrap();
        assert_eq!(
            decoded.text,
            "東京で会談が再開された。首相は記者団に語った。"
        );
        assert_eq!(decoded.encoding, Some("Shift_JIS"));
    }

    #[test]
    fn bytes_that_are_no_text_are_refused() {
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Caf\u{e9}");
        assert_eq!(decode(&latin, Legacy::Refused), None, "JSON is UTF-8");
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        assert_eq!(decode(png, Legacy::Text), None);
        assert_eq!(decode(b"text\0with a NUL", Legacy::Text), None);
        assert_eq!(decode(b"\x01\x02\x03\x04 \xff\xfe\xfd", Legacy::Text), None);
    }
}
