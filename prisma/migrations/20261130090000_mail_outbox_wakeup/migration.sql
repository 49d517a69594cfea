-- Wakes the mail dispatcher as soon as a mail to send is committed: every portal instance's job
-- runner LISTENs on `mail_outbox` and queues the `mail-outbox` job (lib/jobs.ts); the job's
-- every-minute schedule remains the safety net. PostgreSQL delivers a NOTIFY only at commit, and
-- folds identical ones of a transaction into one, so a notification to a hundred members wakes
-- the dispatcher once, after the rows are visible. No table or column changes (Prisma sees none).
CREATE OR REPLACE FUNCTION mail_outbox_wakeup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('mail_outbox', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER mail_outbox_wakeup
  AFTER INSERT OR UPDATE OF status ON "mail_message"
  FOR EACH ROW WHEN (NEW."status" = 'PENDIENTE')
  EXECUTE FUNCTION mail_outbox_wakeup();
