//! `crm.v1.AnalyticsService`: the same figures as `/api/analytics/...` and activity tracking as
//! `POST /api/contacts/{id}/timeline` (services/analytics.rs, services/timeline.rs).

use tonic::{Request, Response, Status};

use super::proto::analytics_service_server::AnalyticsService;
use super::proto::{self};
use super::{status_of, Gate};
use crate::domain::auth::Access;
use crate::domain::custom::Object;
use crate::domain::timeline::NewEntry;
use crate::error::AppError;
use crate::models::analytics::RangeParams;
use crate::models::deliveries::CampaignAnalytics;

/// The service over the gate.
pub struct Analytics(pub Gate);

fn range(r: Option<proto::DayRange>) -> Result<crate::domain::analytics::DayRange, Status> {
    let r = r.unwrap_or_default();
    let some = |v: String| Some(v).filter(|v| !v.trim().is_empty());
    RangeParams { from: some(r.from), to: some(r.to) }.parse().map_err(status_of)
}

use super::count as n;

#[tonic::async_trait]
impl AnalyticsService for Analytics {
    async fn get_campaign_analytics(
        &self,
        request: Request<proto::GetCampaignAnalyticsRequest>,
    ) -> Result<Response<proto::GetCampaignAnalyticsResponse>, Status> {
        let principal = self.0.caller(&request, Access::Read).await?;
        self.0.totals(&principal, &[Object::Contact, Object::Deal]).await?;
        let id = crate::domain::ids::parse_id(&request.get_ref().campaign_id)
            .ok_or_else(|| status_of(AppError::invalid_field("campaign_id", "must be a UUID")))?;
        let state = self.0.state().clone();
        let a = self
            .0
            .run(&request, &principal, |_| async move {
                let progress = state.deliveries.progress(&id).await?;
                Ok::<_, AppError>(CampaignAnalytics::new(
                    progress,
                    state.landing_pages.campaign_submissions(&id).await?,
                ))
            })
            .await?;
        Ok(Response::new(proto::GetCampaignAnalyticsResponse {
            campaign_id: a.campaign_id,
            sent: n(a.sent),
            delivered: n(a.delivered),
            failed: n(a.failed),
            bounced: n(a.bounced),
            opened: n(a.opened),
            unique_opens: n(a.unique_opens),
            clicked: n(a.clicked),
            unique_clicks: n(a.unique_clicks),
            unsubscribed: n(a.unsubscribed),
            conversions: n(a.conversions),
            form_submissions: n(a.form_submissions),
            webhooks_sent: n(a.webhooks_sent),
            webhooks_failed: n(a.webhooks_failed),
        }))
    }

    async fn get_contact_analytics(
        &self,
        request: Request<proto::GetContactAnalyticsRequest>,
    ) -> Result<Response<proto::GetContactAnalyticsResponse>, Status> {
        let principal = self.0.caller(&request, Access::Read).await?;
        self.0.totals(&principal, &[Object::Contact]).await?;
        let range = range(request.get_ref().range.clone())?;
        let state = self.0.state().clone();
        let a = self.0.run(&request, &principal, |_| async move { state.analytics.contacts(&range).await }).await?;
        let keys = |v: Vec<crate::models::analytics::KeyCount>| {
            v.into_iter().map(|k| proto::KeyCount { key: k.key, count: k.count }).collect()
        };
        Ok(Response::new(proto::GetContactAnalyticsResponse {
            total: a.total,
            new_per_day: a.new_per_day.into_iter().map(|d| proto::DayCount { day: d.day, count: d.count }).collect(),
            by_status: keys(a.by_status),
            by_source: keys(a.by_source),
            by_tag: keys(a.by_tag),
            by_company: a
                .by_company
                .into_iter()
                .map(|c| proto::CompanyCount {
                    company_id: c.company_id.unwrap_or_default(),
                    name: c.name.unwrap_or_default(),
                    count: c.count,
                })
                .collect(),
        }))
    }

    async fn get_funnel_analytics(
        &self,
        request: Request<proto::GetFunnelAnalyticsRequest>,
    ) -> Result<Response<proto::GetFunnelAnalyticsResponse>, Status> {
        let principal = self.0.caller(&request, Access::Read).await?;
        self.0.totals(&principal, &[Object::Contact]).await?;
        let range = range(request.get_ref().range.clone())?;
        let state = self.0.state().clone();
        let f = self.0.run(&request, &principal, |_| async move { state.analytics.funnel(&range).await }).await?;
        Ok(Response::new(proto::GetFunnelAnalyticsResponse {
            stages: f
                .stages
                .into_iter()
                .map(|s| proto::FunnelStage {
                    status: s.status,
                    entered: s.entered,
                    advanced: s.advanced,
                    conversion_rate: s.conversion_rate,
                })
                .collect(),
        }))
    }

    async fn track_event(
        &self,
        request: Request<proto::TrackEventRequest>,
    ) -> Result<Response<proto::TrackEventResponse>, Status> {
        let principal = self.0.caller(&request, Access::Write).await?;
        let r = request.get_ref();
        let id = crate::domain::ids::parse_id(&r.contact_id)
            .ok_or_else(|| status_of(AppError::invalid_field("contact_id", "must be a UUID")))?;
        let at = match r.at.trim() {
            "" => None,
            raw => Some(
                crate::domain::ids::parse_ts(raw)
                    .ok_or_else(|| status_of(AppError::invalid_field("at", "must be an RFC 3339 timestamp")))?,
            ),
        };
        let new = NewEntry::parse(Some(r.kind.clone()), Some(r.body.clone())).map_err(|e| status_of(e.into()))?;
        let state = self.0.state().clone();
        let entry = self
            .0
            .run(&request, &principal, |origin| async move { state.timeline.add(&id, new, at, &origin).await })
            .await?;
        Ok(Response::new(proto::TrackEventResponse { id: entry.id, kind: entry.kind, at: entry.at }))
    }
}
