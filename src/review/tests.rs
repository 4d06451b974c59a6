//! Tests of a finding's place: the text shown for it and the editor's box it goes to.

use super::*;

#[test]
fn a_finding_names_the_box_or_button_the_editor_shows_for_it() {
    let label = |field: Field, rule: &'static str, item: Option<usize>| {
        Finding::new(rule, Severity::Required, field, String::new())
            .of_item(item)
            .editor_label()
    };
    assert_eq!(label(Field::Bylines, "byline.name", Some(1)), "Name 2");
    assert_eq!(label(Field::Bylines, "byline.present", None), "Add byline");
    assert_eq!(
        label(Field::Corrections, "correction.text", Some(0)),
        "Correction 1"
    );
    assert_eq!(
        label(Field::Corrections, "correction.present", None),
        "Add correction"
    );
    assert_eq!(
        label(Field::Dateline, "dateline.place", None),
        "Dateline place"
    );
    assert_eq!(label(Field::Section, "section.set", None), "Section");
    assert_eq!(
        label(Field::HeroImage, "image.credit", Some(2)),
        "Picture 3 credit"
    );
    assert_eq!(label(Field::HeroImage, "image.alt", None), "Hero alt text");
}

#[test]
fn a_paragraph_flagged_whole_is_shown_without_its_line_breaks() {
    let mut article = crate::model::Article::new("Talks");
    article.body = "In this image released by A24 Films, Jessica Chastain appears in a scene. \
                    (AP Photo/A24 Films)\n\nOscar Isaac has had a pretty stellar year. It started off \
                    with a Golden Globe nomination for his portrayal of the title role."
        .into();
    let caption_end = article.body.find("Oscar").unwrap();
    let finding = Finding::new(
        "proof.residue",
        Severity::Recommended,
        Field::Body,
        String::new(),
    )
    .at(0..caption_end);
    assert_eq!(
        finding.context(&article).as_deref(),
        Some(
            "In this image released by A24 Films, Jessica Chastain appears in a scene. \
             (AP Photo/A24 Films)"
        )
    );
}
