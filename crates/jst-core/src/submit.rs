//! Contributing own values to the association (DESIGN §7, §9): opt-in per indicator, the unit
//! token kept out of the webview, an outbox that resends the same bytes with the same id until
//! the answer is recorded, and per-value results — a value is marked synced only if it did not
//! change while it was being sent (G6); a conflict keeps both values side by side.

use jst_store::ContributionState;
use jst_sync::{post_submission, Answer};
use serde::{Deserialize, Serialize};

use crate::monitor::stamp;
use crate::unit_token::{TokenPlaceView, UnitToken};
use crate::{Error, Monitor, Result};

pub(crate) const SERVER_SETTING: &str = "sync.server";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubmitItemView {
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// `imported | updated | unchanged | conflict | invalid | period_closed`
    pub result: String,
    pub server_rev: Option<u32>,
    pub server_value: Option<f64>,
    /// True when the value was accepted and has not changed since: it counts as synced.
    pub synced: bool,
}

/// The JSON of `jst submit --format json`: what the server answered, item by item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubmitView {
    /// `sent | nothing_to_send | offline | refused`
    pub outcome: String,
    pub submissions: Vec<String>,
    pub items: Vec<SubmitItemView>,
    pub code: Option<String>,
    #[serde(skip)]
    pub message: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Body {
    submission_id: String,
    client_version: String,
    catalogue_version: String,
    items: Vec<BodyItem>,
}

#[derive(Serialize, Deserialize)]
struct BodyItem {
    indicator: String,
    year: i32,
    value: f64,
    status: Option<String>,
    base_server_rev: Option<i64>,
}

#[derive(Deserialize)]
struct Response {
    results: Vec<ResultItem>,
}

#[derive(Deserialize)]
struct ResultItem {
    indicator: String,
    year: i32,
    result: String,
    server_rev: Option<i64>,
    server_value: Option<f64>,
}

const ACCEPTED: [&str; 3] = ["imported", "updated", "unchanged"];

/// G6: a value counts as synced only if the server accepted it and it has not changed since.
pub(crate) fn is_synced(result: &str, sent: f64, now: Option<f64>) -> bool {
    ACCEPTED.contains(&result) && now == Some(sent)
}

impl Monitor {
    /// Keeps the unit token given by the association: in the OS keyring where one answers,
    /// otherwise in a file only the user can read; says which.
    pub fn set_unit_token(&mut self, token: &str) -> Result<TokenPlaceView> {
        UnitToken::new(&self.data_dir).save(token)
    }

    /// Where the unit token is kept (never the token itself).
    pub fn unit_token_place(&self) -> TokenPlaceView {
        UnitToken::new(&self.data_dir).place()
    }

    /// Opts indicators in or out of contributing; they must be in the catalogue.
    pub fn set_contributed(&mut self, codes: &[String], on: bool) -> Result<Vec<String>> {
        for code in codes {
            if !self.local.has_indicator(code)? {
                return Err(Error::InvalidValue(format!("wskaźnika {code} nie ma w katalogu")));
            }
        }
        self.local.set_contributed(&stamp(), codes, on)?;
        Ok(self.local.contributed_indicators()?)
    }

    pub fn contributed_indicators(&self) -> Result<Vec<String>> {
        Ok(self.local.contributed_indicators()?)
    }

    pub(crate) fn remember_server(&mut self, url: &str) -> Result<()> {
        if self.local.setting(SERVER_SETTING)?.as_deref() != Some(url) {
            self.local.set_setting(&stamp(), SERVER_SETTING, url)?;
        }
        Ok(())
    }

    /// Sends what is waiting: first the outbox (the same bytes, the same ids), then the opted-in
    /// values that changed since the server last accepted them.
    pub fn submit(&mut self, server: Option<&str>) -> Result<SubmitView> {
        let server = match server {
            Some(url) => url.to_owned(),
            None => self.local.setting(SERVER_SETTING)?.ok_or_else(|| {
                Error::MissingReference("podaj adres serwera: jst submit --server URL".to_owned())
            })?,
        };
        let token = UnitToken::new(&self.data_dir).load()?;
        self.remember_server(&server)?;
        self.queue_changed_values()?;
        let mut view = SubmitView {
            outcome: "nothing_to_send".to_owned(),
            submissions: Vec::new(),
            items: Vec::new(),
            code: None,
            message: None,
        };
        for (id, body) in self.local.pending_submissions()? {
            match post_submission(&server, &token, &id, &body) {
                Err(e) => {
                    view.outcome = "offline".to_owned();
                    view.message = Some(e.to_string());
                    return Ok(view);
                }
                Ok(Answer::Refused { code, message, .. }) => {
                    view.outcome = "refused".to_owned();
                    view.code = Some(code);
                    view.message = Some(message);
                    return Ok(view);
                }
                Ok(Answer::Answered(text)) => {
                    view.outcome = "sent".to_owned();
                    view.submissions.push(id.clone());
                    view.items.extend(self.record(&id, &body, &text)?);
                }
            }
        }
        Ok(view)
    }

    /// Puts the opted-in values that differ from what the server last accepted into the outbox
    /// as one submission (nothing when there is nothing new).
    fn queue_changed_values(&mut self) -> Result<()> {
        if !self.local.pending_submissions()?.is_empty() {
            return Ok(()); // the pending one goes first; new values follow on the next run
        }
        let states: std::collections::HashMap<(String, i32), ContributionState> = self
            .local
            .contribution_states()?
            .into_iter()
            .map(|s| ((s.indicator.clone(), s.year), s))
            .collect();
        let mut items = Vec::new();
        for code in self.local.contributed_indicators()? {
            for o in self.local.observations_of(&code)?.into_iter().filter(|o| !o.sample) {
                let state = states.get(&(code.clone(), o.year));
                let accepted = state.filter(|s| ACCEPTED.contains(&s.result.as_str()));
                if accepted.is_some_and(|s| s.sent_value == o.value) {
                    continue;
                }
                if state.is_some_and(|s| s.result == "conflict" && s.sent_value == o.value) {
                    continue; // shown side by side; the officer decides, no resending
                }
                items.push(BodyItem {
                    indicator: code.clone(),
                    year: o.year,
                    value: o.value,
                    status: Some(o.status.clone()).filter(|s| !s.is_empty()),
                    base_server_rev: state.and_then(|s| s.server_rev),
                });
            }
        }
        if items.is_empty() {
            return Ok(());
        }
        let id = uuid::Uuid::new_v4().to_string();
        let body = Body {
            submission_id: id.clone(),
            client_version: env!("CARGO_PKG_VERSION").to_owned(),
            catalogue_version: self.local.setting("katalog_wbudowany")?.unwrap_or_default(),
            items,
        };
        let bytes = serde_json::to_vec(&body).map_err(|e| Error::Internal(e.to_string()))?;
        self.local.queue_submission(&stamp(), &id, &bytes)?;
        Ok(())
    }

    /// Records an answer: accepted values count as synced only if unchanged since sending.
    fn record(&mut self, id: &str, body: &[u8], response: &str) -> Result<Vec<SubmitItemView>> {
        let sent: Body =
            serde_json::from_slice(body).map_err(|e| Error::Internal(e.to_string()))?;
        let answer: Response = serde_json::from_str(response)
            .map_err(|e| Error::Internal(format!("nieczytelna odpowiedź serwera: {e}")))?;
        let at = stamp().at;
        let mut states = Vec::new();
        let mut views = Vec::new();
        // The values as they are now, read once per indicator: what changed while sending?
        let mut now: std::collections::HashMap<&str, Vec<(i32, f64)>> =
            std::collections::HashMap::new();
        for item in &sent.items {
            if !now.contains_key(item.indicator.as_str()) {
                let values = self.local.observations_of(&item.indicator)?;
                now.insert(
                    &item.indicator,
                    values.into_iter().map(|o| (o.year, o.value)).collect(),
                );
            }
        }
        for (item, result) in sent.items.iter().zip(&answer.results) {
            if item.indicator != result.indicator || item.year != result.year {
                return Err(Error::Internal(
                    "odpowiedź serwera nie pasuje do zgłoszenia".to_owned(),
                ));
            }
            let current = now[item.indicator.as_str()]
                .iter()
                .find(|(year, _)| *year == item.year)
                .map(|(_, value)| *value);
            let synced = is_synced(&result.result, item.value, current);
            states.push(ContributionState {
                indicator: item.indicator.clone(),
                year: item.year,
                sent_value: item.value,
                result: result.result.clone(),
                server_rev: result.server_rev,
                server_value: result.server_value,
                at: at.clone(),
            });
            views.push(SubmitItemView {
                indicator: item.indicator.clone(),
                year: item.year,
                value: item.value,
                result: result.result.clone(),
                server_rev: result.server_rev.and_then(|r| u32::try_from(r).ok()),
                server_value: result.server_value,
                synced,
            });
        }
        self.local.record_answer(&stamp(), id, response, &states)?;
        Ok(views)
    }
}
