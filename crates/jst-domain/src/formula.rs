//! Catalogue formulas of DESIGN §5.7: `numerator / denominator × factor`, numerator and
//! denominator being sums of indicator codes (`WYD_75022+WYD_75023 / LUD_OGOLEM`), the factor
//! optional (`BENEF_PS / LUD_OGOLEM * 100`).

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Formula {
    pub numerator: Vec<String>,
    pub denominator: Vec<String>,
    pub factor: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", jst_text::t!("domain-formula-invalid", formula = .formula, reason = .reason))]
pub struct FormulaError {
    pub formula: String,
    pub reason: String,
}

fn codes(part: &str) -> Option<Vec<String>> {
    let codes: Vec<String> = part.split('+').map(|c| c.trim().to_owned()).collect();
    let valid = codes.iter().all(|c| {
        !c.is_empty()
            && c.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    });
    valid.then_some(codes)
}

impl Formula {
    pub fn parse(text: &str) -> Result<Self, FormulaError> {
        let error =
            |reason: &str| FormulaError { formula: text.to_owned(), reason: reason.to_owned() };
        let (numerator, rest) = text
            .split_once('/')
            .ok_or_else(|| error(&jst_text::t!("domain-formula-no-division")))?;
        let (denominator, factor) = match rest.split_once(['*', '×']) {
            Some((d, f)) => {
                let f = f.trim().replace(',', ".");
                let factor = f
                    .parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite() && *v != 0.0)
                    .ok_or_else(|| error(&jst_text::t!("domain-formula-bad-multiplier")))?;
                (d, factor)
            }
            None => (rest, 1.0),
        };
        Ok(Self {
            numerator: codes(numerator)
                .ok_or_else(|| error(&jst_text::t!("domain-formula-bad-numerator")))?,
            denominator: codes(denominator)
                .ok_or_else(|| error(&jst_text::t!("domain-formula-bad-denominator")))?,
            factor,
        })
    }

    /// Every indicator code the formula uses.
    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.numerator.iter().chain(&self.denominator).map(String::as_str)
    }

    /// A unit cost (DESIGN §5.7): spending of budget rozdziały over a measure of the service.
    pub fn is_unit_cost(&self) -> bool {
        self.numerator.iter().all(|c| c.starts_with("WYD_"))
    }

    /// The value from the codes' values in one year; `None` when one is missing or the
    /// denominator is zero.
    pub fn evaluate(&self, value_of: impl Fn(&str) -> Option<f64>) -> Option<f64> {
        let sum = |codes: &[String]| codes.iter().map(|c| value_of(c)).sum::<Option<f64>>();
        let denominator = sum(&self.denominator)?;
        (denominator != 0.0).then(|| sum(&self.numerator).map(|n| n / denominator * self.factor))?
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.numerator.join("+"), self.denominator.join("+"))?;
        if self.factor != 1.0 {
            write!(f, " * {}", self.factor)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_design_examples() {
        let f = Formula::parse("WYD_75022+WYD_75023 / LUD_OGOLEM").expect("valid");
        assert_eq!(f.numerator, ["WYD_75022", "WYD_75023"]);
        assert_eq!(f.denominator, ["LUD_OGOLEM"]);
        assert_eq!(f.factor, 1.0);
        assert_eq!(f.to_string(), "WYD_75022+WYD_75023 / LUD_OGOLEM");
        let g = Formula::parse("BENEF_PS / LUD_OGOLEM × 1000").expect("valid");
        assert_eq!(g.factor, 1000.0);
        assert_eq!(Formula::parse(&g.to_string()), Ok(g));
    }

    #[test]
    fn unit_costs_spend_budget_rozdzialy() {
        for (text, cost) in [
            ("WYD_80101 / UCZ_SP", true),
            ("WYD_75022+WYD_75023 / LUD_OGOLEM", true),
            ("BENEF_PS / LUD_OGOLEM * 100", false),
            ("WYD_80101+DOCH_758 / LUD_OGOLEM", false),
        ] {
            assert_eq!(Formula::parse(text).map(|f| f.is_unit_cost()), Ok(cost), "{text}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_formula() {
        for bad in ["WYD_80101", "WYD_80101 / ", "wyd / LUD", "A / B * x", "A / B * 0", "A+ / B"] {
            assert!(Formula::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn evaluates_with_missing_values_and_zero_denominators() {
        let f = Formula::parse("A+B / C * 100").expect("valid");
        let values = |c: &str| match c {
            "A" => Some(2.0),
            "B" => Some(3.0),
            "C" => Some(10.0),
            _ => None,
        };
        assert_eq!(f.evaluate(values), Some(50.0));
        assert_eq!(f.evaluate(|c| if c == "B" { None } else { values(c) }), None);
        assert_eq!(f.evaluate(|c| if c == "C" { Some(0.0) } else { values(c) }), None);
    }
}
