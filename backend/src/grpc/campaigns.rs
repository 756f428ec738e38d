//! `crm.v1.CampaignService`: the same calls as `/api/campaigns/...` (services/campaigns.rs,
//! services/deliveries.rs).

use std::pin::Pin;
use std::time::Duration;

use tokio_stream::Stream;
use tonic::{Request, Response, Status};

use super::proto::campaign_service_server::CampaignService;
use super::proto::{self, WatchCampaignProgressResponse};
use super::{status_of, Gate};
use crate::domain::auth::Access;
use crate::domain::campaigns::{Campaign, CampaignStatus};
use crate::domain::custom::Object;
use crate::error::AppError;
use crate::models::deliveries::ProgressResponse;

/// The service over the gate.
pub struct Campaigns(pub Gate);

fn campaign(c: Campaign) -> proto::Campaign {
    proto::Campaign {
        id: c.id,
        name: c.name,
        brief: c.brief,
        goal: c.goal,
        status: c.status.as_str().to_string(),
        channels: c.channels.iter().map(|ch| ch.as_str().to_string()).collect(),
        segment_id: c.segment_id,
        scheduled_at: c.scheduled_at,
        version: c.version,
        created_at: c.created_at,
        updated_at: c.updated_at,
    }
}

fn progress(p: ProgressResponse) -> proto::CampaignProgress {
    let n = super::count;
    proto::CampaignProgress {
        campaign_id: p.campaign_id,
        status: p.status,
        total: n(p.total),
        queued: n(p.queued),
        sending: n(p.sending),
        sent: n(p.sent),
        failed: n(p.failed),
        dead: n(p.dead),
        skipped: Some(proto::SkippedCounts {
            unsubscribed: n(p.skipped.unsubscribed),
            no_consent: n(p.skipped.no_consent),
            bounced: n(p.skipped.bounced),
            do_not_contact: n(p.skipped.do_not_contact),
        }),
        queued_all: p.queued_all,
    }
}

/// A campaign id from a request, checked like a path id.
fn id_of(raw: &str) -> Result<String, Status> {
    crate::domain::ids::parse_id(raw).ok_or_else(|| status_of(AppError::invalid_field("campaign_id", "must be a UUID")))
}

type ProgressStream = Pin<Box<dyn Stream<Item = Result<WatchCampaignProgressResponse, Status>> + Send>>;

#[tonic::async_trait]
impl CampaignService for Campaigns {
    async fn generate_assets(
        &self,
        request: Request<proto::GenerateAssetsRequest>,
    ) -> Result<Response<proto::GenerateAssetsResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let id = id_of(&request.get_ref().campaign_id)?;
        let state = self.0.state().clone();
        let raw = request.get_ref().kinds.clone();
        let assets = self
            .0
            .run(&request, &principal, |origin| async move {
                let kinds = if raw.is_empty() {
                    let c = state.campaigns.get(&id).await?;
                    c.channels.iter().filter_map(|ch| ch.asset()).collect::<Vec<_>>()
                } else {
                    crate::models::campaigns::GenerateAssetsRequest { kinds: Some(raw) }.kinds()?
                };
                state.campaigns.generate(&id, &kinds, &origin, None).await
            })
            .await?;
        let assets = assets
            .into_iter()
            .map(|a| proto::Asset {
                id: a.id,
                campaign_id: a.campaign_id,
                kind: a.kind.as_str().to_string(),
                status: serde_json::to_value(a.status)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default(),
                content_json: serde_json::to_string(&a.content).unwrap_or_default(),
                provider: a.provider,
                model: a.model,
                version: a.version,
            })
            .collect();
        Ok(Response::new(proto::GenerateAssetsResponse { assets }))
    }

    async fn schedule_campaign(
        &self,
        request: Request<proto::ScheduleCampaignRequest>,
    ) -> Result<Response<proto::ScheduleCampaignResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let id = id_of(&request.get_ref().campaign_id)?;
        let at = Some(request.get_ref().scheduled_at.trim().to_string()).filter(|a| !a.is_empty());
        let state = self.0.state().clone();
        let c = self
            .0
            .run(&request, &principal, |origin| async move { state.campaigns.schedule(&id, at, &origin).await })
            .await?;
        Ok(Response::new(proto::ScheduleCampaignResponse { campaign: Some(campaign(c)) }))
    }

    async fn execute_campaign(
        &self,
        request: Request<proto::ExecuteCampaignRequest>,
    ) -> Result<Response<proto::ExecuteCampaignResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let id = id_of(&request.get_ref().campaign_id)?;
        let state = self.0.state().clone();
        let c = self
            .0
            .run(&request, &principal, |origin| async move { state.deliveries.execute(&id, &origin).await })
            .await?;
        Ok(Response::new(proto::ExecuteCampaignResponse { campaign: Some(campaign(c)) }))
    }

    async fn get_campaign_status(
        &self,
        request: Request<proto::GetCampaignStatusRequest>,
    ) -> Result<Response<proto::GetCampaignStatusResponse>, Status> {
        let principal = self.0.caller(&request, Access::Read).await?;
        self.0.totals(&principal, &[Object::Contact]).await?;
        let id = id_of(&request.get_ref().campaign_id)?;
        let state = self.0.state().clone();
        let (c, p) = self
            .0
            .run(&request, &principal, |_| async move {
                let c = state.campaigns.get(&id).await?;
                let p = state.deliveries.progress(&id).await?;
                Ok::<_, AppError>((c, p))
            })
            .await?;
        Ok(Response::new(proto::GetCampaignStatusResponse {
            campaign: Some(campaign(c)),
            progress: Some(progress(p.into())),
        }))
    }

    type WatchCampaignProgressStream = ProgressStream;

    async fn watch_campaign_progress(
        &self,
        request: Request<proto::WatchCampaignProgressRequest>,
    ) -> Result<Response<Self::WatchCampaignProgressStream>, Status> {
        let principal = self.0.caller(&request, Access::Read).await?;
        self.0.totals(&principal, &[Object::Contact]).await?;
        let id = id_of(&request.get_ref().campaign_id)?;
        let every = Duration::from_millis(match request.get_ref().interval_ms {
            0 => 500,
            ms => u64::from(ms).clamp(100, 60_000),
        });
        let state = self.0.state().clone();
        // A campaign that does not exist is NOT_FOUND at once, not a stream that fails.
        state.campaigns.get(&id).await.map_err(status_of)?;
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        tokio::spawn(async move {
            let mut last: Option<proto::CampaignProgress> = None;
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                if tx.is_closed() {
                    return; // the caller went away while nothing changed
                }
                let read = async {
                    let c = state.campaigns.get(&id).await?;
                    let p = state.deliveries.progress(&id).await?;
                    Ok::<_, AppError>((c.status, p))
                };
                let (status, p) = match read.await {
                    Ok(v) => v,
                    Err(e) => {
                        let _ = tx.send(Err(status_of(e))).await;
                        return;
                    }
                };
                let finished = matches!(status, CampaignStatus::Completed | CampaignStatus::Cancelled);
                let p = progress(p.into());
                if last.as_ref() != Some(&p) || finished {
                    last = Some(p.clone());
                    let message = WatchCampaignProgressResponse { progress: Some(p), finished };
                    if tx.send(Ok(message)).await.is_err() {
                        return; // the caller went away
                    }
                }
                if finished {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(tokio_stream::wrappers::ReceiverStream::new(rx))))
    }
}
