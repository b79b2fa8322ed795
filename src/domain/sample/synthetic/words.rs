//! The words synthetic accounts are made of: names, industries, titles, notes.

pub(super) const FIRST: &[&str] = &[
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara",
    "Liam", "Maya", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wei",
    "Yara", "Zoe",
];
pub(super) const LAST: &[&str] = &[
    "Adler", "Brooks", "Castro", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito",
    "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Silva",
    "Tanaka", "Varga", "Weber", "Young", "Zhang",
];
pub(super) const NAME_A: &[&str] = &[
    "Blue",
    "North",
    "Silver",
    "Granite",
    "Harbor",
    "Summit",
    "Cedar",
    "Iron",
    "Bright",
    "Coastal",
    "Prairie",
    "Red",
    "Clear",
    "Evergreen",
    "Falcon",
    "Lumen",
];
pub(super) const NAME_B: &[&str] = &[
    "ridge", "field", "stone", "wave", "gate", "point", "brook", "line", "peak", "vale",
];
pub(super) const INDUSTRIES: &[(&str, &str)] = &[
    ("Logistics", "Logistics"),
    ("Manufacturing", "Industries"),
    ("Healthcare", "Health"),
    ("Retail", "Retail"),
    ("Financial services", "Capital"),
    ("Energy", "Energy"),
    ("Software", "Systems"),
    ("Education", "Learning"),
    ("Food & beverage", "Foods"),
    ("Telecommunications", "Telecom"),
];
pub(super) const TITLES_BY_LEVEL: [&[&str]; 4] = [
    &[
        "Chief Executive Officer",
        "Chief Financial Officer",
        "Chief Information Officer",
        "Chief Operating Officer",
        "VP Operations",
    ],
    &[
        "Director of Finance",
        "Head of IT",
        "Director of Operations",
        "Head of Procurement",
        "Senior Director",
    ],
    &[
        "Finance Manager",
        "IT Manager",
        "Operations Manager",
        "Category Manager",
        "Project Manager",
    ],
    &[
        "Analyst",
        "Administrator",
        "Coordinator",
        "Specialist",
        "Engineer",
    ],
];
pub(super) const CHALLENGES: &[&str] = &[
    "Cutting operating costs by a tenth",
    "Consolidating vendors after a merger",
    "Moving reporting to real time",
    "Hiring fast enough for the new sites",
    "Passing the next compliance audit",
    "Getting adoption of the new tooling",
    "Keeping the legacy system alive until replacement",
    "Proving ROI on last year's projects",
];
pub(super) const NOTES: &[&str] = &[
    "Discussed roadmap and open tickets",
    "Walked through usage report",
    "Introduced the analytics module",
    "Follow-up on pricing question",
    "Check-in after the upgrade",
    "Planning session for next quarter",
    "Escalation about response times",
    "Lunch; talked about their reorganisation",
];
