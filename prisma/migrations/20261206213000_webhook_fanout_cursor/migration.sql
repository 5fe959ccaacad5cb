-- The fan-out's cursor is one row, created here so the fan-out statement only ever reads it.
INSERT INTO "WebhookFanout" (id, position) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
