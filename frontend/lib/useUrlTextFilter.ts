"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A text box whose value lives in the URL: typing shows at once and is committed (`commit`,
 * e.g. a `router.replace`) after `ms` without typing; when the URL changes under the page (a
 * link, back/forward) the box follows it. Returns the box's value and its change handler.
 */
export function useUrlTextFilter(urlValue: string, commit: (value: string) => void, ms: number): [string, (value: string) => void] {
  const [draft, setDraft] = useState(urlValue);
  const timer = useRef<number | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (timer.current === undefined && urlValue !== draft.trim()) setDraft(urlValue);
  }, [urlValue]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const onChange = (value: string) => {
    setDraft(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      commitRef.current(value.trim());
    }, ms);
  };
  return [draft, onChange];
}
