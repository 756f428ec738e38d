"use client";

import { useEffect, useState } from "react";
import { api, call } from "@/lib/api";
import type { components } from "@/lib/api-schema";
import { formatDateTime } from "@/lib/format";
import type { ApiError } from "@/lib/problem";
import { ProblemMessage } from "./ProblemMessage";

type Score = components["schemas"]["ScoreResponse"];

const KIND_LABELS: Record<string, string> = {
  deal_won: "deal won",
  email_open: "email opened",
  rsvp_yes: "RSVP yes",
  form_submission: "form submitted",
};

/** The contact's engagement score and, on demand, every activity that adds up to it. */
export function EngagementScore({ contactId, revision }: { contactId: string; revision: number }) {
  const [score, setScore] = useState<Score | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    call(api.GET("/api/contacts/{id}/score", { params: { path: { id: contactId } } }))
      .then(({ data }) => live && setScore(data))
      .catch((e) => live && setError(e as ApiError));
    return () => {
      live = false;
    };
  }, [contactId, revision]);
  return (
    <section className="panel" aria-labelledby="score-title">
      <h2 id="score-title">Engagement</h2>
      {error ? <ProblemMessage error={error} title="Could not load the score" /> : null}
      {score ? (
        <>
          <p>
            Score <strong data-testid="engagement-score">{score.score}</strong>
          </p>
          {score.parts.length === 0 ? (
            <p className="muted">No recent activity.</p>
          ) : (
            <details>
              <summary>How it adds up ({score.parts.length} activities)</summary>
              <table className="changes-table">
                <caption className="sr-only">Activities that make up the score</caption>
                <thead>
                  <tr>
                    <th scope="col">Activity</th>
                    <th scope="col">When</th>
                    <th scope="col">Points</th>
                    <th scope="col">Now worth</th>
                  </tr>
                </thead>
                <tbody>
                  {score.parts.map((p, i) => (
                    <tr key={`${p.at}-${i}`}>
                      <td>{KIND_LABELS[p.kind] ?? p.kind}</td>
                      <td>{formatDateTime(p.at)}</td>
                      <td>{p.points}</td>
                      <td>{p.decayed}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      ) : null}
    </section>
  );
}
