-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "GradualityGroup" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('MINISTERIO', 'SERVICIO_PUBLICO', 'CONTRALORIA', 'FFAA_ORDEN_SEGURIDAD', 'DELEGACION_PRESIDENCIAL', 'GOBIERNO_REGIONAL', 'MUNICIPALIDAD');

-- CreateEnum
CREATE TYPE "OnboardingStage" AS ENUM ('NO_INICIADO', 'REUNION_SOLICITADA', 'ACUERDO', 'NODO_DESARROLLO', 'PRUEBAS_CONECTIVIDAD', 'PRODUCCION');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('INSTITUTION_STAFF', 'INSTITUTION_ADMIN');

-- CreateTable
CREATE TABLE "group_deadline" (
    "group" "GradualityGroup" NOT NULL,
    "year" INTEGER NOT NULL,
    "duty" TEXT NOT NULL,
    "members" TEXT NOT NULL,

    CONSTRAINT "group_deadline_pkey" PRIMARY KEY ("group")
);

-- CreateTable
CREATE TABLE "institution" (
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "region" VARCHAR(8),
    "group" "GradualityGroup" NOT NULL,
    "onboarding_stage" "OnboardingStage" NOT NULL DEFAULT 'NO_INICIADO',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "institution_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "person" (
    "run" VARCHAR(12) NOT NULL,
    "given_names" TEXT NOT NULL,
    "family_names" TEXT NOT NULL,
    "is_platform_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),

    CONSTRAINT "person_pkey" PRIMARY KEY ("run")
);

-- CreateTable
CREATE TABLE "membership" (
    "id" UUID NOT NULL,
    "person_run" VARCHAR(12) NOT NULL,
    "institution_code" VARCHAR(32) NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "head_of_service" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_run" VARCHAR(12),
    "action" TEXT NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "data" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "institution_group_kind_idx" ON "institution"("group", "kind");

-- CreateIndex
CREATE INDEX "institution_kind_idx" ON "institution"("kind");

-- CreateIndex
CREATE INDEX "membership_institution_code_idx" ON "membership"("institution_code");

-- CreateIndex
CREATE UNIQUE INDEX "membership_person_run_institution_code_key" ON "membership"("person_run", "institution_code");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_at_idx" ON "audit_event"("target_type", "target_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_actor_run_at_idx" ON "audit_event"("actor_run", "at");

-- AddForeignKey
ALTER TABLE "institution" ADD CONSTRAINT "institution_group_fkey" FOREIGN KEY ("group") REFERENCES "group_deadline"("group") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_person_run_fkey" FOREIGN KEY ("person_run") REFERENCES "person"("run") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institution"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what the Prisma datamodel cannot express.

-- Accent-insensitive "contains" search on institution names uses a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "institution_search_name_trgm_idx" ON "institution" USING gin ("search_name" gin_trgm_ops);

-- Identifiers as PROTOCOL.md §1 defines them.
ALTER TABLE "institution" ADD CONSTRAINT "institution_code_format" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]{1,31}$');
ALTER TABLE "person" ADD CONSTRAINT "person_run_format" CHECK ("run" ~ '^[1-9][0-9]{0,7}-[0-9K]$');

-- At most one head of service (who signs agreements) per institution.
CREATE UNIQUE INDEX "membership_one_head_of_service" ON "membership" ("institution_code") WHERE "head_of_service";

-- The audit log is append-only.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event es de solo inserción' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_event_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
