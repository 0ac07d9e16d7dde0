//! The `Storage` trait: what the server's commands and API need of a database.

use crate::audit::{AuditFilter, AuditRecord};
use crate::records::*;
use crate::Result;

/// What the server keeps. Every method that writes records its entry of the audit
/// ([`crate::AuditAction`]) in the same transaction as the change: the actor is the one the
/// storage was opened for ([`Actor::os_user`] for a command), or `api:<teryt>` for a unit's
/// proposal; details never hold a token, its hash or a contributed value.
pub trait Storage {
    fn save_catalogue(&mut self, csv: &[u8], rows: usize, version: &str, at: &str) -> Result<()>;
    /// The catalogue CSV and its version.
    fn catalogue(&self) -> Result<Option<(Vec<u8>, String)>>;
    /// Imports rows as they are read: every value is checked ([`crate::check_rows`]'s rule)
    /// and an `Err` from `rows` or a refused value ends the import with nothing kept. Values
    /// upsert by (teryt, indicator, year): a changed value gets the next rev and its old value
    /// goes to the history; plans (budgets only) replace the stored plan. One transaction.
    fn import(
        &mut self,
        kind: ImportKind,
        rows: &mut dyn Iterator<Item = Result<ImportRow>>,
        source: &str,
        at: &str,
    ) -> Result<DataImport>;
    /// [`Storage::import`] of values already in memory.
    fn upsert_values_from(
        &mut self,
        rows: &[DataRow],
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        let mut stream = rows.iter().map(|r| Ok(ImportRow::Value(r.clone())));
        self.import(ImportKind::Values, &mut stream, source, at)
    }
    /// Values of a plain `import data` file.
    fn upsert_values(&mut self, rows: &[DataRow], at: &str) -> Result<DataImport> {
        self.upsert_values_from(rows, "import data", at)
    }
    /// Budget execution as public values and its plan beside, in one transaction.
    fn upsert_budget(
        &mut self,
        rows: &[DataRow],
        plans: &[DataRow],
        source: &str,
        at: &str,
    ) -> Result<DataImport> {
        let values = rows.iter().map(|r| Ok(ImportRow::Value(r.clone())));
        let mut stream = values.chain(plans.iter().map(|p| Ok(ImportRow::Plan(p.clone()))));
        self.import(ImportKind::Budget, &mut stream, source, at)
    }
    /// The stored plan of a unit's indicator and year.
    fn plan(&self, indicator: &str, year: i32, teryt: &str) -> Result<Option<f64>>;
    /// Replaces the imported register (the raw TERC file, so releases carry it as imported).
    fn save_register(&mut self, register: &StoredRegister, at: &str) -> Result<()>;
    /// The imported register, when there is one.
    fn register(&self) -> Result<Option<StoredRegister>>;
    /// Every public value, ordered by year, indicator and TERYT, handed to `visit` one by one
    /// (a release build reads millions without holding them); an `Err` from `visit` stops it.
    fn each_value(&self, visit: &mut dyn FnMut(DataRow) -> Result<()>) -> Result<()>;
    /// Every public value in memory, ordered as [`Storage::each_value`].
    fn all_values(&self) -> Result<Vec<DataRow>> {
        let mut all = Vec::new();
        self.each_value(&mut |row| {
            all.push(row);
            Ok(())
        })?;
        Ok(all)
    }
    fn latest_release(&self) -> Result<Option<u64>>;
    /// Records a built release and the contributed means it published, in one transaction: the
    /// next build holds a mean against what was really published, even after a crash here.
    fn record_release(
        &mut self,
        version: u64,
        issued_at: &str,
        expires_at: &str,
        manifest_sha256: &str,
        means: &Published,
    ) -> Result<()>;
    fn add_token(&mut self, teryt: &str, token_sha256: &str, at: &str) -> Result<i64>;
    /// Revokes every active token of a unit; returns how many.
    fn revoke_tokens(&mut self, teryt: &str, at: &str) -> Result<usize>;
    /// Revokes one token by its id.
    fn revoke_token(&mut self, id: i64, at: &str) -> Result<TokenRevocation>;
    /// Every token (of one unit, when given), by id.
    fn tokens(&self, unit: Option<&str>) -> Result<Vec<TokenRecord>>;
    fn tokens_of(&self, teryt: &str) -> Result<Vec<TokenRecord>> {
        self.tokens(Some(teryt))
    }
    /// Notes that token `id` was used on `day` (`YYYY-MM-DD`). Not audited: it is no one's
    /// decision, and the API calls it at most once a day per token.
    fn touch_token(&mut self, id: i64, day: &str) -> Result<()>;
    fn close_period(&mut self, year: i32, at: &str) -> Result<bool>;
    /// Every contributed value: (TERYT, indicator, year, value).
    fn contributions(&self) -> Result<Vec<Contribution>>;
    fn published_means(&self) -> Result<Published>;
    /// Replaces the remembered published means.
    fn save_published_means(&mut self, means: &Published) -> Result<()>;
    /// The active token with this hash.
    fn token_unit(&self, token_sha256: &str) -> Result<Option<TokenUse>>;
    /// A stored submission: (unit TERYT, body hash, response JSON).
    fn submission(&self, id: &str) -> Result<Option<(String, String, String)>>;
    /// Decides every item against the stored contributions and stores the submission with the
    /// response `respond` builds from the outcomes, in one transaction. The key is claimed
    /// first, by the database's unique key on the submission id: of two requests with the same
    /// key at once, one stores and the other gets [`Applied::Existing`], never both.
    fn apply_submission(
        &mut self,
        key: &SubmissionKey,
        items: &[SubmittedItem],
        at: &str,
        respond: &dyn Fn(&[ItemOutcome]) -> String,
    ) -> Result<Applied>;
    /// Stores a new group (its name not yet taken) and returns its id.
    fn create_gwd(
        &mut self,
        name: &str,
        area: &str,
        indicators: &[String],
        at: &str,
    ) -> Result<i64>;
    /// Makes `member` a current member of group `group` (which exists and where it is not one).
    fn add_gwd_member(&mut self, group: i64, member: &GwdMember) -> Result<()>;
    /// Ends the current membership of `teryt` in `group`; false when it was no member.
    fn remove_gwd_member(&mut self, group: i64, teryt: &str, at: &str) -> Result<bool>;
    /// Every group with its current members, by id.
    fn gwd_groups(&self) -> Result<Vec<GwdGroup>>;
    /// The groups `teryt` is a current member of.
    fn gwd_groups_of(&self, teryt: &str) -> Result<Vec<GwdGroup>> {
        Ok(self
            .gwd_groups()?
            .into_iter()
            .filter(|g| g.members.iter().any(|m| m.teryt == teryt))
            .collect())
    }
    /// For every current member of `group` and each of its indicators: the member's accepted
    /// contribution for `year`, else the public value, else nothing. By TERYT, then by the
    /// group's order of indicators.
    fn gwd_values(&self, group: &GwdGroup, year: i32) -> Result<Vec<GwdValue>>;
    /// Stores checked practices with `status` and their attachments, all or nothing; returns
    /// their ids in order.
    fn save_practices(
        &mut self,
        practices: &[NewPractice],
        status: PracticeStatus,
        proposed_by: Option<&str>,
        at: &str,
    ) -> Result<Vec<i64>>;
    /// Every practice, by id.
    fn practices(&self) -> Result<Vec<StoredPractice>>;
    /// Publishes a proposed practice; false when there is none with this id.
    fn publish_practice(&mut self, id: i64, at: &str) -> Result<bool>;
    /// Removes a practice and the attachments no other practice uses; false when none had it.
    fn remove_practice(&mut self, id: i64, at: &str) -> Result<bool>;
    /// The bytes of an attachment.
    fn attachment(&self, sha256: &str) -> Result<Option<Vec<u8>>>;
    /// The latest release recorded. It is also the health check's question: a storage that
    /// cannot answer it is down.
    fn release_status(&self) -> Result<Option<ReleaseStatus>>;
    /// The audit, oldest first.
    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>>;
}
