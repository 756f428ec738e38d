//! Money: exact decimal amounts in minor units (cents), never floating point, and ISO 4217
//! currency codes.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Largest amount accepted: 999,999,999.99 (sums of a million of them, weighted by their
/// probability, still fit the database's 64-bit integers).
pub const MAX_MINOR: i64 = 99_999_999_999;

/// An amount with exactly two fractional digits, held as an integer number of cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub i64);

impl Amount {
    /// Parses `"1234"`, `"1234.5"`, `"1234.56"` (no sign, no exponent, at most 2 decimals).
    pub fn parse(raw: &str) -> Result<Amount, &'static str> {
        let s = raw.trim();
        if s.starts_with('-') {
            return Err("must not be negative");
        }
        let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err("must be a decimal number such as 1250.50");
        }
        if frac.len() > 2 {
            return Err("must have at most 2 decimal places");
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 9 {
            return Err("must be at most 999999999.99");
        }
        let w: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| "is too large")? };
        let f: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().unwrap_or(0) * 10,
            _ => frac.parse().unwrap_or(0),
        };
        Ok(Amount(w * 100 + f))
    }

    /// Parses a JSON number or string. A number is read through its shortest decimal form,
    /// which is the text the client wrote for any amount this type accepts (at most 11 digits).
    pub fn from_json(value: &serde_json::Value) -> Result<Amount, &'static str> {
        match value {
            serde_json::Value::String(s) => Amount::parse(s),
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_u64() {
                    return Amount::parse(&i.to_string());
                }
                if n.as_i64().is_some() {
                    return Err("must not be negative");
                }
                let f = n.as_f64().ok_or("must be a decimal number")?;
                if !f.is_finite() || f.abs() >= 1e10 {
                    return Err("must be at most 999999999.99");
                }
                if f < 0.0 {
                    return Err("must not be negative");
                }
                Amount::parse(&format!("{f}"))
            }
            _ => Err("must be a decimal number (JSON number or string) such as 1250.50"),
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let v = self.0.unsigned_abs();
        write!(f, "{sign}{}.{:02}", v / 100, v % 100)
    }
}

impl Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        // Stored amounts may be negative in sums; parse the sign here.
        if let Some(s) = v.as_str() {
            if let Some(rest) = s.strip_prefix('-') {
                return Amount::parse(rest).map(|a| Amount(-a.0)).map_err(serde::de::Error::custom);
            }
        }
        Amount::from_json(&v).map_err(serde::de::Error::custom)
    }
}

/// `minor * percent / 100` summed exactly, shown rounded half-up to cents.
pub fn weighted_text(minor_times_percent: i128) -> String {
    let cents = (minor_times_percent + 50).div_euclid(100);
    Amount(i64::try_from(cents).unwrap_or(i64::MAX)).to_string()
}

/// Sums per currency, as decimal text.
pub fn totals_text(totals: &BTreeMap<String, i128>, weighted: bool) -> BTreeMap<String, String> {
    totals
        .iter()
        .map(|(c, v)| {
            let text =
                if weighted { weighted_text(*v) } else { Amount(i64::try_from(*v).unwrap_or(i64::MAX)).to_string() };
            (c.clone(), text)
        })
        .collect()
}

/// Active ISO 4217 currency codes.
const CURRENCIES: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN \
BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF \
GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL \
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG \
QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS \
UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG";

/// The upper-cased code when `raw` is an ISO 4217 currency.
pub fn parse_currency(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    (code.len() == 3 && CURRENCIES.split_ascii_whitespace().any(|c| c == code)).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn amounts_parse_exactly_from_numbers_and_strings() {
        for (input, cents) in [
            (json!("1234.56"), 123_456),
            (json!(1234.56), 123_456),
            (json!("0.1"), 10),
            (json!(0.1), 10),
            (json!(7), 700),
            (json!("007.00"), 700),
            (json!(999_999_999.99), MAX_MINOR),
        ] {
            assert_eq!(Amount::from_json(&input), Ok(Amount(cents)), "{input}");
        }
        for bad in [
            json!(-1),
            json!("-1"),
            json!("1.005"),
            json!(1.005),
            json!("1e3"),
            json!("abc"),
            json!(true),
            json!(1e10),
            json!("1000000000"),
            json!(""),
            json!(".5"),
        ] {
            assert!(Amount::from_json(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sums_are_exact_where_floats_are_not() {
        let tenth = Amount::parse("0.10").unwrap();
        let sum: i64 = (0..10).map(|_| tenth.0).sum();
        assert_eq!(Amount(sum).to_string(), "1.00");
        let float: f64 = (0..10).map(|_| 0.1).sum();
        assert_ne!(float, 1.0, "the float sum drifts");
        assert_eq!(Amount(123_405).to_string(), "1234.05");
        assert_eq!(weighted_text(100_050 * 35), "350.18"); // 1000.50 x 35% = 350.175 -> 350.18
    }

    #[test]
    fn currencies_are_iso_4217() {
        assert_eq!(parse_currency("eur").as_deref(), Some("EUR"));
        assert_eq!(parse_currency("USD").as_deref(), Some("USD"));
        assert_eq!(parse_currency("XXX"), None);
        assert_eq!(parse_currency("EURO"), None);
    }
}
