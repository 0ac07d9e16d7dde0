//! Units of the TERYT register: the own unit (chosen once, guarded by its own data), the demo,
//! search and loading a newer register.

mod own_unit;
mod register;
mod unit_view;

pub(crate) use own_unit::{choose_unit, find_unit, open_demo, own_record, search_units, status};
pub use register::RegisterImportOptions;
pub(crate) use register::{import_register, plan_register, EndingUnits};
pub use unit_view::{
    OwnUnitView, PopulationView, RegisterCheckView, RegisterImportView, StatusView, UnitView,
};
