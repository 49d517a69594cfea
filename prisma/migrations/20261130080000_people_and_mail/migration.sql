-- CreateEnum
CREATE TYPE "MailMode" AS ENUM ('IMMEDIATE', 'DIGEST');

-- CreateEnum
CREATE TYPE "EmailSource" AS ENUM ('CLAVEUNICA', 'PERSONA');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('PENDIENTE', 'EN_RESUMEN', 'AGRUPADO', 'ENVIADO', 'DESCARTADO');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'NODO_REGISTRADO';
ALTER TYPE "NotificationKind" ADD VALUE 'NODO_CLAVES_ROTADAS';
ALTER TYPE "NotificationKind" ADD VALUE 'NODO_REVOCADO';
ALTER TYPE "NotificationKind" ADD VALUE 'INTEGRANTES_CAMBIADOS';

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "email" VARCHAR(254),
ADD COLUMN     "email_confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "email_source" "EmailSource",
ADD COLUMN     "mail_opt_out_at" TIMESTAMPTZ(3),
ADD COLUMN     "platform_mail_mode" "MailMode" NOT NULL DEFAULT 'IMMEDIATE';

-- AlterTable
ALTER TABLE "membership" ADD COLUMN     "added_by_run" VARCHAR(12),
ADD COLUMN     "email" VARCHAR(254),
ADD COLUMN     "email_confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "mail_mode" "MailMode" NOT NULL DEFAULT 'IMMEDIATE',
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
-- One warning sent before (at three business days) counts as the first of the two now sent.
ALTER TABLE "agreement" ADD COLUMN "deadline_warnings" SMALLINT NOT NULL DEFAULT 0;
UPDATE "agreement" SET "deadline_warnings" = 1 WHERE "deadline_warned";
ALTER TABLE "agreement" DROP COLUMN "deadline_warned";

-- CreateTable
CREATE TABLE "email_confirmation" (
    "token_hash" VARCHAR(64) NOT NULL,
    "person_run" VARCHAR(12) NOT NULL,
    "membership_id" UUID,
    "address" VARCHAR(254) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_confirmation_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "mail_message" (
    "id" UUID NOT NULL,
    "person_run" VARCHAR(12) NOT NULL,
    "institution_code" VARCHAR(32),
    "kind" VARCHAR(40) NOT NULL,
    "legal" BOOLEAN NOT NULL DEFAULT false,
    "to_address" VARCHAR(254) NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "link" TEXT,
    "status" "MailStatus" NOT NULL DEFAULT 'PENDIENTE',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "smtp_message_id" TEXT,
    "digest_id" UUID,
    "notification_id" UUID,

    CONSTRAINT "mail_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "email_confirmation_person_run_idx" ON "email_confirmation"("person_run");

-- CreateIndex
CREATE INDEX "mail_message_status_next_attempt_at_idx" ON "mail_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "mail_message_person_run_created_at_idx" ON "mail_message"("person_run", "created_at");

-- CreateIndex
CREATE INDEX "mail_message_digest_id_idx" ON "mail_message"("digest_id");

-- AddForeignKey
ALTER TABLE "email_confirmation" ADD CONSTRAINT "email_confirmation_person_run_fkey" FOREIGN KEY ("person_run") REFERENCES "person"("run") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_confirmation" ADD CONSTRAINT "email_confirmation_membership_id_fkey" FOREIGN KEY ("membership_id") REFERENCES "membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_message" ADD CONSTRAINT "mail_message_person_run_fkey" FOREIGN KEY ("person_run") REFERENCES "person"("run") ON DELETE CASCADE ON UPDATE CASCADE;

