import { randomBytes } from 'node:crypto';
import { SET_PASSWORD_PATH } from '../../core/auth/account-link.ts';
import { passwordWeakness } from '../../core/auth/new-account.ts';
import type { Role, SessionUser } from '../../core/auth/roles.ts';
import type { InvitationInput, UserAccount } from '../../core/auth/users.schemas.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { deleteUserSessions } from '../auth/auth.repository.ts';
import { idOfToken } from '../auth/auth.service.ts';
import { isCustomersDeliveryPoint } from '../auth/buyer-scope.repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Db, DbOrTrx } from '../db/database.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { insertOutboxEmail } from '../mail/outbox.repository.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import {
  findAccount,
  findAccountByEmail,
  findOpenAccountLink,
  insertAccountLink,
  insertInvitedAccount,
  listAccounts,
  listBuyerDeliveryPoints,
  setBuyerDeliveryPoints,
  setPasswordHash,
  updateAccount,
  useAccountLink,
} from './users.repository.ts';

/** How long an emailed link opens: an invitation a week, a reset a day. */
const LINK_HOURS = { invitation: 7 * 24, reset: 24 } as const;

export async function listUsers(db: Db): Promise<UserAccount[]> {
  const [rows, points] = await Promise.all([listAccounts(db), listBuyerDeliveryPoints(db)]);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as Role,
    customerId: r.customerId,
    customerName: r.customerName ?? null,
    active: r.active === 1,
    lockedUntil: r.lockedUntil ?? null,
    lastLoginAt: r.lastLoginAt ?? null,
    // A password chosen (from a link or by the admin's command) ends the invitation, used or not.
    invitedUntil: r.passwordChangedAt === null ? (r.invitationExpiresAt ?? null) : null,
    deliveryPointIds: points.filter((p) => p.userId === r.id).map((p) => p.deliveryPointId),
    createdAt: r.createdAt,
  }));
}

type LinkContext = { publicUrl: string; actor: SessionUser; now: Date };

/** Writes a one-time link for the account and queues its email, in the caller's transaction. */
async function sendLink(
  trx: DbOrTrx,
  account: { id: number; email: string; name: string },
  kind: 'invitation' | 'reset',
  ctx: LinkContext,
) {
  const token = randomBytes(32).toString('base64url');
  const at = ctx.now.toISOString();
  const expiresAt = new Date(ctx.now.getTime() + LINK_HOURS[kind] * 3_600_000);
  await insertAccountLink(trx, {
    id: idOfToken(token),
    userId: account.id,
    kind,
    expiresAt: expiresAt.toISOString(),
    createdBy: ctx.actor.id,
    createdAt: at,
  });
  // The token rides in the fragment: browsers never send it to a server, so no access log keeps it.
  const url = `${ctx.publicUrl.replace(/\/$/, '')}${SET_PASSWORD_PATH}#${token}`;
  const days = Math.round(LINK_HOURS[kind] / 24);
  const [subject, intro] =
    kind === 'invitation'
      ? ['Votre accès au portail de commande / Your ordering portal access', `${ctx.actor.name} vous invite à commander en ligne.`]
      : ['Réinitialisation de votre mot de passe / Password reset', 'Un nouveau mot de passe a été demandé pour votre compte.'];
  await insertOutboxEmail(trx as never, {
    kind: `account-${kind}`,
    orderId: null,
    documentId: null,
    toAddress: account.email,
    toName: account.name,
    subject,
    bodyText:
      `Bonjour ${account.name},\n\n${intro}\nChoisissez votre mot de passe ici (lien valable ${days} jour(s), une seule fois) :\n${url}\n\n` +
      `Hello ${account.name}, choose your password here (valid ${days} day(s), once): ${url}\n`,
    status: 'pending',
    lastError: null,
    nextAttemptAt: at,
    createdBy: ctx.actor.id,
    createdAt: at,
    updatedAt: at,
  });
}

/** An unusable hash: the account logs in only once its owner set a password from the link. */
const noPasswordYet = async () => hashPassword(randomBytes(32).toString('base64url'));

async function assertEmailFree(db: DbOrTrx, email: string) {
  if (await findAccountByEmail(db, email))
    throw new AppError('CONFLICT', `${email} belongs to an account already`, [
      { path: 'body.email', code: 'taken', params: { value: email }, message: 'belongs to an account already' },
    ]);
}

/** A manager invites a customer's buyer to the portal; she belongs to that customer only. */
export async function inviteBuyer(db: Db, input: InvitationInput, ctx: LinkContext): Promise<UserAccount> {
  const email = input.email.trim().toLowerCase();
  if (!(await findCustomer(db, input.customerId)))
    throw invalid('body.customerId', 'not-found', { entity: 'customer', id: input.customerId }, `no customer ${input.customerId}`);
  for (const [i, id] of input.deliveryPointIds.entries())
    if (!(await isCustomersDeliveryPoint(db, input.customerId, id)))
      throw invalid(
        `body.deliveryPointIds.${i}`,
        'not-found',
        { entity: 'delivery-point', id },
        `delivery point ${id} is not this customer's`,
      );
  await assertEmailFree(db, email);
  const passwordHash = await noPasswordYet();
  const id = await db.transaction().execute(async (trx) => {
    const userId = await insertInvitedAccount(trx, {
      email,
      name: input.name.trim(),
      role: 'buyer',
      customerId: input.customerId,
      passwordHash,
      createdAt: ctx.now.toISOString(),
    });
    await setBuyerDeliveryPoints(trx, userId, input.deliveryPointIds);
    await sendLink(trx, { id: userId, email, name: input.name.trim() }, 'invitation', ctx);
    await recordAudit(trx, {
      entityType: 'user',
      entityId: userId,
      action: 'invite_buyer',
      userId: ctx.actor.id,
      after: { email, customerId: input.customerId, deliveryPointIds: input.deliveryPointIds },
      at: ctx.now.toISOString(),
    });
    return userId;
  });
  return (await listUsers(db)).find((u) => u.id === id)!;
}

/** An admin opens a colleague's account; she sets her password from the emailed link. */
export async function createStaff(db: Db, input: { email: string; name: string; role: Role }, ctx: LinkContext): Promise<UserAccount> {
  const email = input.email.trim().toLowerCase();
  await assertEmailFree(db, email);
  const passwordHash = await noPasswordYet();
  const id = await db.transaction().execute(async (trx) => {
    const userId = await insertInvitedAccount(trx, {
      email,
      name: input.name.trim(),
      role: input.role,
      customerId: null,
      passwordHash,
      createdAt: ctx.now.toISOString(),
    });
    await sendLink(trx, { id: userId, email, name: input.name.trim() }, 'invitation', ctx);
    await recordAudit(trx, {
      entityType: 'user',
      entityId: userId,
      action: 'create_user',
      userId: ctx.actor.id,
      after: { email, role: input.role },
      at: ctx.now.toISOString(),
    });
    return userId;
  });
  return (await listUsers(db)).find((u) => u.id === id)!;
}

/** Role, active, lock: what an admin changes on an account; switching one off ends its sessions. */
export async function patchUser(
  db: Db,
  id: number,
  patch: { role?: Role; active?: boolean; unlock?: true },
  ctx: LinkContext,
): Promise<UserAccount> {
  const account = await findAccount(db, id);
  if (!account) throw notFound('User', id);
  if (patch.role && account.role === 'buyer')
    throw new AppError('CONFLICT', "A buyer's role does not change: she belongs to her customer.");
  if (id === ctx.actor.id && (patch.active === false || (patch.role && patch.role !== 'admin')))
    throw new AppError('CONFLICT', 'You may not switch off or demote your own account.');
  await db.transaction().execute(async (trx) => {
    await updateAccount(trx, id, {
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
      ...(patch.unlock ? { lockedUntil: null } : {}),
    });
    if (patch.active === false || patch.role) await deleteUserSessions(trx, id);
    await recordAudit(trx, {
      entityType: 'user',
      entityId: id,
      action: 'update_user',
      userId: ctx.actor.id,
      before: { role: account.role, active: account.active === 1, lockedUntil: account.lockedUntil },
      after: patch,
      at: ctx.now.toISOString(),
    });
  });
  return (await listUsers(db)).find((u) => u.id === id)!;
}

/** Emails the account a link to choose a new password (the current one keeps working until then). */
export async function sendReset(db: Db, id: number, ctx: LinkContext): Promise<void> {
  const account = await findAccount(db, id);
  if (!account) throw notFound('User', id);
  await db.transaction().execute(async (trx) => {
    await sendLink(trx, account, 'reset', ctx);
    await recordAudit(trx, { entityType: 'user', entityId: id, action: 'send_reset', userId: ctx.actor.id, at: ctx.now.toISOString() });
  });
}

export async function readLink(db: Db, token: string, now: Date) {
  const link = await findOpenAccountLink(db, idOfToken(token), now.toISOString());
  if (!link) throw new AppError('NOT_FOUND', 'This link was used already or has expired; ask for a new one.');
  return { kind: link.kind, email: link.email, name: link.name, expiresAt: link.expiresAt };
}

/** Sets the password from a one-time link: used once, every session of the account ended. */
export async function setPasswordFromLink(db: Db, token: string, password: string, now: Date): Promise<void> {
  const link = await findOpenAccountLink(db, idOfToken(token), now.toISOString());
  if (!link) throw new AppError('NOT_FOUND', 'This link was used already or has expired; ask for a new one.');
  const weakness = passwordWeakness({ email: link.email, name: link.name, password });
  if (weakness) throw invalid('body.password', 'weak-password', { reason: weakness.code }, weakness.message);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    if (!(await useAccountLink(trx, link.id, now.toISOString()))) throw new AppError('NOT_FOUND', 'This link was used already.');
    await setPasswordHash(trx, link.userId, passwordHash, now.toISOString());
    await deleteUserSessions(trx, link.userId);
    await recordAudit(trx, {
      entityType: 'user',
      entityId: link.userId,
      action: `password_set_${link.kind}`,
      userId: link.userId,
      at: now.toISOString(),
    });
  });
}
