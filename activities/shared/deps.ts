// What the activities are built from. The composition root (or a test) passes ActivityDeps; the clock is
// defaulted here once, so every activity reads the same `now` and a test can move it.
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../src/platform/db/prisma';
import type { Mailer } from '../../src/platform/mail/mailer';
import type { NationalSyncConfig } from '../../src/national/national-sync-config';

export interface ActivityDeps {
  prisma: PrismaClient;
  mailer: Mailer;
  /** Base URL put in e-mails so recipients can open the case. */
  appUrl: string;
  /** Opens a denouncer's sealed identity to write to them (and to no one else). */
  identityKey: Buffer;
  /** Lets the reception cycle start session workflows; workers without it run petitions only. */
  temporal?: Client;
  /** Results deadline and reminders of conferences created from a schedule (config/reception-policy.json). */
  conferencePolicy?: { resultsWithinDays: number; remindResultsBeforeDays: number };
  /** The national complaints database's receiver; absent: the national sync is off. */
  nationalSync?: NationalSyncConfig;
  /** The clock; the system clock unless a test sets one. */
  now?: () => Date;
}

/** ActivityDeps with the defaults applied: what each activity factory receives. */
export type ActivityContext = ActivityDeps & { now: () => Date };

export function withDefaults(deps: ActivityDeps): ActivityContext {
  return { ...deps, now: deps.now ?? (() => new Date()) };
}
