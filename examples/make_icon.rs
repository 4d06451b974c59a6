//! Draws the Copydesk app icon (a page of copy with a red editing mark) at 256 and 512 pixels.
//! Run: `cargo run --example make_icon` — writes `icons/copydesk-256.png` and `icons/copydesk-512.png`.

use image::{Rgba, RgbaImage};

fn main() {
    for size in [256u32, 512] {
        let path = format!("icons/copydesk-{size}.png");
        draw(size).save(&path).expect("write icon");
        println!("wrote {path}");
    }
}

fn draw(size: u32) -> RgbaImage {
    let s = size as f32;
    let navy = Rgba([24, 42, 74, 255]);
    let paper = Rgba([250, 248, 242, 255]);
    let ink = Rgba([70, 78, 92, 255]);
    let red = Rgba([204, 41, 54, 255]);
    let mut img = RgbaImage::new(size, size);
    let radius = s * 0.18;
    for (x, y, px) in img.enumerate_pixels_mut() {
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        if inside_rounded(fx, fy, 0.0, 0.0, s, s, radius) {
            *px = navy;
        }
        if inside_rounded(fx, fy, s * 0.22, s * 0.14, s * 0.78, s * 0.86, s * 0.03) {
            *px = paper;
        }
        // Headline bar, then lines of copy.
        let in_column = fx > s * 0.29 && fx < s * 0.71;
        if in_column && fy > s * 0.22 && fy < s * 0.30 {
            *px = navy;
        }
        for line in 0..7 {
            let top = s * (0.38 + line as f32 * 0.065);
            let right = if line == 6 { s * 0.55 } else { s * 0.71 };
            if fx > s * 0.29 && fx < right && fy > top && fy < top + s * 0.025 {
                *px = ink;
            }
        }
        // The editor's red mark: a stroke across the margin.
        let d = ((fx - s * 0.60) + (fy - s * 0.70)).abs() / std::f32::consts::SQRT_2;
        if d < s * 0.03 && fx > s * 0.48 && fx < s * 0.84 && fy > s * 0.46 && fy < s * 0.82 {
            *px = red;
        }
    }
    img
}

fn inside_rounded(x: f32, y: f32, x0: f32, y0: f32, x1: f32, y1: f32, r: f32) -> bool {
    if x < x0 || x > x1 || y < y0 || y > y1 {
        return false;
    }
    let cx = x.clamp(x0 + r, x1 - r);
    let cy = y.clamp(y0 + r, y1 - r);
    (x - cx).powi(2) + (y - cy).powi(2) <= r * r
}
