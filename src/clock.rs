//! The crate's one clock and calendar: today's date (UTC) and the `YYYY-MM-DD` dates of the
//! content (`review_by`) and of the store (the days a question was asked). Everything that
//! needs "today" asks here, so `check`, the store's purges and the in-memory records agree
//! on the day; the calendar rules (leap years, month lengths) are `chrono`'s.

use chrono::{Days, NaiveDate, Utc};

/// A calendar date; `Display` writes it as `YYYY-MM-DD`.
pub type Date = NaiveDate;

/// Today's date in UTC.
pub fn today() -> Date {
    Utc::now().date_naive()
}

/// The current hour, counted in whole hours since 1970-01-01 00:00 UTC (the inbox keeps
/// the ids of handled updates by the hour).
pub fn unix_hour() -> i64 {
    Utc::now().timestamp().div_euclid(3600)
}

/// The current UTC time as `YYYYMMDD-HHMMSS`, for file names (a damaged database moved aside).
pub fn timestamp() -> String {
    Utc::now().format("%Y%m%d-%H%M%S").to_string()
}

/// `YYYY-MM-DD` (blanks around it allowed) → the date, if that day exists. Only this exact
/// shape: `2027-6-30` or `30.06.2027` are refused, so a date is written one way everywhere.
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    let shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `days` days before `date`; `None` when that is before the calendar's first day.
pub fn days_before(date: Date, days: u32) -> Option<Date> {
    date.checked_sub_days(Days::new(days.into()))
}

/// `days` days after `date`; `None` past the calendar's last day.
pub fn days_after(date: Date, days: u32) -> Option<Date> {
    date.checked_add_days(Days::new(days.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn parses_only_existing_days_in_one_shape() {
        assert_eq!(parse("2027-06-30"), Some(d(2027, 6, 30)));
        assert_eq!(
            parse(" 2027-06-30\n"),
            Some(d(2027, 6, 30)),
            "blanks around"
        );
        for bad in [
            "2027-6-30",
            "30.06.2027",
            "2027/06/30",
            "2027-06-30x",
            "+202-06-30",
            "2027-00-10",
            "2027-13-01",
            "2027-04-31",
            "2027-06-00",
            "",
            "2027-06-3١",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn leap_years() {
        assert_eq!(parse("2028-02-29"), Some(d(2028, 2, 29)), "divisible by 4");
        assert_eq!(parse("2027-02-29"), None, "not divisible by 4");
        assert_eq!(parse("2100-02-29"), None, "by 100 but not 400");
        assert_eq!(parse("2000-02-29"), Some(d(2000, 2, 29)), "by 400");
        assert_eq!(days_after(d(2028, 2, 28), 1), Some(d(2028, 2, 29)));
        assert_eq!(days_after(d(2027, 2, 28), 1), Some(d(2027, 3, 1)));
    }

    #[test]
    fn adds_and_subtracts_days_across_months_and_years() {
        assert_eq!(days_before(d(2026, 4, 1), 30), Some(d(2026, 3, 2)));
        assert_eq!(days_before(d(2026, 1, 1), 1), Some(d(2025, 12, 31)));
        assert_eq!(days_after(d(2026, 12, 31), 1), Some(d(2027, 1, 1)));
        assert_eq!(days_before(d(2026, 3, 1), 0), Some(d(2026, 3, 1)));
        assert_eq!(
            days_before(d(2026, 3, 1), u32::MAX),
            None,
            "before the calendar"
        );
    }

    #[test]
    fn timestamps_name_files() {
        let t = timestamp();
        assert_eq!(t.len(), 15, "{t}");
        assert_eq!(&t[8..9], "-", "{t}");
        assert!(
            t.bytes().filter(|b| *b != b'-').all(|b| b.is_ascii_digit()),
            "{t}"
        );
        assert!(parse(&format!("{}-{}-{}", &t[..4], &t[4..6], &t[6..8])).is_some());
    }

    #[test]
    fn hours_count_from_the_epoch() {
        let before = Utc::now().timestamp();
        let h = unix_hour();
        let after = Utc::now().timestamp();
        assert!((before / 3600..=after / 3600).contains(&h), "{h}");
        assert!(h > 490_000, "after 2025: {h}");
    }

    #[test]
    fn writes_the_shape_it_reads() {
        assert_eq!(d(2026, 3, 9).to_string(), "2026-03-09");
        let t = today();
        assert_eq!(parse(&t.to_string()), Some(t));
    }
}
