//! iCalendar export of an account's meeting cadence (RFC 5545).
