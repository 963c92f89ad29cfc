import "@/lib/cognito/spec/error-map";
import { z } from "zod";

/** bcrypt reads at most 72 bytes; a longer password would be cut without a word, so it is refused. */
const BCRYPT_MAX_BYTES = 72;

/** A new password: length over composition rules (NIST SP 800-63B), at most 72 UTF-8 bytes (bcrypt). */
export const newPasswordSchema = z
  .string()
  .min(12, { error: "use at least 12 characters" })
  .refine((p) => new TextEncoder().encode(p).length <= BCRYPT_MAX_BYTES, {
    error: `use at most ${BCRYPT_MAX_BYTES} bytes: letters with accents and other non-English characters count 2 to 4 each`,
  });

export const signInSchema = z.object({
  email: z.email({ error: "enter your email address" }).max(254),
  password: z.string().min(1, { error: "enter your password" }).max(BCRYPT_MAX_BYTES * 4, { error: "this is longer than any password the studio accepts" }),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: "enter your name" }).max(100, { error: "keep it under 100 characters" }),
  email: z.email({ error: "enter a valid email address" }).max(254),
  password: newPasswordSchema,
});

export const acceptInvitationSchema = z.object({
  token: z.string().min(1).max(200),
  name: signUpSchema.shape.name,
  password: newPasswordSchema,
});
