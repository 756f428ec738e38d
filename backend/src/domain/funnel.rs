//! The contact funnel: statuses and the transitions between them.

use serde::{Deserialize, Serialize};

/// Where a contact is in the funnel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ContactStatus {
    /// Known, not yet qualified.
    #[default]
    Lead,
    /// Marketing-qualified lead.
    Mql,
    /// Sales-qualified lead.
    Sql,
    /// In an open sales opportunity.
    Opportunity,
    /// Paying customer.
    Customer,
    /// Former customer.
    Churned,
}

impl ContactStatus {
    /// Every status, in funnel order.
    pub const ALL: [ContactStatus; 6] =
        [Self::Lead, Self::Mql, Self::Sql, Self::Opportunity, Self::Customer, Self::Churned];

    /// The wire name (`lead`, `mql`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Lead => "lead",
            Self::Mql => "mql",
            Self::Sql => "sql",
            Self::Opportunity => "opportunity",
            Self::Customer => "customer",
            Self::Churned => "churned",
        }
    }

    /// Parses a wire name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }

    fn rank(self) -> u8 {
        match self {
            Self::Lead => 0,
            Self::Mql => 1,
            Self::Sql => 2,
            Self::Opportunity => 3,
            Self::Customer => 4,
            Self::Churned => 5,
        }
    }

    /// Whether the funnel allows moving from `self` to `to`.
    ///
    /// - Before becoming a customer a contact may move forward any number of stages
    ///   (qualification often skips one) or back exactly one stage (disqualified, stalled deal).
    /// - Only a customer can churn, and a customer can do nothing else.
    /// - A churned contact can be won back (`customer`), re-opened (`opportunity`) or
    ///   re-nurtured (`lead`).
    /// - Staying in the same status is always allowed.
    pub fn can_transition_to(self, to: Self) -> bool {
        use ContactStatus::*;
        if self == to {
            return true;
        }
        match (self, to) {
            (Customer, Churned) => true,
            (Customer, _) | (_, Churned) => false,
            (Churned, Lead | Opportunity | Customer) => true,
            (Churned, _) => false,
            (from, to) => to.rank() > from.rank() || to.rank() + 1 == from.rank(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ContactStatus::*;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn funnel_moves_forward_and_one_step_back() {
        assert!(Lead.can_transition_to(Mql));
        assert!(Lead.can_transition_to(Opportunity));
        assert!(Sql.can_transition_to(Mql));
        assert!(!Opportunity.can_transition_to(Lead));
        assert!(Customer.can_transition_to(Churned));
        assert!(!Customer.can_transition_to(Lead));
        assert!(!Lead.can_transition_to(Churned));
        assert!(Churned.can_transition_to(Customer));
        assert!(!Churned.can_transition_to(Mql));
    }

    fn status() -> impl Strategy<Value = ContactStatus> {
        proptest::sample::select(ContactStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn staying_put_is_always_allowed_and_churn_needs_a_customer(a in status(), b in status()) {
            prop_assert!(a.can_transition_to(a));
            if b == Churned && a != Churned {
                prop_assert_eq!(a.can_transition_to(b), a == Customer);
            }
        }
    }
}
