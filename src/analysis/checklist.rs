//! The sourcing checklist. (Being written.)

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemState { Pass, Warn, Manual }

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem { pub id: &'static str }
