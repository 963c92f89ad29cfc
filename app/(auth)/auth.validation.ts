import "@/lib/cognito/spec/error-map";
import { z } from "zod";

export const signInSchema = z.object({
  email: z.email({ error: "enter your email address" }),
  password: z.string().min(1, { error: "enter your password" }),
});

export const signUpSchema = z.object({
  name: z.string().trim().min(1, { error: "enter your name" }).max(100, { error: "keep it under 100 characters" }),
  email: z.email({ error: "enter a valid email address" }).max(254),
  // Length over composition rules (NIST SP 800-63B); bcrypt reads at most 72 bytes.
  password: z.string().min(12, { error: "use at least 12 characters" }).max(72, { error: "use at most 72 characters" }),
});
