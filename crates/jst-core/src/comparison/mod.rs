//! Comparisons with other units (DESIGN §5.4–5.7): the own unit's position in a group for one
//! indicator, over the years and on every indicator; unit costs; similar units; the map; saved
//! groups. Every comparison takes the same path ([`Comparison`]), so all count the same units.

mod benchmark;
mod costs;
mod data_years;
mod group;
mod group_spec;
mod gwd_sheet;
mod indicators;
mod map;
mod nearest;
mod overview;
mod saved_groups;
mod unit_index;
mod values;
mod years;

pub(crate) use benchmark::benchmark;
pub use benchmark::ComparisonSource;
pub use benchmark::{BenchmarkIndicatorView, BenchmarkView, MemberView, OwnValueView, StatsView};
pub(crate) use costs::{costs, export_costs_xlsx};
pub use costs::{CostRowView, CostServiceView, CostsView};
pub use data_years::CostYearsView;
pub(crate) use data_years::{cost_years, indicator_years};
pub use group::GroupView;
pub use group_spec::GroupKind;
pub(crate) use gwd_sheet::{export_gwd_sheet, gwd_sheet};
pub use gwd_sheet::{
    GwdSheetFormat, GwdSheetIndicatorView, GwdSheetRowView, GwdSheetView, QuarterBand,
};
pub(crate) use indicators::comparable_indicators;
pub use indicators::ComparableIndicatorView;
pub(crate) use map::boundaries;
pub use map::BoundaryView;
pub(crate) use nearest::nearest_peers;
pub use nearest::NearestView;
pub(crate) use overview::peer_overview;
pub use overview::IndicatorPositionView;
pub(crate) use saved_groups::{delete_peer_group, peer_groups, save_peer_group};
pub use saved_groups::{PeerGroupMemberView, PeerGroupView};
pub(crate) use unit_index::{UnitIndex, UnitIndexCache};
pub(crate) use values::Comparison;
pub(crate) use years::position_over_years;
pub use years::YearPositionView;
