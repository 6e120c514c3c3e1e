//! The Facilitative Interpersonal Skills items (Anderson et al., 2009) that
//! trainees rate their own words on in "Say it first" practice, with short
//! anchors for 1, 3 and 5, and the items tagged at a moment.

use serde::{Deserialize, Serialize};

use crate::core::model::{Node, Quality};

/// One FIS item. Scenario tags name them as `FIS:<tag>`, for example
/// `FIS:rupture-repair`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FisItem {
    VerbalFluency,
    EmotionalExpression,
    Persuasiveness,
    Hope,
    Warmth,
    Empathy,
    AllianceBond,
    RuptureRepair,
}

/// The lowest and highest self-rating.
pub const RATING_RANGE: (u8, u8) = (1, 5);

impl FisItem {
    /// Every item, in the order of the FIS rating form.
    pub const ALL: [FisItem; 8] = [
        FisItem::VerbalFluency,
        FisItem::EmotionalExpression,
        FisItem::Persuasiveness,
        FisItem::Hope,
        FisItem::Warmth,
        FisItem::Empathy,
        FisItem::AllianceBond,
        FisItem::RuptureRepair,
    ];

    /// The name used in `FIS:` tags.
    pub fn tag(self) -> &'static str {
        match self {
            FisItem::VerbalFluency => "verbal-fluency",
            FisItem::EmotionalExpression => "emotional-expression",
            FisItem::Persuasiveness => "persuasiveness",
            FisItem::Hope => "hope",
            FisItem::Warmth => "warmth",
            FisItem::Empathy => "empathy",
            FisItem::AllianceBond => "alliance-bond",
            FisItem::RuptureRepair => "rupture-repair",
        }
    }

    /// The item named by a tag's part after `FIS:`.
    pub fn from_tag(tag: &str) -> Option<FisItem> {
        Self::ALL.into_iter().find(|item| item.tag() == tag)
    }

    /// The item's name as the rating form shows it.
    pub fn label(self) -> String {
        crate::core::i18n::message(&format!("fis-{}", self.tag()), &[])
    }

    /// What a 1, a 3 and a 5 look like on this item.
    pub fn anchors(self) -> [String; 3] {
        let id = self.tag();
        [1, 3, 5].map(|score| crate::core::i18n::message(&format!("fis-{id}-{score}"), &[]))
    }
}

/// The FIS items tagged at a moment: those on its answers that show the skill
/// well, or on any of its answers when those carry none; in form order.
pub fn items_at(node: &Node) -> Vec<FisItem> {
    let tagged = |top_only: bool| -> Vec<FisItem> {
        let mut items: Vec<FisItem> = node
            .choices
            .iter()
            .filter(|choice| !top_only || choice.level() == Some(Quality::Skilled))
            .flat_map(|choice| &choice.tags)
            .filter_map(|tag| tag.strip_prefix("FIS:").and_then(FisItem::from_tag))
            .collect();
        items.sort_unstable();
        items.dedup();
        items
    };
    let top = tagged(true);
    if top.is_empty() { tagged(false) } else { top }
}

/// A trainee's rating of their own words on one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfRating {
    pub item: FisItem,
    /// 1 to 5 ([`RATING_RANGE`]).
    pub score: u8,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{Language, message_in};
    use crate::core::model::Choice;

    #[test]
    fn every_item_has_a_name_and_three_anchors_in_every_language() {
        for language in Language::ALL {
            for item in FisItem::ALL {
                let id = item.tag();
                let ids = [
                    format!("fis-{id}"),
                    format!("fis-{id}-1"),
                    format!("fis-{id}-3"),
                    format!("fis-{id}-5"),
                ];
                for id in ids {
                    assert!(
                        message_in(language, &id, &[]).is_ok(),
                        "{} lacks {id}",
                        language.code()
                    );
                }
            }
        }
    }

    fn choice(quality: Quality, tags: &[&str]) -> Choice {
        Choice {
            id: "c".into(),
            says: "words".into(),
            target: "t".into(),
            minutes: 0,
            effects: Default::default(),
            rupture: None,
            feedback: None,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            quality: Some(quality),
            exemplar: false,
            when: Vec::new(),
        }
    }

    fn node(choices: Vec<Choice>) -> Node {
        ron::from_str::<Node>(r#"(id: "n", text: "hello")"#)
            .map(|mut node| {
                node.choices = choices;
                node
            })
            .unwrap()
    }

    #[test]
    fn every_tag_names_its_item_back() {
        for item in FisItem::ALL {
            assert_eq!(FisItem::from_tag(item.tag()), Some(item));
        }
        assert_eq!(FisItem::from_tag("empaty"), None);
    }

    #[test]
    fn the_items_come_from_the_top_answers_first() {
        let at = node(vec![
            choice(Quality::Skilled, &["FIS:empathy", "FIS:rupture-repair"]),
            choice(Quality::Skilled, &["FIS:empathy", "3RS:any"]),
            choice(Quality::Costly, &["FIS:hope"]),
        ]);
        assert_eq!(
            items_at(&at),
            vec![FisItem::Empathy, FisItem::RuptureRepair]
        );
        let untagged_top = node(vec![
            choice(Quality::Skilled, &[]),
            choice(Quality::Costly, &["FIS:hope"]),
        ]);
        assert_eq!(items_at(&untagged_top), vec![FisItem::Hope]);
        assert!(items_at(&node(vec![choice(Quality::Skilled, &[])])).is_empty());
    }
}
