//! Review dates: an entry's `review_by` says when its answer must be checked again.

use crate::clock::{self, Date};
use crate::content::Faq;
use crate::error::{Location, Problem};

/// `review_by` dates: malformed is an error, passed is a warning.
pub(super) fn dates(faq: &Faq, today: Date, problems: &mut Vec<Problem>) {
    for e in &faq.entries {
        let Some(d) = &e.review_by else { continue };
        let loc = Location::at_line(&e.file, Some(e.review_by_line));
        match clock::parse(d) {
            None => problems.push(Problem::error(
                loc,
                Some(e.id.as_str()),
                format!("review_by = {d:?} is not a date: write it like review_by = 2027-06-30"),
            )),
            Some(date) if date < today => problems.push(Problem::warning(
                loc,
                Some(e.id.as_str()),
                format!(
                    "review date {d} has passed: check the answer is still true (against the source text), then set a new review_by"
                ),
            )),
            Some(_) => {}
        }
    }
}
