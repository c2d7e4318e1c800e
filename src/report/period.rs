//! Stance over time (`report --period`): each quote is counted in the period of its article's
//! date as well as in the actor's totals, so a report shows where each actor stood week by
//! week, month by month, quarter or year.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// The bucket of quotes whose article has no ISO date.
pub const UNDATED: &str = "undated";

/// How long a period of a report over time is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// ISO weeks, Monday to Sunday: `2007-W06`.
    Week,
    /// `2007-02`.
    Month,
    /// `2007-Q1`.
    Quarter,
    /// `2007`.
    Year,
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "quarter" => Ok(Period::Quarter),
            "year" => Ok(Period::Year),
            other => Err(format!(
                "unknown period {other:?} (expected week, month, quarter or year)"
            )),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        })
    }
}

/// Whether `s` is a date in the form `YYYY-MM-DD`, and a real day.
///
/// ```
/// use demarche::report::is_date;
///
/// assert!(is_date("2024-02-29"));
/// assert!(!is_date("2023-02-29"));
/// assert!(!is_date("2024-02-29T10:00"));
/// ```
pub fn is_date(s: &str) -> bool {
    s.len() == 10 && ymd(s).is_some()
}

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ymd {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

/// Year, month and day of a date that begins with `YYYY-MM-DD` and is a real day.
pub(crate) fn ymd(date: &str) -> Option<Ymd> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let y: i64 = d[..4].parse().ok()?;
    let m: u32 = d[5..7].parse().ok()?;
    let day: u32 = d[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then_some(Ymd {
        year: y,
        month: m,
        day,
    })
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO week-numbering year and week of a day.
fn iso_week(y: i64, m: u32, d: u32) -> (i64, u32) {
    let days = days_from_civil(y, m, d);
    // 1970-01-01 was a Thursday; Monday is 1.
    let weekday = (days + 3).rem_euclid(7) + 1;
    let ordinal = days - days_from_civil(y, 1, 1) + 1;
    let week = (ordinal - weekday + 10) / 7;
    let weeks_in = |year: i64| {
        let jan1 = (days_from_civil(year, 1, 1) + 3).rem_euclid(7) + 1;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if jan1 == 4 || (leap && jan1 == 3) {
            53
        } else {
            52
        }
    };
    if week < 1 {
        (y - 1, weeks_in(y - 1))
    } else if week > i64::from(weeks_in(y)) {
        (y + 1, 1)
    } else {
        (y, week as u32)
    }
}

impl Period {
    /// The period a date falls in (`2007-W06`, `2007-02`, `2007-Q1`, `2007`), or [`UNDATED`]
    /// for no date or one that does not begin with a real ISO date.
    pub fn key(self, date: Option<&str>) -> String {
        let Some(Ymd {
            year: y,
            month: m,
            day: d,
        }) = date.and_then(ymd)
        else {
            return UNDATED.to_string();
        };
        match self {
            Period::Week => {
                let (wy, w) = iso_week(y, m, d);
                format!("{wy:04}-W{w:02}")
            }
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Quarter => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            Period::Year => format!("{y:04}"),
        }
    }
}

/// An actor's sums in one period (integers, as in a partial report).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub(crate) struct PeriodTally {
    pub quotes: u64,
    pub relevant: u64,
    /// Label -> total weight of the relevant quotes whose own label it is, in tenths.
    pub votes: BTreeMap<String, u64>,
}

impl PeriodTally {
    pub(crate) fn absorb(&mut self, other: PeriodTally) {
        self.quotes = self.quotes.saturating_add(other.quotes);
        self.relevant = self.relevant.saturating_add(other.relevant);
        super::tally::add_sums(&mut self.votes, other.votes);
    }
}

/// One actor in one period, as a report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReport {
    /// The period's key (`2007-02`), or `undated`.
    pub period: String,
    /// The actor's quotes in the period.
    pub quotes: u64,
    /// Those that address the topic and vote.
    pub relevant: u64,
    /// Label -> weight of the relevant quotes that voted for it.
    pub votes: crate::label::LabelProbs,
    /// The stance those votes decide, as for the actor's whole.
    pub stance: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_fall_in_their_periods() {
        let key = |p: Period, d: &str| p.key(Some(d));
        assert_eq!(key(Period::Month, "2007-02-10T09:00Z"), "2007-02");
        assert_eq!(key(Period::Quarter, "2007-02-10"), "2007-Q1");
        assert_eq!(key(Period::Quarter, "2007-12-31"), "2007-Q4");
        assert_eq!(key(Period::Year, "2007-02-10"), "2007");
        assert_eq!(key(Period::Week, "2007-02-10"), "2007-W06");
        // ISO weeks cross years: 2008-12-29 is in 2009's first week, 2010-01-03 in 2009's 53rd.
        assert_eq!(key(Period::Week, "2008-12-29"), "2009-W01");
        assert_eq!(key(Period::Week, "2010-01-03"), "2009-W53");
        assert_eq!(key(Period::Week, "2024-01-01"), "2024-W01");
        assert_eq!(key(Period::Week, "2021-01-03"), "2020-W53");
        for bad in ["Feb 10, 2007", "2007-02-30", "2007-13-01", "2007-2-1", ""] {
            assert_eq!(key(Period::Month, bad), UNDATED, "{bad}");
        }
        assert_eq!(Period::Month.key(None), UNDATED);
        assert_eq!("Quarter".parse::<Period>(), Ok(Period::Quarter));
        assert!("day".parse::<Period>().is_err());
    }
}
