//! Regenerates the embedded sample project `assets/sample.copydesk` through the library itself,
//! with fixed ids and times so that regenerating gives the same bytes.
//! Run: `cargo run --example make_sample` (reads the reference article from `../shared/corpus`).

use chrono::{DateTime, NaiveDate, Utc};
use copydesk::bundle::Bundle;
use copydesk::model::{
    Article, Byline, Correction, CorrectionKind, Dateline, Embargo, FocalPoint, ImageRef, Status,
};
use std::path::Path;
use uuid::Uuid;

const TARGET: &str = "assets/sample.copydesk";
const SEED: &str = "../shared/corpus/articles/00-seed-kremlin-ukraine-talks.txt";

fn main() {
    let target = Path::new(TARGET);
    if target.exists() {
        std::fs::remove_dir_all(target).expect("remove the old sample");
    }
    let mut bundle = Bundle::create(target, "Sample desk").expect("create the sample bundle");
    bundle.project_mut().settings.sections = [
        "World", "Business", "Culture", "Sport", "Science", "Opinion",
    ]
    .map(String::from)
    .to_vec();
    bundle.project_mut().settings.base_url = "https://news.example.com".into();
    for article in articles() {
        bundle.insert_article(article).expect("insert");
    }
    add_pictures(&mut bundle);
    bundle.save().expect("save the sample");
    drop(bundle);
    std::fs::remove_dir_all(target.join(".local")).expect("remove machine-local state");
    println!("wrote {TARGET}");
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("fixed time")
        .with_timezone(&Utc)
}

fn article(
    n: u128,
    headline: &str,
    section: &str,
    status: Status,
    created: &str,
    updated: &str,
) -> Article {
    let mut article = Article::new_at(headline, at(created));
    article.id = Uuid::from_u128(0x5a3e_0000_0000_4000_8000_0000_0000_0000 | n);
    article.section = section.into();
    article.status = status;
    article.updated = at(updated);
    article
}

fn reference_body() -> String {
    let page =
        std::fs::read_to_string(SEED).expect("read the reference article from ../shared/corpus");
    let start = page.find("After five hours").expect("body start");
    let end = page.find("Author: Sophia Brooks").expect("body end");
    page[start..end].trim().to_owned()
}

fn articles() -> Vec<Article> {
    let mut kremlin = article(
        1,
        "Kremlin indicates lack of progress following Ukraine talks with US",
        "World",
        Status::Editing,
        "2026-11-25T16:05:00Z",
        "2026-11-26T08:40:00Z",
    );
    kremlin.seo_title = "Kremlin: no breakthrough in Ukraine talks with US envoys".into();
    kremlin.social_title =
        "Five hours of talks, no breakthrough: the Kremlin on the US peace plan".into();
    kremlin.standfirst = "Putin met Steve Witkoff and Jared Kushner for five hours in Moscow; the Kremlin called the talks constructive but said parts of the plan remain unacceptable.".into();
    kremlin.bylines = vec![Byline::new("Sophia Brooks", "Reporter")];
    kremlin.tags = ["Ukraine", "Russia", "United States", "Diplomacy"]
        .map(String::from)
        .to_vec();
    kremlin.slugline = "RUSSIA-UKRAINE-TALKS".into();
    kremlin.dateline = Dateline {
        place: "Moscow".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 25),
    };
    kremlin.editors_note = "Imported from the wire page; still carries copy damage (lost apostrophes and dashes) for the desk to fix.".into();
    kremlin.body = reference_body();

    let mut library = article(
        2,
        "City library opens its stacks to night readers",
        "Culture",
        Status::Draft,
        "2026-11-27T09:12:00Z",
        "2026-11-27T10:30:00Z",
    );
    library.standfirst = "From January the central library will stay open until midnight on Fridays, a first for the city.".into();
    library.bylines = vec![Byline::new("Tomás Ruiz", "Culture correspondent")];
    library.tags = vec!["Libraries".into()];
    library.body = "The central library will keep its reading rooms open until midnight every Friday from January, the city council said on TK.\n\nLibrarians proposed the late opening after a survey found that a third of visitors could not reach the building before it closed at 7pm.\n\n## What changes\n\nThe ground-floor reading room, the periodicals desk and the children's corner will stay open; the archive and the rare-books room will not.\n\nTKTK: quote from the head librarian.".into();

    let mut bakery = article(
        3,
        "Hollin Bakeries to report first loss since 2009",
        "Business",
        Status::Ready,
        "2026-11-26T14:00:00Z",
        "2026-11-27T17:45:00Z",
    );
    bakery.seo_title = "Hollin Bakeries reports first loss since 2009".into();
    bakery.standfirst = "Energy bills and the price of wheat pushed the regional chain into the red; it will close eleven shops and keep its bakery school.".into();
    bakery.bylines = vec![
        Byline::new("Priya Natarajan", "Business reporter"),
        Byline::new("Jon Ekdahl", "Data"),
    ];
    bakery.tags = ["Retail", "Food", "Results"].map(String::from).to_vec();
    bakery.slugline = "HOLLIN-RESULTS".into();
    bakery.dateline = Dateline {
        place: "Leeds".into(),
        date: None,
    };
    bakery.embargo = Some(Embargo {
        until: DateTime::parse_from_rfc3339("2026-12-03T07:00:00+00:00").expect("fixed time"),
        time_zone: "Europe/London".into(),
    });
    bakery.editors_note =
        "Under embargo until the results are filed with the exchange at 07:00 London time.".into();
    bakery.body = "Hollin Bakeries, the family-owned chain with 212 shops across the north of England, will report a pre-tax loss of £4.1m for the year to September, its first loss since 2009.\n\nThe company blamed energy bills that more than doubled over two years and a 30 per cent rise in the price of milling wheat. Sales rose 6 per cent to £188m, helped by price increases and a busier Christmas.\n\n\"We kept prices as low as we could for as long as we could,\" said the chief executive, Margaret Hollin, the founder's granddaughter. \"That was the right thing for our customers and the wrong thing for our accounts.\"\n\nThe chain will close eleven of its smallest shops in the spring. About 90 staff will be offered jobs in nearby branches. Its bakery school in Wakefield, which trains 40 apprentices a year, will stay open.\n\nAnalysts said the loss was smaller than feared. Hollin has no debt and about £20m in cash, and its owners have said they will not sell.\n\n> \"This is a good business having a bad year,\" said Ruth Amadi, a retail analyst. \"The question is whether the bad year becomes a bad decade.\"\n\nThe company will publish its full accounts in February.".into();

    let mut rowing = article(
        4,
        "Harbour rowing club wins first national title in 40 years",
        "Sport",
        Status::Corrected,
        "2026-11-20T18:00:00Z",
        "2026-11-22T09:15:00Z",
    );
    rowing.standfirst = "The coxless four from Saltmarsh Rowing Club beat the defending champions by half a length on the last day of the national championships.".into();
    rowing.bylines = vec![Byline::new("Eilidh MacLeod", "Sports reporter")];
    rowing.tags = ["Rowing", "Championships"].map(String::from).to_vec();
    rowing.dateline = Dateline {
        place: "Nottingham".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20),
    };
    rowing.first_published = Some(at("2026-11-20T19:30:00Z"));
    rowing.corrections = vec![Correction {
        date: at("2026-11-22T09:15:00Z"),
        kind: CorrectionKind::Correction,
        text: "An earlier version of this article said the club last won the title in 1988. It was 1986.".into(),
    }];
    rowing.body = "Saltmarsh Rowing Club won the men's coxless four at the national championships on Sunday, its first national title since 1986.\n\nThe crew, whose average age is 22, trailed the defending champions from Tideway by a length at the halfway mark and came through in the last 300 metres to win by half a length.\n\n\"We train on a harbour, in the dark, in the rain,\" said the stroke, Kofi Mensah. \"Flat water felt like cheating.\"\n\nThe club, founded by dock workers in 1894, has 140 members and one boathouse, which flooded twice last winter. It raised the money for the winning boat, bought second-hand from a university club, with a series of quiz nights.\n\nThe crew will be invited to the national team trials in March.".into();

    let mut bookshop = article(
        5,
        "京都の老舗古書店、百年の歴史に幕",
        "Culture",
        Status::Published,
        "2026-11-18T02:00:00Z",
        "2026-11-18T03:10:00Z",
    );
    bookshop.slug = "kyoto-bookshop-closes".into();
    bookshop.language = "ja".into();
    bookshop.standfirst =
        "京都・寺町通の古書店「鴨川書房」が、創業百年を迎えた今月末で閉店する。".into();
    bookshop.bylines = vec![Byline::new("佐藤花子", "記者")];
    bookshop.tags = vec!["書店".into(), "京都".into()];
    bookshop.dateline = Dateline {
        place: "京都".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 18),
    };
    bookshop.first_published = Some(at("2026-11-18T03:10:00Z"));
    bookshop.body = "京都市中京区の寺町通で百年続いた古書店「鴨川書房」が、今月末で店を閉じる。三代目の店主、山本健一さん（七十四）は「本を愛してくれた客に感謝している」と話した。\n\n店は一九二六年に創業し、戦時中も休まず営業を続けた。郷土史や和本の品ぞろえで知られ、全国から研究者が訪れた。\n\n閉店の理由は、店主の高齢と後継者の不在だという。約三万冊の在庫は、市内の大学図書館と古書組合が引き取る予定だ。\n\n最終日の三十日には、常連客による朗読会が開かれる。".into();

    let mut oasis = article(
        6,
        "مهرجان التمور في الأحساء يستقبل زواره",
        "Culture",
        Status::Published,
        "2026-11-15T07:00:00Z",
        "2026-11-15T09:00:00Z",
    );
    oasis.slug = "al-ahsa-date-festival".into();
    oasis.language = "ar".into();
    oasis.standfirst =
        "افتتح مهرجان التمور السنوي في واحة الأحساء أبوابه أمام الزوار بمشاركة أكثر من مئتي مزارع."
            .into();
    oasis.bylines = vec![Byline::new("ليلى حداد", "مراسلة")];
    oasis.tags = vec!["زراعة".into(), "مهرجانات".into()];
    oasis.dateline = Dateline {
        place: "الأحساء".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 15),
    };
    oasis.first_published = Some(at("2026-11-15T09:00:00Z"));
    oasis.body = "افتتح مهرجان التمور في واحة الأحساء دورته السنوية صباح السبت، بمشاركة أكثر من مئتي مزارع يعرضون أصنافاً مختلفة من التمور.\n\nوقال منظمو المهرجان إنهم يتوقعون أكثر من خمسين ألف زائر خلال أيامه العشرة، مع ورش عمل عن الري الحديث وتغليف التمور.\n\nوتعد الأحساء من أكبر واحات النخيل في العالم، وقد أدرجتها منظمة اليونسكو في قائمة التراث العالمي عام ٢٠١٨.".into();

    let mut comet = article(
        7,
        "Amateur astronomer spots new comet from back garden",
        "Science",
        Status::Killed,
        "2026-11-10T21:00:00Z",
        "2026-11-11T08:00:00Z",
    );
    comet.standfirst = "A retired teacher in Cumbria reported a faint smudge near Cassiopeia; observatories later identified it as a known asteroid.".into();
    comet.bylines = vec![Byline::new("Daniel Osei", "Science correspondent")];
    comet.tags = vec!["Astronomy".into()];
    comet.editors_note = "Killed: the object turned out to be asteroid 2019 QX4, already catalogued. Do not publish.".into();
    comet.body = "A retired physics teacher in Cumbria believes she has found a new comet with a telescope she built from a kit in her back garden.\n\nMargaret Ellery, 68, photographed a faint, fuzzy object near the constellation Cassiopeia on Monday night and sent her images to the Minor Planet Center.".into();

    vec![kremlin, library, bakery, rowing, bookshop, oasis, comet]
}

/// Pictures drawn for the sample by this program (no third-party images): a hero for the
/// reference article and the rowing story, and a picture in the comet story's body.
fn add_pictures(bundle: &mut Bundle) {
    let root = bundle.root().to_owned();
    let talks = draw(1600, 900, |x, y, w, h| {
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        let table = (fy - 0.62).abs() < 0.05 && (0.18..0.82).contains(&fx);
        let left = ((fx - 0.25).powi(2) + (fy - 0.45).powi(2) * 3.0).sqrt() < 0.09;
        let right = ((fx - 0.75).powi(2) + (fy - 0.45).powi(2) * 3.0).sqrt() < 0.09;
        if table {
            [196, 160, 90]
        } else if left || right {
            [230, 200, 120]
        } else {
            [
                (20.0 + 40.0 * fy) as u8,
                (40.0 + 50.0 * fy) as u8,
                (90.0 + 80.0 * (1.0 - fy)) as u8,
            ]
        }
    });
    let harbour = draw(2000, 1125, |x, y, w, h| {
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        let wave = ((fx * 60.0).sin() * 0.004 + 0.55) < fy;
        let boat = (fy - 0.56).abs() < 0.012 && (0.30..0.70).contains(&fx);
        let oar = ((fx * 20.0).fract() < 0.08)
            && (0.30..0.70).contains(&fx)
            && (0.545..0.6).contains(&fy);
        if boat || oar {
            [40, 30, 30]
        } else if wave {
            [
                (20.0 + 30.0 * fy) as u8,
                (70.0 + 40.0 * fy) as u8,
                (110.0 + 40.0 * fy) as u8,
            ]
        } else {
            [
                (250.0 - 60.0 * fy) as u8,
                (170.0 - 40.0 * fy) as u8,
                (110.0 + 60.0 * fy) as u8,
            ]
        }
    });
    let sky = draw(1200, 800, |x, y, w, _| {
        let star = (x * 7919 + y * 104_729) % 997 == 0;
        let smudge = (((x as f32 - 0.62 * w as f32).powi(2) + (y as f32 - 300.0).powi(2)).sqrt()
            as u32)
            < 12;
        if star || smudge {
            [235, 235, 255]
        } else {
            [8, 10, (30 + y / 40) as u8]
        }
    });
    let credit = "Copydesk sample art (drawn by the sample generator)";
    let hero = |bytes: &[u8], name: &str, alt: &str, caption: &str, focus: FocalPoint| {
        let (asset, info) =
            copydesk::media::store(&root, bytes, name).expect("store a sample picture");
        ImageRef {
            alt: alt.into(),
            caption: caption.into(),
            credit: credit.into(),
            usage_terms: "Free to use with the sample project".into(),
            focal_point: Some(focus),
            width: info.width,
            height: info.height,
            ..ImageRef::new(asset)
        }
    };
    let [talks, harbour, sky] = [
        (
            talks,
            "talks.jpg",
            "Illustration of two delegations facing each other across a long table",
            "Illustration: the talks in Moscow lasted five hours.",
            (500, 550),
        ),
        (
            harbour,
            "harbour.jpg",
            "Illustration of a rowing four on a harbour at dawn",
            "Illustration: the Saltmarsh crew on home water.",
            (500, 560),
        ),
        (
            sky,
            "sky.jpg",
            "Illustration of a night sky with a faint smudge near Cassiopeia",
            "Illustration: the smudge Margaret Ellery photographed.",
            (620, 375),
        ),
    ]
    .map(|(bytes, name, alt, caption, (x, y))| {
        hero(&bytes, name, alt, caption, FocalPoint { x, y })
    });
    let id = |n: u128| Uuid::from_u128(0x5a3e_0000_0000_4000_8000_0000_0000_0000 | n);
    bundle
        .update_article(id(1), |a| a.hero_image = Some(talks))
        .expect("hero");
    let ids = bundle.ids();
    for article_id in ids {
        let headline = bundle
            .article(article_id)
            .expect("article")
            .headline
            .clone();
        if headline.starts_with("Harbour rowing club") {
            let harbour = harbour.clone();
            bundle
                .update_article(article_id, |a| a.hero_image = Some(harbour))
                .expect("hero");
        } else if headline.starts_with("Amateur astronomer") {
            let sky = sky.clone();
            bundle
                .update_article(article_id, |a| {
                    a.body
                        .push_str(&format!("\n\n![{}](asset:{})", sky.alt, sky.asset.as_str()));
                    a.images.push(sky);
                })
                .expect("inline picture");
        }
    }
}

/// A JPEG drawn pixel by pixel.
fn draw(width: u32, height: u32, pixel: impl Fn(u32, u32, u32, u32) -> [u8; 3]) -> Vec<u8> {
    let image =
        image::RgbImage::from_fn(width, height, |x, y| image::Rgb(pixel(x, y, width, height)));
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .expect("encode a sample picture");
    bytes
}
