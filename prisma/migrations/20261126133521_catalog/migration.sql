-- CreateEnum
CREATE TYPE "LifecycleStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'DEPRECATED', 'RETIRED');

-- CreateEnum
CREATE TYPE "ProcedureStatus" AS ENUM ('VIGENTE', 'DEROGADO');

-- CreateEnum
CREATE TYPE "ApprovalPolicy" AS ENUM ('MANUAL', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('PERSONAL', 'SENSIBLE', 'ESTADISTICO', 'SECRETO', 'RESERVADO', 'OTRO');

-- CreateEnum
CREATE TYPE "UpdateFrequency" AS ENUM ('TIEMPO_REAL', 'DIARIA', 'SEMANAL', 'MENSUAL', 'TRIMESTRAL', 'ANUAL', 'EVENTUAL');

-- CreateEnum
CREATE TYPE "DataNature" AS ENUM ('MAESTRO', 'TRANSACCIONAL', 'REFERENCIAL', 'DOCUMENTAL');

-- CreateEnum
CREATE TYPE "DataDirection" AS ENUM ('INPUT', 'OUTPUT');

-- CreateEnum
CREATE TYPE "Environment" AS ENUM ('dev', 'prod');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('SERVICE', 'DATA_ITEM', 'PROCEDURE');

-- CreateTable
CREATE TABLE "procedure" (
    "code" VARCHAR(40) NOT NULL,
    "institution_code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "originating_law" TEXT NOT NULL,
    "needs_interoperability" BOOLEAN NOT NULL,
    "needs_consent" BOOLEAN NOT NULL,
    "status" "ProcedureStatus" NOT NULL DEFAULT 'VIGENTE',
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedure_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "data_item" (
    "id" VARCHAR(100) NOT NULL,
    "institution_code" VARCHAR(32) NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "attributes" JSONB NOT NULL,
    "classification" "Classification" NOT NULL,
    "responsible_run" VARCHAR(12) NOT NULL,
    "update_frequency" "UpdateFrequency" NOT NULL,
    "last_updated_on" DATE,
    "nature" "DataNature" NOT NULL,
    "status" "LifecycleStatus" NOT NULL DEFAULT 'DRAFT',
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "data_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service" (
    "id" VARCHAR(110) NOT NULL,
    "institution_code" VARCHAR(32) NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "major" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "LifecycleStatus" NOT NULL DEFAULT 'DRAFT',
    "tps" INTEGER NOT NULL,
    "availability" DECIMAL(5,2) NOT NULL,
    "approval_policy" "ApprovalPolicy" NOT NULL,
    "responsible_run" VARCHAR(12) NOT NULL,
    "requires_approved_schema" BOOLEAN NOT NULL DEFAULT false,
    "openapi" JSONB,
    "environments" "Environment"[],
    "search_text" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_data_item" (
    "service_id" VARCHAR(110) NOT NULL,
    "data_item_id" VARCHAR(100) NOT NULL,
    "direction" "DataDirection" NOT NULL,

    CONSTRAINT "service_data_item_pkey" PRIMARY KEY ("service_id","data_item_id","direction")
);

-- CreateTable
CREATE TABLE "service_procedure" (
    "service_id" VARCHAR(110) NOT NULL,
    "procedure_code" VARCHAR(40) NOT NULL,

    CONSTRAINT "service_procedure_pkey" PRIMARY KEY ("service_id","procedure_code")
);

-- CreateTable
CREATE TABLE "lifecycle_event" (
    "id" BIGSERIAL NOT NULL,
    "entity_type" "EntityType" NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "actor_run" VARCHAR(12),
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lifecycle_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "procedure_institution_code_idx" ON "procedure"("institution_code");

-- CreateIndex
CREATE INDEX "data_item_classification_idx" ON "data_item"("classification");

-- CreateIndex
CREATE INDEX "data_item_status_idx" ON "data_item"("status");

-- CreateIndex
CREATE UNIQUE INDEX "data_item_institution_code_code_key" ON "data_item"("institution_code", "code");

-- CreateIndex
CREATE INDEX "service_status_institution_code_idx" ON "service"("status", "institution_code");

-- CreateIndex
CREATE UNIQUE INDEX "service_institution_code_code_major_key" ON "service"("institution_code", "code", "major");

-- CreateIndex
CREATE INDEX "service_data_item_data_item_id_idx" ON "service_data_item"("data_item_id");

-- CreateIndex
CREATE INDEX "service_procedure_procedure_code_idx" ON "service_procedure"("procedure_code");

-- CreateIndex
CREATE INDEX "lifecycle_event_entity_type_entity_id_at_idx" ON "lifecycle_event"("entity_type", "entity_id", "at");

-- AddForeignKey
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institution"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_item" ADD CONSTRAINT "data_item_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institution"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_item" ADD CONSTRAINT "data_item_responsible_run_fkey" FOREIGN KEY ("responsible_run") REFERENCES "person"("run") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_institution_code_fkey" FOREIGN KEY ("institution_code") REFERENCES "institution"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_responsible_run_fkey" FOREIGN KEY ("responsible_run") REFERENCES "person"("run") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_data_item" ADD CONSTRAINT "service_data_item_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_data_item" ADD CONSTRAINT "service_data_item_data_item_id_fkey" FOREIGN KEY ("data_item_id") REFERENCES "data_item"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_procedure" ADD CONSTRAINT "service_procedure_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_procedure" ADD CONSTRAINT "service_procedure_procedure_code_fkey" FOREIGN KEY ("procedure_code") REFERENCES "procedure"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: what the Prisma datamodel cannot express.

-- Spanish full-text search that ignores accents: a text search configuration that removes
-- accents before Spanish stemming. to_tsvector(regconfig, text) is immutable, so it can feed
-- generated columns; queries use the same configuration.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION es_unaccent ( COPY = pg_catalog.spanish );
ALTER TEXT SEARCH CONFIGURATION es_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;

-- Names weigh more than the rest (descriptions, provider, data items, procedures).
ALTER TABLE "service" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('es_unaccent', "name"), 'A') || setweight(to_tsvector('es_unaccent', "search_text"), 'B')
) STORED;
CREATE INDEX "service_search_idx" ON "service" USING gin ("search");

ALTER TABLE "data_item" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('es_unaccent', "name"), 'A') || setweight(to_tsvector('es_unaccent', "search_text"), 'B')
) STORED;
CREATE INDEX "data_item_search_idx" ON "data_item" USING gin ("search");

ALTER TABLE "procedure" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('es_unaccent', "name"), 'A') || setweight(to_tsvector('es_unaccent', "search_text"), 'B')
) STORED;
CREATE INDEX "procedure_search_idx" ON "procedure" USING gin ("search");

-- Listing order and filters the catalog pages use.
CREATE INDEX "service_updated_at_idx" ON "service" ("updated_at" DESC);
CREATE INDEX "data_item_institution_status_idx" ON "data_item" ("institution_code", "status");

-- Identifiers (PROTOCOL.md §1) and commitments.
ALTER TABLE "service" ADD CONSTRAINT "service_code_format" CHECK ("code" ~ '^[a-z0-9][a-z0-9-]{1,63}$');
ALTER TABLE "service" ADD CONSTRAINT "service_id_composed" CHECK ("id" = "institution_code" || '/' || "code" || '/v' || "major");
ALTER TABLE "service" ADD CONSTRAINT "service_major_positive" CHECK ("major" >= 1);
ALTER TABLE "service" ADD CONSTRAINT "service_tps_positive" CHECK ("tps" >= 1);
ALTER TABLE "service" ADD CONSTRAINT "service_availability_percent" CHECK ("availability" > 0 AND "availability" <= 100);
ALTER TABLE "data_item" ADD CONSTRAINT "data_item_code_format" CHECK ("code" ~ '^[a-z0-9][a-z0-9-]{1,63}$');
ALTER TABLE "data_item" ADD CONSTRAINT "data_item_id_composed" CHECK ("id" = "institution_code" || '/' || "code");
ALTER TABLE "procedure" ADD CONSTRAINT "procedure_code_format" CHECK ("code" ~ '^[A-Z0-9][A-Z0-9-]{1,39}$');

-- State changes are history: append-only, like the audit log.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% es de solo inserción', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "lifecycle_event_no_update_delete" BEFORE UPDATE OR DELETE ON "lifecycle_event"
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER "lifecycle_event_no_truncate" BEFORE TRUNCATE ON "lifecycle_event"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
