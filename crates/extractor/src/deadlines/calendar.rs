//! Calendar arithmetic for deadlines: ends of months, quarters and halves, adding months,
//! working days, and reading Roman quarter numbers (`quý II`).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The last day of `month` in `year`.
pub fn end_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    first_of_next.pred_opt().filter(|d| d.month() == month)
}

/// The last day of quarter `quarter` (1..=4) in `year`.
pub fn end_of_quarter(year: i32, quarter: u32) -> Option<NaiveDate> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    end_of_month(year, quarter * 3)
}

/// The last day of half `half` (1 = `6 tháng đầu năm`, 2 = `6 tháng cuối năm`).
pub fn end_of_half(year: i32, half: u32) -> Option<NaiveDate> {
    match half {
        1 => NaiveDate::from_ymd_opt(year, 6, 30),
        2 => NaiveDate::from_ymd_opt(year, 12, 31),
        _ => None,
    }
}

/// 31 December of `year`.
pub fn end_of_year(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// `date` plus `months` calendar months (the day clamped to the month's end).
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// `date` plus `days` calendar days.
pub fn add_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(days))
}

/// `date` plus `days` working days (Monday to Friday; public holidays are not known here).
pub fn add_working_days(date: NaiveDate, days: u64) -> Option<NaiveDate> {
    let mut current = date;
    let mut left = days;
    while left > 0 {
        current = current.succ_opt()?;
        if !matches!(current.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(current)
}

/// The first day `day` of a month on or after `reference` (`trước ngày 20 hằng tháng`);
/// a day past the end of a short month falls on that month's last day.
pub fn next_monthly(reference: NaiveDate, day: u32) -> Option<NaiveDate> {
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut year = reference.year();
    let mut month = reference.month();
    for _ in 0..2 {
        let end = end_of_month(year, month)?;
        let candidate = NaiveDate::from_ymd_opt(year, month, day.min(end.day()))?;
        if candidate >= reference {
            return Some(candidate);
        }
        if month == 12 {
            year += 1;
            month = 1;
        } else {
            month += 1;
        }
    }
    None
}

/// The first `day`/`month` on or after `reference` (`trước ngày 15 tháng 11 hằng năm`).
pub fn next_yearly(reference: NaiveDate, day: u32, month: u32) -> Option<NaiveDate> {
    let this_year = valid_or_leap_clamped(reference.year(), month, day)?;
    if this_year >= reference {
        Some(this_year)
    } else {
        valid_or_leap_clamped(reference.year().checked_add(1)?, month, day)
    }
}

/// The first `day` of a quarter's last month on or after `reference`
/// (`trước ngày 20 của tháng cuối quý`).
pub fn next_quarterly(reference: NaiveDate, day: u32) -> Option<NaiveDate> {
    let mut year = reference.year();
    let mut quarter = (reference.month() - 1) / 3 + 1;
    for _ in 0..2 {
        let month = quarter * 3;
        let end = end_of_month(year, month)?;
        let candidate = NaiveDate::from_ymd_opt(year, month, day.min(end.day()))?;
        if candidate >= reference {
            return Some(candidate);
        }
        if quarter == 4 {
            year += 1;
            quarter = 1;
        } else {
            quarter += 1;
        }
    }
    None
}

/// 29 February in a year without one is read as 28 February.
fn valid_or_leap_clamped(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
        (month == 2 && day == 29)
            .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
            .flatten()
    })
}

/// A quarter number written in digits or Roman numerals: `2`, `II`, `iv`.
pub fn quarter_number(text: &str) -> Option<u32> {
    match text.to_ascii_uppercase().as_str() {
        "1" | "I" => Some(1),
        "2" | "II" => Some(2),
        "3" | "III" => Some(3),
        "4" | "IV" => Some(4),
        _ => None,
    }
}

/// The first day of the period that ends on `due` with `precision`.
pub fn period_start(due: NaiveDate, precision: vntask_writer::Precision) -> NaiveDate {
    use vntask_writer::Precision;
    let first_of = |month: u32| NaiveDate::from_ymd_opt(due.year(), month, 1).unwrap_or(due);
    match precision {
        Precision::Month => first_of(due.month()),
        Precision::Quarter => first_of((due.month() - 1) / 3 * 3 + 1),
        Precision::Half => first_of(if due.month() <= 6 { 1 } else { 7 }),
        Precision::Year => first_of(1),
        Precision::Day | Precision::Event => due,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ends() {
        assert_eq!(end_of_month(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(end_of_month(2023, 2), Some(d(2023, 2, 28)));
        assert_eq!(end_of_month(2024, 12), Some(d(2024, 12, 31)));
        assert_eq!(end_of_month(2024, 13), None);
        assert_eq!(end_of_quarter(2022, 2), Some(d(2022, 6, 30)));
        assert_eq!(end_of_quarter(2022, 5), None);
        assert_eq!(end_of_half(2024, 1), Some(d(2024, 6, 30)));
    }

    #[test]
    fn recurring_next() {
        assert_eq!(next_monthly(d(2024, 7, 19), 20), Some(d(2024, 7, 20)));
        assert_eq!(next_monthly(d(2024, 7, 19), 15), Some(d(2024, 8, 15)));
        assert_eq!(next_monthly(d(2024, 12, 19), 15), Some(d(2025, 1, 15)));
        assert_eq!(next_monthly(d(2024, 2, 10), 31), Some(d(2024, 2, 29)));
        assert_eq!(next_yearly(d(2024, 7, 19), 15, 11), Some(d(2024, 11, 15)));
        assert_eq!(next_yearly(d(2024, 7, 19), 15, 1), Some(d(2025, 1, 15)));
        assert_eq!(next_quarterly(d(2024, 7, 19), 20), Some(d(2024, 9, 20)));
        assert_eq!(next_quarterly(d(2024, 9, 21), 20), Some(d(2024, 12, 20)));
    }

    #[test]
    fn arithmetic() {
        assert_eq!(add_months(d(2024, 1, 31), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_days(d(2024, 7, 19), 30), Some(d(2024, 8, 18)));
        // Friday 19 July 2024 plus 5 working days is Friday 26 July.
        assert_eq!(add_working_days(d(2024, 7, 19), 5), Some(d(2024, 7, 26)));
        assert_eq!(quarter_number("iv"), Some(4));
        assert_eq!(quarter_number("V"), None);
    }
}
