//! Text copied from a news page: the breadcrumb and section, the headline, bylines, the
//! dateline and the body are recognised; page furniture (share buttons, view counts, related
//! links, navigation) is dropped, and captions and credits are kept aside in the editor's note.

use super::title_case;
use crate::model::{Article, Byline};
use crate::review::proofread::{is_list_item, strip_list_marker};
use chrono::{DateTime, Utc};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static BREADCRUMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^home\s*(?:>|›|»|/)\s*(.+)$").expect("valid regex"));
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|Author:|Written by)\s+(.{2,80})$").expect("valid regex")
});
static AGENCY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\((?:Reporting|Writing|Additional reporting) by ([^;)]+)").expect("valid regex")
});
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    use super::noted_caption::{AGENCY_CREDIT_INSIDE, CREDIT_LABELS};
    let pattern =
        format!(r"(?i)(?:{CREDIT_LABELS})\s*:\s*\S|\({AGENCY_CREDIT_INSIDE}\)\s*$|^credit:");
    Regex::new(&pattern).expect("valid regex")
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][A-Z .'’-]{2,40}?)(?:,\s*[A-Za-z .]{3,30}?)?\s*(?:\([^)]{2,30}\))?\s*[-—–]{1,2}\s+\S")
        .expect("valid regex")
});

/// A picture's caption in a gallery, after its place in it: "1 of 4. Authorities monitor …".
static GALLERY_CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3} of \d{1,3}\.\s+(\S.*)$").expect("valid regex"));

static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    const MONTH: &str = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    Regex::new(&format!(
        r"(?i)^(?:\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm)?\s*(?:[a-z]{{2,4}}\s+)?)?(?:\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{1,2}},?\s+\d{{4}})$"
    ))
    .expect("valid regex")
});
static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:related(?: articles| stories| content| links| coverage)?|more related to this story|more on this (?:story|topic)|read next|read more|recommended(?: for you)?|you (?:may|might) also like|most (?:popular|read)(?: .{1,20})?)\s*:?$")
        .expect("valid regex")
});

/// Most lines a block of related links under its heading runs to.
const MAX_TEASERS: usize = 12;

/// Marks the teasers of other articles as used: a title on the line above a bare date
/// ("30 Dec 2014"), and the lines under a "Related Articles" or "Read Next:" heading up to the
/// next sentence of running text.
fn mark_teasers(items: &[&str], used: &mut [bool]) {
    for i in 0..items.len() {
        if RELATED_HEADING.is_match(items[i].trim()) {
            used[i] = true;
            for j in (i + 1..items.len()).take(MAX_TEASERS) {
                if is_sentence(items[j]) {
                    break;
                }
                used[j] = true;
            }
        }
        if i + 1 < items.len()
            && DATE_ONLY.is_match(items[i + 1].trim())
            && !is_sentence(items[i])
            && !items[i].trim().is_empty()
        {
            used[i] = true;
            used[i + 1] = true;
        }
    }
}

/// A short line in capitals, such as "NO FOUL PLAY SEEN": a subheading inside the text.
fn is_capitals_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (2..=10).contains(&words)
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !line.chars().any(char::is_lowercase)
}

/// A line that is page furniture, never text.
fn is_furniture(line: &str) -> bool {
    crate::review::proofread::is_page_furniture(line)
        || matches!(
            line.trim().to_lowercase().as_str(),
            "link this"
                | "tweet this"
                | "digg this"
                | "follow"
                | "filed under:"
                | "video"
                | "advertisement"
        )
}

/// A line that ends a sentence: a full stop, question or exclamation mark, maybe in quotes.
fn is_sentence(line: &str) -> bool {
    let line = WIDGET_TAIL.replace(line, "");
    let end = line.trim_end().trim_end_matches(['"', '”', '’', '\'', ')']);
    line.split_whitespace().count() >= 8 && end.ends_with(['.', '!', '?']) && !end.ends_with("..")
}

static SECTION_CRUMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z][\w &-]{1,30}?)\s*»$").expect("valid regex"));
static WIDGET_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:Add to \.\.\.|Add to …|\(\d+ comments?\))$").expect("valid regex")
});
static NAME_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+in\s+[A-Z][\w .'-]+$").expect("valid regex"));

/// Two to four capitalised words and nothing else: a person's name.
fn is_bare_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
                && w.chars().any(char::is_lowercase)
        })
}

/// A line that reads as running text.
fn is_prose(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_sentence = line
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ')', ':']);
    words >= 12 || (words >= 5 && ends_sentence)
}

/// Imports pasted page text.
pub fn import(text: &str, now: DateTime<Utc>) -> Result<Article, String> {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let items: Vec<&str> = lines.iter().map(|l| strip_list_marker(l)).collect();
    let mut article = Article::new_at("", now);
    let mut notes = Vec::new();
    let mut used = vec![false; lines.len()];

    // The breadcrumb: "HOME > WORLD > …" on one line, or HOME, WORLD, … as list items.
    if let Some(at) = items.iter().position(|l| l.eq_ignore_ascii_case("home")) {
        let crumbs: Vec<usize> = (at..lines.len())
            .take_while(|&i| is_list_item(lines[i]) || i == at)
            .collect();
        if let Some(&section) = crumbs.get(1) {
            article.section = title_case(items[section]);
        }
        for i in crumbs {
            used[i] = true;
        }
    } else if let Some((i, rest)) = items
        .iter()
        .enumerate()
        .find_map(|(i, l)| Some((i, BREADCRUMB.captures(l)?.get(1)?.as_str())))
    {
        let parts: Vec<&str> = rest.split(['>', '›', '»', '/']).map(str::trim).collect();
        article.section = title_case(parts[0]);
        used[i] = true;
    } else {
        // Section links written "Politics»" or "Business »": the last one before the text.
        let crumbs: Vec<usize> = (0..lines.len())
            .filter(|&i| SECTION_CRUMB.is_match(items[i]))
            .collect();
        let text_starts = (0..lines.len())
            .find(|&i| is_sentence(items[i]))
            .unwrap_or(lines.len());
        if let Some(&last) = crumbs.iter().take_while(|&&i| i < text_starts).last() {
            article.section = title_case(&SECTION_CRUMB.captures(items[last]).expect("matched")[1]);
        }
        for i in crumbs {
            used[i] = true;
        }
    }

    // The headline: a line that is repeated (title and page heading), else the first heading-like line.
    let heading_like = |l: &str| {
        let words = l.split_whitespace().count();
        (4..=25).contains(&words) && !l.ends_with('.') && !is_furniture(l)
    };
    let first_sentence = (0..lines.len())
        .find(|&i| is_sentence(items[i]) && !is_furniture(items[i]) && !CAPTION.is_match(items[i]))
        .unwrap_or(lines.len());
    let repeated = (0..first_sentence)
        .find(|&i| heading_like(items[i]) && items[i + 1..].iter().any(|other| *other == items[i]));
    // Most pages put the headline just above a "By …" line, with at most a standfirst between.
    let above_byline = items
        .iter()
        .position(|l| l.starts_with("By ") && BYLINE.is_match(l))
        .and_then(|by| {
            (by.saturating_sub(4)..by).rev().find(|&i| {
                let words = items[i].split_whitespace().count();
                (4..=16).contains(&words)
                    && heading_like(items[i])
                    && !CAPTION.is_match(items[i])
                    && !is_sentence(items[i])
            })
        });
    let headline_at = above_byline.or(repeated).or_else(|| {
        (0..first_sentence).find(|&i| {
            !used[i]
                && heading_like(WIDGET_TAIL.replace(items[i], "").as_ref())
                && !CAPTION.is_match(items[i])
        })
    });
    if let Some(at) = headline_at {
        article.headline = WIDGET_TAIL.replace(items[at], "").into_owned();
        for (i, item) in items.iter().enumerate() {
            if WIDGET_TAIL.replace(item, "") == article.headline {
                used[i] = true;
            }
        }
        // A long unpunctuated line right after the headline is its standfirst.
        if let Some(next) = (at + 1..lines.len()).find(|&i| !items[i].is_empty())
            && !used[next]
            && items[next].split_whitespace().count() >= 8
            && !items[next].ends_with(['.', '!', '?'])
            && !CAPTION.is_match(items[next])
        {
            article.standfirst = items[next].to_owned();
            used[next] = true;
        }
    }

    // Bylines, captions and furniture.
    for (i, item) in items.iter().enumerate() {
        if used[i] || item.is_empty() {
            continue;
        }
        if let Some(name) = BYLINE.captures(item).and_then(|c| c.get(1)) {
            for name in name.as_str().split(" and ").flat_map(|n| n.split(", ")) {
                let name = NAME_PLACE.replace(name.trim(), "");
                let name = name.trim();
                if !name.is_empty() && !article.bylines.iter().any(|b| b.name == name) {
                    article.bylines.push(Byline::new(name, ""));
                }
            }
            used[i] = true;
        } else if let Some(words) = GALLERY_CAPTION.captures(item).and_then(|c| c.get(1)) {
            // Kept with the credit on the line under it, as one caption for the hero.
            let mut caption = words.as_str().to_owned();
            if let Some(credit) = items.get(i + 1).filter(|l| l.starts_with("Credit:")) {
                caption = format!("{caption} {credit}");
                used[i + 1] = true;
            }
            notes.push(super::noted_caption::note_line(&caption));
            used[i] = true;
        } else if CAPTION.is_match(item) {
            notes.push(super::noted_caption::note_line(item));
            used[i] = true;
        } else if is_furniture(item) {
            used[i] = true;
        }
    }
    // A bare name on the line under the headline (or its standfirst) is the byline.
    if article.bylines.is_empty()
        && let Some(at) = headline_at
        && let Some(name) =
            (at + 1..lines.len().min(at + 4)).find(|&i| !used[i] && is_bare_name(items[i]))
    {
        article.bylines.push(Byline::new(items[name], ""));
        used[name] = true;
    }
    if article.bylines.is_empty()
        && let Some(names) = items.iter().find_map(|l| AGENCY_CREDIT.captures(l)?.get(1))
    {
        for name in names.as_str().split(" and ").flat_map(|n| n.split(", ")) {
            let name = NAME_PLACE.replace(name.trim(), "");
            if !name.is_empty() {
                article.bylines.push(Byline::new(name.trim(), "Reporter"));
            }
        }
    }

    // The body: the longest run of running text, allowing a few short lines between paragraphs,
    // and the subheadings in capitals inside it.
    mark_teasers(&items, &mut used);
    let body = body_lines(&items, &used);
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return Err("no article text found: no paragraph of running text".to_owned());
    };
    // The page's dates, from above its text: when it was published and last updated.
    let dates = super::page_date::page_dates(&items[..first], now);
    if let Some(created) = dates.published.or(dates.updated) {
        article.created = created;
        article.updated = dates
            .updated
            .map_or(created, |updated| updated.max(created));
    }
    if let Some(dateline) = DATELINE.captures(items[first]) {
        article.dateline.place = title_case(dateline[1].trim());
    } else if let Some(place) =
        dateline_line(&items, &used, headline_at.map_or(0, |at| at + 1)..first)
    {
        article.dateline.place = place;
    }
    // A dateline's date is the day the page was published, as it prints it.
    if !article.dateline.place.is_empty() {
        article.dateline.date = dates.published_on;
    }
    article.body = (first..=last)
        .filter_map(|i| {
            if body.contains(&i) {
                Some(items[i].to_owned())
            } else if !used[i] && is_capitals_heading(items[i]) {
                Some(format!("## {}", items[i].trim()))
            } else {
                None
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    if article.headline.is_empty() {
        article.headline = super::first_words(items[first]);
        notes.push(super::NO_HEADLINE.to_owned());
    }
    article.editors_note = notes.join("\n");
    Ok(article)
}

/// The place of a dateline set on a line of its own between the headline and the text, with the
/// publication after the dash ("WASHINGTON — The Globe and Mail"), as some pages set it.
fn dateline_line(items: &[&str], used: &[bool], between: Range<usize>) -> Option<String> {
    between
        .filter(|&i| !used[i] && !is_sentence(items[i]) && !items[i].contains(char::is_numeric))
        .find_map(|i| DATELINE.captures(items[i]))
        .map(|found| title_case(found[1].trim()))
}

/// Most lines of other text tolerated between two paragraphs of one article.
const MAX_GAP: usize = 12;

/// The lines of the article text: prose lines of the cluster with the most words.
fn body_lines(items: &[&str], used: &[bool]) -> Vec<usize> {
    let prose: Vec<usize> = (0..items.len())
        .filter(|&i| !used[i] && is_prose(items[i]))
        .collect();
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in prose {
        match clusters.last_mut() {
            Some(cluster) if i - cluster.last().copied().unwrap_or(i) <= MAX_GAP => cluster.push(i),
            _ => clusters.push(vec![i]),
        }
    }
    clusters
        .into_iter()
        .max_by_key(|c| {
            c.iter()
                .map(|&i| items[i].split_whitespace().count())
                .sum::<usize>()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_date_is_told_from_a_line_of_text() {
        for date in [
            "30 Dec 2014",
            "Dec 30, 2014",
            "December 30 2014",
            "11:59PM GMT 29 Dec 2014",
        ] {
            assert!(DATE_ONLY.is_match(date), "{date}");
        }
        for text in [
            "On 30 Dec 2014 the plane fell",
            "30 Dec",
            "Decimal 30, 2014",
        ] {
            assert!(!DATE_ONLY.is_match(text), "{text}");
        }
    }

    #[test]
    fn widget_text_is_cut_from_the_headline() {
        let page = "Final manoeuvre of AirAsia flight raises questions over flying in storms Add to ...\nPaul Koring\n\nA modern airliner's abrupt disappearance from radar as it flew through storms puzzled experts on Monday.\n";
        let article = import(page, Utc::now()).unwrap();
        assert_eq!(
            article.headline,
            "Final manoeuvre of AirAsia flight raises questions over flying in storms"
        );
    }
}
