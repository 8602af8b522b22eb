// Against password guessing: every failed sign-in is recorded (account name as typed, client address),
// and while an account name or an address has too many recent failures, sign-in is refused before the
// password is checked. The account name is throttled whether or not such an account exists, so the
// answer never tells which names are real. Counted from the table, so it holds across restarts and
// across several API processes.
import type { PrismaClient } from '../platform/db/prisma';
import { AppError } from '../errors';

export interface LoginLimits {
  /** Failures allowed per account name within the window. */
  perAccount: number;
  /** Failures allowed per client address within the window (one office behind one NAT signs in many people). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000 };

const key = (username: string) => username.trim().toLowerCase().slice(0, 100);

/** Throws 429 (with the seconds to wait in `details.retryAfterSeconds`) while the name or the address is throttled. */
export async function requireNotThrottled(
  prisma: PrismaClient,
  limits: LoginLimits,
  attempt: { username: string; address: string },
  now = new Date(),
): Promise<void> {
  const since = new Date(now.getTime() - limits.windowMs);
  const oldestBlocking = async (
    where: { username: string } | { address: string },
    limit: number,
  ): Promise<Date | null> => {
    // The failure whose expiry brings the count back under the limit.
    const rows = await prisma.loginFailure.findMany({
      where: { ...where, at: { gt: since } },
      orderBy: { at: 'desc' },
      take: limit,
      select: { at: true },
    });
    return rows.length >= limit ? rows[rows.length - 1]!.at : null;
  };
  const [byAccount, byAddress] = await Promise.all([
    oldestBlocking({ username: key(attempt.username) }, limits.perAccount),
    oldestBlocking({ address: attempt.address }, limits.perAddress),
  ]);
  const blockedUntil = Math.max(
    byAccount ? byAccount.getTime() + limits.windowMs : 0,
    byAddress ? byAddress.getTime() + limits.windowMs : 0,
  );
  if (blockedUntil > now.getTime()) {
    const retryAfterSeconds = Math.max(1, Math.ceil((blockedUntil - now.getTime()) / 1000));
    throw new AppError(
      'TooManyRequests',
      'too many failed sign-ins; try again later / đăng nhập sai quá nhiều lần, vui lòng thử lại sau',
      { retryAfterSeconds },
    );
  }
}

export async function recordLoginFailure(
  prisma: PrismaClient,
  attempt: { username: string; address: string },
  now = new Date(),
): Promise<void> {
  await prisma.loginFailure.create({ data: { username: key(attempt.username), address: attempt.address, at: now } });
}
