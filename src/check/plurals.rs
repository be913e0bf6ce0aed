//! The plural categories (CLDR, cardinal) each language distinguishes, so that a
//! translation's plural select has every variant its language needs.

use std::collections::BTreeSet;

/// Every CLDR plural category; a select whose keys are all among these is a plural.
pub(super) const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// The plural categories (CLDR, cardinal) a language distinguishes, from its rules.
pub fn plural_categories(lang: &str) -> BTreeSet<String> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let Ok(langid) = lang.parse::<unic_langid::LanguageIdentifier>() else {
        return BTreeSet::new();
    };
    let Ok(rules) = PluralRules::create(langid, PluralRuleType::CARDINAL) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    // Every category shows up among 0..=200 and a few fractions (Russian "other" is only
    // reached by fractions).
    let samples = (0..=200)
        .map(|n| n.to_string())
        .chain(["0.5", "1.5", "2.5", "10.5", "1000000"].map(str::to_string));
    for n in samples {
        if let Ok(c) = rules.select(n.as_str()) {
            out.insert(
                match c {
                    PluralCategory::ZERO => "zero",
                    PluralCategory::ONE => "one",
                    PluralCategory::TWO => "two",
                    PluralCategory::FEW => "few",
                    PluralCategory::MANY => "many",
                    PluralCategory::OTHER => "other",
                }
                .to_string(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_follow_cldr() {
        let c = |l: &str| {
            plural_categories(l)
                .into_iter()
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(c("de"), "one other");
        assert_eq!(c("ru"), "few many one other");
        assert_eq!(c("ar"), "few many one other two zero");
        assert_eq!(c("tr"), "one other");
    }
}
