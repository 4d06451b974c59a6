//! Pictures: thumbnails for 100 pictures of 12 megapixels, and the window's frame time while
//! those thumbnails load on the worker. Run: `cargo bench --bench media`.

use copydesk::app::jobs::{DialogPurpose, FileDialogs, Outcome};
use copydesk::app::settings::Settings;
use copydesk::bundle::{Access, Bundle};
use copydesk::model::{Article, AssetName, ImageRef};
use copydesk::ui::Workstation;
use egui::{Pos2, RawInput, Rect, Vec2};
use std::sync::{Arc, OnceLock};

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn available(&self) -> bool {
        false
    }
    fn pick(&self, _: DialogPurpose, _: std::sync::mpsc::Sender<Outcome>) {}
}

fn main() {
    divan::main();
}

/// A bundle with 100 articles, each with its own 4000×3000 JPEG hero.
fn fixture() -> &'static (tempfile::TempDir, std::path::PathBuf, Vec<AssetName>) {
    static FIXTURE: OnceLock<(tempfile::TempDir, std::path::PathBuf, Vec<AssetName>)> =
        OnceLock::new();
    FIXTURE.get_or_init(|| {
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
        let root = dir.path().join("Pictures.copydesk");
        let mut bundle = Bundle::create(&root, "Pictures").expect("create");
        let mut assets = Vec::new();
        for i in 0..100u32 {
            let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
                image::Rgb([
                    ((x + i * 7) % 256) as u8,
                    ((y + i * 13) % 256) as u8,
                    ((x ^ y) % 256) as u8,
                ])
            });
            let mut jpeg = Vec::new();
            picture
                .write_to(
                    &mut std::io::Cursor::new(&mut jpeg),
                    image::ImageFormat::Jpeg,
                )
                .expect("encode");
            let (asset, info) = copydesk::media::store(&root, &jpeg, "picture.jpg").expect("store");
            let mut article = Article::new(format!("Picture story {i}"));
            article.hero_image = Some(ImageRef {
                width: info.width,
                height: info.height,
                ..ImageRef::new(asset.clone())
            });
            bundle.insert_article(article).expect("insert");
            assets.push(asset);
        }
        bundle.save().expect("save");
        (dir, root, assets)
    })
}

fn clear_thumbnails(root: &std::path::Path) {
    let _ = std::fs::remove_dir_all(root.join(".local/thumbs"));
}

/// Decoding each 12-megapixel JPEG and writing its 480-pixel thumbnail, for 100 pictures.
#[divan::bench(sample_count = 3)]
fn thumbnails_for_100_pictures_of_12_megapixels(bencher: divan::Bencher) {
    let (_, root, assets) = fixture();
    bencher
        .with_inputs(|| clear_thumbnails(root))
        .bench_local_values(|()| {
            for asset in assets {
                divan::black_box(copydesk::media::thumbnail(root, asset).expect("thumbnail"));
            }
        });
}

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1400.0, 860.0))),
        ..RawInput::default()
    }
}

/// One frame of the window, with the list of the 100 picture stories showing, while their
/// thumbnails are still being made on the worker (each sample starts with none cached).
#[divan::bench(sample_count = 100)]
fn frame_while_thumbnails_load(bencher: divan::Bencher) {
    let (_, root, _) = fixture();
    clear_thumbnails(root);
    let ctx = egui::Context::default();
    let mut workstation = Workstation::new(&ctx, Settings::default(), Arc::new(NoDialogs), None);
    workstation
        .state
        .adopt(Bundle::open(root, Access::ReadOnly).expect("open"));
    let mut loading_frames = 0;
    bencher.bench_local(|| {
        let mut output = ctx.run_ui(input(), |ui| workstation.show(ui));
        divan::black_box(
            ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point),
        );
        output.textures_delta.clear();
        if workstation.state.thumbnails.loading() {
            loading_frames += 1;
        }
    });
    assert!(
        loading_frames > 50,
        "most measured frames ran while thumbnails loaded ({loading_frames})"
    );
}
