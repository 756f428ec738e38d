"use client";

import { useCallback } from "react";
import { AppShell } from "@/components/AppShell";
import { BarChart } from "@/components/BarChart";
import { ProblemMessage } from "@/components/ProblemMessage";
import { api, call } from "@/lib/api";
import { effectiveRange, percent } from "@/lib/range";
import { useLoaded } from "@/lib/useLoaded";
import { useUrlFilters } from "@/lib/urlFilters";

export function OverviewPage() {
  return (
    <AppShell>
      <Overview />
    </AppShell>
  );
}

const RANGE_KEYS = ["from", "to"] as const;

function Overview() {
  const { filters, setFilters } = useUrlFilters("/", RANGE_KEYS);
  const range = effectiveRange(filters.from, filters.to);
  const { from, to } = range;
  const load = useCallback(async () => {
    const query = { params: { query: { from, to } } };
    const [contacts, funnel, pipeline, activity] = await Promise.all([
      call(api.GET("/api/analytics/contacts", query)),
      call(api.GET("/api/analytics/funnel", query)),
      call(api.GET("/api/analytics/pipeline", query)),
      call(api.GET("/api/analytics/activity", query)),
    ]);
    return { contacts: contacts.data, funnel: funnel.data, pipeline: pipeline.data, activity: activity.data };
  }, [from, to]);
  const { data, error, reload } = useLoaded(load);

  return (
    <section aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">Overview</h1>
      </div>
      <form className="range-form" aria-label="Date range" onSubmit={(e) => e.preventDefault()}>
        <label>
          From
          <input type="date" value={from} max={to} onChange={(e) => setFilters({ from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={to} min={from} onChange={(e) => setFilters({ to: e.target.value })} />
        </label>
        <button type="button" className="secondary" onClick={() => setFilters({ from: "", to: "" })}>
          Last 30 days
        </button>
      </form>
      {error ? <ProblemMessage error={error} onRetry={reload} /> : null}
      {!data && !error ? <p role="status">Loading…</p> : null}
      {data ? (
        <>
          <dl className="figures" aria-label="Key figures">
            <div>
              <dt>New contacts</dt>
              <dd>{data.contacts.total.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Deals won</dt>
              <dd>{data.pipeline.won.toLocaleString()}</dd>
            </div>
            <div>
              <dt>Win rate</dt>
              <dd>{percent(data.pipeline.win_rate)}</dd>
            </div>
            <div>
              <dt>Average days to close</dt>
              <dd>{data.pipeline.average_days_to_close ?? "–"}</dd>
            </div>
          </dl>
          <div className="overview-grid">
            <BarChart
              title="Funnel: contacts entering each stage"
              data={data.funnel.stages.map((s) => ({ label: s.status, value: s.entered }))}
            />
            <BarChart
              title="Pipeline: deals created, by stage"
              data={data.pipeline.by_stage.map((s) => ({ label: s.key, value: s.count }))}
            />
            <BarChart
              title="New contacts per day"
              orientation="vertical"
              data={data.contacts.new_per_day.map((d) => ({ label: d.day, value: d.count }))}
            />
            <BarChart
              title="Activity by kind"
              data={data.activity.by_kind.map((k) => ({ label: k.key, value: k.count }))}
            />
          </div>
          <table className="data-table funnel-rates">
            <caption>Funnel conversion: the share of contacts entering a stage that moved on to a later one</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Entered</th>
                <th scope="col">Moved on</th>
                <th scope="col">Conversion</th>
              </tr>
            </thead>
            <tbody>
              {data.funnel.stages.map((s) => (
                <tr key={s.status}>
                  <th scope="row">{s.status}</th>
                  <td>{s.entered.toLocaleString()}</td>
                  <td>{s.advanced.toLocaleString()}</td>
                  <td>{percent(s.conversion_rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
