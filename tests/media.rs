//! Pictures: adding, reusing and cleaning up assets, metadata, checks, unsafe files, renditions.

mod common;

use copydesk::bundle::{Access, Bundle};
use copydesk::export::{ExportContext, Format};
use copydesk::media::{self, MediaError};
use copydesk::model::{Article, FocalPoint, ImageRef, Project};
use copydesk::review::{CheckContext, Reviewer};
use image::{ImageFormat, RgbImage};
use std::io::Cursor;

/// A picture of a given size, encoded in a format.
fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 120])
    });
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    bytes
}

/// A PNG whose header claims `width`×`height` and that holds no pixels: a decompression bomb's shape.
fn claimed_png(width: u32, height: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc32fast::hash(&ihdr).to_be_bytes());
    let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
    png.extend(8u32.to_be_bytes());
    png.extend(idat);
    png.extend(crc32fast::hash(idat).to_be_bytes());
    png.extend(0u32.to_be_bytes());
    png.extend(b"IEND");
    png.extend(crc32fast::hash(b"IEND").to_be_bytes());
    png
}

fn bundle() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("Pictures.copydesk");
    Bundle::create(&root, "Pictures").unwrap();
    (dir, root)
}

#[test]
fn pictures_are_stored_once_by_content_and_unused_ones_are_listed_then_cleaned() {
    let (_dir, root) = bundle();
    let jpeg = picture(1600, 900, ImageFormat::Jpeg);
    let (first, info) = media::store(&root, &jpeg, "harbour.jpg").unwrap();
    assert_eq!(
        (info.width, info.height, info.format),
        (1600, 900, ImageFormat::Jpeg)
    );
    assert!(first.as_str().ends_with(".jpg") && first.as_str().len() == 68);
    let (again, _) = media::store(&root, &jpeg, "copy-of-harbour.jpg").unwrap();
    assert_eq!(first, again, "the same picture is one asset");
    let (png, _) = media::store(&root, &picture(300, 200, ImageFormat::Png), "chart.png").unwrap();
    assert!(
        media::thumbnail_path(&root, &first).exists(),
        "the thumbnail is made once, at once"
    );
    assert_eq!(
        media::thumbnail(&root, &png).unwrap().dimensions(),
        (300, 200)
    );

    let mut article = Article::new("Harbour");
    article.hero_image = Some(ImageRef::new(first.clone()));
    let unused = media::unused_assets(&root, [&article].into_iter()).unwrap();
    assert_eq!(unused, vec![png.clone()], "listed, not deleted");
    assert!(root.join("assets").join(png.as_str()).exists());
    assert_eq!(media::remove_assets(&root, &unused).unwrap(), 1);
    assert!(!root.join("assets").join(png.as_str()).exists());
    article.body = format!("A chart: ![chart](asset:{})", png.as_str());
    assert!(
        media::assets_of(&article).contains(&png),
        "a body reference counts as a use"
    );
}

#[test]
fn a_picture_an_older_revision_shows_is_not_offered_as_unused() {
    let (_dir, root) = bundle();
    let (hero, _) = media::store(&root, &picture(400, 300, ImageFormat::Jpeg), "h.jpg").unwrap();
    let (chart, _) = media::store(&root, &picture(300, 200, ImageFormat::Png), "c.png").unwrap();
    let (never, _) = media::store(&root, &picture(200, 100, ImageFormat::Png), "n.png").unwrap();
    let mut bundle = Bundle::open(&root, Access::ReadWrite).unwrap();
    let mut article = Article::new("Harbour");
    article.hero_image = Some(ImageRef::new(hero.clone()));
    article.body = format!("A chart: ![chart](asset:{})", chart.as_str());
    let id = bundle.insert_article(article).unwrap();
    bundle.save().unwrap();
    // Both pictures taken out and saved: the article no longer shows them, its first revision
    // does, and restoring it must not find them gone.
    bundle
        .update_article(id, |a| {
            a.hero_image = None;
            a.body = "No pictures now.".into();
        })
        .unwrap();
    bundle.save().unwrap();
    let article = bundle.article(id).unwrap().clone();
    let unused = media::unused_assets(&root, [&article].into_iter()).unwrap();
    assert_eq!(unused, vec![never], "only the picture no revision shows");
}

/// A picture's name written in the body outside a link (in a code span, a note to the desk,
/// a link being typed) keeps it: a clean-up errs on the side of keeping.
#[test]
fn a_picture_named_anywhere_in_a_body_is_not_offered_as_unused() {
    let (_dir, root) = bundle();
    let (chart, _) = media::store(&root, &picture(300, 200, ImageFormat::Png), "c.png").unwrap();
    let (never, _) = media::store(&root, &picture(200, 100, ImageFormat::Png), "n.png").unwrap();
    let mut article = Article::new("Harbour");
    article.body = format!(
        "Chart to come: `{}` (half typed: ![chart](asset:",
        chart.as_str()
    );
    assert!(media::assets_of(&article).is_empty(), "no link to it");
    let unused = media::unused_assets(&root, [&article].into_iter()).unwrap();
    assert_eq!(unused, vec![never]);
}

#[test]
fn picture_metadata_survives_save_and_load() {
    let (_dir, root) = bundle();
    let (asset, info) =
        media::store(&root, &picture(1200, 800, ImageFormat::Png), "p.png").unwrap();
    let mut bundle = Bundle::open(&root, Access::ReadWrite).unwrap();
    let mut article = Article::new("With picture");
    article.hero_image = Some(ImageRef {
        alt: "Rowers at dawn".into(),
        caption: "The crew on the water.".into(),
        credit: "Copydesk sample art".into(),
        usage_terms: "Editorial use only".into(),
        focal_point: Some(FocalPoint { x: 300, y: 600 }),
        width: info.width,
        height: info.height,
        ..ImageRef::new(asset.clone())
    });
    article.images.push(ImageRef {
        decorative: true,
        ..ImageRef::new(asset)
    });
    let id = bundle.insert_article(article.clone()).unwrap();
    bundle.save().unwrap();
    drop(bundle);
    let mut reopened = Bundle::open(&root, Access::ReadOnly).unwrap();
    let back = reopened.article(id).unwrap();
    assert_eq!(back.hero_image, article.hero_image);
    assert_eq!(back.images, article.images);
}

#[test]
fn a_bomb_and_a_truncated_jpeg_are_refused_with_their_names() {
    let (_dir, root) = bundle();
    let bomb = media::store(&root, &claimed_png(30_000, 30_000), "bomb.png").unwrap_err();
    assert!(matches!(bomb, MediaError::TooLarge { .. }), "{bomb}");
    assert_eq!(
        bomb.to_string(),
        "bomb.png: 30000×30000 pixels is larger than the 20000-pixel limit; not decoded"
    );
    let jpeg = picture(400, 300, ImageFormat::Jpeg);
    let truncated = media::store(&root, &jpeg[..jpeg.len() / 2], "cut.jpg").unwrap_err();
    assert!(
        matches!(truncated, MediaError::Damaged { .. }),
        "{truncated}"
    );
    assert!(
        truncated
            .to_string()
            .starts_with("cut.jpg: the picture cannot be decoded"),
        "{truncated}"
    );
    let text = media::store(&root, b"not a picture at all", "notes.jpg").unwrap_err();
    assert!(
        text.to_string()
            .starts_with("notes.jpg: not a JPEG, PNG, WebP or GIF picture"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_dir(root.join("assets"))
            .map(|d| d.count())
            .unwrap_or(0),
        0,
        "nothing stored"
    );
}

#[test]
fn webp_and_gif_are_read_too() {
    let (_dir, root) = bundle();
    for (format, extension) in [(ImageFormat::WebP, "webp"), (ImageFormat::Gif, "gif")] {
        let (asset, info) = media::store(&root, &picture(64, 48, format), "p").unwrap();
        assert_eq!((info.width, info.height), (64, 48));
        assert!(asset.as_str().ends_with(extension));
    }
}

fn findings(article: &Article, assets: Option<&std::path::Path>) -> Vec<copydesk::review::Finding> {
    let settings = copydesk::model::ProjectSettings::default();
    let owners = Default::default();
    let context = CheckContext {
        settings: &settings,
        now: chrono::Utc::now(),
        project: &owners,
        assets,
    };
    Reviewer::new(&settings).check(article, &context)
}

fn has(article: &Article, assets: Option<&std::path::Path>, rule: &str) -> bool {
    findings(article, assets).iter().any(|f| f.rule == rule)
}

#[test]
fn picture_checks_fire_and_stay_quiet() {
    let (_dir, root) = bundle();
    let assets = root.join("assets");
    let (asset, _) = media::store(&root, &picture(64, 64, ImageFormat::Png), "p.png").unwrap();
    let sized = |width, height| {
        let mut article = Article::new("Pictures");
        article.hero_image = Some(ImageRef {
            width,
            height,
            alt: "a".into(),
            caption: "c".into(),
            credit: "d".into(),
            ..ImageRef::new(asset.clone())
        });
        article
    };
    assert!(
        has(&sized(1000, 600), Some(&assets), "image.hero_size"),
        "too narrow"
    );
    assert!(
        has(&sized(1300, 30), Some(&assets), "image.hero_size"),
        "too few pixels"
    );
    assert!(!has(&sized(1600, 900), Some(&assets), "image.hero_size"));
    assert!(!has(&sized(1600, 900), Some(&assets), "image.file"));
    let mut missing = sized(1600, 900);
    missing.hero_image.as_mut().unwrap().asset =
        copydesk::model::AssetName::parse(&format!("{}.png", "9".repeat(64))).unwrap();
    assert!(
        has(&missing, Some(&assets), "image.file"),
        "a missing file is a finding"
    );
    let mut inline = Article::new("Inline");
    inline.images.push(ImageRef::new(asset.clone()));
    let rules: Vec<_> = findings(&inline, Some(&assets))
        .into_iter()
        .map(|f| f.rule)
        .collect();
    assert!(
        rules.contains(&"image.alt") && rules.contains(&"image.credit"),
        "{rules:?}"
    );
    let crops = findings(&sized(1600, 900), Some(&assets))
        .into_iter()
        .find(|f| f.rule == "image.crops")
        .unwrap();
    assert_eq!(
        crops.message,
        "The hero image is 1600×900 (1.78:1); crops that keep the focal point: 16:9, 4:3, 1:1"
    );
}

#[test]
fn the_focal_point_decides_which_crops_work() {
    use copydesk::review::images::crop_keeps_focus;
    let centre = FocalPoint { x: 500, y: 500 };
    let edge = FocalPoint { x: 20, y: 500 };
    assert!(crop_keeps_focus(1600, 900, centre, (1, 1)));
    assert!(
        !crop_keeps_focus(1600, 900, edge, (1, 1)),
        "a subject at the edge is cut by a square crop"
    );
    assert!(
        !crop_keeps_focus(1600, 900, edge, (16, 9)),
        "even the full frame has it at the edge"
    );
    assert!(
        crop_keeps_focus(900, 1600, FocalPoint { x: 500, y: 300 }, (1, 1)),
        "a portrait's square crop slides to the subject"
    );
    assert!(!crop_keeps_focus(
        900,
        1600,
        FocalPoint { x: 500, y: 20 },
        (16, 9)
    ));
    // A link card's 1200 × 630 crop of a 16:9 picture keeps the whole width and slides its
    // band to the subject, never past the picture's edge.
    use copydesk::review::images::crop_around;
    let [left, top, right, bottom] = crop_around(1600, 900, centre, (1200, 630));
    assert_eq!((left, right), (0.0, 1.0));
    assert!(
        (top - (1.0 - bottom)).abs() < 1e-9 && top > 0.0,
        "centred: {top} {bottom}"
    );
    let card = (right - left) * 1600.0 / ((bottom - top) * 900.0);
    assert!(
        (card - 1200.0 / 630.0).abs() < 1e-9,
        "the card's shape: {card}"
    );
    let [_, top, _, bottom] = crop_around(1600, 900, FocalPoint { x: 500, y: 980 }, (1200, 630));
    assert!(
        (bottom - 1.0).abs() < 1e-9 && top > 0.0,
        "a subject at the foot: {top} {bottom}"
    );
    // Every size and ratio, with rounding at its worst, gives an answer and never a panic.
    let sizes = [
        (1, 1),
        (3, 1),
        (1920, 1080),
        (1081, 1920),
        (4000, 3000),
        (20_000, 1),
        (7, 20_000),
    ];
    let mut answers = 0;
    for (width, height) in sizes {
        for (_, x, y) in copydesk::review::images::CROPS {
            for focus in [
                FocalPoint { x: 0, y: 0 },
                centre,
                FocalPoint { x: 1000, y: 1000 },
            ] {
                answers += usize::from(crop_keeps_focus(width, height, focus, (x, y)));
                let edges = crop_around(width, height, focus, (x, y));
                assert!(
                    edges.iter().all(|e| (-1e-9..=1.0 + 1e-9).contains(e)),
                    "{edges:?}"
                );
            }
        }
    }
    assert!(
        answers > 0 && answers < sizes.len() * 9,
        "some crops keep a focus, some do not"
    );
}

#[test]
fn renditions_have_the_promised_sizes_and_feed_every_export() {
    let (_dir, root) = bundle();
    let (asset, info) =
        media::store(&root, &picture(2400, 1350, ImageFormat::Jpeg), "wide.jpg").unwrap();
    let bytes = std::fs::read(root.join("assets").join(asset.as_str())).unwrap();
    let made = media::renditions_of(&asset, &bytes).unwrap();
    let sizes: Vec<_> = made
        .iter()
        .map(|f| {
            (
                f.rendition.name.as_str(),
                f.rendition.width,
                f.rendition.height,
            )
        })
        .collect();
    assert_eq!(
        sizes,
        [
            ("original", 2400, 1350),
            ("w640", 640, 360),
            ("w1280", 1280, 720)
        ]
    );
    for file in &made {
        let decoded = image::load_from_memory(&file.data).unwrap();
        assert_eq!(
            (decoded.width(), decoded.height()),
            (file.rendition.width, file.rendition.height)
        );
        assert_eq!(file.rendition.bytes, file.data.len() as u64);
    }
    let small = media::renditions_of(
        &media::store(&root, &picture(500, 400, ImageFormat::Png), "s.png")
            .unwrap()
            .0,
        &picture(500, 400, ImageFormat::Png),
    )
    .unwrap();
    assert_eq!(small.len(), 1, "no rendition wider than the original");

    let mut article = Article::new("Wide picture");
    article.hero_image = Some(ImageRef {
        alt: "A wide view".into(),
        caption: "Caption".into(),
        credit: "Credit".into(),
        width: info.width,
        height: info.height,
        ..ImageRef::new(asset.clone())
    });
    let project = Project::new("Desk");
    let assets = root.join("assets");
    let context = ExportContext::new(&article, &project, Some(&assets));
    let ninjs: serde_json::Value = serde_json::from_slice(&context.export(Format::Ninjs)).unwrap();
    assert_eq!(common::ninjs::errors(&ninjs), Vec::<String>::new());
    let renditions = ninjs["associations"][0]["renditions"].as_array().unwrap();
    assert_eq!(renditions.len(), 3);
    assert_eq!(renditions[1]["width"], 640);
    assert_eq!(renditions[1]["contentType"], "image/jpeg");
    assert!(renditions[1]["sizeInBytes"].as_u64().unwrap() > 0);
    let html = String::from_utf8(context.export(Format::Html)).unwrap();
    let stem = asset.as_str().trim_end_matches(".jpg");
    assert!(html.contains(&format!("srcset=\"media/{stem}.jpg 2400w, media/{stem}-w640.jpg 640w, media/{stem}-w1280.jpg 1280w\"")), "{html}");
    let jsonld: serde_json::Value =
        serde_json::from_slice(&context.export(Format::Jsonld)).unwrap();
    assert_eq!(jsonld["image"].as_array().unwrap().len(), 3);

    let mut bundle = Bundle::open(&root, Access::ReadWrite).unwrap();
    let id = bundle.insert_article(article).unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = copydesk::export::export_articles(
        &mut bundle,
        &[id],
        &[Format::Html],
        out.path(),
        true,
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(report.exported, 1);
    for file in [
        format!("{stem}.jpg"),
        format!("{stem}-w640.jpg"),
        format!("{stem}-w1280.jpg"),
    ] {
        assert!(out.path().join("media").join(&file).exists(), "{file}");
    }
}
