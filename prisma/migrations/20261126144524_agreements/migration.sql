-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('BORRADOR', 'ENVIADA', 'EN_REVISION', 'ACEPTADA', 'RECHAZADA', 'VENCIDA', 'EN_MEDIACION', 'RECHAZADA_FIRME', 'PENDIENTE_FIRMA', 'VIGENTE', 'SUSPENDIDA', 'TERMINADA');

-- CreateEnum
CREATE TYPE "AgreementType" AS ENUM ('UNICA_VEZ', 'SERVICIO', 'PERMANENTE');

-- CreateEnum
CREATE TYPE "AgreementMode" AS ENUM ('EN_LINEA', 'LOTE');

-- CreateEnum
CREATE TYPE "AgreementSide" AS ENUM ('CONSUMER', 'PROVIDER');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('SOLICITUD_NUEVA', 'SOLICITUD_EN_REVISION', 'SOLICITUD_RESPONDIDA', 'PLAZO_PROXIMO', 'PLAZO_VENCIDO', 'PLAZO_PRORROGADO', 'MEDIACION_SOLICITADA', 'MEDIACION_RESUELTA', 'FIRMA_REQUERIDA', 'ACUERDO_VIGENTE', 'ACUERDO_SUSPENDIDO', 'ACUERDO_REANUDADO', 'ACUERDO_TERMINADO');

-- CreateTable
CREATE TABLE "standard_terms" (
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "standard_terms_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "agreement" (
    "id" UUID NOT NULL,
    "number" VARCHAR(20) NOT NULL,
    "consumer_code" VARCHAR(32) NOT NULL,
    "service_id" VARCHAR(110) NOT NULL,
    "provider_code" VARCHAR(32) NOT NULL,
    "environment" "Environment" NOT NULL,
    "type" "AgreementType" NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "declared_volume" INTEGER NOT NULL,
    "mode" "AgreementMode" NOT NULL,
    "requested_tps" INTEGER NOT NULL,
    "requested_until" DATE,
    "status" "AgreementStatus" NOT NULL DEFAULT 'BORRADOR',
    "granted_tps" INTEGER,
    "granted_availability" DECIMAL(5,2),
    "valid_until" TIMESTAMPTZ(3),
    "standard_terms_version" INTEGER,
    "terms_document_id" UUID,
    "terms_sha256" CHAR(64),
    "submitted_at" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "deadline_warned" BOOLEAN NOT NULL DEFAULT false,
    "in_force_since" TIMESTAMPTZ(3),
    "created_by_run" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_procedure" (
    "agreement_id" UUID NOT NULL,
    "procedure_code" VARCHAR(40) NOT NULL,

    CONSTRAINT "agreement_procedure_pkey" PRIMARY KEY ("agreement_id","procedure_code")
);

-- CreateTable
CREATE TABLE "agreement_signature" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "side" "AgreementSide" NOT NULL,
    "signer_run" VARCHAR(12) NOT NULL,
    "signed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "terms_sha256" CHAR(64) NOT NULL,

    CONSTRAINT "agreement_signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_document" (
    "id" UUID NOT NULL,
    "agreement_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by_run" VARCHAR(12) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreement_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agreement_event" (
    "id" BIGSERIAL NOT NULL,
    "agreement_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" "AgreementStatus",
    "to_status" "AgreementStatus" NOT NULL,
    "actor_run" VARCHAR(12),
    "reason" TEXT,
    "data" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agreement_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "institution_code" VARCHAR(32),
    "agreement_id" UUID,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "read_by_run" VARCHAR(12),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agreement_number_key" ON "agreement"("number");

-- CreateIndex
CREATE INDEX "agreement_consumer_code_status_idx" ON "agreement"("consumer_code", "status");

-- CreateIndex
CREATE INDEX "agreement_provider_code_status_idx" ON "agreement"("provider_code", "status");

-- CreateIndex
CREATE INDEX "agreement_status_due_at_idx" ON "agreement"("status", "due_at");

-- CreateIndex
CREATE INDEX "agreement_status_environment_idx" ON "agreement"("status", "environment");

-- CreateIndex
CREATE UNIQUE INDEX "agreement_signature_agreement_id_side_key" ON "agreement_signature"("agreement_id", "side");

-- CreateIndex
CREATE INDEX "agreement_document_agreement_id_idx" ON "agreement_document"("agreement_id");

-- CreateIndex
CREATE INDEX "agreement_event_agreement_id_id_idx" ON "agreement_event"("agreement_id", "id");

-- CreateIndex
CREATE INDEX "notification_institution_code_created_at_idx" ON "notification"("institution_code", "created_at");

-- AddForeignKey
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_consumer_code_fkey" FOREIGN KEY ("consumer_code") REFERENCES "institution"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_procedure" ADD CONSTRAINT "agreement_procedure_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_procedure" ADD CONSTRAINT "agreement_procedure_procedure_code_fkey" FOREIGN KEY ("procedure_code") REFERENCES "procedure"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_signature" ADD CONSTRAINT "agreement_signature_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_document" ADD CONSTRAINT "agreement_document_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agreement_event" ADD CONSTRAINT "agreement_event_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institution"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written.

-- One active request per (consumer, service, environment): a second one is a conflict, even
-- when two arrive at once. Refused, expired, firmly refused and terminated ones do not count.
CREATE UNIQUE INDEX "agreement_one_active_per_pair" ON "agreement" ("consumer_code", "service_id", "environment")
  WHERE "status" NOT IN ('RECHAZADA', 'VENCIDA', 'RECHAZADA_FIRME', 'TERMINADA');

-- Agreement numbers: ACU-{year}-{sequence}.
CREATE SEQUENCE "agreement_number_seq";

ALTER TABLE "agreement" ADD CONSTRAINT "agreement_requested_tps_positive" CHECK ("requested_tps" >= 1);
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_granted_tps_positive" CHECK ("granted_tps" IS NULL OR "granted_tps" >= 1);
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_volume_positive" CHECK ("declared_volume" >= 1);
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_own_service" CHECK ("consumer_code" <> "provider_code");
ALTER TABLE "agreement_document" ADD CONSTRAINT "agreement_document_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');

-- History is append-only.
CREATE TRIGGER "agreement_event_no_update_delete" BEFORE UPDATE OR DELETE ON "agreement_event"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER "agreement_event_no_truncate" BEFORE TRUNCATE ON "agreement_event"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER "agreement_signature_no_update_delete" BEFORE UPDATE OR DELETE ON "agreement_signature"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION refuse_history_change();
