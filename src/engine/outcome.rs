//! The stable names of the outcomes: one spelling for code, the store, `ask --json`, the
//! docs and the tests (`no_match`, never `no-match`).

use serde::{Deserialize, Serialize};

/// What kind of reply the bot gave. The names are part of the interfaces: `ask --json`'s
/// `outcome`, the `outcome` column of the unanswered table and `unanswered --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// A confident answer with one entry.
    Answer,
    /// "Did you mean": up to three entries to choose from.
    Suggestions,
    /// Nothing fits: apology, contacts, topics.
    NoMatch,
    /// Hello, thanks, bye, help, who are you.
    SmallTalk,
    /// No letters or digits at all.
    Empty,
}

impl OutcomeKind {
    pub const ALL: [OutcomeKind; 5] = [
        OutcomeKind::Answer,
        OutcomeKind::Suggestions,
        OutcomeKind::NoMatch,
        OutcomeKind::SmallTalk,
        OutcomeKind::Empty,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Answer => "answer",
            OutcomeKind::Suggestions => "suggestions",
            OutcomeKind::NoMatch => "no_match",
            OutcomeKind::SmallTalk => "small_talk",
            OutcomeKind::Empty => "empty",
        }
    }

    pub fn parse(name: &str) -> Option<OutcomeKind> {
        OutcomeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Did the person get no confident answer to a real question? Those questions are the
    /// ones worth recording for the volunteers (see `conversation::record`).
    pub fn is_unanswered(self) -> bool {
        matches!(self, OutcomeKind::Suggestions | OutcomeKind::NoMatch)
    }
}

impl std::fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_serde() {
        for k in OutcomeKind::ALL {
            assert_eq!(OutcomeKind::parse(k.as_str()), Some(k));
            let json = serde_json::to_string(&k).expect("json");
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(OutcomeKind::parse("no-match"), None);
    }
}
