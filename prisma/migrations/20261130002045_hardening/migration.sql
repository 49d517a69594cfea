-- CreateEnum
CREATE TYPE "SuspendingParty" AS ENUM ('CONSUMER', 'PROVIDER', 'PLATFORM');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'CLASIFICACION_CAMBIADA';

-- AlterTable
ALTER TABLE "agreement" ADD COLUMN     "suspended_by" "SuspendingParty";

-- CreateTable
CREATE TABLE "revoked_session" (
    "sid" UUID NOT NULL,
    "person_run" VARCHAR(12) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "revoked_session_pkey" PRIMARY KEY ("sid")
);

-- CreateIndex
CREATE INDEX "revoked_session_expires_at_idx" ON "revoked_session"("expires_at");

-- Agreements suspended before this migration: the party is the one the last suspension's actor
-- belonged to (provider first, then consumer); anyone else was the platform team.
UPDATE "agreement" a SET "suspended_by" = CASE
    WHEN EXISTS (SELECT 1 FROM "membership" m WHERE m."person_run" = e."actor_run" AND m."institution_code" = a."provider_code" AND m."role" = 'INSTITUTION_ADMIN') THEN 'PROVIDER'::"SuspendingParty"
    WHEN EXISTS (SELECT 1 FROM "membership" m WHERE m."person_run" = e."actor_run" AND m."institution_code" = a."consumer_code" AND m."role" = 'INSTITUTION_ADMIN') THEN 'CONSUMER'::"SuspendingParty"
    ELSE 'PLATFORM'::"SuspendingParty" END
FROM (
    SELECT DISTINCT ON ("agreement_id") "agreement_id", "actor_run" FROM "agreement_event"
    WHERE "action" = 'suspend' ORDER BY "agreement_id", "id" DESC
) e
WHERE a."id" = e."agreement_id" AND a."status" = 'SUSPENDIDA';
UPDATE "agreement" SET "suspended_by" = 'PLATFORM' WHERE "status" = 'SUSPENDIDA' AND "suspended_by" IS NULL;
