//! Actor names as the report compares them. The actor stage knows names
//! ([`crate::actor::name`]); the report uses its keys, so that one actor across articles is
//! one row.

pub(super) use crate::actor::name::{display_name, is_alias, is_full_name, surname};

/// The key a report row is grouped by: see [`crate::actor::name::key`].
pub(super) fn fold(name: &str) -> String {
    crate::actor::name::key(name)
}
