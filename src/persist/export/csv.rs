//! CSV exports of contacts and opportunities (RFC 4180).
