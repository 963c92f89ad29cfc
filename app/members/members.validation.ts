import "@/lib/cognito/spec/error-map";
import { z } from "zod";
import { ROLES } from "@/lib/server/roles";

export const setMemberRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });
export type SetMemberRoleInput = z.infer<typeof setMemberRoleSchema>;
