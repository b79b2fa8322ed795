//! Whether this year's revenue commitment is the customer's word: agreed by a named
//! contact (and when), or only our own estimate. Actuals measured against a number the
//! customer never agreed prove little, so the score caps them and the advice asks for the
//! agreement.

use crate::domain::model::{AccountPlan, Contact, DecisionRole, Revenue};

/// The most the revenue component scores while the commitment is not agreed: below the
/// default green band (75), so an unagreed number never makes revenue look healthy.
pub const UNAGREED_CAP: f64 = 70.0;

/// Agreed: a contact at the customer is named as having agreed it.
pub fn is_agreed(r: &Revenue) -> bool {
    r.agreed_by.is_some()
}

/// Who to get the commitment agreed with: the first decision maker, else the first
/// contact the plan has.
pub fn who_to_ask(plan: &AccountPlan) -> Option<&Contact> {
    plan.contacts
        .iter()
        .find(|c| c.role == Some(DecisionRole::DecisionMaker))
        .or_else(|| plan.contacts.first())
}

/// The sentence the revenue component adds when the commitment is not agreed.
pub fn unagreed_note(r: &Revenue) -> String {
    let why = if r.estimate {
        "The commitment is our own estimate"
    } else {
        "Nobody at the customer is recorded as agreeing the commitment"
    };
    format!(" {why}: revenue counts at most {UNAGREED_CAP:.0}.")
}
