//! Consent use cases: record an entry on a contact's ledger, read the ledger and its state.

use tracing::instrument;

use super::records::Store;
use crate::domain::consents::{current, Consent, ConsentInput};
use crate::domain::history::Origin;
use crate::domain::pagination::{Page, PageRequest};
use crate::error::AppResult;
use crate::repositories::consents::ConsentRepository;
use crate::repositories::contacts::ContactRepository;

/// A page of the ledger and the contact's state now.
pub struct Ledger {
    /// Entries, newest recorded first.
    pub page: Page<Consent>,
    /// The latest entry per channel and purpose.
    pub state: Vec<Consent>,
}

/// Consent use cases.
#[derive(Clone)]
pub struct ConsentService {
    store: Store<Consent>,
    consents: ConsentRepository,
    contacts: ContactRepository,
}

impl ConsentService {
    /// A service over its store.
    pub fn new(store: Store<Consent>, consents: ConsentRepository, contacts: ContactRepository) -> Self {
        Self { store, consents, contacts }
    }

    /// Appends an entry (404/410 when the contact does not exist or was merged).
    #[instrument(skip_all)]
    pub async fn record(&self, contact_id: &str, input: ConsentInput, origin: &Origin) -> AppResult<Consent> {
        let contact = super::contacts::existing(&self.contacts, contact_id).await?;
        self.store.create(origin, |id, ts| Ok(Consent::new(id, &contact.id, input, &origin.actor, ts)?)).await
    }

    /// A page of the ledger with the contact's state.
    pub async fn ledger(&self, contact_id: &str, page: &PageRequest) -> AppResult<Ledger> {
        let contact = super::contacts::existing(&self.contacts, contact_id).await?;
        let (rows, next) = self.consents.page(&contact.id, page.after.clone(), page.limit).await?;
        let all = self.consents.all(&contact.id).await?;
        let state = current(&all).into_iter().cloned().collect();
        Ok(Ledger { page: page.page(rows, next, None), state })
    }
}
