// The raw bench's one activity: returns at once, so its cost is Temporal's round trip alone.
export const rawActivities = {
  async step(n: number): Promise<number> {
    return n + 1;
  },
};

export type RawActivities = typeof rawActivities;
