/** Schemas of `sync.status` (`GET /api/sync/status`). */
import { z } from "zod";

import { doc, successTrue } from "../schemas/common.ts";
import { SessionSchema, SyncRunSchema } from "../schemas/sync.ts";

export const GetSyncStatusInput = z.strictObject({}).optional();

export const GetSyncStatusOutput = z.object({
  success: successTrue,
  running: z.boolean().meta(doc("A run is in progress.", false)),
  current_run: SyncRunSchema.nullable().meta({ description: "The run in progress, with live progress; null when idle." }),
  last_run: SyncRunSchema.nullable().meta({ description: "The newest finished run." }),
  last_success_at: z.string().nullable().meta(doc("When the newest successful run finished (ISO 8601).", "2026-03-16T07:02:13.000Z")),
  next_run_at: z.string().nullable().meta(doc("When the schedule starts the next run (ISO 8601); null when off.", "2026-03-16T08:00:00.000Z")),
  schedule: z
    .object({
      enabled: z.boolean().meta(doc("Automatic sync is on.", true)),
      interval_seconds: z.number().int().meta(doc("Seconds between runs.", 3600)),
      business_hours: z
        .object({
          enabled: z.boolean().meta(doc("Runs only inside business hours.", true)),
          start: z.string().meta(doc("Window start, local time HH:MM.", "07:00")),
          end: z.string().meta(doc("Window end, local time HH:MM.", "19:00")),
          days: z.array(z.number().int()).meta(doc("ISO weekdays (Monday 1 … Sunday 7).", [1, 2, 3, 4, 5])),
          time_zone: z.string().meta(doc("IANA time zone of the window.", "Europe/Berlin")),
        })
        .meta({ description: "Business-hours window." }),
      inside_window_now: z.boolean().meta(doc("Now is inside the window.", true)),
    })
    .meta({ description: "The sync schedule." }),
  session: SessionSchema,
  worker_alive: z.boolean().meta(doc("The sync worker is running.", true)),
});
