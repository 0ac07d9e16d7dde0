//! Every fixed sentence the reports print, in one file: an association or a town hall that wants
//! other words changes them here and nowhere else. Figures and names come from the caller.

use jst_domain::strategy::Status;

/// What a status means, in plain Polish, for the status key (DESIGN §5.1–5.2).
pub fn status_meaning(status: Status) -> &'static str {
    match status {
        Status::Achieved => "wartość docelowa została osiągnięta lub przekroczona",
        Status::OnTrack => {
            "tempo zmian wystarcza, by osiągnąć cel w terminie (co najmniej 95% tempa wymaganego)"
        }
        Status::AccelerationNeeded => {
            "zmiany idą w dobrą stronę, ale za wolno (60–95% tempa wymaganego)"
        }
        Status::LimitedProgress => {
            "zmiany w dobrą stronę są niewielkie (poniżej 60% tempa wymaganego)"
        }
        Status::Deterioration => "wartość oddala się od celu",
        Status::NoData => "brak wartości za lata po roku bazowym",
    }
}
