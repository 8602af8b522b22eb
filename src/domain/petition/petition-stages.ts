// The petition state machine: which action is legal in which stage, and who may take it.
// Pure and shared: the workflow's Update validators and the API both call it.

export const PETITION_KINDS = ['complaint', 'denunciation', 'recommendation', 'feedback'] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

export const STAGES = [
  'received',
  'accepted',
  'assigned',
  'verifying',
  'resolved',
  'closed',
  'refused',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export const TERMINAL_STAGES: readonly Stage[] = ['closed', 'refused', 'withdrawn'];

export const ROLES = ['officer', 'leader', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'accept',
  'refuse',
  'forward',
  'assign',
  'startVerification',
  'resolve',
  'reportBack',
  'withdraw',
  'setFlags',
  'requestExtension',
  'decideExtension',
] as const;
export type ActionName = (typeof ACTIONS)[number];

/** Which deadline clock runs in a stage; terminal stages have none. */
export type ClockName = 'triage' | 'resolution' | 'reportBack';

export const STAGE_CLOCK: Record<Stage, ClockName | null> = {
  received: 'triage',
  accepted: 'resolution',
  assigned: 'resolution',
  verifying: 'resolution',
  resolved: 'reportBack',
  closed: null,
  refused: null,
  withdrawn: null,
};

interface ActionRule {
  from: readonly Stage[];
  /** Stage after the action; null keeps the current stage (a forward restarts triage elsewhere). */
  to: Stage | null;
  roles: readonly Role[];
}

// Officers register, triage, verify and report back; deciding and assigning belong to the leader
// (DOMAIN.md: the leader "decides, extends, signs"). Supervisors read and never act.
export const ACTION_RULES: Record<ActionName, ActionRule> = {
  accept: { from: ['received'], to: 'accepted', roles: ['officer', 'leader'] },
  refuse: { from: ['received'], to: 'refused', roles: ['officer', 'leader'] },
  forward: { from: ['received'], to: 'received', roles: ['officer', 'leader'] },
  assign: { from: ['accepted', 'assigned', 'verifying'], to: 'assigned', roles: ['leader'] },
  startVerification: { from: ['assigned'], to: 'verifying', roles: ['officer', 'leader'] },
  resolve: { from: ['assigned', 'verifying'], to: 'resolved', roles: ['leader'] },
  reportBack: { from: ['resolved'], to: 'closed', roles: ['officer', 'leader'] },
  withdraw: {
    from: ['received', 'accepted', 'assigned', 'verifying', 'resolved'],
    to: 'withdrawn',
    roles: ['officer', 'leader'],
  },
  // Complexity, remote-area and multi-site flags change which legal limit applies; set with a reason.
  setFlags: { from: ['received', 'accepted', 'assigned', 'verifying'], to: null, roles: ['officer', 'leader'] },
  // The officer asks; the leader decides by a written decision (Luật Tố cáo 2018, Đ.30).
  requestExtension: { from: ['accepted', 'assigned', 'verifying'], to: null, roles: ['officer', 'leader'] },
  decideExtension: { from: ['accepted', 'assigned', 'verifying'], to: null, roles: ['leader'] },
};

/** A forward sends the case to the competent unit once (DOMAIN.md: "guided or sent … once"). */
export const MAX_FORWARDS = 1;

export type RefusalCode = 'IllegalTransition' | 'Forbidden' | 'InvalidAction';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export interface ActionCheckInput {
  stage: Stage;
  action: ActionName;
  actorRoles: readonly Role[];
  forwardCount: number;
  unitId: string;
  toUnitId?: string;
}

export function isTerminal(stage: Stage): boolean {
  return TERMINAL_STAGES.includes(stage);
}

export function checkAction(input: ActionCheckInput): Refusal | null {
  const rule = ACTION_RULES[input.action];
  if (!rule.from.includes(input.stage)) {
    return {
      code: 'IllegalTransition',
      message: `action "${input.action}" is not allowed in stage "${input.stage}" (allowed in: ${rule.from.join(', ')})`,
    };
  }
  if (!rule.roles.some((role) => input.actorRoles.includes(role))) {
    return {
      code: 'Forbidden',
      message: `action "${input.action}" needs role ${rule.roles.join(' or ')} on the petition's unit`,
    };
  }
  if (input.action === 'forward') {
    if (input.forwardCount >= MAX_FORWARDS) {
      return { code: 'IllegalTransition', message: 'a petition is forwarded only once; it has already been forwarded' };
    }
    if (!input.toUnitId || input.toUnitId === input.unitId) {
      return { code: 'InvalidAction', message: 'forward needs a target unit other than the current one' };
    }
  }
  return null;
}

export interface AllowedActionsInput {
  stage: Stage;
  actorRoles: readonly Role[];
  forwardCount: number;
  /** Whether an extension request waits for the leader; when unknown, both extension actions are offered. */
  pendingExtension?: boolean;
}

/**
 * The actions this person may take on the case now: those `checkAction` would let through. A forward is
 * offered while one is left (its target is chosen in the form); the extension pair follows the request.
 */
export function allowedActions(input: AllowedActionsInput): ActionName[] {
  return ACTIONS.filter((action) => {
    const refusal = checkAction({
      stage: input.stage,
      action,
      actorRoles: input.actorRoles,
      forwardCount: input.forwardCount,
      unitId: 'current',
      toUnitId: 'another',
    });
    if (refusal) return false;
    if (action === 'requestExtension' && input.pendingExtension === true) return false;
    if (action === 'decideExtension' && input.pendingExtension === false) return false;
    return true;
  });
}

export function nextStage(stage: Stage, action: ActionName): Stage {
  return ACTION_RULES[action].to ?? stage;
}
