// @node-rs/argon2 defaults to argon2id (m=19 MiB, t=2, p=1), the OWASP-recommended parameters. The native addon
// (some 12 MB) is loaded with the first password hashed or checked, not by every start of the server.
const argon2 = () => import('@node-rs/argon2');

export const hashPassword = async (password: string): Promise<string> => (await argon2()).hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
