//! [`Storage`] on one pooled PostgreSQL connection.

use std::sync::Arc;

use crate::audit::{Actor, AuditFilter, AuditRecord};
use crate::records::*;
use crate::storage::Storage;
use crate::Result;

pub struct PgStorage {
    client: deadpool_postgres::Object,
    runtime: Arc<tokio::runtime::Runtime>,
    actor: Actor,
}

impl PgStorage {
    pub(super) fn new(
        client: deadpool_postgres::Object,
        runtime: Arc<tokio::runtime::Runtime>,
        actor: Actor,
    ) -> Self {
        Self { client, runtime, actor }
    }

    pub(super) fn migrate(&mut self, _migrations: &[&str]) -> Result<()> {
        let _ = (&self.client, &self.runtime, &self.actor);
        todo!("PostgreSQL migrations")
    }
}

impl Storage for PgStorage {
    fn save_catalogue(
        &mut self,
        _csv: &[u8],
        _rows: usize,
        _version: &str,
        _at: &str,
    ) -> Result<()> {
        todo!()
    }
    fn catalogue(&self) -> Result<Option<(Vec<u8>, String)>> {
        todo!()
    }
    fn import(
        &mut self,
        _kind: ImportKind,
        _rows: &mut dyn Iterator<Item = Result<ImportRow>>,
        _source: &str,
        _at: &str,
    ) -> Result<DataImport> {
        todo!()
    }
    fn plan(&self, _indicator: &str, _year: i32, _teryt: &str) -> Result<Option<f64>> {
        todo!()
    }
    fn save_register(&mut self, _register: &StoredRegister, _at: &str) -> Result<()> {
        todo!()
    }
    fn register(&self) -> Result<Option<StoredRegister>> {
        todo!()
    }
    fn each_value(&self, _visit: &mut dyn FnMut(DataRow) -> Result<()>) -> Result<()> {
        todo!()
    }
    fn latest_release(&self) -> Result<Option<u64>> {
        todo!()
    }
    fn record_release(
        &mut self,
        _version: u64,
        _issued_at: &str,
        _expires_at: &str,
        _manifest_sha256: &str,
    ) -> Result<()> {
        todo!()
    }
    fn add_token(&mut self, _teryt: &str, _token_sha256: &str, _at: &str) -> Result<i64> {
        todo!()
    }
    fn revoke_tokens(&mut self, _teryt: &str, _at: &str) -> Result<usize> {
        todo!()
    }
    fn revoke_token(&mut self, _id: i64, _at: &str) -> Result<TokenRevocation> {
        todo!()
    }
    fn tokens(&self, _unit: Option<&str>) -> Result<Vec<TokenRecord>> {
        todo!()
    }
    fn touch_token(&mut self, _id: i64, _day: &str) -> Result<()> {
        todo!()
    }
    fn close_period(&mut self, _year: i32, _at: &str) -> Result<bool> {
        todo!()
    }
    fn contributions(&self) -> Result<Vec<Contribution>> {
        todo!()
    }
    fn published_means(&self) -> Result<Published> {
        todo!()
    }
    fn save_published_means(&mut self, _means: &Published) -> Result<()> {
        todo!()
    }
    fn token_unit(&self, _token_sha256: &str) -> Result<Option<TokenUse>> {
        todo!()
    }
    fn submission(&self, _id: &str) -> Result<Option<(String, String, String)>> {
        todo!()
    }
    fn apply_submission(
        &mut self,
        _key: &SubmissionKey,
        _items: &[SubmittedItem],
        _at: &str,
        _respond: &dyn Fn(&[ItemOutcome]) -> String,
    ) -> Result<Applied> {
        todo!()
    }
    fn create_gwd(
        &mut self,
        _name: &str,
        _area: &str,
        _indicators: &[String],
        _at: &str,
    ) -> Result<i64> {
        todo!()
    }
    fn add_gwd_member(&mut self, _group: i64, _member: &GwdMember) -> Result<()> {
        todo!()
    }
    fn remove_gwd_member(&mut self, _group: i64, _teryt: &str, _at: &str) -> Result<bool> {
        todo!()
    }
    fn gwd_groups(&self) -> Result<Vec<GwdGroup>> {
        todo!()
    }
    fn gwd_values(&self, _group: &GwdGroup, _year: i32) -> Result<Vec<GwdValue>> {
        todo!()
    }
    fn save_practices(
        &mut self,
        _practices: &[NewPractice],
        _status: PracticeStatus,
        _proposed_by: Option<&str>,
        _at: &str,
    ) -> Result<Vec<i64>> {
        todo!()
    }
    fn practices(&self) -> Result<Vec<StoredPractice>> {
        todo!()
    }
    fn publish_practice(&mut self, _id: i64, _at: &str) -> Result<bool> {
        todo!()
    }
    fn remove_practice(&mut self, _id: i64, _at: &str) -> Result<bool> {
        todo!()
    }
    fn attachment(&self, _sha256: &str) -> Result<Option<Vec<u8>>> {
        todo!()
    }
    fn release_status(&self) -> Result<Option<ReleaseStatus>> {
        todo!()
    }
    fn audit(&self, _filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
        todo!()
    }
}
