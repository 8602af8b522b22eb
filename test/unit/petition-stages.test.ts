import {
  ACTION_RULES,
  ACTIONS,
  checkAction,
  nextStage,
  STAGES,
  type ActionName,
  type Stage,
} from '../../src/domain/petition/petition-stages';

const base = { actorRoles: ['officer', 'leader'] as const, forwardCount: 0, unitId: 'u1', toUnitId: 'u2' };

describe('checkAction', () => {
  test('when every action is tried in every stage, then exactly the table-listed ones pass', () => {
    const allowed: string[] = [];
    for (const stage of STAGES) {
      for (const action of ACTIONS) {
        if (checkAction({ ...base, actorRoles: [...base.actorRoles], stage, action }) === null)
          allowed.push(`${stage}:${action}`);
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'received:accept',
        'received:refuse',
        'received:forward',
        'received:withdraw',
        'accepted:assign',
        'accepted:withdraw',
        'assigned:assign',
        'assigned:startVerification',
        'assigned:resolve',
        'assigned:withdraw',
        'verifying:assign',
        'verifying:resolve',
        'verifying:withdraw',
        'resolved:reportBack',
        'resolved:withdraw',
        'received:setFlags',
        'accepted:setFlags',
        'assigned:setFlags',
        'verifying:setFlags',
        'accepted:requestExtension',
        'assigned:requestExtension',
        'verifying:requestExtension',
        'accepted:decideExtension',
        'assigned:decideExtension',
        'verifying:decideExtension',
      ].sort(),
    );
  });

  test('when the caller lacks the role, then it is Forbidden and says which role is needed', () => {
    const refusal = checkAction({ ...base, actorRoles: ['officer'], stage: 'accepted', action: 'assign' });
    expect(refusal).toEqual({ code: 'Forbidden', message: expect.stringContaining('leader') });
    expect(checkAction({ ...base, actorRoles: ['supervisor'], stage: 'received', action: 'accept' })?.code).toBe(
      'Forbidden',
    );
  });

  test('when a petition was forwarded once, then a second forward is refused', () => {
    expect(
      checkAction({ ...base, actorRoles: ['officer'], stage: 'received', action: 'forward', forwardCount: 1 })?.code,
    ).toBe('IllegalTransition');
  });

  test('when a forward names no other unit, then it is invalid', () => {
    expect(
      checkAction({ ...base, actorRoles: ['officer'], stage: 'received', action: 'forward', toUnitId: 'u1' })?.code,
    ).toBe('InvalidAction');
    expect(
      checkAction({ ...base, actorRoles: ['officer'], stage: 'received', action: 'forward', toUnitId: undefined })
        ?.code,
    ).toBe('InvalidAction');
  });

  test('when a terminal stage is reached, then no action is legal any more', () => {
    for (const stage of ['closed', 'refused', 'withdrawn'] as Stage[]) {
      for (const action of ACTIONS)
        expect(checkAction({ ...base, actorRoles: ['leader', 'officer'], stage, action })?.code).toBe(
          'IllegalTransition',
        );
    }
  });
});

test('nextStage follows the table, and forward keeps the case in triage', () => {
  const expected: Record<ActionName, Stage> = {
    accept: 'accepted',
    refuse: 'refused',
    forward: 'received',
    assign: 'assigned',
    startVerification: 'verifying',
    resolve: 'resolved',
    reportBack: 'closed',
    withdraw: 'withdrawn',
    setFlags: 'received',
    requestExtension: 'accepted',
    decideExtension: 'accepted',
  };
  for (const action of ACTIONS) expect(nextStage(ACTION_RULES[action].from[0]!, action)).toBe(expected[action]);
});
