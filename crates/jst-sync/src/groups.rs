//! Experience-exchange groups (GWD, DESIGN §8): the unit's groups and their members' values,
//! named by consent, read with the unit token from the authenticated API — never from the
//! public release. Values of one year come with an ETag; a `304` keeps the copy the desktop
//! has. A `403` means the unit is no longer a member; a `401` that the token is not accepted.

use serde::Deserialize;

use crate::http::{self, Timing};
use crate::{Error, Limits, RejectionCode};

/// A group as `GET /v1/groups` lists it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GroupEntry {
    /// Opaque to the desktop; the association's server sends a number, kept here as its text.
    #[serde(deserialize_with = "id_text")]
    pub id: String,
    pub name: String,
    pub area: String,
    pub indicators: Vec<String>,
    pub members: Vec<GroupMember>,
}

fn id_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Number(u64),
        Text(String),
    }
    Ok(match Id::deserialize(deserializer)? {
        Id::Number(number) => number.to_string(),
        Id::Text(text) => text,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct GroupMember {
    pub teryt: String,
    pub name: String,
}

/// One member's value as `GET /v1/groups/{id}/values` serves it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GroupValue {
    pub teryt: String,
    pub name: String,
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// `contributed` (the member's opted-in own value) or `public`.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct ValuesBody {
    values: Vec<GroupValue>,
}

/// The answer to a group's values of one year.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupValues {
    /// New values, with the ETag to send next time.
    Fresh { values: Vec<GroupValue>, etag: Option<String> },
    /// `304`: the copy the desktop holds is current.
    NotModified,
    /// `403`: the unit is not (or no longer) a member.
    NotMember,
}

/// What a request to the groups API can end in besides an answer.
#[derive(Debug, thiserror::Error)]
pub enum GroupsError {
    /// `401`: the token is unknown or revoked.
    #[error("{}", jst_text::t!("sync-groups-unauthorized"))]
    Unauthorized,
    /// Offline, refused or malformed; the desktop keeps its last copy.
    #[error(transparent)]
    Sync(#[from] Error),
}

fn get(
    base: &str,
    path: &str,
    token: &str,
    etag: Option<&str>,
    limits: &Limits,
) -> Result<(u16, Option<String>, Vec<u8>), GroupsError> {
    let what = path.to_owned();
    let timing = Timing::new(&what, limits.small_request, None)
        .ok_or_else(|| Error::Offline(jst_text::t!("sync-no-time-to-send")))?;
    let mut request = http::client(limits)?
        .get(format!("{}{path}", base.trim_end_matches('/')))
        .timeout(timing.timeout())
        .bearer_auth(token);
    if let Some(etag) = etag {
        request = request.header(reqwest::header::IF_NONE_MATCH, etag);
    }
    let response = request.send().map_err(|e| timing.offline(e))?;
    let status = response.status();
    if status.is_server_error() {
        return Err(Error::Offline(jst_text::t!(
            "sync-server-status",
            status = status.to_string()
        ))
        .into());
    }
    match status.as_u16() {
        401 => return Err(GroupsError::Unauthorized),
        304 | 403 => return Ok((status.as_u16(), None, Vec::new())),
        200 => {}
        _ => {
            let message =
                jst_text::t!("sync-server-answered", what = &what, status = status.to_string());
            return Err(Error::reject(RejectionCode::Malformed, message).into());
        }
    }
    let etag = response
        .headers()
        .get(reqwest::header::ETAG)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = http::read_capped(response, limits.max_answer_bytes, &timing)?;
    Ok((200, etag, bytes))
}

fn parse<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T, GroupsError> {
    serde_json::from_slice(bytes).map_err(|e| {
        let message = jst_text::t!("sync-groups-malformed", what = what, reason = e.to_string());
        Error::reject(RejectionCode::Malformed, message).into()
    })
}

/// `GET /v1/groups`: the groups the token's unit belongs to.
pub fn fetch_groups(
    base: &str,
    token: &str,
    limits: &Limits,
) -> Result<Vec<GroupEntry>, GroupsError> {
    let (_, _, bytes) = get(base, "/v1/groups", token, None, limits)?;
    let groups: Vec<GroupEntry> = parse("/v1/groups", &bytes)?;
    for g in &groups {
        if !valid_id(&g.id) {
            let message = jst_text::t!(
                "sync-groups-malformed",
                what = "/v1/groups",
                reason = format!("id {:?}", g.id)
            );
            return Err(Error::reject(RejectionCode::Malformed, message).into());
        }
    }
    Ok(groups)
}

/// `GET /v1/groups/{id}/values?year=Y`, with the ETag of the copy held (`If-None-Match`).
pub fn fetch_group_values(
    base: &str,
    token: &str,
    group: &str,
    year: i32,
    etag: Option<&str>,
    limits: &Limits,
) -> Result<GroupValues, GroupsError> {
    if !valid_id(group) {
        let message =
            jst_text::t!("sync-groups-malformed", what = "id", reason = format!("{group:?}"));
        return Err(Error::reject(RejectionCode::Malformed, message).into());
    }
    let path = format!("/v1/groups/{group}/values?year={year}");
    let (status, new_etag, bytes) = get(base, &path, token, etag, limits)?;
    Ok(match status {
        304 => GroupValues::NotModified,
        403 => GroupValues::NotMember,
        _ => {
            let body: ValuesBody = parse(&path, &bytes)?;
            let values = body.values.into_iter().filter(|v| v.value.is_finite()).collect();
            GroupValues::Fresh { values, etag: new_etag }
        }
    })
}

/// An id goes into a URL path: letters, digits, `-` and `_` only.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
