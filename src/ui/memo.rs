//! Values computed from a text and kept between frames until the text changes. Comparing the
//! text with the cached copy is a memcmp, far cheaper than hashing it every frame.

use std::sync::Arc;

/// `compute(text)`, reused from an earlier frame when `text` is unchanged.
pub fn by_text<T: Clone + Send + Sync + 'static>(
    ctx: &egui::Context,
    id: egui::Id,
    text: &str,
    compute: impl FnOnce(&str) -> T,
) -> T {
    if let Some(cached) = ctx.data(|d| d.get_temp::<Arc<(String, T)>>(id))
        && cached.0 == text
    {
        return cached.1.clone();
    }
    let value = compute(text);
    ctx.data_mut(|d| d.insert_temp(id, Arc::new((text.to_owned(), value.clone()))));
    value
}
