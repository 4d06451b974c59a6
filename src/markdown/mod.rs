//! The body's CommonMark, parsed once into a small block model that the live preview and every
//! export render from, so that they can never disagree.

/// Keeping a body's blocks up to date as it is edited.
pub mod continuation;
pub mod incremental;
pub mod paste;

pub use incremental::BlockCache;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// How a run of text is styled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanStyle {
    /// Strong emphasis.
    pub bold: bool,
    /// Emphasis.
    pub italic: bool,
    /// Inline code.
    pub code: bool,
    /// Struck through.
    pub strike: bool,
    /// The link target, when the text is a link.
    pub link: Option<String>,
    /// The link's title (shown on hover), when it has one.
    pub link_title: Option<String>,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Styled text.
    Text {
        /// The text.
        text: String,
        /// Its style.
        style: SpanStyle,
    },
    /// A line break inside a paragraph.
    LineBreak,
    /// A picture in the text.
    Image {
        /// Where the picture is (a bundle asset or a URL).
        url: String,
        /// Its alternative text.
        alt: String,
        /// Its title, when it has one.
        title: Option<String>,
    },
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 1 to 6.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        inlines: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A block quote.
    Quote(Vec<Block>),
    /// A list; `start` is the first number of an ordered list.
    List {
        /// First number of an ordered list; `None` for bullets.
        start: Option<u64>,
        /// The items, each a list of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A code block.
    Code {
        /// The info string (language).
        info: String,
        /// The code.
        text: String,
    },
    /// A thematic break.
    Rule,
    /// Raw HTML, kept as text: never rendered as markup.
    Html(String),
}

/// Parses a CommonMark body into blocks.
pub fn parse(body: &str) -> Vec<Block> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut builder = Builder::default();
    for event in Parser::new_ext(body, options) {
        builder.event(event);
    }
    builder.finish()
}

/// The text of the body's first paragraph, as a search engine takes a page's opening for its
/// snippet when the page gives no description; only the body's first paragraphs are parsed.
pub fn opening(body: &str) -> Option<String> {
    /// How much of the body is read for it: a paragraph or two.
    const READ: usize = 4_000;
    let end = body.floor_char_boundary(READ);
    let head = &body[..end];
    // The paragraph cut in the middle is left out, unless it is the only one.
    let head = head
        .rfind("\n\n")
        .filter(|_| end < body.len())
        .map_or(head, |at| &head[..at]);
    parse(head).into_iter().find_map(|block| match block {
        Block::Paragraph(inlines) => {
            let text = plain_text(&inlines);
            (!text.trim().is_empty()).then_some(text)
        }
        _ => None,
    })
}

/// The plain text of inlines (for headings in outlines, alt text, search).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::LineBreak => out.push(' '),
            Inline::Image { alt, .. } => out.push_str(alt),
        }
    }
    out
}

/// An open container while events stream in.
enum Frame {
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
}

#[derive(Default)]
struct Builder {
    done: Vec<Block>,
    frames: Vec<Frame>,
    inlines: Vec<Inline>,
    style: SpanStyle,
    code: Option<(String, String)>,
    html: Option<String>,
    image: Option<(String, String)>,
    image_title: Option<String>,
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(Frame::Quote(blocks)) | Some(Frame::Item(blocks)) => blocks.push(block),
            Some(Frame::List { .. }) | None => self.done.push(block),
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        if let Some(Inline::Text { text: last, style }) = self.inlines.last_mut()
            && *style == self.style
        {
            last.push_str(text);
            return;
        }
        self.inlines.push(Inline::Text {
            text: text.to_owned(),
            style: self.style.clone(),
        });
    }

    /// Closes a tight list item's implicit paragraph.
    fn flush_loose_inlines(&mut self) {
        if !self.inlines.is_empty() {
            let inlines = std::mem::take(&mut self.inlines);
            self.push_block(Block::Paragraph(inlines));
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some((_, text)) = &mut self.code {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (info, text) = self.code.take().expect("open code block");
                    self.push_block(Block::Code { info, text });
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) => self.push_text(&text),
            Event::Code(code) => {
                let saved = self.style.clone();
                self.style.code = true;
                self.push_text(&code);
                self.style = saved;
            }
            Event::SoftBreak => self.push_text(" "),
            Event::HardBreak => self.inlines.push(Inline::LineBreak),
            Event::Rule => self.push_block(Block::Rule),
            Event::Html(html) => match &mut self.html {
                Some(open) => open.push_str(&html),
                None => self.html = Some(html.into_string()),
            },
            Event::InlineHtml(html) => self.push_text(&html),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(name) => self.push_text(&format!("[{name}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push_text(&t),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } => self.flush_loose_inlines(),
            Tag::BlockQuote(_) => {
                self.flush_loose_inlines();
                self.frames.push(Frame::Quote(Vec::new()));
            }
            Tag::List(start) => {
                self.flush_loose_inlines();
                self.frames.push(Frame::List {
                    start,
                    items: Vec::new(),
                });
            }
            Tag::Item => self.frames.push(Frame::Item(Vec::new())),
            Tag::CodeBlock(kind) => {
                self.flush_loose_inlines();
                let info = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.into_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, String::new()));
            }
            Tag::HtmlBlock => self.html = Some(String::new()),
            Tag::Emphasis => self.style.italic = true,
            Tag::Strong => self.style.bold = true,
            Tag::Strikethrough => self.style.strike = true,
            Tag::Link {
                dest_url, title, ..
            } => {
                self.style.link = Some(dest_url.into_string());
                self.style.link_title = (!title.is_empty()).then(|| title.into_string());
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                self.image = Some((dest_url.into_string(), String::new()));
                self.image_title = (!title.is_empty()).then(|| title.into_string());
            }
            _ => {}
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Paragraph => {
                let inlines = std::mem::take(&mut self.inlines);
                self.push_block(Block::Paragraph(inlines));
            }
            TagEnd::Heading(level) => {
                let inlines = std::mem::take(&mut self.inlines);
                self.push_block(Block::Heading {
                    level: heading_number(level),
                    inlines,
                });
            }
            TagEnd::BlockQuote(_) => {
                self.flush_loose_inlines();
                if let Some(Frame::Quote(blocks)) = self.frames.pop() {
                    self.push_block(Block::Quote(blocks));
                }
            }
            TagEnd::Item => {
                self.flush_loose_inlines();
                if let Some(Frame::Item(blocks)) = self.frames.pop()
                    && let Some(Frame::List { items, .. }) = self.frames.last_mut()
                {
                    items.push(blocks);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List { start, items }) = self.frames.pop() {
                    self.push_block(Block::List { start, items });
                }
            }
            TagEnd::HtmlBlock => {
                let html = self.html.take().unwrap_or_default();
                self.push_block(Block::Html(html));
            }
            TagEnd::Emphasis => self.style.italic = false,
            TagEnd::Strong => self.style.bold = false,
            TagEnd::Strikethrough => self.style.strike = false,
            TagEnd::Link => {
                self.style.link = None;
                self.style.link_title = None;
            }
            TagEnd::Image => {
                if let Some((url, alt)) = self.image.take() {
                    let title = self.image_title.take();
                    self.inlines.push(Inline::Image { url, alt, title });
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush_loose_inlines();
        self.done
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Inline {
        Inline::Text {
            text: t.into(),
            style: SpanStyle::default(),
        }
    }

    #[test]
    fn the_opening_is_the_first_paragraph_s_text() {
        let body = "## Aside\n\nThe *council* voted [to close](https://x.example) it.\n\nMore.";
        assert_eq!(
            opening(body).as_deref(),
            Some("The council voted to close it.")
        );
        assert_eq!(opening(""), None);
        // A long body is read only as far as its first paragraphs.
        let long = format!("First words.\n\n{}", "word ".repeat(5_000));
        assert_eq!(opening(&long).as_deref(), Some("First words."));
        let one = "é".repeat(3_000);
        assert_eq!(opening(&one).map(|t| t.chars().count()), Some(2_000));
    }

    #[test]
    fn paragraphs_headings_and_emphasis() {
        let blocks = parse("## Title\n\nOne *two* **three** [four](https://x.test).\n\nNext.");
        assert_eq!(blocks.len(), 3);
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: 2,
                inlines: vec![text("Title")]
            }
        );
        let Block::Paragraph(inlines) = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(plain_text(inlines), "One two three four.");
        assert!(matches!(&inlines[1], Inline::Text { style, .. } if style.italic));
        assert!(matches!(&inlines[3], Inline::Text { style, .. } if style.bold));
        assert!(
            matches!(&inlines[5], Inline::Text { style, .. } if style.link.as_deref() == Some("https://x.test"))
        );
    }

    #[test]
    fn quotes_lists_and_code() {
        let blocks = parse("> quoted\n\n- a\n- b\n\n3. c\n\n```rust\nlet x;\n```\n\n---");
        assert!(matches!(&blocks[0], Block::Quote(inner) if inner.len() == 1));
        assert!(matches!(&blocks[1], Block::List { start: None, items } if items.len() == 2));
        assert!(matches!(&blocks[2], Block::List { start: Some(3), items } if items.len() == 1));
        assert_eq!(
            blocks[3],
            Block::Code {
                info: "rust".into(),
                text: "let x;\n".into()
            }
        );
        assert_eq!(blocks[4], Block::Rule);
    }

    #[test]
    fn raw_html_is_kept_as_text() {
        let blocks = parse("<script>alert(1)</script>\n\nHi <b>x</b>");
        assert!(matches!(&blocks[0], Block::Html(h) if h.contains("<script>")));
        let Block::Paragraph(inlines) = &blocks[1] else {
            panic!()
        };
        assert_eq!(plain_text(inlines), "Hi <b>x</b>");
    }
}

/// A link in a Markdown body, with where its address is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's address as written.
    pub url: String,
    /// Byte range of the address in the body (of the whole link when it is a reference link).
    pub url_span: std::ops::Range<usize>,
}

/// The byte ranges of the body's indented code blocks (lines indented four spaces or a tab
/// that do not continue a paragraph or a list), each from the start of its first line to the
/// end of its last line.
pub fn indented_code(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(body, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        if let Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Indented)) = event {
            let start = body[..range.start].rfind('\n').map_or(0, |at| at + 1);
            let end = body[range.start..range.end.min(body.len())]
                .trim_end_matches(['\n', '\r'])
                .len()
                + range.start;
            found.push(start..end);
        }
    }
    found
}

/// Every inline link and image of a body, with source positions.
pub fn links(body: &str) -> Vec<Link> {
    let mut found = Vec::new();
    for (event, range) in Parser::new_ext(body, Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        let url = match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => dest_url,
            _ => continue,
        };
        let source = &body[range.clone()];
        let url_span = source
            .rfind("](")
            .and_then(|open| {
                let start = open + 2;
                let inner = &source[start..];
                let inner = inner.strip_prefix('<').unwrap_or(inner);
                let skip = source.len() - start - inner.len();
                inner.find(&*url).map(|at| range.start + start + skip + at)
            })
            .map_or(range.clone(), |start| start..start + url.len());
        found.push(Link {
            url: url.into_string(),
            url_span,
        });
    }
    found
}
