//! The six demo accounts, one story of account health each, written with the builder.

use chrono::NaiveDate;

use super::{B, DANIEL, LEAD, NA, PRIYA, SOFIA};
use crate::domain::model::{
    Account, AttendeeResponse, CellStatus, DecisionRole, Dimension, Direction, FeedbackStatus,
    GoalKind, Impact, InteractionKind, PlanPart, RenewalStatus, ReviewKind, Risk, Segment, Stage,
    Stance,
};

use DecisionRole::{Coach, DecisionMaker, Gatekeeper, Influencer, User};
use InteractionKind::{Call, Email, Event, Meeting as Mtg};
use Stance::{Champion, Neutral, Skeptic, Supporter};

#[rustfmt::skip]
/// Thriving: broad coverage including executives, cadence held, measures on target.
pub(super) fn harborview(today: NaiveDate) -> Account {
    let mut b = B::new("hv", today, PRIYA, 1);
    b.revenue(1, 2_200_000.0, 2_400_000.0, 300_000.0, 1.04);
    b.contact("Elaine Marsh", "Chief Executive Officer", "exec", "exec", DecisionMaker, Supporter, 4, None, "Keeping two new clinics on budget");
    b.contact("Raymond Cho", "Chief Financial Officer", "finance", "exec", DecisionMaker, Champion, 5, Some(1), "Cutting administrative cost per patient visit");
    b.contact("Nadia Okonkwo", "Chief Information Officer", "it", "exec", DecisionMaker, Supporter, 4, Some(1), "Retiring the old scheduling system");
    b.contact("Felix Arden", "Director of Clinical Operations", "ops", "senior", Influencer, Champion, 5, Some(1), "Staffing the new clinics");
    b.contact("Grace Liu", "IT Infrastructure Manager", "it", "manager", Coach, Champion, 4, Some(3), "Migrating without downtime");
    b.contact("Marco Bellini", "Head of Procurement", "procurement", "senior", Gatekeeper, Neutral, 3, Some(2), "Fewer, larger suppliers");
    b.contact("Hannah Vos", "Finance Manager", "finance", "manager", User, Supporter, 3, Some(2), "Faster month-end close");
    b.contact("Owen Pryce", "Operations Manager", "ops", "manager", User, Supporter, 3, Some(4), "Patient wait times");
    b.contact("Lea Santos", "Data Analyst", "it", "staff", User, Supporter, 2, Some(5), "Too many manual reports");
    for (ago, who, kind, note) in [
        (170, &[1, 2][..], Mtg, "Annual planning: goals for the year and the two new clinics"),
        (150, &[5, 9], Call, "Scheduling migration: data mapping"),
        (128, &[4, 8], Mtg, "Clinic opening checklist walk-through"),
        (110, &[6], Call, "Procurement framework renewal questions"),
        (96, &[3, 5], Mtg, "Architecture review for the scheduling replacement"),
        (80, &[1, 2, 3, 4], Mtg, "Quarterly business review"),
        (71, &[7], Email, "Sent the admin-hours savings report"),
        (63, &[2], Mtg, "Executive sponsor meeting with Morgan"),
        (52, &[4, 8], Call, "First clinic live: feedback from operations"),
        (41, &[5, 9], Call, "Monthly operational call"),
        (33, &[6, 7], Mtg, "Pricing for premium support at the new clinics"),
        (26, &[3], Call, "Migration cut-over plan agreed"),
        (18, &[1, 4], Event, "Healthcare leaders breakfast"),
        (11, &[5, 9], Call, "Monthly operational call"),
        (6, &[2, 7], Mtg, "Savings review with finance"),
        (2, &[3, 5], Email, "Go-live date confirmed"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Open two community clinics this year", GoalKind::Initiative, Some(1), "Both clinics live and fully staffed by autumn.");
    b.goal("Cut administrative cost per patient visit by 8%", GoalKind::Goal, Some(2), "Measured by finance every quarter.");
    b.goal("Replace the patient scheduling system", GoalKind::SpecialProject, Some(3), "The old system is out of support next year.");
    b.measure(("Scheduling system uptime", "%", Direction::HigherIsBetter, 99.9, Some(99.95)), Some(3), Some(3), Some(20));
    b.measure(("Admin hours saved per month", "hours", Direction::HigherIsBetter, 1200.0, Some(1340.0)), Some(2), Some(2), Some(25));
    b.measure(("Clinic onboarding time", "days", Direction::LowerIsBetter, 30.0, Some(26.0)), Some(4), Some(1), Some(40));
    b.opp(("Capacity analytics for clinics", Some(1), Dimension::Grow, 180_000.0, Stage::Proposed, 0.6), 90, 45, "Present the business case to Raymond");
    b.opp(("Scheduling migration services", Some(3), Dimension::Win, 150_000.0, Stage::Negotiation, 0.75), 120, 20, "Agree the statement of work");
    b.opp(("Premium support for the new clinics", Some(1), Dimension::Grow, 90_000.0, Stage::Qualified, 0.4), 35, 75, "Send the support proposal to Marco");
    b.action("Prepare the QBR deck", 95, -82, Some(83), b.opp_link(1));
    b.action("Send the admin-hours savings report", 80, -70, Some(71), b.measure_link(2));
    b.action("Book the executive sponsor meeting", 75, -65, Some(70), b.goal_link(1));
    b.action("Agree the migration cut-over plan", 40, -25, Some(26), b.opp_link(2));
    b.action("Draft the premium support proposal", 10, 9, None, b.opp_link(3));
    b.action("Plan the next QBR agenda with Raymond", 5, 10, None, b.goal_link(2));
    b.meeting("qbr", &[1, 2, 3, 4], true, Some(12), &[262, 171, 80]);
    b.meeting("ops", &[5, 9], true, Some(19), &[131, 101, 71, 41, 11]);
    b.meeting("exec", &[2], true, Some(120), &[245, 63]);
    b.role(PRIYA, "Account manager", None, "Owns the plan and the relationship");
    b.role(LEAD, "Executive sponsor", Some(2), "Meets the CFO twice a year");
    b.role(SOFIA, "Solutions specialist", None, "Scheduling migration design");
    b.contract(700, 3, 90, RenewalStatus::NotStarted, Risk::Low, "Three-year framework agreement.");
    b.feedback(
        &["Share benchmarks from other hospital groups"],
        &["Sending separate invoices per clinic"],
        &["The monthly savings report", "Named support engineer"],
        2,
        170,
    );
    b.white_space(
        &["Main hospital", "Community clinics", "Shared services"],
        &[
            (1, "core", CellStatus::Sold, 900_000.0, None),
            (1, "analytics", CellStatus::InProgress, 180_000.0, None),
            (1, "support", CellStatus::Sold, 120_000.0, None),
            (2, "core", CellStatus::Sold, 300_000.0, None),
            (2, "support", CellStatus::Open, 90_000.0, None),
            (3, "services", CellStatus::Competitor, 60_000.0, Some("Keystone Data")),
            (3, "analytics", CellStatus::Open, 70_000.0, None),
        ],
    );
    b.review(75, ReviewKind::Quarterly, 72, [70, 68, 75, 65, 80, 60, 78, 85], 1, "Good start; pipeline thin on the clinics.");
    b.review(40, ReviewKind::Coaching, 79, [78, 74, 82, 75, 84, 72, 80, 90], 1, "Sourced every goal; add procurement to the map.");
    b.review(8, ReviewKind::Monthly, 86, [88, 82, 92, 90, 88, 85, 84, 96], 0, "On track on all fronts.");
    b.reviewed_all(8);
    b.contact_note(6, "Pushes back on every price; bring Raymond in before any quote.");
    b.contributors(&[2, 3, 4], &[PRIYA, SOFIA]);
    b.met(6, 110, None, Some(LEAD));
    b.met(7, 71, Some(2), None);
    b.met(9, 150, Some(5), None);
    for (n, offerings, goals) in [
        (6, &["core"][..], &[1, 2][..]), (7, &["analytics"], &[2]), (8, &[], &[1]),
        (9, &["support"], &[1]), (10, &["core"], &[]), (11, &["support"], &[]),
        (12, &["services"], &[3]), (13, &["analytics"], &[]), (14, &["core"], &[]),
        (15, &["analytics"], &[2]), (16, &["core"], &[3]),
    ] {
        b.about(n, offerings, goals);
    }
    b.rank_goals(&[3, 1, 2]);
    b.pick_top(&[1, 2, 3]);
    b.agreed(2, 1, 12);
    b.measure_history(1, &[(200, 99.82), (110, 99.9), (20, 99.95)]);
    b.measure_history(2, &[(115, 1150.0), (25, 1340.0)]);
    b.answers(1, &[(1, AttendeeResponse::Accepted), (2, AttendeeResponse::Accepted), (3, AttendeeResponse::Accepted), (4, AttendeeResponse::Accepted), (0, AttendeeResponse::Accepted)]);
    b.feedback_answer(1, FeedbackStatus::InProgress, "A benchmark pack from three hospital groups at the next QBR.");
    b.feedback_answer(2, FeedbackStatus::Done, "One consolidated invoice for all clinics since the spring.");
    b.impact(5, Impact::High, None);
    b.impact(6, Impact::Medium, Some(1));
    b.finish("Harborview Health Network", "Healthcare", Segment::Strategic, 1, 1500, "Regional hospital group with 14 sites.")
}

#[rustfmt::skip]
/// In a rut: two friendly staff contacts take all touches; the decision maker is a skeptic.
pub(super) fn brightwell(today: NaiveDate) -> Account {
    let mut b = B::new("bw", today, DANIEL, 1);
    b.revenue(1, 700_000.0, 720_000.0, 120_000.0, 0.95);
    b.contact("Irene Kowalczyk", "Director of Purchasing", "procurement", "senior", DecisionMaker, Skeptic, 1, None, "Proving savings from the supplier review");
    b.contact("Jamie Fletcher", "Purchasing Coordinator", "procurement", "staff", User, Champion, 5, Some(1), "Chasing late deliveries");
    b.contact("Tom Becker", "Production Planner", "ops", "staff", Coach, Champion, 5, None, "Planning with spreadsheets");
    b.contact("Lukas Meyer", "Plant Manager", "ops", "manager", Influencer, Neutral, 2, None, "Line downtime");
    for (ago, who, kind, note) in [
        (118, &[2, 3][..], Mtg, "Lunch with Jamie and Tom"),
        (104, &[2], Call, "Delivery issue on the March order"),
        (92, &[3], Email, "Sent the planning template"),
        (85, &[2, 3], Mtg, "Site visit, coffee with the planning team"),
        (77, &[2], Call, "Invoice question"),
        (66, &[3], Call, "Tom asked about a new report"),
        (58, &[2], Email, "Price list for next year"),
        (49, &[2, 3], Mtg, "Monthly operational call"),
        (40, &[2], Email, "Jamie says Irene declined the QBR invitation"),
        (33, &[3], Call, "Report fix delivered"),
        (24, &[2], Call, "Reorder confirmation"),
        (19, &[2, 3], Mtg, "Monthly operational call"),
        (9, &[2], Email, "Jamie forwarded the supplier review timeline"),
        (3, &[3], Call, "Chat about the new plant line"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Reduce packaging waste by 15%", GoalKind::Goal, Some(3), "Heard from Tom; not yet confirmed by management.");
    b.goal("Consolidate suppliers", GoalKind::Initiative, None, "Our assumption from the supplier review.");
    b.measure(("Order fill rate", "%", Direction::HigherIsBetter, 98.0, Some(96.5)), Some(2), None, Some(50));
    b.measure(("Invoice accuracy", "%", Direction::HigherIsBetter, 99.0, None), None, Some(2), None);
    b.opp(("Premium support upgrade", None, Dimension::Grow, 40_000.0, Stage::Identified, 0.2), 60, 90, "Ask Jamie who decides");
    b.opp(("Demand planning analytics", Some(1), Dimension::Win, 60_000.0, Stage::Qualified, 0.3), 45, 120, "Demo for Tom's team");
    b.action("Ask Jamie for an introduction to the COO", 50, -14, None, b.goal_link(2));
    b.action("Send the fill-rate report", 40, -30, Some(31), b.measure_link(1));
    b.action("Meet Irene about the supplier review", 20, 12, None, b.goal_link(2));
    b.meeting("ops", &[2, 3], true, Some(11), &[109, 79, 49, 19]);
    b.meeting("qbr", &[1, 2], false, Some(20), &[150]);
    b.role(DANIEL, "Account manager", None, "Owns the plan and the relationship");
    b.contract(400, 2, 60, RenewalStatus::NotStarted, Risk::Medium, "Supplier review under way.");
    b.feedback(&["Visit the plant more often"], &[], &["Quick answers from Daniel"], 2, 118);
    b.estimate();
    b.answers(2, &[(1, AttendeeResponse::Declined), (2, AttendeeResponse::Accepted), (0, AttendeeResponse::Accepted)]);
    b.impact(3, Impact::High, Some(1));
    b.white_space(
        &["Main plant", "Distribution"],
        &[
            (1, "core", CellStatus::Sold, 500_000.0, None),
            (1, "analytics", CellStatus::Open, 60_000.0, None),
            (2, "core", CellStatus::Competitor, 150_000.0, Some("Orbital Soft")),
            (2, "support", CellStatus::Open, 40_000.0, None),
        ],
    );
    b.review(95, ReviewKind::Monthly, 66, [55, 60, 62, 58, 75, 55, 70, 80], 0, "Friendly account, little access.");
    b.review(62, ReviewKind::Coaching, 61, [48, 45, 60, 55, 72, 50, 68, 78], 0, "Who have you met beyond Jamie and Tom?");
    b.review(30, ReviewKind::Monthly, 55, [40, 30, 58, 50, 70, 45, 65, 75], 0, "Still no meeting with Irene.");
    b.reviewed_all(30);
    b.contact_note(1, "Declined every meeting so far; thinks we are too expensive.");
    b.contributors(&[2, 3], &[DANIEL]);
    // Every recent talk is about the core platform: the rut has a topic too.
    for n in 4..=14 {
        b.about(n, &["core"], &[]);
    }
    b.finish("Brightwell Foods", "Food & beverage", Segment::Key, 1, 1100, "Regional snack and bakery producer.")
}

#[rustfmt::skip]
/// Renewal at risk: contract ends in 58 days, no executive sponsor meeting, QBR overdue.
pub(super) fn meridian(today: NaiveDate) -> Account {
    let mut b = B::new("mf", today, PRIYA, 1);
    b.revenue(1, 950_000.0, 900_000.0, 150_000.0, 0.85);
    b.contact("Carla Jimenez", "Chief Operating Officer", "ops", "exec", DecisionMaker, Neutral, 2, None, "Cutting empty miles across the fleet");
    b.contact("Benedikt Roth", "Head of IT", "it", "senior", Influencer, Supporter, 4, Some(1), "Moving dispatch to the cloud");
    b.contact("Aisha Rahman", "Fleet Operations Manager", "ops", "manager", Coach, Champion, 4, Some(1), "Driver shortages");
    b.contact("Gordon Pike", "Procurement Manager", "procurement", "manager", Gatekeeper, Skeptic, 2, None, "Renegotiating every contract by 10%");
    b.contact("Mei Tanaka", "Dispatcher", "ops", "staff", User, Supporter, 3, Some(3), "Too many screens to dispatch one truck");
    for (ago, who, kind, note) in [
        (205, &[1, 2][..], Mtg, "Annual plan meeting with Carla"),
        (190, &[1, 2, 3], Mtg, "Quarterly business review"),
        (150, &[3, 5], Call, "Dispatch screen feedback"),
        (120, &[2], Call, "Cloud migration questions"),
        (100, &[2, 3], Mtg, "Quarterly business review (Carla sent apologies)"),
        (75, &[3, 5], Call, "Monthly operational call"),
        (47, &[3, 5], Call, "Monthly operational call"),
        (30, &[4], Email, "Gordon asked for renewal pricing and a 12% discount"),
        (21, &[2], Call, "Benedikt mentioned a competitor demo"),
        (16, &[3, 5], Call, "Monthly operational call"),
        (5, &[4], Call, "Procurement wants a proposal within two weeks"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Cut empty miles by 12%", GoalKind::Goal, Some(1), "Carla's headline goal for the year.");
    b.goal("Move dispatch to the cloud", GoalKind::Initiative, Some(2), "Board-approved, vendor not yet chosen.");
    b.measure(("On-time delivery", "%", Direction::HigherIsBetter, 95.0, Some(91.0)), Some(3), Some(1), Some(45));
    b.measure(("Dispatch system uptime", "%", Direction::HigherIsBetter, 99.5, Some(99.6)), Some(2), Some(2), Some(45));
    b.opp(("Route optimisation analytics", Some(1), Dimension::Grow, 110_000.0, Stage::Qualified, 0.35), 140, 60, "Show the empty-miles model to Carla");
    b.opp(("Cloud dispatch migration", Some(2), Dimension::Win, 85_000.0, Stage::Proposed, 0.5), 110, 40, "Answer Benedikt's security questions");
    b.action("Draft the renewal proposal", 25, -6, None, b.goal_link(2));
    b.action("Book an executive sponsor meeting with Carla", 60, -12, None, b.goal_link(1));
    b.action("Send the on-time delivery report", 50, -40, Some(42), b.measure_link(1));
    b.action("Prepare the competitor comparison", 20, 5, None, b.opp_link(2));
    b.meeting("qbr", &[1, 2, 3], true, Some(-9), &[190, 100]);
    b.meeting("ops", &[3, 5], true, Some(14), &[75, 47, 16]);
    b.role(PRIYA, "Account manager", None, "Owns the plan and the renewal");
    b.role(SOFIA, "Solutions specialist", None, "Cloud dispatch design");
    b.contract(58, 3, 60, RenewalStatus::InDiscussion, Risk::High, "Procurement has asked two competitors for quotes.");
    b.feedback(&["Show us the value in numbers"], &["Slow answers on security questions"], &["Aisha's weekly check-ins"], 3, 190);
    b.agreed(1, 1, 20);
    b.white_space(
        &["Road freight", "Warehousing"],
        &[
            (1, "core", CellStatus::Sold, 700_000.0, None),
            (1, "analytics", CellStatus::Open, 110_000.0, None),
            (2, "core", CellStatus::Competitor, 200_000.0, Some("Vantage Cloud")),
            (2, "services", CellStatus::NotApplicable, 0.0, None),
        ],
    );
    b.review(100, ReviewKind::Quarterly, 70, [68, 66, 72, 70, 75, 65, 70, 80], 0, "Renewal next; get Carla into a meeting.");
    b.review(55, ReviewKind::Coaching, 58, [55, 55, 55, 60, 62, 55, 55, 70], 0, "What is your plan if procurement runs a tender?");
    b.review(20, ReviewKind::Monthly, 47, [45, 50, 35, 55, 48, 50, 40, 72], 0, "QBR slipped; discount pressure.");
    b.reviewed_all(20);
    for (n, offerings, goals) in [(8, &["core"][..], &[][..]), (9, &["core"], &[2]), (10, &["core"], &[]), (11, &["core", "services"], &[])] {
        b.about(n, offerings, goals);
    }
    b.rank_goals(&[1, 2]);
    b.finish("Meridian Freight", "Logistics", Segment::Key, 1, 1150, "Road freight and warehousing, 600 trucks.")
}

#[rustfmt::skip]
/// Stale plan: nothing reviewed for over four months, overdue actions.
pub(super) fn copperleaf(today: NaiveDate) -> Account {
    let mut b = B::new("cl", today, DANIEL, 4);
    b.revenue(4, 400_000.0, 420_000.0, 60_000.0, 0.9);
    b.contact("Hugo Lindqvist", "Managing Director", "exec", "exec", DecisionMaker, Supporter, 3, None, "Winning the rail contract");
    b.contact("Sean Doyle", "Finance Director", "finance", "senior", Influencer, Neutral, 2, Some(1), "Rolling forecasts");
    b.contact("Petra Novak", "Engineering Manager", "it", "manager", Coach, Champion, 4, Some(1), "Machine downtime");
    b.contact("Yusuf Demir", "Maintenance Planner", "ops", "staff", User, Supporter, 3, Some(3), "Paper work orders");
    for (ago, who, kind, note) in [
        (260, &[1, 3][..], Mtg, "Kick-off of the year's plan"),
        (230, &[2], Call, "Budget timing"),
        (200, &[3, 4], Mtg, "Downtime workshop"),
        (160, &[1, 2, 3], Mtg, "Quarterly business review"),
        (120, &[3], Email, "Pilot proposal sent"),
        (70, &[4], Call, "Support ticket follow-up"),
        (25, &[3], Call, "Petra asked where the pilot stands"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Halve unplanned machine downtime", GoalKind::Goal, Some(1), "Needed for the rail contract.");
    b.goal("Move to monthly rolling forecasts", GoalKind::MeasurementChange, Some(2), "Finance changes how it plans.");
    b.measure(("Unplanned downtime", "hours/month", Direction::LowerIsBetter, 40.0, Some(55.0)), Some(3), Some(1), Some(170));
    b.opp(("Predictive maintenance pilot", Some(1), Dimension::Grow, 70_000.0, Stage::Qualified, 0.3), 200, 30, "Agree pilot scope with Petra");
    b.opp(("Forecasting add-on", Some(2), Dimension::Engage, 25_000.0, Stage::Identified, 0.15), 150, 90, "Meet Sean");
    b.action("Agree the pilot scope", 190, -90, None, b.opp_link(1));
    b.action("Send the downtime baseline", 170, -60, None, b.measure_link(1));
    b.action("Introduce our analytics lead to Sean", 150, -30, None, b.opp_link(2));
    b.action("Run the downtime workshop", 230, -200, Some(200), b.goal_link(1));
    b.meeting("qbr", &[1, 2, 3], true, Some(-70), &[250, 160]);
    b.role(DANIEL, "Account manager", None, "Owns the plan and the relationship");
    b.contract(260, 2, 90, RenewalStatus::NotStarted, Risk::Medium, "");
    b.feedback(&["Bring a maintenance expert"], &[], &["Training on site"], 1, 260);
    b.action("Update the contact spreadsheet", 20, 20, None, None);
    b.action("Send the seasonal newsletter", 15, 25, None, None);
    b.action("Tidy the shared folder", 10, 30, None, None);
    b.impact(1, Impact::High, None);
    b.impact(5, Impact::Low, None);
    b.impact(6, Impact::Low, None);
    b.impact(7, Impact::Low, None);
    b.feedback_answer(2, FeedbackStatus::Declined, "Our trainers are booked: remote sessions instead.");
    b.white_space(
        &["Main works"],
        &[
            (1, "core", CellStatus::Sold, 350_000.0, None),
            (1, "analytics", CellStatus::InProgress, 70_000.0, None),
            (1, "support", CellStatus::Open, 30_000.0, None),
        ],
    );
    b.review(240, ReviewKind::Quarterly, 64, [60, 62, 70, 55, 72, 58, 66, 80], 1, "Pilot is the focus.");
    b.review(150, ReviewKind::Monthly, 60, [58, 60, 62, 50, 70, 55, 55, 70], 0, "Pilot scope still open.");
    b.reviewed_all(150);
    b.contributors(&[1, 3], &[DANIEL]);
    b.last_year(4, 0.95, &["Quicker answers from support"]);
    b.finish("Copperleaf Engineering", "Manufacturing", Segment::Growth, 4, 900, "Precision parts for rail and aerospace.")
}

#[rustfmt::skip]
/// New account: barely filled in.
pub(super) fn lumina(today: NaiveDate) -> Account {
    let mut b = B::new("ll", today, SOFIA, 1);
    b.contact("Dana Whitfield", "Director of IT", "it", "senior", Influencer, Supporter, 3, None, "Moving three campuses to one platform");
    b.contact("Ravi Menon", "Procurement Officer", "procurement", "staff", Gatekeeper, Neutral, 2, None, "");
    b.touch(5, &[1], Call, "Introductory call after the contract signature");
    b.met(1, 5, None, Some(SOFIA));
    b.met(2, 2, Some(1), None);
    b.about(1, &["core"], &[]);
    b.finish("Lumina Learning", "Education", Segment::Growth, 1, 9, "Signed last week; plan to be built.")
}

#[rustfmt::skip]
/// Average: reasonable coverage, some gaps, one overdue action.
pub(super) fn stonebridge(today: NaiveDate) -> Account {
    let mut b = B::new("sb", today, SOFIA, 1);
    b.revenue(1, 500_000.0, 530_000.0, 80_000.0, 0.97);
    b.contact("Ingrid Solberg", "Chief Financial Officer", "finance", "exec", DecisionMaker, Neutral, 3, None, "Margin pressure from lower rates");
    b.contact("Marcus Reid", "Head of Member Services", "ops", "senior", Influencer, Supporter, 4, Some(1), "Shorter waits in branches");
    b.contact("Chen Wei", "IT Service Manager", "it", "manager", Coach, Champion, 4, None, "Legacy core banking");
    b.contact("Olivia Grant", "Branch Operations Manager", "ops", "manager", User, Supporter, 3, Some(2), "Staff turnover");
    b.contact("Patrick Moore", "Vendor Manager", "procurement", "manager", Gatekeeper, Neutral, 2, Some(1), "Vendor risk reviews");
    b.contact("Sara Holt", "Service Desk Analyst", "it", "staff", User, Supporter, 3, Some(3), "");
    for (ago, who, kind, note) in [
        (160, &[1, 2][..], Mtg, "Annual planning"),
        (130, &[3, 6], Call, "Service desk review"),
        (100, &[2, 4], Mtg, "Branch visit"),
        (85, &[1, 3], Mtg, "Quarterly business review"),
        (60, &[5], Email, "Vendor risk questionnaire returned"),
        (44, &[3], Call, "Upgrade planning"),
        (30, &[3, 6], Call, "Service desk review"),
        (12, &[2, 4], Call, "Member wait-time figures"),
    ] {
        b.touch(ago, who, kind, note);
    }
    b.goal("Cut branch wait times to under 10 minutes", GoalKind::Goal, Some(2), "Member satisfaction driver.");
    b.goal("Replace the core banking system", GoalKind::SpecialProject, Some(3), "Three-year programme.");
    b.goal("Grow mobile banking users by 20%", GoalKind::Goal, None, "Assumed from their annual report.");
    b.measure(("Average branch wait", "minutes", Direction::LowerIsBetter, 10.0, Some(12.0)), Some(2), Some(1), Some(60));
    b.measure(("Service desk first-time fix", "%", Direction::HigherIsBetter, 80.0, Some(83.0)), Some(3), None, Some(30));
    b.opp(("Queue analytics for branches", Some(1), Dimension::Grow, 45_000.0, Stage::Qualified, 0.4), 70, 60, "Pilot in two branches");
    b.opp(("Core banking integration services", Some(2), Dimension::Win, 30_000.0, Stage::Identified, 0.2), 40, 150, "Meet the programme lead");
    b.action("Share wait-time benchmark", 30, -5, None, b.measure_link(1));
    b.action("Run the branch pilot plan", 20, 25, None, b.opp_link(1));
    b.action("Send QBR notes", 84, -78, Some(80), b.goal_link(1));
    b.meeting("qbr", &[1, 2, 3], true, Some(5), &[175, 85]);
    b.meeting("ops", &[3, 6], false, Some(14), &[130, 30]);
    b.role(SOFIA, "Account manager", None, "Owns the plan and the relationship");
    b.role(LEAD, "Executive sponsor", Some(1), "Yearly meeting with the CFO");
    b.contract(300, 3, 90, RenewalStatus::NotStarted, Risk::Low, "");
    b.feedback(&["Visit more branches"], &["Jargon in reports"], &["Quick upgrades"], 2, 160);
    b.agreed(1, 1, 25);
    b.white_space(
        &["Branches", "Head office"],
        &[
            (1, "core", CellStatus::Sold, 250_000.0, None),
            (1, "analytics", CellStatus::Open, 45_000.0, None),
            (2, "core", CellStatus::Sold, 200_000.0, None),
            (2, "services", CellStatus::Open, 30_000.0, None),
            (2, "support", CellStatus::Competitor, 50_000.0, Some("Acmetrics")),
        ],
    );
    b.review(80, ReviewKind::Quarterly, 60, [58, 62, 60, NA, 70, 50, 60, 70], 1, "Measures not yet agreed.");
    b.review(45, ReviewKind::Monthly, 63, [60, 64, 62, 55, 72, 52, 62, 72], 0, "Measures agreed with Marcus and Chen.");
    b.review(15, ReviewKind::Monthly, 62, [60, 65, 60, 58, 70, 50, 58, 75], 0, "Wait times still above target.");
    for (part, ago) in [
        (PlanPart::Revenue, 15), (PlanPart::Goals, 45), (PlanPart::SuccessMeasures, 15),
        (PlanPart::Feedback, 80), (PlanPart::Contacts, 15), (PlanPart::WhiteSpace, 80),
        (PlanPart::Opportunities, 45), (PlanPart::Actions, 15), (PlanPart::Cadence, 45),
        (PlanPart::Team, 80), (PlanPart::Contract, 80),
    ] {
        b.plan.reviewed.insert(part, b.day(-ago));
    }
    b.contributors(&[1, 2, 3], &[SOFIA, LEAD]);
    b.met(6, 130, Some(3), None);
    for (n, offerings, goals) in [(4, &["core"][..], &[2][..]), (6, &["support"], &[]), (7, &["support"], &[]), (8, &["analytics"], &[1])] {
        b.about(n, offerings, goals);
    }
    b.rank_goals(&[1, 2, 3]);
    b.pick_top(&[1]);
    b.finish("Stonebridge Credit Union", "Financial services", Segment::Key, 1, 1300, "Member-owned bank with 22 branches.")
}
