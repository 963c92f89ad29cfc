import "@/lib/cognito/spec/error-map";
import { z } from "zod";
import { ROLES } from "@/lib/contracts/roles";

export const setMemberRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });

export const inviteMemberSchema = z.object({
  email: z.email({ error: "enter the email address of the person to invite" }).max(254),
  role: z.enum(ROLES, { error: "choose viewer, editor, approver or admin" }),
});

export const removeMemberSchema = z.object({ userId: z.string().min(1) });
