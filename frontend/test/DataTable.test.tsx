import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { DataTable } from "@/components/DataTable";
import { ApiError } from "@/lib/problem";
import { usePagedList, type Page } from "@/lib/usePagedList";

interface Row {
  id: string;
  name: string;
}

const rows = (from: number, n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, name: `Row ${from + i}` }));

/** Three pages of 2 rows keyed by cursor, like the API's keyset pages. */
function pagedSource() {
  const pages: Record<string, Page<Row>> = {
    "": { data: rows(1, 2), next_cursor: "c2" },
    c2: { data: rows(3, 2), next_cursor: "c3" },
    c3: { data: rows(5, 1), next_cursor: null },
  };
  return vi.fn(async (cursor: string | null) => pages[cursor ?? ""]);
}

function Harness({ fetchPage, onOpen, listKey = "k" }: { fetchPage: (c: string | null) => Promise<Page<Row>>; onOpen: (r: Row) => void; listKey?: string }) {
  const list = usePagedList<Row>(listKey, fetchPage);
  return (
    <DataTable
      caption="Rows"
      columns={[{ header: "Name", cell: (r) => r.name }]}
      rows={list.items}
      rowKey={(r) => r.id}
      onOpen={onOpen}
      loading={list.loading}
      error={list.error}
      hasMore={list.hasMore}
      onLoadMore={list.loadMore}
      onRetry={list.reload}
      empty={<p>Nothing here.</p>}
    />
  );
}

const bodyRows = () => within(screen.getByRole("table")).getAllByRole("row").slice(1);

describe("DataTable with keyset paging", () => {
  it("loads the first page, then each next_cursor on demand, and says when the list ends", async () => {
    const fetchPage = pagedSource();
    render(<Harness fetchPage={fetchPage} onOpen={() => {}} />);
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(fetchPage).toHaveBeenLastCalledWith(null);

    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    expect(fetchPage).toHaveBeenLastCalledWith("c2");

    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(bodyRows()).toHaveLength(5));
    expect(fetchPage).toHaveBeenLastCalledWith("c3");
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(screen.getByText(/5 shown · end of list/)).toBeInTheDocument();
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it("moves between rows with the keyboard, opens with Enter, and fetches more at the bottom", async () => {
    const fetchPage = pagedSource();
    const onOpen = vi.fn();
    render(<Harness fetchPage={fetchPage} onOpen={onOpen} />);
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    const [first, second] = bodyRows();
    expect(first).toHaveAttribute("tabindex", "0");
    expect(second).toHaveAttribute("tabindex", "-1");

    act(() => first.focus());
    await userEvent.keyboard("{ArrowDown}");
    expect(second).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(onOpen).toHaveBeenCalledWith({ id: "r2", name: "Row 2" });
    // Down on the last loaded row asks for the next page.
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(bodyRows()).toHaveLength(4));
    await userEvent.keyboard("{Home}");
    expect(bodyRows()[0]).toHaveFocus();
  });

  it("starts over when the filters change and drops answers for the old filters", async () => {
    let release: (p: Page<Row>) => void = () => {};
    const slow = new Promise<Page<Row>>((resolve) => (release = resolve));
    const fetchPage = vi.fn(async (cursor: string | null) => (cursor === null && fetchPage.mock.calls.length === 1 ? slow : { data: [{ id: "new", name: "Fresh" }], next_cursor: null }));
    const { rerender } = render(<Harness fetchPage={fetchPage} onOpen={() => {}} listKey="old" />);
    rerender(<Harness fetchPage={fetchPage} onOpen={() => {}} listKey="new" />);
    await waitFor(() => expect(screen.getByText("Fresh")).toBeInTheDocument());
    await act(async () => release({ data: [{ id: "stale", name: "Stale" }], next_cursor: "x" }));
    expect(screen.queryByText("Stale")).toBeNull();
    expect(bodyRows()).toHaveLength(1);
  });

  it("shows the empty state, and an error with its trace id and a retry", async () => {
    const fail = vi
      .fn<(cursor: string | null) => Promise<Page<Row>>>()
      .mockRejectedValueOnce(new ApiError(503, { detail: "database unavailable", trace_id: "abc123" }))
      .mockResolvedValueOnce({ data: [], next_cursor: null });
    render(<Harness fetchPage={fail} onOpen={() => {}} />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("database unavailable");
    expect(alert).toHaveTextContent("abc123");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Nothing here.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
