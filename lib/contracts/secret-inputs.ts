import "@/lib/cognito/spec/error-map";
import { z } from "zod";

/** Schemas of client secret rotation, shared by the panel and the actions. */

export const clientSecretRefSchema = z.object({
  targetId: z.string().min(1),
  clientName: z.string().min(1, { error: "choose an app client" }).max(128),
});
export type ClientSecretRef = z.infer<typeof clientSecretRefSchema>;

export const finishRotationSchema = clientSecretRefSchema.extend({
  keepSecretId: z.string().min(1, { error: "choose the secret your application uses" }),
  confirmed: z.literal(true, { error: "confirm that your application uses the new secret; the old one stops working" }),
});
export type FinishRotationInput = z.infer<typeof finishRotationSchema>;
