/**
 * @module Developer accounts: registration (scrypt password hash, email unique case-insensitively)
 * and the credential check behind login, which costs the same whether or not the email exists.
 */
import { AppError, hashPassword, newId, verifyPassword } from '../platform/index.ts';
import type { DevelopersContext } from './context.ts';
import { toDeveloper } from './mappers.ts';
import type { Developer, NewDeveloper } from './types.ts';
import { normaliseEmail, validateDeveloper } from './validate-developer.ts';

/** A well-formed hash of no password: verified against when the email is unknown. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function registerDeveloper(ctx: DevelopersContext, input: NewDeveloper): Promise<Developer> {
  const valid = validateDeveloper(input);
  const row = {
    id: newId('dev'),
    email: valid.email,
    name: valid.name,
    password_hash: await hashPassword(valid.password),
    created_at: ctx.now().toISOString(),
  };
  try {
    await ctx.db.insertInto('developers').values(row).execute();
  } catch (err) {
    if (ctx.database.isUniqueViolation(err)) {
      throw new AppError('DEVELOPER_EMAIL_TAKEN', 'A developer with this email already exists', {
        errors: [{ path: '/body/email', message: 'is already registered' }],
      });
    }
    throw err;
  }
  return toDeveloper(row);
}

/** The developer when email and password match; null otherwise. */
export async function checkCredentials(
  ctx: DevelopersContext,
  email: string,
  password: string,
): Promise<Developer | null> {
  const row = await ctx.db
    .selectFrom('developers')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  return row && ok ? toDeveloper(row) : null;
}
