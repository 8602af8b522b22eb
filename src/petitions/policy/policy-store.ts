// Deadline policy documents: validated with one schema whether they come from the seed file, the
// database or an admin's POST. The workflow receives the rules for its kind in its input, so a later
// version never alters a running petition (it keeps what was in force at receipt).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isIsoDuration } from '../../domain/duration';
import type { KindPolicy } from '../../domain/petition/deadline-ladder';
import { PETITION_KINDS, type PetitionKind } from '../../domain/petition/petition-stages';

const Duration = z.string().refine(isIsoDuration, { message: 'must be an ISO-8601 duration such as P30D or PT10M' });

// A legal limit ({ limit, unit, basis }) or an ISO-8601 duration for demos and tests.
const ClockSpec = z.union([
  Duration,
  z.object({
    limit: z.number().int().min(0).max(3650),
    unit: z.enum(['days', 'working_days']),
    basis: z.string().optional(),
  }),
]);

const KindPolicySchema = z.object({
  clocks: z.object({ triage: ClockSpec, resolution: ClockSpec, reportBack: ClockSpec }),
  ladder: z.object({
    remindOfficerBefore: Duration,
    escalateAfter: Duration,
    officerAtFractions: z.array(z.number().gt(0).lt(1)).max(5).optional(),
    officerWorkingDaysBefore: z.number().int().min(1).max(10).optional(),
    secondEscalationAfter: Duration.optional(),
  }),
  variants: z
    .partialRecord(
      z.enum(['triage', 'resolution', 'reportBack']),
      z.partialRecord(z.enum(['complex', 'remote', 'remoteComplex', 'multiSite']), ClockSpec),
    )
    .optional(),
  noticeAfterReception: z
    .object({
      limit: z.number().int().min(0).max(365),
      unit: z.enum(['days', 'working_days']),
      basis: z.string().optional(),
      channels: z.array(z.string()).min(1),
    })
    .optional(),
  forwardWithin: z
    .object({
      limit: z.number().int().min(0).max(365),
      unit: z.enum(['days', 'working_days']),
      basis: z.string().optional(),
    })
    .optional(),
  extensions: z
    .object({
      maxDays: z.number().int().min(1),
      allowed: z.object({ complex: z.number().int().min(0), veryComplex: z.number().int().min(0) }),
      basis: z.string(),
    })
    .optional(),
  basis: z.record(z.string(), z.string()).optional(),
});

const LegalLimit = z.object({
  limit: z.number().int().min(0).max(3650),
  unit: z.enum(['days', 'working_days']),
  basis: z.string(),
});

// The second-time complaint (khiếu nại lần hai): its own filing window and clocks (Luật Khiếu nại 2011, Đ.33, Đ.37).
const SecondTimeSchema = KindPolicySchema.extend({
  filingWindow: LegalLimit,
  filingWindowRemote: LegalLimit.optional(),
});

export const PolicyFileSchema = z.object({
  version: z.string().min(1).max(100),
  effectiveFrom: z.iso.datetime({ offset: true }).optional(),
  note: z.string().optional(),
  kinds: z.object(
    Object.fromEntries(PETITION_KINDS.map((k) => [k, KindPolicySchema])) as Record<
      PetitionKind,
      typeof KindPolicySchema
    >,
  ),
  secondTimeComplaint: SecondTimeSchema.optional(),
});
export type PolicyDocument = z.infer<typeof PolicyFileSchema>;

// A unit's local rules: any part of any kind, merged over the national version.
const KindOverrideSchema = z.object({
  clocks: z.object({ triage: ClockSpec, resolution: ClockSpec, reportBack: ClockSpec }).partial().optional(),
  ladder: KindPolicySchema.shape.ladder.partial().optional(),
  variants: KindPolicySchema.shape.variants,
});
export const PolicyOverrideSchema = z.object({
  version: z.string().min(1).max(100),
  effectiveFrom: z.iso.datetime({ offset: true }).optional(),
  note: z.string().optional(),
  kinds: z
    .object(
      Object.fromEntries(PETITION_KINDS.map((k) => [k, KindOverrideSchema])) as Record<
        PetitionKind,
        typeof KindOverrideSchema
      >,
    )
    .partial(),
});
export type PolicyOverride = z.infer<typeof PolicyOverrideSchema>;

export function mergePolicyOverride(base: PolicyDocument, override: PolicyOverride): PolicyDocument {
  const merged = structuredClone(base);
  for (const kind of PETITION_KINDS) {
    const o = override.kinds[kind];
    if (!o) continue;
    const k = merged.kinds[kind];
    if (o.clocks) k.clocks = { ...k.clocks, ...o.clocks };
    if (o.ladder) k.ladder = { ...k.ladder, ...o.ladder };
    if (o.variants) k.variants = { ...(k.variants ?? {}), ...o.variants };
  }
  merged.version = `${base.version}+${override.version}`;
  return merged;
}

export interface SecondTimeComplaintPolicy extends KindPolicy {
  filingWindow: { limit: number; unit: 'days' | 'working_days'; basis: string };
  filingWindowRemote?: { limit: number; unit: 'days' | 'working_days'; basis: string };
}

export interface DeadlinePolicy {
  version: string;
  forKind(kind: PetitionKind): KindPolicy;
  /** Absent when the policy does not provide for second-time complaints. */
  secondTimeComplaint?: () => SecondTimeComplaintPolicy;
}

export function parsePolicyDocument(json: unknown, source = 'policy'): PolicyDocument {
  const parsed = PolicyFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid deadline policy in ${source}:\n${problems}`);
  }
  return parsed.data;
}

export function parseDeadlinePolicy(json: unknown, source = 'policy'): DeadlinePolicy {
  return policyFromDocument(parsePolicyDocument(json, source));
}

export function policyFromDocument(data: PolicyDocument): DeadlinePolicy {
  const second = data.secondTimeComplaint;
  return {
    version: data.version,
    ...(second ? { secondTimeComplaint: () => structuredClone(second) as SecondTimeComplaintPolicy } : {}),
    forKind: (kind) => {
      const k = data.kinds[kind];
      return {
        clocks: structuredClone(k.clocks),
        ladder: structuredClone(k.ladder),
        ...(k.variants ? { variants: structuredClone(k.variants) } : {}),
        ...(k.extensions ? { extensions: structuredClone(k.extensions) } : {}),
        ...(k.forwardWithin ? { forwardWithin: { ...k.forwardWithin } } : {}),
        ...(k.noticeAfterReception ? { noticeAfterReception: structuredClone(k.noticeAfterReception) } : {}),
        basis: k.basis ? { ...k.basis } : undefined,
      };
    },
  };
}

export function loadDeadlinePolicy(file: string): DeadlinePolicy {
  return parseDeadlinePolicy(JSON.parse(readFileSync(file, 'utf8')), file);
}
