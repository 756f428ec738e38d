//! [`Database`]: the SDK's `Surreal<Any>` for `mem://` and `ws://`, or `Surreal<Db>` over an
//! embedded surrealkv datastore this module builds itself.
//!
//! The SDK's `connect("surrealkv://...")` sizes the engine's block cache at half the machine's
//! memory minus 1 GiB and its memtable at up to 1 GiB, and reads no setting for either. Building
//! the `surrealdb-core` datastore with a config map and handing it to the SDK's (unstable)
//! `unstable_from_datastore` is the one way in; that path yields `Surreal<Db>`, which has no
//! conversion to `Surreal<Any>`, hence this small enum with the one query method the
//! repositories use. The three crates are pinned `=3.3.5` together; the tests in
//! `tests/api/storage.rs` fail when an upgrade changes what this relies on.

use std::borrow::Cow;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::sync::Arc;

use surrealdb::engine::any::Any;
use surrealdb::engine::local::Db as Local;
use surrealdb::method::{IntoVariables, Query as SdkQuery, Transaction};
use surrealdb::opt::auth::Root;
use surrealdb::{IndexedResults, Surreal};
use surrealdb_core::kvs::Datastore;

/// A connected database: embedded (our own datastore) or through the SDK's `connect`.
pub struct Database {
    client: Client,
    /// The embedded datastore, kept to close it cleanly (memtables flushed) at shutdown.
    datastore: Option<Arc<Datastore>>,
}

enum Client {
    Local(Surreal<Local>),
    Any(Surreal<Any>),
    /// A transaction on the embedded datastore, read by [`Database::snapshot`]'s handle.
    LocalTx(Option<Transaction<Local>>),
    /// A transaction through `connect`.
    AnyTx(Option<Transaction<Any>>),
}

impl Drop for Database {
    fn drop(&mut self) {
        // A snapshot's transaction ends with its handle (it only ever read).
        let cancel = match &mut self.client {
            Client::LocalTx(tx) => tx.take().map(|tx| Box::pin(async move { tx.cancel().await.map(drop) }) as CancelTx),
            Client::AnyTx(tx) => tx.take().map(|tx| Box::pin(async move { tx.cancel().await.map(drop) }) as CancelTx),
            _ => None,
        };
        if let (Some(cancel), Ok(runtime)) = (cancel, tokio::runtime::Handle::try_current()) {
            runtime.spawn(async move {
                if let Err(e) = cancel.await {
                    tracing::warn!(error = %e, "ending a snapshot's transaction failed");
                }
            });
        }
    }
}

/// A snapshot's transaction is only taken out of its handle when the handle is dropped.
const SNAPSHOT_LIVES: &str = "a snapshot's transaction lives as long as its handle";

fn not_on_a_snapshot() -> surrealdb::Error {
    surrealdb::Error::internal("not available on a snapshot".into())
}

type CancelTx = Pin<Box<dyn Future<Output = surrealdb::Result<()>> + Send>>;

/// A query being built: `db.query(sql).bind(vars).await`.
pub enum Query<'a> {
    /// On the embedded datastore.
    Local(SdkQuery<'a, Local>),
    /// Through `connect`.
    Any(SdkQuery<'a, Any>),
}

impl Query<'_> {
    /// Binds variables (an object, or a `(name, value)` pair).
    pub fn bind(self, vars: impl IntoVariables) -> Self {
        match self {
            Query::Local(q) => Query::Local(q.bind(vars)),
            Query::Any(q) => Query::Any(q.bind(vars)),
        }
    }
}

impl<'a> IntoFuture for Query<'a> {
    type Output = surrealdb::Result<IndexedResults>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        let call = match self {
            Query::Local(q) => q.into_future(),
            Query::Any(q) => q.into_future(),
        };
        Box::pin(async move {
            let started = std::time::Instant::now();
            let result = call.await;
            crate::monitoring::record_db_call(started);
            result
        })
    }
}

const MIB: u64 = 1024 * 1024;

impl Database {
    /// Opens `surrealkv://path[?sync=...]` with a block cache of `cache_mb` and a memtable of
    /// `memtable_mb` (the largest single transaction; up to three memtables can be held while
    /// the oldest are flushed).
    pub async fn open_embedded(url: &str, cache_mb: u64, memtable_mb: u64) -> anyhow::Result<Self> {
        let config = surrealdb_cnf::ConfigMap::empty()
            .with_key_value("surrealkv_block_cache_capacity", (cache_mb.max(1) * MIB).to_string())
            .with_key_value("surrealkv_max_memtable_size", (memtable_mb.max(1) * MIB).to_string());
        let err = |e: anyhow::Error| e.context(format!("opening {url}"));
        // Maintenance tasks start only after the version check, as the SDK's own `connect` does:
        // a task's write landing before the version key would make a new datastore look old.
        let datastore = Datastore::builder()
            .with_config(config)
            .without_maintenance_tasks()
            .build_with_path(url)
            .await
            .map_err(err)?;
        datastore.check_version().await.map_err(err)?;
        datastore.bootstrap().await.map_err(err)?;
        datastore.start_maintenance_tasks();
        let client = Surreal::<Local>::unstable_from_datastore(Arc::clone(&datastore), None).await?;
        Ok(Self { client: Client::Local(client), datastore: Some(datastore) })
    }

    /// Connects through the SDK (`mem://`, `ws://`, ...).
    pub async fn connect_any(url: &str) -> anyhow::Result<Self> {
        let client = surrealdb::engine::any::connect(url).await?;
        Ok(Self { client: Client::Any(client), datastore: None })
    }

    /// Signs in as a root user (remote servers).
    pub async fn signin(&self, root: Root) -> surrealdb::Result<()> {
        match &self.client {
            Client::Local(c) => c.signin(root).await.map(drop),
            Client::Any(c) => c.signin(root).await.map(drop),
            Client::LocalTx(_) | Client::AnyTx(_) => Err(not_on_a_snapshot()),
        }
    }

    /// Selects the namespace and database of this handle's session.
    pub async fn use_ns_db(&self, ns: &str, db: &str) -> surrealdb::Result<()> {
        match &self.client {
            Client::Local(c) => c.use_ns(ns).use_db(db).await.map(drop),
            Client::Any(c) => c.use_ns(ns).use_db(db).await.map(drop),
            Client::LocalTx(_) | Client::AnyTx(_) => Err(not_on_a_snapshot()),
        }
    }

    /// Starts a query; bind variables and await it.
    pub fn query<'a>(&'a self, sql: impl Into<Cow<'a, str>>) -> Query<'a> {
        match &self.client {
            Client::Local(c) => Query::Local(c.query(sql)),
            Client::Any(c) => Query::Any(c.query(sql)),
            Client::LocalTx(tx) => Query::Local(tx.as_ref().expect(SNAPSHOT_LIVES).query(sql)),
            Client::AnyTx(tx) => Query::Any(tx.as_ref().expect(SNAPSHOT_LIVES).query(sql)),
        }
    }

    /// A consistent export of the selected database (one read transaction) as SurrealQL,
    /// streamed in chunks with backpressure.
    pub async fn export_stream(&self) -> surrealdb::Result<surrealdb::method::Backup> {
        match &self.client {
            Client::Local(c) => c.export(()).await,
            Client::Any(c) => c.export(()).await,
            Client::LocalTx(_) | Client::AnyTx(_) => Err(not_on_a_snapshot()),
        }
    }

    /// Runs a SurrealQL export file against the selected database.
    pub async fn import_file(&self, path: &std::path::Path) -> surrealdb::Result<()> {
        match &self.client {
            Client::Local(c) => c.import(path).await,
            Client::Any(c) => c.import(path).await,
            Client::LocalTx(_) | Client::AnyTx(_) => Err(not_on_a_snapshot()),
        }
    }

    /// A handle on the database as it is now: every query through it reads the same snapshot
    /// (one transaction, ended when the handle is dropped). For long reads that must be
    /// consistent, such as exports; writes through it are never committed.
    pub async fn snapshot(&self) -> surrealdb::Result<Database> {
        let client = match &self.client {
            Client::Local(c) => Client::LocalTx(Some(c.clone().begin().await?)),
            Client::Any(c) => Client::AnyTx(Some(c.clone().begin().await?)),
            Client::LocalTx(_) | Client::AnyTx(_) => return Err(not_on_a_snapshot()),
        };
        Ok(Database { client, datastore: None })
    }

    /// Whether this is the embedded surrealkv engine opened by [`Database::open_embedded`].
    pub fn is_embedded_datastore(&self) -> bool {
        self.datastore.is_some()
    }

    /// Closes an embedded datastore cleanly: memtables are flushed, so the next start replays
    /// no write-ahead log. Remote and in-memory databases need nothing.
    pub async fn close(&self) -> anyhow::Result<()> {
        if let Some(ds) = &self.datastore {
            ds.shutdown().await.map_err(|e| anyhow::anyhow!("closing the datastore: {e}"))?;
        }
        Ok(())
    }
}
