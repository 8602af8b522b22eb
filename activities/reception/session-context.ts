import type { PrismaClient } from '../../src/platform/db/prisma';

/** What a session's e-mails and notices say about it: the row, its unit, its leader and schedule. */
export async function sessionContext(prisma: PrismaClient, sessionId: string) {
  const session = await prisma.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
  const [unit, leader, schedule, registrations] = await Promise.all([
    prisma.unit.findUniqueOrThrow({ where: { id: session.unitId } }),
    prisma.person.findUnique({ where: { id: session.receivingLeaderId } }),
    prisma.receptionSchedule.findUnique({ where: { id: session.scheduleId } }),
    prisma.receptionRegistration.count({ where: { sessionId } }),
  ]);
  const durationMs = (schedule?.durationMinutes ?? 240) * 60_000;
  return {
    session,
    unit,
    leaderName: leader?.fullName ?? '—',
    durationMs,
    registrations,
    cutoffDays: schedule?.registrationCutoffDays ?? null,
  };
}
